package identity

import (
	"fmt"
	"testing"
)

// BenchmarkCanonical looks up the forms of a table of 20,000 names, as a
// facet of that many values does.
func BenchmarkCanonical(b *testing.B) {
	counts := map[string]Count{}
	var forms []string
	for i := range 20000 {
		f := fmt.Sprintf("Given%d Surname%d", i%97, i)
		counts[f] = p(1 + i%5)
		counts[fmt.Sprintf("Surname%d", i)] = p(1)
		forms = append(forms, f, fmt.Sprintf("Surname%d", i), fmt.Sprintf("Acme %d Corp", i))
	}
	t := Resolve(counts)
	b.ResetTimer()
	for b.Loop() {
		for _, f := range forms {
			t.Canonical(f)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(forms)), "ns/lookup")
}
