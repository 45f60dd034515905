package extract

import (
	"testing"

	"github.com/newsdex/newsdex/internal/article"
)

func TestActors(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		want    map[string]string // name -> type, all must be present
		notWant []string
	}{
		{"surname joins full name",
			"Foreign Minister Fuad Hussein met President Donald Trump. Later Hussein said Trump was friendly. President Trump agreed.",
			map[string]string{"Fuad Hussein": article.Person, "Donald Trump": article.Person},
			[]string{"Hussein", "Trump", "President Trump", "Foreign Minister Fuad Hussein"}},
		{"aliases are one organisation",
			"Islamic State lost ground. ISIS fighters fled, and ISIL said nothing.",
			map[string]string{"Islamic State": article.Organization},
			[]string{"ISIS", "ISIL"}},
		{"al- particle",
			"The fall of Bashar al-Assad changed Syria. Assad fled.",
			map[string]string{"Bashar al-Assad": article.Person},
			[]string{"Assad", "al-Assad"}},
		{"media and organisations",
			"Al Hurra reported the talks, Reuters said. The Foreign Ministry declined to comment.",
			map[string]string{"Al Hurra": article.Organization, "Reuters": article.Organization, "Foreign Ministry": article.Organization},
			nil},
		{"page chrome and sentence starts",
			"Several groups met. Regarding the plan, nothing changed.\n\nNews\n\nDismiss",
			nil,
			[]string{"Several", "Regarding", "News", "Dismiss"}},
		{"groups, continents and acronyms are not actors",
			"Officials said the talks would resume. Economists expect growth. Roasters in Europe buy less. AI rules and GDP figures were published by the European Commission.",
			map[string]string{"European Commission": article.Organization},
			[]string{"Officials", "Economists", "Europe", "AI", "GDP", "Roasters"}},
		{"role noun makes a person",
			"\"This is certification of incompetence,\" political analyst Stephen Hess told Reuters.",
			map[string]string{"Stephen Hess": article.Person},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustPeople(t, tt.body)
			got := map[string]string{}
			for _, ac := range a.Actors {
				got[ac.Name] = ac.Type
			}
			for n, typ := range tt.want {
				if got[n] != typ {
					t.Errorf("people(%q): actor %q = %q, want %q (actors %v)", tt.body, n, got[n], typ, a.Actors)
				}
			}
			for _, n := range tt.notWant {
				if _, ok := got[n]; ok {
					t.Errorf("people(%q): stray actor %q (actors %v)", tt.body, n, a.Actors)
				}
			}
		})
	}
}

func TestSpeakersInOrder(t *testing.T) {
	body := "\"We will win this race,\" Jane Okafor said.\n\n\"No, we will win it,\" said Tom Brandt.\n\n\"We shall see about that,\" Okafor added."
	a := mustPeople(t, body)
	want := []string{"Jane Okafor", "Tom Brandt"}
	if len(a.Speakers) != len(want) || a.Speakers[0] != want[0] || a.Speakers[1] != want[1] {
		t.Errorf("people(%q).Speakers = %q, want %q", body, a.Speakers, want)
	}
	if len(a.Quotes) != 3 || a.Quotes[2].Speaker != "Jane Okafor" {
		t.Errorf("people(%q): third quote %+v, want speaker Jane Okafor", body, a.Quotes)
	}
}
