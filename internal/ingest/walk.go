package ingest

// The walk: which files a list of paths stands for. Walk reads what it
// lists, and the indexer hashes what it lists to skip unchanged files
// (pipeline.CheckInputs), so both see the same files.
//
// How it decides:
//   - "-" is standard input.
//   - A path named by the caller is read whatever its name, following a
//     symbolic link (the caller named it). A named pipe named so (a FIFO,
//     or the /dev/fd/N of a shell's <(...)) is read too, in a way that
//     stops when the walk is cancelled; a device or socket is skipped.
//   - A folder is read recursively in sorted order. Hidden entries (a
//     name starting with ".") are left out. Only regular files are read:
//     a named pipe in a folder would block the walk until some process
//     writes to it, and a device may never end, so other special files
//     are skipped and reported (ErrNotRegular).
//   - A symbolic link in a folder is followed only when it leads to a file
//     or folder inside one of the paths named or Options.Roots (the roots), unless
//     Options.FollowLinks: a link to /etc/passwd in a folder of articles
//     was read and served. Others are skipped and reported
//     (ErrLinkOutside). A folder is read once however many links lead to
//     it, so a link back up the tree ends.
//   - A folder holding a bleve index (index_meta.json), or one of
//     Options.Exclude (the indexer passes its --index folder), is never
//     read as input, even when named: it is skipped and reported
//     (ErrIndexFolder). `newsdex index .` read its own index and reported
//     index_meta.json as a bad record.
//   - A file or folder found in a folder whose name, or path below the
//     path named (with "/"), matches a pattern of Options.Skip is skipped
//     (ErrExcluded): `--exclude README.TXT` leaves out the BBC set's
//     read-me, `--exclude '*.csv'` every CSV file. Paths named are read.
//   - A file in a folder whose extension names no format is skipped
//     (ErrUnsupported) unless Options.Format forces one.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Reasons a file or folder is skipped. An Error wrapping one of them
// reports a skip rather than a bad input: see Skipped.
var (
	// ErrNotRegular: a named pipe, device or socket in a folder, or a
	// device or socket named.
	ErrNotRegular = errors.New("not a regular file")
	// ErrLinkOutside: a symbolic link in a folder leading out of the paths
	// named, without Options.FollowLinks.
	ErrLinkOutside = errors.New("symbolic link out of the input folders")
	// ErrIndexFolder: a folder holding an index.
	ErrIndexFolder = errors.New("index folder, not input")
	// ErrExcluded: a file or folder matching a pattern of Options.Skip.
	ErrExcluded = errors.New("excluded by --exclude")
)

// Skipped returns the reason err reports a skipped input for (one of
// ErrUnsupported, ErrNotRegular, ErrLinkOutside, ErrIndexFolder,
// ErrExcluded), or nil when err reports a bad input.
func Skipped(err error) error {
	for _, r := range []error{ErrUnsupported, ErrNotRegular, ErrLinkOutside, ErrIndexFolder, ErrExcluded} {
		if errors.Is(err, r) {
			return r
		}
	}
	return nil
}

// skipError is a skip with its details: "symbolic link out of the input
// folders (to /etc/passwd); --follow-links reads it".
type skipError struct {
	reason error
	detail string
}

func (e *skipError) Error() string { return e.reason.Error() + e.detail }
func (e *skipError) Unwrap() error { return e.reason }

// indexMetaFile marks a folder holding a bleve index.
const indexMetaFile = "index_meta.json"

// Input is one entry of the walk: a file to read, or a path that is
// skipped or cannot be read (Err).
type Input struct {
	Name string // the path as named, or joined below the path named
	// Real is the absolute path with symbolic links resolved; "" for
	// standard input and for an Input with Err.
	Real     string
	Root     int  // index of the path named it came from
	Explicit bool // named by the caller rather than found in a folder
	// Regular is true for a regular file; false for standard input and a
	// named pipe, which are read as streams.
	Regular bool
	Err     error
}

// List walks paths as Walk reads them and calls fn for each entry, in
// order, until fn returns false.
func List(paths []string, opts Options, fn func(Input) bool) {
	l := &lister{opts: opts, fn: fn, visited: map[string]bool{}}
	for _, p := range opts.Exclude {
		if real, err := realPath(p); err == nil {
			l.exclude = append(l.exclude, real)
		}
	}
	for _, p := range append(paths[:len(paths):len(paths)], opts.Roots...) {
		if p == "-" {
			continue
		}
		if real, err := realPath(p); err == nil {
			l.roots = append(l.roots, real)
		}
	}
	for i, p := range paths {
		l.root, l.rootName = i, p
		if !l.named(p) {
			return
		}
	}
}

type lister struct {
	opts    Options
	fn      func(Input) bool
	roots   []string // real paths of the paths named
	exclude []string // real paths of Options.Exclude
	visited map[string]bool
	root    int
	// rootName is the path named that the walk is below, for the
	// relative paths Options.Skip matches.
	rootName string
}

// skip returns the pattern of Options.Skip that the entry p, found below
// the path named, matches, or "".
func (l *lister) skip(p string) string {
	if len(l.opts.Skip) == 0 {
		return ""
	}
	base := filepath.Base(p)
	rel, err := filepath.Rel(l.rootName, p)
	if err != nil {
		rel = base
	}
	rel = filepath.ToSlash(rel)
	for _, pat := range l.opts.Skip {
		if ok, _ := path.Match(pat, base); ok {
			return pat
		}
		if ok, _ := path.Match(pat, rel); ok {
			return pat
		}
	}
	return ""
}

// realPath returns p made absolute with its symbolic links resolved.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator)) || dir == string(filepath.Separator)
}

func (l *lister) emit(in Input) bool {
	in.Root = l.root
	return l.fn(in)
}

func (l *lister) fail(name string, explicit bool, err error) bool {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return l.emit(Input{Name: name, Explicit: explicit, Err: err})
}

// named lists a path the caller named.
func (l *lister) named(p string) bool {
	if p == "-" {
		return l.emit(Input{Name: "-", Explicit: true})
	}
	fi, err := os.Stat(p)
	if err != nil {
		return l.fail(p, true, err)
	}
	real, err := realPath(p)
	if err != nil {
		return l.fail(p, true, err)
	}
	return l.entry(p, real, fi, true)
}

// entry lists a file or folder, named or found (fi follows links).
func (l *lister) entry(name, real string, fi fs.FileInfo, explicit bool) bool {
	if l.excluded(real, fi.IsDir()) {
		return l.fail(name, explicit, &skipError{reason: ErrIndexFolder, detail: "; an index is never read as input"})
	}
	switch mode := fi.Mode(); {
	case mode.IsDir():
		return l.folder(name, real)
	case mode.IsRegular():
		if !explicit && formatOf(name) == "" && l.opts.Format == "" {
			return l.fail(name, false, ErrUnsupported)
		}
		return l.emit(Input{Name: name, Real: real, Explicit: explicit, Regular: true})
	case mode&fs.ModeNamedPipe != 0 && explicit:
		return l.emit(Input{Name: name, Real: real, Explicit: true})
	default:
		return l.fail(name, explicit, &skipError{reason: ErrNotRegular, detail: " (" + kindOf(mode) + ")"})
	}
}

// kindOf names a special file's type.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "irregular file"
}

// excluded reports whether real is in an excluded folder, or is a folder
// holding an index.
func (l *lister) excluded(real string, dir bool) bool {
	for _, x := range l.exclude {
		if within(real, x) {
			return true
		}
	}
	if dir {
		if _, err := os.Lstat(filepath.Join(real, indexMetaFile)); err == nil {
			return true
		}
	}
	return false
}

// folder lists a folder's entries, once per real folder.
func (l *lister) folder(name, real string) bool {
	if l.visited[real] {
		return true
	}
	l.visited[real] = true
	entries, err := os.ReadDir(name)
	if err != nil {
		return l.fail(name, false, err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(name, e.Name())
		if pat := l.skip(p); pat != "" {
			if !l.fail(p, false, &skipError{reason: ErrExcluded, detail: " " + pat}) {
				return false
			}
			continue
		}
		if !l.found(p, filepath.Join(real, e.Name()), e) {
			return false
		}
	}
	return true
}

// found lists an entry found in a folder (real: its path in the real
// folder, before resolving the entry itself).
func (l *lister) found(p, real string, e fs.DirEntry) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		fi, err := e.Info()
		if err != nil {
			return l.fail(p, false, err)
		}
		return l.entry(p, real, fi, false)
	}
	// Stat first: its errors name the trouble ("too many levels of
	// symbolic links", "no such file or directory").
	fi, err := os.Stat(real)
	if err != nil {
		return l.fail(p, false, err)
	}
	target, err := filepath.EvalSymlinks(real)
	if err != nil {
		return l.fail(p, false, err)
	}
	if !l.opts.FollowLinks && !l.inRoots(target) {
		return l.fail(p, false, &skipError{reason: ErrLinkOutside, detail: fmt.Sprintf(" (to %s); --follow-links reads it", target)})
	}
	return l.entry(p, target, fi, false)
}

func (l *lister) inRoots(real string) bool {
	for _, r := range l.roots {
		if within(real, r) {
			return true
		}
	}
	return false
}
