package cli

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/search"
)

// column is one field of a hit in CSV and table output.
type column[H any] struct {
	name  string
	value func(H) string
	table int // width in table output; 0 = not shown there
}

func join(xs []string) string { return strings.Join(xs, ";") }

var articleColumns = []column[search.ArticleHit]{
	{"id", func(h search.ArticleHit) string { return h.ID }, 0},
	{"score", func(h search.ArticleHit) string { return strconv.FormatFloat(h.Score, 'f', 4, 64) }, 0},
	{"date", func(h search.ArticleHit) string { return h.Date }, 10},
	{"source", func(h search.ArticleHit) string { return h.Source }, 18},
	{"title", func(h search.ArticleHit) string { return h.Title }, 60},
	{"url", func(h search.ArticleHit) string { return h.URL }, 0},
	{"countries", func(h search.ArticleHit) string { return join(h.Countries) }, 14},
	{"regions", func(h search.ArticleHit) string { return join(h.Regions) }, 0},
	{"speakers", func(h search.ArticleHit) string { return join(h.Speakers) }, 30},
	{"actors", func(h search.ArticleHit) string { return join(h.Actors) }, 0},
	{"snippet", func(h search.ArticleHit) string { return h.Snippet.Text }, 0},
}

var quoteColumns = []column[search.QuoteHit]{
	{"id", func(h search.QuoteHit) string { return h.ID }, 0},
	{"date", func(h search.QuoteHit) string { return h.Date }, 10},
	{"speaker", func(h search.QuoteHit) string { return h.Speaker }, 22},
	{"speaker_title", func(h search.QuoteHit) string { return h.SpeakerTitle }, 0},
	{"cue", func(h search.QuoteHit) string { return h.Cue }, 0},
	{"confidence", func(h search.QuoteHit) string { return strconv.FormatFloat(h.Confidence, 'f', 2, 64) }, 10},
	{"text", func(h search.QuoteHit) string { return h.Text }, 70},
	{"article_id", func(h search.QuoteHit) string { return h.ArticleID }, 0},
	{"title", func(h search.QuoteHit) string { return h.Title }, 30},
	{"source", func(h search.QuoteHit) string { return h.Source }, 0},
	{"countries", func(h search.QuoteHit) string { return join(h.Countries) }, 0},
	{"snippet", func(h search.QuoteHit) string { return h.Snippet.Text }, 0},
	{"speaker_named", func(h search.QuoteHit) string { return strconv.FormatBool(h.SpeakerNamed) }, 0},
	{"speaker_description", func(h search.QuoteHit) string { return h.SpeakerDescription }, 0},
}

// hitWriter writes search results as a table, JSON, JSON Lines or CSV,
// hit by hit, so that --all can stream a whole result set.
type hitWriter[H any] struct {
	w       *bufio.Writer
	format  string
	cols    []column[H]
	n       int
	total   uint64
	took    float64
	csv     *csv.Writer
	table   *tabwriter.Writer
	enc     *json.Encoder
	started bool

	// fields are the whole-record fields --fields adds, read with record;
	// in CSV and tables a field replaces the column of its name
	// (replaces[i] is the column field i replaces, or -1) or comes after.
	fields   []recordField
	record   func(H) (*article.Article, *article.Quote, error)
	replaces []int
}

// withRecords makes hw add fields to every hit, read with record.
func (hw *hitWriter[H]) withRecords(fields []recordField, record func(H) (*article.Article, *article.Quote, error)) {
	hw.fields, hw.record = fields, record
	hw.replaces = make([]int, len(fields))
	for i, f := range fields {
		hw.replaces[i] = -1
		for j, c := range hw.cols {
			if c.name == f.name {
				hw.replaces[i] = j
			}
		}
	}
}

// cells returns the hit's CSV or table cells: its columns, with the
// record fields in or after them; in a table only the columns shown
// (table > 0) and the fields, cut to width.
func (hw *hitWriter[H]) cells(h H, header, table bool) ([]string, error) {
	var a *article.Article
	var q *article.Quote
	if len(hw.fields) > 0 && !header {
		var err error
		if a, q, err = hw.record(h); err != nil {
			return nil, err
		}
	}
	over := map[int]int{} // column -> field
	for i, j := range hw.replaces {
		if j >= 0 {
			over[j] = i
		}
	}
	value := func(i int) string {
		if header {
			return hw.fields[i].name
		}
		return fieldText(hw.fields[i].value(a, q))
	}
	var out []string
	for j, c := range hw.cols {
		if table && c.table == 0 {
			if _, ok := over[j]; !ok {
				continue
			}
		}
		var v string
		switch i, ok := over[j]; {
		case ok:
			v = value(i)
		case header:
			v = c.name
		default:
			v = c.value(h)
		}
		if table {
			w := c.table
			if w == 0 {
				w = 30
			}
			if header {
				v = strings.ToUpper(v)
			} else {
				v = truncate(oneLine(v), w)
			}
		}
		out = append(out, v)
	}
	for i, j := range hw.replaces {
		if j < 0 {
			v := value(i)
			if table {
				if header {
					v = strings.ToUpper(v)
				} else {
					v = truncate(oneLine(v), 30)
				}
			}
			out = append(out, v)
		}
	}
	return out, nil
}

func newHitWriter[H any](out io.Writer, format string, cols []column[H]) *hitWriter[H] {
	w := bufio.NewWriterSize(out, 1<<16)
	hw := &hitWriter[H]{w: w, format: format, cols: cols}
	hw.enc = json.NewEncoder(w)
	hw.enc.SetEscapeHTML(false)
	return hw
}

func (hw *hitWriter[H]) begin(query string, total uint64, took float64) error {
	hw.total, hw.took = total, took
	switch hw.format {
	case formatJSON:
		q, _ := marshalNoEscape(query)
		fmt.Fprintf(hw.w, "{\"query\":%s,\"total\":%d,\"took_ms\":%s,\"hits\":[", q, total, strconv.FormatFloat(took, 'f', -1, 64))
	case formatCSV:
		hw.csv = csv.NewWriter(hw.w)
		var zero H
		names, _ := hw.cells(zero, true, false) // a header reads no record
		return hw.csv.Write(names)
	case formatTable:
		hw.table = tabwriter.NewWriter(hw.w, 0, 0, 2, ' ', 0)
		var zero H
		names, _ := hw.cells(zero, true, true)
		fmt.Fprintln(hw.table, strings.Join(names, "\t"))
	}
	return nil
}

func (hw *hitWriter[H]) hit(h H) error {
	hw.n++
	switch hw.format {
	case formatJSON, formatJSONL:
		var v any = h
		if len(hw.fields) > 0 {
			a, q, err := hw.record(h)
			if err != nil {
				return err
			}
			if v, err = withFields(h, hw.fields, a, q); err != nil {
				return err
			}
		}
		if hw.format == formatJSONL {
			return hw.enc.Encode(v)
		}
		if hw.n > 1 {
			hw.w.WriteByte(',')
		}
		b, err := marshalNoEscape(v)
		if err != nil {
			return err
		}
		hw.w.Write(b)
	case formatCSV:
		row, err := hw.cells(h, false, false)
		if err != nil {
			return err
		}
		for i := range row {
			row[i] = csvCell(row[i])
		}
		return hw.csv.Write(row)
	case formatTable:
		cells, err := hw.cells(h, false, true)
		if err != nil {
			return err
		}
		fmt.Fprintln(hw.table, strings.Join(cells, "\t"))
	}
	return nil
}

func (hw *hitWriter[H]) end(facets facetOut) error {
	if facets.Values == nil {
		facets.Values = map[string][]search.FacetValue{}
	}
	for _, m := range []*map[string]int{&facets.Other, &facets.Missing} {
		if *m == nil {
			*m = map[string]int{}
		}
	}
	switch hw.format {
	case formatJSON:
		vals, err := marshalNoEscape(facets.Values)
		if err != nil {
			return err
		}
		other, _ := marshalNoEscape(facets.Other) // a map[string]int always marshals
		missing, _ := marshalNoEscape(facets.Missing)
		fmt.Fprintf(hw.w, "],\"facets\":%s,\"facet_other\":%s,\"facet_missing\":%s}\n", vals, other, missing)
	case formatCSV:
		hw.csv.Flush()
		if err := hw.csv.Error(); err != nil {
			return err
		}
	case formatTable:
		hw.table.Flush()
		noun := "hits"
		if hw.total == 1 {
			noun = "hit"
		}
		fmt.Fprintf(hw.w, "\n%d of %d %s (%.1f ms)\n", hw.n, hw.total, noun, hw.took)
		writeFacetTable(hw.w, facets)
	}
	return hw.w.Flush()
}

// abort ends the output after a failure part way through (a page of --all
// that failed): every record written so far is flushed whole, so the output
// never ends on a partial line, and a JSON document is closed with the
// error in an "error" member. The failure itself is reported by the caller.
func (hw *hitWriter[H]) abort(failure error) {
	switch hw.format {
	case formatJSON:
		msg, _ := marshalNoEscape(failure.Error())
		fmt.Fprintf(hw.w, "],\"facets\":{},\"facet_other\":{},\"facet_missing\":{},\"error\":%s}\n", msg)
	case formatCSV:
		if hw.csv != nil {
			hw.csv.Flush()
		}
	case formatTable:
		if hw.table != nil {
			hw.table.Flush()
		}
	}
	hw.w.Flush()
}

// writeFacetTable prints each facet's top values on a line, and what
// lies beyond them: the counts of the other values and the hits with none.
func writeFacetTable(w io.Writer, facets facetOut) {
	for _, name := range search.DefaultFacets {
		vals, ok := facets.Values[name]
		if !ok || len(vals) == 0 {
			continue
		}
		var parts []string
		for i, v := range vals {
			if i == 10 {
				parts = append(parts, "...")
				break
			}
			label := v.Value
			if v.Label != "" && v.Label != v.Value {
				label = v.Label + " (" + v.Value + ")"
			}
			parts = append(parts, fmt.Sprintf("%s %d", label, v.Count))
		}
		if n := facets.Other[name]; n > 0 {
			parts = append(parts, fmt.Sprintf("other values %d", n))
		}
		if n := facets.Missing[name]; n > 0 {
			parts = append(parts, fmt.Sprintf("none %d", n))
		}
		fmt.Fprintf(w, "%-8s %s\n", name+":", strings.Join(parts, ", "))
	}
}

func marshalNoEscape(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// csvCell defuses a cell a spreadsheet would read as a formula (one that
// starts with =, +, -, @, a tab or a carriage return: CSV injection, as
// OWASP describes it) by putting a ' before it, which spreadsheets show as
// text and do not display.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// truncate cuts s to n runes, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
