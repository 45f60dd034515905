package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/newsdex/newsdex/internal/identity"
	"github.com/newsdex/newsdex/internal/pipeline"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/ingest"
	"github.com/spf13/cobra"
)

// extractOptions are the flags of `newsdex extract`.
type extractOptions struct {
	Format      string // output: jsonl or json
	InputFormat string // force an input format
	Workers     int
	FollowLinks bool
	Names       string // corpus (one name per person across the input) or article
	// Exclude lists shell patterns of files and folders not read
	// (ingest.Options.Skip), as index --exclude.
	Exclude []string
}

func newExtractCmd(g *globalOptions, s Streams) *cobra.Command {
	o := &extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Parse and extract articles without indexing them",
		Long: `Extract reads articles (files, folders, "-" for standard input) and prints each
with everything newsdex finds in it: quotes and speakers, countries, regions
and actors. Nothing is indexed. Bad files and records are reported on stderr
and the rest is still printed.

With --names corpus (the default) people are named as an index of the same
input names them: one name per person across all the articles read, the
other forms listed under "aliases"; the articles are then printed once the
whole input has been read. --names article keeps each article's own names
and prints each article as soon as it is extracted.`,
		Example: `  newsdex extract --format jsonl article.txt | jq '.quotes[] | [.speaker, .text]'
  newsdex extract corpus/ > articles.jsonl
  newsdex extract --exclude README.TXT bbc-news/ > articles.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd, o, s, args)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "jsonl", "output format: jsonl or json")
	cmd.Flags().StringVar(&o.InputFormat, "input-format", "", "read every input as this format: txt, html, json, jsonl, csv, tsv")
	cmd.Flags().IntVar(&o.Workers, "workers", 0, "extraction workers (0 = one per core)")
	cmd.Flags().BoolVar(&o.FollowLinks, "follow-links", false, "follow symbolic links in folders that lead out of the paths named (default: skip them)")
	cmd.Flags().StringArrayVar(&o.Exclude, "exclude", nil, "skip files and folders whose name, or path below the PATH named, matches this shell pattern (case-sensitive; repeatable)")
	cmd.Flags().StringVar(&o.Names, "names", "corpus", "corpus: one name per person across the input, as an index names them; article: each article's own names, streamed")
	return cmd
}

func runExtract(cmd *cobra.Command, o *extractOptions, s Streams, args []string) error {
	if o.Format != "jsonl" && o.Format != "json" {
		return usageError("--format %q: want jsonl or json", o.Format)
	}
	if err := checkInputFormat(o.InputFormat); err != nil {
		return err
	}
	if err := checkWorkers(o.Workers); err != nil {
		return err
	}
	if o.Names != "corpus" && o.Names != "article" {
		return usageError("--names %q: want corpus or article", o.Names)
	}
	if err := ingest.CheckSkip(o.Exclude); err != nil {
		return usageError("--exclude %v", err)
	}
	w := bufio.NewWriterSize(s.Out, 1<<16)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if o.Format == "json" {
		enc.SetIndent("", "  ")
	}
	excluded := 0
	p := &pipeline.Pipeline{
		Ingest:  ingest.Options{Format: o.InputFormat, Workers: o.Workers, FollowLinks: o.FollowLinks, Skip: o.Exclude},
		Workers: o.Workers,
		OnError: func(e *ingest.Error) {
			// Excluded files are only counted, as by index: --exclude
			// '*.csv' may match thousands.
			if errors.Is(e, ingest.ErrExcluded) {
				excluded++
				return
			}
			fmt.Fprintf(s.Err, "newsdex: %v\n", e)
		},
	}
	defer func() {
		if excluded > 0 {
			fmt.Fprintf(s.Err, "newsdex: files skipped (excluded by --exclude): %d\n", excluded)
		}
	}()
	first := true
	if o.Format == "json" {
		fmt.Fprint(w, "[")
	}
	write := func(a *article.Article) error {
		if o.Format == "json" {
			if !first {
				fmt.Fprint(w, ",")
			}
			fmt.Fprint(w, "\n")
		}
		first = false
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}
	var err error
	if o.Names == "article" {
		err = p.Run(cmd.Context(), pipeline.Paths(args), func(chunk []*article.Article) error {
			for _, a := range chunk {
				if err := write(a); err != nil {
					return err
				}
			}
			return nil
		})
	} else {
		err = extractCorpus(cmd.Context(), p, args, write)
	}
	if o.Format == "json" {
		fmt.Fprint(w, "]\n")
	}
	return err
}

// extractCorpus extracts every article of the input, counting the names
// of people as an index does, then writes each article with its people
// named by the corpus-wide table (internal/identity). The articles wait in
// a temporary file, not in memory.
func extractCorpus(ctx context.Context, p *pipeline.Pipeline, args []string, write func(*article.Article) error) error {
	spool, err := os.CreateTemp("", "newsdex-extract-*.jsonl")
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	defer os.Remove(spool.Name())
	defer spool.Close()
	sw := bufio.NewWriterSize(spool, 1<<16)
	enc := json.NewEncoder(sw)
	enc.SetEscapeHTML(false)
	names := identity.NewResolver()
	err = p.Run(ctx, pipeline.Paths(args), func(chunk []*article.Article) error {
		for _, a := range chunk {
			names.AddArticle(a, 1)
			if err := enc.Encode(a); err != nil {
				return fmt.Errorf("extract: spool: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("extract: spool: %w", err)
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("extract: spool: %w", err)
	}
	table := names.Table()
	dec := json.NewDecoder(bufio.NewReaderSize(spool, 1<<16))
	for {
		var a article.Article
		if err := dec.Decode(&a); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("extract: spool: %w", err)
		}
		table.Apply(&a)
		if err := write(&a); err != nil {
			return err
		}
	}
}

// checkInputFormat rejects an unknown --input-format.
func checkInputFormat(f string) error {
	switch f {
	case "", "txt", "html", "json", "jsonl", "csv", "tsv":
		return nil
	}
	return usageError("input format %q: want txt, html, json, jsonl, csv or tsv", f)
}
