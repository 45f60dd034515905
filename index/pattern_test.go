package index

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/index/scorch"

	contract "github.com/newsdex/newsdex/internal/search"
)

// TestLazyDFAMatchesGoRegexp compares the lazy automaton with Go's regexp
// package, anchored at both ends, on terms of several scripts. (Terms are
// analyzer output, always UTF-8; a byte that is not matches nothing, as in
// vellum.)
func TestLazyDFAMatchesGoRegexp(t *testing.T) {
	terms := []string{"", "a", "ab", "abc", "coffee", "cofee", "café", "caf", "naïve", "ñandú", "日本", "日本語",
		"x", "xx", "axb", "aaab", "bbba", "über", "Über", "a\nb", "12", "2025", "ab12", "zzzz"}
	for _, p := range []string{`a`, `a.*`, `.*b`, `[a-c]+`, `caf.`, `(?i)über`, `\p{L}+`, `\p{Han}{2}`, `a?b?c?`,
		`(a|b)*c`, `.{0,3}x.{0,3}`, `[^a]+`, `co(f|ff)ee`, `\d+`, `ab\d*`, `(?i)ÜBER|ab`, `.`, `.*`, `a{2,3}b`, `(?s).*`} {
		pq, err := compilePattern(p, "/"+p+"/")
		if err != nil {
			t.Fatalf("compilePattern(%q): %v", p, err)
		}
		re := regexp.MustCompile(`^(?:` + p + `)$`)
		d := newLazyDFA(context.Background(), pq.prog)
		for _, term := range terms {
			if got, want := d.matches(term), re.MatchString(term); got != want {
				t.Errorf("/%s/ on %q = %v, want %v", p, term, got, want)
			}
		}
	}
}

// TestPatternMatchesBleve checks that a pattern expands to the terms
// bleve's own regexp automaton (vellum) finds in the same dictionary.
func TestPatternMatchesBleve(t *testing.T) {
	x := mustMemory(t, wideArticles(300, 3))
	ix, err := x.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ix.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	snap := r.(*scorch.IndexSnapshot)
	for _, p := range []string{`a.*`, `[a-c][d-f].*`, `.*q`, `co.fee`, `q.{0,3}`, `.{2}q`, `(?i)A[b-z]+`, `zz.*|qq.*`} {
		for _, field := range []string{FieldBody, FieldTitle} {
			pq, err := compilePattern(p, "/"+p+"/")
			if err != nil {
				t.Fatal(err)
			}
			got, err := pq.expand(context.Background(), snap, field)
			if err != nil {
				t.Fatalf("/%s/ in %s: %v", p, field, err)
			}
			fd, err := snap.FieldDictRegexp(field, p)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for de, err := fd.Next(); de != nil || err != nil; de, err = fd.Next() {
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, de.Term)
			}
			fd.Close()
			slices.Sort(got)
			slices.Sort(want)
			want = slices.Compact(want)
			if !slices.Equal(got, want) {
				t.Errorf("/%s/ in %s: %d terms, bleve finds %d", p, field, len(got), len(want))
			}
		}
	}
}

// TestPatternBounds: patterns whose automaton vellum would build in full
// (seconds and tens of megabytes each, before any deadline) answer, or are
// refused, at once.
func TestPatternBounds(t *testing.T) {
	x := mustMemory(t, wideArticles(1000, 5))
	for _, c := range []struct{ q, refused string }{
		{"/.{0,1000}x.{0,1000}/", "too complex"},
		{"/(.{0,100}){0,100}/", "invalid repeat count"},
		{"/(ab|cd){0,1000}/", "too complex"},
		{"/.{0,100}x.{0,100}/", "too many terms"},
		{"/qz.{0,100}x.{0,100}/", ""},
		{"/[ab]*a[ab]{20}/", ""},
		{"/.*a.{20}/", ""},
		{`/\p{L}{0,20}/`, "too many terms"},
		{"/(.*a){20}/", ""},
		{"a" + strings.Repeat("?", 60) + "*", ""},
		{"/a.b/ /ab.*/", ""},
		{"/ab$/", "zero width assertions"},
		{`/\bab/`, "word boundaries"},
		{"/a+?/", "lazy quantifiers"},
	} {
		t.Run(c.q, func(t *testing.T) {
			start := time.Now()
			_, err := x.Search(context.Background(), contract.Request{Query: c.q, Limit: 10})
			took := time.Since(start)
			switch {
			case c.refused == "" && err != nil:
				t.Errorf("Search(%q) error = %v, want hits", c.q, err)
			case c.refused != "" && (!errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), c.refused)):
				t.Errorf("Search(%q) error = %v, want ErrBadQuery saying %q", c.q, err, c.refused)
			}
			if took > time.Second {
				t.Errorf("Search(%q) took %v, want under 1s", c.q, took)
			}
		})
	}
}

// TestPatternDeadline: an expansion stops when its context ends.
func TestPatternDeadline(t *testing.T) {
	x := mustMemory(t, wideArticles(300, 5))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, q := range []string{"/.{0,100}x.{0,100}/", "a*"} {
		if _, err := x.Search(ctx, contract.Request{Query: q, Limit: 10}); !errors.Is(err, context.Canceled) {
			t.Errorf("Search(cancelled, %q) error = %v, want context.Canceled", q, err)
		}
	}
	pq, err := compilePattern(".*", "/.*/")
	if err != nil {
		t.Fatal(err)
	}
	ix, _ := x.bi.Advanced()
	r, _ := ix.Reader()
	defer r.Close()
	if _, err := pq.expand(ctx, r, FieldBody); !errors.Is(err, context.Canceled) {
		t.Errorf("expand(cancelled) error = %v, want context.Canceled", err)
	}
}

// FuzzPattern compares the lazy automaton with Go's regexp package on any
// pattern newsdex accepts and any UTF-8 term.
func FuzzPattern(f *testing.F) {
	for _, s := range [][2]string{{"a.*", "abc"}, {`(?i)über`, "ÜBER"}, {`\p{L}{2,3}`, "日本語"}, {"[^a]+", "bbb"},
		{".{0,3}x", "abx"}, {"(a|b)*c", "ababc"}, {"^ab", "ab"}, {"(?s).", "\n"}, {"x*", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, p, term string) {
		if !utf8.ValidString(term) || len(p) > maxPatternLength {
			return
		}
		pq, err := compilePattern(p, "/"+p+"/")
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("compilePattern(%q) error = %v, want ErrBadQuery", p, err)
			}
			return
		}
		re, err := regexp.Compile(`^(?:` + strings.TrimPrefix(p, "^") + `)$`)
		if err != nil {
			t.Fatalf("compilePattern(%q) accepted what regexp refuses: %v", p, err)
		}
		d := newLazyDFA(context.Background(), pq.prog)
		got, want := d.matches(term), re.MatchString(term)
		if d.err != nil {
			if !errors.Is(d.err, ErrBadQuery) {
				t.Fatalf("/%s/ on %q: %v", p, term, d.err)
			}
			return
		}
		if got != want {
			t.Errorf("/%s/ on %q = %v, want %v", p, term, got, want)
		}
	})
}
