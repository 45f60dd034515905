package index

import (
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
