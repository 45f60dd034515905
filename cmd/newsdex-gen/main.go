// Command newsdex-gen writes a reproducible synthetic news corpus as JSON
// Lines for benchmarks: `newsdex-gen -n 100000 -seed 1 > corpus.jsonl`.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/newsdex/newsdex/internal/corpusgen"
)

func main() {
	os.Exit(run())
}

func run() int {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same corpus")
	flag.Parse()
	g, err := corpusgen.New(*seed)
	if err != nil {
		fmt.Fprintf(os.Stderr, "newsdex-gen: %v\n", err)
		return 1
	}
	if err := g.Write(os.Stdout, *n); err != nil {
		fmt.Fprintf(os.Stderr, "newsdex-gen: %v\n", err)
		return 1
	}
	return 0
}
