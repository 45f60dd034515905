package indexer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsdex/newsdex/internal/ingest"
)

// HashStore records the content hash of input files; every search.Store
// is one.
type HashStore interface {
	FileHash(ctx context.Context, name string) (string, error)
	RecordFiles(ctx context.Context, hashes map[string]string) error
}

// Inputs splits the paths given to the indexer into those to read and
// those left out because nothing in them changed since they were last
// recorded, before any file is parsed.
//
// How it decides: each regular file ingest would read below a path
// (ingest.List: the same walk, so the same files) is hashed with SHA-256
// and looked up in the store under its absolute path and the forced
// format. A path is left out only when every one of its files is recorded
// with the same hash; a folder with one changed or new file is read whole
// (the indexer's fingerprints then skip the unchanged articles). Standard
// input ("-"), a named pipe, and a path with an entry that cannot be read
// are always read (ingest reports what is wrong); entries ingest skips
// (special files, links out of the input folders, index folders, unknown
// extensions) count for nothing.
type Inputs struct {
	Read      []string // paths to read
	Unchanged []string // paths left out
	// UnchangedArticles is the number of articles read from the files left
	// out when they were last recorded.
	UnchangedArticles int

	format   string
	hashes   map[string]string // key -> hash of every file seen, for Record
	articles map[string]int    // key -> articles read this run
	lastFile string            // Count's cache: the last file name and key
	lastKey  string
}

// fileKey is the store key of a file read with a forced format.
func fileKey(abs, format string) string { return format + ":" + abs }

// CheckInputs hashes the files below paths, listed as ingest.Walk lists
// them with opts, and compares them with store.
func CheckInputs(ctx context.Context, store HashStore, paths []string, opts ingest.Options) (*Inputs, error) {
	format := opts.Format
	in := &Inputs{format: format, hashes: map[string]string{}, articles: map[string]int{}}
	files := make([][]string, len(paths))
	mustRead := make([]bool, len(paths))
	ingest.List(paths, opts, func(e ingest.Input) bool {
		switch {
		case e.Err != nil && ingest.Skipped(e.Err) == nil, e.Err == nil && !e.Regular:
			mustRead[e.Root] = true
		case e.Err == nil:
			files[e.Root] = append(files[e.Root], e.Real)
		}
		return true
	})
	for i, p := range paths {
		if mustRead[i] || len(files[i]) == 0 {
			in.Read = append(in.Read, p)
			continue
		}
		same, articles := true, 0
		for _, f := range files[i] {
			h, err := hashFile(f)
			if err != nil {
				same = false
				continue
			}
			key := fileKey(f, format)
			in.hashes[key] = h
			if !same {
				continue
			}
			old, err := store.FileHash(ctx, key)
			if err != nil {
				return nil, err
			}
			oldHash, n, ok := strings.Cut(old, " ")
			count, err := strconv.Atoi(n)
			if !ok || err != nil || oldHash != h {
				same = false
				continue
			}
			articles += count
		}
		if same {
			in.Unchanged = append(in.Unchanged, p)
			in.UnchangedArticles += articles
			for _, f := range files[i] {
				delete(in.hashes, fileKey(f, format)) // already recorded
			}
		} else {
			in.Read = append(in.Read, p)
		}
	}
	return in, nil
}

// Count counts an article read from file (its Article.File) for Record.
// It is not safe for concurrent use.
func (in *Inputs) Count(file string) {
	if file != in.lastFile {
		abs, err := canonical(file)
		if err != nil {
			return
		}
		in.lastFile, in.lastKey = file, fileKey(abs, in.format)
	}
	in.articles[in.lastKey]++
}

// Record stores the hash and article count of every file read, once its
// articles were indexed.
func (in *Inputs) Record(ctx context.Context, store HashStore) error {
	out := make(map[string]string, len(in.hashes))
	for key, h := range in.hashes {
		out[key] = h + " " + strconv.Itoa(in.articles[key])
	}
	return store.RecordFiles(ctx, out)
}

// canonical returns the absolute path of p with symbolic links resolved.
func canonical(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
