package search

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

func TestSnippetHTML(t *testing.T) {
	for _, c := range []struct {
		s    Snippet
		want string
	}{
		{Snippet{}, ""},
		{Snippet{Text: "no match"}, "no match"},
		{Snippet{Text: "Coffee prices rose", Matches: []Span{{0, 6}}}, "<mark>Coffee</mark> prices rose"},
		{Snippet{Text: `a <b> & "c"`, Matches: []Span{{2, 5}}}, `a <mark>&lt;b&gt;</mark> &amp; &#34;c&#34;`},
		{Snippet{Text: "ab", Matches: []Span{{0, 1}, {1, 2}}}, "<mark>a</mark><mark>b</mark>"},
		{Snippet{Text: "abc", Matches: []Span{{2, 9}, {0, 1}}}, "ab<mark>c</mark>"}, // out of order and past the end: clamped
	} {
		if got := c.s.HTML(); got != c.want {
			t.Errorf("%+v.HTML() = %q, want %q", c.s, got, c.want)
		}
	}
}

func TestSnippetFromHTML(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Snippet
		err  string
	}{
		{"", Snippet{}, ""},
		{"<mark>Coffee</mark> prices &amp; <mark>tea</mark>…", Snippet{Text: "Coffee prices & tea…", Matches: []Span{{0, 6}, {16, 19}}}, ""},
		{"a &lt;mark&gt; b", Snippet{Text: "a <mark> b"}, ""},
		{"<mark>a", Snippet{}, "snippet: <mark> not closed"},
		{"a</mark>", Snippet{}, "snippet: </mark> without <mark>"},
		{"<mark>a<mark>b</mark>", Snippet{}, "snippet: <mark> not closed"},
	} {
		got, err := SnippetFromHTML(c.in)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if msg != c.err || !reflect.DeepEqual(got, c.want) {
			t.Errorf("SnippetFromHTML(%q) = %+v, %q; want %+v, %q", c.in, got, msg, c.want, c.err)
		}
	}
}

func TestSnippetJSON(t *testing.T) {
	s := Snippet{Text: `Fuad said "no" & <left>`, Matches: []Span{{0, 4}, {10, 14}}}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // as the CLI and the web write JSON
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	b := bytes.TrimSpace(buf.Bytes())
	if want := `"<mark>Fuad</mark> said <mark>&#34;no&#34;</mark> &amp; &lt;left&gt;"`; string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var back Snippet
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, s) {
		t.Errorf("json.Unmarshal(%s) = %+v, %v; want %+v", b, back, err, s)
	}
}

// FuzzSnippetHTML: whatever the text and offsets, HTML reads back to the
// same text and the same (clamped) matches.
func FuzzSnippetHTML(f *testing.F) {
	f.Add("Coffee prices rose", 0, 6, 7, 13)
	f.Add(`<mark>&amp;</mark>`, 1, 3, 3, 5)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		s := Snippet{Text: text, Matches: []Span{{a, b}, {c, d}}}
		back, err := SnippetFromHTML(s.HTML())
		if err != nil {
			t.Fatalf("SnippetFromHTML(%q): %v", s.HTML(), err)
		}
		var parts []Span
		at := 0
		s.Parts(func(p string, match bool) {
			if match {
				parts = append(parts, Span{at, at + len(p)})
			}
			at += len(p)
		})
		// html.UnescapeString is not the inverse of EscapeString for
		// text that is not valid UTF-8 or holds a NUL; the text the
		// index holds is valid UTF-8.
		if back.Text != text {
			return
		}
		if len(back.Matches) != len(parts) {
			t.Fatalf("%+v: read back %+v, want %+v", s, back.Matches, parts)
		}
		for i := range parts {
			if back.Matches[i] != parts[i] {
				t.Fatalf("%+v: read back %+v, want %+v", s, back.Matches, parts)
			}
		}
	})
}

// BenchmarkSnippetFromHTML reads a typical fragment back (the index does
// it once for each hit of a page).
func BenchmarkSnippetFromHTML(b *testing.B) {
	h := `…the ministry said on Tuesday that <mark>oil</mark> and <mark>gas</mark> exports rose by 4% in March, the first rise since the &#34;<mark>oil</mark> shock&#34; of last year, and that <mark>gas</mark> prices would…`
	for b.Loop() {
		if _, err := SnippetFromHTML(h); err != nil {
			b.Fatal(err)
		}
	}
}
