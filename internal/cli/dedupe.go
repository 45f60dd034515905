package cli

// Duplicates within one `newsdex index` run.
//
// How it decides: an article is a duplicate when an article read earlier in
// the same run has the same id (for a text file without an id, the id is a
// hash of title and body, so byte-identical files share one), or the same
// content: the same title and body, byte for byte after reading, under
// another id (the same story at two URLs, or one file copied under two
// names in a JSON set with ids). The first one read is kept and each later
// one is skipped, counted and named in the summary and in --errors FILE:
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
	"io"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/ingest"
)

// maxDuplicatesShown caps the duplicates the summary names on the
// terminal; --errors FILE has them all.
const maxDuplicatesShown = 10

// duplicate is one article skipped as a copy of an earlier one.
type duplicate struct {
	File, ID     string // the copy
	OfFile, OfID string // the article kept
	Why          string // "same content" or "same id, other content"
}

// String names the copy and the original: "b.txt is a.txt (same content)".
func (d duplicate) String() string {
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
func (d *deduper) check(a *article.Article, key string) (duplicate, bool) {
	if f, ok := d.ids[a.ID]; ok {
		why := "same id, other content"
		if s, ok := d.content[key]; ok && s.id == a.ID {
			why = "same content"
		}
		return duplicate{File: a.File, ID: a.ID, OfFile: f, OfID: a.ID, Why: why}, true
	}
	if s, ok := d.content[key]; ok {
		return duplicate{File: a.File, ID: a.ID, OfFile: s.file, OfID: s.id, Why: "same content"}, true
	}
	d.ids[a.ID] = a.File
	d.content[key] = seenArticle{a.File, a.ID}
	return duplicate{}, false
}

// indexedCopy is the Why of an article whose text the index already has.
const indexedCopy = "same content, indexed earlier"

// dropDuplicates removes from chunk the articles that repeat one read
// earlier in the run, and those whose title and body an article of
// another id already in the index has (one not read again in this run),
// recording each in the summary and in --errors FILE (named errorsName).
func (sum *indexSummary) dropDuplicates(ctx context.Context, ix articleStore, chunk []*article.Article, errorsName string) ([]*article.Article, error) {
	if len(chunk) == 0 {
		return chunk, nil
	}
	hashes := make([]string, len(chunk))
	for i, a := range chunk {
		hashes[i] = ingest.ContentHash(a.Title, a.Body)
	}
	owners, err := ix.ContentOwners(ctx, hashes)
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	keep := chunk[:0]
	for i, a := range chunk {
		if d, dup := sum.dedupe.check(a, hashes[i]); dup {
			sum.recordDuplicate(d, errorsName)
			continue
		}
		if of := sum.dedupe.indexedOwner(a.ID, owners[hashes[i]]); of != "" {
			// Forget it as read, so that a later copy in the run is
			// named as a copy of the indexed article too.
			delete(sum.dedupe.ids, a.ID)
			delete(sum.dedupe.content, hashes[i])
			sum.recordDuplicate(duplicate{File: a.File, ID: a.ID, OfID: of, Why: indexedCopy}, errorsName)
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

// recordDuplicate counts d for the summary and writes it to --errors FILE.
func (sum *indexSummary) recordDuplicate(d duplicate, errorsName string) {
	sum.Duplicates = append(sum.Duplicates, d)
	of := d.OfFile
	if of == "" {
		of = "id " + d.OfID + " in the index"
	}
	sum.writeError(map[string]any{
		"file": d.File, "id": d.ID, "error": "duplicate of " + of + " (" + d.Why + ")",
		"duplicate_of": map[string]string{"file": d.OfFile, "id": d.OfID}, "skipped": true,
	}, errorsName)
}

// writeError writes one line of --errors FILE, keeping the first failure.
// The pipeline's reader (bad inputs) and filter (duplicates) call it from
// two goroutines.
func (sum *indexSummary) writeError(rec map[string]any, errorsName string) {
	sum.errorsMu.Lock()
	defer sum.errorsMu.Unlock()
	if sum.errorsJSON == nil || sum.errorsErr != nil {
		return
	}
	if err := sum.errorsJSON.Encode(rec); err != nil {
		sum.errorsErr = fmt.Errorf("--errors %s: %w", errorsName, err)
	}
}

// printDuplicates names the duplicates skipped, up to maxDuplicatesShown.
func (sum *indexSummary) printDuplicates(w io.Writer) {
	n := len(sum.Duplicates)
	if n == 0 {
		return
	}
	fmt.Fprintf(w, "%s skipped (the first one read is kept):\n", count(n, "duplicate"))
	for i, d := range sum.Duplicates {
		if i == maxDuplicatesShown {
			fmt.Fprintf(w, "  ... and %d more (--errors FILE lists them all)\n", n-i)
			break
		}
		fmt.Fprintf(w, "  %s\n", d)
	}
}

// count returns "1 article", "2 articles": n and noun, plural unless n is 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
