package index

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/search"

	contract "github.com/newsdex/newsdex/internal/search"
)

// reference runs r the way bleve alone would: the kind as a filter, bleve's
// facets, and relevance sorted by score then ID from doc values.
func reference(tb testing.TB, x *Index, kind string, r contract.Request) (uint64, map[string][]contract.FacetValue, []string, []string) {
	tb.Helper()
	req, err := x.request(kind, r, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if len(req.Sort) == 1 && req.Sort[0] == relevance {
		req.Sort = search.SortOrder{relevance, sortByID()}
	}
	res, err := x.bi.SearchInContext(context.Background(), req)
	if err != nil {
		tb.Fatal(err)
	}
	ids, snippets := []string{}, []string{}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
		snippets = append(snippets, referenceSnippet(tb, x, kind, h)) // hits_test.go
	}
	facets := x.facets(res)
	if kind == kindQuote {
		for name := range facets {
			if !quoteFacets[name] {
				facets[name] = []contract.FacetValue{}
			}
		}
	}
	return res.Total, facets, ids, snippets
}

// TestCounterMatchesBleve checks the counter (counter.go) against bleve's
// own totals, facets and (score, ID) order, over segments with replaced
// (deleted) documents, for both kinds, and with the top-N giving up on
// ties as well as keeping them.
func TestCounterMatchesBleve(t *testing.T) {
	arts := genArticles(600, 7)
	x := mustMemory(t, nil)
	putAll(t, x, arts, 70) // several segments
	// Replace some articles: their old documents stay in their segments,
	// deleted.
	for i := 0; i < len(arts); i += 9 {
		a := *arts[i]
		a.Body += "\n\nA correction was appended to this article about water."
		a.Countries = arts[(i+1)%len(arts)].Countries
		arts[i] = &a
	}
	putAll(t, x, arts[:300], 100)
	ctx := context.Background()
	var reqs []contract.Request
	for _, q := range []string{"water", "rates OR grain", `"water rates"`, "title:water", "country:iq", "correction", "nosuchword"} {
		for _, page := range []struct{ limit, offset int }{{10, 0}, {3, 4}, {0, 0}, {100, 0}, {1, 250}} {
			reqs = append(reqs, contract.Request{Query: q, Limit: page.limit, Offset: page.offset})
		}
		reqs = append(reqs,
			contract.Request{Query: q, Limit: 5, Sort: contract.SortDateDesc, FacetSize: 3},
			contract.Request{Query: q, Limit: 5, Facets: []string{contract.FacetCountry, contract.FacetDate}, Filters: contract.Filters{Countries: []string{"BR"}}},
			contract.Request{Query: q, Limit: 5, FacetSize: 1, Filters: contract.Filters{Sources: []string{"Global Wire"}, From: date("2024-01-01")}},
		)
	}
	reqs = append(reqs, contract.Request{Limit: 10, Filters: contract.Filters{Regions: []string{"Asia"}}}, contract.Request{Limit: 10, Facets: []string{}})
	type pass struct {
		warm    bool // facets from columns (after Warm) or doc values
		lookups int
	}
	for _, p := range []pass{{false, maxTieLookups}, {false, 3}, {true, maxTieLookups}, {true, 3}} {
		if p.warm && !x.warm.Load() {
			if len(x.cols.segs) > 0 {
				for _, sc := range x.cols.segs {
					if len(sc.fused) > 0 {
						t.Fatal("columns were built before Warm")
					}
				}
			}
			if err := x.Warm(ctx); err != nil {
				t.Fatal(err)
			}
		}
		lookups := p.lookups
		old := maxTieLookups
		maxTieLookups = lookups
		for _, r := range reqs {
			for _, kind := range []string{kindArticle, kindQuote} {
				name := fmt.Sprintf("%s %+v (warm %v, tie lookups %d)", kind, r, p.warm, lookups)
				total, facets, ids, snippets := reference(t, x, kind, r)
				var gotTotal uint64
				var gotFacets map[string][]contract.FacetValue
				gotIDs, gotSnippets := []string{}, []string{}
				if kind == kindArticle {
					res, err := x.Search(ctx, r)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					gotTotal, gotFacets = res.Total, res.Facets
					for _, h := range res.Hits {
						gotIDs, gotSnippets = append(gotIDs, h.ID), append(gotSnippets, h.Snippet.HTML())
					}
				} else {
					res, err := x.SearchQuotes(ctx, r)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					gotTotal, gotFacets = res.Total, res.Facets
					for _, h := range res.Hits {
						gotIDs, gotSnippets = append(gotIDs, h.ID), append(gotSnippets, h.Snippet.HTML())
					}
				}
				if total > 0 && len(facets[contract.FacetCountry]) == 0 && (r.Facets == nil || slices.Contains(r.Facets, contract.FacetCountry)) {
					t.Fatalf("%s: bleve's reference counts no country among %d hits (doc values off?)", name, total)
				}
				if gotTotal != total {
					t.Errorf("%s: total %d, want %d", name, gotTotal, total)
				}
				if !reflect.DeepEqual(gotFacets, facets) {
					t.Errorf("%s: facets\n%v\nwant\n%v", name, gotFacets, facets)
				}
				if !reflect.DeepEqual(gotIDs, ids) {
					t.Errorf("%s: hits %q, want %q", name, gotIDs, ids)
				} else if !reflect.DeepEqual(gotSnippets, snippets) {
					t.Errorf("%s: snippets\n%q\nwant\n%q", name, gotSnippets, snippets)
				}
			}
		}
		maxTieLookups = old
	}
}

// TestFacetOtherMissing checks the counts beyond a facet's list: other
// (the counts of the values cut) and missing (hits with no value), on
// each way facets are counted: doc values (a one-off search), columns
// (after Warm) and the whole index's counts (a browse).
func TestFacetOtherMissing(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	ctx := context.Background()
	type want struct {
		values         int
		other, missing map[string]int
	}
	check := func(t *testing.T, r contract.Request, w want) {
		t.Helper()
		res, err := x.Search(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		for name, n := range w.other {
			if res.FacetOther[name] != n {
				t.Errorf("Search(%q) facet_other[%s] = %d, want %d", r.Query, name, res.FacetOther[name], n)
			}
		}
		for name, n := range w.missing {
			if res.FacetMissing[name] != n {
				t.Errorf("Search(%q) facet_missing[%s] = %d, want %d", r.Query, name, res.FacetMissing[name], n)
			}
		}
		// One value a hit: the list, other and missing add up to the total.
		sum := res.FacetOther[contract.FacetSource] + res.FacetMissing[contract.FacetSource]
		for _, v := range res.Facets[contract.FacetSource] {
			sum += v.Count
		}
		if uint64(sum) != res.Total {
			t.Errorf("Search(%q) source values+other+missing = %d, want total %d", r.Query, sum, res.Total)
		}
	}
	// coffee: ledger-001, meridian-003, wire-004, meridian-007 (no
	// speaker, no actor, no date). Sources: The Meridian 2, Daily Ledger
	// 1, Global Wire 1. Speakers: one each, wire-004 two.
	coffee := want{
		other:   map[string]int{contract.FacetSource: 2, contract.FacetSpeaker: 3, contract.FacetCountry: 3, contract.FacetDate: 0},
		missing: map[string]int{contract.FacetSource: 0, contract.FacetSpeaker: 1, contract.FacetActor: 1, contract.FacetCountry: 0, contract.FacetDate: 1},
	}
	r := contract.Request{Query: "coffee", FacetSize: 1}
	t.Run("doc values", func(t *testing.T) { check(t, r, coffee) })
	if err := x.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	t.Run("columns", func(t *testing.T) { check(t, r, coffee) })
	// Browse: every article. Sources 3/3/2; undated meridian-007 has no
	// speaker or actor either.
	t.Run("browse", func(t *testing.T) {
		check(t, contract.Request{FacetSize: 1}, want{
			other:   map[string]int{contract.FacetSource: 5},
			missing: map[string]int{contract.FacetSource: 0, contract.FacetSpeaker: 1, contract.FacetActor: 1, contract.FacetDate: 1, contract.FacetCountry: 0},
		})
	})
	t.Run("no cut", func(t *testing.T) {
		check(t, contract.Request{Query: "coffee", FacetSize: 100}, want{
			other:   map[string]int{contract.FacetSource: 0, contract.FacetSpeaker: 0},
			missing: map[string]int{contract.FacetSpeaker: 1},
		})
	})
}
