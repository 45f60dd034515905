package indexer

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/ingest"
	"github.com/newsdex/newsdex/internal/remote"
	"github.com/newsdex/newsdex/internal/search"
)

// fakeStore is a search.Store in memory that counts its writes.
type fakeStore struct {
	search.Searcher // nil: a run never searches
	mu              sync.Mutex
	fps             map[string]string
	contents        map[string][]string // content hash -> ids
	hashes          map[string]string
	puts            int
	precomputed     int
}

func newFake() *fakeStore {
	return &fakeStore{fps: map[string]string{}, contents: map[string][]string{}, hashes: map[string]string{}}
}

func (f *fakeStore) Close() error { return nil }
func (f *fakeStore) Put(ctx context.Context, arts []*article.Article) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.puts++
	for _, a := range arts {
		f.fps[a.ID] = a.Fingerprint()
		h := ingest.ContentHash(a.Title, a.Body)
		f.contents[h] = append(f.contents[h], a.ID)
	}
	return nil
}
func (f *fakeStore) ContentOwners(ctx context.Context, hashes []string) (map[string][]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string][]string{}
	for _, h := range hashes {
		if ids, ok := f.contents[h]; ok {
			out[h] = ids
		}
	}
	return out, nil
}
func (f *fakeStore) Fingerprints(ctx context.Context, ids []string) (map[string]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]string{}
	for _, id := range ids {
		if fp, ok := f.fps[id]; ok {
			out[id] = fp
		}
	}
	return out, nil
}
func (f *fakeStore) FileHash(ctx context.Context, name string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hashes[name], nil
}
func (f *fakeStore) RecordFiles(ctx context.Context, hashes map[string]string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for k, v := range hashes {
		f.hashes[k] = v
	}
	return nil
}
func (f *fakeStore) Precompute(ctx context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.precomputed++
	return nil
}

// TestRunDirectOrThroughServer: a run does the same whether it writes into
// the store directly or through a server holding it: it writes, skips
// duplicates and unchanged articles and files, records the files and
// precomputes (through a server, precompute was once skipped).
func TestRunDirectOrThroughServer(t *testing.T) {
	for _, through := range []bool{false, true} {
		t.Run(fmt.Sprintf("through a server %v", through), func(t *testing.T) {
			ctx := context.Background()
			src := t.TempDir()
			mustWriteFile(t, filepath.Join(src, "a.jsonl"),
				`{"id":"1","title":"Coffee","body":"Coffee prices rose."}`+"\n"+
					`{"id":"2","title":"Tea","body":"Tea prices fell."}`+"\n"+
					`{"id":"3","title":"Coffee","body":"Coffee prices rose."}`+"\n")
			f := newFake()
			var store search.Store = f
			if through {
				dir := t.TempDir()
				srv, err := remote.Listen(f, dir, io.Discard)
				if err != nil {
					t.Fatal(err)
				}
				defer srv.Close(ctx)
				c := remote.Dial(ctx, dir)
				if c == nil {
					t.Fatal("no server on the socket")
				}
				defer c.Close()
				store = c
			}
			var dups []string
			done := 0
			sum, err := Run(ctx, store, []string{src}, Options{OnDuplicate: func(d Duplicate) { dups = append(dups, d.String()) }, OnBatch: func(n int) { done = n }})
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("read %d indexed %d unchanged %d, duplicates %q, precomputed %d, %d files recorded",
				sum.Read, sum.Indexed, sum.Unchanged, dups, f.precomputed, len(f.hashes)); strings.ReplaceAll(got, src+string(filepath.Separator), "") != `read 3 indexed 2 unchanged 0, duplicates ["a.jsonl: id 3 is id 1 (same content)"], precomputed 1, 1 files recorded` {
				t.Errorf("first run: %s", got)
			}
			if done != 2 {
				t.Errorf("first run: OnBatch said %d done, want 2", done)
			}
			// Again: the file is unchanged and not read; nothing is
			// written or precomputed.
			sum, err = Run(ctx, store, []string{src}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("read %d unchanged %d in %d paths, precomputed %d", sum.Read, sum.Unchanged, sum.UnchangedFiles, f.precomputed); got != "read 0 unchanged 2 in 1 paths, precomputed 1" {
				t.Errorf("second run: %s", got)
			}
			// A copy of an indexed article under another id, in a new
			// file: a duplicate across runs.
			b := filepath.Join(src, "more", "b.jsonl")
			mustWriteFile(t, b, `{"id":"9","title":"Tea","body":"Tea prices fell."}`+"\n")
			dups = nil
			sum, err = Run(ctx, store, []string{b}, Options{OnDuplicate: func(d Duplicate) { dups = append(dups, d.String()) }})
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("read %d indexed %d, duplicates %q", sum.Read, sum.Indexed, dups); strings.ReplaceAll(got, src+string(filepath.Separator), "") != `read 1 indexed 0, duplicates ["more/b.jsonl: id 9 is id 2 (same content, indexed earlier)"]` {
				t.Errorf("third run: %s", got)
			}
		})
	}
}
