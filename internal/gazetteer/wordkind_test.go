package gazetteer

import (
	"strings"
	"testing"
)

// TestWordKindFastPath checks that PlaceKind's fast path for one ASCII
// word answers as the tokenising path does, for every one-word phrase of
// the gazetteer in several cases and for words that are no place.
func TestWordKindFastPath(t *testing.T) {
	g := Default()
	var words []string
	for key := range g.phrases {
		words = append(words, key, strings.ToUpper(key), strings.ToUpper(key[:1])+key[1:], strings.Title(key))
	}
	words = append(words, "Reuters", "Smith", "Kelumba", "a", "US", "Us", "us", "UAE", "Uae", "New York", "new  york", "The Hague", "the Gambia", "Soviet Union", "West Bank", "Hong Kong")
	n := 0
	for _, w := range words {
		k, ok, done := g.wordKind(w)
		if !done {
			continue
		}
		n++
		if sk, sok := g.placeKind(w); k != sk || ok != sok {
			t.Errorf("wordKind(%q) = %v, %v; the tokenising path says %v, %v", w, k, ok, sk, sok)
		}
	}
	if n < 100 {
		t.Errorf("only %d words took the fast path", n)
	}
}
