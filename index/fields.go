package index

import (
	"github.com/blevesearch/bleve/v2/search/query"
)

// searchTitleToo makes the parts of an article query that name no field
// search the title as well as the body. Without bleve's _all field (left
// out of the mapping: it indexed every body twice) such parts would search
// only the mapping's default field, FieldBody. Each becomes a disjunction
// of itself (on the body) and a copy on the title. Parts of a kind not
// listed below are left to the default field.
func searchTitleToo(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []*query.Query{&q.Must, &q.Should, &q.MustNot} {
			if *sub != nil {
				*sub = searchTitleToo(*sub)
			}
		}
		return q
	case *query.ConjunctionQuery:
		for i := range q.Conjuncts {
			q.Conjuncts[i] = searchTitleToo(q.Conjuncts[i])
		}
		return q
	case *query.DisjunctionQuery:
		for i := range q.Disjuncts {
			q.Disjuncts[i] = searchTitleToo(q.Disjuncts[i])
		}
		return q
	}
	var title query.FieldableQuery
	switch q := q.(type) {
	case *proximityQuery:
		title = q.copyWithField(q.field)
	case *query.MatchQuery:
		c := *q
		title = &c
	case *query.MatchPhraseQuery:
		c := *q
		title = &c
	case *query.TermQuery:
		c := *q
		title = &c
	case *query.PrefixQuery:
		c := *q
		title = &c
	case *query.WildcardQuery:
		c := *q
		title = &c
	case *query.RegexpQuery:
		c := *q
		title = &c
	case *query.FuzzyQuery:
		c := *q
		title = &c
	default:
		return q
	}
	if title.Field() != "" {
		return q
	}
	body := q.(query.FieldableQuery)
	body.SetField(FieldBody)
	title.SetField(FieldTitle)
	d := query.NewDisjunctionQuery([]query.Query{body, title})
	return d
}
