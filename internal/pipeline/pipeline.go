// Package pipeline runs newsdex's read -> extract -> sink pipeline over files,
// folders or an fs.FS, in parallel and in input order. The indexer and the
// CLI's extract run through it; tests and the demo build their indexes with
// it. It knows no index.
package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/extract"
	"github.com/newsdex/newsdex/internal/gazetteer"
	"github.com/newsdex/newsdex/internal/ingest"
)

// Pipeline reads articles, extracts them in parallel and hands them on in
// chunks, in input order: read -> (filter) -> extract -> sink. Each stage
// runs in its own goroutine with a bounded queue between stages, so reading
// the next files overlaps extracting and indexing the previous ones.
type Pipeline struct {
	Ingest  ingest.Options
	Workers int // extraction workers; 0 = GOMAXPROCS
	Chunk   int // articles per chunk; 0 = 256
	// Filter, when set, runs on each chunk before extraction and returns the
	// articles to keep (the indexer drops unchanged articles here).
	Filter func([]*article.Article) ([]*article.Article, error)
	// OnError is called for each bad file, line or record, from one
	// goroutine at a time.
	OnError func(*ingest.Error)
	// OnRead is called for each article read, before filtering.
	OnRead func(*article.Article)
}

// Source is where a pipeline reads from: Walk over paths or over an fs.FS.
type Source func(ctx context.Context, opts ingest.Options, fn func(*article.Article) error, onError func(*ingest.Error)) error

// Paths reads files and folders ("-" is standard input).
func Paths(paths []string) Source {
	return func(ctx context.Context, opts ingest.Options, fn func(*article.Article) error, onError func(*ingest.Error)) error {
		return ingest.Walk(ctx, paths, opts, fn, onError)
	}
}

// FS reads every file of fsys below root.
func FS(fsys fs.FS, root string) Source {
	return func(ctx context.Context, opts ingest.Options, fn func(*article.Article) error, onError func(*ingest.Error)) error {
		return ingest.WalkFS(ctx, fsys, root, opts, fn, onError)
	}
}

var (
	extractorOnce sync.Once
	extractor     *extract.Extractor
)

// Extractor returns the process's extractor, built on first use.
func Extractor() *extract.Extractor {
	extractorOnce.Do(func() { extractor = extract.New(gazetteer.Default()) })
	return extractor
}

// Run drives the pipeline over src and calls sink with each extracted chunk,
// in order, from the calling goroutine. It returns the first error of the
// reader, the filter or the sink; cancelling ctx stops it after the chunk
// being sunk.
func (p *Pipeline) Run(ctx context.Context, src Source, sink func([]*article.Article) error) error {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size := p.Chunk
	if size <= 0 {
		size = 256
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	x := Extractor()

	read := make(chan []*article.Article, 2)
	extracted := make(chan []*article.Article, 2)
	var readErr, stageErr error

	go func() {
		defer close(read)
		var chunk []*article.Article
		send := func() error {
			if len(chunk) == 0 {
				return nil
			}
			select {
			case read <- chunk:
				chunk = nil
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		onErr := p.OnError
		if onErr == nil {
			onErr = func(*ingest.Error) {}
		}
		readErr = src(ctx, p.Ingest, func(a *article.Article) error {
			if p.OnRead != nil {
				p.OnRead(a)
			}
			chunk = append(chunk, a)
			if len(chunk) >= size {
				return send()
			}
			return nil
		}, onErr)
		if readErr == nil {
			readErr = send()
		}
	}()

	go func() {
		defer close(extracted)
		for chunk := range read {
			if p.Filter != nil {
				var err error
				if chunk, err = p.Filter(chunk); err != nil {
					stageErr = err
					cancel()
					break
				}
			}
			extractAll(x, chunk, workers)
			select {
			case extracted <- chunk:
			case <-ctx.Done():
			}
		}
		for range read { // let the reader finish after a failure
		}
	}()

	var sinkErr error
	for chunk := range extracted {
		if sinkErr != nil || ctx.Err() != nil {
			continue
		}
		if len(chunk) == 0 {
			continue
		}
		if err := sink(chunk); err != nil {
			sinkErr = err
			cancel()
		}
	}
	switch {
	case sinkErr != nil:
		return sinkErr
	case stageErr != nil:
		return stageErr
	case readErr != nil && !errors.Is(readErr, context.Canceled):
		return readErr
	}
	return ctx.Err()
}

// extractAll extracts every article of chunk with up to workers goroutines.
func extractAll(x *extract.Extractor, chunk []*article.Article, workers int) {
	if workers > len(chunk) {
		workers = len(chunk)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(chunk) {
					return
				}
				x.Extract(chunk[i])
			}
		}()
	}
	wg.Wait()
}
