package web

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/newsdex/newsdex/index"
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
	Searcher
	pause     time.Duration
	mu        sync.Mutex
	now, peak int
}

func (s *pausingSearcher) Stats(ctx context.Context) (*index.Stats, error) {
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
		return &index.Stats{}, nil
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
