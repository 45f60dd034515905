package ingest

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// sniff guesses the format of an input without a usable name from its
// first bytes: JSON ('[' or a first line that is a whole object: JSON
// Lines; an object over several lines: JSON), HTML (a tag first), a
// delimited header row naming a title or body column (TSV or CSV), else
// plain text. It returns "" for binary data.
func sniff(head []byte) string {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 {
		return "txt"
	}
	if bytes.IndexByte(head, 0) >= 0 && !(len(head) >= 2 && (head[0] == 0xff || head[0] == 0xfe)) {
		return ""
	}
	switch t[0] {
	case '[':
		return "json"
	case '{':
		first := t
		if i := bytes.IndexByte(t, '\n'); i >= 0 {
			first = t[:i]
		}
		if json.Valid(bytes.TrimSpace(first)) {
			return "jsonl"
		}
		return "json"
	case '<':
		return "html"
	}
	line := t
	if i := bytes.IndexByte(t, '\n'); i >= 0 {
		line = t[:i]
	}
	if !utf8.Valid(line) && len(line) < len(head) {
		return "txt"
	}
	for _, sep := range []string{"\t", ","} {
		if !bytes.Contains(line, []byte(sep)) {
			continue
		}
		for _, col := range strings.Split(string(bytes.TrimSpace(line)), sep) {
			col = strings.Trim(strings.TrimSpace(col), `"`)
			if f, _, ok := lookupKey(col); ok && (f == fieldTitle || f == fieldBody) {
				if sep == "\t" {
					return "tsv"
				}
				return "csv"
			}
		}
	}
	return "txt"
}
