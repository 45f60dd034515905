package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/search"
)

// fakeLabeler knows the few countries and regions of the test articles.
type fakeLabeler struct{}

var testCountries = map[string]string{
	"IQ": "Iraq", "SY": "Syria", "BR": "Brazil", "KE": "Kenya", "FR": "France",
}

var testRegions = []string{"Western Asia", "Middle East", "Asia", "South America", "Americas", "Eastern Africa", "Africa", "Western Europe", "Europe"}

func (fakeLabeler) CountryCode(s string) (string, bool) {
	for code, name := range testCountries {
		if strings.EqualFold(s, code) || strings.EqualFold(s, name) {
			return code, true
		}
	}
	return "", false
}

func (fakeLabeler) CountryName(code string) string { return testCountries[strings.ToUpper(code)] }

func (fakeLabeler) RegionName(s string) (string, bool) {
	for _, r := range testRegions {
		if strings.EqualFold(s, r) {
			return r, true
		}
	}
	return "", false
}

// addQuote appends a quote of text, found in a's body, with its code-point
// offsets.
func addQuote(tb testing.TB, a *article.Article, text, speaker, cue string) {
	tb.Helper()
	i := strings.Index(a.Body, text)
	if i < 0 {
		tb.Fatalf("quote %q not in the body of %s", text, a.ID)
	}
	start := utf8.RuneCountInString(a.Body[:i])
	a.Quotes = append(a.Quotes, article.Quote{
		Text: text, Speaker: speaker, SpeakerNamed: speaker != "", Cue: cue,
		Start: start, End: start + utf8.RuneCountInString(text), Confidence: 0.9,
	})
	if speaker != "" && !containsFold(a.Speakers, speaker) {
		a.Speakers = append(a.Speakers, speaker)
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Raw payloads of the hostile article and query: none may reach a page
// unescaped.
const (
	hostileTitle   = `<script>alert("title")</script> Tom & Jerry's "news"`
	hostileSource  = `<img src=x onerror=alert('source')>`
	hostileSpeaker = `Evil <i>"Speaker"</i> & Co`
	hostileActor   = `<svg onload=alert('actor')>`
	hostileQuote   = `<b>Burn</b> & "run" it all`
)

var hostilePayloads = []string{
	`<script>alert(`, `<img src=x`, `<svg onload`, `<b>Burn`, `<i>"Speaker"`, `<u>said`,
}

// testArticles is the hand-written test corpus: three news stories with
// quotes (one with accented text before its quote, so that code points and
// bytes differ), one hostile article, one whose ID is a URL, and a run of
// market reports over 27 months for pagination and the histogram.
func testArticles(tb testing.TB) []*article.Article {
	tb.Helper()
	ceasefire := &article.Article{
		ID: "ceasefire-1", Title: "Ceasefire talks resume in Baghdad", Source: "Wire Global", Lang: "en",
		Byline: "Sara Lind", URL: "https://wire.example/ceasefire", Date: day("2025-01-14"),
		Body: "Délégués from Iraq and Syria met in Baghdad on Tuesday — the first such meeting in a year.\n\n" +
			"“We will not walk away from this table,” Foreign Minister Layla Haddad said after the session.\n\n" +
			"A United Nations envoy, Marc Olsen, told reporters: “The ceasefire holds, but it is fragile.”",
		Countries: []article.Country{{Code: "IQ", Name: "Iraq", Mentions: 3}, {Code: "SY", Name: "Syria", Mentions: 1}},
		Regions:   []string{"Western Asia", "Middle East"},
		Actors: []article.Actor{
			{Name: "Layla Haddad", Type: article.Person, Mentions: 2},
			{Name: "United Nations", Type: article.Organization, Mentions: 1},
			{Name: "Marc Olsen", Type: article.Person, Mentions: 1},
		},
	}
	addQuote(tb, ceasefire, "We will not walk away from this table,", "Layla Haddad", "said")
	addQuote(tb, ceasefire, "The ceasefire holds, but it is fragile.", "Marc Olsen", "told reporters")
	ceasefire.Quotes[0].SpeakerTitle = "Foreign Minister"

	coffee := &article.Article{
		ID: "coffee-1", Title: "Coffee harvest falls in Brazil", Source: "Daily Ledger", Date: day("2024-06-03"),
		Body: "Brazil's coffee harvest fell by a fifth this year after a dry winter in Minas Gerais.\n\n" +
			"“Nobody here has seen a season like it,” said João Pereira, who farms near Varginha.",
		Countries: []article.Country{{Code: "BR", Name: "Brazil", Mentions: 2}},
		Regions:   []string{"South America", "Americas"},
		Actors:    []article.Actor{{Name: "João Pereira", Type: article.Person, Mentions: 1}},
	}
	addQuote(tb, coffee, "Nobody here has seen a season like it,", "João Pereira", "said")

	drought := &article.Article{
		ID: "drought-1", Title: "Drought deepens in northern Kenya", Source: "Wire Global", Lang: "en", Date: day("2025-03-02"),
		Body: "Herders in Marsabit have lost half their cattle, aid workers said, as a third rainy season failed.\n\n" +
			"“The wells are dry and the coffee farms to the south are suffering too,” said Amina Otieno of the Kenya Red Cross.",
		Countries: []article.Country{{Code: "KE", Name: "Kenya", Mentions: 2}},
		Regions:   []string{"Eastern Africa", "Africa"},
		Actors: []article.Actor{
			{Name: "Amina Otieno", Type: article.Person, Mentions: 1},
			{Name: "Kenya Red Cross", Type: article.Organization, Mentions: 1},
		},
	}
	addQuote(tb, drought, "The wells are dry and the coffee farms to the south are suffering too,", "Amina Otieno", "said")

	hostile := &article.Article{
		ID: "hostile-1", Title: hostileTitle, Source: hostileSource, Date: day("2025-02-10"),
		URL:       `javascript:alert('url')`,
		Body:      "He wrote <script>alert(\"body\")</script> & more in Baghdad.\n\n“" + hostileQuote + ",” said the speaker.",
		Countries: []article.Country{{Code: "IQ", Name: "Iraq", Mentions: 1}},
		Regions:   []string{"Western Asia"},
		Actors:    []article.Actor{{Name: hostileActor, Type: article.Person, Mentions: 1}},
	}
	addQuote(tb, hostile, hostileQuote, hostileSpeaker, `<u>said</u>`)

	slashed := &article.Article{
		ID: "https://news.example/2025/02/paris-summit?id=7&x=%41", Title: "Paris summit ends without a deal",
		Source: "Daily Ledger", Date: day("2025-02-20"),
		Body:      "Ministers left Paris on Friday without agreeing on a text.",
		Countries: []article.Country{{Code: "FR", Name: "France", Mentions: 2}},
		Regions:   []string{"Western Europe", "Europe"},
	}

	arts := []*article.Article{ceasefire, coffee, drought, hostile, slashed}
	// 27 market reports about Iraq, one a month from 2023-01 to 2025-03.
	for i := range 27 {
		d := time.Date(2023, time.January+time.Month(i), 5, 0, 0, 0, 0, time.UTC)
		arts = append(arts, &article.Article{
			ID:     fmt.Sprintf("market-%02d", i+1),
			Title:  fmt.Sprintf("Oil market report %d", i+1),
			Source: "Oil Desk", Date: d,
			Body:      fmt.Sprintf("Iraqi crude exports stood at %d thousand barrels a day in %s.", 3000+i*10, d.Format("January 2006")),
			Countries: []article.Country{{Code: "IQ", Name: "Iraq", Mentions: 1}},
			Regions:   []string{"Western Asia", "Middle East"},
		})
	}
	return arts
}

// Counts the tests rely on, from testArticles.
const (
	totalArticles = 32
	iraqArticles  = 29 // ceasefire, hostile, 27 reports
	totalQuotes   = 5
)

// mustIndex returns an in-memory index holding testArticles.
func mustIndex(tb testing.TB) *index.Index {
	tb.Helper()
	ix, err := index.NewMemory(index.Options{Labeler: fakeLabeler{}})
	if err != nil {
		tb.Fatalf("NewMemory: %v", err)
	}
	tb.Cleanup(func() { ix.Close() })
	if err := ix.Put(context.Background(), testArticles(tb)); err != nil {
		tb.Fatalf("Put: %v", err)
	}
	return ix
}

// mustHandler returns the real router over s.
func mustHandler(tb testing.TB, s search.Searcher) http.Handler {
	tb.Helper()
	h, err := New(Options{Searcher: s, Labeler: fakeLabeler{}})
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return h
}

// get runs a GET of target through h and returns the response and its body.
func get(tb testing.TB, h http.Handler, target string) (*http.Response, string) {
	tb.Helper()
	return do(tb, h, httptest.NewRequest(http.MethodGet, target, nil))
}

func do(tb testing.TB, h http.Handler, req *http.Request) (*http.Response, string) {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatalf("read body: %v", err)
	}
	return res, string(b)
}

// mustGet is get that requires a status.
func mustGet(tb testing.TB, h http.Handler, target string, status int) string {
	tb.Helper()
	res, body := get(tb, h, target)
	if res.StatusCode != status {
		tb.Fatalf("GET %s: status %d, want %d; body:\n%.2000s", target, res.StatusCode, status, body)
	}
	return body
}

// mustContain fails unless body holds every want.
func mustContain(tb testing.TB, what, body string, wants ...string) {
	tb.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			tb.Errorf("%s: missing %q", what, w)
		}
	}
}

// mustNotContain fails if body holds any of bad.
func mustNotContain(tb testing.TB, what, body string, bad ...string) {
	tb.Helper()
	for _, b := range bad {
		if strings.Contains(body, b) {
			i := strings.Index(body, b)
			tb.Errorf("%s: holds %q: …%s…", what, b, body[max(0, i-80):min(len(body), i+80)])
		}
	}
}

// facetCount returns the count shown for value in the sidebar facet name, or
// -1 when the value is not there.
func facetCount(body, name, label string) int {
	sec := regexp.MustCompile(`(?s)<section class="facet facet-` + name + `".*?</section>`).FindString(body)
	m := regexp.MustCompile(`<span class="facet-label">` + regexp.QuoteMeta(html.EscapeString(label)) + `</span>(?:<span class="visually-hidden">[^<]*</span>)? <span class="count">([0-9,]+)</span>`).FindStringSubmatch(sec)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

// hrefs returns the unescaped href values in body.
func hrefs(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

func hasHref(body, want string) bool {
	for _, h := range hrefs(body) {
		if h == want {
			return true
		}
	}
	return false
}

func TestBrowse(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	body := mustGet(t, h, "/", http.StatusOK)
	mustContain(t, "GET /", body,
		`Browse 32 articles`,
		`The index holds 32 articles, 5 quotes`,
		`<form class="search-form" action="/" method="get" role="search">`,
		`<label class="visually-hidden" for="q">Search</label>`,
		`<main id="main"`,
		`<nav class="site-nav" aria-label="Sections">`,
	)
	for _, c := range []struct {
		facet, label string
		want         int
	}{
		{"country", "Iraq", iraqArticles},
		{"country", "Brazil", 1},
		{"country", "Kenya", 1},
		{"region", "Western Asia", iraqArticles},
		{"region", "Africa", 1},
		{"speaker", "Layla Haddad", 1},
		{"actor", "United Nations", 1},
		{"source", "Oil Desk", 27},
		{"source", "Wire Global", 2},
	} {
		if got := facetCount(body, c.facet, c.label); got != c.want {
			t.Errorf("GET /: facet %s %q count = %d, want %d", c.facet, c.label, got, c.want)
		}
	}
	// Browsing sorts newest first: report 27 (2025-03-05) before the
	// drought story (2025-03-02).
	first := regexp.MustCompile(`<h2 class="hit-title"><a href="([^"]+)">`).FindStringSubmatch(body)
	if first == nil || first[1] != "/articles/market-27" {
		t.Errorf("GET /: first hit = %v, want /articles/market-27 (newest first)", first)
	}
	if !hasHref(body, "/?country=IQ") {
		t.Errorf("GET /: no facet link /?country=IQ")
	}
}

func TestSearchPage(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	body := mustGet(t, h, "/?q=ceasefire", http.StatusOK)
	mustContain(t, "GET /?q=ceasefire", body,
		`1 article for “ceasefire”`,
		`<a href="/articles/ceasefire-1">Ceasefire talks resume in Baghdad</a>`,
		`<time datetime="2025-01-14">2025-01-14</time>`,
		`<mark>ceasefire</mark>`,
		`value="ceasefire"`,
		`<a href="/?q=ceasefire&amp;country=IQ">Iraq</a>`,
		`<a href="/?q=ceasefire&amp;speaker=Layla&#43;Haddad">Layla Haddad</a>`,
		`<a class="source" href="/?q=ceasefire&amp;source=Wire&#43;Global">Wire Global</a>`,
		`href="/api/search?q=ceasefire"`,
		`href="/quotes?q=ceasefire"`,
	)
	if got := facetCount(body, "country", "Syria"); got != 1 {
		t.Errorf("facet country Syria = %d, want 1", got)
	}

	// Sort options keep the query; relevance is selected for a query.
	mustContain(t, "sort", body, `<option value="relevance" selected>Relevance</option>`)
	body = mustGet(t, h, "/?q=coffee&sort=-date", http.StatusOK)
	mustContain(t, "GET /?q=coffee&sort=-date", body, `<option value="-date" selected>Newest first</option>`, `2 articles for “coffee”`)
	i, j := strings.Index(body, "/articles/drought-1"), strings.Index(body, "/articles/coffee-1")
	if i < 0 || j < 0 || i > j {
		t.Errorf("sort=-date: drought (2025) should come before coffee (2024): %d, %d", i, j)
	}

	body = mustGet(t, h, "/?q=zzzxqy", http.StatusOK)
	mustContain(t, "no hits", body, "0 articles for “zzzxqy”", "No articles match.")
}

func TestFilterChipsAndFacets(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	body := mustGet(t, h, "/?country=iraq&source=Wire+Global", http.StatusOK)
	mustContain(t, "filtered", body,
		`Browse 1 article`,
		`<span>Country: Iraq</span><a class="chip-remove" href="/?source=Wire&#43;Global" aria-label="Remove filter Country: Iraq"`,
		`<span>Source: Wire Global</span><a class="chip-remove" href="/?country=IQ" aria-label="Remove filter Source: Wire Global"`,
		`<a class="clear-all" href="/">Clear all</a>`,
		// The filters ride along as hidden fields of the search form.
		`<input type="hidden" name="country" value="IQ">`,
		`<input type="hidden" name="source" value="Wire Global">`,
	)
	// The active value comes first, marked, and links to its removal.
	mustContain(t, "active facet", body,
		`<li><a href="/?source=Wire&#43;Global" class="active" aria-current="true" title="Remove this filter"><span class="facet-label">Iraq</span>`)
	if got := facetCount(body, "country", "Iraq"); got != 1 {
		t.Errorf("facet Iraq under the filter = %d, want 1", got)
	}
	if got := facetCount(body, "country", "Kenya"); got != -1 {
		t.Errorf("facet Kenya under the filter = %d, want absent", got)
	}
	// The language filter and facet.
	body = mustGet(t, h, "/?lang=EN", http.StatusOK)
	mustContain(t, "lang=EN", body, `Browse 2 articles`, `<span>Language: EN</span>`)
	if got := facetCount(body, "lang", "en"); got != 2 {
		t.Errorf("facet lang en = %d, want 2", got)
	}
	// Repeated values are alternatives.
	body = mustGet(t, h, "/?country=BR&country=KE", http.StatusOK)
	mustContain(t, "country=BR&country=KE", body, `Browse 2 articles`, `Country: Brazil`, `Country: Kenya`)

	// A date range filters and shows as chips.
	body = mustGet(t, h, "/?from=2025-01&to=2025-02", http.StatusOK)
	// 2025-01: ceasefire, market-25; 2025-02: hostile, slashed, market-26.
	mustContain(t, "from/to", body, `Browse 5 articles`, `<span>From: 2025-01</span>`, `<span>To: 2025-02</span>`)
}

func TestPagination(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	body := mustGet(t, h, "/?country=IQ&limit=5", http.StatusOK)
	mustContain(t, "page 1", body,
		`Showing 1–5.`,
		`<nav class="pagination" aria-label="Pages">`,
		`<a href="/?country=IQ&amp;limit=5" aria-current="page" aria-label="Page 1, current page">1</a>`,
		`<a href="/?country=IQ&amp;limit=5&amp;offset=5" rel="next">Next ›</a>`,
		`<a href="/?country=IQ&amp;limit=5&amp;offset=25" aria-label="Page 6">6</a>`,
	)
	mustNotContain(t, "page 1", body, `rel="prev"`)
	if n := strings.Count(body, `<li class="hit">`); n != 5 {
		t.Errorf("page 1 shows %d hits, want 5", n)
	}

	body = mustGet(t, h, "/?country=IQ&limit=5&offset=15", http.StatusOK)
	mustContain(t, "page 4", body,
		`Showing 16–20.`,
		`<a href="/?country=IQ&amp;limit=5&amp;offset=10" rel="prev">‹ Previous</a>`,
		`aria-current="page" aria-label="Page 4, current page">4</a>`,
	)
	mustNotContain(t, "page 4", body, `class="gap"`) // 1 2 3 [4] 5 6

	// The last page has no next link.
	body = mustGet(t, h, "/?country=IQ&limit=5&offset=25", http.StatusOK)
	mustContain(t, "last page", body, `Showing 26–29.`, `aria-label="Page 6, current page">6</a>`)
	mustNotContain(t, "last page", body, `rel="next"`)
}

func TestPaginate(t *testing.T) {
	for _, c := range []struct {
		offset, limit int
		total         uint64
		window        int
		want          string // page numbers, "…" for gaps, * on the current one; then prev/next offsets
	}{
		{0, 10, 5, 10000, ""},
		{0, 10, 35, 10000, "*1 2 3 4 prev=- next=10"},
		{40, 10, 200, 10000, "1 … 3 4 *5 6 7 … 20 prev=30 next=50"},
		{190, 10, 200, 10000, "1 … 18 19 *20 prev=180 next=-"},
		{0, 10, 1_000_000, 10000, "*1 2 3 … 1000 prev=- next=10"},
		{9980, 10, 1_000_000, 10000, "1 … 997 998 *999 1000 prev=9970 next=9990"},
		{9990, 10, 1_000_000, 10000, "1 … 998 999 *1000 prev=9980 next=-"},
	} {
		p := &params{Filters: map[string][]string{}, Offset: c.offset, Limit: c.limit}
		_, _, pg := paginate(p, c.total, c.limit, "/", c.window)
		got := ""
		if pg != nil {
			var parts []string
			for _, l := range pg.Pages {
				switch {
				case l.Gap:
					parts = append(parts, "…")
				case l.Current:
					parts = append(parts, "*"+strconv.Itoa(l.Number))
				default:
					parts = append(parts, strconv.Itoa(l.Number))
				}
			}
			off := func(link string) string {
				if link == "" {
					return "-"
				}
				u, _ := url.Parse(link)
				if o := u.Query().Get("offset"); o != "" {
					return o
				}
				return "0"
			}
			got = strings.Join(parts, " ") + " prev=" + off(pg.Prev) + " next=" + off(pg.Next)
		}
		if got != c.want {
			t.Errorf("paginate(offset %d, limit %d, total %d) = %q, want %q", c.offset, c.limit, c.total, got, c.want)
		}
	}
}

func TestHistogram(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	body := mustGet(t, h, "/?country=IQ", http.StatusOK)
	fig := regexp.MustCompile(`(?s)<figure class="histogram">.*?</figure>`).FindString(body)
	if fig == "" {
		t.Fatalf("GET /?country=IQ: no histogram")
	}
	// 27 months from 2023-01 to 2025-03, every one with a report.
	if n := strings.Count(fig, `<rect class="bar`); n != 27 {
		t.Errorf("histogram has %d bars, want 27", n)
	}
	if n := strings.Count(fig, `<rect class="bar-empty"`); n != 0 {
		t.Errorf("histogram has %d empty bars, want 0", n)
	}
	mustContain(t, "histogram", fig,
		`Hits by month`,
		`<svg viewBox="0 0 270 100"`,
		`aria-label="Hits by month from 2023-01 to 2025-03; the most, 2, in 2025-01."`,
		`<a href="/?country=IQ&amp;from=2025-01&amp;to=2025-01" aria-label="2025-01: 2 hits">`,
		`<a href="/?country=IQ&amp;from=2023-01&amp;to=2023-01" aria-label="2023-01: 1 hit">`,
		`<span>2023-01</span><span>2025-03</span>`,
	)
	// Following a bar narrows to its month and marks it.
	body = mustGet(t, h, "/?country=IQ&from=2025-01&to=2025-01", http.StatusOK)
	mustContain(t, "narrowed", body, `Browse 2 articles`, `<rect class="bar active"`, `<a href="/?country=IQ">All dates</a>`)
}

func TestHistogramUnits(t *testing.T) {
	p := &params{Filters: map[string][]string{}}
	for _, c := range []struct {
		name   string
		values []search.FacetValue
		want   string // unit, first..last period (bars), then label:count of each non-empty bar
	}{
		{"months padded to 24, before the data: the axis ends at it", []search.FacetValue{{Value: "2024-11", Count: 2}, {Value: "2025-02", Count: 5}},
			"month 2023-03..2025-02 (24) 2024-11:2 2025-02:5"},
		{"60 months stay months", []search.FacetValue{{Value: "2020-01", Count: 1}, {Value: "2024-12", Count: 3}},
			"month 2020-01..2024-12 (60) 2020-01:1 2024-12:3"},
		{"years past 60 months, padded to 12", []search.FacetValue{{Value: "2015-05", Count: 1}, {Value: "2015-09", Count: 2}, {Value: "2022-06", Count: 4}},
			"year 2011..2022 (12) 2015:3 2022:4"},
		{"missing and junk ignored", []search.FacetValue{{Value: "missing", Count: 9}, {Value: "2025-01", Count: 1}, {Value: "2025-13", Count: 1}},
			"month 2023-02..2025-01 (24) 2025-01:1"},
		{"nothing", []search.FacetValue{{Value: "missing", Count: 3}}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := histogram(c.values, p, "/")
			got := ""
			if h != nil {
				parts := []string{fmt.Sprintf("%s %s..%s (%d)", h.Unit, h.FirstLabel, h.LastLabel, len(h.Bars))}
				for _, b := range h.Bars {
					if b.Count > 0 {
						parts = append(parts, fmt.Sprintf("%s:%d", b.Label, b.Count))
					}
					if (b.Count > 0) != (b.Href != "") {
						t.Errorf("bar %s: count %d, href %q", b.Label, b.Count, b.Href)
					}
				}
				got = strings.Join(parts, " ")
			}
			if got != c.want {
				t.Errorf("histogram(%v) = %q, want %q", c.values, got, c.want)
			}
		})
	}
}

func TestQuotesPage(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	body := mustGet(t, h, "/quotes", http.StatusOK)
	mustContain(t, "GET /quotes", body,
		`5 quotes`,
		`<strong class="speaker">Layla Haddad</strong>, Foreign Minister <span class="cue">(said)</span>`,
		`We will not walk away from this table,`,
		`<a class="article-link" href="/articles/ceasefire-1">Ceasefire talks resume in Baghdad</a>`,
		`<a href="/quotes?speaker=Layla&#43;Haddad">More quotes by Layla Haddad</a>`,
		`<a href="/quotes?country=IQ">Iraq</a>`,
		`href="/api/quotes"`,
	)
	mustNotContain(t, "GET /quotes", body, `facet-actor`) // quotes carry no actors
	if got := facetCount(body, "speaker", "Marc Olsen"); got != 1 {
		t.Errorf("quotes facet speaker Marc Olsen = %d, want 1", got)
	}
	if got := facetCount(body, "country", "Iraq"); got != 3 {
		t.Errorf("quotes facet country Iraq = %d, want 3", got)
	}

	body = mustGet(t, h, "/quotes?q=coffee", http.StatusOK)
	mustContain(t, "GET /quotes?q=coffee", body, `1 quote for “coffee”`, `the <mark>coffee</mark> farms`)

	body = mustGet(t, h, "/quotes?speaker=layla+haddad", http.StatusOK)
	mustContain(t, "by speaker", body, `1 quote`, `Speaker: layla haddad`)

	// The search page links to the same search over quotes, without actors.
	body = mustGet(t, h, "/?q=fragile&actor=Marc+Olsen", http.StatusOK)
	mustContain(t, "quotes link", body, `href="/quotes?q=fragile"`)

	// Confidence: on each card, and as a filter with a chip; the articles
	// link drops it, and article searches refuse it.
	body = mustGet(t, h, "/quotes?min_confidence=0.95", http.StatusOK)
	mustContain(t, "min_confidence", body, `0 quotes`, `Confidence at least: 0.95`, `name="min_confidence" value="0.95"`, `href="/">See the articles</a>`)
	body = mustGet(t, h, "/quotes?min_confidence=0.5", http.StatusOK)
	mustContain(t, "min_confidence", body, `5 quotes`, `<span class="confidence" title="How sure the attribution is">90%</span>`)
	for _, path := range []string{"/?min_confidence=0.5", "/api/search?min_confidence=0.5"} {
		res, body := get(t, h, path)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "bad query: a minimum confidence applies to quotes, not articles") {
			t.Errorf("GET %s: status %d, body %.200s; want 400 saying it applies to quotes", path, res.StatusCode, body)
		}
	}
}

func TestArticlePage(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	body := mustGet(t, h, "/articles/ceasefire-1", http.StatusOK)
	mustContain(t, "GET /articles/ceasefire-1", body,
		`<h1 id="article-title">Ceasefire talks resume in Baghdad</h1>`,
		`<time datetime="2025-01-14">2025-01-14</time>`,
		`<a href="/?source=Wire&#43;Global">Wire Global</a>`,
		`Sara Lind`,
		`<a href="https://wire.example/ceasefire" rel="noopener noreferrer nofollow">Original</a>`,
		// The mark takes in the quotation marks around the quote, cut by
		// code points after "Délégués" and "—".
		`<mark class="quote" id="quote-1" title="Layla Haddad said">“We will not walk away from this table,”</mark><a class="speaker-tag" href="#ref-1"><span class="visually-hidden">quote by </span>Layla Haddad</a> Foreign Minister`,
		`<mark class="quote" id="quote-2" title="Marc Olsen told reporters">“The ceasefire holds, but it is fragile.”</mark>`,
		`<li id="ref-1">`,
		`<a href="/quotes?speaker=Layla&#43;Haddad">Layla Haddad</a>, Foreign Minister <span class="cue">(said)</span>`,
		`<a href="/?country=IQ">Iraq</a>`,
		`<a href="/?country=SY">Syria</a>`,
		`<a href="/?region=Western&#43;Asia">Western Asia</a>`,
		`<a href="/?actor=Layla&#43;Haddad">Layla Haddad</a>`,
		`<h2>Organisations</h2>`,
		`<a href="/?actor=United&#43;Nations">United Nations</a>`,
		`href="/api/articles/ceasefire-1"`,
		`<p>Délégués from Iraq and Syria met in Baghdad on Tuesday — the first such meeting in a year.</p>`,
	)
	// The quote view link finds this article's quotes.
	link := regexp.MustCompile(`<a href="(/quotes\?q=[^"]+)">Open in the quote view</a>`).FindStringSubmatch(body)
	if link == nil {
		t.Fatalf("no quote view link")
	}
	qbody := mustGet(t, h, html.UnescapeString(link[1]), http.StatusOK)
	mustContain(t, "quote view of the article", qbody, `2 quotes`)

	// An ID that is a URL, with slashes, ? & and %: its link escapes it and
	// the route takes it back.
	id := "https://news.example/2025/02/paris-summit?id=7&x=%41"
	body = mustGet(t, h, "/?country=FR", http.StatusOK)
	href := "/articles/" + url.PathEscape(id)
	if !hasHref(body, href) {
		t.Fatalf("GET /?country=FR: no link %s in %v", href, hrefs(body))
	}
	body = mustGet(t, h, href, http.StatusOK)
	mustContain(t, "article with a URL id", body, `Paris summit ends without a deal`)
}

func TestMarkQuotes(t *testing.T) {
	// Accents and a dash before the quote: byte offsets would cut wrong.
	body := "Zoë a dit — «Ça suffit» hier.\n\nPuis: \"Non\" et \"Oui\"."
	rs := []rune(body)
	at := func(s string) (int, int) {
		i := strings.Index(body, s)
		st := utf8.RuneCountInString(body[:i])
		return st, st + utf8.RuneCountInString(s)
	}
	s1, e1 := at("Ça suffit")
	s2, e2 := at("Non")
	s3, e3 := at("Oui")
	quotes := []article.Quote{
		{Text: "Ça suffit", Speaker: "Zoë", SpeakerNamed: true, Cue: "a dit", Start: s1, End: e1},
		{Text: "Non", Speaker: "", Cue: "", Start: s2, End: e2},
		{Text: "bad", Start: 5, End: len(rs) + 3},     // past the end: unmarked
		{Text: "overlap", Start: s1 + 1, End: e1 + 2}, // overlaps quote 1: unmarked
		{Text: "Oui", Speaker: "Ana", SpeakerNamed: true, Cue: "said", Start: s3, End: e3},
	}
	paras, marked := markQuotes(body, quotes)
	var got []string
	for _, p := range paras {
		var b strings.Builder
		for _, s := range p.Segments {
			if s.Quote > 0 {
				fmt.Fprintf(&b, "[%d:%s|%s]", s.Quote, s.Text, s.Speaker)
			} else {
				b.WriteString(s.Text)
			}
		}
		got = append(got, b.String())
	}
	want := []string{
		"Zoë a dit — [1:«Ça suffit»|Zoë] hier.",
		`Puis: [2:"Non"|unattributed] et [5:"Oui"|Ana].`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("markQuotes = %q, want %q", got, want)
	}
	for i, w := range []bool{true, true, false, false, true} {
		if marked[i] != w {
			t.Errorf("marked[%d] = %v, want %v", i, marked[i], w)
		}
	}

	// A quote over a paragraph break: anchor on the first part, speaker on
	// the last.
	body = "A “one\n\ntwo” b"
	paras, _ = markQuotes(body, []article.Quote{{Speaker: "S", SpeakerNamed: true, Start: 3, End: 11}})
	if len(paras) != 2 {
		t.Fatalf("markQuotes over a break: %d paragraphs, want 2", len(paras))
	}
	first, last := paras[0].Segments[1], paras[1].Segments[0]
	if first.Text != "“one" || first.Anchor != "quote-1" || first.Speaker != "" ||
		last.Text != "two”" || last.Anchor != "" || last.Speaker != "S" {
		t.Errorf("markQuotes over a break: first %+v, last %+v", first, last)
	}

	// A quotation cut by its cue: both parts marked, the tag after the
	// last only.
	body = `"One," she said, "two." Then "three," he said.`
	paras, _ = markQuotes(body, []article.Quote{
		{Speaker: "Ana", SpeakerNamed: true, Start: 1, End: 5, Group: 1},
		{Speaker: "Ana", SpeakerNamed: true, Start: 18, End: 22, Group: 1},
		{Speaker: "Ben", SpeakerNamed: true, Start: 30, End: 36},
	})
	var b strings.Builder
	for _, s := range paras[0].Segments {
		if s.Quote > 0 {
			fmt.Fprintf(&b, "[%d:%s|%s]", s.Quote, s.Text, s.Speaker)
		} else {
			b.WriteString(s.Text)
		}
	}
	if want := `[1:"One,"|] she said, [2:"two."|Ana] Then [3:"three,"|Ben] he said.`; b.String() != want {
		t.Errorf("markQuotes of a cut quotation = %q, want %q", b.String(), want)
	}
}

func TestAPI(t *testing.T) {
	h := mustHandler(t, mustIndex(t))

	res, body := get(t, h, "/api/search?q=ceasefire&country=IQ&facets=country,date")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("/api/search: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var sr search.ArticleResult
	if err := json.Unmarshal([]byte(body), &sr); err != nil {
		t.Fatalf("/api/search: %v\n%s", err, body)
	}
	if sr.Total != 1 || len(sr.Hits) != 1 || sr.Hits[0].ID != "ceasefire-1" || sr.Query != "ceasefire" {
		t.Errorf("/api/search: %+v", sr)
	}
	if len(sr.Facets) != 2 || len(sr.Facets["country"]) != 2 || !reflect.DeepEqual(sr.Facets["country"][0], search.FacetValue{Value: "IQ", Label: "Iraq", Count: 1}) {
		t.Errorf("/api/search facets = %+v", sr.Facets)
	}
	// The raw shape: the CLI's JSON keys.
	var raw map[string]json.RawMessage
	json.Unmarshal([]byte(body), &raw)
	for _, k := range []string{"query", "total", "took_ms", "hits", "facets"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("/api/search: no key %q", k)
		}
	}
	var hits []map[string]any
	json.Unmarshal(raw["hits"], &hits)
	for _, k := range []string{"id", "score", "title", "date", "source", "url", "countries", "regions", "speakers", "actors", "snippet"} {
		if _, ok := hits[0][k]; !ok {
			t.Errorf("/api/search hit: no key %q", k)
		}
	}

	// No hits: [] not null.
	body = mustGet(t, h, "/api/search?q=zzzxqy&facets=none", http.StatusOK)
	mustContain(t, "/api/search no hits", body, `"hits": []`, `"facets": {}`)

	// limit=0: total and facets only.
	body = mustGet(t, h, "/api/search?limit=0&facets=source", http.StatusOK)
	json.Unmarshal([]byte(body), &sr)
	if sr.Total != totalArticles || len(sr.Hits) != 0 || len(sr.Facets["source"]) != 4 {
		t.Errorf("/api/search?limit=0: total %d, %d hits, facets %+v", sr.Total, len(sr.Hits), sr.Facets)
	}

	body = mustGet(t, h, "/api/quotes?speaker=Marc+Olsen", http.StatusOK)
	var qr search.QuoteResult
	if err := json.Unmarshal([]byte(body), &qr); err != nil {
		t.Fatalf("/api/quotes: %v", err)
	}
	if qr.Total != 1 || qr.Hits[0].Text != "The ceasefire holds, but it is fragile." || qr.Hits[0].ArticleID != "ceasefire-1" {
		t.Errorf("/api/quotes: %+v", qr)
	}
	mustContain(t, "/api/quotes", body, `"article_id": "ceasefire-1"`, `"speaker": "Marc Olsen"`, `"cue": "told reporters"`)

	body = mustGet(t, h, "/api/articles/ceasefire-1", http.StatusOK)
	var a article.Article
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatalf("/api/articles: %v", err)
	}
	want := testArticles(t)[0]
	if a.Title != want.Title || a.Body != want.Body || len(a.Quotes) != 2 || a.Quotes[0] != want.Quotes[0] || a.DateString() != "2025-01-14" {
		t.Errorf("/api/articles/ceasefire-1 = %+v", a)
	}
	mustContain(t, "/api/articles", body, `"date": "2025-01-14"`, `"speakers": [`, `"start": `)

	body = mustGet(t, h, "/api/articles/"+url.PathEscape("https://news.example/2025/02/paris-summit?id=7&x=%41"), http.StatusOK)
	mustContain(t, "/api/articles with a URL id", body, `"title": "Paris summit ends without a deal"`)

	body = mustGet(t, h, "/api/stats", http.StatusOK)
	var st search.Stats
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatalf("/api/stats: %v", err)
	}
	if st.Articles != totalArticles || st.Quotes != totalQuotes {
		t.Errorf("/api/stats = %+v", st)
	}

	// A page and its API URL differ only in the path: the page's JSON link
	// has the page's parameters and gives the total the page shows.
	for _, q := range []string{"?country=IQ&from=2024&to=2024", "?q=coffee&region=Africa", "?speaker=layla+haddad&sort=date"} {
		page := mustGet(t, h, "/"+q, http.StatusOK)
		m := regexp.MustCompile(`<a href="([^"]+)">This page as JSON</a>`).FindStringSubmatch(page)
		if m == nil {
			t.Errorf("/%s: no JSON link", q)
			continue
		}
		api := html.UnescapeString(m[1])
		pu, _ := url.Parse("/" + q)
		au, _ := url.Parse(api)
		if au.Path != "/api/search" || au.Query().Encode() != pu.Query().Encode() {
			t.Errorf("/%s: JSON link %s has other parameters", q, api)
		}
		json.Unmarshal([]byte(mustGet(t, h, api, http.StatusOK)), &sr)
		if !regexp.MustCompile(fmt.Sprintf(`[> ]%d articles?\b`, sr.Total)).MatchString(page) {
			t.Errorf("/%s: API total %d not on the page", q, sr.Total)
		}
	}
}

func TestBadRequests(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	long := strings.Repeat("a", 1001)
	many := strings.Repeat("country=IQ&", 21)
	for _, c := range []struct {
		name, query, want string
	}{
		{"query too long", "q=" + long, "query too long: 1001 bytes, at most 1000"},
		{"limit too large", "limit=101", "limit 101 too large: at most 100"},
		{"limit negative", "limit=-1", `limit \"-1\": want a whole number from 0 to 100`},
		{"limit not a number", "limit=ten", `limit \"ten\"`},
		{"offset negative", "offset=-5", `offset \"-5\"`},
		{"past the result window", "offset=9995&limit=10", "offset+limit = 10005: results go only 10000 deep"},
		{"offset overflowing", "offset=9223372036854775807", "offset 9223372036854775807: results go only 10000 deep"},
		{"too many filter values", many, "too many filter values: at most 20 in all"},
		{"filter value too long", "speaker=" + strings.Repeat("x", 201), "speaker value too long: 201 bytes, at most 200"},
		{"unknown parameter", "page=2", `unknown parameter \"page\" (want q, country, region, speaker, actor, source, lang, from, to, limit, offset, sort, facets, default_operator, facet_size, min_confidence or named)`},
		{"repeated single parameter", "q=a&q=b", `parameter \"q\" given 2 times`},
		{"bad sort", "sort=score", `bad query: unknown sort \"score\" (want relevance, date or -date)`},
		{"bad facet", "facets=country,colour", `bad query: unknown facet \"colour\" (want speaker, actor, country, region, source, lang, date)`},
		{"bad from", "from=yesterday", `from: cannot read date \"yesterday\"`},
		{"bad to", "to=2025-13", `to: cannot read date \"2025-13\"`},
		{"from after to", "from=2025-03&to=2025-01", "bad query: date range 2025-03-01..2025-01-31 is empty"},
		{"unknown country", "country=Atlantis", `country \"Atlantis\": not a country code or name newsdex knows`},
		{"unknown region", "region=Mordor", `region \"Mordor\"`},
		{"bad query syntax", "q=" + url.QueryEscape(`title:"unclosed`), "bad query"},
		{"unknown query field", "q=colour:red", "bad query"},
		{"invalid UTF-8", "q=%ff%fe", "not valid UTF-8"},
		{"min_confidence over 1", "min_confidence=1.5", `bad query: minimum confidence 1.5 is outside 0..1`},
		{"min_confidence not a number", "min_confidence=high", `min_confidence \"high\": want a number from 0 to 1`},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, path := range []string{"/api/search", "/api/quotes", "/", "/quotes"} {
				res, body := get(t, h, path+"?"+c.query)
				if res.StatusCode != http.StatusBadRequest {
					t.Errorf("GET %s?%.60s: status %d, want 400", path, c.query, res.StatusCode)
					continue
				}
				if strings.HasPrefix(path, "/api/") {
					var e struct{ Error string }
					if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
						t.Errorf("GET %s?%.60s: body %q is not {\"error\": ...}", path, c.query, body)
					}
					mustContain(t, path, body, c.want)
				} else {
					mustContain(t, path, body, `<h1 id="error-heading">400 Bad Request</h1>`)
					mustContain(t, path, html.UnescapeString(body), strings.ReplaceAll(c.want, `\"`, `"`))
				}
			}
		})
	}

	// Quotes carry no actors: an actor filter on quotes is a bad query.
	mustGet(t, h, "/api/quotes?actor=Layla+Haddad", http.StatusBadRequest)

	// /api/stats takes no parameters.
	mustGet(t, h, "/api/stats?x=1", http.StatusBadRequest)

	// A request body is refused, even on GET.
	req := httptest.NewRequest(http.MethodGet, "/api/search?q=x", strings.NewReader("q=coffee"))
	res, body := do(t, h, req)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "request body not accepted") {
		t.Errorf("GET with a body: %d %s", res.StatusCode, body)
	}
	// Other methods are not allowed.
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		res, body := do(t, h, httptest.NewRequest(m, "/api/search", nil))
		if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" || !strings.Contains(body, `"error"`) {
			t.Errorf("%s /api/search: %d %q %s", m, res.StatusCode, res.Header.Get("Allow"), body)
		}
	}
	// HEAD works like GET without a body.
	res, body = do(t, h, httptest.NewRequest(http.MethodHead, "/?q=coffee", nil))
	if res.StatusCode != http.StatusOK {
		t.Errorf("HEAD /: %d", res.StatusCode)
	}
}

func TestNotFound(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	for _, c := range []struct {
		path string
		json bool
	}{
		{"/api/articles/no-such-article", true},
		{"/api/articles/", true},
		{"/api/nothing", true},
		{"/articles/no-such-article", false},
		{"/no/such/page", false},
		{"/static/missing.css", false},
	} {
		res, body := get(t, h, c.path)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", c.path, res.StatusCode)
			continue
		}
		if c.json {
			var e struct{ Error string }
			if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
				t.Errorf("GET %s: body %q is not {\"error\": ...}", c.path, body)
			}
		} else {
			mustContain(t, c.path, body, `<h1 id="error-heading">404 Not Found</h1>`)
		}
	}
}

func TestHeadersAndStatic(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	for _, path := range []string{"/", "/api/stats", "/nope", "/static/style.css"} {
		res, _ := get(t, h, path)
		for k, want := range map[string]string{
			"Content-Security-Policy": contentSecurityPolicy,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "same-origin",
			"X-Frame-Options":         "DENY",
		} {
			if got := res.Header.Get(k); got != want {
				t.Errorf("GET %s: %s = %q, want %q", path, k, got, want)
			}
		}
	}
	if !strings.Contains(contentSecurityPolicy, "script-src 'self';") || strings.Contains(contentSecurityPolicy, "unsafe-inline") ||
		!strings.Contains(contentSecurityPolicy, "frame-ancestors 'none'") {
		t.Errorf("CSP %q allows too much", contentSecurityPolicy)
	}

	// The page links its assets with a version; they are served with long
	// cache headers and answer If-None-Match with 304.
	body := mustGet(t, h, "/", http.StatusOK)
	css := regexp.MustCompile(`href="(/static/style\.css\?v=[0-9a-f]+)"`).FindStringSubmatch(body)
	js := regexp.MustCompile(`<script src="(/static/app\.js\?v=[0-9a-f]+)" defer></script>`).FindStringSubmatch(body)
	if css == nil || js == nil {
		t.Fatalf("GET /: no versioned style.css or app.js")
	}
	mustNotContain(t, "GET /", body, "<script>", "style=", "http://", "https://")
	res, cssBody := get(t, h, css[1])
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") ||
		res.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" || res.Header.Get("ETag") == "" {
		t.Errorf("GET %s: %d %v", css[1], res.StatusCode, res.Header)
	}
	mustNotContain(t, "style.css", cssBody, "@import", "url(http", "@font-face")
	req := httptest.NewRequest(http.MethodGet, css[1], nil)
	req.Header.Set("If-None-Match", res.Header.Get("ETag"))
	if res, _ := do(t, h, req); res.StatusCode != http.StatusNotModified {
		t.Errorf("GET %s with If-None-Match: %d, want 304", css[1], res.StatusCode)
	}
	res, _ = get(t, h, js[1])
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
		t.Errorf("GET %s: Content-Type %q", js[1], ct)
	}
}

func TestEscaping(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	for _, target := range []string{
		"/",
		"/?q=" + url.QueryEscape("script"),
		"/?q=" + url.QueryEscape("burn"),
		"/?country=IQ&from=2025-02&to=2025-02",
		"/quotes",
		"/quotes?q=burn",
		"/articles/hostile-1",
		"/api/search?q=burn",
		"/api/quotes?q=burn",
		"/api/articles/hostile-1",
		"/?speaker=" + url.QueryEscape(hostileSpeaker),
		"/?actor=" + url.QueryEscape(hostileActor),
		"/?source=" + url.QueryEscape(hostileSource),
	} {
		res, body := get(t, h, target)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", target, res.StatusCode)
		}
		mustNotContain(t, target, body, hostilePayloads...)
		if !strings.HasPrefix(target, "/api/") {
			mustNotContain(t, target, body, `javascript:`)
		}
	}
	// The hostile article shows, escaped.
	body := mustGet(t, h, "/articles/hostile-1", http.StatusOK)
	mustContain(t, "hostile article", body,
		`<h1 id="article-title">&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Tom &amp; Jerry&#39;s &#34;news&#34;</h1>`,
		`He wrote &lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt; &amp; more in Baghdad.`,
		`&lt;b&gt;Burn&lt;/b&gt; &amp; &#34;run&#34; it all`,
		`Evil &lt;i&gt;&#34;Speaker&#34;&lt;/i&gt; &amp; Co`,
		`&lt;img src=x onerror=alert(&#39;source&#39;)&gt;`,
		`href="#ZgotmplZ"`, // the javascript: URL, neutralised by html/template
	)
	// The snippet is the highlighter's escaped HTML, marks and all.
	body = mustGet(t, h, "/?q=burn", http.StatusOK)
	mustContain(t, "hostile snippet", body, `&lt;b&gt;<mark>Burn</mark>&lt;/b&gt;`)

	// A hostile query: on a page it is escaped in the form, the heading and
	// links; whether it parses or not.
	for _, q := range []string{`<script>alert(1)</script>`, `"><script>alert(1)</script>`, `x" onmouseover="alert(1)`} {
		for _, path := range []string{"/", "/quotes", "/api/search", "/api/quotes"} {
			target := path + "?q=" + url.QueryEscape(q)
			res, body := get(t, h, target)
			if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusBadRequest {
				t.Errorf("GET %s: status %d", target, res.StatusCode)
			}
			mustNotContain(t, target, body, `<script>alert(1)`, `" onmouseover="`)
		}
	}
	// Facet values with quotes and brackets round-trip into hidden fields,
	// chips and links, escaped.
	v := `O"Brien <x> & 'Co'`
	body = mustGet(t, h, "/?speaker="+url.QueryEscape(v), http.StatusOK)
	mustNotContain(t, "hostile facet value", body, `<x>`, `O"Brien`)
	mustContain(t, "hostile facet value", body,
		`<input type="hidden" name="speaker" value="O&#34;Brien &lt;x&gt; &amp; &#39;Co&#39;">`,
		`<span>Speaker: O&#34;Brien &lt;x&gt; &amp; &#39;Co&#39;</span>`,
		`aria-label="Remove filter Speaker: O&#34;Brien &lt;x&gt; &amp; &#39;Co&#39;"`,
	)
	// Error pages escape what they echo.
	body = mustGet(t, h, "/?sort="+url.QueryEscape(`<script>alert(1)</script>`), http.StatusBadRequest)
	mustNotContain(t, "error page", body, `<script>alert(1)`)
	mustContain(t, "error page", body, `sort &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34;`)
}

// slowSearcher is a Searcher whose searches wait for their context to end,
// like a search that runs past its deadline.
type slowSearcher struct{ search.Searcher }

func (slowSearcher) Search(ctx context.Context, r search.Request) (*search.ArticleResult, error) {
	<-ctx.Done()
	return nil, fmt.Errorf("search: %w", ctx.Err())
}

func TestTimeout(t *testing.T) {
	h, err := New(Options{Searcher: slowSearcher{mustIndex(t)}, Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, body := get(t, h, "/api/search?q=coffee")
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "took too long") {
		t.Errorf("slow search: %d %s", res.StatusCode, body)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("slow search answered after %v, want about 50ms", d)
	}
	res, body = get(t, h, "/?q=coffee")
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "503 Service Unavailable") {
		t.Errorf("slow search page: %d", res.StatusCode)
	}
}

// TestTrustedHTML checks that no string is rendered as trusted HTML: the
// snippets are plain text and offsets, marked by the templates.
func TestTrustedHTML(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, conv := range []string{"template.HTML(", "template.HTMLAttr(", "template.JS(", "template.URL(", "template.CSS(", "template.Srcset("} {
				if !strings.Contains(line, conv) {
					continue
				}
				n++
				t.Errorf("%s:%d: %s: %s", f, i+1, conv, strings.TrimSpace(line))
			}
		}
	}
	if n != 0 {
		t.Errorf("found %d trusted-HTML conversions, want none", n)
	}
}

// TestQueryLanguage checks that the API and pages parse queries with the
// index's one parser: a syntax error is a 400 naming the position, in
// plain text; default_operator and facet_size are read and kept in links.
func TestQueryLanguage(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	body := mustGet(t, h, "/api/search?q=ceasefire+AND+(iraq", http.StatusBadRequest)
	mustContain(t, "syntax error", body, `position 15: expected ')' to close this '(', found the end of the query`)
	body = mustGet(t, h, "/?q=ceasefire+AND+(iraq", http.StatusBadRequest)
	mustContain(t, "syntax error page", body, `position 15: expected &#39;)&#39; to close this &#39;(&#39;`)
	body = mustGet(t, h, "/api/search?q=ceasefire&default_operator=xor", http.StatusBadRequest)
	mustContain(t, "bad operator", body, `bad query: default operator \"xor\": want and or or`)
	for v, want := range map[string]string{
		"-1":   `bad query: facet size -1 is outside 0..1000`,
		"1001": `bad query: facet size 1001 is outside 0..1000`,
		"x":    `facet_size \"x\": want a whole number from 0 (the default) to 1000`,
	} {
		body = mustGet(t, h, "/api/search?q=ceasefire&facet_size="+v, http.StatusBadRequest)
		mustContain(t, "bad facet_size", body, want)
	}
	// 0 is the contract's default size, as it is for the CLI and a server.
	mustGet(t, h, "/api/search?q=ceasefire&facet_size=0", http.StatusOK)
	body = mustGet(t, h, "/?q=ceasefire+iraq&default_operator=and&facet_size=30", http.StatusOK)
	mustContain(t, "links keep the operator and facet size", body, "default_operator=and&amp;facet_size=30")
	mustContain(t, "the form keeps them", body, `<input type="hidden" name="default_operator" value="and">`, `<input type="hidden" name="facet_size" value="30">`)
}

func TestSpeakerName(t *testing.T) {
	for _, c := range []struct {
		speaker string
		named   bool
		want    string
	}{
		{"Ana Lima", true, "Ana Lima"},
		{"an Apple\nspokesman", false, "an Apple spokesman (unnamed)"},
		{"  ", false, "unattributed"},
		{"", false, "unattributed"},
	} {
		if got := speakerName(c.speaker, c.named); got != c.want {
			t.Errorf("speakerName(%q, %v) = %q, want %q", c.speaker, c.named, got, c.want)
		}
	}
}

// TestBrowseSingular checks that the page counts one of each in the
// singular ("1 article, 1 quote, 1 speaker and 1 country").
func TestBrowseSingular(t *testing.T) {
	ix, err := index.NewMemory(index.Options{Labeler: fakeLabeler{}})
	if err != nil {
		t.Fatalf("NewMemory: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	a := &article.Article{
		ID: "one-1", Title: "Coffee harvest falls in Brazil", Source: "Daily Ledger", Date: day("2024-06-03"),
		Body:      "“Nobody here has seen a season like it,” said João Pereira, who farms near Varginha.",
		Countries: []article.Country{{Code: "BR", Name: "Brazil", Mentions: 1}},
		Regions:   []string{"South America", "Americas"},
	}
	addQuote(t, a, "Nobody here has seen a season like it,", "João Pereira", "said")
	if err := ix.Put(context.Background(), []*article.Article{a}); err != nil {
		t.Fatalf("Put: %v", err)
	}
	body := mustGet(t, mustHandler(t, ix), "/", http.StatusOK)
	mustContain(t, "GET / on one article", body, "Browse 1 article", "The index holds 1 article, 1 quote, 1 speaker and 1 country.")
}
