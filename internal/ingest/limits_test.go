package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
)

func TestCutBody(t *testing.T) {
	tests := []struct {
		body string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 12, "one two"},
		{"para one.\n\npara two is long", 14, "para one."},
		{"para one.\n\npara two is long", 22, "para one.\n\npara two"},
		{"ééééé", 5, "éé"},
		{"abcdefghij", 4, "abcd"},
	}
	for _, tt := range tests {
		if got := cutBody(tt.body, tt.n); got != tt.want {
			t.Errorf("cutBody(%q, %d) = %q, want %q", tt.body, tt.n, got, tt.want)
		}
	}
}

func TestEncodings(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"windows-1252", []byte("\x93Caf\xe9,\x94 he said \x96 \x80 5"), "“Café,” he said – € 5"},
		{"latin-1", []byte("S\xe3o Paulo, Z\xfcrich, Gda\xf1sk"), "São Paulo, Zürich, Gdañsk"},
		{"utf-8 with one stray byte", []byte("Łódź \xff café — ok"), "Łódź ÿ café — ok"},
		{"utf-16 le", []byte("\xff\xfeC\x00a\x00f\x00\xe9\x00"), "Café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := toUTF8(tt.in); got != tt.want {
				t.Errorf("toUTF8(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsBinary(t *testing.T) {
	for _, tt := range []struct {
		in   []byte
		want bool
	}{
		{[]byte("plain text\n"), false},
		{[]byte("\xff\xfeH\x00i\x00"), false},
		{[]byte("PK\x03\x04\x00\x00"), true},
		{[]byte("\x01\x02\x03\x04\x05abc"), true},
	} {
		if got := isBinary(tt.in); got != tt.want {
			t.Errorf("isBinary(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestOversizedBody(t *testing.T) {
	big := "Big file\n\n" + strings.Repeat("A sentence of the body goes here. ", MaxTextFileBytes/20)
	arts, errs, _ := read("txt", []byte(big))
	if len(arts) != 1 {
		t.Fatalf("read(big txt) = %d articles, want 1", len(arts))
	}
	if n := len(arts[0].Body); n > MaxBodyBytes || n < MaxBodyBytes/2 {
		t.Errorf("body of %d bytes, want at most %d", n, MaxBodyBytes)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrTruncated) {
		t.Errorf("errors = %v, want one ErrTruncated", errs)
	}

	rec := `{"title":"Long record","body":"` + strings.Repeat("word ", MaxBodyBytes/4) + `"}` + "\n"
	arts, errs, _ = read("jsonl", []byte(`{"title":"Short","body":"ok"}`+"\n"+rec))
	if len(arts) != 2 || len(arts[1].Body) > MaxBodyBytes {
		t.Fatalf("read(jsonl) = %d articles, want 2 with the second cut", len(arts))
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrTruncated) || errs[0].Line != 2 {
		t.Errorf("errors = %v, want ErrTruncated on line 2", errs)
	}
}

// denyFS is an fs.FS whose files cannot be opened, as files without read
// permission (which root, who runs CI, reads anyway).
type denyFS struct{ fstest.MapFS }

func (d denyFS) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".txt") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.Open(name)
}

func TestUnreadableFile(t *testing.T) {
	fsys := denyFS{fstest.MapFS{
		"a/secret.txt": {Data: []byte("Title\n\nBody.")},
		"a/ok.jsonl":   {Data: []byte(`{"title":"Fine","body":"Body."}` + "\n")},
	}}
	var titles []string
	var errs []*Error
	err := WalkFS(context.Background(), fsys, ".", Options{}, func(a *article.Article) error {
		titles = append(titles, a.Title)
		return nil
	}, func(e *Error) { errs = append(errs, e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(titles) != 1 || titles[0] != "Fine" {
		t.Errorf("articles = %q, want [Fine]", titles)
	}
	if len(errs) != 1 || errs[0].File != "a/secret.txt" || !errors.Is(errs[0], fs.ErrPermission) {
		t.Errorf("errors = %v, want a/secret.txt: permission denied", errs)
	}
}

func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{
		"<html><head><title>T</title></head><body><article><p>Some text of the article that is long enough to keep.</p></article></body></html>",
		"<html><head></head></html>",
		"<p>unclosed <b>bold <i>italic",
		"<html><body><h1>Head</h1><p>\"Quoted,\" she said.</p><div>Share</div></body></html>",
		"<meta charset=\"windows-1252\"><title>Caf\xe9</title><p>Caf\xe9 text.</p>",
		"<!-- comment --><script>var a = '<p>';</script><p>x</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseHTML(bufio.NewReader(bytes.NewReader(b)))
		if err != nil {
			return
		}
		if a.Title == "" && a.Body == "" {
			t.Errorf("ParseHTML(%q) = empty article without an error", b)
		}
		if strings.Contains(a.Title, "\n") {
			t.Errorf("ParseHTML(%q) Title = %q, want one line", b, a.Title)
		}
		if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) {
			t.Errorf("ParseHTML(%q) = invalid UTF-8 title or body", b)
		}
	})
}

// FuzzReadInput reads arbitrary bytes as a file without a known extension:
// gzip detection, the format sniffer and whichever reader it picks must
// report errors, never panic, and give only articles with an ID and a
// title or body, and every field within its limit.
func FuzzReadInput(f *testing.F) {
	for _, s := range []string{
		"Title\n\nBody.", "{\"title\":\"A\"}\n{", "[{\"body\":\"x\"}]", "<p>x</p>",
		"title,body\nA,b\n", "\x1f\x8b\x08\x00", "\x00\x01\x02", "\xff\xfeT\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"in": {Data: data}}
		err := WalkFS(context.Background(), fsys, "in", Options{}, func(a *article.Article) error {
			if a.ID == "" || a.Title == "" && a.Body == "" || len(a.Body) > MaxBodyBytes || len(a.Title) > MaxTitleBytes ||
				len(a.ID) > MaxIDBytes || len(a.URL) > MaxURLBytes || len(a.Byline) > MaxBylineBytes || len(a.Source) > MaxSourceBytes ||
				len(a.DateText) > MaxDateTextBytes || !utf8.ValidString(a.Title) {
				t.Errorf("read %q gave article %+v", data, a)
			}
			return nil
		}, func(*Error) {})
		if err != nil {
			t.Errorf("WalkFS(%q) = %v, want nil", data, err)
		}
	})
}

// TestFieldLimits reads records with one field over its limit each: the
// field is cut on a rune boundary, the article is still read, and the cut
// is reported with the line and the field's name.
func TestFieldLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n/2+1) } // one token, over n bytes
	longID := strings.Repeat("x", MaxIDBytes+10)
	tests := []struct {
		name   string
		record map[string]string
		check  func(*article.Article) string // "" when right
		want   string
	}{
		{"title", map[string]string{"title": long(MaxTitleBytes), "body": "B"},
			func(a *article.Article) string { return lenCheck("title", a.Title, MaxTitleBytes) },
			fmt.Sprintf("in:1: title cut at 2048 bytes (title of %d bytes); the article is indexed with its start", len(long(MaxTitleBytes)))},
		{"byline", map[string]string{"title": "T", "author": long(MaxBylineBytes)},
			func(a *article.Article) string { return lenCheck("byline", a.Byline, MaxBylineBytes) },
			fmt.Sprintf("in:1: byline cut at 1024 bytes (byline of %d bytes); the article is indexed with its start", len(long(MaxBylineBytes)))},
		{"source", map[string]string{"title": "T", "source": long(MaxSourceBytes)},
			func(a *article.Article) string { return lenCheck("source", a.Source, MaxSourceBytes) },
			fmt.Sprintf("in:1: source cut at 512 bytes (source of %d bytes); the article is indexed with its start", len(long(MaxSourceBytes)))},
		{"url", map[string]string{"id": "u", "title": "T", "url": "https://example.org/" + long(MaxURLBytes)},
			func(a *article.Article) string { return lenCheck("url", a.URL, MaxURLBytes) },
			fmt.Sprintf("in:1: url cut at 8192 bytes (url of %d bytes); the article is indexed with its start", len("https://example.org/"+long(MaxURLBytes)))},
		{"date", map[string]string{"title": "T", "date": "2025-01-18" + strings.Repeat(" and", 80)},
			func(a *article.Article) string {
				if !a.Date.IsZero() {
					return "a date over the limit was read"
				}
				return lenCheck("date", a.DateText, MaxDateTextBytes)
			},
			"in:1: date cut at 256 bytes (date of 330 bytes); the article is indexed with its start"},
		{"id", map[string]string{"id": longID, "title": "T"},
			func(a *article.Article) string {
				if !strings.HasPrefix(a.ID, "xxx") || !strings.Contains(a.ID, "~") {
					return "id " + a.ID[:10] + "... lacks its start or hash"
				}
				return lenCheck("id", a.ID, MaxIDBytes)
			},
			fmt.Sprintf("in:1: id cut at 2048 bytes (id of %d bytes); it ends in a hash of the whole id", len(longID))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, _ := json.Marshal(tt.record)
			arts, errs, _ := read("jsonl", append(line, '\n'))
			if len(arts) != 1 {
				t.Fatalf("read %d articles, want 1", len(arts))
			}
			if msg := tt.check(arts[0]); msg != "" {
				t.Error(msg)
			}
			if len(errs) != 1 || errs[0].Error() != tt.want || !errors.Is(errs[0], ErrTruncated) {
				t.Errorf("errors = %v, want [%s]", errs, tt.want)
			}
		})
	}

	// Two long IDs with the same start stay two articles.
	a := map[string]string{"id": longID + "a", "title": "T"}
	b := map[string]string{"id": longID + "b", "title": "T"}
	la, _ := json.Marshal(a)
	lb, _ := json.Marshal(b)
	arts, _, _ := read("jsonl", []byte(string(la)+"\n"+string(lb)+"\n"))
	if len(arts) != 2 || arts[0].ID == arts[1].ID {
		t.Errorf("two long ids with the same start gave one id")
	}
}

func lenCheck(field, v string, limit int) string {
	if len(v) > limit || len(v) < limit/2 || !utf8.ValidString(v) {
		return fmt.Sprintf("%s of %d bytes (valid UTF-8 %v), want at most %d and at least half, cut on a rune boundary", field, len(v), utf8.ValidString(v), limit)
	}
	return ""
}
