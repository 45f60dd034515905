package index

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	contract "github.com/newsdex/newsdex/internal/search"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsdex/newsdex/internal/identity"
	qtree "github.com/newsdex/newsdex/internal/search/query"
)

// parseQuery parses a query in newsdex's query language (internal/search/query)
// and compiles its tree to a bleve query for a document kind: friendly
// field names ("countries", "author") become index fields, unknown names
// are rejected, country and region values are resolved through the
// Labeler ("country:iraq" -> "country:iq"), and dates are read as days,
// months or years. A speaker: or actor: value matches every form of its
// person (names.go). The result passes guard's limits (guard.go).
func (x *Index) parseQuery(kind, s, op string, tab *identity.Table) (query.Query, error) {
	dop, err := qtree.ParseOperator(op)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadQuery, err)
	}
	tree, err := qtree.Parse(s, dop)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadQuery, err)
	}
	if tree == nil {
		return query.NewMatchAllQuery(), nil
	}
	q, err := x.compile(kind, tree, tab)
	if err != nil {
		return nil, err
	}
	if err := guard(q); err != nil {
		return nil, err
	}
	if v, ok := q.(query.ValidatableQuery); ok {
		if err := v.Validate(); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadQuery, err)
		}
	}
	return q, nil
}

// compile turns a query tree into a bleve query. Leaves without a field
// keep an empty one: the index's default field (FieldBody), and for
// articles the title too (searchTitleToo). tab gives the forms of a
// person's name for speaker and actor values.
func (x *Index) compile(kind string, n qtree.Node, tab *identity.Table) (query.Query, error) {
	switch n := n.(type) {
	case *qtree.Bool:
		return x.compileBool(kind, n, tab)
	case *qtree.Boost:
		q, err := x.compile(kind, n.Node, tab)
		if err != nil {
			return nil, err
		}
		if b, ok := q.(query.BoostableQuery); ok {
			b.SetBoost(n.Factor)
		}
		return q, nil
	case *qtree.MatchAll:
		return query.NewMatchAllQuery(), nil
	case *qtree.Range:
		field, err := x.field(kind, n.Field)
		if err != nil {
			return nil, err
		}
		return rangeQuery(field, n)
	}
	field, text, err := x.leaf(kind, n)
	if err != nil {
		return nil, err
	}
	switch field {
	case FieldDate:
		if _, ok := n.(*qtree.Term); !ok {
			if _, ok := n.(*qtree.Phrase); !ok {
				return nil, fmt.Errorf("%w: date:%s: a date takes a day, month or year (date:2024-05) or a range (date:[2024-01 TO 2024-06])", ErrBadQuery, text)
			}
		}
		return rangeQuery(field, &qtree.Range{From: text, To: text, IncludeFrom: true, IncludeTo: true})
	case FieldQuoteCount:
		if _, ok := n.(*qtree.Term); !ok {
			return nil, fmt.Errorf("%w: quotes:%s: the number of quotes takes a number (quotes:3) or a range (quotes:>=2)", ErrBadQuery, text)
		}
		return rangeQuery(field, &qtree.Range{From: text, To: text, IncludeFrom: true, IncludeTo: true})
	case FieldConfidence:
		if _, ok := n.(*qtree.Term); !ok {
			return nil, fmt.Errorf("%w: confidence:%s: a quote's confidence takes a number (confidence:1) or a range (confidence:>=0.8)", ErrBadQuery, text)
		}
		return rangeQuery(field, &qtree.Range{From: text, To: text, IncludeFrom: true, IncludeTo: true})
	}
	switch n := n.(type) {
	case *qtree.Term:
		if text, err = x.fieldValue(field, text); err != nil {
			return nil, err
		}
		return valueQuery(tab, field, text)
	case *qtree.Phrase:
		if text, err = x.fieldValue(field, text); err != nil {
			return nil, err
		}
		if wholeValueFields[field] {
			if n.Slop > 0 {
				return nil, fmt.Errorf("%w: %s: proximity (~%d) needs a text field (title, body, byline)", ErrBadQuery, n, n.Slop)
			}
			// A keyword field holds one term per value and no positions,
			// which a phrase search needs: match the whole value instead.
			return valueQuery(tab, field, text)
		}
		if n.Slop > 0 {
			return newProximityQuery(field, text, n.Slop), nil
		}
		m := query.NewMatchPhraseQuery(text)
		m.SetField(field)
		return m, nil
	case *qtree.Wildcard:
		if !exactFields[field] {
			text = strings.ToLower(text) // the index holds lower-case terms
		}
		w := query.NewWildcardQuery(text)
		w.SetField(field)
		return w, nil
	case *qtree.Regexp:
		r := query.NewRegexpQuery(text)
		r.SetField(field)
		return r, nil
	case *qtree.Fuzzy:
		m := query.NewMatchQuery(text)
		m.SetField(field)
		m.SetFuzziness(n.Distance)
		return m, nil
	}
	return nil, fmt.Errorf("%w: cannot search for %s", ErrBadQuery, n)
}

// valueQuery matches text as one value of field: every form of a person
// or organisation on the speaker and actor fields (names.go), a match
// query on any other.
func valueQuery(tab *identity.Table, field, text string) (query.Query, error) {
	if field == FieldSpeaker || field == FieldActor {
		terms, err := nameTerms(tab, text)
		if err != nil {
			return nil, err
		}
		return anyName(field, terms), nil
	}
	m := query.NewMatchQuery(text)
	m.SetField(field)
	return m, nil
}

// leaf returns a leaf's index field and value.
func (x *Index) leaf(kind string, n qtree.Node) (field, text string, err error) {
	var name string
	switch n := n.(type) {
	case *qtree.Term:
		name, text = n.Field, n.Text
	case *qtree.Phrase:
		name, text = n.Field, n.Text
	case *qtree.Wildcard:
		name, text = n.Field, n.Pattern
	case *qtree.Regexp:
		name, text = n.Field, n.Pattern
	case *qtree.Fuzzy:
		name, text = n.Field, n.Text
	default:
		return "", "", fmt.Errorf("%w: cannot search for %s", ErrBadQuery, n)
	}
	field, err = x.field(kind, name)
	return field, text, err
}

// field resolves a field name a user typed to an index field; "" stays
// "" (the default fields).
func (x *Index) field(kind, name string) (string, error) {
	if name == "" {
		return "", nil
	}
	field, ok := fieldAliases[kind][strings.ToLower(name)]
	if !ok {
		return "", fmt.Errorf("%w: unknown field %q (fields: %s)", ErrBadQuery, name, knownFields(kind))
	}
	return field, nil
}

// compileBool compiles a boolean node to the leanest bleve query that
// means the same: a conjunction for AND, a disjunction for OR, a boolean
// query when clauses are excluded or only some are required. A required
// NOT clause (a AND NOT b) becomes an excluded clause.
//
// A boolean query's required part is always a conjunction, even of one
// clause: bleve drops a required part that can match nothing (a stop
// word, say) and would then match every document but the excluded ones.
func (x *Index) compileBool(kind string, n *qtree.Bool, tab *identity.Table) (query.Query, error) {
	var must, should, not []query.Query
	add := func(to *[]query.Query, ns []qtree.Node) error {
		for _, c := range ns {
			q, err := x.compile(kind, c, tab)
			if err != nil {
				return err
			}
			*to = append(*to, q)
		}
		return nil
	}
	for _, c := range n.Must {
		if b, ok := c.(*qtree.Bool); ok && len(b.Must) == 0 && len(b.Should) == 0 {
			if err := add(&not, b.MustNot); err != nil {
				return nil, err
			}
			continue
		}
		if err := add(&must, []qtree.Node{c}); err != nil {
			return nil, err
		}
	}
	if err := add(&should, n.Should); err != nil {
		return nil, err
	}
	if err := add(&not, n.MustNot); err != nil {
		return nil, err
	}
	switch {
	case len(should) == 0 && len(not) == 0 && len(must) == 1:
		return must[0], nil
	case len(should) == 0 && len(not) == 0:
		return query.NewConjunctionQuery(must), nil
	case len(must) == 0 && len(not) == 0 && len(should) == 1:
		return should[0], nil
	case len(must) == 0 && len(not) == 0:
		return query.NewDisjunctionQuery(should), nil
	}
	b := query.NewBooleanQuery(nil, nil, nil)
	if len(must) > 0 {
		b.Must = query.NewConjunctionQuery(must)
	}
	if len(should) > 0 {
		b.Should = query.NewDisjunctionQuery(should)
	}
	if len(not) > 0 {
		b.MustNot = query.NewDisjunctionQuery(not)
	}
	return b, nil
}

// rangeQuery compiles a range on an index field: dates as days, months or
// years (date:[2024-01 TO 2024-03] runs from 1 January to 31 March), the
// quote count and a quote's confidence as numbers, other fields as terms.
func rangeQuery(field string, r *qtree.Range) (query.Query, error) {
	switch field {
	case "":
		return nil, fmt.Errorf("%w: %s: a range needs a field", ErrBadQuery, r)
	case FieldDate:
		// Both ends as instants: from is inclusive, to exclusive.
		var from, to time.Time
		var err error
		if r.From != "" {
			if from, err = contract.ParseBound(r.From, !r.IncludeFrom); err != nil {
				return nil, fmt.Errorf("%w: date: %v", ErrBadQuery, err)
			}
			if !r.IncludeFrom {
				from = from.AddDate(0, 0, 1)
			}
		}
		if r.To != "" {
			if to, err = contract.ParseBound(r.To, r.IncludeTo); err != nil {
				return nil, fmt.Errorf("%w: date: %v", ErrBadQuery, err)
			}
			if r.IncludeTo {
				to = to.AddDate(0, 0, 1)
			}
		}
		yes, no := true, false
		q := query.NewDateRangeInclusiveQuery(from, to, &yes, &no)
		q.SetField(field)
		return q, nil
	case FieldQuoteCount, FieldConfidence:
		var bounds [2]*float64
		for i, s := range []string{r.From, r.To} {
			if s == "" {
				continue
			}
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, fmt.Errorf("%w: %s: %q is not a number", ErrBadQuery, field, s)
			}
			bounds[i] = &f
		}
		q := query.NewNumericRangeInclusiveQuery(bounds[0], bounds[1], &r.IncludeFrom, &r.IncludeTo)
		q.SetField(field)
		return q, nil
	}
	from, to := r.From, r.To
	if !exactFields[field] {
		from, to = strings.ToLower(from), strings.ToLower(to)
	}
	q := query.NewTermRangeInclusiveQuery(from, to, &r.IncludeFrom, &r.IncludeTo)
	q.SetField(field)
	return q, nil
}
