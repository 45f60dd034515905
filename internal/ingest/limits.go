package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
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
)

// ErrTruncated reports an article whose body was cut at MaxBodyBytes, or a
// file read only up to its format's limit. The article is still delivered.
var ErrTruncated = errors.New("body cut")

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
