package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdex/newsdex/internal/article"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenArticle is what the golden files record of an article: its JSON
// shape plus the raw date text.
type goldenArticle struct {
	article.Article
}

func (g goldenArticle) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(g.Article)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for _, k := range []string{"quotes", "countries", "regions", "actors", "speakers"} {
		delete(m, k)
	}
	m["date_text"] = g.DateText
	return json.MarshalIndent(m, "", "  ")
}

// mustWalk walks paths and returns one line a result: an article's JSON or
// "error: " and the error's message.
func mustWalk(tb testing.TB, paths []string, opts Options) []string {
	tb.Helper()
	var out []string
	err := Walk(context.Background(), paths, opts, func(a *article.Article) error {
		b, err := json.Marshal(goldenArticle{*a})
		if err != nil {
			return err
		}
		out = append(out, string(b))
		return nil
	}, func(e *Error) {
		out = append(out, "error: "+e.Error())
	})
	if err != nil {
		tb.Fatalf("Walk(%q) = %v", paths, err)
	}
	return out
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/in/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no inputs in testdata/in: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			got := strings.Join(mustWalk(t, []string{file}, Options{Workers: 1}), "\n") + "\n"
			golden := filepath.Join("testdata", "golden", filepath.Base(file)+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("Walk(%q) =\n%s\nwant\n%s", file, got, want)
			}
		})
	}
}

// TestGzip checks that every golden input reads the same gzip-compressed,
// whether the name ends in .gz or not.
func TestGzip(t *testing.T) {
	files, _ := filepath.Glob("testdata/in/*")
	dir := t.TempDir()
	for _, file := range files {
		plain := mustWalk(t, []string{file}, Options{Workers: 1})
		for _, name := range []string{filepath.Base(file) + ".gz", filepath.Base(file)} {
			gz := filepath.Join(dir, name)
			mustGzip(t, file, gz)
			got := mustWalk(t, []string{gz}, Options{Workers: 1})
			for i := range got {
				got[i] = strings.ReplaceAll(got[i], gz, file)
			}
			if g, w := strings.Join(got, "\n"), strings.Join(plain, "\n"); g != w {
				t.Errorf("Walk(%q) =\n%s\nwant\n%s", gz, g, w)
			}
		}
	}
}

func mustGzip(tb testing.TB, src, dst string) {
	tb.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func mustWrite(tb testing.TB, path, content string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// summary is the File and Title of each article, or the error message.
func summary(tb testing.TB, paths []string, opts Options) []string {
	tb.Helper()
	var out []string
	err := Walk(context.Background(), paths, opts, func(a *article.Article) error {
		out = append(out, a.File+" "+a.Title)
		return nil
	}, func(e *Error) {
		out = append(out, "error: "+e.Error())
	})
	if err != nil {
		tb.Fatalf("Walk(%q) = %v", paths, err)
	}
	return out
}

func TestWalkFolder(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "corpus", "b", "two.txt"), "Two\n\nBody two.\n")
	mustWrite(t, filepath.Join(dir, "corpus", "a", "one.txt"), "One\n\nBody one.\n")
	mustWrite(t, filepath.Join(dir, "corpus", "a", "notes.docx"), "binary")
	mustWrite(t, filepath.Join(dir, "corpus", ".hidden.txt"), "Hidden\n\nNo.\n")
	mustWrite(t, filepath.Join(dir, "corpus", ".git", "x.txt"), "Hidden\n\nNo.\n")
	mustWrite(t, filepath.Join(dir, "corpus", "c.jsonl"), `{"title":"Three","body":"b"}`+"\n"+`{"title":"Four","body":"b"}`+"\n")
	// A link back up the tree must not be followed forever.
	if err := os.Symlink(filepath.Join(dir, "corpus"), filepath.Join(dir, "corpus", "b", "loop")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, workers := range []int{1, 3} {
		got := strings.Join(summary(t, []string{"corpus", "missing.txt", "corpus/a/one.txt"}, Options{Workers: workers}), "\n")
		want := strings.Join([]string{
			"corpus/a/notes.docx: unsupported file type",
			"corpus/a/one.txt One",
			"corpus/b/two.txt Two",
			"corpus/c.jsonl Three",
			"corpus/c.jsonl Four",
			"error: missing.txt: no such file or directory",
			"corpus/a/one.txt One",
		}, "\n")
		want = strings.Replace(want, "corpus/a/notes.docx", "error: corpus/a/notes.docx", 1)
		if got != want {
			t.Errorf("Walk with %d workers =\n%s\nwant\n%s", workers, got, want)
		}
	}
}

func TestWalkErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	unknown := filepath.Join(dir, "notes.docx")
	mustWrite(t, unknown, "just some notes\n\nin plain text")
	var errs []*Error
	var titles []string
	err := Walk(context.Background(), []string{missing, unknown}, Options{}, func(a *article.Article) error {
		titles = append(titles, a.Title)
		return nil
	}, func(e *Error) { errs = append(errs, e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], fs.ErrNotExist) || errs[0].File != missing {
		t.Errorf("errors = %v, want one not-exist error for %s", errs, missing)
	}
	// A file named on the command line is read even with an unknown extension.
	if len(titles) != 1 || titles[0] != "just some notes" {
		t.Errorf("titles = %q, want [\"just some notes\"]", titles)
	}
}

func TestWalkStopsOnFnError(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&lines, `{"id":"%d","title":"t%d"}`+"\n", i, i)
	}
	mustWrite(t, filepath.Join(dir, "a.jsonl"), lines.String())
	mustWrite(t, filepath.Join(dir, "b.jsonl"), lines.String())
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, Options{Workers: 2}, func(*article.Article) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	}, nil)
	if err != stop || n != 10 {
		t.Errorf("Walk = %v after %d articles, want %v after 10", err, n, stop)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Walk(ctx, []string{dir}, Options{Workers: 2}, func(*article.Article) error {
		n++
		if n == 5 {
			cancel()
		}
		return nil
	}, nil)
	if err != context.Canceled || n != 5 {
		t.Errorf("Walk = %v after %d articles, want %v after 5", err, n, context.Canceled)
	}
}

func TestWalkStdin(t *testing.T) {
	tests := []struct {
		name, input, format string
		want                []string
	}{
		{"jsonl", `{"title":"A","body":"x"}` + "\n" + `{"title":"B","body":"y"}` + "\n", "", []string{"- A", "- B"}},
		{"json", "[\n" + `{"title":"A","body":"x"}` + "\n]", "", []string{"- A"}},
		{"pretty json", "{\n  \"title\": \"A\"\n}\n", "", []string{"- A"}},
		{"csv", "title,body\nA,x\n", "", []string{"- A"}},
		{"tsv", "id\ttitle\tbody\n1\tA\tx\n", "", []string{"- A"}},
		{"text", "A\n\nSome body.\n", "", []string{"- A"}},
		{"forced text", `{"title":"A"}`, "txt", []string{`- {"title":"A"}`}},
		{"html", "<html><head><title>A</title></head><body><article><p>" + strings.Repeat("Words in the body of the page. ", 20) + "</p></article></body></html>", "", []string{"- A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, gz := range []bool{false, true} {
				in := []byte(tt.input)
				if gz {
					var buf bytes.Buffer
					zw := gzip.NewWriter(&buf)
					zw.Write(in)
					zw.Close()
					in = buf.Bytes()
				}
				got := withStdin(t, in, func() []string { return summary(t, []string{"-"}, Options{Format: tt.format}) })
				if strings.Join(got, "|") != strings.Join(tt.want, "|") {
					t.Errorf("Walk(stdin %q, gzip %v) = %q, want %q", tt.input, gz, got, tt.want)
				}
			}
		})
	}
}

func withStdin(tb testing.TB, in []byte, f func() []string) []string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "stdin")
	if err := os.WriteFile(path, in, 0o644); err != nil {
		tb.Fatal(err)
	}
	file, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer file.Close()
	old := os.Stdin
	os.Stdin = file
	defer func() { os.Stdin = old }()
	return f()
}

func TestWalkFS(t *testing.T) {
	fsys := fstest.MapFS{
		"demo/b.jsonl":      {Data: []byte(`{"id":"x1","title":"B1","body":"b"}` + "\n")},
		"demo/a/one.txt":    {Data: []byte("A1\n\nBody.\n")},
		"demo/.skip/no.txt": {Data: []byte("No\n\nNo.\n")},
		"demo/readme.md":    {Data: []byte("# readme")},
	}
	var got []string
	err := WalkFS(context.Background(), fsys, "demo", Options{}, func(a *article.Article) error {
		got = append(got, a.File+" "+a.ID+" "+a.Title)
		return nil
	}, func(e *Error) { got = append(got, "error: "+e.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"demo/a/one.txt " + hashID("A1", "Body.") + " A1", "demo/b.jsonl x1 B1", "error: demo/readme.md: unsupported file type"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("WalkFS =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestErrorMessages(t *testing.T) {
	reason := errors.New("reason")
	tests := []struct {
		err  Error
		want string
	}{
		{Error{File: "a.jsonl", Line: 3, Err: reason}, "a.jsonl:3: reason"},
		{Error{File: "a.json", Record: 2, Err: reason}, "a.json: record 2: reason"},
		{Error{File: "a.txt", Err: reason}, "a.txt: reason"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(&tt.err, reason) {
			t.Errorf("errors.Is(%q, reason) = false", tt.want)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Walk(context.Background(), []string{"x"}, Options{Format: "xml"}, func(*article.Article) error { return nil }, nil)
	if err == nil {
		t.Errorf("Walk with Format xml = nil, want an error")
	}
}
