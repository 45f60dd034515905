package web

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
)

// namedIndex holds one article quoting a named speaker, a speaker it only
// describes, and nobody.
func namedIndex(tb testing.TB) *index.Index {
	tb.Helper()
	ix, err := index.NewMemory(index.Options{Labeler: fakeLabeler{}})
	if err != nil {
		tb.Fatalf("NewMemory: %v", err)
	}
	tb.Cleanup(func() { ix.Close() })
	a := &article.Article{ID: "port-1", Title: "Port reopens", Source: "Port Gazette", Date: day("2025-03-01"),
		Body: "The port reopened.\n\n\"The cranes work again,\" Lina Holt said.\n\n\"We lost a week,\" a shipping agent said.\n\n\"Never again.\""}
	addQuote(tb, a, "The cranes work again,", "Lina Holt", "said")
	addQuote(tb, a, "We lost a week,", "a shipping agent", "said")
	a.Quotes[1].SpeakerNamed, a.Quotes[1].SpeakerDescription = false, "a shipping agent"
	a.Speakers = []string{"Lina Holt"}
	addQuote(tb, a, "Never again.", "", "")
	if err := ix.Put(context.Background(), []*article.Article{a}); err != nil {
		tb.Fatalf("Put: %v", err)
	}
	return ix
}

func TestNamedOnly(t *testing.T) {
	h := mustHandler(t, namedIndex(t))
	type hit struct {
		Speaker string `json:"speaker"`
		Named   bool   `json:"speaker_named"`
	}
	tests := []struct {
		target string
		want   []hit
	}{
		{"/api/quotes?sort=date", []hit{{"Lina Holt", true}, {"a shipping agent", false}, {"", false}}},
		{"/api/quotes?named=1", []hit{{"Lina Holt", true}}},
		{"/api/quotes?named=0&sort=date", []hit{{"Lina Holt", true}, {"a shipping agent", false}, {"", false}}},
	}
	for _, tt := range tests {
		var res struct {
			Hits   []hit `json:"hits"`
			Facets map[string][]struct {
				Value string `json:"value"`
			} `json:"facets"`
		}
		if err := json.Unmarshal([]byte(mustGet(t, h, tt.target, http.StatusOK)), &res); err != nil {
			t.Fatalf("%s: %v", tt.target, err)
		}
		if len(res.Hits) != len(tt.want) {
			t.Fatalf("%s: hits %+v, want %+v", tt.target, res.Hits, tt.want)
		}
		for i := range tt.want {
			if res.Hits[i] != tt.want[i] {
				t.Errorf("%s: hit %d = %+v, want %+v", tt.target, i, res.Hits[i], tt.want[i])
			}
		}
		for _, v := range res.Facets["speaker"] {
			if v.Value != "Lina Holt" {
				t.Errorf("%s: speaker facet holds %q, want names only", tt.target, v.Value)
			}
		}
	}

	body := mustGet(t, h, "/api/quotes?named=yes", http.StatusBadRequest)
	mustContain(t, "bad named", body, `named \"yes\": want 1 (named speakers only) or 0`)
	body = mustGet(t, h, "/api/search?named=1", http.StatusBadRequest)
	mustContain(t, "named on articles", body, `bad query: named speakers only applies to quotes, not articles`)

	body = mustGet(t, h, "/quotes", http.StatusOK)
	mustContain(t, "GET /quotes", body,
		`<input type="checkbox" name="named" value="1" data-autosubmit> Named speakers only`,
		`<strong class="speaker">a shipping agent (unnamed)</strong>`)
	body = mustGet(t, h, "/quotes?named=1", http.StatusOK)
	mustContain(t, "GET /quotes?named=1", body,
		`1 quote`,
		`<input type="checkbox" name="named" value="1" checked data-autosubmit> Named speakers only`,
		`Named speakers only</span>`,
		`<a class="article-link" href="/articles/port-1">`)
	mustNotContain(t, "GET /quotes?named=1", body, `a shipping agent`)
	body = mustGet(t, h, "/quotes?named=1&speaker=Lina+Holt", http.StatusOK)
	mustContain(t, "links keep named=1", body, `named=1`)
	body = mustGet(t, h, "/?q=cranes", http.StatusOK)
	mustNotContain(t, "the article search has no named box", body, `name="named"`)
}
