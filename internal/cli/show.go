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

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
	"github.com/spf13/cobra"
)

// showOptions are the flags of `newsdex show`.
type showOptions struct {
	Format string // json or text
	Demo   bool
}

func newShowCmd(g *globalOptions, s Streams) *cobra.Command {
	o := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print one article with everything extracted from it",
		Example: `  newsdex show 3f9a0c1e2b4d5a67 | jq .quotes
  newsdex show --format text 3f9a0c1e2b4d5a67`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runShow(cmd.Context(), g, o, s, args[0])
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "json", "output: json or text")
	cmd.Flags().BoolVar(&o.Demo, "demo", false, "look in the embedded demo corpus instead of --index")
	return cmd
}

func runShow(ctx context.Context, g *globalOptions, o *showOptions, s Streams, id string) error {
	if o.Format != "json" && o.Format != "text" {
		return usageError("--format %q: want json or text", o.Format)
	}
	ix, err := openForQuery(ctx, g, o.Demo)
	if err != nil {
		return err
	}
	defer ix.Close()
	a, err := ix.Article(ctx, id)
	if errors.Is(err, index.ErrNotFound) {
		return fmt.Errorf("no article with id %q in %s", id, g.Index)
	}
	if err != nil {
		return err
	}
	w := bufio.NewWriter(s.Out)
	defer w.Flush()
	if o.Format == "text" {
		writeArticleText(w, a)
		return nil
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(a)
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
		if who == "" {
			who = "(unknown)"
			if q.SpeakerDescription != "" {
				who = "(" + q.SpeakerDescription + ")"
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
