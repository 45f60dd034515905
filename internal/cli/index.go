package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/newsdex/newsdex/internal/pipeline"
	"io"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/ingest"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// indexOptions are the flags of `newsdex index`.
type indexOptions struct {
	Format   string // force an input format
	Workers  int
	Batch    int
	Errors   string // --errors FILE: bad inputs as JSON Lines
	Strict   bool   // exit 1 when any input was bad
	Progress string // auto, always, never
	// FollowLinks follows symbolic links in folders out of the paths
	// named.
	FollowLinks bool
	// Exclude lists shell patterns of files and folders not read
	// (ingest.Options.Skip).
	Exclude []string
	Source  string // --source NAME: the source of articles that name none
}

func newIndexCmd(g *globalOptions, s Streams) *cobra.Command {
	o := &indexOptions{}
	cmd := &cobra.Command{
		Use:   "index PATH...",
		Short: "Read, extract and index articles",
		Long: `Index reads articles from files and folders ("-" for standard input), extracts
quotes, speakers, countries, regions and actors, and adds them to the index
(--index). An article already in the index with the same id is replaced when
it changed and skipped when it did not, so re-running adds nothing. An
article with the id, or the title and body, of one read before it in the same
run is a duplicate: it is skipped, counted and named in the summary.

Folders are read recursively: regular files only (named pipes, devices and
sockets are skipped), no hidden files, no symbolic links leading out of the
paths given (unless --follow-links), and never an index folder. Each batch is
written only when the disk has room for it.

Bad files, lines and records are reported on stderr (and in --errors FILE as
JSON Lines) and the rest is still indexed; the exit code is 0 unless --strict.`,
		Example: `  newsdex index corpus/
  newsdex --index /data/news.index index reuters.jsonl.gz --errors bad.jsonl
  newsdex index --exclude README.TXT --exclude '*.csv' bbc-news/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIndex(cmd.Context(), g, o, s, args)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "", "read every input as this format: txt, html, json, jsonl, csv, tsv (default: by extension)")
	cmd.Flags().IntVar(&o.Workers, "workers", 0, "parsing and extraction workers (0 = one per core)")
	cmd.Flags().IntVar(&o.Batch, "batch", 500, "articles per index batch")
	cmd.Flags().StringVar(&o.Errors, "errors", "", "also write each bad input as a JSON line to this file")
	cmd.Flags().BoolVar(&o.Strict, "strict", false, "exit with status 1 when any input was bad")
	cmd.Flags().StringVar(&o.Source, "source", "", "give articles that name no source this one (plain text files, say)")
	cmd.Flags().StringVar(&o.Progress, "progress", "auto", "progress bar on stderr: auto (when a terminal), always, never")
	cmd.Flags().StringArrayVar(&o.Exclude, "exclude", nil, "skip files and folders whose name, or path below the PATH named, matches this shell pattern (case-sensitive; repeatable)")
	cmd.Flags().BoolVar(&o.FollowLinks, "follow-links", false, "follow symbolic links in folders that lead out of the paths named (default: skip them)")
	return cmd
}

// indexSummary is what `newsdex index` reports when it ends.
type indexSummary struct {
	Read      int
	Indexed   int
	Unchanged int
	// UnchangedFiles counts the paths skipped unread: every file below
	// them has the content hash recorded by an earlier run.
	UnchangedFiles int
	Quotes         int
	Files          map[string]bool
	BadDates       int
	Skipped        map[string]int // reason -> files
	Errors         int
	Took           time.Duration
	Cancelled      bool
	// Replaced counts the articles indexed over an older version of
	// the same id: they are in Indexed but the index did not grow.
	Replaced int
	// Duplicates are the articles skipped because one read earlier in
	// the run has the same id or the same content (dedupe.go).
	Duplicates []duplicate
	dedupe     *deduper
	errorsJSON *json.Encoder
	errorsMu   sync.Mutex // OnError and the filter write --errors FILE from two goroutines
	errorsErr  error      // the first failure to write --errors FILE
}

func runIndex(ctx context.Context, g *globalOptions, o *indexOptions, s Streams, args []string) error {
	if err := checkInputFormat(o.Format); err != nil {
		return err
	}
	if o.Batch <= 0 || o.Batch > maxBatch {
		return usageError("--batch %d: want a number from 1 to %d", o.Batch, maxBatch)
	}
	if err := checkWorkers(o.Workers); err != nil {
		return err
	}
	if err := ingest.CheckSkip(o.Exclude); err != nil {
		return usageError("--exclude %v", err)
	}
	ix, err := openWriter(ctx, g.Index, s.Err) // writer.go: through a running server, or directly
	if err != nil {
		return err
	}
	defer ix.Close()

	sum := &indexSummary{Files: map[string]bool{}, Skipped: map[string]int{}, dedupe: newDeduper()}
	var errorsFile *os.File
	if o.Errors != "" {
		if errorsFile, err = os.Create(o.Errors); err != nil {
			return fmt.Errorf("--errors %s: cannot create the file; name a file in a folder that exists and you may write to (%w)", o.Errors, err)
		}
		defer errorsFile.Close() // closed and checked below; this is for early returns
		sum.errorsJSON = json.NewEncoder(errorsFile)
	}
	start := time.Now()
	// Files whose bytes are unchanged since the last run are skipped before
	// they are read, so re-indexing an unchanged corpus costs only hashing.
	// The walk never reads the index (ingest: an index folder is skipped).
	// Links may lead into any path given, read this time or not.
	opts := ingest.Options{Format: o.Format, Workers: o.Workers, FollowLinks: o.FollowLinks, Exclude: []string{g.Index}, Roots: args, Skip: o.Exclude}
	in, err := pipeline.CheckInputs(ix, args, opts)
	if err != nil {
		return fmt.Errorf("check inputs: %w", err)
	}
	sum.UnchangedFiles = len(in.Unchanged)
	sum.Unchanged = in.UnchangedArticles
	bar := newProgress(s.Err, o.Progress)
	p := &pipeline.Pipeline{
		Ingest:  opts,
		Workers: o.Workers,
		Chunk:   o.Batch,
		OnRead: func(a *article.Article) {
			if a.Source == "" {
				a.Source = o.Source
			}
			sum.Read++
			sum.Files[a.File] = true
			if a.DateUnreadable() || !a.Date.IsZero() && !index.DateInRange(a.Date) {
				sum.BadDates++ // kept as text; the index keeps no date outside its range
			}
		},
		OnError: func(e *ingest.Error) {
			if reason := ingest.Skipped(e); reason != nil {
				sum.Skipped[reason.Error()]++
			} else {
				sum.Errors++
			}
			// Excluded files are only counted: --exclude '*.csv' may
			// match thousands.
			if !errors.Is(e, ingest.ErrExcluded) {
				bar.clear()
				fmt.Fprintf(s.Err, "newsdex: %v\n", e)
			}
			sum.writeError(errorRecord(e), o.Errors)
		},
		Filter: func(chunk []*article.Article) ([]*article.Article, error) {
			chunk, err := sum.dropDuplicates(ctx, ix, chunk, o.Errors)
			if err != nil {
				return nil, err
			}
			for _, a := range chunk {
				in.Count(a.File) // what a re-run skipping the file counts as unchanged
			}
			return dropUnchanged(ix, chunk, sum)
		},
	}
	if len(in.Read) > 0 {
		err = p.Run(ctx, pipeline.Paths(in.Read), func(chunk []*article.Article) error {
			if err := ix.Put(chunk); err != nil {
				return fmt.Errorf("write index: %w", err)
			}
			sum.Indexed += len(chunk)
			for _, a := range chunk {
				sum.Quotes += len(a.Quotes)
			}
			bar.set(sum.Indexed + sum.Unchanged)
			return nil
		})
	}
	bar.finish()
	if errors.Is(err, context.Canceled) {
		sum.Cancelled = true
		err = nil
	}
	if err == nil && !sum.Cancelled {
		if err = in.Record(ix); err != nil {
			err = fmt.Errorf("write index: %w", err)
		}
	}
	// Count the facets of the whole index once now, so that browsing with
	// no query reads the counts instead of counting every article.
	if p, ok := ix.(interface{ Precompute(context.Context) error }); ok && err == nil && !sum.Cancelled && sum.Indexed > 0 {
		if err = p.Precompute(ctx); err != nil {
			err = fmt.Errorf("write index: %w", err)
		}
	}
	sum.Took = time.Since(start)
	sum.print(s.Err, g.Index)
	if err != nil {
		return err
	}
	// A bad input not written to --errors FILE fails the run: a script
	// reading the file would take it for a clean run.
	if errorsFile != nil {
		if cerr := errorsFile.Close(); cerr != nil && sum.errorsErr == nil {
			sum.errorsErr = fmt.Errorf("--errors %s: %w", o.Errors, cerr)
		}
	}
	if sum.errorsErr != nil {
		return &exitError{code: 1, err: sum.errorsErr}
	}
	if sum.Cancelled {
		return &exitError{code: 130, err: errors.New("interrupted: stopped after the last complete batch")}
	}
	if o.Strict && sum.Errors > 0 {
		return &exitError{code: 1, err: fmt.Errorf("%s (--strict)", count(sum.Errors, "bad input"))}
	}
	return nil
}

// dropUnchanged removes the articles whose fingerprint the index already
// holds, and the repeats of an id within the chunk (the last one wins).
func dropUnchanged(ix articleStore, chunk []*article.Article, sum *indexSummary) ([]*article.Article, error) {
	last := make(map[string]int, len(chunk))
	ids := make([]string, 0, len(chunk))
	for i, a := range chunk {
		if _, ok := last[a.ID]; !ok {
			ids = append(ids, a.ID)
		}
		last[a.ID] = i
	}
	have, err := ix.Fingerprints(ids)
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

// errorRecord is one line of --errors FILE.
func errorRecord(e *ingest.Error) map[string]any {
	r := map[string]any{"file": e.File, "error": e.Err.Error()}
	if e.Line > 0 {
		r["line"] = e.Line
	}
	if e.Record > 0 {
		r["record"] = e.Record
	}
	if ingest.Skipped(e) != nil {
		r["skipped"] = true
	}
	return r
}

func (sum *indexSummary) print(w io.Writer, dir string) {
	verb := "indexed"
	if sum.Cancelled {
		verb = "interrupted; indexed"
	}
	fmt.Fprintf(w, "%s %s (%s) from %s into %s in %s; %d unchanged",
		verb, count(sum.Indexed, "article"), count(sum.Quotes, "quote"), count(len(sum.Files), "file"), dir, sum.Took.Round(time.Millisecond), sum.Unchanged)
	if sum.Replaced > 0 {
		fmt.Fprintf(w, "; %d replaced an older version", sum.Replaced)
	}
	if d := len(sum.Duplicates); d > 0 {
		fmt.Fprintf(w, "; %s skipped", count(d, "duplicate"))
	}
	if sum.Took > 0 && sum.Indexed > 0 {
		fmt.Fprintf(w, " (%.0f articles/s)", float64(sum.Indexed)/sum.Took.Seconds())
	}
	fmt.Fprintln(w)
	sum.printDuplicates(w)
	if sum.UnchangedFiles > 0 {
		fmt.Fprintf(w, "paths unchanged since the last run (not read): %d\n", sum.UnchangedFiles)
	}
	if sum.Errors > 0 {
		fmt.Fprintf(w, "bad files, lines or records (reported above): %d\n", sum.Errors)
	}
	if len(sum.Skipped) > 0 {
		reasons := make([]string, 0, len(sum.Skipped))
		for r := range sum.Skipped {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			fmt.Fprintf(w, "files skipped (%s): %d\n", r, sum.Skipped[r])
		}
	}
	if sum.BadDates > 0 {
		fmt.Fprintf(w, "dates that could not be read or are outside %d-%d (kept as text only): %d\n", index.MinDate.Year(), index.MaxDate.Year()-1, sum.BadDates)
	}
}

// progress is a progress bar on stderr, or nothing.
type progress struct {
	bar *progressbar.ProgressBar
}

func newProgress(w io.Writer, mode string) *progress {
	on := mode == "always"
	if mode == "auto" {
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			on = true
		}
	}
	if !on {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("indexing articles"),
		progressbar.OptionShowCount(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) set(n int) {
	if p.bar != nil {
		p.bar.Set(n)
	}
}

func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Exit()
	}
}
