package index

import (
	"github.com/newsdex/newsdex/internal/search"
)

// The search contract's types and constants (internal/search), under the
// names the index's code uses. They are declared once, there; the index
// implements search.Store with them.
type (
	Labeler     = search.Labeler
	Filters     = search.Filters
	Request     = search.Request
	FacetValue  = search.FacetValue
	Hit         = search.ArticleHit
	QuoteHit    = search.QuoteHit
	Result      = search.ArticleResult
	QuoteResult = search.QuoteResult
	Stats       = search.Stats
)

// Facet names and sort orders (search's).
const (
	FacetSpeaker = search.FacetSpeaker
	FacetActor   = search.FacetActor
	FacetCountry = search.FacetCountry
	FacetRegion  = search.FacetRegion
	FacetSource  = search.FacetSource
	FacetDate    = search.FacetDate
	FacetLang    = search.FacetLang

	SortRelevance = search.SortRelevance
	SortDate      = search.SortDate
	SortDateDesc  = search.SortDateDesc

	MaxLimit         = search.MaxLimit
	MaxWindow        = search.MaxWindow
	DefaultFacetSize = search.DefaultFacetSize
	MaxFacetSize     = search.MaxFacetSize
)

// DefaultFacets is the facet list used when a request names none.
var DefaultFacets = search.DefaultFacets

// The index implements the contract.
var _ search.Store = (*Index)(nil)
