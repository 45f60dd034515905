package index

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
	contract "github.com/newsdex/newsdex/internal/search"
)

// TestRecordRoundTrip checks that a record gives back every stored field
// of an article, quotes included, whatever its body's bytes.
func TestRecordRoundTrip(t *testing.T) {
	body := "Der Minister sagte: „Wir liefern.“ Ça va. \xff\xfe bytes that are not UTF-8, then \"quoted words\" <b>&amp;</b>"
	inner := "Wir liefern."
	start := utf8.RuneCountInString(body[:strings.Index(body, inner)])
	a := &article.Article{
		ID: "r-1", File: "in/r.jsonl", Title: "Ein Titel", Source: "Wire", Byline: "By A. Writer",
		URL: "https://example.test/r", DateText: "3 March", Body: body,
		Countries: []article.Country{{Code: "DE", Name: "Germany", Mentions: 2}},
		Regions:   []string{"Europe"},
		Actors:    []article.Actor{{Name: "Ada Lind", Type: "person", Mentions: 1}},
		Speakers:  []string{"Ada Lind"},
		Quotes: []article.Quote{
			// Its text is the body's code points start..end: not stored apart.
			// A part of a quotation cut by its cue keeps its group.
			{Text: inner, Speaker: "Ada Lind", SpeakerTitle: "Minister", Cue: "sagte", Start: start, End: start + utf8.RuneCountInString(inner), Confidence: 0.9, Group: 1},
			// Its text differs from the body there (an extractor may
			// normalise it): kept as given.
			{Text: "quoted  words", Speaker: "", Cue: "", Start: 60, End: 72, Confidence: 0.25},
			// Offsets out of range.
			{Text: "nowhere", Start: 5000, End: 5007},
		},
	}
	b, err := encodeRecord(a)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := decodeRecord(b)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Body != body {
		t.Errorf("body = %q, want %q", rec.Body, body)
	}
	if rec.Quotes[0].Text != nil {
		t.Errorf("quote 1 text stored apart (%q), want it cut from the body", *rec.Quotes[0].Text)
	}
	for i, q := range a.Quotes {
		if got := rec.quote(i); !reflect.DeepEqual(got, q) {
			t.Errorf("quote %d = %+v, want %+v", i+1, got, q)
		}
	}
	got := storedArticle{
		Title: a.Title, File: a.File, Source: a.Source, Byline: a.Byline, URL: a.URL, DateText: a.DateText,
		Countries: a.Countries, Regions: a.Regions, Actors: a.Actors, Speakers: a.Speakers,
	}
	rec.Quotes = nil
	if !reflect.DeepEqual(rec.storedArticle, got) {
		t.Errorf("record = %+v, want %+v", rec.storedArticle, got)
	}
}

// TestDecodeRecordRejects checks that damaged records are errors.
func TestDecodeRecordRejects(t *testing.T) {
	good, err := encodeRecord(&article.Article{ID: "x", Title: "T", Body: strings.Repeat("words and words ", 50)})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{nil, []byte("not flate"), good[:len(good)/2]} {
		if _, err := decodeRecord(b); !errors.Is(err, errBadRecord) {
			t.Errorf("decodeRecord(%q) error = %v, want errBadRecord", b, err)
		}
	}
}

// TestRecordSmaller checks that a record takes less room than the text it
// holds (flate, where bleve's snappy barely shrinks English).
func TestRecordSmaller(t *testing.T) {
	var text, stored int
	for _, a := range genArticles(200, 3) {
		b, err := encodeRecord(a)
		if err != nil {
			t.Fatal(err)
		}
		text += len(a.Title) + len(a.Body)
		stored += len(b)
	}
	if float64(stored) > 0.75*float64(text) {
		t.Errorf("records take %d bytes for %d bytes of text, want at most 75%%", stored, text)
	}
}

// TestQuoteHitFromRecord checks a quote hit, built from its article's
// record: text, speaker, article fields and a snippet marking the match.
func TestQuoteHitFromRecord(t *testing.T) {
	x := mustMemory(t, testArticles(t))
	res, err := x.SearchQuotes(context.Background(), contract.Request{Query: `"seen a frost"`, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("SearchQuotes = %d hits, want 1", len(res.Hits))
	}
	h := res.Hits[0]
	var want article.Quote
	var art *article.Article
	for _, a := range testArticles(t) {
		if a.ID == articleOfQuote(h.ID) {
			art, want = a, a.Quotes[quoteNumber(h.ID)-1]
		}
	}
	if art == nil {
		t.Fatalf("hit %s: no such article", h.ID)
	}
	if h.Text != want.Text || h.Speaker != want.Speaker || h.SpeakerTitle != want.SpeakerTitle || h.Cue != want.Cue {
		t.Errorf("hit = %+v, want quote %+v", h, want)
	}
	if h.ArticleID != art.ID || h.Title != art.Title || h.Source != art.Source || !reflect.DeepEqual(h.Countries, countryCodes(art.Countries)) {
		t.Errorf("hit = %+v, want the fields of article %s", h, art.ID)
	}
	if !strings.Contains(h.Snippet.HTML(), "<mark>seen</mark> a <mark>frost</mark>") {
		t.Errorf("snippet = %q, want the phrase marked", h.Snippet.HTML())
	}
}

// TestQuoteDocumentsStoreOnlyTheDate checks that quote documents keep no
// copy of what their article's record holds.
func TestQuoteDocumentsStoreOnlyTheDate(t *testing.T) {
	for _, a := range testArticles(t) {
		_, quotes, err := documents(a)
		if err != nil {
			t.Fatal(err)
		}
		m, err := newMapping()
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range quotes {
			for field := range q {
				fm := m.TypeMapping[kindQuote].Properties[field]
				if fm != nil && fm.Fields[0].Store && field != FieldMeta {
					t.Errorf("article %s quote %d: field %s is stored", a.ID, i+1, field)
				}
			}
			if got, want := q[FieldMeta], `{"date":"`+formatTime(a.Date)+`"}`; !a.Date.IsZero() && got != want {
				t.Errorf("article %s quote %d: meta = %v, want %s", a.ID, i+1, got, want)
			}
		}
	}
}

// FuzzDecodeRecord: any bytes decode to a record or errBadRecord, never a
// panic; a record encoded from a decoded one decodes the same.
func FuzzDecodeRecord(f *testing.F) {
	good, err := encodeRecord(&article.Article{ID: "x", Title: "T", Body: "Coffee prices rose, he said.", Quotes: []article.Quote{{Text: "prices rose", Start: 7, End: 18}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte{0x01, 0x02})
	f.Fuzz(func(t *testing.T, b []byte) {
		rec, err := decodeRecord(b)
		if err != nil {
			if !errors.Is(err, errBadRecord) {
				t.Fatalf("decodeRecord error %v is not errBadRecord", err)
			}
			return
		}
		for i := range rec.Quotes {
			rec.quoteText(i) // must not panic, whatever the offsets
		}
	})
}

// TestQuoteHitGroup checks that quote hits carry the Group linking the
// parts of one quotation, as extract's output does.
func TestQuoteHitGroup(t *testing.T) {
	body := "The strike went on.\n\n\"We hope,\" Ana Ruiz said, \"that the strike ends this week.\" Nothing moved."
	a := &article.Article{ID: "group-001", Title: "Strike", Body: body, Date: date("2025-02-03")}
	for _, text := range []string{"We hope,", "that the strike ends this week."} {
		q := quote(t, body, text, "Ana Ruiz", "", "said")
		q.Group = 1
		a.Quotes = append(a.Quotes, q)
	}
	x := mustMemory(t, []*article.Article{a})
	res, err := x.SearchQuotes(context.Background(), contract.Request{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 {
		t.Fatalf("SearchQuotes = %d hits, want 2", len(res.Hits))
	}
	for _, h := range res.Hits {
		if h.Group != 1 {
			t.Errorf("hit %s (%q): group %d, want 1", h.ID, h.Text, h.Group)
		}
	}
}
