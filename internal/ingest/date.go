package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// ParseDate reads a date in one of the forms news uses and returns it in UTC.
//
// It first normalises the text (leading weekday dropped, "Jan." and "Sept"
// to "Jan" and "Sep", "18th" to "18", "a.m." to "AM", " at " between date
// and time dropped) and tries an explicit list of layouts: ISO 8601 and RFC
// 3339, "January 18, 2025", "18 January 2025", "Jan 18 2025",
// "2025/01/18", RFC 1123 and 822, Reuters' "26-FEB-1987 15:01:01.79" and
// the Unix date form, each optionally with a time. Only when none fits does
// it ask github.com/araddon/dateparse, in strict mode so that a day and
// month that could be read either way ("03/04/2025") are refused rather than
// guessed. Bare numbers (Unix times, "20250118") are refused too, and so is
// any year outside 1000-2200. Zone abbreviations that Go cannot place
// (EST, PDT, CET ...) are given their usual offsets.
func ParseDate(s string) (time.Time, bool) {
	s = normaliseDate(s)
	if s == "" || len(s) > 80 || allDigits(s) {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return finishDate(t)
		}
	}
	if !strings.ContainsAny(s, "0123456789") {
		return time.Time{}, false
	}
	t, err := strictParse(s)
	if err != nil {
		return time.Time{}, false
	}
	return finishDate(t)
}

// strictParse calls dateparse.ParseStrict, turning a panic inside it (seen
// on odd input in older versions) into an error.
func strictParse(s string) (t time.Time, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errUnreadableDate
		}
	}()
	return dateparse.ParseStrict(s, dateparse.RetryAmbiguousDateWithSwap(false))
}

// finishDate fixes guessed zone offsets, checks the year and converts to UTC.
func finishDate(t time.Time) (time.Time, bool) {
	if name, off := t.Zone(); off == 0 && name != "" && name != "UTC" {
		if o, ok := zoneOffsets[strings.ToUpper(name)]; ok {
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(name, o))
		}
	}
	t = t.UTC()
	if y := t.Year(); y < 1000 || y > 2200 {
		return time.Time{}, false
	}
	return t, true
}

// dateLayouts are tried in order on normalised text.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006.01.02",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan 2 2006",
	"2 January 2006",
	"2 Jan 2006",
	"2 January, 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 3:04 PM MST",
	"January 2, 2006 3:04PM",
	"January 2, 2006 15:04 MST",
	"January 2, 2006 15:04:05",
	"January 2, 2006, 3:04 PM",
	"January 2, 2006, 3:04 PM MST",
	"January 2, 2006, 15:04",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006 3:04 PM MST",
	"Jan 2, 2006 15:04 MST",
	"Jan 2, 2006 15:04:05",
	"Jan 2, 2006, 3:04 PM",
	"Jan 2, 2006, 3:04 PM MST",
	"2 January 2006 15:04",
	"2 January 2006 15:04 MST",
	"2 Jan 2006 15:04",
	"2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 06 15:04:05 MST",
	"2 Jan 06 15:04:05 -0700",
	"2-Jan-2006 15:04:05",
	"2-Jan-2006 15:04",
	"2-Jan-2006",
	"Jan 2 15:04:05 MST 2006",
	"Jan 2 15:04:05 -0700 2006",
	"Jan 2 15:04:05 2006",
}

// zoneOffsets are the usual offsets, in seconds, of zone abbreviations that
// news dates carry and that Go leaves at offset zero.
var zoneOffsets = map[string]int{
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
	"AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
	"BST": 3600, "CET": 3600, "CEST": 2 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
	"WET": 0, "WEST": 3600, "MSK": 3 * 3600, "IST": 5*3600 + 1800,
	"JST": 9 * 3600, "KST": 9 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600,
	"AEST": 10 * 3600, "AEDT": 11 * 3600, "NZST": 12 * 3600, "NZDT": 13 * 3600,
}

var (
	weekdayRE  = regexp.MustCompile(`(?i)^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?\.?,?\s+`)
	monthDotRE = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.`)
	septRE     = regexp.MustCompile(`(?i)\bsept\b`)
	ordinalRE  = regexp.MustCompile(`(?i)\b(\d{1,2})(st|nd|rd|th)\b`)
	meridiemRE = regexp.MustCompile(`(?i)(\d)\s*([ap])\.?m\b\.?`)
	atRE       = regexp.MustCompile(`(?i)(\d)\s*,?\s+at\s+(\d)`)
	spaceRE    = regexp.MustCompile(`\s+`)
)

// normaliseDate rewrites the spellings that Go's layouts cannot express.
func normaliseDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if strings.ContainsAny(s, "\t\n\r\u00a0") || strings.Contains(s, "  ") {
		s = spaceRE.ReplaceAllString(strings.ReplaceAll(s, "\u00a0", " "), " ")
	}
	if !hasLetter(s) {
		return s
	}
	s = weekdayRE.ReplaceAllString(s, "")
	s = monthDotRE.ReplaceAllString(s, "$1")
	s = septRE.ReplaceAllString(s, "Sep")
	s = ordinalRE.ReplaceAllString(s, "$1")
	s = atRE.ReplaceAllString(s, "$1 $2")
	s = meridiemRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := meridiemRE.FindStringSubmatch(m)
		return sub[1] + " " + strings.ToUpper(sub[2]) + "M"
	})
	s = strings.TrimSpace(s)
	return s
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
