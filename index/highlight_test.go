package index

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/article"
)

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
// matches is bounded (20 such hits took 54 s: bleve scores every fragment against
// every match), and it stops at the deadline.
func TestHighlightHugeBodies(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 20 MiB")
	}
	x, err := NewMemory(Options{Labeler: fakeLabeler{}})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	putAll(t, x, hugeArticles(10, "coffee"), 5)
	start := time.Now()
	res, err := x.Search(context.Background(), Request{Query: "coffee", Limit: 10})
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 10 || !strings.Contains(res.Hits[0].Snippet.HTML(), "<mark>coffee</mark>") {
		t.Errorf("Search(coffee) = %d hits, first snippet %.80q; want 10 with coffee marked", len(res.Hits), res.Hits[0].Snippet.HTML())
	}
	if took > 10*time.Second {
		t.Errorf("Search(coffee) over 10 MiB bodies took %v, want under 10s", took)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err = x.Search(ctx, Request{Query: "coffee prices", Limit: 10})
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("Search under a 200ms deadline took %v (err %v), want the deadline kept", took, err)
	}
}
