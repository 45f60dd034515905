package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/search"
	"github.com/spf13/cobra"
)

// showOptions are the flags of `newsdex show`.
type showOptions struct {
	Format string // json, jsonl or text
	Demo   bool
}

func newShowCmd(g *globalOptions, s Streams) *cobra.Command {
	o := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show ID... | show -",
		Short: "Print articles with everything extracted from them",
		Long: `Show prints whole articles by ID: body, quotes, countries with mention
counts, actors with types and the rest. One ID prints indented JSON; several
IDs, or - to read IDs from standard input (one a line), stream JSON Lines,
one article a line, in the order given. An ID not in the index is reported
on standard error and the rest are still printed (exit 1 at the end).`,
		Example: `  newsdex show 3f9a0c1e2b4d5a67 | jq .quotes
  newsdex show --format text 3f9a0c1e2b4d5a67
  newsdex search election --all --format jsonl | jq -r .id | newsdex show - > articles.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runShow(cmd.Context(), g, o, s, args)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "", "output: json, jsonl or text (default: json for one ID, jsonl for several)")
	cmd.Flags().BoolVar(&o.Demo, "demo", false, "look in the embedded demo corpus instead of --index")
	return cmd
}

func runShow(ctx context.Context, g *globalOptions, o *showOptions, s Streams, args []string) error {
	stdin := len(args) == 1 && args[0] == "-"
	format := o.Format
	switch {
	case format == "" && len(args) == 1 && !stdin:
		format = "json"
	case format == "":
		format = formatJSONL
	case format != "json" && format != formatJSONL && format != "text":
		return usageError("--format %q: want json, jsonl or text", o.Format)
	}
	ix, err := openForQuery(ctx, g, o.Demo)
	if err != nil {
		return err
	}
	defer ix.Close()
	w := bufio.NewWriter(s.Out)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if format == "json" {
		enc.SetIndent("", "  ")
	}
	missing, n := 0, 0
	show := func(id string) error {
		a, err := ix.Article(ctx, id)
		if errors.Is(err, search.ErrNotFound) && len(args) == 1 && !stdin {
			return fmt.Errorf("no article with id %q in %s", id, g.Index)
		}
		if errors.Is(err, search.ErrNotFound) {
			missing++
			w.Flush()
			fmt.Fprintf(s.Err, "newsdex: no article with id %q in %s\n", id, g.Index)
			return nil
		}
		if err != nil {
			return err
		}
		if n++; format == "text" {
			if n > 1 {
				fmt.Fprintf(w, "\n%s\n\n", strings.Repeat("-", 72))
			}
			writeArticleText(w, a)
			return nil
		}
		return enc.Encode(a)
	}
	if stdin {
		sc := bufio.NewScanner(s.In)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			if id := strings.TrimSpace(sc.Text()); id != "" {
				if err := show(id); err != nil {
					return err
				}
			}
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("read IDs from standard input: %w", err)
		}
	} else {
		for _, id := range args {
			if err := show(id); err != nil {
				return err
			}
		}
	}
	if missing > 0 {
		return fmt.Errorf("%d of %d IDs not found in %s", missing, missing+n, g.Index)
	}
	return nil
}

// writeArticleText prints an article for reading in a terminal.
func writeArticleText(w io.Writer, a *article.Article) {
	fmt.Fprintf(w, "%s\n", a.Title)
	var meta []string
	for _, s := range []string{a.Source, a.Byline, a.DateString(), a.URL} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	fmt.Fprintf(w, "%s\nid %s, file %s\n\n", strings.Join(meta, " | "), a.ID, a.File)
	var cs []string
	for _, c := range a.Countries {
		cs = append(cs, fmt.Sprintf("%s (%s) %d", c.Name, c.Code, c.Mentions))
	}
	fmt.Fprintf(w, "Countries: %s\nRegions:   %s\n", strings.Join(cs, ", "), strings.Join(a.Regions, ", "))
	var as []string
	for _, ac := range a.Actors {
		as = append(as, fmt.Sprintf("%s [%s] %d", ac.Name, ac.Type, ac.Mentions))
	}
	fmt.Fprintf(w, "Actors:    %s\n", strings.Join(as, ", "))
	if len(a.Aliases) > 0 {
		names := make([]string, 0, len(a.Aliases))
		for n := range a.Aliases {
			names = append(names, n)
		}
		sort.Strings(names)
		var al []string
		for _, n := range names {
			al = append(al, fmt.Sprintf("%s (also %s)", n, strings.Join(oneLines(a.Aliases[n]), "; ")))
		}
		fmt.Fprintf(w, "Aliases:   %s\n", strings.Join(al, ", "))
	}
	fmt.Fprintf(w, "\nQuotes:\n")
	for _, q := range a.Quotes {
		who := q.Speaker
		if !q.SpeakerNamed {
			who = "(unknown)"
			if q.Speaker != "" {
				who = "(" + q.Speaker + ")"
			}
		}
		if q.SpeakerTitle != "" {
			who += ", " + q.SpeakerTitle
		}
		fmt.Fprintf(w, "  - %s (%s, %.2f): \u201c%s\u201d\n", who, q.Cue, q.Confidence, q.Text)
	}
	fmt.Fprintf(w, "\n%s\n", a.Body)
}

func oneLines(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = oneLine(s)
	}
	return out
}
