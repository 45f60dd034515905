package cli

// Opening the index a command reads or writes: through the server holding
// it when one answers on its socket (internal/remote), else the index
// itself, waiting at most lockTimeout for another process's lock.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/demo"
	"github.com/newsdex/newsdex/internal/gazetteer"
	"github.com/newsdex/newsdex/internal/remote"
	"github.com/newsdex/newsdex/internal/search"
)

// lockTimeout bounds the wait for another process's index lock.
const lockTimeout = 10 * time.Second

// openWriter returns a store writing into the index in dir: through the
// server serving it when one answers on its socket, else the index opened
// (or created) directly. It says which on w.
// openForQuery opens the index named by --index for reading, or builds the
// demo one. When a `newsdex serve` holds the index, it asks the server
// through its socket instead: bleve would not let a reader in.
func openForQuery(ctx context.Context, g *globalOptions, useDemo bool) (search.Searcher, error) {
	if useDemo {
		return demo.Index(ctx)
	}
	if _, err := os.Stat(g.Index); err != nil {
		return nil, fmt.Errorf("no index at %s (run `newsdex index PATH...` first, or pass --index DIR, or try --demo)", g.Index)
	}
	if c := remote.Dial(ctx, g.Index); c != nil {
		return c, nil
	}
	ix, err := index.Open(g.Index, index.Options{Labeler: gazetteer.Default(), ReadOnly: true, LockTimeout: lockTimeout})
	if err != nil {
		if errors.Is(err, search.ErrLocked) {
			return nil, fmt.Errorf("open index %s: locked by a writer for over %s (a `newsdex index` still running?): %w", g.Index, lockTimeout, err)
		}
		return nil, err // index.Open names the folder
	}
	return ix, nil
}

func openWriter(ctx context.Context, dir string, w io.Writer) (search.Store, error) {
	if c := remote.Dial(ctx, dir); c != nil {
		fmt.Fprintf(w, "newsdex: %s is being served; writing through the server (%s)\n", dir, filepath.Join(dir, remote.SocketName))
		return c, nil
	}
	ix, err := index.Open(dir, index.Options{Labeler: gazetteer.Default(), LockTimeout: lockTimeout})
	if err != nil {
		if errors.Is(err, search.ErrLocked) {
			return nil, fmt.Errorf("open index %s: locked by another process for over %s (another `newsdex index`, or a server without its socket): %w", dir, lockTimeout, err)
		}
		return nil, indexOpenError(dir, err)
	}
	return ix, nil
}

// indexOpenError says in plain words why the index in dir could not be
// opened or created for writing, and what to do, keeping err (which
// already names dir) for the details.
func indexOpenError(dir string, err error) error {
	var what string
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		what = "is a file, or lies below one: name a folder (a new one is created)"
	case errors.Is(err, fs.ErrPermission):
		what = "cannot be written: name a folder you may write to"
	case errors.Is(err, index.ErrNotIndex):
		what = "holds other files and no index: name a new or empty folder"
	default:
		return err
	}
	return fmt.Errorf("--index %s %s (%w)", dir, what, err)
}
