package extract

// Who a quote is given to, and why (the order in which a quote's cue is
// looked for is told in tokens.go).
//
// The subject of a cue is a name, a pronoun or a description, and the
// speaker facet holds names only:
//
//   - A name is looked up among the article's actors, so "Mr Blair" is
//     "Tony Blair" when the article names him in full (BBC style), and a
//     title stays in SpeakerTitle.
//   - A pronoun goes to the nearest earlier person outside quotes whose
//     gender fits, passing over possessors ("Moore's film") and preferring
//     a subject to an object; a name no rule typed counts when it stands as
//     a clause's subject ("Marcel Desailly insists"). When the nearest name
//     is an object and the same pronoun stood as a subject before it, the
//     pronoun goes on that chain. A pronoun never stands for someone the
//     quote itself speaks of in the third person (`"I think Sean's
//     situation is ...," he said`). With nobody named before it, a pronoun
//     goes to the one person the headline names. "It" goes to the nearest
//     organisation, else to the one the article names most (BBC: "it
//     said").
//   - "JK, also known as Jason King" is Jason King; `"...," the agency
//     quoted Mr Khodorkovsky as saying` is Khodorkovsky's.
//   - A definite description ("the company", "the agent", "the
//     36-year-old", "the newspaper") resolves to the named person or
//     organisation it stands for (describe); "India's commerce ministry"
//     and "the Clinton campaign" are organisations named by a possessor and
//     stay speakers; so does "The Liberal Democrats". A person description
//     in the lede that stands for nobody before it goes to the person of
//     the headline. Anything else ("a spokesman", "one dealer", "the
//     spokesman" after "a spokesman") names nobody: Speaker holds the
//     description as written (whitespace-normalised), SpeakerNamed is
//     false and the words go to SpeakerDescription too, so a researcher
//     sees who spoke and the speaker facet still holds names only.
//   - An addressee is never the speaker: a name before the colon is one
//     only when it is no object ("told the BBC:", "in a PS:"), and "told
//     Reuters" has its speaker before the verb.
//
// House styles: wire copy and US papers put the cue after the quote
// (`"...," Smith said`); BBC copy merges paragraphs and varies references
// (`Desailly says ... "...," the 36-year-old said`); tabloids chain
// pronouns; interviews run answers on without a cue, which take the
// nearest attribution before them in the paragraph, then the speaker of
// the paragraph before. A quote closed on a full stop keeps the cue that
// introduced it (`Ms Brankin said: "... this." Ms Okoro has written`).

import (
	"strings"

	"github.com/newsdex/newsdex/internal/article"
)

// attrHow is how a quote was attributed.
type attrHow uint8

// How a quote was attributed, surest first.
const (
	byNone      attrHow = iota
	byAfter             // a cue right after the closing mark
	byBefore            // a cue before the opening mark, same sentence
	byParagraph         // another quote or cue in the same paragraph
	byCarry             // the speaker of the paragraph before
)

// npKind is what a noun phrase before or after a cue is.
type npKind uint8

// Noun phrase kinds.
const (
	npNone npKind = iota
	npName
	npPronoun
	npDesc
)

// np is the noun phrase that names a speaker: tokens [s, e).
type np struct {
	kind npKind
	s, e int
	ent  int // the entity a name phrase names, or -1
}

// attr is a quote's attribution before resolution.
type attr struct {
	how        attrHow
	cueS, cueE int // the cue's tokens
	np         np
	adjacent   bool // the cue touches the quote
	speaker    string
	title      string
	desc       string // the description of a speaker left unnamed
	ent        int
	resolved   bool // speaker is an entity, not a description
	conf       float64
	fromPron   bool
	src        int // the quote index the attribution was copied from, plus one
}

// cueAt reports whether token i starts a speech cue and returns the token
// after it. Weak cues count only when weak is true. A form that reads as a
// noun ("his remarks", "the United States", "troubling questions") is no
// cue.
func (d *doc) cueAt(i int, weak bool) (int, bool) {
	if i < 0 || i >= len(d.toks) || d.toks[i].kind != kWord || d.toks[i].inq {
		return 0, false
	}
	w := d.lw(i)
	if next, ok := multiCues[w]; ok && i+1 < len(d.toks) && d.toks[i+1].kind == kWord {
		for _, n := range next {
			if d.lw(i+1) == n {
				return i + 2, true
			}
		}
	}
	if !cueForms[w] || w == "according" {
		return 0, false
	}
	if !weak && weakCues[w] {
		return 0, false
	}
	if i+1 < len(d.toks) && d.toks[i+1].kind == kWord && !d.toks[i+1].cap && cueForms[d.lw(i+1)] && !weakCues[d.lw(i+1)] &&
		(d.toks[i].cap || !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && w != "said" && w != "told" && w != "wrote") {
		// Before a speech verb, a form that is no past verb is its
		// subject: a name ("Yelling told BBC Sport", "Crow said") or a
		// noun ("the World Bank report said").
		return 0, false
	}
	if d.toks[i].cap && !d.sentenceStart(i) {
		// "Murphy Tweeted" is a cue; "the United States" is not.
		if i == 0 || d.toks[i-1].cap || d.toks[i].upper {
			return 0, false
		}
		if _, ok := pronounGender[d.lw(i-1)]; !ok {
			return 0, false
		}
	}
	if i > 0 && d.toks[i-1].kind == kWord {
		pw := d.lw(i - 1)
		if determiners[pw] && pw != "that" || prepositions[pw] || d.toks[i-1].poss {
			return 0, false
		}
		if !strings.HasSuffix(w, "ed") && w != "said" && w != "told" && w != "wrote" && !strings.HasSuffix(w, "ing") &&
			d.toks[i-1].cap && i > 1 && d.toks[i-2].kind == kWord && (prepositions[d.lw(i-2)] || determiners[d.lw(i-2)]) {
			return 0, false // "32% of Republican claims": a noun
		}
		if !strings.HasSuffix(w, "ed") && w != "said" && w != "told" && w != "wrote" && !strings.HasSuffix(w, "ing") {
			// Present forms double as nouns: want a subject or an
			// auxiliary before them.
			if _, ok := pronounGender[pw]; !ok && !auxiliaries[pw] && !d.toks[i-1].cap &&
				!roleNouns[pw] && !roleNouns[strings.TrimSuffix(pw, "s")] && !mediaNouns[pw] && !companyNouns[pw] &&
				pw != "i" && pw != "we" && pw != "you" &&
				!(orgNouns[pw] && strings.HasSuffix(w, "s")) { // "the government says"
				return 0, false
			}
		}
	}
	return i + 1, true
}

// nameSuffixes follow a name and belong to it.
var nameSuffixes = setOf("jr", "sr", "ii", "iii", "iv")

// prepositions before a speech-verb form make it a noun or a gerund.
var prepositions = setOf("of", "in", "for", "with", "on", "at", "by", "from", "about",
	"after", "before", "without", "into", "over", "through", "his", "her", "their", "its",
	"our", "my", "your", "these", "those", "such", "more", "most", "further", "new",
	"recent", "previous", "public", "official", "latest", "many", "some", "no", "any")

// stopWords end a noun phrase.
var stopWords = setOf("that", "which", "who", "when", "if", "because", "and", "but", "or",
	"in", "on", "at", "to", "for", "with", "from", "by", "as", "after", "before", "while",
	"during", "about", "than", "it", "is", "was", "are", "were", "not", "also", "there",
	"what", "how", "why", "where", "be", "been", "being", "has", "have", "had", "would",
	"will", "could", "should", "can", "do", "does", "did", "so", "then", "into", "over",
	"under", "between", "since", "until", "through", "against", "without", "upon")

// subjectBefore returns the noun phrase ending just before the speech verb
// at v, no further back than lo.
func (d *doc) subjectBefore(ac *actors, v, lo int) np {
	p := d.phraseBefore(ac, v, lo)
	if p.kind != npNone && p.s-2 > lo && d.toks[p.s-1].kind == kWord && d.lw(p.s-1) == "by" && d.toks[p.s-2].kind == kWord && agentParticiple(d.lw(p.s-2)) {
		// "A Fiat spokesman contacted by Reuters said", "analysts
		// polled by Reuters said": the agent of a participle is no
		// speaker; the phrase the participle qualifies is.
		return d.phraseBefore(ac, p.s-2, lo)
	}
	if p.kind == npDesc && p.s-1 > lo && d.toks[p.s-1].kind == kWord && adverbialPreps[d.lw(p.s-1)] {
		// "Trump at the time said", "Sanders during a Sunday rally
		// thanked": an adverbial phrase between subject and verb.
		if s := d.phraseBefore(ac, p.s-1, lo); s.kind == npName || s.kind == npPronoun {
			return s
		}
	}
	return p
}

// agentParticiple reports whether w is a participle of reaching someone
// for comment, whose agent follows with "by" ("analysts polled by
// Reuters", "a spokesman contacted by the BBC"); the agent is the
// newsroom, never the speaker. Other participles ("a complaint filed by
// the SEC") name their agent as part of a description.
func agentParticiple(w string) bool { return reachedVerbs[w] }

var reachedVerbs = setOf("polled", "contacted", "queried", "surveyed", "interviewed", "asked",
	"reached", "questioned", "canvassed", "approached", "consulted", "sounded")

// objectName reports whether the name ending at token i is a place after
// a preposition ("a town hall meeting in Columbus, Ohio,"), not a subject
// an appositive follows ("Officials at Homeland Security Investigations,
// a division of ...,").
func (d *doc) objectName(ac *actors, i, lo int) bool {
	m := ac.ments[ac.mentAt[i]]
	if m.s-1 < lo || d.toks[m.s-1].kind != kWord || !prepositions[d.lw(m.s-1)] || d.toks[m.s-1].cap || ac.ents[m.ent].typ != "" {
		return false
	}
	if ac.isPlace(d.text[d.toks[m.s].s:d.toks[m.e-1].e]) {
		return true
	}
	// "Columbus, Ohio": a town the gazetteer may not know, then its state.
	return m.e+1 < len(d.toks) && d.isP(m.e, ',') && d.toks[m.e+1].kind == kWord && ac.isPlace(d.word(m.e+1))
}

// adverbialPreps open a phrase of time or place that can stand between a
// subject and its verb.
var adverbialPreps = setOf("at", "during", "in", "on", "after", "before", "since", "over", "throughout")

// phraseBefore returns the noun phrase ending just before token v, no
// further back than lo (subjectBefore without the adverbial skip).
func (d *doc) phraseBefore(ac *actors, v, lo int) np {
	j := v - 1
	for j >= lo && d.toks[j].kind == kWord && (auxiliaries[d.lw(j)] || isAdverb(d.lw(j))) && pronounGender[d.lw(j)] == 0 {
		j--
	}
	// Skip an appositive or a parenthesis: "Fallon, the campaign's
	// press secretary, said"; "Moore (D-Wis.) said"; "Kasich, said".
	if j-1 >= lo && d.isP(j, ',') && (d.isP(j-1, ')') || ac.mentAt[j-1] >= 0 && d.clauseStart(ac.ments[ac.mentAt[j-1]].s)) {
		j--
	}
	chained := false
	for hops := 0; hops < 3 && j > lo && d.toks[j].kind == kPunct; hops++ {
		c := d.text[d.toks[j].s:d.toks[j].e]
		if c != "," && c != ")" {
			break
		}
		open := "("
		if c == "," {
			open = ","
		}
		k := j - 1
		for k >= lo && j-k < 25 && d.toks[k].kind != kPara && d.toks[k].kind != kClose && d.toks[k].kind != kMark && d.text[d.toks[k].s:d.toks[k].e] != open {
			k--
		}
		if k < lo || j-k >= 25 || d.text[d.toks[k].s:d.toks[k].e] != open {
			break
		}
		if k-1 >= lo && (ac.mentAt[k-1] >= 0 && !d.objectName(ac, k-1, lo) || open == "(") {
			j = k - 1
			continue
		}
		if open == "," && k-1 > lo && d.toks[k-1].kind == kWord {
			// "Ayrault, the foreign minister of France, a member of
			// the council, said": one more appositive.
			j = k
			w := d.lw(k + 1)
			chained = w == "who" || w == "whose" || w == "which" || determiners[w] && w != "that"
			continue
		}
		break
	}
	if chained && j > lo && d.isP(j, ',') && d.toks[j-1].kind == kWord {
		// No appositive before the last one skipped, a relative clause
		// or an appositive noun phrase: the phrase ends before its comma
		// ("A Toshiba executive, who asked not to be named, told"; not
		// "the show, with Ann Hill marching up, saying").
		j--
	}
	if j < lo || d.toks[j].kind != kWord {
		return np{}
	}
	end := j + 1
	w := d.lw(j)
	if _, ok := pronounGender[w]; ok && w != "him" && w != "her" {
		return np{kind: npPronoun, s: j, e: end, ent: -1}
	}
	if m := ac.mentAt[j]; m >= 0 && ac.ments[m].e == end {
		s := ac.ments[m].s
		if s < lo {
			s = lo
		}
		return np{kind: npName, s: s, e: end, ent: ac.ments[m].ent}
	}
	if d.toks[j].cap && strings.HasSuffix(w, "s") && (roleNouns[w[:len(w)-1]] || anonymousHeads[w]) && d.sentenceStart(j) {
		// "Bankers say", "Prosecutors said": a plural role opening
		// the sentence describes, it names no one.
		return np{kind: npDesc, s: j, e: end, ent: -1}
	}
	if d.toks[j].cap && !notNames[w] {
		// A name with no entity (a place, perhaps): the capitalised run.
		s := j
		for s-1 >= lo && d.nameWord(s-1) {
			s--
		}
		return np{kind: npName, s: s, e: end, ent: -1}
	}
	// A description: back to its determiner or possessor.
	for s := j; s >= lo && j-s < 7; s-- {
		t := d.toks[s]
		if t.kind != kWord {
			break
		}
		lw := d.lw(s)
		if _, ok := pronounGender[lw]; ok || lw == "we" || lw == "i" || lw == "you" {
			break
		}
		if determiners[lw] && lw != "that" {
			return np{kind: npDesc, s: d.descHead(s, lo), e: end, ent: -1}
		}
		if t.poss {
			st := s
			if m := ac.mentAt[s]; m >= 0 {
				st = ac.ments[m].s
			}
			return np{kind: npDesc, s: st, e: end, ent: -1}
		}
		if stopWords[lw] || cueForms[lw] && s != j {
			break
		}
	}
	// "officials said", "sources told": a bare plural role.
	if strings.HasSuffix(w, "s") && (roleNouns[w[:len(w)-1]] || w == "sources" || w == "analysts" || w == "officials") {
		s := j
		for s-1 >= lo && d.toks[s-1].kind == kWord && !stopWords[d.lw(s-1)] && j-s < 3 && !cueForms[d.lw(s-1)] {
			s--
		}
		return np{kind: npDesc, s: s, e: end, ent: -1}
	}
	return np{}
}

// descHead returns where a description starting at token s really starts
// when it is the object of a modifier of another description: "a trader
// at a Lagos bank", "an official attending the talks", "a spokesman for
// the ministry" are the trader, the official and the spokesman.
func (d *doc) descHead(s, lo int) int {
	for hops := 0; hops < 2; hops++ {
		k := s - 1
		if k-1 < lo || d.toks[k].kind != kWord {
			return s
		}
		w := d.lw(k)
		if !(ofWords[w] || w == "in" || len(w) > 5 && strings.HasSuffix(w, "ing") && !cueForms[w]) {
			return s
		}
		found := -1
		for t := k - 1; t >= lo && k-t <= 5; t-- {
			if d.toks[t].kind != kWord {
				break
			}
			lw := d.lw(t)
			if determiners[lw] && lw != "that" {
				found = t
				break
			}
			if stopWords[lw] || cueForms[lw] || d.toks[t].poss {
				break
			}
		}
		if found < 0 {
			return s
		}
		s = found
	}
	return s
}

// clauseStart reports whether token i opens a sentence or follows a comma.
func (d *doc) clauseStart(i int) bool {
	return d.sentenceStart(i) || i > 0 && d.isP(i-1, ',')
}

// isAdverb reports whether w looks like a manner adverb ("forcefully").
func isAdverb(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ly") && w != "family" && w != "italy" && w != "ally" && w != "rally" && w != "supply" && w != "assembly"
}

// subjectAfter returns the noun phrase starting at i (after an inverted
// speech verb: `said Hussein`, `according to the ministry`). After a form
// of "tell" it is none: `"...," told Reuters` names the addressee, never
// an inverted speaker.
func (d *doc) subjectAfter(ac *actors, i int) np {
	if i >= len(d.toks) || d.toks[i].kind != kWord || d.toks[i].inq || i > 0 && d.toks[i-1].kind == kWord && tellForms[d.lw(i-1)] {
		return np{}
	}
	p, _ := d.phraseForward(ac, i)
	return p
}

// validNP reports whether tokens [s, e) can be a speaker's noun phrase on
// their own (used after a quote, where the phrase must fill the gap).
func (d *doc) validNP(ac *actors, p np) bool {
	if p.kind == npNone || p.e-p.s > 9 {
		return false
	}
	for k := p.s; k < p.e; k++ {
		if d.toks[k].kind != kWord {
			return false
		}
	}
	return true
}

// afterCue finds a cue right after quote q: `..." X said` or `..." said X`.
func (d *doc) afterCue(ac *actors, q span) (attr, bool) {
	if q.unclosed {
		return attr{}, false
	}
	i := q.close + 1
	if j := i; j+1 < len(d.toks) && d.toks[j].kind == kPara && d.toks[j+1].kind == kPunct && isDash(d.text[d.toks[j+1].s:d.toks[j+1].e]) {
		// `"...." / - Sanders.`: fact-check style signs a quote with
		// a dash opening the next paragraph.
		i = j + 1
	}
	dash := -1
	for i < len(d.toks) && d.toks[i].kind == kPunct && isDashOrComma(d.text[d.toks[i].s:d.toks[i].e]) {
		if d.text[d.toks[i].s] != ',' && d.text[d.toks[i].s] != '(' {
			dash = i
		}
		i++
	}
	if i >= len(d.toks) || d.toks[i].kind != kWord {
		return attr{}, false
	}
	if dash >= 0 {
		// `"..." ― Francisco Herrero`: a name after a dash, alone.
		if p, next := d.phraseForward(ac, i); p.kind == npName {
			next = d.skipAside(next)
			if next >= len(d.toks) || d.toks[next].kind == kPara || d.toks[next].kind == kPunct && d.text[d.toks[next].s] != '(' ||
				d.toks[next].kind == kOpen || d.toks[next].kind == kMark || d.lineBreakBefore(next) {
				return attr{how: byAfter, cueS: dash, cueE: dash + 1, np: p, adjacent: true}, true
			}
		}
	}
	if end, ok := d.cueAt(i, false); ok {
		p := d.subjectAfter(ac, end)
		if p.kind != npNone {
			return attr{how: byAfter, cueS: i, cueE: end, np: p, adjacent: true}, true
		}
		return attr{}, false
	}
	for k := i; k < len(d.toks) && k-i < 8 && d.toks[k].kind == kWord; k++ {
		if s, ok := d.quotedAs(ac, k); ok {
			// `"...," the agency quoted Mr Khodorkovsky as
			// saying`: the one quoted spoke.
			return attr{how: byAfter, cueS: k, cueE: k + 1, np: s, adjacent: true}, true
		}
	}
	p, next := d.phraseForward(ac, i)
	if p.kind == npNone || d.toks[p.e-1].poss {
		// `"..." Mr Blair's was asked`: a possessor with no head
		// noun stands for no one.
		return attr{}, false
	}
	next = d.skipAside(next)
	if p.kind == npDesc && next+1 < len(d.toks) && d.toks[next].kind == kWord && ofWords[d.lw(next)] {
		// `"..." a spokesman for Dell said`: the description names
		// whom its head speaks for.
		if m := ac.mentAt[next+1]; m >= 0 && ac.ments[m].s == next+1 && ac.ments[m].e-p.s <= 9 {
			if _, ok := d.cueAt(ac.ments[m].e, false); ok {
				p.e, next = ac.ments[m].e, ac.ments[m].e
			}
		}
	}
	if next+2 < len(d.toks) && d.toks[next].kind == kWord && agentParticiple(d.lw(next)) && d.toks[next+1].kind == kWord && d.lw(next+1) == "by" {
		// `"..." analysts polled by Reuters said`: past the agent.
		if _, after := d.phraseForward(ac, next+2); after > next+2 {
			next = after
		}
	}
	for next < len(d.toks) && d.toks[next].kind == kWord && auxiliaries[d.lw(next)] && next-p.e < 4 {
		next++
	}
	end, ok := d.cueAt(next, false)
	if !ok || d.endsSentence(q) && d.clauseAfter(end) {
		// `"...timing." McCrory said it would be "improper"`: the
		// quote ended its sentence and the cue opens another.
		return attr{}, false
	}
	return attr{how: byAfter, cueS: next, cueE: end, np: p, adjacent: true}, true
}

// ofWords join a speaker's description to the name of whom it speaks for
// ("a spokesman for Dell", "an analyst at Barclays").
var ofWords = setOf("for", "of", "at", "from", "with")

// quotedAs reads `quoted NAME as saying` at token i and returns NAME.
func (d *doc) quotedAs(ac *actors, i int) (np, bool) {
	if i+1 >= len(d.toks) || d.toks[i].kind != kWord || d.lw(i) != "quoted" {
		return np{}, false
	}
	p, next := d.phraseForward(ac, i+1)
	if p.kind != npName || next+1 >= len(d.toks) || d.toks[next].kind != kWord || d.lw(next) != "as" ||
		d.toks[next+1].kind != kWord || !cueForms[d.lw(next+1)] {
		return np{}, false
	}
	return p, true
}

// clauseAfter reports whether the speech verb ending before token i takes
// a clause or a quote of its own: "said it would", "said that", "said
// Friday that", `said "...`.
func (d *doc) clauseAfter(i int) bool {
	for k := i; k < len(d.toks) && k-i < 30; k++ {
		t := d.toks[k]
		switch t.kind {
		case kPara:
			return false
		case kOpen, kMark:
			if d.titleAt(k) {
				continue // `remarked, alluding to "The Revenant."`
			}
			return true
		case kPunct:
			switch d.text[t.s] {
			case '.', '!', '?', ';':
				return false
			}
		case kWord:
			w := d.lw(k)
			if k-i <= 2 && (w == "that" || k == i && (pronounGender[w] != 0 || w == "we" || w == "i" || w == "there" || determiners[w] && w != "that")) {
				return true
			}
		}
	}
	return false
}

// titleAt reports whether the quotation mark at token k opens a short
// quoted title or name rather than a quotation.
func (d *doc) titleAt(k int) bool {
	for _, q := range d.quotes {
		if q.open == k {
			return q.words <= 4 && d.titleLike(q)
		}
	}
	return false
}

// phraseForward reads the noun phrase that starts at token i and returns
// it with the token after it.
func (d *doc) phraseForward(ac *actors, i int) (np, int) {
	t := d.toks[i]
	if t.kind != kWord {
		return np{}, i
	}
	w := d.lw(i)
	if g, ok := pronounGender[w]; ok && g != 0 && w != "him" && w != "her" {
		return np{kind: npPronoun, s: i, e: i + 1, ent: -1}, i + 1
	}
	// Words up to a name or a speech verb: "former Secretary of State
	// Hillary Clinton", "the campaign's press secretary", "Mr. Clarke".
	e := i
	last := -1   // the mention ending the phrase so far
	person := -1 // a person named before "of", "at" or "from" ("Stephen Vladeck of the University of Texas")
	for e < len(d.toks) && e-i < 10 {
		tk := d.toks[e]
		if tk.kind != kWord || tk.inq {
			break
		}
		if m := ac.mentAt[e]; m >= 0 {
			mm := ac.ments[m]
			if person < 0 && ac.ents[mm.ent].typ == article.Person && mm.e < len(d.toks) && d.toks[mm.e].kind == kWord &&
				!d.toks[mm.e-1].poss && (d.lw(mm.e) == "of" || d.lw(mm.e) == "at" || d.lw(mm.e) == "from") {
				person = mm.ent
			}
			e = mm.e
			if e < len(d.toks) && d.toks[e].kind == kWord && nameSuffixes[strings.TrimSuffix(d.lw(e), ".")] && !d.toks[e-1].poss {
				e++ // "Brent Bozell III, founder of ..., tells"
			}
			if d.toks[e-1].poss {
				last = -1
			} else {
				last = mm.ent
			}
			continue
		}
		lw := d.lw(e)
		if _, ok := d.cueAt(e, false); ok && e > i {
			break
		}
		if stopWords[lw] || auxiliaries[lw] && e > i {
			break
		}
		if e > i && agentParticiple(lw) && e+1 < len(d.toks) && d.toks[e+1].kind == kWord && d.lw(e+1) == "by" {
			break // "analysts polled by Reuters": the phrase ends before the participle
		}
		if tk.cap && !d.nameWord(e) && !hasDigit(lw) && !lowerAfterHyphen(d.word(e)) {
			// A code like "L2" or "NY1" may qualify a role ("L2
			// president Bruce Willsie"), and so may "Florida-based".
			break
		}
		last = -1
		e++
	}
	if e == i {
		return np{}, i
	}
	if last >= 0 && person >= 0 && ac.ents[last].typ != article.Person {
		last = person // the person, not their employer
	}
	switch {
	case last >= 0:
		return np{kind: npName, s: i, e: e, ent: last}, e
	case d.toks[e-1].cap:
		return np{kind: npName, s: i, e: e, ent: -1}, e
	case determiners[w] || d.toks[i].poss || ac.mentAt[i] >= 0:
		return np{kind: npDesc, s: i, e: e, ent: -1}, e
	case strings.HasSuffix(d.lw(e-1), "s") && e-i <= 3:
		return np{kind: npDesc, s: i, e: e, ent: -1}, e
	}
	return np{}, i
}

// skipAside skips an appositive or a parenthesis starting at token i
// (", the campaign's press secretary," or "(D-Wis.)") and returns the token
// after it, or i when there is none.
func (d *doc) skipAside(i int) int {
	for hops := 0; hops < 2 && i < len(d.toks) && d.toks[i].kind == kPunct; hops++ {
		c := d.text[d.toks[i].s:d.toks[i].e]
		closer := ""
		switch c {
		case ",":
			closer = ","
		case "(":
			closer = ")"
		default:
			return i
		}
		k := i + 1
		for k < len(d.toks) && k-i < 25 && d.toks[k].kind != kPara && d.toks[k].kind != kOpen && d.toks[k].kind != kMark {
			if d.text[d.toks[k].s:d.toks[k].e] == closer {
				break
			}
			if d.toks[k].kind == kPunct && (d.text[d.toks[k].s] == '.' || d.text[d.toks[k].s] == ';') &&
				!(k+1 < len(d.toks) && d.text[d.toks[k+1].s:d.toks[k+1].e] == closer) {
				return i
			}
			k++
		}
		if k >= len(d.toks) || k-i >= 25 || d.text[d.toks[k].s:d.toks[k].e] != closer {
			return i
		}
		i = k + 1
		if closer == ")" && i < len(d.toks) && d.text[d.toks[i].s:d.toks[i].e] == "," {
			continue
		}
	}
	return i
}

// lineBreakBefore reports whether a line break stands between token i and
// the token before it: in a list of quotes each signed on its own line, the
// name after the dash ends there.
func (d *doc) lineBreakBefore(i int) bool {
	return i > 0 && strings.IndexByte(d.text[d.toks[i-1].e:d.toks[i].s], '\n') >= 0
}

func isDash(s string) bool {
	switch s {
	case "—", "–", "-", "―":
		return true
	}
	return false
}

func isDashOrComma(s string) bool {
	switch s {
	case ",", "—", "–", "-", "(", "―":
		return true
	}
	return false
}

// beforeCue finds a cue before quote q in the same sentence:
// `X said: "...`, `X called it "..."`, `according to X, "...`.
func (d *doc) beforeCue(ac *actors, q span) (attr, bool) {
	lo := q.open - 1
	for lo >= 0 && q.open-lo < 45 {
		t := d.toks[lo]
		if t.kind == kPara || t.kind == kClose || t.kind == kMark || t.kind == kOpen {
			break
		}
		if t.kind == kPunct {
			c := d.text[t.s]
			if c == '.' || c == '!' || c == '?' || c == ';' {
				break
			}
		}
		lo--
	}
	lo++
	// "pollster Daron Shaw: "..."": a name and a colon before the quote.
	k := q.open - 1
	n := k - 1 // the name's last token
	if n > 0 && k >= 0 && d.isP(k, ':') && d.isP(n, ')') {
		// "Rep. Trey Gowdy (R-S.C.):"...": past a parenthesis, whose
		// abbreviations may end in a full stop.
		for j := n - 1; j > 0 && n-j < 8 && d.toks[j].kind != kPara; j-- {
			if d.isP(j, '(') {
				n = j - 1
				break
			}
		}
	}
	if n >= 0 && n >= lo-8 && d.isP(k, ':') && ac.mentAt[n] >= 0 && ac.ments[ac.mentAt[n]].e == n+1 {
		m := ac.ments[ac.mentAt[n]]
		// Not an object: "told the BBC:" names the addressee, "adding
		// in a PS:" no one; "secretary of state Hillary Clinton:" is
		// no cue.
		_, cue := d.cueAt(m.s-1, true)
		obj := m.s > lo && d.toks[m.s-1].kind == kWord && (prepositions[d.lw(m.s-1)] || determiners[d.lw(m.s-1)] ||
			stopWords[d.lw(m.s-1)] || tellForms[d.lw(m.s-1)] || cue)
		if e := ac.ents[m.ent]; !obj && (e.typ != "" || m.e-m.ns == 1 && d.toks[m.ns].upper) {
			p := np{kind: npName, s: m.s, e: m.e, ent: m.ent}
			return attr{how: byBefore, cueS: k, cueE: k + 1, np: p, adjacent: true}, true
		}
	}
	for v := q.open - 1; v >= lo; v-- {
		end, ok := d.cueAt(v, true)
		if !ok {
			continue
		}
		if v > lo && d.isP(v-1, ',') && !strings.HasSuffix(d.lw(v), "ing") && d.subjectBefore(ac, v, lo).kind == npNone {
			// `Because of the calendar, explained Rosenberg, "..."`:
			// inverted after a comma, the name right before the quote.
			if p, next := d.phraseForward(ac, end); p.kind == npName && next+1 == q.open && (d.isP(next, ',') || d.isP(next, ':')) {
				return attr{how: byBefore, cueS: v, cueE: end, np: p, adjacent: true}, true
			}
		}
		var p np
		if d.lw(v) == "according" {
			p = d.subjectAfter(ac, end)
		} else if v == lo && !strings.HasSuffix(d.lw(v), "ing") {
			// "Stated Stone: "...", "Added the senator, "...".
			var next int
			p, next = d.phraseForward(ac, end)
			if p.kind == npPronoun || next >= q.open || !(d.isP(next, ':') || d.isP(next, ',')) {
				continue
			}
		} else {
			p = d.subjectBefore(ac, v, lo)
			if strings.HasSuffix(d.lw(v), "ing") && !(p.e == v && (p.kind == npPronoun || p.kind == npName && p.ent >= 0 && ac.ents[p.ent].typ == article.Person)) {
				// A participle speaks for its clause's subject:
				// "Trump went after Bush, calling him "...",
				// "Lee issued a statement saying "...". Only a
				// person right before it speaks for itself
				// ("with Trump saying").
				if s := d.cueSubject(ac, lo, v); s.kind != npNone {
					p = s // "Nefzi said, adding "..."
				} else if s := d.mainSubject(ac, lo, v); s.kind != npNone {
					p = s
				} else if lo2 := d.sentenceFrom(lo); lo2 < lo {
					// Past a partial quote of the same sentence: "Tory
					// leader Michael Howard sent Mr Bush his "warmest
					// congratulations", saying: "...".
					for k := lo2; k < v; k++ {
						if m := ac.mentAt[k]; m >= 0 && ac.ments[m].s == k && ac.ments[m].e < v && ac.subjectName(ac.ments[m]) &&
							ac.ents[ac.ments[m].ent].typ == article.Person {
							p = np{kind: npName, s: k, e: ac.ments[m].e, ent: ac.ments[m].ent}
							break
						}
					}
				}
			}
		}
		if p.kind == npNone {
			continue
		}
		if o, ok := d.outerSpeaker(ac, q, v, p, lo); ok {
			return o, true
		}
		adj := true
		for k := end; k < q.open; k++ {
			t := d.toks[k]
			if t.kind == kWord && k-end > 3 {
				adj = false
			}
		}
		return attr{how: byBefore, cueS: v, cueE: end, np: p, adjacent: adj}, true
	}
	return attr{}, false
}

// outerSpeaker finds the reporter of a clause that holds a partial quote:
// in `Clinton says rival Sanders accepted $200,000 and "there's nothing
// wrong with that"` and `Meeks said Clinton reassured them that Democrats
// "were not going to be like Trump"` the quoted words are the outer
// speaker's, reported in a clause about someone else. It applies when the
// quote runs on in the sentence (no colon or comma opens it), the inner
// cue v is no naming verb ("Paul said Rubio called it "..."" keeps
// Rubio's words) nor a reporting verb itself, and a reporting verb with a subject of its own stands
// before the inner subject p in the sentence.
func (d *doc) outerSpeaker(ac *actors, q span, v int, p np, lo int) (attr, bool) {
	if q.open > 0 && (d.isP(q.open-1, ':') || d.isP(q.open-1, ',')) || weakCues[d.lw(v)] || reportVerbs[d.lw(v)] {
		return attr{}, false
	}
	for c := p.s - 1; c >= lo; c-- {
		if d.toks[c].kind != kWord || !reportVerbs[d.lw(c)] {
			continue
		}
		end, ok := d.cueAt(c, false)
		if !ok || end > p.s {
			continue
		}
		o := d.subjectBefore(ac, c, lo)
		if o.kind == npNone || o.kind == p.kind && o.ent >= 0 && o.ent == p.ent {
			return attr{}, false
		}
		return attr{how: byBefore, cueS: c, cueE: end, np: o}, true
	}
	return attr{}, false
}

// reportVerbs report what someone said in a clause after them.
var reportVerbs = setOf("said", "says", "say", "told", "tells", "suggested", "suggests", "asserted", "asserts",
	"argued", "argues", "claimed", "claims", "insisted", "insists", "noted", "notes", "added", "adds",
	"explained", "explains", "contended", "contends", "wrote", "writes", "stated", "states",
	"acknowledged", "acknowledges", "charged", "charges", "complained", "complains")

// sentenceBetween reports whether a sentence ends between tokens a and b.
func (d *doc) sentenceBetween(a, b int) bool {
	for k := a; k < b && k < len(d.toks); k++ {
		t := d.toks[k]
		if t.kind == kPara {
			return true
		}
		if t.kind == kPunct && !t.inq {
			if c := d.text[t.s]; c == '.' || c == '!' || c == '?' || c == ';' {
				return true
			}
		}
	}
	return false
}

// sentenceFrom returns the first token of the sentence holding token lo,
// reading through quotation marks (a partial quote does not end it).
func (d *doc) sentenceFrom(lo int) int {
	k := lo - 1
	for ; k >= 0 && lo-k < 60; k-- {
		t := d.toks[k]
		if t.kind == kPara {
			break
		}
		if t.kind == kPunct && !t.inq {
			if c := d.text[t.s]; c == '.' || c == '!' || c == '?' || c == ';' {
				break
			}
		}
		if (t.kind == kClose || t.kind == kMark) && k > 0 && d.toks[k-1].kind == kPunct {
			if c := d.text[d.toks[k-1].s]; c == '.' || c == '!' || c == '?' {
				break // `boasted, "That makes me smart." Trump was`
			}
		}
	}
	return k + 1
}

// mainSubject returns the subject of the clause that holds token v, no
// further back than lo: the phrase opening the sentence, or a person,
// organisation or pronoun opening a clause after a comma ("At the rally,
// Sanders said"), when a verb follows it.
func (d *doc) mainSubject(ac *actors, lo, v int) np {
	for k := lo; k < v; k++ {
		if !d.clauseStart(k) || d.toks[k].kind != kWord {
			continue
		}
		w := d.lw(k)
		if g, ok := pronounGender[w]; ok && g != 'o' && w != "him" && w != "her" && d.verbAt(k+1) {
			return np{kind: npPronoun, s: k, e: k + 1, ent: -1}
		}
		n := k
		if w == "the" && k+1 < v {
			n = k + 1 // "The Dockers' Union issued"
		}
		if m := ac.mentAt[n]; m >= 0 && ac.ments[m].s == n {
			mm := ac.ments[m]
			if (ac.ents[mm.ent].typ != "" || k == lo) && mm.e < v && !d.toks[mm.e-1].poss && d.verbAt(d.skipAside(mm.e)) {
				return np{kind: npName, s: mm.s, e: mm.e, ent: mm.ent}
			}
			// "Rubio's campaign sent out a statement".
			if h := mm.e; d.toks[h-1].poss && h+1 < v && d.toks[h].kind == kWord && (orgNouns[d.lw(h)] || roleNouns[d.lw(h)]) && d.verbAt(h+1) {
				return np{kind: npDesc, s: mm.s, e: h + 1, ent: -1}
			}
		}
		if k == lo && w == "the" {
			// "The Vermont senator emailed supporters": a role
			// noun heading a short phrase, a verb after it.
			for j := k + 1; j < v && j <= k+5; j++ {
				if d.toks[j].kind != kWord || stopWords[d.lw(j)] {
					break
				}
				h := d.lwBase(j)
				if (roleNouns[h] || orgNouns[h] || mediaNouns[h]) && !d.toks[j].poss && d.verbAt(j+1) && !roleNouns[d.lw(j+1)] {
					return np{kind: npDesc, s: k, e: j + 1, ent: -1}
				}
			}
		}
	}
	return np{}
}

// cueSubject returns the subject of the nearest speech verb before token v
// and after lo that is no participle itself ("Nefzi said, adding").
func (d *doc) cueSubject(ac *actors, lo, v int) np {
	for c := v - 1; c >= lo; c-- {
		end, ok := d.cueAt(c, false)
		if w := d.lw(c); !ok || !(strings.HasSuffix(w, "ed") || w == "said" || w == "says" || w == "told" || w == "wrote") {
			continue // "posted a comment, saying": a noun
		}
		if p := d.subjectBefore(ac, c, lo); p.kind != npNone {
			return p
		}
		if c > lo && (d.isP(c-1, ',') || d.toks[c-1].kind == kClose || d.toks[c-1].kind == kMark) {
			// `", said Nefzi, adding`: inverted after a quote.
			if p := d.subjectAfter(ac, end); p.kind == npName || p.kind == npPronoun {
				return p
			}
		}
	}
	return np{}
}

// verbAt reports whether token i can open a predicate: a lower-case word
// that is no function word, or an auxiliary.
func (d *doc) verbAt(i int) bool {
	if i >= len(d.toks) || d.toks[i].kind != kWord || d.toks[i].cap || d.toks[i].inq {
		return false
	}
	w := d.lw(i)
	return auxiliaries[w] || !stopWords[w] && !determiners[w] && !prepositions[w]
}

// afterQuote reports whether token i follows a closing quotation mark, a
// comma between them or not.
func (d *doc) afterQuote(i int) bool {
	if i > 0 && d.isP(i-1, ',') {
		i--
	}
	// An opening mark there closes a quote: `"It was coming,“ said`.
	return i > 0 && (d.toks[i-1].kind == kClose || d.toks[i-1].kind == kMark || d.toks[i-1].kind == kOpen)
}

// endCue finds a cue that ends the sentence of quote q further on: `A
// cashier who "steals a handful of bills" is held to account, Warren
// said.` It is less sure than a cue next to the quote.
func (d *doc) endCue(ac *actors, q span) (attr, bool) {
	if q.unclosed || d.endsSentence(q) {
		return attr{}, false
	}
	comma := -1
	var commas []int
	for k := q.close + 1; k < len(d.toks) && k-q.close < 40; k++ {
		t := d.toks[k]
		if t.kind == kPara || t.kind == kOpen || t.kind == kMark || t.kind == kClose {
			return attr{}, false
		}
		if t.kind != kPunct {
			continue
		}
		switch d.text[t.s] {
		case ',':
			comma = k
			commas = append(commas, k)
			continue
		case '.', '!', '?':
		default:
			continue
		}
		// `"...," if she lost, said David Wasserman, an analyst.`:
		// the cue's clause ends at an appositive's comma.
		for _, c := range commas {
			if c == comma {
				break
			}
			if end, ok := d.cueAt(c+1, false); ok && pastCue(d.lw(c+1)) {
				if p, next := d.phraseForward(ac, end); p.kind == npName && d.isP(next, ',') {
					return attr{how: byBefore, cueS: c + 1, cueE: end, np: p}, true
				}
			}
		}
		// The sentence ends at k: is the clause after the last comma
		// "Warren said" or "said Warren"?
		if comma < 0 || k-comma > 10 {
			return attr{}, false
		}
		c := comma + 1
		if end, ok := d.cueAt(c, false); ok {
			if p, next := d.phraseForward(ac, end); p.kind == npName && next == k {
				return attr{how: byBefore, cueS: c, cueE: end, np: p}, true
			}
			return attr{}, false
		}
		p, next := d.phraseForward(ac, c)
		if p.kind != npName && p.kind != npPronoun {
			return attr{}, false
		}
		for next < k && auxiliaries[d.lw(next)] {
			next++
		}
		if end, ok := d.cueAt(next, false); ok && end == k {
			return attr{how: byBefore, cueS: next, cueE: end, np: p}, true
		}
		return attr{}, false
	}
	return attr{}, false
}

// paraSubject returns the subject nearest before token before in paragraph
// want: a person named, or a pronoun, opening a clause with a verb after it
// ("Valastro praised Christie's leadership"), with the verb's token: a
// person named later in the clause is an object, not the speaker. When no
// clause opens so, the nearest person named before a lower-case word.
func (d *doc) paraSubject(ac *actors, para []int32, want, before int) (np, int) {
	for k := before - 1; k >= 0 && int(para[k]) >= want; k-- {
		t := d.toks[k]
		if int(para[k]) != want || t.kind != kWord || t.inq || !d.clauseStart(k) {
			continue
		}
		if w := d.lw(k); (w == "he" || w == "she") && d.verbAt(k+1) {
			return np{kind: npPronoun, s: k, e: k + 1, ent: -1}, k + 1
		}
		m := ac.mentAt[k]
		if m < 0 || ac.ments[m].s != k {
			continue
		}
		mm := ac.ments[m]
		next := d.skipAside(mm.e)
		if ac.ents[mm.ent].typ == article.Person && !d.toks[mm.e-1].poss && d.verbAt(next) {
			return np{kind: npName, s: mm.s, e: mm.e, ent: mm.ent}, next
		}
	}
	// No clause opens with one: the nearest person named before a
	// lower-case word.
	for k := len(ac.ments) - 1; k >= 0; k-- {
		m := ac.ments[k]
		if m.s >= before || m.inq || int(para[m.s]) > want {
			continue
		}
		if int(para[m.s]) != want {
			break
		}
		next := d.skipAside(m.e)
		if e := ac.ents[m.ent]; e.typ == article.Person && next < len(d.toks) && d.toks[next].kind == kWord && !d.toks[next].cap {
			return np{kind: npName, s: m.s, e: m.e, ent: m.ent}, next
		}
	}
	return np{}, 0
}

// paraCue is a speech verb with its subject found outside quotes.
type paraCue struct {
	para int
	tok  int
	a    attr
}

// attribute finds and attributes the quotes of d, using ac to name speakers.
func (d *doc) attribute(ac *actors) []article.Quote {
	if len(d.quotes) == 0 {
		return nil
	}
	ac.findRefs(d)
	para := make([]int32, len(d.toks)+1)
	p := int32(0)
	for i, t := range d.toks {
		if t.kind == kPara {
			p++
		}
		para[i] = p
	}
	para[len(d.toks)] = p
	// Cues outside quotes, for paragraphs whose quotes have none.
	var cues []paraCue
	for i, t := range d.toks {
		if t.kind != kWord || t.inq {
			continue
		}
		end, ok := d.cueAt(i, false)
		if !ok {
			continue
		}
		lo := i - 24
		if lo < 0 {
			lo = 0
		}
		for k := i - 1; k >= lo; k-- {
			if d.toks[k].kind != kWord && !(d.toks[k].kind == kPunct && d.text[d.toks[k].s] == ',') {
				lo = k + 1
				break
			}
		}
		np := d.subjectBefore(ac, i, lo)
		if np.kind == npNone && pastCue(d.lw(i)) && d.afterQuote(i) {
			// `"...," said Larry Noble, a lawyer.`: inverted.
			if p := d.subjectAfter(ac, end); p.kind == npName || p.kind == npDesc {
				np = p
			}
		}
		if np.kind == npNone {
			continue
		}
		cues = append(cues, paraCue{para: int(para[i]), tok: i, a: attr{cueS: i, cueE: end, np: np}})
	}

	attrs := make([]attr, len(d.quotes))
	keep := make([]bool, len(d.quotes))
	for qi, q := range d.quotes {
		if q.answer {
			attrs[qi] = d.interviewee(ac, q)
			continue
		}
		a, ok := d.afterCue(ac, q)
		if ok && d.text[q.e-1] == '.' && q.open > 0 && (d.isP(q.open-1, ':') || d.isP(q.open-1, ',')) {
			// `Ms Brankin said: "... this." Ms Sturgeon has written
			// to ...`: a quote closed on a full stop ended its
			// sentence, and the cue introducing it wins.
			if b, okb := d.beforeCue(ac, q); okb && b.adjacent {
				a = b
			}
		}
		if !ok {
			a, ok = d.beforeCue(ac, q)
		}
		if !ok {
			a, ok = d.endCue(ac, q)
		}
		if ok {
			ac.resolve(d, &a, q.open)
			if a.fromPron && a.ent >= 0 && d.quoteNames(ac, q, a.ent) {
				// `"I think Sean's situation is ...," he said`: who
				// is spoken of in the third person is not the
				// speaker; the pronoun stands for the next one.
				ac.resolveExcluding(d, &a, q.open, a.ent)
			}
		}
		attrs[qi] = a
	}
	d.shareRunOn(attrs)
	d.shareSentence(attrs)
	for qi, q := range d.quotes {
		a := attrs[qi]
		keep[qi] = d.isQuotation(q, a)
		if q.answer {
			keep[qi] = a.how != byNone
		}
	}
	// Quotes with no cue of their own take one from the paragraph, then
	// from the paragraph before.
	lastPara := -1
	var last attr // the last attribution of the paragraph before
	var cur attr  // the last attribution of this paragraph so far
	ci := 0
	for qi, q := range d.quotes {
		qp := int(para[q.open])
		if qp != lastPara {
			// Roll the paragraphs in between.
			if cur.how != byNone && lastPara == qp-1 {
				last = cur
			} else {
				last = attr{}
			}
			cur = attr{}
			for ci < len(cues) && cues[ci].para < qp {
				if cues[ci].para == qp-1 {
					c := cues[ci].a
					c.how = byParagraph
					ac.resolve(d, &c, cues[ci].tok)
					if lastPara != qp-1 || last.how == byNone {
						last = c
					}
				}
				ci++
			}
			lastPara = qp
		}
		a := attrs[qi]
		if a.how == byNone && keep[qi] {
			// The nearest attribution before it in the paragraph:
			// another quote's, or a speech verb's outside quotes
			// (`Mr Armes warned that ... "A."`); for a quote opening
			// its paragraph, the speaker carried over; last, a later
			// quote's of the paragraph.
			prevQ, lastCue := -1, -1
			for qj := qi - 1; qj >= 0 && int(para[d.quotes[qj].open]) == qp; qj-- {
				if attrs[qj].how == byAfter || attrs[qj].how == byBefore {
					prevQ = qj
					break
				}
			}
			for k := ci; k < len(cues) && cues[k].para == qp; k++ {
				if cues[k].tok < q.open {
					lastCue = k
				}
			}
			if lastCue >= 0 && (prevQ < 0 || cues[lastCue].tok > d.quotes[prevQ].close && cues[lastCue].tok >= attrs[prevQ].cueE &&
				cues[lastCue].a.np.kind == npName && cues[lastCue].a.np.ent >= 0 && pastCue(d.lw(cues[lastCue].tok)) &&
				d.sentenceBetween(attrs[prevQ].cueE, cues[lastCue].a.np.s)) {
				// A cue in a clause of the previous quote's own
				// sentence (`"A," Trump assured Jones, after Jones
				// assured Trump that ...`) does not take the next.
				c := cues[lastCue].a
				c.how = byParagraph
				ac.resolve(d, &c, cues[lastCue].tok)
				c.conf *= 0.8
				a = c
			} else if prevQ >= 0 {
				a = attrs[prevQ]
				a.how, a.conf, a.src = byParagraph, a.conf*0.9, prevQ+1
			}
			if a.how == byNone && last.how != byNone && d.paraStart(q.open) {
				a = last
				a.how, a.conf = byCarry, last.conf*0.75
			}
			if a.how == byNone {
				for qj := qi + 1; qj < len(d.quotes) && int(para[d.quotes[qj].open]) == qp; qj++ {
					if attrs[qj].how == byAfter || attrs[qj].how == byBefore {
						a = attrs[qj]
						a.how, a.conf = byParagraph, a.conf*0.85
						break
					}
				}
			}
			if a.how == byNone && (!d.paraStart(q.open) || last.how == byNone) {
				// The subject of the paragraph, or of the one
				// before when the quote opens its own: a person
				// named outside quotes, before a verb.
				want := qp
				if d.paraStart(q.open) {
					want = qp - 1
				}
				if p, next := d.paraSubject(ac, para, want, q.open); p.kind != npNone {
					a = attr{how: byParagraph, cueS: next, cueE: next + 1, np: p}
					ac.resolve(d, &a, p.s)
					a.conf = 0.5
				}
			}
			if a.how == byNone && last.how != byNone && d.paraStart(q.open) {
				a = last
				a.how, a.conf = byCarry, last.conf*0.75
			}
			attrs[qi] = a
		}
		if a.how != byNone && a.speaker != "" {
			cur = a
		}
	}

	d.shareRunOn(attrs)
	var out []article.Quote
	var offs []int
	group := 0
	for qi := 0; qi < len(d.quotes); qi++ {
		a := attrs[qi]
		// The parts of one quotation: `"A," he said, "B."` and `"A,"
		// he said. "B."` (the second part has no cue of its own), and
		// the parts of a quote that ran on over merged paragraphs.
		last := qi
		kept, words := keep[qi], d.quotes[qi].words
		for last+1 < len(d.quotes) && d.sameQuotation(attrs, keep, para, last) {
			last++
			kept, words = kept || keep[last], words+d.quotes[last].words
		}
		if !kept && !(words >= 3 && a.how == byAfter && last > qi) {
			qi = last
			continue
		}
		g := 0
		if last > qi {
			group++
			g = group
		}
		conf := a.conf
		if a.how == byNone {
			conf = 0.3
		}
		cue := d.cueText(a, d.quotes[qi])
		if cue == "" && a.speaker == "" && a.desc == "" && conf > 0.3 {
			// No speech verb and nobody named: a guess.
			conf = 0.3
		}
		// A speaker the article does not name is its description,
		// marked unnamed.
		speaker, named, desc := a.speaker, a.speaker != "", oneSpace(a.desc)
		if !named {
			speaker = desc
		}
		for k := qi; k <= last; k++ {
			q := d.quotes[k]
			c := conf
			if q.unclosed && !q.runOn {
				c *= 0.7
			}
			out = append(out, article.Quote{
				Text: d.text[q.s:q.e], Speaker: speaker, SpeakerNamed: named, SpeakerTitle: oneSpace(a.title),
				SpeakerDescription: desc, Cue: oneSpace(cue), Confidence: round2(c), Group: g,
			})
			offs = append(offs, q.s, q.e)
		}
		qi = last
	}
	r := runeOffsets(d.text, offs)
	for k := range out {
		out[k].Start, out[k].End = r[2*k], r[2*k+1]
	}
	return out
}

// sameQuotation reports whether quote qi+1 goes on the quotation of quote
// qi: qi ran on into it over merged paragraphs, or it is the second part of
// a quotation cut by qi's cue, with nothing but the cue's clause between.
func (d *doc) sameQuotation(attrs []attr, keep []bool, para []int32, qi int) bool {
	q, n := d.quotes[qi], d.quotes[qi+1]
	if q.runOn {
		return n.open == q.close
	}
	a, b := attrs[qi], attrs[qi+1]
	if q.unclosed || para[n.open] != para[q.open] || a.how != byAfter || d.titleLike(n) || q.words > 1 && d.titleLike(q) ||
		!(b.how == byBefore && b.cueS == a.cueS || b.how == byParagraph && b.src == qi+1 && keep[qi+1]) {
		return false
	}
	// Between the parts, the cue's clause and little more: `"A," he
	// said on Friday, "B."`, `"A," said Ana Ruiz, a lawyer. "B."`.
	e := max(a.cueE, a.np.e)
	if e <= q.close || e > n.open {
		return false
	}
	e = d.skipAside(e)
	words := 0
	for k := q.close + 1; k < n.open; k++ {
		t := d.toks[k]
		if t.kind != kWord && t.kind != kPunct || k < n.open-1 && (d.isP(k, '.') || d.isP(k, '!') || d.isP(k, '?')) {
			return false // another sentence stands between
		}
		if k >= e && t.kind == kWord {
			words++
		}
	}
	return words <= 5
}

// interviewee attributes answer q of an interview to the first person
// named outside quotes before the first question; with no one named, it
// is unattributed.
func (d *doc) interviewee(ac *actors, q span) attr {
	first := len(d.toks)
	for _, o := range d.quotes {
		if o.answer {
			first = o.open - 1 // the "Q" of the first question is before it
			break
		}
	}
	for _, m := range ac.ments {
		if m.s >= first {
			break
		}
		if e := ac.ents[m.ent]; !m.inq && (e.typ == article.Person || e.typ == "" && e.nwords >= 2) {
			a := attr{how: byParagraph, cueS: q.open - 1, cueE: q.open + 1, np: np{kind: npName, s: m.s, e: m.e, ent: m.ent}}
			if d.toks[q.open].kind == kWord {
				a.cueS, a.cueE = q.open, q.open+1 // "A."
			}
			ac.resolve(d, &a, m.s)
			a.conf = 0.7
			return a
		}
	}
	return attr{}
}

// shareSentence gives a quote with no cue of its own the attribution of
// the quote ahead of it in the same sentence, whose cue stands before both:
// `Ortiz said the plans were "inadequate" and "badly costed"`; a speech
// verb between the two is the nearer cue (`called it "..." and said
// "..."`).
func (d *doc) shareSentence(attrs []attr) {
	for qi := 1; qi < len(d.quotes); qi++ {
		if attrs[qi].how != byNone || attrs[qi-1].how != byBefore || d.endsSentence(d.quotes[qi-1]) {
			continue
		}
		same := true
		for k := d.quotes[qi-1].close + 1; k < d.quotes[qi].open && same; k++ {
			t := d.toks[k]
			same = t.kind == kWord || t.kind == kPunct && !d.isP(k, '.') && !d.isP(k, '!') && !d.isP(k, '?') && !d.isP(k, ';')
		}
		if !same {
			continue
		}
		attrs[qi] = attrs[qi-1]
		attrs[qi].adjacent = false
		for k := d.quotes[qi-1].close + 1; k < d.quotes[qi].open; k++ {
			if end, ok := d.cueAt(k, true); ok {
				// `... and said the government had "...`: the
				// nearer verb of the same speaker.
				attrs[qi].cueS, attrs[qi].cueE = k, end
			}
		}
	}
}

// shareRunOn gives the parts of a quote that ran on over merged paragraphs
// (`"A. "B," she said.`) the attribution of the first part that has one of
// its own: they are one speaker's words.
func (d *doc) shareRunOn(attrs []attr) {
	for s := 0; s < len(d.quotes); {
		e := s
		for e+1 < len(d.quotes) && d.quotes[e].runOn {
			e++
		}
		from := -1
		for k := s; k <= e && from < 0; k++ {
			if attrs[k].how != byNone {
				from = k
			}
		}
		for k := s; k <= e && from >= 0; k++ {
			if attrs[k].how == byNone {
				attrs[k] = attrs[from]
			}
		}
		s = e + 1
	}
}

func round2(f float64) float64 {
	if f > 1 {
		f = 1
	}
	return float64(int(f*100+0.5)) / 100
}

// quoteNames reports whether quote q names entity ei inside its marks, by
// a mention or by a word of the name ("Wes has a great career ahead of
// him," of Wes Butters).
func (d *doc) quoteNames(ac *actors, q span, ei int) bool {
	for _, m := range ac.ments {
		if m.s > q.open && m.s < q.close && m.ent == ei && m.inq {
			return true
		}
	}
	name := ac.ents[ei].name
	for k := q.open + 1; k < q.close && k < len(d.toks); k++ {
		if t := d.toks[k]; t.kind == kWord && t.cap && t.e-t.s > 2 && !notNames[d.lwBase(k)] {
			w := trimPoss(d.word(k))
			for _, f := range strings.Fields(name) {
				if f == w {
					return true
				}
			}
		}
	}
	return false
}

// resolveExcluding resolves the pronoun of a again, leaving entity ei out.
func (ac *actors) resolveExcluding(d *doc, a *attr, pos, ei int) {
	if a.np.s < pos {
		pos = a.np.s
	}
	e := ac.antecedentDepth(d.lw(a.np.s), pos, 0, ei)
	if e < 0 {
		a.ent, a.speaker, a.title, a.resolved, a.conf = -1, "", "", false, 0.5
		return
	}
	a.ent, a.speaker, a.title, a.resolved = e, ac.ents[e].name, ac.ents[e].title, true
	a.conf -= 0.1
}

// aliasAfter returns the mention of the name a speaker is also known by,
// right after the name ending at token e (", also known as Jason King",
// ", aka Jason King"), or -1.
func (d *doc) aliasAfter(ac *actors, e int) int {
	k := e
	if k+1 >= len(d.toks) || !d.isP(k, ',') {
		return -1
	}
	k++
	if d.toks[k].kind == kWord && d.lw(k) == "also" {
		k++
	}
	switch {
	case k < len(d.toks) && d.toks[k].kind == kWord && d.lw(k) == "aka":
		k++
	case k+1 < len(d.toks) && d.toks[k].kind == kWord && d.lw(k) == "known" && d.lw(k+1) == "as":
		k += 2
	default:
		return -1
	}
	if k < len(d.toks) && ac.mentAt[k] >= 0 && ac.ments[ac.mentAt[k]].s == k {
		return int(ac.mentAt[k])
	}
	return -1
}

// resolve names the speaker of a: an entity when the phrase can be resolved
// to one, else the phrase as written. pos is where the phrase stands.
func (ac *actors) resolve(d *doc, a *attr, pos int) {
	p := a.np
	a.ent = -1
	base := 0.92
	if a.how == byBefore {
		base = 0.88
		if !a.adjacent {
			base = 0.75
		}
	}
	text := d.text[d.toks[p.s].s:d.toks[p.e-1].e]
	switch p.kind {
	case npName:
		if p.ent >= 0 {
			a.ent = p.ent
		}
		if m := d.aliasAfter(ac, p.e); m >= 0 {
			p = np{kind: npName, s: ac.ments[m].s, e: ac.ments[m].e, ent: ac.ments[m].ent}
			a.ent = p.ent // "JK, also known as Jason King"
		}
	case npPronoun:
		if p.s < pos {
			pos = p.s // `he said Obama "...`: before the pronoun
		}
		a.ent = ac.antecedent(d.lw(p.s), pos)
		base -= 0.04
		a.fromPron = true
	case npDesc:
		if a.ent = ac.namedInDesc(d, p); a.ent < 0 {
			a.ent = ac.describe(d, p, pos)
		}
		base -= 0.06
	}
	if a.ent >= 0 {
		e := ac.ents[a.ent]
		a.speaker, a.resolved = e.name, true
		if e.typ == "" {
			e.typ, e.listed = article.Person, true
		}
		a.title = e.title
		if p.kind == npName {
			if m := ac.mentAt[p.e-1]; m >= 0 && ac.ments[m].ns > ac.ments[m].s {
				mm := ac.ments[m]
				ts := mm.s
				for ts-3 >= 0 && d.toks[ts-1].kind == kWord && d.lw(ts-1) == "the" && d.toks[ts-2].kind == kWord && d.lw(ts-2) == "of" &&
					d.toks[ts-3].kind == kWord && d.toks[ts-3].cap && (titleWords[d.lw(ts-3)] || roleNouns[d.lw(ts-3)]) {
					ts -= 3 // "Chancellor of the Exchequer Nigel Lawson": the whole title
				}
				a.title = d.text[d.toks[ts].s:d.toks[mm.ns-1].e]
				if plainHonorifics[strings.ToLower(a.title)] {
					a.title = e.title
				}
			}
		}
	} else if p.kind == npPronoun {
		a.speaker = ""
		base = 0.5
	} else if p.kind == npDesc && d.namedBody(ac, p) {
		// "India's commerce ministry", "the Clinton campaign": an
		// organisation named by whom it belongs to.
		a.speaker = trimPoss(text)
		if d.lw(p.s) == "the" {
			a.speaker = trimPoss(d.text[d.toks[p.s+1].s:d.toks[p.e-1].e])
		}
		base -= 0.1
	} else if p.kind == npDesc {
		// Nobody named: the description is kept apart, so the speaker
		// facet holds names only. It keeps the phrase that tells whose
		// the speaker is ("a longtime adviser to Trump").
		e := p.e
		for e-1 > p.s && (determiners[d.lw(e-1)] || tailPreps[d.lw(e-1)]) {
			e-- // "one of the "Green Group" organisers": "one"
		}
		if t := d.descTail(e); t > e {
			e = t
		}
		text = d.text[d.toks[p.s].s:d.toks[e-1].e]
		a.speaker, a.desc = "", trimPoss(text)
		base -= 0.1
	} else {
		a.speaker = oneSpace(trimPoss(text))
		if p.kind == npName {
			a.speaker = oneSpace(trimPossCase(text, d.toks[p.e-1].poss))
		}
		base -= 0.1
	}
	a.conf = base
}

// descTail returns the end of the modifier that follows a description
// ending at token e: a preposition and the noun phrase after it, "a
// spokesman [for committee Democrats]", "a person [close to the
// Clintons]", "a source [involved in the super-PAC's creation]". It stops
// at punctuation, a quotation mark, a verb-like word (a speech verb, an
// auxiliary, a form in -ed) and a relative pronoun, and gives back a
// trailing function word: "the authors of the "Growth ..."" keeps
// "the authors". e when nothing follows.
func (d *doc) descTail(e int) int {
	k := e
	if k < len(d.toks) && d.toks[k].kind == kWord && (d.lw(k) == "close" || d.lw(k) == "involved" || d.lw(k) == "familiar") {
		k++
	}
	if k >= len(d.toks) || d.toks[k].kind != kWord || d.toks[k].inq || !tailPreps[d.lw(k)] {
		return e
	}
	k++
	end := e
	for n := 0; k < len(d.toks) && n < 9; k, n = k+1, n+1 {
		t := d.toks[k]
		if t.kind != kWord || t.inq {
			break
		}
		w := d.lw(k)
		if !t.cap && (cueForms[w] || auxiliaries[w] || w == "who" || w == "which" || w == "that" || w == "whose" ||
			strings.HasSuffix(w, "ed") || stopWords[w] && !tailPreps[w] && w != "and") {
			break
		}
		if !determiners[w] && !tailPreps[w] && w != "and" {
			end = k + 1
		}
		if t.poss && k+1 < len(d.toks) && d.toks[k+1].kind != kWord {
			break
		}
	}
	return end
}

// tailPreps open the modifier of a description (descTail).
var tailPreps = setOf("to", "for", "of", "at", "with", "from", "in", "on", "by", "inside", "within", "near")

// antecedent returns the entity a pronoun at token pos stands for: the
// nearest earlier person (or, for "it", organisation) named outside quotes
// whose gender fits, or standing as a subject under a description ("The
// minister said ...") that names a person of the article.
func (ac *actors) antecedent(pron string, pos int) int {
	return ac.antecedentDepth(pron, pos, 0, -1)
}

// antecedentDepth is antecedent with the chain's depth so far and an entity
// left out (-1 for none).
func (ac *actors) antecedentDepth(pron string, pos, depth, exclude int) int {
	g := pronounGender[pron]
	if g == 'p' {
		return -1
	}
	// The nearest fitting name, a possessor ("Moore's film") only when no
	// other name fits: it is seldom the one who speaks next.
	best, bestPos, bestEnd := -1, -1, -1
	poss, possPos, possEnd := -1, -1, -1
	for k := len(ac.ments) - 1; k >= 0; k-- {
		m := ac.ments[k]
		if m.s >= pos || m.inq || m.ent == exclude || !ac.fits(m.ent, g) && !(g != 'o' && ac.subjectName(m)) {
			continue
		}
		if ac.d.toks[m.e-1].poss && g != 'o' {
			if poss < 0 {
				poss, possPos, possEnd = m.ent, m.s, m.e
			}
			continue
		}
		best, bestPos, bestEnd = m.ent, m.s, m.e
		break
	}
	if best < 0 {
		best, bestPos, bestEnd = poss, possPos, possEnd
	}
	if best < 0 && g != 'o' {
		// Nobody named before it: the person of the headline
		// ("Goldsmith: 'I was not leant on'" ... "he insisted").
		return ac.headlinePerson(g)
	}
	if best >= 0 && g != 'o' && !ac.d.subjectStart(bestPos) {
		// The nearest is an object ("Lee met Park. He said"): a
		// subject not far before it is likelier.
		for k := len(ac.ments) - 1; k >= 0; k-- {
			m := ac.ments[k]
			if m.s >= bestPos || m.inq {
				continue
			}
			if bestPos-m.s > 40 {
				break
			}
			if ac.d.clauseStart(m.s) && ac.fits(m.ent, g) && m.ent != exclude && !ac.d.toks[m.e-1].poss {
				best, bestPos = m.ent, m.s
				break
			}
		}
	}
	if best >= 0 && g != 'o' && !(ac.d.subjectStart(bestPos) && ac.d.verbAt(ac.d.skipAside(bestEnd))) && depth < 4 {
		// Still an object, and the same pronoun stands as a subject
		// before it, outside quotes ("So he is full of admiration for
		// ... Paolo Maldini. "...," he said."): it goes on the chain.
		d := ac.d
		for k := bestPos - 1; k >= 0 && bestPos-k <= 40; k-- {
			t := d.toks[k]
			if t.kind == kPara {
				break
			}
			if t.kind == kWord && !t.inq && d.lw(k) == pron && (d.clauseStart(k) || k > 0 && d.sentenceStart(k-1)) && d.verbAt(k+1) {
				if e := ac.antecedentDepth(pron, k, depth+1, exclude); e >= 0 {
					return e
				}
				break
			}
			if m := ac.mentAt[k]; m >= 0 && ac.ments[m].s == k && ac.fits(ac.ments[m].ent, g) && ac.subjectName(ac.ments[m]) {
				break // a nearer subject
			}
		}
	}
	if best >= 0 && !ac.d.clauseStart(bestPos) {
		// Still an object ("said following in the footsteps of
		// Farrell"): a description standing for a person as the
		// subject shortly before is likelier ("The 27-year-old ...").
		for k := len(ac.refs) - 1; k >= 0; k-- {
			if r := ac.refs[k]; r.pos < bestPos && bestPos-r.pos <= 40 && ac.fits(r.ent, g) && r.ent != exclude {
				return r.ent
			}
		}
	}
	if g == 'o' {
		if best < 0 {
			return ac.mainOrg() // BBC style: "it said" of the company the story is about
		}
		return best
	}
	for k := len(ac.refs) - 1; k >= 0; k-- {
		r := ac.refs[k]
		if r.pos >= pos {
			continue
		}
		if r.pos <= bestPos {
			break
		}
		if ac.fits(r.ent, g) && r.ent != exclude {
			return r.ent
		}
	}
	return best
}

// fits reports whether entity ei can be what a pronoun of gender g ('m',
// 'f' or 'o' for "it") stands for.
func (ac *actors) fits(ei int, g gender) bool {
	e := ac.ents[ei]
	if g == 'o' {
		return e.typ == article.Organization
	}
	if e.typ != article.Person {
		return false
	}
	return e.gender == 0 || e.gender == 'u' || e.gender == g
}

// findRefs records the definite descriptions that stand as a clause's
// subject outside quotes and name a person of the article ("The minister
// said ...", "the spokeswoman, speaking in Accra, added"), so a later
// pronoun can take them as its antecedent.
func (ac *actors) findRefs(d *doc) {
	for i, t := range d.toks {
		if t.kind != kWord || t.inq || d.lw(i) != "the" || !d.clauseStart(i) {
			continue
		}
		for j := i + 1; j < len(d.toks) && j <= i+3; j++ {
			tj := d.toks[j]
			if tj.kind != kWord || tj.cap || tj.poss || stopWords[d.lw(j)] {
				break
			}
			if !personHead(d.lw(j)) {
				continue
			}
			if j+1 >= len(d.toks) || !(d.toks[j+1].kind == kWord && !d.toks[j+1].cap || d.isP(j+1, ',')) {
				break
			}
			if personHead(d.lw(j + 1)) {
				continue // "the defence minister": the head comes later
			}
			if ei := ac.describe(d, np{kind: npDesc, s: i, e: j + 1, ent: -1}, i); ei >= 0 && ac.ents[ei].typ == article.Person {
				ac.refs = append(ac.refs, ref{pos: i, ent: ei})
			}
			break
		}
	}
}

// ref is a description standing for a known person, at token pos.
type ref struct{ pos, ent int }

// describe returns the entity a description like "the newspaper", "the
// company", "the Iraqi minister" or "the 36-year-old" stands for, or -1.
//
// Only a definite description ("the ...", "this ...") can stand for
// someone named: "a spokesman" or "one dealer" names nobody. A media noun
// goes to the nearest news organisation; a company noun to the nearest
// organisation (BBC style: "the company said" after naming it); a person
// noun to the nearest person titled or described so ("agent Dipo Alli",
// "Alli, the player's agent"), else, unless the article introduced the
// same noun as anonymous ("a spokesman ... the spokesman"), to the person
// who last stood as a clause's subject nearby: news style names a person,
// then varies the reference ("Desailly says ... the 36-year-old said").
func (ac *actors) describe(d *doc, p np, pos int) int {
	det := d.lw(p.s)
	if det != "the" && det != "this" {
		return -1
	}
	head := d.lwBase(p.e - 1)
	fallback := -1
	person := personHead(head)
	for k := len(ac.ments) - 1; k >= 0; k-- {
		m := ac.ments[k]
		if m.s >= pos {
			continue
		}
		e := ac.ents[m.ent]
		switch {
		case mediaNouns[head]:
			if e.media {
				return m.ent
			}
			if e.typ == article.Organization && fallback < 0 {
				fallback = m.ent
			}
		case companyNouns[head]:
			// The nearest organisation standing as a subject:
			// "Kestrel Social ... said it would appeal to the
			// General Court. "...," the company said."
			if (e.typ != article.Person || ac.thingLike(m.ent)) && !e.media && !m.inq && !d.toks[m.e-1].poss &&
				d.subjectStart(m.s) && d.verbAt(d.skipAside(m.e)) {
				return m.ent
			}
		case orgNouns[head]:
			if e.typ == article.Organization && !e.media && strings.Contains(strings.ToLower(e.name), head) {
				return m.ent
			}
		case person:
			if e.typ == article.Person && !m.inq && (e.titleLow != "" && strings.Contains(expandTitle(e.titleLow), head) || d.describedAs(m, head)) {
				return m.ent
			}
		}
	}
	if mediaNouns[head] {
		return fallback
	}
	if companyNouns[head] {
		return ac.mainOrg()
	}
	if !person || anonymousHeads[head] || d.introducedAnonymous(p, head) {
		return -1
	}
	for k := p.s; k < p.e; k++ {
		if m := ac.mentAt[k]; m >= 0 && ac.ents[ac.ments[m].ent].typ == article.Person {
			return -1 // "the senior Cruz adviser" is not Cruz
		}
	}
	if e := ac.recentSubject(d, p.s); e >= 0 {
		return e
	}
	if d.inLede(p.s) {
		return ac.headlinePerson(0) // "The attorney general has again denied ..."
	}
	return -1
}

// inLede reports whether token i stands in the article's first paragraph.
func (d *doc) inLede(i int) bool {
	for k := 0; k < i; k++ {
		if d.toks[k].kind == kPara {
			return false
		}
	}
	return true
}

// headlinePerson returns the one person the article's title names whose
// gender fits g (0 for any), or -1.
func (ac *actors) headlinePerson(g gender) int {
	body := make(map[int]int, len(ac.ents))
	for _, m := range ac.ments {
		body[m.ent]++
	}
	found := -1
	for i, e := range ac.ents {
		if e.typ != article.Person || e.mentions <= body[i] || g != 0 && !ac.fits(i, g) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// namedInDesc returns the person a description names outright, or -1:
// one it opens with ("Robert Antonacci of the New York delegation") or
// one set beside it between commas ("Sanders's campaign manager, Jeff
// Weaver, said", "said Rubio's deputy campaign manager, Rich Beeson,
// who ..."). A person named inside it ("a senior Cruz adviser") is
// someone else.
func (ac *actors) namedInDesc(d *doc, p np) int {
	if m := ac.mentAt[p.s]; m >= 0 && ac.ments[m].s == p.s && ac.ments[m].e < p.e && !d.toks[ac.ments[m].e-1].poss &&
		ac.personOrUntyped(ac.ments[m].ent) && d.lw(ac.ments[m].e) == "of" {
		return ac.ments[m].ent
	}
	if p.e+1 >= len(d.toks) || !d.isP(p.e, ',') {
		return -1
	}
	m := ac.mentAt[p.e+1]
	if m < 0 || ac.ments[m].s != p.e+1 || !ac.personOrUntyped(ac.ments[m].ent) {
		return -1
	}
	e := ac.ments[m].e
	if e < len(d.toks) && (d.isP(e, ',') || d.isP(e, '.')) || e == len(d.toks) {
		return ac.ments[m].ent
	}
	if _, ok := d.cueAt(e, true); ok {
		return ac.ments[m].ent
	}
	return -1
}

// personOrUntyped reports whether entity ei is a person or was typed nothing.
func (ac *actors) personOrUntyped(ei int) bool {
	e := ac.ents[ei]
	return e.typ == article.Person || e.typ == "" && !e.media
}

// namedBody reports whether description p is an organisation named by
// the name it starts with: a possessor or a name after "the", then
// lower-case words ending in an organisation noun ("India's commerce
// ministry", "Lund's campaign", "the Clinton campaign").
func (d *doc) namedBody(ac *actors, p np) bool {
	s := p.s
	if d.lw(s) == "the" && s+1 < p.e {
		s++
	}
	if !d.toks[s].cap || notNames[d.lwBase(s)] {
		return false
	}
	k := s
	for k < p.e && d.toks[k].cap {
		k++
	}
	if k == p.e && s > p.s {
		return true // "The Liberal Democrats": a name written after "the"
	}
	if k == p.e || !(d.toks[k-1].poss || s > p.s) {
		return false
	}
	for j := k; j < p.e; j++ {
		if d.toks[j].cap || d.toks[j].poss {
			return false
		}
	}
	h := d.lw(p.e - 1)
	return orgNouns[h] && !mediaNouns[h] || h == "campaign" || h == "administration" || h == "team" || h == "office"
}

// personHead reports whether a description's head word names a person:
// a role ("agent"), an age ("36-year-old") or a nationality ("Frenchman").
func personHead(h string) bool {
	return roleNouns[h] || personNouns[h] || strings.HasSuffix(h, "-year-old") && h[0] >= '0' && h[0] <= '9'
}

// expandTitle spells out the abbreviations of a lower-case title ("sen."
// -> "senator"), so "the senator" finds "Sen. Marco Rubio".
func expandTitle(t string) string {
	if !strings.Contains(t, ".") {
		return t
	}
	r := strings.NewReplacer("sen.", "senator", "rep.", "representative congressman", "gov.", "governor",
		"gen.", "general", "lt.", "lieutenant", "col.", "colonel", "sgt.", "sergeant", "capt.", "captain",
		"adm.", "admiral", "prof.", "professor", "dr.", "doctor")
	return r.Replace(t)
}

// describedAs reports whether person mention m stands with the role noun
// head around it, outside quotes: "agent Dipo Alli", "Alli, Tindall's
// agent,", "Dunn, a senior producer at".
func (d *doc) describedAs(m mention, head string) bool {
	for k := m.s - 1; k >= 0 && m.s-k <= 3; k-- {
		if d.toks[k].kind != kWord || d.toks[k].inq {
			break
		}
		if d.lwBase(k) == head {
			return true
		}
		if !d.toks[k].cap {
			break // "a member who supports Mark Dole" is not Dole
		}
	}
	if m.e >= len(d.toks) || !d.isP(m.e, ',') {
		return false
	}
	for k := m.e + 1; k < len(d.toks) && k-m.e <= 7; k++ {
		if d.toks[k].kind != kWord || d.toks[k].inq {
			break
		}
		if d.lwBase(k) == head {
			return true
		}
	}
	return false
}

// introducedAnonymous reports whether the article named no one with the
// description's head before: "a spokesman said ... the spokesman added".
func (d *doc) introducedAnonymous(p np, head string) bool {
	for k := p.s - 1; k >= 1; k-- {
		if d.toks[k].kind != kWord || d.lwBase(k) != head {
			continue
		}
		for j := k - 1; j >= 0 && k-j <= 5; j-- {
			if d.toks[j].kind != kWord {
				break
			}
			if indefinites[d.lw(j)] {
				return true
			}
		}
	}
	return false
}

// recentSubject returns the person who last stood as a clause's subject
// outside quotes before token pos, no more than two paragraphs back, or -1.
func (ac *actors) recentSubject(d *doc, pos int) int {
	paras := 0
	for k := len(ac.ments) - 1; k >= 0; k-- {
		m := ac.ments[k]
		if m.s >= pos {
			continue
		}
		for j := m.e; j < pos; j++ {
			if d.toks[j].kind == kPara {
				paras++
			}
		}
		pos = m.s
		if paras > 2 {
			return -1
		}
		if m.inq || d.toks[m.e-1].poss || ac.ents[m.ent].typ != article.Person && ac.ents[m.ent].typ != "" {
			continue
		}
		if ac.subjectName(m) {
			return m.ent
		}
	}
	return -1
}

// subjectStart reports whether a name starting at token s opens its
// clause, after at most a few capitalised words or words of a role ("But
// Alli", "Former Chelsea captain Desailly", "BBC Scotland political
// correspondent Glenn Campbell"), not after a verb ("Ortiz met Reyes").
func (d *doc) subjectStart(s int) bool {
	role := false
	for k := s; k >= 0 && s-k <= 5; k-- {
		if d.clauseStart(k) {
			return true
		}
		j := k - 1
		if j < 0 || d.toks[j].kind != kWord || d.toks[j].inq {
			return false
		}
		w := d.lwBase(j)
		switch {
		case d.toks[j].cap && !(stopWords[w] && !d.sentenceStart(j)):
		case roleNouns[w] || personNouns[w] || titleWords[w]:
			role = true
		case role && !prepositions[w] && !determiners[w] && !stopWords[w] && !cueForms[w]:
			// a modifier of the role ("political correspondent")
		default:
			return false
		}
	}
	return false
}

// subjectName reports whether mention m names a person or an undecided
// name standing as a clause's subject, a verb after it ("Marcel Desailly
// insists"): an undecided name there is a person's more often than not.
func (ac *actors) subjectName(m mention) bool {
	d := ac.d
	if m.inq || d.toks[m.e-1].poss {
		return false
	}
	if t := ac.ents[m.ent].typ; t != article.Person && t != "" || t == "" && (orgNouns[d.lwBase(m.e-1)] || roleNouns[d.lwBase(m.e-1)]) {
		return false
	}
	return d.subjectStart(m.s) && d.verbAt(d.skipAside(m.e))
}

// thingLike reports whether entity ei is written of as a thing somewhere
// ("Kestrel Social, which is based in California"), whatever its type.
func (ac *actors) thingLike(ei int) bool {
	d := ac.d
	for _, m := range ac.ments {
		if m.ent == ei && m.e+1 < len(d.toks) && d.isP(m.e, ',') && d.toks[m.e+1].kind == kWord && d.lw(m.e+1) == "which" {
			return true
		}
	}
	return false
}

// mainOrg returns the organisation the article names most (first on a
// tie), or -1: what "the company" and "it" stand for when nothing nearer
// does.
func (ac *actors) mainOrg() int {
	best := -1
	for i, e := range ac.ents {
		if e.typ == article.Organization && !e.media && (best < 0 || e.mentions > ac.ents[best].mentions) {
			best = i
		}
	}
	return best
}
