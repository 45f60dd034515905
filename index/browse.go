package index

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	contract "github.com/newsdex/newsdex/internal/search"
)

// Browsing: facet counts over every document of a kind.
//
// A search with no query and no filter asks for the facets of the whole
// index. bleve counts facets hit by hit (about 2.5 us a hit: seconds at a
// million articles), so those counts are computed once, with one search
// asking for every value of every facet, and kept: in memory, and in the
// index itself (an internal key) when Precompute runs after a bulk load, so
// that a server opening the index reads them instead of counting. Put
// forgets both, in memory and, within its batch, in the index; the next
// browse counts again.

// browseKeyPrefix starts the internal key of a kind's persisted counts.
const browseKeyPrefix = "newsdex_browse:"

// browseCounts are the facet counts of every document of a kind.
type browseCounts struct {
	Total  uint64                           `json:"total"`
	Facets map[string][]contract.FacetValue `json:"facets"` // every value, sorted as facets sorts them
	// Missing counts the documents with no value, per facet; nil in counts
	// stored before it was kept, which are counted again.
	Missing map[string]int `json:"missing"`
	// Oldest and Newest are the extreme dates, zero when no date is known.
	Oldest time.Time `json:"oldest"`
	Newest time.Time `json:"newest"`
}

// isBrowse reports whether a request has neither query nor filter.
func isBrowse(r contract.Request) bool {
	if strings.TrimSpace(r.Query) != "" || !r.Filters.From.IsZero() || !r.Filters.To.IsZero() {
		return false
	}
	if r.MinConfidence != 0 || r.NamedOnly {
		return false
	}
	for _, vs := range [][]string{r.Filters.Countries, r.Filters.Regions, r.Filters.Speakers, r.Filters.Actors, r.Filters.Sources, r.Filters.Langs} {
		for _, v := range vs {
			if strings.TrimSpace(v) != "" {
				return false
			}
		}
	}
	return true
}

// browse returns the facet counts of every document of a kind.
func (x *Index) browse(ctx context.Context, kind string) (*browseCounts, error) {
	x.bmu.Lock()
	if c := x.browsed[kind]; c != nil {
		x.bmu.Unlock()
		return c, nil
	}
	gen := x.bgen
	x.bmu.Unlock()

	var c *browseCounts
	if v, err := x.bi.GetInternal([]byte(browseKeyPrefix + kind)); err == nil && len(v) > 0 {
		var stored browseCounts
		if json.Unmarshal(v, &stored) == nil && stored.Missing != nil {
			c = &stored
		}
	}
	if c == nil {
		var err error
		if c, err = x.countAll(ctx, kind); err != nil {
			return nil, err
		}
	}
	x.bmu.Lock()
	if x.bgen == gen { // no Put since: the counts are current
		if x.browsed == nil {
			x.browsed = map[string]*browseCounts{}
		}
		x.browsed[kind] = c
	}
	x.bmu.Unlock()
	return c, nil
}

// countAll counts every value of every facet over the documents of a kind
// from the postings' bitmaps (countWhole), and finds the extreme dates
// among the documents of the oldest and the newest month.
func (x *Index) countAll(ctx context.Context, kind string) (*browseCounts, error) {
	names := make([]string, 0, len(facetFields))
	for name := range facetFields {
		names = append(names, name)
	}
	sort.Strings(names)
	cnt, err := x.countWhole(ctx, kind, names)
	if err != nil {
		return nil, fmt.Errorf("count facets: %w", err)
	}
	tab, err := x.table(ctx) // names.go
	if err != nil {
		return nil, err
	}
	fc := cnt.facets(x.lab, math.MaxInt, tab)
	c := &browseCounts{Total: cnt.total, Facets: fc.values, Missing: fc.missing}
	months := c.Facets[contract.FacetDate] // by month, oldest first
	if len(months) == 0 {
		return c, nil
	}
	for _, desc := range []bool{false, true} {
		month := months[0]
		if desc {
			month = months[len(months)-1]
		}
		m := month.Value
		// The month's keyword, one term: a date range reads the date
		// field's prefix terms in every segment (at 1M articles that
		// mapped 220 MB of index files more than the facet counts did).
		mq := query.NewTermQuery(m)
		mq.SetField(FieldMonth)
		bq := query.NewBooleanQuery([]query.Query{mq}, nil, nil)
		bq.AddFilter(kindQuery(kind))
		req := bleve.NewSearchRequestOptions(bq, 1, 0, false)
		req.SortByCustom(search.SortOrder{&search.SortField{Field: FieldDate, Desc: desc, Type: search.SortFieldAsDate, Missing: search.SortFieldMissingLast}})
		req.Fields = []string{FieldMeta}
		res, err := x.bi.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("find extreme dates: %w", err)
		}
		if len(res.Hits) == 0 {
			return nil, fmt.Errorf("find extreme dates: no document in month %s, which counts %d", m, month.Count)
		}
		var meta struct {
			Date string `json:"date"`
		}
		if s, _ := res.Hits[0].Fields[FieldMeta].(string); s != "" {
			json.Unmarshal([]byte(s), &meta)
		}
		t := parseTime(meta.Date)
		if desc {
			c.Newest = t
		} else {
			c.Oldest = t
		}
	}
	return c, nil
}

// browseFacets cuts the counts to the facets and size a request asks for.
func browseFacets(c *browseCounts, names []string, size int) *facetCounts {
	out := &facetCounts{
		values:  make(map[string][]contract.FacetValue, len(names)),
		other:   make(map[string]int, len(names)),
		missing: make(map[string]int, len(names)),
	}
	for _, name := range names {
		vals := c.Facets[name]
		if name != contract.FacetDate && len(vals) > size {
			for _, v := range vals[size:] {
				out.other[name] += v.Count
			}
			vals = vals[:size]
		}
		out.values[name] = append([]contract.FacetValue{}, vals...)
		out.missing[name] = c.Missing[name]
	}
	return out
}

// forgetBrowse drops the counts kept in memory and deletes the persisted
// ones within b. Put calls it before its batches and dropBrowse after them.
func (x *Index) forgetBrowse(b *bleve.Batch) {
	x.dropBrowse()
	b.DeleteInternal([]byte(browseKeyPrefix + kindArticle))
	b.DeleteInternal([]byte(browseKeyPrefix + kindQuote))
}

// dropBrowse drops the counts kept in memory, and makes a browse that
// began counting before it keep its counts to itself.
func (x *Index) dropBrowse() {
	x.bmu.Lock()
	x.browsed = nil
	x.bgen++
	x.bmu.Unlock()
}

// Precompute counts the facets of the whole index and keeps the counts in
// the index, so that browsing with no query reads them instead of counting
// every document. Run it after a bulk load; Put discards the counts.
func (x *Index) Precompute(ctx context.Context) error {
	if x.ro {
		return fmt.Errorf("precompute: %w", ErrReadOnly)
	}
	x.wmu.Lock()
	defer x.wmu.Unlock()
	b := x.bi.NewBatch()
	var size int64
	for _, kind := range []string{kindArticle, kindQuote} {
		c, err := x.countAll(ctx, kind)
		if err != nil {
			return fmt.Errorf("precompute: %w", err)
		}
		v, err := json.Marshal(c)
		if err != nil {
			return fmt.Errorf("precompute: %w", err)
		}
		b.SetInternal([]byte(browseKeyPrefix+kind), v)
		size += int64(len(v))
	}
	if err := x.checkSpace(size); err != nil {
		return fmt.Errorf("precompute: %w", err)
	}
	if err := x.persistNames(ctx, b); err != nil {
		return fmt.Errorf("precompute: %w", err)
	}
	if err := x.batch(b); err != nil {
		return fmt.Errorf("precompute: %w", err)
	}
	return nil
}

// browseHits runs a plain browse's search for its hits. Sorted by date,
// a first page (no After) needs only the newest (or oldest) articles:
// the month counts tell which months hold Offset+Limit of them, and the
// search is narrowed to a guessed part of the last of those months, then to
// the whole months, then to nothing, until the window holds enough
// articles. Every hit then sorts its date and ID from doc values (a chunk
// decoded per hit): at a million articles a whole month is ~3,000 hits and
// 200 ms, a few days a few hundred.
func (x *Index) browseHits(ctx context.Context, kind string, r contract.Request, req *bleve.SearchRequest, c *browseCounts) (*bleve.SearchResult, error) {
	need := req.From + req.Size
	if r.After == nil && (r.Sort == contract.SortDate || r.Sort == contract.SortDateDesc) {
		newest := r.Sort == contract.SortDateDesc
		if from, to, ok := dateWindow(c.Facets[contract.FacetDate], need, newest); ok {
			for _, w := range []struct{ from, to time.Time }{guessWindow(c, from, to, need, newest), {from, to}} {
				if w.from.IsZero() && w.to.IsZero() {
					continue
				}
				yes, no := true, false
				dq := query.NewDateRangeInclusiveQuery(w.from, w.to, &yes, &no)
				dq.SetField(FieldDate)
				bq := query.NewBooleanQuery([]query.Query{dq}, nil, nil)
				bq.AddFilter(kindQuery(kind))
				narrow := *req
				narrow.Query = bq
				res, err := x.bi.SearchInContext(ctx, &narrow)
				if err != nil {
					return nil, err
				}
				if res.Total >= uint64(need) {
					return res, nil
				}
			}
		}
	}
	return x.bi.SearchInContext(ctx, req)
}

// guessWindow narrows a window of one month (from dateWindow) to the days
// next to the newest (or oldest) date that should hold need articles at
// that month's rate, four times over. It returns zero times when the
// window spans months or the extreme date is unknown.
func guessWindow(c *browseCounts, from, to time.Time, need int, newest bool) (w struct{ from, to time.Time }) {
	edge, extreme := from, c.Newest // the month at the window's inner edge
	if !newest {
		edge, extreme = to.AddDate(0, -1, 0), c.Oldest
	}
	count := 0
	for _, m := range c.Facets[contract.FacetDate] {
		if m.Value == edge.Format("2006-01") {
			count = m.Count
		}
	}
	if count < need || extreme.IsZero() { // the window holds earlier months too
		return w
	}
	days := 1 + 31*4*need/count
	if days >= 28 {
		return w
	}
	if newest {
		w.from = day(extreme).AddDate(0, 0, 1-days)
	} else {
		w.to = day(extreme).AddDate(0, 0, days)
	}
	return w
}

// dateWindow returns the smallest range of whole months, from the newest
// (newest true) or the oldest, holding at least need documents; a zero
// bound is open. ok is false when all months together hold fewer.
func dateWindow(months []contract.FacetValue, need int, newest bool) (from, to time.Time, ok bool) {
	sum := 0
	for i := range months {
		m := months[i]
		if newest {
			m = months[len(months)-1-i]
		}
		sum += m.Count
		if sum < need {
			continue
		}
		start, err := time.Parse("2006-01", m.Value)
		if err != nil {
			return time.Time{}, time.Time{}, false
		}
		if newest {
			return start, time.Time{}, true
		}
		return time.Time{}, start.AddDate(0, 1, 0), true
	}
	return time.Time{}, time.Time{}, false
}

// dictSize counts the terms of a field's dictionary: at least the number
// of values its live documents hold.
func (x *Index) dictSize(field string) (int, error) {
	dict, err := x.bi.FieldDict(field)
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		e, err := dict.Next()
		if err != nil {
			dict.Close()
			return 0, err
		}
		if e == nil {
			break
		}
		n++
	}
	return n, dict.Close()
}
