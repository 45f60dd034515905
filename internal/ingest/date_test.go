package ingest

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339 in UTC, "" when it must be refused
	}{
		{"January 18, 2025", "2025-01-18T00:00:00Z"},
		{"18 January 2025", "2025-01-18T00:00:00Z"},
		{"Jan. 18, 2025", "2025-01-18T00:00:00Z"},
		{"Jan 18 2025", "2025-01-18T00:00:00Z"},
		{"Sept. 26, 2016", "2016-09-26T00:00:00Z"},
		{"Saturday, January 18th, 2025", "2025-01-18T00:00:00Z"},
		{"2025-01-18", "2025-01-18T00:00:00Z"},
		{"2025/01/18", "2025-01-18T00:00:00Z"},
		{"2025-01-18T10:30:00Z", "2025-01-18T10:30:00Z"},
		{"2025-01-18T23:30:00-05:00", "2025-01-19T04:30:00Z"},
		{"2025-01-18T01:30:00.123+02:00", "2025-01-17T23:30:00.123Z"},
		{"2025-01-18 10:30:00", "2025-01-18T10:30:00Z"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01.79Z"},
		{"Mon, 02 Jan 2006 15:04:05 MST", "2006-01-02T22:04:05Z"},
		{"Mon, 02 Jan 2006 15:04:05 GMT", "2006-01-02T15:04:05Z"},
		{"Mon, 02 Jan 2006 15:04:05 -0700", "2006-01-02T22:04:05Z"},
		{"January 18, 2025 10:30 a.m. EST", "2025-01-18T15:30:00Z"},
		{"January 18, 2025 at 4:30PM", "2025-01-18T16:30:00Z"},
		{"  18  January\u00a02025 ", "2025-01-18T00:00:00Z"},
		{"Mon Jan 2 15:04:05 2006", "2006-01-02T15:04:05Z"},
		{"", ""},
		{"yesterday", ""},
		{"sometime last spring", ""},
		{"1737158400", ""}, // a Unix time is not guessed at
		{"20250118", ""},   // nor a bare number
		{"03/04/2025", ""}, // day and month could be either
		{"0001-01-01", ""}, // out of range
		{"February 30, 2025", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			var gotS string
			if ok {
				gotS = got.Format(time.RFC3339Nano)
			}
			if gotS != tt.want {
				t.Errorf("ParseDate(%q) = %q, want %q", tt.in, gotS, tt.want)
			}
			if ok && got.Location() != time.UTC {
				t.Errorf("ParseDate(%q) location = %v, want UTC", tt.in, got.Location())
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"January 18, 2025", "2025-01-18T23:30:00-05:00", "26-FEB-1987 15:01:01.79",
		"Mon, 02 Jan 2006 15:04:05 MST", "Jan. 9, 2024", "3/4/2025", "12:00 pm", "Sept 31st"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDate(s)
		if !ok {
			if !got.IsZero() {
				t.Errorf("ParseDate(%q) = %v, false; want the zero time", s, got)
			}
			return
		}
		if got.Location() != time.UTC || got.Year() < minYear || got.Year() > maxYear {
			t.Errorf("ParseDate(%q) = %v, want a UTC time in minYear-maxYear", s, got)
		}
	})
}

func BenchmarkParseDate(b *testing.B) {
	inputs := []string{"2025-01-18", "2025-01-18T23:30:00-05:00", "January 18, 2025", "26-FEB-1987 15:01:01.79", "Mon, 02 Jan 2006 15:04:05 MST"}
	for i := 0; b.Loop(); i++ {
		ParseDate(inputs[i%len(inputs)])
	}
}
