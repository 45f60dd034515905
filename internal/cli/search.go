package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/newsdex/newsdex/internal/search"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// queryOptions are the flags `newsdex search` and `newsdex quotes` share.
type queryOptions struct {
	Countries []string
	Regions   []string
	Speakers  []string
	Actors    []string
	Sources   []string
	Langs     []string
	From, To  string
	Limit     int
	Offset    int
	Sort      string
	Facets    string
	Format    string
	All       bool
	Demo      bool
	Timeout   time.Duration
	// DefaultOperator joins query clauses written side by side.
	DefaultOperator string
	FacetSize       int
	// Fields are whole-record fields to add to each hit (fields.go).
	Fields string
	// set holds the flags given on the command line, by name.
	set     map[string]bool
	MinConf float64 // quotes only
	Named   bool    // quotes only: named speakers only
}

// Output formats of search and quotes.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatJSONL = "jsonl"
	formatCSV   = "csv"
)

func (o *queryOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayVar(&o.Countries, "country", nil, "only hits about this country: ISO code or name, any case (repeatable: any of them)")
	f.StringArrayVar(&o.Regions, "region", nil, "only hits in this region or sub-region, e.g. \"Western Asia\" (repeatable)")
	f.StringArrayVar(&o.Speakers, "speaker", nil, "only hits quoting this speaker (repeatable)")
	f.StringArrayVar(&o.Actors, "actor", nil, "only hits naming this person or organisation (repeatable)")
	f.StringArrayVar(&o.Sources, "source", nil, "only hits from this source (repeatable)")
	f.StringArrayVar(&o.Langs, "lang", nil, "only hits in this language: ISO 639-1 code, e.g. en, de (repeatable)")
	f.StringVar(&o.From, "from", "", "only hits dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&o.To, "to", "", "only hits dated on or before DATE (a YYYY or YYYY-MM takes the whole year or month)")
	f.IntVar(&o.Limit, "limit", 10, "hits to print; 0 prints only the total and the facets")
	f.IntVar(&o.Offset, "offset", 0, "hits to skip")
	f.StringVar(&o.Sort, "sort", search.SortRelevance, "order: relevance, date (oldest first) or -date (newest first)")
	f.StringVar(&o.Facets, "facets", strings.Join(search.DefaultFacets, ","), "facets to count, comma-separated, or \"none\"")
	f.StringVar(&o.Format, "format", "", "output: table, json, jsonl or csv (default: table on a terminal, json otherwise)")
	f.BoolVar(&o.All, "all", false, "stream every hit in date order, with no cap, for exports (not with --limit, --offset or --sort relevance)")
	f.BoolVar(&o.Demo, "demo", false, "search the embedded demo corpus instead of --index")
	f.StringVar(&o.Fields, "fields", "", "add whole-record fields to each hit, comma-separated, or all: body, quotes, actors (with types), countries (with mentions), regions, speakers, byline, url, file, date_text; for quotes also start, end, confidence")
	f.IntVar(&o.FacetSize, "facet-size", search.DefaultFacetSize, fmt.Sprintf("values each facet lists, the most frequent first (1 to %d, 0 for the default; the date facet lists every month)", search.MaxFacetSize))
	f.StringVar(&o.DefaultOperator, "default-operator", "or", "operator between query words written side by side: or (any of them) or and (all of them)")
	f.DurationVar(&o.Timeout, "timeout", 30*time.Second, "give up on a search after this long")
}

// addQuoteFlags adds the flags only quotes take.
func (o *queryOptions) addQuoteFlags(cmd *cobra.Command) {
	cmd.Flags().Float64Var(&o.MinConf, "min-confidence", 0, "only quotes attributed with at least this confidence (0 to 1; the surest attributions score 0.92)")
	cmd.Flags().BoolVar(&o.Named, "named-only", false, "only quotes whose speaker the article names (not \"a spokesman\" or nobody)")
}

// request turns the flags and query into an index request.
func (o *queryOptions) request(q string, kind search.Kind) (search.Request, error) {
	r := search.Request{
		Query:         q,
		Limit:         o.Limit,
		Offset:        o.Offset,
		Sort:          o.Sort,
		MinConfidence: o.MinConf,
		NamedOnly:     o.Named,
		Filters: search.Filters{
			Countries: o.Countries, Regions: o.Regions, Speakers: o.Speakers,
			Actors: o.Actors, Sources: o.Sources, Langs: o.Langs,
		},
	}
	r.DefaultOperator = o.DefaultOperator // search.Normalize checks it
	r.FacetSize = o.FacetSize
	if o.Limit < 0 || o.Offset < 0 {
		return r, usageError("--limit and --offset must not be negative")
	}
	if o.All {
		// --all pages through every hit in a stable order: a page size,
		// a start or a relevance order would be silently dropped.
		for _, name := range []string{"limit", "offset"} {
			if o.set[name] {
				return r, usageError("--all streams every hit: it cannot be combined with --%s", name)
			}
		}
		if o.set["sort"] && o.Sort == search.SortRelevance {
			return r, usageError("--all streams in date order (relevance ties have no stable order across pages): use --sort date or -date")
		}
	}
	r.Facets = parseFacets(o.Facets)
	var err error
	if r.Filters.From, err = search.ParseBound(o.From, false); err != nil {
		return r, usageError("--from: %v", err)
	}
	if r.Filters.To, err = search.ParseBound(o.To, true); err != nil {
		return r, usageError("--to: %v", err)
	}
	// The contract's one validator checks the rest (the sort, the facets
	// and their size, the minimum confidence, countries, regions, the date
	// range, the query) before any index is opened, with the words the
	// web and a server use.
	if _, err := search.Normalize(r, kind, gazetteer.Default()); err != nil {
		return r, &exitError{code: 2, err: err}
	}
	return r, nil
}

// Bounds of the integer flags that size work or memory: a value past them
// would start that many goroutines or allocate that many slots.
const (
	maxWorkers = 1024
	maxBatch   = 100_000
)

// checkWorkers checks a --workers flag: 0 (one per core) to maxWorkers.
func checkWorkers(n int) error {
	if n < 0 || n > maxWorkers {
		return usageError("--workers %d: want a number from 0 (one per core) to %d", n, maxWorkers)
	}
	return nil
}

// parseFacets reads --facets: a comma-separated list, or "none". The names
// are Normalize's to check.
func parseFacets(s string) []string {
	s = strings.TrimSpace(s)
	out := []string{}
	if s == "" || s == "none" {
		return out
	}
	for _, f := range strings.Split(s, ",") {
		if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// outputFormat decides the output format: the flag, else table on a
// terminal and JSON otherwise.
func (o *queryOptions) outputFormat(s Streams) (string, error) {
	switch o.Format {
	case formatTable, formatJSON, formatJSONL, formatCSV:
		return o.Format, nil
	case "":
		if f, ok := s.Out.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			return formatTable, nil
		}
		return formatJSON, nil
	}
	return "", usageError("--format %q: want table, json, jsonl or csv", o.Format)
}

func newSearchCmd(g *globalOptions, s Streams) *cobra.Command {
	o := &queryOptions{}
	cmd := &cobra.Command{
		Use:   "search [QUERY]",
		Short: "Search articles, with facets",
		Long: `Search finds articles. QUERY uses the Lucene / Elasticsearch query-string
syntax: words, "phrases", "words near"~5, AND, OR, NOT (&&, ||, !), +must,
-not, (brackets), field:value and field:(a OR b) (title, body, byline, url,
source, country, region, speaker, actor, lang, date, quotes), wild*cards,
fuzzy~1, /regexp/, ranges date:[2024-01 TO 2024-06] and {} to exclude the
ends, ^2 boosts, \ to escape. speaker: and actor: find every form of a
person's name. NOT binds tightest, then AND, then OR; words side by side are
joined by OR unless --default-operator and. A query that does not parse is an
error (exit 2) naming the position. With no QUERY it browses every article;
filters still apply. Facets count the hits by speaker, actor, country,
region, source, language and month.`,
		Example: `  newsdex search 'election AND (blair OR brown) NOT title:poll'
  newsdex search coffee --country BR --format json | jq '.facets.country'
  newsdex search '"militia disarmament"' --region "Western Asia" --sort -date
  newsdex search --all --format csv --from 2024 > articles.csv
  newsdex search --limit 0 --facets country,region`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.set = changedFlags(cmd)
			return runQuery(cmd.Context(), g, o, s, firstArg(args), false)
		},
	}
	o.addFlags(cmd)
	return cmd
}

func newQuotesCmd(g *globalOptions, s Streams) *cobra.Command {
	o := &queryOptions{}
	cmd := &cobra.Command{
		Use:   "quotes [QUERY]",
		Short: "Search direct quotes, with facets",
		Long: `Quotes searches the direct quotes found in the articles: each hit is one quote
with its speaker, cue verb and article. QUERY and the filters work as in
search; --speaker narrows to one speaker's quotes (any form of the name
finds them all), --min-confidence to the surer attributions (0.92 is the
surest: a name right before or after the quote), --named-only to quotes whose
speaker the article names. A speaker the article does not name is shown by its
description ("a spokesman") with speaker_named false.`,
		Example: `  newsdex quotes disarm --speaker "Fuad Hussein"
  newsdex quotes --country IQ --format csv --all > iraq-quotes.csv
  newsdex quotes --speaker Reagan --min-confidence 0.8`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.set = changedFlags(cmd)
			return runQuery(cmd.Context(), g, o, s, firstArg(args), true)
		},
	}
	o.addFlags(cmd)
	o.addQuoteFlags(cmd)
	return cmd
}

// changedFlags says which of the flags --all conflicts with were given on
// cmd's command line.
func changedFlags(cmd *cobra.Command) map[string]bool {
	set := map[string]bool{}
	for _, name := range []string{"limit", "offset", "sort"} {
		set[name] = cmd.Flags().Changed(name)
	}
	return set
}

func firstArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// allPage is the page size used to stream --all results.
const allPage = 500

// facetOut are a result's facets with the counts beyond their lists.
type facetOut struct {
	Values         map[string][]search.FacetValue
	Other, Missing map[string]int
}

func runQuery(ctx context.Context, g *globalOptions, o *queryOptions, s Streams, query string, quotes bool) error {
	kind := search.Articles
	if quotes {
		kind = search.Quotes
	}
	req, err := o.request(query, kind)
	if err != nil {
		return err
	}
	format, err := o.outputFormat(s)
	if err != nil {
		return err
	}
	fields, err := parseFields(o.Fields, quotes)
	if err != nil {
		return err
	}
	ix, err := openForQuery(ctx, g, o.Demo)
	if err != nil {
		return err
	}
	defer ix.Close()
	arts := &articleCache{get: ix.Article}
	if quotes {
		w := newHitWriter(s.Out, format, quoteColumns)
		if len(fields) > 0 {
			w.withRecords(fields, func(h search.QuoteHit) (*article.Article, *article.Quote, error) {
				a, err := arts.article(ctx, h.ArticleID)
				if err != nil {
					return nil, nil, err
				}
				return a, quoteOf(a, h), nil
			})
		}
		return runPages(ctx, req, o, ix.SearchQuotes, w)
	}
	w := newHitWriter(s.Out, format, articleColumns)
	if len(fields) > 0 {
		w.withRecords(fields, func(h search.ArticleHit) (*article.Article, *article.Quote, error) {
			a, err := arts.article(ctx, h.ID)
			return a, nil, err
		})
	}
	return runPages(ctx, req, o, ix.Search, w)
}

// runPages runs one search, or with --all pages through every hit with
// SearchAfter in a stable order (date, then id) and writes hits as they
// come. Facets are counted once, on the first page.
func runPages[H search.Hit](ctx context.Context, req search.Request, o *queryOptions, find func(context.Context, search.Request) (*search.Result[H], error), w *hitWriter[H]) error {
	if o.All {
		if req.Sort == search.SortRelevance {
			req.Sort = search.SortDate // relevance ties are not stable across pages
		}
		req.Limit, req.Offset = allPage, 0
	}
	var facets facetOut
	for first := true; ; first = false {
		pctx, cancel := context.WithTimeout(ctx, o.Timeout)
		p, err := find(pctx, req)
		cancel()
		if err != nil {
			if !first {
				// Hits are already out: end them on a whole record.
				w.abort(err)
			}
			return queryError(err)
		}
		if first {
			facets = facetOut{p.Facets, p.FacetOther, p.FacetMissing}
			if err := w.begin(p.Query, p.Total, p.TookMS); err != nil {
				return err
			}
		}
		for _, h := range p.Hits {
			if err := w.hit(h); err != nil {
				w.abort(err)
				return err
			}
		}
		if !o.All || len(p.Hits) < req.Limit || len(search.Key(&p.Hits[len(p.Hits)-1])) == 0 {
			return w.end(facets)
		}
		req.After = search.Key(&p.Hits[len(p.Hits)-1])
		req.Facets = []string{}
		if err := ctx.Err(); err != nil {
			w.abort(err)
			return err
		}
	}
}

// queryError makes index errors about the query read as usage errors.
func queryError(err error) error {
	if errors.Is(err, search.ErrBadQuery) {
		return &exitError{code: 2, err: err}
	}
	return err
}
