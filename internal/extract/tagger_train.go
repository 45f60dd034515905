package extract

// Training the name tagger (tagger.go) from a CoNLL-2003 style file: one
// token a line with its tags, the entity tag last (IOB1 or IOB2), a blank
// line between sentences and -DOCSTART- between documents. Each document
// is rebuilt as an article the way the evaluation does (the first sentence
// its title, one paragraph a sentence), tokenised and read by the rules
// as in extraction, and each tagger token takes the gold tag of the CoNLL
// token it starts in. The perceptron's weights are averaged over every
// step; documents are visited in a fixed pseudo-random order, so the same
// file and options write the same model.

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/newsdex/newsdex/internal/gazetteer"
)

// conllDoc is one document of a CoNLL file: sentences of (token, tag).
type conllDoc struct {
	line  int // where it starts, for messages
	sents [][]conllTok
}

type conllTok struct {
	word, tag string
}

var conllTypes = setOf("PER", "ORG", "LOC", "MISC")

// readCoNLL reads the documents of a CoNLL file.
func readCoNLL(r io.Reader, name string) ([]conllDoc, error) {
	var docs []conllDoc
	var sent []conllTok
	var cur *conllDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	ln := 0
	flush := func() {
		if len(sent) > 0 && cur != nil {
			cur.sents = append(cur.sents, sent)
		}
		sent = nil
	}
	for sc.Scan() {
		ln++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(line, "-DOCSTART-") {
			flush()
			docs = append(docs, conllDoc{line: ln})
			cur = &docs[len(docs)-1]
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			return nil, fmt.Errorf("%s:%d: want a token and its tags, got %q", name, ln, line)
		}
		tag := f[len(f)-1]
		if tag != "O" && !(len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' && conllTypes[tag[2:]]) {
			return nil, fmt.Errorf("%s:%d: entity tag %q is not O, or B- or I- before PER, ORG, LOC or MISC", name, ln, tag)
		}
		if cur == nil {
			docs = append(docs, conllDoc{line: ln})
			cur = &docs[len(docs)-1]
		}
		sent = append(sent, conllTok{f[0], tag})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, ln, err)
	}
	flush()
	return docs, nil
}

var noSpaceBefore = setOf(",", ".", ";", ":", ")", "'s", "n't", "%", "?", "!", "'", "'re", "'ve", "'ll", "'d", "'m")

// detokenize joins a sentence's tokens into text as the evaluation does,
// appending to b; it returns each token's byte offset in b. open carries an
// open quotation mark across sentences.
func detokenize(b *strings.Builder, toks []conllTok, open *bool) []int {
	offs := make([]int, len(toks))
	start := b.Len()
	attach := false
	for i, t := range toks {
		if t.word == `"` {
			if *open {
				offs[i] = b.Len()
				b.WriteString(`"`)
			} else {
				if b.Len() > start {
					b.WriteByte(' ')
				}
				offs[i] = b.Len()
				b.WriteString(`"`)
				attach = true
			}
			*open = !*open
			continue
		}
		s := b.String()[start:]
		if !(s == "" || attach || noSpaceBefore[t.word] || strings.HasSuffix(s, "(") || strings.HasSuffix(s, "$")) {
			b.WriteByte(' ')
		}
		offs[i] = b.Len()
		b.WriteString(t.word)
		attach = false
	}
	return offs
}

// entityType maps a CoNLL type to a tagger type (1 PER ... 4 MISC).
func entityType(t string) uint8 {
	switch t {
	case "PER":
		return 1
	case "ORG":
		return 2
	case "LOC":
		return 3
	}
	return 4
}

// example is one document read for training: its doc, the rules' reading
// and the gold tag of each token.
type example struct {
	ac   *actors
	d    *doc
	cx   *tagCtx
	gold []uint8
}

// newExample rebuilds doc cd as an article body and aligns its gold tags.
func newExample(g *gazetteer.Gazetteer, cd conllDoc) *example {
	if len(cd.sents) < 2 {
		return nil
	}
	var b strings.Builder
	open := false
	type goldTok struct {
		off, end int
		typ      uint8
		ent      int
	}
	var golds []goldTok
	ent := 0
	for si, s := range cd.sents[1:] {
		if si > 0 {
			b.WriteString("\n\n")
		}
		offs := detokenize(&b, s, &open)
		prevTyp := ""
		for i, t := range s {
			gt := goldTok{off: offs[i], end: offs[i] + len(t.word)}
			if t.tag != "O" {
				typ := t.tag[2:]
				if t.tag[0] == 'B' || typ != prevTyp {
					ent++
				}
				gt.typ, gt.ent = entityType(typ), ent
				prevTyp = typ
			} else {
				prevTyp = ""
			}
			golds = append(golds, gt)
		}
	}
	body := b.String()
	d := newDoc(body)
	d.markFurniture()
	d.findQuotes()
	ac := newActors(g, d)
	ac.collect(d, true)
	ex := &example{ac: ac, d: d, cx: ac.newTagCtx(d, false), gold: make([]uint8, len(d.toks))}
	k := 0
	lastEnt := -1
	for i, t := range d.toks {
		for k+1 < len(golds) && golds[k+1].off <= int(t.s) {
			k++
		}
		gt := golds[k]
		if t.kind != kWord || gt.typ == 0 || int(t.s) >= gt.end && !(k+1 < len(golds) && golds[k+1].off <= int(t.s)) {
			lastEnt = -1
			continue
		}
		if !d.taggable(i) {
			lastEnt = -1
			continue
		}
		tag := 2*gt.typ - 1
		if gt.ent == lastEnt {
			tag++
		}
		ex.gold[i] = tag
		lastEnt = gt.ent
	}
	return ex
}

// TrainOptions set how the tagger is trained.
type TrainOptions struct {
	Epochs int     // passes over the documents
	Seed   uint64  // order of the documents
	Prune  float32 // drop features whose averaged weights are all below this
}

// TrainTagger fits the name tagger on the CoNLL file read from r (name is
// for messages) and writes the model to w in the form ner.model embeds.
// It returns the number of documents, tokens tagged and features kept.
func TrainTagger(r io.Reader, name string, g *gazetteer.Gazetteer, opt TrainOptions, w io.Writer) (docs, toks, feats int, err error) {
	cds, err := readCoNLL(r, name)
	if err != nil {
		return 0, 0, 0, err
	}
	var exs []*example
	for _, cd := range cds {
		if ex := newExample(g, cd); ex != nil {
			exs = append(exs, ex)
		}
	}
	if len(exs) == 0 {
		return 0, 0, 0, fmt.Errorf("%s: no documents", name)
	}
	type wt struct {
		w, total [nTags]float32
		stamp    [nTags]int
	}
	weights := map[uint32]*wt{}
	step := 0
	upd := func(f uint32, t uint8, v float32) {
		x := weights[f]
		if x == nil {
			x = &wt{}
			weights[f] = x
		}
		x.total[t] += float32(step-x.stamp[t]) * x.w[t]
		x.stamp[t] = step
		x.w[t] += v
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	fs := make([]uint32, 0, 96)
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, oi := range order {
			ex := exs[oi]
			d := ex.d
			pred := make([]uint8, len(d.toks))
			clear(ex.cx.hist)
			for i := range d.toks {
				if !d.taggable(i) {
					continue
				}
				var prev uint8
				if i > 0 {
					prev = pred[i-1]
				}
				fs = ex.ac.features(d, i, prev, ex.cx, fs[:0])
				var sc [nTags]float32
				for _, f := range fs {
					if x := weights[f]; x != nil {
						for t := range sc {
							sc[t] += x.w[t]
						}
					}
				}
				best := bestTag(prev, &sc)
				gold := ex.gold[i]
				if !validNext(prev, gold) {
					gold-- // an inside tag after a wrong guess: begin the name
				}
				step++
				if ep == 0 {
					toks++
				}
				if best != gold {
					for _, f := range fs {
						upd(f, gold, 1)
						upd(f, best, -1)
					}
				}
				pred[i] = best
				ex.cx.record(d, i, best)
			}
		}
	}
	avg := map[uint32]*[nTags]float32{}
	for f, x := range weights {
		var a [nTags]float32
		keep := false
		for t := range a {
			tot := x.total[t] + float32(step-x.stamp[t])*x.w[t]
			a[t] = tot / float32(step)
			if a[t] > opt.Prune || a[t] < -opt.Prune {
				keep = true
			}
		}
		if keep {
			avg[f] = &a
		}
	}
	if err := writeModel(w, avg); err != nil {
		return 0, 0, 0, err
	}
	return len(exs), toks, len(avg), nil
}

// EvalTagger tags the documents of the CoNLL file read from r with the
// model in modelGz (the embedded one when nil) and returns the span
// precision, recall and F1 of person and organisation names, and the
// token accuracy of every tag.
func EvalTagger(r io.Reader, name string, g *gazetteer.Gazetteer, modelGz []byte) (p, rec, f1, acc float64, err error) {
	cds, err := readCoNLL(r, name)
	if err != nil {
		return 0, 0, 0, 0, err
	}
	var m *tagModel
	if modelGz == nil {
		m, err = defaultModel()
	} else {
		m, err = readModel(strings.NewReader(string(modelGz)))
	}
	if err != nil {
		return 0, 0, 0, 0, err
	}
	if m == nil {
		return 0, 0, 0, 0, fmt.Errorf("no model")
	}
	var npred, ngold, right, ntok, tokRight int
	for _, cd := range cds {
		ex := newExample(g, cd)
		if ex == nil {
			continue
		}
		tags, _ := ex.ac.tag(m, ex.d, false)
		for i := range tags {
			if ex.d.taggable(i) {
				ntok++
				if tags[i] == ex.gold[i] {
					tokRight++
				}
			}
		}
		gs := map[tagSpan]bool{}
		for _, s := range spansOf(ex.gold) {
			if s.typ <= 2 {
				gs[s] = true
				ngold++
			}
		}
		for _, s := range spansOf(tags) {
			if s.typ <= 2 {
				npred++
				if gs[s] {
					right++
				}
			}
		}
	}
	p = float64(right) / float64(max(npred, 1))
	rec = float64(right) / float64(max(ngold, 1))
	if p+rec > 0 {
		f1 = 2 * p * rec / (p + rec)
	}
	return p, rec, f1, float64(tokRight) / float64(max(ntok, 1)), nil
}
