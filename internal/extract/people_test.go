package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
		// Extraction must stay fast on any input: a hang or a blow-up is a
		// failure the fuzzer can record and minimise, not a stuck worker.
		done := make(chan struct{})
		go func() {
			defer close(done)
			x.people(a)
		}()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("people(%q) took over 2 s", body)
		}
		checkOffsets(t, a)
		for _, q := range a.Quotes {
			if q.Confidence < 0 || q.Confidence > 1 {
				t.Fatalf("quote %q: confidence %v outside 0..1", q.Text, q.Confidence)
			}
		}
	})
}

// benchBodies returns the article bodies the benchmarks run over: the
// Reuters-21578 bodies when NEWSDEX_DATA names the shared data folder, else
// the team-written articles of testdata/people.
func benchBodies(b *testing.B) []string {
	b.Helper()
	if dir := os.Getenv("NEWSDEX_DATA"); dir != "" {
		paths, _ := filepath.Glob(filepath.Join(dir, "reuters21578", "*.sgm"))
		var bodies []string
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			bodies = append(bodies, sgmBodies(string(raw))...)
		}
		if len(bodies) > 0 {
			return bodies
		}
	}
	paths, err := filepath.Glob(filepath.Join("testdata", "people", "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no test articles in testdata/people: %v", err)
	}
	var bodies []string
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, string(raw))
	}
	return bodies
}

// sgmBodies returns the <BODY> texts of a Reuters-21578 SGML file, with the
// few entities it uses decoded.
func sgmBodies(s string) []string {
	var out []string
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&#3;", "")
	for {
		i := strings.Index(s, "<BODY>")
		if i < 0 {
			return out
		}
		s = s[i+len("<BODY>"):]
		j := strings.Index(s, "</BODY>")
		if j < 0 {
			return out
		}
		out = append(out, r.Replace(s[:j]))
		s = s[j:]
	}
}

func TestSgmBodies(t *testing.T) {
	in := "<REUTERS><TEXT><BODY>Shares &lt;ABC&gt; rose.\n&#3;</BODY></TEXT></REUTERS><BODY>B &amp; C</BODY>"
	got := sgmBodies(in)
	want := []string{"Shares <ABC> rose.\n", "B & C"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("sgmBodies(%q) = %q, want %q", in, got, want)
	}
}

// BenchmarkPeople measures the people extractor per article, over the
// Reuters-21578 bodies when NEWSDEX_DATA is set, else over the team-written
// articles.
func BenchmarkPeople(b *testing.B) {
	bodies := benchBodies(b)
	x := New(gazetteer.Default())
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		a := &article.Article{Body: bodies[n%len(bodies)]}
		x.people(a)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtract measures the whole extractor (places and people) per
// article over the same bodies: the target is 5,000 Reuters-sized articles
// a second on one core.
func BenchmarkExtract(b *testing.B) {
	bodies := benchBodies(b)
	x := New(gazetteer.Default())
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		a := &article.Article{Body: bodies[n%len(bodies)]}
		x.Extract(a)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
