package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestNamedOnly: a speaker the article does not name is shown by its
// description, unnamed; --named-only leaves those quotes out, and the
// speaker facet and filter hold names only.
func TestNamedOnly(t *testing.T) {
	type hit struct {
		ID      string `json:"id"`
		Speaker string `json:"speaker"`
		Named   bool   `json:"speaker_named"`
		Desc    string `json:"speaker_description"`
	}
	hits := func(args ...string) map[string]hit {
		out := mustRun(t, append([]string{"quotes", "--demo", "--all", "--sort", "date", "--format", "jsonl"}, args...)...)
		m := map[string]hit{}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var h hit
			if err := json.Unmarshal([]byte(line), &h); err != nil {
				t.Fatalf("quotes %q: %v\n%s", args, err, line)
			}
			m[h.ID] = h
		}
		return m
	}
	all, named := hits(), hits("--named-only")
	// The utility of South Africa's power prices is never named.
	if h := all["e02195d404a5d4ab#q2"]; h.Speaker != "the utility" || h.Named || h.Desc != "the utility" {
		t.Errorf("described speaker = %+v, want the utility, unnamed", h)
	}
	unnamed := 0
	for id, h := range all {
		if _, ok := named[id]; ok != h.Named {
			t.Errorf("--named-only kept %s = %v, speaker %q named %v", id, ok, h.Speaker, h.Named)
		}
		if !h.Named {
			unnamed++
		}
	}
	if unnamed == 0 || len(named) == 0 {
		t.Errorf("%d unnamed and %d named quotes, want some of each", unnamed, len(named))
	}
	if n, _ := quoteFacet(t, "--demo", "--speaker", "the utility"); n != 0 {
		t.Errorf("quotes --speaker %q = %d, want 0 (descriptions are no speaker values)", "the utility", n)
	}
	_, f := quoteFacet(t, "--demo", "--facet-size", "1000")
	for _, v := range f {
		if strings.HasPrefix(v, "the utility ") || strings.HasPrefix(v, "Opposition lawmakers ") {
			t.Errorf("speaker facet holds the description %q", v)
		}
	}
	out := mustRun(t, "quotes", "--demo", "--speaker", "Wanjiru Kamau", "--format", "csv", "--limit", "1")
	if !strings.HasPrefix(out, "id,date,speaker,speaker_title,cue,confidence,text,article_id,title,source,countries,snippet,speaker_named,speaker_description\n") ||
		!strings.Contains(out, ",true,\n") {
		t.Errorf("quotes --format csv:\n%s", out)
	}
	if _, errs, code := run(t, "search", "--demo", "--named-only"); code != 2 || !strings.Contains(errs, "unknown flag: --named-only") {
		t.Errorf("search --named-only: exit %d, stderr %q", code, errs)
	}
}
