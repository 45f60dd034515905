// Package extract finds what researchers search by in an article's text:
// its language, direct quotes with their speakers, the countries and regions
// it concerns, and the people and organisations it names. It fills an
// article.Article in place and never touches files or the index.
//
// Rules run for the languages they are written for. The language is found
// for every article (lang.go). Countries and regions are found in every
// language by their English names, and in French, Spanish, German,
// Portuguese and Italian articles by their names in that language too.
// Quotes, speakers and actors come from English rules (speech verbs,
// titles, capitalised names): an article known to be in another language
// gets none, rather than quotes cued by a function word of that language.
package extract

import (
	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

// Extractor extracts quotes, countries, regions and actors. It is safe for
// concurrent use by several goroutines.
type Extractor struct {
	gaz *gazetteer.Gazetteer
}

// New returns an Extractor that recognises places with g.
func New(g *gazetteer.Gazetteer) *Extractor {
	return &Extractor{gaz: g}
}

// Extract fills a's Lang, Quotes, Speakers, Countries, Regions and Actors
// from its title and body, replacing whatever they held; a Lang the input
// declared is kept when the text does not reliably say otherwise.
func (x *Extractor) Extract(a *article.Article) {
	english := language(a) // lang.go: Lang
	x.places(a)            // places.go: Countries, Regions
	if english {
		x.people(a) // tokens.go: Quotes, Speakers, Actors
	} else {
		a.Quotes, a.Speakers, a.Actors = nil, nil, nil
	}
}
