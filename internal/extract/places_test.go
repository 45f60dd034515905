package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

var updatePlaces = flag.Bool("update", false, "rewrite the golden files under testdata/")

// countryCodes returns the codes of a.Countries in order.
func countryCodes(a *article.Article) []string {
	var out []string
	for _, c := range a.Countries {
		out = append(out, c.Code)
	}
	return out
}

func TestPlaces(t *testing.T) {
	x := New(gazetteer.Default())
	tests := []struct {
		name, title, body string
		want              []string
	}{
		{"name", "", "Iraq held talks.", []string{"IQ"}},
		{"demonym", "", "Israeli and Syrian officials met.", []string{"IL", "SY"}},
		{"capital metonym", "", "Baghdad officials said Tehran and Washington agreed.", []string{"IQ", "IR", "US"}},
		{"seat of government", "", "The Kremlin said it would answer Downing Street.", []string{"RU", "GB"}},
		{"abbreviation case", "", "Let us hope the US and the U.K. agree.", []string{"US", "GB"}},
		{"former state", "", "The Soviet Union and Czechoslovakia signed, as did Burma.", []string{"RU", "CZ", "MM"}},
		{"dateline", "", "BOGOTA, March 13 - Coffee prices rose.", []string{"CO"}},
		{"country as a surname", "", "Brazil's farmers met, said Lucas Ferreira Montenegro, a trader.", []string{"BR"}},
		{"country in a company name", "", "Flights by Air France to Kenya were cut.", []string{"KE"}},
		{"epithet before a country", "", "Historians of Nazi Germany met in Austria.", []string{"DE", "AT"}},
		{"dateline with state", "", "AKRON, Ohio, March 3 - Tyre maker said profits rose.", []string{"US"}},
		{"dateline state abbreviation", "", "DEARBORN, MICH., March 12 - Car maker cut prices.", []string{"US"}},
		{"state abbreviation outside dateline", "", "He said Mass. was ill.", nil},
		{"agency dateline", "", "LONDON (Reuters) - Shares fell.", []string{"GB"}},
		{"person Jordan", "", "Michael Jordan scored 30 points.", nil},
		{"country Jordan", "", "Talks in Jordan went well, and Jordan's king spoke.", []string{"JO"}},
		{"person Chad", "", "Officials said Chad Smith would run.", nil},
		{"country Chad", "", "Troops left Chad on Monday.", []string{"TD"}},
		{"bird", "", "The turkey was roasted.", nil},
		{"country Turkey", "", "Turkey raised rates.", []string{"TR"}},
		{"all-caps title, ambiguous, unconfirmed", "U.S. TURKEY OUTPUT RISES", "Farmers raised more birds, the U.S. Agriculture Department said.", []string{"US"}},
		{"all-caps title, ambiguous, confirmed", "TURKEY RAISES RATES", "Turkey's central bank raised its rates.", []string{"TR"}},
		{"Georgia the state", "", "The plant in Georgia will close, Texas officials said.", []string{"US"}},
		{"Georgia the country", "", "Georgia said Russian troops had left Tbilisi.", []string{"GE", "RU"}},
		{"Guinea longest match", "", "Guinea-Bissau and Papua New Guinea, not Equatorial Guinea.", []string{"GW", "PG", "GQ"}},
		{"Niger and Nigeria", "", "Niger sells power to Nigeria.", []string{"NE", "NG"}},
		{"Washington state", "", "Apples from Washington state.", []string{"US"}},
		{"currency only", "", "Bonds of 50 mln U.S. dlrs were sold in Tokyo.", []string{"JP"}},
		{"cities", "", "From London to Gaza.", []string{"GB", "PS"}},
		{"region, no country", "", "Exports to Latin America rose.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Title: tt.title, Body: tt.body}
			x.places(a)
			if got := countryCodes(a); !slices.Equal(got, tt.want) {
				t.Errorf("places(%q, %q) = %q, want %q", tt.title, tt.body, got, tt.want)
			}
		})
	}
}

func TestPlacesSalience(t *testing.T) {
	x := New(gazetteer.Default())
	body := "TOKYO, April 2 - Japan's trade surplus with the United States narrowed in March, " +
		"the Finance Ministry said.\n\nThe surplus fell to 4.1 billion dlrs. Japanese exporters blamed " +
		"the stronger yen, and some said exports to the U.S. would fall further.\n\n" +
		"Analysts compared the figures with those of Brazil."
	a := &article.Article{Title: "JAPAN TRADE SURPLUS WITH U.S. NARROWS", Body: body}
	x.places(a)
	if got, want := countryCodes(a), []string{"JP", "US"}; !slices.Equal(got, want) {
		t.Errorf("places(wire story) = %q, want %q (Brazil named once in passing is dropped)", got, want)
	}
	if got, want := a.Regions, []string{"Asia", "Eastern Asia", "Americas", "Northern America"}; !slices.Equal(got, want) {
		t.Errorf("places(wire story) regions = %q, want %q", got, want)
	}
	// Without a dateline every country named is kept, the passing one last.
	a = &article.Article{Title: "Japan's surplus narrows", Body: strings.TrimPrefix(body, "TOKYO, April 2 - ")}
	x.places(a)
	if got, want := countryCodes(a), []string{"JP", "US", "BR"}; !slices.Equal(got, want) {
		t.Errorf("places(feature) = %q, want %q", got, want)
	}
}

func TestDatelineEnd(t *testing.T) {
	tests := []struct {
		body string
		want string
	}{
		{"BOGOTA, March 13 - Coffee", "BOGOTA"},
		{"NORTH ST. PAUL, MINN., March 17 - Shr", "NORTH ST. PAUL, MINN."},
		{"RICHMOND, Va, APril 7 - Qtly", "RICHMOND, Va"},
		{"LONDON (Reuters) - Shares", "LONDON"},
		{"Iraq is trying to convince", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := tt.body[:datelineEnd(tt.body)]; got != tt.want {
			t.Errorf("datelineEnd(%q) gives %q, want %q", tt.body, got, tt.want)
		}
	}
}

// goldenPlaces is what a golden file holds for one article.
type goldenPlaces struct {
	Countries []article.Country `json:"countries"`
	Regions   []string          `json:"regions"`
}

// TestPlacesGolden runs places on the team-written articles in
// testdata/places/*.txt (first line the title, the rest the body) and
// compares with the .golden.json beside each; -update rewrites them.
func TestPlacesGolden(t *testing.T) {
	x := New(gazetteer.Default())
	files, err := filepath.Glob(filepath.Join("testdata", "places", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden articles in testdata/places (err %v)", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			title, body, _ := strings.Cut(string(b), "\n")
			a := &article.Article{Title: title, Body: strings.TrimSpace(body)}
			x.places(a)
			got, err := json.MarshalIndent(goldenPlaces{a.Countries, a.Regions}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(path, ".txt") + ".golden.json"
			if *updatePlaces {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden file (run with -update to create it): %v", err)
			}
			if strings.TrimSpace(string(want)) != string(got) {
				t.Errorf("places(%s) =\n%s\nwant\n%s", path, got, want)
			}
		})
	}
}

func BenchmarkPlaces(b *testing.B) {
	x := New(gazetteer.Default())
	body := "WASHINGTON, March 3 - The United States and Japan agreed on Tuesday to hold talks on " +
		"semiconductor trade, U.S. officials said, after Tokyo offered to open its market wider.\n\n" +
		"The talks follow complaints from American chip makers that Japanese firms sell below cost " +
		"in third markets such as Hong Kong, Singapore and South Korea. A Commerce Department official " +
		"said Washington would also raise the issue with the European Community in Brussels.\n\n" +
		"Japan's Ministry of International Trade and Industry said it hoped to settle the dispute before " +
		"the Venice summit in June, where leaders of Britain, France, West Germany, Italy and Canada will meet."
	a := &article.Article{Title: "U.S., JAPAN TO HOLD CHIP TRADE TALKS", Body: body}
	b.SetBytes(int64(len(body) + len(a.Title)))
	b.ReportAllocs()
	for b.Loop() {
		x.places(a)
	}
}
