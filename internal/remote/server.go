package remote

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/search"
)

// Server serves a search.Store on the socket in an index folder.
type Server struct {
	srv  *http.Server
	ln   net.Listener
	done chan error // Serve's answer
}

// Listen starts serving store on the socket in dir. The caller holds the
// index's write lock, so a socket file already there is stale and is
// replaced. A write that fails (a full disk) is reported on logw as well as
// to the client; the server goes on serving. Close stops it.
func Listen(store search.Store, dir string, logw io.Writer) (*Server, error) {
	sock := filepath.Join(dir, SocketName)
	if err := os.Remove(sock); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("remove stale socket %s: %w", sock, err)
	}
	ln, err := net.Listen("unix", sock)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", sock, err)
	}
	if err := os.Chmod(sock, 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("listen on %s: %w", sock, err)
	}
	s := &Server{
		srv:  &http.Server{Handler: Handler(store, logw), ReadHeaderTimeout: 5 * time.Second},
		ln:   ln,
		done: make(chan error, 1),
	}
	go func() { s.done <- s.srv.Serve(ln) }()
	return s, nil
}

// Close stops the server, waiting at most until ctx ends for the calls
// running (a batch being written), and returns what went wrong: the
// shutdown's error, or the error that stopped serving before.
func (s *Server) Close(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if serr := <-s.done; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, fmt.Errorf("serve %s: %w", s.ln.Addr(), serr))
	}
	if err != nil {
		s.srv.Close()
		return fmt.Errorf("stop serving the socket: %w", err)
	}
	return nil
}

type none struct{}

// Handler returns the HTTP handler that serves store's methods, one POST
// path each (the paths in remote.go).
func Handler(store search.Store, logw io.Writer) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+pathPing, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	handle := func(path string, h http.Handler) { mux.Handle("POST "+path, h) }
	handle(pathPut, call(maxBatchBytes, func(ctx context.Context, wire []wireArticle) (*none, error) {
		arts := make([]*article.Article, len(wire))
		for i, w := range wire {
			arts[i] = w.article()
		}
		if err := store.Put(ctx, arts); err != nil {
			fmt.Fprintf(logw, "newsdex: a batch of %d articles from `newsdex index` failed: %v\n", len(arts), err)
			return nil, err
		}
		return nil, nil
	}))
	handle(pathFingerprints, call(maxIDsBytes, store.Fingerprints))
	handle(pathContents, call(maxIDsBytes, store.ContentOwners))
	handle(pathFileHash, call(maxSmallBytes, store.FileHash))
	handle(pathRecordFiles, call(maxHashesBytes, func(ctx context.Context, hashes map[string]string) (*none, error) {
		if err := store.RecordFiles(ctx, hashes); err != nil {
			fmt.Fprintf(logw, "newsdex: recording the files read by `newsdex index` failed: %v\n", err)
			return nil, err
		}
		return nil, nil
	}))
	handle(pathPrecompute, call(maxSmallBytes, func(ctx context.Context, _ *none) (*none, error) {
		if err := store.Precompute(ctx); err != nil {
			fmt.Fprintf(logw, "newsdex: counting the index for browsing after `newsdex index` failed: %v\n", err)
			return nil, err
		}
		return nil, nil
	}))
	handle(pathSearch, call(maxSmallBytes, func(ctx context.Context, r search.Request) (*searchReply[search.ArticleHit], error) {
		return reply(store.Search(ctx, r))
	}))
	handle(pathQuotes, call(maxSmallBytes, func(ctx context.Context, r search.Request) (*searchReply[search.QuoteHit], error) {
		return reply(store.SearchQuotes(ctx, r))
	}))
	handle(pathArticle, call(maxSmallBytes, func(ctx context.Context, id string) (*wireArticle, error) {
		a, err := store.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		w := toWire(a)
		return &w, nil
	}))
	handle(pathStats, call(maxSmallBytes, func(ctx context.Context, _ *none) (*search.Stats, error) {
		return store.Stats(ctx)
	}))
	return mux
}

// reply adds the hits' sort keys to a result.
func reply[H search.Hit](res *search.Result[H], err error) (*searchReply[H], error) {
	if err != nil {
		return nil, err
	}
	out := &searchReply[H]{Result: res, Keys: make([][]string, len(res.Hits))}
	for i := range res.Hits {
		out.Keys[i] = search.Key(&res.Hits[i])
	}
	return out, nil
}

// call serves one method: it decodes the request body (at most limit
// bytes) into an In, calls fn and writes its result as JSON, or its error
// with the error's code (writeError).
func call[In, Out any](limit int64, fn func(context.Context, In) (Out, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var in In
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit)).Decode(&in); err != nil {
			writeError(w, fmt.Errorf("%w: decode the request: %v", search.ErrBadQuery, err))
			return
		}
		out, err := fn(r.Context(), in)
		if err != nil {
			writeError(w, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out) // a failure here is the client gone
	}
}

// writeError answers err with its code's status and a wireError body.
func writeError(w http.ResponseWriter, err error) {
	code := search.CodeOf(err)
	status, ok := statuses[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(wireError{Code: code, Error: err.Error()})
}
