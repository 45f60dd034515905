package extract

import "strings"

// How page furniture is told from the story, and why.
//
// Wire copy carries words that are capitalised but name nobody the story is
// about: the dateline ("NEW YORK, March 3 -", "NEWARK, N.J., Feb 26 -"), the
// sign-off ("REUTER"), bylines ("By Jane Doe"), newsroom credits ("-- London
// Newsroom +44 171 542 7658"), and tables and headings set in capitals
// ("BORROWER", "COUPON", "SPREAD", "TOTAL"). Capitals say nothing in such
// text, so its words are marked as furniture and never start or join a name:
//   - a line of the text whose letters are mostly capitals (twice as many
//     upper-case as lower-case letters, four letters or more) is a heading,
//     a table row or a sign-off;
//   - the body's first words up to the first dash are the dateline when
//     the first is in capitals and a date or only capitalised words come
//     before the dash ("NEW YORK, March 3 -", "BAGUIO, Philippines -");
//   - stock symbols in angle brackets ("<BHAM.L>") are codes, not names;
//   - a paragraph that opens with a dash and gives a newsroom or a telephone
//     number is a credit, one that opens with
//     "By" and a name within a short first paragraph is a byline;
//   - a last paragraph of one word, or a last word in capitals after the
//     last sentence, is the sign-off ("Reuter", "... ended. REUTER").
// A story written entirely in capitals thus yields no actors: its capitals
// cannot tell a name from a word.

// markFurniture marks the tokens of d that are page furniture.
func (d *doc) markFurniture() {
	d.markUpperLines()
	d.markDateline()
	d.markTickers()
	d.markCredits()
}

// markUpperLines marks the words of lines set mostly in capitals.
func (d *doc) markUpperLines() {
	s := d.text
	ti := 0
	for ls := 0; ls < len(s); {
		le := ls
		up, lo := 0, 0
		for le < len(s) && s[le] != '\n' {
			c := s[le]
			switch {
			case 'A' <= c && c <= 'Z':
				up++
			case 'a' <= c && c <= 'z':
				lo++
			}
			le++
		}
		for ti < len(d.toks) && int(d.toks[ti].s) < ls {
			ti++
		}
		if up+lo >= 4 && up > 2*lo {
			for k := ti; k < len(d.toks) && int(d.toks[k].s) < le; k++ {
				d.toks[k].furn = true
			}
		}
		ls = le + 1
	}
}

// markDateline marks the dateline that opens a wire story, or each story
// of a digest: the words before the first dash of a line, when the first is in
// capitals and a date or only capitalised words come before the dash
// ("NEW YORK, March 3 -", "ARNHEM, the Netherlands, April 1 -", "NEW YORK
// -").
func (d *doc) markDateline() {
	d.markDatelineAt(0)
	// Digests of several stories open each with its own dateline.
	for i := 1; i < len(d.toks); i++ {
		if d.toks[i].upper && strings.IndexByte(d.text[d.toks[i-1].e:d.toks[i].s], '\n') >= 0 {
			d.markDatelineAt(i) // at the start of a line
		}
	}
}

// markDatelineAt marks a dateline that starts at token p.
func (d *doc) markDatelineAt(p int) {
	first, date, end := -1, false, -1
	for i := p; i < len(d.toks); i++ {
		t := d.toks[i]
		if i > p+16 || t.kind == kPara || t.kind == kOpen || t.kind == kMark {
			break
		}
		if t.kind == kPunct {
			if c := d.text[t.s]; c == '-' || d.text[t.s:t.e] == "—" {
				end = i
				break
			}
			continue
		}
		if t.kind != kWord {
			break
		}
		if first < 0 {
			first = i
		}
		w := d.lw(i)
		if hasDigit(w) || months[w] {
			date = true // "March 3", "1996-08-22", and the typo'd "Apri l7"
		}
	}
	if end < 0 || first < 0 || !d.toks[first].upper {
		return
	}
	if !date {
		// "BAGUIO, Philippines -", "NEW YORK -": no date, but only
		// capitalised words.
		for i := first; i < end; i++ {
			if t := d.toks[i]; t.kind == kWord && !t.cap {
				return
			}
		}
	}
	for i := p; i < end; i++ {
		d.toks[i].furn = true
	}
}

// months are the month names and their abbreviations.
var months = setOf("january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.", "feb.",
	"mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.")

// markTickers marks stock symbols in angle brackets ("<BHAM.L>",
// "<PARI.PA>"); a company named in brackets ("<Beecham Pharmaceuticals>")
// stays a name.
func (d *doc) markTickers() {
	for i := 0; i < len(d.toks); i++ {
		if !d.isP(i, '<') {
			continue
		}
		j := i + 1
		ticker := true
		for ; j < len(d.toks) && j < i+8 && !d.isP(j, '>'); j++ {
			if t := d.toks[j]; t.kind == kWord && !t.upper && d.text[t.s] >= 'a' || t.kind == kPara {
				ticker = false
			}
			if t := d.toks[j]; t.kind == kWord && t.cap && !t.upper && t.e-t.s > 1 {
				ticker = false
			}
		}
		if !ticker || j >= len(d.toks) || !d.isP(j, '>') {
			continue
		}
		for k := i + 1; k < j; k++ {
			d.toks[k].furn = true
		}
		i = j
	}
}

// markCredits marks credit, byline and sign-off paragraphs.
func (d *doc) markCredits() {
	start := 0
	para := 0
	for i := 0; i <= len(d.toks); i++ {
		if i < len(d.toks) && d.toks[i].kind != kPara {
			continue
		}
		if start < i {
			if d.isCredit(start, i, para) {
				for k := start; k < i; k++ {
					d.toks[k].furn = true
				}
			}
			para++
		}
		start = i + 1
	}
}

// isCredit reports whether the paragraph [s, e), the n-th of the text, is
// a credit, a byline or the sign-off.
func (d *doc) isCredit(s, e, n int) bool {
	t := d.toks[s]
	if t.kind == kPunct && (d.text[t.s] == '-' || d.text[t.s:t.e] == "—") && e-s <= 24 {
		// "-- London Newsroom +44 171 542 7658", not a list item.
		for k := s; k < e; k++ {
			if w := d.lw(k); creditNouns[w] || d.isP(k, '+') && k+1 < e && d.toks[k+1].kind == kWord && isDigit(d.text[d.toks[k+1].s]) || isDigit(w[0]) && strings.Count(w, "-") >= 1 && len(w) >= 8 {
				return true
			}
		}
	}
	if e == len(d.toks) && e-s == 1 && t.kind == kWord && t.cap && n > 0 {
		return true // "Reuter"
	}
	if e == len(d.toks) && e-s >= 2 && d.toks[e-1].kind == kWord && d.toks[e-1].upper && (d.isP(e-2, '.') || d.toks[e-2].kind != kWord) {
		d.toks[e-1].furn = true // "... last sentence. REUTER"
	}
	if n <= 1 && e-s <= 10 && t.kind == kWord && d.lw(s) == "by" && s+1 < e && d.toks[s+1].cap {
		for k := s; k < e; k++ {
			if d.isP(k, '.') && k < e-1 {
				return false // a sentence, not a byline
			}
		}
		return true // "By Jane Doe, Reuters"
	}
	return false
}
