// Package corpusgen generates reproducible synthetic news corpora for
// benchmarks: N articles as JSON Lines, the same bytes for the same seed.
//
// How it builds an article: the sentences and direct quotes of the embedded
// demo corpus (internal/demo, written by the newsdex team) are pooled once;
// each article then gets a dateline city (which names its country), a date
// between 2000 and 2024, a source, 3 to 9 paragraphs of pooled sentences and
// 0 to 3 quotes, each attributed to a generated speaker with a role
// ("“…,” said Amara Okafor, the finance minister.") so that the extractor
// finds quotes, speakers, countries and actors in realistic proportions.
// Titles are cut from a sentence of the article. Nothing is copied from a
// real news source.
package corpusgen

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/demo"
	"github.com/newsdex/newsdex/internal/ingest"
)

// Record is one generated article, in a shape `newsdex index` reads.
type Record struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	Body   string `json:"body"`
}

// Generator draws articles from pools built from the demo corpus.
type Generator struct {
	rng       *rand.Rand
	sentences []string
	quotes    []string
	n         int
}

// New returns a generator seeded with seed. It reads the demo corpus.
func New(seed uint64) (*Generator, error) {
	g := &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	err := ingest.WalkFS(context.Background(), demo.FS(), ".", ingest.Options{}, func(a *article.Article) error {
		for _, p := range strings.Split(a.Body, "\n\n") {
			if strings.ContainsAny(p, "“”\"") {
				for _, q := range quotedSpans(p) {
					if len(q) > 20 {
						g.quotes = append(g.quotes, q)
					}
				}
				continue
			}
			for _, s := range splitSentences(p) {
				if len(s) > 30 && !strings.Contains(s, " - ") {
					g.sentences = append(g.sentences, s)
				}
			}
		}
		return nil
	}, func(*ingest.Error) {})
	if err != nil {
		return nil, fmt.Errorf("read demo corpus: %w", err)
	}
	if len(g.sentences) == 0 || len(g.quotes) == 0 {
		return nil, fmt.Errorf("read demo corpus: %d sentences and %d quotes", len(g.sentences), len(g.quotes))
	}
	return g, nil
}

// quotedSpans returns the texts between curly or straight double quotes.
func quotedSpans(p string) []string {
	var out []string
	for {
		i := strings.IndexAny(p, "“\"")
		if i < 0 {
			return out
		}
		p = p[i+len(string([]rune(p[i:])[0])):]
		j := strings.IndexAny(p, "”\"")
		if j < 0 {
			return out
		}
		q := strings.TrimRight(strings.TrimSpace(p[:j]), ",")
		out = append(out, q)
		p = p[j+len(string([]rune(p[j:])[0])):]
	}
}

// splitSentences cuts a paragraph after ". " followed by a capital letter.
func splitSentences(p string) []string {
	var out []string
	start := 0
	rs := []rune(p)
	for i := 0; i+2 < len(rs); i++ {
		if (rs[i] == '.' || rs[i] == '?' || rs[i] == '!') && rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) {
			out = append(out, strings.TrimSpace(string(rs[start:i+1])))
			start = i + 2
		}
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, s)
	}
	return out
}

var (
	cities = []string{
		"BAGHDAD", "NAIROBI", "LAGOS", "ACCRA", "CAIRO", "TUNIS", "RABAT", "DAKAR",
		"ADDIS ABABA", "JOHANNESBURG", "KINSHASA", "LONDON", "PARIS", "BERLIN", "MADRID",
		"ROME", "WARSAW", "KYIV", "MOSCOW", "ANKARA", "TEHRAN", "RIYADH", "DOHA", "AMMAN",
		"BEIRUT", "JERUSALEM", "NEW DELHI", "ISLAMABAD", "DHAKA", "COLOMBO", "BEIJING",
		"TOKYO", "SEOUL", "JAKARTA", "MANILA", "HANOI", "BANGKOK", "CANBERRA", "WELLINGTON",
		"OTTAWA", "WASHINGTON", "MEXICO CITY", "BRASILIA", "BUENOS AIRES", "SANTIAGO",
		"LIMA", "BOGOTA", "CARACAS", "HAVANA", "STOCKHOLM", "OSLO", "ATHENS", "VIENNA",
	}
	sources = []string{
		"Newswire", "Harbour Post", "Daily Ledger", "Global Dispatch", "Meridian News",
		"The Continental", "Capital Times", "Wire Service International", "Evening Courier",
		"Atlas Press", "Northern Herald", "Coastal Review",
	}
	firstNames = []string{
		"Amara", "Youssef", "Lena", "Tomasz", "Priya", "Kenji", "Sofia", "Mateo", "Aisha",
		"Olga", "Kwame", "Ingrid", "Rafael", "Mei", "Hassan", "Chloe", "Dmitri", "Fatima",
		"Samuel", "Ana", "Nikhil", "Elif", "Jonas", "Grace", "Omar", "Lucia", "Tariq", "Hana",
		"Pedro", "Zanele", "Marek", "Noor", "Arjun", "Camille", "Emeka", "Yuki",
	}
	lastNames = []string{
		"Okafor", "Benali", "Schmidt", "Kowalski", "Raman", "Tanaka", "Rossi", "Gutierrez",
		"Mensah", "Petrova", "Lindqvist", "Haddad", "Chen", "Dubois", "Ivanov", "Nkosi",
		"Moreau", "Silva", "Sharma", "Yilmaz", "Berg", "Adeyemi", "Hussein", "Fernandez",
		"Nakamura", "Mahlangu", "Novak", "Kariuki", "Castillo", "Osei", "Park", "Aziz",
		"Lopez", "Wojcik", "Ibrahim", "Suzuki", "Garcia", "Abebe", "Kim", "Farah",
	}
	roles = []string{
		"the finance minister", "the foreign minister", "a government spokesperson",
		"the central bank governor", "an analyst at a regional bank", "the company's chief executive",
		"a senior economist", "the head of the farmers' union", "a spokesperson for the ministry",
		"the opposition leader", "a trader", "the mayor", "a director at the agency", "a resident",
	}
	cues = []string{"said", "said", "said", "told reporters", "added", "says"}
)

func (g *Generator) pick(s []string) string { return s[g.rng.IntN(len(s))] }

func (g *Generator) speaker() string {
	// A small pool of speakers recurs across articles, as in real news;
	// the rest are drawn from all name pairs.
	if g.rng.IntN(3) == 0 {
		i := g.rng.IntN(60)
		return firstNames[i%len(firstNames)] + " " + lastNames[(i*7)%len(lastNames)]
	}
	return g.pick(firstNames) + " " + g.pick(lastNames)
}

// Next returns the next article.
func (g *Generator) Next() Record {
	g.n++
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	date := start.Add(time.Duration(g.rng.Int64N(int64(25*365*24*time.Hour))) / time.Second * time.Second)
	city := g.pick(cities)
	var paras []string
	np := 3 + g.rng.IntN(7)
	nq := g.rng.IntN(4)
	qat := map[int]bool{}
	for i := 0; i < nq; i++ {
		qat[1+g.rng.IntN(np)] = true
	}
	for i := 0; i < np; i++ {
		var b strings.Builder
		if i == 0 {
			fmt.Fprintf(&b, "%s, %s %d - ", city, date.Format("January"), date.Day())
		}
		if qat[i] {
			name := g.speaker()
			q := strings.TrimRight(g.pick(g.quotes), ".,;: ")
			if !strings.HasSuffix(q, "?") && !strings.HasSuffix(q, "!") {
				q += ","
			}
			fmt.Fprintf(&b, "“%s” %s %s, %s.", q, g.pick(cues), name, g.pick(roles))
		} else {
			ns := 1 + g.rng.IntN(3)
			for j := 0; j < ns; j++ {
				if j > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(g.pick(g.sentences))
			}
		}
		paras = append(paras, b.String())
	}
	title := g.pick(g.sentences)
	if w := strings.Fields(title); len(w) > 10 {
		title = strings.Join(w[:10], " ")
	}
	title = strings.TrimRight(title, ".,;:")
	return Record{
		ID:     fmt.Sprintf("gen-%08d", g.n),
		Title:  title,
		Date:   date.Format(time.RFC3339),
		Source: g.pick(sources),
		Body:   strings.Join(paras, "\n\n"),
	}
}

// Write writes n articles to w as JSON Lines.
func (g *Generator) Write(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := 0; i < n; i++ {
		if err := enc.Encode(g.Next()); err != nil {
			return fmt.Errorf("write article %d: %w", i+1, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write articles: %w", err)
	}
	return nil
}
