package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

// langArticles returns the team-written articles of testdata/lang by
// their language code (the file name).
func langArticles(t *testing.T) map[string]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "lang", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles in testdata/lang: %v", err)
	}
	out := make(map[string]string)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(p), ".txt")] = string(b)
	}
	return out
}

func TestDetectLang(t *testing.T) {
	for want, text := range langArticles(t) {
		t.Run(want, func(t *testing.T) {
			if got := DetectLang(text); got != want {
				t.Errorf("DetectLang(%.40q) = %q, want %q", text, got, want)
			}
		})
	}
	for _, text := range []string{"", "12 34 56", "Shr 1.20 dlrs vs 1.10"} {
		if got := DetectLang(text); got != "" {
			t.Errorf("DetectLang(%q) = %q, want \"\"", text, got)
		}
	}
}

// TestEnglishAgreesWithDetector checks the function-word shortcut against
// the detector it saves calling: whatever it calls English, the detector
// calls English too, and it calls no text in another language English.
func TestEnglishAgreesWithDetector(t *testing.T) {
	for lang, text := range langArticles(t) {
		for _, cut := range []int{200, 400, langPrefix} {
			p := prefix(text, cut)
			got, _ := detect(p)
			lib := whatlanggo.Detect(p).Lang.Iso6391()
			if got == "en" && lib != "en" || (got == "en") != (lang == "en") {
				t.Errorf("%s, %d bytes: detect = %q, detector says %q", lang, cut, got, lib)
			}
		}
	}
}

func TestLanguageDeclared(t *testing.T) {
	texts := langArticles(t)
	for _, c := range []struct{ declared, body, want string }{
		{"de-DE", texts["de"], "de"},
		{"en", texts["de"], "de"},       // a template's lang over German text
		{"pt_BR", "Olá", "pt"},          // too short to detect: the declared one
		{"German", "", "de"},            // a language's name
		{"xx", "", ""},                  // no such code
		{"", texts["fr"], "fr"},         // detected
		{"fr", texts["fr"], "fr"},       // agreed
		{"klingon", texts["en"], "en"},  // unknown name: detected
		{"EN-us", "Yes.", "en"},         // case
		{"", "", ""},                    // nothing to go on
		{"es", texts["es"][:60], "es"},  // a short prefix
		{"it", "Roma, 3 marzo", "it"},   // a dateline only
		{"ru", texts["ru"], "ru"},       // another script
		{"en", texts["hu"], "hu"},       // Hungarian under an English template
		{"hu", texts["en"], "en"},       // and the other way round
		{"", texts["nl"], "nl"},         // Dutch is not English
		{" de ", texts["de"], "de"},     // spaces
		{"deu", texts["de"], "de"},      // a three-letter code: detected
		{"", texts["en"][:100], "en"},   // short English
		{"es", texts["en"][:100], "en"}, // short English, declared Spanish
	} {
		a := &article.Article{Lang: c.declared, Body: c.body}
		language(a)
		if a.Lang != c.want {
			t.Errorf("language(declared %q, body %.30q) = %q, want %q", c.declared, c.body, a.Lang, c.want)
		}
	}
}

// TestNoEnglishRulesInOtherLanguages checks that an article in another
// language gets no quotes, speakers or actors from the English rules: the
// German test article has a reported statement and the word "Reihe"
// after a full stop, which English rules once read as a speaker.
func TestNoEnglishRulesInOtherLanguages(t *testing.T) {
	x := New(gazetteer.Default())
	for lang, text := range langArticles(t) {
		a := &article.Article{Body: text + "\n\n\u201eWir sind enttäuscht\u201c, sagte die Reihe. \u201cIt was a sad day for all of us,\u201d a reader said."}
		x.Extract(a)
		if lang == "en" {
			if len(a.Quotes) == 0 {
				t.Errorf("%s: no quotes", lang)
			}
			continue
		}
		if len(a.Quotes)+len(a.Speakers)+len(a.Actors) > 0 {
			t.Errorf("%s: quotes %v, speakers %v, actors %v; want none", lang, a.Quotes, a.Speakers, a.Actors)
		}
	}
}

func BenchmarkDetectLang(b *testing.B) {
	bodies := benchBodies(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		DetectLang(prefix(bodies[n%len(bodies)], langPrefix))
		n++
	}
}
