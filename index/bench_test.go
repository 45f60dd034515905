package index

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/article"
	contract "github.com/newsdex/newsdex/internal/search"
)

var (
	benchWords = strings.Fields(`coffee prices rose fell sharply minister said government talks water
		energy grain exports harvest frost inflation bank rates election parliament vote border troops
		ceasefire agreement oil gas pipeline drought farmers protest strike union wages court ruling
		budget deficit tax reform health hospital vaccine school students police security attack
		militia disarmament refugees aid summit trade tariffs market shares investors currency`)
	benchCountries = []string{"IQ", "TR", "BR", "KE", "FR", "UA", "US", "DE", "EG", "IN", "CN", "NG"}
	benchRegions   = []string{"Western Asia", "South America", "Eastern Africa", "Western Europe", "Eastern Europe", "Northern America", "Asia", "Europe", "Africa"}
	benchSources   = []string{"Daily Ledger", "Global Wire", "The Meridian", "Evening Post", "Harbour Times"}
	benchPeople    = []string{"Fuad Hussein", "Marta Ribeiro", "Claire Dubois", "John Mwangi", "Olena Kovalenko", "Dana Whitfield", "Amir Saleh", "Grace Achieng", "Hans Keller", "Priya Nair"}
)

// genArticles returns n generated articles of about 400 words with two
// quotes each, dated over three years; the same seed gives the same ones.
func genArticles(n int, seed uint64) []*article.Article {
	r := rand.New(rand.NewPCG(seed, 1))
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = benchWords[r.IntN(len(benchWords))]
		}
		return strings.Join(w, " ")
	}
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]*article.Article, n)
	for i := range arts {
		var body strings.Builder
		var quotes []article.Quote
		var speakers []string
		for p := 0; p < 6; p++ {
			if p == 2 || p == 4 {
				sp := benchPeople[r.IntN(len(benchPeople))]
				text := words(15)
				at := len([]rune(body.String())) + 1
				fmt.Fprintf(&body, "\"%s,\" said %s.\n\n", text, sp)
				quotes = append(quotes, article.Quote{Text: text, Speaker: sp, Cue: "said", Start: at, End: at + len(text), Confidence: 0.9})
				speakers = append(speakers, sp)
				continue
			}
			body.WriteString(words(60) + ".\n\n")
		}
		c1, c2 := benchCountries[r.IntN(len(benchCountries))], benchCountries[r.IntN(len(benchCountries))]
		arts[i] = &article.Article{
			ID: fmt.Sprintf("gen-%06d", i), Title: words(8), Source: benchSources[r.IntN(len(benchSources))],
			URL:       fmt.Sprintf("https://gen.example/%d", i),
			Date:      start.AddDate(0, 0, r.IntN(3*365)),
			Body:      strings.TrimSpace(body.String()),
			Quotes:    quotes,
			Countries: []article.Country{{Code: c1, Mentions: 2}, {Code: c2, Mentions: 1}},
			Regions:   []string{benchRegions[r.IntN(len(benchRegions))]},
			Actors:    []article.Actor{{Name: speakers[0], Type: article.Person, Mentions: 2}},
			Speakers:  speakers,
		}
	}
	return arts
}

func putAll(tb testing.TB, x *Index, arts []*article.Article, batch int) {
	tb.Helper()
	for i := 0; i < len(arts); i += batch {
		if err := x.Put(context.Background(), arts[i:min(i+batch, len(arts))]); err != nil {
			tb.Fatalf("Put: %v", err)
		}
	}
}

// BenchmarkPut indexes 2,000 generated articles (3 documents each) on
// disk in batches of 500 and reports articles per second and bytes on disk
// per article.
func BenchmarkPut(b *testing.B) {
	arts := genArticles(2000, 1)
	for b.Loop() {
		b.StopTimer()
		x, err := Open(filepath.Join(b.TempDir(), "idx"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		putAll(b, x, arts, 500)
		b.StopTimer()
		reportSize(b, x, len(arts))
		b.StartTimer()
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// reportSize closes the index and reports its bytes on disk per article.
func reportSize(b *testing.B, x *Index, n int) {
	b.Helper()
	if err := x.Close(); err != nil {
		b.Fatal(err)
	}
	var size int64
	filepath.WalkDir(x.Path(), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	b.ReportMetric(float64(size)/float64(n), "disk-B/article")
}

var benchIndex struct {
	once sync.Once
	dir  string
	x    *Index
	err  error
}

// TestMain removes the shared benchmark index once every benchmark ran.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchIndex.x != nil {
		benchIndex.x.Close()
	}
	if benchIndex.dir != "" {
		os.RemoveAll(benchIndex.dir)
	}
	os.Exit(code)
}

// benchSearchIndex returns a disk index of 10,000 generated articles,
// built once per test binary run.
func benchSearchIndex(b *testing.B) *Index {
	b.Helper()
	benchIndex.once.Do(func() {
		dir, err := os.MkdirTemp("", "newsdex-bench-")
		if err != nil {
			benchIndex.err = err
			return
		}
		benchIndex.dir = dir
		x, err := Open(filepath.Join(dir, "idx"), Options{})
		if err != nil {
			benchIndex.err = err
			return
		}
		putAll(b, x, genArticles(10000, 2), 1000)
		benchIndex.x = x
	})
	if benchIndex.err != nil {
		b.Fatal(benchIndex.err)
	}
	return benchIndex.x
}

func BenchmarkSearch(b *testing.B) {
	x := benchSearchIndex(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		r    contract.Request
	}{
		{"term-top10-nofacets", contract.Request{Query: "drought", Limit: 10, Facets: []string{}}},
		{"term-top10-facets", contract.Request{Query: "drought", Limit: 10}},
		{"phrase-top10", contract.Request{Query: `"oil gas"`, Limit: 10, Facets: []string{}}},
		{"browse-date-desc-facets", contract.Request{Sort: contract.SortDateDesc, Limit: 10}},
		{"filter-country-count-only", contract.Request{Filters: contract.Filters{Countries: []string{"IQ"}}, Facets: []string{}}},
		{"quotes-speaker-top10", contract.Request{Query: `speaker:"fuad hussein" water`, Limit: 10}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				var err error
				if strings.HasPrefix(c.name, "quotes") {
					_, err = x.SearchQuotes(ctx, c.r)
				} else {
					_, err = x.Search(ctx, c.r)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPutBBC indexes the BBC News corpus (2,225 articles; no
// extraction, so no quotes or countries) from $NEWSDEX_DATA/bbc-news.
func BenchmarkPutBBC(b *testing.B) {
	root := os.Getenv("NEWSDEX_DATA")
	if root == "" {
		b.Skip("NEWSDEX_DATA is not set")
	}
	dir := filepath.Join(root, "bbc-news")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no corpus: %v", err)
	}
	var arts []*article.Article
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		title, body, _ := strings.Cut(string(data), "\n")
		rel, _ := filepath.Rel(dir, path)
		arts = append(arts, &article.Article{ID: rel, Title: strings.TrimSpace(title), Source: "BBC News", Body: strings.TrimSpace(body)})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		x, err := Open(filepath.Join(b.TempDir(), "idx"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		putAll(b, x, arts, 500)
		b.StopTimer()
		reportSize(b, x, len(arts))
		b.StartTimer()
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
