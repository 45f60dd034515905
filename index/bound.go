package index

import (
	"fmt"
	"time"
)

// The dates the index can range over and sort by. bleve keeps a datetime
// as int64 nanoseconds from 1970, drops a value outside that silently (the
// document then sorts as undated while its month facet says otherwise),
// and refuses a query bound outside 1677-12-01..2262-04-11
// (search/query/date_range.go). newsdex keeps to the whole years inside.
var (
	// MinDate is the earliest date the index keeps as a date.
	MinDate = time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC)
	// MaxDate is the first date past the last one the index keeps as a date.
	MaxDate = time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC)
)

// DateInRange reports whether the index can keep t as a date. An article
// dated outside the range is indexed undated, its date kept as text
// (article.Article.DateText), as a date that could not be read.
func DateInRange(t time.Time) bool {
	return !t.Before(MinDate) && t.Before(MaxDate)
}

// ParseBound reads a Filters.From or Filters.To date: YYYY-MM-DD, or YYYY-MM
// or YYYY for the first day of that month or year (end false, a From) or its
// last day (end true, a To). "" is the zero time: no bound. The CLI and the
// web both read their from/to parameters with it.
func ParseBound(s string, end bool) (time.Time, error) {
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
