package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/article"
	contract "github.com/newsdex/newsdex/internal/search"
)

// maxHugeAllocs bounds the allocations of TestHighlightHugeBodies's
// search: it made 8,400 (164 MB, the bodies' records and term locations
// mostly); with every match a snippet candidate (no maxSnippetMatches) it
// made 1,107,000 and took 78 s.
const maxHugeAllocs = 50_000

// hugeArticles returns n articles whose 1 MiB bodies repeat word.
func hugeArticles(n int, word string) []*article.Article {
	body := strings.Repeat(word+" prices rose ", (1<<20)/(len(word)+13))
	arts := make([]*article.Article, n)
	for i := range arts {
		arts[i] = &article.Article{ID: fmt.Sprintf("huge-%02d", i), Title: "Huge", Body: body,
			Date: time.Date(2025, 1, 1+i, 0, 0, 0, 0, time.UTC)}
	}
	return arts
}

// TestHighlightHugeBodies: highlighting 10 hits with 1 MiB bodies full of
// matches is bounded (20 such hits took 54 s: bleve scores every fragment
// against every match; the snippet is now chosen among the first
// maxSnippetMatches), and hit building stops when the search is
// cancelled. Both are checked by work done, not time, so that a loaded
// machine cannot fail them; BenchmarkHighlightHugeBodies times the search.
func TestHighlightHugeBodies(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 10 MiB")
	}
	x, err := NewMemory(Options{Labeler: fakeLabeler{}})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	putAll(t, x, hugeArticles(10, "coffee"), 5)
	var res *contract.ArticleResult
	allocs, bytes := work(func() { // guard_test.go
		res, err = x.Search(context.Background(), contract.Request{Query: "coffee", Limit: 10})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 10 || !strings.Contains(res.Hits[0].Snippet.HTML(), "<mark>coffee</mark>") {
		t.Errorf("Search(coffee) = %d hits, first snippet %.80q; want 10 with coffee marked", len(res.Hits), res.Hits[0].Snippet.HTML())
	}
	t.Logf("Search(coffee) over 10 MiB bodies: %d allocations, %.1f MB", allocs, float64(bytes)/(1<<20))
	if allocs > maxHugeAllocs {
		t.Errorf("Search(coffee) over 10 MiB bodies made %d allocations, want at most %d", allocs, maxHugeAllocs)
	}

	// Cancelled while the third hit is about to be built: no hit after it
	// is built, and the search says why it stopped.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var built []int
	hitHook = func(i int) {
		built = append(built, i)
		if i == 2 {
			cancel()
		}
	}
	defer func() { hitHook = nil }()
	_, err = x.Search(ctx, contract.Request{Query: "coffee prices", Limit: 10})
	if !errors.Is(err, context.Canceled) || !slices.Equal(built, []int{0, 1, 2}) {
		t.Errorf("Search cancelled at hit 2: error %v, hits begun %v; want context.Canceled after 0, 1, 2", err, built)
	}
}

// BenchmarkHighlightHugeBodies times a search whose 10 hits have 1 MiB
// bodies full of matches.
func BenchmarkHighlightHugeBodies(b *testing.B) {
	x, err := NewMemory(Options{Labeler: fakeLabeler{}})
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	putAll(b, x, hugeArticles(10, "coffee"), 5)
	for b.Loop() {
		if _, err := x.Search(context.Background(), contract.Request{Query: "coffee", Limit: 10}); err != nil {
			b.Fatal(err)
		}
	}
}
