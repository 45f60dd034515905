package extract

// How the name tagger decides, and why.
//
// The capitalised runs of actor.go find nearly every name, but which of
// them are people, organisations, places or other things, and where a
// name starts and ends, is learned better from labelled news than written
// as rules. The tagger is a greedy averaged perceptron over the words that
// can belong to a name: capitalised words, and a lower-case connector
// ("of", "and", "&", "de") between two of them. Every other token is
// outside any name and costs nothing. Each word gets one of nine tags:
// outside, or the beginning or inside of a person (PER), organisation
// (ORG), place (LOC) or other name (MISC), read left to right with the
// tag before as a feature.
//
// The model must generalise to names it never saw and must not memorise
// the labelled text it was fitted on (CoNLL-2003, licensed for evaluation
// only), so no feature is the identity of a capitalised word: a word's
// features are its shape ("Xx", "X.X.", "XX-d"), its length, its last two
// or three letters, the word lists this package ships (the SCOWL common
// words, given names, titles, role nouns, organisation and company nouns,
// the gazetteer's countries, cities and demonyms, news outlets), where it
// stands (sentence start, inside a quote, page furniture), what the rules
// of actor.go made of its run, and its neighbours: a lower-case common
// word is named ("said", "the", "shares"), any other word only by shape
// and word lists. The weights (ner.model, gzip'd) are written by
// cmd/newsdex-train-actors from a CoNLL file, so the model is
// reproducible; tagging costs a few microseconds an article.
//
// The tags only advise actor.go: the deterministic filters (furniture,
// places, creeds, news outlets told) still run on top.

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"
)

// Tags of the name tagger.
const (
	tagO = iota
	tagBPer
	tagIPer
	tagBOrg
	tagIOrg
	tagBLoc
	tagILoc
	tagBMisc
	tagIMisc
	nTags
)

// tagType returns the entity type of tag t: 0 none, 1 PER, 2 ORG, 3 LOC,
// 4 MISC.
func tagType(t uint8) uint8 { return (t + 1) / 2 }

// tagNames are the tags as CoNLL writes them.
var tagNames = [nTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

//go:embed ner.model
var nerModelGz []byte

// tagModel is a trained tagger: per feature hash, one weight per tag.
type tagModel struct {
	// An open-addressing table of feature hashes: keys[slot] is a hash
	// (0 for an empty slot, so hash 0 is stored as 1) and offs[slot] its
	// weights' offset into w.
	keys []uint32
	offs []int32
	mask uint32
	w    []float32
}

// lookup returns the offset of feature f's weights, or -1.
func (m *tagModel) lookup(f uint32) int32 {
	if f == 0 {
		f = 1
	}
	for i := (f * 0x9e3779b1) & m.mask; ; i = (i + 1) & m.mask {
		switch m.keys[i] {
		case f:
			return m.offs[i]
		case 0:
			return -1
		}
	}
}

// insert files feature f's weights at offset o.
func (m *tagModel) insert(f uint32, o int32) {
	if f == 0 {
		f = 1
	}
	i := (f * 0x9e3779b1) & m.mask
	for m.keys[i] != 0 && m.keys[i] != f {
		i = (i + 1) & m.mask
	}
	m.keys[i], m.offs[i] = f, o
}

var defaultModel = sync.OnceValues(func() (*tagModel, error) {
	if len(nerModelGz) == 0 {
		return nil, nil
	}
	return readModel(bytes.NewReader(nerModelGz))
})

const modelMagic = "NDXNER1\n"

// readModel reads a gzip'd model: the magic, the feature count, then per
// feature (in increasing hash order) its hash and nTags int16 weights,
// little-endian, with a float32 scale after the count.
func readModel(r io.Reader) (*tagModel, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	if len(data) < len(modelMagic)+8 || string(data[:len(modelMagic)]) != modelMagic {
		return nil, errors.New("ner model: not a tagger model")
	}
	p := data[len(modelMagic):]
	n := int(binary.LittleEndian.Uint32(p))
	scale := math.Float32frombits(binary.LittleEndian.Uint32(p[4:]))
	p = p[8:]
	rec := 4 + 2*nTags
	if len(p) != n*rec {
		return nil, fmt.Errorf("ner model: %d bytes of weights, want %d", len(p), n*rec)
	}
	size := 1
	for size < 2*n+2 {
		size *= 2
	}
	m := &tagModel{keys: make([]uint32, size), offs: make([]int32, size), mask: uint32(size - 1), w: make([]float32, n*nTags)}
	for i := 0; i < n; i++ {
		q := p[i*rec:]
		m.insert(binary.LittleEndian.Uint32(q), int32(i*nTags))
		for t := 0; t < nTags; t++ {
			m.w[i*nTags+t] = float32(int16(binary.LittleEndian.Uint16(q[4+2*t:]))) * scale
		}
	}
	return m, nil
}

// writeModel writes weights (hash -> nTags weights) in readModel's form.
func writeModel(w io.Writer, weights map[uint32]*[nTags]float32) error {
	keys := make([]uint32, 0, len(weights))
	var max float64
	for k, ws := range weights {
		keys = append(keys, k)
		for _, x := range ws {
			max = math.Max(max, math.Abs(float64(x)))
		}
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	scale := float32(max / 32767)
	if scale == 0 {
		scale = 1
	}
	var buf bytes.Buffer
	buf.WriteString(modelMagic)
	var b [8]byte
	binary.LittleEndian.PutUint32(b[:], uint32(len(keys)))
	binary.LittleEndian.PutUint32(b[4:], math.Float32bits(scale))
	buf.Write(b[:])
	for _, k := range keys {
		binary.LittleEndian.PutUint32(b[:4], k)
		buf.Write(b[:4])
		for _, x := range weights[k] {
			binary.LittleEndian.PutUint16(b[:2], uint16(int16(math.Round(float64(x/scale)))))
			buf.Write(b[:2])
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// taggable reports whether token i of d may belong to a name.
func (d *doc) taggable(i int) bool {
	t := d.toks[i]
	if t.kind != kWord {
		return false
	}
	if t.cap || t.upper {
		return true
	}
	// A connector between two capitalised words: "Bank of England".
	if i == 0 || i+1 >= len(d.toks) {
		return false
	}
	p, n := d.toks[i-1], d.toks[i+1]
	if p.kind != kWord || n.kind != kWord || !(p.cap || p.upper) || !(n.cap || n.upper) {
		return false
	}
	w := d.lw(i)
	return connectors[w] || w == "and" || w == "for" || w == "on"
}

// Feature templates: each feature is a template byte hashed with a value.
const (
	fBias = iota + 1
	fShape
	fLen
	fSuf2
	fSuf3
	fWord
	fNotCommon
	fLex
	fPlace
	fPlaceNext
	fPlacePrev
	fPos
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevTag
	fPrevTagShape
	fRule
	fRun
	fRunEnd
	fRunStart
	fLexPrev
	fLexNext
	fMidCaps
	fCueAround
	fWordNext
	fWordPrev
	fDoc
	fHist
)

// fhash hashes a template and a value (FNV-1a).
func fhash(t byte, v string) uint32 {
	h := uint32(2166136261)
	h ^= uint32(t)
	h *= 16777619
	for i := 0; i < len(v); i++ {
		h ^= uint32(v[i])
		h *= 16777619
	}
	return h
}

// fhashCat hashes a template with the value a+b, without making it.
func fhashCat(t byte, a, b string) uint32 {
	h := fhash(t, a)
	for i := 0; i < len(b); i++ {
		h ^= uint32(b[i])
		h *= 16777619
	}
	return h
}

// fhash2 hashes a template with two values.
func fhash2(t byte, a, b string) uint32 {
	h := fhash(t, a)
	h ^= 0xff
	h *= 16777619
	for i := 0; i < len(b); i++ {
		h ^= uint32(b[i])
		h *= 16777619
	}
	return h
}

// shape returns the shape of w: upper-case letters X, lower-case x,
// digits d, other bytes as written, repeats collapsed ("Xx", "X.X.", "XX-d").
func shape(w string, buf []byte) []byte {
	buf = buf[:0]
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		var s byte
		switch {
		case c >= 'A' && c <= 'Z':
			s = 'X'
		case c >= 'a' && c <= 'z', c >= 0x80:
			s = 'x'
		case c >= '0' && c <= '9':
			s = 'd'
		default:
			s = c
		}
		if s != last || s == '.' {
			buf = append(buf, s)
		}
		last = s
	}
	return buf
}

// lexFlags returns a byte per word list that holds the lower-case word w,
// as a short string ("g", "t", "o", ...), for a feature. The word lists'
// flags are read from one table (lexTable) built from them once: a lookup a
// token instead of one a list.
func (ac *actors) lexFlags(d *doc, i int, buf []byte) []byte {
	buf = append(buf[:0], lexTable()[d.lwBase(i)]...)
	if ac.gaz != nil {
		if k, ok := ac.gaz.PlaceKind(d.wordBase(i)); ok {
			buf = append(buf, 'P', byte('0'+k))
		}
	}
	return buf
}

// lexTable maps each word of a word list to its flags (listFlags).
var lexTable = sync.OnceValue(func() map[string]string {
	words := map[string]bool{}
	for _, m := range []map[string]bool{titleWords, headTitles, roleNouns, orgNouns, corpNouns,
		mediaNames, pressWords, notNames, surnameWords, placeNouns, placeHeads, miscWords,
		miscHeads, orgHeads, govNouns, cueForms} {
		for w := range m {
			words[w] = true
		}
	}
	for w := range givenNames {
		words[w] = true
	}
	for w := range honorifics {
		words[w] = true
	}
	for w := range knownOrgs {
		words[w] = true
	}
	t := make(map[string]string, len(words))
	for w := range words {
		if f := listFlags(w, nil); len(f) > 0 {
			t[w] = string(f)
		}
	}
	return t
})

// listFlags returns the flags of the word lists holding w, in a fixed order.
func listFlags(w string, buf []byte) []byte {
	if g := givenNames[w]; g != 0 {
		buf = append(buf, 'g', byte(g))
	}
	if titleWords[w] {
		buf = append(buf, 't')
	}
	if headTitles[w] {
		buf = append(buf, 'h')
	}
	if roleNouns[w] {
		buf = append(buf, 'r')
	}
	if _, ok := honorifics[w]; ok {
		buf = append(buf, 'm')
	}
	if orgNouns[w] {
		buf = append(buf, 'o')
	}
	if corpNouns[w] {
		buf = append(buf, 'c')
	}
	if _, ok := knownOrgs[w]; ok {
		buf = append(buf, 'k')
	}
	if mediaNames[w] || pressWords[w] {
		buf = append(buf, 'n')
	}
	if notNames[w] {
		buf = append(buf, 'x')
	}
	if surnameWords[w] {
		buf = append(buf, 's')
	}
	if placeNouns[w] || placeHeads[w] {
		buf = append(buf, 'p')
	}
	if miscWords[w] || miscHeads[w] {
		buf = append(buf, 'q')
	}
	if orgHeads[w] || govNouns[w] {
		buf = append(buf, 'b')
	}
	if cueForms[w] {
		buf = append(buf, 'v')
	}
	return buf
}

// ruleTags returns, per body token, what actor.go's rules made of its
// capitalised run: 0 nothing, else 1 + 2*kind (+1 inside the run).
func (ac *actors) ruleTags(d *doc) []uint8 {
	r := make([]uint8, len(d.toks))
	for i := range ac.cands {
		c := &ac.cands[i]
		if c.d != d {
			continue
		}
		for k := c.s; k < c.e; k++ {
			v := uint8(1 + 2*c.kind)
			if k > c.s {
				v++
			}
			r[k] = v
		}
		for k := c.tokStart; k < c.s; k++ {
			r[k] = 9 // a title split off
		}
	}
	return r
}

// tagCtx is what the tagger knows of a whole doc: the rules' reading of
// each token, what the doc does with each word elsewhere, and the types
// it has tagged each word with so far.
type tagCtx struct {
	rule  []uint8
	title bool
	words map[string]uint8
	hist  map[string]*[5]uint16

	// Per token caches: the word lists' flags, and the gazetteer's kind
	// of the token with the next (0 not read yet).
	lexStart, lexEnd []int32
	lexBuf           []byte
	pair             []uint8
	common           []uint8 // 1 + whether lwBase is a common word
	region           []uint8 // 1 + whether the word names a region
}

// commonOf reports whether token i's lower-case word, possessive cut, is
// a common word.
func (cx *tagCtx) commonOf(d *doc, i int) bool {
	if cx.common == nil {
		cx.common = make([]uint8, len(d.toks))
		cx.region = make([]uint8, len(d.toks))
	}
	if cx.common[i] == 0 {
		cx.common[i] = 1
		if commonWord(d.lwBase(i)) {
			cx.common[i] = 2
		}
	}
	return cx.common[i] == 2
}

// regionOf reports whether token i names a region ("Europe").
func (cx *tagCtx) regionOf(ac *actors, d *doc, i int) bool {
	cx.commonOf(d, i) // makes the caches
	if cx.region[i] == 0 {
		cx.region[i] = 1
		if cx.regionOf(ac, d, i) {
			cx.region[i] = 2
		}
	}
	return cx.region[i] == 2
}

// lexOf returns ac.lexFlags of token i, read once per doc.
func (cx *tagCtx) lexOf(ac *actors, d *doc, i int) []byte {
	if cx.lexEnd == nil {
		cx.lexStart = make([]int32, len(d.toks))
		cx.lexEnd = make([]int32, len(d.toks))
		cx.pair = make([]uint8, len(d.toks))
	}
	if cx.lexEnd[i] == 0 {
		var lb [32]byte
		start := len(cx.lexBuf)
		cx.lexBuf = append(cx.lexBuf, ac.lexFlags(d, i, lb[:0])...)
		cx.lexStart[i], cx.lexEnd[i] = int32(start), int32(len(cx.lexBuf)+1)
	}
	return cx.lexBuf[cx.lexStart[i] : cx.lexEnd[i]-1]
}

// pairKind returns the gazetteer's kind of tokens i and i+1 read as one
// place ("New York"), or 0.
func (cx *tagCtx) pairKind(ac *actors, d *doc, i int) uint8 {
	cx.lexOf(ac, d, i) // makes the caches
	if cx.pair[i] == 0 {
		cx.pair[i] = 255
		if k, ok := ac.gaz.PlaceKind(d.text[d.toks[i].s:d.toks[i+1].e]); ok {
			cx.pair[i] = uint8(k)
		}
	}
	if cx.pair[i] == 255 {
		return 0
	}
	return cx.pair[i]
}

// Doc-wide facts about a word (tagCtx.words).
const (
	wLower     = 1 << iota // written in lower case somewhere: a common noun
	wMid                   // capitalised inside a sentence somewhere
	wPerCue                // after an honorific or title somewhere
	wLastPer               // the last word of a person's longer name
	wLastOrg               // the last word of an organisation's longer name
	wInName                // a word of some longer name
	wBeforeOrg             // before an organisation noun somewhere
)

// newTagCtx reads the doc-wide facts of d.
func (ac *actors) newTagCtx(d *doc, title bool) *tagCtx {
	cx := &tagCtx{rule: ac.ruleTags(d), title: title, words: map[string]uint8{}, hist: map[string]*[5]uint16{}}
	for i, t := range d.toks {
		if t.kind != kWord {
			continue
		}
		w := d.lwBase(i)
		var f uint8
		switch {
		case !t.cap && !t.upper:
			f |= wLower
		case !d.sentenceStart(i):
			f |= wMid
		}
		if t.cap && i > 0 && d.toks[i-1].kind == kWord {
			if p := d.lw(i - 1); titleWords[p] || headTitles[p] {
				f |= wPerCue
			} else if _, ok := honorifics[p]; ok {
				f |= wPerCue
			}
		}
		if t.cap && i+1 < len(d.toks) && d.toks[i+1].kind == kWord && (orgNouns[d.lwBase(i+1)] || corpNouns[d.lwBase(i+1)]) {
			f |= wBeforeOrg
		}
		cx.words[w] |= f
	}
	for i := range ac.cands {
		c := &ac.cands[i]
		if c.d != d || c.e-c.s < 2 {
			continue
		}
		for k := c.s; k < c.e; k++ {
			cx.words[d.lwBase(k)] |= wInName
		}
		switch c.kind {
		case candPerson:
			cx.words[d.lwBase(c.e-1)] |= wLastPer
		case candOrg:
			cx.words[d.lwBase(c.e-1)] |= wLastOrg
		}
	}
	return cx
}

// record notes that token i was tagged t.
func (cx *tagCtx) record(d *doc, i int, t uint8) {
	w := d.lwBase(i)
	h := cx.hist[w]
	if h == nil {
		h = &[5]uint16{}
		cx.hist[w] = h
	}
	h[tagType(t)]++
}

// features appends the feature hashes of token i to fs; prev is the tag
// before it.
func (ac *actors) features(d *doc, i int, prev uint8, cx *tagCtx, fs []uint32) []uint32 {
	rule, title := cx.rule, cx.title
	var sb [32]byte
	t := d.toks[i]
	w := d.word(i)
	lw := d.lwBase(i)
	sh := shape(w, sb[:0])
	fs = append(fs, fhash(fBias, ""), fhash(fShape, string(sh)))
	n := len(lw)
	ln := "8"
	if n < 8 {
		ln = string(rune('0' + n))
	}
	fs = append(fs, fhash(fLen, ln))
	if n >= 4 {
		fs = append(fs, fhash(fSuf2, lw[n-2:]), fhash(fSuf3, lw[n-3:]))
	}
	common := cx.commonOf(d, i)
	if common {
		fs = append(fs, fhash(fWord, lw))
	} else {
		fs = append(fs, fhash(fNotCommon, string(sh)))
	}
	lex := cx.lexOf(ac, d, i)
	for _, c := range lex {
		fs = append(fs, fhash(fLex, string(c)))
	}
	if len(lex) == 0 {
		fs = append(fs, fhash(fLex, "-"))
	}
	// Two-word places: "New York", "Hong Kong".
	if ac.gaz != nil {
		if i+1 < len(d.toks) && d.toks[i+1].kind == kWord && d.toks[i+1].cap {
			if k := cx.pairKind(ac, d, i); k != 0 {
				fs = append(fs, fhash(fPlaceNext, string(rune('0'+k))))
			}
		}
		if i > 0 && d.toks[i-1].kind == kWord && d.toks[i-1].cap {
			if k := cx.pairKind(ac, d, i-1); k != 0 {
				fs = append(fs, fhash(fPlacePrev, string(rune('0'+k))))
			}
		}
		if cx.regionOf(ac, d, i) {
			fs = append(fs, fhash(fPlace, "region"))
		}
	}
	pos := []byte{'m'}
	if d.sentenceStart(i) {
		pos[0] = 's'
	}
	if t.poss {
		pos = append(pos, 'p')
	}
	if t.inq {
		pos = append(pos, 'q')
	}
	if t.furn {
		pos = append(pos, 'f')
	}
	if title {
		pos = append(pos, 't')
	}
	fs = append(fs, fhash(fPos, string(pos)))
	if pos[0] == 's' && common && ac.d == d {
		if ac.capitalisedInside(lw) {
			fs = append(fs, fhash(fMidCaps, "y"))
		} else {
			fs = append(fs, fhash(fMidCaps, "n"))
		}
	}
	// Neighbours.
	fs = ac.neighbour(d, cx, i-1, fPrev, fLexPrev, fs)
	fs = ac.neighbour(d, cx, i+1, fNext, fLexNext, fs)
	if j := i - 2; j >= 0 && d.toks[j].kind == kWord && !d.toks[j].cap && commonWord(d.lw(j)) {
		fs = append(fs, fhash(fPrev2, d.lw(j)))
	}
	if j := i + 2; j < len(d.toks) && d.toks[j].kind == kWord && !d.toks[j].cap && commonWord(d.lw(j)) {
		fs = append(fs, fhash(fNext2, d.lw(j)))
	}
	pt := tagNames[prev]
	fs = append(fs, fhash(fPrevTag, pt), fhash2(fPrevTagShape, pt, string(sh)))
	// The rules' reading, and the capitalised run the word is in.
	var rt uint8
	if rule != nil {
		rt = rule[i]
	}
	fs = append(fs, fhash(fRule, string(rune('a'+rt))))
	s, e := i, i+1
	for s > 0 && d.taggable(s-1) {
		s--
	}
	for e < len(d.toks) && d.taggable(e) {
		e++
	}
	rl := e - s
	if rl > 4 {
		rl = 4
	}
	fs = append(fs, fhash2(fRun, string(rune('0'+rl)), string(rune('0'+min(i-s, 3)))))
	if e-1 != i {
		for _, c := range cx.lexOf(ac, d, e-1) {
			fs = append(fs, fhash(fRunEnd, string(c)))
		}
		if le := d.lwBase(e - 1); cx.commonOf(d, e-1) {
			fs = append(fs, fhash(fRunEnd, "w"+le))
		}
	}
	if s != i {
		for _, c := range cx.lexOf(ac, d, s) {
			fs = append(fs, fhash(fRunStart, string(c)))
		}
	}
	if c := d.cueAround(s, e); c != 0 {
		fs = append(fs, fhash(fCueAround, string(c)))
	}
	// The doc's other uses of the word, and how it was tagged before.
	wf := cx.words[lw]
	for b := 0; b < 7; b++ {
		if wf&(1<<b) != 0 {
			fs = append(fs, fhash(fDoc, string(rune('a'+b))))
		}
	}
	if h := cx.hist[lw]; h != nil {
		best := 0
		for t := 1; t < 5; t++ {
			if h[t] > h[best] {
				best = t
			}
		}
		fs = append(fs, fhash(fHist, string(rune('0'+best))))
	}
	return fs
}

// neighbour appends the features of the token j next to a word: a
// lower-case common word by name, a capitalised word by shape and word
// lists, punctuation as written.
func (ac *actors) neighbour(d *doc, cx *tagCtx, j int, f, fl byte, fs []uint32) []uint32 {
	if j < 0 || j >= len(d.toks) {
		return append(fs, fhash(f, "^"))
	}
	t := d.toks[j]
	switch t.kind {
	case kWord:
		if !t.cap && !t.upper {
			if lw := d.lw(j); commonWord(lw) || len(lw) <= 3 {
				return append(fs, fhash(f, lw))
			}
			return append(fs, fhash(f, "lower"))
		}
		var sb [32]byte
		fs = append(fs, fhashCat(f, "C", string(shape(d.word(j), sb[:0]))))
		for _, c := range cx.lexOf(ac, d, j) {
			fs = append(fs, fhash(fl, string(c)))
		}
		if lw := d.lwBase(j); cx.commonOf(d, j) {
			fs = append(fs, fhash(fl, "w"+lw))
		}
		return fs
	case kPara:
		return append(fs, fhash(f, "¶"))
	default:
		return append(fs, fhash(f, d.text[t.s:t.e]))
	}
}

// score adds the weights of fs per tag into sc.
func (m *tagModel) score(fs []uint32, sc *[nTags]float32) {
	*sc = [nTags]float32{}
	for _, f := range fs {
		if o := m.lookup(f); o >= 0 {
			w := m.w[o : o+nTags]
			for t := range sc {
				sc[t] += w[t]
			}
		}
	}
}

// validNext reports whether tag t may follow tag prev: an inside tag only
// continues a name of its type.
func validNext(prev, t uint8) bool {
	if t == tagO || t%2 == 1 {
		return true
	}
	return prev == t || prev == t-1
}

// tag tags the tokens of d with m, greedily left to right. It returns
// the tags and, per token, how far the chosen tag's score is above
// outside's (how sure the tagger is that a name is there).
func (ac *actors) tag(m *tagModel, d *doc, title bool) ([]uint8, []float32) {
	tags := make([]uint8, len(d.toks))
	margin := make([]float32, len(d.toks))
	cx := ac.newTagCtx(d, title)
	fs := make([]uint32, 0, 96)
	var sc [nTags]float32
	for i := range d.toks {
		if !d.taggable(i) {
			continue
		}
		var prev uint8
		if i > 0 {
			prev = tags[i-1]
		}
		fs = ac.features(d, i, prev, cx, fs[:0])
		m.score(fs, &sc)
		best := bestTag(prev, &sc)
		tags[i] = best
		margin[i] = sc[best] - sc[tagO]
		cx.record(d, i, best)
	}
	return tags, margin
}

// bestTag returns the tag of highest score that may follow prev (an inside
// tag only after its own type), outside when none beats it.
func bestTag(prev uint8, sc *[nTags]float32) uint8 {
	best := uint8(tagO)
	for t := uint8(1); t < nTags; t++ {
		if validNext(prev, t) && sc[t] > sc[best] {
			best = t
		}
	}
	return best
}

// tagSpans returns the names the tags mark: [s, e) and type (1 PER ... 4 MISC).
type tagSpan struct {
	s, e int
	typ  uint8
}

func spansOf(tags []uint8) []tagSpan {
	var out []tagSpan
	for i := 0; i < len(tags); {
		if tags[i] == tagO {
			i++
			continue
		}
		typ := tagType(tags[i])
		e := i + 1
		for e < len(tags) && tags[e] == 2*typ {
			e++
		}
		out = append(out, tagSpan{s: i, e: e, typ: typ})
		i = e
	}
	return out
}
