package index

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
)

// fakeLabeler is a small Labeler standing in for the gazetteer.
type fakeLabeler struct{}

var fakeCountries = map[string]string{
	"BR": "Brazil", "FR": "France", "IQ": "Iraq", "KE": "Kenya",
	"TR": "Türkiye", "UA": "Ukraine", "US": "United States",
}

var fakeRegions = []string{
	"Africa", "Americas", "Asia", "Eastern Africa", "Eastern Europe", "Europe",
	"Middle East", "Northern America", "South America", "Western Asia", "Western Europe",
}

func (fakeLabeler) CountryCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if _, ok := fakeCountries[strings.ToUpper(s)]; ok {
		return strings.ToUpper(s), true
	}
	for code, name := range fakeCountries {
		if strings.EqualFold(name, s) {
			return code, true
		}
	}
	return "", false
}

func (fakeLabeler) CountryName(code string) string { return fakeCountries[code] }

func (fakeLabeler) RegionName(s string) (string, bool) {
	for _, r := range fakeRegions {
		if strings.EqualFold(r, strings.TrimSpace(s)) {
			return r, true
		}
	}
	return "", false
}

// quote returns a Quote of text found in body, with its code-point offsets.
func quote(tb testing.TB, body, text, speaker, title, cue string) article.Quote {
	tb.Helper()
	i := strings.Index(body, text)
	if i < 0 {
		tb.Fatalf("quote %q not in body", text)
	}
	start := utf8.RuneCountInString(body[:i])
	return article.Quote{
		Text: text, Speaker: speaker, SpeakerNamed: speaker != "", SpeakerTitle: title, Cue: cue,
		Start: start, End: start + utf8.RuneCountInString(text), Confidence: 0.9,
	}
}

// describedQuote is quote for a speaker the article describes but does
// not name: the description is the speaker, unnamed.
func describedQuote(tb testing.TB, body, text, desc, cue string) article.Quote {
	tb.Helper()
	q := quote(tb, body, text, desc, "", cue)
	q.SpeakerNamed, q.SpeakerDescription = false, desc
	return q
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// testArticles returns the team-written articles the tests search. They are
// fictional. Dates: two in January 2025, two in February, three in March,
// one undated.
func testArticles(tb testing.TB) []*article.Article {
	tb.Helper()
	var arts []*article.Article

	body := "Coffee prices climbed to a two-year high on Tuesday after a frost damaged plantations in the south of Brazil.\n\n" +
		"\"We have not seen a frost like this in a decade,\" said agronomist Marta Ribeiro, who advises growers in Minas Gerais.\n\n" +
		"The Brazilian Coffee Council said exports could fall by a fifth."
	arts = append(arts, &article.Article{
		ID: "ledger-001", File: "ledger/001.json", Title: "Coffee prices climb as frost hits Brazil harvest",
		Source: "Daily Ledger", Byline: "Ana Costa", URL: "https://ledger.example/coffee-frost",
		Date: date("2025-01-14"), DateText: "14 January 2025", Body: body,
		Quotes:    []article.Quote{quote(tb, body, "We have not seen a frost like this in a decade,", "Marta Ribeiro", "agronomist", "said")},
		Countries: []article.Country{{Code: "BR", Name: "Brazil", Mentions: 2}},
		Regions:   []string{"South America", "Americas"},
		Actors:    []article.Actor{{Name: "Marta Ribeiro", Type: article.Person, Mentions: 1}, {Name: "Brazilian Coffee Council", Type: article.Organization, Mentions: 1}},
		Speakers:  []string{"Marta Ribeiro"},
	})

	body = "Iraq and Türkiye agreed on Monday to share the waters of the Tigris more evenly during the summer months.\n\n" +
		"\"This agreement secures water for millions of farmers,\" Foreign Minister Fuad Hussein told reporters in Baghdad.\n\n" +
		"\"We will review the releases every month,\" he added. Turkish officials did not comment."
	arts = append(arts, &article.Article{
		ID: "wire-002", File: "wire/002.json", Title: "Iraq and Türkiye agree on sharing Tigris water",
		Source: "Global Wire", URL: "https://wire.example/tigris",
		Date: date("2025-01-28"), Body: body,
		Quotes: []article.Quote{
			quote(tb, body, "This agreement secures water for millions of farmers,", "Fuad Hussein", "Foreign Minister", "told"),
			quote(tb, body, "We will review the releases every month,", "Fuad Hussein", "Foreign Minister", "added"),
		},
		Countries: []article.Country{{Code: "IQ", Name: "Iraq", Mentions: 2}, {Code: "TR", Name: "Türkiye", Mentions: 2}},
		Regions:   []string{"Western Asia", "Middle East", "Asia"},
		Actors:    []article.Actor{{Name: "Fuad Hussein", Type: article.Person, Mentions: 2}},
		Speakers:  []string{"Fuad Hussein"},
	})

	body = "Cafés across Paris are raising the price of an espresso as roasters pass on the cost of green beans.\n\n" +
		"\"Our customers understand, but they count every cent,\" said Claire Dubois, who runs a café near the Bastille."
	arts = append(arts, &article.Article{
		ID: "meridian-003", Title: "Paris cafés face rising coffee costs",
		Source: "The Meridian", Byline: "Luc Martin", URL: "https://meridian.example/paris-cafes",
		Date: date("2025-02-03"), Body: body,
		Quotes:    []article.Quote{quote(tb, body, "Our customers understand, but they count every cent,", "Claire Dubois", "", "said")},
		Countries: []article.Country{{Code: "FR", Name: "France", Mentions: 1}},
		Regions:   []string{"Western Europe", "Europe"},
		Actors:    []article.Actor{{Name: "Claire Dubois", Type: article.Person, Mentions: 1}},
		Speakers:  []string{"Claire Dubois"},
	})

	body = "Tea growers in Kenya's highlands are planting coffee bushes between their rows of tea.\n\n" +
		"\"Tea pays the bills, coffee may pay for school,\" said John Mwangi, a grower in Kericho.\n\n" +
		"\"Prices for arabica have never been this good,\" said Grace Achieng of the Kericho Growers Union."
	arts = append(arts, &article.Article{
		ID: "wire-004", Title: "Kenyan tea growers turn to coffee",
		Source: "Global Wire", URL: "https://wire.example/kenya-coffee",
		Date: date("2025-02-20"), Body: body,
		Quotes: []article.Quote{
			quote(tb, body, "Tea pays the bills, coffee may pay for school,", "John Mwangi", "", "said"),
			quote(tb, body, "Prices for arabica have never been this good,", "Grace Achieng", "", "said"),
		},
		Countries: []article.Country{{Code: "KE", Name: "Kenya", Mentions: 1}},
		Regions:   []string{"Eastern Africa", "Africa"},
		Actors:    []article.Actor{{Name: "John Mwangi", Type: article.Person, Mentions: 1}, {Name: "Kericho Growers Union", Type: article.Organization, Mentions: 1}},
		Speakers:  []string{"John Mwangi", "Grace Achieng"},
	})

	body = "Grain ships left Odesa on Wednesday for the first time in three weeks, bound for ports in Türkiye and Egypt.\n\n" +
		"\"The corridor is open and we intend to keep it open,\" said Olena Kovalenko, a deputy minister."
	arts = append(arts, &article.Article{
		ID: "ledger-005", Title: "Ukraine grain exports resume from Odesa",
		Source: "Daily Ledger", URL: "https://ledger.example/odesa-grain",
		Date: date("2025-03-05"), Body: body,
		Quotes:    []article.Quote{quote(tb, body, "The corridor is open and we intend to keep it open,", "Olena Kovalenko", "deputy minister", "said")},
		Countries: []article.Country{{Code: "UA", Name: "Ukraine", Mentions: 1}, {Code: "TR", Name: "Türkiye", Mentions: 1}},
		Regions:   []string{"Eastern Europe", "Europe", "Western Asia", "Asia"},
		Actors:    []article.Actor{{Name: "Olena Kovalenko", Type: article.Person, Mentions: 1}},
		Speakers:  []string{"Olena Kovalenko"},
	})

	body = "Energy ministers from six countries met in Baghdad to discuss a regional power grid.\n\n" +
		"\"Iraq wants to sell electricity, not buy it,\" Fuad Hussein said at the opening session."
	arts = append(arts, &article.Article{
		ID: "wire-006", Title: "Baghdad hosts regional energy talks",
		Source: "Global Wire", URL: "https://wire.example/baghdad-energy",
		Date: date("2025-03-18"), Body: body,
		Quotes:    []article.Quote{quote(tb, body, "Iraq wants to sell electricity, not buy it,", "Fuad Hussein", "", "said")},
		Countries: []article.Country{{Code: "IQ", Name: "Iraq", Mentions: 2}},
		Regions:   []string{"Western Asia", "Middle East", "Asia"},
		Actors:    []article.Actor{{Name: "Fuad Hussein", Type: article.Person, Mentions: 1}},
		Speakers:  []string{"Fuad Hussein"},
	})

	body = "Smallholders who grow coffee earn less today than their parents did, once prices are adjusted for inflation.\n\n" +
		"Cooperatives in Brazil and Kenya are trying to change that."
	arts = append(arts, &article.Article{
		ID: "meridian-007", Title: "Opinion: the long road for coffee farmers",
		Source: "The Meridian", Byline: "Editorial board", DateText: "sometime in spring", Body: body,
		Countries: []article.Country{{Code: "BR", Name: "Brazil", Mentions: 1}, {Code: "KE", Name: "Kenya", Mentions: 1}},
		Regions:   []string{"South America", "Americas", "Eastern Africa", "Africa"},
	})

	body = "The central bank left interest rates unchanged on Wednesday, citing stubborn inflation.\n\n" +
		"\"We are not in a hurry,\" said Dana Whitfield, the bank's chair."
	arts = append(arts, &article.Article{
		ID: "ledger-008", Title: "US central bank holds rates",
		Source: "Daily Ledger", URL: "https://ledger.example/rates",
		Date: date("2025-03-31"), Body: body,
		Quotes:    []article.Quote{quote(tb, body, "We are not in a hurry,", "Dana Whitfield", "chair", "said")},
		Countries: []article.Country{{Code: "US", Name: "United States", Mentions: 1}},
		Regions:   []string{"Northern America", "Americas"},
		Actors:    []article.Actor{{Name: "Dana Whitfield", Type: article.Person, Mentions: 1}},
		Speakers:  []string{"Dana Whitfield"},
	})
	return arts
}
