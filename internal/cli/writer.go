package cli

// Writing into an index that `newsdex serve` holds open.
//
// bleve locks an index's root.bolt exclusively for a writer, and a reader
// would shut writers out, so `newsdex index` cannot open an index a server
// has open (it would wait for the lock forever). Instead the server, which
// opens the index for writing, also listens on a Unix socket inside the
// index folder (socketName, mode 0600: only the index's owner can connect,
// and nothing is reachable over the network). `newsdex index` first tries
// that socket: when a server answers, it sends its batches through it (the
// same Put and Fingerprints the index offers, over a tiny HTTP API) and the
// server's searches see each batch as soon as it is committed. When no
// server answers (no socket, or a stale one left by a server that was
// killed), it opens the index itself, waiting at most lockTimeout for the
// lock.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

const (
	// socketName is the server's write socket inside the index folder.
	socketName = "newsdex.sock"
	// lockTimeout bounds the wait for another process's index lock.
	lockTimeout = 10 * time.Second
	// maxBatchBytes bounds one batch sent through the socket.
	maxBatchBytes = 1 << 30
)

// articleStore is what `newsdex index` writes to: the index itself or a
// server holding it.
type articleStore interface {
	Put(arts []*article.Article) error
	Fingerprints(ids []string) (map[string]string, error)
	ContentOwners(ctx context.Context, hashes []string) (map[string][]string, error)
	FileHash(name string) (string, error)
	RecordFiles(hashes map[string]string) error
	Close() error
}

// openWriter returns a store writing into the index in dir: through the
// server serving it when one answers on its socket, else the index opened
// (or created) directly. It says which on w.
func openWriter(ctx context.Context, dir string, w io.Writer) (articleStore, error) {
	if c := dialServer(ctx, dir); c != nil {
		fmt.Fprintf(w, "newsdex: %s is being served; writing through the server (%s)\n", dir, filepath.Join(dir, socketName))
		return c, nil
	}
	ix, err := index.Open(dir, index.Options{Labeler: gazetteer.Default(), LockTimeout: lockTimeout})
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("open index %s: locked by another process for over %s (another `newsdex index`, or a server without its socket): %w", dir, lockTimeout, err)
		}
		return nil, indexOpenError(dir, err)
	}
	return ix, nil
}

// indexOpenError says in plain words why the index in dir could not be
// opened or created for writing, and what to do, keeping err (which
// already names dir) for the details.
func indexOpenError(dir string, err error) error {
	var what string
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		what = "is a file, or lies below one: name a folder (a new one is created)"
	case errors.Is(err, fs.ErrPermission):
		what = "cannot be written: name a folder you may write to"
	case strings.Contains(err.Error(), "is not empty and holds no index"):
		what = "holds other files and no index: name a new or empty folder"
	default:
		return err
	}
	return fmt.Errorf("--index %s %s (%w)", dir, what, err)
}

// dialServer returns a client of the server holding the index in dir, or
// nil when none answers: no socket, or a stale one left by a server that
// did not shut down (then no one holds the index).
func dialServer(ctx context.Context, dir string) *socketClient {
	sock := filepath.Join(dir, socketName)
	if _, err := os.Stat(sock); err != nil {
		return nil
	}
	c := newSocketClient(sock)
	if err := c.ping(ctx); err != nil {
		c.Close()
		return nil
	}
	return c
}

// socketClient writes and searches through a server's socket.
type socketClient struct {
	c *http.Client
}

func newSocketClient(path string) *socketClient {
	tr := &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", path)
		},
	}
	return &socketClient{c: &http.Client{Transport: tr}}
}

func (c *socketClient) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://newsdex/ping", nil)
	if err != nil {
		return err
	}
	resp, err := c.c.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("ping: %s", resp.Status)
	}
	return nil
}

// call posts in as JSON to path and decodes the answer into out. A 400
// from the server is the index's ErrBadQuery, a 404 its ErrNotFound.
func (c *socketClient) call(ctx context.Context, path string, in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://newsdex"+path, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.c.Do(req)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		text := string(bytes.TrimSpace(msg))
		switch resp.StatusCode {
		case http.StatusBadRequest:
			// The server's message already starts with "bad query".
			return fmt.Errorf("%w: %s", index.ErrBadQuery, strings.TrimPrefix(text, index.ErrBadQuery.Error()+": "))
		case http.StatusNotFound:
			return index.ErrNotFound
		}
		return fmt.Errorf("server: %s: %s", resp.Status, text)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// wireArticle carries an article over the socket whole. The JSON shape of
// an Article (what `extract` and `show` print) keeps the date as a day and
// leaves the date as written out: a server given that shape stored
// articles whose fingerprint differed from the client's, so indexing
// through a server never skipped an unchanged article.
type wireArticle struct {
	Article  *article.Article `json:"article"`
	Date     time.Time        `json:"date_time"`
	DateText string           `json:"date_text,omitempty"`
}

func toWire(a *article.Article) wireArticle {
	return wireArticle{Article: a, Date: a.Date, DateText: a.DateText}
}

// article returns the article w carries, as it was sent.
func (w wireArticle) article() *article.Article {
	a := w.Article
	if a == nil {
		a = &article.Article{}
	}
	a.Date, a.DateText = w.Date, w.DateText
	return a
}

// Put sends one batch; it returns once the server has committed it.
func (c *socketClient) Put(arts []*article.Article) error {
	wire := make([]wireArticle, len(arts))
	for i, a := range arts {
		wire[i] = toWire(a)
	}
	return c.call(context.Background(), "/put", wire, nil)
}

// Fingerprints asks the server for the stored fingerprints of ids.
func (c *socketClient) Fingerprints(ids []string) (map[string]string, error) {
	var fp map[string]string
	err := c.call(context.Background(), "/fingerprints", ids, &fp)
	return fp, err
}

// ContentOwners asks the server which articles have each text hash.
func (c *socketClient) ContentOwners(ctx context.Context, hashes []string) (map[string][]string, error) {
	var owners map[string][]string
	err := c.call(ctx, "/contents", hashes, &owners)
	return owners, err
}

// FileHash asks the server for the content hash recorded for a file.
func (c *socketClient) FileHash(name string) (string, error) {
	var h string
	err := c.call(context.Background(), "/filehash", name, &h)
	return h, err
}

// RecordFiles sends the content hashes of the files read.
func (c *socketClient) RecordFiles(hashes map[string]string) error {
	return c.call(context.Background(), "/recordfiles", hashes, nil)
}

// Search runs an article search on the server.
func (c *socketClient) Search(ctx context.Context, r index.Request) (*index.Result, error) {
	var reply searchReply[index.Result]
	if err := c.call(ctx, "/search", r, &reply); err != nil {
		return nil, err
	}
	for i := range reply.Result.Hits {
		if i < len(reply.Keys) {
			reply.Result.Hits[i].SortKey = reply.Keys[i]
		}
	}
	return reply.Result, nil
}

// SearchQuotes runs a quote search on the server.
func (c *socketClient) SearchQuotes(ctx context.Context, r index.Request) (*index.QuoteResult, error) {
	var reply searchReply[index.QuoteResult]
	if err := c.call(ctx, "/quotes", r, &reply); err != nil {
		return nil, err
	}
	for i := range reply.Result.Hits {
		if i < len(reply.Keys) {
			reply.Result.Hits[i].SortKey = reply.Keys[i]
		}
	}
	return reply.Result, nil
}

// Article fetches one article from the server.
func (c *socketClient) Article(ctx context.Context, id string) (*article.Article, error) {
	var w wireArticle
	if err := c.call(ctx, "/article", id, &w); err != nil {
		return nil, err
	}
	return w.article(), nil
}

// Stats asks the server for the index's figures.
func (c *socketClient) Stats(ctx context.Context) (*index.Stats, error) {
	var st index.Stats
	if err := c.call(ctx, "/stats", struct{}{}, &st); err != nil {
		return nil, err
	}
	return &st, nil
}

// Close releases idle connections.
func (c *socketClient) Close() error {
	c.c.CloseIdleConnections()
	return nil
}

// socketStore is what the server offers on its socket: the writer's calls
// and the searches, so that `newsdex index`, `search`, `quotes`, `show` and
// `stats` work on an index a server holds.
type socketStore interface {
	articleStore
	queryStore
}

// Socket call limits: the largest request body of each kind.
const (
	maxIDsBytes    = 64 << 20
	maxSmallBytes  = 1 << 20
	maxHashesBytes = 256 << 20
)

// handleJSON serves one socket call: it decodes the request body (at most
// limit bytes) into an In, calls fn and writes its result as JSON. Bad
// requests are 400s; errors of fn 500s, or 400s when they are the index's
// ErrBadQuery and 404s for ErrNotFound, so the client can tell them apart.
func handleJSON[In, Out any](limit int64, fn func(context.Context, In) (Out, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var in In
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit)).Decode(&in); err != nil {
			http.Error(w, "decode request: "+err.Error(), http.StatusBadRequest)
			return
		}
		out, err := fn(r.Context(), in)
		switch {
		case errors.Is(err, index.ErrBadQuery):
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		case errors.Is(err, index.ErrNotFound):
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		case err != nil:
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	}
}

// searchReply carries a search result over the socket with the hits' sort
// keys, which the JSON shape of a hit leaves out (the CLI pages --all with
// them).
type searchReply[H any] struct {
	Result *H         `json:"result"`
	Keys   [][]string `json:"keys"`
}

// listenWriter serves ix on the socket in dir until the returned stop is
// called. The caller holds ix's write lock, so a socket file already there
// is stale and is replaced. A write that fails (a full disk) is reported
// on logw as well as to the client; the server goes on serving.
func listenWriter(ix socketStore, dir string, logw io.Writer) (stop func(), err error) {
	sock := filepath.Join(dir, socketName)
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
	type none struct{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ping", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	mux.Handle("POST /put", handleJSON(maxBatchBytes, func(_ context.Context, wire []wireArticle) (*none, error) {
		arts := make([]*article.Article, len(wire))
		for i, w := range wire {
			arts[i] = w.article()
		}
		if err := ix.Put(arts); err != nil {
			fmt.Fprintf(logw, "newsdex: a batch of %d articles from `newsdex index` failed: %v\n", len(arts), err)
			return nil, err
		}
		return nil, nil
	}))
	mux.Handle("POST /fingerprints", handleJSON(maxIDsBytes, func(_ context.Context, ids []string) (map[string]string, error) {
		return ix.Fingerprints(ids)
	}))
	mux.Handle("POST /contents", handleJSON(maxIDsBytes, func(ctx context.Context, hashes []string) (map[string][]string, error) {
		return ix.ContentOwners(ctx, hashes)
	}))
	mux.Handle("POST /filehash", handleJSON(maxSmallBytes, func(_ context.Context, name string) (string, error) {
		return ix.FileHash(name)
	}))
	mux.Handle("POST /recordfiles", handleJSON(maxHashesBytes, func(_ context.Context, hashes map[string]string) (*none, error) {
		if err := ix.RecordFiles(hashes); err != nil {
			fmt.Fprintf(logw, "newsdex: recording the files read by `newsdex index` failed: %v\n", err)
			return nil, err
		}
		return nil, nil
	}))
	mux.Handle("POST /search", handleJSON(maxSmallBytes, func(ctx context.Context, req index.Request) (*searchReply[index.Result], error) {
		res, err := ix.Search(ctx, req)
		if err != nil {
			return nil, err
		}
		reply := &searchReply[index.Result]{Result: res}
		for _, h := range res.Hits {
			reply.Keys = append(reply.Keys, h.SortKey)
		}
		return reply, nil
	}))
	mux.Handle("POST /quotes", handleJSON(maxSmallBytes, func(ctx context.Context, req index.Request) (*searchReply[index.QuoteResult], error) {
		res, err := ix.SearchQuotes(ctx, req)
		if err != nil {
			return nil, err
		}
		reply := &searchReply[index.QuoteResult]{Result: res}
		for _, h := range res.Hits {
			reply.Keys = append(reply.Keys, h.SortKey)
		}
		return reply, nil
	}))
	mux.Handle("POST /article", handleJSON(maxSmallBytes, func(ctx context.Context, id string) (*wireArticle, error) {
		a, err := ix.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		w := toWire(a)
		return &w, nil
	}))
	mux.Handle("POST /stats", handleJSON(maxSmallBytes, func(ctx context.Context, _ *none) (*index.Stats, error) {
		return ix.Stats(ctx)
	}))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		srv.Shutdown(ctx) // waits for a batch being written
	}, nil
}
