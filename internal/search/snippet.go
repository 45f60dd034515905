package search

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"
)

// Snippet is a piece of a hit's text around what the query matched: plain
// text and the matches' places in it, never markup (as zoekt's
// LineFragmentMatch). Each frontend marks the matches its own way: the web
// pages in <mark> elements through their templates' escaping, CSV and
// tables print Text alone, and the JSON outputs give HTML (below).
type Snippet struct {
	Text string
	// Matches are the matched parts of Text as byte offsets, in order,
	// not overlapping.
	Matches []Span
}

// Span is the part Start:End (byte offsets) of a snippet's text.
type Span struct {
	Start, End int
}

// Parts calls fn with each run of s's text in order, saying whether it was
// matched; runs cover Text exactly. Offsets out of order or out of the
// text are clamped, so a bad Snippet never panics a frontend.
func (s Snippet) Parts(fn func(text string, match bool)) {
	at := 0
	for _, m := range s.Matches {
		start, end := max(m.Start, at), min(m.End, len(s.Text))
		if start >= end {
			continue
		}
		if start > at {
			fn(s.Text[at:start], false)
		}
		fn(s.Text[start:end], true)
		at = end
	}
	if at < len(s.Text) {
		fn(s.Text[at:], false)
	}
}

// HTML returns the snippet as HTML: the text escaped (html.EscapeString)
// and each match in <mark>...</mark>. It is the form of "snippet" in the
// JSON newsdex prints and serves (README, Output shapes), which scripts
// rely on.
func (s Snippet) HTML() string {
	var b strings.Builder
	b.Grow(len(s.Text) + 13*len(s.Matches))
	s.Parts(func(text string, match bool) {
		if match {
			b.WriteString("<mark>")
		}
		b.WriteString(html.EscapeString(text))
		if match {
			b.WriteString("</mark>")
		}
	})
	return b.String()
}

// SnippetFromHTML reads the form HTML writes back into a Snippet: text
// escaped as HTML with matches in <mark>. Since the text is escaped, the
// only tags in it are the marks, and the reading is exact.
func SnippetFromHTML(h string) (Snippet, error) {
	var s Snippet
	var b strings.Builder
	for h != "" {
		open := strings.Index(h, "<mark>")
		if open < 0 {
			if strings.Contains(h, "</mark>") {
				return Snippet{}, fmt.Errorf("snippet: </mark> without <mark>")
			}
			b.WriteString(html.UnescapeString(h))
			break
		}
		before := h[:open]
		if strings.Contains(before, "</mark>") {
			return Snippet{}, fmt.Errorf("snippet: </mark> without <mark>")
		}
		b.WriteString(html.UnescapeString(before))
		h = h[open+len("<mark>"):]
		end := strings.Index(h, "</mark>")
		if end < 0 || strings.Contains(h[:end], "<mark>") {
			return Snippet{}, fmt.Errorf("snippet: <mark> not closed")
		}
		start := b.Len()
		b.WriteString(html.UnescapeString(h[:end]))
		if b.Len() > start {
			s.Matches = append(s.Matches, Span{start, b.Len()})
		}
		h = h[end+len("</mark>"):]
	}
	s.Text = b.String()
	return s, nil
}

// MarshalJSON writes the snippet as a JSON string of its HTML.
func (s Snippet) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s.HTML()); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Snippet) UnmarshalJSON(b []byte) error {
	var h string
	if err := json.Unmarshal(b, &h); err != nil {
		return err
	}
	v, err := SnippetFromHTML(h)
	if err != nil {
		return err
	}
	*s = v
	return nil
}
