package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/search"
)

// Page paths.
const (
	pathSearch   = "/"
	pathQuotes   = "/quotes"
	pathArticles = "/articles/"
)

// Link is a labelled URL.
type Link struct {
	Label string
	Href  string
}

// Form is the search form's state: the visible query and sort, and the
// other parameters carried as hidden fields so that a new query keeps the
// filters.
type Form struct {
	Action      string
	Query       string
	Sort        string // the effective order
	Sorts       []Option
	Hidden      []Hidden
	Placeholder string
	// NamedBox shows the "named speakers only" checkbox (quotes);
	// Named ticks it.
	NamedBox, Named bool
}

// Option is one choice of a select.
type Option struct {
	Value, Label string
	Selected     bool
}

// Hidden is one hidden form field.
type Hidden struct{ Name, Value string }

// Chip is an active filter, shown with a link that removes it.
type Chip struct {
	Name      string // the parameter: "country", "from" ...
	Label     string // "Country: Iraq"
	RemoveURL string
}

// ActiveFilters are the chips above the results.
type ActiveFilters struct {
	Chips    []Chip
	ClearURL string // removes every filter; "" when none is set
}

// FacetGroup is one facet of the sidebar: its first values shown, the rest
// folded away.
type FacetGroup struct {
	Name  string // the facet and filter parameter
	Title string
	Top   []FacetLink
	More  []FacetLink
	// MoreHref asks for more values of every facet (a larger facet_size)
	// when this one filled the values asked for; "" otherwise.
	MoreHref string
}

// facetShown is how many values of a facet show before "more".
const facetShown = 8

// FacetLink is one facet value: a link that adds it as a filter, or removes
// it when it is already active.
type FacetLink struct {
	Label  string
	Value  string
	Count  int
	Href   string
	Active bool
	// Aliases are the other forms of a person's name, counted with it.
	Aliases string
}

// Pagination links the pages of a result, bounded by the result window.
type Pagination struct {
	Prev, Next string // "" at the ends
	Pages      []PageLink
}

// PageLink is one numbered page; Gap marks an ellipsis.
type PageLink struct {
	Number  int
	Href    string
	Current bool
	Gap     bool
}

// HitView is one article in the results.
type HitView struct {
	Href      string
	Title     string
	Date      string
	Source    Link
	Countries []Link
	Speakers  []Link
	Snippet   []SnippetPart // the body around the matches
}

// SnippetPart is a run of a snippet's text: the templates put the matched
// runs in <mark>, and escape the text as any other.
type SnippetPart struct {
	Text  string
	Match bool
}

// snippetParts splits a snippet into its runs.
func snippetParts(s search.Snippet) []SnippetPart {
	var parts []SnippetPart
	s.Parts(func(text string, match bool) {
		parts = append(parts, SnippetPart{text, match})
	})
	return parts
}

// QuoteView is one quote card.
type QuoteView struct {
	Text         string
	Snippet      []SnippetPart // the quote with the matches when the query matched it; else Text is shown
	Speaker      string
	SpeakerTitle string
	SpeakerHref  string // quotes by this speaker
	Cue          string
	Confidence   int // percent
	ArticleHref  string
	Title        string
	Date         string
	Source       string
	Countries    []Link
}

// SearchPage is the article search and browse page (GET /).
type SearchPage struct {
	Layout
	Form       Form
	Browse     bool // no query: the whole corpus, or a filtered part of it
	Total      uint64
	TookMS     float64
	From, To   int // the hits shown, 1-based; 0 when none
	Hits       []HitView
	Active     ActiveFilters
	Facets     []FacetGroup
	Histogram  *Histogram
	Pagination *Pagination
	Stats      *search.Stats // when browsing
	QuotesURL  string        // the same search over quotes
}

// QuotesPage is the quote view (GET /quotes).
type QuotesPage struct {
	Layout
	Form        Form
	Total       uint64
	TookMS      float64
	From, To    int
	Quotes      []QuoteView
	Active      ActiveFilters
	Facets      []FacetGroup
	Histogram   *Histogram
	Pagination  *Pagination
	ArticlesURL string // the same search over articles
}

// ArticlePage shows one article with its quotes marked (GET /articles/{id}).
type ArticlePage struct {
	Layout
	Title      string
	Date       string
	Source     Link
	Byline     string
	URL        string // the original, as given
	Paragraphs []Paragraph
	Quotes     []QuoteRef
	Countries  []Link
	Regions    []Link
	People     []Link
	Orgs       []Link
	Speakers   []Link
	QuotesURL  string // this article's quotes in the quote view
}

// LinkList is a titled list of links beside an article.
type LinkList struct {
	Title string
	Links []Link
}

// Lists returns the article's non-empty link lists, in display order.
func (p *ArticlePage) Lists() []LinkList {
	var out []LinkList
	for _, l := range []LinkList{
		{"Countries", p.Countries},
		{"Regions", p.Regions},
		{"People", p.People},
		{"Organisations", p.Orgs},
		{"Speakers", p.Speakers},
	} {
		if len(l.Links) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// QuoteRef is one quote in the list beside an article's text.
type QuoteRef struct {
	Number       int
	Anchor       string // "quote-N" when the quote is marked in the text, else ""
	Text         string
	Speaker      string
	SpeakerTitle string
	SpeakerHref  string
	Cue          string
	Confidence   int // percent
}

// ErrorPage reports a failed request.
type ErrorPage struct {
	Layout
	Status     int
	StatusText string
	Message    string
}

// facetTitles names the sidebar's facets, in order.
var facetTitles = []struct{ name, title string }{
	{search.FacetCountry, "Country"},
	{search.FacetRegion, "Region"},
	{search.FacetSpeaker, "Speaker"},
	{search.FacetActor, "Person or organisation"},
	{search.FacetSource, "Source"},
	{search.FacetLang, "Language"},
}

// search builds the search page for r.
func (s *server) search(r *http.Request) (*SearchPage, error) {
	p, res, err := runSearch(s, r, search.Articles, s.opts.Searcher.Search)
	if err != nil {
		return nil, err
	}
	title := "Search"
	if p.Query != "" {
		title = p.Query
	}
	page := &SearchPage{
		Layout:    s.layout(title, "search"),
		Form:      s.form(p, pathSearch, "Search articles: words, \"phrases\", speaker:name …"),
		Browse:    p.Query == "",
		Total:     res.Total,
		TookMS:    res.TookMS,
		Facets:    s.facets(res.Facets, p, pathSearch),
		Histogram: histogram(res.Facets[search.FacetDate], p, pathSearch),
		QuotesURL: p.forQuotes().link(pathQuotes),
	}
	page.APIURL = p.link("/api/search")
	page.Active = s.chips(p, pathSearch)
	page.From, page.To, page.Pagination = paginate(p, res.Total, len(res.Hits), pathSearch, s.opts.MaxWindow)
	for _, h := range res.Hits {
		hv := HitView{
			Href:    articleURL(h.ID),
			Title:   orUntitled(h.Title),
			Date:    h.Date,
			Snippet: snippetParts(h.Snippet),
		}
		if h.Source != "" {
			hv.Source = Link{Label: h.Source, Href: p.withFilter(pathSearch, paramSource, h.Source)}
		}
		for _, c := range h.Countries {
			hv.Countries = append(hv.Countries, Link{Label: s.countryName(c), Href: p.withFilter(pathSearch, paramCountry, c)})
		}
		for _, sp := range h.Speakers {
			hv.Speakers = append(hv.Speakers, Link{Label: sp, Href: p.withFilter(pathSearch, paramSpeaker, sp)})
		}
		page.Hits = append(page.Hits, hv)
	}
	if page.Browse {
		if page.Stats, err = s.opts.Searcher.Stats(r.Context()); err != nil {
			return nil, err
		}
	}
	return page, nil
}

// quotes builds the quote view for r.
func (s *server) quotes(r *http.Request) (*QuotesPage, error) {
	p, res, err := runSearch(s, r, search.Quotes, s.opts.Searcher.SearchQuotes)
	if err != nil {
		return nil, err
	}
	title := "Quotes"
	if p.Query != "" {
		title = p.Query + " – quotes"
	}
	page := &QuotesPage{
		Layout:      s.layout(title, "quotes"),
		Form:        s.form(p, pathQuotes, "Search quotes: words, \"phrases\", speaker:name …"),
		Total:       res.Total,
		TookMS:      res.TookMS,
		Facets:      s.facets(res.Facets, p, pathQuotes, search.FacetActor),
		Histogram:   histogram(res.Facets[search.FacetDate], p, pathQuotes),
		ArticlesURL: p.forArticles().link(pathSearch),
	}
	page.APIURL = p.link("/api/quotes")
	page.Active = s.chips(p, pathQuotes)
	page.From, page.To, page.Pagination = paginate(p, res.Total, len(res.Hits), pathQuotes, s.opts.MaxWindow)
	for _, h := range res.Hits {
		qv := QuoteView{
			Text:         h.Text,
			Speaker:      speakerName(h.Speaker, h.SpeakerNamed),
			SpeakerTitle: h.SpeakerTitle,
			Cue:          h.Cue,
			Confidence:   int(h.Confidence*100 + 0.5),
			ArticleHref:  articleURL(h.ArticleID),
			Title:        orUntitled(h.Title),
			Date:         h.Date,
			Source:       h.Source,
		}
		if p.Query != "" && len(h.Snippet.Matches) > 0 {
			qv.Snippet = snippetParts(h.Snippet)
		}
		if h.SpeakerNamed {
			qv.SpeakerHref = fresh(paramSpeaker, h.Speaker).link(pathQuotes)
		}
		for _, c := range h.Countries {
			qv.Countries = append(qv.Countries, Link{Label: s.countryName(c), Href: p.withFilter(pathQuotes, paramCountry, c)})
		}
		page.Quotes = append(page.Quotes, qv)
	}
	return page, nil
}

// articlePage builds the page of the article whose ID is in r's path.
func (s *server) articlePage(r *http.Request) (*ArticlePage, error) {
	id, err := articleID(r, pathArticles)
	if err != nil {
		return nil, err
	}
	a, err := s.opts.Searcher.Article(r.Context(), id)
	if err != nil {
		return nil, err
	}
	page := &ArticlePage{
		Layout:    s.layout(orUntitled(a.Title), ""),
		Title:     orUntitled(a.Title),
		Date:      a.DateString(),
		Byline:    a.Byline,
		URL:       a.URL,
		QuotesURL: "/quotes?q=" + url.QueryEscape("article:"+quoteTerm(a.ID)),
	}
	page.APIURL = articlePath("/api/articles/", a.ID)
	if a.Source != "" {
		page.Source = Link{Label: a.Source, Href: fresh(paramSource, a.Source).link(pathSearch)}
	}
	var marked map[int]bool
	page.Paragraphs, marked = markQuotes(a.Body, a.Quotes)
	for i, q := range a.Quotes {
		ref := QuoteRef{
			Number:       i + 1,
			Text:         q.Text,
			Speaker:      speakerName(q.Speaker, q.SpeakerNamed),
			SpeakerTitle: q.SpeakerTitle,
			Cue:          q.Cue,
			Confidence:   int(q.Confidence*100 + 0.5),
		}
		if marked[i] {
			ref.Anchor = "quote-" + strconv.Itoa(i+1)
		}
		if q.SpeakerNamed {
			ref.SpeakerHref = fresh(paramSpeaker, q.Speaker).link(pathQuotes)
		}
		page.Quotes = append(page.Quotes, ref)
	}
	for _, c := range a.Countries {
		name := c.Name
		if name == "" {
			name = s.countryName(c.Code)
		}
		page.Countries = append(page.Countries, Link{Label: name, Href: fresh(paramCountry, c.Code).link(pathSearch)})
	}
	for _, reg := range a.Regions {
		page.Regions = append(page.Regions, Link{Label: reg, Href: fresh(paramRegion, reg).link(pathSearch)})
	}
	for _, ac := range a.Actors {
		l := Link{Label: ac.Name, Href: fresh(paramActor, ac.Name).link(pathSearch)}
		if ac.Type == article.Organization {
			page.Orgs = append(page.Orgs, l)
		} else {
			page.People = append(page.People, l)
		}
	}
	for _, sp := range a.Speakers {
		page.Speakers = append(page.Speakers, Link{Label: sp, Href: fresh(paramSpeaker, sp).link(pathQuotes)})
	}
	return page, nil
}

// form returns the search form for p on path.
func (s *server) form(p *params, path, placeholder string) Form {
	f := Form{Action: path, Query: p.Query, Sort: p.sortOrder(), Placeholder: placeholder}
	f.NamedBox, f.Named = path == pathQuotes, p.Named
	for _, o := range []Option{
		{Value: search.SortRelevance, Label: "Relevance"},
		{Value: search.SortDateDesc, Label: "Newest first"},
		{Value: search.SortDate, Label: "Oldest first"},
	} {
		o.Selected = o.Value == f.Sort
		f.Sorts = append(f.Sorts, o)
	}
	for _, name := range filterParams {
		for _, v := range p.Filters[name] {
			f.Hidden = append(f.Hidden, Hidden{name, v})
		}
	}
	if p.From != "" {
		f.Hidden = append(f.Hidden, Hidden{paramFrom, p.From})
	}
	if p.To != "" {
		f.Hidden = append(f.Hidden, Hidden{paramTo, p.To})
	}
	if p.limitSet {
		f.Hidden = append(f.Hidden, Hidden{paramLimit, strconv.Itoa(p.Limit)})
	}
	if p.facetsSet {
		v := strings.Join(p.Facets, ",")
		if v == "" {
			v = "none"
		}
		f.Hidden = append(f.Hidden, Hidden{paramFacets, v})
	}
	if p.MinConf != "" {
		f.Hidden = append(f.Hidden, Hidden{paramMinConf, p.MinConf})
	}
	if p.Op != "" {
		f.Hidden = append(f.Hidden, Hidden{paramOp, p.Op})
	}
	if p.FacetSize > 0 {
		f.Hidden = append(f.Hidden, Hidden{paramFacetSize, strconv.Itoa(p.FacetSize)})
	}
	return f
}

// chips lists p's active filters with links removing each, and a link
// removing them all.
func (s *server) chips(p *params, path string) ActiveFilters {
	var chips []Chip
	for _, ft := range facetTitles {
		for _, v := range p.Filters[ft.name] {
			label := v
			if ft.name == paramCountry {
				label = s.countryName(v)
			}
			chips = append(chips, Chip{Name: ft.name, Label: ft.title + ": " + label, RemoveURL: p.withoutFilter(path, ft.name, v)})
		}
	}
	if p.From != "" {
		c := p.clone()
		c.From, c.Offset = "", 0
		chips = append(chips, Chip{Name: paramFrom, Label: "From: " + p.From, RemoveURL: c.link(path)})
	}
	if p.To != "" {
		c := p.clone()
		c.To, c.Offset = "", 0
		chips = append(chips, Chip{Name: paramTo, Label: "To: " + p.To, RemoveURL: c.link(path)})
	}
	if p.MinConf != "" {
		c := p.clone()
		c.MinConf, c.minConf, c.Offset = "", 0, 0
		chips = append(chips, Chip{Name: paramMinConf, Label: "Confidence at least: " + p.MinConf, RemoveURL: c.link(path)})
	}
	if p.Named {
		c := p.clone()
		c.Named, c.Offset = false, 0
		chips = append(chips, Chip{Name: paramNamed, Label: "Named speakers only", RemoveURL: c.link(path)})
	}
	if len(chips) == 0 {
		return ActiveFilters{}
	}
	c := p.forArticles()
	c.Filters, c.From, c.To, c.Offset = map[string][]string{}, "", "", 0
	return ActiveFilters{Chips: chips, ClearURL: c.link(path)}
}

// facets builds the sidebar from a result's facets, with active values
// first so that a filter can always be removed where it was added. Facets
// named in skip are left out.
func (s *server) facets(fs map[string][]search.FacetValue, p *params, path string, skip ...string) []FacetGroup {
	var groups []FacetGroup
	for _, ft := range facetTitles {
		values, ok := fs[ft.name]
		if !ok || slices.Contains(skip, ft.name) {
			continue
		}
		g := FacetGroup{Name: ft.name, Title: ft.title}
		var links []FacetLink
		for _, v := range values {
			if v.Value == "" || v.Count <= 0 {
				continue
			}
			label := v.Label
			if label == "" {
				label = v.Value
				if ft.name == search.FacetCountry {
					label = s.countryName(v.Value)
				}
			}
			fl := FacetLink{Label: label, Value: v.Value, Count: v.Count, Active: p.hasFilter(ft.name, v.Value), Aliases: strings.Join(v.Aliases, "; ")}
			if fl.Active {
				fl.Href = p.withoutFilter(path, ft.name, v.Value)
			} else {
				fl.Href = p.withFilter(path, ft.name, v.Value)
			}
			links = append(links, fl)
		}
		slices.SortStableFunc(links, func(a, b FacetLink) int {
			switch {
			case a.Active == b.Active:
				return 0
			case a.Active:
				return -1
			}
			return 1
		})
		if size := p.request().FacetSize; len(values) >= size && size < search.MaxFacetSize {
			c := p.clone()
			c.FacetSize = min(size*4, search.MaxFacetSize)
			g.MoreHref = c.link(path)
		}
		g.Top, g.More = links, nil
		if len(links) > facetShown {
			g.Top, g.More = links[:facetShown], links[facetShown:]
		}
		groups = append(groups, g)
	}
	return groups
}

// maxPageLinks bounds the numbered page links around the current page.
const maxPageLinks = 2

// paginate returns the 1-based range of the hits shown and the page links:
// prev and next, the first and last pages, and the pages near the current
// one, all within the result window.
func paginate(p *params, total uint64, shown int, path string, window int) (from, to int, pg *Pagination) {
	if shown > 0 {
		from, to = p.Offset+1, p.Offset+shown
	}
	if p.Limit <= 0 || total <= uint64(p.Limit) && p.Offset == 0 {
		return from, to, nil
	}
	reachable := min(total, uint64(window))
	pages := int((reachable + uint64(p.Limit) - 1) / uint64(p.Limit))
	// The last page must fit in the window: offset+limit <= window.
	for pages > 1 && (pages-1)*p.Limit+p.Limit > window {
		pages--
	}
	cur := p.Offset/p.Limit + 1
	pg = &Pagination{}
	if p.Offset > 0 {
		pg.Prev = p.withOffset(path, max(0, p.Offset-p.Limit))
	}
	if next := p.Offset + p.Limit; uint64(next) < total && next+p.Limit <= window {
		pg.Next = p.withOffset(path, next)
	}
	last := 0
	for n := 1; n <= pages; n++ {
		if n != 1 && n != pages && (n < cur-maxPageLinks || n > cur+maxPageLinks) {
			continue
		}
		if last != 0 && n > last+1 {
			pg.Pages = append(pg.Pages, PageLink{Gap: true})
		}
		pg.Pages = append(pg.Pages, PageLink{Number: n, Href: p.withOffset(path, (n-1)*p.Limit), Current: n == cur && p.Offset%p.Limit == 0})
		last = n
	}
	return from, to, pg
}

// articleID reads the article ID from r's path after prefix. IDs may hold
// slashes (an article without an ID is known by its URL), which links
// escape as %2F: the ID is taken from the escaped path and unescaped once.
// The IDs "." and "..", which no path can carry (browsers and HTTP clients
// resolve them away, escaped as %2E or not), come as ?id= after the bare
// prefix (articlePath).
func articleID(r *http.Request, prefix string) (string, error) {
	raw, ok := strings.CutPrefix(r.URL.EscapedPath(), prefix)
	if !ok {
		return "", errNotFound
	}
	if raw == "" {
		q, err := queryValues(r)
		if err != nil {
			return "", err
		}
		if id := q.Get("id"); len(q) == 1 && len(q["id"]) == 1 && isDotSegment(id) {
			return id, nil
		}
		return "", errNotFound
	}
	id, err := url.PathUnescape(raw)
	if err != nil {
		return "", badRequestf("bad article id %q", raw)
	}
	return id, nil
}

// articlePath is the path under prefix of article id.
func articlePath(prefix, id string) string {
	if isDotSegment(id) {
		return prefix + "?id=" + url.QueryEscape(id)
	}
	return prefix + url.PathEscape(id)
}

// isDotSegment reports whether id is a path segment URLs resolve away.
func isDotSegment(id string) bool { return id == "." || id == ".." }

// articleURL is the page of article id.
func articleURL(id string) string { return articlePath(pathArticles, id) }

// countryName names a country code through the Labeler, else returns it.
func (s *server) countryName(code string) string {
	if s.opts.Labeler != nil {
		if n := s.opts.Labeler.CountryName(code); n != "" {
			return n
		}
	}
	return code
}

// quoteTerm quotes s for a query string's field:value.
func quoteTerm(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func orUntitled(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(untitled)"
	}
	return s
}
