// Package cli holds newsdex's cobra commands, one file per command. It is the
// only package that decides exit codes and prints to the terminal; it wires
// ingest, extract, index and web together.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
)

// Streams are the standard streams a command reads and writes.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	Index string // --index: the index folder
}

// defaultIndexDir is the index folder when neither --index nor
// $NEWSDEX_INDEX says otherwise.
const defaultIndexDir = "newsdex.index"

// exitError carries an exit code chosen by a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks an error in the command line: exit code 2.
func usageError(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// NewRoot builds the newsdex command tree.
func NewRoot(s Streams) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "newsdex",
		Short: "Full-text search for news articles: who said what, where and when",
		Long: `newsdex indexes news articles (text, HTML, JSON, JSON Lines, CSV, gzip of any)
and extracts direct quotes with their speakers, the countries and regions a
story concerns, and the people and organisations it names. Search articles and
quotes by keyword with facets by speaker, actor, country, region, source and
date, from the command line, from scripts, or in the browser.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	def := os.Getenv("NEWSDEX_INDEX")
	if def == "" {
		def = defaultIndexDir
	}
	root.PersistentFlags().StringVar(&g.Index, "index", def, "index folder ($NEWSDEX_INDEX)")
	root.AddCommand(
		newIndexCmd(g, s),
		newSearchCmd(g, s),
		newQuotesCmd(g, s),
		newShowCmd(g, s),
		newExtractCmd(g, s),
		newStatsCmd(g, s),
		newServeCmd(g, s),
	)
	return root
}

// Run runs newsdex with args and returns the process exit code: 0 on
// success, 1 on failure, 2 on a command-line error. SIGINT and SIGTERM
// cancel the context so long commands stop cleanly.
func Run(ctx context.Context, args []string, s Streams) int {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := NewRoot(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	fmt.Fprintf(s.Err, "newsdex: %v\n", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if isFlagError(err) {
		return 2
	}
	return 1
}

// isFlagError reports whether cobra rejected the command line itself.
func isFlagError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown flag", "unknown command", "unknown shorthand", "invalid argument", "flag needs an argument", "accepts ", "requires at least"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
