//go:build unix

package ingest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
)

// TestWalkSkipPatterns leaves out files and folders whose name or path
// below the path named matches a pattern, case-sensitively; a path named is
// read whatever its name.
func TestWalkSkipPatterns(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "in", "README.TXT"), "Read me\n\nAbout this set.\n")
	mustWrite(t, filepath.Join(dir, "in", "readme.txt"), "Lower\n\nA real article.\n")
	mustWrite(t, filepath.Join(dir, "in", "a.txt"), "One\n\nBody one.\n")
	mustWrite(t, filepath.Join(dir, "in", "t.csv"), "title,body\nCsv,Body\n")
	mustWrite(t, filepath.Join(dir, "in", "sport", "b.txt"), "Two\n\nBody two.\n")
	mustWrite(t, filepath.Join(dir, "in", "tech", "c.txt"), "Three\n\nBody three.\n")
	mustWrite(t, filepath.Join(dir, "in", "tech", "d.txt"), "Four\n\nBody four.\n")
	t.Chdir(dir)
	for _, tc := range []struct {
		name  string
		paths []string
		skip  []string
		want  []string
	}{
		{"name and extension", []string{"in"}, []string{"README.TXT", "*.csv"}, []string{
			"error: in/README.TXT: excluded by --exclude README.TXT",
			"in/a.txt One",
			"in/readme.txt Lower",
			"in/sport/b.txt Two",
			"error: in/t.csv: excluded by --exclude *.csv",
			"in/tech/c.txt Three",
			"in/tech/d.txt Four",
		}},
		{"a folder by name", []string{"in"}, []string{"sport", "t.csv", "README.TXT"}, []string{
			"error: in/README.TXT: excluded by --exclude README.TXT",
			"in/a.txt One",
			"in/readme.txt Lower",
			"error: in/sport: excluded by --exclude sport",
			"error: in/t.csv: excluded by --exclude t.csv",
			"in/tech/c.txt Three",
			"in/tech/d.txt Four",
		}},
		{"a path below the path named", []string{"in/"}, []string{"tech/d.txt", "*/b.txt", "*.[ct]sv"}, []string{
			"in/README.TXT Read me",
			"in/a.txt One",
			"in/readme.txt Lower",
			"error: in/sport/b.txt: excluded by --exclude */b.txt",
			"error: in/t.csv: excluded by --exclude *.[ct]sv",
			"in/tech/c.txt Three",
			"error: in/tech/d.txt: excluded by --exclude tech/d.txt",
		}},
		{"a path named is read", []string{"in/README.TXT"}, []string{"README.TXT"}, []string{
			"in/README.TXT Read me",
		}},
	} {
		got := summary(t, tc.paths, Options{Skip: tc.skip})
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: Walk =\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
	if Skipped(&Error{File: "f", Err: &skipError{reason: ErrExcluded}}) != ErrExcluded {
		t.Errorf("Skipped(ErrExcluded) is not ErrExcluded")
	}
	err := Walk(context.Background(), []string{"in"}, Options{Skip: []string{"[a-"}}, func(*article.Article) error { return nil }, func(*Error) {})
	if err == nil || err.Error() != `pattern "[a-": unbalanced [ or a trailing \` {
		t.Errorf("Walk with a bad pattern: %v", err)
	}
}
