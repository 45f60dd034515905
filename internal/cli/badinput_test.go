package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdex/newsdex/index"
	"github.com/newsdex/newsdex/internal/ingest"
	"github.com/newsdex/newsdex/internal/search"
)

// goodText is a plain-text article by the team; n makes titles distinct.
func goodText(n int, topic string) string {
	return fmt.Sprintf(`Harbour authority %d reports record %s traffic

By Ines Carvalho March %d, 2025

The harbour authority said on Monday that %s traffic rose for the third year running, as new cranes cut the time ships spend at berth.

"We handled more %s this quarter than in any before it," the authority's director, Tomas Lind, said.
`, n, topic, n%28+1, topic, topic)
}

// badFile is one input of the bad-input corpus: its name, what the
// report must say about it ("" when it must index cleanly), and how many
// articles it must add.
type badFile struct {
	name     string
	reason   string // substring of the reported error
	articles int
}

// writeBadCorpus writes good articles mixed with every kind of bad input
// into dir and returns what each file must give.
func writeBadCorpus(t *testing.T, dir string) []badFile {
	t.Helper()
	write := func(name string, b []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var files []badFile
	for i, topic := range []string{"container", "grain", "ferry"} {
		name := fmt.Sprintf("good/%d.txt", i)
		write(name, []byte(goodText(i, topic)))
		files = append(files, badFile{name: name, articles: 1})
	}
	write("good/page.html", []byte(`<!DOCTYPE html><html><head><title>Rail freight line reopens after floods</title></head>
<body><article><h1>Rail freight line reopens after floods</h1>
<p>The freight line between the two river ports reopened on Thursday, three weeks after floods washed away a section of embankment near the border crossing.</p>
<p>"Trains are running on a single track while we finish the second," the rail operator's spokeswoman, Marit Olsen, said. Engineers expect full service by the end of the month.</p>
<p>Exporters said the closure had forced them to move grain by road at twice the cost, and that some contracts had been lost to rival ports along the coast.</p>
</article></body></html>`))
	files = append(files, badFile{name: "good/page.html", articles: 1})

	// Windows-1252: curly quotes, a euro sign and accented letters.
	write("enc/cp1252.txt", []byte("Caf\xe9 owners in Li\xe8ge protest \x80 rise\n\n\x93We cannot pay this,\x94 said Ren\xe9e Dubois, who runs a caf\xe9 near the station.\n"))
	files = append(files, badFile{name: "enc/cp1252.txt", articles: 1})
	// Latin-1 (ISO 8859-1).
	write("enc/latin1.txt", []byte("S\xe3o Paulo and Z\xfcrich sign a trade pact\n\nThe mayors of S\xe3o Paulo and Z\xfcrich signed the pact in Z\xfcrich on Friday, officials said.\n"))
	files = append(files, badFile{name: "enc/latin1.txt", articles: 1})
	// UTF-8 with one stray byte: the UTF-8 must survive.
	write("enc/mostly-utf8.txt", []byte("Kraków budget vote delayed\n\nThe council in Kraków delayed its vote \xff again; the mayor, Łukasz Nowak, said talks would resume.\n"))
	files = append(files, badFile{name: "enc/mostly-utf8.txt", articles: 1})

	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7)
	}
	write("bad/binary.txt", bin)
	files = append(files, badFile{name: "bad/binary.txt", reason: "binary data"})
	write("bad/data.bin", bin)
	files = append(files, badFile{name: "bad/data.bin", reason: ingest.ErrUnsupported.Error()})
	write("bad/empty.txt", nil)
	files = append(files, badFile{name: "bad/empty.txt", reason: "no title or body"})
	write("bad/nobody.html", []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"></head></html>`))
	files = append(files, badFile{name: "bad/nobody.html", reason: "html"})

	var jl strings.Builder
	for i, topic := range []string{"wheat", "barley"} {
		fmt.Fprintf(&jl, `{"id":"jl-%d","title":"Port of Gdansk ships record %s","body":"Exports of %s through Gdansk rose by a fifth, the port said."}`+"\n", i, topic, topic)
	}
	jl.WriteString(`{"id":"jl-broken","title":"Half a line","body":"cut off in the mid` + "\n")
	fmt.Fprintf(&jl, `{"id":"jl-2","title":"Port of Gdansk ships record rye","body":"Exports of rye through Gdansk rose, the port said."}`+"\n")
	write("bad/records.jsonl", []byte(jl.String()))
	files = append(files, badFile{name: "bad/records.jsonl", reason: "records.jsonl:3", articles: 3})

	// 100 MB of text: indexed with its body cut at MaxBodyBytes, flagged.
	big, err := os.Create(filepath.Join(dir, "bad/big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(big, 1<<20)
	w.WriteString("Customs log of the northern border post\n\n")
	line := strings.Repeat("Lorry cleared at the northern post after inspection of its papers. ", 15) + "\n\n"
	for w.Buffered()+0 >= 0 {
		if st, _ := big.Stat(); st.Size() >= 100<<20 {
			break
		}
		w.WriteString(line)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	big.Close()
	files = append(files, badFile{name: "bad/big.txt", reason: "body cut", articles: 1})

	// A symbolic link to itself, and one to the folder above (a cycle that
	// must not be followed twice).
	if err := os.Symlink("loop.txt", filepath.Join(dir, "bad/loop.txt")); err != nil {
		t.Fatal(err)
	}
	files = append(files, badFile{name: "bad/loop.txt", reason: "too many levels of symbolic links"})
	if err := os.Symlink("..", filepath.Join(dir, "good/up")); err != nil {
		t.Fatal(err)
	}

	if os.Geteuid() != 0 {
		// root reads a file of mode 000 anyway; ingest's own tests cover
		// the error path with a failing fs.FS.
		write("bad/secret.txt", []byte(goodText(9, "secret")))
		if err := os.Chmod(filepath.Join(dir, "bad/secret.txt"), 0); err != nil {
			t.Fatal(err)
		}
		files = append(files, badFile{name: "bad/secret.txt", reason: "permission denied"})
	}
	return files
}

// TestIndexBadCorpus indexes a folder mixing good articles with every kind
// of bad input: the good ones are all indexed, encodings converted, each
// bad one reported on stderr and in --errors with its file (and line) and
// reason, the summary counts them, and the exit code is 0 (1 with
// --strict).
func TestIndexBadCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 100 MB file")
	}
	src := t.TempDir()
	files := writeBadCorpus(t, src)
	dir := filepath.Join(t.TempDir(), "idx")
	errFile := filepath.Join(t.TempDir(), "errors.jsonl")
	_, stderr, code := run(t, "--index", dir, "index", "--errors", errFile, src)
	if code != 0 {
		t.Fatalf("index: exit %d, want 0\n%s", code, stderr)
	}
	t.Logf("stderr:\n%s", stderr)

	want, bad := 0, 0
	for _, f := range files {
		want += f.articles
		if f.reason == "" {
			continue
		}
		if f.reason != ingest.ErrUnsupported.Error() {
			bad++
		}
		found := false
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, filepath.Join(src, f.name)) && strings.Contains(l, f.reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("stderr does not report %s with %q", f.name, f.reason)
		}
	}
	if s := fmt.Sprintf("indexed %s (", count(want, "article")); !strings.Contains(stderr, s) {
		t.Errorf("summary lacks %q", s)
	}
	if s := fmt.Sprintf("bad files, lines or records (reported above): %d\n", bad); !strings.Contains(stderr, s) {
		t.Errorf("summary lacks %q", s)
	}

	recs := readErrorRecords(t, errFile)
	if len(recs) != bad+1 { // + the skipped .bin
		t.Errorf("--errors holds %d records, want %d: %v", len(recs), bad+1, recs)
	}
	for _, r := range recs {
		if r["file"] == filepath.Join(src, "bad/records.jsonl") && r["line"] != float64(3) {
			t.Errorf("--errors record for the broken JSONL line = %v, want line 3", r)
		}
		if r["file"] == "" || r["error"] == "" {
			t.Errorf("--errors record %v lacks file or error", r)
		}
	}

	ix, err := index.Open(dir, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, title := range map[string]string{
		`title:liège`:     "Café owners in Liège protest € rise",
		`title:paulo`:     "São Paulo and Zürich sign a trade pact",
		`title:kraków`:    "Kraków budget vote delayed",
		`title:customs`:   "Customs log of the northern border post",
		`title:barley`:    "Port of Gdansk ships record barley",
		`title:rye`:       "Port of Gdansk ships record rye",
		`title:freight`:   "Rail freight line reopens after floods",
		`title:ferry`:     "Harbour authority 2 reports record ferry traffic",
		`title:grain`:     "Harbour authority 1 reports record grain traffic",
		`title:container`: "Harbour authority 0 reports record container traffic",
	} {
		res, err := ix.Search(context.Background(), search.Request{Query: q, Limit: 2})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(res.Hits) != 1 || res.Hits[0].Title != title {
			t.Errorf("Search(%q) = %v, want one hit titled %q", q, res.Hits, title)
		}
	}
	res, err := ix.Search(context.Background(), search.Request{Query: `"dubois"`, Limit: 1})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("Search(dubois) = %v, %v", res, err)
	}
	a, err := ix.Article(context.Background(), res.Hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if w := "“We cannot pay this,” said Renée Dubois"; !strings.Contains(a.Body, w) {
		t.Errorf("Windows-1252 body = %q, want it to contain %q", a.Body, w)
	}
	res, err = ix.Search(context.Background(), search.Request{Query: `title:customs`, Limit: 1})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("Search(customs log) = %v, %v", res, err)
	}
	if a, err = ix.Article(context.Background(), res.Hits[0].ID); err != nil {
		t.Fatal(err)
	}
	if len(a.Body) > ingest.MaxBodyBytes || len(a.Body) < ingest.MaxBodyBytes/2 {
		t.Errorf("100 MB file: body of %d bytes, want at most MaxBodyBytes (%d) and over half of it", len(a.Body), ingest.MaxBodyBytes)
	}

	_, _, code = run(t, "--index", filepath.Join(t.TempDir(), "idx2"), "index", "--strict", filepath.Join(src, "bad", "records.jsonl"))
	if code != 1 {
		t.Errorf("index --strict over a broken JSONL line: exit %d, want 1", code)
	}
}

func readErrorRecords(t *testing.T, path string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("--errors line %q: %v", l, err)
		}
		recs = append(recs, r)
	}
	return recs
}
