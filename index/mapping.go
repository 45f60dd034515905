package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/mapping"

	contract "github.com/newsdex/newsdex/internal/search"
)

// The index holds two kinds of document, told apart by FieldKind: one per
// article (ID = the article's ID) and one per quote (ID = QuoteID).
const (
	kindArticle = "article"
	kindQuote   = "quote"
)

// Field names. Those a user may type in a query string ("country:IQ") are
// the friendly names below; fieldAliases adds their plurals. The *Facet
// fields keep the display form of a value for facets, while the searchable
// field of the same name holds it lower-cased so that filters and
// field:value queries ignore case.
const (
	FieldKind = "kind" // kindArticle or kindQuote

	// Shared by both kinds.
	FieldTitle         = "title"  // text, "en"
	FieldDate          = "date"   // datetime: sorting and ranges
	FieldMonth         = "month"  // keyword "2006-01": the date facet
	FieldSource        = "source" // lower-cased keyword
	FieldSourceFacet   = "source_facet"
	FieldCountry       = "country" // lower-cased ISO alpha-2 code
	FieldCountryFacet  = "country_facet"
	FieldRegion        = "region" // lower-cased region name
	FieldRegionFacet   = "region_facet"
	FieldSpeaker       = "speaker" // lower-cased canonical name
	FieldSpeakerFacet  = "speaker_facet"
	FieldLang          = "lang" // ISO 639-1 code, lower-cased keyword with doc values: filter and facet
	FieldMeta          = "meta" // stored only: JSON with the date, and an article's quote count
	fieldDoc           = "doc"  // stored only: an article's compressed record (record.go)
	fieldID            = "_id"
	fieldSortID        = "sort_id" // the document ID again, in doc values: the sort's tie-breaker
	fieldScore         = "_score"
	lowerKeywordName   = "newsdex_lower_keyword"
	textAnalyzer       = en.AnalyzerName
	mappingVersion     = "6"
	mappingVersionKey  = "newsdex_mapping_version"
	maxFacetMonthCount = 12 * 300 // months a date facet can return

	// Article documents.
	// FieldBody is the text searched by default: an article's body, or a
	// quote's words in a quote document. Indexed with term vectors for
	// snippets and phrase queries; not stored: the article's record
	// (fieldDoc) keeps the body, and the quotes as parts of it.
	FieldBody        = "body"
	FieldByline      = "byline" // text, "en"
	FieldURL         = "url"    // keyword, exact
	FieldActor       = "actor"  // lower-cased canonical name
	FieldActorFacet  = "actor_facet"
	FieldPerson      = "person" // the person actors' names, as written: counted for one name per person (names.go)
	FieldQuoteCount  = "quotes" // number of quotes
	FieldFingerprint = "fp"     // stored only: article.Fingerprint()
	// FieldContent is article.ContentHash of the title and body, indexed
	// only (ContentOwners): the indexer skips an article whose text an
	// article of another id already in the index has. An index made
	// before the field was added has none (its mapping is kept in the
	// index): such indexes find no owners until they are made again.
	FieldContent = "content"

	// Quote documents.
	FieldSpeakerTitle = "speaker_title" // text, "en"
	FieldCue          = "cue"           // lower-cased keyword
	FieldArticle      = "article"       // keyword, exact: the article's ID
	FieldConfidence   = "confidence"    // number: how sure the attribution is, 0..1
	FieldNamed        = "named"         // keyword "true" on a quote whose speaker the article names: Request.NamedOnly
)

// fieldAliases maps the names a user may type in a query string to index
// fields, per document kind. A name missing here is rejected with
// ErrBadQuery instead of silently matching nothing.
var fieldAliases = map[string]map[string]string{
	kindArticle: {
		"title": FieldTitle, "body": FieldBody, "text": FieldBody,
		"byline": FieldByline, "author": FieldByline,
		"url": FieldURL, "date": FieldDate, "month": FieldMonth,
		"source":  FieldSource,
		"country": FieldCountry, "countries": FieldCountry,
		"region": FieldRegion, "regions": FieldRegion,
		"lang": FieldLang, "language": FieldLang,
		"speaker": FieldSpeaker, "speakers": FieldSpeaker,
		"actor": FieldActor, "actors": FieldActor,
		"quotes": FieldQuoteCount,
	},
	kindQuote: {
		"text": FieldBody, "quote": FieldBody, "body": FieldBody,
		"speaker": FieldSpeaker, "speaker_title": FieldSpeakerTitle, "role": FieldSpeakerTitle,
		"cue": FieldCue, "article": FieldArticle, "confidence": FieldConfidence,
		"title": FieldTitle, "date": FieldDate, "month": FieldMonth,
		"source":  FieldSource,
		"country": FieldCountry, "countries": FieldCountry,
		"region": FieldRegion, "regions": FieldRegion,
		"lang": FieldLang, "language": FieldLang,
	},
}

// wholeValueFields are the keyword fields: one term per value, no positions.
var wholeValueFields = map[string]bool{
	FieldKind: true, FieldMonth: true, FieldSource: true, FieldCountry: true,
	FieldRegion: true, FieldSpeaker: true, FieldActor: true, FieldCue: true,
	FieldURL: true, FieldArticle: true, FieldLang: true,
}

// exactFields are the keyword fields that keep case.
var exactFields = map[string]bool{FieldMonth: true, FieldURL: true, FieldArticle: true}

// facetFields maps facet names to the fields holding display values.
var facetFields = map[string]string{
	contract.FacetSpeaker: FieldSpeakerFacet,
	contract.FacetActor:   FieldActorFacet,
	contract.FacetCountry: FieldCountryFacet,
	contract.FacetRegion:  FieldRegionFacet,
	contract.FacetSource:  FieldSourceFacet,
	contract.FacetLang:    FieldLang,
	contract.FacetDate:    FieldMonth,
}

// Field mapping constructors. Each switches off what its use does not need:
// bleve's defaults store every field with term vectors, doc values and a
// copy in _all, which roughly doubles the index.

// textField is analysed English text, searchable by name. Stored only
// when a snippet is cut from it; with term vectors (term positions) when
// phrase queries or snippets need them. No field goes into
// bleve's composite _all field: it indexed every body a second time
// (profiled: 10% of indexing CPU and half the inverted index). Queries
// without a field search FieldBody, the mapping's default field, and for
// articles FieldTitle too (see searchTitleToo).
func textField(store, positions bool) *mapping.FieldMapping {
	f := mapping.NewTextFieldMapping()
	f.Analyzer = textAnalyzer
	f.Store = store
	f.IncludeTermVectors = positions
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

// storedField is kept for display only: neither indexed nor searchable.
func storedField() *mapping.FieldMapping {
	f := mapping.NewTextFieldMapping()
	f.Index = false
	f.Store = true
	f.IncludeTermVectors = false
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

// filterField is a whole value, lower-cased, for filters and field:value.
func filterField() *mapping.FieldMapping {
	f := mapping.NewKeywordFieldMapping()
	f.Analyzer = lowerKeywordName
	f.Store = false
	f.IncludeTermVectors = false
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

// exactField is a whole value as given, searchable, not stored.
func exactField() *mapping.FieldMapping {
	f := filterField()
	f.Analyzer = keyword.Name
	return f
}

// facetField is a whole value as given, with doc values for term facets.
func facetField() *mapping.FieldMapping {
	f := mapping.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = false
	f.IncludeTermVectors = false
	f.IncludeInAll = false
	f.DocValues = true
	return f
}

// postingsField is a whole value as given, indexed only for its postings:
// counted, never searched or faceted.
func postingsField() *mapping.FieldMapping {
	f := facetField()
	f.DocValues = false
	return f
}

// langField is a language code, lower-cased, for filters, lang:value and
// its facet (the codes are lower case, so the facet shows them as stored).
func langField() *mapping.FieldMapping {
	f := filterField()
	f.DocValues = true
	return f
}

// dateField is a datetime with doc values for sorting.
func dateField() *mapping.FieldMapping {
	f := mapping.NewDateTimeFieldMapping()
	f.Store = false
	f.IncludeInAll = false
	f.DocValues = true
	return f
}

// numberField is a searchable number, not stored.
func numberField() *mapping.FieldMapping {
	f := mapping.NewNumericFieldMapping()
	f.Store = false
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

// newMapping returns the index mapping: static (unknown fields are ignored),
// with "en" as the default analyzer so that query strings searching _all
// are analysed the way the text was (with the "standard" default,
// "coffee" would never meet the stemmed "coffe").
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(lowerKeywordName, map[string]any{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []any{lowercase.Name},
	}); err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = textAnalyzer
	im.DefaultField = FieldBody
	im.TypeField = FieldKind
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	// Both kinds carry the same shared fields with the same mappings, so a
	// field name always resolves to one analyzer whichever kind defines it.
	shared := func(dm *mapping.DocumentMapping) {
		dm.AddFieldMappingsAt(FieldKind, facetField()) // doc values: Stats counts both kinds in one search
		dm.AddFieldMappingsAt(fieldSortID, facetField())
		dm.AddFieldMappingsAt(FieldTitle, textField(false, true))
		dm.AddFieldMappingsAt(FieldDate, dateField())
		dm.AddFieldMappingsAt(FieldMonth, facetField())
		dm.AddFieldMappingsAt(FieldSource, filterField())
		dm.AddFieldMappingsAt(FieldSourceFacet, facetField())
		dm.AddFieldMappingsAt(FieldCountry, filterField())
		dm.AddFieldMappingsAt(FieldCountryFacet, facetField())
		dm.AddFieldMappingsAt(FieldRegion, filterField())
		dm.AddFieldMappingsAt(FieldRegionFacet, facetField())
		dm.AddFieldMappingsAt(FieldSpeaker, filterField())
		dm.AddFieldMappingsAt(FieldSpeakerFacet, facetField())
		dm.AddFieldMappingsAt(FieldLang, langField())
		dm.AddFieldMappingsAt(FieldMeta, storedField())
	}

	art := bleve.NewDocumentStaticMapping()
	shared(art)
	art.AddFieldMappingsAt(FieldBody, textField(false, true))
	art.AddFieldMappingsAt(fieldDoc, storedField())
	art.AddFieldMappingsAt(FieldByline, textField(false, false))
	art.AddFieldMappingsAt(FieldURL, exactField())
	art.AddFieldMappingsAt(FieldActor, filterField())
	art.AddFieldMappingsAt(FieldActorFacet, facetField())
	art.AddFieldMappingsAt(FieldQuoteCount, numberField())
	art.AddFieldMappingsAt(FieldFingerprint, storedField())
	art.AddFieldMappingsAt(FieldPerson, postingsField())
	art.AddFieldMappingsAt(FieldContent, postingsField())
	im.AddDocumentMapping(kindArticle, art)

	q := bleve.NewDocumentStaticMapping()
	shared(q)
	q.AddFieldMappingsAt(FieldBody, textField(false, true))
	q.AddFieldMappingsAt(FieldSpeakerTitle, textField(false, false))
	q.AddFieldMappingsAt(FieldCue, filterField())
	q.AddFieldMappingsAt(FieldArticle, exactField())
	q.AddFieldMappingsAt(FieldConfidence, numberField())
	q.AddFieldMappingsAt(FieldNamed, filterField())
	im.AddDocumentMapping(kindQuote, q)

	// Anything else (no kind) is not indexed at all.
	im.DefaultMapping = bleve.NewDocumentDisabledMapping()

	if err := im.Validate(); err != nil {
		return nil, err
	}
	return im, nil
}
