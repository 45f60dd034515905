// Package extract finds what researchers search by in an article's text:
// direct quotes with their speakers, the countries and regions it concerns,
// and the people and organisations it names. It fills an article.Article in
// place and never touches files or the index.
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

// Extract fills a's Quotes, Speakers, Countries, Regions and Actors from its
// title and body, replacing whatever they held.
func (x *Extractor) Extract(a *article.Article) {
	x.places(a) // places.go: Countries, Regions
	x.people(a) // people.go: Quotes, Speakers, Actors
}
