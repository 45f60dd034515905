package cli

// Tests that the summary of `newsdex index` adds up (issue 12): duplicates
// are skipped, counted and named, --exclude leaves files out, and counts
// read "1 article", "2 articles".

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

func TestIndexCountsAddUp(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	story := "Harbour reopens\n\nThe harbour at Port Evander reopened on Monday, the mayor said.\n"
	mustWrite(t, filepath.Join(in, "a", "001.txt"), story)
	mustWrite(t, filepath.Join(in, "a", "002.txt"), "Bridge closed\n\nThe old bridge was closed for repairs.\n")
	mustWrite(t, filepath.Join(in, "b", "003.txt"), story) // byte-identical: the same id
	mustWrite(t, filepath.Join(in, "README.TXT"), "About this set\n\nFiles are numbered.\n")
	mustWrite(t, filepath.Join(in, "notes.csv"), "title,body\nNotes,Not articles.\n")
	// A JSON Lines file: a record repeating an id with other text, and one
	// repeating another's title and body under a new id.
	mustWrite(t, filepath.Join(in, "c.jsonl"),
		`{"id":"x1","title":"Rain","body":"It rained in the valley all week."}`+"\n"+
			`{"id":"x1","title":"Rain again","body":"A second text under the same id."}`+"\n"+
			`{"id":"x2","title":"Rain","body":"It rained in the valley all week."}`+"\n"+
			`{"id":"x3","title":"Sun","body":"The sun came out on Friday."}`+"\n")
	ix := filepath.Join(dir, "idx")
	errs := filepath.Join(dir, "errors.jsonl")
	t.Chdir(dir)
	_, stderr, code := run(t, "--index", ix, "index", "--progress", "never", "--errors", errs,
		"--exclude", "README.TXT", "--exclude", "*.csv", "in")
	if code != 0 {
		t.Fatalf("index: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"indexed 4 articles (0 quotes) from 4 files into " + ix,
		"; 0 unchanged; 3 duplicates skipped",
		"\n3 duplicates skipped (the first one read is kept):\n" +
			"  in/b/003.txt is in/a/001.txt (same content)\n" +
			"  in/c.jsonl: id x1 is id x1 (same id, other content)\n" +
			"  in/c.jsonl: id x2 is id x1 (same content)\n",
		"files skipped (excluded by --exclude): 2\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("index stderr:\n%s\nwant %q", stderr, want)
		}
	}
	if strings.Contains(stderr, "newsdex: in/README.TXT") {
		t.Errorf("excluded files are counted, not reported one by one:\n%s", stderr)
	}
	stats, _, code := run(t, "--index", ix, "stats")
	if code != 0 || !strings.Contains(stats, "articles   4\n") {
		t.Errorf("stats: exit %d\n%s\nwant 4 articles", code, stats)
	}
	var lines []string
	f, err := os.Open(errs)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("--errors line %q: %v", sc.Text(), err)
		}
		of := ""
		if d, ok := r["duplicate_of"].(map[string]any); ok {
			of = fmt.Sprint(d["file"], " ", d["id"])
			if d["id"] == r["id"] {
				of += " (same id)"
			}
		}
		lines = append(lines, fmt.Sprint(r["file"], " | ", r["error"], " | ", of, " | ", r["skipped"]))
	}
	sort.Strings(lines) // skips are reported as the walk lists them, duplicates later
	want := []string{
		"in/README.TXT | excluded by --exclude README.TXT |  | true",
		"in/b/003.txt | duplicate of in/a/001.txt (same content) | in/a/001.txt f1e6344d21b8eb7d (same id) | true",
		"in/c.jsonl | duplicate of in/c.jsonl (same content) | in/c.jsonl x1 | true",
		"in/c.jsonl | duplicate of in/c.jsonl (same id, other content) | in/c.jsonl x1 (same id) | true",
		"in/notes.csv | excluded by --exclude *.csv |  | true",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("--errors FILE =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}

	// A re-run reads nothing and counts what the index holds.
	_, stderr, _ = run(t, "--index", ix, "index", "--progress", "never", "--exclude", "README.TXT", "--exclude", "*.csv", "in")
	if want := "indexed 0 articles (0 quotes) from 0 files into " + ix; !strings.Contains(stderr, want) || !strings.Contains(stderr, "; 4 unchanged\n") {
		t.Errorf("re-run: stderr\n%s\nwant %q and 4 unchanged", stderr, want)
	}

	// One of each: singular.
	one := filepath.Join(dir, "one.txt")
	mustWrite(t, one, "Minister speaks\n\n\"We will act now and we will not wait for the autumn,\" said Jane Holt, the finance minister, on Tuesday.\n")
	_, stderr, _ = run(t, "--index", filepath.Join(dir, "idx1"), "index", "--progress", "never", one)
	if want := "indexed 1 article (1 quote) from 1 file into "; !strings.Contains(stderr, want) {
		t.Errorf("one article: stderr\n%s\nwant %q", stderr, want)
	}

	_, stderr, code = run(t, "--index", ix, "index", "--exclude", "[a-", "in")
	if want := `--exclude pattern "[a-": unbalanced [ or a trailing \`; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("bad pattern: exit %d, stderr\n%s\nwant exit 2 and %q", code, stderr, want)
	}
}

// TestDuplicatesCapped names at most maxDuplicatesShown duplicates on the
// terminal.
func TestDuplicatesCapped(t *testing.T) {
	dir := t.TempDir()
	for i := range maxDuplicatesShown + 3 {
		mustWrite(t, filepath.Join(dir, "in", fmt.Sprintf("%02d.txt", i)), "Same story\n\nThe same text in every file.\n")
	}
	t.Chdir(dir)
	_, stderr, _ := run(t, "--index", filepath.Join(dir, "idx"), "index", "--progress", "never", "in")
	if want := "  in/10.txt is in/00.txt (same content)\n  ... and 2 more (--errors FILE lists them all)\n"; !strings.Contains(stderr, want) || !strings.Contains(stderr, "indexed 1 article ") {
		t.Errorf("stderr\n%s\nwant %q", stderr, want)
	}
}

// TestIndexErrorsInPlainWords: an --index or --errors that cannot be used
// says so and what to do, before the library's words.
func TestIndexErrorsInPlainWords(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.txt")
	mustWrite(t, src, "Title\n\nA body of text.\n")
	mustWrite(t, filepath.Join(dir, "file"), "not a folder")
	mustWrite(t, filepath.Join(dir, "full", "notes.txt"), "other files")
	t.Chdir(dir)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--index", "file", "index", src},
			"newsdex: --index file is a file, or lies below one: name a folder (a new one is created) (open index file: stat file/index_meta.json: not a directory)\n"},
		{[]string{"--index", "file/idx", "index", src},
			"newsdex: --index file/idx is a file, or lies below one: name a folder (a new one is created) (open index file/idx: stat file/idx/index_meta.json: not a directory)\n"},
		{[]string{"--index", "full", "index", src},
			"newsdex: --index full holds other files and no index: name a new or empty folder (create index full: directory is not empty and holds no index)\n"},
		{[]string{"--index", "idx", "index", "--errors", "nodir/e.jsonl", src},
			"newsdex: --errors nodir/e.jsonl: cannot create the file; name a file in a folder that exists and you may write to (open nodir/e.jsonl: no such file or directory)\n"},
	} {
		_, stderr, code := run(t, tc.args...)
		if code != 1 || stderr != tc.want {
			t.Errorf("newsdex %s: exit %d, stderr\n%s\nwant exit 1 and\n%s", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
	}
}

// TestExtractExclude: extract takes --exclude as index does: the files
// left out are counted on stderr, not reported one by one, and the rest
// is printed.
func TestExtractExclude(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	mustWrite(t, filepath.Join(in, "a", "001.txt"), "Harbour reopens\n\nThe harbour at Port Evander reopened on Monday.\n")
	mustWrite(t, filepath.Join(in, "a", "skip.txt"), "Skipped\n\nThis file is left out by its name.\n")
	mustWrite(t, filepath.Join(in, "README.TXT"), "About this set\n\nFiles are numbered.\n")
	t.Chdir(dir)
	out, stderr, code := run(t, "extract", "--names", "article", "--exclude", "README.TXT", "--exclude", "a/skip.txt", "in")
	if code != 0 {
		t.Fatalf("extract: exit %d\n%s", code, stderr)
	}
	if got, want := stderr, "newsdex: files skipped (excluded by --exclude): 2\n"; got != want {
		t.Errorf("extract stderr = %q, want %q", got, want)
	}
	var titles []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct{ Title string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("extract line %q: %v", line, err)
		}
		titles = append(titles, a.Title)
	}
	if want := []string{"Harbour reopens"}; !slices.Equal(titles, want) {
		t.Errorf("extract printed %q, want %q", titles, want)
	}
	_, stderr, code = run(t, "extract", "--exclude", "[a-", "in")
	if want := "--exclude pattern \"[a-\": unbalanced [ or a trailing \\"; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("extract --exclude '[a-': exit %d, stderr %q; want 2 and %q", code, stderr, want)
	}
}

// TestIndexDuplicatesAcrossRuns: an article whose title and body an
// article indexed in an earlier run has, under another id, is skipped and
// named; the article itself read again is unchanged, and a copy read
// beside its original's new version is kept.
func TestIndexDuplicatesAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	ix := filepath.Join(dir, "idx")
	mustWrite(t, filepath.Join(dir, "first.jsonl"),
		`{"id":"r1","title":"Rain","body":"It rained in the valley all week."}`+"\n"+
			`{"id":"s1","title":"Sun","body":"The sun came out on Friday."}`+"\n")
	if _, stderr, code := run(t, "--index", ix, "index", "--progress", "never", "first.jsonl"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	mustWrite(t, filepath.Join(dir, "second.jsonl"),
		`{"id":"r2","title":"Rain","body":"It rained in the valley all week."}`+"\n"+ // a copy of r1
			`{"id":"r3","title":"Rain","body":"It rained in the valley all week."}`+"\n"+ // another
			`{"id":"s1","title":"Sun","body":"The sun came out on Friday."}`+"\n"+ // s1 itself
			`{"id":"w1","title":"Wind","body":"A gale blew all night."}`+"\n")
	errs := filepath.Join(dir, "errors.jsonl")
	_, stderr, code := run(t, "--index", ix, "index", "--progress", "never", "--errors", errs, "second.jsonl")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"indexed 1 article (0 quotes) from 1 file into " + ix,
		"; 1 unchanged; 2 duplicates skipped",
		"\n2 duplicates skipped (the first one read is kept):\n" +
			"  second.jsonl: id r2 is id r1 (same content, indexed earlier)\n" +
			"  second.jsonl: id r3 is id r1 (same content, indexed earlier)\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("second run stderr:\n%s\nwant %q", stderr, want)
		}
	}
	b, err := os.ReadFile(errs)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"duplicate_of":{"file":"","id":"r1"},"error":"duplicate of id r1 in the index (same content, indexed earlier)","file":"second.jsonl","id":"r2","skipped":true}`; !strings.HasPrefix(string(b), want+"\n") {
		t.Errorf("--errors file:\n%s\nwant it to start with %s", b, want)
	}
	// The original read again with other text, beside a copy of its old
	// text: the original is replaced, so the copy is no duplicate.
	mustWrite(t, filepath.Join(dir, "third.jsonl"),
		`{"id":"r1","title":"Rain","body":"It rained in the valley for a fortnight."}`+"\n"+
			`{"id":"r4","title":"Rain","body":"It rained in the valley all week."}`+"\n")
	_, stderr, code = run(t, "--index", ix, "index", "--progress", "never", "third.jsonl")
	if want := "indexed 2 articles (0 quotes) from 1 file into " + ix; code != 0 || !strings.Contains(stderr, want) || strings.Contains(stderr, "duplicate") {
		t.Errorf("third run: exit %d, stderr:\n%s\nwant %q and no duplicate", code, stderr, want)
	}
	stats, _, _ := run(t, "--index", ix, "stats")
	if !strings.Contains(stats, "articles   4\n") {
		t.Errorf("stats:\n%s\nwant 4 articles (r1, s1, w1, r4)", stats)
	}
}
