package main

import "testing"

func TestSplit(t *testing.T) {
	data := []byte("-DOCSTART- -X- O\n\na O\n\n-DOCSTART- -X- O\n\nb O\n\n-DOCSTART- -X- O\n\nc O\n\n-DOCSTART- -X- O\n\nd O\n")
	tests := []struct {
		part        float64
		train, rest string
	}{
		{1, string(data), ""},
		{0.5, "-DOCSTART- -X- O\n\na O\n\n-DOCSTART- -X- O\n\nb O\n\n", "-DOCSTART- -X- O\n\nc O\n\n-DOCSTART- -X- O\n\nd O\n"},
		{0.8, "-DOCSTART- -X- O\n\na O\n\n-DOCSTART- -X- O\n\nb O\n\n-DOCSTART- -X- O\n\nc O\n\n", "-DOCSTART- -X- O\n\nd O\n"},
	}
	for _, tt := range tests {
		train, rest := split(data, tt.part)
		if string(train) != tt.train || string(rest) != tt.rest {
			t.Errorf("split(%v) = %q, %q; want %q, %q", tt.part, train, rest, tt.train, tt.rest)
		}
	}
}
