package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/demo"
	"github.com/newsdex/newsdex/internal/gazetteer"
	"github.com/newsdex/newsdex/internal/remote"
	"github.com/newsdex/newsdex/internal/search"
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
--addr says otherwise; over the network it serves reads only.

While it runs, ` + "`newsdex index`" + ` into the same index sends its batches to the
server through a Unix socket in the index folder (newsdex.sock, mode 0600),
and new articles are searchable as soon as each batch is committed.`,
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

func runServe(ctx context.Context, g *globalOptions, o *serveOptions, s Streams) (err error) {
	ix, err := openServed(ctx, g, o.Demo)
	if err != nil {
		return err
	}
	defer ix.Close()
	if !o.Demo {
		// `newsdex index` into this index writes through the server
		// (internal/remote): bleve lets one process at a time hold it for writing.
		sock, lerr := remote.Listen(ix, g.Index, s.Err)
		if lerr != nil {
			return lerr
		}
		defer func() {
			// Waits for a batch being written.
			sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if cerr := sock.Close(sctx); cerr != nil {
				if err != nil {
					fmt.Fprintf(s.Err, "newsdex: %v\n", cerr)
				} else {
					err = cerr
				}
			}
		}()
	}
	// Facet columns are built on first use; build them now, while the
	// server starts, rather than in its first searches.
	warmed := make(chan struct{})
	defer func() { <-warmed }() // before ix.Close
	go func() {
		defer close(warmed)
		if err := ix.Warm(ctx); err != nil && ctx.Err() == nil {
			fmt.Fprintf(s.Err, "newsdex: %v\n", err)
		}
	}()
	h, err := web.New(web.Options{Searcher: ix, Labeler: gazetteer.Default(), Logger: slog.New(slog.NewTextHandler(s.Err, nil))})
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
		// Requests get 10 s to finish. Shutdown also waits out a
		// connection that has sent no request yet until it is 5 s old:
		// with a 5 s grace that race made an interrupted server exit 1
		// now and then (TestServeWhileIndexing, on a loaded machine).
		// Whatever is left after the grace is cut off; that is not an
		// error of the server.
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			fmt.Fprintf(s.Err, "newsdex: stopping: %v; closing the connections still open\n", err)
			srv.Close()
		}
		if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

// openServed opens the index to serve (for writing, so that `newsdex
// index` can write through the server), or builds the demo one. It waits
// at most lockTimeout for another process holding the index.
func openServed(ctx context.Context, g *globalOptions, useDemo bool) (*index.Index, error) {
	if useDemo {
		return demo.Index(ctx)
	}
	if _, err := os.Stat(g.Index); err != nil {
		return nil, fmt.Errorf("no index at %s (run 'newsdex index PATH...' first, or pass --index DIR, or try --demo)", g.Index)
	}
	ix, err := index.Open(g.Index, index.Options{Labeler: gazetteer.Default(), LockTimeout: lockTimeout})
	if err != nil {
		if errors.Is(err, search.ErrLocked) {
			return nil, fmt.Errorf("open index %s: locked by another process for over %s (a 'newsdex index' still running?): %w", g.Index, lockTimeout, err)
		}
		return nil, err // index.Open names the folder
	}
	return ix, nil
}

func describeIndex(g *globalOptions, demo bool) string {
	if demo {
		return "the demo corpus"
	}
	return g.Index
}
