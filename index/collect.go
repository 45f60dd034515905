package index

import (
	"context"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	index "github.com/blevesearch/bleve_index_api"

	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"

	"github.com/newsdex/newsdex/internal/identity"
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

// counter is the document-match handler of one search: it keeps the
// matches of one kind, counts them and their facets, and, for a first
// page sorted by relevance, keeps the top N itself in (score, ID) order.
//
// Columns pay off in a process that searches many times: building them
// reads every posting of the facet fields, about what reading each hit's
// doc values costs when a query matches every document. So a counter
// builds them only when build is set (a server that ran Warm, or a count
// of the whole index); otherwise, in a segment whose columns are not
// built, it reads each hit's facet values from doc values, as bleve's
// facets do (a one-off CLI search).
type counter struct {
	cache  *columnCache
	kind   string   // the kind kept
	fields []string // facet fields counted
	names  []string // facet names, as fields
	build  bool     // build columns where missing

	field map[string]int // fields by name, for visit
	dvr   index.DocValueReader
	visit index.DocValueVisitor

	// top, when set, is the number of best hits kept (From+Size of the
	// request); the handler passes them to bleve's collector at the end,
	// numbered in (score desc, ID asc) order.
	top     int
	heap    []*search.DocumentMatch // the worst kept hit first
	reader  index.IndexReader
	lookups int
	gaveUp  bool // too many ties: bleve's collector saw no hit

	// Filled while the search runs.
	total  uint64
	segs   []*scorch.SegmentSnapshot
	offs   []uint64            // offs[i] is segment i's first global document number
	cur    int                 // the segment of the last match
	kinds  []uint64            // the documents of kind in cur (kindSet)
	rows   *rows               // facet rows of cur
	counts []uint32            // per facet value of cur (rows.base)
	sums   []map[string]uint64 // per facet: counts by value as indexed, from doc values or postings
	// tot are, per facet, the counts from columns by value number
	// (vals[f]): for a person facet, by person's name under tab when set.
	tot  [][]uint32
	vals []*values
	tab  *identity.Table // names people in flush
	has  []uint64        // per facet: the counted documents with a value
	seen uint64          // facets (bits) the document being visited has a value in
	err  error
}

// newCounter returns the counter of a search for kind with the named
// facets (names must be keys of facetFields).
func newCounter(cache *columnCache, kind string, names []string) *counter {
	c := &counter{cache: cache, kind: kind, names: names, cur: -1}
	for _, name := range names {
		c.fields = append(c.fields, facetFields[name])
	}
	c.sums = make([]map[string]uint64, len(names))
	c.tot = make([][]uint32, len(names))
	c.vals = make([]*values, len(names))
	c.has = make([]uint64, len(names))
	c.field = make(map[string]int, len(names))
	for i := range c.sums {
		c.sums[i] = map[string]uint64{}
		c.vals[i] = cache.values(c.fields[i])
		c.field[c.fields[i]] = i
	}
	c.visit = func(field string, term []byte) {
		if f, ok := c.field[field]; ok {
			c.sums[f][string(term)]++
			c.seen |= 1 << f
		}
	}
	return c
}

// context returns ctx carrying the counter's handler for bleve's collector.
func (c *counter) context(ctx context.Context) context.Context {
	return context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(c.makeHandler))
}

// makeHandler wraps bleve's top-N handler for the search context it is
// given: the collector's reader is the snapshot the searcher runs on.
func (c *counter) makeHandler(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
	inner, loadID, err := collector.MakeTopNDocumentMatchHandler(sctx)
	if err != nil {
		return nil, false, err
	}
	snap, ok := sctx.IndexReader.(*scorch.IndexSnapshot)
	if !ok {
		return nil, false, fmt.Errorf("count facets: index reader %T is not a scorch snapshot", sctx.IndexReader)
	}
	c.reader = snap
	c.segs = snap.Segments()
	c.offs = make([]uint64, len(c.segs)+1)
	for i, ss := range c.segs {
		c.offs[i+1] = c.offs[i] + ss.Segment().Count()
	}
	c.cache.prune(c.segs)
	pool := sctx.DocumentMatchPool
	return func(d *search.DocumentMatch) error {
		if d == nil {
			c.flush()
			if c.err != nil {
				return c.err
			}
			if c.top > 0 && !c.gaveUp {
				if err := c.handOver(inner); err != nil {
					return err
				}
			}
			return inner(nil)
		}
		keep, err := c.add(d.IndexInternalID)
		if err != nil {
			return err
		}
		if !keep || c.gaveUp {
			pool.Put(d)
			return nil
		}
		if c.top == 0 {
			return inner(d)
		}
		if drop := c.keepBest(d); drop != nil {
			pool.Put(drop)
		}
		if c.err != nil {
			return c.err
		}
		return nil
	}, loadID, nil
}

// keepBest adds d to the top N and returns the hit that falls out, if any.
func (c *counter) keepBest(d *search.DocumentMatch) *search.DocumentMatch {
	if len(c.heap) < c.top {
		c.heap = append(c.heap, d)
		c.up(len(c.heap) - 1)
		return nil
	}
	if !c.worse(c.heap[0], d) {
		return d
	}
	out := c.heap[0]
	c.heap[0] = d
	c.down(0)
	if c.lookups > maxTieLookups {
		c.gaveUp = true
	}
	return out
}

// worse reports whether a ranks below b: a lower score, or the same score
// and a greater ID.
func (c *counter) worse(a, b *search.DocumentMatch) bool {
	if a.Score != b.Score {
		return a.Score < b.Score
	}
	return c.id(a) > c.id(b)
}

// id returns a hit's document ID, read from the index the first time.
func (c *counter) id(d *search.DocumentMatch) string {
	if d.ID == "" && c.err == nil {
		c.lookups++
		id, err := c.reader.ExternalID(d.IndexInternalID)
		if err != nil {
			c.err = fmt.Errorf("top hits: %w", err)
		}
		d.ID = id
	}
	return d.ID
}

func (c *counter) up(i int) {
	h := c.heap
	for i > 0 {
		p := (i - 1) / 2
		if !c.worse(h[i], h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func (c *counter) down(i int) {
	h := c.heap
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && c.worse(h[r], h[l]) {
			m = r
		}
		if !c.worse(h[m], h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// handOver gives bleve's collector the kept hits, best first, numbered so
// that its (score, hit number) order is the (score, ID) order.
func (c *counter) handOver(inner search.DocumentMatchHandler) error {
	hits := c.heap
	sort.Slice(hits, func(i, j int) bool { return c.worse(hits[j], hits[i]) })
	if c.err != nil {
		return c.err
	}
	for i, d := range hits {
		d.HitNumber = uint64(i + 1)
		if err := inner(d); err != nil {
			return err
		}
	}
	c.heap = nil
	return nil
}

// add counts the document with internal ID id (a global document
// number) and reports whether it is of the kind kept.
func (c *counter) add(id index.IndexInternalID) (bool, error) {
	num := id.Value()
	if c.cur < 0 || num < c.offs[c.cur] || num >= c.offs[c.cur+1] {
		i := sort.Search(len(c.segs), func(i int) bool { return c.offs[i+1] > num })
		if i == len(c.segs) {
			return false, fmt.Errorf("count facets: document %d is past the snapshot's %d", num, c.offs[len(c.segs)])
		}
		if err := c.enter(i); err != nil {
			return false, err
		}
	}
	local := num - c.offs[c.cur]
	if c.kinds[local/64]&(1<<(local%64)) == 0 {
		return false, nil
	}
	c.total++
	if r := c.rows; r != nil {
		// A document's values come field by field (fuse): the first
		// value at or past a field's base starts that field.
		counts, has := c.counts, c.has
		vals := r.vals[r.off[local]:r.off[local+1]]
		for _, v := range vals {
			counts[v]++
		}
		if r.has != nil {
			for m := r.has[local]; m != 0; m &= m - 1 {
				has[bits.TrailingZeros8(m)]++
			}
		} else {
			f := -1
			for _, v := range vals {
				if f < 0 || v >= r.base[f+1] {
					for f++; v >= r.base[f+1]; f++ {
					}
					has[f]++
				}
			}
		}
	} else if len(c.fields) > 0 {
		if c.dvr == nil {
			dvr, err := c.reader.DocValueReader(c.fields)
			if err != nil {
				return false, fmt.Errorf("count facets: %w", err)
			}
			c.dvr = dvr
		}
		c.seen = 0
		if err := c.dvr.VisitDocValues(id, c.visit); err != nil {
			return false, fmt.Errorf("count facets: %w", err)
		}
		for f := range c.has {
			if c.seen&(1<<f) != 0 {
				c.has[f]++
			}
		}
	}
	return true, nil
}

// enter moves the counter to segment i, adding up the counts of the last.
func (c *counter) enter(i int) error {
	c.flush()
	s := c.segs[i].Segment()
	sc := c.cache.segment(s)
	var err error
	if c.kinds, err = sc.kindSet(s, c.kind); err != nil {
		return err
	}
	c.rows = nil
	if len(c.fields) > 0 {
		if c.rows, err = sc.rows(s, c.fields, !c.build); err != nil {
			return err
		}
	}
	if c.rows != nil {
		// flush left the counts zero.
		n := int(c.rows.base[len(c.fields)])
		if cap(c.counts) >= n {
			c.counts = c.counts[:n]
		} else {
			c.counts = make([]uint32, n)
		}
	}
	c.cur = i
	return nil
}

// flush adds the current segment's counts to the sums, and sets them to
// zero for the next segment.
func (c *counter) flush() {
	r := c.rows
	if r == nil {
		return
	}
	for f, col := range r.cols {
		var ids []uint32
		if c.tab != nil && personFacet(c.names[f]) {
			ids = col.personIDs(c.tab, c.vals[f])
		} else {
			ids = col.valueIDs(c.vals[f])
		}
		tot := c.tot[f]
		counts := c.counts[r.base[f]:r.base[f+1]]
		for ord, n := range counts {
			if n > 0 {
				id := ids[ord]
				if int(id) >= len(tot) {
					tot = slices.Grow(tot, int(id)+1-len(tot))
					tot = tot[:cap(tot)]
				}
				tot[id] += n
				counts[ord] = 0
			}
		}
		c.tot[f] = tot
	}
	c.rows = nil
}

// facetCounts are a search's facets: each one's values, and the counts
// beyond them.
type facetCounts struct {
	values map[string][]FacetValue
	// other is, per facet, the sum of the counts of the values cut from
	// the list (as Elasticsearch's sum_other_doc_count); missing the
	// number of hits with no value.
	other, missing map[string]int
}

// facets returns the counted facets: term facets by count (then value)
// cut to size, the date facet by month, countries labelled; with the
// counts of the values cut and of the hits without a value.
//
// Speaker and actor values are added up by person (names.go) before they
// are sorted and cut (so other counts people, not forms), and the values
// kept list their aliases.
func (c *counter) facets(lab Labeler, size int, tab *identity.Table) *facetCounts {
	out := &facetCounts{
		values:  make(map[string][]FacetValue, len(c.names)),
		other:   make(map[string]int, len(c.names)),
		missing: make(map[string]int, len(c.names)),
	}
	for f, name := range c.names {
		out.missing[name] = int(c.total - min(c.has[f], c.total))
		vals := make([]FacetValue, 0, len(c.sums[f]))
		for v, n := range c.sums[f] {
			vals = append(vals, FacetValue{Value: v, Count: int(n)})
		}
		if personFacet(name) {
			// Forms counted from doc values or postings are named
			// here; columns' counts were named in flush.
			vals = byPerson(tab, vals)
		}
		if tot := c.tot[f]; len(tot) > 0 {
			names := c.vals[f].list()
			var fromCols []FacetValue
			for id, n := range tot {
				if n > 0 {
					fromCols = append(fromCols, FacetValue{Value: names[id], Count: int(n)})
				}
			}
			vals = addCounts(vals, fromCols)
		}
		if name == FacetDate {
			sort.Slice(vals, func(i, j int) bool { return vals[i].Value < vals[j].Value })
			if len(vals) > maxFacetMonthCount {
				vals = vals[len(vals)-maxFacetMonthCount:]
			}
		} else {
			var cut int
			vals, cut = topFacet(vals, size) // names.go
			out.other[name] += cut
			if personFacet(name) {
				withAliases(tab, vals)
			}
		}
		if name == FacetCountry && lab != nil {
			for i, v := range vals {
				if l := lab.CountryName(v.Value); l != "" && l != v.Value {
					vals[i].Label = l
				}
			}
		}
		out.values[name] = vals
	}
	return out
}

// Warm builds the columns of every segment for the default facets of both
// kinds (about half a second at 100k articles), and from then on searches
// build the columns of new segments and of other facets when they first
// need them: call it in a process that will search many times (a server).
// Searches may run meanwhile.
func (x *Index) Warm(ctx context.Context) error {
	names := append([]string(nil), DefaultFacets...)
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

// countWhole counts the documents of kind and the values of the named
// facets over the whole index, segment by segment: a value's count is the
// size of its postings' bitmap and the segment's live documents of the
// kind. Nothing is kept per document, so a bulk load's closing count
// (Precompute) costs no memory to speak of; the result is read with
// counter.facets.
func (x *Index) countWhole(ctx context.Context, kind string, names []string) (*counter, error) {
	c := newCounter(&x.cols, kind, names)
	snap, done, err := x.snapshot()
	if err != nil {
		return nil, fmt.Errorf("count facets: %w", err)
	}
	defer done()
	for _, ss := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s := ss.Segment()
		live, err := x.cols.segment(s).kind(s, kind)
		if err != nil {
			return nil, err
		}
		if del := ss.Deleted(); del != nil && !del.IsEmpty() {
			live = roaring.AndNot(live, del)
		}
		c.total += live.GetCardinality()
		for f, field := range c.fields {
			if err := countField(s, field, live, c.sums[f], &c.has[f]); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

// countField adds to sums, for each term of field in s, the number of its
// documents in live, and to has the number of documents in live with a
// term of field (the union of the terms' postings).
func countField(s segment.Segment, field string, live *roaring.Bitmap, sums map[string]uint64, has *uint64) error {
	buf := make([]uint32, 256)
	any := roaring.New()
	err := eachTerm(s, field, func(term string, pi segment.PostingsIterator) error {
		var n uint64
		if opt, ok := pi.(segment.OptimizablePostingsIterator); ok && opt.ActualBitmap() != nil {
			n = opt.ActualBitmap().AndCardinality(live)
			any.Or(opt.ActualBitmap())
		} else if err := eachDoc(pi, buf, func(d uint64) {
			if live.Contains(uint32(d)) {
				n++
			}
			any.Add(uint32(d))
		}); err != nil {
			return err
		}
		if n > 0 {
			sums[term] += n
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("count %s: %w", field, err)
	}
	*has += any.AndCardinality(live)
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
