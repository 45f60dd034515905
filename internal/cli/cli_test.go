package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// corpus is the team-written test corpus: one txt, one html and a JSONL
// file of three records.
const corpus = "../../testdata/corpus"

// run runs newsdex with args and returns stdout, stderr and the exit code.
func run(tb testing.TB, args ...string) (string, string, int) {
	tb.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

// mustRun runs newsdex and fails the test unless it exits 0.
func mustRun(tb testing.TB, args ...string) string {
	tb.Helper()
	out, errs, code := run(tb, args...)
	if code != 0 {
		tb.Fatalf("newsdex %s: exit %d\nstderr: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

// mustIndex builds an index of the test corpus in a temporary folder.
func mustIndex(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "idx")
	mustRun(tb, "--index", dir, "index", corpus)
	return dir
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func TestExtractJSONShape(t *testing.T) {
	out := mustRun(t, "extract", "--format", "jsonl", filepath.Join(corpus, "lagos-port.txt"))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("extract printed %d lines, want 1:\n%s", len(lines), out)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	want := []string{"actors", "body", "byline", "countries", "date", "file", "id", "lang", "quotes", "regions", "source", "speakers", "title", "url"}
	if got := keys(rec); !reflect.DeepEqual(got, want) {
		t.Errorf("extract keys = %v, want %v", got, want)
	}
	for k, v := range map[string]string{
		"title":  "Nigeria opens deep-sea port to ease Lagos congestion",
		"source": "Gulf of Guinea Courier",
		"byline": "Adaeze Nwosu",
		"date":   "2025-03-04",
		"file":   filepath.Join(corpus, "lagos-port.txt"),
	} {
		if rec[k] != v {
			t.Errorf("extract %s = %q, want %q", k, rec[k], v)
		}
	}
	if body := rec["body"].(string); strings.Contains(body, "Advertisement") || strings.HasSuffix(body, "Share") {
		t.Errorf("body keeps page chrome: ...%q", body[len(body)-40:])
	}
	quotes := rec["quotes"].([]any)
	if len(quotes) < 3 {
		t.Fatalf("extract found %d quotes, want at least 3: %v", len(quotes), quotes)
	}
	// "The minister said ..." then "he added": the pronoun is the minister,
	// not the last person quoted.
	for _, q := range quotes {
		q := q.(map[string]any)
		if strings.Contains(q["text"].(string), "We are not finished") && q["speaker"] != "Bayo Adekunle" {
			t.Errorf("speaker of %q = %q, want Bayo Adekunle", q["text"], q["speaker"])
		}
	}
	q := quotes[0].(map[string]any)
	for _, k := range []string{"text", "speaker", "cue", "start", "end", "confidence"} {
		if _, ok := q[k]; !ok {
			t.Errorf("quote lacks %q: %v", k, q)
		}
	}
	if q["speaker"] != "Bayo Adekunle" {
		t.Errorf("first quote speaker = %q, want Bayo Adekunle", q["speaker"])
	}
	countries := rec["countries"].([]any)
	if len(countries) == 0 || countries[0].(map[string]any)["code"] != "NG" {
		t.Errorf("first country = %v, want NG", countries)
	}
}

func TestExtractBadInputKeepsTheRest(t *testing.T) {
	out, errs, code := run(t, "extract", "../../testdata/bad/mixed.jsonl")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr %s", code, errs)
	}
	if n := strings.Count(strings.TrimSpace(out), "\n") + 1; n != 2 {
		t.Errorf("extract printed %d articles, want 2 (bad-001, bad-003)", n)
	}
	if !strings.Contains(errs, "mixed.jsonl:2") {
		t.Errorf("stderr does not name mixed.jsonl:2: %q", errs)
	}
}

func TestIndexTwiceAddsNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	_, errs, code := run(t, "--index", dir, "index", corpus)
	if code != 0 {
		t.Fatalf("index: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "indexed 5 articles") {
		t.Errorf("first run summary = %q, want 5 articles indexed", errs)
	}
	_, errs, _ = run(t, "--index", dir, "index", corpus)
	if !strings.Contains(errs, "indexed 0 articles") || !strings.Contains(errs, "5 unchanged") {
		t.Errorf("second run summary = %q, want 0 indexed, 5 unchanged", errs)
	}
	var st map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "--index", dir, "stats", "--format", "json")), &st); err != nil {
		t.Fatal(err)
	}
	if st["articles"] != float64(5) {
		t.Errorf("stats articles = %v, want 5", st["articles"])
	}
}

func TestIndexBadInput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	errFile := filepath.Join(t.TempDir(), "errors.jsonl")
	_, errs, code := run(t, "--index", dir, "index", "--errors", errFile, "../../testdata/bad")
	if code != 0 {
		t.Fatalf("index: exit %d, want 0: %s", code, errs)
	}
	for _, want := range []string{"indexed 2 articles", "mixed.jsonl:2", "notes.bin", "dates that could not be read or are outside 1678-2261 (kept as text only): 1"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	b, err := os.ReadFile(errFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"line":2`) {
		t.Errorf("--errors file lacks the broken line: %s", b)
	}
	_, _, code = run(t, "--index", filepath.Join(t.TempDir(), "idx2"), "index", "--strict", "../../testdata/bad/mixed.jsonl")
	if code != 1 {
		t.Errorf("--strict exit = %d, want 1", code)
	}
}

func TestSearchJSON(t *testing.T) {
	dir := mustIndex(t)
	var res struct {
		Query  string           `json:"query"`
		Total  int              `json:"total"`
		TookMS *float64         `json:"took_ms"`
		Hits   []map[string]any `json:"hits"`
		Facets map[string][]struct {
			Value, Label string
			Count        int
		} `json:"facets"`
	}
	out := mustRun(t, "--index", dir, "search", "coffee", "--format", "json")
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search json: %v\n%s", err, out)
	}
	if res.Query != "coffee" || res.Total != 2 || res.TookMS == nil {
		t.Errorf("search coffee: query %q total %d took %v, want coffee, 2", res.Query, res.Total, res.TookMS)
	}
	wantHit := []string{"actors", "countries", "date", "id", "lang", "regions", "score", "snippet", "source", "speakers", "title", "url"}
	for _, h := range res.Hits {
		if got := keys(h); !reflect.DeepEqual(got, wantHit) {
			t.Errorf("hit keys = %v, want %v", got, wantHit)
		}
		if !strings.Contains(strings.ToLower(h["snippet"].(string)), "<mark>") {
			t.Errorf("snippet %q has no <mark>", h["snippet"])
		}
	}
	for _, f := range []string{"speaker", "actor", "country", "region", "source", "lang", "date"} {
		if _, ok := res.Facets[f]; !ok {
			t.Errorf("facets lack %q: %v", f, res.Facets)
		}
	}
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"search", "coffee", "--lang", "EN"}, 2},
		{[]string{"search", "coffee", "--lang", "de"}, 0},
		{[]string{"search", "coffee", "--lang", "de", "--lang", "en"}, 2},
		{[]string{"search", "+coffee +lang:en"}, 2},
		{[]string{"search", "coffee +language:fr"}, 0},
	} {
		out := mustRun(t, append([]string{"--index", dir}, append(c.args, "--format", "json")...)...)
		var r struct {
			Total  int `json:"total"`
			Facets map[string][]struct {
				Value string `json:"value"`
				Count int    `json:"count"`
			} `json:"facets"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if r.Total != c.want {
			t.Errorf("%q total = %d, want %d", c.args, r.Total, c.want)
		}
		if c.want > 0 && (len(r.Facets["lang"]) != 1 || r.Facets["lang"][0].Value != "en" || r.Facets["lang"][0].Count != c.want) {
			t.Errorf("%q lang facet = %v, want en: %d", c.args, r.Facets["lang"], c.want)
		}
	}

	for _, country := range []string{"BR", "br", "Brazil"} {
		out = mustRun(t, "--index", dir, "search", "coffee", "--country", country, "--format", "json")
		res.Hits = nil
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0]["id"] != "wire-001" {
			t.Errorf("search coffee --country %s = %d hits %v, want wire-001", country, res.Total, res.Hits)
		}
		found := false
		for _, v := range res.Facets["country"] {
			found = found || (v.Value == "BR" && v.Label == "Brazil" && v.Count == 1)
		}
		if !found {
			t.Errorf("--country %s: country facet %v lacks BR/Brazil 1", country, res.Facets["country"])
		}
	}
}

func TestSearchFormats(t *testing.T) {
	dir := mustIndex(t)
	out := mustRun(t, "--index", dir, "search", "--all", "--format", "jsonl")
	if n := len(strings.Split(strings.TrimSpace(out), "\n")); n != 5 {
		t.Errorf("search --all --format jsonl printed %d lines, want 5", n)
	}
	out = mustRun(t, "--index", dir, "search", "--format", "csv", "--sort", "date")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || rows[0][0] != "id" {
		t.Fatalf("csv: %d rows, header %v; want 6 rows with header id,...", len(rows), rows[0])
	}
	if rows[1][2] != "2024-07-02" {
		t.Errorf("csv --sort date first date = %q, want 2024-07-02", rows[1][2])
	}
	out = mustRun(t, "--index", dir, "search", "--limit", "0", "--format", "json")
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if hits := res["hits"].([]any); len(hits) != 0 || res["total"] != float64(5) {
		t.Errorf("--limit 0: %d hits, total %v; want 0 hits, total 5", len(hits), res["total"])
	}
	out = mustRun(t, "--index", dir, "search", "coffee", "--format", "table")
	if !strings.Contains(out, "2 of 2 hits") || !strings.Contains(out, "country:") {
		t.Errorf("table output lacks the count or facets:\n%s", out)
	}
}

func TestQuotesJSON(t *testing.T) {
	dir := mustIndex(t)
	out := mustRun(t, "--index", dir, "quotes", "queues", "--format", "json")
	var res struct {
		Total int              `json:"total"`
		Hits  []map[string]any `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total < 1 {
		t.Fatalf("quotes queues: total %d, want >= 1", res.Total)
	}
	for _, k := range []string{"id", "text", "speaker", "cue", "article_id", "title", "date", "source", "countries", "snippet"} {
		if _, ok := res.Hits[0][k]; !ok {
			t.Errorf("quote hit lacks %q: %v", k, res.Hits[0])
		}
	}
	out = mustRun(t, "--index", dir, "quotes", "--speaker", "Wanjiru Kamau", "--format", "jsonl")
	if !strings.Contains(out, "Cheap, clean power") {
		t.Errorf("quotes --speaker 'Wanjiru Kamau' lacks her quote:\n%s", out)
	}
}

func TestShow(t *testing.T) {
	dir := mustIndex(t)
	var a map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "--index", dir, "show", "wire-002")), &a); err != nil {
		t.Fatal(err)
	}
	if a["title"] != "Kenya and Ethiopia sign power-sharing deal" || a["date"] != "2025-11-12" || a["source"] != "Meridian Wire" {
		t.Errorf("show wire-002 = %v", a)
	}
	if len(a["quotes"].([]any)) == 0 {
		t.Errorf("show wire-002 has no quotes")
	}
	_, errs, code := run(t, "--index", dir, "show", "no-such-id")
	if code != 1 || !strings.Contains(errs, "no-such-id") {
		t.Errorf("show unknown id: exit %d, stderr %q", code, errs)
	}
}

// TestShowMany checks that show takes many IDs, or - for IDs on standard
// input, and streams one article a JSON line in the order given, reporting
// the IDs it cannot find and printing the rest.
func TestShowMany(t *testing.T) {
	dir := mustIndex(t)
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(mustRun(t, "--index", dir, "search", "--all", "--format", "jsonl")), "\n") {
		var h struct{ ID string }
		if err := json.Unmarshal([]byte(line), &h); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, h.ID)
	}
	if len(ids) < 3 {
		t.Fatalf("search --all: %d hits, want at least 3", len(ids))
	}
	check := func(what, out string, want []string) {
		t.Helper()
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != len(want) {
			t.Fatalf("%s: %d lines, want %d:\n%s", what, len(lines), len(want), out)
		}
		for i, line := range lines {
			var a struct {
				ID   string
				Body string
			}
			if err := json.Unmarshal([]byte(line), &a); err != nil || a.ID != want[i] || a.Body == "" {
				t.Errorf("%s line %d: id %q (err %v), want %q with a body", what, i+1, a.ID, err, want[i])
			}
		}
	}
	check("show ID ID ID", mustRun(t, append([]string{"--index", dir, "show"}, ids...)...), ids)

	var out, errb bytes.Buffer
	in := strings.NewReader(ids[1] + "\n\nno-such-id\n" + ids[0] + "\n")
	code := Run(context.Background(), []string{"--index", dir, "show", "-"}, Streams{In: in, Out: &out, Err: &errb})
	check("show - with an unknown ID", out.String(), []string{ids[1], ids[0]})
	if code != 1 || !strings.Contains(errb.String(), `no article with id "no-such-id"`) || !strings.Contains(errb.String(), "1 of 3 IDs not found") {
		t.Errorf("show - with an unknown ID: exit %d, stderr %q", code, errb.String())
	}
}

// TestFields checks that --fields adds whole-record fields to hits in
// every format, with --all too, replacing a hit's short form of a field.
func TestFields(t *testing.T) {
	dir := mustIndex(t)
	out := mustRun(t, "--index", dir, "search", "--all", "--fields", "body,actors,countries,file", "--format", "jsonl")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("search --all --fields: %d lines", len(lines))
	}
	for _, line := range lines {
		var h struct {
			ID        string
			Body      string
			File      string
			Actors    []struct{ Name, Type string }
			Countries []struct {
				Code     string
				Mentions int
			}
		}
		if err := json.Unmarshal([]byte(line), &h); err != nil {
			t.Fatalf("search --fields line %q: %v", line, err)
		}
		if h.Body == "" || h.File == "" {
			t.Errorf("search --fields: %s has no body or file", h.ID)
		}
		for _, a := range h.Actors {
			if a.Type == "" {
				t.Errorf("search --fields: %s actor %q has no type", h.ID, a.Name)
			}
		}
		for _, c := range h.Countries {
			if c.Mentions < 1 {
				t.Errorf("search --fields: %s country %s has no mention count", h.ID, c.Code)
			}
		}
	}
	csvOut := mustRun(t, "--index", dir, "quotes", "--fields", "start,end,byline", "--format", "csv")
	header := strings.SplitN(csvOut, "\n", 2)[0]
	if !strings.HasSuffix(header, ",start,end,byline") {
		t.Errorf("quotes --fields CSV header = %q, want it to end with start,end,byline", header)
	}
	jsonOut := mustRun(t, "--index", dir, "search", "--fields", "quotes", "--format", "json", "--limit", "1")
	var res struct {
		Hits []struct{ Quotes []struct{ Text string } }
	}
	if err := json.Unmarshal([]byte(jsonOut), &res); err != nil || len(res.Hits) != 1 {
		t.Fatalf("search --fields quotes --format json: %v\n%s", err, jsonOut)
	}
	table := mustRun(t, "--index", dir, "search", "--fields", "byline", "--format", "table")
	if !strings.Contains(strings.SplitN(table, "\n", 2)[0], "BYLINE") {
		t.Errorf("search --fields byline table header lacks BYLINE:\n%s", table)
	}
	if _, errs, code := run(t, "--index", dir, "search", "--fields", "start"); code != 2 || !strings.Contains(errs, `unknown field "start"`) {
		t.Errorf("search --fields start: exit %d, stderr %q", code, errs)
	}
}

// TestDateBoundsOutOfRange: bounds the index cannot range over are
// clamped (they exited 1 with bleve's "invalid/unsupported date range").
func TestDateBoundsOutOfRange(t *testing.T) {
	dir := mustIndex(t)
	for _, args := range [][]string{{"--to", "2262"}, {"--from", "1500"}, {"--to", "9999"}, {"--from", "1200", "--to", "1300"}} {
		mustRun(t, append([]string{"--index", dir, "search", "--format", "json"}, args...)...)
	}
}

// TestIndexSource checks that --source names the source of articles that
// give none, and leaves the others' alone.
func TestIndexSource(t *testing.T) {
	tmp := t.TempDir()
	dir, note := filepath.Join(tmp, "idx"), filepath.Join(tmp, "note.txt")
	if err := os.WriteFile(note, []byte("Harbour fees rise\n\nThe harbour board raised its fees on Monday, a plain note with no source line.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--index", dir, "index", "--source", "Team Notes", corpus, note)
	out := mustRun(t, "--index", dir, "search", `source:"team notes"`, "--all", "--format", "jsonl")
	all := mustRun(t, "--index", dir, "search", "--all", "--format", "jsonl")
	n, total := strings.Count(out, "\n"), strings.Count(all, "\n")
	if n != 1 || total < 2 {
		t.Errorf("--source: %d of %d articles from Team Notes, want the note only (the corpus names its own)", n, total)
	}
	if !strings.Contains(out, `"source":"Team Notes"`) {
		t.Errorf("--source: hits do not carry the source:\n%s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := mustIndex(t)
	for _, args := range [][]string{
		{"search", "--sort", "sideways"},
		{"search", "--format", "xml"},
		{"search", "--country", "Atlantis"},
		{"search", "--from", "yesterday-ish"},
		{"search", "--facets", "colour"},
		{"search", `title:"open`},
		{"search", "colour:red"},
		{"search", "coffee", "--offset", "9223372036854775807"},
		{"quotes", "--offset", "9223372036854775807"},
		{"search", "--offset", "9223372036854775808"},
		{"search", "--all", "--limit", "5"},
		{"search", "--all", "--offset", "5"},
		{"quotes", "--all", "--sort", "relevance"},
		{"search", "/"},
		{"index", "--workers", "9223372036854775807", corpus},
		{"index", "--batch", "9223372036854775807", corpus},
		{"extract", "--workers", "-1", corpus},
		{"extract", "--format", "yaml", corpus},
		{"nosuchcommand"},
	} {
		_, errs, code := run(t, append([]string{"--index", dir}, args...)...)
		if code != 2 {
			t.Errorf("newsdex %s: exit %d, want 2 (stderr %q)", strings.Join(args, " "), code, errs)
		}
	}
}

// TestContractMessages: what the contract checks (search.Normalize) is
// worded as the web and a server word it: the same request, the same
// message, exit 2.
func TestContractMessages(t *testing.T) {
	dir := mustIndex(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "--sort", "sideways"}, `newsdex: bad query: unknown sort "sideways" (want relevance, date or -date)`},
		{[]string{"search", "--facets", "country,colour"}, `newsdex: bad query: unknown facet "colour" (want speaker, actor, country, region, source, lang, date)`},
		{[]string{"search", "--facet-size", "1001"}, `newsdex: bad query: facet size 1001 is outside 0..1000`},
		{[]string{"search", "--facet-size", "-1"}, `newsdex: bad query: facet size -1 is outside 0..1000`},
		{[]string{"quotes", "--min-confidence", "1.5"}, `newsdex: bad query: minimum confidence 1.5 is outside 0..1`},
		{[]string{"search", "--from", "2025-03", "--to", "2025-01"}, `newsdex: bad query: date range 2025-03-01..2025-01-31 is empty`},
		{[]string{"search", "--default-operator", "xor", "oil"}, `newsdex: bad query: default operator "xor": want and or or`},
		{[]string{"quotes", "--default-operator", "xor", "oil"}, `newsdex: bad query: default operator "xor": want and or or`},
	} {
		_, errs, code := run(t, append([]string{"--index", dir}, tc.args...)...)
		if code != 2 || strings.TrimSpace(errs) != tc.want {
			t.Errorf("newsdex %s: exit %d, stderr %q; want 2, %q", strings.Join(tc.args, " "), code, errs, tc.want)
		}
	}
}

// TestDateForms: --from and --to take the forms the web's from and to and
// the query's date: ranges take (search.ParseBound), and nothing else: the
// CLI once read "14 Feb 2025" too, which the web and the index refused.
func TestDateForms(t *testing.T) {
	for _, tc := range []struct {
		flag, in string
		code     int
		errs     string
	}{
		{"--from", "2025", 0, ""},
		{"--to", "2024-02", 0, ""},
		{"--from", "2025-01-18", 0, ""},
		{"--from", "14 Feb 2025", 2, `newsdex: --from: cannot read date "14 Feb 2025" (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{"--to", "January 18, 2025", 2, `newsdex: --to: cannot read date "January 18, 2025" (want YYYY-MM-DD, YYYY-MM or YYYY)`},
	} {
		_, errs, code := run(t, "search", "--demo", "--limit", "0", "--format", "json", tc.flag, tc.in)
		if code != tc.code || strings.TrimSpace(errs) != tc.errs {
			t.Errorf("search %s %q: exit %d, stderr %q; want %d, %q", tc.flag, tc.in, code, errs, tc.code, tc.errs)
		}
	}
}
