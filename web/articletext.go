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
// The parts of a quotation cut by its attribution (quotes sharing a Group)
// are each marked, with their own anchor; the speaker's tag follows the
// last part only.

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
	type piece struct {
		start, end int
		seg        Segment // without Text
	}
	var flat []piece // the whole body, plain and quoted runs in order
	pos := 0
	for _, s := range spans {
		if s.start < pos {
			continue // overlaps the previous quote
		}
		if s.start > pos {
			flat = append(flat, piece{start: pos, end: s.start})
		}
		q := quotes[s.q]
		n := s.q + 1
		flat = append(flat, piece{start: s.start, end: s.end, seg: Segment{
			Quote:   n,
			Anchor:  "quote-" + strconv.Itoa(n),
			Speaker: speakerName(q.Speaker, q.SpeakerNamed),
			Title:   strings.TrimSpace(speakerName(q.Speaker, q.SpeakerNamed) + " " + q.Cue),
		}})
		marked[s.q] = true
		pos = s.end
	}
	if pos < len(rs) {
		flat = append(flat, piece{start: pos, end: len(rs)})
	}
	// The parts of one quotation (a shared Group) read as one: the tag
	// follows the last part only.
	tagged := map[int]bool{}
	for k := len(flat) - 1; k >= 0; k-- {
		if n := flat[k].seg.Quote; n > 0 {
			if g := quotes[n-1].Group; g != 0 {
				if tagged[g] {
					flat[k].seg.Speaker = ""
				}
				tagged[g] = true
			}
		}
	}

	// Paragraphs as strings.Split(body, "\n\n") cuts them, in runes; each
	// takes the parts of the runs inside it.
	var bounds [][2]int
	start := 0
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] == '\n' && rs[i+1] == '\n' {
			bounds = append(bounds, [2]int{start, i})
			i++
			start = i + 1
		}
	}
	bounds = append(bounds, [2]int{start, len(rs)})
	var paras []Paragraph
	k := 0
	for _, b := range bounds {
		var para Paragraph
		for k < len(flat) && flat[k].end <= b[0] {
			k++
		}
		for j := k; j < len(flat) && flat[j].start < b[1]; j++ {
			f := flat[j]
			from, to := max(f.start, b[0]), min(f.end, b[1])
			if from >= to {
				continue
			}
			seg := f.seg
			seg.Text = string(rs[from:to])
			if from != f.start {
				seg.Anchor = ""
			}
			if to != f.end {
				seg.Speaker = ""
			}
			para.Segments = append(para.Segments, seg)
		}
		paras = append(paras, para)
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

// speakerName is how a quote's speaker is shown: the name; else how the
// article describes the speaker it does not name ("an Apple spokesman",
// whitespace collapsed: wire copy wraps lines inside it), marked unnamed;
// else a word saying it is not known.
func speakerName(speaker string, named bool) string {
	if named {
		return speaker
	}
	if d := strings.Join(strings.Fields(speaker), " "); d != "" {
		return d + " (unnamed)"
	}
	return "unattributed"
}
