package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2/search"

	contract "github.com/newsdex/newsdex/internal/search"
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
	return s.HTML()
}

// TestQuoteHitsOfVanishedArticles: a quote hit whose article was deleted,
// or replaced by a version with fewer quotes, after the search found it
// (a server indexing meanwhile) is left out; the others still come back.
func TestQuoteHitsOfVanishedArticles(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	ctx := context.Background()
	res, err := x.SearchQuotes(ctx, contract.Request{Limit: 100})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("SearchQuotes: %d hits, %v", len(res.Hits), err)
	}
	first := res.Hits[0]
	meta := `{"date":"2025-01-28T00:00:00Z"}`
	hits := search.DocumentMatchCollection{
		{ID: QuoteID("no-such-article", 1), Fields: map[string]any{FieldMeta: meta}},
		{ID: QuoteID(first.ArticleID, 99), Fields: map[string]any{FieldMeta: meta}},
		{ID: first.ID, Fields: map[string]any{FieldMeta: meta}},
	}
	got, err := x.quoteHits(ctx, hits, nil)
	if err != nil {
		t.Fatalf("quoteHits: %v", err)
	}
	if len(got) != 1 || got[0].ID != first.ID || got[0].Text != first.Text {
		t.Errorf("quoteHits = %+v, want only %s (%q)", got, first.ID, first.Text)
	}
}
