// Command newsdex-bench measures newsdex against SQLite FTS5 on the same
// records and queries and prints each performance target with its figure:
//
//	go build -o /tmp/newsdex ./cmd/newsdex
//	NEWSDEX_DATA=../shared/data go run ./cmd/newsdex-bench -newsdex /tmp/newsdex -sizes 100000
//
// With $NEWSDEX_DATA set, the Reuters dev split is converted to JSON Lines
// with ../tools/reuters_to_jsonl.py (or read from -reuters FILE).
//
// With -index DIR it only times the query target and browsing on an index
// built before (such as DIR/gen-100000.index of a run with -dir DIR): a
// quick A/B check of a change to searching, run with each binary's build
// of newsdex-bench on the same index.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsdex/newsdex/internal/bench"
)

func main() {
	os.Exit(run())
}

func run() int {
	o := bench.Options{Out: os.Stdout}
	var sizes, only string
	flag.StringVar(&o.Newsdex, "newsdex", "newsdex", "the newsdex binary to measure")
	flag.StringVar(&o.SQLite, "sqlite3", "sqlite3", "the sqlite3 shell (with FTS5)")
	flag.StringVar(&o.Dir, "dir", "", "work folder for corpora, indexes and databases (default: a new temporary folder)")
	flag.StringVar(&o.Reuters, "reuters", "", "Reuters JSON Lines file (default: converted from $NEWSDEX_DATA when set)")
	flag.StringVar(&sizes, "sizes", "100000", "generated corpus sizes, comma-separated; the first is the base of the per-article cost")
	flag.Uint64Var(&o.Seed, "seed", 1, "corpus generator seed")
	flag.IntVar(&o.Rounds, "rounds", 5, "times each query runs")
	flag.IntVar(&o.FTSMax, "fts-max", 200000, "largest corpus size to load into FTS5 and query (0: all)")
	flag.StringVar(&only, "index", "", "only time the queries and browsing on this index, built before (by -dir DIR: DIR/gen-100000.index)")
	flag.Parse()
	if only != "" {
		if err := bench.TimeIndex(context.Background(), only, o.Rounds, o.Out); err != nil {
			fmt.Fprintf(os.Stderr, "newsdex-bench: %v\n", err)
			return 1
		}
		return 0
	}
	for _, s := range strings.Split(sizes, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "newsdex-bench: -sizes: bad size %q\n", s)
			return 2
		}
		o.Sizes = append(o.Sizes, n)
	}
	if o.Dir == "" {
		d, err := os.MkdirTemp("", "newsdex-bench-")
		if err != nil {
			fmt.Fprintf(os.Stderr, "newsdex-bench: %v\n", err)
			return 1
		}
		defer os.RemoveAll(d)
		o.Dir = d
	}
	if o.Reuters == "" {
		if data := os.Getenv("NEWSDEX_DATA"); data != "" {
			docs := filepath.Join(o.Dir, "reuters.jsonl")
			sgm, _ := filepath.Glob(filepath.Join(data, "reuters21578", "*.sgm"))
			args := append([]string{filepath.Join(data, "..", "tools", "reuters_to_jsonl.py"), docs, filepath.Join(o.Dir, "reuters-gold.jsonl")}, sgm...)
			if out, err := exec.Command("python3", args...).CombinedOutput(); err != nil {
				fmt.Fprintf(os.Stderr, "newsdex-bench: convert Reuters: %v: %s\n", err, out)
				return 1
			}
			o.Reuters = docs
		}
	}
	if err := bench.Run(context.Background(), o); err != nil {
		fmt.Fprintf(os.Stderr, "newsdex-bench: %v\n", err)
		return 1
	}
	return 0
}
