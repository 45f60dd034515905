package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/search"
)

// TestQueryGuards checks that the index's query guards reach the client
// as a 400 that says what is wrong, on the API and on the pages.
func TestQueryGuards(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	for _, c := range []struct{ target, want string }{
		{"/api/search?q=*ing", "leading wildcard"},
		{"/api/quotes?q=%3Fater", "leading wildcard"},
		{"/api/search?q=co~2", "shorter than 3 characters"},
		{"/api/search?q=a*+b*+c*+d*+e*+f*+g*+h*+i*", "at most 8"},
		{"/api/search?q=coffee&offset=9995&limit=10", "offset"},
		{"/?q=*ing", "leading wildcard"},
	} {
		t.Run(c.target, func(t *testing.T) {
			body := mustGet(t, h, c.target, http.StatusBadRequest)
			mustContain(t, c.target, body, c.want)
		})
	}
}

// pausingSearcher answers Stats after a pause and records how many calls ran
// at once.
type pausingSearcher struct {
	search.Searcher
	pause     time.Duration
	mu        sync.Mutex
	now, peak int
}

func (s *pausingSearcher) Stats(ctx context.Context) (*search.Stats, error) {
	s.mu.Lock()
	s.now++
	s.peak = max(s.peak, s.now)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.now--
		s.mu.Unlock()
	}()
	select {
	case <-time.After(s.pause):
		return &search.Stats{}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// TestConcurrencyLimit checks that requests beyond MaxConcurrent wait their
// turn, and that one whose deadline passes while waiting gets a 503.
func TestConcurrencyLimit(t *testing.T) {
	ss := &pausingSearcher{Searcher: mustIndex(t), pause: 100 * time.Millisecond}
	h, err := New(Options{Searcher: ss, MaxConcurrent: 2, Timeout: 250 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	codes := make([]int, 6)
	var wg sync.WaitGroup
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, _ := get(t, h, "/api/stats")
			codes[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	ok, unavailable := 0, 0
	for _, c := range codes {
		switch c {
		case http.StatusOK:
			ok++
		case http.StatusServiceUnavailable:
			unavailable++
		}
	}
	if ss.peak != 2 {
		t.Errorf("%d requests searched at once, want MaxConcurrent = 2", ss.peak)
	}
	// Two slots, 100 ms each, a 250 ms deadline: four answer, two time out.
	if ok != 4 || unavailable != 2 {
		t.Errorf("status codes %v: want four 200 and two 503", codes)
	}
}

// bigSearcher answers every search with hits of 4 KB snippets (400 KB for a page of 100).
type bigSearcher struct{ search.Searcher }

func (bigSearcher) Search(ctx context.Context, r search.Request) (*search.ArticleResult, error) {
	res := &search.ArticleResult{Query: r.Query, Total: uint64(r.Limit)}
	snippet := strings.Repeat("coffee ", 4<<10/7)
	for i := range r.Limit {
		res.Hits = append(res.Hits, search.ArticleHit{ID: fmt.Sprint(i), Snippet: search.Snippet{Text: snippet}})
	}
	return res, nil
}

// TestSlowReadersFreeTheirSlots: a client that never reads its answer does
// not keep its search slot (four of them held every slot of a server until
// its write timeout).
func TestSlowReadersFreeTheirSlots(t *testing.T) {
	h, err := New(Options{Searcher: bigSearcher{mustIndex(t)}, MaxConcurrent: 2, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener = smallBuffers{srv.Listener}
	srv.Start()
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	for range 4 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		c.(*net.TCPConn).SetReadBuffer(4 << 10)
		defer c.Close()
		fmt.Fprintf(c, "GET /api/search?q=coffee&limit=100 HTTP/1.1\r\nHost: x\r\n\r\n")
	}
	time.Sleep(300 * time.Millisecond) // let them take their slots and start writing
	start := time.Now()
	resp, err := http.Get(srv.URL + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || time.Since(start) > time.Second {
		t.Errorf("GET /api/stats behind four readers that never read: %d after %v, want 200 at once", resp.StatusCode, time.Since(start))
	}
}

// smallBuffers gives accepted connections small socket buffers, so that a
// few hundred kilobytes fill them.
type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(4 << 10)
	}
	return c, err
}

// TestCostlyPatternsKeepSlotsFree: regexps whose automata bleve built in
// full before any deadline (seconds each) no longer hold the search slots:
// four at once, then a plain request, all answer within a second or two.
func TestCostlyPatternsKeepSlotsFree(t *testing.T) {
	h, err := New(Options{Searcher: mustIndex(t), MaxConcurrent: 2, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var wg sync.WaitGroup
	for _, q := range []string{"/.{0,100}x.{0,100}/", "/.{0,100}y.{0,100}/", "/[ab]*a[ab]{20}/", "/(.*a){20}/"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, body := get(t, h, "/api/search?q="+url.QueryEscape(q))
			if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusBadRequest {
				t.Errorf("GET %s: %d %s", q, resp.StatusCode, body)
			}
		}()
	}
	wg.Wait()
	mustGet(t, h, "/api/stats", http.StatusOK)
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("four costly patterns and a stats request took %v, want under 2s", took)
	}
}

// stuckSearcher searches until its context ends.
type stuckSearcher struct{ search.Searcher }

func (stuckSearcher) Search(ctx context.Context, r search.Request) (*search.ArticleResult, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestClientGoneFreesSlot: a client that gives up frees its search slot
// at once, long before the request's deadline.
func TestClientGoneFreesSlot(t *testing.T) {
	h, err := New(Options{Searcher: stuckSearcher{mustIndex(t)}, MaxConcurrent: 1, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/api/search?q=coffee", nil)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("stuck search answered %d", resp.StatusCode)
	}
	start := time.Now()
	resp, err := http.Get(srv.URL + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || time.Since(start) > 2*time.Second {
		t.Errorf("GET /api/stats after the client left: %d after %v, want 200 at once", resp.StatusCode, time.Since(start))
	}
}
