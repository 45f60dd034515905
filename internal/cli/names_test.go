package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
)

// Team-written stories about one harbour master: the first two call him
// "Varga" only, the third (a later run) gives his full name.
const (
	vargaBare = `{"id":"harbour-1","title":"Harbour board delays dredging","date":"2025-03-01","body":"The harbour board of Port Ellery postponed dredging on Monday.\n\n\"The quays need dredging before winter,\" Varga said after the meeting.\n\nThe board meets again in April."}
{"id":"harbour-2","title":"Harbour board names new chair","date":"2025-03-08","body":"The harbour board of Port Ellery chose a new chair on Monday.\n\n\"We will dredge the quays in March,\" Varga told the board.\n\nThe vote was unanimous."}
`
	vargaFull = `{"id":"harbour-3","title":"Dredging begins at Port Ellery","date":"2025-04-02","body":"Dredging began at Port Ellery on Wednesday, a month late.\n\n\"The quays will be deep enough by June,\" said Tomas Varga, the harbour master.\n\nVarga added that the work would cost less than planned."}
`
)

// writeVarga writes the two files and returns their paths.
func writeVarga(tb testing.TB) (bare, full string) {
	tb.Helper()
	dir := tb.TempDir()
	bare, full = filepath.Join(dir, "bare.jsonl"), filepath.Join(dir, "full.jsonl")
	for path, s := range map[string]string{bare: vargaBare, full: vargaFull} {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return bare, full
}

// people returns each article's quote speakers, speakers, actors and
// aliases, by id, from extract or show output (one JSON object a line or
// one object).
func people(tb testing.TB, out string) map[string]string {
	tb.Helper()
	got := map[string]string{}
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var a article.Article
		if err := dec.Decode(&a); err != nil {
			tb.Fatalf("decode %q: %v", out, err)
		}
		var qs, as []string
		for _, q := range a.Quotes {
			qs = append(qs, q.Speaker)
		}
		for _, ac := range a.Actors {
			as = append(as, ac.Name)
		}
		b, _ := json.Marshal(a.Aliases)
		got[a.ID] = "quotes " + strings.Join(qs, ";") + " speakers " + strings.Join(a.Speakers, ";") + " actors " + strings.Join(as, ";") + " aliases " + string(b)
	}
	return got
}

var (
	vargaIndexed = map[string]string{
		"harbour-1": `quotes Tomas Varga speakers Tomas Varga actors Tomas Varga aliases {"Tomas Varga":["Varga"]}`,
		"harbour-2": `quotes Tomas Varga speakers Tomas Varga actors Tomas Varga aliases {"Tomas Varga":["Varga"]}`,
		"harbour-3": `quotes Tomas Varga speakers Tomas Varga actors Tomas Varga aliases {"Tomas Varga":["Varga"]}`,
	}
	vargaAlone = map[string]string{
		"harbour-1": `quotes Varga speakers Varga actors Varga aliases null`,
		"harbour-2": `quotes Varga speakers Varga actors Varga aliases null`,
		"harbour-3": `quotes Tomas Varga speakers Tomas Varga actors Tomas Varga aliases null`,
	}
)

func TestExtractNames(t *testing.T) {
	bare, full := writeVarga(t)
	if got := people(t, mustRun(t, "extract", bare, full)); !reflect.DeepEqual(got, vargaIndexed) {
		t.Errorf("extract (corpus names) = %q\nwant %q", got, vargaIndexed)
	}
	var arts []article.Article
	if err := json.Unmarshal([]byte(mustRun(t, "extract", "--format", "json", bare, full)), &arts); err != nil || len(arts) != 3 || arts[0].Quotes[0].Speaker != "Tomas Varga" {
		t.Errorf("extract --format json: %v, %+v", err, arts)
	}
	if got := people(t, mustRun(t, "extract", "--names", "article", bare, full)); !reflect.DeepEqual(got, vargaAlone) {
		t.Errorf("extract --names article = %q\nwant %q", got, vargaAlone)
	}
	if _, errs, code := run(t, "extract", "--names", "world", bare); code != 2 || !strings.Contains(errs, `--names "world": want corpus or article`) {
		t.Errorf("extract --names world: exit %d, stderr %q", code, errs)
	}
}

// quoteFacet runs a quote search and returns its total and speaker facet
// as "value count [aliases]".
func quoteFacet(tb testing.TB, args ...string) (int, []string) {
	tb.Helper()
	var res struct {
		Total  int `json:"total"`
		Facets struct {
			Speaker []struct {
				Value   string   `json:"value"`
				Count   int      `json:"count"`
				Aliases []string `json:"aliases"`
			} `json:"speaker"`
		} `json:"facets"`
	}
	out := mustRun(tb, append([]string{"quotes", "--format", "json", "--facets", "speaker"}, args...)...)
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		tb.Fatalf("quotes %q: %v\n%s", args, err, out)
	}
	var vals []string
	for _, v := range res.Facets.Speaker {
		vals = append(vals, v.Value+" "+itoa(v.Count)+" ["+strings.Join(v.Aliases, ";")+"]")
	}
	return res.Total, vals
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestNamesLaterRun indexes the bare name, then in a later run the full
// one: facets, filters and show follow, and name people as extract does.
func TestNamesLaterRun(t *testing.T) {
	bare, full := writeVarga(t)
	dir := filepath.Join(t.TempDir(), "idx")
	mustRun(t, "--index", dir, "index", bare)
	if n, f := quoteFacet(t, "--index", dir, "dredge"); n != 2 || !reflect.DeepEqual(f, []string{"Varga 2 []"}) {
		t.Errorf("first run: quotes dredge = %d, facet %q; want 2, [Varga 2 []]", n, f)
	}
	mustRun(t, "--index", dir, "index", full)
	want := []string{"Tomas Varga 3 [Varga]"}
	for _, speaker := range []string{"Varga", "Tomas Varga", "tomas varga"} {
		if n, f := quoteFacet(t, "--index", dir, "--speaker", speaker); n != 3 || !reflect.DeepEqual(f, want) {
			t.Errorf("later run: quotes --speaker %q = %d, facet %q; want 3, %q", speaker, n, f, want)
		}
	}
	if n, _ := quoteFacet(t, "--index", dir, "speaker:Varga"); n != 3 {
		t.Errorf("later run: quotes speaker:Varga = %d, want 3", n)
	}
	got := map[string]string{}
	for id := range vargaIndexed {
		for k, v := range people(t, mustRun(t, "--index", dir, "show", id)) {
			got[k] = v
		}
	}
	if !reflect.DeepEqual(got, vargaIndexed) {
		t.Errorf("show after the later run = %q\nwant (as extract names them) %q", got, vargaIndexed)
	}
	if out := mustRun(t, "--index", dir, "show", "--format", "text", "harbour-1"); !strings.Contains(out, "Aliases:   Tomas Varga (also Varga)") {
		t.Errorf("show --format text lacks the aliases:\n%s", out)
	}
	// Confidence: in every output, and as a filter.
	out := mustRun(t, "--index", dir, "quotes", "--speaker", "Varga", "--format", "csv")
	if !strings.HasPrefix(out, "id,date,speaker,speaker_title,cue,confidence,text,") || strings.Count(out, ",Tomas Varga,") != 3 {
		t.Errorf("quotes --format csv:\n%s", out)
	}
	if out := mustRun(t, "--index", dir, "quotes", "--format", "jsonl"); strings.Count(out, `"confidence":`) != 3 {
		t.Errorf("quotes --format jsonl lacks confidence:\n%s", out)
	}
	if n, _ := quoteFacet(t, "--index", dir, "--min-confidence", "1"); n != 0 {
		t.Errorf("quotes --min-confidence 1 = %d, want 0", n)
	}
	if n, _ := quoteFacet(t, "--index", dir, "--min-confidence", "0.1"); n != 3 {
		t.Errorf("quotes --min-confidence 0.1 = %d, want 3", n)
	}
	if _, errs, code := run(t, "--index", dir, "quotes", "--min-confidence", "2"); code != 2 || !strings.Contains(errs, "newsdex: bad query: minimum confidence 2 is outside 0..1") {
		t.Errorf("quotes --min-confidence 2: exit %d, stderr %q", code, errs)
	}
}

// TestNamesThroughServer indexes the full name through a running server:
// its API follows at once.
func TestNamesThroughServer(t *testing.T) {
	bin := mustBinary(t)
	bare, full := writeVarga(t)
	dir := filepath.Join(t.TempDir(), "idx")
	mustRun(t, "--index", dir, "index", bare)
	srv := mustServe(t, bin, dir)
	defer srv.stop(t)
	get := func(path string, out any) {
		t.Helper()
		resp, err := http.Get(srv.base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s: %s", path, resp.Status, b)
		}
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, b)
		}
	}
	type quotes struct {
		Total int `json:"total"`
		Hits  []struct {
			Speaker    string   `json:"speaker"`
			Confidence *float64 `json:"confidence"`
		} `json:"hits"`
		Facets map[string][]struct {
			Value   string   `json:"value"`
			Count   int      `json:"count"`
			Aliases []string `json:"aliases"`
		} `json:"facets"`
	}
	var before quotes
	get("/api/quotes?speaker=Varga&facets=speaker", &before)
	if before.Total != 2 || len(before.Facets["speaker"]) != 1 || before.Facets["speaker"][0].Value != "Varga" {
		t.Errorf("before: /api/quotes?speaker=Varga = %+v", before)
	}
	if _, errs, code := run(t, "--index", dir, "index", full); code != 0 || !strings.Contains(errs, "writing through the server") {
		t.Fatalf("index through the server: exit %d, stderr %s", code, errs)
	}
	for _, speaker := range []string{"Varga", "Tomas Varga"} {
		var after quotes
		get("/api/quotes?facets=speaker&speaker="+url.QueryEscape(speaker), &after)
		f := after.Facets["speaker"]
		if after.Total != 3 || len(f) != 1 || f[0].Value != "Tomas Varga" || f[0].Count != 3 || !reflect.DeepEqual(f[0].Aliases, []string{"Varga"}) {
			t.Errorf("after: /api/quotes?speaker=%s = %+v", speaker, after)
		}
		for _, h := range after.Hits {
			if h.Speaker != "Tomas Varga" || h.Confidence == nil || *h.Confidence <= 0 {
				t.Errorf("after: quote hit speaker %q confidence %v", h.Speaker, h.Confidence)
			}
		}
	}
	var none quotes
	get("/api/quotes?speaker=Varga&min_confidence=1", &none)
	if none.Total != 0 {
		t.Errorf("/api/quotes?min_confidence=1 total = %d, want 0", none.Total)
	}
	var a article.Article
	get("/api/articles/harbour-1", &a)
	if a.Quotes[0].Speaker != "Tomas Varga" || !reflect.DeepEqual(a.Aliases, map[string][]string{"Tomas Varga": {"Varga"}}) {
		t.Errorf("/api/articles/harbour-1: speaker %q aliases %q", a.Quotes[0].Speaker, a.Aliases)
	}
	// The CLI on the served index goes through the server too.
	if n, f := quoteFacet(t, "--index", dir, "--speaker", "Varga"); n != 3 || !reflect.DeepEqual(f, []string{"Tomas Varga 3 [Varga]"}) {
		t.Errorf("quotes through the server: %d, %q", n, f)
	}
	if n, _ := quoteFacet(t, "--index", dir, "--min-confidence", "1"); n != 0 {
		t.Errorf("quotes --min-confidence 1 through the server = %d, want 0", n)
	}
}
