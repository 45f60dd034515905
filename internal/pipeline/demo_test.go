package pipeline_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/demo"
	"github.com/newsdex/newsdex/internal/ingest"
	"github.com/newsdex/newsdex/internal/pipeline"
)

// expected is internal/demo/testdata/expected.json: the facts the team wrote
// into each demo article, by hand.
type expected struct {
	Articles []struct {
		File      string   `json:"file"`
		ID        string   `json:"id"`
		Title     string   `json:"title"`
		Date      string   `json:"date"`
		Source    string   `json:"source"`
		Byline    string   `json:"byline"`
		Countries []string `json:"countries"`
		Quotes    []struct {
			Start   string `json:"start"`
			Speaker string `json:"speaker"`
			Partial bool   `json:"partial"`
		} `json:"quotes"`
		NotQuotes []string `json:"not_quotes"`
	} `json:"articles"`
}

// words lower-cases s and keeps its letters and digits.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// sameSpeaker reports whether got names the expected speaker: the same
// last name word (people) or the same words (organisations).
func sameSpeaker(got, want string) bool {
	g, w := strings.Fields(words(got)), strings.Fields(words(want))
	if len(g) == 0 || len(w) == 0 {
		return len(g) == len(w)
	}
	return g[len(g)-1] == w[len(w)-1]
}

// TestDemoAgainstExpected scores the extractor on the demo corpus against
// the facts written by hand in expected.json, and holds it to floors. The
// figures are logged: go test ./internal/pipeline -run Expected -v
func TestDemoAgainstExpected(t *testing.T) {
	b, err := os.ReadFile("../demo/testdata/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp expected
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	got := map[string]*article.Article{}
	p := &pipeline.Pipeline{OnError: func(e *ingest.Error) { t.Errorf("demo: %v", e) }}
	err = p.Run(context.Background(), pipeline.FS(demo.FS(), "."), func(chunk []*article.Article) error {
		for _, a := range chunk {
			key := a.File
			if strings.HasSuffix(a.File, ".jsonl") {
				key += "#" + a.ID
			}
			got[key] = a
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	var meta, metaOK, ctp, cfp, cfn, top1, quotes, found, named, speakerOK, scare, scareFound int
	for _, e := range exp.Articles {
		key := e.File
		if e.ID != "" {
			key += "#" + e.ID
		}
		a := got[key]
		if a == nil {
			t.Errorf("%s: not read", key)
			continue
		}
		for _, f := range [][2]string{{a.Title, e.Title}, {a.DateString(), e.Date}, {a.Source, e.Source}, {words(a.Byline), words(e.Byline)}} {
			meta++
			if f[0] == f[1] {
				metaOK++
			} else {
				t.Logf("%s: got %q, want %q", key, f[0], f[1])
			}
		}
		want := map[string]bool{}
		for _, c := range e.Countries {
			want[c] = true
		}
		have := map[string]bool{}
		for i, c := range a.Countries {
			have[c.Code] = true
			if i == 0 && want[c.Code] {
				top1++
			}
			if want[c.Code] {
				ctp++
			} else {
				cfp++
			}
		}
		for c := range want {
			if !have[c] {
				cfn++
			}
		}
		for _, q := range e.Quotes {
			quotes++
			start := words(q.Start)
			var hit *article.Quote
			for i := range a.Quotes {
				if strings.Contains(words(a.Quotes[i].Text), start) {
					hit = &a.Quotes[i]
					break
				}
			}
			if hit == nil {
				t.Logf("%s: missed quote %q (%s)", key, q.Start, q.Speaker)
				continue
			}
			found++
			if q.Speaker != "" {
				named++
				if sameSpeaker(hit.Speaker, q.Speaker) {
					speakerOK++
				} else {
					t.Logf("%s: quote %q: speaker %q, want %q", key, q.Start, hit.Speaker, q.Speaker)
				}
			}
		}
		for _, nq := range e.NotQuotes {
			scare++
			for _, q := range a.Quotes {
				if words(q.Text) == words(nq) {
					scareFound++
					t.Logf("%s: scare quote %q taken for a quote", key, nq)
				}
			}
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	metaAcc := ratio(metaOK, meta)
	cPrec, cRec, cTop := ratio(ctp, ctp+cfp), ratio(ctp, ctp+cfn), ratio(top1, len(exp.Articles))
	qRec, spk := ratio(found, quotes), ratio(speakerOK, named)
	t.Logf("metadata %.3f (%d/%d); countries precision %.3f recall %.3f top-1 %.3f; quotes found %.3f (%d/%d); speakers %.3f (%d/%d); scare quotes taken %d/%d",
		metaAcc, metaOK, meta, cPrec, cRec, cTop, qRec, found, quotes, spk, speakerOK, named, scareFound, scare)
	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"metadata accuracy", metaAcc, 0.98},
		{"country precision", cPrec, 0.80},
		{"country recall", cRec, 0.85},
		{"country top-1", cTop, 0.90},
		{"quote recall", qRec, 0.85},
		{"speaker accuracy", spk, 0.85},
	} {
		if f.got < f.floor {
			t.Errorf("%s = %.3f, want >= %.2f", f.name, f.got, f.floor)
		}
	}
	if scareFound > 0 {
		t.Errorf("%d scare quotes taken for quotes, want 0", scareFound)
	}
}
