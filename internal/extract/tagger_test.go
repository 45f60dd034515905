package extract

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsdex/newsdex/internal/gazetteer"
)

// tagText tags text with the embedded model and returns its names as
// "TYPE:words".
func tagText(t testing.TB, text string) []string {
	t.Helper()
	m, err := defaultModel()
	if err != nil || m == nil {
		t.Fatalf("embedded model: %v", err)
	}
	d := newDoc(text)
	d.markFurniture()
	d.findQuotes()
	ac := newActors(gazetteer.Default(), d)
	ac.collect(d, true)
	tags, _ := ac.tag(m, d, false)
	var out []string
	for _, sp := range spansOf(tags) {
		out = append(out, [...]string{"", "PER", "ORG", "LOC", "MISC"}[sp.typ]+":"+d.span(sp.s, sp.e))
	}
	return out
}

func TestTaggerSentences(t *testing.T) {
	// Team-written sentences: the tagger has never seen these names.
	tests := []struct {
		text string
		want []string
	}{
		{"Finance Minister Oskar Brandvold said on Tuesday that the budget would be cut.",
			[]string{"PER:Oskar Brandvold"}},
		{"The board of Veltrona Holdings Corp approved the merger after the company reported higher profits.",
			[]string{"ORG:Veltrona Holdings Corp"}},
		{"The talks in Nairobi were chaired by Amina Odhiambo of the Coastal Wildlife Service.",
			[]string{"LOC:Nairobi", "PER:Amina Odhiambo", "ORG:Coastal Wildlife Service"}},
		{"Police said the protest in Lisbon was peaceful.",
			[]string{"LOC:Lisbon"}},
		{"\"We will not back down,\" said Mr. Tarkovian, a spokesman for the Northern Alliance Party.",
			[]string{"PER:Tarkovian", "ORG:Northern Alliance Party"}},
	}
	for _, tt := range tests {
		got := tagText(t, tt.text)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("tag(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	w := map[uint32]*[nTags]float32{
		7:  {1, -2, 0, 0, 0, 0, 0, 0, 0.5},
		3:  {0, 0, 0, 4, 0, 0, 0, 0, 0},
		99: {-4, 0, 0, 0, 0, 0, 0, 0, 0},
	}
	var buf bytes.Buffer
	if err := writeModel(&buf, w); err != nil {
		t.Fatal(err)
	}
	m, err := readModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for f, ws := range w {
		o := m.lookup(f)
		if o < 0 {
			t.Fatalf("feature %d lost", f)
		}
		for k, x := range ws {
			if d := m.w[int(o)+k] - x; d > 0.001 || d < -0.001 {
				t.Errorf("feature %d tag %d = %v, want %v", f, k, m.w[int(o)+k], x)
			}
		}
	}
	if o := m.lookup(12345); o >= 0 {
		t.Errorf("lookup of an unknown feature = %d, want -1", o)
	}
	if _, err := readModel(strings.NewReader("not gzip")); err == nil || !strings.HasPrefix(err.Error(), "ner model: ") {
		t.Errorf("readModel(junk) error = %v, want a ner model error", err)
	}
}

// tinyCoNLL is a team-written training file in CoNLL-2003's form.
const tinyCoNLL = `-DOCSTART- -X- -X- O

GRAIN PRICES FALL NNP NNP O
. . . O

Oskar NNP I-NP I-PER
Brandvold NNP I-NP I-PER
of IN I-PP O
Veltrona NNP I-NP I-ORG
Corp NNP I-NP I-ORG
said VBD I-VP O
prices NNS I-NP O
fell VBD I-VP O
in IN I-PP O
Lisbon NNP I-NP I-LOC
. . O O

-DOCSTART- -X- -X- O

TALKS END NNP NNP O

Amina NNP I-NP I-PER
Odhiambo NNP I-NP I-PER
met VBD I-VP O
the DT I-NP O
Kenya NNP I-NP I-ORG
Wildlife NNP I-NP I-ORG
Service NNP I-NP I-ORG
. . O O
`

func TestTrainTagger(t *testing.T) {
	g := gazetteer.Default()
	var a, b bytes.Buffer
	opt := TrainOptions{Epochs: 3, Seed: 1}
	docs, toks, feats, err := TrainTagger(strings.NewReader(tinyCoNLL), "tiny.conll", g, opt, &a)
	if err != nil {
		t.Fatal(err)
	}
	if docs != 2 || toks == 0 || feats == 0 {
		t.Errorf("TrainTagger = %d docs, %d tokens, %d features; want 2 docs and some tokens and features", docs, toks, feats)
	}
	if _, _, _, err := TrainTagger(strings.NewReader(tinyCoNLL), "tiny.conll", g, opt, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same file and options wrote two different models")
	}
	p, r, _, _, err := EvalTagger(strings.NewReader(tinyCoNLL), "tiny.conll", g, a.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if p != 1 || r != 1 {
		t.Errorf("a model scored on its own tiny training file: precision %.3f recall %.3f, want 1 and 1", p, r)
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"-DOCSTART- -X- O\n\nOskar NNP B-PERSON\n", `x.conll:3: entity tag "B-PERSON" is not O, or B- or I- before PER, ORG, LOC or MISC`},
		{"-DOCSTART- -X- O\n\nOskar\n", `x.conll:3: want a token and its tags, got "Oskar"`},
	}
	for _, tt := range tests {
		_, err := readCoNLL(strings.NewReader(tt.in), "x.conll")
		if err == nil || err.Error() != tt.want {
			t.Errorf("readCoNLL(%q) error = %v, want %s", tt.in, err, tt.want)
		}
	}
	if _, _, _, err := TrainTagger(strings.NewReader(""), "empty.conll", nil, TrainOptions{Epochs: 1}, &bytes.Buffer{}); err == nil || err.Error() != "empty.conll: no documents" {
		t.Errorf("TrainTagger(empty) error = %v, want empty.conll: no documents", err)
	}
}

func FuzzTag(f *testing.F) {
	f.Add("Finance Minister Oskar Brandvold said on Tuesday that the budget would be cut.")
	f.Add("LONDON, March 3 - Shares of Veltrona Holdings Corp rose. REUTER")
	f.Add("\"A,\" said Mr. X of the Y and Z Co. & Sons; al-Assad, van der Pas\n\nB")
	f.Add("")
	m, err := defaultModel()
	if err != nil || m == nil {
		f.Fatalf("embedded model: %v", err)
	}
	g := gazetteer.Default()
	f.Fuzz(func(t *testing.T, text string) {
		d := newDoc(text)
		d.markFurniture()
		d.findQuotes()
		ac := newActors(g, d)
		ac.collect(d, true)
		tags, margin := ac.tag(m, d, false)
		if len(tags) != len(d.toks) || len(margin) != len(d.toks) {
			t.Fatalf("%d tags, %d margins for %d tokens", len(tags), len(margin), len(d.toks))
		}
		for i, tg := range tags {
			if tg >= nTags || tg != tagO && !d.taggable(i) {
				t.Fatalf("token %d (%q) tagged %d", i, d.word(i), tg)
			}
			if i > 0 && !validNext(tags[i-1], tg) {
				t.Fatalf("token %d: tag %s after %s", i, tagNames[tg], tagNames[tags[i-1]])
			}
		}
		for _, sp := range spansOf(tags) {
			if sp.s >= sp.e || sp.e > len(tags) || sp.typ < 1 || sp.typ > 4 {
				t.Fatalf("bad span %+v", sp)
			}
		}
		ac.retag(m, 0)
		ac.merge()
		ac.list()
	})
}

// TestLexTable checks that the one-lookup table gives every word the flags
// the word lists give it, for the lists' own words and the common words.
func TestLexTable(t *testing.T) {
	check := func(w string) {
		if got, want := lexTable()[w], string(listFlags(w, nil)); got != want {
			t.Fatalf("lexTable[%q] = %q, want %q", w, got, want)
		}
	}
	for w := range commonWords() {
		check(w)
	}
	for w := range givenNames {
		check(w)
	}
	for _, w := range []string{"minister", "said", "corp", "reuters", "", "zzqx", "new"} {
		check(w)
	}
}
