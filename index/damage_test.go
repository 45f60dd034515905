package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDir copies the files of an index folder (one level of subfolders).
func copyDir(tb testing.TB, src, dst string) {
	tb.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// TestDamagedIndex damages each kind of file of an index: Open names the
// file and says what to do, where bleve said "error parsing mapping JSON"
// whatever was damaged, or panicked.
func TestDamagedIndex(t *testing.T) {
	base := filepath.Join(t.TempDir(), "base")
	x, err := Open(base, Options{Labeler: fakeLabeler{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Put(context.Background(), testArticles(t)); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	segs, _ := filepath.Glob(filepath.Join(base, "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment written")
	}
	seg := filepath.Join("store", filepath.Base(segs[0]))
	flip := func(name string, at int64) func(string) error {
		return func(dir string) error {
			f, err := os.OpenFile(filepath.Join(dir, name), os.O_RDWR, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			b := make([]byte, 1)
			if _, err := f.ReadAt(b, at); err != nil {
				return err
			}
			b[0] ^= 0xff
			_, err = f.WriteAt(b, at)
			return err
		}
	}
	for _, tt := range []struct {
		name   string
		damage func(dir string) error
		want   string // after "index is damaged: DIR/"
	}{
		{"meta", flip("index_meta.json", 0), "index_meta.json is not valid JSON"},
		{"empty root.bolt", func(dir string) error { return os.Truncate(filepath.Join(dir, "store", "root.bolt"), 0) }, "store/root.bolt is empty"},
		{"segment missing", func(dir string) error { return os.Remove(filepath.Join(dir, seg)) }, seg + " is missing"},
		{"segment footer flipped", func(dir string) error {
			fi, err := os.Stat(filepath.Join(dir, seg))
			if err != nil {
				return err
			}
			return flip(seg, fi.Size()-8)(dir)
		}, seg + " is damaged (checksum "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "idx")
			copyDir(t, base, dir)
			if err := tt.damage(dir); err != nil {
				t.Fatal(err)
			}
			for _, ro := range []bool{true, false} {
				x, err := Open(dir, Options{ReadOnly: ro})
				if err == nil {
					x.Close()
					t.Fatalf("Open(read-only %v) of a damaged index = nil error", ro)
				}
				msg := err.Error()
				if !errors.Is(err, ErrDamaged) || !strings.Contains(msg, "index is damaged: ") || !strings.Contains(msg, filepath.Join(dir, tt.want)) ||
					!strings.HasSuffix(msg, "it cannot be repaired: remove "+dir+" and run 'newsdex index' again with the same inputs (or index them into a new --index folder)") {
					t.Errorf("Open(read-only %v) = %v\nwant ErrDamaged naming %s and what to do", ro, err, filepath.Join(dir, tt.want))
				}
			}
		})
	}
}
