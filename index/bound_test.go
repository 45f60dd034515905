package index

import (
	"context"
	"slices"
	"testing"
	"time"

	contract "github.com/newsdex/newsdex/internal/search"

	"github.com/newsdex/newsdex/internal/article"
)

// TestDatesOutOfRange: articles dated where bleve cannot keep a date are
// indexed undated with their date as text, and break neither sorting nor
// the date facet; query bounds outside the range are clamped.
func TestDatesOutOfRange(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	arts := []*article.Article{
		{ID: "old", Title: "Old coffee", Body: "Coffee in the old port.", Date: d(1500, 3, 1)},
		{ID: "a", Title: "Coffee a", Body: "Coffee prices rose.", Date: d(2025, 1, 18)},
		{ID: "b", Title: "Coffee b", Body: "Coffee prices fell.", Date: d(2024, 5, 2)},
		{ID: "far", Title: "Far coffee", Body: "Coffee in the far future.", Date: d(2300, 1, 1)},
		{ID: "edge", Title: "Edge coffee", Body: "Coffee at the edge.", Date: d(1678, 1, 1)},
	}
	x := mustMemory(t, arts)
	ctx := context.Background()
	for _, c := range []struct {
		sort string
		want []string
	}{
		{contract.SortDate, []string{"edge", "b", "a", "far", "old"}},
		{contract.SortDateDesc, []string{"a", "b", "edge", "far", "old"}},
	} {
		res := mustSearch(t, x, contract.Request{Query: "coffee", Limit: 10, Sort: c.sort})
		if got := hitIDs(res); !slices.Equal(got, c.want) {
			t.Errorf("Search(sort %s) = %v, want %v", c.sort, got, c.want)
		}
		for _, h := range res.Hits {
			if (h.ID == "old" || h.ID == "far") && h.Date != "" {
				t.Errorf("hit %s has date %q, want none", h.ID, h.Date)
			}
		}
	}
	res := mustSearch(t, x, contract.Request{Facets: []string{contract.FacetDate}})
	var months []string
	for _, v := range res.Facets[contract.FacetDate] {
		months = append(months, v.Value)
	}
	if want := []string{"1678-01", "2024-05", "2025-01"}; !slices.Equal(months, want) {
		t.Errorf("date facet = %v, want %v", months, want)
	}
	a, err := x.Article(ctx, "old")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Date.IsZero() || a.DateText != "1500-03-01T00:00:00Z" || !a.DateUnreadable() {
		t.Errorf("Article(old) date %v, text %q; want none and the date as text", a.Date, a.DateText)
	}
	for _, c := range []struct {
		from, to string
		want     uint64
	}{
		{"1500", "", 3}, {"", "2262", 3}, {"", "9999", 3}, {"1000", "9999", 3},
		{"", "1500", 0}, {"9000", "", 0}, {"1500", "1677", 0}, {"2025", "9999", 1}, {"1600", "1678", 1},
	} {
		from, _ := contract.ParseBound(c.from, false)
		to, _ := contract.ParseBound(c.to, true)
		res, err := x.Search(ctx, contract.Request{Query: "coffee", Limit: 10, Filters: contract.Filters{From: from, To: to}})
		if err != nil || res.Total != c.want {
			t.Errorf("Search(from %q to %q) = %v, %v; want %d hits", c.from, c.to, res, err, c.want)
		}
	}
}
