package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
)

// TestNoSpace writes with the free space of the file system set by the
// test: a batch that does not fit is refused whole with ErrNoSpace naming
// the folder, and the batches before it stay.
func TestNoSpace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	var free uint64 = 1 << 40
	x, err := Open(dir, Options{FreeSpace: func(d string) (uint64, bool, error) {
		if d != dir {
			t.Errorf("free space asked of %q, want %q", d, dir)
		}
		return free, true, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	batch := func(prefix string) []*article.Article {
		var arts []*article.Article
		for i := range 100 {
			arts = append(arts, &article.Article{ID: fmt.Sprintf("%s-%d", prefix, i), Title: "Tanker traffic " + prefix,
				Body: strings.Repeat("The harbour master counted tankers at the outer anchorage. ", 20)})
		}
		return arts
	}
	if err := x.Put(context.Background(), batch("a")); err != nil {
		t.Fatal(err)
	}
	free = 5 << 20 // room for the index's size and the slack, not for the batch
	err = x.Put(context.Background(), batch("b"))
	if !errors.Is(err, ErrNoSpace) || !strings.Contains(err.Error(), "not enough free space in "+dir+": 5.0 MB free, the write needs about ") {
		t.Errorf("Put with 5 MB free = %v, want ErrNoSpace naming %s and the space", err, dir)
	}
	if err := x.RecordFiles(context.Background(), map[string]string{"f": "h"}); err != nil {
		t.Errorf("RecordFiles of a few bytes with 5 MB free = %v, want nil", err)
	}
	free = 1 << 20
	if err := x.RecordFiles(context.Background(), map[string]string{"f": "h"}); !errors.Is(err, ErrNoSpace) {
		t.Errorf("RecordFiles with 1 MB free = %v, want ErrNoSpace", err)
	}
	fp, err := x.Fingerprints(context.Background(), []string{"a-0", "a-99", "b-0", "b-99"})
	if err != nil {
		t.Fatal(err)
	}
	if len(fp) != 2 || fp["a-0"] == "" || fp["a-99"] == "" {
		t.Errorf("index holds %v, want a-0 and a-99 only", fp)
	}
}
