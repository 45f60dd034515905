package remote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/search"
)

// fakeStore is a search.Store in memory that answers searches with fixed
// results, or with err when it is set.
type fakeStore struct {
	mu          sync.Mutex
	arts        map[string]*article.Article
	hashes      map[string]string
	precomputed int
	err         error
	articles    *search.ArticleResult
	quotes      *search.QuoteResult
}

func newFake() *fakeStore {
	return &fakeStore{arts: map[string]*article.Article{}, hashes: map[string]string{}}
}

func (f *fakeStore) Search(ctx context.Context, r search.Request) (*search.ArticleResult, error) {
	return f.articles, f.err
}
func (f *fakeStore) SearchQuotes(ctx context.Context, r search.Request) (*search.QuoteResult, error) {
	return f.quotes, f.err
}
func (f *fakeStore) Article(ctx context.Context, id string) (*article.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	a, ok := f.arts[id]
	if !ok {
		return nil, fmt.Errorf("article %s: %w", id, search.ErrNotFound)
	}
	return a, nil
}
func (f *fakeStore) Stats(ctx context.Context) (*search.Stats, error) {
	return &search.Stats{Articles: uint64(len(f.arts))}, f.err
}
func (f *fakeStore) Close() error { return nil }
func (f *fakeStore) Put(ctx context.Context, arts []*article.Article) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, a := range arts {
		f.arts[a.ID] = a
	}
	return f.err
}
func (f *fakeStore) Fingerprints(ctx context.Context, ids []string) (map[string]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]string{}
	for _, id := range ids {
		if a, ok := f.arts[id]; ok {
			out[id] = a.Fingerprint()
		}
	}
	return out, f.err
}
func (f *fakeStore) ContentOwners(ctx context.Context, hashes []string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, h := range hashes {
		if a, ok := f.arts[h]; ok { // the fake's content hash is the id
			out[h] = []string{a.ID}
		}
	}
	return out, f.err
}
func (f *fakeStore) FileHash(ctx context.Context, name string) (string, error) {
	return f.hashes[name], f.err
}
func (f *fakeStore) RecordFiles(ctx context.Context, hashes map[string]string) error {
	for k, v := range hashes {
		f.hashes[k] = v
	}
	return f.err
}
func (f *fakeStore) Precompute(ctx context.Context) error {
	f.precomputed++
	return f.err
}

// mustServe serves store on a socket in a new folder and dials it.
func mustServe(tb testing.TB, store search.Store) *Client {
	tb.Helper()
	dir := tb.TempDir()
	srv, err := Listen(store, dir, io.Discard)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := srv.Close(context.Background()); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	c := Dial(context.Background(), dir)
	if c == nil {
		tb.Fatal("Dial: no server on the socket")
	}
	tb.Cleanup(func() { c.Close() })
	return c
}

// TestStoreThroughTheSocket: every method of the store crosses the socket
// with what it was given and what it answered, sort keys, snippets and
// dates included.
func TestStoreThroughTheSocket(t *testing.T) {
	ctx := context.Background()
	f := newFake()
	f.articles = &search.ArticleResult{
		Query: "coffee", Total: 2,
		Hits: []search.ArticleHit{
			{ID: "a", Title: "Coffee", Countries: []string{}, Snippet: search.Snippet{Text: `Coffee & "tea"`, Matches: []search.Span{{Start: 0, End: 6}}}, SortKey: []string{"1.5", "a"}},
			{ID: "b", Title: "More coffee", SortKey: []string{"1.2", "b"}},
		},
		Facets:       map[string][]search.FacetValue{"country": {{Value: "BR", Label: "Brazil", Count: 2}}},
		FacetOther:   map[string]int{"country": 0},
		FacetMissing: map[string]int{"country": 0},
	}
	f.quotes = &search.QuoteResult{Hits: []search.QuoteHit{{ID: "a#q1", Text: "We grow it", Snippet: search.Snippet{Text: "We grow it", Matches: []search.Span{{Start: 3, End: 7}}}, SortKey: []string{"2025", "a#q1"}}}}
	c := mustServe(t, f)

	res, err := c.Search(ctx, search.Request{Query: "coffee"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res, f.articles) {
		t.Errorf("Search through the socket = %+v\nwant %+v", res, f.articles)
	}
	qres, err := c.SearchQuotes(ctx, search.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(qres.Hits, f.quotes.Hits) {
		t.Errorf("SearchQuotes through the socket = %+v\nwant %+v", qres.Hits, f.quotes.Hits)
	}

	// Dates with a time of day and as written, which the JSON shape of an
	// article loses: the fingerprint must survive.
	date := time.Date(2025, 3, 4, 10, 15, 0, 0, time.FixedZone("", 3600))
	a := &article.Article{ID: "x", Title: "Ferry", Body: "The ferry left.", Date: date, DateText: "Tue, 04 Mar 2025 10:15:00 +0100"}
	fp := a.Fingerprint()
	if err := c.Put(ctx, []*article.Article{a}); err != nil {
		t.Fatal(err)
	}
	got, err := c.Fingerprints(ctx, []string{"x", "y"})
	if err != nil || !reflect.DeepEqual(got, map[string]string{"x": fp}) {
		t.Errorf("Fingerprints = %v, %v; want x's %s only", got, err, fp)
	}
	back, err := c.Article(ctx, "x")
	if err != nil || !back.Date.Equal(date) || back.DateText != a.DateText {
		t.Errorf("Article(x) = %+v, %v; want the date %v as %q", back, err, date, a.DateText)
	}
	if got, err := c.ContentOwners(ctx, []string{"x", "y"}); err != nil || !reflect.DeepEqual(got, map[string][]string{"x": {"x"}}) {
		t.Errorf("ContentOwners = %v, %v; want x's", got, err)
	}
	if err := c.RecordFiles(ctx, map[string]string{"f": "h 1"}); err != nil {
		t.Fatal(err)
	}
	if h, err := c.FileHash(ctx, "f"); err != nil || h != "h 1" {
		t.Errorf("FileHash(f) = %q, %v; want %q", h, err, "h 1")
	}
	if err := c.Precompute(ctx); err != nil || f.precomputed != 1 {
		t.Errorf("Precompute: %v, the store precomputed %d times; want once", err, f.precomputed)
	}
	if st, err := c.Stats(ctx); err != nil || st.Articles != 1 {
		t.Errorf("Stats = %+v, %v; want 1 article", st, err)
	}
}

// TestErrorsThroughTheSocket: an error keeps its message and its code
// across the socket, so errors.Is finds the same sentinel.
func TestErrorsThroughTheSocket(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		err      error
		sentinel error
	}{
		{fmt.Errorf("%w: position 3: expected a term", search.ErrBadQuery), search.ErrBadQuery},
		{fmt.Errorf("article x: %w", search.ErrNotFound), search.ErrNotFound},
		{fmt.Errorf("open index i: %w", search.ErrLocked), search.ErrLocked},
		{fmt.Errorf("put: %w", search.ErrReadOnly), search.ErrReadOnly},
		{fmt.Errorf("%w: the segments of i cannot be read", search.ErrDamaged), search.ErrDamaged},
		{fmt.Errorf("%w in i: 1 MB free, 9 MB needed", search.ErrNoSpace), search.ErrNoSpace},
		{fmt.Errorf("open index i: mapping version \"1\", want \"2\": %w", search.ErrMappingVersion), search.ErrMappingVersion},
		{errors.New("disk on fire in i"), nil},
	} {
		f := newFake()
		f.err = c.err
		cl := mustServe(t, f)
		for name, call := range map[string]func() error{
			"Search":  func() error { _, err := cl.Search(ctx, search.Request{}); return err },
			"Article": func() error { _, err := cl.Article(ctx, "x"); return err },
			"Put":     func() error { return cl.Put(ctx, nil) },
		} {
			err := call()
			if err == nil || err.Error() != c.err.Error() {
				t.Errorf("%s with %q: error %v, want the same message", name, c.err, err)
				continue
			}
			if got, want := search.CodeOf(err), search.CodeOf(c.err); got != want {
				t.Errorf("%s with %q: code %q, want %q", name, c.err, got, want)
			}
			for _, s := range []error{search.ErrBadQuery, search.ErrNotFound, search.ErrLocked, search.ErrReadOnly, search.ErrDamaged, search.ErrNoSpace, search.ErrMappingVersion} {
				if errors.Is(err, s) != (s == c.sentinel) {
					t.Errorf("%s with %q: errors.Is(%v) = %v", name, c.err, s, errors.Is(err, s))
				}
			}
		}
	}
}

// TestDialWithoutServer: no socket, or a socket no one answers on, is no
// server.
func TestDialWithoutServer(t *testing.T) {
	dir := t.TempDir()
	if c := Dial(context.Background(), dir); c != nil {
		t.Error("Dial found a server in an empty folder")
	}
	srv, err := Listen(newFake(), dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if c := Dial(context.Background(), filepath.Clean(dir)); c != nil {
		t.Error("Dial found a server that was closed")
	}
}
