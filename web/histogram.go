package web

import (
	"fmt"
	"slices"
	"time"

	"github.com/newsdex/newsdex/internal/search"
)

// Histogram is the date facet drawn as an inline SVG bar chart: one bar per
// month, or per year when the hits span more than maxMonthBars months. Each
// bar with hits links to the same search narrowed to its period.
type Histogram struct {
	Unit       string // "month" or "year"
	Bars       []Bar
	Max        int
	Width      int // of the SVG viewBox; the height is histogramHeight
	Height     int
	FirstLabel string
	LastLabel  string
	ClearHref  string // drops the date range; "" when there is none
}

// Bar is one period of a Histogram, in viewBox units.
type Bar struct {
	Label  string // "2025-01" or "2025"
	Count  int
	Href   string // "" for an empty period
	X, W   int
	Y, H   float64
	Active bool // the range currently filtered on is this period
}

const (
	maxMonthBars    = 60
	minMonthBars    = 24 // fewer periods are padded with empty ones around them, so that bars stay thin
	minYearBars     = 12
	histogramHeight = 100
	barStep         = 10
	barWidth        = 8
)

// histogram builds the chart from the date facet's values ("2025-01" with
// counts), filling empty periods between the first and the last so that the
// bars read as a timeline, and padding a short span with empty periods
// before it up to minMonthBars or minYearBars, so that the axis ends at the
// data. It returns nil when there is nothing to draw.
func histogram(values []search.FacetValue, p *params, path string) *Histogram {
	counts := map[time.Time]int{}
	var first, last time.Time
	for _, v := range values {
		t, err := time.Parse("2006-01", v.Value)
		if err != nil || v.Count <= 0 {
			continue // "missing" or a value the index did not write as a month
		}
		counts[t] += v.Count
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if last.IsZero() || t.After(last) {
			last = t
		}
	}
	if len(counts) == 0 {
		return nil
	}
	h := &Histogram{Unit: "month", Height: histogramHeight}
	months := (last.Year()-first.Year())*12 + int(last.Month()-first.Month()) + 1
	step := func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
	layout := "2006-01"
	if months > maxMonthBars {
		h.Unit, layout = "year", "2006"
		first = time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		step = func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }
		byYear := map[time.Time]int{}
		for t, n := range counts {
			byYear[time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)] += n
		}
		counts = byYear
	}
	n, minBars := months, minMonthBars
	back := func(t time.Time) time.Time { return t.AddDate(0, -1, 0) }
	if h.Unit == "year" {
		n, minBars = last.Year()-first.Year()+1, minYearBars
		back = func(t time.Time) time.Time { return t.AddDate(-1, 0, 0) }
	}
	// Pad before the data only: the axis ends at the last period with
	// hits (padding after it drew months the data never reached).
	for pad := 0; pad < minBars-n; pad++ {
		first = back(first)
	}
	bars := max(n, minBars)
	t := first
	for range bars {
		count := counts[t]
		label := t.Format(layout)
		b := Bar{Label: label, Count: count, Active: p.From == label && p.To == label}
		if count > 0 {
			b.Href = p.withRange(path, label, label)
		}
		h.Bars = append(h.Bars, b)
		h.Max = max(h.Max, count)
		t = step(t)
	}
	h.Width = len(h.Bars) * barStep
	for i := range h.Bars {
		b := &h.Bars[i]
		b.X, b.W = i*barStep+(barStep-barWidth)/2, barWidth
		if b.Count > 0 {
			b.H = max(2, float64(b.Count)/float64(h.Max)*float64(histogramHeight-4))
		}
		b.Y = float64(histogramHeight) - b.H
	}
	h.FirstLabel, h.LastLabel = h.Bars[0].Label, h.Bars[len(h.Bars)-1].Label
	if p.From != "" || p.To != "" {
		h.ClearHref = p.withRange(path, "", "")
	}
	return h
}

// Summary describes the chart for screen readers.
func (h *Histogram) Summary() string {
	busiest := slices.MaxFunc(h.Bars, func(a, b Bar) int { return a.Count - b.Count })
	return fmt.Sprintf("Hits by %s from %s to %s; the most, %d, in %s.", h.Unit, h.FirstLabel, h.LastLabel, busiest.Count, busiest.Label)
}
