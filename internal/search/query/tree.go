// Package query parses newsdex's query language, the Lucene and
// Elasticsearch query-string syntax, into a tree of its own. The tree names
// fields as the user typed them and holds values as written: a search
// backend (the bleve index in index/) resolves field names and compiles the
// tree to its own queries, so the package imports no engine.
//
// The language, in order of binding (tightest first):
//
//	word  "a phrase"  "a phrase"~5  fuzzy~1  wild*ca?d  /regexp/
//	field:value  field:"phrase"  field:(a OR b)
//	field:[from TO to]  field:{from TO to}  field:>=value  (* is an open end)
//	(group)  value^2 (boost)
//	NOT x  !x  -x  +x
//	a AND b  a && b
//	a OR b  a || b
//	a b   (the default operator: OR unless DefaultAnd)
//
// NOT, - and + mark a clause of a group as Lucene does: a group of clauses
// joined by OR (or by the default OR) matches every + clause, none of the
// NOT clauses and, when it has no + clause, at least one of the others. So
// "election NOT blair" and "election OR NOT blair" both mean election
// without blair; to ask for the complement as an alternative, bracket it:
// "election OR (NOT blair)". A query of NOT clauses alone matches every
// document but those.
package query

import (
	"strconv"
	"strings"
)

// Node is a node of a query tree: *Term, *Phrase, *Wildcard, *Regexp,
// *Fuzzy, *Range, *MatchAll, *Bool or *Boost. String returns the node in
// the query language, fully bracketed, in Lucene's +must -not form:
// parsing it with the default operator Or gives the same tree.
type Node interface {
	String() string
	node()
}

// Term is one word, to be analysed as its field's text is.
type Term struct {
	Field string // "" for the default fields
	Text  string
}

// Phrase is words in order; with Slop > 0, words within Slop positions of
// where the phrase would put them, in any order.
type Phrase struct {
	Field string
	Text  string
	Slop  int
}

// Wildcard is a pattern where * matches any run of characters and ? any
// one character. It never starts with either.
type Wildcard struct {
	Field   string
	Pattern string
}

// Regexp is a regular expression that a whole term must match.
type Regexp struct {
	Field   string
	Pattern string
}

// Fuzzy is a word matched within Distance edits.
type Fuzzy struct {
	Field    string
	Text     string
	Distance int
}

// Range matches values between From and To; an empty bound is open.
type Range struct {
	Field                  string
	From, To               string
	IncludeFrom, IncludeTo bool
}

// MatchAll matches every document: "*" or "*:*".
type MatchAll struct{}

// Bool combines clauses as Lucene's boolean query does: a document
// matches when it matches every Must clause and no MustNot clause, and,
// when there is no Must clause, at least one Should clause (if there are
// any). With Must clauses, Should clauses only add to the score. A Bool of
// MustNot clauses alone matches every document but theirs.
type Bool struct {
	Must, Should, MustNot []Node
}

// Boost multiplies the score of a node's matches by Factor.
type Boost struct {
	Node   Node
	Factor float64
}

func (*Term) node()     {}
func (*Phrase) node()   {}
func (*Wildcard) node() {}
func (*Regexp) node()   {}
func (*Fuzzy) node()    {}
func (*Range) node()    {}
func (*MatchAll) node() {}
func (*Bool) node()     {}
func (*Boost) node()    {}

func prefix(field string) string {
	if field == "" {
		return ""
	}
	return escape(field, "") + ":"
}

func (n *Term) String() string { return prefix(n.Field) + escapeWord(n.Text, "") }

func (n *Phrase) String() string {
	s := prefix(n.Field) + `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(n.Text) + `"`
	if n.Slop > 0 {
		s += "~" + strconv.Itoa(n.Slop)
	}
	return s
}

func (n *Wildcard) String() string { return prefix(n.Field) + escapeWord(n.Pattern, "*?") }

func (n *Regexp) String() string {
	return prefix(n.Field) + "/" + strings.ReplaceAll(n.Pattern, "/", `\/`) + "/"
}

func (n *Fuzzy) String() string {
	return prefix(n.Field) + escapeWord(n.Text, "") + "~" + strconv.Itoa(n.Distance)
}

func (n *Range) String() string {
	open, close := "{", "}"
	if n.IncludeFrom {
		open = "["
	}
	if n.IncludeTo {
		close = "]"
	}
	bound := func(s string) string {
		if s == "" {
			return "*"
		}
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
	}
	return prefix(n.Field) + open + bound(n.From) + " TO " + bound(n.To) + close
}

func (*MatchAll) String() string { return "*:*" }

func (n *Bool) String() string {
	var b strings.Builder
	b.WriteByte('(')
	add := func(sign string, ns []Node) {
		for _, c := range ns {
			if b.Len() > 1 {
				b.WriteByte(' ')
			}
			b.WriteString(sign)
			b.WriteString(c.String())
		}
	}
	add("+", n.Must)
	add("", n.Should)
	for _, c := range n.MustNot {
		if b.Len() > 1 {
			b.WriteByte(' ')
		}
		b.WriteString(notString(c))
	}
	b.WriteByte(')')
	return b.String()
}

// notString writes an excluded clause: "-x", and a chain of NOTs as
// "--x" rather than "-(-x)", so that String nests no deeper than needed.
func notString(n Node) string {
	if b, ok := n.(*Bool); ok && len(b.Must) == 0 && len(b.Should) == 0 && len(b.MustNot) == 1 {
		return "-" + notString(b.MustNot[0])
	}
	return "-" + n.String()
}

func (n *Boost) String() string {
	if _, ok := n.Node.(*Boost); ok {
		return "(" + n.Node.String() + ")^" + strconv.FormatFloat(n.Factor, 'g', -1, 64)
	}
	return n.Node.String() + "^" + strconv.FormatFloat(n.Factor, 'g', -1, 64)
}

// special are the characters that end a word or start a clause; a word
// holding one escapes it with a backslash.
const special = `\+-!():^[]"{}~*?/&|<>= `

// escapeWord escapes a word so that it reads back as one word: its special
// characters (but those in keep), a leading operator word, and whitespace.
func escapeWord(s, keep string) string {
	switch s {
	case "AND", "OR", "NOT", "TO":
		return `\` + s
	}
	return escape(s, keep)
}

func escape(s, keep string) string {
	var b strings.Builder
	for _, r := range s {
		if (strings.ContainsRune(special, r) || isSpace(r)) && !strings.ContainsRune(keep, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
