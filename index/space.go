package index

// Free space. An index whose disk fills up mid-write is worse than one
// that stops short: with bleve v2.6.3 and zapx v17, indexing into a 20 MB
// file system ended in 3 of 4 runs with a panic ("assignment to entry in
// nil map", zapx inverted_text_cache.go) in a goroutine bleve starts, where
// newsdex cannot recover it, and took a running server down with it. So
// every write first checks that the index's file system has room for it,
// and refuses it with ErrNoSpace when not: the batches written before stay
// whole, and a server stays up.
//
// How it decides: a batch needs about spaceFactor times the bytes of its
// articles' text (measured: 21 MB of JSON Lines made a 70 MB index, 88 MB
// at its peak while segments merged, so about 4x; the factor doubles
// that), plus room for bleve to merge the segments already written (a
// merge writes the new segment before it deletes the old ones, so up to
// the index's size again, capped at maxMergeBytes), plus spaceSlack.

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/newsdex/newsdex/internal/article"
	contract "github.com/newsdex/newsdex/internal/search"
)

// ErrNoSpace is returned by Put and RecordFiles when the index's file
// system has too little free space for the write; nothing was written.
// It is the contract's, so that it crosses the socket as itself.
var ErrNoSpace = contract.ErrNoSpace

const (
	// spaceFactor is the index bytes reserved per byte of article text.
	spaceFactor = 8
	// maxMergeBytes caps the room reserved for merging: a merge writes at
	// most one segment of maxSegmentDocs documents.
	maxMergeBytes = 4 << 30
	// spaceSlack is reserved besides, for bleve's root.bolt and metadata.
	spaceSlack = 4 << 20
)

// FreeSpaceFunc returns the bytes free for an unprivileged user on the
// file system holding dir; ok is false when it cannot tell.
type FreeSpaceFunc func(dir string) (free uint64, ok bool, err error)

// articleBytes is the text an article brings to the index, plus a little
// for its document and each quote's.
func articleBytes(a *article.Article) int64 {
	n := len(a.ID) + len(a.Title) + len(a.Source) + len(a.Byline) + len(a.URL) + len(a.DateText) + len(a.Body) + 256
	for _, q := range a.Quotes {
		n += len(q.Text) + len(q.Speaker) + len(q.SpeakerTitle) + len(q.Cue) + len(a.Title) + 128
	}
	for _, c := range a.Countries {
		n += len(c.Code) + len(c.Name) + 16
	}
	for _, ac := range a.Actors {
		n += len(ac.Name) + 16
	}
	return int64(n)
}

// checkSpace returns an error wrapping ErrNoSpace when the index's file
// system lacks room for a write of about dataBytes of text. An in-memory
// index, or a file system whose free space cannot be read, always has
// room.
func (x *Index) checkSpace(dataBytes int64) error {
	if x.path == "" {
		return nil
	}
	freeSpace := x.freeSpace
	if freeSpace == nil {
		freeSpace = diskFree
	}
	free, ok, err := freeSpace(x.path)
	if err != nil {
		return fmt.Errorf("free space in %s: %w", x.path, err)
	}
	if !ok {
		return nil
	}
	size, err := dirSize(x.path)
	if err != nil {
		return fmt.Errorf("free space in %s: %w", x.path, err)
	}
	merge := min(size, maxMergeBytes)
	need := spaceFactor*dataBytes + merge + spaceSlack
	if int64(free) >= need {
		return nil
	}
	return fmt.Errorf("%w in %s: %s free, the write needs about %s (%d x its %s of text, %s to merge the index's segments, %s besides); "+
		"the batches written before are whole: free some space or move the index to a larger disk, then run the same command again",
		ErrNoSpace, x.path, mb(int64(free)), mb(need), spaceFactor, mb(dataBytes), mb(merge), mb(spaceSlack))
}

// mb formats a byte count in megabytes.
func mb(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// dirSize sums the sizes of the regular files below dir. A file deleted
// while it runs (a merge removing a segment) counts for nothing.
func dirSize(dir string) (int64, error) {
	var size int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			if err != nil {
				return err
			}
			size += info.Size()
		}
		return nil
	})
	return size, err
}
