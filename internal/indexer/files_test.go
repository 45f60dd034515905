package indexer

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsdex/newsdex/internal/ingest"
)

// memStore is a HashStore in memory.
type memStore map[string]string

func (m memStore) FileHash(_ context.Context, name string) (string, error) { return m[name], nil }
func (m memStore) RecordFiles(_ context.Context, h map[string]string) error {
	for k, v := range h {
		m[k] = v
	}
	return nil
}

func mustWriteFile(tb testing.TB, path, data string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func TestCheckInputs(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.jsonl")
	folder := filepath.Join(dir, "folder")
	mustWriteFile(t, a, "{}\n{}\n")
	mustWriteFile(t, filepath.Join(folder, "b.txt"), "b")
	mustWriteFile(t, filepath.Join(folder, "c.txt"), "c")
	mustWriteFile(t, filepath.Join(folder, ".hidden"), "h")
	store := memStore{}
	paths := []string{a, folder, "-"}

	check := func(step string, wantRead, wantUnchanged []string, wantArticles int) *Inputs {
		t.Helper()
		in, err := CheckInputs(context.Background(), store, paths, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(in.Read, wantRead) || !reflect.DeepEqual(in.Unchanged, wantUnchanged) || in.UnchangedArticles != wantArticles {
			t.Errorf("%s: CheckInputs = read %q, unchanged %q, %d articles; want %q, %q, %d",
				step, in.Read, in.Unchanged, in.UnchangedArticles, wantRead, wantUnchanged, wantArticles)
		}
		return in
	}

	in := check("first run", paths, nil, 0)
	in.Count(a)
	in.Count(a)
	in.Count(filepath.Join(folder, "b.txt"))
	in.Count(filepath.Join(folder, "c.txt"))
	if err := in.Record(context.Background(), store); err != nil {
		t.Fatal(err)
	}
	check("unchanged", []string{"-"}, []string{a, folder}, 4)

	// A changed file sends its whole folder back to the reader; a hidden
	// file changes nothing.
	mustWriteFile(t, filepath.Join(folder, ".hidden"), "h2")
	check("hidden file changed", []string{"-"}, []string{a, folder}, 4)
	mustWriteFile(t, filepath.Join(folder, "c.txt"), "c2")
	check("file in folder changed", []string{folder, "-"}, []string{a}, 2)

	// A symbolic link to a recorded file is that file.
	link := filepath.Join(t.TempDir(), "link.jsonl")
	if err := os.Symlink(a, link); err != nil {
		t.Fatal(err)
	}
	if in, err := CheckInputs(context.Background(), store, []string{link}, ingest.Options{}); err != nil || len(in.Unchanged) != 1 || in.UnchangedArticles != 2 {
		t.Errorf("through a symbolic link: CheckInputs = %+v, %v; want it unchanged with 2 articles", in, err)
	}

	// The same bytes read with a forced format were never recorded.
	in, err := CheckInputs(context.Background(), store, []string{a}, ingest.Options{Format: "txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Read) != 1 {
		t.Errorf("with --format txt: read %q, want %q", in.Read, a)
	}
}
