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
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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
	FileHash(name string) (string, error)
	RecordFiles(hashes map[string]string) error
	Close() error
}

// openWriter returns a store writing into the index in dir: through the
// server serving it when one answers on its socket, else the index opened
// (or created) directly. It says which on w.
func openWriter(ctx context.Context, dir string, w io.Writer) (articleStore, error) {
	sock := filepath.Join(dir, socketName)
	if _, err := os.Stat(sock); err == nil {
		c := newSocketClient(sock)
		if err := c.ping(ctx); err == nil {
			fmt.Fprintf(w, "newsdex: %s is being served; writing through the server (%s)\n", dir, sock)
			return c, nil
		}
		// A stale socket of a server that did not shut down: no one holds
		// the index, open it directly.
	}
	ix, err := index.Open(dir, index.Options{Labeler: gazetteer.Default(), LockTimeout: lockTimeout})
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("open index %s: locked by another process for over %s (another `newsdex index`, or a server without its socket): %w", dir, lockTimeout, err)
		}
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return ix, nil
}

// socketClient writes through a server's socket.
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

// call posts in as JSON to path and decodes the answer into out.
func (c *socketClient) call(path string, in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	resp, err := c.c.Post("http://newsdex"+path, "application/json", bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("server: %s: %s", resp.Status, bytes.TrimSpace(msg))
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// Put sends one batch; it returns once the server has committed it.
func (c *socketClient) Put(arts []*article.Article) error {
	return c.call("/put", arts, nil)
}

// Fingerprints asks the server for the stored fingerprints of ids.
func (c *socketClient) Fingerprints(ids []string) (map[string]string, error) {
	var fp map[string]string
	err := c.call("/fingerprints", ids, &fp)
	return fp, err
}

// FileHash asks the server for the content hash recorded for a file.
func (c *socketClient) FileHash(name string) (string, error) {
	var h string
	err := c.call("/filehash", name, &h)
	return h, err
}

// RecordFiles sends the content hashes of the files read.
func (c *socketClient) RecordFiles(hashes map[string]string) error {
	return c.call("/recordfiles", hashes, nil)
}

// Close releases idle connections.
func (c *socketClient) Close() error {
	c.c.CloseIdleConnections()
	return nil
}

// listenWriter serves Put and Fingerprints of ix on the socket in dir until
// the returned stop is called. The caller holds ix's write lock, so a
// socket file already there is stale and is replaced.
func listenWriter(ix articleStore, dir string) (stop func(), err error) {
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
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ping", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("POST /put", func(w http.ResponseWriter, r *http.Request) {
		var arts []*article.Article
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBatchBytes)).Decode(&arts); err != nil {
			http.Error(w, "decode batch: "+err.Error(), http.StatusBadRequest)
			return
		}
		if err := ix.Put(arts); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte("null\n"))
	})
	mux.HandleFunc("POST /fingerprints", func(w http.ResponseWriter, r *http.Request) {
		var ids []string
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<20)).Decode(&ids); err != nil {
			http.Error(w, "decode ids: "+err.Error(), http.StatusBadRequest)
			return
		}
		fp, err := ix.Fingerprints(ids)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(fp)
	})
	mux.HandleFunc("POST /filehash", func(w http.ResponseWriter, r *http.Request) {
		var name string
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&name); err != nil {
			http.Error(w, "decode name: "+err.Error(), http.StatusBadRequest)
			return
		}
		h, err := ix.FileHash(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(h)
	})
	mux.HandleFunc("POST /recordfiles", func(w http.ResponseWriter, r *http.Request) {
		var hashes map[string]string
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 256<<20)).Decode(&hashes); err != nil {
			http.Error(w, "decode hashes: "+err.Error(), http.StatusBadRequest)
			return
		}
		if err := ix.RecordFiles(hashes); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte("null\n"))
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		srv.Shutdown(ctx) // waits for a batch being written
	}, nil
}
