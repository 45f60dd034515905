package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/article"
)

// wideArticles returns n generated articles whose bodies draw on a large
// made-up vocabulary (about 30 new words per article), so that wildcards,
// regexps and fuzzy terms have a big dictionary to expand over.
func wideArticles(n int, seed uint64) []*article.Article {
	r := rand.New(rand.NewPCG(seed, 2))
	word := func() string {
		b := make([]byte, 3+r.IntN(8))
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		return string(b)
	}
	arts := genArticles(n, seed)
	for _, a := range arts {
		w := make([]string, 30)
		for i := range w {
			w[i] = word()
		}
		a.Body += "\n\n" + strings.Join(w, " ") + "."
	}
	return arts
}

func TestGuardRejects(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	for _, c := range []struct{ q, want string }{
		{"*ing", "leading wildcard"},
		{"title:?offee", "leading wildcard"},
		{"body:*", "leading wildcard"},
		{"co~2", "shorter than 3"},
		{"coffee~3", "fuzziness"},
		{"/" + strings.Repeat("a", maxPatternLength+1) + "/", "over the maximum"},
		{"ab* cd* ef* gh* ij* kl* mn* op* qr*", "at most 8"},
		{"/(a/", "/(a/"},
		{"/", "expected '/' to close this regular expression"},
		{strings.Repeat("coffee ", MaxClauses+1), "at most 64"},
	} {
		t.Run(c.q, func(t *testing.T) {
			_, err := x.Search(context.Background(), Request{Query: c.q, Limit: 5})
			if !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Search(%q) error = %v, want ErrBadQuery saying %q", c.q, err, c.want)
			}
		})
	}
	// bleve's query-string lexer could not read a /regexp/ starting with
	// ^; newsdex's parser reads it, and a leading ^ is dropped as bleve
	// does (a pattern always matches whole terms: pattern.go).
	if _, err := x.Search(context.Background(), Request{Query: "/^ab.*/", Limit: 5}); err != nil {
		t.Errorf("Search(%q) error = %v, want none", "/^ab.*/", err)
	}
}

func TestGuardDeepPaging(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	_, err := x.Search(context.Background(), Request{Query: "coffee", Offset: MaxWindow, Limit: 10})
	if !errors.Is(err, ErrBadQuery) {
		t.Errorf("Search(offset %d) error = %v, want ErrBadQuery", MaxWindow, err)
	}
	for _, off := range []int{math.MaxInt, math.MaxInt - 5} {
		_, err = x.Search(context.Background(), Request{Query: "coffee", Offset: off, Limit: 10})
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(offset %d) error = %v, want ErrBadQuery", off, err)
		}
		_, err = x.SearchQuotes(context.Background(), Request{Offset: off, Limit: 10})
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("SearchQuotes(offset %d) error = %v, want ErrBadQuery", off, err)
		}
	}
	_, err = x.Search(context.Background(), Request{Limit: MaxLimit + 1})
	if !errors.Is(err, ErrBadQuery) {
		t.Errorf("Search(limit %d) error = %v, want ErrBadQuery", MaxLimit+1, err)
	}
}

// TestPathologicalQueries runs the costliest queries the guards let
// through, and some they stop, over a few thousand articles with a large
// dictionary: each must answer (hits or ErrBadQuery) within a second.
func TestPathologicalQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 3,000-article index")
	}
	x, err := NewMemory(Options{Labeler: fakeLabeler{}})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	putAll(t, x, wideArticles(3000, 7), 500)

	for _, q := range []string{
		"/.*/",
		"/.*a.*e.*i.*/",
		"/[a-z]+/ /[a-z]+q/ /[a-z]*z[a-z]*/",
		"/(a|b|c|d|e)*(f|g)+.{0,20}/",
		"/.{2,8}/",
		"a*",
		"z*",
		"qz*",
		"abcdefgh~2",
		"tax~2 bank~2 oil~2 vote~2",
		"date:>\"1900-01-01\"",
		"date:<\"2200-01-01\" date:>\"1970-01-01\"",
		"quotes:>=0",
		"quotes:>-1e300",
		`"coffee prices" +(bank~1 rates) -frost`,
		strings.Repeat("coffee bank ", MaxClauses/2),
	} {
		t.Run(q[:min(len(q), 40)], func(t *testing.T) {
			start := time.Now()
			res, err := x.Search(context.Background(), Request{Query: q, Limit: 20, Sort: SortDateDesc})
			took := time.Since(start)
			if err != nil && !errors.Is(err, ErrBadQuery) {
				t.Fatalf("Search(%q) error = %v, want hits or ErrBadQuery", q, err)
			}
			if took > time.Second {
				t.Errorf("Search(%q) took %v, want under 1s", q, took)
			}
			total := "-"
			if res != nil {
				total = fmt.Sprint(res.Total)
			}
			t.Logf("%-50.50q %8v total %s err %v", q, took.Round(time.Millisecond), total, err)
		})
	}
}

func TestSearchHasDeadline(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Search(ctx, Request{Query: "coffee", Limit: 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("Search(cancelled) error = %v, want context.Canceled", err)
	}
	dl, cancel2 := withDeadline(context.Background())
	defer cancel2()
	if d, ok := dl.Deadline(); !ok || time.Until(d) > DefaultTimeout {
		t.Errorf("withDeadline: deadline %v, %v; want within %v", d, ok, DefaultTimeout)
	}
}
