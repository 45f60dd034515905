//go:build unix

package ingest

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/article"
)

// TestWalkSkips walks a folder holding what must not be read: a named
// pipe, links out of the folder, an index, and the excluded folder. Each
// is skipped with its reason; links inside the folders named are read.
func TestWalkSkips(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	mustWrite(t, outside, "Secret\n\nNot an article of the corpus.\n")
	mustWrite(t, filepath.Join(dir, "in", "a.txt"), "One\n\nBody one.\n")
	mustWrite(t, filepath.Join(dir, "in", "sub", "b.txt"), "Two\n\nBody two.\n")
	mustWrite(t, filepath.Join(dir, "in", "old", "index_meta.json"), `{"storage":"boltdb","index_type":"scorch"}`)
	mustWrite(t, filepath.Join(dir, "in", "idx", "store", "x.json"), `{"title":"Excluded","body":"b"}`)
	mustWrite(t, filepath.Join(dir, "other", "c.txt"), "Three\n\nBody three.\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "in", "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"in/passwd.txt": outside,                           // out of the folders named
		"in/up":         "..",                              // the folder above: out
		"in/inside.txt": "sub/b.txt",                       // inside: read
		"in/third.txt":  filepath.Join(dir, "other/c.txt"), // in another folder named: read
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	got := strings.Join(summary(t, []string{"in", "other"}, Options{Exclude: []string{"in/idx"}}), "\n")
	want := strings.Join([]string{
		"in/a.txt One",
		"error: in/idx: index folder, not input; an index is never read as input",
		"in/inside.txt Two",
		"error: in/old: index folder, not input; an index is never read as input",
		"error: in/passwd.txt: symbolic link out of the input folders (to " + outside + "); --follow-links reads it",
		"error: in/pipe.txt: not a regular file (named pipe)",
		"in/sub/b.txt Two",
		"in/third.txt Three",
		"error: in/up: symbolic link out of the input folders (to " + dir + "); --follow-links reads it",
		"other/c.txt Three",
	}, "\n")
	if got != want {
		t.Errorf("Walk =\n%s\nwant\n%s", got, want)
	}
	both := want

	got = strings.Join(summary(t, []string{"in/passwd.txt", "in/idx/store/x.json"}, Options{Exclude: []string{"in/idx"}}), "\n")
	want = "in/passwd.txt Secret\nerror: in/idx/store/x.json: index folder, not input; an index is never read as input"
	if got != want {
		t.Errorf("Walk of a link named, and a file in the excluded folder =\n%s\nwant\n%s", got, want)
	}

	// Walking "in" alone, with "other" a root: its link into "other" is
	// still read.
	got = strings.Join(summary(t, []string{"in"}, Options{Exclude: []string{"in/idx"}, Roots: []string{"other"}}), "\n")
	if want := strings.TrimSuffix(both, "\nother/c.txt Three"); got != want {
		t.Errorf("Walk with Roots =\n%s\nwant\n%s", got, want)
	}

	got = strings.Join(summary(t, []string{"in/passwd.txt"}, Options{FollowLinks: true}), "\n")
	if got != "in/passwd.txt Secret" {
		t.Errorf("Walk with FollowLinks = %s, want the link read", got)
	}
	for _, r := range []error{ErrUnsupported, ErrNotRegular, ErrLinkOutside, ErrIndexFolder} {
		if Skipped(&Error{File: "f", Err: &skipError{reason: r}}) != r {
			t.Errorf("Skipped(%v) is not %v", r, r)
		}
	}
	if Skipped(&Error{File: "f", Err: os.ErrNotExist}) != nil {
		t.Errorf("Skipped(not exist) != nil")
	}
}

// TestWalkNamedPipe reads named pipes named on the command line: one a
// writer fills, one with no writer (read as empty, not waited for), and
// one whose writer never writes, which a cancelled walk stops waiting for.
func TestWalkNamedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := func(name string) string {
		p := filepath.Join(dir, name)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	full, empty, silent := fifo("full.txt"), fifo("empty.txt"), fifo("silent.txt")
	go func() {
		f, err := os.OpenFile(full, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString("Piped\n\nBody through a pipe.\n")
		f.Close()
	}()
	// Wait until the writer has opened the pipe, so that it is read.
	time.Sleep(100 * time.Millisecond)
	got := strings.Join(summary(t, []string{full, empty}, Options{}), "\n")
	if want := full + " Piped\nerror: " + empty + ": no title or body"; got != want {
		t.Errorf("Walk of named pipes =\n%s\nwant\n%s", got, want)
	}

	// A writer that never writes: the walk waits until cancelled.
	w, err := os.OpenFile(silent, os.O_RDWR, 0) // does not wait for a reader
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- Walk(ctx, []string{silent}, Options{}, func(*article.Article) error { return nil }, func(*Error) {})
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Walk of a silent pipe = %v, want the context's error", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Walk of a silent pipe did not stop when cancelled")
	}
}

// TestCancellableStdin: standard input that nobody writes to does not
// keep a cancelled walk waiting.
func TestCancellableStdin(t *testing.T) {
	pr, pw := io.Pipe() // never written
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	r := cancellable(ctx, pr)
	defer r.Close()
	done := make(chan error, 1)
	go func() {
		_, err := r.Read(make([]byte, 10))
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Read after cancel = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Read did not return after cancel")
	}
}
