package cli

// Tests that run the real newsdex binary as separate processes: killed or
// interrupted mid-run, and indexing into an index a server holds.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/remote"
	"github.com/newsdex/newsdex/internal/search"
)

var binary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// mustBinary builds cmd/newsdex once per test run and returns its path.
func mustBinary(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds and runs the newsdex binary")
	}
	binary.once.Do(func() {
		if binary.dir, binary.err = os.MkdirTemp("", "newsdex-bin"); binary.err != nil {
			return
		}
		binary.path = filepath.Join(binary.dir, "newsdex")
		out, err := exec.Command("go", "build", "-o", binary.path, "../../cmd/newsdex").CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		tb.Fatal(binary.err)
	}
	return binary.path
}

// writeJSONL writes n generated articles with ids prefix-000000... whose
// titles and bodies carry word, and returns their ids in file order.
func writeJSONL(tb testing.TB, path string, n int, prefix, word string) []string {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	places := []string{"Mombasa", "Valparaiso", "Gdansk", "Chittagong", "Rotterdam", "Durban", "Antwerp", "Santos"}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%s-%06d", prefix, i)
		p := places[i%len(places)]
		enc.Encode(map[string]string{
			"id":    ids[i],
			"title": fmt.Sprintf("%s port reports %s shipments, week %d", p, word, i),
			"date":  time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%700).Format("2006-01-02"),
			"body": fmt.Sprintf("The port of %s handled more %s cargo this week than last, the harbour master said on Tuesday. "+
				"\"Volumes of %s are up by %d percent,\" said Amina Osei, the port's operations director. "+
				"Shipping agents expect the trend to continue into the next quarter as new berths open.", p, word, word, i%40),
		})
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	return ids
}

// committed opens the index in dir as a fresh process would (no repair)
// and returns which of ids it holds. Every article held must come back
// whole, quotes included.
func committed(tb testing.TB, dir string, ids []string) map[string]bool {
	tb.Helper()
	ix, err := index.Open(dir, index.Options{LockTimeout: 5 * time.Second})
	if err != nil {
		tb.Fatalf("reopen index after the run: %v", err)
	}
	defer ix.Close()
	have := map[string]bool{}
	for i := 0; i < len(ids); i += 1000 {
		fp, err := ix.Fingerprints(context.Background(), ids[i:min(i+1000, len(ids))])
		if err != nil {
			tb.Fatal(err)
		}
		for id := range fp {
			have[id] = true
		}
	}
	for i, id := range ids {
		if !have[id] || i%50 != 0 && (i+1 >= len(ids) || have[ids[i+1]]) {
			continue // check every 50th article and the last one held
		}
		if _, err := ix.Article(context.Background(), id); err != nil {
			tb.Errorf("article %s is in the index but not whole: %v", id, err)
		}
	}
	if _, err := ix.Search(context.Background(), search.Request{Query: "port", Limit: 10}); err != nil {
		tb.Fatalf("search the reopened index: %v", err)
	}
	return have
}

// checkBatches checks that the ids held are the whole batches of the file
// up to the last one written; within that last batch, which index.Put may
// commit as several bleve batches (one per core), only whole parts.
func checkBatches(tb testing.TB, ids []string, have map[string]bool, batch int) {
	tb.Helper()
	last := -1
	for i, id := range ids {
		if have[id] {
			last = i
		}
	}
	if last < 0 {
		return
	}
	lastBatch := last / batch
	for i, id := range ids[:lastBatch*batch] {
		if !have[id] {
			tb.Fatalf("article %d (%s) of committed batch %d is missing", i, id, i/batch)
		}
	}
	// The rest of the last batch: contiguous runs held, of at least
	// minPart articles each, as index.Put splits a batch.
	const minPart = 64
	run := 0
	for i := lastBatch * batch; i < min((lastBatch+1)*batch, len(ids)); i++ {
		if have[ids[i]] {
			run++
			continue
		}
		if run > 0 && run < minPart {
			tb.Errorf("batch %d holds a run of %d articles ending at %d, less than one part", lastBatch, run, i)
		}
		run = 0
	}
}

// waitSegment waits until the index in dir has persisted a segment, that
// is, committed at least one batch.
func waitSegment(tb testing.TB, dir string) {
	tb.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap")); len(m) > 0 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tb.Fatal("no segment written in 60s")
}

func TestKillMidIndex(t *testing.T) {
	bin := mustBinary(t)
	tmp := t.TempDir()
	src := filepath.Join(tmp, "articles.jsonl")
	ids := writeJSONL(t, src, 10000, "kill", "copper")
	dir := filepath.Join(tmp, "idx")
	const batch = 200

	cmd := exec.Command(bin, "--index", dir, "index", "--batch", strconv.Itoa(batch), "--progress", "never", src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitSegment(t, dir)
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Kill()
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("index exited (%v) before it was killed: %s", err, stderr.String())
	}

	have := committed(t, dir, ids)
	t.Logf("killed after %d of %d articles", len(have), len(ids))
	if len(have) == 0 || len(have) == len(ids) {
		t.Fatalf("index holds %d articles after the kill, want some but not all", len(have))
	}
	checkBatches(t, ids, have, batch)

	out, err := exec.Command(bin, "--index", dir, "index", "--batch", strconv.Itoa(batch), "--progress", "never", src).CombinedOutput()
	if err != nil {
		t.Fatalf("re-run: %v\n%s", err, out)
	}
	if want := fmt.Sprintf("indexed %s (", count(len(ids)-len(have), "article")); !strings.Contains(string(out), want) {
		t.Errorf("re-run says %q, want %q", out, want)
	}
	if want := fmt.Sprintf("%d unchanged", len(have)); !strings.Contains(string(out), want) {
		t.Errorf("re-run says %q, want %q", out, want)
	}
	if have = committed(t, dir, ids); len(have) != len(ids) {
		t.Errorf("after the re-run the index holds %d articles, want %d", len(have), len(ids))
	}
}

func TestInterruptIndex(t *testing.T) {
	bin := mustBinary(t)
	tmp := t.TempDir()
	src := filepath.Join(tmp, "articles.jsonl")
	ids := writeJSONL(t, src, 10000, "int", "nickel")
	dir := filepath.Join(tmp, "idx")
	const batch = 200

	cmd := exec.Command(bin, "--index", dir, "index", "--batch", strconv.Itoa(batch), "--progress", "never", src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitSegment(t, dir)
	cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("index did not stop within 30s of SIGINT: %s", stderr.String())
	}
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Fatalf("exit code after SIGINT = %d, want 130\n%s", code, stderr.String())
	}
	m := regexp.MustCompile(`interrupted; indexed (\d+) articles`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("stderr lacks the interrupted summary:\n%s", stderr.String())
	}
	n, _ := strconv.Atoi(m[1])
	have := committed(t, dir, ids)
	t.Logf("interrupted after %d of %d articles", len(have), len(ids))
	if len(have) != n {
		t.Errorf("summary says %d indexed, index holds %d", n, len(have))
	}
	if n%batch != 0 {
		t.Errorf("interrupted after %d articles, not a whole number of %d-article batches", n, batch)
	}
	checkBatches(t, ids, have, batch)
}

// server is a running `newsdex serve`.
type server struct {
	cmd    *exec.Cmd
	base   string // http://127.0.0.1:PORT
	mu     sync.Mutex
	stderr []string // what serve wrote after its address line
}

// mustServe starts `newsdex serve` on a free loopback port.
func mustServe(tb testing.TB, bin, dir string) *server {
	tb.Helper()
	cmd := exec.Command(bin, "--index", dir, "serve", "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	addr := make(chan string, 1)
	s := &server{cmd: cmd}
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+)/`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
				continue
			}
			s.mu.Lock()
			s.stderr = append(s.stderr, sc.Text())
			s.mu.Unlock()
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case a := <-addr:
		s.base = a
		return s
	case <-time.After(30 * time.Second):
		tb.Fatal("newsdex serve did not start within 30s")
	}
	return nil
}

// total returns the number of articles matching q, from the server.
func (s *server) total(q string) (uint64, error) {
	resp, err := http.Get(s.base + "/api/search?limit=0&q=" + q)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return 0, fmt.Errorf("%s: %s", resp.Status, b)
	}
	var r struct{ Total uint64 }
	err = json.NewDecoder(resp.Body).Decode(&r)
	return r.Total, err
}

// stop stops the server as Ctrl-C would and checks it exits cleanly.
func (s *server) stop(tb testing.TB) {
	tb.Helper()
	s.cmd.Process.Signal(os.Interrupt)
	if err := s.cmd.Wait(); err != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		tb.Errorf("serve after SIGINT: %v; stderr:\n%s", err, strings.Join(s.stderr, "\n"))
	}
}

func TestServeWhileIndexing(t *testing.T) {
	bin := mustBinary(t)
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "idx")
	first := filepath.Join(tmp, "first.jsonl")
	writeJSONL(t, first, 300, "first", "cobalt")
	if out, err := exec.Command(bin, "--index", dir, "index", first).CombinedOutput(); err != nil {
		t.Fatalf("index: %v\n%s", err, out)
	}
	srv := mustServe(t, bin, dir)

	// Clients search without pause while the indexer runs; every request
	// must succeed.
	var requests, failures atomic.Int64
	var failMsg atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for c := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			urls := []string{"/api/search?q=port", "/api/search?q=cobalt&sort=-date", "/api/quotes?q=volumes", "/api/stats", "/?q=zinc"}
			for i := c; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				requests.Add(1)
				resp, err := http.Get(srv.base + urls[i%len(urls)])
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("%s: %s", urls[i%len(urls)], resp.Status)
					}
				}
				if err != nil {
					failures.Add(1)
					failMsg.Store(err.Error())
				}
			}
		}()
	}

	second := filepath.Join(tmp, "second.jsonl")
	const n = 3000
	writeJSONL(t, second, n, "second", "zinc")
	start := time.Now()
	out, err := exec.Command(bin, "--index", dir, "index", "--batch", "250", "--progress", "never", second).CombinedOutput()
	took := time.Since(start)
	if err != nil {
		t.Fatalf("index while serving: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "writing through the server") {
		t.Errorf("index output %q does not say it wrote through the server", out)
	}
	var seen uint64
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if seen, err = srv.total("zinc"); err == nil && seen == n {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	visible := time.Since(start) - took
	close(stop)
	wg.Wait()
	t.Logf("indexed %d articles through the server in %v; all visible %v after; %d requests meanwhile, %d failed", n, took.Round(time.Millisecond), visible.Round(time.Millisecond), requests.Load(), failures.Load())
	if seen != n {
		t.Errorf("server sees %d new articles 10s after indexing ended, want %d (err %v)", seen, n, err)
	}
	if f := failures.Load(); f > 0 {
		t.Errorf("%d of %d requests failed while indexing; last: %v", f, requests.Load(), failMsg.Load())
	}
	if requests.Load() < 10 {
		t.Errorf("only %d requests ran while indexing", requests.Load())
	}
	srv.stop(t)
	if _, err := os.Stat(filepath.Join(dir, remote.SocketName)); !os.IsNotExist(err) {
		t.Errorf("socket left behind after the server stopped: %v", err)
	}
}

// TestStaleSocket leaves the socket of a killed server in the index: the
// indexer opens the index itself, and a new server replaces the socket.
func TestStaleSocket(t *testing.T) {
	bin := mustBinary(t)
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "idx")
	src := filepath.Join(tmp, "a.jsonl")
	writeJSONL(t, src, 50, "a", "tin")
	if out, err := exec.Command(bin, "--index", dir, "index", src).CombinedOutput(); err != nil {
		t.Fatalf("index: %v\n%s", err, out)
	}
	ln, err := net.Listen("unix", filepath.Join(dir, remote.SocketName))
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()

	src2 := filepath.Join(tmp, "b.jsonl")
	writeJSONL(t, src2, 50, "b", "lead")
	out, err := exec.Command(bin, "--index", dir, "index", src2).CombinedOutput()
	if err != nil || strings.Contains(string(out), "through the server") {
		t.Fatalf("index with a stale socket: %v\n%s", err, out)
	}

	srv := mustServe(t, bin, dir)
	src3 := filepath.Join(tmp, "c.jsonl")
	writeJSONL(t, src3, 50, "c", "silver")
	out, err = exec.Command(bin, "--index", dir, "index", src3).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "through the server") {
		t.Fatalf("index after the server replaced the stale socket: %v\n%s", err, out)
	}
	for _, w := range []string{"tin", "lead", "silver"} {
		if got, err := srv.total(w); err != nil || got != 50 {
			t.Errorf("server finds %d articles with %q (err %v), want 50", got, w, err)
		}
	}
	srv.stop(t)
}

// TestQueryWhileServing runs search, quotes, show and stats on an index a
// server holds: they ask the server through its socket, where opening the
// index themselves would wait on its lock.
func TestQueryWhileServing(t *testing.T) {
	bin := mustBinary(t)
	dir := mustIndex(t)
	srv := mustServe(t, bin, dir)
	defer srv.stop(t)

	start := time.Now()
	out := mustRun(t, "--index", dir, "search", "coffee", "--country", "BR", "--format", "json")
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != "wire-001" {
		t.Errorf("search while serving = %s, want wire-001", out)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("search while serving took %s: it waited for the lock", d)
	}
	if out := mustRun(t, "--index", dir, "search", "--all", "--format", "jsonl"); strings.Count(out, "\n") != 5 {
		t.Errorf("search --all while serving printed %d lines, want 5", strings.Count(out, "\n"))
	}
	if out := mustRun(t, "--index", dir, "quotes", "--speaker", "Wanjiru Kamau", "--format", "jsonl"); !strings.Contains(out, "Cheap, clean power") {
		t.Errorf("quotes while serving lacks her quote: %s", out)
	}
	if out := mustRun(t, "--index", dir, "show", "wire-002"); !strings.Contains(out, "Kenya and Ethiopia") {
		t.Errorf("show while serving: %s", out)
	}
	if out := mustRun(t, "--index", dir, "stats", "--format", "json"); !strings.Contains(out, `"articles": 5`) {
		t.Errorf("stats while serving: %s", out)
	}
	if _, errs, code := run(t, "--index", dir, "search", `title:"open`); code != 2 || !strings.Contains(errs, "bad query") {
		t.Errorf("bad query while serving: exit %d, stderr %q; want 2 and the reason", code, errs)
	}
	if _, errs, code := run(t, "--index", dir, "show", "no-such-id"); code != 1 || !strings.Contains(errs, "no-such-id") {
		t.Errorf("show unknown id while serving: exit %d, stderr %q", code, errs)
	}
}
