// Package bench measures newsdex against SQLite FTS5 on the same records
// and queries in one run, and prints each target of issue 5 with its
// figure, its limit and whether it is met.
//
// What it runs: the newsdex binary (`newsdex index`, a subprocess, so that
// its time and peak RSS are its own) and the sqlite3 command-line shell
// with FTS5 (porter tokenizer). Records come from a Reuters JSON Lines file
// when given and from corpusgen for each size. FTS5 loads the records from
// CSV written beforehand (its JSON parsing is not timed; newsdex's is, with
// extraction). Queries are single words, so that FTS5's implicit AND and
// bleve's OR mean the same thing: newsdex runs each with 5 term facets and
// highlighting, top 10; FTS5 runs the top 10 with snippet() and a GROUP BY
// country over all matches, the country being the first one newsdex's
// extractor found. Latencies are measured in process for newsdex (the index
// opened read-only) and with the shell's .timer for FTS5.
package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/corpusgen"
	"github.com/newsdex/newsdex/internal/gazetteer"
	"github.com/newsdex/newsdex/internal/pipeline"
)

// Options configures Run.
type Options struct {
	Newsdex string // the newsdex binary
	SQLite  string // the sqlite3 shell
	Dir     string // work folder: corpora, indexes, databases
	Reuters string // Reuters JSON Lines file; "" skips the Reuters target
	Sizes   []int  // generated corpus sizes; the first is the base of the per-article cost
	Seed    uint64
	Rounds  int // times each query runs
	// FTSMax is the largest size FTS5 runs at (0: every size): above it
	// the query comparison is left out, to save the extraction pass.
	FTSMax int
	Out    io.Writer
}

// Queries are the words searched by both engines: common in the generated
// corpus (drawn from the demo articles) and in news generally.
var Queries = []string{
	"drought", "minister", "election", "oil", "wheat", "prices", "government", "bank",
	"farmers", "exports", "talks", "water", "power", "vaccine", "tariff", "rice",
	"cocoa", "coffee", "steel", "protest",
}

// facets5 are the facets of the query target.
var facets5 = []string{index.FacetSpeaker, index.FacetActor, index.FacetCountry, index.FacetRegion, index.FacetSource}

// Target is one line of the report.
type Target struct {
	Name   string
	Figure string
	Limit  string
	Met    bool
}

// report prints the targets as a table.
func report(w io.Writer, ts []Target) {
	fmt.Fprintf(w, "\n%-58s %-44s %-10s %s\n", "target", "measured", "limit", "met")
	for _, t := range ts {
		met := "NO"
		if t.Met {
			met = "yes"
		}
		fmt.Fprintf(w, "%-58s %-44s %-10s %s\n", t.Name, t.Figure, t.Limit, met)
	}
}

// Run runs every measurement and prints the targets.
func Run(ctx context.Context, o Options) error {
	if o.Rounds <= 0 {
		o.Rounds = 5
	}
	var ts []Target
	if o.Reuters != "" {
		t, err := reutersLoad(ctx, o)
		if err != nil {
			return err
		}
		ts = append(ts, t)
	}
	var base *sizeResult
	for i, n := range o.Sizes {
		r, err := runSize(ctx, o, n)
		if err != nil {
			return err
		}
		ts = append(ts, r.targets...)
		if i == 0 {
			base = r
		} else {
			ratio := r.perArticle.Seconds() / base.perArticle.Seconds()
			cpuRatio := r.cpuPer.Seconds() / base.cpuPer.Seconds()
			ts = append(ts, Target{
				Name:   fmt.Sprintf("index cost per article at %d vs %d (wall)", n, base.n),
				Figure: fmt.Sprintf("%.0f us vs %.0f us: %.2fx", us(r.perArticle), us(base.perArticle), ratio),
				Limit:  "<= 1.3x", Met: ratio <= 1.3,
			}, Target{
				Name:   "  the same in CPU time (user+system)",
				Figure: fmt.Sprintf("%.0f us vs %.0f us: %.2fx", us(r.cpuPer), us(base.cpuPer), cpuRatio),
				Limit:  "<= 1.3x", Met: cpuRatio <= 1.3,
			})
		}
	}
	report(o.Out, ts)
	return nil
}

func us(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }
func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

// reutersLoad times `newsdex index` and an FTS5 load of the Reuters file.
func reutersLoad(ctx context.Context, o Options) (Target, error) {
	recs, _, err := readRecords(o.Reuters)
	if err != nil {
		return Target{}, err
	}
	csvPath := filepath.Join(o.Dir, "reuters.csv")
	if err := writeCSV(csvPath, recs, nil); err != nil {
		return Target{}, err
	}
	fts, err := ftsLoad(ctx, o, filepath.Join(o.Dir, "reuters.db"), csvPath)
	if err != nil {
		return Target{}, err
	}
	dir := filepath.Join(o.Dir, "reuters.index")
	os.RemoveAll(dir) // a first run, not a re-run
	run, err := newsdexIndex(ctx, o, dir, o.Reuters)
	if err != nil {
		return Target{}, err
	}
	ratio := run.took.Seconds() / fts.Seconds()
	fmt.Fprintf(o.Out, "reuters: %d records; newsdex index %.2fs, %.2fs of CPU (extraction included, peak RSS %d MB), FTS5 load %.2fs\n",
		len(recs), run.took.Seconds(), run.cpu.Seconds(), run.rss>>20, fts.Seconds())
	return Target{
		Name:   fmt.Sprintf("newsdex index Reuters (%d) vs FTS5 load", len(recs)),
		Figure: fmt.Sprintf("%.2fs vs %.2fs: %.1fx", run.took.Seconds(), fts.Seconds(), ratio),
		Limit:  "<= 3x", Met: ratio <= 3,
	}, nil
}

type sizeResult struct {
	n          int
	perArticle time.Duration // wall clock
	cpuPer     time.Duration // CPU time: steadier on a shared machine
	targets    []Target
}

// runSize generates n articles and measures every target at that size.
func runSize(ctx context.Context, o Options, n int) (*sizeResult, error) {
	corpus := filepath.Join(o.Dir, fmt.Sprintf("gen-%d-seed%d.jsonl", n, o.Seed))
	if _, err := os.Stat(corpus); err != nil {
		g, err := corpusgen.New(o.Seed)
		if err != nil {
			return nil, err
		}
		f, err := os.Create(corpus)
		if err != nil {
			return nil, err
		}
		if err := g.Write(f, n); err != nil {
			f.Close()
			return nil, err
		}
		if err := f.Close(); err != nil {
			return nil, err
		}
	}
	_, rawText, err := readRecords(corpus)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(o.Dir, fmt.Sprintf("gen-%d.index", n))
	os.RemoveAll(dir)
	first, err := newsdexIndex(ctx, o, dir, corpus)
	if err != nil {
		return nil, err
	}
	size, err := dirSize(dir)
	if err != nil {
		return nil, err
	}
	again, err := newsdexIndex(ctx, o, dir, corpus)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(o.Out, "gen %d: newsdex index %.1fs, %.1fs of CPU (%.0f articles/s, peak RSS %d MB), index %d MB for %d MB of text; re-run %.2fs\n",
		n, first.took.Seconds(), first.cpu.Seconds(), float64(n)/first.took.Seconds(), first.rss>>20, size>>20, rawText>>20, again.took.Seconds())

	// The same records, with the country newsdex extracted, for FTS5.
	fts := o.FTSMax == 0 || n <= o.FTSMax
	db := filepath.Join(o.Dir, fmt.Sprintf("gen-%d.db", n))
	if fts {
		csvPath := filepath.Join(o.Dir, fmt.Sprintf("gen-%d.csv", n))
		if err := extractCSV(ctx, corpus, csvPath); err != nil {
			return nil, err
		}
		ftsTook, err := ftsLoad(ctx, o, db, csvPath)
		if err != nil {
			return nil, err
		}
		os.Remove(csvPath)
		fmt.Fprintf(o.Out, "gen %d: FTS5 load %.1fs\n", n, ftsTook.Seconds())
	}

	qlat, blat, _, failed, err := timeQueries(ctx, dir, o.Rounds, o.Out, fmt.Sprintf("gen %d", n))
	if err != nil {
		return nil, err
	}
	var flat []time.Duration
	if fts {
		if flat, err = ftsQueries(ctx, o, db); err != nil {
			return nil, err
		}
	}
	qp95, fp95, bp95 := p(qlat, 95), p(flat, 95), p(blat, 95)
	fmt.Fprintf(o.Out, "gen %d: query p50 %.1f ms p95 %.1f ms; FTS5 p50 %.1f ms p95 %.1f ms; browse p50 %.1f ms p95 %.1f ms\n",
		n, ms(p(qlat, 50)), ms(qp95), ms(p(flat, 50)), ms(fp95), ms(p(blat, 50)), ms(bp95))

	ratio := float64(size) / float64(rawText)
	rerun := again.took.Seconds() / first.took.Seconds()
	res := &sizeResult{n: n, perArticle: first.took / time.Duration(n), cpuPer: first.cpu / time.Duration(n)}
	res.targets = []Target{
		{Name: fmt.Sprintf("query, 5 facets + snippets, top 10, p95 at %d", n), Figure: fmt.Sprintf("%.1f ms (%d failed)", ms(qp95), failed), Limit: "<= 20 ms", Met: ms(qp95) <= 20 && failed == 0},
		{Name: fmt.Sprintf("browse, no query, 6 facets, newest 10, p95 at %d", n), Figure: fmt.Sprintf("%.1f ms", ms(bp95)), Limit: "<= 100 ms", Met: ms(bp95) <= 100},
		{Name: fmt.Sprintf("peak RSS of newsdex index at %d", n), Figure: fmt.Sprintf("%d MB (heap and other anonymous: %d MB)", first.rss>>20, first.anon>>20), Limit: "<= 1 GB", Met: first.rss <= 1<<30},
		{Name: fmt.Sprintf("index size / raw text (title+body) at %d", n), Figure: fmt.Sprintf("%d MB / %d MB: %.2fx", size>>20, rawText>>20, ratio), Limit: "<= 2x", Met: ratio <= 2},
		{Name: fmt.Sprintf("re-run over unchanged %d / first run", n), Figure: fmt.Sprintf("%.2fs / %.1fs: %.1f%%", again.took.Seconds(), first.took.Seconds(), 100*rerun), Limit: "<= 5%", Met: rerun <= 0.05},
	}
	if fts {
		res.targets = append(res.targets[:1], append([]Target{{
			Name:   fmt.Sprintf("  same query vs FTS5 MATCH+GROUP BY+snippet, p95 at %d", n),
			Figure: fmt.Sprintf("%.1f ms vs %.1f ms: %.2fx", ms(qp95), ms(fp95), ms(qp95)/ms(fp95)),
			Limit:  "<= 1x", Met: qp95 <= fp95,
		}}, res.targets[1:]...)...)
	}
	return res, nil
}

// timeQueries opens the index in dir to read, builds its facet columns
// as newsdex serve does when it starts (Warm), and times the query target
// (each of Queries with 5 facets, top 10 with snippets, rounds times) and
// browsing (newest 10, no query, 4*rounds times). A search that fails
// (newsdex's search deadline, say) counts with the time it took, and is
// reported on out, each line starting with label. qcpu is the process's
// CPU time over the queries (0 where unknown): on a busy machine it moves
// far less than their wall-clock times.
func timeQueries(ctx context.Context, dir string, rounds int, out io.Writer, label string) (qlat, blat []time.Duration, qcpu time.Duration, failed int, err error) {
	ix, err := index.Open(dir, index.Options{Labeler: gazetteer.Default(), ReadOnly: true})
	if err != nil {
		return nil, nil, 0, 0, err
	}
	defer ix.Close()
	warmStart := time.Now()
	if err := ix.Warm(ctx); err != nil {
		return nil, nil, 0, 0, err
	}
	fmt.Fprintf(out, "%s: facet columns built in %.2fs (as newsdex serve does when it starts)\n", label, time.Since(warmStart).Seconds())
	cpu0 := selfCPU()
	for r := 0; r < rounds; r++ {
		for _, q := range Queries {
			start := time.Now()
			res, err := ix.Search(ctx, index.Request{Query: q, Limit: 10, Facets: facets5})
			qlat = append(qlat, time.Since(start))
			if err != nil {
				failed++
				fmt.Fprintf(out, "%s: query %q failed after %s: %v\n", label, q, time.Since(start).Round(time.Millisecond), err)
				continue
			}
			if r == 0 && q == Queries[0] && len(res.Hits) > 0 {
				marked := false
				for _, h := range res.Hits {
					marked = marked || strings.Contains(h.Snippet, "<mark>")
				}
				if !marked {
					return nil, nil, 0, 0, fmt.Errorf("query %q: no snippet with <mark>", q)
				}
			}
		}
	}
	qcpu = selfCPU() - cpu0
	// Browsing lists the newest articles first, as the web pages do.
	for r := 0; r < rounds*4; r++ {
		start := time.Now()
		_, err := ix.Search(ctx, index.Request{Limit: 10, Sort: index.SortDateDesc})
		blat = append(blat, time.Since(start))
		if err != nil {
			failed++
			fmt.Fprintf(out, "%s: browse failed: %v\n", label, err)
		}
	}
	return qlat, blat, qcpu, failed, nil
}

// TimeIndex times the query target and browsing on an index built
// before (by a run of Run, say), with the same searches as Run, and
// prints their percentiles: a quick check of a change to searching,
// without building corpora or FTS5 databases.
func TimeIndex(ctx context.Context, dir string, rounds int, out io.Writer) error {
	qlat, blat, qcpu, failed, err := timeQueries(ctx, dir, rounds, out, dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: query p50 %.1f ms p95 %.1f ms (CPU %.1f ms a query); browse p50 %.1f ms p95 %.1f ms; %d failed\n",
		dir, ms(p(qlat, 50)), ms(p(qlat, 95)), ms(qcpu)/float64(max(len(qlat), 1)), ms(p(blat, 50)), ms(p(blat, 95)), failed)
	return nil
}

// p returns the q-th percentile (nearest rank) of ds.
func p(ds []time.Duration, q int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*q + 99) / 100
	if i < 1 {
		i = 1
	}
	return s[i-1]
}

type record struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	Body   string `json:"body"`
}

// readRecords reads a JSON Lines file and the bytes of its titles and bodies.
func readRecords(path string) ([]record, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	var out []record
	var text int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, 0, fmt.Errorf("read %s: %w", path, err)
		}
		text += int64(len(r.Title) + len(r.Body))
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("read %s: %w", path, err)
	}
	return out, text, nil
}

// writeCSV writes records as CSV with a header, with a country column
// when countries is not nil.
func writeCSV(path string, recs []record, countries map[string]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(bufio.NewWriterSize(f, 1<<20))
	w.Write([]string{"id", "title", "body", "date", "source", "country"})
	for _, r := range recs {
		w.Write([]string{r.ID, r.Title, r.Body, r.Date, r.Source, countries[r.ID]})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// extractCSV extracts every article of a JSON Lines file and writes the
// CSV FTS5 loads, with each article's first country.
func extractCSV(ctx context.Context, corpus, csvPath string) error {
	f, err := os.Create(csvPath)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	w.Write([]string{"id", "title", "body", "date", "source", "country"})
	p := &pipeline.Pipeline{Chunk: 1000}
	err = p.Run(ctx, pipeline.Paths([]string{corpus}), func(chunk []*article.Article) error {
		for _, a := range chunk {
			c := ""
			if len(a.Countries) > 0 {
				c = a.Countries[0].Code
			}
			w.Write([]string{a.ID, a.Title, a.Body, a.DateString(), a.Source, c})
		}
		return nil
	})
	w.Flush()
	if err == nil {
		err = w.Error()
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("extract %s: %w", corpus, err)
	}
	return nil
}

// ftsLoad creates an FTS5 database from a CSV file and returns the time
// the sqlite3 shell took.
func ftsLoad(ctx context.Context, o Options, db, csvPath string) (time.Duration, error) {
	os.Remove(db)
	script := fmt.Sprintf(`CREATE VIRTUAL TABLE a USING fts5(id UNINDEXED, title, body, date UNINDEXED, source UNINDEXED, country UNINDEXED, tokenize='porter unicode61');
.import --csv --skip 1 %s a
`, csvPath)
	cmd := exec.CommandContext(ctx, o.SQLite, db)
	cmd.Stdin = strings.NewReader(script)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	took := time.Since(start)
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		return 0, fmt.Errorf("sqlite3 load %s: %v: %s", csvPath, err, out)
	}
	return took, nil
}

var runTime = regexp.MustCompile(`Run Time: real ([0-9.]+)`)

// ftsQueries runs each query's two statements in one shell with .timer on
// and returns each query's time (the sum of its two statements).
func ftsQueries(ctx context.Context, o Options, db string) ([]time.Duration, error) {
	var b strings.Builder
	b.WriteString(".timer on\n.output /dev/null\n")
	for r := 0; r < o.Rounds; r++ {
		for _, q := range Queries {
			fmt.Fprintf(&b, "SELECT id, title, snippet(a, 2, '<mark>', '</mark>', '…', 24) FROM a WHERE a MATCH '%s' ORDER BY rank LIMIT 10;\n", q)
			fmt.Fprintf(&b, "SELECT country, count(*) FROM a WHERE a MATCH '%s' GROUP BY country ORDER BY 2 DESC LIMIT 10;\n", q)
		}
	}
	cmd := exec.CommandContext(ctx, o.SQLite, db)
	cmd.Stdin = strings.NewReader(b.String())
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("sqlite3 queries: %v: %s", err, out)
	}
	m := runTime.FindAllStringSubmatch(string(out), -1)
	if len(m) != 2*o.Rounds*len(Queries) {
		return nil, fmt.Errorf("sqlite3 queries: %d timings, want %d: %.500s", len(m), 2*o.Rounds*len(Queries), out)
	}
	var lat []time.Duration
	for i := 0; i < len(m); i += 2 {
		a, _ := strconv.ParseFloat(m[i][1], 64)
		c, _ := strconv.ParseFloat(m[i+1][1], 64)
		lat = append(lat, time.Duration((a+c)*float64(time.Second)))
	}
	return lat, nil
}

type indexRun struct {
	took time.Duration
	rss  int64 // peak resident set, mapped index files included
	anon int64 // peak anonymous resident memory, polled; 0 when unknown
	cpu  time.Duration
}

// newsdexIndex runs `newsdex index` on a corpus.
func newsdexIndex(ctx context.Context, o Options, dir, corpus string) (*indexRun, error) {
	cmd := exec.CommandContext(ctx, o.Newsdex, "--index", dir, "index", "--progress", "never", corpus)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("newsdex index %s: %w", corpus, err)
	}
	// Poll the process's peak RSS (VmHWM) and its anonymous memory (heap)
	// apart from the mapped index files, which the peak RSS includes and
	// the kernel may drop at will. The peak is not taken from the
	// process's rusage: Go starts commands with vfork, and Linux counts
	// the parent's resident memory at the exec in the child's ru_maxrss
	// (this benchmark holds the corpus: at 1M articles that read as 2.4 GB
	// for an indexer whose own peak was 0.7 GB).
	done := make(chan struct{})
	peaks := make(chan memPeak, 1)
	go func() {
		var peak memPeak
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)); err == nil {
				peak = peak.max(parseStatus(string(b)))
			}
			select {
			case <-done:
				peaks <- peak
				return
			case <-t.C:
			}
		}
	}()
	err := cmd.Wait()
	took := time.Since(start)
	close(done)
	peak := <-peaks
	if err != nil {
		return nil, fmt.Errorf("newsdex index %s: %v: %s", corpus, err, out.String())
	}
	fmt.Fprintf(o.Out, "  %s", out.String())
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	rss := peak.hwm
	if rss == 0 { // no /proc: the rusage, which may include this process
		rss = maxRSS(cmd.ProcessState)
	}
	return &indexRun{took: took, rss: rss, anon: peak.anon, cpu: cpu}, nil
}

// memPeak is the largest peak RSS (VmHWM) and anonymous RSS seen, in bytes.
type memPeak struct{ hwm, anon int64 }

func (p memPeak) max(q memPeak) memPeak {
	return memPeak{max(p.hwm, q.hwm), max(p.anon, q.anon)}
}

// parseStatus reads VmHWM and RssAnon from the text of /proc/PID/status
// (Linux); fields it lacks are 0.
func parseStatus(status string) memPeak {
	var p memPeak
	for _, line := range strings.Split(status, "\n") {
		for key, dst := range map[string]*int64{"VmHWM:": &p.hwm, "RssAnon:": &p.anon} {
			if v, ok := strings.CutPrefix(line, key); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				*dst = kb * 1024
			}
		}
	}
	return p
}

// dirSize is the bytes of the regular files below dir.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	return n, err
}
