package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
)

// Size limits. A news article runs to a few kilobytes and the longest
// features to a few hundred; anything much bigger is a log, a dump or a
// mistake, and would cost the index far more than it is worth.
const (
	// MaxBodyBytes is the longest body an article keeps. A longer body is
	// cut at the last paragraph (else word) boundary before the limit, the
	// article is still read, and the cut is reported as an Error wrapping
	// ErrTruncated naming the file (and line or record).
	MaxBodyBytes = 1 << 20
	// MaxTextFileBytes is how much of a plain-text file is read: enough for
	// a header and a body of MaxBodyBytes. The rest is not read.
	MaxTextFileBytes = MaxBodyBytes + 64<<10
	// MaxHTMLFileBytes is how much of an HTML page is read; pages carry
	// markup, scripts and styles besides their text. The rest is not read.
	MaxHTMLFileBytes = 16 << 20

	// The other fields are one line each; a longer one is cut on a rune
	// boundary (a title, byline or source at the last space in its second
	// half when there is one), the article is still read, and the cut is
	// reported as an Error wrapping ErrTruncated ("title cut at ..."). A
	// 16 MB single-word title once cost the index 2.3 GB of memory.

	// MaxTitleBytes is the longest title an article keeps.
	MaxTitleBytes = 2 << 10
	// MaxBylineBytes is the longest byline an article keeps.
	MaxBylineBytes = 1 << 10
	// MaxSourceBytes is the longest source (publisher) an article keeps.
	MaxSourceBytes = 512
	// MaxURLBytes is the longest URL an article keeps.
	MaxURLBytes = 8 << 10
	// MaxIDBytes is the longest ID an article keeps. A longer ID is cut and
	// ends in "~" and a hash of the whole ID, so that two long IDs with the
	// same start stay two articles.
	MaxIDBytes = 2 << 10
	// MaxDateTextBytes is the longest date text kept; a longer one is not
	// read as a date (no date is written that long).
	MaxDateTextBytes = 256
)

// ErrTruncated reports an article whose body or other field was cut at its
// limit, or a file read only up to its format's limit. The article is still
// delivered.
var ErrTruncated = errors.New("body cut")

// fieldCut reports a field other than the body cut at its limit.
type fieldCut struct {
	field      string
	limit, was int
	id         bool // the ID: kept unique by a hash
}

func (e *fieldCut) Error() string {
	if e.id {
		return fmt.Sprintf("id cut at %d bytes (id of %d bytes); it ends in a hash of the whole id", e.limit, e.was)
	}
	return fmt.Sprintf("%s cut at %d bytes (%s of %d bytes); the article is indexed with its start", e.field, e.limit, e.field, e.was)
}

func (e *fieldCut) Is(target error) bool { return target == ErrTruncated }

// cutFields cuts every field of a but the body to its limit and returns one
// error per field cut. The ID is cut last, after setID may have made it
// from the URL.
func cutFields(a *article.Article) []error {
	var errs []error
	for _, f := range []struct {
		name  string
		v     *string
		limit int
	}{
		{"title", &a.Title, MaxTitleBytes},
		{"source", &a.Source, MaxSourceBytes},
		{"byline", &a.Byline, MaxBylineBytes},
		{"url", &a.URL, MaxURLBytes},
		{"date", &a.DateText, MaxDateTextBytes},
	} {
		if n := len(*f.v); n > f.limit {
			if f.name == "url" {
				*f.v = cutRunes(*f.v, f.limit)
			} else {
				*f.v = cutLine(*f.v, f.limit)
			}
			errs = append(errs, &fieldCut{field: f.name, limit: f.limit, was: n})
		}
	}
	setID(a)
	if n := len(a.ID); n > MaxIDBytes {
		sum := sha256.Sum256([]byte(a.ID))
		a.ID = cutRunes(a.ID, MaxIDBytes-17) + "~" + hex.EncodeToString(sum[:8])
		errs = append(errs, &fieldCut{field: "id", limit: MaxIDBytes, was: n, id: true})
	}
	return errs
}

// cutRunes returns s cut to at most n bytes on a rune boundary.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// cutLine returns a one-line field cut to at most n bytes: at the last
// space when that keeps at least half, else on a rune boundary.
func cutLine(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := cutRunes(s, n)
	if i := strings.LastIndexByte(cut, ' '); i >= n/2 {
		return strings.TrimSpace(cut[:i])
	}
	return cut
}

// errBinary reports a file that holds binary data rather than text.
var errBinary = errors.New("binary data, not text")

// readLimited reads at most limit bytes of r. over reports whether r held
// more; the rest of r is left unread.
func readLimited(r *bufio.Reader, limit int) (b []byte, over bool, err error) {
	b, err = io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, false, err
	}
	if len(b) > limit {
		return b[:limit], true, nil
	}
	return b, false, nil
}

// isBinary reports whether the start of a file looks like binary data: a
// NUL byte (outside UTF-16 text, which starts with a byte order mark), or
// mostly control characters.
func isBinary(b []byte) bool {
	head := b[:min(len(b), 8<<10)]
	if len(head) >= 2 && (head[0] == 0xff && head[1] == 0xfe || head[0] == 0xfe && head[1] == 0xff) {
		return false
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// cutBody returns body cut to at most n bytes: at the last paragraph break
// before n if that keeps at least half, else at the last space, else at a
// rune boundary.
func cutBody(body string, n int) string {
	if len(body) <= n {
		return body
	}
	k := n
	for k > 0 && !utf8.RuneStart(body[k]) {
		k--
	}
	cut := body[:k]
	if i := strings.LastIndex(cut, "\n\n"); i >= n/2 {
		return strings.TrimSpace(cut[:i])
	}
	if i := strings.LastIndexAny(cut, " \n\t"); i >= n/2 {
		return strings.TrimSpace(cut[:i])
	}
	return cut
}

// truncation describes a cut for the Error reporting it.
func truncation(origBytes int, fileCut bool, limit int) error {
	if fileCut {
		return fmt.Errorf("%w: file is over %d bytes; only its start was read", ErrTruncated, limit)
	}
	return fmt.Errorf("%w at %d bytes (body of %d bytes); the article is indexed with its start", ErrTruncated, MaxBodyBytes, origBytes)
}
