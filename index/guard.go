package index

// Query guards. A query string can ask for work out of all proportion to its
// length: a wildcard, regular expression or fuzzy term is expanded into every
// term of the field's dictionary it matches before any document is read, and
// bleve checks the context's deadline only while collecting hits (every 1024),
// never during that expansion, nor while highlighting. So the costly forms are bounded before and
// while they run:
//
//   - a wildcard may not start with * or ? (it would walk the whole
//     dictionary), and a pattern or regular expression is at most
//     maxPatternLength bytes; both are compiled by newsdex, bounded in
//     size, states and work, and expanded under the deadline (pattern.go),
//     never by bleve, which builds a whole automaton before any deadline;
//   - fuzziness is at most maxFuzziness (bleve's own cap), and a fuzzy term
//     needs at least minFuzzyRunes characters (a two-letter term within two
//     edits matches nearly every short word);
//   - a query holds at most MaxClauses terms, phrases and other leaf
//     clauses, and at most MaxExpandingClauses wildcard, regexp, fuzzy and
//     range clauses among them;
//   - each of them may expand to at most MaxExpansion terms: bleve's
//     searcher.DisjunctionMaxClauseCount, a process-wide setting that
//     limitExpansion sets on the first search when the program has not set
//     one (its default, 0, is unlimited). Going over it is ErrBadQuery.
//     A numeric or date range is split into at most a few hundred prefix
//     terms (bleve's precision steps), so ranges stay under it;
//   - every search runs under a deadline: DefaultTimeout unless the caller's
//     context has an earlier one (withDeadline).
//
// Paging depth is bounded in request (MaxLimit, MaxWindow).

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
)

const (
	// MaxExpansion is the most index terms one wildcard, regexp, fuzzy or
	// range clause may expand to (Elasticsearch's max_clause_count is 1024).
	MaxExpansion = 1024
	// MaxExpandingClauses is the most wildcard, regexp, fuzzy and range
	// clauses one query may hold.
	MaxExpandingClauses = 8
	// MaxClauses is the most leaf clauses (terms, phrases, wildcards...)
	// one query may hold.
	MaxClauses = 64
	// DefaultTimeout bounds every search whose context has no earlier
	// deadline.
	DefaultTimeout = 10 * time.Second

	minFuzzyRunes = 3
)

var expansionOnce sync.Once

// limitExpansion sets bleve's process-wide clause limit to MaxExpansion
// unless the program has set one already.
func limitExpansion() {
	expansionOnce.Do(func() {
		if searcher.DisjunctionMaxClauseCount == 0 {
			searcher.DisjunctionMaxClauseCount = MaxExpansion
		}
	})
}

// withDeadline returns ctx bounded by DefaultTimeout.
func withDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, DefaultTimeout)
}

// guard checks a parsed and rewritten query against the limits above.
func guard(q query.Query) error {
	limitExpansion()
	n, leaves := 0, 0
	if err := guardWalk(q, &n, &leaves); err != nil {
		return err
	}
	if leaves > MaxClauses {
		return fmt.Errorf("%w: %d terms or clauses; at most %d are allowed", ErrBadQuery, leaves, MaxClauses)
	}
	if n > MaxExpandingClauses {
		return fmt.Errorf("%w: %d wildcard, regexp, fuzzy or range terms; at most %d are allowed", ErrBadQuery, n, MaxExpandingClauses)
	}
	return nil
}

func guardWalk(q query.Query, n, leaves *int) error {
	walkAll := func(qs []query.Query) error {
		for _, sub := range qs {
			if err := guardWalk(sub, n, leaves); err != nil {
				return err
			}
		}
		return nil
	}
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []query.Query{q.Must, q.Should, q.MustNot, q.Filter} {
			if sub != nil {
				if err := guardWalk(sub, n, leaves); err != nil {
					return err
				}
			}
		}
		return nil
	case *query.ConjunctionQuery:
		return walkAll(q.Conjuncts)
	case *query.DisjunctionQuery:
		return walkAll(q.Disjuncts)
	}
	*leaves++
	switch q := q.(type) {
	case *query.WildcardQuery:
		*n++
		if strings.HasPrefix(q.Wildcard, "*") || strings.HasPrefix(q.Wildcard, "?") {
			return fmt.Errorf("%w: leading wildcard in %q: it would scan every term; start with at least one letter", ErrBadQuery, q.Wildcard)
		}
		if len(q.Wildcard) > maxPatternLength {
			return fmt.Errorf("%w: pattern of %d bytes is over the maximum of %d", ErrBadQuery, len(q.Wildcard), maxPatternLength)
		}
	case *query.PrefixQuery:
		*n++
		if q.Prefix == "" {
			return fmt.Errorf("%w: empty prefix", ErrBadQuery)
		}
	case *query.RegexpQuery:
		*n++
		return checkPattern(q.Regexp)
	case *query.FuzzyQuery:
		*n++
		return checkFuzzy(q.Term, q.Fuzziness)
	case *query.MatchQuery:
		if q.Fuzziness != 0 {
			*n++
			return checkFuzzy(q.Match, q.Fuzziness)
		}
	case *query.NumericRangeQuery, *query.DateRangeQuery, *query.DateRangeStringQuery, *query.TermRangeQuery:
		*n++
	}
	return nil
}

func checkFuzzy(term string, fuzziness int) error {
	if fuzziness > maxFuzziness || fuzziness < 0 {
		return fmt.Errorf("%w: fuzziness %d is outside 0..%d", ErrBadQuery, fuzziness, maxFuzziness)
	}
	if utf8.RuneCountInString(strings.TrimSpace(term)) < minFuzzyRunes {
		return fmt.Errorf("%w: fuzzy term %q is shorter than %d characters", ErrBadQuery, term, minFuzzyRunes)
	}
	return nil
}

// expansionError turns bleve's error for a clause that expanded to more
// than MaxExpansion terms into ErrBadQuery, and returns nil for others.
func expansionError(q string, err error) error {
	if err == nil || errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "TooManyClauses") {
		return nil
	}
	return fmt.Errorf("%w: %q matches too many terms (over %d for one wildcard, regexp, fuzzy or range); make it more specific", ErrBadQuery, q, searcher.DisjunctionMaxClauseCount)
}
