package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// HashStore records the content hash of input files; *index.Index is one.
type HashStore interface {
	FileHash(name string) (string, error)
	RecordFiles(hashes map[string]string) error
}

// Inputs splits the paths given to the indexer into those to read and
// those left out because nothing in them changed since they were last
// recorded, before any file is parsed.
//
// How it decides: each regular file below a path (hidden files and folders
// skipped, as ingest skips them) is hashed with SHA-256 and looked up in
// the store under its absolute path and the forced format. A path is left
// out only when every one of its files is recorded with the same hash; a
// folder with one changed or new file is read whole (ingest then decides
// which of its files it reads, and the indexer's fingerprints skip the
// unchanged articles). Standard input ("-") is always read.
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

// CheckInputs hashes the files below paths and compares them with store.
func CheckInputs(store HashStore, paths []string, format string) (*Inputs, error) {
	in := &Inputs{format: format, hashes: map[string]string{}, articles: map[string]int{}}
	for _, p := range paths {
		if p == "-" {
			in.Read = append(in.Read, p)
			continue
		}
		files, err := regularFiles(p)
		if err != nil || len(files) == 0 {
			// Let ingest report what is wrong with the path.
			in.Read = append(in.Read, p)
			continue
		}
		same, articles := true, 0
		for _, f := range files {
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
			old, err := store.FileHash(key)
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
			for _, f := range files {
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
func (in *Inputs) Record(store HashStore) error {
	out := make(map[string]string, len(in.hashes))
	for key, h := range in.hashes {
		out[key] = h + " " + strconv.Itoa(in.articles[key])
	}
	return store.RecordFiles(out)
}

// canonical returns the absolute path of p with symbolic links resolved.
func canonical(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// regularFiles returns the canonical paths of the regular files at or
// below p, skipping hidden entries below p, in sorted order. A symbolic
// link below p makes it an error: ingest decides how to read those.
func regularFiles(p string) ([]string, error) {
	abs, err := canonical(p)
	if err != nil {
		return nil, err
	}
	var out []string
	err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != abs && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out = append(out, path)
		} else if !d.IsDir() {
			// A symbolic link or device: leave the whole path to ingest.
			return fmt.Errorf("%s: not a regular file", path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(out)
	return out, nil
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
