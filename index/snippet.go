package index

// Snippets. A hit's document does not store its text (the record does,
// record.go), so bleve cannot highlight it by itself: highlightText hands
// bleve's html highlighter the text from the record and the match
// locations of a second, restricted search (search.go, highlight), cuts
// the fragment out of the middle of words, and reads the escaped HTML
// back into the contract's plain text and offsets (search.Snippet).

import (
	"fmt"
	htmltext "html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"

	contract "github.com/newsdex/newsdex/internal/search"
)

// highlightText returns the snippet of text for a hit, cut from the
// locations of its matches in FieldBody by bleve's html highlighter, the
// one a request names: the same snippet bleve would cut if the hit's own
// document stored the text.
// With no match in the text (a title match, a browse), bleve's fragmenter
// cuts the snippet from the start of the text.
func highlightText(h *search.DocumentMatch, text string) (contract.Snippet, error) {
	hl, err := bleve.Config.Cache.HighlighterNamed(html.Name)
	if err != nil {
		return contract.Snippet{}, fmt.Errorf("highlighter %s: %w", html.Name, err)
	}
	doc := document.NewDocument(h.ID)
	doc.AddField(document.NewTextField(FieldBody, nil, []byte(text)))
	saved, savedLocs := h.Fragments, h.Locations
	h.Fragments = nil
	h.Locations = search.FieldTermLocationMap{FieldBody: firstLocations(h.Locations[FieldBody], maxSnippetMatches)}
	frags := hl.BestFragmentsInField(h, doc, FieldBody, 1)
	h.Fragments, h.Locations = saved, savedLocs
	if len(frags) == 0 {
		return contract.Snippet{}, nil
	}
	for i, f := range frags {
		frags[i] = wordBounds(f, text)
	}
	// bleve's html formatter escapes the text and marks the matches; the
	// contract's snippet is plain text and offsets, read back exactly.
	return contract.SnippetFromHTML(strings.Join(frags, " … "))
}

// snippetCut is the mark bleve's highlighter puts where a fragment cuts
// the text (simple.DefaultSeparator).
const snippetCut = "…"

// wordBounds moves a fragment's cuts out of the middle of words: bleve's
// fragmenter cuts at a fixed number of bytes around the matches, so a
// snippet could open with "…artners". A cut is mid-word when the text has
// a letter or digit on both sides of it; the partial word is then dropped
// (unless it holds markup or an entity, which are left whole). frag is the
// highlighter's escaped HTML; its plain text is found in text to see what
// lies beyond each cut.
func wordBounds(frag, text string) string {
	plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(frag)
	plain = htmltext.UnescapeString(plain)
	core := strings.TrimSuffix(strings.TrimPrefix(plain, snippetCut), snippetCut)
	at := strings.Index(text, core)
	if at < 0 || core == "" {
		return frag
	}
	wordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if rest, ok := strings.CutPrefix(frag, snippetCut); ok && at > 0 {
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		first, _ := utf8.DecodeRuneInString(core)
		if j := strings.IndexFunc(rest, unicode.IsSpace); wordRune(before) && wordRune(first) && j > 0 && !strings.ContainsAny(rest[:j], "<>&") {
			frag = snippetCut + strings.TrimLeftFunc(rest[j:], unicode.IsSpace)
		}
	}
	if body, ok := strings.CutSuffix(frag, snippetCut); ok && at+len(core) < len(text) {
		after, _ := utf8.DecodeRuneInString(text[at+len(core):])
		last, _ := utf8.DecodeLastRuneInString(core)
		if k := strings.LastIndexFunc(body, unicode.IsSpace); wordRune(after) && wordRune(last) && k >= 0 && !strings.ContainsAny(body[k:], "<>&") {
			frag = strings.TrimRightFunc(body[:k], unicode.IsSpace) + snippetCut
		}
	}
	return frag
}

// maxSnippetMatches bounds the matches a snippet is chosen among. bleve's
// highlighter makes a fragment at each match and scores each against
// every match: a 1 MiB body full of matches took seconds a hit. The
// snippet is cut around the first matches.
const maxSnippetMatches = 256

// firstLocations returns the n earliest locations of tl, all of them when
// there are no more.
func firstLocations(tl search.TermLocationMap, n int) search.TermLocationMap {
	total := 0
	for _, locs := range tl {
		total += len(locs)
	}
	if total <= n {
		return tl
	}
	type termLoc struct {
		term string
		loc  *search.Location
	}
	all := make([]termLoc, 0, total)
	for term, locs := range tl {
		for _, l := range locs {
			all = append(all, termLoc{term, l})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].loc.Start != all[j].loc.Start {
			return all[i].loc.Start < all[j].loc.Start
		}
		return all[i].term < all[j].term
	})
	out := search.TermLocationMap{}
	for _, tlc := range all[:n] {
		out[tlc.term] = append(out[tlc.term], tlc.loc)
	}
	return out
}
