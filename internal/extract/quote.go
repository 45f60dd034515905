package extract

// How quotes are found, and why.
//
// A quote is the text between a pair of double quotation marks; single
// quotes are never marks (in English news they hold a quote within a quote,
// a scare quote or a name). Curly marks say which way they face. A straight
// mark faces by its spacing: with a space or a paragraph start before it
// and a word right after it, it can only open (` "Next`); set tight after
// the text with a space, punctuation or the end after it, it can only close
// (`end."`); otherwise it toggles. A closing-only mark with no quote open is
// a stray and opens nothing.
//
// Wire copy typed on old terminals closes a quote with two apostrophes
// (`"... this year.'' Miles said`) and typewriter copy opens one with two
// backticks (``...''); both are marks. Two apostrophes opening a quote
// (''...'', a style of the New York Times archive) are not taken: the
// quote scorers the team keeps count only double marks, so such quotes
// would all score as false ones; a stray '' opens nothing.
//
// House styles, and what each needs:
//
//   - Wire copy and US papers run a long quote over paragraphs, each new
//     paragraph reopening the mark and only the last closing it. A quote
//     still open at a paragraph break goes on when the next paragraph opens
//     with a mark and is one Quote (its text is the body between its first
//     and last marks, the reopening marks included); otherwise it ends at the
//     break.
//   - BBC and much scraped text merge paragraphs into one block, so the same
//     habit reads `... end of one part. "Next part ... end."` with no closing
//     mark before the next opening one. An opening-only mark right after the
//     end of a sentence inside an open quote ends that part there; the parts
//     are separate Quotes with one speaker and a shared Group. The same for
//     curly marks (`“A. “B”`). Without a sentence end before it, an opening
//     mark inside a quote means the first was never closed: it is dropped.
//   - A quotation cut by its attribution (`"A," he said, "B."` or `"A," he
//     said. "B."`) is two Quotes, each verbatim, with one speaker and a
//     shared Group, when nothing but the cue's clause (and at most a few
//     words and an appositive) stands between the parts.
//   - Partial quotes inside a sentence (`said the plans were "inadequate"`)
//     are quotes. Tabloid labels (`blasted him as a "disgrace"`, `the
//     so-called "final offer"`) and titles of works or shows (`on "Fox News
//     Sunday,"`) are not.
//   - Interview Q&A has no marks around the answers: when two paragraphs
//     or more open "Q:" (or "Q.") and two or more answers "A:" follow
//     them, each answer paragraph is a quote (findAnswers) of the
//     interviewee, the first person the article names before the first
//     question; with no one named there, answers are not quotes. The
//     questions are not taken.
//
// Which spans count (isQuotation): a span of three words or more counts
// unless it reads as a capitalised title and is not followed by its cue, or
// has at most four words and no cue at all. A span of one or two words
// counts only with a reporting verb next to it in its sentence (before it,
// or right after it), never after a naming verb (call, describe, dub,
// brand, blast, slam ...) or a labelling word (so-called, self-styled,
// nicknamed, as), and never when it is capitalised like a title. A
// hyphenated word with a lower-case part ("German-bashing") is no title
// word. The cost: a short quote in a sentence with a speech verb that is in
// fact a term being mentioned is taken (`said the "legacy projects" ...`);
// scorers that only count quotes of three words or more see these as
// false.
//
// Every Quote's Text is exactly the body between Start and End.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is one quotation: the tokens of its opening and closing marks (close
// may be a paragraph break or len(toks) when the quote was never closed).
type span struct {
	open, close int
	// s and e are the byte offsets of the quoted text, marks and outer
	// spaces excluded.
	s, e     int
	words    int  // number of words inside
	unclosed bool // ended by a paragraph break, not by a mark
	multi    bool // runs over more than one paragraph
	runOn    bool // ended by the opening mark of its next part
	answer   bool // an interview's answer: a paragraph after "A:", no marks
}

// findQuotes pairs the quotation marks of d into spans and marks the tokens
// inside them.
func (d *doc) findQuotes() {
	toks := d.toks
	open := -1
	multi := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case kOpen:
			if open >= 0 && toks[open].kind == kMark && d.nested(i) {
				// “Curly” marks inside a "straight" quote quote
				// within it: skip to their close.
				for i++; toks[i].kind != kClose; i++ {
				}
				continue
			}
			if open >= 0 && i > 0 && toks[i-1].e == t.s && toks[i-1].kind != kPara &&
				(i+1 == len(toks) || toks[i+1].s > t.e) {
				// Set tight after a word and followed by a space, it
				// closes the quote: `"It was coming,“ said Vance`.
				d.addSpan(open, i, false, multi)
				open = -1
				continue
			}
			if open >= 0 && toks[open].kind == kOpen && d.afterSentence(i) {
				// An opening mark after a sentence inside a quote:
				// the quote ran on into a paragraph merged with this
				// one, and its part ends here.
				if d.addSpan(open, i, true, multi) {
					d.quotes[len(d.quotes)-1].runOn = true
				}
			}
			// Any other opening mark inside a quote means the first
			// was never closed: it is dropped and the quote starts
			// again here.
			open, multi = i, false
		case kMark:
			if open >= 0 && open < i-1 && d.markOpens(i) && d.afterSentence(i) {
				// `... end of one part. "Next part`: the same, with
				// straight marks.
				if d.addSpan(open, i, true, multi) {
					d.quotes[len(d.quotes)-1].runOn = true
				}
				open, multi = i, false
				continue
			}
			if open < 0 && d.markCloses(i) {
				continue // a stray closing mark: `no, 44."`
			}
			if open < 0 {
				open, multi = i, false
			} else {
				d.addSpan(open, i, false, multi)
				open = -1
			}
		case kClose:
			if open < 0 && d.text[t.s] == '\'' {
				continue // '' opens nothing
			}
			if open < 0 && i+1 < len(toks) && toks[i+1].kind == kWord && toks[i+1].s == t.e &&
				(d.paraStart(i) || i > 0 && toks[i-1].e < t.s) {
				// A closing mark used to open (”Fear. I am afraid”).
				open, multi = i, false
				continue
			}
			if open >= 0 {
				d.addSpan(open, i, false, multi)
				open = -1
			}
		case kPara:
			if open < 0 {
				continue
			}
			if i+1 < len(toks) && (toks[i+1].kind == kOpen || toks[i+1].kind == kMark) {
				multi = true // the quote runs on: skip the reopening mark
				i++
				continue
			}
			if i+1 < len(toks) && toks[i+1].kind == kWord && d.lowerStart(i+1) {
				continue // a break inside a sentence (`I\n\nwas\n\nprime minister`) is no paragraph
			}
			d.addSpan(open, i, true, multi)
			open = -1
		}
	}
	if open >= 0 {
		d.addSpan(open, len(toks), true, multi)
	}
	d.findAnswers()
}

// findAnswers adds the answers of an interview set out as questions and
// answers (paragraphs opening "Q:" or "Q." and "A:" or "A.", two of each
// at least, an answer after a question) as spans: they are the
// interviewee's words, though no mark encloses them. An answer that holds
// quotation marks of its own is left to them.
func (d *doc) findAnswers() {
	var answers []int // the token each answer starts after
	questions, afterQ := 0, false
	for i := range d.toks {
		if !d.paraStart(i) || d.toks[i].kind != kWord {
			continue
		}
		label := d.word(i)
		end := i + 1
		if (label == "Q" || label == "A") && end < len(d.toks) && d.isP(end, ':') {
			label += "."
			end++
		}
		switch label {
		case "Q.":
			questions++
			afterQ = true
		case "A.":
			if afterQ && end < len(d.toks) && d.toks[end].kind == kWord {
				answers = append(answers, end-1)
			}
			afterQ = false
		default:
			afterQ = false
		}
	}
	if questions < 2 || len(answers) < 2 {
		return
	}
	added := false
	for _, a := range answers {
		e := a + 1
		marked := false
		for ; e < len(d.toks) && d.toks[e].kind != kPara; e++ {
			marked = marked || d.toks[e].inq || d.toks[e].kind == kOpen || d.toks[e].kind == kClose || d.toks[e].kind == kMark
		}
		if !marked && d.addSpan(a, e, false, false) {
			d.quotes[len(d.quotes)-1].answer = true
			added = true
		}
	}
	if added {
		slices.SortFunc(d.quotes, func(x, y span) int { return x.open - y.open })
	}
}

// nested reports whether the opening mark at i has its closing mark later
// in the paragraph, with a straight mark after that to close the quote
// around it.
func (d *doc) nested(i int) bool {
	inner := true // inside the curly quote opened at i
	for k := i + 1; k < len(d.toks); k++ {
		switch d.toks[k].kind {
		case kPara:
			return false
		case kOpen:
			if inner {
				return false
			}
			inner = true // another: `as “too loud” or “too shrill”`
		case kClose:
			if !inner {
				return false
			}
			inner = false
		case kMark:
			return !inner
		}
	}
	return false
}

// markOpens reports whether the straight mark at i can only open a quote:
// a space or a paragraph break before it, a word right after it.
func (d *doc) markOpens(i int) bool {
	t := d.toks[i]
	if i > 0 && d.toks[i-1].kind != kPara && d.toks[i-1].e == t.s {
		return false
	}
	if i+1 >= len(d.toks) || d.toks[i+1].s != t.e {
		return false
	}
	switch n := d.toks[i+1]; n.kind {
	case kWord:
		return true
	case kPunct:
		switch r, _ := utf8.DecodeRuneInString(d.text[n.s:]); r {
		case '(', '[', '\'', '.', '‘', '…':
			return true
		}
	}
	return false
}

// afterSentence reports whether the mark at i follows the end of a
// sentence (`... end of one part. "Next part`), where a paragraph may have
// ended.
func (d *doc) afterSentence(i int) bool {
	if i == 0 || d.toks[i-1].kind != kPunct {
		return false
	}
	switch r, _ := utf8.DecodeRuneInString(d.text[d.toks[i-1].s:]); r {
	case '.', '!', '?', '…':
		return true
	}
	return false
}

// markCloses reports whether the straight mark at i can only close a quote:
// set tight after the text, with a space, punctuation, a paragraph break or
// the end after it.
func (d *doc) markCloses(i int) bool {
	t := d.toks[i]
	if i == 0 || d.toks[i-1].kind == kPara || d.toks[i-1].e != t.s {
		return false
	}
	return i+1 == len(d.toks) || d.toks[i+1].s > t.e || d.toks[i+1].kind == kPunct || d.toks[i+1].kind == kPara
}

// lowerStart reports whether token i starts with a lower-case letter.
func (d *doc) lowerStart(i int) bool {
	r, _ := utf8.DecodeRuneInString(d.text[d.toks[i].s:])
	return unicode.IsLower(r)
}

// paraStart reports whether token i opens a paragraph (or the text).
func (d *doc) paraStart(i int) bool { return i == 0 || d.toks[i-1].kind == kPara }

// prevIsPara reports whether a paragraph break comes right before token i.
func (d *doc) prevIsPara(i int) bool { return i > 0 && d.toks[i-1].kind == kPara }

// addSpan records the quote between marks open and close and reports
// whether it held any text.
func (d *doc) addSpan(open, close int, unclosed, multi bool) bool {
	s := int(d.toks[open].e)
	e := len(d.text)
	if close < len(d.toks) {
		e = int(d.toks[close].s)
	}
	for s < e && isSpace(d.text[s]) {
		s++
	}
	for e > s && isSpace(d.text[e-1]) {
		e--
	}
	words := 0
	for k := open + 1; k < close; k++ {
		if d.toks[k].kind == kWord {
			words++
		}
		d.toks[k].inq = true
	}
	if e <= s {
		return false
	}
	d.quotes = append(d.quotes, span{open: open, close: close, s: s, e: e, words: words, unclosed: unclosed, multi: multi})
	return true
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// titleLike reports whether a quoted span reads as the title of a work or a
// name ("The Art of the Deal"): most words capitalised, no sentence inside.
func (d *doc) titleLike(q span) bool {
	caps, words := 0, 0
	end := q.close
	for end-1 > q.open && d.toks[end-1].kind == kPunct {
		end-- // `“Fox News Sunday,”`: the sentence's comma
	}
	for k := q.open + 1; k < end; k++ {
		t := d.toks[k]
		if t.kind == kPunct {
			switch d.text[t.s] {
			case ',', '.', '!', '?', ';':
				return false
			}
		}
		if t.kind != kWord {
			continue
		}
		if smallTitleWords[d.lw(k)] && !t.cap {
			continue
		}
		words++
		if t.cap && !lowerAfterHyphen(d.word(k)) || !unicode.IsLetter(rune(d.text[t.s])) {
			caps++
		} else {
			return false
		}
	}
	return words > 0 && caps*3 >= words*2
}

// lowerAfterHyphen reports whether a part of w after a hyphen starts with a
// lower-case letter: "German-bashing" is no title word, "Anti-Slavery" is.
func lowerAfterHyphen(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		if w[i] == '-' && 'a' <= w[i+1] && w[i+1] <= 'z' {
			return true
		}
	}
	return false
}

// smallTitleWords may stay lower-case in a title.
var smallTitleWords = setOf("a", "an", "the", "of", "and", "or", "in", "on", "at", "to",
	"for", "with", "by", "from", "is", "as", "but", "nor", "vs", "vs.")

// endsSentence reports whether the quoted text of q ends with . ! or ?.
func (d *doc) endsSentence(q span) bool {
	if q.e <= q.s {
		return false
	}
	switch d.text[q.e-1] {
	case '.', '!', '?':
		return true
	}
	return false
}

// isQuotation reports whether span q, attributed by a, reports someone's
// words rather than naming or marking them (scare quotes, nicknames, titles
// of works). A span of three words or more is a quotation unless it is a
// capitalised title not followed by its cue, or short and without a cue.
// A partial quote of one or two words counts only when a reporting verb
// stands next to it in its sentence: `she said the plans were
// "inadequate"`, `"wholly unfounded," he insisted`; after a naming verb
// (`called it "a disgrace"`, `described him as "dangerous"`) it is a label.
func (d *doc) isQuotation(q span, a attr) bool {
	how := a.how
	if q.words < 3 {
		if q.words == 0 || q.unclosed || d.titleLike(q) || how != byBefore && how != byAfter {
			return false
		}
		if k := q.open - 1; k >= 0 && d.toks[k].kind == kWord && labelWords[d.lw(k)] {
			return false // `the so-called "final offer"`
		}
		if how != byAfter && d.labelInPhrase(q, a) {
			return false // `the Nicaraguan "contra" rebels`
		}
		if !weakCues[d.lw(a.cueS)] && !namingCues[d.lw(a.cueS)] {
			return true
		}
		// `Blair dismissed questions and said it was a "fair
		// summary"`: a reporting verb nearer the quote.
		for k := a.cueE; k < q.open; k++ {
			if _, ok := d.cueAt(k, false); ok && !namingCues[d.lw(k)] {
				return true
			}
		}
		return false
	}
	if k := q.open - 1; k >= 0 && d.toks[k].kind == kWord && (prepositions[d.lw(k)] || d.toks[k].poss) && d.titleLike(q) {
		return false // `on "Fox News Sunday,"`, `CNN's "State of the Union."`
	}
	return !(how == byNone && (q.words <= 4 || d.titleLike(q))) &&
		!(how != byAfter && d.titleLike(q) && q.words <= 8)
}

// labelInPhrase reports whether the short quoted span q, attributed by a
// cue before it, is a word or two used as a label inside a noun phrase
// rather than words reported:
//   - "of" goes on after it and a preposition of place stands before it
//     (`in the "oil patch" of the Southwest`);
//   - after a definite article or a possessive a verb goes on, so the
//     phrase is a clause's subject (`said Mr Brown's "golden rule" had`,
//     `the "control orders" would`);
//   - a noun goes on after it (`the Nicaraguan "contra" rebels`, `the
//     "must sell" zones`) and the speech verb is far back, governing
//     another clause. Near its verb the span is an adjective or a noun the
//     speaker chose, quoted in BBC style (`pledged a "tough" budget`,
//     `said it had an "exceptional" year`).
//
// A partial quote ends its phrase: `called the plan a "complete u-turn".`,
// `were "inadequate" and`.
func (d *doc) labelInPhrase(q span, a attr) bool {
	n := q.close + 1
	if q.unclosed || n >= len(d.toks) || d.toks[n].kind != kWord || d.toks[n].cap || d.toks[n].s != d.toks[q.close].e+1 {
		return false
	}
	w := d.lw(n)
	before := q.open - 1 // the word before the span, past an article
	if before >= 0 && d.toks[before].kind == kWord && determiners[d.lw(before)] {
		before--
	}
	if w == "of" {
		return before >= 0 && d.toks[before].kind == kWord && placePreps[d.lw(before)]
	}
	if k := q.open - 1; k >= 0 && d.toks[k].kind == kWord && (definites[d.lw(k)] || d.toks[k].poss) &&
		(auxiliaries[w] && !isAdverb(w) || strings.HasSuffix(w, "ed")) {
		return true
	}
	if stopWords[w] || auxiliaries[w] || prepositions[w] || determiners[w] || cueForms[w] ||
		isAdverb(w) || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || hasDigit(w) || w == "to" {
		return false
	}
	if d.adjectival(q) {
		return false
	}
	gap := 0
	for k := a.cueE; k < q.open; k++ {
		if d.toks[k].kind == kWord {
			gap++
		}
	}
	return gap > 8
}

// adjectival reports whether the quoted span q reads as an adjective
// phrase, the speaker's judgement of the noun after it (`"very close"
// views`, `"chaotic" world trade`, `"significant" profits`): it opens with
// a degree adverb or ends in an adjective's suffix.
func (d *doc) adjectival(q span) bool {
	first, last := -1, -1
	for k := q.open + 1; k < q.close; k++ {
		if d.toks[k].kind == kWord {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return false
	}
	if w := d.lw(first); last > first && (isAdverb(w) || degreeWords[w]) {
		return true
	}
	w := d.lw(last)
	for _, suf := range adjSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// degreeWords open an adjective phrase: `"very close"`, `"quite severe"`.
var degreeWords = setOf("very", "quite", "too", "so", "most", "more", "less", "highly", "rather", "extremely", "deeply", "fully")

// adjSuffixes end most English adjectives and participles a speaker is
// quoted for.
var adjSuffixes = []string{"ous", "ful", "ive", "ic", "able", "ible", "ant", "ent", "less", "ish", "ary", "al", "ian", "ed", "ing", "ly"}

// definites open a phrase naming something known: `the "control orders"`.
var definites = setOf("the", "this", "that", "these", "those")

// placePreps open a phrase that says where: `in the "oil patch" of`.
var placePreps = setOf("in", "on", "at", "into", "across", "throughout", "inside", "within", "around", "near")

// labelWords before a short quote make it a label: `the so-called "final
// offer"`, `a self-styled "reformer"`.
var labelWords = setOf("so-called", "self-styled", "self-described", "self-proclaimed", "nicknamed", "titled", "entitled", "named", "as")

// namingCues name or judge rather than report: a short quote after them is
// a label.
var namingCues = setOf("accuse", "accuses", "accused", "accusing", "brand", "branded",
	"blast", "blasted", "slam", "slammed", "criticize", "criticized", "criticise", "criticised")

// cueText returns the cue of attribution a as a quote stores it: the
// speech verb in lower case ("said", "according to", "pointed out"), and
// for an interview's answer its label ("A:"). An attribution that stands
// on no speech verb (a name before a colon, a name after a dash, the
// subject of the paragraph) has no cue: punctuation, a copula, a
// preposition, a number or a name is never stored as one.
func (d *doc) cueText(a attr, q span) string {
	if a.how == byNone || a.cueS < 0 || a.cueE <= a.cueS || a.cueE > len(d.toks) {
		return ""
	}
	if q.answer {
		return d.text[d.toks[a.cueS].s:d.toks[a.cueE-1].e]
	}
	k := a.cueS
	if d.toks[k].kind != kWord {
		return ""
	}
	w := d.lw(k)
	if next, ok := multiCues[w]; ok && a.cueE-k == 2 && slices.Contains(next, d.lw(k+1)) {
		return w + " " + d.lw(k+1)
	}
	if a.cueE-k != 1 || !cueForms[w] || bareCues[w] {
		return ""
	}
	if k > 0 && d.toks[k-1].kind == kWord && (d.lw(k-1) == "not" || strings.HasSuffix(d.lw(k-1), "n't")) ||
		k+1 < len(d.toks) && d.toks[k+1].kind == kWord && d.lw(k+1) == "to" && !strings.HasSuffix(w, "ed") && w != "said" && w != "told" {
		// `would not comment on it but insisted he was "..."`: no one
		// spoke so; `will continue to face "serious challenges"`
		// reports nothing. A speech verb nearer the quote is its cue.
		for j := a.cueE; j < q.open && j < len(d.toks); j++ {
			if v := d.lw(j); d.toks[j].kind == kWord && !d.toks[j].inq && cueForms[v] && !weakCues[v] && !bareCues[v] &&
				(strings.HasSuffix(v, "ed") || v == "said" || v == "told" || v == "says") {
				return v
			}
		}
		return ""
	}
	return w
}

// bareCues are speech-verb forms that report nothing alone: "according"
// without "to", "go" without "on" ("could go ahead", "see him go:").
var bareCues = setOf("according", "go", "goes", "went", "going")
