package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/search"
)

// Parameter names, shared by the pages and the API.
const (
	paramQuery     = "q"
	paramCountry   = "country"
	paramRegion    = "region"
	paramSpeaker   = "speaker"
	paramActor     = "actor"
	paramSource    = "source"
	paramLang      = "lang"
	paramFrom      = "from"
	paramTo        = "to"
	paramLimit     = "limit"
	paramOffset    = "offset"
	paramSort      = "sort"
	paramFacets    = "facets"
	paramOp        = "default_operator"
	paramFacetSize = "facet_size"
	paramMinConf   = "min_confidence"
	paramNamed     = "named" // 1: quotes whose speaker the article names
)

// facetSize is how many values each term facet asks the index for, on the
// pages and in the API alike.
const facetSize = 25

// filterParams are the repeatable filter parameters, in display order. Each
// is also the name of its facet.
var filterParams = []string{paramCountry, paramRegion, paramSpeaker, paramActor, paramSource, paramLang}

// singleParams may be given at most once.
var singleParams = []string{paramQuery, paramFrom, paramTo, paramLimit, paramOffset, paramSort, paramFacets, paramOp, paramFacetSize, paramMinConf, paramNamed}

// knownParams lists every parameter a request may carry, for the error
// that names an unknown one: q, the filters, then the other single ones
// ("q, country, ..., lang, from, ... or min_confidence"). It is built from
// filterParams and singleParams so that a new parameter is never left out.
func knownParams() string {
	names := append([]string{paramQuery}, filterParams...)
	for _, n := range singleParams {
		if n != paramQuery {
			names = append(names, n)
		}
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// badRequest is an error in what the client sent: it maps to 400 and its
// message is shown to the client as is.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

func badRequestf(format string, args ...any) error {
	return &badRequest{msg: fmt.Sprintf(format, args...)}
}

// params is one request's state: everything a search page or API call is
// about, read from the URL's query. encode writes it back, so every link a
// page builds is this state with one thing changed.
type params struct {
	Query   string
	Filters map[string][]string // by filter parameter; countries as codes, regions in stored form when a Labeler knows them
	From    string              // as given: YYYY, YYYY-MM or YYYY-MM-DD
	To      string
	Limit   int
	Offset  int
	Sort    string // "" when not given
	// Op is the default operator between query words: "and", or "" for or.
	Op string
	// FacetSize is the number of values each term facet lists; 0 when
	// not given (facetSize).
	FacetSize int
	Facets    []string
	MinConf   string // min_confidence as given; "" when not given (quotes only)
	Named     bool   // named=1: named speakers only (quotes only)
	// limitSet and facetsSet say whether the parameter was given, so that
	// links carry it only then.
	limitSet  bool
	facetsSet bool

	from, to time.Time
	minConf  float64
}

// queryValues reads r's query string. Go's url.Query drops a pair it
// cannot read (one holding ";", which old servers took for "&") without a
// word, and ?q=coffee;limit=5 browsed everything: here it is a 400.
func queryValues(r *http.Request) (url.Values, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		if strings.Contains(r.URL.RawQuery, ";") {
			return nil, badRequestf("cannot read the query string: parameters are separated by & (a ; must be escaped as %%3B)")
		}
		return nil, badRequestf("cannot read the query string: escape %% as %%25")
	}
	return q, nil
}

// parseRequest reads and checks r's query parameters (parseParams).
func parseRequest(r *http.Request, o *Options) (*params, error) {
	q, err := queryValues(r)
	if err != nil {
		return nil, err
	}
	return parseParams(q, o)
}

// parseParams reads a request's query parameters and checks them against
// the limits in o. Its errors are *badRequest. What the contract checks
// (the sort, the facets and their size, the minimum confidence's range,
// the date range) it leaves to search.Normalize (searchRequest), so that a
// request gets the same message from the web, the API, the CLI and a
// server.
func parseParams(q url.Values, o *Options) (*params, error) {
	p := &params{Filters: map[string][]string{}, Limit: DefaultLimit}
	for name, vs := range q {
		if !slices.Contains(filterParams, name) && !slices.Contains(singleParams, name) {
			return nil, badRequestf("unknown parameter %q (want %s)", name, knownParams())
		}
		if slices.Contains(singleParams, name) && len(vs) > 1 {
			return nil, badRequestf("parameter %q given %d times; give it once", name, len(vs))
		}
	}
	for name, vs := range q {
		for _, v := range vs {
			if !utf8.ValidString(v) {
				return nil, badRequestf("parameter %q is not valid UTF-8", name)
			}
		}
	}

	p.Query = strings.TrimSpace(q.Get(paramQuery))
	if len(p.Query) > o.MaxQueryBytes {
		return nil, badRequestf("query too long: %d bytes, at most %d", len(p.Query), o.MaxQueryBytes)
	}

	n := 0
	for _, name := range filterParams {
		for _, v := range q[name] {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			if len(v) > o.MaxValueBytes {
				return nil, badRequestf("%s value too long: %d bytes, at most %d", name, len(v), o.MaxValueBytes)
			}
			if n++; n > o.MaxFilterValues {
				return nil, badRequestf("too many filter values: at most %d in all", o.MaxFilterValues)
			}
			v, err := canonical(name, v, o.Labeler)
			if err != nil {
				return nil, err
			}
			if !containsFold(p.Filters[name], v) {
				p.Filters[name] = append(p.Filters[name], v)
			}
		}
	}

	var err error
	p.From = strings.TrimSpace(q.Get(paramFrom))
	if p.from, err = search.ParseBound(p.From, false); err != nil {
		return nil, badRequestf("from: %v", err)
	}
	p.To = strings.TrimSpace(q.Get(paramTo))
	if p.to, err = search.ParseBound(p.To, true); err != nil {
		return nil, badRequestf("to: %v", err)
	}

	if s := q.Get(paramLimit); s != "" {
		p.limitSet = true
		if p.Limit, err = strconv.Atoi(s); err != nil || p.Limit < 0 {
			return nil, badRequestf("limit %q: want a whole number from 0 to %d", s, o.MaxLimit)
		}
		if p.Limit > o.MaxLimit {
			return nil, badRequestf("limit %d too large: at most %d", p.Limit, o.MaxLimit)
		}
	}
	if s := q.Get(paramOffset); s != "" {
		if p.Offset, err = strconv.Atoi(s); err != nil || p.Offset < 0 {
			return nil, badRequestf("offset %q: want a whole number, 0 or more", s)
		}
	}
	if p.Offset > o.MaxWindow { // checked alone first: offset+limit could overflow
		return nil, badRequestf("offset %d: results go only %d deep; narrow the search instead", p.Offset, o.MaxWindow)
	}
	if p.Offset+p.Limit > o.MaxWindow {
		return nil, badRequestf("offset+limit = %d: results go only %d deep; narrow the search instead", p.Offset+p.Limit, o.MaxWindow)
	}

	if p.MinConf = strings.TrimSpace(q.Get(paramMinConf)); p.MinConf != "" {
		if p.minConf, err = strconv.ParseFloat(p.MinConf, 64); err != nil {
			return nil, badRequestf("min_confidence %q: want a number from 0 to 1", p.MinConf)
		}
	}

	switch s := strings.TrimSpace(q.Get(paramNamed)); s {
	case "", "0", "false":
	case "1", "true":
		p.Named = true
	default:
		return nil, badRequestf("named %q: want 1 (named speakers only) or 0", s)
	}

	p.Sort = q.Get(paramSort)

	if s := strings.ToLower(strings.TrimSpace(q.Get(paramOp))); s != "" && s != "or" {
		p.Op = s // search.Normalize checks it; links keep it only when not the default
	}

	if s := q.Get(paramFacetSize); s != "" {
		if p.FacetSize, err = strconv.Atoi(s); err != nil {
			return nil, badRequestf("facet_size %q: want a whole number from 0 (the default) to %d", s, search.MaxFacetSize)
		}
	}

	if _, ok := q[paramFacets]; ok {
		p.facetsSet = true
		p.Facets = []string{}
		s := strings.TrimSpace(q.Get(paramFacets))
		if s != "none" {
			for _, f := range strings.Split(s, ",") {
				f = strings.ToLower(strings.TrimSpace(f))
				if f == "" || slices.Contains(p.Facets, f) {
					continue
				}
				p.Facets = append(p.Facets, f)
			}
		}
	}
	return p, nil
}

// canonical resolves a country or region filter value to the form the index
// stores (the contract's resolvers, which Normalize uses too), so that it
// matches facet values; other values pass unchanged.
func canonical(name, v string, l search.Labeler) (string, error) {
	var err error
	switch name {
	case paramCountry:
		v, err = search.ResolveCountry(l, v)
	case paramRegion:
		v, err = search.ResolveRegion(l, v)
	}
	if err != nil {
		return "", &badRequest{msg: err.Error()}
	}
	return v, nil
}

// searchRequest returns the request p describes for a search of kind,
// checked and normalized by the contract's one validator: its errors wrap
// search.ErrBadQuery, a 400 with Normalize's message.
func (p *params) searchRequest(kind search.Kind, lab search.Labeler) (search.Request, error) {
	return search.Normalize(p.request(), kind, lab)
}

// request returns the index request p describes, unchecked.
func (p *params) request() search.Request {
	r := search.Request{
		Query:         p.Query,
		Limit:         p.Limit,
		Offset:        p.Offset,
		Sort:          p.sortOrder(),
		MinConfidence: p.minConf,
		NamedOnly:     p.Named,
		// The one query parser: the index parses Query (internal/search/query).
		DefaultOperator: p.Op,
		Filters: search.Filters{
			Countries: p.Filters[paramCountry],
			Regions:   p.Filters[paramRegion],
			Speakers:  p.Filters[paramSpeaker],
			Actors:    p.Filters[paramActor],
			Sources:   p.Filters[paramSource],
			Langs:     p.Filters[paramLang],
			From:      p.from,
			To:        p.to,
		},
	}
	if p.facetsSet {
		r.Facets = p.Facets
	}
	r.FacetSize = facetSize
	if p.FacetSize != 0 { // a negative one is Normalize's to refuse
		r.FacetSize = p.FacetSize
	}
	return r
}

// sortOrder is the order the search runs in: the one asked for, else
// relevance for a query and newest first when browsing, where every hit
// scores the same.
func (p *params) sortOrder() string {
	switch {
	case p.Sort != "":
		return p.Sort
	case p.Query == "":
		return search.SortDateDesc
	}
	return search.SortRelevance
}

// clone returns a deep copy of p, for building links.
func (p *params) clone() *params {
	c := *p
	c.Filters = make(map[string][]string, len(p.Filters))
	for k, v := range p.Filters {
		c.Filters[k] = slices.Clone(v)
	}
	c.Facets = slices.Clone(p.Facets)
	return &c
}

// encode writes p as a query string in a fixed order, leaving out what is
// at its default.
func (p *params) encode() string {
	var b strings.Builder
	add := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	if p.Query != "" {
		add(paramQuery, p.Query)
	}
	for _, name := range filterParams {
		for _, v := range p.Filters[name] {
			add(name, v)
		}
	}
	if p.From != "" {
		add(paramFrom, p.From)
	}
	if p.To != "" {
		add(paramTo, p.To)
	}
	if p.Sort != "" {
		add(paramSort, p.Sort)
	}
	if p.Op != "" {
		add(paramOp, p.Op)
	}
	if p.FacetSize > 0 {
		add(paramFacetSize, strconv.Itoa(p.FacetSize))
	}
	if p.limitSet {
		add(paramLimit, strconv.Itoa(p.Limit))
	}
	if p.Offset > 0 {
		add(paramOffset, strconv.Itoa(p.Offset))
	}
	if p.facetsSet {
		f := strings.Join(p.Facets, ",")
		if f == "" {
			f = "none"
		}
		add(paramFacets, f)
	}
	if p.MinConf != "" {
		add(paramMinConf, p.MinConf)
	}
	if p.Named {
		add(paramNamed, "1")
	}
	return b.String()
}

// link returns path with p's query string.
func (p *params) link(path string) string {
	if q := p.encode(); q != "" {
		return path + "?" + q
	}
	return path
}

// withFilter returns a link to path with value v added to filter name, from
// the first page.
func (p *params) withFilter(path, name, v string) string {
	c := p.clone()
	if !containsFold(c.Filters[name], v) {
		c.Filters[name] = append(c.Filters[name], v)
	}
	c.Offset = 0
	return c.link(path)
}

// withoutFilter returns a link to path with value v of filter name removed.
func (p *params) withoutFilter(path, name, v string) string {
	c := p.clone()
	c.Filters[name] = slices.DeleteFunc(c.Filters[name], func(s string) bool { return strings.EqualFold(s, v) })
	c.Offset = 0
	return c.link(path)
}

// withRange returns a link to path with the date range set to from..to
// ("" leaves a bound open).
func (p *params) withRange(path, from, to string) string {
	c := p.clone()
	c.From, c.To, c.Offset = from, to, 0
	return c.link(path)
}

// withOffset returns a link to path starting at hit offset.
func (p *params) withOffset(path string, offset int) string {
	c := p.clone()
	c.Offset = offset
	return c.link(path)
}

// forQuotes returns p without what the quote view cannot filter on: quotes
// carry no actors. Offset restarts.
func (p *params) forQuotes() *params {
	c := p.clone()
	delete(c.Filters, paramActor)
	c.Offset = 0
	return c
}

// forArticles returns p without what the article view cannot filter on:
// a minimum quote confidence, named speakers only. Offset restarts.
func (p *params) forArticles() *params {
	c := p.clone()
	c.MinConf, c.minConf, c.Named = "", 0, false
	c.Offset = 0
	return c
}

// hasFilter reports whether filter name holds v, ignoring case.
func (p *params) hasFilter(name, v string) bool { return containsFold(p.Filters[name], v) }

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

// fresh returns a params for a link that browses by one filter value, with
// nothing else set: the links on article pages.
func fresh(name, v string) *params {
	return &params{Filters: map[string][]string{name: {v}}, Limit: DefaultLimit}
}
