package ingest

import (
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/newsdex/newsdex/internal/article"
)

var errEmpty = errors.New("no title or body")

// Record fields.
const (
	fieldID = iota
	fieldTitle
	fieldBody
	fieldDate
	fieldURL
	fieldSource
	fieldAuthor
	fieldLang
	numFields
)

// fieldKeys are the key and column names each field is read from, most
// preferred first. Keys are matched case-insensitively.
var fieldKeys = [numFields][]string{
	fieldID:     {"id", "_id", "doc_id", "docid", "article_id", "uuid", "guid"},
	fieldTitle:  {"title", "headline", "heading"},
	fieldBody:   {"body", "text", "content", "article", "articlebody", "article_body", "maintext", "main_text", "story"},
	fieldDate:   {"date", "published", "publish_date", "published_at", "pubdate", "pub_date", "publishedat", "date_published", "datepublished", "publication_date", "published_date", "datetime"},
	fieldURL:    {"url", "link", "href", "permalink"},
	fieldSource: {"source", "publisher", "site", "site_name", "sitename", "source_name", "outlet", "publication"},
	fieldAuthor: {"author", "byline", "authors", "by", "writer"},
	fieldLang:   {"lang", "language", "inlanguage", "locale"},
}

// keyField maps a lower-case key to its field and rank (lower is preferred).
var keyField = func() map[string][2]int {
	m := make(map[string][2]int)
	for f, keys := range fieldKeys {
		for rank, k := range keys {
			m[k] = [2]int{f, rank}
		}
	}
	return m
}()

// lookupKey returns the field and rank a key names, or ok false.
func lookupKey(k string) (field, rank int, ok bool) {
	fr, ok := keyField[k]
	if !ok {
		fr, ok = keyField[strings.ToLower(strings.TrimSpace(k))]
	}
	return fr[0], fr[1], ok
}

// record collects one record's fields, keeping for each the value of the
// most preferred non-empty key.
type record struct {
	val  [numFields]string
	rank [numFields]int
	set  [numFields]bool
}

func (r *record) put(field, rank int, v string) {
	if v == "" || r.set[field] && r.rank[field] <= rank {
		return
	}
	r.val[field], r.rank[field], r.set[field] = v, rank, true
}

// article builds the article; it fails when there is neither title nor body.
func (r *record) article() (*article.Article, error) {
	a := &article.Article{
		ID:     strings.TrimSpace(r.val[fieldID]),
		Title:  oneLine(r.val[fieldTitle]),
		Body:   cleanBody(r.val[fieldBody]),
		URL:    strings.TrimSpace(r.val[fieldURL]),
		Source: oneLine(r.val[fieldSource]),
		Byline: oneLine(r.val[fieldAuthor]),
		Lang:   oneLine(r.val[fieldLang]),
	}
	if d := oneLine(r.val[fieldDate]); d != "" {
		setDate(a, d)
	}
	if a.Title == "" && a.Body == "" {
		return nil, errEmpty
	}
	return a, nil
}

// oneLine trims s and folds its runs of white space into single spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t\u00a0") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// cleanBody gives a body Unix line ends, trims each line, and separates
// paragraphs by exactly one blank line.
func cleanBody(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return strings.TrimSpace(s)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for _, l := range lines {
		l = cleanLine(l)
		if l == "" {
			blank = true
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}

// hashID returns the ID of an article that has neither an id nor a URL: the
// first 16 hex digits of the SHA-256 of its title and body.
func hashID(title, body string) string { return ContentHash(title, body) }

// ContentHash names an article's text: article.ContentHash, the first 16
// hex digits of the SHA-256 of its title and body.
func ContentHash(title, body string) string { return article.ContentHash(title, body) }

// toUTF8 returns b as UTF-8 text with Unix line ends: a UTF-8 byte order
// mark is dropped, UTF-16 with a byte order mark is decoded, and bytes that
// are not valid UTF-8 are read as Windows-1252 (a superset of Latin-1 that
// most mislabelled Western text is in) rather than replaced.
func toUTF8(b []byte) string {
	return normaliseLineEnds(string(fixEncoding(b)))
}

// fixEncoding does toUTF8's decoding without touching line ends.
func fixEncoding(b []byte) []byte {
	switch {
	case len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf:
		b = b[3:]
	case len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff):
		if d, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(b); err == nil {
			b = d
		}
	}
	if !utf8.Valid(b) {
		b = fromWindows1252(b)
	}
	return b
}

// fromWindows1252 decodes text that is not valid UTF-8. Text that is
// mostly UTF-8 (more valid multi-byte characters than stray bytes: a UTF-8
// file with a few bad bytes, or a concatenation) keeps its UTF-8 and reads
// only the stray bytes as Windows-1252; other text is Windows-1252 (or
// Latin-1, its subset) throughout.
func fromWindows1252(b []byte) []byte {
	multi, stray := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			stray++
		case n > 1:
			multi++
		}
		i += n
	}
	dec := charmap.Windows1252.NewDecoder()
	if multi <= stray {
		if d, err := dec.Bytes(b); err == nil {
			return d
		}
		return b
	}
	out := make([]byte, 0, len(b)+stray)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(b[i]))
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

func normaliseLineEnds(s string) string {
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}
