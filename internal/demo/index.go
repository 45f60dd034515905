package demo

import (
	"context"
	"fmt"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
	"github.com/newsdex/newsdex/internal/ingest"
	"github.com/newsdex/newsdex/internal/pipeline"
)

// Index builds an in-memory index of the embedded demo corpus.
func Index(ctx context.Context) (*index.Index, error) {
	ix, err := index.NewMemory(index.Options{Labeler: gazetteer.Default()})
	if err != nil {
		return nil, fmt.Errorf("build demo index: %w", err)
	}
	var bad []string
	p := &pipeline.Pipeline{OnError: func(e *ingest.Error) { bad = append(bad, e.Error()) }}
	err = p.Run(ctx, pipeline.FS(FS(), "."), func(arts []*article.Article) error { return ix.Put(ctx, arts) })
	if err == nil && len(bad) > 0 {
		err = fmt.Errorf("demo corpus: %d bad inputs, first: %s", len(bad), bad[0])
	}
	if err != nil {
		ix.Close()
		return nil, fmt.Errorf("build demo index: %w", err)
	}
	return ix, nil
}
