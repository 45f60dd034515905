// Package ingest reads news articles from files and records: plain text,
// HTML, JSON, JSON Lines, CSV and TSV, each optionally gzip-compressed, from
// paths, folders, standard input or an fs.FS. It turns each into an
// *article.Article with its title, source, byline, URL, date and body, and
// reports what it cannot read without stopping.
//
// Walk lists its inputs in order and parses files in parallel, but hands
// articles and errors to the caller one at a time and in input order: the
// articles of the first path first, a folder's files in sorted order, the
// records of a file in file order.
package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"strings"
	"sync"
	"syscall"

	"github.com/newsdex/newsdex/internal/article"
)

// Options control how inputs are read.
type Options struct {
	// Format is "" to choose by file extension (or, for standard input and
	// files without a known extension, by content), or one of "txt", "html",
	// "json", "jsonl", "csv", "tsv" to read every input so. A gzip-compressed
	// input is decompressed either way.
	Format string
	// Workers is how many files are parsed in parallel; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// FollowLinks follows symbolic links in folders that lead out of the
	// paths named (walk.go); by default they are skipped.
	FollowLinks bool
	// Exclude lists folders never read, even when named or linked to (the
	// index being written).
	Exclude []string
	// Roots lists more paths links may lead into besides those walked (the
	// indexer walks only the paths that changed of those it was given).
	Roots []string
	// Skip lists shell patterns (path.Match: *, ?, [...], case-sensitive)
	// for files and folders found in folders that are not read: an entry
	// is skipped when its name or its path below the path named (with /)
	// matches one (`newsdex index --exclude`). Paths named are always read.
	Skip []string
}

// CheckSkip returns an error naming the first malformed pattern of
// Options.Skip.
func CheckSkip(patterns []string) error {
	for _, p := range patterns {
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("pattern %q: unbalanced [ or a trailing \\", p)
		}
	}
	return nil
}

// Formats lists the values Options.Format accepts besides "".
var Formats = []string{"txt", "html", "json", "jsonl", "csv", "tsv"}

// Error is one file, line or record that could not be read.
type Error struct {
	File   string // the file as named in the article's File
	Line   int    // 1-based line in the (decompressed) file, or 0
	Record int    // 1-based record number in a JSON array, or 0
	Err    error
}

// Error returns "FILE:LINE: reason", "FILE: record N: reason" or
// "FILE: reason".
func (e *Error) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	case e.Record > 0:
		return fmt.Sprintf("%s: record %d: %v", e.File, e.Record, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ErrUnsupported reports a file found in a folder whose extension names no
// format ingest reads. Callers usually count such files as skipped.
var ErrUnsupported = errors.New("unsupported file type")

var errUnreadableDate = errors.New("unreadable date")

// Walk reads every path and calls fn for each article read and onError for
// each file, line or record that could not be read, and each file skipped
// (an Error wrapping a reason Skipped returns). A path is a file, a folder
// (read recursively in sorted order, as List lists it: regular files only,
// no hidden ones, no symbolic links out of the paths named, no index
// folders), or "-" for standard input. A path that does not exist is
// reported through onError. fn and onError are never called concurrently.
// A bad file or record never stops the walk; Walk returns fn's error if fn
// returns one, or ctx.Err() when ctx is cancelled, and nil otherwise. A
// cancelled walk does not wait for a named pipe or standard input to be
// written to.
func Walk(ctx context.Context, paths []string, opts Options, fn func(*article.Article) error, onError func(*Error)) error {
	if err := checkFormat(opts.Format); err != nil {
		return err
	}
	if err := CheckSkip(opts.Skip); err != nil {
		return err
	}
	list := func(ctx context.Context, emit func(*job) bool) {
		List(paths, opts, func(in Input) bool {
			return emit(jobOf(ctx, in, opts.Format))
		})
	}
	return run(ctx, opts, list, fn, onError)
}

// jobOf makes the job reading in.
func jobOf(ctx context.Context, in Input, format string) *job {
	switch {
	case in.Err != nil:
		return failedJob(in.Name, in.Err)
	case in.Name == "-" && in.Real == "":
		return &job{name: "-", format: format, explicit: true,
			open: func() (io.ReadCloser, error) { return cancellable(ctx, os.Stdin), nil }}
	case !in.Regular:
		// A named pipe: opened without waiting for a writer, and read
		// through the runtime's poller, so that closing it on
		// cancellation ends a read that waits (readInput).
		return &job{name: in.Name, format: format, explicit: true,
			open: func() (io.ReadCloser, error) { return os.OpenFile(in.Name, os.O_RDONLY|syscall.O_NONBLOCK, 0) }}
	}
	name := in.Name
	return &job{name: name, format: format, explicit: in.Explicit,
		open: func() (io.ReadCloser, error) { return os.Open(name) }}
}

// cancellable returns r as a reader that gives ctx.Err() once ctx is
// cancelled, even while a Read of r waits (standard input from a terminal
// or a pipe no one writes to). That Read is left waiting in a goroutine:
// the caller is about to stop reading.
func cancellable(ctx context.Context, r io.Reader) io.ReadCloser {
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, r)
		pw.CloseWithError(err)
	}()
	stop := context.AfterFunc(ctx, func() { pw.CloseWithError(ctx.Err()) })
	return readCloser{pr, func() error { stop(); return pr.Close() }}
}

type readCloser struct {
	io.Reader
	close func() error
}

func (r readCloser) Close() error { return r.close() }

// WalkFS does what Walk does over fsys, from root (a file or folder in
// fsys; "." for all of it). Articles' File is the path within fsys.
func WalkFS(ctx context.Context, fsys fs.FS, root string, opts Options, fn func(*article.Article) error, onError func(*Error)) error {
	if err := checkFormat(opts.Format); err != nil {
		return err
	}
	list := func(ctx context.Context, emit func(*job) bool) {
		listFS(fsys, root, true, opts, emit)
	}
	return run(ctx, opts, list, fn, onError)
}

func checkFormat(f string) error {
	if f == "" {
		return nil
	}
	for _, g := range Formats {
		if f == g {
			return nil
		}
	}
	return fmt.Errorf("unknown format %q (want one of %s)", f, strings.Join(Formats, ", "))
}

// A job is one input file. Its results go to out, which the worker that
// reads the file closes; a job whose listing failed comes with out already
// filled and closed.
type job struct {
	name     string
	open     func() (io.ReadCloser, error)
	format   string // forced format, or ""
	explicit bool   // named by the caller rather than found in a folder
	out      chan item
}

// item is one result: an article or an error.
type item struct {
	a *article.Article
	e *Error
}

func failedJob(name string, err error) *job {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	j := &job{name: name, out: make(chan item, 1)}
	j.out <- item{e: &Error{File: name, Err: err}}
	close(j.out)
	return j
}

// listFS lists p in fsys for WalkFS. It returns false once emit does.
func listFS(fsys fs.FS, p string, explicit bool, opts Options, emit func(*job) bool) bool {
	fi, err := fs.Stat(fsys, p)
	if err != nil {
		return emit(failedJob(p, err))
	}
	if !fi.IsDir() {
		if !explicit && formatOf(p) == "" && opts.Format == "" {
			return emit(failedJob(p, ErrUnsupported))
		}
		return emit(&job{name: p, format: opts.Format, explicit: explicit,
			open: func() (io.ReadCloser, error) { return fsys.Open(p) }})
	}
	entries, err := fs.ReadDir(fsys, p)
	if err != nil {
		return emit(failedJob(p, err))
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if !listFS(fsys, path.Join(p, e.Name()), false, opts, emit) {
			return false
		}
	}
	return true
}

// run lists jobs in one goroutine, parses them in opts.Workers others, and
// delivers their results in listing order on the calling goroutine.
func run(ctx context.Context, opts Options, list func(context.Context, func(*job) bool), fn func(*article.Article) error, onError func(*Error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Jobs go to work (for the workers) and to order (for delivery) in the
	// same order. Workers take jobs first come first served, so the job
	// being delivered is always being read or already read.
	work := make(chan *job)
	order := make(chan *job, 2*workers)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(work)
		list(ctx, func(j *job) bool {
			if j.out == nil {
				j.out = make(chan item, 64)
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return false
			}
			if j.open == nil {
				return true
			}
			select {
			case work <- j:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				readJob(ctx, j)
			}
		}()
	}

	// Once delivery stops, cancelling unblocks the lister and the workers
	// (every send of theirs also waits on ctx).
	err := deliver(ctx, order, fn, onError)
	cancel()
	wg.Wait()
	if err != nil {
		return err
	}
	return parent.Err()
}

func deliver(ctx context.Context, order <-chan *job, fn func(*article.Article) error, onError func(*Error)) error {
	for j := range order {
		for it := range j.out {
			if err := ctx.Err(); err != nil {
				return err
			}
			if it.e != nil {
				if onError != nil {
					onError(it.e)
				}
				continue
			}
			if err := fn(it.a); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

// sink passes one file's results to the consumer.
type sink struct {
	ctx  context.Context
	name string
	out  chan<- item
	// fileCut is the read limit when the file was read only up to it
	// (plain text and HTML), else 0.
	fileCut int
}

// article sends a; it returns ctx.Err() once the walk is over.
func (s *sink) article(a *article.Article) error {
	return s.articleAt(0, 0, a)
}

// articleAt sends a, read from a line or record of the file (either may be
// 0). A body over MaxBodyBytes, and any other field over its limit
// (limits.go), is cut first, and each cut is reported.
func (s *sink) articleAt(line, record int, a *article.Article) error {
	a.File = s.name
	if n := len(a.Body); n > MaxBodyBytes || s.fileCut > 0 {
		a.Body = cutBody(a.Body, MaxBodyBytes)
		if err := s.fail(line, record, truncation(n, s.fileCut > 0, s.fileCut)); err != nil {
			return err
		}
	}
	for _, err := range cutFields(a) { // and sets the ID
		if err := s.fail(line, record, err); err != nil {
			return err
		}
	}
	return s.send(item{a: a})
}

// setID gives an article without an ID its URL, else a hash of its title
// and body.
func setID(a *article.Article) {
	if a.ID != "" {
		return
	}
	if a.URL != "" {
		a.ID = a.URL
	} else {
		a.ID = hashID(a.Title, a.Body)
	}
}

// fail reports a bad line or record (line or record may be 0).
func (s *sink) fail(line, record int, err error) error {
	return s.send(item{e: &Error{File: s.name, Line: line, Record: record, Err: err}})
}

func (s *sink) send(it item) error {
	select {
	case s.out <- it:
		return nil
	case <-s.ctx.Done():
		return s.ctx.Err()
	}
}

// readJob reads one file and closes its out channel.
func readJob(ctx context.Context, j *job) {
	defer close(j.out)
	s := &sink{ctx: ctx, name: j.name, out: j.out}
	if err := readInput(s, j); err != nil && ctx.Err() == nil {
		s.fail(0, 0, err)
	}
}

// readInput opens the job's input, decompresses it when it is gzip, picks
// the format and reads it. The returned error concerns the whole file.
func readInput(s *sink, j *job) error {
	rc, err := j.open()
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return err
	}
	defer rc.Close()
	// Closing a named pipe ends a read that waits for a writer.
	defer context.AfterFunc(s.ctx, func() { rc.Close() })()
	var r *bufio.Reader = bufio.NewReaderSize(rc, 64<<10)
	if magic, _ := r.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("gunzip: %w", err)
		}
		defer gz.Close()
		r = bufio.NewReaderSize(gz, 64<<10)
	}
	format := j.format
	if format == "" {
		format = formatOf(j.name)
	}
	if format == "" {
		head, _ := r.Peek(4096)
		format = sniff(head)
		if format == "" {
			return ErrUnsupported
		}
	}
	return readFormat(s, r, format)
}

func readFormat(s *sink, r *bufio.Reader, format string) error {
	switch format {
	case "jsonl":
		return readJSONL(s, r)
	case "json":
		return readJSON(s, r)
	case "csv":
		return readCSV(s, r, ',')
	case "tsv":
		return readCSV(s, r, '\t')
	case "html":
		return readHTML(s, r)
	}
	return readText(s, r)
}

// formatOf returns the format a file name's extension names (".gz"
// removed), or "".
func formatOf(name string) string {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	switch path.Ext(name) {
	case ".txt", ".text":
		return "txt"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".json":
		return "json"
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".csv":
		return "csv"
	case ".tsv", ".tab":
		return "tsv"
	}
	return ""
}
