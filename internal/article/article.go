// Package article holds newsdex's domain types: an Article with the quotes,
// countries, regions and actors extracted from it. It depends on the standard
// library only; every other package speaks in these types.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// DateLayout is the form dates take in newsdex's JSON output.
const DateLayout = "2006-01-02"

// Actor types.
const (
	Person       = "person"
	Organization = "organization"
)

// Article is one news article as read from its source and, once extracted,
// with everything newsdex found in it.
type Article struct {
	ID     string    // the record's id, else its URL, else a hash of title and body
	File   string    // the path as given on the command line ("-" for stdin)
	Title  string    //
	Source string    // publisher or site name
	Byline string    // author(s), as printed
	URL    string    //
	Date   time.Time // publication date in UTC; zero when unknown
	// DateText is the date as found in the input. When it is set and Date is
	// zero, the date could not be read: it is left empty and counted, never
	// guessed.
	DateText string
	Body     string // paragraphs separated by "\n\n"
	// Lang is the article's language as an ISO 639-1 code ("en", "de"), or
	// "" when unknown. Ingest sets it from what the input declares (a
	// record's lang field, an HTML page's lang attribute); extraction
	// checks that against the text and detects it when none was declared.
	Lang string

	Quotes    []Quote
	Countries []Country // ordered by salience, most salient first
	Regions   []string  // UN M49 regions and sub-regions (and "Middle East"), most salient first
	Actors    []Actor   // people and organisations, most mentioned first
	Speakers  []string  // distinct quote speakers, in order of first quote
	// Aliases lists, for each person's name the article uses, the other
	// forms the same person takes across the corpus (internal/identity);
	// nil when none has any.
	Aliases map[string][]string
}

// Quote is one direct quotation in an article's body.
type Quote struct {
	Text         string  `json:"text"`                    // the quoted words without the marks
	Speaker      string  `json:"speaker"`                 // who said it: the canonical name, else the article's description of them; "" when unknown
	SpeakerTitle string  `json:"speaker_title,omitempty"` // title or role kept apart from the name ("Foreign Minister")
	Cue          string  `json:"cue"`                     // the speech verb or phrase ("said", "according to")
	Start        int     `json:"start"`                   // offset of the first quoted character in Body, in Unicode code points
	End          int     `json:"end"`                     // offset just past the last quoted character, in code points
	Confidence   float64 `json:"confidence"`              // 0..1: how sure the attribution is

	// SpeakerNamed says Speaker is a name: the article names the
	// speaker, directly or through a description it resolves ("the
	// company" for the company named before). False when Speaker is a
	// description ("a White House spokesman") or empty. Facets, speaker
	// filters and corpus-wide names take named speakers only.
	SpeakerNamed bool `json:"speaker_named"`
	// SpeakerDescription is how the article describes the speaker ("a
	// spokesman", "one dealer"), whitespace-normalised; for a speaker it
	// does not name, Speaker holds the same words.
	SpeakerDescription string `json:"speaker_description,omitempty"`
	// Group links the parts of one quotation cut by its attribution
	// (`"A," he said, "B."`) or run on over merged paragraphs: each part
	// is its own Quote, verbatim, and the parts share one non-zero Group,
	// unique within the article. 0 for a quote in one piece.
	Group int `json:"group,omitempty"`
}

// Country is a country an article concerns.
type Country struct {
	Code     string `json:"code"`     // ISO 3166-1 alpha-2
	Name     string `json:"name"`     // English short name
	Mentions int    `json:"mentions"` // how many times it was found
}

// Actor is a person or organisation named in an article.
type Actor struct {
	Name     string `json:"name"`     // canonical name: the fullest form the article uses
	Type     string `json:"type"`     // Person or Organization
	Mentions int    `json:"mentions"` //
}

// DateString returns the date as YYYY-MM-DD, or "" when it is unknown.
func (a *Article) DateString() string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.UTC().Format(DateLayout)
}

// DateUnreadable reports whether the input gave a date that could not be read.
func (a *Article) DateUnreadable() bool {
	return a.DateText != "" && a.Date.IsZero()
}

// jsonArticle is the stable JSON shape of an article (the output of
// `newsdex extract` and `newsdex show`). Scripts depend on it.
type jsonArticle struct {
	ID        string              `json:"id"`
	File      string              `json:"file"`
	Title     string              `json:"title"`
	Source    string              `json:"source"`
	Byline    string              `json:"byline"`
	URL       string              `json:"url"`
	Date      string              `json:"date"`
	Lang      string              `json:"lang"`
	Body      string              `json:"body"`
	Quotes    []Quote             `json:"quotes"`
	Countries []Country           `json:"countries"`
	Regions   []string            `json:"regions"`
	Actors    []Actor             `json:"actors"`
	Speakers  []string            `json:"speakers"`
	Aliases   map[string][]string `json:"aliases,omitempty"`
}

// MarshalJSON writes the article in its stable JSON shape, with the date as
// YYYY-MM-DD and empty lists as [] rather than null.
func (a Article) MarshalJSON() ([]byte, error) {
	j := jsonArticle{
		ID: a.ID, File: a.File, Title: a.Title, Source: a.Source, Byline: a.Byline,
		URL: a.URL, Date: a.DateString(), Lang: a.Lang, Body: a.Body,
		Quotes: a.Quotes, Countries: a.Countries, Regions: a.Regions,
		Actors: a.Actors, Speakers: a.Speakers, Aliases: a.Aliases,
	}
	if j.Quotes == nil {
		j.Quotes = []Quote{}
	}
	if j.Countries == nil {
		j.Countries = []Country{}
	}
	if j.Regions == nil {
		j.Regions = []string{}
	}
	if j.Actors == nil {
		j.Actors = []Actor{}
	}
	if j.Speakers == nil {
		j.Speakers = []string{}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the shape MarshalJSON writes.
func (a *Article) UnmarshalJSON(b []byte) error {
	var j jsonArticle
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*a = Article{
		ID: j.ID, File: j.File, Title: j.Title, Source: j.Source, Byline: j.Byline,
		URL: j.URL, Lang: j.Lang, Body: j.Body, Quotes: j.Quotes, Countries: j.Countries,
		Regions: j.Regions, Actors: j.Actors, Speakers: j.Speakers, Aliases: j.Aliases,
	}
	if j.Date != "" {
		t, err := time.Parse(DateLayout, j.Date)
		if err != nil {
			return err
		}
		a.Date = t
	}
	return nil
}

// ContentHash names an article's text: the first 16 hex digits of the
// SHA-256 of its title and body. It is the id of an article read without
// one, and what tells two copies of one text apart from two texts (the
// indexer's duplicates, within a run and across runs).
func ContentHash(title, body string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(body))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Fingerprint returns a hash of what was read from the input (id, title,
// source, byline, url, date, body). Two reads of an unchanged article give
// the same fingerprint, so an indexer can skip it.
func (a *Article) Fingerprint() string {
	h := sha256.New()
	for _, s := range []string{a.ID, a.Title, a.Source, a.Byline, a.URL, a.DateString(), a.DateText, a.Body} {
		fmt.Fprintf(h, "%d:%s;", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
