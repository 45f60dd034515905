// Command newsdex-train-actors fits the name tagger of internal/extract on
// a CoNLL-2003 style file and writes the model extraction embeds:
//
//	newsdex-train-actors -conll eng.train -part 0.8 -out internal/extract/ner.model
//
// -part 0.8 trains on the first 80% of the documents and scores the model
// on the rest (the shipped model is made so, from CoNLL-2003's eng.train).
//
// The same file and flags write the same model. The labelled text is only
// read: no word of it is stored, only feature weights (see
// internal/extract/tagger.go for which features there are).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/newsdex/newsdex/internal/extract"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

func main() {
	os.Exit(run())
}

func run() int {
	in := flag.String("conll", "", "CoNLL file to train on (token ... entity-tag a line, -DOCSTART- between documents)")
	out := flag.String("out", "ner.model", "model file to write")
	epochs := flag.Int("epochs", 8, "passes over the documents")
	seed := flag.Uint64("seed", 1, "order of the documents: the same seed writes the same model")
	prune := flag.Float64("prune", 0.01, "drop features whose averaged weights are all smaller than this")
	eval := flag.String("eval", "", "CoNLL file to score the new model on (held-out documents)")
	part := flag.Float64("part", 1, "train on this fraction of the documents, from the first, and score the model on the rest")
	flag.Parse()
	if *in == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: newsdex-train-actors -conll FILE [-out ner.model] [-epochs N] [-seed N]")
		return 2
	}
	data, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintf(os.Stderr, "newsdex-train-actors: %v\n", err)
		return 1
	}
	if *part <= 0 || *part > 1 {
		fmt.Fprintln(os.Stderr, "newsdex-train-actors: -part wants a number above 0 and at most 1")
		return 2
	}
	train, rest := split(data, *part)
	var buf bytes.Buffer
	docs, toks, feats, err := extract.TrainTagger(bytes.NewReader(train), *in, gazetteer.Default(), extract.TrainOptions{Epochs: *epochs, Seed: *seed, Prune: float32(*prune)}, &buf)
	if err != nil {
		fmt.Fprintf(os.Stderr, "newsdex-train-actors: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "newsdex-train-actors: %v\n", err)
		return 1
	}
	if *eval != "" {
		g, err := os.Open(*eval)
		if err != nil {
			fmt.Fprintf(os.Stderr, "newsdex-train-actors: %v\n", err)
			return 1
		}
		defer g.Close()
		p, r, f1, acc, err := extract.EvalTagger(g, *eval, gazetteer.Default(), buf.Bytes())
		if err != nil {
			fmt.Fprintf(os.Stderr, "newsdex-train-actors: %v\n", err)
			return 1
		}
		fmt.Fprintf(os.Stderr, "newsdex-train-actors: %s: person and organisation names precision %.3f recall %.3f f1 %.3f; tag accuracy %.3f\n", *eval, p, r, f1, acc)
	}
	if len(rest) > 0 {
		p, r, f1, acc, err := extract.EvalTagger(bytes.NewReader(rest), *in+" (rest)", gazetteer.Default(), buf.Bytes())
		if err != nil {
			fmt.Fprintf(os.Stderr, "newsdex-train-actors: %v\n", err)
			return 1
		}
		fmt.Fprintf(os.Stderr, "newsdex-train-actors: held-out documents: person and organisation names precision %.3f recall %.3f f1 %.3f; tag accuracy %.3f\n", p, r, f1, acc)
	}
	fmt.Fprintf(os.Stderr, "newsdex-train-actors: %d documents, %d tokens, %d features, %d bytes -> %s\n", docs, toks, feats, buf.Len(), *out)
	return 0
}

// split cuts a CoNLL file's text before the document at fraction part of
// its documents (-DOCSTART- lines): the part to train on and the rest.
func split(data []byte, part float64) (train, rest []byte) {
	marker := []byte("-DOCSTART-")
	var starts []int
	for i := 0; ; {
		j := bytes.Index(data[i:], marker)
		if j < 0 {
			break
		}
		if i+j == 0 || data[i+j-1] == '\n' {
			starts = append(starts, i+j)
		}
		i += j + len(marker)
	}
	cut := int(float64(len(starts)) * part)
	if cut >= len(starts) {
		return data, nil
	}
	return data[:starts[cut]], data[starts[cut]:]
}
