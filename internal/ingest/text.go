package ingest

import (
	"bufio"
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
)

// readText reads one plain-text article.
func readText(s *sink, r *bufio.Reader) error {
	b, over, err := readLimited(r, MaxTextFileBytes)
	if err != nil {
		return err
	}
	if isBinary(b) {
		return errBinary
	}
	if over {
		// Drop the partial last line (or character) and the remainder.
		if i := bytes.LastIndexByte(b, '\n'); i >= len(b)/2 {
			b = b[:i]
		} else {
			for len(b) > 0 && !utf8.RuneStart(b[len(b)-1]) {
				b = b[:len(b)-1]
			}
			b = b[:max(len(b)-1, 0)]
		}
		s.fileCut = MaxTextFileBytes
	}
	a := ParseText(toUTF8(b))
	if a.Title == "" && a.Body == "" {
		return errEmpty
	}
	return s.article(a)
}

// ParseText reads a plain-text article laid out as news sites and corpora
// save them:
//
//	Title
//
//	Title                          (repeats of the title are dropped)
//	Title / Source                 (the part after " / " or " | " is the source)
//	By NAME DATE                   (byline; the date may also stand alone,
//	                                or follow "Published:" or "Updated:")
//
//	Paragraph one ...
//
//	Paragraph two ...
//
// The first non-blank line is the title; the header lines that follow it are
// recognised by their shape and consumed until the first line that is none
// of them, where the body begins. Paragraphs are separated by blank lines
// (lines of spaces, tabs or no-break spaces count as blank); when the body
// is a single block of lines most of which end a sentence, each line is a
// paragraph. Page chrome after the last paragraph ("Share", "Advertisement",
// "Read more", a lone short line without sentence punctuation) is dropped.
// The returned article has no ID or File.
func ParseText(text string) *article.Article {
	a := &article.Article{}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = cleanLine(l)
	}
	i := 0
	for i < len(lines) && lines[i] == "" {
		i++
	}
	if i == len(lines) {
		return a
	}
	a.Title = lines[i]
	i++
	for ; i < len(lines); i++ {
		l := lines[i]
		if l == "" || strings.EqualFold(l, a.Title) {
			continue
		}
		if t, src, ok := splitSource(l); ok && strings.EqualFold(t, a.Title) {
			if a.Source == "" {
				a.Source = src
			}
			continue
		}
		if t, src, ok := splitSource(a.Title); ok && strings.EqualFold(t, l) {
			a.Title = l
			if a.Source == "" {
				a.Source = src
			}
			continue
		}
		if a.Byline == "" {
			if name, date, ok := parseByline(l); ok {
				a.Byline = name
				if date != "" && a.DateText == "" {
					setDate(a, date)
				}
				continue
			}
		}
		if a.DateText == "" {
			if d := dateLineRE.FindStringSubmatch(l); d != nil {
				if _, ok := ParseDate(d[1]); ok {
					setDate(a, d[1])
					continue
				}
			}
		}
		break
	}
	a.Body = strings.Join(paragraphs(lines[i:]), "\n\n")
	return a
}

// setDate records the date text and, when it can be read, the date.
func setDate(a *article.Article, text string) {
	a.DateText = text
	if len(text) > MaxDateTextBytes {
		return // no date is written that long; cutFields cuts the text
	}
	if t, ok := ParseDate(text); ok {
		a.Date = t
	}
}

// cleanLine trims a line, drops a carriage return and zero-width
// characters, and makes a line of white space empty.
func cleanLine(l string) string {
	l = strings.TrimFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u200e' || r == '\u200f'
	})
	return l
}

// paragraphs groups lines into paragraphs and drops trailing chrome.
func paragraphs(lines []string) []string {
	var paras [][]string
	var cur []string
	for _, l := range lines {
		if l == "" {
			if cur != nil {
				paras = append(paras, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		paras = append(paras, cur)
	}
	// A single block whose lines mostly end sentences is one paragraph a line.
	if len(paras) == 1 && len(paras[0]) >= 3 {
		ends := 0
		for _, l := range paras[0] {
			if endsSentence(l) {
				ends++
			}
		}
		if ends*3 >= len(paras[0])*2 {
			block := paras[0]
			paras = paras[:0]
			for _, l := range block {
				paras = append(paras, []string{l})
			}
		}
	}
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		out = append(out, strings.Join(p, "\n"))
	}
	for len(out) > 0 && isChrome(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	return out
}

// chromeLines are page furniture that a saved page often ends with.
var chromeLines = map[string]bool{
	"news": true, "dismiss": true, "share": true, "share this": true, "share this article": true,
	"advertisement": true, "advertising": true, "ad": true, "read more": true, "read next": true,
	"related": true, "related articles": true, "related stories": true, "more on this story": true,
	"comments": true, "subscribe": true, "sign up": true, "sign up for our newsletter": true,
	"tweet": true, "email": true, "print": true, "follow us": true, "click here": true,
	"top": true, "back to top": true, "close": true, "menu": true, "skip to content": true,
	"facebook": true, "twitter": true, "linkedin": true, "whatsapp": true, "copy link": true,
	"sponsored": true, "loading": true, "loading...": true, "more": true, "next": true,
	"previous": true, "home": true, "topics": true, "tags": true,
}

// isChrome reports whether a trailing paragraph is page furniture rather
// than text: a known furniture line, or a lone short line (at most four
// words, 30 bytes) that does not end a sentence or a clause.
func isChrome(p string) bool {
	if strings.Contains(p, "\n") {
		return false
	}
	if chromeLines[strings.ToLower(strings.TrimRight(p, ":»›>|"))] {
		return true
	}
	if len(p) > 30 || len(strings.Fields(p)) > 4 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune(".!?:;\"”’')…", r)
}

// endsSentence reports whether a line ends with sentence punctuation,
// possibly inside closing quotes or brackets.
func endsSentence(l string) bool {
	l = strings.TrimRight(l, "\"”’')]")
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?…:", r)
}

var (
	// bylineRE is "By NAME", then optionally a separator and a date.
	bylineRE = regexp.MustCompile(`^(?i:by)[\s:]+(.+)$`)
	// trailingDateRE finds a date (and whatever time follows) at the end of
	// a byline.
	trailingDateRE = regexp.MustCompile(`(?i)(?:^|[\s,|·•–—-]+)((?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:` +
		`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}` +
		`|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}` +
		`|\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?` +
		`)(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?)\s*$`)
	// dateLineRE is a header line that is only a date.
	dateLineRE = regexp.MustCompile(`^(?i:(?:published|updated|posted|date|first published)(?: on)?\s*:?\s*)?(.{6,60})$`)
	// sourceSepRE splits "Title / Source" and "Title | Source".
	sourceSepRE = regexp.MustCompile(`^(.+?)\s+[/|]\s+([^/|]+)$`)
)

// parseByline reads "By NAME DATE" into the name and the date text.
func parseByline(l string) (name, date string, ok bool) {
	m := bylineRE.FindStringSubmatch(l)
	if m == nil || len(l) > 120 {
		return "", "", false
	}
	name = m[1]
	if d := trailingDateRE.FindStringSubmatchIndex(name); d != nil {
		date = name[d[2]:d[3]]
		name = name[:d[0]]
	}
	name = strings.TrimRight(name, " ,|·•–—-")
	if name == "" || len(strings.Fields(name)) > 10 || endsSentence(name) && !strings.HasSuffix(name, ".") {
		return "", "", false
	}
	// "By the end of the day, talks had failed." is a sentence, not a byline.
	if strings.HasSuffix(name, ".") && date == "" {
		if w := strings.Fields(name); len(w) > 4 {
			return "", "", false
		}
	}
	if notNameStart[strings.ToLower(strings.Fields(name)[0])] {
		return "", "", false
	}
	return name, date, true
}

// notNameStart are words after which "By" begins a sentence, not a name.
var notNameStart = map[string]bool{
	"the": true, "a": true, "an": true, "then": true, "now": true, "contrast": true,
	"comparison": true, "far": true, "all": true, "no": true, "means": true, "way": true,
	"default": true, "law": true, "design": true, "chance": true, "itself": true,
	"midnight": true, "noon": true, "late": true, "early": true, "last": true, "next": true,
	"this": true, "that": true, "these": true, "those": true, "its": true, "his": true,
	"her": true, "their": true, "our": true, "my": true, "your": true, "some": true,
	"most": true, "many": true, "one": true, "two": true, "using": true, "making": true,
	"doing": true, "taking": true, "mid-": true, "then,": true, "now,": true,
}

// splitSource splits "Title / Source" when the source part is short.
func splitSource(l string) (title, source string, ok bool) {
	m := sourceSepRE.FindStringSubmatch(l)
	if m == nil {
		return "", "", false
	}
	src := strings.TrimSpace(m[2])
	if len(src) > 60 || len(strings.Fields(src)) > 6 || endsSentence(src) {
		return "", "", false
	}
	return strings.TrimSpace(m[1]), src, true
}
