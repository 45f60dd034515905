package web

import (
	"slices"
	"strconv"
	"strings"

	"github.com/newsdex/newsdex/internal/article"
)

// Marking quotes in an article's text.
//
// Quote.Start and Quote.End count Unicode code points into Body, so the body
// is cut as a []rune, never by bytes. Each quote becomes a Segment that the
// template wraps in <mark>; the text stays plain strings and html/template
// escapes it like any other. When the characters just outside a quote are
// quotation marks, the mark takes them in, so that the speaker's tag after
// it reads after the closing mark. Quotes whose offsets fall outside the
// body, are empty, or overlap an earlier quote are left unmarked (they are
// still listed beside the text). Paragraphs are split on "\n\n" after
// marking, so a quote that runs over a paragraph break is marked in each
// part; only its first part carries the anchor and only its last the tag.

// Segment is a run of an article's text: plain, or (Quote > 0) part of the
// quote numbered Quote.
type Segment struct {
	Text    string
	Quote   int    // 1-based number of the quote in QuoteRefs, 0 for plain text
	Anchor  string // "quote-N" on the quote's first part, else ""
	Speaker string // on the quote's last part: the tag shown after it
	Title   string // tooltip: speaker and cue
}

// Paragraph is one paragraph of an article's text.
type Paragraph struct {
	Segments []Segment
}

const (
	openingMarks = "\"'“‘«„‚‹「『"
	closingMarks = "\"'”’»“‘›」』"
)

// markQuotes splits body into paragraphs of segments with the quotes marked.
// It returns, besides, which quotes (by index into quotes) were marked.
func markQuotes(body string, quotes []article.Quote) ([]Paragraph, map[int]bool) {
	rs := []rune(body)
	type span struct{ start, end, q int }
	var spans []span
	for i, q := range quotes {
		if q.Start < 0 || q.End > len(rs) || q.Start >= q.End {
			continue
		}
		s := span{q.Start, q.End, i}
		if s.start > 0 && s.end < len(rs) &&
			strings.ContainsRune(openingMarks, rs[s.start-1]) && strings.ContainsRune(closingMarks, rs[s.end]) {
			s.start--
			s.end++
		}
		spans = append(spans, s)
	}
	slices.SortStableFunc(spans, func(a, b span) int { return a.start - b.start })
	marked := map[int]bool{}
	var flat []Segment // before the paragraph split
	pos := 0
	for _, s := range spans {
		if s.start < pos {
			continue // overlaps the previous quote
		}
		if s.start > pos {
			flat = append(flat, Segment{Text: string(rs[pos:s.start])})
		}
		q := quotes[s.q]
		n := s.q + 1
		flat = append(flat, Segment{
			Text:    string(rs[s.start:s.end]),
			Quote:   n,
			Anchor:  "quote-" + strconv.Itoa(n),
			Speaker: speakerName(q.Speaker),
			Title:   strings.TrimSpace(speakerName(q.Speaker) + " " + q.Cue),
		})
		marked[s.q] = true
		pos = s.end
	}
	if pos < len(rs) {
		flat = append(flat, Segment{Text: string(rs[pos:])})
	}

	paras := []Paragraph{{}}
	for _, seg := range flat {
		parts := strings.Split(seg.Text, "\n\n")
		for i, part := range parts {
			if i > 0 {
				paras = append(paras, Paragraph{})
			}
			if part == "" {
				continue
			}
			piece := seg
			piece.Text = part
			if i > 0 {
				piece.Anchor = ""
			}
			if i < len(parts)-1 {
				piece.Speaker = ""
			}
			cur := &paras[len(paras)-1]
			cur.Segments = append(cur.Segments, piece)
		}
	}
	// Drop paragraphs left empty by runs of blank lines.
	paras = slices.DeleteFunc(paras, func(p Paragraph) bool {
		for _, s := range p.Segments {
			if strings.TrimSpace(s.Text) != "" {
				return false
			}
		}
		return true
	})
	return paras, marked
}

// speakerName is how a quote's speaker is shown: the name, or a word saying
// it is not known.
func speakerName(s string) string {
	if s == "" {
		return "unattributed"
	}
	return s
}
