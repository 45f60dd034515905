package web

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
)

func testOptions() *Options {
	o := Options{Labeler: fakeLabeler{}}.withDefaults()
	return &o
}

func TestParamsRoundTrip(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"q=+coffee+", "q=coffee"},
		{"country=iraq&country=SY&country=IQ", "country=IQ&country=SY"},
		{"region=western+asia&speaker=Layla+Haddad&speaker=layla+haddad", "region=Western+Asia&speaker=Layla+Haddad"},
		{"sort=-date&limit=20&offset=40&from=2024&to=2025-03", "from=2024&to=2025-03&sort=-date&limit=20&offset=40"},
		{"facets=", "facets=none"},
		{"facets=Country,+date,country", "facets=country%2Cdate"},
		{"offset=0&limit=10", "limit=10"},
		{"min_confidence=0.8&q=x", "q=x&min_confidence=0.8"},
	} {
		v, err := url.ParseQuery(c.in)
		if err != nil {
			t.Fatal(err)
		}
		p, err := parseParams(v, testOptions())
		if err != nil {
			t.Errorf("parseParams(%q): %v", c.in, err)
			continue
		}
		if got := p.encode(); got != c.want {
			t.Errorf("parseParams(%q).encode() = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzParseParams checks that no query string makes parseParams panic, and
// that what it accepts encodes to a query string it reads back the same.
func FuzzParseParams(f *testing.F) {
	for _, s := range []string{
		"q=coffee&country=IQ&from=2024&to=2025-03&sort=-date&limit=20&offset=40&facets=country,date",
		"facets=none", "q=%ff", "limit=101", "offset=-1", "country=Atlantis", "q=a&q=b", "speaker=O%22Brien+%3Cx%3E",
	} {
		f.Add(s)
	}
	o := testOptions()
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		p, err := parseParams(v, o)
		if err != nil {
			if _, ok := err.(*badRequest); !ok {
				t.Fatalf("parseParams(%q): error %T, want *badRequest", raw, err)
			}
			return
		}
		enc := p.encode()
		v2, err := url.ParseQuery(enc)
		if err != nil {
			t.Fatalf("parseParams(%q).encode() = %q: %v", raw, enc, err)
		}
		p2, err := parseParams(v2, o)
		if err != nil {
			t.Fatalf("parseParams(%q) re-read from %q: %v", raw, enc, err)
		}
		if enc2 := p2.encode(); enc2 != enc {
			t.Fatalf("parseParams(%q): encode %q, then %q", raw, enc, enc2)
		}
	})
}

// FuzzMarkQuotes checks that no body and offsets make markQuotes panic, and
// that it loses or invents no text: the segments, joined, are the body less
// its paragraph breaks and blank paragraphs.
func FuzzMarkQuotes(f *testing.F) {
	f.Add("Zoë said “yes” and\n\n“no”.", 10, 13, 20, 22)
	f.Add("a\n\n\n\nb", 0, 7, 1, 2)
	f.Fuzz(func(t *testing.T, body string, s1, e1, s2, e2 int) {
		if !utf8.ValidString(body) {
			return
		}
		paras, _ := markQuotes(body, []article.Quote{{Start: s1, End: e1, Speaker: "A", SpeakerNamed: true}, {Start: s2, End: e2}})
		var got strings.Builder
		for _, p := range paras {
			for _, s := range p.Segments {
				got.WriteString(s.Text)
			}
		}
		var want strings.Builder
		for _, p := range strings.Split(body, "\n\n") {
			if strings.TrimSpace(p) != "" {
				want.WriteString(p)
			}
		}
		if got.String() != want.String() {
			t.Fatalf("markQuotes(%q, %d..%d, %d..%d) text = %q, want %q", body, s1, e1, s2, e2, got.String(), want.String())
		}
	})
}
