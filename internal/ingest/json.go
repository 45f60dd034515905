package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
)

var errNotObject = errors.New("not a JSON object")

// readJSONL reads one JSON object a line. A line that cannot be read is
// reported with its number and the rest of the file is still read. Lines
// are decoded in parallel in batches and delivered in file order, since
// decoding is most of the cost of reading a large file.
func readJSONL(s *sink, r *bufio.Reader) error {
	type result struct {
		line int
		a    *article.Article
		err  error
	}
	type batch struct {
		first int // line number of lines[0]
		lines [][]byte
		res   chan []result
	}
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	workers := runtime.GOMAXPROCS(0)
	work := make(chan *batch)
	pending := make(chan *batch, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				out := make([]result, 0, len(b.lines))
				for i, l := range b.lines {
					l = bytes.TrimSpace(l)
					if len(l) == 0 {
						continue
					}
					a, err := ParseJSONRecord(fixEncoding(l))
					if a != nil {
						setID(a)
					}
					out = append(out, result{line: b.first + i, a: a, err: err})
				}
				b.res <- out
			}
		}()
	}
	// Every batch in pending was taken by a worker, so its results come.
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		stopped := false
		for b := range pending {
			for _, res := range <-b.res {
				if stopped {
					break
				}
				var err error
				if res.err != nil {
					err = s.fail(res.line, 0, res.err)
				} else {
					err = s.articleAt(res.line, 0, res.a)
				}
				if err != nil {
					stopped = true
					cancel()
				}
			}
		}
	}()

	readErr := func() error {
		line := 0
		const maxLines, maxBytes = 256, 1 << 20
		b := &batch{first: 1, res: make(chan []result, 1)}
		size := 0
		send := func() bool {
			if len(b.lines) == 0 {
				return true
			}
			select {
			case work <- b:
			case <-ctx.Done():
				return false
			}
			select {
			case pending <- b:
			case <-ctx.Done():
				return false
			}
			b = &batch{first: line + 1, res: make(chan []result, 1)}
			size = 0
			return true
		}
		for {
			l, err := r.ReadBytes('\n')
			if len(l) > 0 {
				line++
				if line == 1 {
					l = bytes.TrimPrefix(l, []byte("\xef\xbb\xbf"))
				}
				b.lines = append(b.lines, l)
				size += len(l)
				if len(b.lines) == maxLines || size >= maxBytes {
					if !send() {
						return nil
					}
				}
			}
			if err == io.EOF {
				send()
				return nil
			}
			if err != nil {
				send()
				return fmt.Errorf("line %d: %w", line+1, err)
			}
		}
	}()
	close(work)
	close(pending)
	wg.Wait()
	<-collected
	return readErr
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
				perr = s.articleAt(0, n, a)
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
