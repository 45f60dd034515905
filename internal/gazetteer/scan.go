package gazetteer

// The matcher. Text is cut into word tokens once, each with a normalised key
// (lower case, accents and dots dropped, a possessive 's cut off) written
// into one scratch buffer; an elided article ("l'", "dell'") is a word of
// its own, so "l'Italia" holds "Italia"; a hyphen is a token of its own, so "Iran-backed"
// holds "Iran" and "Guinea-Bissau" is three tokens. Phrases are cut the same
// way and filed under their first token's key, longest first, so one map
// look-up per token finds every candidate and the first that fits is the
// longest match: "Papua New Guinea" before "Guinea", "New Mexico" before
// "Mexico". A phrase does not match across punctuation other than a full
// stop (so "St. Louis" matches but "Washington, D.C." is two phrases).
//
// Case: abbreviations (Place.Exact) must match their exact case, dots
// aside, or be all in capitals, so "US", "U.S." and "MICH." match but "us"
// does not; every other phrase must
// start with a capital, so "turkey" and "china" are not countries. Whole
// capitalised titles still match; the caller sees Match.Caps and decides.

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Match is one place phrase found in a text by Scan.
type Match struct {
	Start, End int // byte offsets of the phrase in the text
	Place      Place
	// Caps is set when every letter of the phrase is a capital, as in a
	// wire-service title ("IRAQ SEEKS ...") or an abbreviation.
	Caps bool
	// SentenceStart is set when the phrase opens a sentence or paragraph.
	SentenceStart bool
	// Possessive is set when the phrase is followed by 's ("Iraq's").
	Possessive bool
	// Prev and Next are the words right before and after the phrase when
	// only spaces separate them from it; else "".
	Prev, Next string
	// PrevSentenceStart is set when Prev opens a sentence.
	PrevSentenceStart bool
}

// token is one word (or hyphen) of a text.
type token struct {
	start, end int   // the word in the text, without a possessive 's
	ks, ke     int32 // its key in the scratch buffer
	upper      bool  // it starts with a capital letter
	lower      bool  // it holds a lower-case letter
	brk        bool  // punctuation other than a full stop or hyphen comes before it
	sent       bool  // it opens a sentence or paragraph
	poss       bool  // a possessive 's follows it
	hyphen     bool
}

type scratch struct {
	toks []token
	buf  []byte
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

// Scan calls fn for each place phrase in text, left to right, longest match
// first; matches do not overlap. It allocates nothing for plain text.
func (g *Gazetteer) Scan(text string, fn func(Match)) {
	g.scan(text, nil, fn)
}

// scan does Scan's work, with the phrases of extra (another language's,
// or nil) besides the English ones.
func (g *Gazetteer) scan(text string, extra map[string][]*phrase, fn func(Match)) {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.toks, s.buf = lex(text, s.toks[:0], s.buf[:0])
	toks, buf := s.toks, s.buf
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.hyphen {
			i++
			continue
		}
		key := string(buf[t.ks:t.ke])
		var best *phrase
		for _, ph := range g.trie[key] {
			if g.fits(ph, toks[i:], buf, text) {
				best = ph
				break
			}
		}
		if extra != nil {
			for _, ph := range extra[key] {
				if best != nil && len(ph.keys) <= len(best.keys) {
					break
				}
				if g.fits(ph, toks[i:], buf, text) {
					best = ph
					break
				}
			}
		}
		n := 1
		if best != nil {
			n = len(best.keys)
			fn(makeMatch(text, toks, i, n, best.place))
		}
		i += n
	}
}

// fits reports whether phrase ph matches the tokens at the start of toks.
func (g *Gazetteer) fits(ph *phrase, toks []token, buf []byte, text string) bool {
	if len(ph.keys) > len(toks) {
		return false
	}
	for j := 1; j < len(ph.keys); j++ {
		u := &toks[j]
		if u.brk || string(buf[u.ks:u.ke]) != ph.keys[j] {
			return false
		}
	}
	if ph.exact == nil {
		return toks[0].upper || ph.anyCase
	}
	for j, want := range ph.exact {
		w := text[toks[j].start:toks[j].end]
		if !equalNoDots(w, want) && (toks[j].lower || !equalNoDots(w, ph.upper[j])) {
			return false
		}
	}
	return true
}

func makeMatch(text string, toks []token, i, n int, p Place) Match {
	first, last := &toks[i], &toks[i+n-1]
	m := Match{Start: first.start, End: last.end, Place: p, SentenceStart: first.sent,
		Possessive: last.poss, Caps: true}
	for j := i; j < i+n; j++ {
		if toks[j].lower {
			m.Caps = false
		}
	}
	if i > 0 && !first.brk && !toks[i-1].hyphen && !toks[i-1].poss && !first.sent {
		m.Prev = text[toks[i-1].start:toks[i-1].end]
		m.PrevSentenceStart = toks[i-1].sent
	}
	// A full stop after an abbreviation ("U.S. Dlrs") does not end a sentence.
	abbrev := strings.Contains(text[last.start:last.end], ".")
	if k := i + n; k < len(toks) && !toks[k].brk && !toks[k].hyphen && (!toks[k].sent || abbrev) && !last.poss {
		m.Next = text[toks[k].start:toks[k].end]
	}
	return m
}

// equalNoDots reports whether s with its dots removed equals want.
func equalNoDots(s, want string) bool {
	j := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			continue
		}
		if j >= len(want) || s[i] != want[j] {
			return false
		}
		j++
	}
	return j == len(want)
}

// phraseToken is a token of a gazetteer phrase, with its key as a string.
type phraseToken struct {
	start, end int
	key        string
}

// tokenize cuts a phrase into tokens; it allocates, unlike Scan.
func tokenize(s string) []phraseToken {
	toks, buf := lex(s, nil, nil)
	out := make([]phraseToken, len(toks))
	for i, t := range toks {
		out[i] = phraseToken{t.start, t.end, string(buf[t.ks:t.ke])}
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// runeAt decodes the rune at i, with a fast path for ASCII.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// lex appends the tokens of text to toks and their keys to buf.
func lex(text string, toks []token, buf []byte) ([]token, []byte) {
	brk, sent := true, true
	newlines := 0
	for i := 0; i < len(text); {
		r, size := runeAt(text, i)
		switch {
		case isWordRune(r):
			t := token{start: i, ks: int32(len(buf)), brk: brk, sent: sent, upper: unicode.IsUpper(r) || unicode.IsTitle(r)}
			i, buf = lexWord(text, i, &t, buf)
			t.ke = int32(len(buf))
			toks = append(toks, t)
			brk, sent, newlines = false, false, 0
			continue
		case r == '-' || r == '\u2010' || r == '\u2011':
			t := token{start: i, end: i + size, ks: int32(len(buf)), brk: brk, sent: sent, hyphen: true}
			buf = append(buf, '-')
			t.ke = int32(len(buf))
			toks = append(toks, t)
			brk, newlines = false, 0
		case r == ' ' || r == '\t' || r == '\r' || r == '\u00a0':
		case r == '\n':
			newlines++
			if newlines >= 2 {
				brk, sent = true, true
			}
		case r == '.':
			sent = true
		default:
			brk = true
			if r == '!' || r == '?' || r == ':' || r == ';' {
				sent = true
			}
		}
		i += size
	}
	return toks, buf
}

// lexWord reads the word starting at i into t and its key into buf, and
// returns the index past it.
func lexWord(text string, i int, t *token, buf []byte) (int, []byte) {
	for i < len(text) {
		r, size := runeAt(text, i)
		switch {
		case isWordRune(r):
			if unicode.IsLower(r) {
				t.lower = true
			}
			buf = appendFolded(buf, r)
			i += size
		case r == '.':
			// A dot between letters belongs to an abbreviation ("U.S.").
			next, _ := runeAt(text, i+1)
			if !unicode.IsLetter(next) {
				t.end = i
				return i, buf
			}
			i++
		case r == '\'' || r == '\u2019':
			next, nsize := runeAt(text, i+size)
			// An elided article before a name ("l'Italia", "d'Ivoire",
			// "dell'Iran") is a word of its own; an Irish "O'" is not.
			if unicode.IsUpper(next) && i-t.start <= 5 && isLowerWord(text[t.start:i]) && !strings.EqualFold(text[t.start:i], "o") {
				t.end = i
				return i + size, buf
			}
			if next == 's' || next == 'S' {
				after, _ := runeAt(text, i+size+nsize)
				if !isWordRune(after) {
					t.end, t.poss = i, true
					return i + size + nsize, buf
				}
			}
			if !unicode.IsLetter(next) {
				t.end = i
				return i, buf
			}
			buf = append(buf, '\'')
			i += size
		default:
			t.end = i
			return i, buf
		}
	}
	t.end = i
	return i, buf
}

// isLowerWord reports whether s is letters in lower case but for the
// first ("l", "dell", "L").
func isLowerWord(s string) bool {
	for i, r := range s {
		if !unicode.IsLower(r) && (i > 0 || !unicode.IsUpper(r)) {
			return false
		}
	}
	return s != ""
}

// appendFolded appends r lower-cased and without accents.
func appendFolded(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r))
	}
	r = unicode.ToLower(r)
	var tmp [utf8.UTFMax]byte
	n := utf8.EncodeRune(tmp[:], r)
	var d norm.Iter
	d.Init(norm.NFD, tmp[:n])
	for !d.Done() {
		seg := d.Next()
		for len(seg) > 0 {
			c, sz := utf8.DecodeRune(seg)
			if !unicode.Is(unicode.Mn, c) {
				buf = utf8.AppendRune(buf, c)
			}
			seg = seg[sz:]
		}
	}
	return buf
}
