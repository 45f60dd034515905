// Package index stores articles and their quotes in a bleve index and
// searches them. It is the only package that imports bleve.
//
// Each article becomes one document holding its text and extracted fields,
// plus one document per quote (ID = QuoteID(article ID, n)), so that quotes
// can be searched, faceted and paged on their own. Put replaces an article
// and all of its quote documents in one batch.
package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	bolt "go.etcd.io/bbolt"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/identity"
	contract "github.com/newsdex/newsdex/internal/search"
)

// Errors a caller may act on.
var (
	// ErrNotFound is returned by Article for an unknown ID, and by Open with
	// Options.ReadOnly when the directory holds no index (search's).
	ErrNotFound = contract.ErrNotFound
	// ErrBadQuery wraps every error caused by the request itself: query
	// syntax, unknown fields or filter values, limits out of bounds
	// (search's).
	ErrBadQuery = contract.ErrBadQuery
	// ErrMappingVersion is returned by Open for an index built with another
	// mapping: it must be rebuilt (search's).
	ErrMappingVersion = contract.ErrMappingVersion
	// ErrReadOnly is returned by Put on an index opened with
	// Options.ReadOnly (search's).
	ErrReadOnly = contract.ErrReadOnly
	// ErrNotIndex is returned by Open for a folder that holds other files
	// and no index: it creates an index only in a new or empty folder.
	ErrNotIndex = errors.New("directory is not empty and holds no index")
	// ErrLocked is returned by Open when another process holds the index
	// for longer than Options.LockTimeout (search's).
	ErrLocked = contract.ErrLocked
)

// Options configures Open and NewMemory.
type Options struct {
	// Labeler resolves country and region names; nil uses values as given.
	Labeler contract.Labeler
	// ReadOnly opens an existing index with a shared lock: several readers
	// may coexist, but they keep any writer out (bleve#1491).
	ReadOnly bool
	// LockTimeout bounds the wait for the index lock; 0 waits forever.
	LockTimeout time.Duration
	// FreeSpace reports the free space of the index's file system, which
	// every write checks first (space.go); nil reads it with statfs(2).
	FreeSpace FreeSpaceFunc
}

// Index is an open newsdex index. Its methods are safe for concurrent use;
// Put calls are serialised.
type Index struct {
	bi   bleve.Index
	path string // "" in memory
	lab  contract.Labeler
	ro   bool
	wmu  sync.Mutex

	bmu     sync.Mutex               // guards browsed and bgen
	browsed map[string]*browseCounts // kind -> counts of every document (browse.go)
	bgen    int                      // Put count, to drop counts computed across a Put

	cols columnCache // facet and kind columns of the segments (columns.go)
	warm atomic.Bool // Warm ran: searches build missing columns

	freeSpace FreeSpaceFunc // Options.FreeSpace
	nmu       sync.Mutex    // guards names and putting
	names     names         // one name per person (names.go)
	putting   bool          // a Put is writing
}

// indexMetaFile marks a directory holding a bleve index.
const indexMetaFile = "index_meta.json"

// Open opens the index in dir, creating it when dir does not exist or is
// empty (unless opts.ReadOnly).
func Open(dir string, opts Options) (*Index, error) {
	_, err := os.Stat(filepath.Join(dir, indexMetaFile))
	switch {
	case err == nil:
		return openExisting(dir, opts)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	case opts.ReadOnly:
		return nil, fmt.Errorf("open index %s: %w", dir, ErrNotFound)
	}
	// An empty folder is used as it is, never removed and made again: it
	// may be a mount point ("device or resource busy"), or carry
	// permissions and ownership of its own. bleve creates the index in it
	// (index_meta.go: MkdirAll accepts an existing folder).
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("create index %s: %w", dir, ErrNotIndex)
	}
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	bi, err := bleve.NewUsing(dir, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, writerConfig())
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := bi.SetInternal([]byte(mappingVersionKey), []byte(mappingVersion)); err != nil {
		bi.Close()
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return &Index{bi: bi, path: dir, lab: opts.Labeler, freeSpace: opts.FreeSpace}, nil
}

func openExisting(dir string, opts Options) (*Index, error) {
	cfg := map[string]any{"read_only": opts.ReadOnly}
	if !opts.ReadOnly {
		for k, v := range writerConfig() {
			cfg[k] = v
		}
	}
	if opts.LockTimeout > 0 {
		cfg["bolt_timeout"] = opts.LockTimeout.String()
	}
	if what := diagnose(dir, false); what != "" {
		return nil, fmt.Errorf("open index %s: %w", dir, damaged(dir, errors.New(what)))
	}
	bi, err := openBleve(dir, cfg)
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) || strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("open index %s: %w: %w", dir, ErrLocked, err) // not damaged
		}
		return nil, fmt.Errorf("open index %s: %w", dir, damaged(dir, err))
	}
	v, err := bi.GetInternal([]byte(mappingVersionKey))
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, damaged(dir, err))
	}
	if string(v) != mappingVersion {
		bi.Close()
		return nil, fmt.Errorf("open index %s: mapping version %q, want %q: %w", dir, v, mappingVersion, ErrMappingVersion)
	}
	return &Index{bi: bi, path: dir, lab: opts.Labeler, ro: opts.ReadOnly, freeSpace: opts.FreeSpace}, nil
}

// openBleve opens the bleve index in dir, turning a panic of bleve's
// loader (a damaged segment file) into an error.
func openBleve(dir string, cfg map[string]any) (bi bleve.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			bi, err = nil, fmt.Errorf("bleve panicked reading it: %v", r)
		}
	}()
	return bleve.OpenUsing(dir, cfg)
}

// maxSegmentDocs caps the documents (articles and quotes) of a segment
// that merging builds. Without a cap, bleve keeps merging up to 5 million
// documents a segment: merging a million articles then rewrote the whole
// index again and again, and mapped its files into memory (peak RSS
// 1.7 GB, of which 1.2 GB mapped index files, against 0.4 GB of heap).
const maxSegmentDocs = 100_000

// writerConfig is the scorch configuration of an index opened to write.
func writerConfig() map[string]any {
	return map[string]any{
		"scorchMergePlanOptions": map[string]any{"MaxSegmentSize": maxSegmentDocs},
	}
}

// NewMemory returns an empty index held in memory (for demos and tests).
func NewMemory(opts Options) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	// scorch rather than bleve.NewMemOnly (upsidedown): tests and demos run
	// the engine the disk index runs. With no path scorch keeps everything
	// in memory.
	bi, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create memory index: %w", err)
	}
	return &Index{bi: bi, lab: opts.Labeler}, nil
}

// Close closes the index.
func (x *Index) Close() error {
	return x.bi.Close()
}

// Path returns the index directory, "" for an in-memory index.
func (x *Index) Path() string { return x.path }

// QuoteID returns the document ID of an article's n-th quote (from 1).
func QuoteID(articleID string, n int) string {
	return docID(articleID) + "#q" + strconv.Itoa(n)
}

// Document IDs. An article's document ID is its ID, and its quotes' are
// that ID followed by "#q" and the quote's number (QuoteID). An article
// whose own ID ended so ("X#q1", a URL with such a fragment) would take
// the place of article X's first quote, and re-indexing X would delete it.
// So an ID that ends in "#q" and digits, or in the escape suffix "#e"
// itself, gets "#e" appended in its document ID: no article's document ID
// then ends like a quote's, the mapping is one to one, and every other ID
// (nearly all, URLs with other fragments included) is its own document ID,
// as in indexes built before.
const escapeSuffix = "#e"

// docID returns the document ID of the article with ID id.
func docID(id string) string {
	if strings.HasSuffix(id, escapeSuffix) || endsLikeQuote(id) {
		return id + escapeSuffix
	}
	return id
}

// articleID returns the ID of the article whose document ID is doc.
func articleID(doc string) string {
	return strings.TrimSuffix(doc, escapeSuffix)
}

// endsLikeQuote reports whether s ends in "#q" and at least one digit.
func endsLikeQuote(s string) bool {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	return i < len(s) && strings.HasSuffix(s[:i], "#q")
}

// articleMeta is the plain stored JSON (FieldMeta) of an article
// document; the rest is in its record (fieldDoc, record.go).
type articleMeta struct {
	Date   string `json:"date,omitempty"` // RFC 3339 with nanoseconds
	Quotes int    `json:"nq,omitempty"`
}

// quoteMeta is the plain stored JSON (FieldMeta) of a quote document, its
// only stored field: the rest comes from its article's record.
type quoteMeta struct {
	Date string `json:"date,omitempty"`
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func lowerAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, strings.ToLower(s))
		}
	}
	return out
}

func nonEmpty(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// normalized returns names with their whitespace normalised (a wire's
// line break inside a name), each once.
func normalized(ns []string) []string {
	out := make([]string, 0, len(ns))
	seen := make(map[string]bool, len(ns))
	for _, n := range ns {
		if n = identity.Normalize(n); n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func personNamesOf(as []article.Actor) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		if a.Type == article.Person {
			out = append(out, a.Name)
		}
	}
	return out
}

// setFacet adds a value to both its lower-cased search field and its
// display facet field.
func setFacet(doc map[string]any, field, facet string, values []string) {
	values = nonEmpty(values)
	if len(values) == 0 {
		return
	}
	doc[field] = lowerAll(values)
	doc[facet] = values
}

func countryCodes(cs []article.Country) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.Code)
	}
	return out
}

func actorNames(as []article.Actor) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// documents returns the bleve documents of an article and of its quotes.
func documents(a *article.Article) (map[string]any, []map[string]any, error) {
	fingerprint := a.Fingerprint() // of the article as given
	if !a.Date.IsZero() && !DateInRange(a.Date) {
		c := *a
		if c.DateText == "" {
			c.DateText = a.Date.UTC().Format(time.RFC3339)
		}
		c.Date = time.Time{}
		a = &c
	}
	codes := countryCodes(a.Countries)
	date := formatTime(a.Date)
	meta, err := json.Marshal(articleMeta{Date: date, Quotes: len(a.Quotes)})
	if err != nil {
		return nil, nil, err
	}
	rec, err := encodeRecord(a)
	if err != nil {
		return nil, nil, err
	}
	doc := map[string]any{
		FieldKind:        kindArticle,
		fieldSortID:      docID(a.ID),
		FieldTitle:       a.Title,
		FieldBody:        a.Body,
		FieldByline:      a.Byline,
		FieldURL:         a.URL,
		FieldQuoteCount:  float64(len(a.Quotes)),
		FieldFingerprint: fingerprint,
		FieldContent:     article.ContentHash(a.Title, a.Body),
		FieldMeta:        string(meta),
		fieldDoc:         string(rec),
	}
	setDate(doc, a.Date)
	setFacet(doc, FieldSource, FieldSourceFacet, []string{a.Source})
	setLang(doc, a.Lang)
	setFacet(doc, FieldCountry, FieldCountryFacet, codes)
	setFacet(doc, FieldRegion, FieldRegionFacet, a.Regions)
	setFacet(doc, FieldSpeaker, FieldSpeakerFacet, normalized(a.Speakers))
	setFacet(doc, FieldActor, FieldActorFacet, normalized(actorNames(a.Actors)))
	if ps := normalized(personNamesOf(a.Actors)); len(ps) > 0 {
		doc[FieldPerson] = ps
	}

	qm, err := json.Marshal(quoteMeta{Date: date})
	if err != nil {
		return nil, nil, err
	}
	quotes := make([]map[string]any, 0, len(a.Quotes))
	for i, q := range a.Quotes {
		qd := map[string]any{
			FieldKind:         kindQuote,
			fieldSortID:       QuoteID(a.ID, i+1),
			FieldBody:         q.Text,
			FieldSpeakerTitle: q.SpeakerTitle,
			FieldCue:          strings.ToLower(q.Cue),
			FieldArticle:      a.ID,
			FieldTitle:        a.Title,
			FieldConfidence:   q.Confidence,
			FieldMeta:         string(qm),
		}
		setDate(qd, a.Date)
		if q.SpeakerNamed {
			// The speaker facet and filter hold names only; a
			// description ("a spokesman") stays in the hit.
			setFacet(qd, FieldSpeaker, FieldSpeakerFacet, normalized([]string{q.Speaker}))
			qd[FieldNamed] = "true"
		}
		setFacet(qd, FieldSource, FieldSourceFacet, []string{a.Source})
		setLang(qd, a.Lang)
		setFacet(qd, FieldCountry, FieldCountryFacet, codes)
		setFacet(qd, FieldRegion, FieldRegionFacet, a.Regions)
		quotes = append(quotes, qd)
	}
	return doc, quotes, nil
}

// setLang indexes a known language code.
func setLang(doc map[string]any, lang string) {
	if lang != "" {
		doc[FieldLang] = strings.ToLower(lang)
	}
}

// setDate indexes a known date as a datetime (for ranges and sorting) and
// as a month keyword (for the date facet).
func setDate(doc map[string]any, t time.Time) {
	if t.IsZero() {
		return
	}
	t = t.UTC()
	doc[FieldDate] = t
	doc[FieldMonth] = t.Format("2006-01")
}

// Put indexes articles, in one batch per core written concurrently (when
// one fails, the others may still have been written). An article whose ID
// is already in the index replaces it, quotes included; when arts repeats
// an ID, the last copy wins.
func (x *Index) Put(ctx context.Context, arts []*article.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	if x.ro {
		// A batch on a read-only scorch index waits forever for a
		// persister that never runs (measured with bleve v2.6.3).
		return fmt.Errorf("put: %w", ErrReadOnly)
	}
	x.wmu.Lock()
	defer x.wmu.Unlock()

	latest := make(map[string]*article.Article, len(arts))
	var ids []string
	for _, a := range arts {
		if a == nil {
			continue
		}
		if a.ID == "" {
			return fmt.Errorf("put article %q: empty id", a.Title)
		}
		if _, ok := latest[a.ID]; !ok {
			ids = append(ids, a.ID)
		}
		latest[a.ID] = a
	}
	if len(ids) == 0 {
		return nil
	}
	var size int64
	for _, a := range latest {
		size += articleBytes(a)
	}
	if err := x.checkSpace(size); err != nil {
		return fmt.Errorf("put %d articles: %w", len(ids), err)
	}
	// The articles replaced leave the loaded names (names.go): their
	// records say which.
	loaded := x.beginNames()
	done := false
	defer func() {
		if !done {
			x.dropNames()
		}
	}()
	fields := []string{FieldMeta}
	if loaded {
		fields = append(fields, fieldDoc)
	}
	stored, err := x.storedFields(context.Background(), ids, fields...)
	if err != nil {
		return fmt.Errorf("put: read stored articles: %w", err)
	}
	var added, removed []*article.Article
	// One batch per core, written concurrently: scorch builds a batch's
	// segment in the calling goroutine, so a single batch keeps one core
	// busy while the other waits (profiled on the Reuters dev split: 97% of
	// the indexing time inside Batch, 1 of 2 cores used). The batches hold
	// disjoint IDs, so their order does not matter.
	parts := runtime.GOMAXPROCS(0)
	if n := (len(ids) + minPartDocs - 1) / minPartDocs; n < parts {
		parts = n
	}
	batches := make([]*bleve.Batch, parts)
	for i := range batches {
		batches[i] = x.bi.NewBatch()
	}
	x.forgetBrowse(batches[0])
	forgetNames(batches[0])
	for i, id := range ids {
		b := batches[i*parts/len(ids)]
		a := latest[id]
		doc, quotes, err := documents(a)
		if err != nil {
			return fmt.Errorf("put article %s: %w", id, err)
		}
		if err := b.Index(docID(id), doc); err != nil {
			return fmt.Errorf("put article %s: %w", id, err)
		}
		for i, qd := range quotes {
			if err := b.Index(QuoteID(id, i+1), qd); err != nil {
				return fmt.Errorf("put article %s quote %d: %w", id, i+1, err)
			}
		}
		if loaded {
			added = append(added, a)
			if _, ok := stored[id][fieldDoc]; ok {
				rec, err := recordOf(stored[id])
				if err != nil {
					return fmt.Errorf("put article %s: stored record: %w", id, err)
				}
				removed = append(removed, &article.Article{Actors: rec.Actors, Speakers: rec.Speakers})
			}
		}
		if s, ok := stored[id][FieldMeta].(string); ok {
			var old articleMeta
			if err := json.Unmarshal([]byte(s), &old); err != nil {
				return fmt.Errorf("put article %s: stored metadata: %w", id, err)
			}
			for n := len(a.Quotes) + 1; n <= old.Quotes; n++ {
				b.Delete(QuoteID(id, n))
			}
		}
	}
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for i, b := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = x.batch(b)
		}()
	}
	wg.Wait()
	x.dropBrowse() // again: a browse may have counted while the batches ran
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("put %d articles: %w", len(ids), err)
	}
	x.endNames(added, removed)
	done = true
	return nil
}

// batch writes b. A panic inside bleve while it does (seen when its file
// system fills up) is returned as an error: a server writing for
// `newsdex index` reports the failed batch and stays up.
func (x *Index) batch(b *bleve.Batch) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("bleve failed writing the batch: %v", r)
		}
	}()
	return x.bi.Batch(b)
}

// minPartDocs is the fewest articles Put gives a concurrent batch.
const minPartDocs = 64

// Compact merges the index's segments into one (bleve's ForceMerge), for
// after a bulk load. It may run while searches do. The merged-away segment
// files are removed later by bleve, not by Compact: measured with bleve
// v2.6.3 on 3,000 generated articles, 26.1 MB before, 51.5 MB after
// Compact and Close, 25.6 MB after reopening (and at times still doubled).
func (x *Index) Compact(ctx context.Context) error {
	if x.ro {
		return fmt.Errorf("compact: %w", ErrReadOnly)
	}
	adv, err := x.bi.Advanced()
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return fmt.Errorf("compact: index type %T cannot merge", adv)
	}
	opts := mergeplan.SingleSegmentMergePlanOptions
	if err := s.ForceMerge(ctx, &opts); err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	return nil
}

// storedFields returns the named stored fields of the article documents
// with the given IDs; IDs not in the index are absent from the map.
func (x *Index) storedFields(ctx context.Context, ids []string, fields ...string) (map[string]map[string]any, error) {
	return x.storedDocs(ctx, kindArticle, ids, fields...)
}

func (x *Index) storedDocs(ctx context.Context, kind string, ids []string, fields ...string) (map[string]map[string]any, error) {
	out := make(map[string]map[string]any, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	docs := ids
	if kind == kindArticle {
		docs = make([]string, len(ids))
		for i, id := range ids {
			docs[i] = docID(id)
		}
	}
	bq := query.NewBooleanQuery(nil, nil, nil)
	bq.AddMust(query.NewDocIDQuery(docs))
	bq.AddFilter(kindQuery(kind))
	req := bleve.NewSearchRequestOptions(bq, len(ids), 0, false)
	req.Fields = fields
	req.SortBy([]string{fieldID})
	res, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	for _, h := range res.Hits {
		id := h.ID
		if kind == kindArticle {
			id = articleID(id)
		}
		out[id] = h.Fields
	}
	return out, nil
}

func kindQuery(kind string) query.Query {
	q := query.NewTermQuery(kind)
	q.SetField(FieldKind)
	return q
}

// Fingerprints returns the stored fingerprints (article.Fingerprint) of
// the articles with the given IDs; IDs not in the index are absent.
func (x *Index) Fingerprints(ctx context.Context, ids []string) (map[string]string, error) {
	stored, err := x.storedFields(ctx, ids, FieldFingerprint)
	if err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	out := make(map[string]string, len(stored))
	for id, f := range stored {
		if fp, ok := f[FieldFingerprint].(string); ok {
			out[id] = fp
		}
	}
	return out, nil
}

// ContentOwners returns, for each content hash given (article.ContentHash
// of a title and body), the IDs of the articles in the index whose text
// has it, sorted; hashes no article has are absent. An index made before
// FieldContent existed answers none.
func (x *Index) ContentOwners(ctx context.Context, hashes []string) (map[string][]string, error) {
	out := map[string][]string{}
	if len(hashes) == 0 {
		return out, nil
	}
	snap, done, err := x.snapshot() // columns.go
	if err != nil {
		return nil, fmt.Errorf("read content hashes: %w", err)
	}
	defer done()
	uniq := make([]string, 0, len(hashes))
	seen := make(map[string]bool, len(hashes))
	for _, h := range hashes {
		if !seen[h] {
			seen[h] = true
			uniq = append(uniq, h)
		}
	}
	// Segment by segment, so that each segment's dictionary is opened
	// once for all the hashes (a reader per hash opened it per segment
	// per hash: 26 ms a thousand hashes on 9 segments).
	buf := make([]uint32, 256)
	for _, ss := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		dict, err := ss.Segment().Dictionary(FieldContent)
		if err != nil {
			return nil, fmt.Errorf("read content hashes: %w", err)
		}
		var pl segment.PostingsList
		var pi segment.PostingsIterator
		for _, h := range uniq {
			if pl, err = dict.PostingsList([]byte(h), ss.Deleted(), pl); err != nil {
				return nil, fmt.Errorf("read content hashes: %w", err)
			}
			if pl.Count() == 0 {
				continue
			}
			pi = pl.Iterator(false, false, false, pi)
			var idErr error
			if err := eachDoc(pi, buf, func(d uint64) { // columns.go
				id, err := ss.DocID(d)
				if err != nil {
					idErr = err
					return
				}
				out[h] = append(out[h], articleID(string(id)))
			}); err != nil {
				return nil, fmt.Errorf("read content hashes: %w", err)
			}
			if idErr != nil {
				return nil, fmt.Errorf("read content hashes: %w", idErr)
			}
		}
	}
	for _, ids := range out {
		sort.Strings(ids)
	}
	return out, nil
}

// Article rebuilds the article with the given ID, quotes and extracted
// fields included, from its document alone, its people named as across
// the index and their other forms in Aliases (names.go). It returns an error wrapping
// ErrNotFound when the index holds no such article.
func (x *Index) Article(ctx context.Context, id string) (*article.Article, error) {
	docs, err := x.storedDocs(ctx, kindArticle, []string{id}, FieldMeta, fieldDoc)
	if err != nil {
		return nil, fmt.Errorf("read article %s: %w", id, err)
	}
	f, ok := docs[id]
	if !ok {
		return nil, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	var m articleMeta
	if s, _ := f[FieldMeta].(string); s != "" {
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			return nil, fmt.Errorf("article %s: stored metadata: %w", id, err)
		}
	}
	rec, err := recordOf(f)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	a := &article.Article{
		ID: id, File: rec.File, Title: rec.Title, Source: rec.Source, Byline: rec.Byline,
		URL: rec.URL, Date: parseTime(m.Date), DateText: rec.DateText, Lang: rec.Lang, Body: rec.Body,
		Countries: rec.Countries, Regions: rec.Regions, Actors: rec.Actors, Speakers: rec.Speakers,
	}
	if len(rec.Quotes) > 0 {
		a.Quotes = make([]article.Quote, len(rec.Quotes))
		for i := range rec.Quotes {
			a.Quotes[i] = rec.quote(i)
		}
	}
	tab, err := x.table(ctx) // names.go
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	tab.Apply(a)
	return a, nil
}

// Stats counts the index's articles, quotes, distinct speakers and
// countries, and measures its size on disk.
func (x *Index) Stats(ctx context.Context) (*contract.Stats, error) {
	st := &contract.Stats{Path: x.path}
	var err error
	// One search counts both kinds, so that the two numbers come from the
	// same snapshot.
	req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet(FieldKind, bleve.NewFacetRequest(FieldKind, 2))
	res, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	if f := res.Facets[FieldKind]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			switch t.Term {
			case kindArticle:
				st.Articles = uint64(t.Count)
			case kindQuote:
				st.Quotes = uint64(t.Count)
			}
		}
	}
	if st.Speakers, err = x.distinct(ctx, FieldSpeakerFacet); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	if st.Countries, err = x.distinct(ctx, FieldCountryFacet); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	if x.path != "" {
		// While a server indexes, merges delete segment files: a file
		// gone between listing and reading its size no longer counts.
		if st.SizeBytes, err = dirSize(x.path); err != nil {
			return nil, fmt.Errorf("stats: size of %s: %w", x.path, err)
		}
	}
	return st, nil
}

// distinct counts the values of a facet field held by live documents. The
// field dictionary gives an upper bound (it may keep terms of deleted
// documents until segments merge); a term facet of that size gives the
// exact count.
func (x *Index) distinct(ctx context.Context, field string) (int, error) {
	n, err := x.dictSize(field)
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, nil
	}
	req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet("f", bleve.NewFacetRequest(field, n))
	res, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return 0, err
	}
	f := res.Facets["f"]
	if f == nil || f.Terms == nil {
		return 0, nil
	}
	return len(f.Terms.Terms()), nil
}
