package query

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Operator is the operator between clauses written side by side.
type Operator int

// The default operators.
const (
	Or Operator = iota
	And
)

// ParseOperator reads a --default-operator or default_operator value:
// "and" or "or" in any case; "" is Or.
func ParseOperator(s string) (Operator, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "or":
		return Or, nil
	case "and":
		return And, nil
	}
	return Or, fmt.Errorf("default operator %q: want and or or", s)
}

// String returns "and" or "or".
func (o Operator) String() string {
	if o == And {
		return "and"
	}
	return "or"
}

// SyntaxError is a query that does not follow the language. Pos counts
// characters from 1; a position one past the last character is the end of
// the query.
type SyntaxError struct {
	Pos int
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("position %d: %s", e.Pos, e.Msg) }

// Limits on a query's shape, so that a parse costs little and a tree
// cannot overflow the stack of whoever walks it.
const (
	// MaxDepth is how deeply a tree's groups and NOTs may nest.
	MaxDepth = 50
	// maxNesting bounds the parser's own recursion (brackets and marks as
	// written, redundant ones too): a tree of MaxDepth written out by
	// String nests at most 2*MaxDepth+1.
	maxNesting = 4 * MaxDepth
	// MaxSlop is the largest proximity, "a b"~MaxSlop.
	MaxSlop = 100
)

// Parse parses a query with op between clauses written side by side. A
// blank query gives a nil Node. Errors are *SyntaxError.
func Parse(s string, op Operator) (Node, error) {
	p := &parser{src: []rune(s), op: op}
	p.skipSpace()
	if p.end() {
		return nil, nil
	}
	n, err := p.parseOr("")
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if !p.end() { // parseOr stops only at the end or a ')'
		return nil, p.errorf(p.i, "unexpected ')': there is no '(' for it to close")
	}
	if depth(n) > MaxDepth {
		return nil, p.errorf(0, "groups and NOTs nest more than %d deep", MaxDepth)
	}
	return n, nil
}

// depth returns how deeply n's groups nest: 0 for a leaf.
func depth(n Node) int {
	switch n := n.(type) {
	case *Boost:
		return depth(n.Node)
	case *Bool:
		d := 0
		for _, ns := range [][]Node{n.Must, n.Should, n.MustNot} {
			for _, c := range ns {
				d = max(d, depth(c))
			}
		}
		return d + 1
	}
	return 0
}

type occur int

const (
	should occur = iota
	must
	mustNot
)

// clause is a node with the mark (+, - or NOT) it carries in its group.
type clause struct {
	n Node
	o occur
}

// node returns c as a node on its own: a NOT clause matches everything
// but its node's matches.
func (c clause) node() Node {
	if c.o == mustNot {
		return &Bool{MustNot: []Node{c.n}}
	}
	return c.n
}

type parser struct {
	src   []rune
	i     int
	op    Operator
	depth int
}

// token kinds seen by peek.
type token int

const (
	tEnd token = iota
	tClose
	tAnd
	tOr
	tNot
	tOperand
)

func (p *parser) end() bool { return p.i >= len(p.src) }

func (p *parser) errorf(i int, format string, args ...any) error {
	return &SyntaxError{Pos: i + 1, Msg: fmt.Sprintf(format, args...)}
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func (p *parser) skipSpace() {
	for !p.end() && isSpace(p.src[p.i]) {
		p.i++
	}
}

// delimits reports whether position i ends a keyword: the end, a space or
// a bracket or quote.
func (p *parser) delimits(i int) bool {
	return i >= len(p.src) || isSpace(p.src[i]) || strings.ContainsRune(`()"`, p.src[i])
}

// peek returns the kind of token at the current position (after spaces)
// and its length in characters.
func (p *parser) peek() (token, int) {
	if p.end() {
		return tEnd, 0
	}
	rest := p.src[p.i:]
	has := func(s string) bool {
		return len(rest) >= len(s) && string(rest[:len(s)]) == s
	}
	switch {
	case rest[0] == ')':
		return tClose, 1
	case has("&&"):
		return tAnd, 2
	case has("||"):
		return tOr, 2
	case rest[0] == '!':
		return tNot, 1
	}
	for _, kw := range []struct {
		s string
		t token
	}{{"AND", tAnd}, {"OR", tOr}, {"NOT", tNot}} {
		if has(kw.s) && p.delimits(p.i+len(kw.s)) {
			return kw.t, len(kw.s)
		}
	}
	return tOperand, 0
}

// describe names the token at the current position for an error message.
func (p *parser) describe() string {
	t, n := p.peek()
	switch t {
	case tEnd:
		return "the end of the query"
	case tOperand:
		if isSpace(p.src[p.i]) {
			return "a space"
		}
		return fmt.Sprintf("%q", p.src[p.i])
	}
	return string(p.src[p.i : p.i+n])
}

// needOperand fails unless a clause can start at the current position,
// which follows the operator op at position at.
func (p *parser) needOperand(op string) error {
	p.skipSpace()
	switch t, _ := p.peek(); t {
	case tOperand, tNot:
		return nil
	}
	return p.errorf(p.i, "expected a word, phrase or '(' after %s, found %s", op, p.describe())
}

// parseOr parses clauses joined by OR (or, with the default operator Or,
// by nothing) up to the end or a ')'.
func (p *parser) parseOr(field string) (Node, error) {
	var cs []clause
	for {
		c, err := p.parseAnd(field)
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
		p.skipSpace()
		t, n := p.peek()
		switch t {
		case tEnd, tClose:
			return group(cs, false), nil
		case tOr:
			op := string(p.src[p.i : p.i+n])
			p.i += n
			if err := p.needOperand(op); err != nil {
				return nil, err
			}
		}
		// Otherwise a clause follows with the default operator: parseAnd
		// would have taken it were that And.
	}
}

// parseAnd parses clauses joined by AND (or, with the default operator
// And, by nothing).
func (p *parser) parseAnd(field string) (clause, error) {
	var cs []clause
	for {
		c, err := p.parseUnary(field)
		if err != nil {
			return clause{}, err
		}
		cs = append(cs, c)
		p.skipSpace()
		t, n := p.peek()
		if t == tAnd {
			op := string(p.src[p.i : p.i+n])
			p.i += n
			if err := p.needOperand(op); err != nil {
				return clause{}, err
			}
			continue
		}
		if (t == tOperand || t == tNot) && p.op == And {
			continue
		}
		if len(cs) == 1 {
			return cs[0], nil
		}
		return clause{n: group(cs, true)}, nil
	}
}

// group builds the node of a group's clauses: in an AND group every
// clause but a NOT is required.
func group(cs []clause, and bool) Node {
	if len(cs) == 1 {
		return cs[0].node()
	}
	b := &Bool{}
	for _, c := range cs {
		switch {
		case c.o == mustNot:
			b.MustNot = append(b.MustNot, c.n)
		case c.o == must || and:
			b.Must = append(b.Must, c.n)
		default:
			b.Should = append(b.Should, c.n)
		}
	}
	return b
}

// parseUnary parses a clause with its marks: NOT, !, - or +.
func (p *parser) parseUnary(field string) (clause, error) {
	p.skipSpace()
	start := p.i
	var o occur
	var name string
	switch t, n := p.peek(); {
	case t == tNot:
		o, name = mustNot, string(p.src[p.i:p.i+n])
		p.i += n
	case t == tOperand && (p.src[p.i] == '-' || p.src[p.i] == '+'):
		o, name = mustNot, "'-'"
		if p.src[p.i] == '+' {
			o, name = must, "'+'"
		}
		p.i++
		if p.end() || isSpace(p.src[p.i]) {
			return clause{}, p.errorf(start, "expected a word, phrase or '(' right after %s (write \\%c to search for the character)", name, p.src[start])
		}
	default:
		n, err := p.parsePrimary(field)
		return clause{n: n}, err
	}
	if err := p.needOperand(name); err != nil {
		return clause{}, err
	}
	if p.depth++; p.depth > maxNesting {
		return clause{}, p.errorf(start, "brackets and NOTs nest more than %d deep", maxNesting)
	}
	c, err := p.parseUnary(field)
	p.depth--
	if err != nil {
		return clause{}, err
	}
	return clause{n: c.node(), o: o}, nil
}

// parsePrimary parses a bracketed group or a field's value, with its
// boost.
func (p *parser) parsePrimary(field string) (Node, error) {
	p.skipSpace()
	start := p.i
	switch t, _ := p.peek(); t {
	case tEnd, tClose, tAnd, tOr:
		if t == tAnd || t == tOr {
			return nil, p.errorf(p.i, "expected a word, phrase or '(', found %s (to search for the word, write it in lower case or as \\%s)", p.describe(), p.describe())
		}
		return nil, p.errorf(p.i, "expected a word, phrase or '(', found %s", p.describe())
	}
	if p.src[p.i] == '(' {
		return p.parseGroup(field)
	}
	if name, ok := p.fieldName(); ok {
		p.i += len([]rune(name)) + 1
		if name == "*" { // *:*
			if p.i < len(p.src) && p.src[p.i] == '*' && p.delimits(p.i+1) {
				p.i++
				return p.boost(&MatchAll{})
			}
			return nil, p.errorf(start, "expected *:* (every document)")
		}
		p.skipSpace()
		if p.end() {
			return nil, p.errorf(p.i, "expected a value after %s:, found the end of the query", name)
		}
		if p.src[p.i] == '(' {
			return p.parseGroup(name)
		}
		return p.parseValue(name, true)
	}
	return p.parseValue(field, field != "")
}

// fieldName returns the name before a ':' at the current position, if a
// word there ends in one. A word with a ':' that is not a field name is an
// error left to parseValue.
func (p *parser) fieldName() (string, bool) {
	j := p.i
	for j < len(p.src) && (p.src[j] == '_' || p.src[j] == '*' || unicode.IsLetter(p.src[j]) || unicode.IsDigit(p.src[j])) {
		j++
	}
	if j == p.i || j >= len(p.src) || p.src[j] != ':' {
		return "", false
	}
	name := string(p.src[p.i:j])
	if name == "*" || (!strings.Contains(name, "*") && !unicode.IsDigit(p.src[p.i])) {
		return name, true
	}
	return "", false
}

// parseGroup parses "(...)" and its boost.
func (p *parser) parseGroup(field string) (Node, error) {
	open := p.i
	p.i++
	if p.depth++; p.depth > maxNesting {
		return nil, p.errorf(open, "brackets and NOTs nest more than %d deep", maxNesting)
	}
	defer func() { p.depth-- }()
	p.skipSpace()
	if t, _ := p.peek(); t == tClose {
		return nil, p.errorf(open, "empty brackets: expected a word, phrase or '(' inside")
	}
	n, err := p.parseOr(field)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.end() {
		return nil, p.errorf(open, "expected ')' to close this '(', found the end of the query")
	}
	p.i++ // the ')'
	return p.boost(n)
}

// parseValue parses one value: a phrase, regexp, range, comparison or
// word, with its fuzziness or proximity and boost. fielded says the value
// follows "field:", where a ':' is part of a word (url:https://...).
func (p *parser) parseValue(field string, fielded bool) (Node, error) {
	start := p.i
	switch r := p.src[p.i]; r {
	case '"':
		text, err := p.quoted()
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(text) == "" {
			return nil, p.errorf(start, "empty phrase: expected words between the quotes")
		}
		ph := &Phrase{Field: field, Text: text}
		if p.i < len(p.src) && p.src[p.i] == '~' {
			p.i++
			n, ok, err := p.number()
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, p.errorf(p.i, "expected a number of words after '~' (\"a b\"~5 finds a and b within 5 words)")
			}
			if n > MaxSlop {
				return nil, p.errorf(p.i-len(strconv.Itoa(n)), "proximity %d is over the maximum of %d", n, MaxSlop)
			}
			ph.Slop = n
		}
		return p.boost(ph)
	case '/':
		pat, err := p.regexp()
		if err != nil {
			return nil, err
		}
		return p.boost(&Regexp{Field: field, Pattern: pat})
	case '[', '{':
		if !fielded {
			return nil, p.errorf(start, "a range needs a field, e.g. date:[2024-01-01 TO 2024-06-30]")
		}
		return p.parseRange(field)
	case '>', '<':
		if !fielded {
			return nil, p.errorf(start, "a comparison needs a field, e.g. date:>=2024-01-01")
		}
		return p.parseCompare(field)
	case ')', ']', '}', '^', '~', ':':
		return nil, p.errorf(start, "unexpected %q (write \\%c to search for it)", r, r)
	case '+', '-', '!':
		if fielded {
			return nil, p.errorf(start, "a mark goes before the field (-%s:word), not after the ':'", field)
		}
	}
	w, err := p.word(fielded)
	if err != nil {
		return nil, err
	}
	if !fielded && p.i < len(p.src) && p.src[p.i] == ':' {
		return nil, p.errorf(start, "%q is not a field name: escape the ':' (\\:) or put the words in quotes", w.text)
	}
	var n Node
	switch {
	case w.text == "*" && w.wild:
		if fielded {
			return nil, p.errorf(start, "leading wildcard in %s:*: it would read every term; start with at least one letter", field)
		}
		n = &MatchAll{}
	case w.wild:
		if w.escapedWild {
			return nil, p.errorf(start, "a word with wildcards cannot also hold an escaped * or ?")
		}
		if w.leadingWild {
			return nil, p.errorf(start, "leading wildcard in %q: it would read every term; start with at least one letter", w.text)
		}
		n = &Wildcard{Field: field, Pattern: w.text}
	default:
		n = &Term{Field: field, Text: w.text}
	}
	if p.i < len(p.src) && p.src[p.i] == '~' {
		at := p.i
		p.i++
		d, ok, err := p.number()
		if err != nil {
			return nil, err
		}
		if !ok {
			d = 1
		}
		t, isTerm := n.(*Term)
		if !isTerm {
			return nil, p.errorf(at, "only a plain word can be fuzzy (word~1)")
		}
		n = &Fuzzy{Field: field, Text: t.Text, Distance: d}
	}
	return p.boost(n)
}

// number reads a whole number at the current position, if there is one.
func (p *parser) number() (int, bool, error) {
	j := p.i
	for j < len(p.src) && p.src[j] >= '0' && p.src[j] <= '9' {
		j++
	}
	if j == p.i {
		return 0, false, nil
	}
	if j < len(p.src) && p.src[j] == '.' {
		return 0, false, p.errorf(j, "expected a whole number, found a '.'")
	}
	n, err := strconv.Atoi(string(p.src[p.i:j]))
	if err != nil || n > 1000 {
		return 0, false, p.errorf(p.i, "number %s is too large", string(p.src[p.i:j]))
	}
	p.i = j
	return n, true, nil
}

// boost reads an optional ^factor after n.
func (p *parser) boost(n Node) (Node, error) {
	if p.i >= len(p.src) || p.src[p.i] != '^' {
		return n, nil
	}
	p.i++
	j := p.i
	for j < len(p.src) && (p.src[j] == '.' || (p.src[j] >= '0' && p.src[j] <= '9')) {
		j++
	}
	f, err := strconv.ParseFloat(string(p.src[p.i:j]), 64)
	if err != nil || f > 1e6 {
		return nil, p.errorf(p.i, "expected a number after '^' (title:oil^2 counts title matches double)")
	}
	p.i = j
	return &Boost{Node: n, Factor: f}, nil
}

// quoted reads a "..." string, with \" and \\ escapes.
func (p *parser) quoted() (string, error) {
	open := p.i
	p.i++
	var b strings.Builder
	for p.i < len(p.src) {
		r := p.src[p.i]
		switch r {
		case '\\':
			if p.i+1 < len(p.src) {
				p.i++
				r = p.src[p.i]
			}
		case '"':
			p.i++
			return b.String(), nil
		}
		b.WriteRune(r)
		p.i++
	}
	return "", p.errorf(open, "expected '\"' to close this phrase, found the end of the query")
}

// regexp reads a /.../ pattern; \/ is a slash, other escapes are the
// pattern's own.
func (p *parser) regexp() (string, error) {
	open := p.i
	p.i++
	var b strings.Builder
	for p.i < len(p.src) {
		r := p.src[p.i]
		switch {
		case r == '\\' && p.i+1 < len(p.src) && p.src[p.i+1] == '/':
			p.i++
			r = '/'
		case r == '\\' && p.i+1 < len(p.src):
			b.WriteRune(r)
			p.i++
			r = p.src[p.i]
		case r == '/':
			p.i++
			if b.Len() == 0 {
				return "", p.errorf(open, "empty regular expression")
			}
			return b.String(), nil
		}
		b.WriteRune(r)
		p.i++
	}
	return "", p.errorf(open, "expected '/' to close this regular expression, found the end of the query")
}

// wordInfo is a word as read, escapes removed.
type wordInfo struct {
	text        string
	wild        bool // holds an unescaped * or ?
	escapedWild bool // holds an escaped * or ?
	leadingWild bool // starts with an unescaped * or ?
}

// word reads a word up to a space or a character that ends one. A ':'
// ends it unless colon.
func (p *parser) word(colon bool) (wordInfo, error) {
	var w wordInfo
	var b strings.Builder
	start := p.i
	for p.i < len(p.src) {
		r := p.src[p.i]
		if isSpace(r) || strings.ContainsRune(`()[]{}"^~`, r) || (r == ':' && !colon) {
			break
		}
		if r == '\\' {
			if p.i+1 >= len(p.src) {
				return w, p.errorf(p.i, "'\\' at the end of the query escapes nothing")
			}
			p.i++
			r = p.src[p.i]
			if r == '*' || r == '?' {
				w.escapedWild = true
			}
		} else if r == '*' || r == '?' {
			w.wild = true
			if p.i == start {
				w.leadingWild = true
			}
		}
		b.WriteRune(r)
		p.i++
	}
	if p.i == start {
		return w, p.errorf(p.i, "expected a word, found %s", p.describe())
	}
	w.text = b.String()
	return w, nil
}

// parseRange parses [from TO to], {from TO to} or a mix: [ includes its
// bound, { excludes it; * is an open end.
func (p *parser) parseRange(field string) (Node, error) {
	open := p.i
	r := &Range{Field: field, IncludeFrom: p.src[p.i] == '['}
	p.i++
	bound := func() (string, error) {
		p.skipSpace()
		if p.end() {
			return "", p.errorf(open, "expected a range like [2024-01-01 TO 2024-06-30], found the end of the query")
		}
		if p.src[p.i] == '"' {
			return p.quoted()
		}
		w, err := p.word(true)
		if err != nil {
			return "", err
		}
		if w.text == "*" && w.wild {
			return "", nil
		}
		return w.text, nil
	}
	var err error
	if r.From, err = bound(); err != nil {
		return nil, err
	}
	p.skipSpace()
	if !(p.i+2 <= len(p.src) && string(p.src[p.i:p.i+2]) == "TO" && (p.delimits(p.i+2) || strings.ContainsRune("]}", p.src[p.i+2]))) {
		return nil, p.errorf(p.i, "expected TO in the range, found %s", p.describe())
	}
	p.i += 2
	if r.To, err = bound(); err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.end() || (p.src[p.i] != ']' && p.src[p.i] != '}') {
		return nil, p.errorf(open, "expected ']' or '}' to close this range, found %s", p.describe())
	}
	r.IncludeTo = p.src[p.i] == ']'
	p.i++
	return p.boost(r)
}

// parseCompare parses >x, >=x, <x and <=x as open ranges.
func (p *parser) parseCompare(field string) (Node, error) {
	less := p.src[p.i] == '<'
	p.i++
	incl := p.i < len(p.src) && p.src[p.i] == '='
	if incl {
		p.i++
	}
	if p.end() || isSpace(p.src[p.i]) {
		return nil, p.errorf(p.i, "expected a value right after the comparison, found %s", p.describe())
	}
	var v string
	if p.src[p.i] == '"' {
		s, err := p.quoted()
		if err != nil {
			return nil, err
		}
		v = s
	} else {
		w, err := p.word(true)
		if err != nil {
			return nil, err
		}
		v = w.text
	}
	if v == "" {
		return nil, p.errorf(p.i, "expected a value after the comparison")
	}
	r := &Range{Field: field}
	if less {
		r.To, r.IncludeTo = v, incl
	} else {
		r.From, r.IncludeFrom = v, incl
	}
	return p.boost(r)
}
