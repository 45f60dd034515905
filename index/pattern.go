package index

// Regular expression and wildcard clauses, expanded under the request's
// deadline.
//
// bleve hands a /regexp/ (and a wildcard, which it turns into one) to
// vellum, which builds the whole DFA before reading a single term: every
// state for every one of 256 bytes, up to 10,000 states, and no context is
// consulted. /.{0,100}x.{0,100}/ took 4 s and 82 MB per field before
// failing with "dfa contains more than 10000 states", a search body and
// title, so a 25-byte query held a server's search slot for a minute.
//
// So newsdex never gives bleve a regexp or wildcard clause. parseQuery
// replaces each with a patternQuery, checked before anything is built:
//
//   - the pattern is parsed by regexp/syntax (Perl flags, as bleve) and
//     compiled to Go's NFA program, which may hold at most maxPatternInsts
//     instructions (a{0,1000} is about 2,000): the size bound;
//   - the forms vellum refuses (anchors other than a leading ^, word
//     boundaries, lazy repetitions) are refused in the same words.
//
// At search time the DFA is built lazily (lazyDFA): a state is made only
// when the walk over the term dictionary reaches it, so a pattern costs
// what the dictionary makes it cost, not what its worst case could. It has
// at most maxPatternStates states and spends at most maxPatternWork NFA
// steps (the state and time bounds: both ErrBadQuery when exceeded), and it
// checks the context every few hundred steps, as the walk does every few
// hundred terms. More than MaxExpansion matching terms stop the walk.
// The terms go to bleve's multi-term searcher, the one bleve's own regexp
// and wildcard searchers end in, so scores and highlighting are bleve's.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp/syntax"
	"slices"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

const (
	// maxPatternInsts bounds the NFA program of one pattern.
	maxPatternInsts = 2500
	// maxPatternStates bounds the DFA states one expansion builds (vellum's
	// own limit is 10,000).
	maxPatternStates = 10000
	// maxPatternStored bounds the instructions the states of one
	// expansion hold together (4 bytes each): with the states' transition
	// tables (1 KiB each), an expansion holds at most about 18 MB.
	maxPatternStored = 2_000_000
	// maxPatternWork bounds the NFA instructions one expansion steps
	// through while it builds states: about a second of work.
	maxPatternWork = 50_000_000
	// checkEvery is how often (in steps or terms) an expansion looks at its
	// context.
	checkEvery = 256
)

// patternWork counts the NFA instructions all expansions have stepped
// through: the work a test can bound where time would depend on the
// machine's load.
var patternWork atomic.Int64

// wildcardRegexp turns a wildcard into the regexp bleve would search for
// it (bleve's search/query/wildcard.go).
var wildcardRegexp = strings.NewReplacer(
	"+", `\+`, "(", `\(`, ")", `\)`, "^", `\^`, "$", `\$`, ".", `\.`,
	"{", `\{`, "}", `\}`, "[", `\[`, "]", `\]`, `|`, `\|`, `\`, `\\`,
	"*", ".*", "?", ".")

// patternQuery is a compiled regexp or wildcard clause.
type patternQuery struct {
	field  string
	source string // as the user wrote it: /re/ or wild*card
	prog   *syntax.Prog
	prefix string // the literal every match starts with
	boost  *query.Boost
}

// compilePattern checks and compiles the regexp re. source names the
// clause in errors.
func compilePattern(re, source string) (*patternQuery, error) {
	// bleve drops a leading ^: a pattern always matches whole terms.
	re = strings.TrimPrefix(re, "^")
	parsed, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrBadQuery, source, patternMessage(err))
	}
	if err := termPattern(parsed); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrBadQuery, source, err)
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrBadQuery, source, patternMessage(err))
	}
	if len(prog.Inst) > maxPatternInsts {
		return nil, fmt.Errorf("%w: %s is too complex (%d steps; at most %d): use smaller repetition counts", ErrBadQuery, source, len(prog.Inst), maxPatternInsts)
	}
	return &patternQuery{source: source, prog: prog, prefix: literalPrefix(parsed)}, nil
}

// patternMessage words a regexp/syntax error without its Go prefix.
func patternMessage(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		return fmt.Sprintf("%s in %q", se.Code, se.Expr)
	}
	return err.Error()
}

// termPattern refuses what vellum, bleve's regexp engine, refuses: a
// pattern matches whole terms, so anchors and word boundaries mean nothing.
func termPattern(re *syntax.Regexp) error {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return errors.New("zero width assertions not allowed")
	case syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return errors.New("word boundaries are not allowed")
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if re.Flags&syntax.NonGreedy != 0 {
			return errors.New("lazy quantifiers are not allowed")
		}
	}
	for _, sub := range re.Sub {
		if err := termPattern(sub); err != nil {
			return err
		}
	}
	return nil
}

// literalPrefix returns the literal a match must start with, as bleve's
// scorch does (index/scorch/regexp.go): the left-most literal of a
// concatenation, unless it folds case.
func literalPrefix(re *syntax.Regexp) string {
	for re != nil && re.Op == syntax.OpConcat {
		if len(re.Sub) == 0 {
			return ""
		}
		re = re.Sub[0]
	}
	if re != nil && re.Op == syntax.OpLiteral && re.Flags&syntax.FoldCase == 0 {
		return string(re.Rune)
	}
	return ""
}

// prefixEnd returns the first key after every key starting with prefix,
// nil when there is none.
func prefixEnd(prefix []byte) []byte {
	end := bytes.Clone(prefix)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// compilePatterns replaces q's regexp and wildcard clauses by
// patternQueries, in place where it can.
func compilePatterns(q query.Query) (query.Query, error) {
	var err error
	each := func(qs []query.Query) error {
		for i := range qs {
			if qs[i], err = compilePatterns(qs[i]); err != nil {
				return err
			}
		}
		return nil
	}
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []*query.Query{&q.Must, &q.Should, &q.MustNot, &q.Filter} {
			if *sub != nil {
				if *sub, err = compilePatterns(*sub); err != nil {
					return nil, err
				}
			}
		}
		return q, nil
	case *query.ConjunctionQuery:
		return q, each(q.Conjuncts)
	case *query.DisjunctionQuery:
		return q, each(q.Disjuncts)
	case *query.RegexpQuery:
		p, err := compilePattern(q.Regexp, "/"+q.Regexp+"/")
		if err != nil {
			return nil, err
		}
		p.field, p.boost = q.FieldVal, q.BoostVal
		return p, nil
	case *query.WildcardQuery:
		p, err := compilePattern(wildcardRegexp.Replace(q.Wildcard), q.Wildcard)
		if err != nil {
			return nil, err
		}
		p.field, p.boost = q.FieldVal, q.BoostVal
		return p, nil
	}
	return q, nil
}

// SetField, Field and SetBoost make a patternQuery a FieldableQuery.
func (q *patternQuery) SetField(f string) { q.field = f }
func (q *patternQuery) Field() string     { return q.field }
func (q *patternQuery) SetBoost(b float64) {
	boost := query.Boost(b)
	q.boost = &boost
}

// Boost returns the clause's boost.
func (q *patternQuery) Boost() float64 { return q.boost.Value() }

// Searcher expands the pattern over i's dictionary of the field and
// searches for the terms it matches.
func (q *patternQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	field := q.field
	if field == "" {
		field = m.DefaultSearchField()
	}
	terms, err := q.expand(ctx, i, field)
	if err != nil {
		return nil, err
	}
	return searcher.NewMultiTermSearcher(ctx, i, terms, field, q.boost.Value(), options, true)
}

// expand returns the terms of field that match the pattern.
func (q *patternQuery) expand(ctx context.Context, i index.IndexReader, field string) ([]string, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	limit := searcher.DisjunctionMaxClauseCount
	dfa := newLazyDFA(ctx, q.prog)
	defer func() { patternWork.Add(int64(dfa.work)) }()
	seen := map[string]bool{}
	var terms []string
	add := func(term string) error {
		if !seen[term] {
			seen[term] = true
			terms = append(terms, term)
			if limit > 0 && len(terms) > limit {
				return fmt.Errorf("%w: %s matches too many terms (over %d for one wildcard, regexp, fuzzy or range); make it more specific", ErrBadQuery, q.source, limit)
			}
		}
		if len(seen)%checkEvery == 0 {
			return ctx.Err()
		}
		return nil
	}
	beg := []byte(q.prefix)
	end := prefixEnd(beg)
	if len(beg) == 0 {
		beg = nil
	}
	if snap, ok := i.(*scorch.IndexSnapshot); ok {
		for _, ss := range snap.Segments() {
			dict, err := ss.Segment().Dictionary(field)
			if err != nil {
				return nil, err
			}
			it := dict.AutomatonIterator(dfa, beg, end)
			for {
				de, err := it.Next()
				if err == nil && dfa.err != nil {
					err = dfa.err
				}
				if err != nil {
					return nil, err
				}
				if de == nil {
					break
				}
				if err := add(de.Term); err != nil {
					return nil, err
				}
			}
		}
		return terms, nil
	}
	// Another kind of index (none newsdex opens): walk the field's terms
	// and run each through the automaton.
	var fd index.FieldDict
	var err error
	if q.prefix != "" {
		fd, err = i.FieldDictPrefix(field, beg)
	} else {
		fd, err = i.FieldDict(field)
	}
	if err != nil {
		return nil, err
	}
	defer fd.Close()
	for n := 0; ; n++ {
		de, err := fd.Next()
		if err != nil {
			return nil, err
		}
		if de == nil {
			break
		}
		if dfa.matches(de.Term) {
			if err := add(de.Term); err != nil {
				return nil, err
			}
		}
		if dfa.err != nil {
			return nil, dfa.err
		}
		if n%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	return terms, nil
}

// lazyDFA is a byte automaton (vellum.Automaton) over a Go regexp program
// whose states are made on first use. A state is the set of the program's
// rune instructions reachable after the bytes read so far, plus the bytes
// of a rune not yet complete. State 0 is dead; 1 is the start. When a
// bound is hit or the context ends, it records err and goes dead, which
// ends the walk.
type lazyDFA struct {
	ctx    context.Context
	prog   *syntax.Prog
	states []dfaState
	byKey  map[string]int32
	work   int // instructions stepped through
	steps  int // transitions computed
	stored int // instructions held by states
	err    error
	// scratch
	mark  []uint32 // mark[pc] == gen: pc is in the set being built
	gen   uint32
	stack []uint32
	set   []uint32
	key   []byte
}

type dfaState struct {
	pcs   []uint32 // rune and match instructions, sorted
	pend  string   // bytes of an incomplete rune
	match bool
	next  *[256]int32 // -1: not computed yet
}

func newLazyDFA(ctx context.Context, prog *syntax.Prog) *lazyDFA {
	d := &lazyDFA{ctx: ctx, prog: prog, byKey: map[string]int32{}, mark: make([]uint32, len(prog.Inst))}
	d.states = append(d.states, dfaState{}) // dead
	d.newSet()
	d.set = d.closure(d.set, uint32(prog.Start))
	d.state(d.set, "")
	return d
}

// newSet starts a new instruction set: empty, nothing marked.
func (d *lazyDFA) newSet() {
	d.set = d.set[:0]
	if d.gen++; d.gen == 0 {
		clear(d.mark)
		d.gen = 1
	}
}

// closure adds to set the rune and match instructions reachable from pc
// without reading input, and returns it.
func (d *lazyDFA) closure(set []uint32, pc uint32) []uint32 {
	d.stack = append(d.stack[:0], pc)
	for len(d.stack) > 0 {
		pc := d.stack[len(d.stack)-1]
		d.stack = d.stack[:len(d.stack)-1]
		if d.mark[pc] == d.gen {
			continue
		}
		d.mark[pc] = d.gen
		d.work++
		inst := &d.prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			d.stack = append(d.stack, inst.Arg, inst.Out)
		case syntax.InstCapture, syntax.InstNop:
			d.stack = append(d.stack, inst.Out)
		case syntax.InstMatch, syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			set = append(set, pc)
		}
		// InstEmptyWidth cannot occur (termPattern); InstFail leads nowhere.
	}
	return set
}

// state returns the number of the state for set and pend, making it.
func (d *lazyDFA) state(set []uint32, pend string) int {
	if len(set) == 0 {
		return 0
	}
	slices.Sort(set)
	d.key = d.key[:0]
	for _, pc := range set {
		d.key = append(d.key, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	d.key = append(d.key, pend...)
	if s, ok := d.byKey[string(d.key)]; ok {
		return int(s)
	}
	if len(d.states) > maxPatternStates || d.stored+len(set) > maxPatternStored {
		d.fail(fmt.Errorf("%w: pattern needs more than %d automaton states: make it more specific", ErrBadQuery, maxPatternStates))
		return 0
	}
	d.stored += len(set)
	st := dfaState{pcs: slices.Clone(set), pend: pend}
	for _, pc := range set {
		st.match = st.match || d.prog.Inst[pc].Op == syntax.InstMatch
	}
	d.states = append(d.states, st)
	d.byKey[string(d.key)] = int32(len(d.states) - 1)
	return len(d.states) - 1
}

func (d *lazyDFA) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// Start returns the start state.
func (d *lazyDFA) Start() int { return 1 }

// IsMatch reports whether the bytes read so far match.
func (d *lazyDFA) IsMatch(s int) bool {
	return s > 0 && s < len(d.states) && d.states[s].match && d.states[s].pend == ""
}

// CanMatch reports whether more bytes may lead to a match.
func (d *lazyDFA) CanMatch(s int) bool { return s > 0 && s < len(d.states) && d.err == nil }

// WillAlwaysMatch is false: a state never matches every continuation
// that the automaton knows of without reading it.
func (d *lazyDFA) WillAlwaysMatch(int) bool { return false }

// Accept returns the state after reading b in state s.
func (d *lazyDFA) Accept(s int, b byte) int {
	if s <= 0 || s >= len(d.states) || d.err != nil {
		return 0
	}
	if st := &d.states[s]; st.next != nil && st.next[b] >= 0 {
		return int(st.next[b])
	}
	n := d.step(s, b)
	st := &d.states[s]
	if st.next == nil {
		st.next = new([256]int32)
		for i := range st.next {
			st.next[i] = -1
		}
	}
	st.next[b] = int32(n)
	return n
}

// step computes the state after reading b in state s.
func (d *lazyDFA) step(s int, b byte) int {
	if d.work > maxPatternWork {
		d.fail(fmt.Errorf("%w: pattern takes too much work to match: make it more specific", ErrBadQuery))
		return 0
	}
	if d.steps++; d.steps%checkEvery == 0 {
		if err := d.ctx.Err(); err != nil {
			d.fail(err)
			return 0
		}
	}
	st := d.states[s]
	pend := st.pend + string([]byte{b})
	if !utf8.FullRuneInString(pend) {
		if len(pend) >= utf8.UTFMax {
			return 0
		}
		d.set = append(d.set[:0], st.pcs...)
		return d.state(d.set, pend)
	}
	r, size := utf8.DecodeRuneInString(pend)
	if r == utf8.RuneError && size <= 1 {
		return 0 // not UTF-8: no rune instruction matches it
	}
	d.newSet()
	for _, pc := range st.pcs {
		inst := &d.prog.Inst[pc]
		d.work++
		if matchRune(inst, r) {
			d.set = d.closure(d.set, inst.Out)
		}
	}
	return d.state(d.set, "")
}

// matchRune reports whether a rune instruction consumes r.
func matchRune(inst *syntax.Inst, r rune) bool {
	switch inst.Op {
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	case syntax.InstRune, syntax.InstRune1:
		return inst.MatchRune(r)
	}
	return false
}

// matches runs the automaton over a whole term.
func (d *lazyDFA) matches(term string) bool {
	s := d.Start()
	for i := 0; i < len(term) && s != 0; i++ {
		s = d.Accept(s, term[i])
	}
	return d.IsMatch(s)
}
