package ingest

import (
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
// any year outside minYear-maxYear. Zone abbreviations that Go cannot place
// (EST, PDT, CET ...) are given their usual offsets.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 || allDigits(s) || !strings.ContainsAny(s, "0123456789") {
		return time.Time{}, false
	}
	// Machine dates go straight to their layouts.
	if s[0] >= '0' && s[0] <= '9' && len(s) >= 10 && (s[4] == '-' || s[4] == '/') {
		for _, layout := range isoLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return finishDate(t)
			}
		}
	}
	s = normaliseDate(s)
	layouts := wordLayouts
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		layouts = dayFirstLayouts
		if len(s) > 3 && (s[1] == '-' || s[2] == '-') {
			layouts = dashLayouts
		}
		if len(s) >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') {
			layouts = isoLayouts
		}
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			return finishDate(t)
		}
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

// The years a date may have. Before 1678 the index could not keep it as a
// date (bleve's datetimes are int64 nanoseconds from 1970, which reach back
// to 1677-09-21 only): such a date is kept as text, as one that could not
// be read. After 2200 a "date" is a typing error or not a date.
const minYear, maxYear = 1678, 2200

// finishDate fixes guessed zone offsets, checks the year and converts to UTC.
func finishDate(t time.Time) (time.Time, bool) {
	if name, off := t.Zone(); off == 0 && name != "" && name != "UTC" {
		if o, ok := zoneOffsets[strings.ToUpper(name)]; ok {
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(name, o))
		}
	}
	t = t.UTC()
	if y := t.Year(); y < minYear || y > maxYear {
		return time.Time{}, false
	}
	return t, true
}

// isoLayouts are tried on dates that begin with a four-digit year.
var isoLayouts = []string{
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
}

// dayFirstLayouts are tried on other dates that begin with a digit.
var dayFirstLayouts = []string{
	"2 January 2006",
	"2 Jan 2006",
	"2 January, 2006",
	"2 Jan, 2006",
	"2 January 2006 15:04",
	"2 January 2006 15:04 MST",
	"2 January 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 06 15:04:05 MST",
	"2 Jan 06 15:04:05 -0700",
}

// dashLayouts are tried on dates such as Reuters' "26-FEB-1987 15:01:01.79".
var dashLayouts = []string{
	"2-Jan-2006 15:04:05",
	"2-Jan-2006 15:04",
	"2-Jan-2006",
}

// wordLayouts are tried on dates that begin with a month name.
var wordLayouts = []string{
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan 2 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 3:04 PM MST",
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

var weekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true,
	"wed": true, "wednesday": true, "thu": true, "thur": true, "thurs": true, "thursday": true,
	"fri": true, "friday": true, "sat": true, "saturday": true, "sun": true, "sunday": true,
}

// monthAbbrevs are the abbreviations written with a full stop, or
// otherwise than Go writes them, mapped to Go's.
var monthAbbrevs = map[string]string{
	"jan": "Jan", "feb": "Feb", "mar": "Mar", "apr": "Apr", "jun": "Jun", "jul": "Jul",
	"aug": "Aug", "sep": "Sep", "sept": "Sep", "oct": "Oct", "nov": "Nov", "dec": "Dec",
}

// normaliseDate rewrites, word by word, the spellings that Go's layouts
// cannot express: it drops a leading weekday and an "at" before a time,
// turns "Jan." and "Sept" into "Jan" and "Sep", "18th" into "18" and "a.m."
// or "4:30pm" into "AM" and "4:30 PM", and folds runs of white space.
func normaliseDate(s string) string {
	words := strings.Fields(s)
	out := words[:0]
	for i, w := range words {
		trail := ""
		if n := len(w); n > 1 && w[n-1] == ',' {
			w, trail = w[:n-1], ","
		}
		lw := strings.ToLower(w)
		switch {
		case i == 0 && weekdays[strings.TrimSuffix(lw, ".")]:
			continue
		case lw == "at" && i > 0 && i+1 < len(words):
			continue
		case lw == "a.m." || lw == "am" || lw == "a.m":
			w = "AM"
		case lw == "p.m." || lw == "pm" || lw == "p.m":
			w = "PM"
		default:
			if m, ok := monthAbbrevs[strings.TrimSuffix(lw, ".")]; ok {
				w = m
			} else if d := ordinalDay(lw); d != "" {
				w = d
			} else if n := len(lw); n == len(w) && n > 2 && lw[n-2] != '.' && (strings.HasSuffix(lw, "am") || strings.HasSuffix(lw, "pm")) && lw[n-3] >= '0' && lw[n-3] <= '9' {
				out = append(out, w[:n-2])
				w = strings.ToUpper(lw[n-2:])
			} else if n == len(w) && n > 4 && (strings.HasSuffix(lw, "a.m.") || strings.HasSuffix(lw, "p.m.")) && lw[n-5] >= '0' && lw[n-5] <= '9' {
				out = append(out, w[:n-4])
				w = strings.ToUpper(lw[n-4:n-3]) + "M"
			}
		}
		out = append(out, w+trail)
	}
	return strings.Join(out, " ")
}

// ordinalDay returns "18" for "18th" (and "1st", "2nd", "3rd"), else "".
func ordinalDay(w string) string {
	n := len(w)
	if n < 3 || n > 4 {
		return ""
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
	default:
		return ""
	}
	if !allDigits(w[:n-2]) {
		return ""
	}
	return w[:n-2]
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
