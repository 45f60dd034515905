package index

// Proximity search: "a b"~N. bleve's phrase searcher can measure slop
// (findPhrasePaths) but no query exposes it (v2.6.3 passes 0), so this
// query builds its own: a conjunction of the words' term searchers, with
// term vectors, whose hits a filter keeps when the words stand close
// enough. How close is Lucene's sloppy-phrase measure: each word's offset
// from where the phrase would put it (its position minus its place in the
// phrase) is taken, and the spread of those offsets (largest minus
// smallest) must be at most N. An exact phrase spreads 0; one word
// between two phrase words spreads 1; two words swapped spread 2 — so
// "a b"~2 also finds "b a", as in Lucene and Elasticsearch. Each word may
// use any of its positions; the filter looks for the smallest spread over
// the words' sorted offset lists (the smallest range that takes one value
// from each list), in time linear in the number of positions.

import (
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// proximityQuery finds words within slop positions of their places in a
// phrase, in any order.
type proximityQuery struct {
	text  string
	field string
	slop  int
	boost *query.Boost
}

func newProximityQuery(field, text string, slop int) *proximityQuery {
	return &proximityQuery{text: text, field: field, slop: slop}
}

func (q *proximityQuery) Field() string      { return q.field }
func (q *proximityQuery) SetField(f string)  { q.field = f }
func (q *proximityQuery) SetBoost(b float64) { bb := query.Boost(b); q.boost = &bb }
func (q *proximityQuery) Boost() float64     { return q.boost.Value() }
func (q *proximityQuery) String() string     { return fmt.Sprintf("%s:%q~%d", q.field, q.text, q.slop) }
func (q *proximityQuery) copyWithField(f string) *proximityQuery {
	c := *q
	c.field = f
	return &c
}

// Searcher analyses the text as the field's text was and returns the
// filtered conjunction described at the top of the file.
func (q *proximityQuery) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	field := q.field
	if field == "" {
		field = m.DefaultSearchField()
	}
	a := m.AnalyzerNamed(m.AnalyzerNameForPath(field))
	if a == nil {
		return nil, fmt.Errorf("no analyzer for field %s", field)
	}
	tokens := a.Analyze([]byte(q.text))
	if len(tokens) == 0 {
		return searcher.NewMatchNoneSearcher(i)
	}
	// place[term] lists the places of a term in the phrase (a term may
	// occur twice); the first token's position is place 0.
	place := map[string][]int{}
	var terms []string
	for _, t := range tokens {
		term := string(t.Term)
		if _, ok := place[term]; !ok {
			terms = append(terms, term)
		}
		place[term] = append(place[term], t.Position-tokens[0].Position)
	}
	opts := options
	opts.IncludeTermVectors = true
	subs := make([]search.Searcher, 0, len(terms))
	for _, term := range terms {
		s, err := searcher.NewTermSearcher(ctx, i, term, field, q.boost.Value(), opts)
		if err != nil {
			for _, s := range subs {
				_ = s.Close()
			}
			return nil, err
		}
		subs = append(subs, s)
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, i, subs, opts)
	if err != nil {
		return nil, err
	}
	slop := q.slop
	keep := func(_ context.Context, d *search.DocumentMatch) (bool, error) {
		return near(d.FieldTermLocations, field, place, slop), nil
	}
	return searcher.NewCustomFilterSearcher(ctx, conj, keep, nil, i, nil), nil
}

// near reports whether a hit's locations in field hold every word of
// the phrase (place: each word's places in it) with offsets spread by at
// most slop.
func near(locs []search.FieldTermLocation, field string, place map[string][]int, slop int) bool {
	// lists[start[term]+j] holds the offsets (position - place) the
	// term's j-th occurrence in the phrase can take.
	start, n := make(map[string]int, len(place)), 0
	for term, places := range place {
		start[term] = n
		n += len(places)
	}
	lists := make([][]int, n)
	for _, l := range locs {
		k, ok := start[l.Term]
		if !ok || l.Field != field {
			continue
		}
		for j, p := range place[l.Term] {
			lists[k+j] = append(lists[k+j], int(l.Location.Pos)-p)
		}
	}
	for _, l := range lists {
		if len(l) == 0 {
			return false
		}
		sort.Ints(l)
	}
	return smallestSpread(lists) <= slop
}

// smallestSpread returns the smallest max-min over choices of one value
// from each sorted list.
func smallestSpread(lists [][]int) int {
	at := make([]int, len(lists))
	best := int(^uint(0) >> 1)
	for {
		lo, hi, min := lists[0][at[0]], lists[0][at[0]], 0
		for k := range lists {
			v := lists[k][at[k]]
			if v < lo {
				lo, min = v, k
			}
			if v > hi {
				hi = v
			}
		}
		if hi-lo < best {
			best = hi - lo
		}
		if at[min]++; at[min] == len(lists[min]) {
			return best
		}
	}
}
