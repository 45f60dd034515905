package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
)

// referenceSnippet cuts a hit's snippet from the text as stored, at the
// locations bleve found in a plain search: the text the highlighter would
// have read had FieldBody been stored.
func referenceSnippet(tb testing.TB, x *Index, kind string, h *search.DocumentMatch) string {
	tb.Helper()
	id := h.ID
	if kind == kindQuote {
		id = articleOfQuote(h.ID)
	}
	docs, err := x.storedDocs(context.Background(), kindArticle, []string{id}, fieldDoc)
	if err != nil {
		tb.Fatal(err)
	}
	rec, err := recordOf(docs[id])
	if err != nil {
		tb.Fatalf("record of %s: %v", id, err)
	}
	text := rec.Body
	if kind == kindQuote {
		text = rec.quoteText(quoteNumber(h.ID) - 1)
	}
	s, err := highlightText(h, text)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
