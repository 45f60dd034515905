package ingest

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/markusmobius/go-trafilatura"

	"github.com/newsdex/newsdex/internal/article"
)

// readHTML reads one HTML page.
func readHTML(s *sink, r *bufio.Reader) error {
	a, err := ParseHTML(r)
	if err != nil {
		return err
	}
	return s.article(a)
}

// ParseHTML extracts the article of an HTML page: its main text (through
// go-trafilatura with its readability and dom-distiller fallbacks), title,
// date, author, site name and URL. Body paragraphs are joined by "\n\n".
func ParseHTML(r *bufio.Reader) (*article.Article, error) {
	res, err := trafilatura.Extract(r, trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
	})
	if err != nil {
		return nil, fmt.Errorf("extract html: %w", err)
	}
	m := res.Metadata
	a := &article.Article{
		Title:  oneLine(m.Title),
		Source: oneLine(m.Sitename),
		Byline: oneLine(m.Author),
		URL:    strings.TrimSpace(m.URL),
		Body:   textParagraphs(res.ContentText),
	}
	if !m.Date.IsZero() {
		a.Date = m.Date.UTC()
		a.DateText = m.Date.Format("2006-01-02T15:04:05Z07:00")
	}
	if a.Title == "" && a.Body == "" {
		return nil, errEmpty
	}
	return a, nil
}

// textParagraphs makes each non-blank line of text a paragraph.
func textParagraphs(text string) string {
	var paras []string
	for _, l := range strings.Split(text, "\n") {
		if l = oneLine(l); l != "" {
			paras = append(paras, l)
		}
	}
	return strings.Join(paras, "\n\n")
}
