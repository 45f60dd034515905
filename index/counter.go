package index

import (
	"context"
	"fmt"
	"math/bits"
	"slices"
	"sort"

	index "github.com/blevesearch/bleve_index_api"

	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"

	"github.com/newsdex/newsdex/internal/identity"
	contract "github.com/newsdex/newsdex/internal/search"
)

// The counter: how a search's facets, kind and total are counted from the
// columns (columns.go, which says why), and the whole index's counts.

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
	values map[string][]contract.FacetValue
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
func (c *counter) facets(lab contract.Labeler, size int, tab *identity.Table) *facetCounts {
	out := &facetCounts{
		values:  make(map[string][]contract.FacetValue, len(c.names)),
		other:   make(map[string]int, len(c.names)),
		missing: make(map[string]int, len(c.names)),
	}
	for f, name := range c.names {
		out.missing[name] = int(c.total - min(c.has[f], c.total))
		vals := make([]contract.FacetValue, 0, len(c.sums[f]))
		for v, n := range c.sums[f] {
			vals = append(vals, contract.FacetValue{Value: v, Count: int(n)})
		}
		if personFacet(name) {
			// Forms counted from doc values or postings are named
			// here; columns' counts were named in flush.
			vals = byPerson(tab, vals)
		}
		if tot := c.tot[f]; len(tot) > 0 {
			names := c.vals[f].list()
			var fromCols []contract.FacetValue
			for id, n := range tot {
				if n > 0 {
					fromCols = append(fromCols, contract.FacetValue{Value: names[id], Count: int(n)})
				}
			}
			vals = addCounts(vals, fromCols)
		}
		if name == contract.FacetDate {
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
		if name == contract.FacetCountry && lab != nil {
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
