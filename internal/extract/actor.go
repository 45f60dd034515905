package extract

// How actors are found, and why.
//
// Every run of capitalised words is a candidate name. Connectors join it
// ("Bank of England", "Duff & Phelps", "van der Pas"), and so do "and" and
// a possessive when the words after them end in an organisation noun
// ("Securities and Exchange Commission", "Moody's Investors Service"), but
// never a person's name ("Cooper and Martha Raddatz of ABC News"). Page
// furniture (datelines, capitals lines and tables, tickers, credits,
// bylines, sign-offs: furniture.go) and words with digits ("W265", "Q2")
// never start or join a run, nor do capitals that spell a common word
// ("TOTAL", "COUPON").
//
// A run is then trimmed and cut:
//   - function words, weekdays and speech verbs leave its ends; so does a
//     sentence's first word when the dictionary (words.go) lists it and the
//     article never capitalises it inside a sentence ("Shares of ...",
//     "Neighbouring Ghana"), unless it belongs to a title, a place or an
//     organisation's name ("Bank of England");
//   - "X of <place>" and "X of <employer>" are two names when X reads as a
//     person ("Wayne Ferreira of South Africa", "Arvid Jauppi of Arvid
//     Jauppi and Associates");
//   - a nationality before a state body only places it ("French Interior
//     Ministry" is the Interior Ministry);
//   - a title is split off and kept apart: the last head title word
//     ("Foreign Minister | Fuad Hussein"), else title words, nationalities
//     or common words before a given name ("Exchequer | Nigel Lawson",
//     "Belgian | Willy de Clercq"), else a role word before two words no
//     dictionary holds ("Accountant | Natalya Sypron"). A title with no
//     name after it ("Minister of Trade", "the Manchester Central MP", "a
//     Texas Democrat") is no name. Party words count as title words
//     ("Lib Dem | Norman Baker"); a title's words after "and" leave the
//     name ("Minister of Mines and Energy | Subroto"), and a thing's
//     acronym before a name is what the name is ("ISP | AOL").
//
// A candidate is then classified, first rule that holds:
//   - a known organisation or alias ("ISIS" -> Islamic State) or a news
//     outlet is an organisation;
//   - a place (the gazetteer's countries, cities, demonyms, state
//     abbreviations; "West Bank"-like place names), a creed or people
//     ("Roman Catholic", "Bosnian Serb") or an event ("Hurricane Edouard")
//     is dropped: researchers filter places by country, and groups are not
//     actors;
//   - a name ending in an organisation noun ("Ministry", "Association",
//     "Bank") is an organisation;
//   - a lone role noun ("Officials", "Economists") is dropped;
//   - a title, honorific, role noun before it ("analyst Stephen Hess") or a
//     known given name makes a person;
//   - a short all-capitals word is an organisation ("NATO");
//   - anything else stays undecided.
// Candidates are then merged longest first, so every later mention joins
// the fullest name the article uses: "Hussein" and "Mr. Hussein" join "Fuad
// Hussein", "Post" joins "The Harbour Post", an acronym defined in brackets
// joins its long form, and so does an all-capitals word spelling the
// initials of an organisation the article names ("SEC", "USDA" in any
// order of its letters but the first), or the first word of a company's
// name before "and" or a legal form ("Pennzoil" of "Pennzoil Co", "Cable"
// of "Cable and Wireless Plc"). A party by its members' name is one
// organisation ("Lib Dem", "Lib Dems"). Quotes are attributed next; an undecided name that
// speaks is a person. The names still undecided are typed last
// (decideWeak), by shape and context: place nouns ("Allenby Bridge"),
// locatives ("in Grozny", "the city of Tyre"), creeds' words, codes and
// names made only of common words ("Sale Amount") are dropped; apposition
// and pronoun cues decide ("the carmaker Porsche", "Statoil said it",
// "Turabi said he", "Wanadoo cut its prices", "shares of Pennzoil", "X, director of"); a name of two or more words with no
// common word is a person ("Aslan Maskhadov"), with one an organisation
// ("International Red Crescent"); a lone word with no cue stays unlisted.
// Names keep one space where the text wrapped a line. Each entity keeps its
// first title (for speaker_title) and gender (for pronouns); the list is
// ordered by mentions. Names are per article: matching the same person
// across articles is left to later work.

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

// entity is one person or organisation of an article, under the fullest
// name the article uses.
type entity struct {
	name     string // canonical: the fullest form seen
	nwords   int    // words in name
	typ      string // article.Person, article.Organization, or "" while undecided
	gender   gender
	title    string // the first title seen with the name ("Foreign Minister")
	titleLow string
	media    bool // a news organisation
	listed   bool // evidence enough to be an actor
	mentions int
	first    int   // token index of the first mention
	dropped  bool  // read as a place or a thing: never an actor
	tagged   uint8 // what the tagger is sure a lone undecided word is: 1 person, 2 organisation
}

// mention is one naming of an entity: the tokens [s, e) of its name.
type mention struct {
	ent  int
	s, e int // the run, title included
	ns   int // where the name starts after the title
	inq  bool
	d    *doc // the doc the tokens belong to (the body, or the title)
}

// actors finds and merges the people and organisations of one article.
type actors struct {
	gaz   *gazetteer.Gazetteer
	d     *doc
	ents  []*entity
	ments []mention // body mentions, in text order
	// mentAt maps each body token inside a name to its mention.
	mentAt []int32

	byKey     map[string]int  // lower-case full name or alias key
	bySurname map[string]int  // persons by last name word
	byFirst   map[string]int  // persons by given name
	byLast    map[string]int  // organisations by last word ("Post")
	orgFirst  map[string]int  // organisations by a first word that may stand alone ("Pennzoil" of "Pennzoil Co"); nil until one does
	midCaps   map[string]bool // words capitalised inside a sentence, built on demand
	assigned  []int           // the entity of each candidate, -1 for none

	cands []cand
	refs  []ref // descriptions standing for a person, in text order
}

// cand is one capitalised run read as a name, before merging.
type cand struct {
	d        *doc
	s, e     int // name tokens [s, e), title excluded
	title    string
	kind     candKind
	alias    string
	media    bool
	gender   gender
	strong   bool // a person by given name, title, honorific or role noun
	inBody   bool
	tokStart int   // first token of the whole run, title included
	end      int   // end of the mention when a name is followed by "of <place>"; 0 for e
	tagged   uint8 // a lone undecided word the tagger is sure of: 1 person, 2 organisation
}

// candKind is what a candidate name's shape says it is.
type candKind uint8

const (
	candWeak candKind = iota
	candPerson
	candOrg
	candDrop // no name at all: the candidate is dropped
)

func newActors(g *gazetteer.Gazetteer, d *doc) *actors {
	ac := &actors{
		gaz: g, d: d,
		byKey:     map[string]int{},
		bySurname: map[string]int{},
		byFirst:   map[string]int{},
		byLast:    map[string]int{},
		mentAt:    make([]int32, len(d.toks)),
	}
	for i := range ac.mentAt {
		ac.mentAt[i] = -1
	}
	return ac
}

// addTitle reads the names of an article's title.
func (ac *actors) addTitle(title string) {
	td := newDoc(title)
	ac.collect(td, false)
}

// scan reads the names of the body and merges everything found.
func (ac *actors) scan() {
	n := len(ac.cands)
	ac.collect(ac.d, true)
	if m, err := defaultModel(); err == nil && m != nil {
		ac.retag(m, n)
	}
	ac.merge()
}

// loneNameMargin is how far above outside the tagger must score a lone
// word the rules left undecided for it to be listed: lone words are where
// the tagger errs most (unknown places, capitalised common words), so
// only its surest readings count. Chosen on the training documents' score
// (eval_actors.py), between recall and precision.
const loneNameMargin = 20

// retag reads the body's candidates (from index n on) again with the
// tagger (tagger.go): a candidate it reads as no person or organisation
// (a place, a thing, no name) is dropped, unless the word lists know it;
// a lone word the rules left undecided, which they never list, is listed
// with the tagger's type when the tagger is sure of it. The rules' types
// stand otherwise: on held-out documents they type better than the tagger.
func (ac *actors) retag(m *tagModel, n int) {
	d := ac.d
	tags, margin := ac.tag(m, d, false)
	// The last words of longer names: "Lindqvist spoke" is Johan
	// Lindqvist wherever the sentence puts him.
	lastWords := map[string]bool{}
	inLonger := map[string]bool{}
	for _, c := range ac.cands[n:] {
		if c.e-c.s >= 2 {
			lastWords[surnameKey(c.d.lw(c.e-1))] = true
			for k := c.s; k < c.e; k++ {
				inLonger[surnameKey(c.d.lw(k))] = true
			}
		}
	}
	keep := ac.cands[:n]
	for _, c := range ac.cands[n:] {
		if c.alias != "" || c.media {
			keep = append(keep, c)
			continue
		}
		// The words the tagger reads (capitalised words, connectors
		// between them) vote; "al-Assad" and "van der" do not.
		var votes [5]int
		var head uint8 // the type of the name's last word
		sure := true
		for k := c.s; k < c.e; k++ {
			if !d.taggable(k) {
				continue
			}
			head = tagType(tags[k])
			votes[head]++
			if margin[k] < loneNameMargin {
				sure = false
			}
		}
		if votes[3]+votes[4] > votes[1]+votes[2] && head >= 3 && sure && !c.strong && c.kind != candOrg && !(c.e-c.s == 1 && (c.kind == candWeak || lastWords[surnameKey(d.lw(c.s))])) {
			continue
		}
		if lw := d.lwBase(c.s); c.kind == candWeak && c.e-c.s == 1 && sure && votes[1]+votes[2] > 0 && !inLonger[surnameKey(lw)] && len(lw) >= 3 && !commonWord(lw) && !orgNouns[lw] && !titleWords[lw] && !adjectiveLike(lw) {
			c.tagged = 2
			if votes[1] > votes[2] {
				c.tagged = 1
			}
		}
		keep = append(keep, c)
	}
	ac.cands = keep
}

// nameWord reports whether token i can be part of a name.
func (d *doc) nameWord(i int) bool {
	t := d.toks[i]
	if t.kind != kWord || t.furn {
		return false
	}
	w := d.lw(i)
	if t.upper && len(w) >= 3 && commonWord(w) && !knownOrgWord(w) {
		return false // "TOTAL", "COUPON", "ALERT": a heading in capitals
	}
	if hasDigit(w) && !(isDigit(w[0]) && t.upper) {
		return false // "W265", "Q2", "AK-47"; but "3M"
	}
	if !t.cap {
		// "al-Assad", "bin Salman" keep a lower-case particle.
		return len(w) > 3 && (strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-")) && d.toks[i].e-d.toks[i].s > 3 && isUpperByte(d.text[t.s+3])
	}
	// "Iran-backed" is an adjective, not a name; but after a name word a
	// part that is no English word is a hyphenated given name ("Kim
	// Dong-hyun", "Lee Jae-myung").
	if h := strings.IndexByte(w, '-'); h > 0 && h+1 < len(w) {
		c := d.text[int(t.s)+h+1]
		if c >= 'a' && c <= 'z' && !titleWords[w] && !d.hyphenGiven(i, w[h+1:]) {
			return false
		}
	}
	return true
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

// hasDigit reports whether w holds a digit.
func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if isDigit(w[i]) {
			return true
		}
	}
	return false
}

// knownOrgWord reports whether the lower-case word w is a known
// organisation or news outlet by itself ("who", "time").
func knownOrgWord(w string) bool {
	_, ok := knownOrgs[w]
	return ok || mediaNames[w]
}

// connectors join the words of a name: "Bank of England", "bin Salman".
var connectors = setOf("of", "al", "bin", "ibn", "de", "del", "della", "da", "van",
	"von", "der", "den", "le", "la", "du", "el", "abu", "&", "y", "di", "dos", "das")

// sentenceStart reports whether token i begins a sentence.
func (d *doc) sentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	p := d.toks[i-1]
	switch p.kind {
	case kPara, kOpen, kMark:
		return true
	case kPunct:
		switch d.text[p.s:p.e] {
		case ".", "!", "?", ":", "(", "[", "—", "-", ";":
			return true
		}
	}
	return false
}

// collect finds the capitalised runs of d and records them as candidates.
func (ac *actors) collect(d *doc, body bool) {
	toks := d.toks
	for i := 0; i < len(toks); {
		if !d.nameWord(i) {
			i++
			continue
		}
		s := i
		e := i + 1
		for e < len(toks) {
			if toks[e-1].poss {
				// "Clinton's campaign" ends the name, "Dockers' Union"
				// and "Moody's Investors Service" do not.
				if d.nameWord(e) && (orgNouns[d.lw(e)] || corpNouns[d.lwBase(d.capEnd(e)-1)] && d.capEnd(e)-e >= 2) {
					e++
					continue
				}
				break
			}
			if d.nameWord(e) {
				e++
				continue
			}
			if d.connectorAt(e) {
				// "Bank of England", "Duff & Phelps", "van der Pas".
				f := e + 1
				if f < len(toks) && toks[f].kind == kWord && connectors[d.lw(f)] && !toks[f].cap {
					f++
				}
				if f < len(toks) && d.nameWord(f) {
					e = f + 1
					continue
				}
			}
			if toks[e].kind == kWord && d.lw(e) == "and" && e+1 < len(toks) && d.nameWord(e+1) {
				// "Securities and Exchange Commission", "J.D. Power
				// and Associates": "and" inside an organisation's name,
				// not between two names.
				f := d.capEnd(e + 1)
				ls := s // "The Securities and Exchange Commission"
				for ls < e-1 && notNames[d.lw(ls)] {
					ls++
				}
				if orgNouns[d.lwBase(f-1)] && !d.hasGivenOrOf(e+1, f) && !toks[f-1].poss && (e-ls == 1 || !orgNouns[d.lwBase(e-1)] || f == e+2 && corpNouns[d.lw(e+1)]) && !ac.isPlace(d.span(ls, e)) && !ac.isPlace(d.word(e+1)) {
					e = f
					continue
				}
			}
			break
		}
		i = e
		ac.run(d, s, e, body)
	}
}

// hasGivenOrOf reports whether the words [s, e) hold a given name or
// "of": a person's name or a name with its own place, not the end of an
// organisation's ("Cooper and Martha Raddatz of ABC News").
func (d *doc) hasGivenOrOf(s, e int) bool {
	for k := s; k < e; k++ {
		if w := d.lw(k); givenNames[w] != 0 || w == "of" {
			return true
		}
	}
	return false
}

// connectorAt reports whether token i joins the words of a name.
func (d *doc) connectorAt(i int) bool {
	t := d.toks[i]
	return t.kind == kWord && connectors[d.lw(i)] || d.isP(i, '&')
}

// capEnd returns the end of the capitalised words from token i on, with
// connectors inside, up to a possessive.
// hyphenGiven reports whether token i, a capitalised word with a lower-case
// part rest after its hyphen, follows a capitalised name word and rest does
// not make an adjective: "Dong-hyun" and "Ji-won" after "Kim" or "Park",
// never "Iran-backed", "Paris-born" or "German-speaking".
func (d *doc) hyphenGiven(i int, rest string) bool {
	if i == 0 || strings.IndexByte(rest, '-') >= 0 || hyphenAdjective[rest] ||
		strings.HasSuffix(rest, "ed") || strings.HasSuffix(rest, "ing") || strings.HasSuffix(rest, "ian") || strings.HasSuffix(rest, "ese") {
		return false
	}
	p := d.toks[i-1]
	return p.kind == kWord && p.cap && !p.furn && !p.poss && int(p.e) == int(d.toks[i].s)-1 && !hasDigit(d.lw(i-1))
}

// hyphenAdjective holds the second parts that make a name an adjective
// besides the -ed and -ing forms: "Paris-born", "Gulf-style", "Soviet-made".
var hyphenAdjective = map[string]bool{
	"born": true, "bred": true, "run": true, "led": true, "made": true, "built": true, "style": true,
	"like": true, "wide": true, "free": true, "friendly": true, "bound": true, "era": true, "type": true,
	"language": true, "only": true, "centric": true, "sponsored": true, "grown": true, "drawn": true,
	"torn": true, "shy": true, "proof": true, "specific": true, "inspired": true, "wise": true,
}

func (d *doc) capEnd(i int) int {
	e := i
	for e < len(d.toks) && d.nameWord(e) {
		e++
		if d.toks[e-1].poss && !(e < len(d.toks) && d.nameWord(e) && corpNouns[d.lwBase(e)]) {
			break // "Clinton's", but "Standard and Poor's Corp"
		}
		if e+1 < len(d.toks) && d.connectorAt(e) && d.nameWord(e+1) {
			e++
		}
	}
	return e
}

// span returns the text of tokens [s, e), spacing normalised.
func (d *doc) span(s, e int) string {
	return oneSpace(d.text[d.toks[s].s:d.toks[e-1].e])
}

// govNouns name a state's bodies, which a people's adjective before them
// only places ("French Interior Ministry", "Yemeni Ministry of Petroleum").
var govNouns = setOf("ministry", "department", "office", "army", "navy", "police",
	"government", "embassy", "cabinet", "parliament", "treasury", "military", "forces")

// corpNouns end the names of companies and may follow a possessive
// ("Moody's Investors Service", "McDonald's Corp").
var corpNouns = setOf("service", "services", "inc", "inc.", "corp", "corp.", "co", "co.",
	"ltd", "ltd.", "plc", "llc", "ag", "sa", "nv", "gmbh", "group", "holdings",
	"industries", "associates", "stores", "partners", "restaurants", "bank", "fund", "sons",
	"company")

// run reads the capitalised run [s, e) of d.
func (ac *actors) run(d *doc, s, e int, body bool) {
	// Drop function words, weekdays and the like at either end, and a
	// sentence's first word when it is a common word.
	for s < e && (notNames[d.lwBase(s)] && !(d.lw(s) == "new" && e-s >= 2) && !(d.lw(s) == "news" && e-s >= 2 && orgNouns[d.lwBase(e-1)]) && !(nameable[d.lw(s)] && e-s >= 3 && !d.sentenceStart(s)) && !(d.toks[s].upper && e-s >= 3 && orgNouns[d.lwBase(e-1)] && ac.isPlace(d.word(s))) || connectors[d.lw(s)] && !d.toks[s].cap || d.sentenceStart(s) && cueForms[d.lw(s)] && (e-s == 1 || pastCue(d.lw(s))) ||
		d.sentenceStart(s) && ac.wordAtStart(d, s, e) && !(s+1 < e && d.isP(s+1, '&'))) {
		s++
	}
	for e > s && (notNames[d.lwBase(e-1)] && !(e-s >= 2 && (orgNouns[d.lwBase(e-1)] || nameNouns[d.lwBase(e-1)])) || connectors[d.lw(e-1)] && !d.toks[e-1].cap) {
		if _, ok := knownOrgs[d.low[d.toks[s].s:d.toks[e-1].e]]; ok {
			break // "Islamic State", "White House"
		}
		e--
	}
	if s >= e {
		return
	}
	// "Minister of Mines and Energy Subroto": the title's words after
	// "and" are no part of the name.
	titled := false
	if s >= 2 && d.lw(s-1) == "and" && titleWords[d.lw(s-2)] && d.toks[s-2].cap && !orgNouns[d.lwBase(e-1)] && !commonWord(d.lwBase(e-1)) && !d.hasHeadTitle(s, e-1) {
		for e-s >= 2 && titleWords[d.lw(s)] && !headTitles[d.lw(s)] && givenNames[d.lw(s)] == 0 && !connectors[d.lw(s+1)] {
			s++
			titled = true
		}
	}
	// "ISP AOL": a thing's acronym before a name is what the name is.
	if e-s >= 2 && thingAcronyms[d.lw(s)] && d.toks[s+1].upper {
		s++
	}
	// "the Manchester Central MP", "a Texas Democrat": a title or a
	// party member with no name after it describes a person.
	// After a name it leaves the name ("Frank Field MP").
	if e-s >= 3 && personTitles[d.lwBase(e-1)] && givenNames[d.lw(s)] != 0 && !titleWords[d.lw(e-2)] {
		e--
	} else if e-s >= 2 && (personTitles[d.lwBase(e-1)] || partyMembers[d.lwBase(e-1)]) {
		if _, ok := knownOrgs[d.low[d.toks[s].s:d.toks[e-1].e]]; !ok {
			return
		}
	}
	// "Wayne Ferreira of South Africa", "Arvid Jauppi of Arvid Jauppi and
	// Associates": a person of a place or an employer is two names.
	for k := s + 1; k < e-1; k++ {
		if d.lw(k) == "of" {
			if ac.personLike(d, s, k) {
				// The person's mention spans the whole run, so "Rangel
				// of New York said" is Rangel speaking.
				n := len(ac.cands)
				ac.run(d, s, k, body)
				if len(ac.cands) > n {
					ac.cands[n].end = e
				}
				ac.run(d, k+1, e, body)
				return
			}
			break
		}
	}
	// "French Interior Ministry" is the Interior Ministry.
	if e-s >= 2 && (govNouns[d.lwBase(e-1)] || govNouns[d.lw(s+1)]) && ac.isDemonym(d.word(s)) {
		s++
	}
	c := cand{d: d, s: s, e: e, inBody: body, tokStart: s}
	if titled {
		c.kind, c.strong = candPerson, true
	}
	// Split a title from the name: the last head title word with a name
	// after it ("Foreign Minister | Fuad Hussein").
	k := -1
	for j := s; j < e-1; j++ {
		w := d.lw(j)
		if headTitles[w] || hyphenTitle(w) {
			k = j
		}
	}
	if k < 0 && e-s >= 3 && !orgNouns[d.lwBase(e-1)] && ac.titleish(d, s) {
		// "Exchequer Nigel Lawson", "Belgian Willy de Clercq",
		// "Accountant Natalya Sypron": title words before a given name,
		// or a title word before two words no dictionary holds.
		for g := s + 1; g < e-1; g++ {
			if givenNames[d.lw(g)] != 0 {
				k = g - 1
				break
			}
		}
		if k < 0 && (agentNoun(d.lw(s)) || ac.isDemonym(d.word(s))) && d.toks[s+1].cap && !ac.titleish(d, s+1) && !d.hasGivenOrOf(s+1, e) && !commonWord(d.lwBase(e-1)) && !ac.isPlace(d.span(s, e)) {
			k = s
		}
	}
	if k >= 0 {
		ns := k + 1
		// "Secretary of State George Shultz".
		if ns+1 < e-1 && d.lw(ns) == "of" {
			ns += 2
		}
		if connectors[d.lw(ns)] && !d.toks[ns].cap && !orgNouns[d.lwBase(e-1)] {
			return // "Minister of Trade": a title, no name
		}
		// "Chief Accountant Natalya Sypron", "Minister of Foreign Affairs
		// Lloyd Axworthy": more title words before the name.
		for ns < e-2 && ac.titleish(d, ns) && givenNames[d.lw(ns)] == 0 && !orgNouns[d.lwBase(e-1)] {
			ns++
		}
		if ns < e && !orgNouns[d.lwBase(e-1)] {
			ts := s
			for ts < k && (ac.isPlace(d.word(ts)) || notNames[d.lw(ts)]) {
				ts++
			}
			c.title = ""
			if ts < ns {
				c.title = d.span(ts, ns)
			}
			if _, ok := honorifics[d.lw(ns-1)]; ok && ns-1 == ts {
				c.gender = honorifics[d.lw(ns-1)]
				if plainHonorifics[d.lw(ns-1)] {
					c.title = ""
				}
			}
			c.s = ns
			c.strong = true
			c.kind = candPerson
		}
	}
	ac.classify(&c)
	if c.kind == candDrop {
		return
	}
	ac.cands = append(ac.cands, c)
}

// hasHeadTitle reports whether a head title word stands in [s, e).
func (d *doc) hasHeadTitle(s, e int) bool {
	for j := s; j < e; j++ {
		if headTitles[d.lw(j)] || hyphenTitle(d.lw(j)) {
			return true
		}
	}
	return false
}

// nameNouns are words of notNames that end a name when it has others
// ("Sulawesi Environmental Watch", "Commonwealth of Independent States").
var nameNouns = setOf("watch", "states", "state", "people", "nation", "city", "country")

// nameable are function words that are also names: "Do Quang Vinh",
// "Will Smith" inside a sentence, before two more capitalised words.
var nameable = setOf("do", "will", "may", "bill")

// agentNoun reports whether w names a person by role: a title or role
// word, or a common word with an agent's ending ("accountant", "doctor").
func agentNoun(w string) bool {
	if titleWords[w] || roleNouns[w] {
		return true
	}
	if !commonWord(w) {
		return false
	}
	for _, suf := range []string{"er", "or", "ist", "ant", "ent", "ian"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// hyphenTitle reports whether w is a title joined by a hyphen
// ("Prosecutor-General", "Undersecretary-General", "President-elect").
func hyphenTitle(w string) bool {
	h := strings.IndexByte(w, '-')
	if h <= 0 {
		return false
	}
	return strings.HasSuffix(w, "-elect") || headTitles[w[:h]] || headTitles[w[h+1:]]
}

// wordAtStart reports whether the first word of the run [s, e), which
// opens a sentence, is a common word rather than a name: the dictionary
// lists it, it is no given name, title or honorific, the run does not end
// in an organisation noun ("Bank of England"), and the article never
// capitalises it inside a sentence.
func (ac *actors) wordAtStart(d *doc, s, e int) bool {
	w := d.lwBase(s)
	if e-s >= 2 && givenNames[w] == 0 && !titleWords[w] && d.toks[s].cap && !d.toks[s].upper &&
		ac.isPlace(d.span(s+1, e)) && !ac.isPlace(d.span(s, e)) && !ac.capitalisedInside(w) {
		return true // "Neighbouring Ghana"
	}
	if e-s >= 2 && ac.isPlace(d.span(s, e)) {
		return false // "United Arab Emirates"
	}
	for k := s + 1; k < e-1; k++ {
		if headTitles[d.lw(k)] {
			return false // "Public Works Minister Jane Doe": the title's
		}
	}
	if !commonWord(w) || w == "new" || givenNames[w] != 0 || titleWords[w] || orgNouns[d.lwBase(e-1)] && !(s+1 < e && d.lw(s+1) == "of" && !orgNouns[w]) {
		return false
	}
	if _, ok := honorifics[w]; ok {
		return false
	}
	if n := s + 1; n < e && (titleWords[d.lw(n)] || hyphenTitle(d.lw(n))) {
		return false // "Retired Lt. Gen. Michael Flynn": part of the title
	}
	return !ac.capitalisedInside(w)
}

// capitalisedInside reports whether the body capitalises the lower-case
// word w where no sentence starts.
func (ac *actors) capitalisedInside(w string) bool {
	if ac.midCaps == nil {
		ac.midCaps = map[string]bool{}
		d := ac.d
		for i, t := range d.toks {
			if t.kind == kWord && t.cap && !t.upper && !t.furn && !d.sentenceStart(i) {
				ac.midCaps[d.lwBase(i)] = true
			}
		}
	}
	return ac.midCaps[w]
}

// personLike reports whether the words [s, e) read as a person's name: a
// given name first, or two or three words that are no title, organisation
// noun or common word.
func (ac *actors) personLike(d *doc, s, e int) bool {
	for s < e-1 && (headTitles[d.lw(s)] || titleWords[d.lw(s)]) {
		s++ // "Princess Stephanie of Monaco"
	}
	for k := s; k < e; k++ {
		if orgNouns[d.lwBase(k)] || d.toks[k].upper {
			return false
		}
	}
	if givenNames[d.lw(s)] != 0 && !titleWords[d.lw(s)] {
		return true
	}
	if e-s < 2 || e-s > 3 {
		return false
	}
	for k := s; k < e; k++ {
		if w := d.lw(k); titleWords[w] || commonWord(w) || connectors[w] {
			return false
		}
	}
	return !ac.isPlace(d.span(s, e))
}

// titleish reports whether word i can stand in a title before a name: a
// title or role word, a common word, a place or a demonym ("Treasury",
// "Accountant", "Belgian").
func (ac *actors) titleish(d *doc, i int) bool {
	w := d.lw(i)
	if givenNames[w] != 0 || !d.toks[i].cap || d.toks[i].upper {
		return false
	}
	return titleWords[w] || roleNouns[w] || partyWords[w] || commonWord(w) || ac.isPlace(d.word(i))
}

// partyWords name a party or its members before a person's name ("Lib Dem
// Norman Baker", "Tory MP Alan Pike"): part of the title, not the name.
var partyWords = setOf("lib", "dem", "dems", "tory", "tories", "democrat", "democrats",
	"republican", "republicans", "conservative", "conservatives", "liberal", "liberals",
	"labour", "socialist", "socialists", "communist", "communists", "green", "greens",
	"ukip", "snp", "gop")

// partyMembers end a description of a person by party ("a Texas
// Democrat", "the Former Tory").
var partyMembers = setOf("democrat", "republican", "tory", "dem", "socialist", "communist")

// personTitles end a description of a person's office, never a name ("the
// Manchester Central MP").
var personTitles = setOf("mp", "mep", "senator", "congressman", "congresswoman", "spokesman",
	"spokeswoman", "spokesperson", "minister", "chairman", "chairwoman", "lawmaker", "legislator")

// isDemonym reports whether w is a people's adjective ("French").
func (ac *actors) isDemonym(w string) bool {
	if ac.gaz == nil {
		return false
	}
	if k, ok := ac.gaz.PlaceKind(w); ok {
		return k == gazetteer.KindDemonym
	}
	lw := strings.ToLower(w)
	return len(lw) > 5 && (strings.HasSuffix(lw, "ian") || strings.HasSuffix(lw, "ese")) // "Bavarian"
}

// pastCue reports whether the speech-verb form w is past or third person,
// a form that opens an inverted sentence ("Stated Stone: ...") and never a
// name.
func pastCue(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "said" || w == "says" || w == "told" || w == "wrote"
}

// plainHonorifics are forms of address, not titles worth keeping.
var plainHonorifics = setOf("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "madam")

// isPlace asks the gazetteer, if there is one, whether name is a place: a
// country, city, demonym, or a region or continent ("Europe").
func (ac *actors) isPlace(name string) bool {
	if ac.gaz == nil {
		return false
	}
	if k, ok := ac.gaz.PlaceKind(name); ok && k != gazetteer.KindInstitution {
		return true // "N.J" and "Calif" too
	}
	_, region := ac.gaz.RegionName(name)
	return region
}

// classify decides what the name of c is; kind candDrop drops it.
func (ac *actors) classify(c *cand) {
	d := c.d
	name := c.nameLow()
	last := d.lwBase(c.e - 1)
	first := d.lw(c.s)
	n := c.e - c.s
	if key, ok := knownOrgs[name]; ok {
		c.kind, c.alias = candOrg, key
		return
	}
	if mediaNames[name] {
		c.kind, c.media = candOrg, true
		return
	}
	// "N.V. Philips", "A.G. Siemens": a legal form before a name makes a
	// company, though it looks like initials.
	if n >= 2 && legalForms[strings.ReplaceAll(first, ".", "")] {
		c.kind, c.title = candOrg, ""
		return
	}
	// A party's adjective alone ("amid Tory claims") is no actor; its
	// members are the party ("the Tories").
	if n == 1 && c.kind != candPerson {
		switch first := d.lwBase(c.s); first {
		case "tory", "lib", "dem":
			c.kind = candDrop
			return
		case "tories", "dems":
			c.kind, c.alias = candOrg, "party: "+strings.TrimSuffix(first, "s")
			return
		}
	}
	// "Lib Dems", "Lib Dem": a party by its members' name is one
	// organisation, however many.
	if n >= 2 && c.kind != candPerson {
		key := ""
		for k := c.s; k < c.e && key != "-"; k++ {
			if w := d.lwBase(k); partyWords[w] {
				key += " " + strings.TrimSuffix(w, "s")
			} else {
				key = "-"
			}
		}
		if key != "-" {
			c.kind, c.alias = candOrg, "party:"+key
			return
		}
	}
	// Places first: "Soviet Union" and "West Bank" end in organisation
	// nouns; a people's or a faith's word ends no actor's name ("Roman
	// Catholic", "Bosnian Serb"); an event opens none ("Hurricane
	// Edouard").
	if n == 1 && placeAbbrevs[strings.TrimSuffix(first, ".")] {
		c.kind = candDrop // "HK", "NZ"
		return
	}
	if n >= 2 && (ac.isPlace(c.name()) || placeHeads[first] && placeNouns[last] && !orgNouns[last]) ||
		miscWords[last] || miscHeads[first] && n >= 2 || n == 2 && ac.isDemonym(d.word(c.s)) && !orgNouns[last] && !titleWords[last] && c.kind != candPerson {
		c.kind = candDrop
		return
	}
	if (orgNouns[last] || pressWords[last] && n >= 2) && !(n == 1 && c.kind != candPerson && !d.toks[c.e-1].upper) ||
		n >= 3 && orgNouns[first] && d.lw(c.s+1) == "of" {
		c.kind = candOrg
		c.title = ""
		c.media = mediaNouns[last] || pressWords[last] || c.media
		return
	}
	if c.kind == candPerson {
		if !ac.isPlace(c.name()) {
			if g, ok := givenNames[first]; ok && c.gender == 0 {
				c.gender = g
			}
			return
		}
		c.kind = candDrop
		return
	}
	if ac.isPlace(c.name()) || ac.isPlace(d.wordBase(c.s)) && n == 1 {
		c.kind = candDrop
		return
	}
	// A lone capitalised role noun opens a sentence ("Officials said",
	// "Economists expect"): a group of people, not a name.
	if n == 1 && (roleNouns[name] || roleNouns[strings.TrimSuffix(name, "s")] || d.sentenceStart(c.s) && adjectiveLike(name) && givenNames[name] == 0) {
		c.kind = candDrop
		return
	}
	if g, ok := givenNames[first]; ok && n >= 2 {
		c.kind, c.gender, c.strong = candPerson, g, true
		return
	}
	// A role noun or honorific just before: "analyst Stephen Hess",
	// "Mr. Trump".
	if p := c.s - 1; p >= 0 && d.toks[p].kind == kWord {
		pw := d.lw(p)
		if g, ok := honorifics[pw]; ok {
			c.kind, c.gender, c.strong = candPerson, g, true
			return
		}
		if roleNouns[pw] && !d.toks[p].cap {
			c.kind, c.strong = candPerson, true
			c.title = d.word(p)
			return
		}
	}
	if n == 1 && d.toks[c.s].upper && c.e-c.s == 1 && len(name) <= 6 {
		c.kind = candOrg
		return
	}
	c.kind = candWeak
}

// name returns c's name as written, possessive dropped and spacing
// normalised.
func (c *cand) name() string {
	d := c.d
	n := oneSpace(trimPossCase(d.text[d.toks[c.s].s:d.toks[c.e-1].e], d.toks[c.e-1].poss))
	if c.e-c.s >= 2 && strings.HasSuffix(n, ".") && (c.e == len(d.toks) || d.toks[c.e].kind == kPara) && !initials(d.lw(c.e-1)) {
		n = n[:len(n)-1] // "... Walt Disney Co." ends the sentence
	}
	return n
}

// nameLow returns c's name in lower case, possessive dropped and spacing
// normalised.
func (c *cand) nameLow() string {
	d := c.d
	return oneSpace(trimPossCase(d.low[d.toks[c.s].s:d.toks[c.e-1].e], d.toks[c.e-1].poss))
}

// oneSpace returns s with every run of white space (a wire's hard line
// wrap, a tab, a double space) turned into one space. It allocates only
// when s needs it.
func oneSpace(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func trimPossCase(s string, poss bool) string {
	if poss {
		return trimPoss(s)
	}
	return s
}

// wordBase returns word i as written without a possessive ending.
func (d *doc) wordBase(i int) string {
	return trimPossCase(d.word(i), d.toks[i].poss)
}

// surnameKey returns the key of a person's last name word: lower case,
// without "al-" or a possessive.
func surnameKey(w string) string {
	w = trimPoss(w)
	for _, p := range []string{"al-", "el-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
			return w[len(p):]
		}
	}
	return w
}

// merge turns the candidates into entities: persons with a full name first,
// so a lone surname or given name can join them; then the rest.
func (ac *actors) merge() {
	order := make([]int, 0, len(ac.cands))
	for pass := 0; pass < 4; pass++ {
		for i := range ac.cands {
			c := &ac.cands[i]
			n := c.e - c.s
			switch pass {
			case 0: // full names of persons, organisations with aliases
				if c.kind == candPerson && n >= 2 || c.kind == candOrg && n >= 2 {
					order = append(order, i)
				}
			case 1: // single-word persons and organisations
				if (c.kind == candPerson || c.kind == candOrg) && n == 1 {
					order = append(order, i)
				}
			case 2:
				if c.kind == candWeak && n >= 2 {
					order = append(order, i)
				}
			case 3:
				if c.kind == candWeak && n == 1 {
					order = append(order, i)
				}
			}
		}
	}
	assigned := make([]int, len(ac.cands))
	for _, i := range order {
		assigned[i] = ac.place(&ac.cands[i])
	}
	ac.assigned = assigned
	// Mentions in text order.
	for i := range ac.cands {
		c := &ac.cands[i]
		ei := assigned[i]
		if ei < 0 {
			continue
		}
		e := ac.ents[ei]
		e.mentions++
		if c.tagged != 0 {
			e.tagged = c.tagged
		}
		if c.title != "" && e.title == "" {
			e.title = c.title
			e.titleLow = strings.ToLower(c.title)
		}
		if !c.inBody {
			continue
		}
		if e.first < 0 || c.s < e.first {
			e.first = c.s
		}
		end := c.e
		if c.end > end {
			end = c.end
		}
		ac.ments = append(ac.ments, mention{ent: ei, s: c.tokStart, ns: c.s, e: end, inq: c.d.toks[c.s].inq, d: c.d})
		for k := c.tokStart; k < end; k++ {
			if ac.mentAt[k] < 0 {
				ac.mentAt[k] = int32(len(ac.ments) - 1)
			}
		}
	}
}

// decideWeak types the names no word of their own classified (weak
// candidates), from the name's shape and where the article uses it:
//   - a name ending in a place noun ("Allenby Bridge", "Atlantic Ocean")
//     or opening with one ("Mount Lebanon"), a people's or a faith's
//     adjective ("Chechen", "Israeli-Syrian", "Roman Catholic"), or a
//     model or index code ("AK-47", "CAC-40") is no actor;
//   - so is a name most of whose mentions follow "in", "near" and the like
//     ("in Grozny"): a place the gazetteer does not know;
//   - a name of two or more words is a person when none of its words is a
//     common word or a place ("Tang Shubei"), an organisation otherwise
//     ("International Red Crescent", "France Telecom");
//   - a lone word stays undecided: a speaker or a longer name may claim it.
func (ac *actors) decideWeak(assigned []int) {
	type stat struct{ n, loc, org, per, the int }
	var st map[int]*stat
	for i := range ac.cands {
		c := &ac.cands[i]
		ei := assigned[i]
		if ei < 0 || ac.ents[ei].typ != "" || !c.inBody {
			continue
		}
		if st == nil {
			st = map[int]*stat{}
		}
		x := st[ei]
		if x == nil {
			x = &stat{}
			st[ei] = x
		}
		x.n++
		if p := c.tokStart - 1; p >= 0 && c.d.toks[p].kind == kWord && c.d.lw(p) == "the" {
			x.the++
		}
		if c.e < len(c.d.toks) && c.d.toks[c.e].kind == kWord && groupNouns[c.d.lw(c.e)] {
			x.loc++ // "Atacameno leaders": a people, like a place no actor
		}
		if c.d.locativeBefore(c.tokStart) || ac.inPlaceList(c.d, c.tokStart) || c.e < len(c.d.toks) && c.d.toks[c.e].kind == kWord && !c.d.toks[c.e].cap && placeNouns[c.d.lw(c.e)] {
			x.loc++
		}
		switch c.d.cueAround(c.tokStart, c.e) {
		case 'o':
			x.org++
		case 'p':
			x.per++
		}
	}
	for ei, e := range ac.ents {
		if e.typ != "" {
			continue
		}
		words := strings.Fields(e.name)
		x := st[ei]
		switch {
		case notActorName(ac, words):
			e.typ, e.listed = "", false
			e.dropped = true
		case x != nil && 2*x.loc >= x.n:
			e.dropped = true
		case allCommon(words) && (x == nil || x.the == 0):
			// "Sale Amount", "Working Capital": words, but "the
			// International Red Crescent" is a name.
			e.dropped = true
		case x != nil && x.org > x.per:
			e.typ, e.listed = article.Organization, true
		case x != nil && x.per > x.org:
			e.typ, e.listed = article.Person, true
		case len(words) == 1 && e.tagged == 1:
			e.typ, e.listed = article.Person, true
		case len(words) == 1 && e.tagged == 2:
			e.typ, e.listed = article.Organization, true
		case len(words) >= 2:
			e.typ, e.listed = article.Person, true
			for i, w := range words {
				// A common word makes an organisation's name, unless
				// it is a common surname ("Cooper", "Baker") or a
				// short last word ("van der Pas").
				lw := trimPoss(strings.ToLower(w))
				common := commonWord(lw) && givenNames[lw] == 0 && !surnameWords[lw] && !connectors[lw] && (i < len(words)-1 || len(lw) >= 4)
				if orgConnectors[lw] || common || ac.isPlace(w) || isUpperWord(w) && !initials(lw) || orgNouns[lw] || orgHeads[lw] {
					e.typ = article.Organization
					break
				}
			}
		}
	}
}

// allCommon reports whether every word is a common word or a title and
// none a given name.
func allCommon(words []string) bool {
	for _, w := range words {
		lw := trimPoss(strings.ToLower(w))
		if givenNames[lw] != 0 || !(commonWord(lw) || titleWords[lw] || connectors[lw]) {
			return false
		}
	}
	return true
}

// cueAround tells from the words around the name [s, e) whether it names
// an organisation ('o': "the newspaper Resalat", "Statoil said it", "Porsche's
// shares") or a person ('p': "Turabi said he", "Crohn, who"), or 0.
func (d *doc) cueAround(s, e int) byte {
	p := s - 1
	if p >= 1 && d.isP(p, ',') {
		// An apposition after its noun: "the national crop agency,
		// Conab," and "the country's president, Idriss Deby".
		p--
	}
	if p >= 0 && d.toks[p].kind == kWord && !d.toks[p].cap {
		w := d.lw(p)
		if orgCueNouns[w] || mediaNouns[w] {
			return 'o'
		}
		if p < s-1 && (roleNouns[w] || titleWords[w]) {
			return 'p'
		}
	}
	// "shares of Pennzoil", "a unit of Dravco".
	if p := s - 1; p >= 1 && d.toks[p].kind == kWord && d.lw(p) == "of" && d.toks[p-1].kind == kWord && ownedParts[d.lw(p-1)] {
		return 'o'
	}
	if e >= len(d.toks) {
		return 0
	}
	if d.toks[e-1].poss && d.toks[e].kind == kWord && !d.toks[e].cap && corpParts[d.lw(e)] {
		return 'o'
	}
	k := e
	if d.isP(k, ',') && k+1 < len(d.toks) {
		switch d.lw(k + 1) {
		case "which":
			return 'o'
		case "who":
			return 'p'
		}
		// An apposition: "Do Quang Vinh, director of ...", "Seatrace, a
		// start-up".
		j := k + 1
		if j+1 < len(d.toks) && indefinites[d.lw(j)] || d.lw(j) == "the" {
			j++
		}
		for h := j; h < len(d.toks) && h < j+3 && d.toks[h].kind == kWord && !d.toks[h].cap; h++ {
			w := d.lw(h)
			if roleNouns[w] || titleWords[w] {
				return 'p'
			}
			if orgCueNouns[w] || mediaNouns[w] {
				return 'o'
			}
		}
		return 0
	}
	for j := k; j < len(d.toks) && j < k+3; j++ {
		if d.toks[j].kind != kWord {
			return 0
		}
		w := d.lw(j)
		if cueForms[w] || auxiliaries[w] || w == "that" {
			continue
		}
		// "Wanadoo cut its prices", "Vasey raised his bid": a verb, then
		// the owner's pronoun.
		if j == k && !d.toks[j].cap && !notNames[w] && !connectors[w] && !orgConnectors[w] && j+1 < len(d.toks) && d.toks[j+1].kind == kWord {
			switch d.lw(j + 1) {
			case "its":
				return 'o'
			case "his", "her":
				return 'p'
			}
		}
		switch w {
		case "it", "its":
			if j > k {
				return 'o'
			}
		case "he", "she", "his", "her":
			if j > k {
				return 'p'
			}
		}
		return 0
	}
	return 0
}

// orgCueNouns stand in apposition before an organisation's name ("the
// carmaker Porsche", "brokerage Lehman").
var orgCueNouns = setOf("company", "firm", "group", "brokerage", "broker", "carmaker",
	"automaker", "maker", "airline", "carrier", "bank", "insurer", "retailer", "unit",
	"subsidiary", "party", "movement", "conglomerate", "giant", "chain", "producer",
	"operator", "manufacturer", "publisher", "club", "organisation", "organization",
	"association", "union", "firms", "companies", "rival", "developer", "distributor",
	"supplier", "utility", "lender", "trust", "fund", "consultancy", "house")

// ownedParts are what only a company has: "shares of X" names a company.
var ownedParts = setOf("shares", "stock", "unit", "subsidiary", "subsidiaries", "shareholders",
	"stockholders", "headquarters")

// corpParts follow a company's possessive ("Porsche's shares").
var corpParts = setOf("shares", "stock", "stake", "unit", "subsidiary", "profit", "profits",
	"earnings", "sales", "revenue", "revenues", "board", "chairman", "president", "chief",
	"shareholders", "stockholders", "directors", "management", "offer", "bid", "plant",
	"plants", "subsidiaries", "parent", "operations", "output", "products", "spokesman",
	"spokeswoman", "headquarters", "employees", "workers", "dividend", "debt", "assets")

// isUpperWord reports whether w has two or more letters, all capitals.
func isUpperWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// locativeBefore reports whether token i follows a preposition of place
// ("in Grozny", "near the Allenby Bridge"), not one of a stake ("shares
// in Porsche").
// groupNouns after a name make it a people's or a place's ("Atacameno
// leaders", "Kurdish villagers"), not an actor's.
var groupNouns = setOf("leaders", "communities", "community", "villagers", "tribes",
	"tribesmen", "farmers", "herders", "residents", "families", "elders", "people",
	"peoples", "population", "populations", "descent", "origin")

// inPlaceList reports whether the name at token i closes or continues a
// list of places: "in Turkana, Marsabit and Mandera", "Paris, Lyon or
// Lille" (a member is a place the gazetteer knows, or the list follows a
// locative).
func (ac *actors) inPlaceList(d *doc, i int) bool {
	p := i - 1
	for n := 0; n < 6 && p >= 1; n++ {
		t := d.toks[p]
		if !(t.kind == kPunct && d.isP(p, ',') || t.kind == kWord && (d.lw(p) == "and" || d.lw(p) == "or")) {
			return false
		}
		q := p - 1
		if q >= 0 && d.isP(q, ',') { // "A, B, and C"
			q--
		}
		if q < 0 || d.toks[q].kind != kWord || !d.toks[q].cap {
			return false
		}
		if ac.isPlace(d.wordBase(q)) {
			return true
		}
		for q > 0 && d.toks[q-1].kind == kWord && d.toks[q-1].cap {
			q--
		}
		if d.locativeBefore(q) {
			return true
		}
		p = q - 1
	}
	return false
}

func (d *doc) locativeBefore(i int) bool {
	p := i - 1
	if p >= 0 && d.toks[p].kind == kWord && d.lw(p) == "the" {
		p--
	}
	if p >= 1 && d.toks[p].kind == kWord && d.lw(p) == "of" && d.toks[p-1].kind == kWord && (placeNouns[d.lw(p-1)] || d.lw(p-1) == "city" || d.lw(p-1) == "parts") {
		return true // "the city of Tyre", "the province of Dak Lak"
	}
	if p < 0 || d.toks[p].kind != kWord || !locatives[d.lw(p)] {
		return false
	}
	if q := p - 1; q >= 0 && d.toks[q].kind == kWord && stakeNouns[d.lwBase(q)] {
		return false
	}
	return true
}

// locatives are prepositions of place.
var locatives = setOf("in", "near", "outside", "around", "across", "towards", "toward",
	"throughout", "inside", "into")

// stakeNouns take "in" before a company ("a stake in Statoil").
var stakeNouns = setOf("stake", "stakes", "shares", "share", "interest", "interests",
	"investment", "investments", "holding", "holdings", "invest", "invested", "investing",
	"position", "positions", "trading")

// notActorName reports whether a name of the given words names no actor by
// its shape: a place noun at either end, a people's or a faith's
// adjective, or a code with a number.
func notActorName(ac *actors, words []string) bool {
	first := strings.ToLower(words[0])
	last := trimPoss(strings.ToLower(words[len(words)-1]))
	if placeNouns[last] || placeHeads[first] && len(words) >= 2 || miscWords[last] || headTitles[last] || hyphenTitle(last) || creditNouns[last] {
		return true
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if h := strings.IndexByte(lw, '-'); h > 0 {
			// "CAC-40", "Israeli-Syrian", "Israel-PLO".
			for _, part := range strings.Split(w, "-") {
				if part != "" && (isDigit(part[0]) || ac.isPlace(part) || miscWords[strings.ToLower(part)]) {
					return true
				}
			}
		}
	}
	if len(words) == 1 {
		return adjectiveLike(last)
	}
	return false
}

// thingAcronyms are acronyms of devices, formats and technologies: alone
// they name things, not actors ("sales of PCs and DVDs", "a LAN", "IC
// output"); inside a longer name they stay ("IC Industries", "PC World").
var thingAcronyms = setOf("pc", "pcs", "dvd", "dvds", "cd", "cds", "cd-rom", "cd-roms", "usb",
	"gprs", "adsl", "dsl", "hdtv", "awol", "suv", "suvs", "lan", "lans", "wan", "ic", "ics",
	"mp3", "sms", "gps", "voip", "lcd", "lcds", "vcr", "vcrs", "dram", "drams", "pda", "pdas",
	"wifi", "wi-fi", "isp", "isps", "3g", "4g", "5g", "led", "leds", "cpu", "cpus", "ram", "rom")

// adjectiveLike reports whether a lone capitalised word has the ending of
// a people's or a creed's adjective or its plural: "Montserratians",
// "Taiwanese", "Maoists".
func adjectiveLike(w string) bool {
	// Not "-ic", "-ist" or "-ian" alone: "Milosevic", "Lindqvist", "Adrian".
	for _, suf := range []string{"ists", "ism", "ians", "ese", "ish", "eans"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// placeAbbrevs are places' abbreviations the gazetteer lacks.
var placeAbbrevs = setOf("hk", "h.k", "nz", "n.z", "uae", "u.a.e", "ussr", "u.s.s.r", "prc")

// orgConnectors join the words of organisations' names, not persons'
// ("Bank of England", "Duff & Phelps"; but "van der Pas").
var orgConnectors = setOf("of", "&", "and", "for")

// surnameWords are common English surnames that are also words: in a name
// they make no organisation ("Anderson Cooper", "Kathy Baker").
var surnameWords = setOf("baker", "bush", "brown", "black", "white", "green", "young",
	"smith", "miller", "cooper", "hunt", "rich", "price", "wood", "woods", "king", "hill",
	"ford", "carter", "porter", "turner", "fisher", "mason", "page", "bell", "rice", "lamb",
	"fox", "wolf", "lane", "little", "long", "short", "strong", "armstrong", "sharp", "may",
	"day", "marsh", "moss", "park", "parker", "walker", "ward", "webb", "weaver", "wells",
	"west", "north", "cook", "cole", "coleman", "hall", "hay", "hayes", "best", "bird",
	"bishop", "bond", "booth", "bowman", "brooks", "butler", "carpenter", "chambers",
	"church", "clay", "cross", "dean", "drake", "duke", "field", "fields", "fletcher",
	"foster", "fowler", "frank", "freeman", "gardner", "golden", "gray", "grey", "hardy",
	"hart", "hawk", "hunter", "knight", "lord", "love", "mann", "marshall", "mayer", "mills",
	"moody", "moon", "noble", "oliver", "palmer", "payne", "penny", "pike", "pope",
	"potter", "powell", "reed", "rose", "rush", "russell", "sawyer", "shepherd", "singer",
	"slater", "spencer", "stone", "summers", "swift", "tanner", "taylor", "thatcher",
	"tucker", "wall", "waters", "wise", "worth", "fry", "glass", "goodman", "gross", "kidd",
	"lott", "nash", "nunn", "pitt", "quayle", "stern", "sweet", "trump", "vance", "wright")

// orgHeads open the names of companies and banks in other languages
// ("Banco Santander", "Grupo Televisa").
var orgHeads = setOf("banco", "banca", "banque", "bank", "grupo", "gruppo", "compania",
	"compagnie", "societe", "société", "sociedad", "societa", "cia", "cie", "groupe")

// tellForms are the forms of "tell", whose object is an addressee.
var tellForms = setOf("told", "tell", "tells", "telling")

// miscHeads open the names of events and things ("Hurricane Edouard").
var miscHeads = setOf("hurricane", "typhoon", "storm", "cyclone", "operation", "project")

// creditNouns end the names of a newsroom's desks, not actors.
var creditNouns = setOf("newsroom", "newsdesk", "desk")

// placeNouns end the names of places ("Allenby Bridge", "Atlantic Ocean").
var placeNouns = setOf("island", "islands", "river", "sea", "ocean", "bay", "strait", "straits",
	"gulf", "mountain", "mountains", "lake", "valley", "province", "region", "district",
	"county", "square", "street", "road", "avenue", "bridge", "airport", "peninsula",
	"desert", "canal", "coast", "plain", "plains", "hills", "heights", "basin", "delta",
	"border", "crossing", "camp", "harbour", "harbor", "town", "village", "prefecture",
	"state", "territory", "territories", "republic", "oblast", "krai", "canton", "boulevard",
	"highway", "park", "stadium", "field", "fields", "reef", "cape", "pass", "forest")

// placeHeads open the names of places ("Mount Lebanon", "Lake Victoria").
var placeHeads = setOf("mount", "mt", "mt.", "lake", "cape", "port", "fort", "gulf", "bay",
	"north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "upper", "lower", "greater", "san", "santa", "st", "st.", "saint")

// miscWords are faiths, creeds, peoples and events: capitalised, never an
// actor ("Roman Catholic", "Moslem", "Nazi").
var miscWords = setOf("catholic", "catholics", "protestant", "protestants", "orthodox",
	"moslem", "moslems", "muslim", "muslims", "islam", "islamic", "jewish", "jew", "jews",
	"christian", "christians", "christianity", "hindu", "hindus", "sikh", "sikhs",
	"buddhist", "buddhists", "sunni", "sunnis", "shi'ite", "shi'ites", "shiite", "shiites",
	"shia", "nazi", "nazis", "kurd", "kurds", "kurdish", "arab", "arabs", "communist",
	"communists", "marxist", "socialist", "socialists", "zionist", "christmas", "easter",
	"ramadan", "olympics", "olympic", "internet", "medicare", "medicaid", "bible",
	"koran", "quran", "celsius", "fahrenheit", "richter", "aids", "war", "games", "cup",
	"open", "championship", "championships", "prize", "award", "awards", "act", "bill",
	"treaty", "accord", "accords", "agreement", "index", "day", "summit", "rally",
	"hurricane", "typhoon", "storm", "festival", "convention", "marathon", "tournament",
	"disease", "syndrome", "encephalopathy", "virus", "fever", "flu", "average",
	"islander", "islanders", "republican", "republicans", "democrat", "democrats",
	"socialist", "socialists")

// place finds or makes the entity of candidate c and returns its index.
func (ac *actors) place(c *cand) int {
	d := c.d
	n := c.e - c.s
	low := c.nameLow()
	switch c.kind {
	case candOrg:
		low = strings.TrimSuffix(low, ".") // "Co." and "Co" at a sentence's end
		key := low
		if c.alias != "" {
			key = "org:" + c.alias
		}
		if ei, ok := ac.byKey[key]; ok {
			ac.grow(ei, c)
			return ei
		}
		if n == 1 {
			if ei, ok := ac.byLast[low]; ok {
				return ei
			}
			if ei, ok := ac.acronymEnt(d, c.s); ok {
				return ei
			}
		}
		ei := ac.newEnt(c, article.Organization)
		ac.byKey[key] = ei
		ac.byKey[low] = ei
		if n >= 2 {
			ac.byLast[d.lwBase(c.e-1)] = ei
			if f := d.lwBase(c.s); ac.standsAlone(d, c.s, c.e) {
				if ac.orgFirst == nil {
					ac.orgFirst = map[string]int{}
				}
				if _, ok := ac.orgFirst[f]; !ok {
					ac.orgFirst[f] = ei
				}
			}
		}
		// "Economic Planning Advisory Council (EPAC)".
		if c.e+2 < len(d.toks) && d.isP(c.e, '(') && d.toks[c.e+1].upper && d.isP(c.e+2, ')') {
			ac.byKey[d.lw(c.e+1)] = ei
		}
		return ei
	case candPerson:
		sur := surnameKey(d.lw(c.e - 1))
		if n >= 2 {
			key := d.lw(c.s) + " " + sur
			if ei, ok := ac.byKey[key]; ok {
				ac.grow(ei, c)
				return ei
			}
			if ei, ok := ac.bySurname[sur]; ok && ac.ents[ei].typ == article.Person && ac.ents[ei].nwords == 1 {
				ac.grow(ei, c)
				ac.byKey[key] = ei
				return ei
			}
			ei := ac.newEnt(c, article.Person)
			ac.byKey[key] = ei
			if _, ok := ac.bySurname[sur]; !ok {
				ac.bySurname[sur] = ei
			}
			if _, ok := ac.byFirst[d.lw(c.s)]; !ok && givenNames[d.lw(c.s)] != 0 {
				ac.byFirst[d.lw(c.s)] = ei
			}
			return ei
		}
		if ei, ok := ac.bySurname[sur]; ok {
			ac.ents[ei].listed = true
			return ei
		}
		if ei, ok := ac.byFirst[sur]; ok {
			return ei
		}
		if ei, ok := ac.byKey[low]; ok && ac.ents[ei].typ == article.Organization {
			return ei
		}
		ei := ac.newEnt(c, article.Person)
		ac.bySurname[sur] = ei
		return ei
	default: // weak
		if n == 1 {
			sur := surnameKey(low)
			if ei, ok := ac.bySurname[sur]; ok {
				return ei
			}
			if ei, ok := ac.byKey[low]; ok {
				return ei
			}
			if ei, ok := ac.byFirst[sur]; ok {
				return ei
			}
			if ei, ok := ac.byLast[low]; ok && d.toks[c.s].kind == kWord && c.s > 0 && d.lw(c.s-1) == "the" {
				return ei
			}
			if ei, ok := ac.orgFirst[low]; ok {
				return ei // "Pennzoil" of "Pennzoil Co", "Cable" of "Cable and Wireless Plc"
			}
			if ei, ok := ac.acronymEnt(d, c.s); ok {
				return ei
			}
			ei := ac.newEnt(c, "")
			ac.byKey[low] = ei
			ac.bySurname[sur] = ei
			return ei
		}
		if ei, ok := ac.byKey[low]; ok {
			return ei
		}
		ei := ac.newEnt(c, "")
		ac.byKey[low] = ei
		sur := surnameKey(d.lw(c.e - 1))
		if _, ok := ac.bySurname[sur]; !ok {
			ac.bySurname[sur] = ei
		}
		return ei
	}
}

// acronymOf writes the initials of an organisation's name into buf and
// returns their number, connectors and legal forms skipped and dotted
// abbreviations spelt out: "Securities and Exchange Commission" -> "SEC",
// "U.S. Agriculture Department" -> "USAD"; 0 when a word opens in lower
// case or the initials do not fit.
func acronymOf(name string, buf *[12]byte) int {
	n := 0
	for len(name) > 0 {
		k := strings.IndexByte(name, ' ')
		w := name
		if k >= 0 {
			w, name = name[:k], name[k+1:]
		} else {
			name = ""
		}
		if w == "" {
			continue
		}
		if !isUpperByte(w[0]) {
			if lw := strings.ToLower(w); connectors[lw] || orgConnectors[lw] || lw == "the" {
				continue
			}
			return 0
		}
		if legalForms[strings.ToLower(w)] {
			continue
		}
		if strings.IndexByte(w, '.') > 0 { // "U.S."
			for i := 0; i < len(w); i++ {
				if w[i] == '.' {
					continue
				}
				if !isUpperByte(w[i]) || n == len(buf) {
					return 0
				}
				buf[n] = w[i]
				n++
			}
			continue
		}
		if n == len(buf) {
			return 0
		}
		buf[n] = w[0]
		n++
	}
	return n
}

// legalForms are the suffixes no acronym spells.
var legalForms = setOf("inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "nv", "bv", "gmbh")

// sortLetters sorts b in place: an acronym may order a name's words
// otherwise ("USDA", the U.S. Department of Agriculture, beside "U.S.
// Agriculture Department").
func sortLetters(b []byte) {
	for i := 1; i < len(b); i++ {
		for j := i; j > 0 && b[j] < b[j-1]; j-- {
			b[j], b[j-1] = b[j-1], b[j]
		}
	}
}

// acronymEnt returns the organisation of two or more words, first named
// first, that an all-capitals word of three or more letters abbreviates:
// its initials in order, or the same letters when the first one agrees.
func (ac *actors) acronymEnt(d *doc, i int) (int, bool) {
	if !d.toks[i].upper {
		return 0, false
	}
	a := d.wordBase(i)
	if len(a) < 3 || len(a) > 12 || !isUpperWord(a) {
		return 0, false
	}
	var want, got [12]byte
	copy(want[:], a)
	sortLetters(want[:len(a)])
	for ei, e := range ac.ents {
		if e.typ != article.Organization || e.nwords < 2 || e.name[0] != a[0] {
			continue
		}
		n := acronymOf(e.name, &got)
		if n != len(a) {
			continue
		}
		if string(got[:n]) == a {
			return ei, true
		}
		sortLetters(got[:n])
		if string(got[:n]) == string(want[:n]) {
			return ei, true
		}
	}
	return 0, false
}

// standsAlone reports whether the first word of the organisation named by
// tokens [s, e) may name it alone: a company's own word before "and" or a
// corporate suffix ("Pennzoil Co", "Cable and Wireless Plc"), or opening a
// name of up to four words that ends in a legal form ("Spar Aerospace
// Ltd"), not a place,
// a title or an organisation noun ("Bank of England").
func (ac *actors) standsAlone(d *doc, s, e int) bool {
	if e-s < 2 || !d.toks[s].cap || d.toks[s].upper {
		return false
	}
	w := d.lwBase(s)
	if notNames[w] || orgNouns[w] || orgHeads[w] || titleWords[w] || headTitles[w] || givenNames[w] != 0 || ac.isPlace(d.word(s)) || ac.isDemonym(d.word(s)) {
		return false
	}
	last := d.lwBase(e - 1)
	return corpNouns[last] && (e-s == 2 || d.lw(s+1) == "and" || d.lw(s+1) == "&") || legalForms[strings.TrimSuffix(last, ".")] && e-s <= 4
}

// newEnt makes an entity from c.
func (ac *actors) newEnt(c *cand, typ string) int {
	e := &entity{name: c.name(), nwords: c.e - c.s, typ: typ, gender: c.gender, media: c.media, first: -1}
	e.listed = typ == article.Organization || typ == article.Person && (c.strong || e.nwords >= 2)
	if e.typ == article.Organization && e.nwords == 1 && !c.d.toks[c.s].upper && c.alias == "" && !c.media {
		e.listed = orgNouns[c.d.lwBase(c.s)] == false
	}
	ac.ents = append(ac.ents, e)
	return len(ac.ents) - 1
}

// grow lets entity ei take c's name when it is fuller.
func (ac *actors) grow(ei int, c *cand) {
	e := ac.ents[ei]
	if n := c.e - c.s; n > e.nwords && (c.kind == candPerson || c.kind == candOrg) {
		e.name, e.nwords = c.name(), n
	}
	if e.gender == 0 {
		e.gender = c.gender
	}
	if c.strong {
		e.listed = true
	}
}

// mentionAt returns the entity named by a body token in [s, e), or -1.
func (ac *actors) mentionAt(s, e int) int {
	for k := e - 1; k >= s; k-- {
		if m := ac.mentAt[k]; m >= 0 {
			return ac.ments[m].ent
		}
	}
	return -1
}

// isActorName reports whether name is an actor's canonical name.
func (ac *actors) isActorName(name string) bool {
	for _, e := range ac.ents {
		if e.name == name && e.typ != "" && !e.dropped {
			return true
		}
	}
	return false
}

// list returns the actors, most mentioned first.
func (ac *actors) list() []article.Actor {
	// Names still undecided after attribution (speakers are persons by
	// then) are typed by shape and context.
	ac.decideWeak(ac.assigned)
	var out []article.Actor
	// A news outlet named only as the one told ("..., Smith told Reuters")
	// is the article's own newsroom, not an actor.
	told := map[int]int{}
	for _, m := range ac.ments {
		if e := ac.ents[m.ent]; e.media {
			n := 1 << 16 // any other mention keeps it
			if p := m.s - 1; p >= 0 && m.d.toks[p].kind == kWord && tellForms[m.d.lw(p)] {
				n = 1
			}
			told[m.ent] += n
		}
	}
	idx := make([]int, 0, len(ac.ents))
	for i, e := range ac.ents {
		if n, ok := told[i]; ok && n < 1<<16 {
			continue
		}
		if e.typ != "" && e.listed && !e.dropped && e.mentions > 0 && !(e.nwords == 1 && (headTitles[strings.ToLower(e.name)] || thingAcronyms[strings.ToLower(e.name)] || len(e.name) == 1)) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return ac.ents[idx[a]].mentions > ac.ents[idx[b]].mentions
	})
	for _, i := range idx {
		e := ac.ents[i]
		out = append(out, article.Actor{Name: e.name, Type: e.typ, Mentions: e.mentions})
	}
	return out
}
