package article

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestJSONRoundTrip(t *testing.T) {
	a := Article{
		ID: "a1", File: "x.txt", Title: "T", Source: "S", Byline: "B", URL: "https://example.org/a1",
		Date: time.Date(2025, 1, 18, 0, 0, 0, 0, time.UTC), Body: "“Hello,” she said.",
		Quotes:    []Quote{{Text: "Hello,", Speaker: "Ana Ruiz", SpeakerTitle: "Mayor", Cue: "said", Start: 1, End: 7, Confidence: 0.9}},
		Countries: []Country{{Code: "ES", Name: "Spain", Mentions: 2}},
		Regions:   []string{"Europe", "Southern Europe"},
		Actors:    []Actor{{Name: "Ana Ruiz", Type: Person, Mentions: 1}},
		Speakers:  []string{"Ana Ruiz"},
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"date":"2025-01-18"`) || !strings.Contains(string(b), `"speaker_title":"Mayor"`) {
		t.Errorf("Marshal = %s, want date 2025-01-18 and speaker_title", b)
	}
	var back Article
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, a) {
		t.Errorf("round trip = %+v, want %+v", back, a)
	}
}

func TestJSONEmptyLists(t *testing.T) {
	b, err := json.Marshal(Article{ID: "e"})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"quotes":[]`, `"countries":[]`, `"regions":[]`, `"actors":[]`, `"speakers":[]`, `"date":""`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("Marshal(empty) = %s, lacks %s", b, k)
		}
	}
	if strings.Contains(string(b), "speaker_title") {
		t.Errorf("Marshal(empty) = %s, has speaker_title", b)
	}
}

func TestFingerprint(t *testing.T) {
	a := &Article{ID: "a", Title: "T", Body: "B"}
	b := *a
	b.Quotes = []Quote{{Text: "x"}} // extraction does not change the fingerprint
	if a.Fingerprint() != b.Fingerprint() {
		t.Errorf("Fingerprint changed with extracted fields")
	}
	for _, change := range []func(*Article){
		func(x *Article) { x.Body = "B2" },
		func(x *Article) { x.Title = "T2" },
		func(x *Article) { x.Date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) },
		func(x *Article) { x.Title, x.Body = "TB", "" }, // fields are length-prefixed
	} {
		c := *a
		change(&c)
		if c.Fingerprint() == a.Fingerprint() {
			t.Errorf("Fingerprint(%+v) = Fingerprint(%+v), want them to differ", c, *a)
		}
	}
}

func TestDateUnreadable(t *testing.T) {
	for _, tc := range []struct {
		a    Article
		want bool
	}{
		{Article{}, false},
		{Article{DateText: "soon"}, true},
		{Article{DateText: "2025-01-18", Date: time.Date(2025, 1, 18, 0, 0, 0, 0, time.UTC)}, false},
	} {
		if got := tc.a.DateUnreadable(); got != tc.want {
			t.Errorf("DateUnreadable(%q, %v) = %v, want %v", tc.a.DateText, tc.a.Date, got, tc.want)
		}
	}
}
