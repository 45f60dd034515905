package cli

import (
	"context"
	"fmt"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/demo"
	"github.com/newsdex/newsdex/internal/gazetteer"
	"github.com/newsdex/newsdex/internal/ingest"
)

// openDemo builds an in-memory index of the embedded demo corpus.
func openDemo(ctx context.Context) (*index.Index, error) {
	ix, err := index.NewMemory(index.Options{Labeler: gazetteer.Default()})
	if err != nil {
		return nil, fmt.Errorf("build demo index: %w", err)
	}
	var bad []string
	p := &pipeline{OnError: func(e *ingest.Error) { bad = append(bad, e.Error()) }}
	src := func(ctx context.Context, opts ingest.Options, fn func(*article.Article) error, onError func(*ingest.Error)) error {
		return ingest.WalkFS(ctx, demo.FS(), ".", opts, fn, onError)
	}
	err = p.run(ctx, src, ix.Put)
	if err == nil && len(bad) > 0 {
		err = fmt.Errorf("demo corpus: %d bad inputs, first: %s", len(bad), bad[0])
	}
	if err != nil {
		ix.Close()
		return nil, fmt.Errorf("build demo index: %w", err)
	}
	return ix, nil
}
