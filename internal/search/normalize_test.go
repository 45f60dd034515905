package search

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

func TestParseBound(t *testing.T) {
	for _, c := range []struct {
		in   string
		end  bool
		want string // YYYY-MM-DD, or "error"
	}{
		{"", false, "0001-01-01"},
		{"2025-02-14", false, "2025-02-14"},
		{"2025-02-14", true, "2025-02-14"},
		{"2025-02", false, "2025-02-01"},
		{"2025-02", true, "2025-02-28"},
		{"2024-02", true, "2024-02-29"},
		{"2025", false, "2025-01-01"},
		{"2025", true, "2025-12-31"},
		{"2025-2-1", false, "error"},
		{"25", false, "error"},
		{"2025-02-30", false, "error"},
		{"14 Feb 2025", false, "error"}, // the CLI took written dates once; the web and the index never did
		{" 2025 ", false, "2025-01-01"},
	} {
		got, err := ParseBound(c.in, c.end)
		s := got.Format(time.DateOnly)
		if err != nil {
			s = "error"
		}
		if s != c.want {
			t.Errorf("ParseBound(%q, %v) = %q, want %q", c.in, c.end, s, c.want)
		}
	}
}

// labeler knows two countries and one region.
type labeler struct{}

func (labeler) CountryCode(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "iq", "iraq":
		return "IQ", true
	case "fr", "france":
		return "FR", true
	}
	return "", false
}
func (labeler) CountryName(code string) string { return code }
func (labeler) RegionName(s string) (string, bool) {
	if strings.EqualFold(s, "western asia") {
		return "Western Asia", true
	}
	return "", false
}

func TestNormalize(t *testing.T) {
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	for _, c := range []struct {
		name string
		kind Kind
		in   Request
		want string // the error, or the normalized filters and operator
	}{
		{"countries resolved", Articles, Request{Filters: Filters{Countries: []string{" iraq ", "", "FR"}}}, "[IQ FR] [] or"},
		{"regions resolved", Quotes, Request{Filters: Filters{Regions: []string{"WESTERN ASIA"}}, DefaultOperator: "AND"}, "[] [Western Asia] and"},
		{"unknown country", Articles, Request{Filters: Filters{Countries: []string{"Atlantis"}}}, `bad query: country "Atlantis": not a country code or name newsdex knows`},
		{"unknown region", Articles, Request{Filters: Filters{Regions: []string{"Mordor"}}}, `bad query: region "Mordor": not a region newsdex knows (e.g. Africa, Western Asia, Middle East)`},
		{"negative limit", Articles, Request{Limit: -1}, "bad query: negative limit or offset"},
		{"limit", Articles, Request{Limit: MaxLimit + 1}, "bad query: limit 1001 is over the maximum of 1000 per page"},
		{"window", Articles, Request{Limit: 10, Offset: MaxWindow}, "bad query: offset 10000 with limit 10 goes past the result window of 10000: page with After (the CLI streams with --all)"},
		{"window with after", Articles, Request{Limit: 10, Offset: MaxWindow, After: []string{"x"}}, "[] [] or"},
		{"facet size", Articles, Request{FacetSize: MaxFacetSize + 1}, "bad query: facet size 1001 is outside 0..1000"},
		{"facet", Articles, Request{Facets: []string{"colour"}}, `bad query: unknown facet "colour" (want speaker, actor, country, region, source, lang, date)`},
		{"sort", Articles, Request{Sort: "score"}, `bad query: unknown sort "score" (want relevance, date or -date)`},
		{"operator", Articles, Request{DefaultOperator: "xor"}, `bad query: default operator "xor": want and or or`},
		{"confidence on articles", Articles, Request{MinConfidence: 0.5}, "bad query: a minimum confidence applies to quotes, not articles"},
		{"named only on articles", Articles, Request{NamedOnly: true}, "bad query: named speakers only applies to quotes, not articles"},
		{"named only on quotes", Quotes, Request{NamedOnly: true}, "[] [] or"},
		{"confidence range", Quotes, Request{MinConfidence: 2}, "bad query: minimum confidence 2 is outside 0..1"},
		{"confidence range on articles", Articles, Request{MinConfidence: 2}, "bad query: minimum confidence 2 is outside 0..1"},
		{"confidence not a number", Quotes, Request{MinConfidence: math.NaN()}, "bad query: minimum confidence NaN is outside 0..1"},
		{"negative facet size", Articles, Request{FacetSize: -1}, "bad query: facet size -1 is outside 0..1000"},
		{"actors on quotes", Quotes, Request{Filters: Filters{Actors: []string{"UN"}}}, "bad query: quotes cannot be filtered by actor"},
		{"empty range", Articles, Request{Filters: Filters{From: day("2025-02-01"), To: day("2025-01-31")}}, "bad query: date range 2025-02-01..2025-01-31 is empty"},
		{"one day", Articles, Request{Filters: Filters{From: day("2025-02-01"), To: day("2025-02-01")}}, "[] [] or"},
		{"query syntax", Articles, Request{Query: "election AND (blair"}, "bad query: position 14: expected ')' to close this '(', found the end of the query"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Normalize(c.in, c.kind, labeler{})
			s := fmt.Sprintf("%v %v %s", got.Filters.Countries, got.Filters.Regions, got.DefaultOperator)
			if err != nil {
				s = err.Error()
				if !errors.Is(err, ErrBadQuery) || CodeOf(err) != CodeBadQuery {
					t.Errorf("Normalize error %v is not ErrBadQuery", err)
				}
			}
			if s != c.want {
				t.Errorf("Normalize(%+v) = %q, want %q", c.in, s, c.want)
			}
			if err == nil {
				again, err := Normalize(got, c.kind, labeler{})
				if err != nil || fmt.Sprint(again) != fmt.Sprint(got) {
					t.Errorf("Normalize twice = %+v, %v; want %+v", again, err, got)
				}
			}
		})
	}
}

// TestNormalizeLeavesTheCallersFilters: the resolved countries are a new
// slice; the caller's values stay as typed.
func TestNormalizeLeavesTheCallersFilters(t *testing.T) {
	countries := []string{"iraq"}
	if _, err := Normalize(Request{Filters: Filters{Countries: countries}}, Articles, labeler{}); err != nil {
		t.Fatal(err)
	}
	if countries[0] != "iraq" {
		t.Errorf("Normalize changed the caller's countries to %q", countries)
	}
}

// BenchmarkNormalize checks a request of the benchmark's kind (the index
// does it once for each search).
func BenchmarkNormalize(b *testing.B) {
	r := Request{Query: `drought AND "oil gas"`, Limit: 10, Filters: Filters{Countries: []string{"IQ"}, Speakers: []string{"Fuad Hussein"}}}
	for b.Loop() {
		if _, err := Normalize(r, Articles, labeler{}); err != nil {
			b.Fatal(err)
		}
	}
}
