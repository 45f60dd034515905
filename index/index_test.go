package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	contract "github.com/newsdex/newsdex/internal/search"

	"github.com/newsdex/newsdex/internal/article"
)

// mustMemory returns an in-memory index holding arts.
func mustMemory(tb testing.TB, arts []*article.Article) *Index {
	tb.Helper()
	x, err := NewMemory(Options{Labeler: fakeLabeler{}})
	if err != nil {
		tb.Fatalf("NewMemory: %v", err)
	}
	tb.Cleanup(func() { x.Close() })
	if len(arts) > 0 {
		if err := x.Put(context.Background(), arts); err != nil {
			tb.Fatalf("Put: %v", err)
		}
	}
	return x
}

func mustSearch(tb testing.TB, x *Index, r contract.Request) *contract.ArticleResult {
	tb.Helper()
	res, err := x.Search(context.Background(), r)
	if err != nil {
		tb.Fatalf("Search(%+v): %v", r, err)
	}
	return res
}

func hitIDs(res *contract.ArticleResult) []string {
	ids := []string{}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func mustStats(tb testing.TB, x *Index) *contract.Stats {
	tb.Helper()
	st, err := x.Stats(context.Background())
	if err != nil {
		tb.Fatalf("Stats: %v", err)
	}
	return st
}

func TestRoundTrip(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	for _, want := range testArticles(t) {
		got, err := x.Article(context.Background(), want.ID)
		if err != nil {
			t.Fatalf("Article(%q): %v", want.ID, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Article(%q) = %+v\nwant %+v", want.ID, got, want)
		}
	}
	if _, err := x.Article(context.Background(), "no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Article(no-such-id) error = %v, want ErrNotFound", err)
	}
	// A quote's ID is not an article's.
	if _, err := x.Article(context.Background(), QuoteID("wire-002", 1)); !errors.Is(err, ErrNotFound) {
		t.Errorf("Article(%q) error = %v, want ErrNotFound", QuoteID("wire-002", 1), err)
	}
}

func TestOnDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Open(dir, Options{Labeler: fakeLabeler{}})
	if err != nil {
		t.Fatalf("Open(new): %v", err)
	}
	if err := x.Put(context.Background(), testArticles(t)); err != nil {
		t.Fatal(err)
	}
	if err := x.Compact(context.Background()); err != nil {
		t.Fatalf("Compact: %v", err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	x, err = Open(dir, Options{Labeler: fakeLabeler{}, ReadOnly: true})
	if err != nil {
		t.Fatalf("Open(existing, read-only): %v", err)
	}
	defer x.Close()
	st := mustStats(t, x)
	want := contract.Stats{Articles: 8, Quotes: 9, Speakers: 7, Countries: 7, Path: dir}
	if st.SizeBytes <= 0 {
		t.Errorf("Stats().SizeBytes = %d, want > 0", st.SizeBytes)
	}
	st.SizeBytes = 0
	if *st != want {
		t.Errorf("Stats() = %+v, want %+v", *st, want)
	}
	got, err := x.Article(context.Background(), "ledger-001")
	if err != nil {
		t.Fatal(err)
	}
	if want := testArticles(t)[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("Article(ledger-001) after reopening = %+v\nwant %+v", got, want)
	}
	if err := x.Put(context.Background(), testArticles(t)[:1]); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Put on a read-only index: error = %v, want ErrReadOnly", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "none"), Options{ReadOnly: true}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Open(missing, read-only) error = %v, want ErrNotFound", err)
	}
}

func TestReplace(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	a := testArticles(t)[1] // wire-002, two quotes
	a.Quotes = a.Quotes[:1]
	a.Title = "Iraq and Türkiye sign Tigris water deal"
	if err := x.Put(context.Background(), []*article.Article{a}); err != nil {
		t.Fatal(err)
	}
	got, err := x.Article(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Errorf("Article(%q) after replacement = %+v\nwant %+v", a.ID, got, a)
	}
	res, err := x.SearchQuotes(context.Background(), contract.Request{Query: "article:wire-002", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].Title != a.Title {
		t.Errorf("quotes of wire-002 after replacement = %d (%+v), want 1 with the new title", res.Total, res.Hits)
	}
	if st := mustStats(t, x); st.Articles != 8 || st.Quotes != 8 {
		t.Errorf("Stats() = %d articles, %d quotes; want 8, 8", st.Articles, st.Quotes)
	}
	q, err := x.SearchQuotes(context.Background(), contract.Request{Query: "\"review the releases\""})
	if err != nil {
		t.Fatal(err)
	}
	if q.Total != 0 {
		t.Errorf("SearchQuotes(words of the removed quote) total = %d, want 0", q.Total)
	}
}

func TestPutTwice(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	arts := testArticles(t)
	if err := x.Put(context.Background(), append(arts, arts[0])); err != nil {
		t.Fatal(err)
	}
	if st := mustStats(t, x); st.Articles != 8 || st.Quotes != 9 {
		t.Errorf("Stats() after putting everything again = %d articles, %d quotes; want 8, 9", st.Articles, st.Quotes)
	}
	if res := mustSearch(t, x, contract.Request{Query: "tigris"}); res.Total != 1 {
		t.Errorf("Search(tigris) total = %d, want 1", res.Total)
	}
}

func TestPutEmptyID(t *testing.T) {
	x := mustMemory(t, nil)
	if err := x.Put(context.Background(), []*article.Article{{Title: "no id"}}); err == nil {
		t.Errorf("Put(article without id): no error")
	}
}

func TestFingerprints(t *testing.T) {
	arts := testArticles(t)
	x := mustMemory(t, arts)
	got, err := x.Fingerprints(context.Background(), []string{"ledger-001", "wire-002", "unknown"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"ledger-001": arts[0].Fingerprint(), "wire-002": arts[1].Fingerprint()}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Fingerprints() = %v, want %v", got, want)
	}
}

// TestContentOwners: the articles with a text (title and body), live
// ones only: a replaced article's old text has no owner, and two ids
// sharing a text are both named, sorted.
func TestContentOwners(t *testing.T) {
	arts := testArticles(t)
	x := mustMemory(t, arts)
	copyOf := *arts[0]
	copyOf.ID = "copy-001"
	changed := *arts[1]
	changed.Body += "\n\nA correction was added."
	if err := x.Put(context.Background(), []*article.Article{&copyOf, &changed}); err != nil {
		t.Fatal(err)
	}
	h0, h1 := article.ContentHash(arts[0].Title, arts[0].Body), article.ContentHash(arts[1].Title, arts[1].Body)
	h1new := article.ContentHash(changed.Title, changed.Body)
	got, err := x.ContentOwners(context.Background(), []string{h0, h1, h1new, h0, "0123456789abcdef"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{h0: {"copy-001", arts[0].ID}, h1new: {arts[1].ID}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ContentOwners() = %q, want %q", got, want)
	}
}

// TestPutWhileSearching runs one writer and two searchers at once: every
// search must succeed and see whole articles (an article and its quotes
// arrive in one batch). Warm, the searches build columns and number
// facet values as segments arrive (run it with -race).
func TestPutWhileSearching(t *testing.T) {
	for _, warm := range []bool{false, true} {
		t.Run(fmt.Sprintf("warm %v", warm), func(t *testing.T) { putWhileSearching(t, warm) })
	}
}

func putWhileSearching(t *testing.T, warm bool) {
	x := mustMemory(t, nil)
	if warm {
		if err := x.Warm(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	arts := genArticles(300, 3)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 3)
	go func() {
		defer cancel()
		for i := 0; i < len(arts); i += 30 {
			if err := x.Put(context.Background(), arts[i:i+30]); err != nil {
				errc <- err
				return
			}
		}
		errc <- nil
	}()
	for range 2 {
		go func() {
			for ctx.Err() == nil {
				res, err := x.Search(context.Background(), contract.Request{Query: "drought", Limit: 5, Facets: contract.DefaultFacets})
				if err != nil {
					errc <- err
					return
				}
				q, err := x.SearchQuotes(context.Background(), contract.Request{Facets: []string{}})
				if err != nil {
					errc <- err
					return
				}
				st, err := x.Stats(context.Background())
				if err != nil {
					errc <- err
					return
				}
				if q.Total%2 != 0 || st.Quotes != 2*st.Articles || res.Total > st.Articles {
					errc <- fmt.Errorf("saw a partial batch: %d articles, %d quotes (%d in search)", st.Articles, st.Quotes, q.Total)
					return
				}
			}
			errc <- nil
		}()
	}
	for range 3 {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
	if st := mustStats(t, x); st.Articles != 300 || st.Quotes != 600 {
		t.Errorf("Stats() = %d articles, %d quotes; want 300, 600", st.Articles, st.Quotes)
	}
}

// FuzzQuery checks that no query string makes a search panic or fail with
// anything but ErrBadQuery.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{"coffee", `"central bank"`, "+country:iq -energy", "cofee~2", "speaker:\"fuad hussein\"",
		"date:>=\"2025-01-01\"", "body:/[a-z]+/", "title:cof*", "/.{0,100}x.{0,100}/", "/(?i)ÜB.r/", "/a.b/ c?f*", "/", "/^ab/", "+", "country:", "quotes:>1", "nosuch:x", "a^2 b", "lang:en", "confidence:>=0.5", "speaker:varga^2"} {
		f.Add(s)
	}
	x := mustMemory(f, testArticles(f))
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := x.Search(context.Background(), contract.Request{Query: q, Limit: 3}); err != nil && !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%q) error = %v, want nil or ErrBadQuery", q, err)
		}
		if _, err := x.SearchQuotes(context.Background(), contract.Request{Query: q, Limit: 3}); err != nil && !errors.Is(err, ErrBadQuery) {
			t.Errorf("SearchQuotes(%q) error = %v, want nil or ErrBadQuery", q, err)
		}
	})
}

// TestOpenEmptyFolder creates the index inside an existing empty folder
// without removing it (a mount point cannot be removed: "device or
// resource busy").
func TestOpenEmptyFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mnt")
	if err := os.Mkdir(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	x, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Put(context.Background(), testArticles(t)[:1]); err != nil {
		t.Fatal(err)
	}
	x.Close()
	after, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || after.Mode().Perm() != 0o750 {
		t.Errorf("Open replaced the empty folder (same: %v, mode %v), want it used as it is", os.SameFile(before, after), after.Mode())
	}
}

// TestOpenLocked: an index another writer holds past the lock timeout is
// ErrLocked (the contract's), which the CLI and the remote tell by code,
// never by the message's words.
func TestOpenLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	y, err := Open(dir, Options{LockTimeout: 50 * time.Millisecond})
	if err == nil {
		y.Close()
		t.Fatal("a second writer opened a held index")
	}
	if !errors.Is(err, ErrLocked) || contract.CodeOf(err) != contract.CodeLocked {
		t.Errorf("Open of a held index = %v, want ErrLocked", err)
	}
}
