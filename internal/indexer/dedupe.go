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
// text. An article already in the index from an earlier run is not a
// duplicate: the same id is "unchanged" or replaced as before.

import (
	"fmt"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/ingest"
)

// Duplicate is one article skipped as a copy of an earlier one.
type Duplicate struct {
	File, ID     string // the copy
	OfFile, OfID string // the article kept
	Why          string // "same content" or "same id, other content"
}

// String names the copy and the original: "b.txt is a.txt (same content)".
func (d Duplicate) String() string {
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
// remembers a.
func (d *deduper) check(a *article.Article) (Duplicate, bool) {
	key := ingest.ContentHash(a.Title, a.Body)
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
