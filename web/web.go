// Package web serves newsdex over HTTP: a search page with facets and a date
// histogram, a quote view, article pages with their quotes marked, and a
// read-only JSON API whose parameters are the pages' own, so a page URL and
// its API URL differ only in the path (/?q=x and /api/search?q=x).
//
// It is the only package that imports chi and html/template. It talks to the
// index only through the search contract (search.Searcher), renders typed page structs with
// templates embedded in the binary and parsed once at start-up, and serves
// its CSS and JavaScript from embedded files: a page fetches nothing from
// elsewhere and runs no inline script. Every request runs under a deadline,
// and every parameter is checked against Options' limits before the index
// sees it; a parameter out of bounds is a 400 that says which one.
package web

import (
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/newsdex/newsdex/internal/search"
)

// Default limits, used where Options leaves a limit at zero.
const (
	DefaultMaxQueryBytes   = 1000
	DefaultMaxLimit        = 100
	DefaultMaxWindow       = 10000 // as Elasticsearch's max_result_window
	DefaultMaxFilterValues = 20
	DefaultMaxValueBytes   = 200
	DefaultTimeout         = 10 * time.Second
	DefaultLimit           = 10
)

// Options configure the handler New returns.
type Options struct {
	// Searcher answers the queries. Required.
	Searcher search.Searcher
	// Labeler resolves country and region names typed in filters and names
	// country codes for display. It may be nil: values are then used and
	// shown as given.
	Labeler search.Labeler
	// Logger receives server-side errors (the 500s). Nil discards them.
	Logger *slog.Logger

	MaxQueryBytes   int           // longest q, in bytes
	MaxLimit        int           // largest limit
	MaxWindow       int           // largest offset+limit
	MaxFilterValues int           // most filter values in one request, all filters together
	MaxValueBytes   int           // longest filter value, in bytes
	Timeout         time.Duration // deadline of each request
	// MaxConcurrent is how many requests may search the index at once;
	// more wait their turn within their deadline. 0 means twice
	// runtime.GOMAXPROCS.
	MaxConcurrent int
}

// withDefaults returns o with every zero limit set to its default.
func (o Options) withDefaults() Options {
	set := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	set(&o.MaxQueryBytes, DefaultMaxQueryBytes)
	set(&o.MaxLimit, DefaultMaxLimit)
	set(&o.MaxWindow, DefaultMaxWindow)
	set(&o.MaxFilterValues, DefaultMaxFilterValues)
	set(&o.MaxValueBytes, DefaultMaxValueBytes)
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	set(&o.MaxConcurrent, 2*runtime.GOMAXPROCS(0))
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// server holds what the handlers share.
type server struct {
	opts   Options
	pages  map[string]*template.Template // by page name: "search", "quotes", "article", "error"
	static *staticFiles
	slots  chan struct{} // one per request allowed to use the index at once
}

// New returns the router serving the pages, the JSON API and the static
// files. It parses the templates once; an error means they are broken.
func New(opts Options) (http.Handler, error) {
	if opts.Searcher == nil {
		return nil, fmt.Errorf("web: Options.Searcher is nil")
	}
	s := &server{opts: opts.withDefaults()}
	s.slots = make(chan struct{}, s.opts.MaxConcurrent)
	var err error
	if s.static, err = loadStatic(); err != nil {
		return nil, err
	}
	if s.pages, err = parseTemplates(s.static); err != nil {
		return nil, err
	}

	r := chi.NewRouter()
	r.Use(s.recoverer, securityHeaders, middleware.GetHead, s.rejectBody, s.deadline, s.limit)
	r.NotFound(s.handleNotFound)
	r.MethodNotAllowed(s.handleMethodNotAllowed)

	r.Get("/", s.handleSearch)
	r.Get("/quotes", s.handleQuotes)
	r.Get("/articles/*", s.handleArticle)
	r.Get("/static/*", s.handleStatic)

	r.Get("/api/search", s.handleAPISearch)
	r.Get("/api/quotes", s.handleAPIQuotes)
	r.Get("/api/articles/*", s.handleAPIArticle)
	r.Get("/api/stats", s.handleAPIStats)
	return r, nil
}

// NewServer returns an http.Server for h on addr with timeouts on every
// phase of a connection, so that slow or idle clients cannot hold it open.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      DefaultTimeout + 5*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}
