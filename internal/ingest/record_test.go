package ingest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
)

// read runs the reader of format over data and returns what it produced.
// seq lists both in order: an article's title or an error's message.
func read(format string, data []byte) (arts []*article.Article, errs []*Error, seq []string) {
	out := make(chan item)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for it := range out {
			if it.e != nil {
				errs = append(errs, it.e)
				seq = append(seq, it.e.Error())
			} else {
				arts = append(arts, it.a)
				seq = append(seq, it.a.Title)
			}
		}
	}()
	s := &sink{ctx: context.Background(), name: "in", out: out}
	if err := readFormat(s, bufio.NewReader(bytes.NewReader(data)), format); err != nil {
		s.fail(0, 0, err)
	}
	close(out)
	<-done
	return arts, errs, seq
}

func TestParseJSONRecord(t *testing.T) {
	tests := []struct {
		in   string
		want string // ID|Title|Source|Byline|URL|Date|DateText|Body, or "error: ..."
	}{
		{`{"id":"a","title":"T","body":"B"}`, "a|T||||||B"},
		{`{"ID":12,"Headline":" T  x ","Text":"B\r\n\r\n\r\nC","PubDate":"2025-01-18"}`, "12|T x||||2025-01-18|2025-01-18|B\n\nC"},
		{`{"title":"T","content":["P1","","P2"],"author":["A","B"]}`, "|T||A, B||||P1\n\nP2"},
		{`{"title":"T","source":{"id":"x","name":"Wire"},"authors":[{"name":"A"}],"link":"u"}`, "|T|Wire|A|u|||"},
		{`{"title":"T","article":"B","body":"C"}`, "|T||||||C"},
		{`{"title":"T","date":1737158400}`, "|T|||||1737158400|"},
		{`{"title":null,"body":true}`, "error: no title or body"},
		{`[1]`, "error: not a JSON object"},
		{`{"title":"T"`, "error: invalid JSON: unexpected end of JSON input"},
		{`{"title":"T"} x`, "error: invalid JSON: invalid character 'x' after top-level value"},
	}
	for _, tt := range tests {
		a, err := ParseJSONRecord([]byte(tt.in))
		var got string
		if err != nil {
			got = "error: " + err.Error()
		} else {
			got = strings.Join([]string{a.ID, a.Title, a.Source, a.Byline, a.URL, a.DateString(), a.DateText, a.Body}, "|")
		}
		if got != tt.want {
			t.Errorf("ParseJSONRecord(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReaders(t *testing.T) {
	tests := []struct {
		name, format, in string
		want             []string // File:Title per article, or the error message
	}{
		{"jsonl broken middle", "jsonl", "{\"title\":\"A\"}\n{\"title\":\n\n{\"title\":\"C\"}\n", []string{"A", "in:2: invalid JSON: unexpected end of JSON input", "C"}},
		{"jsonl BOM and CRLF", "jsonl", "\xef\xbb\xbf{\"title\":\"A\"}\r\n{\"title\":\"B\"}", []string{"A", "B"}},
		{"jsonl Windows-1252", "jsonl", "{\"title\":\"Caf\xe9\"}\n", []string{"Café"}},
		{"json wrapper", "json", `{"status":"ok","articles":[{"title":"A"},{"title":"B"}]}`, []string{"A", "B"}},
		{"json objects in a row", "json", "{\"title\":\"A\"}\n{\"title\":\"B\"}", []string{"A", "B"}},
		{"json syntax error", "json", `[{"title":"A"},{"title":}]`, []string{"in: invalid JSON: invalid character '}' looking for beginning of value"}},
		{"json empty", "json", " ", []string{"in: no title or body"}},
		{"csv", "csv", "Title,Body,Extra\nA,x,1\n\"B\",\"y\nz\",2\nC\n", []string{"A", "B", "in:5: wrong number of fields"}},
		{"csv no columns", "csv", "a,b\n1,2\n", []string{"in: header names no title or body column"}},
		{"tsv", "tsv", "headline\tpublisher\nA\tWire\n", []string{"A"}},
		{"txt empty", "txt", "\n\n", []string{"in: no title or body"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, got := read(tt.format, []byte(tt.in))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("read %s %q = %q, want %q", tt.format, tt.in, got, tt.want)
			}
		})
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte("{\"title\":\"A\",\"body\":\"x\"}\n{\"id\":1,\"headline\":[\"B\"],\"source\":{\"name\":\"S\"}}\n"))
	f.Add([]byte("[{\"title\":\"A\"}]"))
	f.Add([]byte("{\"title\":\n\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []string{"jsonl", "json"} {
			arts, _, _ := read(format, data)
			for _, a := range arts {
				if a.Title == "" && a.Body == "" || a.ID == "" {
					t.Errorf("read %s %q gave an article without title and body or ID: %+v", format, data, a)
				}
			}
		}
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("title,body,date\nA,x,2025-01-18\n\"B\",\"y\"\"z\",\n"))
	f.Add([]byte("id\ttitle\n1\tA\n2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []string{"csv", "tsv"} {
			arts, errs, _ := read(format, data)
			for _, a := range arts {
				if a.Title == "" && a.Body == "" || a.ID == "" {
					t.Errorf("read %s %q gave an article without title and body or ID: %+v", format, data, a)
				}
			}
			for _, e := range errs {
				if e.File != "in" {
					t.Errorf("read %s %q error %v names file %q", format, data, e, e.File)
				}
			}
		}
	})
}

// BenchmarkJSONL measures Walk over a JSON Lines file of news-sized records.
func BenchmarkJSONL(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.jsonl")
	var buf bytes.Buffer
	body := strings.Repeat("The minister said on Tuesday that talks would resume next week in the capital. ", 30)
	const n = 20000
	for i := range n {
		fmt.Fprintf(&buf, `{"id":"r%d","title":"Talks to resume, minister says %d","date":"2025-01-%02d","source":"Wire","body":%q}`+"\n", i, i, i%28+1, body)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		count := 0
		err := Walk(context.Background(), []string{path}, Options{}, func(*article.Article) error {
			count++
			return nil
		}, nil)
		if err != nil || count != n {
			b.Fatalf("Walk = %v with %d articles, want %d", err, count, n)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

func TestRecordLang(t *testing.T) {
	for _, c := range []struct{ key, val, want string }{
		{"lang", "de", "de"},
		{"Language", "pt-BR", "pt-BR"},
		{"inLanguage", "fr", "fr"},
		{"locale", "it_IT", "it_IT"},
	} {
		var r record
		f, rank, ok := lookupKey(c.key)
		if !ok {
			t.Fatalf("lookupKey(%q) not found", c.key)
		}
		r.put(f, rank, c.val)
		r.put(fieldTitle, 0, "T")
		a, err := r.article()
		if err != nil {
			t.Fatal(err)
		}
		if a.Lang != c.want {
			t.Errorf("record {%q: %q} Lang = %q, want %q", c.key, c.val, a.Lang, c.want)
		}
	}
}
