package indexer

// Duplicates within one `newsdex index` run.
//
// How it decides: an article is a duplicate when an article read earlier in
// the same run has the same id (for a text file without an id, the id is a
// hash of title and body, so byte-identical files share one), or the same
// content: the same title and body, byte for byte after reading, under
// another id (the same story at two URLs, or one file copied under two
// names in a JSON set with ids). The first one read is kept and each later
// one is skipped, counted and given to Options.OnDuplicate (the CLI names
// it in its summary and in --errors FILE):
// researchers counting coverage want one copy of a story, and the summary's
// article count must be what the index gained. Source, date and byline are
// not compared: a wire story reprinted word for word by two outlets is one
// text. Across runs, the index keeps each article's content hash: an
// article whose title and body an article of another id already in the
// index has is skipped the same way ("same content, indexed earlier"),
// unless that article is read again in this run (then the checks within
// the run decide, as it may be replaced). An article already in the index
// under its own id is not a duplicate: it is "unchanged" or replaced.
// Indexes made before the content hash was kept answer no copies.

import (
	"context"
	"fmt"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/ingest"
	"github.com/newsdex/newsdex/internal/search"
)

// Duplicate is one article skipped as a copy of an earlier one.
type Duplicate struct {
	File, ID     string // the copy
	OfFile, OfID string // the article kept
	Why          string // "same content" or "same id, other content"
}

// String names the copy and the original: "b.txt is a.txt (same content)".
func (d Duplicate) String() string {
	if d.OfFile == "" { // in the index from an earlier run
		return fmt.Sprintf("%s: id %s is id %s (%s)", d.File, d.ID, d.OfID, d.Why)
	}
	if d.File == d.OfFile {
		return fmt.Sprintf("%s: id %s is id %s (%s)", d.File, d.ID, d.OfID, d.Why)
	}
	return fmt.Sprintf("%s is %s (%s)", d.File, d.OfFile, d.Why)
}

type seenArticle struct{ file, id string }

// deduper remembers the articles read in a run: by id, and by a hash of
// title and body.
type deduper struct {
	ids     map[string]string      // id -> file
	content map[string]seenArticle // by ingest.ContentHash
}

func newDeduper() *deduper {
	return &deduper{ids: map[string]string{}, content: map[string]seenArticle{}}
}

// check returns the duplicate a is of an earlier article, or ok false and
// remembers a; key is a's ingest.ContentHash.
func (d *deduper) check(a *article.Article, key string) (Duplicate, bool) {
	if f, ok := d.ids[a.ID]; ok {
		why := "same id, other content"
		if s, ok := d.content[key]; ok && s.id == a.ID {
			why = "same content"
		}
		return Duplicate{File: a.File, ID: a.ID, OfFile: f, OfID: a.ID, Why: why}, true
	}
	if s, ok := d.content[key]; ok {
		return Duplicate{File: a.File, ID: a.ID, OfFile: s.file, OfID: s.id, Why: "same content"}, true
	}
	d.ids[a.ID] = a.File
	d.content[key] = seenArticle{a.File, a.ID}
	return Duplicate{}, false
}

// indexedCopy is the Why of an article whose text the index already has.
const indexedCopy = "same content, indexed earlier"

// dropDuplicates removes from chunk the articles that repeat one read
// earlier in the run, and those whose title and body an article of
// another id already in the store has (one not read again in this run),
// calling found with each.
func (d *deduper) dropDuplicates(ctx context.Context, store search.Store, chunk []*article.Article, found func(Duplicate)) ([]*article.Article, error) {
	if len(chunk) == 0 {
		return chunk, nil
	}
	hashes := make([]string, len(chunk))
	for i, a := range chunk {
		hashes[i] = ingest.ContentHash(a.Title, a.Body)
	}
	owners, err := store.ContentOwners(ctx, hashes)
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	keep := chunk[:0]
	for i, a := range chunk {
		if dup, ok := d.check(a, hashes[i]); ok {
			found(dup)
			continue
		}
		if of := d.indexedOwner(a.ID, owners[hashes[i]]); of != "" {
			// Forget it as read, so that a later copy in the run is
			// named as a copy of the indexed article too.
			delete(d.ids, a.ID)
			delete(d.content, hashes[i])
			found(Duplicate{File: a.File, ID: a.ID, OfID: of, Why: indexedCopy})
			continue
		}
		keep = append(keep, a)
	}
	return keep, nil
}

// indexedOwner returns the id of an article in the index (owners: those
// with the text of article id) that id is a copy of: one of another id,
// not read again in this run; "" when id is itself among them (unchanged
// or replaced) or there is none.
func (d *deduper) indexedOwner(id string, owners []string) string {
	of := ""
	for _, o := range owners {
		if o == id {
			return ""
		}
		if _, again := d.ids[o]; !again && of == "" {
			of = o
		}
	}
	return of
}
