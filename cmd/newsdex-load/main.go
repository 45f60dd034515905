// Command newsdex-load drives `newsdex serve` with concurrent clients and
// reports errors, latency percentiles and the server's memory over time.
//
//	newsdex-load -articles 100000 -clients 50 -duration 30s
//
// It builds an index of generated articles (internal/corpusgen) unless
// -index names one that exists, starts `newsdex serve` on it bound to
// 127.0.0.1 on a free port (never another address), runs -clients clients
// for -duration, each sending a mix of searches (words, phrases, filters,
// date sorts, deeper pages, facets only), quote searches, article pages,
// HTML pages and stats, then stops the server. It samples the server's
// resident memory (VmRSS) every second and exits 1 when any request failed
// or when the RSS at the end exceeds the RSS at the end of -warmup by more
// than -rss-growth percent.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsdex/newsdex/internal/corpusgen"
)

type options struct {
	bin       string
	index     string
	articles  int
	seed      uint64
	clients   int
	duration  time.Duration
	warmup    time.Duration
	rssGrowth float64
}

func main() {
	var o options
	flag.StringVar(&o.bin, "newsdex", "", "newsdex binary (default: build ./cmd/newsdex into a temporary folder)")
	flag.StringVar(&o.index, "index", "", "index folder; built from generated articles when it holds no index (default: a temporary folder)")
	flag.IntVar(&o.articles, "articles", 100000, "generated articles when the index is built")
	flag.Uint64Var(&o.seed, "seed", 1, "seed of the generated articles and of the query mix")
	flag.IntVar(&o.clients, "clients", 50, "concurrent clients")
	flag.DurationVar(&o.duration, "duration", 30*time.Second, "how long the clients run")
	flag.DurationVar(&o.warmup, "warmup", 0, "time after which RSS must stay flat (default: a third of -duration)")
	flag.Float64Var(&o.rssGrowth, "rss-growth", 25, "largest allowed RSS growth after warm-up, in percent")
	flag.Parse()
	if o.warmup == 0 {
		o.warmup = o.duration / 3
	}
	if err := run(o); err != nil {
		fmt.Fprintf(os.Stderr, "newsdex-load: %v\n", err)
		os.Exit(1)
	}
}

func run(o options) error {
	tmp, err := os.MkdirTemp("", "newsdex-load")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if o.bin == "" {
		o.bin = filepath.Join(tmp, "newsdex")
		start := time.Now()
		if out, err := exec.Command("go", "build", "-o", o.bin, "github.com/newsdex/newsdex/cmd/newsdex").CombinedOutput(); err != nil {
			return fmt.Errorf("build newsdex: %v\n%s", err, out)
		}
		fmt.Printf("built newsdex in %v\n", time.Since(start).Round(time.Millisecond))
	}
	if o.index == "" {
		o.index = filepath.Join(tmp, "idx")
	}
	words, err := queryWords(o.seed)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(o.index, "index_meta.json")); err != nil {
		if err := buildIndex(o, tmp); err != nil {
			return err
		}
	}

	srv, err := startServer(o.bin, o.index)
	if err != nil {
		return err
	}
	defer srv.stop()
	ids, err := srv.articleIDs(words)
	if err != nil {
		return err
	}
	fmt.Printf("serving %s at %s (pid %d); %d clients for %v\n", o.index, srv.base, srv.cmd.Process.Pid, o.clients, o.duration)

	res := drive(o, srv, words, ids)
	if err := srv.stop(); err != nil {
		res.errs = append(res.errs, fmt.Sprintf("server exit: %v", err))
	}
	return res.report(o)
}

// queryWords returns the words of the titles of a few generated articles:
// words the index holds, rare and common.
func queryWords(seed uint64) ([]string, error) {
	g, err := corpusgen.New(seed)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var words []string
	for range 300 {
		for _, w := range strings.FieldsFunc(strings.ToLower(g.Next().Title), func(r rune) bool {
			return !('a' <= r && r <= 'z')
		}) {
			if len(w) >= 4 && !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	if len(words) < 10 {
		return nil, errors.New("generated titles give too few query words")
	}
	return words, nil
}

func buildIndex(o options, tmp string) error {
	corpus := filepath.Join(tmp, "corpus.jsonl")
	f, err := os.Create(corpus)
	if err != nil {
		return err
	}
	g, err := corpusgen.New(o.seed)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := g.Write(w, o.articles); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	f.Close()
	start := time.Now()
	cmd := exec.Command(o.bin, "--index", o.index, "index", "--progress", "never", corpus)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stdout
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("index %d articles: %w", o.articles, err)
	}
	fmt.Printf("indexed %d generated articles in %v\n", o.articles, time.Since(start).Round(time.Millisecond))
	return os.Remove(corpus)
}

// server is a running `newsdex serve`.
type server struct {
	cmd    *exec.Cmd
	base   string
	once   sync.Once
	err    error
	client *http.Client
}

func startServer(bin, dir string) (*server, error) {
	cmd := exec.Command(bin, "--index", dir, "serve", "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+)/`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			} else {
				fmt.Fprintf(os.Stderr, "serve: %s\n", sc.Text())
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	s := &server{cmd: cmd, client: &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 1000},
	}}
	select {
	case s.base = <-addr:
		return s, nil
	case <-time.After(60 * time.Second):
		s.stop()
		return nil, errors.New("newsdex serve did not start within 60s")
	}
}

// stop stops the server as Ctrl-C would and waits for it.
func (s *server) stop() error {
	s.once.Do(func() {
		s.cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- s.cmd.Wait() }()
		select {
		case s.err = <-done:
		case <-time.After(15 * time.Second):
			s.cmd.Process.Kill()
			s.err = errors.New("did not stop within 15s of SIGINT")
		}
	})
	return s.err
}

// articleIDs returns some article IDs for article-page requests.
func (s *server) articleIDs(words []string) ([]string, error) {
	var ids []string
	for _, w := range words[:10] {
		resp, err := s.client.Get(s.base + "/api/search?limit=20&q=" + url.QueryEscape(w))
		if err != nil {
			return nil, err
		}
		var r struct{ Hits []struct{ ID string } }
		err = json.NewDecoder(resp.Body).Decode(&r)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		for _, h := range r.Hits {
			ids = append(ids, h.ID)
		}
	}
	if len(ids) == 0 {
		return nil, errors.New("no article found for the query words")
	}
	return ids, nil
}

// request returns the path of a random request of the mix.
func request(r *rand.Rand, words, ids []string) string {
	w := func() string { return url.QueryEscape(words[r.IntN(len(words))]) }
	switch n := r.IntN(100); {
	case n < 30:
		return "/api/search?q=" + w()
	case n < 40:
		return "/api/search?q=" + w() + "+" + w() + "&sort=-date"
	case n < 48:
		return "/api/search?q=%22" + w() + "+" + w() + "%22"
	case n < 55:
		return "/api/search?q=" + w() + "&offset=" + strconv.Itoa(10*r.IntN(50))
	case n < 62:
		return "/api/search?q=" + w() + "&from=2015-01-01&to=2020-12-31"
	case n < 67:
		return "/api/search?limit=0"
	case n < 80:
		return "/api/quotes?q=" + w()
	case n < 88:
		return "/?q=" + w()
	case n < 96:
		return "/api/articles/" + url.PathEscape(ids[r.IntN(len(ids))])
	case n < 98:
		return "/api/search?q=" + w()[:3] + "*"
	}
	return "/api/stats"
}

type result struct {
	lat      []time.Duration
	requests int64
	errs     []string
	nerr     int64
	rss      []rssSample
	took     time.Duration
}

type rssSample struct {
	at  time.Duration
	kib int64
}

func drive(o options, srv *server, words, ids []string) *result {
	ctx, cancel := context.WithTimeout(context.Background(), o.duration)
	defer cancel()
	res := &result{}
	var mu sync.Mutex
	var nerr atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()

	// RSS sampler.
	rssDone := make(chan struct{})
	go func() {
		defer close(rssDone)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			if kib, err := vmRSS(srv.cmd.Process.Pid); err == nil {
				mu.Lock()
				res.rss = append(res.rss, rssSample{time.Since(start), kib})
				mu.Unlock()
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()

	for c := range o.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(o.seed, uint64(c)))
			var lat []time.Duration
			for ctx.Err() == nil {
				path := request(r, words, ids)
				t0 := time.Now()
				err := get(srv.client, srv.base+path)
				if ctx.Err() != nil && err != nil {
					break // cut off by the end of the run
				}
				lat = append(lat, time.Since(t0))
				if err != nil {
					if nerr.Add(1) <= 10 {
						mu.Lock()
						res.errs = append(res.errs, fmt.Sprintf("%s: %v", path, err))
						mu.Unlock()
					}
				}
			}
			mu.Lock()
			res.lat = append(res.lat, lat...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.took = time.Since(start)
	<-rssDone
	res.requests = int64(len(res.lat))
	res.nerr = nerr.Load()
	return res
}

// get fetches u and fails on anything but 200 (the mix holds no request
// the server may refuse).
func get(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}

// vmRSS returns a process's resident set size in KiB, from /proc.
func vmRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			return strconv.ParseInt(f[1], 10, 64)
		}
	}
	return 0, errors.New("no VmRSS")
}

func (r *result) report(o options) error {
	slices.Sort(r.lat)
	pct := func(p float64) time.Duration {
		if len(r.lat) == 0 {
			return 0
		}
		return r.lat[min(len(r.lat)-1, int(p*float64(len(r.lat))))].Round(10 * time.Microsecond)
	}
	fmt.Printf("requests %d in %v (%.0f/s), errors %d\n", r.requests, r.took.Round(time.Millisecond), float64(r.requests)/r.took.Seconds(), r.nerr)
	fmt.Printf("latency p50 %v  p90 %v  p99 %v  max %v\n", pct(0.50), pct(0.90), pct(0.99), pct(1))
	var line strings.Builder
	for _, s := range r.rss {
		fmt.Fprintf(&line, " %.0fs:%dM", s.at.Seconds(), s.kib>>10)
	}
	fmt.Printf("server RSS over time:%s\n", line.String())
	for _, e := range r.errs {
		fmt.Printf("error: %s\n", e)
	}
	var failed []string
	if r.nerr > 0 {
		failed = append(failed, fmt.Sprintf("%d requests failed", r.nerr))
	}
	if r.requests == 0 {
		failed = append(failed, "no requests completed")
	}
	var atWarm, peakAfter, last int64
	for _, s := range r.rss {
		if s.at <= o.warmup {
			atWarm = s.kib
		} else {
			peakAfter = max(peakAfter, s.kib)
		}
		last = s.kib
	}
	if atWarm > 0 && last > 0 {
		growth := 100 * float64(last-atWarm) / float64(atWarm)
		fmt.Printf("RSS after warm-up (%v): %d MiB; at the end: %d MiB (%+.1f%%); peak after warm-up %d MiB\n", o.warmup, atWarm>>10, last>>10, growth, peakAfter>>10)
		if growth > o.rssGrowth {
			failed = append(failed, fmt.Sprintf("RSS grew %.1f%% after warm-up (limit %.0f%%)", growth, o.rssGrowth))
		}
	}
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "; "))
	}
	fmt.Println("ok: no errors, RSS flat after warm-up")
	return nil
}
