package web

import (
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
)

// TestRequestsAnsweredInOwnWords: requests that Go's URL parser or
// bleve's query parser stumble on get a 400 in newsdex's words.
func TestRequestsAnsweredInOwnWords(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	for _, c := range []struct{ target, want string }{
		{"/api/search?q=coffee;limit=5", "a ; must be escaped"},
		{"/?q=coffee;limit=5", "a ; must be escaped"},
		{"/api/quotes?q=a%zz", "escape %"},
		{"/api/stats?;", "takes no parameters"},
		{"/api/search?q=/", "expected '/' to close this regular expression"},
	} {
		t.Run(c.target, func(t *testing.T) {
			body := mustGet(t, h, c.target, http.StatusBadRequest)
			mustContain(t, c.target, body, c.want)
			mustNotContain(t, c.target, body, "runtime error", "slice bounds")
		})
	}
	// bleve's lexer could not read a /regexp/ starting with ^; newsdex's
	// query parser (internal/search/query) reads it.
	mustGet(t, h, "/api/search?q=%2F%5Eab%2F", http.StatusOK)
}

// TestAPIHidesServerPaths: neither /api/stats nor /api/articles tells
// where the server keeps its index or its input files.
func TestAPIHidesServerPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := index.Open(dir, index.Options{Labeler: fakeLabeler{}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	arts := []*article.Article{
		{ID: "abs", File: "/home/researcher/private/wire.txt", Title: "Coffee", Body: "Coffee prices rose.", Date: day("2025-01-02")},
		{ID: "rel", File: "corpus/wire.txt", Title: "Tea", Body: "Tea prices fell.", Date: day("2025-01-03")},
	}
	if err := ix.Put(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	h := mustHandler(t, ix)
	body := mustGet(t, h, "/api/stats", http.StatusOK)
	mustNotContain(t, "/api/stats", body, dir, filepath.Dir(dir))
	body = mustGet(t, h, "/api/articles/abs", http.StatusOK)
	mustContain(t, "/api/articles/abs", body, `"file": "wire.txt"`)
	mustNotContain(t, "/api/articles/abs", body, "/home/researcher")
	body = mustGet(t, h, "/api/articles/rel", http.StatusOK)
	mustContain(t, "/api/articles/rel", body, `"file": "corpus/wire.txt"`)
}

// TestDotIDs: articles whose IDs are "." and ".." get links that survive
// a browser's path resolution, and those links answer.
func TestDotIDs(t *testing.T) {
	ix, err := index.NewMemory(index.Options{Labeler: fakeLabeler{}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	arts := []*article.Article{
		{ID: ".", Title: "Dot coffee", Body: "Coffee from the dot desk.", Date: day("2025-01-02")},
		{ID: "..", Title: "Dotdot coffee", Body: "Coffee from the dotdot desk.", Date: day("2025-01-03")},
	}
	if err := ix.Put(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	h := mustHandler(t, ix)
	body := mustGet(t, h, "/?q=coffee", http.StatusOK)
	for _, a := range arts {
		href := "/articles/?id=" + url.QueryEscape(a.ID)
		if !hasHref(body, href) {
			t.Errorf("search page lacks a link %q for article %q: %v", href, a.ID, hrefs(body))
		}
		// A browser resolves the link against the page before asking.
		u, _ := url.Parse("http://x/?q=coffee")
		ref, _ := url.Parse(href)
		page := mustGet(t, h, u.ResolveReference(ref).RequestURI(), http.StatusOK)
		mustContain(t, href, page, a.Title)
		api := mustGet(t, h, "/api/articles/?id="+url.QueryEscape(a.ID), http.StatusOK)
		mustContain(t, "API "+a.ID, api, `"title": "`+a.Title+`"`)
	}
	mustGet(t, h, "/articles/?id=x", http.StatusNotFound)
}

// TestDatesOutOfRange: date bounds the index cannot range over are
// clamped, and an article dated 1500 breaks neither the page nor its
// histogram.
func TestDatesOutOfRange(t *testing.T) {
	ix, err := index.NewMemory(index.Options{Labeler: fakeLabeler{}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	arts := []*article.Article{
		{ID: "old", Title: "Old coffee", Body: "Coffee in the old port.", Date: day("1500-03-01")},
		{ID: "new", Title: "New coffee", Body: "Coffee prices rose.", Date: day("2025-01-18")},
	}
	if err := ix.Put(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	h := mustHandler(t, ix)
	for _, target := range []string{"/api/search?q=coffee&to=2262", "/api/search?q=coffee&from=1500", "/api/search?to=9999",
		"/?q=coffee&from=1500&to=9999", "/api/quotes?from=1000", "/?sort=date"} {
		body := mustGet(t, h, target, http.StatusOK)
		mustNotContain(t, target, body, "1500-03")
	}
	mustGet(t, h, "/?from=1500-03&to=1500-03", http.StatusOK) // an old histogram link
	body := mustGet(t, h, "/api/search?q=coffee&from=1500&to=9999", http.StatusOK)
	mustContain(t, "from=1500", body, `"total": 1`)
	body = mustGet(t, h, "/?q=coffee", http.StatusOK)
	for _, href := range hrefs(body) {
		if strings.Contains(href, "from=") {
			mustGet(t, h, href, http.StatusOK)
		}
	}
}
