package cli

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/newsdex/newsdex/index"
)

// column is one field of a hit in CSV and table output.
type column[H any] struct {
	name  string
	value func(H) string
	table int // width in table output; 0 = not shown there
}

func join(xs []string) string { return strings.Join(xs, ";") }

var articleColumns = []column[index.Hit]{
	{"id", func(h index.Hit) string { return h.ID }, 0},
	{"score", func(h index.Hit) string { return strconv.FormatFloat(h.Score, 'f', 4, 64) }, 0},
	{"date", func(h index.Hit) string { return h.Date }, 10},
	{"source", func(h index.Hit) string { return h.Source }, 18},
	{"title", func(h index.Hit) string { return h.Title }, 60},
	{"url", func(h index.Hit) string { return h.URL }, 0},
	{"countries", func(h index.Hit) string { return join(h.Countries) }, 14},
	{"regions", func(h index.Hit) string { return join(h.Regions) }, 0},
	{"speakers", func(h index.Hit) string { return join(h.Speakers) }, 30},
	{"actors", func(h index.Hit) string { return join(h.Actors) }, 0},
	{"snippet", func(h index.Hit) string { return plainSnippet(h.Snippet) }, 0},
}

var quoteColumns = []column[index.QuoteHit]{
	{"id", func(h index.QuoteHit) string { return h.ID }, 0},
	{"date", func(h index.QuoteHit) string { return h.Date }, 10},
	{"speaker", func(h index.QuoteHit) string { return h.Speaker }, 22},
	{"speaker_title", func(h index.QuoteHit) string { return h.SpeakerTitle }, 0},
	{"cue", func(h index.QuoteHit) string { return h.Cue }, 0},
	{"confidence", func(h index.QuoteHit) string { return strconv.FormatFloat(h.Confidence, 'f', 2, 64) }, 10},
	{"text", func(h index.QuoteHit) string { return h.Text }, 70},
	{"article_id", func(h index.QuoteHit) string { return h.ArticleID }, 0},
	{"title", func(h index.QuoteHit) string { return h.Title }, 30},
	{"source", func(h index.QuoteHit) string { return h.Source }, 0},
	{"countries", func(h index.QuoteHit) string { return join(h.Countries) }, 0},
	{"snippet", func(h index.QuoteHit) string { return plainSnippet(h.Snippet) }, 0},
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
		names := make([]string, len(hw.cols))
		for i, c := range hw.cols {
			names[i] = c.name
		}
		return hw.csv.Write(names)
	case formatTable:
		hw.table = tabwriter.NewWriter(hw.w, 0, 0, 2, ' ', 0)
		var names []string
		for _, c := range hw.cols {
			if c.table > 0 {
				names = append(names, strings.ToUpper(c.name))
			}
		}
		fmt.Fprintln(hw.table, strings.Join(names, "\t"))
	}
	return nil
}

func (hw *hitWriter[H]) hit(h H) error {
	hw.n++
	switch hw.format {
	case formatJSON:
		if hw.n > 1 {
			hw.w.WriteByte(',')
		}
		b, err := marshalNoEscape(h)
		if err != nil {
			return err
		}
		hw.w.Write(b)
	case formatJSONL:
		return hw.enc.Encode(h)
	case formatCSV:
		row := make([]string, len(hw.cols))
		for i, c := range hw.cols {
			row[i] = csvCell(c.value(h))
		}
		return hw.csv.Write(row)
	case formatTable:
		var cells []string
		for _, c := range hw.cols {
			if c.table > 0 {
				cells = append(cells, truncate(oneLine(c.value(h)), c.table))
			}
		}
		fmt.Fprintln(hw.table, strings.Join(cells, "\t"))
	}
	return nil
}

func (hw *hitWriter[H]) end(facets map[string][]index.FacetValue) error {
	if facets == nil {
		facets = map[string][]index.FacetValue{}
	}
	switch hw.format {
	case formatJSON:
		b, err := marshalNoEscape(facets)
		if err != nil {
			return err
		}
		fmt.Fprintf(hw.w, "],\"facets\":%s}\n", b)
	case formatCSV:
		hw.csv.Flush()
		if err := hw.csv.Error(); err != nil {
			return err
		}
	case formatTable:
		hw.table.Flush()
		fmt.Fprintf(hw.w, "\n%d of %d hits (%.1f ms)\n", hw.n, hw.total, hw.took)
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
		fmt.Fprintf(hw.w, "],\"facets\":{},\"error\":%s}\n", msg)
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

// writeFacetTable prints each facet's top values on a line.
func writeFacetTable(w io.Writer, facets map[string][]index.FacetValue) {
	for _, name := range index.DefaultFacets {
		vals, ok := facets[name]
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

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plainSnippet turns a highlighter fragment (escaped HTML with <mark>) into
// plain text for CSV and the terminal.
func plainSnippet(s string) string {
	return html.UnescapeString(tagRE.ReplaceAllString(s, ""))
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
