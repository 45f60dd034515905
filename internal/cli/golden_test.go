package cli

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/demo"
	"github.com/newsdex/newsdex/internal/ingest"
	"github.com/newsdex/newsdex/internal/pipeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenDir holds one extraction golden file per demo article.
const goldenDir = "../../testdata/golden/demo"

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// TestDemoGolden extracts the embedded demo corpus and compares every
// article, with all it extracted, to its golden file. Run with -update to
// rewrite them after a deliberate change, and read the diff.
func TestDemoGolden(t *testing.T) {
	var arts []*article.Article
	p := &pipeline.Pipeline{OnError: func(e *ingest.Error) { t.Errorf("demo corpus: %v", e) }}
	err := p.Run(context.Background(), pipeline.FS(demo.FS(), "."), func(chunk []*article.Article) error {
		arts = append(arts, chunk...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 40 {
		t.Fatalf("demo corpus has %d articles, want at least 40", len(arts))
	}
	if *update {
		os.RemoveAll(goldenDir)
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	for _, a := range arts {
		name := unsafeName.ReplaceAllString(a.File+"__"+a.ID, "_") + ".json"
		if seen[name] {
			t.Errorf("two demo articles share the golden name %s", name)
		}
		seen[name] = true
		got, err := json.MarshalIndent(a, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(goldenDir, name)
		if *update {
			if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go test ./internal/cli -run TestDemoGolden -update)", a.File, err)
			continue
		}
		if string(want) != string(got)+"\n" {
			t.Errorf("%s: extraction differs from %s (rerun with -update and review the diff)", a.File, path)
		}
	}
}
