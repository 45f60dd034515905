package gazetteer

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func mustGazetteer(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := Parse(countriesTSV, subdivisionsTSV, supplementTSV)
	if err != nil {
		tb.Fatalf("Parse(embedded data): %v", err)
	}
	return g
}

func TestParseEmbedded(t *testing.T) {
	g := mustGazetteer(t)
	if n := len(g.Countries()); n < 240 {
		t.Errorf("len(Countries()) = %d, want at least 240", n)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, countries, supplement string }{
		{"short line", "IQ\tIRQ\tIraq\n", ""},
		{"unknown kind", "IQ\tIRQ\tIraq\tRepublic of Iraq\tBaghdad\tAsia\tWestern Asia\n", "IQ\tnickname\tMesopotamia\n"},
		{"unknown country", "IQ\tIRQ\tIraq\tRepublic of Iraq\tBaghdad\tAsia\tWestern Asia\n", "ZZ\tdemonym\tZedish\n"},
		{"ambiguous unknown", "IQ\tIRQ\tIraq\tRepublic of Iraq\tBaghdad\tAsia\tWestern Asia\n", "IQ\tambiguous\tBabylon\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse(tt.countries, "", tt.supplement); err == nil {
				t.Errorf("Parse(%q, %q) = nil error, want one", tt.countries, tt.supplement)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct{ in, want string }{
		{"IQ", "IQ"}, {"iq", "IQ"}, {"IRQ", "IQ"}, {"Iraq", "IQ"}, {"iraq", "IQ"},
		{"Republic of Iraq", "IQ"}, {"United States", "US"}, {"U.S.", "US"}, {"usa", "US"},
		{"Soviet Union", "RU"}, {"USSR", "RU"}, {"West Germany", "DE"}, {"East Germany", "DE"},
		{"Yugoslavia", "RS"}, {"Zaire", "CD"}, {"Burma", "MM"}, {"Czechoslovakia", "CZ"},
		{"Britain", "GB"}, {"UK", "GB"}, {"Côte d'Ivoire", "CI"}, {"Cote d'Ivoire", "CI"},
		{"Ivory Coast", "CI"}, {"Holland", "NL"}, {"UAE", "AE"}, {"DPRK", "KP"},
		{"Atlantis", ""}, {"", ""},
	}
	for _, tt := range tests {
		got, _ := g.CountryCode(tt.in)
		if got != tt.want {
			t.Errorf("CountryCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCountryName(t *testing.T) {
	g := Default()
	for in, want := range map[string]string{"IQ": "Iraq", "gb": "United Kingdom", "XX": "XX"} {
		if got := g.CountryName(in); got != want {
			t.Errorf("CountryName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRegions(t *testing.T) {
	g := Default()
	tests := []struct {
		code string
		want []string
	}{
		{"IQ", []string{"Asia", "Western Asia", "Middle East"}},
		{"eg", []string{"Africa", "Northern Africa", "Middle East"}},
		{"FR", []string{"Europe", "Western Europe"}},
		{"US", []string{"Americas", "Northern America"}},
		{"XX", nil},
	}
	for _, tt := range tests {
		if got := g.Regions(tt.code); !slices.Equal(got, tt.want) {
			t.Errorf("Regions(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestRegionName(t *testing.T) {
	g := Default()
	tests := []struct{ in, want string }{
		{"western asia", "Western Asia"}, {"WESTERN  ASIA", "Western Asia"}, {"middle east", "Middle East"},
		{"Europe", "Europe"}, {"Narnia", ""},
	}
	for _, tt := range tests {
		if got, _ := g.RegionName(tt.in); got != tt.want {
			t.Errorf("RegionName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsPlace(t *testing.T) {
	g := Default()
	tests := []struct {
		in   string
		want bool
	}{
		{"Iraq", true}, {"Tehran", true}, {"Washington", true}, {"Baghdad", true},
		{"the Kremlin", true}, {"Kremlin", true}, {"London", true}, {"Gaza", true},
		{"Israeli", true}, {"US", true}, {"U.S.", true}, {"Us", false}, {"us", false},
		{"Texas", true}, {"New York", true}, {"Iraq's", true},
		{"Fuad Hussein", false}, {"Reuters", false}, {"Bundesbank", false}, {"Latin America", false},
		{"Calif.", false}, {"", false},
	}
	for _, tt := range tests {
		if got := g.IsPlace(tt.in); got != tt.want {
			t.Errorf("IsPlace(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// scanCodes returns "CODE:text" for each match of text.
func scanCodes(g *Gazetteer, text string) []string {
	var out []string
	g.Scan(text, func(m Match) {
		code := m.Place.Code
		if m.Place.Kind == KindBlock {
			code = "-"
		}
		out = append(out, code+":"+text[m.Start:m.End])
	})
	return out
}

func TestScan(t *testing.T) {
	g := Default()
	tests := []struct {
		text string
		want []string
	}{
		{"Iraq's foreign minister", []string{"IQ:Iraq"}},
		{"talks in Papua New Guinea and Guinea-Bissau, not Guinea", []string{"PG:Papua New Guinea", "GW:Guinea-Bissau", "GN:Guinea"}},
		{"Equatorial Guinea", []string{"GQ:Equatorial Guinea"}},
		{"Niger and Nigeria", []string{"NE:Niger", "NG:Nigeria"}},
		{"let us talk to US officials and U.S. ones", []string{"US:US", "US:U.S"}},
		{"the turkey was roasted in Turkey", []string{"TR:Turkey"}},
		{"fine china from China", []string{"CN:China"}},
		{"Iran-backed groups", []string{"IR:Iran"}},
		{"New Mexico and Mexico City", []string{"US:New Mexico", "MX:Mexico City"}},
		{"exports to Latin America", []string{"-:Latin America"}},
		{"the Soviet Union and West Germany", []string{"RU:Soviet Union", "DE:West Germany"}},
		{"Côte d’Ivoire", []string{"CI:Côte d’Ivoire"}},
		{"IRAQ SEEKS TALKS", []string{"IQ:IRAQ"}},
		{"Washington, D.C.", []string{"US:Washington", "US:D.C"}},
		{"St. Louis", []string{"US:St. Louis"}},
	}
	for _, tt := range tests {
		if got := scanCodes(g, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Scan(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestScanContext(t *testing.T) {
	g := Default()
	var ms []Match
	g.Scan("Michael Jordan met Jordan's king. Chad Smith", func(m Match) { ms = append(ms, m) })
	if len(ms) != 3 {
		t.Fatalf("Scan found %d matches, want 3", len(ms))
	}
	if ms[0].Prev != "Michael" || !ms[0].Place.Ambiguous {
		t.Errorf("first Jordan: Prev = %q, Ambiguous = %v, want \"Michael\", true", ms[0].Prev, ms[0].Place.Ambiguous)
	}
	if !ms[1].Possessive || ms[1].Next != "" {
		t.Errorf("Jordan's: Possessive = %v, Next = %q, want true, \"\"", ms[1].Possessive, ms[1].Next)
	}
	if ms[2].Next != "Smith" || !ms[2].SentenceStart {
		t.Errorf("Chad: Next = %q, SentenceStart = %v, want \"Smith\", true", ms[2].Next, ms[2].SentenceStart)
	}
}

func FuzzScan(f *testing.F) {
	g := mustGazetteer(f)
	for _, s := range []string{"Iraq's U.S.-Iran talks", "Guinea-Bissau", "Côte d’Ivoire", "N.Y.", "'s", "a.b.", "\xff\xfe", "—"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		g.Scan(text, func(m Match) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("Scan(%q): match [%d,%d) out of order or range (last end %d)", text, m.Start, m.End, last)
			}
			if m.Place.Kind == 0 {
				t.Fatalf("Scan(%q): match without a kind", text)
			}
			last = m.End
		})
		if utf8.ValidString(text) && !strings.ContainsRune(text, utf8.RuneError) {
			_ = g.IsPlace(text)
		}
	})
}

func BenchmarkScan(b *testing.B) {
	g := mustGazetteer(b)
	text := strings.Repeat("BAGHDAD, Jan 17 - Iraq's foreign minister said on Friday he would mediate between Washington and Tehran, "+
		"while oil exports through Turkey and the Gulf rose to 3.4 million barrels a day, officials in Basra said. ", 8)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Scan(text, func(Match) {})
	}
}

func TestScanLang(t *testing.T) {
	g := Default()
	for _, c := range []struct {
		lang, text string
		want       []string // codes with the matched text
	}{
		{"fr", "Le gouvernement américain et l'Allemagne.", []string{"US américain", "DE Allemagne"}},
		{"es", "Le gouvernement américain et l'Allemagne.", nil},              // French phrases in a Spanish text
		{"en", "Le gouvernement américain et l'Allemagne.", nil},              // nor in English
		{"it", "I mali della Costa d'Avorio.", []string{"CI Costa d'Avorio"}}, // "mali" is a word
		{"de", "Die amerikanischen Truppen verlassen Deutschland.", []string{"US amerikanischen", "DE Deutschland"}},
		{"es", "Los EE.UU. y Corea del Sur.", []string{"US EE.UU", "KR Corea del Sur"}},
		{"pt", "O Maurício viajou para a Alemanha.", []string{"DE Alemanha"}},  // a first name, skipped
		{"it", "Dell'Iran si parla a Kabul.", []string{"IR Iran", "AF Kabul"}}, // English phrases too
		{"fr", "O'Brien est allé au Japon.", []string{"JP Japon"}},
		{"xx", "Iraq and Allemagne.", []string{"IQ Iraq"}}, // an unknown language: English only
	} {
		var got []string
		g.ScanLang(c.text, c.lang, func(m Match) {
			got = append(got, m.Place.Code+" "+c.text[m.Start:m.End])
		})
		if !slices.Equal(got, c.want) {
			t.Errorf("ScanLang(%q, %q) = %q, want %q", c.text, c.lang, got, c.want)
		}
	}
}

func TestParseLanguagesErrors(t *testing.T) {
	for _, c := range []struct{ translations, languages, want string }{
		{"", "fr\tXX\tname\tNulle part", `parse languages line 1: unknown country "XX"`},
		{"", "xx\tFR\tname\tFrance", `parse languages line 1: unknown language "xx" (want one of fr, es, de, pt, it)`},
		{"", "fr\tFR\tcity\tParis", `parse languages line 1: unknown kind "city"`},
		{"", "fr\tFR\tdemonym\tfranç*", `parse languages line 1: "franç*": only German stems end in *`},
		{"FR\tfr", "", `parse translations line 1: want 3 fields, got "FR\tfr"`},
	} {
		g, err := Parse(countriesTSV, subdivisionsTSV, supplementTSV)
		if err != nil {
			t.Fatal(err)
		}
		err = g.ParseLanguages(c.translations, c.languages)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseLanguages(%q, %q) = %v, want %s", c.translations, c.languages, err, c.want)
		}
	}
}
