package index

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/article"
	contract "github.com/newsdex/newsdex/internal/search"
)

// TestSearchTitleToo checks that a query naming no field finds words of
// the title as well as of the body, now that there is no _all field.
func TestSearchTitleToo(t *testing.T) {
	x := mustMemory(t, []*article.Article{
		{ID: "t", Title: "Zebra crossing rules change", Body: "The transport ministry announced new rules.", Date: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)},
		{ID: "b", Title: "Ministry statement", Body: "A zebra escaped from the city zoo on Monday.", Date: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)},
		{ID: "n", Title: "Weather", Body: "Rain is expected on Monday.", Date: time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC)},
	})
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"zebra", []string{"b", "t"}},
		{"zebr*", []string{"b", "t"}},
		{`"zebra crossing"`, []string{"t"}},
		{"body:zebra", []string{"b"}},
		{"title:zebra", []string{"t"}},
		{"monday -zebra", []string{"n"}},
		{"+ministry +zebra", []string{"b", "t"}},
	} {
		t.Run(c.q, func(t *testing.T) {
			res, err := x.Search(context.Background(), contract.Request{Query: c.q, Limit: 10, Sort: contract.SortDate, Facets: []string{}})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			if len(c.want) > 1 {
				got = sortedCopy(got)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Search(%q) = %q, want %q", c.q, got, c.want)
			}
		})
	}
}

func sortedCopy(ss []string) []string {
	out := append([]string(nil), ss...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
