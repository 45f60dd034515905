package index

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/article"
	contract "github.com/newsdex/newsdex/internal/search"
)

// queryCase is one entry of testdata/queries.json: a query in newsdex's
// language and the articles (or quotes) it finds, or its exact error.
type queryCase struct {
	Query  string   `json:"query"`
	Op     string   `json:"op"`     // default operator; "" is or
	Quotes bool     `json:"quotes"` // search quotes
	Hits   []string `json:"hits"`
	Error  string   `json:"error"`
}

func TestQueryLanguage(t *testing.T) {
	b, err := os.ReadFile("testdata/queries.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []queryCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("parse testdata/queries.json: %v", err)
	}
	x := mustMemory(t, testArticles(t))
	ctx := context.Background()
	for _, c := range cases {
		name := c.Query
		if c.Op != "" {
			name += " (" + c.Op + ")"
		}
		t.Run(name, func(t *testing.T) {
			r := contract.Request{Query: c.Query, DefaultOperator: c.Op, Limit: 100, Facets: []string{}}
			var ids []string
			var total uint64
			if c.Quotes {
				res, err := x.SearchQuotes(ctx, r)
				if err != nil || c.Error != "" {
					checkQueryError(t, c, err)
					return
				}
				total = res.Total
				for _, h := range res.Hits {
					ids = append(ids, h.ID)
				}
			} else {
				res, err := x.Search(ctx, r)
				if err != nil || c.Error != "" {
					checkQueryError(t, c, err)
					return
				}
				total, ids = res.Total, hitIDs(res)
			}
			want := slices.Clone(c.Hits)
			slices.Sort(ids)
			slices.Sort(want)
			if !slices.Equal(ids, want) || total != uint64(len(want)) {
				t.Errorf("Search(%q) = %q (total %d), want %q", c.Query, ids, total, want)
			}
		})
	}
}

func checkQueryError(t *testing.T, c queryCase, err error) {
	t.Helper()
	got := ""
	if err != nil {
		got = err.Error()
	}
	if got != c.Error {
		t.Errorf("Search(%q) error = %q, want %q", c.Query, got, c.Error)
	}
}

// The property test: for random boolean expressions over words, the hits
// equal the set algebra of the single words' hits. The articles are made
// up of random subsets of six invented words, so that every combination
// has some articles and some not.
var propWords = []string{"alder", "birch", "cedar", "dogwood", "elm", "fir"}

// propRuns is how many random expressions the property test checks.
const propRuns = 600

func TestQueryAlgebra(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	var arts []*article.Article
	for i := range 48 {
		var words []string
		for _, w := range propWords {
			if rng.Intn(2) == 0 {
				words = append(words, w)
			}
		}
		arts = append(arts, &article.Article{
			ID: fmt.Sprintf("prop-%02d", i), Title: "Trees", Source: "Arboretum",
			Date: time.Date(2025, 1, 1+i%28, 0, 0, 0, 0, time.UTC),
			Body: "Notes on " + strings.Join(words, " and ") + " today.",
		})
	}
	all := map[string]bool{}
	for _, a := range arts {
		all[a.ID] = true
	}
	x := mustMemory(t, arts)
	ctx := context.Background()
	single := map[string]map[string]bool{}
	for _, w := range propWords {
		single[w] = idSet(mustSearch(t, x, contract.Request{Query: w, Limit: 100, Facets: []string{}}))
	}
	for run := range propRuns {
		e := randomExpr(rng, 4)
		op := "or"
		if rng.Intn(2) == 0 {
			op = "and"
		}
		q := e.render(rng, op, precOr)
		if run < 3 {
			t.Logf("%s: %s", op, q)
		}
		res, err := x.Search(ctx, contract.Request{Query: q, DefaultOperator: op, Limit: 100, Facets: []string{}})
		if err != nil {
			t.Fatalf("run %d: Search(%q, %s): %v", run, q, op, err)
		}
		got, want := idSet(res), e.eval(single, all)
		if !mapsEqual(got, want) || res.Total != uint64(len(want)) {
			t.Fatalf("run %d: Search(%q, default %s) = %v (total %d), want %v", run, q, op, sortedKeys(got), res.Total, sortedKeys(want))
		}
	}
	t.Logf("%d random expressions checked against set algebra", propRuns)
}

// expr is a random boolean expression: a word, or an operator over parts.
type expr struct {
	op    string // "", "and", "or", "not"
	word  string
	parts []*expr
}

func randomExpr(rng *rand.Rand, depth int) *expr {
	if depth == 0 || rng.Intn(3) == 0 {
		return &expr{word: propWords[rng.Intn(len(propWords))]}
	}
	switch rng.Intn(5) {
	case 0:
		return &expr{op: "not", parts: []*expr{randomExpr(rng, depth-1)}}
	case 1, 2:
		return &expr{op: "and", parts: []*expr{randomExpr(rng, depth-1), randomExpr(rng, depth-1), randomExpr(rng, depth-1)}[:2+rng.Intn(2)]}
	}
	return &expr{op: "or", parts: []*expr{randomExpr(rng, depth-1), randomExpr(rng, depth-1), randomExpr(rng, depth-1)}[:2+rng.Intn(2)]}
}

// Precedences, loosest first.
const (
	precOr = iota
	precAnd
	precNot
)

// render writes e with as few brackets as precedence allows, in a random
// spelling of each operator (AND, &&, or nothing when it is the default;
// NOT, !, -). Under OR a NOT is bracketed: there it would mark its group
// (Lucene's "a OR NOT b" is a without b), not stand for the complement.
func (e *expr) render(rng *rand.Rand, defaultOp string, outer int) string {
	var s string
	prec := precNot
	switch e.op {
	case "":
		return e.word
	case "not":
		inner := e.parts[0].render(rng, defaultOp, precNot)
		s = []string{"NOT ", "!", "-"}[rng.Intn(3)] + inner
		if outer == precOr {
			return "(" + s + ")"
		}
		return s
	case "and", "or":
		prec = precAnd
		words := []string{" AND ", " && "}
		if e.op == "or" {
			prec, words = precOr, []string{" OR ", " || "}
		}
		if e.op == defaultOp {
			words = append(words, " ")
		}
		parts := make([]string, len(e.parts))
		for i, p := range e.parts {
			parts[i] = p.render(rng, defaultOp, prec)
			if i > 0 {
				parts[i] = words[rng.Intn(len(words))] + parts[i]
			}
		}
		s = strings.Join(parts, "")
	}
	if prec < outer {
		return "(" + s + ")"
	}
	return s
}

func (e *expr) eval(single map[string]map[string]bool, all map[string]bool) map[string]bool {
	out := map[string]bool{}
	switch e.op {
	case "":
		for id := range single[e.word] {
			out[id] = true
		}
	case "not":
		in := e.parts[0].eval(single, all)
		for id := range all {
			if !in[id] {
				out[id] = true
			}
		}
	case "or":
		for _, p := range e.parts {
			for id := range p.eval(single, all) {
				out[id] = true
			}
		}
	case "and":
		for id := range all {
			out[id] = true
		}
		for _, p := range e.parts {
			in := p.eval(single, all)
			for id := range out {
				if !in[id] {
					delete(out, id)
				}
			}
		}
	}
	return out
}

func idSet(res *contract.ArticleResult) map[string]bool {
	out := map[string]bool{}
	for _, h := range res.Hits {
		out[h.ID] = true
	}
	return out
}

func mapsEqual(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// BenchmarkParseQuery measures parsing and compiling a query: the part of
// a search the query language adds.
func BenchmarkParseQuery(b *testing.B) {
	x := mustMemory(b, nil)
	for _, q := range []string{"coffee", `election AND (blair OR brown) NOT title:poll "prime minister"~3 date:[2005-01 TO 2005-06]`} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := x.parseQuery(kindArticle, q, "", nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
