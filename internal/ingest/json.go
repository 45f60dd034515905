package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
)

var errNotObject = errors.New("not a JSON object")

// readJSONL reads one JSON object a line. A line that cannot be read is
// reported with its number and the rest of the file is still read.
func readJSONL(s *sink, r *bufio.Reader) error {
	line := 0
	for {
		b, err := r.ReadBytes('\n')
		if len(b) > 0 {
			line++
			if line == 1 {
				b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
			}
			b = bytes.TrimSpace(b)
			if len(b) > 0 {
				a, perr := ParseJSONRecord(fixEncoding(b))
				if perr != nil {
					perr = s.fail(line, 0, perr)
				} else {
					perr = s.article(a)
				}
				if perr != nil {
					return nil // the walk is over
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", line+1, err)
		}
	}
}

// readJSON reads a .json file: one object, an array of objects, objects one
// after another, or an object holding its articles in an array under
// "articles", "items", "data", "records", "results", "docs" or "documents".
// Records are numbered from 1 in error reports. A syntax error ends the
// file, since JSON cannot be resynchronised.
func readJSON(s *sink, r *bufio.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	b = fixEncoding(b)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	n := 0
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			if n == 0 {
				return errEmpty
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("invalid JSON: %w", err)
		}
		raw = bytes.TrimSpace(raw)
		var list []json.RawMessage
		if len(raw) > 0 && raw[0] == '[' {
			if err := json.Unmarshal(raw, &list); err != nil {
				return fmt.Errorf("invalid JSON: %w", err)
			}
		} else if l := wrappedList(raw); l != nil {
			list = l
		} else {
			list = []json.RawMessage{raw}
		}
		for _, rec := range list {
			n++
			a, perr := ParseJSONRecord(rec)
			if perr != nil {
				perr = s.fail(0, n, perr)
			} else {
				perr = s.article(a)
			}
			if perr != nil {
				return nil
			}
		}
	}
}

// wrapperKeys name the array in which an API response holds its articles.
var wrapperKeys = []string{"articles", "items", "data", "records", "results", "docs", "documents"}

// wrappedList returns the records of an object that has no article fields
// of its own but a list of them under one of wrapperKeys.
func wrappedList(raw json.RawMessage) []json.RawMessage {
	if len(raw) == 0 || raw[0] != '{' {
		return nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return nil
	}
	for k := range obj {
		if f, _, ok := lookupKey(k); ok && (f == fieldTitle || f == fieldBody) {
			return nil
		}
	}
	for k, v := range obj {
		for _, w := range wrapperKeys {
			if strings.EqualFold(k, w) {
				var list []json.RawMessage
				if json.Unmarshal(v, &list) == nil && len(list) > 0 {
					return list
				}
			}
		}
	}
	return nil
}

// ParseJSONRecord reads one JSON object into an article, taking each field
// from the first of its usual key names present (matched regardless of
// case): id; title/headline; body/text/content/article; date/published/
// publish_date/published_at/pubdate; url/link; source/publisher/site;
// author/byline. Strings, numbers (ids), arrays (authors, paragraphs) and
// objects with a "name" (source, authors) are accepted. The returned
// article has no File, and no ID unless the record has one.
func ParseJSONRecord(b []byte) (*article.Article, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		if !json.Valid(b) {
			return nil, fmt.Errorf("invalid JSON: %w", syntaxError(b))
		}
		return nil, errNotObject
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	var rec record
	for k, v := range obj {
		f, rank, ok := lookupKey(k)
		if !ok {
			continue
		}
		rec.put(f, rank, jsonText(v, f))
	}
	return rec.article()
}

func syntaxError(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	return errNotObject
}

// jsonText turns a JSON value into the text of field f.
func jsonText(v json.RawMessage, f int) string {
	if len(v) == 0 {
		return ""
	}
	switch v[0] {
	case '"':
		// Already validated by the decoder: without escapes, the text
		// between the quotes is the string.
		if len(v) >= 2 && bytes.IndexByte(v, '\\') < 0 && utf8.Valid(v) {
			return string(v[1 : len(v)-1])
		}
		var s string
		if json.Unmarshal(v, &s) != nil {
			return ""
		}
		return s
	case '[':
		var list []json.RawMessage
		if json.Unmarshal(v, &list) != nil {
			return ""
		}
		sep := ", "
		if f == fieldBody {
			sep = "\n\n"
		}
		var parts []string
		for _, e := range list {
			if t := strings.TrimSpace(jsonText(e, f)); t != "" {
				parts = append(parts, t)
			}
			if f != fieldBody && f != fieldAuthor && len(parts) > 0 {
				break
			}
		}
		return strings.Join(parts, sep)
	case '{':
		var obj map[string]json.RawMessage
		if json.Unmarshal(v, &obj) != nil {
			return ""
		}
		for k, e := range obj {
			if strings.EqualFold(k, "name") {
				return jsonText(e, f)
			}
		}
		return ""
	case 'n', 't', 'f':
		return ""
	}
	return string(v) // a number
}
