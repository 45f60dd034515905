package index

import (
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsdex/newsdex/internal/identity"
)

// maxPatternLength bounds a /regexp/ or wildcard pattern, as
// Elasticsearch's max_regex_length.
const maxPatternLength = 1000

// maxFuzziness is the largest edit distance bleve's fuzzy search accepts.
const maxFuzziness = 2

// checkPattern checks a /regexp/ before any automaton is built
// (pattern.go): its length, syntax and program size.
func checkPattern(p string) error {
	if len(p) > maxPatternLength {
		return fmt.Errorf("%w: pattern of %d bytes is over the maximum of %d", ErrBadQuery, len(p), maxPatternLength)
	}
	_, err := compilePattern(p, "/"+p+"/")
	return err
}

// parseQuery parses a query string in bleve's syntax and rewrites its
// field names for a document kind: friendly names ("countries", "author")
// become index fields, unknown names are rejected, and country and region
// values are resolved through the Labeler ("country:iraq" -> "country:iq").
// A speaker: or actor: value matches every form of its person (names.go).
func (x *Index) parseQuery(kind, s string, tab *identity.Table) (query.Query, error) {
	q, err := query.NewQueryStringQuery(s).Parse()
	if err != nil {
		if strings.Contains(err.Error(), "runtime error") {
			// bleve's parser recovers from a panic of its lexer (on
			// "/", or "/^a/") and reports the panic's text.
			return nil, fmt.Errorf("%w: %q: cannot read this query: a /regexp/ must be closed and cannot start with ^; write a slash that is not one as \\/", ErrBadQuery, s)
		}
		return nil, fmt.Errorf("%w: %q: %v", ErrBadQuery, s, err)
	}
	if q, err = x.rewrite(kind, q, tab); err != nil {
		return nil, err
	}
	if err := guard(q); err != nil {
		return nil, err
	}
	if v, ok := q.(query.ValidatableQuery); ok {
		if err := v.Validate(); err != nil {
			return nil, fmt.Errorf("%w: %q: %v", ErrBadQuery, s, err)
		}
	}
	return q, nil
}

func (x *Index) rewrite(kind string, q query.Query, tab *identity.Table) (query.Query, error) {
	var err error
	rewriteAll := func(qs []query.Query) error {
		for i := range qs {
			if qs[i], err = x.rewrite(kind, qs[i], tab); err != nil {
				return err
			}
		}
		return nil
	}
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []*query.Query{&q.Must, &q.Should, &q.MustNot} {
			if *sub != nil {
				if *sub, err = x.rewrite(kind, *sub, tab); err != nil {
					return nil, err
				}
			}
		}
		return q, nil
	case *query.ConjunctionQuery:
		return q, rewriteAll(q.Conjuncts)
	case *query.DisjunctionQuery:
		return q, rewriteAll(q.Disjuncts)
	}
	fq, ok := q.(query.FieldableQuery)
	if !ok {
		return q, nil
	}
	if fq.Field() == "" {
		if w, ok := q.(*query.WildcardQuery); ok {
			w.Wildcard = strings.ToLower(w.Wildcard) // _all holds lower-case terms
		}
		return q, nil
	}
	field, ok := fieldAliases[kind][strings.ToLower(fq.Field())]
	if !ok {
		return nil, fmt.Errorf("%w: unknown field %q (fields: %s)", ErrBadQuery, fq.Field(), knownFields(kind))
	}
	fq.SetField(field)
	switch q := q.(type) {
	case *query.MatchQuery:
		if q.Match, err = x.fieldValue(field, q.Match); err != nil {
			return nil, err
		}
		if field == FieldSpeaker || field == FieldActor {
			return boosted(anyName(field, nameTerms(tab, q.Match)), q.Boost()), nil
		}
	case *query.MatchPhraseQuery:
		if q.MatchPhrase, err = x.fieldValue(field, q.MatchPhrase); err != nil {
			return nil, err
		}
		if field == FieldSpeaker || field == FieldActor {
			return boosted(anyName(field, nameTerms(tab, q.MatchPhrase)), q.Boost()), nil
		}
		if wholeValueFields[field] {
			// A keyword field holds one term per value and no positions,
			// which a phrase search needs: match the whole value instead.
			m := query.NewMatchQuery(q.MatchPhrase)
			m.SetField(field)
			m.SetBoost(q.Boost())
			return m, nil
		}
	case *query.WildcardQuery:
		if !exactFields[field] {
			q.Wildcard = strings.ToLower(q.Wildcard)
		}
	}
	return q, nil
}

// boosted sets a query's boost when it has one other than 1.
func boosted(q query.Query, boost float64) query.Query {
	if b, ok := q.(query.BoostableQuery); ok && boost != 1 {
		b.SetBoost(boost)
	}
	return q
}

// fieldValue resolves a country or region a user typed to its stored
// form; other values pass unchanged (their fields' analyzers lower-case).
func (x *Index) fieldValue(field, v string) (string, error) {
	switch field {
	case FieldCountry:
		return x.countryCode(v)
	case FieldRegion:
		return x.regionName(v)
	}
	return v, nil
}

// countryCode resolves a country code or name to its code, or returns an
// error wrapping ErrBadQuery. Without a Labeler the value is kept.
func (x *Index) countryCode(v string) (string, error) {
	v = strings.TrimSpace(v)
	if x.lab == nil {
		return v, nil
	}
	code, ok := x.lab.CountryCode(v)
	if !ok {
		return "", fmt.Errorf("%w: unknown country %q", ErrBadQuery, v)
	}
	return code, nil
}

// regionName resolves a region name to its stored form, or returns an
// error wrapping ErrBadQuery. Without a Labeler the value is kept.
func (x *Index) regionName(v string) (string, error) {
	v = strings.TrimSpace(v)
	if x.lab == nil {
		return v, nil
	}
	name, ok := x.lab.RegionName(v)
	if !ok {
		return "", fmt.Errorf("%w: unknown region %q", ErrBadQuery, v)
	}
	return name, nil
}

func knownFields(kind string) string {
	names := make([]string, 0, len(fieldAliases[kind]))
	for name := range fieldAliases[kind] {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
