package index

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
	contract "github.com/newsdex/newsdex/internal/search"
)

// namedArticles: one quote by a named speaker, one by a speaker the
// article only describes, one by nobody.
func namedArticles(tb testing.TB) []*article.Article {
	body := "The port reopened on Monday.\n\n\"The cranes are working again,\" Mayor Lina Holt said.\n\n" +
		"\"We lost a week of trade,\" a shipping agent said.\n\n\"Never again.\""
	return []*article.Article{{
		ID: "p1", Title: "Port reopens", Source: "Port Gazette", Date: date("2025-03-01"), Body: body,
		Quotes: []article.Quote{
			quote(tb, body, "The cranes are working again,", "Lina Holt", "Mayor", "said"),
			describedQuote(tb, body, "We lost a week of trade,", "a shipping agent", "said"),
			quote(tb, body, "Never again.", "", "", ""),
		},
		Actors:   []article.Actor{{Name: "Lina Holt", Type: article.Person, Mentions: 1}},
		Speakers: []string{"Lina Holt"},
	}}
}

func TestNamedSpeakers(t *testing.T) {
	x := mustMemory(t, namedArticles(t))
	ctx := context.Background()
	type hit struct {
		Speaker string
		Named   bool
		Desc    string
	}
	tests := []struct {
		name string
		req  contract.Request
		want []hit
	}{
		{"every quote: the description is the speaker, unnamed", contract.Request{Limit: 10, Sort: contract.SortDate},
			[]hit{{"Lina Holt", true, ""}, {"a shipping agent", false, "a shipping agent"}, {"", false, ""}}},
		{"named speakers only", contract.Request{Limit: 10, NamedOnly: true},
			[]hit{{"Lina Holt", true, ""}}},
		{"a description is no speaker filter value", contract.Request{Limit: 10, Filters: contract.Filters{Speakers: []string{"a shipping agent"}}},
			[]hit{}},
		{"nor a speaker: query value", contract.Request{Query: `speaker:"a shipping agent"`, Limit: 10},
			[]hit{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Facets = []string{contract.FacetSpeaker}
			res, err := x.SearchQuotes(ctx, tt.req)
			if err != nil {
				t.Fatalf("SearchQuotes: %v", err)
			}
			got := []hit{}
			for _, h := range res.Hits {
				got = append(got, hit{h.Speaker, h.SpeakerNamed, h.SpeakerDescription})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("hits = %+v, want %+v", got, tt.want)
			}
			for _, v := range res.Facets[contract.FacetSpeaker] {
				if v.Value != "Lina Holt" {
					t.Errorf("speaker facet holds %q, want names only", v.Value)
				}
			}
		})
	}
	st, err := x.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Speakers != 1 {
		t.Errorf("Stats speakers = %d, want 1 (named only)", st.Speakers)
	}
	a, err := x.Article(ctx, "p1")
	if err != nil {
		t.Fatal(err)
	}
	var got []hit
	for _, q := range a.Quotes {
		got = append(got, hit{q.Speaker, q.SpeakerNamed, q.SpeakerDescription})
	}
	if want := []hit{{"Lina Holt", true, ""}, {"a shipping agent", false, "a shipping agent"}, {"", false, ""}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Article quotes = %+v, want %+v", got, want)
	}
	if _, err := x.Search(ctx, contract.Request{NamedOnly: true}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("Search(NamedOnly) error = %v, want ErrBadQuery", err)
	}
}

// A record keeps an unnamed speaker that is not its description apart.
func TestRecordUnnamedSpeaker(t *testing.T) {
	body := "\"Yes,\" one trader said."
	a := &article.Article{ID: "r1", Body: body, Quotes: []article.Quote{
		{Text: "Yes,", Speaker: "one trader", SpeakerNamed: false, Start: 1, End: 5},
		{Text: "Yes,", Speaker: "one trader", SpeakerNamed: false, SpeakerDescription: "one trader", Start: 1, End: 5},
		{Text: "Yes,", Speaker: "Ana", SpeakerNamed: true, Start: 1, End: 5},
	}}
	b, err := encodeRecord(a)
	if err != nil {
		t.Fatal(err)
	}
	r, err := decodeRecord(b)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range a.Quotes {
		if got := r.quote(i); got.Speaker != want.Speaker || got.SpeakerNamed != want.SpeakerNamed || got.SpeakerDescription != want.SpeakerDescription {
			t.Errorf("quote %d = %q named %v desc %q, want %q %v %q", i, got.Speaker, got.SpeakerNamed, got.SpeakerDescription, want.Speaker, want.SpeakerNamed, want.SpeakerDescription)
		}
	}
}

// A surname the corpus never writes alone finds its one person; the
// surname of several people is a bad query naming them.
func TestSurnameFilter(t *testing.T) {
	x := mustMemory(t, []*article.Article{
		nameArticle(t, "v1", "Paul Volcker", 0.9), nameArticle(t, "v2", "Paul Volcker", 0.9),
		nameArticle(t, "b1", "James Baker", 0.9), nameArticle(t, "b2", "James Baker", 0.9),
		nameArticle(t, "b3", "Howard Baker", 0.9), nameArticle(t, "b4", "Howard Baker", 0.9),
	})
	ctx := context.Background()
	for _, r := range []contract.Request{
		{Filters: contract.Filters{Speakers: []string{"Volcker"}}, Limit: 10},
		{Filters: contract.Filters{Speakers: []string{"volcker"}}, Limit: 10},
		{Query: "speaker:Volcker", Limit: 10},
	} {
		res, err := x.SearchQuotes(ctx, r)
		if err != nil {
			t.Fatalf("SearchQuotes(%+v): %v", r, err)
		}
		if res.Total != 2 {
			t.Errorf("SearchQuotes(%q, %q) total = %d, want 2", r.Query, r.Filters.Speakers, res.Total)
		}
	}
	for _, r := range []contract.Request{
		{Filters: contract.Filters{Speakers: []string{"Baker"}}, Limit: 10},
		{Query: "speaker:baker", Limit: 10},
	} {
		_, err := x.SearchQuotes(ctx, r)
		want := `"Baker" names no one alone and is the surname of several people: Howard Baker, James Baker (give the full name)`
		if r.Query != "" {
			want = `"baker" names no one alone and is the surname of several people: Howard Baker, James Baker (give the full name)`
		}
		if !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), want) {
			t.Errorf("SearchQuotes(%q, %q) error = %v, want ErrBadQuery %q", r.Query, r.Filters.Speakers, err, want)
		}
	}
}
