package index

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/identity"
	contract "github.com/newsdex/newsdex/internal/search"
)

// One name per person across the index.
//
// Documents keep the names their article used (whitespace normalised):
// nothing is rewritten when a later batch changes which name a person
// goes by. The corpus-wide choice (internal/identity) is made from how many
// articles use each form as a person actor (FieldPerson), a speaker
// (FieldSpeakerFacet) and an actor (FieldActorFacet): counts the index
// holds in those fields' postings. The first search that needs names
// counts them (countWhole, as browsing does; or reads the counts that
// Precompute kept after a bulk load) and keeps an identity.Resolver; Put
// then adds each batch's articles to it and takes out the articles they
// replace, and only the surnames a batch touched are settled again.
//
// Names are applied when a search runs, never per hit:
//   - a speaker or actor filter (or speaker:/actor: in a query) matches
//     every form of the person (identity.Table.Forms);
//   - facet counts are added up by person after counting, over the
//     distinct values counted (counter.facets), so a document holding two
//     forms of one person (rare: the extractor names a person once per
//     article) counts twice;
//   - hits, quote hits and Article give each person's name, and Article
//     and facet values list the other forms (aliases).

// namesKey is the internal key of the name counts Precompute keeps.
const namesKey = "newsdex_names"

// names holds the corpus-wide resolver, loaded on first use.
type names struct {
	res *identity.Resolver // nil until loaded
	gen int                // Put count: a load that saw one begin does not keep its result
}

// table returns the index's current name table, counting the names first
// if no search has yet.
func (x *Index) table(ctx context.Context) (*identity.Table, error) {
	x.nmu.Lock()
	if x.names.res != nil {
		t := x.names.res.Table()
		x.nmu.Unlock()
		return t, nil
	}
	gen := x.names.gen
	x.nmu.Unlock()

	counts, err := x.nameCounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("count names: %w", err)
	}
	res := identity.NewResolver()
	res.Add(counts, 1)
	t := res.Table()
	x.nmu.Lock()
	if x.names.res == nil && x.names.gen == gen && !x.putting {
		x.names.res = res
	}
	x.nmu.Unlock()
	return t, nil
}

// nameCounts reads the persisted counts, or counts the names of the
// articles in the index.
func (x *Index) nameCounts(ctx context.Context) (map[string]identity.Count, error) {
	if v, err := x.bi.GetInternal([]byte(namesKey)); err == nil && len(v) > 0 {
		var counts map[string]identity.Count
		if json.Unmarshal(v, &counts) == nil {
			return counts, nil
		}
	}
	return x.countNames(ctx)
}

// countNames counts, for each form, the live articles that use it as a
// person, a speaker and an actor, from the postings of those fields.
func (x *Index) countNames(ctx context.Context) (map[string]identity.Count, error) {
	snap, done, err := x.snapshot() // columns.go
	if err != nil {
		return nil, err
	}
	defer done()
	fields := []string{FieldPerson, FieldSpeakerFacet, FieldActorFacet}
	sums := make([]map[string]uint64, len(fields))
	for i := range sums {
		sums[i] = map[string]uint64{}
	}
	for _, ss := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s := ss.Segment()
		live, err := x.cols.segment(s).kind(s, kindArticle)
		if err != nil {
			return nil, err
		}
		if del := ss.Deleted(); del != nil && !del.IsEmpty() {
			live = roaring.AndNot(live, del)
		}
		for i, f := range fields {
			var has uint64 // documents with a value: not needed here
			if err := countField(s, f, live, sums[i], &has); err != nil {
				return nil, err
			}
		}
	}
	out := map[string]identity.Count{}
	for form, n := range sums[0] {
		c := out[form]
		c.Person = int(n)
		out[form] = c
	}
	for form, n := range sums[1] {
		c := out[form]
		c.Speaker = int(n)
		out[form] = c
	}
	for form, n := range sums[2] {
		c := out[form]
		c.Actor = int(n)
		out[form] = c
	}
	return out, nil
}

// beginNames marks a Put under way: a load running meanwhile may have
// counted part of it, so it does not keep its result.
func (x *Index) beginNames() bool {
	x.nmu.Lock()
	defer x.nmu.Unlock()
	x.names.gen++
	x.putting = true
	return x.names.res != nil
}

// endNames adds a committed Put's articles to the loaded resolver and
// takes out the ones they replaced (nil when nothing was loaded).
func (x *Index) endNames(added, removed []*article.Article) {
	x.nmu.Lock()
	defer x.nmu.Unlock()
	x.names.gen++
	x.putting = false
	if x.names.res == nil {
		return
	}
	for _, a := range removed {
		x.names.res.AddArticle(a, -1)
	}
	for _, a := range added {
		x.names.res.AddArticle(a, 1)
	}
}

// dropNames forgets the loaded names: a Put failed part way.
func (x *Index) dropNames() {
	x.nmu.Lock()
	x.names.res = nil
	x.names.gen++
	x.putting = false
	x.nmu.Unlock()
}

// forgetNames drops the persisted counts within b (Put's first batch).
func forgetNames(b *bleve.Batch) {
	b.DeleteInternal([]byte(namesKey))
}

// persistNames adds the current counts to b (Precompute).
func (x *Index) persistNames(ctx context.Context, b *bleve.Batch) error {
	counts, err := x.countNames(ctx)
	if err != nil {
		return fmt.Errorf("count names: %w", err)
	}
	v, err := json.Marshal(counts)
	if err != nil {
		return err
	}
	b.SetInternal([]byte(namesKey), v)
	return nil
}

// nameTerms returns the lower-cased terms a speaker or actor filter value
// matches: every form of its person, or the value alone.
func nameTerms(t *identity.Table, v string) ([]string, error) {
	forms := t.Forms(v)
	if len(forms) == 0 {
		// A surname the corpus never writes alone: the one person
		// who holds it, or a clear error naming the candidates.
		name, people := t.Surname(v)
		if len(people) > 1 {
			if len(people) > 5 {
				people = append(people[:5:5], "...")
			}
			return nil, fmt.Errorf("%w: %q names no one alone and is the surname of several people: %s (give the full name)",
				ErrBadQuery, identity.Normalize(v), strings.Join(people, ", "))
		}
		if name == "" {
			return []string{strings.ToLower(identity.Normalize(v))}, nil
		}
		forms = t.Forms(name)
	}
	out := make([]string, 0, len(forms)+1)
	seen := map[string]bool{}
	for _, f := range append([]string{identity.Normalize(v)}, forms...) {
		if l := strings.ToLower(f); !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out, nil
}

// anyName returns a query matching any of terms in field.
func anyName(field string, terms []string) query.Query {
	qs := make([]query.Query, len(terms))
	for i, term := range terms {
		t := query.NewTermQuery(term)
		t.SetField(field)
		qs[i] = t
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// byPerson adds up facet values that name one person under its name, and
// lists the other forms of each value shown.
func byPerson(t *identity.Table, vals []contract.FacetValue) []contract.FacetValue {
	if t == nil {
		return vals
	}
	at := make(map[string]int, len(vals))
	out := vals[:0:0]
	for _, v := range vals {
		name := t.Canonical(v.Value)
		if i, ok := at[name]; ok {
			out[i].Count += v.Count
			continue
		}
		at[name] = len(out)
		v.Value = name
		out = append(out, v)
	}
	return out
}

// withAliases sets the aliases of facet values.
func withAliases(t *identity.Table, vals []contract.FacetValue) {
	for i := range vals {
		vals[i].Aliases = t.Aliases(vals[i].Value)
	}
}

// personNames gives each name of a list its person's name, once.
func personNames(t *identity.Table, ns []string) []string {
	if t == nil || len(ns) == 0 {
		return ns
	}
	out := make([]string, 0, len(ns))
	seen := make(map[string]bool, len(ns))
	for _, n := range ns {
		if n = t.Canonical(n); !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// personFacet reports whether a facet holds people's names.
func personFacet(name string) bool {
	return name == contract.FacetSpeaker || name == contract.FacetActor
}

// addCounts adds the counts of more to vals (each list holds a value
// once): columns' counts to those read from doc values, when a search
// met segments of both kinds.
func addCounts(vals, more []contract.FacetValue) []contract.FacetValue {
	if len(vals) == 0 {
		return more
	}
	at := make(map[string]int, len(vals))
	for i, v := range vals {
		at[v.Value] = i
	}
	for _, v := range more {
		if i, ok := at[v.Value]; ok {
			vals[i].Count += v.Count
			continue
		}
		vals = append(vals, v)
	}
	return vals
}

// facetBefore reports whether a term facet value comes before b: a
// greater count, then the smaller value.
func facetBefore(a, b contract.FacetValue) bool {
	if a.Count != b.Count {
		return a.Count > b.Count
	}
	return a.Value < b.Value
}

// sortFacet sorts term facet values by count, then value.
func sortFacet(vals []contract.FacetValue) {
	sort.Slice(vals, func(i, j int) bool { return facetBefore(vals[i], vals[j]) })
}

// topFacet returns the first size of vals in sortFacet's order, sorted,
// and the sum of the counts of the others. It selects them with a heap of
// size values instead of sorting them all: a common word's hits carry
// tens of thousands of distinct actors at 100k articles, and sorting
// them was a sixth of a query.
func topFacet(vals []contract.FacetValue, size int) ([]contract.FacetValue, int) {
	if len(vals) <= size {
		sortFacet(vals)
		return vals, 0
	}
	// h is a heap whose root is the value that comes last of those
	// kept; vals[size:] each replace it when they come before it.
	h := vals[:size]
	for i := size/2 - 1; i >= 0; i-- {
		siftLast(h, i)
	}
	other := 0
	for _, v := range vals[size:] {
		if size > 0 && facetBefore(v, h[0]) {
			other += h[0].Count
			h[0] = v
			siftLast(h, 0)
		} else {
			other += v.Count
		}
	}
	sortFacet(h)
	return h, other
}

// siftLast moves h[i] down the heap whose root comes last in facet order.
func siftLast(h []contract.FacetValue, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && facetBefore(h[l], h[r]) {
			m = r
		}
		if !facetBefore(h[i], h[m]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}
