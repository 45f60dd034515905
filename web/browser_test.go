package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The browser test drives headless Chromium through the pages as a reader
// would: search, follow a facet, open an article, read the quotes, at
// desktop and phone width. It saves screenshots in $NEWSDEX_SCREENSHOTS, or
// in a new temporary folder whose path it logs.
//
//	go test ./web -run TestBrowser -v
//
// It skips when no browser is found, unless $CI is set; then it fails.
// $NEWSDEX_CHROME names the browser when it is not on the PATH.

// findBrowser returns the path of a Chromium or Chrome binary, or "".
func findBrowser() string {
	if p := os.Getenv("NEWSDEX_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// screenshotDir returns the folder for screenshots, creating it.
func screenshotDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("NEWSDEX_SCREENSHOTS")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "newsdex-screenshots-"); err != nil {
			tb.Fatal(err)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// browser is one headless tab on the test server, with what the page wrote
// to its console.
type browser struct {
	tb   testing.TB
	ctx  context.Context
	base string
	dir  string

	mu      sync.Mutex
	console []string
}

// run runs steps with a per-step deadline, failing the test on error.
func (b *browser) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.tb.Fatalf("%s: %v", what, err)
	}
}

// eval returns the value of a JavaScript expression.
func evalIn[T any](b *browser, expr string) T {
	b.tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.tb.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// location returns the tab's URL, relative to the server.
func (b *browser) location() string {
	b.tb.Helper()
	loc := evalIn[string](b, `location.href`)
	return strings.TrimPrefix(loc, b.base)
}

// clickAndWait clicks the first element matching the CSS selector and waits
// for the page it leads to.
func (b *browser) clickAndWait(sel string) {
	b.tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel)))); err != nil {
		b.tb.Fatalf("click %s: %v", sel, err)
	}
}

// shot saves a full-page PNG screenshot as name.
func (b *browser) shot(name string) {
	b.tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.tb.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.dir, name), png, 0o644); err != nil {
		b.tb.Fatal(err)
	}
}

// text returns the text content of the first element matching sel.
func (b *browser) text(sel string) string {
	b.tb.Helper()
	return evalIn[string](b, fmt.Sprintf(`(document.querySelector(%q) || {textContent: "<none: %s>"}).textContent.trim()`, sel, sel))
}

// startBrowser starts headless Chromium on a test server for h and returns
// a tab on it. It skips the test when no browser is found, unless $CI is
// set. At cleanup it fails the test for every console message the pages
// wrote: a CSP violation, a blocked resource or a script error shows there.
func startBrowser(t *testing.T, h http.Handler) *browser {
	t.Helper()
	exe := findBrowser()
	if exe == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium found and CI is set: install chromium (apt-get install chromium) or set NEWSDEX_CHROME")
		}
		t.Skip("no Chromium found (set NEWSDEX_CHROME); skipping the browser test")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no deadline
		cancel()
		cancelAlloc()
		t.Fatalf("start %s: %v", exe, err)
	}
	b := &browser{tb: t, ctx: ctx, base: srv.URL, dir: screenshotDir(t)}
	t.Logf("screenshots in %s", b.dir)

	cctx, stopConsole := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	messages := chromedp.Console(cctx)
	go func() {
		defer wg.Done()
		for m, err := range messages {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, fmt.Sprintf("%s: %s (%s)", m.Type, m.Text, m.URL))
			b.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		stopConsole()
		wg.Wait()
		cancel()
		cancelAlloc()
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, m := range b.console {
			t.Errorf("browser console: %s", m)
		}
	})
	return b
}

func TestBrowser(t *testing.T) {
	b := startBrowser(t, mustHandler(t, mustIndex(t)))
	ctx := b.ctx

	desktop := chromedp.EmulateViewport(1280, 900)
	b.run("open /", desktop, chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	if got := b.text("#results-heading"); got != "Browse 32 articles" {
		t.Errorf("/: heading %q", got)
	}
	b.shot("01-browse-desktop.png")

	// Search: type a query and press Enter.
	ctx10, cancel10 := context.WithTimeout(ctx, 10*time.Second)
	if _, err := chromedp.Run(ctx10, chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.SendKeys(chromedp.ID("q"), "ceasefire OR coffee OR fragile\n"))); err != nil {
		t.Fatalf("search: %v", err)
	}
	cancel10()
	if loc := b.location(); !strings.HasPrefix(loc, "/?q=ceasefire+OR+coffee+OR+fragile") {
		t.Errorf("after the search, location = %s", loc)
	}
	if got := b.text("#results-heading"); got != "3 articles for “ceasefire OR coffee OR fragile”" {
		t.Errorf("search heading %q", got)
	}
	if n := evalIn[int](b, `document.querySelectorAll(".hit mark").length`); n == 0 {
		t.Errorf("search: no highlighted snippet")
	}
	b.shot("02-search-desktop.png")

	// Click the Iraq facet.
	b.clickAndWait(`.facet-country a[href*="country=IQ"]`)
	loc := b.location()
	u, err := url.Parse(loc)
	if err != nil || u.Query().Get("country") != "IQ" || u.Query().Get("q") != "ceasefire OR coffee OR fragile" {
		t.Errorf("after the facet click, location = %s", loc)
	}
	if got := b.text("#results-heading"); got != "1 article for “ceasefire OR coffee OR fragile”" {
		t.Errorf("filtered heading %q", got)
	}
	if got := b.text(".chip span"); got != "Country: Iraq" {
		t.Errorf("chip %q", got)
	}
	if got := b.text(`.facet-country a.active .count`); got != "1" {
		t.Errorf("active facet count %q, want 1", got)
	}
	b.shot("03-facet-desktop.png")

	// Sorting by date re-runs the search (app.js) and keeps the filter.
	// SetValue fires no change event: set the value and dispatch one, as a
	// user's choice would.
	ctx10, cancel10 = context.WithTimeout(ctx, 10*time.Second)
	if _, err := chromedp.Run(ctx10, chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("sort"); s.value = "-date"; s.dispatchEvent(new Event("change")); })()`))); err != nil {
		t.Fatalf("sort change: %v", err)
	}
	cancel10()
	if u, _ := url.Parse(b.location()); u.Query().Get("sort") != "-date" || u.Query().Get("country") != "IQ" {
		t.Errorf("after the sort change, location = %s", b.location())
	}

	// Open the article and check its quotes are marked.
	b.clickAndWait(`.hit-title a`)
	if loc := b.location(); loc != "/articles/ceasefire-1" {
		t.Errorf("article location = %s", loc)
	}
	if n := evalIn[int](b, `document.querySelectorAll(".article-body mark.quote").length`); n != 2 {
		t.Errorf("article: %d marked quotes, want 2", n)
	}
	if got := b.text(".article-body mark.quote"); got != "“We will not walk away from this table,”" {
		t.Errorf("first marked quote %q", got)
	}
	if got := b.text(".speaker-tag"); got != "quote by Layla Haddad" {
		t.Errorf("speaker tag %q", got)
	}
	b.shot("04-article-desktop.png")

	// Follow the speaker to the quote view.
	b.clickAndWait(`#ref-1 .attribution a[href^="/quotes?speaker="]`)
	if loc := b.location(); loc != "/quotes?speaker=Layla+Haddad" {
		t.Errorf("quotes location = %s", loc)
	}
	if got := b.text(".quote-card .speaker"); got != "Layla Haddad" {
		t.Errorf("quote card speaker %q", got)
	}
	b.run("open /quotes", chromedp.Navigate(b.base+"/quotes"), chromedp.WaitVisible(chromedp.CSS(".quote-card")))
	if n := evalIn[int](b, `document.querySelectorAll(".quote-card").length`); n != totalQuotes {
		t.Errorf("/quotes: %d cards, want %d", n, totalQuotes)
	}
	b.shot("05-quotes-desktop.png")

	// Phone width: one column, the facets below the results.
	phone := chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2))
	b.run("open / on a phone", phone, chromedp.Navigate(b.base+"/?country=IQ"), chromedp.WaitVisible(chromedp.ID("q")))
	if below := evalIn[bool](b, `document.querySelector(".facets").getBoundingClientRect().top > document.querySelector(".results").getBoundingClientRect().bottom - 1`); !below {
		t.Errorf("phone: the facets are not below the results")
	}
	if wide := evalIn[bool](b, `document.documentElement.scrollWidth > window.innerWidth`); wide {
		t.Errorf("phone: the page scrolls sideways")
	}
	b.shot("06-browse-phone.png")
	b.run("open the article on a phone", chromedp.Navigate(b.base+"/articles/ceasefire-1"), chromedp.WaitVisible(chromedp.CSS("mark.quote")))
	if wide := evalIn[bool](b, `document.documentElement.scrollWidth > window.innerWidth`); wide {
		t.Errorf("phone: the article scrolls sideways")
	}
	b.shot("07-article-phone.png")
	b.run("open /quotes on a phone", chromedp.Navigate(b.base+"/quotes"), chromedp.WaitVisible(chromedp.CSS(".quote-card")))
	b.shot("08-quotes-phone.png")

	// The hostile article renders as text and runs nothing.
	b.run("open the hostile article", desktop, chromedp.Navigate(b.base+"/articles/hostile-1"), chromedp.WaitVisible(chromedp.ID("article-title")))
	if got := b.text("#article-title"); got != hostileTitle {
		t.Errorf("hostile title shows as %q", got)
	}
	if n := evalIn[int](b, `document.querySelectorAll("script:not([src]), .article-body img, .article-body b, svg[onload]").length`); n != 0 {
		t.Errorf("hostile article: %d injected elements", n)
	}
	b.shot("09-hostile-desktop.png")

}
