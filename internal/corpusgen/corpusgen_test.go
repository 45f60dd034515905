package corpusgen

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/ingest"
)

func mustGenerate(tb testing.TB, seed uint64, n int) []byte {
	tb.Helper()
	g, err := New(seed)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := g.Write(&buf, n); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	a, b := mustGenerate(t, 7, 50), mustGenerate(t, 7, 50)
	if !bytes.Equal(a, b) {
		t.Error("two corpora of seed 7 differ")
	}
	if bytes.Equal(a, mustGenerate(t, 8, 50)) {
		t.Error("seeds 7 and 8 wrote the same corpus")
	}
}

// TestReadable checks that newsdex reads every generated record, with the
// fields a benchmark relies on.
func TestReadable(t *testing.T) {
	const n = 200
	data := mustGenerate(t, 1, n)
	var arts []*article.Article
	err := ingest.WalkFS(context.Background(), fstestFS("c.jsonl", data), ".", ingest.Options{}, func(a *article.Article) error {
		arts = append(arts, a)
		return nil
	}, func(e *ingest.Error) { t.Errorf("ingest: %v", e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != n {
		t.Fatalf("read %d articles, want %d", len(arts), n)
	}
	ids, quoted, sources := map[string]bool{}, 0, map[string]bool{}
	for _, a := range arts {
		if a.Title == "" || a.Body == "" || a.Date.IsZero() || a.Source == "" {
			t.Errorf("article %s: title %q, date %v, source %q, body of %d bytes", a.ID, a.Title, a.Date, a.Source, len(a.Body))
		}
		if ids[a.ID] {
			t.Errorf("id %s repeated", a.ID)
		}
		ids[a.ID] = true
		sources[a.Source] = true
		if strings.Contains(a.Body, "” said ") || strings.Contains(a.Body, "” told ") || strings.Contains(a.Body, "” added ") || strings.Contains(a.Body, "” says ") {
			quoted++
		}
	}
	if quoted < n/3 {
		t.Errorf("%d of %d articles hold an attributed quote, want at least a third", quoted, n)
	}
	if len(sources) < 5 {
		t.Errorf("%d sources, want several", len(sources))
	}
}

// fstestFS is a file system holding one file.
func fstestFS(name string, data []byte) fs.FS {
	return fstest.MapFS{name: &fstest.MapFile{Data: data}}
}
