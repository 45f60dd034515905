package index

import (
	"testing"
	"time"
)

func TestParseBound(t *testing.T) {
	for _, c := range []struct {
		in   string
		end  bool
		want string // YYYY-MM-DD, or "error"
	}{
		{"", false, "0001-01-01"},
		{"2025-02-14", false, "2025-02-14"},
		{"2025-02-14", true, "2025-02-14"},
		{"2025-02", false, "2025-02-01"},
		{"2025-02", true, "2025-02-28"},
		{"2024-02", true, "2024-02-29"},
		{"2025", false, "2025-01-01"},
		{"2025", true, "2025-12-31"},
		{"2025-2-1", false, "error"},
		{"25", false, "error"},
		{"2025-02-30", false, "error"},
		{"14 Feb 2025", false, "error"},
	} {
		got, err := ParseBound(c.in, c.end)
		s := got.Format(time.DateOnly)
		if err != nil {
			s = "error"
		}
		if s != c.want {
			t.Errorf("ParseBound(%q, %v) = %q, want %q", c.in, c.end, s, c.want)
		}
	}
}
