package gazetteer

// Country names in other languages.
//
// An article in French, Spanish, German, Portuguese or Italian names
// countries in its own language: "Allemagne", "Estados Unidos",
// "die amerikanische Regierung". ScanLang matches, besides every English
// phrase Scan matches, the phrases of the article's language: the common
// names that the mledoze/countries data gives in that language
// (translations.tsv, generated) and a hand-kept list of the names the data
// lacks and of demonyms (languages.tsv). Phrases of one language are matched
// only in articles in that language: "Mali" is Italian for "ills", "Maurice"
// a French first name, and a name in one language is often a word in
// another. Names must start with a capital, as English names must;
// demonyms are adjectives, written in lower case in all five languages
// ("le gouvernement américain"), and match in any case. Where an English
// phrase and a phrase of the language start at the same word, the longer
// wins, and the English one when they are as long.

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

var (
	//go:embed translations.tsv
	translationsTSV string
	//go:embed languages.tsv
	languagesTSV string
)

// Languages are the ISO 639-1 codes of the languages whose country names
// and demonyms the gazetteer knows besides English.
var Languages = []string{"fr", "es", "de", "pt", "it"}

// langTable holds the phrases of one language.
type langTable struct {
	phrases map[string]Place
	trie    map[string][]*phrase
}

// germanEndings are the endings a German adjective stem takes.
var germanEndings = []string{"", "e", "en", "er", "es", "em"}

// ParseLanguages adds to g the country names and demonyms of other
// languages, from the text of translations.tsv and languages.tsv (formats
// described in each).
func (g *Gazetteer) ParseLanguages(translations, languages string) error {
	if g.langs == nil {
		g.langs = map[string]*langTable{}
	}
	for _, l := range Languages {
		if g.langs[l] == nil {
			g.langs[l] = &langTable{phrases: map[string]Place{}, trie: map[string][]*phrase{}}
		}
	}
	table := func(n int, lang, code string) (*langTable, error) {
		t := g.langs[lang]
		if t == nil {
			return nil, fmt.Errorf("line %d: unknown language %q (want one of %s)", n, lang, strings.Join(Languages, ", "))
		}
		if g.byCode[code] == nil {
			return nil, fmt.Errorf("line %d: unknown country %q", n, code)
		}
		return t, nil
	}
	type entry struct {
		t       *langTable
		phrase  string
		place   Place
		anyCase bool
	}
	var names, demonyms []entry
	skip := map[string]map[string]bool{} // language -> key
	for n, line := range lines(languages) {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return fmt.Errorf("parse languages line %d: want 4 fields, got %q", n, line)
		}
		t, err := table(n, f[0], f[1])
		if err != nil {
			return fmt.Errorf("parse languages %w", err)
		}
		for _, p := range strings.Split(f[3], "|") {
			if Key(p) == "" {
				return fmt.Errorf("parse languages line %d: empty phrase", n)
			}
			switch f[2] {
			case "name":
				names = append(names, entry{t, p, Place{Code: f[1], Kind: KindName}, false})
			case "demonym":
				forms := []string{p}
				if stem, ok := strings.CutSuffix(p, "*"); ok {
					if f[0] != "de" {
						return fmt.Errorf("parse languages line %d: %q: only German stems end in *", n, p)
					}
					forms = forms[:0]
					for _, e := range germanEndings {
						forms = append(forms, stem+e)
					}
				}
				for _, form := range forms {
					demonyms = append(demonyms, entry{t, form, Place{Code: f[1], Kind: KindDemonym}, true})
				}
			case "skip":
				if skip[f[0]] == nil {
					skip[f[0]] = map[string]bool{}
				}
				skip[f[0]][Key(p)] = true
			default:
				return fmt.Errorf("parse languages line %d: unknown kind %q", n, f[2])
			}
		}
	}
	var generated []entry
	for n, line := range lines(translations) {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("parse translations line %d: want 3 fields, got %q", n, line)
		}
		t, err := table(n, f[1], f[0])
		if err != nil {
			return fmt.Errorf("parse translations %w", err)
		}
		if !skip[f[1]][Key(f[2])] {
			generated = append(generated, entry{t, f[2], Place{Code: f[0], Kind: KindName}, false})
		}
	}
	// Names first (the data's, then the hand-kept), then demonyms: the
	// first entry of a phrase wins.
	for _, list := range [][]entry{generated, names, demonyms} {
		for _, e := range list {
			e.t.add(e.phrase, e.place, e.anyCase)
		}
	}
	for _, t := range g.langs {
		for _, list := range t.trie {
			slices.SortStableFunc(list, func(a, b *phrase) int { return len(b.keys) - len(a.keys) })
		}
	}
	return nil
}

// add enters a phrase of the language; the first entry of a phrase wins.
func (t *langTable) add(s string, p Place, anyCase bool) {
	toks := tokenize(s)
	if len(toks) == 0 {
		return
	}
	keys := make([]string, len(toks))
	for i, tk := range toks {
		keys[i] = tk.key
	}
	key := strings.Join(keys, " ")
	if _, ok := t.phrases[key]; ok {
		return
	}
	t.phrases[key] = p
	t.trie[keys[0]] = append(t.trie[keys[0]], &phrase{keys: keys, place: p, anyCase: anyCase})
}

// HasLanguage reports whether the gazetteer knows country names in the
// language with ISO 639-1 code lang besides English.
func (g *Gazetteer) HasLanguage(lang string) bool {
	return g.langs[lang] != nil
}

// ScanLang does what Scan does for a text in language lang (an ISO 639-1
// code): it matches the English phrases and those of the language, when the
// gazetteer knows it.
func (g *Gazetteer) ScanLang(text, lang string, fn func(Match)) {
	t := g.langs[lang]
	if t == nil {
		g.Scan(text, fn)
		return
	}
	g.scan(text, t.trie, fn)
}
