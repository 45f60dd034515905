package web

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/newsdex/newsdex/internal/demo"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

// TestBrowserDemo walks the embedded demo corpus as `newsdex serve --demo`
// serves it: browse, search, click a country facet and check the URL and
// the counts, open an article, read its quotes, then the quote view.
func TestBrowserDemo(t *testing.T) {
	ix, err := demo.Index(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	total, err := ix.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(Options{Searcher: ix, Labeler: gazetteer.Default()})
	if err != nil {
		t.Fatal(err)
	}
	b := startBrowser(t, h)

	b.run("open /", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	if got, want := b.text("#results-heading"), fmt.Sprintf("Browse %d articles", total.Articles); got != want {
		t.Errorf("/: heading %q, want %q", got, want)
	}
	b.shot("demo-01-browse.png")

	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.SendKeys(chromedp.ID("q"), "coffee\n"))); err != nil {
		t.Fatalf("search: %v", err)
	}
	cancel()
	if loc := b.location(); !strings.HasPrefix(loc, "/?q=coffee") {
		t.Errorf("after the search, location = %s", loc)
	}
	heading := b.text("#results-heading")
	if !strings.HasSuffix(heading, "for “coffee”") {
		t.Fatalf("search heading %q", heading)
	}
	if n := evalIn[int](b, `document.querySelectorAll(".hit mark").length`); n == 0 {
		t.Errorf("search: no highlighted snippet")
	}
	b.shot("demo-02-search.png")

	// The first country facet: its count must become the number of hits.
	href := evalIn[string](b, `document.querySelector(".facet-country a").getAttribute("href")`)
	count, err := strconv.Atoi(b.text(".facet-country a .count"))
	if err != nil {
		t.Fatalf("country facet count: %v", err)
	}
	fu, _ := url.Parse(href)
	code := fu.Query().Get("country")
	b.clickAndWait(".facet-country a")
	u, err := url.Parse(b.location())
	if err != nil || u.Query().Get("country") != code || u.Query().Get("q") != "coffee" {
		t.Errorf("after clicking country %s, location = %s", code, b.location())
	}
	want := fmt.Sprintf("%d article", count)
	if got := b.text("#results-heading"); !strings.HasPrefix(got, want) {
		t.Errorf("after the facet click: heading %q, want it to start %q", got, want)
	}
	if n := evalIn[int](b, `document.querySelectorAll(".hit").length`); n != min(count, 10) {
		t.Errorf("after the facet click: %d hits on the page, want %d", n, min(count, 10))
	}
	b.shot("demo-03-facet.png")

	b.clickAndWait(`.hit-title a`)
	if loc := b.location(); !strings.HasPrefix(loc, "/articles/") {
		t.Errorf("article location = %s", loc)
	}
	if n := evalIn[int](b, `document.querySelectorAll(".article-body mark.quote").length`); n == 0 {
		t.Errorf("article: no marked quotes")
	}
	b.shot("demo-04-article.png")

	b.run("open /quotes", chromedp.Navigate(b.base+"/quotes?q=coffee"), chromedp.WaitVisible(chromedp.CSS(".quote-card")))
	if n := evalIn[int](b, `document.querySelectorAll(".quote-card").length`); n == 0 {
		t.Errorf("/quotes?q=coffee: no quote cards")
	}
	b.shot("demo-05-quotes.png")
}
