// Package indexer owns an indexing run: which inputs changed since the last
// run (files.go), reading and extracting them (internal/pipeline), dropping
// the duplicates of the run (dedupe.go) and the articles the store already
// holds unchanged, writing the batches, recording the files read, and
// precomputing what makes browsing fast. It writes to any search.Store, so
// a run is the same whether it writes into the index directly or through
// the server holding it (internal/remote).
package indexer

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/ingest"
	"github.com/newsdex/newsdex/internal/pipeline"
	"github.com/newsdex/newsdex/internal/search"
)

// Options configure a run.
type Options struct {
	// Ingest says how to read the inputs (format, exclusions, links).
	Ingest ingest.Options
	// Workers extract in parallel (0: one per core); Batch is the number
	// of articles a batch writes (0: 500).
	Workers, Batch int
	// Source is given to articles that name none.
	Source string

	// OnRead is called with each article read, before anything is
	// dropped; OnError with each bad or skipped input (from the reading
	// goroutine); OnDuplicate with each duplicate dropped (from the
	// filtering goroutine); OnBatch after each batch is written, with the
	// articles indexed or unchanged so far. Any may be nil.
	OnRead      func(*article.Article)
	OnError     func(*ingest.Error)
	OnDuplicate func(Duplicate)
	OnBatch     func(done int)
}

// Summary is what a run did.
type Summary struct {
	Read    int // articles read
	Indexed int // articles written (new or replaced)
	// Replaced counts the articles written over an older version of the
	// same id: they are in Indexed but the store did not grow.
	Replaced int
	// Unchanged counts the articles the store already held as they are,
	// in files read and in files left unread (UnchangedFiles paths).
	Unchanged      int
	UnchangedFiles int
	Quotes         int             // quotes of the articles written
	Files          map[string]bool // the files articles were read from
	Errors         int             // bad files, lines or records
	Skipped        map[string]int  // files skipped, by reason
	// Duplicates are the articles dropped because one read earlier in
	// the run has the same id or the same content.
	Duplicates []Duplicate
	Took       time.Duration
	// Cancelled says the run stopped early (ctx): what was written is
	// whole, nothing was recorded or precomputed.
	Cancelled bool
}

// Run indexes paths into store. Bad inputs are reported to OnError and
// counted, never fatal; the error is the store's or the reader's, with
// the summary of what was written before it (nil when nothing was read). After a
// run that wrote something and was not cancelled, it records the files
// read (so that an unchanged file is not read again) and precomputes the
// store's browse counts.
func Run(ctx context.Context, store search.Store, paths []string, o Options) (*Summary, error) {
	start := time.Now()
	sum := &Summary{Files: map[string]bool{}, Skipped: map[string]int{}}
	defer func() { sum.Took = time.Since(start) }()
	batch := o.Batch
	if batch <= 0 {
		batch = 500
	}
	// Files whose bytes are unchanged since the last run are skipped
	// before they are read, so re-indexing an unchanged corpus costs only
	// hashing. The walk never reads the index (ingest: an index folder is
	// skipped).
	in, err := CheckInputs(ctx, store, paths, o.Ingest)
	if err != nil {
		return nil, fmt.Errorf("check inputs: %w", err)
	}
	sum.UnchangedFiles = len(in.Unchanged)
	sum.Unchanged = in.UnchangedArticles
	dedupe := newDeduper()
	// The filter (the pipeline's extraction goroutine) counts the
	// unchanged articles, the sink (this one) reports progress: the
	// count they share is atomic. (The sink read the filter's count
	// without synchronisation before.)
	var unchanged atomic.Int64
	unchanged.Store(int64(sum.Unchanged))
	p := &pipeline.Pipeline{
		Ingest:  o.Ingest,
		Workers: o.Workers,
		Chunk:   batch,
		OnRead: func(a *article.Article) {
			if a.Source == "" {
				a.Source = o.Source
			}
			sum.Read++
			sum.Files[a.File] = true
			if o.OnRead != nil {
				o.OnRead(a)
			}
		},
		OnError: func(e *ingest.Error) {
			if reason := ingest.Skipped(e); reason != nil {
				sum.Skipped[reason.Error()]++
			} else {
				sum.Errors++
			}
			if o.OnError != nil {
				o.OnError(e)
			}
		},
		Filter: func(chunk []*article.Article) ([]*article.Article, error) {
			chunk, err := dedupe.dropDuplicates(ctx, store, chunk, func(d Duplicate) {
				sum.Duplicates = append(sum.Duplicates, d)
				if o.OnDuplicate != nil {
					o.OnDuplicate(d)
				}
			})
			if err != nil {
				return nil, err
			}
			for _, a := range chunk {
				in.Count(a.File) // what a re-run skipping the file counts as unchanged
			}
			before := sum.Unchanged
			chunk, err = dropUnchanged(ctx, store, chunk, sum)
			unchanged.Add(int64(sum.Unchanged - before)) // for OnBatch, in the sink's goroutine
			return chunk, err
		},
	}
	if len(in.Read) > 0 {
		err = p.Run(ctx, pipeline.Paths(in.Read), func(chunk []*article.Article) error {
			if err := store.Put(ctx, chunk); err != nil {
				return fmt.Errorf("write index: %w", err)
			}
			sum.Indexed += len(chunk)
			for _, a := range chunk {
				sum.Quotes += len(a.Quotes)
			}
			if o.OnBatch != nil {
				o.OnBatch(sum.Indexed + int(unchanged.Load()))
			}
			return nil
		})
	}
	if errors.Is(err, context.Canceled) {
		sum.Cancelled = true
		return sum, nil
	}
	if err != nil {
		return sum, err
	}
	if err := in.Record(ctx, store); err != nil {
		return sum, fmt.Errorf("write index: %w", err)
	}
	// Count the facets of the whole index once now, so that browsing
	// with no query reads the counts instead of counting every article.
	if sum.Indexed > 0 {
		if err := store.Precompute(ctx); err != nil {
			return sum, fmt.Errorf("write index: %w", err)
		}
	}
	return sum, nil
}

// dropUnchanged removes the articles whose fingerprint the store already
// holds, and the repeats of an id within the chunk (the last one wins).
func dropUnchanged(ctx context.Context, store search.Store, chunk []*article.Article, sum *Summary) ([]*article.Article, error) {
	last := make(map[string]int, len(chunk))
	ids := make([]string, 0, len(chunk))
	for i, a := range chunk {
		if _, ok := last[a.ID]; !ok {
			ids = append(ids, a.ID)
		}
		last[a.ID] = i
	}
	have, err := store.Fingerprints(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	keep := chunk[:0]
	for i, a := range chunk {
		if last[a.ID] != i {
			continue
		}
		fp, ok := have[a.ID]
		if ok && fp == a.Fingerprint() {
			sum.Unchanged++
			continue
		}
		if ok {
			sum.Replaced++
		}
		keep = append(keep, a)
	}
	return keep, nil
}
