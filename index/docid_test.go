package index

import (
	"context"
	"sort"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
	contract "github.com/newsdex/newsdex/internal/search"
)

func TestDocID(t *testing.T) {
	for _, tt := range []struct{ id, doc string }{
		{"wire-001", "wire-001"},
		{"https://example.org/a#section", "https://example.org/a#section"},
		{"https://example.org/a#q", "https://example.org/a#q"},
		{"X#q1", "X#q1#e"},
		{"X#q12", "X#q12#e"},
		{"X#e", "X#e#e"},
		{"X#q1#e", "X#q1#e#e"},
		{"#e", "#e#e"},
	} {
		if got := docID(tt.id); got != tt.doc {
			t.Errorf("docID(%q) = %q, want %q", tt.id, got, tt.doc)
		}
		if got := articleID(docID(tt.id)); got != tt.id {
			t.Errorf("articleID(docID(%q)) = %q, want it back", tt.id, got)
		}
		if got := articleOfQuote(QuoteID(tt.id, 3)); got != tt.id {
			t.Errorf("articleOfQuote(QuoteID(%q, 3)) = %q, want it back", tt.id, got)
		}
	}
}

// TestIDsLikeQuoteIDs indexes articles whose IDs have the form of another
// article's quote document ID: none overwrites another's quote, and
// re-indexing one deletes nothing of the others.
func TestIDsLikeQuoteIDs(t *testing.T) {
	mk := func(id, said string) *article.Article {
		body := "The council met on Monday. \"" + said + ",\" said Ana Reyes."
		return &article.Article{ID: id, Title: "Council " + id, Body: body,
			Quotes: []article.Quote{quote(t, body, said, "Ana Reyes", "", "said")}}
	}
	arts := []*article.Article{
		mk("X", "We will vote in spring"),
		mk("X#q1", "Nobody asked us"),
		mk("X#e", "The budget is late"),
		mk("X#q1#e", "Roads come first"),
	}
	x := mustMemory(t, arts)
	// Re-indexing X replaces its own quotes only.
	if err := x.Put(context.Background(), []*article.Article{mk("X", "We will vote in spring")}); err != nil {
		t.Fatal(err)
	}
	res, err := x.SearchQuotes(context.Background(), contract.Request{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, h := range res.Hits {
		got[h.ArticleID] = h.Text
	}
	if len(got) != len(arts) {
		t.Errorf("quotes of %d articles, want %d: %v", len(got), len(arts), got)
	}
	for _, a := range arts {
		if got[a.ID] != a.Quotes[0].Text {
			t.Errorf("quote of %s = %q, want %q", a.ID, got[a.ID], a.Quotes[0].Text)
		}
		back, err := x.Article(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if back.ID != a.ID || back.Title != a.Title || len(back.Quotes) != 1 {
			t.Errorf("Article(%q) = %q %q with %d quotes, want itself", a.ID, back.ID, back.Title, len(back.Quotes))
		}
	}
	ids := hitIDs(mustSearch(t, x, contract.Request{Query: "council", Limit: 10}))
	sort.Strings(ids)
	if want := []string{"X", "X#e", "X#q1", "X#q1#e"}; len(ids) != 4 || ids[0] != want[0] || ids[1] != want[1] || ids[2] != want[2] || ids[3] != want[3] {
		t.Errorf("search hits %q, want %q", ids, want)
	}
	fp, err := x.Fingerprints(context.Background(), []string{"X", "X#q1", "X#e", "X#q1#e"})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if fp[a.ID] != a.Fingerprint() {
			t.Errorf("fingerprint of %s = %q, want %q", a.ID, fp[a.ID], a.Fingerprint())
		}
	}
	if st := mustStats(t, x); st.Articles != 4 || st.Quotes != 4 {
		t.Errorf("stats: %d articles, %d quotes, want 4 and 4", st.Articles, st.Quotes)
	}
}
