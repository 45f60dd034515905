// Package search is newsdex's search contract: the requests and results of
// a search, the errors a caller may act on, the one validator of a request
// (Normalize), and the interfaces every backend implements and every
// frontend uses (Searcher, Store).
//
// It imports no search engine and no frontend: the bleve index (index/)
// implements Store, the remote (internal/remote) serves any Store over a
// Unix socket and dials one, and the CLI and the web talk only to these
// interfaces. A second backend (OpenSearch, say) implements Store and
// compiles the query tree (internal/search/query) into its own queries.
package search

import (
	"time"
)

// Facet names, as used by Request.Facets, the CLI's --facets flag and the
// JSON output's "facets" object.
const (
	FacetSpeaker = "speaker"
	FacetActor   = "actor"
	FacetCountry = "country"
	FacetRegion  = "region"
	FacetSource  = "source"
	FacetDate    = "date"
	FacetLang    = "lang" // ISO 639-1 language code
)

// DefaultFacets is the facet list used when a request names none.
var DefaultFacets = []string{FacetSpeaker, FacetActor, FacetCountry, FacetRegion, FacetSource, FacetLang, FacetDate}

// QuoteFacets are the facets quote documents carry: quotes have no actors.
var QuoteFacets = map[string]bool{
	FacetSpeaker: true, FacetCountry: true, FacetRegion: true, FacetSource: true, FacetLang: true, FacetDate: true,
}

// Sort orders.
const (
	SortRelevance = "relevance"
	SortDate      = "date"  // oldest first
	SortDateDesc  = "-date" // newest first
)

// Bounds on a request, checked by Normalize before any search runs.
const (
	// MaxLimit is the most hits one request may return.
	MaxLimit = 1000
	// MaxWindow bounds Offset+Limit, as Elasticsearch's max_result_window:
	// deeper pages cost more and more; page with Request.After instead.
	MaxWindow = 10000
	// DefaultFacetSize is the number of values a term facet returns when
	// Request.FacetSize is 0.
	DefaultFacetSize = 10
	// MaxFacetSize bounds Request.FacetSize.
	MaxFacetSize = 1000
)

// Kind is what a search finds: articles or quotes.
type Kind uint8

const (
	Articles Kind = iota
	Quotes
)

func (k Kind) String() string {
	if k == Quotes {
		return "quotes"
	}
	return "articles"
}

// Labeler turns the values users type into the values stored in the index,
// and stored values into labels for display. The gazetteer implements it;
// no backend holds country data of its own.
type Labeler interface {
	// CountryCode resolves an ISO alpha-2 code or a country name, in any
	// case, to its upper-case alpha-2 code.
	CountryCode(s string) (string, bool)
	// CountryName returns the English name of an alpha-2 code.
	CountryName(code string) string
	// RegionName resolves a region or sub-region name, in any case, to the
	// stored form ("western asia" -> "Western Asia").
	RegionName(s string) (string, bool)
}

// Filters narrow a search. Values within one filter are alternatives (OR);
// different filters must all hold (AND).
type Filters struct {
	Countries []string  // codes or names, any case (Normalize makes them codes)
	Regions   []string  // names, any case (Normalize makes them the stored form)
	Speakers  []string  // names, any case: any form of a person finds all its forms
	Actors    []string  //
	Sources   []string  //
	Langs     []string  // ISO 639-1 codes ("en", "de"), any case
	From      time.Time // inclusive; zero = open (ParseBound reads one)
	To        time.Time // inclusive (the whole day); zero = open
}

// Request is one search over articles or quotes.
type Request struct {
	Query   string   // newsdex's query language (internal/search/query); "" browses everything
	Filters Filters  //
	Limit   int      // hits to return; 0 returns only the total and facets
	Offset  int      // hits to skip
	Sort    string   // SortRelevance (default), SortDate or SortDateDesc
	Facets  []string // facet names; nil means DefaultFacets, an empty non-nil slice means none
	// FacetSize is the number of values each term facet returns (the most
	// frequent); 0 means DefaultFacetSize. The date facet returns every month.
	FacetSize int
	// After, when set, pages after the hit whose SortKey it is (the last
	// hit of the previous page). Offset is then ignored.
	After []string
	// DefaultOperator joins clauses written side by side in Query: "or"
	// (the default, also "") or "and".
	DefaultOperator string
	// MinConfidence keeps the quotes whose attribution is at least this
	// sure (0..1); 0 keeps all. Quote searches only.
	MinConfidence float64 `json:",omitempty"`
	// NamedOnly keeps the quotes whose speaker the article names, leaving
	// out those given to a description ("a spokesman") or to nobody.
	// Quote searches only.
	NamedOnly bool `json:",omitempty"`
}

// FacetValue is one value of a facet with the number of hits that carry it.
type FacetValue struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"` // display form (country name), when it differs
	Count int    `json:"count"`
	// Aliases are the other forms of a speaker's or actor's name: its
	// count includes theirs, and a filter by any form finds them all.
	Aliases []string `json:"aliases,omitempty"`
}

// ArticleHit is one article in a search result.
type ArticleHit struct {
	ID        string    `json:"id"`
	Score     float64   `json:"score"`
	Title     string    `json:"title"`
	Date      string    `json:"date"` // YYYY-MM-DD or ""
	Source    string    `json:"source"`
	Lang      string    `json:"lang"` // ISO 639-1 code or ""
	URL       string    `json:"url"`
	Countries []string  `json:"countries"` // codes
	Regions   []string  `json:"regions"`
	Speakers  []string  `json:"speakers"`
	Actors    []string  `json:"actors"`
	Snippet   Snippet   `json:"snippet"` // the body around the matches: plain text and offsets (snippet.go)
	SortKey   []string  `json:"-"`       // for Request.After
	Time      time.Time `json:"-"`       // the date as a time, zero when unknown
}

// QuoteHit is one quote in a quote search result.
type QuoteHit struct {
	ID           string    `json:"id"`
	Text         string    `json:"text"`
	Speaker      string    `json:"speaker"` // the name, else the article's description of the speaker, else ""
	SpeakerNamed bool      `json:"speaker_named"`
	SpeakerTitle string    `json:"speaker_title,omitempty"`
	Cue          string    `json:"cue"`
	ArticleID    string    `json:"article_id"`
	Title        string    `json:"title"`
	Date         string    `json:"date"`
	Source       string    `json:"source"`
	Countries    []string  `json:"countries"`
	Snippet      Snippet   `json:"snippet"`    // the quote with the matches
	Confidence   float64   `json:"confidence"` // how sure the attribution is, 0..1
	Score        float64   `json:"score"`
	SortKey      []string  `json:"-"`
	Time         time.Time `json:"-"`

	// SpeakerDescription describes a speaker the article does not name
	// (Speaker holds it too, with SpeakerNamed false).
	SpeakerDescription string `json:"speaker_description,omitempty"`
	// Group links the parts of one quotation cut by its attribution or
	// run on over merged paragraphs: the parts of an article with the
	// same non-zero Group are one speaker's words, as in extract's output.
	Group int `json:"group,omitempty"`
}

// Hit is the type of a result's hits: ArticleHit or QuoteHit.
type Hit interface {
	ArticleHit | QuoteHit
}

// Key returns a hit's sort key, for Request.After.
func Key[H Hit](h *H) []string {
	switch h := any(h).(type) {
	case *ArticleHit:
		return h.SortKey
	case *QuoteHit:
		return h.SortKey
	}
	return nil
}

// SetKey sets a hit's sort key.
func SetKey[H Hit](h *H, key []string) {
	switch h := any(h).(type) {
	case *ArticleHit:
		h.SortKey = key
	case *QuoteHit:
		h.SortKey = key
	}
}

// Result is the answer to a search: ArticleResult or QuoteResult.
type Result[H Hit] struct {
	Query  string                  `json:"query"`
	Total  uint64                  `json:"total"`
	TookMS float64                 `json:"took_ms"`
	Hits   []H                     `json:"hits"`
	Facets map[string][]FacetValue `json:"facets"`
	// FacetOther is, per facet, the sum of the counts of the values past
	// the list (FacetSize); FacetMissing the number of hits with no value.
	FacetOther   map[string]int `json:"facet_other"`
	FacetMissing map[string]int `json:"facet_missing"`
}

// ArticleResult is the answer to an article search.
type ArticleResult = Result[ArticleHit]

// QuoteResult is the answer to a quote search.
type QuoteResult = Result[QuoteHit]

// Stats describes an index.
type Stats struct {
	Articles  uint64 `json:"articles"`
	Quotes    uint64 `json:"quotes"`
	Speakers  int    `json:"speakers"`  // distinct
	Countries int    `json:"countries"` // distinct
	SizeBytes int64  `json:"size_bytes"`
	Path      string `json:"path"` // "" for an in-memory index
}
