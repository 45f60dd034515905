package index

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
)

// An article is stored once, in its own document, as one compressed
// record (fieldDoc): its metadata, its quotes and its body. Quote
// documents store nothing but the date: a quote hit takes its text, speaker
// and article fields from its article's record, and its text is the part
// of the body between Quote.Start and End (kept apart only when it
// differs). bleve's own stored fields are compressed with snappy, one
// document at a time, which shrinks English text by about 1.15x; flate
// shrinks it by about 1.8x (measured on 5,000 generated articles).
//
// The record is a uvarint length, that many bytes of JSON (storedArticle),
// then the body's bytes as given, the whole compressed with flate. The
// body stays outside the JSON so that any bytes round-trip, valid UTF-8 or
// not.

// storedArticle is the JSON part of an article's record.
type storedArticle struct {
	Title     string            `json:"t,omitempty"`
	File      string            `json:"f,omitempty"`
	Source    string            `json:"s,omitempty"`
	Byline    string            `json:"b,omitempty"`
	URL       string            `json:"u,omitempty"`
	DateText  string            `json:"dt,omitempty"`
	Lang      string            `json:"l,omitempty"`
	Countries []article.Country `json:"c,omitempty"`
	Regions   []string          `json:"r,omitempty"`
	Actors    []article.Actor   `json:"a,omitempty"`
	Speakers  []string          `json:"sp,omitempty"`
	Quotes    []storedQuote     `json:"q,omitempty"`
}

// storedQuote is a quote in an article's record. Text is set only when it
// is not the body's code points Start..End.
type storedQuote struct {
	Text         *string `json:"x,omitempty"`
	Speaker      string  `json:"s,omitempty"`
	SpeakerTitle string  `json:"st,omitempty"`
	Cue          string  `json:"c,omitempty"`
	Start        int     `json:"b"`
	End          int     `json:"e"`
	Confidence   float64 `json:"p"`
	SpeakerDesc  string  `json:"sd,omitempty"`
	Group        int     `json:"g,omitempty"`
	// Unnamed marks a Speaker that is no name. An unnamed speaker that
	// is its description is stored as "" (the form records had before
	// quotes carried SpeakerNamed) and read back as the description.
	Unnamed bool `json:"un,omitempty"`
}

// flateLevel trades indexing time for size. Measured on 5,000 generated
// bodies (one core, shared): level 1 1.75x at 32 MB/s, level 2 1.80x at
// 37 MB/s, level 6 (the default) 1.81x at 7 MB/s; snappy 1.15x at
// 221 MB/s.
const flateLevel = 2

var (
	flateWriters = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(nil, flateLevel) // a valid level never fails
		return w
	}}
	flateReaders = sync.Pool{New: func() any { return flate.NewReader(nil) }}
)

// encodeRecord returns the compressed record of an article.
func encodeRecord(a *article.Article) ([]byte, error) {
	sa := storedArticle{
		Title: a.Title, File: a.File, Source: a.Source, Byline: a.Byline, URL: a.URL,
		DateText: a.DateText, Lang: a.Lang, Countries: a.Countries, Regions: a.Regions,
		Actors: a.Actors, Speakers: a.Speakers,
	}
	if len(a.Quotes) > 0 {
		offsets := runeOffsets(a.Body)
		sa.Quotes = make([]storedQuote, len(a.Quotes))
		for i, q := range a.Quotes {
			sq := storedQuote{
				Speaker: q.Speaker, SpeakerTitle: q.SpeakerTitle, Cue: q.Cue,
				Start: q.Start, End: q.End, Confidence: q.Confidence, Group: q.Group,
				SpeakerDesc: q.SpeakerDescription,
			}
			if !q.SpeakerNamed && q.Speaker != "" {
				if q.Speaker == q.SpeakerDescription {
					sq.Speaker = ""
				} else {
					sq.Unnamed = true
				}
			}
			if t, ok := sliceRunes(a.Body, offsets, q.Start, q.End); !ok || t != q.Text {
				text := q.Text
				sq.Text = &text
			}
			sa.Quotes[i] = sq
		}
	}
	meta, err := json.Marshal(sa)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(len(meta) + len(a.Body)/2 + 64)
	w := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(w)
	w.Reset(&buf)
	var n [binary.MaxVarintLen64]byte
	w.Write(n[:binary.PutUvarint(n[:], uint64(len(meta)))])
	w.Write(meta)
	io.WriteString(w, a.Body)
	if err := w.Close(); err != nil { // writes to a bytes.Buffer never fail
		return nil, err
	}
	return buf.Bytes(), nil
}

// record is a decoded article record.
type record struct {
	storedArticle
	Body    string
	offsets []int // byte offset of each code point of Body, built on demand
}

// errBadRecord reports a stored record that does not decode.
var errBadRecord = errors.New("bad stored record")

// decodeRecord decodes a record stored by encodeRecord.
func decodeRecord(b []byte) (*record, error) {
	r := flateReaders.Get().(io.ReadCloser)
	defer flateReaders.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(b), nil); err != nil {
		return nil, fmt.Errorf("%w: %v", errBadRecord, err)
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errBadRecord, err)
	}
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)-k) {
		return nil, fmt.Errorf("%w: metadata length", errBadRecord)
	}
	rec := &record{Body: string(raw[k+int(n):])}
	if err := json.Unmarshal(raw[k:k+int(n)], &rec.storedArticle); err != nil {
		return nil, fmt.Errorf("%w: %v", errBadRecord, err)
	}
	return rec, nil
}

// quoteText returns the text of the record's i-th quote (from 0).
func (r *record) quoteText(i int) string {
	q := r.Quotes[i]
	if q.Text != nil {
		return *q.Text
	}
	if r.offsets == nil {
		r.offsets = runeOffsets(r.Body)
	}
	t, _ := sliceRunes(r.Body, r.offsets, q.Start, q.End)
	return t
}

// quote returns the record's i-th quote (from 0).
func (r *record) quote(i int) article.Quote {
	q := r.Quotes[i]
	speaker, named := q.Speaker, q.Speaker != "" && !q.Unnamed
	if speaker == "" {
		speaker = q.SpeakerDesc
	}
	return article.Quote{
		Text: r.quoteText(i), Speaker: speaker, SpeakerNamed: named, SpeakerTitle: q.SpeakerTitle, Cue: q.Cue,
		Start: q.Start, End: q.End, Confidence: q.Confidence, Group: q.Group,
		SpeakerDescription: q.SpeakerDesc,
	}
}

// runeOffsets returns the byte offset of each code point of s, and len(s)
// last, the way Quote.Start and End count (invalid bytes count one each,
// as ranging over a string does).
func runeOffsets(s string) []int {
	out := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// sliceRunes returns s's code points start..end; ok is false when they are
// out of range.
func sliceRunes(s string, offsets []int, start, end int) (string, bool) {
	if start < 0 || end < start || end >= len(offsets) {
		return "", false
	}
	return s[offsets[start]:offsets[end]], true
}

// recordOf decodes the record among a hit's or a document's stored fields.
func recordOf(fields map[string]any) (*record, error) {
	s, ok := fields[fieldDoc].(string)
	if !ok {
		return nil, fmt.Errorf("%w: missing", errBadRecord)
	}
	return decodeRecord([]byte(s))
}

// storedHitFields are the stored fields a search loads for its hits: the
// plain metadata (the date) and, for articles, the record.
func storedHitFields(kind string) []string {
	if kind == kindArticle {
		return []string{FieldMeta, fieldDoc}
	}
	return []string{FieldMeta}
}

// articleOfQuote returns the article ID of a quote document ID (QuoteID).
func articleOfQuote(qid string) string {
	if i := strings.LastIndex(qid, "#q"); i >= 0 {
		return articleID(qid[:i])
	}
	return qid
}

// quoteNumber returns the quote number of a quote document ID (QuoteID),
// 0 when it holds none.
func quoteNumber(qid string) int {
	i := strings.LastIndex(qid, "#q")
	if i < 0 {
		return 0
	}
	n, err := strconv.Atoi(qid[i+2:])
	if err != nil {
		return 0
	}
	return n
}
