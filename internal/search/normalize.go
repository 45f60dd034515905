package search

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/newsdex/newsdex/internal/search/query"
)

// Normalize checks a request for a search of kind and returns it in the
// form every backend takes: the one validator of a request, called by the
// backends before they search and by the frontends to report a bad
// request before they open anything. Its errors wrap ErrBadQuery.
//
// It checks the paging (Limit, Offset and their window, After's place),
// the facets and their size, the sort, the default operator, the minimum
// confidence and named speakers only (quotes only), the actor filter
// (articles only), the date
// range, and that Query parses. Country filters become codes and region
// filters their stored form through lab (kept as given when lab is nil);
// filter values are trimmed and empty ones dropped; DefaultOperator
// becomes "or" or "and". Normalizing twice gives the same request.
func Normalize(r Request, kind Kind, lab Labeler) (Request, error) {
	if r.Limit < 0 || r.Offset < 0 {
		return r, fmt.Errorf("%w: negative limit or offset", ErrBadQuery)
	}
	if r.Limit > MaxLimit {
		return r, fmt.Errorf("%w: limit %d is over the maximum of %d per page", ErrBadQuery, r.Limit, MaxLimit)
	}
	if r.After == nil && r.Offset > MaxWindow-r.Limit { // not Offset+Limit: it could overflow
		return r, fmt.Errorf("%w: offset %d with limit %d goes past the result window of %d: page with After (the CLI streams with --all)", ErrBadQuery, r.Offset, r.Limit, MaxWindow)
	}
	if r.FacetSize < 0 || r.FacetSize > MaxFacetSize {
		return r, fmt.Errorf("%w: facet size %d is outside 0..%d", ErrBadQuery, r.FacetSize, MaxFacetSize)
	}
	for _, name := range r.Facets {
		if !slices.Contains(DefaultFacets, name) {
			return r, fmt.Errorf("%w: unknown facet %q (want %s)", ErrBadQuery, name, strings.Join(DefaultFacets, ", "))
		}
	}
	switch r.Sort {
	case "", SortRelevance, SortDate, SortDateDesc:
	default:
		return r, fmt.Errorf("%w: unknown sort %q (want %s, %s or %s)", ErrBadQuery, r.Sort, SortRelevance, SortDate, SortDateDesc)
	}
	op, err := query.ParseOperator(r.DefaultOperator)
	if err != nil {
		return r, fmt.Errorf("%w: %v", ErrBadQuery, err)
	}
	r.DefaultOperator = op.String()
	// The range first, whatever the kind: the same value gets the same
	// message on /search and /quotes.
	if math.IsNaN(r.MinConfidence) || r.MinConfidence < 0 || r.MinConfidence > 1 {
		return r, fmt.Errorf("%w: minimum confidence %g is outside 0..1", ErrBadQuery, r.MinConfidence)
	}
	switch kind {
	case Articles:
		if r.MinConfidence != 0 {
			return r, fmt.Errorf("%w: a minimum confidence applies to quotes, not articles", ErrBadQuery)
		}
		if r.NamedOnly {
			return r, fmt.Errorf("%w: named speakers only applies to quotes, not articles", ErrBadQuery)
		}
	case Quotes:
		if len(trimmed(r.Filters.Actors)) > 0 {
			return r, fmt.Errorf("%w: quotes cannot be filtered by actor", ErrBadQuery)
		}
	}
	if r.Filters, err = normalizeFilters(r.Filters, lab); err != nil {
		return r, err
	}
	if _, err := query.Parse(r.Query, op); err != nil {
		return r, fmt.Errorf("%w: %v", ErrBadQuery, err)
	}
	return r, nil
}

// normalizeFilters trims f's values, drops the empty ones and resolves
// countries and regions.
func normalizeFilters(f Filters, lab Labeler) (Filters, error) {
	var err error
	if f.Countries, err = resolveAll(f.Countries, lab, ResolveCountry); err != nil {
		return f, err
	}
	if f.Regions, err = resolveAll(f.Regions, lab, ResolveRegion); err != nil {
		return f, err
	}
	f.Speakers, f.Actors = trimmed(f.Speakers), trimmed(f.Actors)
	f.Sources, f.Langs = trimmed(f.Sources), trimmed(f.Langs)
	if !f.From.IsZero() && !f.To.IsZero() && day(f.To).Before(day(f.From)) {
		return f, fmt.Errorf("%w: date range %s..%s is empty", ErrBadQuery, f.From.UTC().Format(time.DateOnly), f.To.UTC().Format(time.DateOnly))
	}
	return f, nil
}

// resolveAll resolves each non-empty value of vs into a new slice (the
// caller's is left alone).
func resolveAll(vs []string, lab Labeler, resolve func(Labeler, string) (string, error)) ([]string, error) {
	if len(vs) == 0 {
		return vs, nil
	}
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if strings.TrimSpace(v) == "" {
			continue
		}
		c, err := resolve(lab, v)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadQuery, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// trimmed returns vs with each value trimmed and the empty ones left out;
// vs itself when nothing changes (no copy on the hot path).
func trimmed(vs []string) []string {
	clean := true
	for _, v := range vs {
		if v == "" || strings.TrimSpace(v) != v {
			clean = false
			break
		}
	}
	if clean {
		return vs
	}
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ResolveCountry returns the code of a country code or name through lab,
// in any case; lab nil keeps v as given. The one place a country a user
// typed is resolved: filters, query fields and the web's chips.
func ResolveCountry(lab Labeler, v string) (string, error) {
	v = strings.TrimSpace(v)
	if lab == nil {
		return v, nil
	}
	code, ok := lab.CountryCode(v)
	if !ok {
		return "", fmt.Errorf("country %q: not a country code or name newsdex knows", v)
	}
	return code, nil
}

// ResolveRegion returns the stored form of a region or sub-region name
// through lab, in any case; lab nil keeps v as given.
func ResolveRegion(lab Labeler, v string) (string, error) {
	v = strings.TrimSpace(v)
	if lab == nil {
		return v, nil
	}
	name, ok := lab.RegionName(v)
	if !ok {
		return "", fmt.Errorf("region %q: not a region newsdex knows (e.g. Africa, Western Asia, Middle East)", v)
	}
	return name, nil
}

// ParseBound reads a Filters.From or Filters.To date, and a bound of a
// date range in a query: YYYY-MM-DD, or YYYY-MM or YYYY for the first day
// of that month or year (end false, a From) or its last day (end true, a
// To). "" is the zero time: no bound. The CLI, the web and the index all
// read dates with it, so they take the same forms.
func ParseBound(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range []struct {
		layout        string
		years, months int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		if len(s) != len(l.layout) {
			continue
		}
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if end && (l.years > 0 || l.months > 0) {
			t = t.AddDate(l.years, l.months, -1)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("cannot read date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
}
