// Package gazetteer knows the world's countries: names, alternative names,
// demonyms, capitals, and the UN M49 regions they belong to.
//
// The country data (ISO codes, common and official names, capitals, UN M49
// region and sub-region, the states and provinces of the United States,
// Canada and Australia) is generated from the mledoze/countries data set as
// packaged by github.com/pariz/gountries (gountries under the MIT licence,
// the data under the ODbL 1.0; see NOTICE) into
// countries.tsv, subdivisions.tsv and translations.tsv (the names in
// French, Spanish, German, Portuguese and Italian) by `go generate`. What that data lacks
// for reading news -- demonyms, abbreviations, seats of government, former
// states, major cities, the Middle East -- is kept by hand in supplement.tsv,
// which says for each line what it is; what it lacks in the other
// languages (names, demonyms) in languages.tsv (lang.go). All the files are
// embedded, parsed once, and shared.
package gazetteer

//go:generate go run ./gen

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

var (
	//go:embed countries.tsv
	countriesTSV string
	//go:embed subdivisions.tsv
	subdivisionsTSV string
	//go:embed supplement.tsv
	supplementTSV string
)

// MiddleEast is the name of the region Regions adds for the usual members of
// the Middle East (listed in supplement.tsv).
const MiddleEast = "Middle East"

// Country is one country or territory of the gazetteer.
type Country struct {
	Code      string // ISO 3166-1 alpha-2, upper case
	Alpha3    string // ISO 3166-1 alpha-3, upper case
	Name      string // English short name ("Iraq")
	Official  string // English official name ("Republic of Iraq")
	Capital   string // capital as the data spells it ("Baghdad"); may be ""
	Region    string // UN M49 region ("Asia")
	SubRegion string // UN M49 sub-region ("Western Asia")
}

// Kind says what sort of phrase a Place was found by.
type Kind uint8

// Kinds of place phrases, from the strongest evidence of a country to the
// weakest.
const (
	KindName        Kind = iota + 1 // a common, official or alternative name ("Iraq", "Holland")
	KindFormer                      // a former state, mapped to its successor ("Soviet Union")
	KindAbbrev                      // an abbreviation, matched with its exact case ("US", "UAE")
	KindDemonym                     // an adjective or people ("Iraqi", "British")
	KindCapital                     // a capital, often a metonym for the government ("Tehran")
	KindSeat                        // a seat of government ("the Kremlin", "Downing Street")
	KindInstitution                 // a national institution ("Bundesbank"); no place
	KindCity                        // a major city that says its country ("London")
	KindState                       // a state or province ("Texas", "Ontario")
	KindDateline                    // a state abbreviation counted only in a dateline ("Calif.")
	KindBlock                       // a phrase that holds a country's name but names none ("Latin America")
)

var kindNames = map[string]Kind{
	"name": KindName, "alias": KindName, "former": KindFormer, "abbrev": KindAbbrev,
	"demonym": KindDemonym, "capital": KindCapital, "seat": KindSeat,
	"institution": KindInstitution, "city": KindCity, "state": KindState,
	"dateline": KindDateline, "block": KindBlock,
}

// String returns the kind's name as supplement.tsv spells it.
func (k Kind) String() string {
	for name, v := range kindNames {
		if v == k && name != "alias" {
			return name
		}
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Place is what a phrase of the gazetteer stands for.
type Place struct {
	Code string // ISO alpha-2 of the country meant; "" for KindBlock
	Kind Kind
	// Exact is set for phrases matched with their exact case (dots aside):
	// "US" and "U.S." but not "us".
	Exact bool
	// Ambiguous is set for names that are also first names, common words or
	// other places ("Jordan", "Chad", "Turkey", "Georgia"): a reader should
	// look at their context before counting them.
	Ambiguous bool
	// Alt is the other country an ambiguous phrase may mean ("US" for
	// Georgia, the state); "" when there is none.
	Alt string
}

// Gazetteer answers questions about countries and regions. It is safe for
// concurrent use.
type Gazetteer struct {
	countries  []Country
	byCode     map[string]*Country // alpha-2 and alpha-3, upper case
	byName     map[string]*Country // normalised names, official names, aliases, former names
	regions    map[string]string   // lower case -> canonical region or sub-region
	middleEast map[string]bool
	phrases    map[string]Place      // normalised phrase ("soviet union") -> place
	trie       map[string][]*phrase  // first token key -> phrases, longest first
	langs      map[string]*langTable // ISO 639-1 code -> that language's phrases (lang.go)
}

// phrase is one entry of the matcher: its token keys and, for exact
// entries, the tokens as written (dots removed).
type phrase struct {
	keys  []string
	exact []string // the tokens as written, for Exact phrases
	upper []string // the same in capitals
	// anyCase phrases match in any case (demonyms of other languages).
	anyCase bool
	place   Place
}

var defaultOnce = sync.OnceValues(func() (*Gazetteer, error) {
	g, err := Parse(countriesTSV, subdivisionsTSV, supplementTSV)
	if err != nil {
		return nil, err
	}
	if err := g.ParseLanguages(translationsTSV, languagesTSV); err != nil {
		return nil, err
	}
	return g, nil
})

// Default returns the gazetteer built from the embedded data, loaded once.
// The embedded data is checked by the package's tests, so Default does not
// fail; should it, it returns an empty gazetteer that knows no place.
func Default() *Gazetteer {
	g, err := defaultOnce()
	if err != nil {
		return newGazetteer()
	}
	return g
}

func newGazetteer() *Gazetteer {
	return &Gazetteer{
		byCode:     map[string]*Country{},
		byName:     map[string]*Country{},
		regions:    map[string]string{},
		middleEast: map[string]bool{},
		phrases:    map[string]Place{},
		trie:       map[string][]*phrase{},
	}
}

// Parse builds a gazetteer from the text of countries.tsv, subdivisions.tsv
// and supplement.tsv (the embedded files' formats, described in each).
func Parse(countries, subdivisions, supplement string) (*Gazetteer, error) {
	g := newGazetteer()
	for n, line := range lines(countries) {
		f := strings.Split(line, "\t")
		if len(f) != 7 || len(f[0]) != 2 {
			return nil, fmt.Errorf("parse countries line %d: want 7 fields, got %q", n, line)
		}
		g.countries = append(g.countries, Country{Code: f[0], Alpha3: f[1], Name: f[2],
			Official: f[3], Capital: f[4], Region: f[5], SubRegion: f[6]})
	}
	for i := range g.countries {
		c := &g.countries[i]
		g.byCode[c.Code] = c
		g.byCode[c.Alpha3] = c
		for _, r := range []string{c.Region, c.SubRegion} {
			if r != "" {
				g.regions[strings.ToLower(r)] = r
			}
		}
	}
	g.regions[strings.ToLower(MiddleEast)] = MiddleEast

	// The supplement is read first: its verdicts on ambiguous names and
	// capitals apply to the generated data.
	type supLine struct {
		code    string
		kind    string
		phrases []string
	}
	var sup []supLine
	noCapital := map[string]bool{}
	ambiguous := map[string]Place{} // key -> code, alt
	for n, line := range lines(supplement) {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("parse supplement line %d: want 3 fields, got %q", n, line)
		}
		code, kind, list := f[0], f[1], strings.Split(f[2], "|")
		switch kind {
		case "middleeast":
			for _, c := range list {
				g.middleEast[c] = true
			}
		case "nocapital":
			for _, p := range list {
				noCapital[Key(p)] = true
			}
		case "ambiguous":
			for _, p := range list {
				name, alt, _ := strings.Cut(p, ">")
				ambiguous[Key(name)] = Place{Code: code, Alt: alt}
			}
		default:
			if _, ok := kindNames[kind]; !ok {
				return nil, fmt.Errorf("parse supplement line %d: unknown kind %q", n, kind)
			}
			if kind != "block" && g.byCode[code] == nil {
				return nil, fmt.Errorf("parse supplement line %d: unknown country %q", n, code)
			}
			sup = append(sup, supLine{code, kind, list})
		}
	}

	for i := range g.countries {
		c := &g.countries[i]
		g.add(c.Name, Place{Code: c.Code, Kind: KindName}, ambiguous)
		g.add(c.Official, Place{Code: c.Code, Kind: KindName}, ambiguous)
		g.byName[Key(c.Name)] = c
		g.byName[Key(c.Official)] = c
	}
	for _, l := range sup {
		k := kindNames[l.kind]
		for _, p := range l.phrases {
			if Key(p) == "" {
				return nil, fmt.Errorf("parse supplement: empty phrase in %s %s", l.code, l.kind)
			}
			pl := Place{Code: l.code, Kind: k, Exact: l.kind == "abbrev" || l.kind == "dateline"}
			if l.code == "-" {
				pl.Code = ""
			}
			g.add(p, pl, ambiguous)
			if k == KindName || k == KindFormer || k == KindAbbrev {
				if _, ok := g.byName[Key(p)]; !ok {
					g.byName[Key(p)] = g.byCode[l.code]
				}
			}
		}
	}
	for i := range g.countries {
		c := &g.countries[i]
		if c.Capital != "" && !noCapital[Key(c.Capital)] {
			g.add(c.Capital, Place{Code: c.Code, Kind: KindCapital}, ambiguous)
		}
	}
	for n, line := range lines(subdivisions) {
		f := strings.Split(line, "\t")
		if len(f) != 3 || g.byCode[f[0]] == nil {
			return nil, fmt.Errorf("parse subdivisions line %d: %q", n, line)
		}
		g.add(f[2], Place{Code: f[0], Kind: KindState}, ambiguous)
	}
	for _, list := range g.trie {
		slices.SortStableFunc(list, func(a, b *phrase) int { return len(b.keys) - len(a.keys) })
	}
	for key, p := range ambiguous {
		if _, ok := g.phrases[key]; !ok {
			return nil, fmt.Errorf("parse supplement: ambiguous %q is no known phrase", key)
		}
		_ = p
	}
	return g, nil
}

// lines yields the non-blank, non-comment lines of a TSV file with their
// line numbers.
func lines(s string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, line := range strings.Split(s, "\n") {
			line = strings.TrimRight(line, "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !yield(i+1, line) {
				return
			}
		}
	}
}

// add enters a phrase. The first entry of a phrase wins, so names come
// before the supplement, which comes before capitals and states.
func (g *Gazetteer) add(s string, p Place, ambiguous map[string]Place) {
	toks := tokenize(s)
	if len(toks) == 0 {
		return
	}
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.key
	}
	key := strings.Join(keys, " ")
	if _, ok := g.phrases[key]; ok {
		return
	}
	if a, ok := ambiguous[key]; ok && a.Code == p.Code {
		p.Ambiguous, p.Alt = true, a.Alt
	}
	ph := &phrase{keys: keys, place: p}
	if p.Exact {
		ph.exact = make([]string, len(toks))
		ph.upper = make([]string, len(toks))
		for i, t := range toks {
			ph.exact[i] = withoutDots(s[t.start:t.end])
			ph.upper[i] = strings.ToUpper(ph.exact[i])
		}
	}
	g.phrases[key] = p
	g.trie[keys[0]] = append(g.trie[keys[0]], ph)
}

// Countries returns every country and territory of the gazetteer, ordered
// by code. The slice is shared: do not modify it.
func (g *Gazetteer) Countries() []Country { return g.countries }

// ByCode returns the country with the ISO alpha-2 (or alpha-3) code, in
// any case.
func (g *Gazetteer) ByCode(code string) (*Country, bool) {
	c, ok := g.byCode[strings.ToUpper(strings.TrimSpace(code))]
	return c, ok
}

// Lookup resolves a code, a name or an alternative name (including former
// names such as "Soviet Union" and abbreviations such as "U.S."), in any
// case.
func (g *Gazetteer) Lookup(s string) (*Country, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 2 || len(s) == 3 {
		if c, ok := g.ByCode(s); ok {
			return c, true
		}
	}
	key := Key(s)
	if key == "" {
		return nil, false
	}
	c, ok := g.byName[key]
	return c, ok && c != nil
}

// CountryCode resolves a code or name, in any case, to the alpha-2 code.
func (g *Gazetteer) CountryCode(s string) (string, bool) {
	c, ok := g.Lookup(s)
	if !ok {
		return "", false
	}
	return c.Code, true
}

// CountryName returns the English name of an alpha-2 code, or the code.
func (g *Gazetteer) CountryName(code string) string {
	if c, ok := g.ByCode(code); ok {
		return c.Name
	}
	return code
}

// RegionName resolves a region or sub-region name, in any case, to its
// canonical form ("western asia" -> "Western Asia").
func (g *Gazetteer) RegionName(s string) (string, bool) {
	r, ok := g.regions[strings.ToLower(strings.Join(strings.Fields(s), " "))]
	return r, ok
}

// Regions returns the regions of a country, broadest first: its UN M49
// region and sub-region, and "Middle East" for the usual members.
func (g *Gazetteer) Regions(code string) []string {
	c, ok := g.ByCode(code)
	if !ok {
		return nil
	}
	var out []string
	for _, r := range []string{c.Region, c.SubRegion} {
		if r != "" {
			out = append(out, r)
		}
	}
	if g.middleEast[c.Code] {
		out = append(out, MiddleEast)
	}
	return out
}

// IsPlace reports whether a capitalised name is a place the gazetteer knows
// (a country, demonym, capital, seat of government, state or city) and so
// not a person or organisation. A leading "the" is ignored ("the Kremlin");
// abbreviations must keep their case ("US" is a place, "Us" is not).
// Institutions ("Bundesbank") are organisations, not places.
func (g *Gazetteer) IsPlace(name string) bool {
	k, ok := g.PlaceKind(name)
	if !ok {
		return false
	}
	switch k {
	case KindInstitution, KindBlock, KindDateline:
		return false
	}
	return true
}

// PlaceKind returns the kind of phrase a capitalised name is in the
// gazetteer, if it is one: as IsPlace, but it also answers for
// institutions, blocks and dateline abbreviations ("N.J", "Calif").
func (g *Gazetteer) PlaceKind(name string) (Kind, bool) {
	if k, ok, done := g.wordKind(name); done {
		return k, ok
	}
	return g.placeKind(name)
}

// placeKind is PlaceKind for any name: it tokenises name as the
// gazetteer's phrases were.
func (g *Gazetteer) placeKind(name string) (Kind, bool) {
	name = strings.TrimSpace(name)
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		name = name[4:]
	}
	toks := tokenize(name)
	if len(toks) == 0 || len(toks) > 8 {
		return 0, false
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	p, ok := g.phrases[b.String()]
	if !ok {
		return 0, false
	}
	if p.Exact {
		for _, ph := range g.trie[toks[0].key] {
			if len(ph.keys) == len(toks) && ph.place == p {
				for i, t := range toks {
					if withoutDots(name[t.start:t.end]) != ph.exact[i] {
						return 0, false
					}
				}
				return p.Kind, true
			}
		}
		return 0, false
	}
	return p.Kind, true
}

// wordKind is PlaceKind's fast path for ASCII words of letters with one
// space between them (most of the names extraction asks about), without
// tokenising; done is false for any other name.
func (g *Gazetteer) wordKind(name string) (k Kind, ok, done bool) {
	if len(name) == 0 || len(name) > 48 || name[0] == ' ' || name[len(name)-1] == ' ' {
		return 0, false, false
	}
	var buf [48]byte
	words := 1
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z':
			buf[i] = c
		case 'A' <= c && c <= 'Z':
			buf[i] = c + 'a' - 'A'
		case c == ' ' && name[i-1] != ' ':
			buf[i] = c
			words++
		default:
			return 0, false, false
		}
	}
	key := buf[:len(name)]
	if len(name) > 4 && string(key[:4]) == "the " {
		return 0, false, false // PlaceKind drops a leading "the"
	}
	p, found := g.phrases[string(key)]
	if !found {
		return 0, false, true
	}
	if !p.Exact {
		return p.Kind, true, true
	}
	if words > 1 {
		return 0, false, false
	}
	for _, ph := range g.trie[string(key)] {
		if len(ph.keys) == 1 && ph.place == p {
			if name != ph.exact[0] {
				return 0, false, true
			}
			return p.Kind, true, true
		}
	}
	return 0, false, true
}

// Key returns the normalised form under which the gazetteer files a
// phrase: words lower-cased, accents and dots dropped, a possessive 's cut,
// joined by single spaces ("Côte d'Ivoire" -> "cote d'ivoire", "U.S." ->
// "us").
func Key(s string) string {
	toks := tokenize(s)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.key
	}
	return strings.Join(keys, " ")
}

func withoutDots(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	return strings.ReplaceAll(s, ".", "")
}
