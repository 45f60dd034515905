package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/newsdex/newsdex/internal/identity"
	contract "github.com/newsdex/newsdex/internal/search"
)

// Facets and the document kind, counted from columns of our own.
//
// bleve counts a term facet hit by hit: for every matching document it
// decodes a chunk of doc values (snappy) and feeds each term to a map,
// about 0.7 us a hit a facet. A common word matches a quarter of a
// 100k-article index, so five facets took 150 ms of a 190 ms query. And
// every search carried a filter on FieldKind (articles and quotes share
// the index), whose searcher is advanced hit by hit: another quarter of a
// query's time.
//
// Scorch segments are immutable, so each (segment, field) is turned once
// into a column: the field's terms, and for each document number the
// ordinals of its terms (compressed sparse rows). Building reads the
// field's postings, term by term; a 100k-document segment takes a few
// milliseconds a field, and the columns are kept while the segment is in
// the index. The search itself runs in bleve, without facets and without
// the kind filter; a document-match handler (bleve's
// search.MakeDocumentMatchHandlerKey hook) sees every match before the
// top-N collector does, drops those of the other kind and counts the
// facets by array increments. Totals come from that handler too.

// column is one field of one segment.
type column struct {
	terms []string // the field's terms, in dictionary order
	off   []uint32 // document n's ordinals are vals[off[n]:off[n+1]]
	vals  []uint32
	// ids are the terms' numbers among the field's values across
	// segments (valueIDs); people, for the speaker and actor facets,
	// the numbers of their persons' names under one name table
	// (personIDs).
	ids    atomic.Pointer[[]uint32]
	people atomic.Pointer[columnPeople]
}

// columnPeople are a column's terms named by a name table: ids[ord] is
// the number of tab.Canonical(terms[ord]).
type columnPeople struct {
	tab *identity.Table
	ids []uint32
}

// values numbers one field's values across the segments, so that a
// search adds up its segments' counts in an array indexed by number
// instead of a map keyed by value (a string hash a value a segment: a
// tenth of a query at 100k articles in 19 segments). Values are only
// added, never removed: they are the values the index held (and their
// persons' names), a few per article at most.
type values struct {
	mu    sync.Mutex
	ids   map[string]uint32
	names []string // by number
}

// number returns v's number, giving it one if it has none (v.mu held).
func (v *values) number(s string) uint32 {
	id, ok := v.ids[s]
	if !ok {
		id = uint32(len(v.names))
		v.ids[s] = id
		v.names = append(v.names, s)
	}
	return id
}

// list returns the values by number (at least those numbered so far).
func (v *values) list() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.names
}

// valueIDs returns the numbers of the column's terms among vals.
func (col *column) valueIDs(vals *values) []uint32 {
	if p := col.ids.Load(); p != nil {
		return *p
	}
	ids := make([]uint32, len(col.terms))
	vals.mu.Lock()
	for i, t := range col.terms {
		ids[i] = vals.number(t)
	}
	vals.mu.Unlock()
	col.ids.Store(&ids)
	return ids
}

// personIDs returns the numbers among vals of the person's name of each of
// the column's terms under tab, worked out once per column and table: a
// search adds its speaker and actor counts up by person, and naming every
// value counted on every search cost a tenth of a query at 100k articles.
// A table is never changed once made (a Put makes a new one), so the
// names stay right as long as the search uses that table.
func (col *column) personIDs(tab *identity.Table, vals *values) []uint32 {
	if p := col.people.Load(); p != nil && p.tab == tab {
		return p.ids
	}
	names := make([]string, len(col.terms))
	for i, t := range col.terms {
		names[i] = tab.Canonical(t)
	}
	ids := make([]uint32, len(col.terms))
	vals.mu.Lock()
	for i, n := range names {
		ids[i] = vals.number(n)
	}
	vals.mu.Unlock()
	col.people.Store(&columnPeople{tab: tab, ids: ids})
	return ids
}

// segColumns are the columns of one segment, built on first use.
type segColumns struct {
	mu    sync.Mutex
	cols  map[string]*column
	fused map[string]*rows           // by the fields' names joined
	kinds map[string]*roaring.Bitmap // documents by FieldKind value
	sets  map[string][]uint64        // the same as bit sets (kindSet)
}

// kind returns the documents of kind k in s: its postings' bitmap, copied
// (a few kilobytes; a column would cost a pass over every document).
func (sc *segColumns) kind(s segment.Segment, k string) (*roaring.Bitmap, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if bm := sc.kinds[k]; bm != nil {
		return bm, nil
	}
	dict, err := s.Dictionary(FieldKind)
	if err != nil {
		return nil, fmt.Errorf("kind %s: %w", k, err)
	}
	pl, err := dict.PostingsList([]byte(k), nil, nil)
	if err != nil {
		return nil, fmt.Errorf("kind %s: %w", k, err)
	}
	bm, err := postingsBitmap(pl.Iterator(false, false, false, nil))
	if err != nil {
		return nil, fmt.Errorf("kind %s: %w", k, err)
	}
	if sc.kinds == nil {
		sc.kinds = map[string]*roaring.Bitmap{}
	}
	sc.kinds[k] = bm
	return bm, nil
}

// kindSet returns the documents of kind k in s as a bit set (bit n of
// word n/64): the counter tests each match's kind, and a bit set answers
// in one load where the bitmap searches its containers (3% of a query).
func (sc *segColumns) kindSet(s segment.Segment, k string) ([]uint64, error) {
	sc.mu.Lock()
	set := sc.sets[k]
	sc.mu.Unlock()
	if set != nil {
		return set, nil
	}
	bm, err := sc.kind(s, k)
	if err != nil {
		return nil, err
	}
	set = make([]uint64, (s.Count()+63)/64)
	it := bm.Iterator()
	for it.HasNext() {
		d := it.Next()
		if int(d/64) < len(set) {
			set[d/64] |= 1 << (d % 64)
		}
	}
	sc.mu.Lock()
	if sc.sets == nil {
		sc.sets = map[string][]uint64{}
	}
	sc.sets[k] = set
	sc.mu.Unlock()
	return set, nil
}

// columnCache keeps the columns of the segments in the index.
type columnCache struct {
	mu   sync.Mutex
	segs map[segment.Segment]*segColumns
	last int                // the number of segments when the cache was last pruned
	vals map[string]*values // by field
}

// values returns the numbered values of field.
func (c *columnCache) values(field string) *values {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.vals == nil {
		c.vals = map[string]*values{}
	}
	v := c.vals[field]
	if v == nil {
		v = &values{ids: map[string]uint32{}}
		c.vals[field] = v
	}
	return v
}

// segment returns the columns of s, creating an empty set.
func (c *columnCache) segment(s segment.Segment) *segColumns {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.segs == nil {
		c.segs = map[segment.Segment]*segColumns{}
	}
	sc := c.segs[s]
	if sc == nil {
		sc = &segColumns{cols: map[string]*column{}}
		c.segs[s] = sc
	}
	return sc
}

// prune forgets the segments not in live: merged away or replaced by
// their persisted copies. A search still running on an older snapshot
// keeps the columns it holds.
func (c *columnCache) prune(live []*scorch.SegmentSnapshot) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.segs) <= len(live) {
		return
	}
	keep := make(map[segment.Segment]bool, len(live))
	for _, ss := range live {
		keep[ss.Segment()] = true
	}
	for s := range c.segs {
		if !keep[s] {
			delete(c.segs, s)
		}
	}
}

// postingsBitmap returns the documents of a postings iterator as a new
// bitmap: a copy of zap's own where it exposes one.
func postingsBitmap(pi segment.PostingsIterator) (*roaring.Bitmap, error) {
	if opt, ok := pi.(segment.OptimizablePostingsIterator); ok {
		if bm := opt.ActualBitmap(); bm != nil {
			return bm.Clone(), nil
		}
	}
	bm := roaring.New()
	return bm, eachDoc(pi, make([]uint32, 256), func(d uint64) { bm.Add(uint32(d)) })
}

// column returns field's column in s.
func (sc *segColumns) column(s segment.Segment, field string) (*column, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if col := sc.cols[field]; col != nil {
		return col, nil
	}
	col, err := buildColumn(s, field)
	if err != nil {
		return nil, err
	}
	sc.cols[field] = col
	return col, nil
}

// alwaysMatch is the automaton that walks a whole term dictionary.
type alwaysMatch struct{}

func (alwaysMatch) Start() int                 { return 0 }
func (alwaysMatch) IsMatch(int) bool           { return true }
func (alwaysMatch) CanMatch(int) bool          { return true }
func (alwaysMatch) WillAlwaysMatch(int) bool   { return true }
func (alwaysMatch) Accept(int, byte) int       { return 0 }
func (alwaysMatch) MatchesRegex(string) bool   { return true }
func (alwaysMatch) String() string             { return "alwaysMatch" }
func (alwaysMatch) Size() int                  { return 0 }
func (alwaysMatch) GetTermsPrefix() string     { return "" }
func (alwaysMatch) GetRegexpMatchString() bool { return false }

// eachTerm calls fn with each term of field in s and an iterator over its
// postings (which fn must not keep).
func eachTerm(s segment.Segment, field string, fn func(term string, pi segment.PostingsIterator) error) error {
	dict, err := s.Dictionary(field)
	if err != nil {
		return err
	}
	var pl segment.PostingsList
	var pi segment.PostingsIterator
	it := dict.AutomatonIterator(alwaysMatch{}, nil, nil)
	for {
		de, err := it.Next()
		if err != nil || de == nil {
			return err
		}
		if pl, err = dict.PostingsList([]byte(de.Term), nil, pl); err != nil {
			return err
		}
		pi = pl.Iterator(false, false, false, pi)
		if err := fn(de.Term, pi); err != nil {
			return err
		}
	}
}

// eachDoc calls fn with each document number of a postings iterator.
// zap's iterators expose the postings' bitmap: reading it a block at a
// time is ten times faster than Next.
func eachDoc(pi segment.PostingsIterator, buf []uint32, fn func(uint64)) error {
	if opt, ok := pi.(segment.OptimizablePostingsIterator); ok {
		if d, ok := opt.DocNum1Hit(); ok {
			fn(d)
			return nil
		}
		if bm := opt.ActualBitmap(); bm != nil {
			it := bm.ManyIterator()
			for k := it.NextMany(buf); k > 0; k = it.NextMany(buf) {
				for _, d := range buf[:k] {
					fn(uint64(d))
				}
			}
			return nil
		}
	}
	for {
		p, err := pi.Next()
		if err != nil || p == nil {
			return err
		}
		fn(p.Number())
	}
}

// buildColumn reads field's postings in s, term by term. Postings include
// deleted documents; those never match a search, so they cost only space.
func buildColumn(s segment.Segment, field string) (*column, error) {
	n := s.Count()
	col := &column{off: make([]uint32, n+1)}
	type pair struct{ doc, ord uint32 }
	var pairs []pair
	buf := make([]uint32, 256)
	err := eachTerm(s, field, func(term string, pi segment.PostingsIterator) error {
		ord := uint32(len(col.terms))
		col.terms = append(col.terms, term)
		return eachDoc(pi, buf, func(d uint64) {
			if d < n {
				pairs = append(pairs, pair{uint32(d), ord})
				col.off[d+1]++
			}
		})
	})
	if err != nil {
		return nil, fmt.Errorf("column %s: %w", field, err)
	}
	for i := 1; i < len(col.off); i++ {
		col.off[i] += col.off[i-1]
	}
	col.vals = make([]uint32, len(pairs))
	next := make([]uint32, n)
	for _, p := range pairs {
		col.vals[col.off[p.doc]+next[p.doc]] = p.ord
		next[p.doc]++
	}
	return col, nil
}

// rows are the facet fields of one segment fused for counting: for
// document n, vals[off[n]:off[n+1]] are indexes into one counts array,
// field f's ordinals shifted by base[f].
type rows struct {
	cols []*column
	base []uint32 // base[f] is field f's first index; base[len(cols)] the total
	off  []uint32
	vals []uint32
	// has[n] has bit f set when document n has a value in field f (nil
	// for more than 8 fields; there are 7 facets).
	has []uint8
}

// fuse builds the rows of columns over n documents.
func fuse(cols []*column, n uint64) *rows {
	r := &rows{cols: cols, base: make([]uint32, len(cols)+1), off: make([]uint32, n+1)}
	for f, col := range cols {
		r.base[f+1] = r.base[f] + uint32(len(col.terms))
	}
	if len(cols) <= 8 {
		r.has = make([]uint8, n)
	}
	for d := uint64(0); d < n; d++ {
		w := uint32(0)
		for f, col := range cols {
			k := col.off[d+1] - col.off[d]
			w += k
			if k > 0 && r.has != nil {
				r.has[d] |= 1 << f
			}
		}
		r.off[d+1] = r.off[d] + w
	}
	r.vals = make([]uint32, r.off[n])
	for d := uint64(0); d < n; d++ {
		at := r.off[d]
		for f, col := range cols {
			for _, ord := range col.vals[col.off[d]:col.off[d+1]] {
				r.vals[at] = r.base[f] + ord
				at++
			}
		}
	}
	return r
}

// rows returns the fused rows of fields in s, building them unless
// cachedOnly (then it returns nil when they are not built).
func (sc *segColumns) rows(s segment.Segment, fields []string, cachedOnly bool) (*rows, error) {
	key := strings.Join(fields, "\x00")
	sc.mu.Lock()
	r := sc.fused[key]
	sc.mu.Unlock()
	if r != nil || cachedOnly {
		return r, nil
	}
	cols := make([]*column, len(fields))
	for i, f := range fields {
		col, err := sc.column(s, f)
		if err != nil {
			return nil, err
		}
		cols[i] = col
	}
	r = fuse(cols, s.Count())
	sc.mu.Lock()
	if sc.fused == nil {
		sc.fused = map[string]*rows{}
	}
	sc.fused[key] = r
	sc.mu.Unlock()
	return r, nil
}

// maxTieLookups bounds the document IDs the top-N of a relevance search
// reads to break ties (topN.id). A query whose matches mostly score the
// same (a keyword field, say) would read one a hit: past this many the
// counter gives up its top-N and run sorts with bleve's (score, ID) order.
var maxTieLookups = 2000

// Warm builds the columns of every segment for the default facets of both
// kinds (about half a second at 100k articles), and from then on searches
// build the columns of new segments and of other facets when they first
// need them: call it in a process that will search many times (a server).
// Searches may run meanwhile.
func (x *Index) Warm(ctx context.Context) error {
	names := append([]string(nil), contract.DefaultFacets...)
	sort.Strings(names)
	x.warm.Store(true)
	tab, err := x.table(ctx) // names.go
	if err != nil {
		return fmt.Errorf("warm: %w", err)
	}
	for _, kind := range []string{kindArticle, kindQuote} {
		c := newCounter(&x.cols, kind, names)
		c.build = true
		c.tab = tab // numbers the values and people's names too (flush)
		req := bleve.NewSearchRequestOptions(kindQuery(kind), 0, 0, false)
		if _, err := x.bi.SearchInContext(c.context(ctx), req); err != nil {
			return fmt.Errorf("warm %s columns: %w", kind, err)
		}
	}
	return nil
}

// snapshot opens a reader on the index's current scorch snapshot; done
// closes it.
func (x *Index) snapshot() (snap *scorch.IndexSnapshot, done func(), err error) {
	adv, err := x.bi.Advanced()
	if err != nil {
		return nil, nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, nil, fmt.Errorf("index reader %T is not a scorch snapshot", r)
	}
	return snap, func() { r.Close() }, nil
}
