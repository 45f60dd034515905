package index

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/article"
	contract "github.com/newsdex/newsdex/internal/search"
)

// counted answers a request the slow way: bleve counts every hit.
func counted(tb testing.TB, x *Index, kind string, r contract.Request) (uint64, map[string][]contract.FacetValue) {
	total, facets, _ := countedHits(tb, x, kind, r)
	return total, facets
}

// countedHits is counted with the IDs of the hits.
func countedHits(tb testing.TB, x *Index, kind string, r contract.Request) (uint64, map[string][]contract.FacetValue, []string) {
	tb.Helper()
	req, err := x.request(kind, r, nil)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := x.bi.SearchInContext(context.Background(), req)
	if err != nil {
		tb.Fatal(err)
	}
	ids := []string{}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return res.Total, x.facets(res), ids
}

// checkBrowse compares browsing with no query against bleve's counts.
func checkBrowse(t *testing.T, x *Index, step string) {
	t.Helper()
	ctx := context.Background()
	for _, r := range []contract.Request{
		{Limit: 10}, {Limit: 0, FacetSize: 2}, {Limit: 1, Facets: []string{contract.FacetCountry, contract.FacetDate}},
		{Limit: 1, Sort: contract.SortDateDesc}, {Limit: 2, Offset: 1, Sort: contract.SortDateDesc}, {Limit: 2, Sort: contract.SortDate}, {Limit: 10, Sort: contract.SortDate},
	} {
		total, facets, ids := countedHits(t, x, kindArticle, r)
		got, err := x.Search(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != total || !reflect.DeepEqual(got.Facets, facets) {
			t.Errorf("%s: Search(%+v) = %d hits, facets %v; want %d, %v", step, r, got.Total, got.Facets, total, facets)
		}
		if !reflect.DeepEqual(hitIDs(got), ids) {
			t.Errorf("%s: Search(%+v) hits = %q, want %q", step, r, hitIDs(got), ids)
		}
		if len(got.Hits) != min(r.Limit, int(total)) {
			t.Errorf("%s: Search(%+v) returned %d hits, want %d", step, r, len(got.Hits), min(r.Limit, int(total)))
		}
		qtotal, qfacets := counted(t, x, kindQuote, r)
		for name := range qfacets {
			if !quoteFacets[name] {
				qfacets[name] = []contract.FacetValue{}
			}
		}
		qgot, err := x.SearchQuotes(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		if qgot.Total != qtotal || !reflect.DeepEqual(qgot.Facets, qfacets) {
			t.Errorf("%s: SearchQuotes(%+v) = %d hits, facets %v; want %d, %v", step, r, qgot.Total, qgot.Facets, qtotal, qfacets)
		}
	}
}

func TestBrowseCounts(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	checkBrowse(t, x, "after the first Put")

	// A replaced article and a new one change the counts.
	arts := testArticles(t)
	a := arts[0]
	a.Countries = append(a.Countries, article.Country{Code: "FR", Name: "France", Mentions: 1})
	a.Quotes = nil
	b := *arts[1]
	b.ID = "wire-999"
	if err := x.Put(context.Background(), []*article.Article{a, &b}); err != nil {
		t.Fatal(err)
	}
	checkBrowse(t, x, "after a second Put")
	got := mustSearch(t, x, contract.Request{Facets: []string{contract.FacetCountry}})
	if got.Total != uint64(len(arts)+1) {
		t.Errorf("after a second Put: browse total = %d, want %d", got.Total, len(arts)+1)
	}
}

func TestPrecompute(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	x, err := Open(dir, Options{Labeler: fakeLabeler{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Put(context.Background(), testArticles(t)); err != nil {
		t.Fatal(err)
	}
	if err := x.Precompute(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	x, err = Open(dir, Options{Labeler: fakeLabeler{}, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, kind := range []string{kindArticle, kindQuote} {
		if v, err := x.bi.GetInternal([]byte(browseKeyPrefix + kind)); err != nil || len(v) == 0 {
			t.Errorf("no precomputed %s counts after reopening (err %v)", kind, err)
		}
	}
	checkBrowse(t, x, "reopened")
}

func TestDateWindow(t *testing.T) {
	months := []contract.FacetValue{{Value: "2024-01", Count: 2}, {Value: "2024-02", Count: 1}, {Value: "2024-03", Count: 3}}
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	for _, c := range []struct {
		need     int
		newest   bool
		from, to time.Time
		ok       bool
	}{
		{3, true, d("2024-03-01"), time.Time{}, true},
		{4, true, d("2024-02-01"), time.Time{}, true},
		{6, true, d("2024-01-01"), time.Time{}, true},
		{7, true, time.Time{}, time.Time{}, false},
		{2, false, time.Time{}, d("2024-02-01"), true},
		{3, false, time.Time{}, d("2024-03-01"), true},
	} {
		from, to, ok := dateWindow(months, c.need, c.newest)
		if !from.Equal(c.from) || !to.Equal(c.to) || ok != c.ok {
			t.Errorf("dateWindow(%d, newest %v) = %v, %v, %v; want %v, %v, %v", c.need, c.newest, from, to, ok, c.from, c.to, c.ok)
		}
	}
}

// TestBrowseNarrowed browses a month of many articles, where the search is
// narrowed to a few days next to the newest or oldest date.
func TestBrowseNarrowed(t *testing.T) {
	var arts []*article.Article
	for i := 0; i < 60; i++ {
		arts = append(arts, &article.Article{
			ID: fmt.Sprintf("a%02d", i), Title: "Day report", Body: "Rain fell.",
			Date: time.Date(2024, 3, 1+i%28, i%24, 0, 0, 0, time.UTC),
		})
	}
	arts = append(arts, &article.Article{ID: "old", Title: "Old", Body: "Snow.", Date: time.Date(2023, 1, 5, 0, 0, 0, 0, time.UTC)})
	x := mustMemory(t, arts)
	c, err := x.browse(context.Background(), kindArticle)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2024, 3, 28, 7, 0, 0, 0, time.UTC); !c.Newest.Equal(want) {
		t.Errorf("newest = %v, want %v", c.Newest, want)
	}
	if w := guessWindow(c, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Time{}, 3, true); w.from.IsZero() {
		t.Error("guessWindow(newest 3 of 60 in March) did not narrow")
	}
	checkBrowse(t, x, "one busy month")
}
