package extract

// How quotes are attributed, and why.
//
// The body is cut once into tokens (words, punctuation, quotation marks and
// paragraph breaks); nothing after that looks at raw bytes, and no regular
// expression runs, so an article of a kilobyte costs a few tens of
// microseconds.
//
// Quotation marks are paired per paragraph (quote.go): a curly mark opens or
// closes as it faces, a straight one by its spacing. A quote still open at
// the end of a paragraph goes on when the next paragraph opens with a mark
// (the newswire habit for long quotes) and ends at the paragraph otherwise.
// Single quotes are never marks, so a quote within a quote stays inside.
//
// A quote is attributed by the first of these that applies, each less sure
// than the one before (the confidence says which):
//
//  1. a speech verb right after the closing mark, with its subject before or
//     after it: `..." Hussein said`, `..." said Hussein`, `..." he added`;
//  2. a speech verb before the opening mark in the same sentence:
//     `Hussein said: "...`, `Trump called it "a disgrace"`;
//     a participle speaks for its clause's subject or the speech verb before
//     it (`Lee went after Park, calling him "..."`, `Lee issued a statement
//     saying "..."`, `Nefzi said, adding, "..."`);
//  3. a cue ending the quote's sentence further on: `A clerk who "takes
//     coins" is sacked, Warren said.`;
//  4. another attributed quote or speech verb in the same paragraph:
//     `"A," he said. "B."`, or the person opening a clause of the
//     paragraph (its subject, not a person named later in the clause);
//  5. for a paragraph that opens with a quote and has no cue, the last
//     speaker of the paragraph before: stories run a speaker's quotes on.
//
// A cue right after a quote that ends its sentence does not attribute it
// when the cue takes a clause or quote of its own (`"...timing." McCrory
// said it would be "improper"`).
//
// A quotation cut by its own cue (`"A," he said, "B."` or `"A," he said.
// "B."` with no cue of its own), or run on over merged paragraphs, is one
// Quote a part, each verbatim, sharing a Group (quote.go says how quotes
// are found). Every quote's Text is exactly the body between Start and End.
//
// Speech verbs come from a lexicon of several hundred forms (lexicon.go).
// The subject found is a name, a pronoun or a description. Names are looked
// up among the article's actors, so "Hussein" becomes "Fuad Hussein" and the
// title ("Foreign Minister") is kept apart. A pronoun goes to the nearest
// earlier person outside quotes whose gender fits, counted from where the
// pronoun stands; a subject shortly before a nearer object wins, and so
// does a subject description that names a person ("The minister said ...
// he added" is the person titled minister). "The newspaper" or "the
// minister" goes to the nearest organisation or person it can stand for. A
// description that stands for no one ("a senior official") is kept as
// written, so the reader still sees who spoke, but it is not an actor.
//
// Short quoted spans without a cue are scare quotes, nicknames or titles of
// works, not quotations: a span of one or two words without a reporting
// verb next to it, or of three or four without a cue, is dropped, and so is
// a capitalised title (quote.go, isQuotation).
//
// Actors are the capitalised runs of the text. A title word ("Minister",
// "President") splits a title from a name; a given name, a title, an
// honorific or a role noun before the name makes a person; organisation
// words ("Ministry", "Post", "Inc"), acronyms and known names make an
// organisation; places the gazetteer knows are left out; a lone capitalised
// word is kept only when it is a longer name's surname, a known organisation
// or a speaker. Each actor gets the fullest form the article uses.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
)

// people fills a.Quotes, a.Speakers and a.Actors from a's title and body.
func (x *Extractor) people(a *article.Article) {
	a.Quotes, a.Speakers, a.Actors = nil, nil, nil
	d := newDoc(a.Body)
	d.markFurniture()
	d.findQuotes()
	ac := newActors(x.gaz, d)
	if t := a.Title; t != "" && !mostlyUpper(t) {
		ac.addTitle(t)
	}
	ac.scan()
	a.Quotes = d.attribute(ac)
	seen := map[string]bool{}
	for _, q := range a.Quotes {
		if q.SpeakerNamed && !seen[q.Speaker] && ac.isActorName(q.Speaker) {
			seen[q.Speaker] = true
			a.Speakers = append(a.Speakers, q.Speaker)
		}
	}
	a.Actors = ac.list()
}

// tokKind is what a token is.
type tokKind uint8

// Token kinds.
const (
	kWord  tokKind = iota
	kPunct         // one character of punctuation
	kOpen          // an opening quotation mark
	kClose         // a closing quotation mark
	kMark          // a straight double quote: opening or closing as it falls
	kPara          // a paragraph break
)

// token is one word, punctuation character, quotation mark or paragraph
// break of a text, by byte offsets.
type token struct {
	s, e  int32
	kind  tokKind
	cap   bool // a word that starts with an upper-case letter
	upper bool // a word of two or more letters, all upper-case
	inq   bool // inside a quotation
	poss  bool // a word ending in 's or ’s
	furn  bool // page furniture: dateline, table, credit (furniture.go)
}

// doc is a tokenised text with its lower-cased copy.
type doc struct {
	text   string
	low    string // text with ASCII letters lower-cased: same byte offsets
	toks   []token
	quotes []span
}

// newDoc tokenises text.
func newDoc(text string) *doc {
	d := &doc{text: text, low: asciiLower(text)}
	d.toks = make([]token, 0, len(text)/4)
	d.tokenize()
	return d
}

// asciiLower lower-cases the ASCII letters of s, keeping every byte offset.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// mostlyUpper reports whether most letters of s are upper-case (a wire
// headline), which makes capitals useless for finding names.
func mostlyUpper(s string) bool {
	up, lo := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			lo++
		}
	}
	return up > 2*lo
}

// word returns the text of token i; lw its lower-case form.
func (d *doc) word(i int) string { return d.text[d.toks[i].s:d.toks[i].e] }
func (d *doc) lw(i int) string   { return d.low[d.toks[i].s:d.toks[i].e] }

// isP reports whether token i is the punctuation character c.
func (d *doc) isP(i int, c byte) bool {
	t := d.toks[i]
	return t.kind == kPunct && t.e-t.s == 1 && d.text[t.s] == c
}

// lwBase returns the lower-case form of word i without a possessive ending.
func (d *doc) lwBase(i int) string {
	w := d.lw(i)
	if d.toks[i].poss {
		return trimPoss(w)
	}
	return w
}

// trimPoss removes a trailing 's or ’s.
func trimPoss(w string) string {
	switch {
	case len(w) > 2 && w[len(w)-2:] == "'s":
		return w[:len(w)-2]
	case len(w) > 4 && w[len(w)-4:] == "’s":
		return w[:len(w)-4]
	case len(w) > 1 && w[len(w)-1] == '\'':
		return w[:len(w)-1]
	case len(w) > 3 && w[len(w)-3:] == "’":
		return w[:len(w)-3]
	}
	return w
}

// abbrevs keep their final period as part of the word.
var abbrevs = setOf("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col",
	"sgt", "capt", "adm", "prof", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"no", "vs", "etc", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "mt", "ft")

// tokenize fills d.toks.
func (d *doc) tokenize() {
	s := d.text
	n := len(s)
	i := 0
	for i < n {
		c := s[i]
		switch {
		case c == '\n':
			// A blank line or an indented line starts a paragraph; a
			// plain line break only wraps.
			j := i + 1
			for j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			if j < n && s[j] == '\n' || j-i > 2 || (j > i+1 && s[j-1] == '\t') || lineEndsSentence(s, i, j) {
				for j < n && (s[j] == '\n' || s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
					j++
				}
				d.toks = append(d.toks, token{s: int32(i), e: int32(i + 1), kind: kPara})
			}
			i = j
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '"':
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + 1), kind: kMark})
			i++
			continue
		case (c == '\'' || c == '`') && i+1 < n && s[i+1] == c:
			// Wire and typewriter style: two apostrophes close a
			// quote ("... this year.'' Miles said), ``two backticks''
			// open one. Two apostrophes never open a quote (quote.go
			// says why). A doubled apostrophe inside a word is a typo
			// ("company''s").
			kind := kClose
			if c == '`' {
				kind = kOpen
			} else if i > 0 && isLetterByte(s[i-1]) && i+2 < n && isLetterByte(s[i+2]) {
				kind = kPunct
			}
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + 2), kind: kind})
			i += 2
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case (r == '‘' || r == '’') && strings.HasPrefix(s[i+size:], string(r)):
			// ‘‘Doubled single marks’’ stand for double ones.
			kind := kOpen
			if r == '’' {
				kind = kClose
			}
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + 2*size), kind: kind})
			i += 2 * size
		case r == '“' || r == '„' || r == '«':
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + size), kind: kOpen})
			i += size
		case r == '”' || r == '»':
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + size), kind: kClose})
			i += size
		case r == '\u00a0' || r == '\u2009' || r == '\u200b' || r == '\u2028' || r == '\u2029':
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i = d.scanWord(i)
		default:
			d.toks = append(d.toks, token{s: int32(i), e: int32(i + size), kind: kPunct})
			i += size
		}
	}
}

// mojibakeLead reports whether w ends in "Ã" or "Â", composed or written
// with a combining tilde or circumflex: the first half of a UTF-8 letter
// read as Latin-1.
func mojibakeLead(w string) bool {
	return strings.HasSuffix(w, "Ã") || strings.HasSuffix(w, "Â") ||
		strings.HasSuffix(w, "A\u0303") || strings.HasSuffix(w, "A\u0302")
}

// lineEndsSentence reports whether the line break at s[i] (next line at
// s[j]) ends a paragraph written one line each: the line ends a sentence or
// a quote and the next starts with a capital or a quotation mark.
func lineEndsSentence(s string, i, j int) bool {
	if j >= len(s) || i == 0 {
		return false
	}
	k := i - 1
	for k > 0 && (s[k] == ' ' || s[k] == '\r') {
		k--
	}
	end, _ := utf8.DecodeLastRuneInString(s[:k+1])
	if end == '\'' && k > 0 && s[k-1] == '\'' {
		end = '"' // ''
	}
	switch end {
	case '.', '!', '?', '"', '”', ':':
	default:
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if (end == '"' || end == '”') && attributionLine(s[j:], strings.HasSuffix(strings.TrimRight(s[:k+1], "\"'”"), ",")) {
		return false // `... this year."\nMiles said.`: the quote's cue, wrapped
	}
	return unicode.IsUpper(next) || next == '"' || next == '“' || next == '”'
}

// attributionLine reports whether line s opens with a short attribution
// ending its sentence: one to three capitalised words, a speech verb and a
// full stop, or a comma after a quote closed on one (`"...buy,"\nEd
// Malmgreen added, ...`). Wire copy wraps its lines, and a quote ending one
// line is attributed on the next.
func attributionLine(s string, comma bool) bool {
	names := 0
	for names < 4 {
		k := 0
		for k < len(s) && s[k] != ' ' && s[k] != '.' && s[k] != ',' && s[k] != '\n' {
			k++
		}
		if k == 0 {
			return false
		}
		w := s[:k]
		if names > 0 && cueForms[w] && !weakCues[w] {
			return k < len(s) && (s[k] == '.' || comma && s[k] == ',')
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		names++
		if k+1 < len(s) && s[k] == '.' && s[k+1] == ' ' {
			k++ // "J. Smith"
		}
		if k >= len(s) || s[k] != ' ' {
			return false
		}
		s = s[k+1:]
	}
	return false
}

// scanWord reads the word starting at byte i and returns the offset after it.
// Apostrophes, hyphens, periods and ampersands inside a word are kept
// ("don't", "al-Assad", "U.S", "AT&T"); an abbreviation keeps its period.
func (d *doc) scanWord(i int) int {
	s := d.text
	n := len(s)
	start := i
	upper, lower, letters := 0, 0, 0
	first := true
	cap := false
	for i < n {
		r, size := rune(s[i]), 1
		if s[i] >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\u0301' {
			if unicode.IsUpper(r) {
				upper++
				if first {
					cap = true
				}
			} else if unicode.IsLower(r) {
				lower++
			}
			if unicode.IsLetter(r) {
				letters++
			}
			first = false
			i += size
			continue
		}
		if r == ',' && i > start && isDigit(s[i-1]) && i+1 < n && isDigit(s[i+1]) {
			i++ // "4,000"
			continue
		}
		if r >= 0x80 && i > start && (r >= 0x300 && unicode.Is(unicode.Mn, r) || r <= 0xbf && mojibakeLead(s[start:i])) {
			// A combining accent ("Ã" written A + U+0303) and, in
			// UTF-8 read as Latin-1 ("TrÃ©vidic", "PeÃ±a" for
			// "Trévidic", "Peña"), the symbol that is a letter's
			// second half belong to the word.
			i += size
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '.' || r == '&' {
			// Joins only when a letter or digit follows.
			if i+size < n {
				r2, _ := utf8.DecodeRuneInString(s[i+size:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					if r == '.' && (i-start > 3 || lower > 0 && upper == 0) {
						break // "end.Next" or "3.5" handled below
					}
					i += size
					continue
				}
			}
		}
		break
	}
	end := i
	// A trailing period belongs to an abbreviation or an initial.
	if end < n && s[end] == '.' {
		w := d.lowWord(start, end)
		if abbrevs[w] || (letters == 1 && upper == 1) || initials(w) {
			end++
		}
	}
	// A trailing apostrophe after s is a plural possessive.
	t := token{s: int32(start), e: int32(end), kind: kWord, cap: cap, upper: upper >= 2 && lower == 0}
	w := s[start:end]
	if len(w) > 2 && (w[len(w)-2:] == "'s" || (len(w) > 4 && w[len(w)-4:] == "’s")) {
		t.poss = true
	} else if end < n && w[len(w)-1] == 's' && (s[end] == '\'' || strings.HasPrefix(s[end:], "’")) &&
		(end+1 >= n || s[end+1] == ' ' || strings.HasPrefix(s[end:], "’ ")) {
		// "Dockers' Union": a plural possessive keeps its apostrophe.
		if s[end] == '\'' {
			end++
		} else {
			end += len("’")
		}
		t.e, t.poss = int32(end), true
	}
	d.toks = append(d.toks, t)
	return end
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isLetterByte reports whether c is an ASCII letter.
func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// initials reports whether w is initials joined by periods ("f.w", "j.d",
// "f.w.").
func initials(w string) bool {
	if len(w) >= 4 && w[len(w)-1] == '.' {
		w = w[:len(w)-1]
	}
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if i%2 == 1 && w[i] != '.' || i%2 == 0 && !('a' <= w[i] && w[i] <= 'z') {
			return false
		}
	}
	return len(w)%2 == 1
}

// lowWord returns the lower-case text of bytes s..e.
func (d *doc) lowWord(s, e int) string { return d.low[s:e] }

// runeOffset converts byte offsets to code point offsets; offs must be
// ascending.
func runeOffsets(text string, offs []int) []int {
	out := make([]int, len(offs))
	r, b := 0, 0
	for k, o := range offs {
		if o < b {
			r, b = 0, 0
		}
		r += utf8.RuneCountInString(text[b:o])
		b = o
		out[k] = r
	}
	return out
}
