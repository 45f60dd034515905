package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
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
}

func newExtractCmd(g *globalOptions, s Streams) *cobra.Command {
	o := &extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Parse and extract articles without indexing them",
		Long: `Extract reads articles (files, folders, "-" for standard input) and prints each
with everything newsdex finds in it: quotes and speakers, countries, regions
and actors. Nothing is indexed. Bad files and records are reported on stderr
and the rest is still printed.`,
		Example: `  newsdex extract --format jsonl article.txt | jq '.quotes[] | [.speaker, .text]'
  newsdex extract corpus/ > articles.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd, o, s, args)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "jsonl", "output format: jsonl or json")
	cmd.Flags().StringVar(&o.InputFormat, "input-format", "", "read every input as this format: txt, html, json, jsonl, csv, tsv")
	cmd.Flags().IntVar(&o.Workers, "workers", 0, "extraction workers (0 = one per core)")
	cmd.Flags().BoolVar(&o.FollowLinks, "follow-links", false, "follow symbolic links in folders that lead out of the paths named (default: skip them)")
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
	w := bufio.NewWriterSize(s.Out, 1<<16)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if o.Format == "json" {
		enc.SetIndent("", "  ")
	}
	bad := 0
	p := &pipeline.Pipeline{
		Ingest:  ingest.Options{Format: o.InputFormat, Workers: o.Workers, FollowLinks: o.FollowLinks},
		Workers: o.Workers,
		OnError: func(e *ingest.Error) {
			bad++
			fmt.Fprintf(s.Err, "newsdex: %v\n", e)
		},
	}
	first := true
	if o.Format == "json" {
		fmt.Fprint(w, "[")
	}
	err := p.Run(cmd.Context(), pipeline.Paths(args), func(chunk []*article.Article) error {
		for _, a := range chunk {
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
		}
		return nil
	})
	if o.Format == "json" {
		fmt.Fprint(w, "]\n")
	}
	if err != nil {
		return err
	}
	return nil
}

// checkInputFormat rejects an unknown --input-format.
func checkInputFormat(f string) error {
	switch f {
	case "", "txt", "html", "json", "jsonl", "csv", "tsv":
		return nil
	}
	return usageError("input format %q: want txt, html, json, jsonl, csv or tsv", f)
}
