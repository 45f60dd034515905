package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in                              string
		title, source, byline, date, dateText string
		body                                  string
	}{
		{
			name: "seed layout",
			in: "Dam talks resume\n\nDam talks resume\nDam talks resume / River Herald\nBy Herald staff January 18, 2025\n\n" +
				"Talks on the dam resumed on Friday.\u00a0\n\n\u00a0\n\n\"We are close,\" the envoy said.\n\n\u00a0\n\nNews\n\nDismiss",
			title: "Dam talks resume", source: "River Herald", byline: "Herald staff", date: "2025-01-18", dateText: "January 18, 2025",
			body: "Talks on the dam resumed on Friday.\n\n\"We are close,\" the envoy said.",
		},
		{
			name:  "title and body",
			in:    "Council delays vote.\n\nThe council postponed its vote.\n\nBy the end of the meeting, no date was set.",
			title: "Council delays vote.",
			body:  "The council postponed its vote.\n\nBy the end of the meeting, no date was set.",
		},
		{
			name:  "first paragraph starting with By is not a byline",
			in:    "Storm passes\n\nBy the time the storm passed, the pier was gone.\n\nRepairs start Monday.",
			title: "Storm passes",
			body:  "By the time the storm passed, the pier was gone.\n\nRepairs start Monday.",
		},
		{
			name:  "byline with separator and separate date line",
			in:    "Mill closes\nBY ANNA LIND |\nPublished: Jan. 9, 2024\n\nThe mill closed.\n",
			title: "Mill closes", byline: "ANNA LIND", date: "2024-01-09", dateText: "Jan. 9, 2024",
			body: "The mill closed.",
		},
		{
			name:  "byline with unreadable date keeps the text",
			in:    "Mill closes\nBy Anna Lind, 2024-13-45\n\nThe mill closed.\n",
			title: "Mill closes", byline: "Anna Lind", dateText: "2024-13-45",
			body: "The mill closed.",
		},
		{
			name:  "title with source only",
			in:    "Mill closes | Valley News\nMill closes\n\nThe mill closed.\n",
			title: "Mill closes", source: "Valley News",
			body: "The mill closed.",
		},
		{
			name:  "CRLF and hard-wrapped paragraph",
			in:    "Mill closes\r\n\r\nThe mill, which employed\r\n300 people, closed.\r\n\r\nWorkers protested.\r\n",
			title: "Mill closes",
			body:  "The mill, which employed\n300 people, closed.\n\nWorkers protested.",
		},
		{
			name:  "one paragraph a line",
			in:    "Mill closes\n\nThe mill closed.\nWorkers protested.\nThe owner said nothing.\n",
			title: "Mill closes",
			body:  "The mill closed.\n\nWorkers protested.\n\nThe owner said nothing.",
		},
		{
			name:  "short last lines with sentence punctuation are kept",
			in:    "Mill closes\n\nThe mill closed.\n\nStaunton Va.\n\nShare this article\n\nFollow us\n\n© 2024",
			title: "Mill closes",
			body:  "The mill closed.\n\nStaunton Va.",
		},
		{
			name:  "long last line without punctuation is kept",
			in:    "Mill closes\n\nThe mill closed.\n\nReporting by Anna Lind in Valmera and Tom Reyes in Port Selden",
			title: "Mill closes",
			body:  "The mill closed.\n\nReporting by Anna Lind in Valmera and Tom Reyes in Port Selden",
		},
		{name: "empty", in: " \n\u00a0\n"},
		{name: "title only", in: "Just a title", title: "Just a title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ParseText(tt.in)
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("ParseText(%q) %s = %q, want %q", tt.in, field, got, want)
				}
			}
			check("Title", a.Title, tt.title)
			check("Source", a.Source, tt.source)
			check("Byline", a.Byline, tt.byline)
			check("Date", a.DateString(), tt.date)
			check("DateText", a.DateText, tt.dateText)
			check("Body", a.Body, tt.body)
		})
	}
}

func TestToUTF8(t *testing.T) {
	tests := []struct {
		in   []byte
		want string
	}{
		{[]byte("\xef\xbb\xbfTitle\r\n"), "Title\n"},
		{[]byte("caf\xe9 \x93quoted\x94"), "café “quoted”"},
		{[]byte("\xff\xfeH\x00i\x00"), "Hi"},
		{[]byte("already ok ü"), "already ok ü"},
	}
	for _, tt := range tests {
		if got := toUTF8(tt.in); got != tt.want {
			t.Errorf("toUTF8(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"Title\n\nTitle / Source\nBy Name January 18, 2025\n\nBody.\n\nShare",
		"Title\n\nBody one.\nBody two.\nBody three.",
		"By \n\n\u00a0\n|",
		"A / B\nA\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		a := ParseText(s)
		if a.Title != strings.TrimSpace(a.Title) || strings.Contains(a.Title, "\n") {
			t.Errorf("ParseText(%q) Title = %q, want one trimmed line", s, a.Title)
		}
		if a.Body != strings.TrimSpace(a.Body) || strings.Contains(a.Body, "\n\n\n") {
			t.Errorf("ParseText(%q) Body = %q, want trimmed paragraphs separated by one blank line", s, a.Body)
		}
		if a.DateUnreadable() && !a.Date.IsZero() || !a.Date.IsZero() && a.DateText == "" {
			t.Errorf("ParseText(%q) Date = %v, DateText = %q: a date must come from its text", s, a.Date, a.DateText)
		}
		if a.Title == "" && a.Body != "" {
			t.Errorf("ParseText(%q) has a body but no title", s)
		}
	})
}
