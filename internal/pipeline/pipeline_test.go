package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/ingest"
)

// records makes a JSON Lines file of n short articles with ids r0..r(n-1).
func records(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"id":"r%d","title":"Story %d","body":"Officials in Nairobi met on Monday. \"We will meet again,\" said Amina Yusuf.","date":"2025-03-%02d"}`+"\n", i, i, i%28+1)
	}
	return b.String()
}

func TestRunKeepsInputOrderAndExtracts(t *testing.T) {
	fsys := fstest.MapFS{"a.jsonl": {Data: []byte(records(1000))}}
	for _, tc := range []struct{ workers, chunk int }{{1, 7}, {4, 64}, {3, 1000}} {
		t.Run(fmt.Sprintf("workers=%d,chunk=%d", tc.workers, tc.chunk), func(t *testing.T) {
			p := &Pipeline{Workers: tc.workers, Chunk: tc.chunk, OnError: func(e *ingest.Error) { t.Error(e) }}
			var ids []string
			err := p.Run(context.Background(), FS(fsys, "."), func(chunk []*article.Article) error {
				if len(chunk) > tc.chunk {
					t.Errorf("chunk of %d, want at most %d", len(chunk), tc.chunk)
				}
				for _, a := range chunk {
					ids = append(ids, a.ID)
					if len(a.Quotes) != 1 || a.Quotes[0].Speaker != "Amina Yusuf" {
						t.Fatalf("%s: quotes %+v, want one by Amina Yusuf", a.ID, a.Quotes)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != 1000 {
				t.Fatalf("sank %d articles, want 1000", len(ids))
			}
			for i, id := range ids {
				if id != fmt.Sprintf("r%d", i) {
					t.Fatalf("article %d is %s, want r%d (input order)", i, id, i)
				}
			}
		})
	}
}

func TestRunFilterAndErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"a.jsonl": {Data: []byte(records(10))},
		"b.jsonl": {Data: []byte("{\"id\":\"x\",\"title\":\"T\",\"body\":\"B\"}\n{broken\n")},
	}
	var bad []string
	p := &Pipeline{
		Chunk:   4,
		OnError: func(e *ingest.Error) { bad = append(bad, e.Error()) },
		Filter: func(chunk []*article.Article) ([]*article.Article, error) {
			keep := chunk[:0]
			for _, a := range chunk {
				if a.ID != "r3" {
					keep = append(keep, a)
				}
			}
			return keep, nil
		},
	}
	n := 0
	err := p.Run(context.Background(), FS(fsys, "."), func(chunk []*article.Article) error {
		for _, a := range chunk {
			if a.ID == "r3" {
				t.Errorf("filtered article r3 reached the sink")
			}
		}
		n += len(chunk)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 10 {
		t.Errorf("sank %d articles, want 10 (11 read, r3 filtered)", n)
	}
	if len(bad) != 1 || !strings.Contains(bad[0], "b.jsonl:2") {
		t.Errorf("errors = %q, want one naming b.jsonl:2", bad)
	}
}

func TestRunStopsOnSinkError(t *testing.T) {
	fsys := fstest.MapFS{"a.jsonl": {Data: []byte(records(2000))}}
	boom := errors.New("disk full")
	calls := 0
	p := &Pipeline{Chunk: 10}
	err := p.Run(context.Background(), FS(fsys, "."), func(chunk []*article.Article) error {
		calls++
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Run = %v, want %v", err, boom)
	}
	if calls != 1 {
		t.Errorf("sink called %d times after failing, want 1", calls)
	}
}

func TestRunCancelled(t *testing.T) {
	fsys := fstest.MapFS{"a.jsonl": {Data: []byte(records(2000))}}
	ctx, cancel := context.WithCancel(context.Background())
	p := &Pipeline{Chunk: 10}
	calls := 0
	err := p.Run(ctx, FS(fsys, "."), func(chunk []*article.Article) error {
		calls++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	if calls != 1 {
		t.Errorf("sink called %d times after cancel, want 1 (stop after the current chunk)", calls)
	}
}
