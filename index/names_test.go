package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
	contract "github.com/newsdex/newsdex/internal/search"
)

// nameArticle is a team-written article quoting one speaker, named as
// given, who is also its only person actor. conf is the quote's
// confidence.
func nameArticle(tb testing.TB, id, speaker string, conf float64) *article.Article {
	tb.Helper()
	body := fmt.Sprintf("The harbour board met on %s.\n\n\"The quays need dredging before winter,\" %s said.", id, speaker)
	q := quote(tb, body, "The quays need dredging before winter,", speaker, "", "said")
	q.Confidence = conf
	return &article.Article{
		ID: id, Title: "Harbour board " + id, Source: "Port Gazette", Date: date("2025-03-01"), Body: body,
		Quotes:   []article.Quote{q},
		Actors:   []article.Actor{{Name: speaker, Type: article.Person, Mentions: 1}},
		Speakers: []string{speaker},
	}
}

// nameArticles: Tomas Varga under three forms; Ruth and Henry Baines, and
// a bare "Baines" that could be either.
func nameArticles(tb testing.TB) []*article.Article {
	return []*article.Article{
		nameArticle(tb, "n1", "Tomas Varga", 0.9),
		nameArticle(tb, "n2", "Varga", 0.5),
		nameArticle(tb, "n3", "Tomas\nVarga", 0.7),
		nameArticle(tb, "n4", "Ruth Baines", 0.9),
		nameArticle(tb, "n5", "Ruth Baines", 0.9),
		nameArticle(tb, "n6", "Henry Baines", 0.9),
		nameArticle(tb, "n7", "Baines", 0.9),
	}
}

func sortedIDs(ids []string) []string {
	sort.Strings(ids)
	return ids
}

func quoteIDs(res *contract.QuoteResult) []string {
	ids := []string{}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return sortedIDs(ids)
}

// facetOf returns a facet's values as "value count [aliases]".
func facetOf(vals []contract.FacetValue) []string {
	out := []string{}
	for _, v := range vals {
		out = append(out, fmt.Sprintf("%s %d %q", v.Value, v.Count, v.Aliases))
	}
	return out
}

// checkNames checks filters, facets and hits of an index holding
// nameArticles.
func checkNames(t *testing.T, x *Index, step string) {
	t.Helper()
	ctx := context.Background()
	varga := []string{"n1", "n2", "n3"}
	for _, r := range []contract.Request{
		{Filters: contract.Filters{Speakers: []string{"Varga"}}, Limit: 10},
		{Filters: contract.Filters{Speakers: []string{"tomas varga"}}, Limit: 10},
		{Filters: contract.Filters{Actors: []string{"Tomas  Varga"}}, Limit: 10},
		{Query: "speaker:Varga", Limit: 10},
		{Query: `actor:"Tomas Varga"`, Limit: 10},
		{Query: "dredging", Filters: contract.Filters{Speakers: []string{"Varga"}}, Limit: 10},
	} {
		if got := sortedIDs(hitIDs(mustSearch(t, x, r))); !reflect.DeepEqual(got, varga) {
			t.Errorf("%s: Search(%q, %+v) = %q, want %q", step, r.Query, r.Filters, got, varga)
		}
	}
	for _, tc := range []struct {
		speaker string
		want    []string
	}{
		{"Baines", []string{"n7"}},
		{"Ruth Baines", []string{"n4", "n5"}},
		{"Henry Baines", []string{"n6"}},
	} {
		r := contract.Request{Filters: contract.Filters{Speakers: []string{tc.speaker}}, Limit: 10}
		if got := sortedIDs(hitIDs(mustSearch(t, x, r))); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Search(speaker %q) = %q, want %q", step, tc.speaker, got, tc.want)
		}
	}
	qr, err := x.SearchQuotes(ctx, contract.Request{Filters: contract.Filters{Speakers: []string{"Varga"}}, Limit: 10, Sort: contract.SortDate})
	if err != nil {
		t.Fatalf("%s: SearchQuotes: %v", step, err)
	}
	if got, want := quoteIDs(qr), []string{"n1#q1", "n2#q1", "n3#q1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("%s: SearchQuotes(speaker Varga) = %q, want %q", step, got, want)
	}
	for _, h := range qr.Hits {
		if h.Speaker != "Tomas Varga" {
			t.Errorf("%s: quote hit %s speaker = %q, want Tomas Varga", step, h.ID, h.Speaker)
		}
	}

	wantSpeakers := []string{`Tomas Varga 3 ["Varga"]`, `Ruth Baines 2 []`, `Baines 1 []`, `Henry Baines 1 []`}
	for _, r := range []contract.Request{
		{Facets: []string{contract.FacetSpeaker, contract.FacetActor}},                               // browse: the whole index's counts
		{Query: "dredging", Facets: []string{contract.FacetSpeaker, contract.FacetActor}},            // a counted search
		{Query: "dredging OR harbour", Facets: []string{contract.FacetSpeaker, contract.FacetActor}}, //
	} {
		res := mustSearch(t, x, r)
		for _, name := range []string{contract.FacetSpeaker, contract.FacetActor} {
			if got := facetOf(res.Facets[name]); !reflect.DeepEqual(got, wantSpeakers) {
				t.Errorf("%s: Search(%q) facet %s = %q, want %q", step, r.Query, name, got, wantSpeakers)
			}
		}
	}
	// Other counts the people past the list, after adding up by person.
	for _, r := range []contract.Request{
		{Facets: []string{contract.FacetSpeaker}, FacetSize: 2},
		{Query: "dredging", Facets: []string{contract.FacetSpeaker}, FacetSize: 2},
	} {
		res := mustSearch(t, x, r)
		if got, want := facetOf(res.Facets[contract.FacetSpeaker]), wantSpeakers[:2]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Search(%q, size 2) facet speaker = %q, want %q", step, r.Query, got, want)
		}
		if o, m := res.FacetOther[contract.FacetSpeaker], res.FacetMissing[contract.FacetSpeaker]; o != 2 || m != 0 {
			t.Errorf("%s: Search(%q, size 2) speaker other %d missing %d, want 2 and 0", step, r.Query, o, m)
		}
	}
	qf, err := x.SearchQuotes(ctx, contract.Request{Query: "dredging", Facets: []string{contract.FacetSpeaker}})
	if err != nil {
		t.Fatalf("%s: SearchQuotes: %v", step, err)
	}
	if got := facetOf(qf.Facets[contract.FacetSpeaker]); !reflect.DeepEqual(got, wantSpeakers) {
		t.Errorf("%s: quote facet speaker = %q, want %q", step, got, wantSpeakers)
	}

	res := mustSearch(t, x, contract.Request{Filters: contract.Filters{Speakers: []string{"Varga"}}, Limit: 10})
	for _, h := range res.Hits {
		if !reflect.DeepEqual(h.Speakers, []string{"Tomas Varga"}) || !reflect.DeepEqual(h.Actors, []string{"Tomas Varga"}) {
			t.Errorf("%s: hit %s speakers %q actors %q, want Tomas Varga", step, h.ID, h.Speakers, h.Actors)
		}
	}
	a, err := x.Article(ctx, "n3")
	if err != nil {
		t.Fatalf("%s: Article(n3): %v", step, err)
	}
	if a.Quotes[0].Speaker != "Tomas Varga" || a.Speakers[0] != "Tomas Varga" || a.Actors[0].Name != "Tomas Varga" {
		t.Errorf("%s: Article(n3) names quote %q, speakers %q, actors %+v; want Tomas Varga", step, a.Quotes[0].Speaker, a.Speakers, a.Actors)
	}
	if want := map[string][]string{"Tomas Varga": {"Varga"}}; !reflect.DeepEqual(a.Aliases, want) {
		t.Errorf("%s: Article(n3).Aliases = %q, want %q", step, a.Aliases, want)
	}
}

func TestNames(t *testing.T) {
	x := mustMemory(t, nameArticles(t))
	checkNames(t, x, "cold")
	if err := x.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	checkNames(t, x, "warm")
}

// TestNamesLater indexes the bare surname first and the full name in a
// later run: facets and filters follow, and the counts kept by
// Precompute and by Put agree with counting afresh.
func TestNamesLater(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "ix")
	arts := nameArticles(t)
	open := func(ro bool) *Index {
		x, err := Open(dir, Options{Labeler: fakeLabeler{}, ReadOnly: ro})
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	x := open(false)
	if err := x.Put(context.Background(), []*article.Article{arts[1], arts[3], arts[4], arts[5], arts[6]}); err != nil { // no full Varga yet
		t.Fatal(err)
	}
	if err := x.Precompute(ctx); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, x, contract.Request{Facets: []string{contract.FacetSpeaker}})
	if got, want := facetOf(res.Facets[contract.FacetSpeaker]), []string{`Ruth Baines 2 []`, `Baines 1 []`, `Henry Baines 1 []`, `Varga 1 []`}; !reflect.DeepEqual(got, want) {
		t.Errorf("first run: speaker facet = %q, want %q", got, want)
	}
	x.Close()

	// A later run, the names loaded before it (a server's searches).
	x = open(false)
	mustSearch(t, x, contract.Request{Query: "dredging", Filters: contract.Filters{Speakers: []string{"Varga"}}})
	if err := x.Put(context.Background(), []*article.Article{arts[0], arts[2]}); err != nil {
		t.Fatal(err)
	}
	checkNames(t, x, "later run")
	// Replacing an article takes its old names out.
	henry := nameArticle(t, "n6", "Ruth Baines", 0.9)
	if err := x.Put(context.Background(), []*article.Article{henry}); err != nil {
		t.Fatal(err)
	}
	res = mustSearch(t, x, contract.Request{Query: "dredging", Facets: []string{contract.FacetSpeaker}})
	if got, want := facetOf(res.Facets[contract.FacetSpeaker]), []string{`Ruth Baines 4 ["Baines"]`, `Tomas Varga 3 ["Varga"]`}; !reflect.DeepEqual(got, want) {
		t.Errorf("after replacing n6: speaker facet = %q, want %q", got, want)
	}
	if err := x.Put(context.Background(), []*article.Article{arts[5]}); err != nil {
		t.Fatal(err)
	}
	if err := x.Precompute(ctx); err != nil {
		t.Fatal(err)
	}
	x.Close()
	x = open(true)
	defer x.Close()
	checkNames(t, x, "reopened")
}

func TestMinConfidence(t *testing.T) {
	ctx := context.Background()
	x := mustMemory(t, nameArticles(t))
	for _, tc := range []struct {
		min  float64
		want []string
	}{
		{0, []string{"n1#q1", "n2#q1", "n3#q1"}},
		{0.6, []string{"n1#q1", "n3#q1"}},
		{0.9, []string{"n1#q1"}},
		{0.95, []string{}},
	} {
		res, err := x.SearchQuotes(ctx, contract.Request{Filters: contract.Filters{Speakers: []string{"Varga"}}, MinConfidence: tc.min, Limit: 10})
		if err != nil {
			t.Fatalf("SearchQuotes(min %g): %v", tc.min, err)
		}
		if got := quoteIDs(res); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SearchQuotes(min %g) = %q, want %q", tc.min, got, tc.want)
		}
		if uint64(len(tc.want)) != res.Total {
			t.Errorf("SearchQuotes(min %g) total = %d, want %d", tc.min, res.Total, len(tc.want))
		}
		for _, h := range res.Hits {
			if h.Confidence < tc.min {
				t.Errorf("SearchQuotes(min %g) hit %s confidence %g", tc.min, h.ID, h.Confidence)
			}
		}
	}
	// The query language's confidence: field is a number.
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"speaker:varga AND confidence:>=0.6", []string{"n1#q1", "n3#q1"}},
		{"speaker:varga AND confidence:0.5", []string{"n2#q1"}},
		{"speaker:varga AND confidence:[0.6 TO 0.8}", []string{"n3#q1"}},
	} {
		res, err := x.SearchQuotes(ctx, contract.Request{Query: tc.q, Limit: 10})
		if err != nil {
			t.Fatalf("SearchQuotes(%q): %v", tc.q, err)
		}
		if got := quoteIDs(res); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SearchQuotes(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
	if _, err := x.SearchQuotes(ctx, contract.Request{Query: "confidence:high"}); err == nil || err.Error() != `bad query: confidence: "high" is not a number` {
		t.Errorf("SearchQuotes(confidence:high) error = %v", err)
	}
	res, err := x.SearchQuotes(ctx, contract.Request{MinConfidence: 0.8, Limit: 0})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 5 {
		t.Errorf("SearchQuotes(browse, min 0.8) total = %d, want 5", res.Total)
	}
	for _, tc := range []struct {
		min  float64
		want string
	}{
		{-0.1, "bad query: minimum confidence -0.1 is outside 0..1"},
		{1.5, "bad query: minimum confidence 1.5 is outside 0..1"},
	} {
		if _, err := x.SearchQuotes(ctx, contract.Request{MinConfidence: tc.min}); err == nil || err.Error() != tc.want {
			t.Errorf("SearchQuotes(min %g) error = %v, want %q", tc.min, err, tc.want)
		}
	}
	if _, err := x.Search(ctx, contract.Request{MinConfidence: 0.5}); err == nil || err.Error() != "bad query: a minimum confidence applies to quotes, not articles" {
		t.Errorf("Search(min 0.5) error = %v", err)
	}
}

// TestNamesWarmLater: a server's columns name people by the table of the
// search, so after a Put (a new table) the facets follow the new names.
func TestNamesWarmLater(t *testing.T) {
	ctx := context.Background()
	arts := nameArticles(t)
	x := mustMemory(t, []*article.Article{arts[1], arts[3], arts[4], arts[5], arts[6]}) // no full Varga yet
	if err := x.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, x, contract.Request{Query: "dredging", Facets: []string{contract.FacetSpeaker}})
	if got, want := facetOf(res.Facets[contract.FacetSpeaker]), []string{`Ruth Baines 2 []`, `Baines 1 []`, `Henry Baines 1 []`, `Varga 1 []`}; !reflect.DeepEqual(got, want) {
		t.Errorf("first run: speaker facet = %q, want %q", got, want)
	}
	if err := x.Put(context.Background(), []*article.Article{arts[0], arts[2]}); err != nil {
		t.Fatal(err)
	}
	checkNames(t, x, "warm, later run")
}

// TestTopFacet checks topFacet against sorting every value and cutting
// the list, on values with many ties.
func TestTopFacet(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 60; n++ {
		for _, size := range []int{0, 1, 2, 5, 10, 59, 60, 100} {
			vals := make([]contract.FacetValue, n)
			for i := range vals {
				vals[i] = contract.FacetValue{Value: fmt.Sprintf("v%03d", r.IntN(200)), Count: 1 + r.IntN(4)}
			}
			want := slices.Clone(vals)
			sortFacet(want)
			wantOther := 0
			if len(want) > size {
				for _, v := range want[size:] {
					wantOther += v.Count
				}
				want = want[:size]
			}
			got, other := topFacet(slices.Clone(vals), size)
			if !reflect.DeepEqual(got, want) || other != wantOther {
				t.Fatalf("topFacet(%d values, %d) = %v, other %d; want %v, other %d", n, size, got, other, want, wantOther)
			}
		}
	}
}
