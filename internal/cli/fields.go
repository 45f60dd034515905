package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/search"
)

// recordField is one field of a whole record that --fields adds to each
// hit, read from the hit's article (and, for a quote hit, its quote).
type recordField struct {
	name string
	// value is the field for JSON; text renders it for CSV and tables
	// (structured values as JSON).
	value func(a *article.Article, q *article.Quote) any
}

// recordFields are the fields --fields may name, in output order. Those
// that a hit already carries in a shorter form (countries as codes,
// actors as names) replace it.
var recordFields = []recordField{
	{"body", func(a *article.Article, _ *article.Quote) any { return a.Body }},
	{"quotes", func(a *article.Article, _ *article.Quote) any { return orEmptyList(a.Quotes) }},
	{"actors", func(a *article.Article, _ *article.Quote) any { return orEmptyList(a.Actors) }},
	{"countries", func(a *article.Article, _ *article.Quote) any { return orEmptyList(a.Countries) }},
	{"regions", func(a *article.Article, _ *article.Quote) any { return orEmptyList(a.Regions) }},
	{"speakers", func(a *article.Article, _ *article.Quote) any { return orEmptyList(a.Speakers) }},
	{"byline", func(a *article.Article, _ *article.Quote) any { return a.Byline }},
	{"url", func(a *article.Article, _ *article.Quote) any { return a.URL }},
	{"file", func(a *article.Article, _ *article.Quote) any { return a.File }},
	{"date_text", func(a *article.Article, _ *article.Quote) any { return a.DateText }},
	// A quote hit's own place in its article's body, and its confidence.
	{"start", func(_ *article.Article, q *article.Quote) any {
		if q == nil {
			return nil
		}
		return q.Start
	}},
	{"end", func(_ *article.Article, q *article.Quote) any {
		if q == nil {
			return nil
		}
		return q.End
	}},
	{"confidence", func(_ *article.Article, q *article.Quote) any {
		if q == nil {
			return nil
		}
		return q.Confidence
	}},
}

func orEmptyList[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// parseFields reads --fields: a comma-separated list of recordFields
// names, kept in the order given, or "all". Quote-only fields are refused
// for articles.
func parseFields(s string, quotes bool) ([]recordField, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	var names []string
	for _, f := range recordFields {
		if quotes || !quoteOnly(f.name) {
			names = append(names, f.name)
		}
	}
	var out []recordField
	add := func(name string) {
		for _, f := range out {
			if f.name == name {
				return
			}
		}
		for _, f := range recordFields {
			if f.name == name {
				out = append(out, f)
			}
		}
	}
	for _, n := range strings.Split(s, ",") {
		n = strings.ToLower(strings.TrimSpace(n))
		switch {
		case n == "":
		case n == "all":
			for _, m := range names {
				add(m)
			}
		case !containsString(names, n):
			return nil, usageError("--fields: unknown field %q (want all or some of %s)", n, strings.Join(names, ", "))
		default:
			add(n)
		}
	}
	return out, nil
}

func quoteOnly(name string) bool { return name == "start" || name == "end" || name == "confidence" }

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// fieldText renders a field's value for CSV and tables: strings as they
// are, numbers plainly, lists and objects as JSON.
func fieldText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	b, err := marshalNoEscape(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// articleCache fetches the articles of hits, keeping the last one: a
// quote export asks for the same article for each of its quotes in turn.
type articleCache struct {
	get  func(ctx context.Context, id string) (*article.Article, error)
	last *article.Article
}

func (c *articleCache) article(ctx context.Context, id string) (*article.Article, error) {
	if c.last != nil && c.last.ID == id {
		return c.last, nil
	}
	a, err := c.get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read the whole record of %s: %w", id, err)
	}
	c.last = a
	return a, nil
}

// quoteOf returns the quote of a quote hit in its article: QuoteID
// numbers an article's quotes from 1.
func quoteOf(a *article.Article, h search.QuoteHit) *article.Quote {
	i := strings.LastIndex(h.ID, "#q")
	if i < 0 {
		return nil
	}
	n, err := strconv.Atoi(h.ID[i+2:])
	if err != nil || n < 1 || n > len(a.Quotes) {
		return nil
	}
	return &a.Quotes[n-1]
}

// withFields returns a hit's JSON object with the record fields added
// (replacing the hit's own key of the same name).
func withFields(hit any, fields []recordField, a *article.Article, q *article.Quote) (map[string]json.RawMessage, error) {
	b, err := marshalNoEscape(hit)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for _, f := range fields {
		v, err := marshalNoEscape(f.value(a, q))
		if err != nil {
			return nil, err
		}
		m[f.name] = v
	}
	return m, nil
}
