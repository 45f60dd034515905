package index

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsdex/newsdex/internal/identity"
	contract "github.com/newsdex/newsdex/internal/search"
)

// quoteFacets are the facets quote documents carry.
var quoteFacets = contract.QuoteFacets

// Search searches article documents.
func (x *Index) Search(ctx context.Context, r contract.Request) (*contract.ArticleResult, error) {
	start := time.Now()
	r, tab, res, facets, err := x.search(ctx, kindArticle, contract.Articles, r)
	if err != nil {
		return nil, err
	}
	out := &contract.ArticleResult{Query: r.Query, Total: res.Total, Hits: make([]contract.ArticleHit, 0, len(res.Hits))}
	for i, h := range res.Hits {
		if hitHook != nil {
			hitHook(i)
		}
		if err := ctx.Err(); err != nil {
			return nil, searchError(r.Query, err)
		}
		hit, err := articleHit(h, tab) // hits.go
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hit)
	}
	out.Facets, out.FacetOther, out.FacetMissing = facets.values, facets.other, facets.missing
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// search is what Search and SearchQuotes share: the contract's check of r
// for its kind, the name table, the bleve request (stored fields for hits
// when it asks for any) and its run. It returns r as normalised.
func (x *Index) search(ctx context.Context, kind string, ck contract.Kind, r contract.Request) (contract.Request, *identity.Table, *bleve.SearchResult, *facetCounts, error) {
	r, err := contract.Normalize(r, ck, x.lab)
	if err != nil {
		return r, nil, nil, nil, err
	}
	tab, err := x.table(ctx) // names.go
	if err != nil {
		return r, nil, nil, nil, err
	}
	req, err := x.request(kind, r, tab)
	if err != nil {
		return r, nil, nil, nil, err
	}
	if len(req.Fields) > 0 {
		req.Fields = storedHitFields(kind) // record.go
	}
	res, facets, err := x.run(ctx, kind, r, req, tab)
	return r, tab, res, facets, err
}

// hitHook, when set (by tests), is called before Search builds hit i:
// a test cancels the search there to see hit building stop, whatever the
// machine's load.
var hitHook func(i int)

// run runs a search request built by request. A plain browse (no query,
// no filter) takes its facets from the counts of the whole index
// (browse.go) and, when it asks for no hits, does not search at all. Any
// other search counts its facets and total with a counter (counter.go),
// which also keeps to the kind, so bleve runs it without the kind filter
// and without facets.
func (x *Index) run(ctx context.Context, kind string, r contract.Request, req *bleve.SearchRequest, tab *identity.Table) (*bleve.SearchResult, *facetCounts, error) {
	ctx, cancel := withDeadline(ctx) // guard.go
	defer cancel()
	names, size := make([]string, 0, len(req.Facets)), contract.DefaultFacetSize
	for name, f := range req.Facets {
		names = append(names, name)
		if name != contract.FacetDate {
			size = f.Size
		}
	}
	sort.Strings(names)
	req.Facets = nil
	if !isBrowse(r) || len(names) == 0 {
		c := newCounter(&x.cols, kind, names)
		c.build = x.warm.Load()
		c.tab = tab
		relevant := len(req.Sort) == 1 && req.Sort[0] == relevance
		if relevant {
			c.top = req.From + req.Size
		}
		// Highlighting makes the searcher decode every match's term
		// locations; only the page's hits need them (highlight).
		lean := withoutKind(req)
		plain := *lean
		plain.Highlight = nil
		res, err := x.bi.SearchInContext(c.context(ctx), &plain)
		if err != nil {
			return nil, nil, searchError(r.Query, err)
		}
		if relevant && c.gaveUp {
			// Too many ties to break by reading IDs: let bleve sort by
			// score and ID from doc values.
			plain.Sort = search.SortOrder{relevance, sortByID()}
			if res, err = x.bi.SearchInContext(newCounter(&x.cols, kind, nil).context(ctx), &plain); err != nil {
				return nil, nil, searchError(r.Query, err)
			}
		}
		if err := x.highlight(ctx, lean, res.Hits); err != nil {
			return nil, nil, searchError(r.Query, err)
		}
		res.Total = c.total
		return res, c.facets(x.lab, size, tab), nil
	}
	counts, err := x.browse(ctx, kind)
	if err != nil {
		return nil, nil, searchError(r.Query, err)
	}
	res := &bleve.SearchResult{Total: counts.Total}
	if req.Size > 0 {
		if res, err = x.browseHits(ctx, kind, r, req, counts); err != nil {
			return nil, nil, searchError(r.Query, err)
		}
		res.Total = counts.Total
	}
	return res, browseFacets(counts, names, size), nil
}

// highlight adds req's highlighted fragments to hits, found by a second
// search for req's query restricted to the hits' IDs.
func (x *Index) highlight(ctx context.Context, req *bleve.SearchRequest, hits search.DocumentMatchCollection) error {
	if req.Highlight == nil || len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	hl := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{req.Query, query.NewDocIDQuery(ids)}), len(ids), 0, false)
	// The text is not stored in the hits' documents: the hit builders
	// (hits.go, snippet.go) cut the snippets from the stored records, at the
	// matches' locations.
	hl.IncludeLocations = true
	hl.Score = "none"
	res, err := x.bi.SearchInContext(ctx, hl)
	if err != nil {
		return err
	}
	locs := make(map[string]search.FieldTermLocationMap, len(res.Hits))
	for _, h := range res.Hits {
		locs[h.ID] = h.Locations
	}
	for _, h := range hits {
		h.Locations = locs[h.ID]
	}
	return nil
}

// withoutKind returns req without the kind filter request puts first in
// its filter; the counter keeps to the kind instead.
func withoutKind(req *bleve.SearchRequest) *bleve.SearchRequest {
	bq, ok := req.Query.(*query.BooleanQuery)
	if !ok {
		return req
	}
	f, ok := bq.Filter.(*query.ConjunctionQuery)
	if !ok || len(f.Conjuncts) == 0 {
		return req
	}
	if t, ok := f.Conjuncts[0].(*query.TermQuery); !ok || t.FieldVal != FieldKind {
		return req
	}
	nbq := *bq
	if len(f.Conjuncts) == 1 {
		nbq.Filter = nil
	} else {
		nbq.Filter = query.NewConjunctionQuery(f.Conjuncts[1:])
	}
	if nbq.Must == nil && nbq.Should == nil && nbq.MustNot == nil && nbq.Filter == nil {
		nbq.Must = query.NewMatchAllQuery()
	}
	nreq := *req
	nreq.Query = simplify(&nbq)
	return &nreq
}

// simplify drops the wrappers of a single clause that the query-string
// parser and request leave around a query (a boolean of one should, a
// conjunction of one): each is a searcher that every match passes
// through. A wrapper with a boost of its own is kept.
func simplify(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.BooleanQuery:
		if q.BoostVal != nil || q.MustNot != nil || q.Filter != nil {
			return q
		}
		switch {
		case q.Must == nil && q.Should != nil:
			if d, ok := q.Should.(*query.DisjunctionQuery); ok && len(d.Disjuncts) == 1 && d.Min <= 1 && d.BoostVal == nil {
				return simplify(d.Disjuncts[0])
			}
		case q.Should == nil && q.Must != nil:
			if c, ok := q.Must.(*query.ConjunctionQuery); ok && len(c.Conjuncts) == 1 && c.BoostVal == nil {
				return simplify(c.Conjuncts[0])
			}
		}
	case *query.ConjunctionQuery:
		if len(q.Conjuncts) == 1 && q.BoostVal == nil {
			return simplify(q.Conjuncts[0])
		}
	case *query.DisjunctionQuery:
		if len(q.Disjuncts) == 1 && q.Min <= 1 && q.BoostVal == nil {
			return simplify(q.Disjuncts[0])
		}
	}
	return q
}

// SearchQuotes searches quote documents. Quotes carry no actors: an actor
// facet comes back empty and an actor filter is a bad query.
func (x *Index) SearchQuotes(ctx context.Context, r contract.Request) (*contract.QuoteResult, error) {
	start := time.Now()
	r, tab, res, facets, err := x.search(ctx, kindQuote, contract.Quotes, r)
	if err != nil {
		return nil, err
	}
	out := &contract.QuoteResult{Query: r.Query, Total: res.Total}
	if out.Hits, err = x.quoteHits(ctx, res.Hits, tab); err != nil { // hits.go
		return nil, searchError(r.Query, err)
	}
	out.Facets, out.FacetOther, out.FacetMissing = facets.values, facets.other, facets.missing
	for name := range out.Facets {
		if !quoteFacets[name] {
			out.Facets[name] = []contract.FacetValue{}
			out.FacetOther[name], out.FacetMissing[name] = 0, int(out.Total)
		}
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// searchError wraps a search failure; a query that bleve rejects while
// building its searchers (a bad regexp, say) is the caller's fault.
func searchError(q string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("search %q: %w", q, err)
	}
	if errors.Is(err, ErrBadQuery) {
		return err
	}
	if e := expansionError(q, err); e != nil {
		return e
	}
	if strings.Contains(err.Error(), "error parsing regexp") {
		return fmt.Errorf("%w: %q: %v", ErrBadQuery, q, err)
	}
	return fmt.Errorf("search %q: %w", q, err)
}

// request builds the bleve request for a document kind from a request
// that contract.Normalize has checked.
func (x *Index) request(kind string, r contract.Request, tab *identity.Table) (*bleve.SearchRequest, error) {
	filter, err := x.filter(kind, r.Filters, tab)
	if err != nil {
		return nil, err
	}
	if r.MinConfidence > 0 {
		filter.(*query.ConjunctionQuery).AddQuery(confidenceQuery(r.MinConfidence))
	}
	if r.NamedOnly {
		named := query.NewTermQuery("true")
		named.SetField(FieldNamed)
		filter.(*query.ConjunctionQuery).AddQuery(named)
	}
	bq := query.NewBooleanQuery(nil, nil, nil)
	if strings.TrimSpace(r.Query) != "" {
		q, err := x.parseQuery(kind, r.Query, r.DefaultOperator, tab) // compile.go
		if err != nil {
			return nil, err
		}
		if kind == kindArticle {
			q = searchTitleToo(q)
		}
		if q, err = compilePatterns(q); err != nil { // pattern.go
			return nil, err
		}
		bq.AddMust(q)
	}
	bq.AddFilter(filter)

	req := bleve.NewSearchRequestOptions(bq, r.Limit, r.Offset, false)
	order, err := sortOrder(r.Sort)
	if err != nil {
		return nil, err
	}
	if r.After == nil && order[0] == relevance && !isBrowse(r) {
		// bleve sorts the first pages of a relevance search by score
		// alone: its ID tie-breaker reads doc values hit by hit, a third
		// of a query's time. run keeps the top hits itself in (score,
		// ID) order, the order After pages in, reading the IDs of tied
		// hits only (counter.go), and hits carry the full key
		// (sortKey). Browsing scores every article the same: it keeps
		// bleve's full order.
		req.SortByCustom(order[:1])
	} else {
		req.SortByCustom(order)
	}
	if r.After != nil {
		if len(r.After) != len(order) {
			return nil, fmt.Errorf("%w: after has %d values, want %d for sort %q", ErrBadQuery, len(r.After), len(order), r.Sort)
		}
		req.From = 0
		req.SetSearchAfter(r.After)
	}
	if r.Limit > 0 {
		req.Fields = []string{FieldMeta}
		if kind == kindQuote {
			req.Fields = append(req.Fields, FieldBody)
		}
		req.Highlight = bleve.NewHighlightWithStyle(html.Name)
		req.Highlight.AddField(FieldBody)
	}

	names := r.Facets
	if names == nil {
		names = contract.DefaultFacets
	}
	size := r.FacetSize
	if size == 0 {
		size = contract.DefaultFacetSize
	}
	for _, name := range names {
		field, ok := facetFields[name]
		if !ok {
			return nil, fmt.Errorf("%w: unknown facet %q (facets: %s)", ErrBadQuery, name, strings.Join(contract.DefaultFacets, ", "))
		}
		n := size
		if name == contract.FacetDate {
			n = maxFacetMonthCount
		}
		req.AddFacet(name, bleve.NewFacetRequest(field, n))
	}
	return req, nil
}

// sortOrder returns the sort for Request.Sort, each ending with the
// document ID so that equal keys keep one order across pages. Dates sort
// as raw index terms (SortFieldAuto) so that SearchAfter takes back the
// values hits carry, including the marker of a missing date.
func sortOrder(s string) (search.SortOrder, error) {
	switch s {
	case "", contract.SortRelevance:
		return search.SortOrder{relevance, sortByID()}, nil
	case contract.SortDate, contract.SortDateDesc:
		return search.SortOrder{
			&search.SortField{Field: FieldDate, Desc: s == contract.SortDateDesc, Type: search.SortFieldAuto, Missing: search.SortFieldMissingLast},
			sortByID(),
		}, nil
	}
	return nil, fmt.Errorf("%w: unknown sort %q (want %s, %s or %s)", ErrBadQuery, s, contract.SortRelevance, contract.SortDate, contract.SortDateDesc)
}

// relevance is the score sort.
var relevance = &search.SortScore{Desc: true}

// sortByID breaks ties by document ID. It reads the ID from doc values
// (fieldSortID), which the collector visits with the facet fields, rather
// than bleve's _id (search.SortDocID), which decodes each hit's stored
// document: profiled at 100k articles, that was 30% of a query's time.
func sortByID() search.SearchSort {
	return &search.SortField{Field: fieldSortID, Type: search.SortFieldAsString}
}

// sortKey returns a hit's sort values for Request.After. bleve reports a
// score sort value as the literal "_score"; SearchAfter wants the score.
// A hit of a search sorted by score alone (a first relevance page) gets
// its ID as the tie-breaker, as After expects.
func sortKey(h *search.DocumentMatch) []string {
	key := make([]string, len(h.Sort), len(h.Sort)+1)
	for i, v := range h.Sort {
		if v == fieldScore {
			v = strconv.FormatFloat(h.Score, 'g', -1, 64)
		}
		key[i] = v
	}
	if len(h.Sort) == 1 && h.Sort[0] == fieldScore {
		key = append(key, h.ID)
	}
	return key
}

// EncodeAfter turns a SortKey into an opaque string fit for a URL or a
// cursor file; DecodeAfter reverses it.
func EncodeAfter(key []string) string {
	b, _ := json.Marshal(key) // a []string always marshals
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeAfter reverses EncodeAfter. Errors wrap ErrBadQuery.
func DecodeAfter(s string) ([]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: bad after cursor: %v", ErrBadQuery, err)
	}
	var key []string
	if err := json.Unmarshal(b, &key); err != nil {
		return nil, fmt.Errorf("%w: bad after cursor: %v", ErrBadQuery, err)
	}
	return key, nil
}

// filter builds the non-scoring part of a search: the document kind and
// every filter of f.
func (x *Index) filter(kind string, f contract.Filters, tab *identity.Table) (query.Query, error) {
	parts := []query.Query{kindQuery(kind)}
	anyOf := func(field string, values []string, resolve func(string) (string, error)) error {
		var qs []query.Query
		for _, v := range values {
			if strings.TrimSpace(v) == "" {
				continue
			}
			if field == FieldSpeaker || field == FieldActor {
				// Every form of the person (names.go).
				terms, err := nameTerms(tab, v)
				if err != nil {
					return err
				}
				for _, term := range terms {
					t := query.NewTermQuery(term)
					t.SetField(field)
					qs = append(qs, t)
				}
				continue
			}
			if resolve != nil {
				var err error
				if v, err = resolve(v); err != nil {
					return err
				}
			}
			t := query.NewTermQuery(strings.ToLower(strings.TrimSpace(v)))
			t.SetField(field)
			qs = append(qs, t)
		}
		if len(qs) > 0 {
			parts = append(parts, query.NewDisjunctionQuery(qs))
		}
		return nil
	}
	for _, c := range []struct {
		field   string
		values  []string
		resolve func(string) (string, error)
	}{
		{FieldCountry, f.Countries, x.countryCode},
		{FieldRegion, f.Regions, x.regionName},
		{FieldSpeaker, f.Speakers, nil},
		{FieldActor, f.Actors, nil},
		{FieldSource, f.Sources, nil},
		{FieldLang, f.Langs, nil},
	} {
		if err := anyOf(c.field, c.values, c.resolve); err != nil {
			return nil, err
		}
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		var from, to time.Time
		if !f.From.IsZero() {
			from = day(f.From)
		}
		if !f.To.IsZero() {
			to = day(f.To).AddDate(0, 0, 1) // exclusive: the whole of To
		}
		if !from.IsZero() && !to.IsZero() && !from.Before(to) {
			return nil, fmt.Errorf("%w: date range %s..%s is empty", ErrBadQuery, dateString(f.From), dateString(f.To))
		}
		// Bounds outside the dates the index keeps (bound.go) are
		// clamped to them (bleve refuses them): from=1500 is every dated
		// hit up to To, and a range wholly outside matches nothing.
		switch {
		case !to.IsZero() && !to.After(MinDate), !from.IsZero() && !from.Before(MaxDate):
			parts = append(parts, query.NewMatchNoneQuery())
		default:
			if !from.IsZero() && from.Before(MinDate) {
				from = MinDate
			}
			if to.After(MaxDate) {
				to = MaxDate
			}
			yes, no := true, false
			dq := query.NewDateRangeInclusiveQuery(from, to, &yes, &no)
			dq.SetField(FieldDate)
			parts = append(parts, dq)
		}
	}
	return query.NewConjunctionQuery(parts), nil
}

// confidenceQuery keeps the quotes attributed with at least min confidence.
func confidenceQuery(min float64) query.Query {
	yes := true
	q := query.NewNumericRangeInclusiveQuery(&min, nil, &yes, nil)
	q.SetField(FieldConfidence)
	return q
}

// day returns the start of t's day in UTC.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

func orEmpty(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// snippet returns the highlighted fragment of a field, or "".
func snippet(h *search.DocumentMatch, field string) string {
	return strings.Join(h.Fragments[field], " … ")
}

// facets converts bleve's facet results: term facets by count (then
// value), the date facet by month, countries labelled with their names.
func (x *Index) facets(res *bleve.SearchResult) map[string][]contract.FacetValue {
	out := make(map[string][]contract.FacetValue, len(res.Facets))
	for name, fr := range res.Facets {
		vals := []contract.FacetValue{}
		if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				v := contract.FacetValue{Value: t.Term, Count: t.Count}
				if name == contract.FacetCountry && x.lab != nil {
					if l := x.lab.CountryName(t.Term); l != "" && l != t.Term {
						v.Label = l
					}
				}
				vals = append(vals, v)
			}
		}
		if name == contract.FacetDate {
			sort.Slice(vals, func(i, j int) bool { return vals[i].Value < vals[j].Value })
		} else {
			sort.SliceStable(vals, func(i, j int) bool {
				if vals[i].Count != vals[j].Count {
					return vals[i].Count > vals[j].Count
				}
				return vals[i].Value < vals[j].Value
			})
		}
		out[name] = vals
	}
	return out
}
