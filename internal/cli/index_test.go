package cli

// Tests of `newsdex index` against hostile inputs and faults (issue 11):
// write failures, special files, links, colliding ids, the index folder
// as input.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mustWrite writes data to path, making its folder.
func mustWrite(tb testing.TB, path, data string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// TestErrorsFileWriteFails: a bad input that cannot be written to
// --errors FILE fails the run, as a script reading the file would take it
// for a clean one.
func TestErrorsFileWriteFails(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	src := filepath.Join(t.TempDir(), "in.jsonl")
	mustWrite(t, src, `{"id":"a","title":"Good","body":"Fine."}`+"\n{broken\n")
	dir := filepath.Join(t.TempDir(), "idx")
	_, stderr, code := run(t, "--index", dir, "index", "--progress", "never", "--errors", "/dev/full", src)
	if want := "newsdex: --errors /dev/full: write /dev/full: no space left on device"; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("index --errors /dev/full: exit %d, stderr:\n%s\nwant exit 1 and %q", code, stderr, want)
	}
	// Nothing bad: nothing to write, exit 0.
	good := filepath.Join(t.TempDir(), "good.jsonl")
	mustWrite(t, good, `{"id":"b","title":"Good","body":"Fine."}`+"\n")
	if _, stderr, code := run(t, "--index", dir, "index", "--progress", "never", "--errors", "/dev/full", good); code != 0 {
		t.Errorf("index --errors /dev/full of good input: exit %d\n%s", code, stderr)
	}
}
