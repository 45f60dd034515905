package bench

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ds := []time.Duration{5, 1, 4, 2, 3, 10, 9, 8, 7, 6}
	for _, c := range []struct {
		q    int
		want time.Duration
	}{{50, 5}, {95, 10}, {10, 1}, {100, 10}} {
		if got := p(ds, c.q); got != c.want {
			t.Errorf("p(%v, %d) = %d, want %d", ds, c.q, got, c.want)
		}
	}
}

// TestRunSmall runs the whole benchmark on two tiny corpora, so that the
// harness keeps working: it needs the sqlite3 shell and builds newsdex.
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds newsdex and runs it")
	}
	sqlite, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("no sqlite3 on PATH")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsdex")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/newsdex").CombinedOutput(); err != nil {
		t.Fatalf("build newsdex: %v: %s", err, out)
	}
	var out bytes.Buffer
	err = Run(context.Background(), Options{
		Newsdex: bin, SQLite: sqlite, Dir: dir, Sizes: []int{150, 300}, Seed: 3, Rounds: 1, FTSMax: 150, Out: &out,
	})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"query, 5 facets + snippets, top 10, p95 at 150",
		"same query vs FTS5 MATCH+GROUP BY+snippet, p95 at 150",
		"browse, no query, 6 facets, newest 10, p95 at 300",
		"peak RSS of newsdex index at 300",
		"index size / raw text (title+body) at 300",
		"re-run over unchanged 300 / first run",
		"index cost per article at 300 vs 150 (wall)",
		"the same in CPU time",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "FTS5 MATCH+GROUP BY+snippet, p95 at 300") {
		t.Errorf("FTS5 ran at 300, over FTSMax 150:\n%s", out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "gen-300.db")); err == nil {
		t.Error("gen-300.db exists, over FTSMax 150")
	}
}

func TestParseStatus(t *testing.T) {
	for _, c := range []struct {
		status string
		want   memPeak
	}{
		{"Name:\tnewsdex\nVmPeak:\t 3000000 kB\nVmHWM:\t  740036 kB\nVmRSS:\t  690248 kB\nRssAnon:\t  232680 kB\nRssFile:\t  457568 kB\n", memPeak{740036 << 10, 232680 << 10}},
		{"Name:\tnewsdex\nVmRSS:\t 1024 kB\n", memPeak{}},
		{"", memPeak{}},
	} {
		if got := parseStatus(c.status); got != c.want {
			t.Errorf("parseStatus(%q) = %+v, want %+v", c.status, got, c.want)
		}
	}
	if got := (memPeak{5, 1}).max(memPeak{3, 4}); got != (memPeak{5, 4}) {
		t.Errorf("max = %+v, want {5 4}", got)
	}
}
