package demo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"html"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/biter777/countries"
)

// doc is one demo article as read by this test: just enough of the three
// formats to check the corpus, without the ingest package.
type doc struct {
	key    string // file path, plus "#id" for a JSONL record
	format string // "txt", "html" or "jsonl"
	title  string
	date   time.Time
	source string
	byline string
	body   string // paragraphs separated by "\n\n"
}

// expected mirrors testdata/expected.json.
type expected struct {
	About    string `json:"about"`
	Articles []struct {
		File           string   `json:"file"`
		ID             string   `json:"id"`
		Title          string   `json:"title"`
		Date           string   `json:"date"`
		Source         string   `json:"source"`
		Byline         string   `json:"byline"`
		Countries      []string `json:"countries"`
		SyndicatedWith string   `json:"syndicated_with"`
		Note           string   `json:"note"`
		NotQuotes      []string `json:"not_quotes"`
		Quotes         []struct {
			Start      string `json:"start"`
			Speaker    string `json:"speaker"`
			Org        bool   `json:"org"`
			Partial    bool   `json:"partial"`
			Paragraphs int    `json:"paragraphs"`
			Note       string `json:"note"`
		} `json:"quotes"`
	} `json:"articles"`
}

func (e *expected) key(i int) string {
	a := e.Articles[i]
	if a.ID != "" {
		return a.File + "#" + a.ID
	}
	return a.File
}

var (
	bylineRE    = regexp.MustCompile(`^By (.+) ((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})$`)
	articleRE   = regexp.MustCompile(`(?s)<article\b.*?</article>`)
	paraRE      = regexp.MustCompile(`(?s)<p\b[^>]*>(.*?)</p>`)
	tagRE       = regexp.MustCompile(`<[^>]+>`)
	metaRE      = regexp.MustCompile(`<meta\s+(?:property|name)="([^"]+)"\s+content="([^"]*)"`)
	jsonLDRE    = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	middleEast  = map[string]bool{"AE": true, "BH": true, "EG": true, "IL": true, "IQ": true, "IR": true, "JO": true, "KW": true, "LB": true, "OM": true, "PS": true, "QA": true, "SA": true, "SY": true, "TR": true, "YE": true}
	firstString = func(m map[string]any, keys ...string) string {
		for _, k := range keys {
			if s, ok := m[k].(string); ok && s != "" {
				return s
			}
		}
		return ""
	}
)

// mustCorpus reads every article of the demo corpus.
func mustCorpus(tb testing.TB) []doc {
	tb.Helper()
	var docs []doc
	err := fs.WalkDir(FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(FS(), p)
		if err != nil {
			return err
		}
		if len(bytes.TrimSpace(b)) == 0 {
			tb.Errorf("%s is empty", p)
			return nil
		}
		switch path.Ext(p) {
		case ".txt":
			docs = append(docs, mustTxt(tb, p, string(b)))
		case ".html":
			docs = append(docs, mustHTML(tb, p, string(b)))
		case ".jsonl":
			docs = append(docs, mustJSONL(tb, p, b)...)
		default:
			tb.Errorf("%s: unexpected file type", p)
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("walk demo corpus: %v", err)
	}
	return docs
}

func mustTxt(tb testing.TB, p, s string) doc {
	tb.Helper()
	d := doc{key: p, format: "txt"}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	d.title = strings.TrimSpace(lines[0])
	for i, l := range lines {
		if src, ok := strings.CutPrefix(l, d.title+" / "); ok {
			d.source = strings.TrimSpace(src)
		}
		if m := bylineRE.FindStringSubmatch(l); m != nil {
			d.byline = m[1]
			d.date = mustDate(tb, p, "January 2, 2006", m[2])
			var paras []string
			for _, para := range strings.Split(strings.Join(lines[i+1:], "\n"), "\n\n") {
				if para = strings.TrimSpace(para); para != "" {
					paras = append(paras, para)
				}
			}
			d.body = strings.Join(paras, "\n\n")
			return d
		}
	}
	tb.Errorf("%s: no byline line", p)
	return d
}

func mustHTML(tb testing.TB, p, s string) doc {
	tb.Helper()
	d := doc{key: p, format: "html"}
	meta := map[string]string{}
	for _, m := range metaRE.FindAllStringSubmatch(s, -1) {
		meta[m[1]] = html.UnescapeString(m[2])
	}
	d.title = meta["og:title"]
	d.source = meta["og:site_name"]
	d.byline = meta["author"]
	if t := meta["article:published_time"]; t != "" {
		d.date = mustDate(tb, p, time.RFC3339, t)
	} else {
		tb.Errorf("%s: no article:published_time", p)
	}
	ld := jsonLDRE.FindStringSubmatch(s)
	if ld == nil {
		tb.Errorf("%s: no JSON-LD", p)
	} else {
		var na map[string]any
		if err := json.Unmarshal([]byte(ld[1]), &na); err != nil {
			tb.Errorf("%s: JSON-LD: %v", p, err)
		} else if na["@type"] != "NewsArticle" || na["headline"] != d.title {
			tb.Errorf("%s: JSON-LD @type %v headline %q, want NewsArticle %q", p, na["@type"], na["headline"], d.title)
		}
	}
	art := articleRE.FindString(s)
	var paras []string
	for _, m := range paraRE.FindAllStringSubmatch(art, -1) {
		paras = append(paras, strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(m[1], ""))))
	}
	d.body = strings.Join(paras, "\n\n")
	return d
}

func mustJSONL(tb testing.TB, p string, b []byte) []doc {
	tb.Helper()
	var docs []doc
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			tb.Errorf("%s:%d: %v", p, n, err)
			continue
		}
		d := doc{
			format: "jsonl",
			title:  firstString(m, "title", "headline"),
			body:   firstString(m, "body", "text"),
			source: firstString(m, "source", "publisher"),
			byline: firstString(m, "author", "byline"),
		}
		id := firstString(m, "id")
		d.key = p + "#" + id
		ds := firstString(m, "date", "published_at")
		if id == "" || d.title == "" || d.body == "" || ds == "" {
			tb.Errorf("%s:%d: id %q, title %q, date %q, body of %d bytes: want all set", p, n, id, d.title, ds, len(d.body))
			continue
		}
		layout := time.DateOnly
		if len(ds) > len(layout) {
			layout = time.RFC3339
		}
		d.date = mustDate(tb, d.key, layout, ds)
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		tb.Errorf("%s: %v", p, err)
	}
	return docs
}

func mustDate(tb testing.TB, where, layout, s string) time.Time {
	tb.Helper()
	t, err := time.Parse(layout, s)
	if err != nil {
		tb.Errorf("%s: date %q: %v", where, s, err)
	}
	return t
}

func mustExpected(tb testing.TB) *expected {
	tb.Helper()
	b, err := os.ReadFile("testdata/expected.json")
	if err != nil {
		tb.Fatal(err)
	}
	var e expected
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		tb.Fatalf("testdata/expected.json: %v", err)
	}
	return &e
}

func TestCorpusShape(t *testing.T) {
	docs := mustCorpus(t)
	perFormat := map[string]int{}
	titles := map[string]string{}
	years := map[int]bool{}
	for _, d := range docs {
		perFormat[d.format]++
		if d.title == "" {
			t.Errorf("%s: no title", d.key)
		}
		if other, ok := titles[d.title]; ok {
			t.Errorf("%s and %s share the title %q", other, d.key, d.title)
		}
		titles[d.title] = d.key
		if y := d.date.Year(); y < 2024 || y > 2026 {
			t.Errorf("%s: date %s, want in 2024-2026", d.key, d.date.Format(time.DateOnly))
		}
		years[d.date.Year()] = true
		if d.source == "" {
			t.Errorf("%s: no source", d.key)
		}
		if d.byline == "" {
			t.Errorf("%s: no byline", d.key)
		}
		if n := len(strings.Fields(d.body)); n < 250 || n > 600 {
			t.Errorf("%s: body of %d words, want 250-600", d.key, n)
		}
	}
	if len(docs) < 40 {
		t.Errorf("corpus has %d articles, want at least 40", len(docs))
	}
	for f, min := range map[string]int{"txt": 15, "html": 8, "jsonl": 10} {
		if perFormat[f] < min {
			t.Errorf("corpus has %d %s articles, want at least %d", perFormat[f], f, min)
		}
	}
	if len(years) < 2 {
		t.Errorf("dates span %d calendar years, want at least 2", len(years))
	}
	t.Logf("articles per format: %v; years: %d", perFormat, len(years))
}

// TestExpected checks testdata/expected.json against the corpus: every
// article has an entry with the same title, date and source, every quote's
// opening words are in the body, and the speakers, countries and regions
// reach the numbers the demo promises.
func TestExpected(t *testing.T) {
	docs := mustCorpus(t)
	e := mustExpected(t)
	byKey := map[string]doc{}
	for _, d := range docs {
		byKey[d.key] = d
	}
	seen := map[string]bool{}
	speakers := map[string]bool{}
	codes := map[string]bool{}
	regions := map[string]bool{}
	middleEastArticles, multi, partial, orgs := 0, 0, 0, 0
	for i, a := range e.Articles {
		k := e.key(i)
		if seen[k] {
			t.Errorf("expected.json lists %s twice", k)
		}
		seen[k] = true
		d, ok := byKey[k]
		if !ok {
			t.Errorf("expected.json lists %s, which is not in the corpus", k)
			continue
		}
		if a.Title != d.title {
			t.Errorf("%s: title %q, expected.json says %q", k, d.title, a.Title)
		}
		if got := d.date.UTC().Format(time.DateOnly); got != a.Date {
			t.Errorf("%s: date %s, expected.json says %s", k, got, a.Date)
		}
		if a.Source != d.source {
			t.Errorf("%s: source %q, expected.json says %q", k, d.source, a.Source)
		}
		if a.Byline != d.byline {
			t.Errorf("%s: byline %q, expected.json says %q", k, d.byline, a.Byline)
		}
		if a.SyndicatedWith != "" {
			other, ok := byKey[a.SyndicatedWith]
			switch {
			case !ok:
				t.Errorf("%s: syndicated_with %s, which is not in the corpus", k, a.SyndicatedWith)
			case other.body != d.body:
				t.Errorf("%s: syndicated_with %s, but their bodies differ", k, a.SyndicatedWith)
			case other.source == d.source:
				t.Errorf("%s: syndicated_with %s, but both come from %s", k, a.SyndicatedWith, d.source)
			}
		}
		if len(a.Countries) == 0 {
			t.Errorf("%s: no countries", k)
		}
		me := false
		for _, c := range a.Countries {
			cc := countries.ByName(c)
			if !cc.IsValid() || cc.Alpha2() != c {
				t.Errorf("%s: %q is not an ISO 3166-1 alpha-2 code", k, c)
				continue
			}
			codes[c] = true
			r := cc.Region().String()
			if r == "North America" || r == "South America" {
				r = "Americas"
			}
			regions[r] = true
			me = me || middleEast[c]
		}
		if me {
			middleEastArticles++
		}
		if len(a.Quotes) < 2 {
			t.Errorf("%s: %d quotes, want at least 2", k, len(a.Quotes))
		}
		for _, q := range a.Quotes {
			at := strings.Index(d.body, q.Start)
			if at < 0 {
				t.Errorf("%s: quote start %q not in body", k, q.Start)
				continue
			}
			if before := []rune(d.body[:at]); len(before) == 0 || !strings.ContainsRune(`"“`, before[len(before)-1]) {
				t.Errorf("%s: quote start %q does not follow an opening quotation mark", k, q.Start)
			}
			if q.Speaker != "" {
				name := q.Speaker
				if !q.Org {
					f := strings.Fields(name)
					name = f[len(f)-1]
					speakers[q.Speaker] = true
				} else {
					orgs++
				}
				if !strings.Contains(d.body, name) {
					t.Errorf("%s: speaker %q (%q) not in body", k, q.Speaker, name)
				}
			}
			if q.Partial {
				partial++
			}
			if q.Paragraphs > 1 {
				multi++
				// Every paragraph but the last opens a quote and never closes it.
				paras := strings.Split(d.body[at:], "\n\n")
				if len(paras) < q.Paragraphs {
					t.Errorf("%s: quote %q spans %d paragraphs, body has %d after it", k, q.Start, q.Paragraphs, len(paras))
					continue
				}
				open := string([]rune(d.body[:at])[len([]rune(d.body[:at]))-1])
				for j, p := range paras[:q.Paragraphs] {
					if j > 0 {
						if !strings.HasPrefix(p, open) {
							t.Errorf("%s: paragraph %d of quote %q does not open with %s: %q", k, j+1, q.Start, open, p)
						}
						p = strings.TrimPrefix(p, open)
					}
					closed := strings.ContainsAny(p, `"”`)
					if last := j == q.Paragraphs-1; closed != last {
						t.Errorf("%s: paragraph %d of %d of quote %q: closed %v, want %v", k, j+1, q.Paragraphs, q.Start, closed, last)
					}
				}
			}
		}
		for _, s := range a.NotQuotes {
			if !strings.Contains(d.body, s) {
				t.Errorf("%s: not_quote %q not in body", k, s)
			}
		}
	}
	for _, d := range docs {
		if !seen[d.key] {
			t.Errorf("%s is missing from expected.json", d.key)
		}
	}
	for _, c := range []struct {
		what    string
		got, at int
	}{
		{"countries", len(codes), 15},
		{"regions", len(regions), 5},
		{"Middle East articles", middleEastArticles, 4},
		{"named speakers", len(speakers), 20},
		{"multi-paragraph quotes", multi, 2},
		{"partial quotes", partial, 5},
		{"quotes by organisations", orgs, 3},
	} {
		if c.got < c.at {
			t.Errorf("expected.json has %d %s, want at least %d", c.got, c.what, c.at)
		}
	}
	t.Logf("%d countries, regions %v, %d Middle East articles, %d named speakers", len(codes), regions, middleEastArticles, len(speakers))
}

// quoteSpans returns the text inside each pair of quotation marks in body,
// curly or straight. A quote left open at the end of a paragraph continues
// when the next paragraph opens with a quotation mark, as in wire copy.
func quoteSpans(tb testing.TB, key, body string) []string {
	tb.Helper()
	var spans []string
	paras := strings.Split(body, "\n\n")
	var cur []string // paragraphs of the quote being read
	for i, p := range paras {
		rs := []rune(p)
		start := -1
		if cur != nil {
			if len(rs) == 0 || (rs[0] != '"' && rs[0] != '“') {
				tb.Errorf("%s: quote %q left open before paragraph %d", key, strings.Join(cur, " "), i+1)
				cur = nil
			} else {
				start = 1
			}
		}
		for j := 0; j < len(rs); j++ {
			if j == 0 && start == 1 {
				continue
			}
			switch r := rs[j]; {
			case start < 0 && (r == '"' || r == '“'):
				start = j + 1
			case start >= 0 && (r == '"' || r == '”'):
				spans = append(spans, strings.Join(append(cur, string(rs[start:j])), " "))
				start, cur = -1, nil
			}
		}
		if start >= 0 {
			cur = append(cur, string(rs[start:]))
		}
	}
	if cur != nil {
		tb.Errorf("%s: quote %q never closed", key, strings.Join(cur, " "))
	}
	return spans
}

// TestExpectedListsEveryQuote checks that expected.json misses no quotation
// in the corpus: every span between quotation marks is one of the article's
// quotes or one of its not_quotes (scare quotes).
func TestExpectedListsEveryQuote(t *testing.T) {
	docs := mustCorpus(t)
	e := mustExpected(t)
	byKey := map[string]doc{}
	for _, d := range docs {
		byKey[d.key] = d
	}
	for i, a := range e.Articles {
		k := e.key(i)
		d, ok := byKey[k]
		if !ok {
			continue // reported by TestExpected
		}
		var listed []string
		for _, q := range a.Quotes {
			listed = append(listed, q.Start)
		}
		for _, s := range a.NotQuotes {
			listed = append(listed, strings.Trim(s, `"“”`))
		}
		spans := quoteSpans(t, k, d.body)
		for _, s := range spans {
			found := false
			for _, l := range listed {
				if strings.HasPrefix(s, l) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: quote %q is not in expected.json", k, s)
			}
		}
		if len(spans) != len(listed) {
			t.Errorf("%s: %d quotations in the body, expected.json lists %d (quotes and not_quotes)", k, len(spans), len(listed))
		}
	}
}

func TestFS(t *testing.T) {
	if err := fstest.TestFS(FS(), "txt/kenya-drought.txt", "html/drc-mpox-vaccines.html", "jsonl/newswire.jsonl", "jsonl/harbour-feed.jsonl"); err != nil {
		t.Fatal(err)
	}
}
