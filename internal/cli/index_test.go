package cli

// Tests of `newsdex index` against hostile inputs and faults (issue 11):
// write failures, special files, links, colliding ids, the index folder
// as input.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/ingest"
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
	// Nothing bad: nothing to write, exit 0. (Not the text of a, which
	// is in the index: a copy of it would be a duplicate, written there.)
	good := filepath.Join(t.TempDir(), "good.jsonl")
	mustWrite(t, good, `{"id":"b","title":"Good","body":"Fine too."}`+"\n")
	if _, stderr, code := run(t, "--index", dir, "index", "--progress", "never", "--errors", "/dev/full", good); code != 0 {
		t.Errorf("index --errors /dev/full of good input: exit %d\n%s", code, stderr)
	}
}

// datedArticles are articles whose dates carry a time of day and are
// written in a form other than newsdex's own, which the JSON shape of an
// article loses.
func datedArticles(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"dated-%d","title":"Ferry timetable %d changes","date":"Tue, 04 Mar 2025 %02d:15:00 +0100","body":"The ferry company said on Tuesday that crossing %d would leave earlier."}`+"\n", i, i, i%24, i)
	}
	return b.String()
}

// TestSocketKeepsFingerprint writes through a server's socket and checks
// that the server stores the fingerprint the client computed, and gives
// the article back whole.
func TestSocketKeepsFingerprint(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := index.Open(dir, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	stop, err := listenWriter(ix, dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	c := dialServer(context.Background(), dir)
	if c == nil {
		t.Fatal("no server on the socket")
	}
	defer c.Close()

	var arts []*article.Article
	err = ingest.WalkFS(context.Background(), fstest.MapFS{"a.jsonl": {Data: []byte(datedArticles(3))}}, ".", ingest.Options{},
		func(a *article.Article) error { arts = append(arts, a); return nil }, func(e *ingest.Error) { t.Error(e) })
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Put(arts); err != nil {
		t.Fatal(err)
	}
	fp, err := c.Fingerprints([]string{"dated-0", "dated-1", "dated-2"})
	if err != nil {
		t.Fatal(err)
	}
	owners, err := c.ContentOwners(context.Background(), []string{ingest.ContentHash(arts[1].Title, arts[1].Body), "0000000000000000"})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string][]string{ingest.ContentHash(arts[1].Title, arts[1].Body): {arts[1].ID}}; !reflect.DeepEqual(owners, want) {
		t.Errorf("ContentOwners through the socket = %q, want %q", owners, want)
	}
	for _, a := range arts {
		if fp[a.ID] != a.Fingerprint() {
			t.Errorf("%s: server stored fingerprint %q, client's is %q", a.ID, fp[a.ID], a.Fingerprint())
		}
		got, err := c.Article(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Date.Equal(a.Date) || got.DateText != a.DateText {
			t.Errorf("%s through the socket: date %v %q, want %v %q", a.ID, got.Date, got.DateText, a.Date, a.DateText)
		}
	}
}

// TestFingerprintThroughServer indexes the same articles directly, then
// through a server, then directly again after the server is killed: each
// re-run of a changed file skips the articles it already holds, whichever
// way it writes.
func TestFingerprintThroughServer(t *testing.T) {
	bin := mustBinary(t)
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "idx")
	src := filepath.Join(tmp, "a.jsonl")
	index := func(n int, through bool) string {
		t.Helper()
		// A file that grows by one article each time: it is read again,
		// and the articles already indexed are skipped by fingerprint.
		mustWrite(t, src, datedArticles(n))
		out, err := exec.Command(bin, "--index", dir, "index", "--progress", "never", src).CombinedOutput()
		if err != nil {
			t.Fatalf("index: %v\n%s", err, out)
		}
		if got := strings.Contains(string(out), "writing through the server"); got != through {
			t.Fatalf("index wrote through the server: %v, want %v\n%s", got, through, out)
		}
		return string(out)
	}
	expect := func(out string, indexed, unchanged int) {
		t.Helper()
		if want := fmt.Sprintf("indexed %s (", count(indexed, "article")); !strings.Contains(out, want) {
			t.Errorf("index said %q, want %q", out, want)
		}
		if want := fmt.Sprintf("; %d unchanged", unchanged); !strings.Contains(out, want) {
			t.Errorf("index said %q, want %q", out, want)
		}
	}
	expect(index(20, false), 20, 0)

	srv := mustServe(t, bin, dir)
	expect(index(21, true), 1, 20) // what the CLI wrote, seen by the server
	expect(index(22, true), 1, 21) // what the server wrote, seen by the server

	srv.cmd.Process.Kill() // kill -9: the socket stays behind
	srv.cmd.Wait()
	expect(index(23, false), 1, 22) // what the server wrote, seen by the CLI
}

// mustSmallFS mounts a tmpfs of size bytes and returns its folder, or
// skips the test when mounting is not permitted (not root, or in a
// container without the capability).
func mustSmallFS(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small file system: %v: %s", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// TestDiskFull indexes into a file system too small for the articles,
// directly and through a server: the run stops with an error naming the
// folder and the space, before bleve hits the full disk (where it
// panicked in a goroutine of its own, server included); the server stays
// up, and every batch written is whole.
func TestDiskFull(t *testing.T) {
	bin := mustBinary(t)
	small := mustSmallFS(t, "12m")
	src := filepath.Join(t.TempDir(), "a.jsonl")
	ids := writeJSONL(t, src, 12000, "full", "bauxite")
	const batch = 250

	check := func(dir, out string, code int) {
		t.Helper()
		if code != 1 || !strings.Contains(out, "not enough free space in "+dir+": ") || strings.Contains(out, "panic") {
			t.Fatalf("index into a full disk: exit %d, want 1 and the free space of %s named:\n%s", code, dir, out)
		}
		have := committed(t, dir, ids)
		t.Logf("stopped after %d of %d articles", len(have), len(ids))
		if len(have) == 0 || len(have) == len(ids) {
			t.Errorf("index holds %d articles, want some but not all", len(have))
		}
		checkBatches(t, ids, have, batch)
	}
	indexInto := func(dir string) (string, int) {
		cmd := exec.Command(bin, "--index", dir, "index", "--batch", strconv.Itoa(batch), "--progress", "never", src)
		out, _ := cmd.CombinedOutput()
		return string(out), cmd.ProcessState.ExitCode()
	}

	dir := filepath.Join(small, "direct")
	out, code := indexInto(dir)
	check(dir, out, code)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}

	dir = filepath.Join(small, "served")
	first := filepath.Join(t.TempDir(), "first.jsonl")
	writeJSONL(t, first, 10, "first", "gypsum")
	if out, err := exec.Command(bin, "--index", dir, "index", first).CombinedOutput(); err != nil {
		t.Fatalf("index: %v\n%s", err, out)
	}
	srv := mustServe(t, bin, dir)
	out, code = indexInto(dir)
	if !strings.Contains(out, "writing through the server") {
		t.Errorf("index did not write through the server:\n%s", out)
	}
	if n, err := srv.total("gypsum"); err != nil || n != 10 {
		t.Errorf("server after the failed batch: %d articles with gypsum, %v; want it up with 10", n, err)
	}
	srv.stop(t)
	srv.mu.Lock()
	logged := strings.Join(srv.stderr, "\n")
	srv.mu.Unlock()
	if !strings.Contains(logged, "failed: put 250 articles: not enough free space") {
		t.Errorf("server log lacks the failed batch:\n%s", logged)
	}
	check(dir, out, code)
}

// TestIndexSpecialFiles indexes a folder holding a named pipe, a link to
// a file out of the folder and the index itself (`newsdex index .`): the
// run neither waits on the pipe nor reads the others; each is reported as
// skipped, and --strict passes. A pipe named on the command line whose
// writer never writes does not keep SIGINT from stopping the run.
func TestIndexSpecialFiles(t *testing.T) {
	bin := mustBinary(t)
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	secret := filepath.Join(tmp, "secret.txt")
	mustWrite(t, secret, "Passwords\n\nroot:x:0:0:root:/root:/bin/bash\n")
	mustWrite(t, filepath.Join(in, "a.txt"), goodText(1, "timber"))
	if err := syscall.Mkfifo(filepath.Join(in, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(in, "p.txt")); err != nil {
		t.Fatal(err)
	}
	runIn := func(dir string, timeout time.Duration, args ...string) (string, int) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		if ctx.Err() != nil {
			t.Fatalf("newsdex %s did not end within %s:\n%s", strings.Join(args, " "), timeout, out)
		}
		return string(out), cmd.ProcessState.ExitCode()
	}
	out, code := runIn(in, 60*time.Second, "--index", "idx", "index", "--strict", "--progress", "never", ".")
	for _, want := range []string{
		"newsdex: p.txt: symbolic link out of the input folders (to " + secret + "); --follow-links reads it\n",
		"newsdex: pipe.txt: not a regular file (named pipe)\n",
		"indexed 1 article (",
		"files skipped (not a regular file): 1\n",
		"files skipped (symbolic link out of the input folders): 1\n",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("index . of a folder with a pipe and a link out: exit %d, want 0 and %q in:\n%s", code, want, out)
		}
	}
	// Again: the index folder is now in the folder read.
	mustWrite(t, filepath.Join(in, "b.txt"), goodText(2, "rubber"))
	out, code = runIn(in, 60*time.Second, "--index", "idx", "index", "--strict", "--progress", "never", ".")
	if code != 0 || !strings.Contains(out, "files skipped (index folder, not input): 1\n") || strings.Contains(out, "index_meta.json") ||
		!strings.Contains(out, "indexed 1 article (") || !strings.Contains(out, "1 unchanged") {
		t.Errorf("index . with the index in it: exit %d, want 0, the index skipped, b.txt indexed:\n%s", code, out)
	}
	out, code = runIn(in, 60*time.Second, "--index", "idx", "index", "--follow-links", "--progress", "never", "p.txt")
	if code != 0 || !strings.Contains(out, "indexed 1 article (") {
		t.Errorf("index of a link named: exit %d, want it read:\n%s", code, out)
	}

	// A named pipe named on the command line, whose writer never writes.
	silent := filepath.Join(tmp, "silent.jsonl")
	if err := syscall.Mkfifo(silent, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := os.OpenFile(silent, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for i, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		dir := filepath.Join(tmp, fmt.Sprint("idx-", i))
		cmd := exec.Command(bin, "--index", dir, "index", "--progress", "never", silent)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Signal once the index is open: newsdex handles signals by then,
		// and is reading the pipe.
		for start := time.Now(); time.Since(start) < 30*time.Second; time.Sleep(20 * time.Millisecond) {
			if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
				break
			}
		}
		time.Sleep(500 * time.Millisecond)
		cmd.Process.Signal(sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("index of a silent pipe did not stop within 20s of %v:\n%s", sig, stderr.String())
		}
		if code := cmd.ProcessState.ExitCode(); code != 130 || !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("index of a silent pipe after %v: exit %d, want 130:\n%s", sig, code, stderr.String())
		}
	}
}

// TestIndexIntoMountPoint indexes into an empty mount point, which cannot
// be removed and made again ("device or resource busy").
func TestIndexIntoMountPoint(t *testing.T) {
	mnt := mustSmallFS(t, "16m")
	src := filepath.Join(t.TempDir(), "a.jsonl")
	mustWrite(t, src, datedArticles(3))
	if _, stderr, code := run(t, "--index", mnt, "index", "--progress", "never", src); code != 0 || !strings.Contains(stderr, "indexed 3 articles") {
		t.Errorf("index into an empty mount point: exit %d\n%s", code, stderr)
	}
}
