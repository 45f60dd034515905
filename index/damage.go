package index

// Damaged indexes. When bleve cannot open an index, its error rarely says
// what is wrong: a segment file deleted by hand, or a root.bolt emptied by
// a full disk, both end in "error parsing mapping JSON" (bleve skips the
// snapshot whose segment it cannot load, then finds no mapping), and a
// segment with flipped bytes panics in bleve's loader. So when opening
// fails, diagnose looks at the index's files in the order bleve reads them
// and names the first one that is damaged:
//
//  1. index_meta.json must be a JSON object;
//  2. store/root.bolt must be a bolt database (opened read-only);
//  3. every segment file its newest snapshot names (bucket "s", each
//     segment's key "p": bleve v2.6 scorch's layout, persister.go) must
//     exist, give a zap version bleve reads in its footer, and end in the
//     CRC-32 of the rest of it (zapx's footer, write.go persistFooter;
//     checked against the files of a freshly built index).
//
// These checks also run before every open, without the CRCs (they would
// read the whole index): bleve, finding a segment of the
// newest snapshot missing, opens an older snapshot and serves it without
// a word (measured with bleve v2.6.3), the articles of the later batches
// silently gone. (A flipped byte inside a segment passes these checks,
// and shows only when bleve fails on it.) The message then says what to do: an index cannot be
// repaired, only rebuilt from its inputs.

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"time"

	contract "github.com/newsdex/newsdex/internal/search"
	bolt "go.etcd.io/bbolt"
)

// ErrDamaged is returned by Open for an index whose files are damaged
// (the contract's, so that it crosses the socket as itself).
var ErrDamaged = contract.ErrDamaged

// damaged returns an error wrapping ErrDamaged that names the damaged
// file of the index in dir and what to do, given the error (or panic)
// bleve gave opening it.
func damaged(dir string, cause error) error {
	what := diagnose(dir, true)
	if what == "" {
		what = fmt.Sprintf("bleve cannot read it (%v)", cause)
	}
	return fmt.Errorf("%w: %s; it cannot be repaired: remove %s and run 'newsdex index' again with the same inputs (or index them into a new --index folder)",
		ErrDamaged, what, dir)
}

// diagnose names the first damaged file of the index in dir, or "". With
// checksums it also reads every segment of the newest snapshot whole to
// check its CRC, which only an index that failed to open is worth.
func diagnose(dir string, checksums bool) string {
	meta := filepath.Join(dir, indexMetaFile)
	b, err := os.ReadFile(meta)
	if err != nil {
		return fmt.Sprintf("%s cannot be read (%v)", meta, err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Sprintf("%s is not valid JSON (%v)", meta, err)
	}
	root := filepath.Join(dir, "store", "root.bolt")
	fi, err := os.Stat(root)
	switch {
	case err != nil:
		return fmt.Sprintf("%s cannot be read (%v)", root, err)
	case fi.Size() == 0:
		return fmt.Sprintf("%s is empty", root)
	}
	db, err := bolt.Open(root, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, bolt.ErrTimeout) {
		return "" // another process holds it: not a sign of damage
	}
	if err != nil {
		return fmt.Sprintf("%s is not a bolt database (%v)", root, err)
	}
	defer db.Close()
	var found string
	err = db.View(func(tx *bolt.Tx) error {
		snapshots := tx.Bucket([]byte{'s'})
		var epoch []byte
		if snapshots != nil {
			epoch, _ = snapshots.Cursor().Last()
		}
		if epoch == nil || snapshots.Bucket(epoch) == nil {
			found = fmt.Sprintf("%s holds no snapshot", root)
			return nil
		}
		snap := snapshots.Bucket(epoch)
		return snap.ForEachBucket(func(k []byte) error {
			if found != "" || k[0] == 'i' || k[0] == 'm' { // internal data, metadata
				return nil
			}
			p := snap.Bucket(k).Get([]byte{'p'})
			if p == nil {
				return nil
			}
			seg := filepath.Join(dir, "store", string(p))
			fi, err := os.Stat(seg)
			switch {
			case err != nil:
				found = fmt.Sprintf("segment file %s is missing (%v)", seg, err)
			case fi.Size() == 0:
				found = fmt.Sprintf("segment file %s is empty", seg)
			default:
				check := checkFooter
				if checksums {
					check = checkSegment
				}
				if err := check(seg, fi.Size()); err != nil {
					found = fmt.Sprintf("segment file %s is damaged (%v)", seg, err)
				}
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Sprintf("%s cannot be read (%v)", root, err)
	}
	return found
}

// checkSegment checks a zap segment file against the CRC-32 (IEEE) of
// everything before it that its last four bytes hold, big-endian.
func checkSegment(path string, size int64) error {
	if size < 4 {
		return fmt.Errorf("%d bytes long", size)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := crc32.NewIEEE()
	if _, err := io.CopyN(h, f, size-4); err != nil {
		return err
	}
	var want [4]byte
	if _, err := io.ReadFull(f, want[:]); err != nil {
		return err
	}
	if got := h.Sum32(); got != binary.BigEndian.Uint32(want[:]) {
		return fmt.Errorf("checksum %08x, its footer says %08x", got, binary.BigEndian.Uint32(want[:]))
	}
	return nil
}

// checkFooter reads the zap version in a segment file's footer (the four
// bytes before its CRC): bleve v2.6 reads zap versions 11 to 17, and skips
// a segment of another without a word.
func checkFooter(path string, size int64) error {
	if size < 8 {
		return fmt.Errorf("%d bytes long", size)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var b [4]byte
	if _, err := f.ReadAt(b[:], size-8); err != nil {
		return err
	}
	if v := binary.BigEndian.Uint32(b[:]); v < 11 || v > 17 {
		return fmt.Errorf("its footer gives zap version %d", v)
	}
	return nil
}
