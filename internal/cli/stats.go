package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

// statsOptions are the flags of `newsdex stats`.
type statsOptions struct {
	Format string
	Demo   bool
}

func newStatsCmd(g *globalOptions, s Streams) *cobra.Command {
	o := &statsOptions{}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count articles, quotes, speakers and countries in the index",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStats(cmd.Context(), g, o, s)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "table", "output: table or json")
	cmd.Flags().BoolVar(&o.Demo, "demo", false, "describe the embedded demo corpus instead of --index")
	return cmd
}

func runStats(ctx context.Context, g *globalOptions, o *statsOptions, s Streams) error {
	if o.Format != "table" && o.Format != "json" {
		return usageError("--format %q: want table or json", o.Format)
	}
	ix, err := openForQuery(ctx, g, o.Demo)
	if err != nil {
		return err
	}
	defer ix.Close()
	st, err := ix.Stats(ctx)
	if err != nil {
		return err
	}
	if o.Format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	path := st.Path
	if path == "" {
		path = "(in memory)"
	}
	fmt.Fprintf(s.Out, "index      %s\narticles   %d\nquotes     %d\nspeakers   %d\ncountries  %d\nsize       %s\n",
		path, st.Articles, st.Quotes, st.Speakers, st.Countries, humanBytes(st.SizeBytes))
	return nil
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
