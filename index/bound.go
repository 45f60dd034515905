package index

import (
	"fmt"
	"time"
)

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
