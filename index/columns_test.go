package index

import (
	"context"
	"testing"
)

// TestWarm checks that Warm leaves every segment's columns built.
func TestWarm(t *testing.T) {
	x := mustMemory(t, nil)
	putAll(t, x, genArticles(200, 3), 50)
	if err := x.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(x.cols.segs) == 0 {
		t.Fatal("Warm built no columns")
	}
	for s, sc := range x.cols.segs {
		if len(sc.kinds) != 2 || len(sc.fused) == 0 {
			t.Errorf("segment of %d documents: %d kinds, %d fused rows after Warm", s.Count(), len(sc.kinds), len(sc.fused))
		}
	}
}
