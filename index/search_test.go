package index

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"

	contract "github.com/newsdex/newsdex/internal/search"
)

// searchCase is one entry of testdata/searches.json: a request and what it
// must return.
type searchCase struct {
	Name       string   `json:"name"`
	Quotes     bool     `json:"quotes"` // search quotes instead of articles
	Query      string   `json:"query"`
	Countries  []string `json:"countries"`
	Regions    []string `json:"regions"`
	Speakers   []string `json:"speakers"`
	Actors     []string `json:"actors"`
	Sources    []string `json:"sources"`
	From       string   `json:"from"`
	To         string   `json:"to"`
	Sort       string   `json:"sort"`
	Limit      int      `json:"limit"`
	Offset     int      `json:"offset"`
	FacetNames []string `json:"facet_names"`

	Total   uint64                           `json:"total"`
	Hits    []string                         `json:"hits"`
	Ordered bool                             `json:"ordered"` // compare hits in order, else as a set
	Facets  map[string][]contract.FacetValue `json:"facets"`  // only the facets named are checked
}

func (c searchCase) request() contract.Request {
	r := contract.Request{
		Query: c.Query, Sort: c.Sort, Limit: c.Limit, Offset: c.Offset, Facets: c.FacetNames,
		Filters: contract.Filters{Countries: c.Countries, Regions: c.Regions, Speakers: c.Speakers, Actors: c.Actors, Sources: c.Sources},
	}
	if c.From != "" {
		r.Filters.From = date(c.From)
	}
	if c.To != "" {
		r.Filters.To = date(c.To)
	}
	return r
}

func mustSearchCases(tb testing.TB) []searchCase {
	tb.Helper()
	b, err := os.ReadFile("testdata/searches.json")
	if err != nil {
		tb.Fatal(err)
	}
	var cases []searchCase
	if err := json.Unmarshal(b, &cases); err != nil {
		tb.Fatalf("parse testdata/searches.json: %v", err)
	}
	return cases
}

func TestSearches(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	ctx := context.Background()
	for _, c := range mustSearchCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			var (
				total  uint64
				ids    []string
				facets map[string][]contract.FacetValue
			)
			if c.Quotes {
				res, err := x.SearchQuotes(ctx, c.request())
				if err != nil {
					t.Fatalf("SearchQuotes(%q): %v", c.Query, err)
				}
				total, facets = res.Total, res.Facets
				ids = []string{}
				for _, h := range res.Hits {
					ids = append(ids, h.ID)
				}
			} else {
				res, err := x.Search(ctx, c.request())
				if err != nil {
					t.Fatalf("Search(%q): %v", c.Query, err)
				}
				total, facets, ids = res.Total, res.Facets, hitIDs(res)
			}
			if total != c.Total {
				t.Errorf("Search(%q) total = %d, want %d", c.Query, total, c.Total)
			}
			want := slices.Clone(c.Hits)
			if !c.Ordered {
				slices.Sort(ids)
				slices.Sort(want)
			}
			if !slices.Equal(ids, want) {
				t.Errorf("Search(%q) hits = %q, want %q", c.Query, ids, want)
			}
			for name, want := range c.Facets {
				if got := facets[name]; !reflect.DeepEqual(got, want) {
					t.Errorf("Search(%q) facet %s = %+v, want %+v", c.Query, name, got, want)
				}
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	res := mustSearch(t, x, contract.Request{Query: "frost", Limit: 1})
	if len(res.Hits) != 1 {
		t.Fatalf("Search(frost) = %d hits, want 1", len(res.Hits))
	}
	want := "a <mark>frost</mark> damaged plantations"
	if got := res.Hits[0].Snippet.HTML(); !contains(got, want) || !contains(got, "&#34;We have not seen") {
		t.Errorf("snippet = %q, want it to hold %q and escaped quotes", got, want)
	}
	res = mustSearch(t, x, contract.Request{Query: "frost", Limit: 0})
	if len(res.Hits) != 0 || res.Total != 1 {
		t.Errorf("Search(frost, limit 0) = %d hits, total %d; want 0 hits, total 1", len(res.Hits), res.Total)
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestHitFields(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	res := mustSearch(t, x, contract.Request{Query: "tigris", Limit: 1})
	if len(res.Hits) != 1 {
		t.Fatalf("Search(tigris) = %d hits, want 1", len(res.Hits))
	}
	h := res.Hits[0]
	h.Score, h.Snippet, h.SortKey = 0, contract.ArticleHit{}.Snippet, nil
	want := contract.ArticleHit{
		ID: "wire-002", Title: "Iraq and Türkiye agree on sharing Tigris water", Date: "2025-01-28",
		Source: "Global Wire", URL: "https://wire.example/tigris", Countries: []string{"IQ", "TR"},
		Regions: []string{"Western Asia", "Middle East", "Asia"}, Speakers: []string{"Fuad Hussein"},
		Actors: []string{"Fuad Hussein"}, Time: date("2025-01-28"),
	}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("hit = %+v\nwant %+v", h, want)
	}
}

// TestSearchAfter pages through every sort order three hits at a time and
// checks that each hit comes exactly once, in the order of one big page.
func TestSearchAfter(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	ctx := context.Background()
	for _, sort := range []string{contract.SortRelevance, contract.SortDate, contract.SortDateDesc} {
		for _, q := range []string{"", "coffee OR water OR rates OR grain"} {
			all := mustSearch(t, x, contract.Request{Query: q, Sort: sort, Limit: 100})
			var paged []string
			var after []string
			for page := 0; page < 10; page++ {
				res, err := x.Search(ctx, contract.Request{Query: q, Sort: sort, Limit: 3, After: after})
				if err != nil {
					t.Fatalf("Search(%q, sort %s, after %q): %v", q, sort, after, err)
				}
				if len(res.Hits) == 0 {
					break
				}
				paged = append(paged, hitIDs(res)...)
				after = res.Hits[len(res.Hits)-1].SortKey
				// Round-trip the cursor as a web page would.
				if after, err = DecodeAfter(EncodeAfter(after)); err != nil {
					t.Fatal(err)
				}
			}
			if want := hitIDs(all); !slices.Equal(paged, want) {
				t.Errorf("Search(%q, sort %s) paged = %q, want %q", q, sort, paged, want)
			}
			if uint64(len(paged)) != all.Total {
				t.Errorf("Search(%q, sort %s) paged %d hits, total %d", q, sort, len(paged), all.Total)
			}
		}
	}
}

func TestBadRequests(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	ctx := context.Background()
	for _, r := range []contract.Request{
		{Query: "+", Limit: 10},
		{Query: "body:/[a-/", Limit: 10},
		{Query: "title:\"unclosed", Limit: 10},
		{Query: "nosuchfield:x", Limit: 10},
		{Query: "country:atlantis", Limit: 10},
		{Filters: contract.Filters{Countries: []string{"Atlantis"}}},
		{Filters: contract.Filters{Regions: []string{"Middle Earth"}}},
		{Limit: contract.MaxLimit + 1},
		{Limit: 100, Offset: contract.MaxWindow - 99},
		{Limit: -1},
		{Sort: "score"},
		{Facets: []string{"colour"}},
		{Filters: contract.Filters{From: date("2025-03-01"), To: date("2025-02-01")}},
		{Sort: contract.SortDate, After: []string{"x"}},
	} {
		if _, err := x.Search(ctx, r); !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%+v) error = %v, want ErrBadQuery", r, err)
		}
	}
	if _, err := x.SearchQuotes(ctx, contract.Request{Filters: contract.Filters{Actors: []string{"x"}}}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("SearchQuotes(actor filter) error = %v, want ErrBadQuery", err)
	}
	// The window bounds Offset+Limit, not After paging.
	if _, err := x.Search(ctx, contract.Request{Limit: 100, Offset: contract.MaxWindow - 100}); err != nil {
		t.Errorf("Search(offset %d, limit 100) = %v, want no error", contract.MaxWindow-100, err)
	}
}

func TestContextCancelled(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Search(ctx, contract.Request{Limit: 10}); !errors.Is(err, context.Canceled) {
		t.Errorf("Search(cancelled) error = %v, want context.Canceled", err)
	}
}

func TestWithoutLabeler(t *testing.T) {
	x, err := NewMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Put(context.Background(), testArticles(t)); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, x, contract.Request{Filters: contract.Filters{Countries: []string{"iq"}}, Limit: 10, Facets: []string{contract.FacetCountry}})
	if res.Total != 2 {
		t.Errorf("Search(country iq) total = %d, want 2", res.Total)
	}
	if got := res.Facets[contract.FacetCountry]; len(got) != 2 || got[0].Label != "" {
		t.Errorf("country facet = %+v, want 2 values without labels", got)
	}
}

func TestToCoversWholeDay(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	late := testArticles(t)[0]
	late.ID = "late"
	late.Date = time.Date(2025, 4, 2, 23, 59, 0, 0, time.UTC)
	if err := x.Put(context.Background(), append(testArticles(t)[:0:0], late)); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, x, contract.Request{Filters: contract.Filters{From: date("2025-04-02"), To: date("2025-04-02")}, Limit: 10})
	if got := hitIDs(res); !slices.Equal(got, []string{"late"}) {
		t.Errorf("Search(2025-04-02..2025-04-02) = %q, want [late]", got)
	}
}
