package pipeline

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

func TestZZProf(t *testing.T) {
	path := os.Getenv("ZZ_FILE")
	if path == "" {
		t.Skip()
	}
	dir := t.TempDir() + "/ix"
	ix, err := index.Open(dir, index.Options{Labeler: gazetteer.Default()})
	if err != nil {
		t.Fatal(err)
	}
	var put time.Duration
	start := time.Now()
	p := &Pipeline{Chunk: 500}
	n := 0
	err = p.Run(context.Background(), Paths([]string{path}), func(c []*article.Article) error {
		s := time.Now()
		err := ix.Put(c)
		put += time.Since(s)
		n += len(c)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("n=%d total=%s put=%s", n, time.Since(start), put)
	s := time.Now()
	ix.Close()
	t.Logf("close %s", time.Since(s))
}
