package identity

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
)

// p is a person actor used in n articles, s a speaker in n, o an
// organisation in n.
func p(n int) Count { return Count{Person: n, Actor: n} }
func s(n int) Count { return Count{Speaker: n} }
func o(n int) Count { return Count{Actor: n} }

func TestCanonical(t *testing.T) {
	for _, tc := range []struct {
		name   string
		counts map[string]Count
		want   map[string]string // form -> name
	}{
		{
			name:   "bare surname joins the one full name",
			counts: map[string]Count{"Varga": p(40), "Tomas Varga": p(5)},
			want:   map[string]string{"Varga": "Tomas Varga", "Tomas Varga": "Tomas Varga"},
		},
		{
			name:   "bare surname joins a dominant person",
			counts: map[string]Count{"Okafor": p(50), "Nneka Okafor": p(19), "Chidi Okafor": p(1), "Nneka Okafor ": s(8)},
			want:   map[string]string{"Okafor": "Nneka Okafor", "Chidi Okafor": "Chidi Okafor"},
		},
		{
			name:   "rivals named once do not count",
			counts: map[string]Count{"Lindqvist": p(90), "Sara Lindqvist": p(8), "Jonas Lindqvist": p(1), "Although Lindqvist": p(1)},
			want:   map[string]string{"Lindqvist": "Sara Lindqvist", "Jonas Lindqvist": "Jonas Lindqvist"},
		},
		{
			name:   "rivals named once count among people named once",
			counts: map[string]Count{"Lindqvist": p(9), "Sara Lindqvist": p(1), "Jonas Lindqvist": p(1)},
			want:   map[string]string{"Lindqvist": "Lindqvist"},
		},
		{
			name:   "ambiguous bare surname stays",
			counts: map[string]Count{"Baines": p(3), "Ruth Baines": p(80), "Henry Baines": p(20)},
			want:   map[string]string{"Baines": "Baines", "Ruth Baines": "Ruth Baines", "Henry Baines": "Henry Baines"},
		},
		{
			name:   "a compound surname without the given name joins the full name",
			counts: map[string]Count{"Lucas Ferreira Montenegro": p(4), "Ferreira Montenegro": p(3), "Montenegro": p(1)},
			want: map[string]string{"Ferreira Montenegro": "Lucas Ferreira Montenegro", "Montenegro": "Lucas Ferreira Montenegro",
				"Lucas Ferreira Montenegro": "Lucas Ferreira Montenegro"},
		},
		{
			name:   "a compound surname shared by two people stays apart",
			counts: map[string]Count{"Lucas Ferreira Montenegro": p(4), "Ana Ferreira Montenegro": p(4), "Ferreira Montenegro": p(3)},
			want: map[string]string{"Ferreira Montenegro": "Ferreira Montenegro", "Ana Ferreira Montenegro": "Ana Ferreira Montenegro",
				"Lucas Ferreira Montenegro": "Lucas Ferreira Montenegro"},
		},
		{
			name:   "people sharing a surname stay apart",
			counts: map[string]Count{"Ruth Baines": p(80), "Henry Baines": p(2)},
			want:   map[string]string{"Ruth Baines": "Ruth Baines", "Henry Baines": "Henry Baines"},
		},
		{
			name:   "line breaks, case and nicknames are one name",
			counts: map[string]Count{"James Holloway": p(30), "James\nHolloway": p(4), "Jim Holloway": p(2), "James HOLLOWAY": p(1)},
			want: map[string]string{"James\nHolloway": "James Holloway", "Jim Holloway": "James Holloway",
				"JAMES HOLLOWAY": "James Holloway", "james  holloway": "James Holloway"},
		},
		{
			name:   "most used spelling wins",
			counts: map[string]Count{"Anke van Rijn": p(9), "Anke Van Rijn": p(4), "Van Rijn": p(6)},
			want:   map[string]string{"Anke Van Rijn": "Anke van Rijn", "Van Rijn": "Anke van Rijn"},
		},
		{
			name:   "middle name joins",
			counts: map[string]Count{"Karl Heinz Adler": p(20), "Karl Adler": p(2), "Adler": p(7)},
			want:   map[string]string{"Karl Adler": "Karl Heinz Adler", "Adler": "Karl Heinz Adler"},
		},
		{
			name:   "short name with two longer people stays",
			counts: map[string]Count{"Mark A. Quist": p(10), "Mark B. Quist": p(10), "Mark Quist": p(3)},
			want:   map[string]string{"Mark Quist": "Mark Quist", "Mark A. Quist": "Mark A. Quist", "Mark B. Quist": "Mark B. Quist"},
		},
		{
			name:   "the most used full form names the person",
			counts: map[string]Count{"Ines Soto": p(40), "Ines M. Soto": p(2)},
			want:   map[string]string{"Ines M. Soto": "Ines Soto", "Ines Soto": "Ines Soto"},
		},
		{
			name:   "speakers count",
			counts: map[string]Count{"Dorsey": s(6), "Alan Dorsey": s(1)},
			want:   map[string]string{"Dorsey": "Alan Dorsey"},
		},
		{
			name:   "organisations and descriptions are left alone",
			counts: map[string]Count{"Halvorsen": o(30), "Lena Halvorsen": p(3), "the company": s(9), "Halvorsen Group": o(4)},
			want:   map[string]string{"Halvorsen": "Halvorsen", "the company": "the company", "the\ncompany": "the company"},
		},
		{
			name:   "capitals and long runs are no names",
			counts: map[string]Count{"YORK": p(300), "REUTER": o(40), "Reuter": p(1), "Ada York": p(2), "Halvard Reade Organization Inc New York": p(1), "Gerd Brandt III": p(2), "Brandt": p(1)},
			want:   map[string]string{"YORK": "YORK", "REUTER": "REUTER", "york": "york", "Ada York": "Ada York", "Brandt": "Gerd Brandt III"},
		},
		{
			name:   "unknown form is itself",
			counts: map[string]Count{"Tomas Varga": p(5)},
			want:   map[string]string{"Piet  Kroon": "Piet Kroon", "": ""},
		},
		{
			name:   "suffix and particle surname",
			counts: map[string]Count{"Luis de la Vega Jr.": p(3), "De la Vega": p(1)},
			want:   map[string]string{"De la Vega": "Luis de la Vega Jr."},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab := Resolve(tc.counts)
			for form, want := range tc.want {
				if got := tab.Canonical(form); got != want {
					t.Errorf("Canonical(%q) = %q, want %q", form, got, want)
				}
			}
		})
	}
}

func TestForms(t *testing.T) {
	tab := Resolve(map[string]Count{"Varga": p(40), "Tomas Varga": p(5), "Tomas\nVarga": p(1), "Eva Varga": s(0)})
	want := []string{"Tomas Varga", "Varga"} // forms are kept normalised
	for _, f := range []string{"Varga", "tomas varga", "Tomas Varga"} {
		if got := tab.Forms(f); !reflect.DeepEqual(got, want) {
			t.Errorf("Forms(%q) = %q, want %q", f, got, want)
		}
	}
	if got := tab.Aliases("Varga"); !reflect.DeepEqual(got, want[1:]) {
		t.Errorf("Aliases(Varga) = %q, want %q", got, want[1:])
	}
	if got := tab.Forms("Eva Varga"); got != nil {
		t.Errorf("Forms(Eva Varga) = %q, want nil (no article uses it)", got)
	}
	var none *Table
	if got := none.Canonical("Varga"); got != "Varga" {
		t.Errorf("nil Table: Canonical(Varga) = %q, want Varga", got)
	}
}

// TestIncremental checks that a Resolver fed batch by batch, with
// articles replaced, gives the table of the final counts at once.
func TestIncremental(t *testing.T) {
	a1 := &article.Article{Actors: []article.Actor{{Name: "Varga", Type: article.Person, Mentions: 2}}, Speakers: []string{"Varga"}}
	a2 := &article.Article{Actors: []article.Actor{{Name: "Tomas Varga", Type: article.Person, Mentions: 1}}}
	a3 := &article.Article{Actors: []article.Actor{{Name: "Eva Varga", Type: article.Person, Mentions: 1}}}
	r := NewResolver()
	r.AddArticle(a1, 1)
	first := r.Table()
	if got := first.Canonical("Varga"); got != "Varga" {
		t.Fatalf("after a1: Canonical(Varga) = %q, want Varga", got)
	}
	r.AddArticle(a2, 1)
	if got := r.Table().Canonical("Varga"); got != "Tomas Varga" {
		t.Errorf("after a2: Canonical(Varga) = %q, want Tomas Varga", got)
	}
	if got := first.Canonical("Varga"); got != "Varga" {
		t.Errorf("an earlier table changed: Canonical(Varga) = %q, want Varga", got)
	}
	r.AddArticle(a3, 1) // now ambiguous
	if got := r.Table().Canonical("Varga"); got != "Varga" {
		t.Errorf("after a3: Canonical(Varga) = %q, want Varga", got)
	}
	r.AddArticle(a3, -1) // a3 replaced by a version without Eva
	if got := r.Table().Canonical("Varga"); got != "Tomas Varga" {
		t.Errorf("after removing a3: Canonical(Varga) = %q, want Tomas Varga", got)
	}
	once := NewResolver()
	once.AddArticle(a2, 1)
	once.AddArticle(a1, 1)
	if !reflect.DeepEqual(once.Table().groups["varga"].canon, r.Table().groups["varga"].canon) {
		t.Errorf("incremental table %v, want %v", r.Table().groups["varga"].canon, once.Table().groups["varga"].canon)
	}
}

func TestApply(t *testing.T) {
	tab := Resolve(map[string]Count{"Varga": p(40), "Tomas Varga": p(5), "Acme": o(3)})
	a := &article.Article{
		Actors: []article.Actor{
			{Name: "Varga", Type: article.Person, Mentions: 3},
			{Name: "Acme", Type: article.Organization, Mentions: 2},
			{Name: "Tomas\nVarga", Type: article.Person, Mentions: 1},
		},
		Speakers: []string{"Varga", "Tomas Varga", "a spokesman"},
		Quotes:   []article.Quote{{Speaker: "Varga", SpeakerNamed: true}, {Speaker: ""}, {Speaker: "a spokesman", SpeakerDescription: "a spokesman"}},
	}
	tab.Apply(a)
	wantActors := []article.Actor{{Name: "Tomas Varga", Type: article.Person, Mentions: 4}, {Name: "Acme", Type: article.Organization, Mentions: 2}}
	if !reflect.DeepEqual(a.Actors, wantActors) {
		t.Errorf("Actors = %+v, want %+v", a.Actors, wantActors)
	}
	if want := []string{"Tomas Varga", "a spokesman"}; !reflect.DeepEqual(a.Speakers, want) {
		t.Errorf("Speakers = %q, want %q", a.Speakers, want)
	}
	var qs []string
	for _, q := range a.Quotes {
		qs = append(qs, q.Speaker)
	}
	if want := []string{"Tomas Varga", "", "a spokesman"}; !reflect.DeepEqual(qs, want) {
		t.Errorf("quote speakers = %q, want %q", qs, want)
	}
	if want := map[string][]string{"Tomas Varga": {"Varga"}}; !reflect.DeepEqual(a.Aliases, want) {
		t.Errorf("Aliases = %q, want %q", a.Aliases, want)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"James Baker": "James Baker", "James\nBaker": "James Baker", " James  Baker ": "James Baker",
		"A\tB": "A B", "": "", "x": "x", "Ana\u00a0Ruiz": "Ana Ruiz",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCanonical(f *testing.F) {
	f.Add("Ronald Reagan", "Reagan")
	f.Add("Willy de Clercq", "De Clercq")
	f.Fuzz(func(t *testing.T, a, b string) {
		tab := Resolve(map[string]Count{a: p(3), b: p(1)})
		for _, s := range []string{a, b} {
			c := tab.Canonical(s)
			if c != tab.Canonical(c) {
				t.Errorf("Canonical(%q) = %q, but Canonical(%q) = %q", s, c, c, tab.Canonical(c))
			}
			if strings.Contains(c, "\n") {
				t.Errorf("Canonical(%q) = %q holds a line break", s, c)
			}
		}
	})
}

// TestCanonicalMemo checks that Canonical's remembered answers are the
// ones it computes, and that it stops remembering at maxCanonMemo.
func TestCanonicalMemo(t *testing.T) {
	tab := Resolve(map[string]Count{"Varga": p(40), "Tomas Varga": p(5), "Tomas\nVarga": p(1), "Acme": o(3)})
	for _, name := range []string{"Varga", "Tomas  Varga", "Tomas\nVarga", "Acme", "Nobody Known", ""} {
		want := tab.canonical(name)
		for i := 0; i < 2; i++ {
			if got := tab.Canonical(name); got != want {
				t.Errorf("Canonical(%q) call %d = %q, want %q", name, i+1, got, want)
			}
		}
	}
	if n := tab.canonN.Load(); n != 6 {
		t.Errorf("canonN = %d after 6 distinct names, want 6", n)
	}
	tab.canonN.Store(maxCanonMemo)
	tab.Canonical("Eva Varga")
	if _, ok := tab.canon.Load("Eva Varga"); ok {
		t.Errorf("Canonical remembered a name past maxCanonMemo")
	}
	var nilTab *Table
	if got := nilTab.Canonical("Tomas\nVarga"); got != "Tomas Varga" {
		t.Errorf("nil table: Canonical = %q, want %q", got, "Tomas Varga")
	}
}

func TestSurname(t *testing.T) {
	tab := Resolve(map[string]Count{
		"Paul Volcker": p(50), "Ruth Baines": p(8), "Henry Baines": p(7),
		"Sara Lindqvist": p(9), "Although Lindqvist": p(1), "Varga": p(3), "Tomas Varga": p(5),
	})
	for _, tc := range []struct {
		in     string
		name   string
		people []string
	}{
		{"Volcker", "Paul Volcker", nil},
		{"volcker", "Paul Volcker", nil},
		{"Lindqvist", "Sara Lindqvist", nil}, // a rival named once does not count
		{"Baines", "", []string{"Ruth Baines", "Henry Baines"}},
		{"Varga", "", nil},        // a form the corpus uses: Forms answers it
		{"Paul Volcker", "", nil}, // not a bare surname
		{"Nobody", "", nil},
	} {
		name, people := tab.Surname(tc.in)
		if name != tc.name || !reflect.DeepEqual(people, tc.people) {
			t.Errorf("Surname(%q) = %q, %q; want %q, %q", tc.in, name, people, tc.name, tc.people)
		}
	}
}
