// Package identity picks one name per person across a corpus: "Reagan" in
// one story and "Ronald Reagan" in another are one person, named "Ronald
// Reagan", with "Reagan" kept as an alias. It sees only names and how many
// articles use each, never an index, so an index and `newsdex extract`
// name people alike.
//
// How it decides, and why.
//
// The extractor names each person by the fullest form its article uses;
// across articles the same person still comes under several forms: a bare
// surname where the article never gave the full name, the name with a
// middle name or initial, another casing, a wire's line break inside the
// name, a nickname ("Jim Baker"). The input is, for each form, how many
// articles use it as a person actor, as a speaker, and as an actor of any
// type (Count).
//
//  1. A form is a name when every word is capitalised (not in capitals:
//     "YORK" is a dateline), an initial or a surname particle ("de",
//     "van"), with no digits, at most four words;
//     and, when it is an actor somewhere, it is a person at least as often
//     as an organisation ("Ford" the company stays out). Other forms
//     (descriptions such as "the company", organisations) map to
//     themselves.
//  2. Whitespace is collapsed, and a name splits into given names and a
//     surname: the last word with the particles before it ("Willy de
//     Clercq": given "willy", surname "de clercq"), generational suffixes
//     ("Jr.") left out. Forms that differ only in case, dots or a common
//     nickname of the first given name ("Jim" for "James") are one key.
//  3. Only names with the same surname can be one person. A key with given
//     names joins a longer key that has the same first given name and adds
//     middle names or initials ("George Bush" -> "George W. Bush"); a bare
//     surname joins a full name, and so does a compound surname written
//     without the given name ("Ferreira Montenegro" -> "Lucas Ferreira
//     Montenegro": the short key's words end the long one's). Either joins only when one person holds
//     at least Dominance of the articles of the keys it could join:
//     "Reagan" goes to Ronald Reagan (26 articles, against 1 each for
//     Nancy and Michael Reagan), while "Baker" stays "Baker" when James
//     Baker holds 240 of the full-name articles and Howard Baker 32 (if bare
//     mentions follow full ones, at most one in ten joins the wrong
//     person). A rival named in a single article does not count against
//     a leader named in several: it is as likely an extraction slip
//     ("Athough Reagan") as another person. Two full names with different
//     given names never join.
//     Longer keys are settled first, so a short form joins a person, not
//     a form.
//  4. A person's name is its most used full form (given names and
//     surname; a bare surname only when no full form joined), in its most
//     used spelling; ties go to the longer, then the alphabetically first.
//
// The result depends only on the counts, never on the order articles
// arrive in: an index updated batch by batch and one built at once, or
// `newsdex extract` over the same input, name people alike. A Resolver
// keeps the counts by surname and settles again only the surnames a batch
// touched.
package identity

import (
	"maps"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
)

// Dominance is the share of a surname's (or a short name's) full-name
// articles one person must hold for the shorter form to be taken as that
// person's.
const Dominance = 0.9

// minEvidence is the weight (articles) below which a rival person does
// not make a shorter form ambiguous, when the leading person has at least
// that much.
const minEvidence = 2

// maxWords bounds the words of a form taken for a name, particles and
// suffixes aside: longer runs are mostly organisations or titles run into
// a name.
const maxWords = 4

// Count says how many articles use a form: as a person actor, as a
// speaker, and as an actor of any type (Person included).
type Count struct {
	Person, Speaker, Actor int
}

func (c Count) add(d Count, sign int) Count {
	return Count{c.Person + sign*d.Person, c.Speaker + sign*d.Speaker, c.Actor + sign*d.Actor}
}

// weight is how strongly the articles attest the form as a person's name.
func (c Count) weight() int { return c.Person + c.Speaker }

// Normalize collapses the whitespace of a name (line breaks, tabs, double
// spaces) to single spaces and trims it.
func Normalize(s string) string {
	if !needsNormalize(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func needsNormalize(s string) bool {
	if s == "" {
		return false
	}
	prev := true // a leading space needs trimming
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c == ' '
		if c < utf8.RuneSelf && c != ' ' && unicode.IsSpace(rune(c)) {
			return true
		}
		if c >= utf8.RuneSelf {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return true
			}
		}
		if space && prev {
			return true
		}
		prev = space
	}
	return prev
}

// fold is the lookup key of a form: normalised and lower-cased.
func fold(s string) string { return strings.ToLower(Normalize(s)) }

// ArticleCounts returns the forms an article uses, each counted once:
// person actors, speakers and actors, whitespace normalised.
func ArticleCounts(a *article.Article) map[string]Count {
	out := map[string]Count{}
	seen := map[string]bool{}
	for _, ac := range a.Actors {
		n := Normalize(ac.Name)
		if n == "" {
			continue
		}
		c := out[n]
		if !seen["a\x00"+n] {
			seen["a\x00"+n] = true
			c.Actor++
		}
		if ac.Type == article.Person && !seen["p\x00"+n] {
			seen["p\x00"+n] = true
			c.Person++
		}
		out[n] = c
	}
	for _, s := range a.Speakers {
		n := Normalize(s)
		if n == "" || seen["s\x00"+n] {
			continue
		}
		seen["s\x00"+n] = true
		c := out[n]
		c.Speaker++
		out[n] = c
	}
	return out
}

// particles join the word after them into one surname ("de Clercq").
var particles = map[string]bool{
	"de": true, "du": true, "da": true, "di": true, "del": true, "della": true, "dos": true, "das": true,
	"van": true, "von": true, "der": true, "den": true, "ter": true, "ten": true, "le": true, "la": true,
	"bin": true, "ibn": true, "al": true, "el": true, "st.": true,
}

// leadingParticles may start a bare surname ("De Clercq"); "Al" and "El"
// are given names there.
var leadingParticles = map[string]bool{
	"de": true, "du": true, "da": true, "di": true, "del": true, "della": true, "dos": true, "das": true,
	"van": true, "von": true, "der": true, "den": true, "ter": true, "ten": true, "le": true, "la": true,
}

// suffixes are generational suffixes, not surnames.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// nicknames maps common English nicknames to the given name they stand for.
var nicknames = map[string]string{
	"jim": "james", "jimmy": "james", "bill": "william", "billy": "william", "will": "william",
	"bob": "robert", "bobby": "robert", "rob": "robert", "dick": "richard", "rick": "richard",
	"mike": "michael", "tom": "thomas", "tommy": "thomas", "joe": "joseph", "dan": "daniel",
	"dave": "david", "steve": "stephen", "chuck": "charles", "charlie": "charles", "ted": "edward",
	"ed": "edward", "tony": "anthony", "andy": "andrew", "pat": "patrick", "ron": "ronald",
	"don": "donald", "jerry": "gerald", "larry": "lawrence", "fred": "frederick", "sam": "samuel",
	"ben": "benjamin", "ken": "kenneth", "greg": "gregory", "jeff": "jeffrey", "nick": "nicholas",
	"matt": "matthew", "chris": "christopher", "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine",
	"peggy": "margaret", "maggie": "margaret", "sue": "susan", "jack": "john", "hank": "henry",
}

// parsed is a name split for matching.
type parsed struct {
	given   []string // lower-cased, dots dropped, the first nickname-resolved
	surname string   // lower-cased, particles joined with spaces
}

// key is the form's identity within its surname.
func (p parsed) key() string { return strings.Join(p.given, " ") + "|" + p.surname }

// parse splits a normalised form; ok is false when it is not a name.
func parse(form string) (parsed, bool) { return split(form, true) }

// split splits a normalised form; strict checks that each word can be a
// name's (lookups of what a user typed are not strict: "ronald reagan").
func split(form string, strict bool) (parsed, bool) {
	words := strings.Split(form, " ")
	if form == "" {
		return parsed{}, false
	}
	core := 0 // words other than particles and suffixes
	for _, w := range words {
		if strict && !nameWord(w) {
			return parsed{}, false
		}
		if l := strings.ToLower(w); !particles[l] && !suffixes[strings.Trim(l, ".,")] {
			core++
		}
	}
	if core > maxWords {
		return parsed{}, false
	}
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = strings.ToLower(w)
	}
	for len(lw) > 1 && suffixes[strings.Trim(lw[len(lw)-1], ".,")] {
		lw = lw[:len(lw)-1]
	}
	end := len(lw) - 1
	start := end
	for start > 0 && particles[lw[start-1]] {
		if start-1 == 0 && !leadingParticles[lw[0]] {
			break
		}
		start--
	}
	last := strings.TrimSuffix(lw[end], ".")
	if strings.ContainsRune(last, '.') || utf8.RuneCountInString(last) < 2 {
		return parsed{}, false // an initial or abbreviation is no surname
	}
	p := parsed{surname: strings.Join(append(append([]string{}, lw[start:end]...), last), " ")}
	for i, w := range lw[:start] {
		w = strings.ReplaceAll(w, ".", "")
		if w == "" {
			continue
		}
		if i == 0 {
			if n, ok := nicknames[w]; ok {
				w = n
			}
		}
		p.given = append(p.given, w)
	}
	return p, true
}

// nameWord reports whether w can be a word of a person's name.
func nameWord(w string) bool {
	if w == "" {
		return false
	}
	if particles[strings.ToLower(w)] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	letters, upper := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case r == '.' || r == '-' || r == '\'' || r == '\u2019':
		default:
			return false
		}
	}
	// A word in capitals ("YORK", "REUTER") is a dateline, a sign-off or
	// an acronym, not a name; initials ("J.D.") and numerals pass.
	if upper == letters && letters > 1 && !strings.Contains(w, ".") && !suffixes[strings.ToLower(w)] {
		return false
	}
	return letters > 0
}

// eligible reports whether a form's counts make it a person's name.
func eligible(c Count) bool {
	if c.weight() <= 0 {
		return false
	}
	if c.Actor > 0 && c.Person < c.Actor-c.Person {
		return false // mostly an organisation
	}
	return true
}

// Table maps forms to their person's name. The zero Table and a nil one
// map every form to itself. A Table is never changed once built: safe for
// concurrent use.
type Table struct {
	groups map[string]*group // by surname
	// canon remembers Canonical's answers (form as given -> name). A
	// table never changes once made, and a search gives every speaker
	// and actor value it counted its person's name (facets add up by
	// person), the same values query after query, while reading a form
	// costs several string passes and allocations: at 100k articles
	// this was a quarter of a search's time.
	canon  sync.Map
	canonN atomic.Int64 // entries in canon, at most maxCanonMemo
}

// maxCanonMemo bounds Canonical's memory: the forms an index holds are
// far fewer, but names given in requests are anyone's.
const maxCanonMemo = 1 << 20

// group is one surname's forms, settled.
type group struct {
	counts map[string]Count  // by form as written (normalised); a copy: the Resolver's change
	canon  map[string]string // folded form -> its person's name
	forms  map[string][]string
}

// lookup returns the group and folded form of name. A form the corpus
// uses that is no name ("REUTER" beside the person "Reuter") has none: a
// form is looked up by its case only when the corpus does not use it as
// written (a user's "tomas varga").
func (t *Table) lookup(name string) (*group, string) {
	if t == nil || len(t.groups) == 0 {
		return nil, ""
	}
	n := Normalize(name)
	p, ok := split(n, false)
	if !ok {
		return nil, ""
	}
	g := t.groups[p.surname]
	if g == nil {
		return nil, ""
	}
	if c, used := g.counts[n]; used {
		if _, ok := parse(n); !ok || !eligible(c) {
			return nil, ""
		}
	}
	return g, strings.ToLower(n)
}

// Canonical returns the name of the person a form stands for: the form
// itself (whitespace normalised) when it is not a known person's name.
func (t *Table) Canonical(name string) string {
	if t == nil {
		return Normalize(name)
	}
	if c, ok := t.canon.Load(name); ok {
		return c.(string)
	}
	c := t.canonical(name)
	if t.canonN.Load() < maxCanonMemo {
		if _, loaded := t.canon.LoadOrStore(name, c); !loaded {
			t.canonN.Add(1)
		}
	}
	return c
}

// canonical is Canonical without the memory.
func (t *Table) canonical(name string) string {
	g, f := t.lookup(name)
	if g != nil {
		if c, ok := g.canon[f]; ok {
			return c
		}
	}
	return Normalize(name)
}

// Forms returns every form of the person a form stands for, the person's
// name first, then the others sorted; nil when the form is not a known
// person's name.
func (t *Table) Forms(name string) []string {
	g, f := t.lookup(name)
	if g == nil {
		return nil
	}
	c, ok := g.canon[f]
	if !ok {
		return nil
	}
	return g.forms[c]
}

// Surname answers a bare surname the corpus never writes alone
// ("Volcker" when every article says "Paul Volcker"): name is the person
// who holds at least Dominance of the articles of the people with that
// surname, as a bare surname would join (settle); otherwise people lists
// them, most used first, and name is "". Both are empty when s is a form
// the corpus uses, not a bare surname, or nobody's surname.
func (t *Table) Surname(s string) (name string, people []string) {
	g, f := t.lookup(s)
	if g == nil {
		return "", nil
	}
	if _, ok := g.canon[f]; ok {
		return "", nil
	}
	if p, ok := split(Normalize(s), false); !ok || len(p.given) > 0 {
		return "", nil
	}
	weight := map[string]int{}
	total := 0
	for n, forms := range g.forms {
		if p, ok := parse(n); !ok || len(p.given) == 0 {
			continue
		}
		for _, form := range forms {
			weight[n] += g.counts[form].weight()
		}
		total += weight[n]
	}
	for n := range weight {
		people = append(people, n)
	}
	sort.Slice(people, func(i, j int) bool {
		if weight[people[i]] != weight[people[j]] {
			return weight[people[i]] > weight[people[j]]
		}
		return people[i] < people[j]
	})
	if len(people) == 0 {
		return "", nil
	}
	top := weight[people[0]]
	if top >= minEvidence {
		for _, n := range people[1:] {
			if weight[n] < minEvidence {
				total -= weight[n] // a rival named once, as in settle
			}
		}
	}
	if float64(top) >= Dominance*float64(total) {
		return people[0], nil
	}
	return "", people
}

// Aliases returns the other forms of the person a form stands for (all but
// its name), sorted; nil when there are none.
func (t *Table) Aliases(name string) []string {
	fs := t.Forms(name)
	if len(fs) < 2 {
		return nil
	}
	return fs[1:]
}

// Apply names the people of an article by the table: actors, speakers and
// quote speakers take their person's name (actors that become one are
// merged, their mentions added), and a.Aliases lists the other forms of
// each name the article uses that has any.
func (t *Table) Apply(a *article.Article) {
	a.Aliases = nil
	if t == nil {
		return
	}
	aliases := map[string][]string{}
	name := func(s string) string {
		c := t.Canonical(s)
		if al := t.Aliases(c); len(al) > 0 {
			aliases[c] = al
		}
		return c
	}
	if len(a.Actors) > 0 {
		at := map[string]int{}
		out := a.Actors[:0:0]
		for _, ac := range a.Actors {
			ac.Name = name(ac.Name)
			if i, ok := at[ac.Name]; ok {
				out[i].Mentions += ac.Mentions
				if ac.Type == article.Person {
					out[i].Type = article.Person
				}
				continue
			}
			at[ac.Name] = len(out)
			out = append(out, ac)
		}
		a.Actors = out
	}
	if len(a.Speakers) > 0 {
		seen := map[string]bool{}
		out := a.Speakers[:0:0]
		for _, s := range a.Speakers {
			if s = name(s); !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		a.Speakers = out
	}
	for i := range a.Quotes {
		if a.Quotes[i].SpeakerNamed {
			a.Quotes[i].Speaker = name(a.Quotes[i].Speaker)
		}
	}
	if len(aliases) > 0 {
		a.Aliases = aliases
	}
}

// Resolver keeps the counts of a corpus's forms and the Table they give,
// updated as articles come and go. It is not safe for concurrent use.
type Resolver struct {
	counts map[string]map[string]Count // surname -> form -> count
	dirty  map[string]bool
	table  *Table
}

// NewResolver returns an empty Resolver.
func NewResolver() *Resolver {
	return &Resolver{counts: map[string]map[string]Count{}, dirty: map[string]bool{}, table: &Table{groups: map[string]*group{}}}
}

// Add adds (sign 1) or removes (sign -1) the counts of forms.
func (r *Resolver) Add(forms map[string]Count, sign int) {
	for form, c := range forms {
		form = Normalize(form)
		p, ok := split(form, false) // kept even when no name: lookup must know it is used
		if !ok {
			continue
		}
		m := r.counts[p.surname]
		if m == nil {
			m = map[string]Count{}
			r.counts[p.surname] = m
		}
		n := m[form].add(c, sign)
		if n == (Count{}) || n.Person < 0 || n.Speaker < 0 || n.Actor < 0 {
			delete(m, form)
		} else {
			m[form] = n
		}
		if len(m) == 0 {
			delete(r.counts, p.surname)
		}
		r.dirty[p.surname] = true
	}
}

// AddArticle adds (sign 1) or removes (sign -1) an article's forms.
func (r *Resolver) AddArticle(a *article.Article, sign int) {
	r.Add(ArticleCounts(a), sign)
}

// Table returns the table of the counts so far, settling the surnames
// changed since the last call. Tables returned earlier stay as they were.
func (r *Resolver) Table() *Table {
	if len(r.dirty) == 0 {
		return r.table
	}
	groups := make(map[string]*group, len(r.table.groups)+len(r.dirty))
	for s, g := range r.table.groups {
		if !r.dirty[s] {
			groups[s] = g
		}
	}
	for s := range r.dirty {
		if m := r.counts[s]; len(m) > 0 {
			if g := settle(m); g != nil {
				groups[s] = g
			}
		}
	}
	r.dirty = map[string]bool{}
	r.table = &Table{groups: groups}
	return r.table
}

// Resolve returns the table of a set of counts at once.
func Resolve(forms map[string]Count) *Table {
	r := NewResolver()
	r.Add(forms, 1)
	return r.Table()
}

// entity is the forms of one key.
type entity struct {
	p      parsed
	weight int
	forms  []string // as written
	parent *entity  // the longer entity it joins, nil for a person
}

func (e *entity) root() *entity {
	for e.parent != nil {
		e = e.parent
	}
	return e
}

// settle resolves the forms of one surname; nil when none is a name.
func settle(counts map[string]Count) *group {
	byKey := map[string]*entity{}
	for form, c := range counts {
		if !eligible(c) {
			continue
		}
		p, ok := parse(form)
		if !ok {
			continue
		}
		k := p.key()
		e := byKey[k]
		if e == nil {
			e = &entity{p: p}
			byKey[k] = e
		}
		e.weight += c.weight()
		e.forms = append(e.forms, form)
	}
	if len(byKey) == 0 {
		return nil
	}
	ents := make([]*entity, 0, len(byKey))
	for _, e := range byKey {
		ents = append(ents, e)
	}
	// Longest first, so that an entity's longer forms are settled before it.
	sort.Slice(ents, func(i, j int) bool {
		if len(ents[i].p.given) != len(ents[j].p.given) {
			return len(ents[i].p.given) > len(ents[j].p.given)
		}
		return ents[i].p.key() < ents[j].p.key()
	})
	for _, e := range ents {
		weights := map[*entity]int{}
		total := 0
		for _, f := range ents {
			if len(f.p.given) <= len(e.p.given) || !extends(f.p, e.p) {
				continue
			}
			weights[f.root()] += f.weight
			total += f.weight
		}
		if total == 0 {
			continue
		}
		var best *entity
		for r, w := range weights {
			if best == nil || w > weights[best] || (w == weights[best] && r.p.key() < best.p.key()) {
				best = r
			}
		}
		if weights[best] >= minEvidence {
			// A rival seen in one article is as likely an extraction
			// slip ("Athough Reagan") as another person.
			for r, w := range weights {
				if r != best && w < minEvidence {
					total -= w
				}
			}
		}
		if float64(weights[best]) >= Dominance*float64(total) {
			e.parent = best
		}
	}
	// Each person's forms, and its name.
	members := map[*entity][]*entity{}
	for _, e := range ents {
		r := e.root()
		members[r] = append(members[r], e)
	}
	g := &group{counts: maps.Clone(counts), canon: map[string]string{}, forms: map[string][]string{}}
	for _, ms := range members {
		name := nameOf(ms, counts)
		var forms []string
		seen := map[string]bool{}
		for _, e := range ms {
			for _, f := range e.forms {
				g.canon[strings.ToLower(f)] = name
				if f != name && !seen[f] {
					seen[f] = true
					forms = append(forms, f)
				}
			}
		}
		sort.Strings(forms)
		g.forms[name] = append([]string{name}, forms...)
	}
	return g
}

// extends reports whether long can be the same person as short: the same
// surname, and short's given names (if any) are long's first given name
// followed by some of its others in order, or long's last given names (a
// compound surname).
func extends(long, short parsed) bool {
	if long.surname != short.surname {
		return false
	}
	if len(short.given) == 0 {
		return len(long.given) > 0
	}
	if n := len(long.given) - len(short.given); n > 0 && long.given[0] != short.given[0] {
		// A compound surname without the given name: "Ferreira
		// Montenegro" is "Lucas Ferreira Montenegro".
		for i, w := range short.given {
			if long.given[n+i] != w {
				return false
			}
		}
		return true
	}
	if long.given[0] != short.given[0] {
		return false
	}
	i := 1
	for _, w := range short.given[1:] {
		for i < len(long.given) && long.given[i] != w {
			i++
		}
		if i == len(long.given) {
			return false
		}
		i++
	}
	return true
}

// nameOf picks a person's name among its entities' forms: the most used
// full form, in its most used spelling.
func nameOf(ms []*entity, counts map[string]Count) string {
	var best *entity
	for _, e := range ms {
		if best == nil || better(e, best) {
			best = e
		}
	}
	name := ""
	for _, f := range best.forms {
		if name == "" {
			name = f
			continue
		}
		wf, wn := counts[f].weight(), counts[name].weight()
		if wf > wn || (wf == wn && (len(f) > len(name) || (len(f) == len(name) && f < name))) {
			name = f
		}
	}
	return name
}

// better reports whether a names a person better than b: a full name over
// a bare surname, then more articles, then more words, then the key.
func better(a, b *entity) bool {
	af, bf := len(a.p.given) > 0, len(b.p.given) > 0
	if af != bf {
		return af
	}
	if a.weight != b.weight {
		return a.weight > b.weight
	}
	if len(a.p.given) != len(b.p.given) {
		return len(a.p.given) > len(b.p.given)
	}
	return a.p.key() < b.p.key()
}
