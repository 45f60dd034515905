package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

var updatePeople = flag.Bool("update-people", false, "rewrite the golden files of testdata/people")

// peopleGolden is what a golden file holds: the people extractor's output.
type peopleGolden struct {
	Quotes   []article.Quote `json:"quotes"`
	Speakers []string        `json:"speakers"`
	Actors   []article.Actor `json:"actors"`
}

func TestPeopleGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "people", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test articles in testdata/people: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a := mustPeople(t, strings.TrimSpace(string(b)))
			got, err := json.MarshalIndent(peopleGolden{a.Quotes, a.Speakers, a.Actors}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(path, ".txt") + ".golden.json"
			if *updatePeople {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run go test -update-people): %v", err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
				t.Errorf("people(%s) =\n%s\nwant\n%s", path, got, want)
			}
		})
	}
}

func FuzzPeople(f *testing.F) {
	f.Add("\"We hope,\" Hussein said, \"it works.\"\n\n\"It will,\" he added.")
	f.Add("Foreign Minister Fuad Hussein said: “We are worried about ISIS.\n\n“Very worried.”")
	f.Add("”Fear.” ― Ana Ruiz\n\"unclosed \u201c mixed ” marks \" and 'single' ones")
	f.Add("Mr. Smith, (D-Wis.), said, \"a\" \"b c d e\" — according to the Post")
	x := New(gazetteer.Default())
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return
		}
		a := &article.Article{Body: body}
		x.people(a)
		checkOffsets(t, a)
		for _, q := range a.Quotes {
			if q.Confidence < 0 || q.Confidence > 1 {
				t.Fatalf("quote %q: confidence %v outside 0..1", q.Text, q.Confidence)
			}
		}
	})
}

// BenchmarkPeople measures the people extractor on a Reuters-sized article;
// set NEWSDEX_DATA to also run it over the Reuters-21578 bodies.
func BenchmarkPeople(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("testdata", "people", "port-strike.txt"))
	if err != nil {
		b.Fatal(err)
	}
	x := New(gazetteer.Default())
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		a := &article.Article{Body: string(body)}
		x.people(a)
	}
}

// BenchmarkExtract measures the whole extractor (places and people) on the
// same article: the target is 5,000 such articles a second on one core.
func BenchmarkExtract(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("testdata", "people", "port-strike.txt"))
	if err != nil {
		b.Fatal(err)
	}
	x := New(gazetteer.Default())
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		a := &article.Article{Body: string(body)}
		x.Extract(a)
	}
}
