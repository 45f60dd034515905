package web

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/newsdex/newsdex/internal/search"
)

// The handlers are thin: each calls the function that builds its page or
// answer, and renders or encodes it; fail is the one place errors become
// statuses.

func (s *server) handleSearch(w http.ResponseWriter, r *http.Request) {
	page, err := s.search(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "search", page)
}

func (s *server) handleQuotes(w http.ResponseWriter, r *http.Request) {
	page, err := s.quotes(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "quotes", page)
}

func (s *server) handleArticle(w http.ResponseWriter, r *http.Request) {
	page, err := s.articlePage(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "article", page)
}

func (s *server) handleAPISearch(w http.ResponseWriter, r *http.Request) {
	res, err := s.apiSearch(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *server) handleAPIQuotes(w http.ResponseWriter, r *http.Request) {
	res, err := s.apiQuotes(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *server) handleAPIArticle(w http.ResponseWriter, r *http.Request) {
	id, err := articleID(r, "/api/articles/")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.opts.Searcher.Article(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	public := *a
	public.File = publicFile(a.File)
	writeJSON(w, http.StatusOK, &public)
}

func (s *server) handleAPIStats(w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery != "" {
		s.fail(w, r, badRequestf("/api/stats takes no parameters"))
		return
	}
	st, err := s.opts.Searcher.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The index's folder is the server's business: the answer leaves it out.
	public := *st
	public.Path = ""
	writeJSON(w, http.StatusOK, &public)
}

// apiSearch answers /api/search: the index's Result, with hits and facets
// as [] and {} rather than null.
func (s *server) apiSearch(r *http.Request) (*search.ArticleResult, error) {
	_, res, err := runSearch(s, r, search.Articles, s.opts.Searcher.Search)
	return apiResult(res, err)
}

// runSearch reads r's parameters into a request of the kind given, checks
// it with the contract and runs it with call (the searcher's Search or
// SearchQuotes): the one path of the search and quote pages and their API.
func runSearch[H search.Hit](s *server, r *http.Request, kind search.Kind,
	call func(context.Context, search.Request) (*search.Result[H], error)) (*params, *search.Result[H], error) {
	p, err := parseRequest(r, &s.opts)
	if err != nil {
		return nil, nil, err
	}
	req, err := p.searchRequest(kind, s.opts.Labeler)
	if err != nil {
		return nil, nil, err
	}
	res, err := call(r.Context(), req)
	return p, res, err
}

// apiResult gives a result's hits and facets as [] and {} rather than null.
func apiResult[H search.Hit](res *search.Result[H], err error) (*search.Result[H], error) {
	if err != nil {
		return nil, err
	}
	if res.Hits == nil {
		res.Hits = []H{}
	}
	if res.Facets == nil {
		res.Facets = map[string][]search.FacetValue{}
	}
	return res, nil
}

// apiQuotes answers /api/quotes like apiSearch.
func (s *server) apiQuotes(r *http.Request) (*search.QuoteResult, error) {
	_, res, err := runSearch(s, r, search.Quotes, s.opts.Searcher.SearchQuotes)
	return apiResult(res, err)
}

// publicFile is an article's input file as the API shows it: a path given
// relative to where indexing ran, as it is; an absolute one, which would
// tell the server's folders, by its name alone.
func publicFile(name string) string {
	if filepath.IsAbs(name) || strings.HasPrefix(name, "~") {
		return filepath.Base(name)
	}
	return name
}
