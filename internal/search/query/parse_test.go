package query

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		op   Operator
		want string
	}{
		{"election", Or, "election"},
		{"  election  ", Or, "election"},
		{"election AND blair", Or, "(+election +blair)"},
		{"election && blair", Or, "(+election +blair)"},
		{"election OR blair", Or, "(election blair)"},
		{"election || blair", Or, "(election blair)"},
		{"election blair", Or, "(election blair)"},
		{"election blair", And, "(+election +blair)"},
		{"election NOT blair", Or, "(election -blair)"},
		{"election !blair", Or, "(election -blair)"},
		{"election -blair", Or, "(election -blair)"},
		{"election -blair", And, "(+election -blair)"},
		{"election AND NOT blair", Or, "(+election -blair)"},
		{"+election blair", Or, "(+election blair)"},
		{"NOT blair", Or, "(-blair)"},
		{"NOT NOT blair", Or, "(--blair)"},
		{"a OR b AND c", Or, "(a (+b +c))"},
		{"a AND b OR c", Or, "((+a +b) c)"},
		{"a b OR c", And, "((+a +b) c)"},
		{"a OR b c", And, "(a (+b +c))"},
		{"NOT a AND b", Or, "(+b -a)"},
		{"(a OR b) AND c", Or, "(+(a b) +c)"},
		{"a OR (NOT b)", Or, "(a (-b))"},
		{"a OR NOT b", Or, "(a -b)"},
		{"((a))", Or, "a"},
		{"a AND (b OR (c AND NOT d))", Or, "(+a +(b (+c -d)))"},
		{`"central bank"`, Or, `"central bank"`},
		{`"central bank"~5`, Or, `"central bank"~5`},
		{`"say \"no\""`, Or, `"say \"no\""`},
		{"title:oil", Or, "title:oil"},
		{`title:"oil price"`, Or, `title:"oil price"`},
		{"title:(oil OR gas)", Or, "(title:oil title:gas)"},
		{"title:(oil gas)", And, "(+title:oil +title:gas)"},
		{"title:(oil body:gas)", Or, "(title:oil body:gas)"},
		{"country:iq", Or, "country:iq"},
		{"url:https://example.org/a", Or, `url:https\:\/\/example.org\/a`},
		{"elect*", Or, "elect*"},
		{"wom?n", Or, "wom?n"},
		{"title:elect*", Or, "title:elect*"},
		{"blair~", Or, "blair~1"},
		{"blair~2", Or, "blair~2"},
		{"/bl[a-z]+r/", Or, "/bl[a-z]+r/"},
		{`/a\/b/`, Or, `/a\/b/`},
		{"date:[2024-01-01 TO 2024-06-30]", Or, `date:["2024-01-01" TO "2024-06-30"]`},
		{"date:{2024-01-01 TO 2024-06-30}", Or, `date:{"2024-01-01" TO "2024-06-30"}`},
		{"date:[2024-01-01 TO *]", Or, `date:["2024-01-01" TO *]`},
		{"date:[* TO 2024]", Or, `date:[* TO "2024"]`},
		{`date:>="2025-03-18"`, Or, `date:["2025-03-18" TO *}`},
		{"date:<2025", Or, `date:{* TO "2025"}`},
		{"quotes:>1", Or, `quotes:{"1" TO *}`},
		{"oil^2", Or, "oil^2"},
		{"(oil gas)^1.5", Or, "(oil gas)^1.5"},
		{`"oil price"~3^2`, Or, `"oil price"~3^2`},
		{"*", Or, "*:*"},
		{"*:*", Or, "*:*"},
		{"*:* -oil", Or, "(*:* -oil)"},
		{`al\-Sadr`, Or, `al\-Sadr`},
		{"al-Sadr", Or, `al\-Sadr`},
		{`\(oil\)`, Or, `\(oil\)`},
		{`\AND`, Or, `\AND`},
		{"and or not", Or, "(and or not)"},
		{`10\:30`, Or, `10\:30`},
		{`a\*b`, Or, `a\*b`},
		{"ANDROID ORACLE NOTE", Or, "(ANDROID ORACLE NOTE)"},
		{"TO", Or, `\TO`},
		{"AT&T", Or, `AT\&T`},
	} {
		t.Run(c.in, func(t *testing.T) {
			n, err := Parse(c.in, c.op)
			if err != nil {
				t.Fatalf("Parse(%q, %s) error %v", c.in, c.op, err)
			}
			if got := n.String(); got != c.want {
				t.Errorf("Parse(%q, %s) = %s, want %s", c.in, c.op, got, c.want)
			}
		})
	}
}

func TestParseBlank(t *testing.T) {
	for _, s := range []string{"", "   ", "\t\n"} {
		if n, err := Parse(s, Or); n != nil || err != nil {
			t.Errorf("Parse(%q) = %v, %v; want nil, nil", s, n, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"election AND (blair", "position 14: expected ')' to close this '(', found the end of the query"},
		{"election AND", "position 13: expected a word, phrase or '(' after AND, found the end of the query"},
		{"election OR", "position 12: expected a word, phrase or '(' after OR, found the end of the query"},
		{"election &&", "position 12: expected a word, phrase or '(' after &&, found the end of the query"},
		{"election AND OR blair", "position 14: expected a word, phrase or '(' after AND, found OR"},
		{"election AND )", "position 14: expected a word, phrase or '(' after AND, found )"},
		{"NOT", "position 4: expected a word, phrase or '(' after NOT, found the end of the query"},
		{"AND blair", "position 1: expected a word, phrase or '(', found AND (to search for the word, write it in lower case or as \\AND)"},
		{"OR", "position 1: expected a word, phrase or '(', found OR (to search for the word, write it in lower case or as \\OR)"},
		{"blair)", "position 6: unexpected ')': there is no '(' for it to close"},
		{"()", "position 1: empty brackets: expected a word, phrase or '(' inside"},
		{"((blair)", "position 1: expected ')' to close this '(', found the end of the query"},
		{`"blair`, `position 1: expected '"' to close this phrase, found the end of the query`},
		{`""`, "position 1: empty phrase: expected words between the quotes"},
		{`"a b"~`, `position 7: expected a number of words after '~' ("a b"~5 finds a and b within 5 words)`},
		{`"a b"~101`, "position 7: proximity 101 is over the maximum of 100"},
		{`"a b"~1.5`, "position 8: expected a whole number, found a '.'"},
		{"blair~0.5", "position 8: expected a whole number, found a '.'"},
		{"/bl[a-z]", "position 1: expected '/' to close this regular expression, found the end of the query"},
		{"//", "position 1: empty regular expression"},
		{"*lair", `position 1: leading wildcard in "*lair": it would read every term; start with at least one letter`},
		{"?lair", `position 1: leading wildcard in "?lair": it would read every term; start with at least one letter`},
		{"title:*", "position 7: leading wildcard in title:*: it would read every term; start with at least one letter"},
		{`bl\*a*`, "position 1: a word with wildcards cannot also hold an escaped * or ?"},
		{"bla*~1", "position 5: only a plain word can be fuzzy (word~1)"},
		{"title:", "position 7: expected a value after title:, found the end of the query"},
		{"title:-oil", "position 7: a mark goes before the field (-title:word), not after the ':'"},
		{"10:30", `position 1: "10" is not a field name: escape the ':' (\:) or put the words in quotes`},
		{"*:oil", "position 1: expected *:* (every document)"},
		{"[a TO b]", "position 1: a range needs a field, e.g. date:[2024-01-01 TO 2024-06-30]"},
		{">2024", "position 1: a comparison needs a field, e.g. date:>=2024-01-01"},
		{"date:[2024 2025]", "position 12: expected TO in the range, found '2'"},
		{"date:[2024 TO 2025", "position 6: expected ']' or '}' to close this range, found the end of the query"},
		{"date:[2024 TO", "position 6: expected a range like [2024-01-01 TO 2024-06-30], found the end of the query"},
		{"date:> 2024", "position 7: expected a value right after the comparison, found a space"},
		{"oil^", "position 5: expected a number after '^' (title:oil^2 counts title matches double)"},
		{"oil - gas", "position 5: expected a word, phrase or '(' right after '-' (write \\- to search for the character)"},
		{"oil + gas", "position 5: expected a word, phrase or '(' right after '+' (write \\+ to search for the character)"},
		{`oil\`, `position 4: '\' at the end of the query escapes nothing`},
		{"oil ~", `position 5: unexpected '~' (write \~ to search for it)`},
		{"oil ]", `position 5: unexpected ']' (write \] to search for it)`},
	} {
		t.Run(c.in, func(t *testing.T) {
			n, err := Parse(c.in, Or)
			if err == nil {
				t.Fatalf("Parse(%q) = %s, want error %q", c.in, n, c.want)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q) error %T, want *SyntaxError", c.in, err)
			}
			if err.Error() != c.want {
				t.Errorf("Parse(%q) error = %q, want %q", c.in, err, c.want)
			}
		})
	}
}

func TestParseDepth(t *testing.T) {
	nots := strings.Repeat("!", MaxDepth+1) + "a"
	if _, err := Parse(nots, Or); err == nil || err.Error() != "position 1: groups and NOTs nest more than 50 deep" {
		t.Errorf("Parse(%d NOTs) error = %v", MaxDepth+1, err)
	}
	if n, err := Parse(strings.Repeat("!", MaxDepth)+"a", Or); err != nil {
		t.Errorf("Parse(%d NOTs) error = %v", MaxDepth, err)
	} else if _, err := Parse(n.String(), Or); err != nil {
		t.Errorf("Parse(%s) error = %v", n, err)
	}
	// Redundant brackets build no depth, but the parser's recursion is
	// bounded too.
	if _, err := Parse(strings.Repeat("(", 100)+"a"+strings.Repeat(")", 100), Or); err != nil {
		t.Errorf("Parse(100 brackets) error = %v", err)
	}
	if _, err := Parse(strings.Repeat("(", 201)+"a", Or); err == nil || err.Error() != "position 201: brackets and NOTs nest more than 200 deep" {
		t.Errorf("Parse(201 brackets) error = %v", err)
	}
}

func TestParseOperator(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Operator
		err  string
	}{
		{"", Or, ""}, {"or", Or, ""}, {"OR", Or, ""}, {"and", And, ""}, {" And ", And, ""},
		{"xor", Or, `default operator "xor": want and or or`},
	} {
		got, err := ParseOperator(c.in)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != c.want || msg != c.err {
			t.Errorf("ParseOperator(%q) = %v, %q; want %v, %q", c.in, got, msg, c.want, c.err)
		}
	}
}

// FuzzParse checks that Parse never panics, that its errors are
// SyntaxErrors inside the query, and that a tree's String parses back to
// the same tree.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"election AND (blair OR brown) NOT title:poll", `"central bank"~3^2`, "date:[2024-01 TO *}",
		`url:https://x.org/a\ b`, "a || b && !c", "+a -b c", "elect* wom?n blair~1 /bl[a-z]+/",
		`\(a\) \AND "x \" y"`, "quotes:>=2", "*:* -a", "(a^2)^3", "country:(iq OR \"united kingdom\")",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, and bool) {
		op := Or
		if and {
			op = And
		}
		n, err := Parse(s, op)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q) error %T %v, want *SyntaxError", s, err, err)
			}
			if se.Pos < 1 || se.Pos > utf8.RuneCountInString(s)+1 {
				t.Fatalf("Parse(%q) error position %d outside 1..%d", s, se.Pos, utf8.RuneCountInString(s)+1)
			}
			return
		}
		if n == nil {
			return
		}
		back, err := Parse(n.String(), Or)
		if err != nil {
			t.Fatalf("Parse(%q) = %s, which does not parse: %v", s, n, err)
		}
		if back.String() != n.String() {
			t.Fatalf("Parse(%q) = %s, which parses back as %s", s, n, back)
		}
	})
}
