package extract

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

// TestCountriesInOtherLanguages reads the team-written articles of
// testdata/countries, one in each language whose country names the
// gazetteer knows, and checks the countries found and the most salient.
func TestCountriesInOtherLanguages(t *testing.T) {
	x := New(gazetteer.Default())
	for _, c := range []struct {
		lang  string
		codes []string // most salient first, then the rest in any order
	}{
		{"de", []string{"JP", "CN", "KR", "US"}},
		{"es", []string{"MX", "GT", "US"}},
		{"fr", []string{"UA", "DE", "FR", "RU", "US"}},
		{"it", []string{"IT", "DE", "FR", "LY", "TN"}},
		{"pt", []string{"BR", "AR", "DE", "NO", "PE"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "countries", c.lang+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			a := &article.Article{Body: string(b)}
			x.Extract(a)
			if a.Lang != c.lang {
				t.Fatalf("lang = %q, want %q", a.Lang, c.lang)
			}
			var got []string
			for _, co := range a.Countries {
				got = append(got, co.Code)
			}
			if len(got) == 0 || got[0] != c.codes[0] {
				t.Errorf("most salient country = %v, want %s", got, c.codes[0])
			}
			slices.Sort(got)
			want := slices.Clone(c.codes)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("countries = %v, want %v", got, want)
			}
			if len(a.Quotes)+len(a.Actors) > 0 {
				t.Errorf("quotes %v, actors %v: want none from English rules", a.Quotes, a.Actors)
			}
		})
	}
}
