package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsdex/newsdex/internal/search"
)

func TestCSVCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"}, {"-2+3", "'-2+3"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"},
		{"coffee", "coffee"}, {"", ""}, {"2025-01-18", "2025-01-18"}, {"a=b", "a=b"},
	} {
		if got := csvCell(c.in); got != c.want {
			t.Errorf("csvCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	var out bytes.Buffer
	w := newHitWriter(&out, formatCSV, articleColumns)
	w.begin("x", 1, 0)
	w.hit(search.ArticleHit{ID: "a", Title: "=1+2", Source: "@wire", Speakers: []string{"-x"}})
	if err := w.end(facetOut{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{recs[1][3], recs[1][4], recs[1][8]}; fmt.Sprint(got) != fmt.Sprint([]string{"'@wire", "'=1+2", "'-x"}) {
		t.Errorf("CSV cells = %q, want them defused", got)
	}
}

// TestAllFailsOnWholeRecords: when a page of --all fails after hits were
// written, the output ends on a whole record (it ended wherever the
// 64 KiB buffer had last been written out).
func TestAllFailsOnWholeRecords(t *testing.T) {
	long := strings.Repeat("coffee prices rose again ", 12)
	find := func(ctx context.Context, r search.Request) (*search.ArticleResult, error) {
		if r.After != nil {
			return nil, context.DeadlineExceeded
		}
		p := &search.ArticleResult{Query: "coffee", Total: 10000}
		for i := range r.Limit {
			id := fmt.Sprintf("a%05d", i)
			p.Hits = append(p.Hits, search.ArticleHit{ID: id, Title: long, Snippet: search.Snippet{Text: long}, SortKey: []string{"d", id}})
		}
		return p, nil
	}
	for _, format := range []string{formatJSONL, formatCSV, formatJSON, formatTable} {
		t.Run(format, func(t *testing.T) {
			var out bytes.Buffer
			o := &queryOptions{All: true, Timeout: time.Second}
			err := runPages(context.Background(), search.Request{Sort: search.SortDate}, o, find, newHitWriter(&out, format, articleColumns))
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("runPages error = %v, want the failed page's", err)
			}
			s := out.String()
			if !strings.HasSuffix(s, "\n") {
				t.Fatalf("output of %d bytes ends on a partial line: %q", len(s), s[max(0, len(s)-80):])
			}
			lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
			switch format {
			case formatJSONL:
				for _, l := range lines {
					if !json.Valid([]byte(l)) {
						t.Fatalf("line %.60q is not JSON", l)
					}
				}
				if len(lines) != allPage {
					t.Errorf("%d lines, want %d", len(lines), allPage)
				}
			case formatCSV:
				recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
				if err != nil || len(recs) != allPage+1 {
					t.Errorf("CSV: %d records, %v; want %d", len(recs), err, allPage+1)
				}
			case formatJSON:
				var doc struct {
					Hits  []search.ArticleHit `json:"hits"`
					Error string              `json:"error"`
				}
				if err := json.Unmarshal([]byte(s), &doc); err != nil || len(doc.Hits) != allPage || !strings.Contains(doc.Error, "deadline") {
					t.Errorf("JSON: %d hits, error %q, %v; want %d hits and the error", len(doc.Hits), doc.Error, err, allPage)
				}
			}
		})
	}
}
