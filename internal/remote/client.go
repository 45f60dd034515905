package remote

import (
	"bytes"
	"context"
	"encoding/json"
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

// Client is a search.Store served by another process.
type Client struct {
	c *http.Client
}

var _ search.Store = (*Client)(nil)

// Dial returns a client of the server holding the index in dir, or nil
// when none answers: no socket, or a stale one left by a server that did
// not shut down (then no one holds the index).
func Dial(ctx context.Context, dir string) *Client {
	sock := filepath.Join(dir, SocketName)
	if _, err := os.Stat(sock); err != nil {
		return nil
	}
	c := NewClient(sock)
	if err := c.ping(ctx); err != nil {
		c.Close()
		return nil
	}
	return c
}

// NewClient returns a client of the server on the socket at path, without
// checking that one answers.
func NewClient(path string) *Client {
	tr := &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", path)
		},
	}
	return &Client{c: &http.Client{Transport: tr}}
}

func (c *Client) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://newsdex"+pathPing, nil)
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

// call posts in as JSON to path and decodes the answer into out. An error
// answer becomes the error the server's store returned: its message, and
// its code for errors.Is.
func (c *Client) call(ctx context.Context, path string, in, out any) error {
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
		var we wireError
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		if err := json.Unmarshal(body, &we); err != nil || we.Code == "" {
			return fmt.Errorf("server: %s: %s", resp.Status, bytes.TrimSpace(body))
		}
		return search.NewError(we.Code, we.Error)
	}
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("server: read the answer to %s: %w", path, err)
	}
	return nil
}

// Put sends one batch; it returns once the server has committed it.
func (c *Client) Put(ctx context.Context, arts []*article.Article) error {
	wire := make([]wireArticle, len(arts))
	for i, a := range arts {
		wire[i] = toWire(a)
	}
	return c.call(ctx, pathPut, wire, nil)
}

// Fingerprints asks the server for the stored fingerprints of ids.
func (c *Client) Fingerprints(ctx context.Context, ids []string) (map[string]string, error) {
	var fp map[string]string
	err := c.call(ctx, pathFingerprints, ids, &fp)
	return fp, err
}

// ContentOwners asks the server which articles have each text hash.
func (c *Client) ContentOwners(ctx context.Context, hashes []string) (map[string][]string, error) {
	var owners map[string][]string
	err := c.call(ctx, pathContents, hashes, &owners)
	return owners, err
}

// FileHash asks the server for the content hash recorded for a file.
func (c *Client) FileHash(ctx context.Context, name string) (string, error) {
	var h string
	err := c.call(ctx, pathFileHash, name, &h)
	return h, err
}

// RecordFiles sends the content hashes of the files read.
func (c *Client) RecordFiles(ctx context.Context, hashes map[string]string) error {
	return c.call(ctx, pathRecordFiles, hashes, nil)
}

// Precompute asks the server to store what makes browsing fast.
func (c *Client) Precompute(ctx context.Context) error {
	return c.call(ctx, pathPrecompute, none{}, nil)
}

// Search runs an article search on the server.
func (c *Client) Search(ctx context.Context, r search.Request) (*search.ArticleResult, error) {
	return searchOn[search.ArticleHit](ctx, c, pathSearch, r)
}

// SearchQuotes runs a quote search on the server.
func (c *Client) SearchQuotes(ctx context.Context, r search.Request) (*search.QuoteResult, error) {
	return searchOn[search.QuoteHit](ctx, c, pathQuotes, r)
}

// searchOn runs a search of either kind, putting the sort keys back.
func searchOn[H search.Hit](ctx context.Context, c *Client, path string, r search.Request) (*search.Result[H], error) {
	var reply searchReply[H]
	if err := c.call(ctx, path, r, &reply); err != nil {
		return nil, err
	}
	if reply.Result == nil {
		return nil, fmt.Errorf("server: an empty answer to %s", path)
	}
	for i := range reply.Result.Hits {
		if i < len(reply.Keys) {
			search.SetKey(&reply.Result.Hits[i], reply.Keys[i])
		}
	}
	return reply.Result, nil
}

// Article fetches one article from the server.
func (c *Client) Article(ctx context.Context, id string) (*article.Article, error) {
	var w wireArticle
	if err := c.call(ctx, pathArticle, id, &w); err != nil {
		return nil, err
	}
	return w.article(), nil
}

// Stats asks the server for the index's figures.
func (c *Client) Stats(ctx context.Context) (*search.Stats, error) {
	var st search.Stats
	if err := c.call(ctx, pathStats, none{}, &st); err != nil {
		return nil, err
	}
	return &st, nil
}

// Close releases idle connections.
func (c *Client) Close() error {
	c.c.CloseIdleConnections()
	return nil
}
