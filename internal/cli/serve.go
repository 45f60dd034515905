package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/newsdex/newsdex/internal/gazetteer"
	"github.com/newsdex/newsdex/web"
	"github.com/spf13/cobra"
)

// serveOptions are the flags of `newsdex serve`.
type serveOptions struct {
	Addr string
	Demo bool
}

func newServeCmd(g *globalOptions, s Streams) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the search page, quote view, article pages and JSON API",
		Long: `Serve runs the web UI and the JSON API (/api/search, /api/quotes,
/api/articles/{id}, /api/stats) over the index. It binds to 127.0.0.1 unless
--addr says otherwise; it serves reads only.`,
		Example: `  newsdex serve --demo
  newsdex --index news.index serve --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), g, o, s)
		},
	}
	cmd.Flags().StringVar(&o.Addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().BoolVar(&o.Demo, "demo", false, "serve the embedded demo corpus instead of --index")
	return cmd
}

func runServe(ctx context.Context, g *globalOptions, o *serveOptions, s Streams) error {
	ix, err := openForQuery(ctx, g, o.Demo)
	if err != nil {
		return err
	}
	defer ix.Close()
	h, err := web.New(web.Options{Searcher: ix, Labeler: gazetteer.Default()})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.Addr, err)
	}
	srv := web.NewServer(o.Addr, h)
	fmt.Fprintf(s.Err, "newsdex: serving %s on http://%s/ (Ctrl-C to stop)\n", describeIndex(g, o.Demo), ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			return err
		}
		if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

func describeIndex(g *globalOptions, demo bool) string {
	if demo {
		return "the demo corpus"
	}
	return g.Index
}
