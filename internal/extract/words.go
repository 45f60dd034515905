package extract

import (
	_ "embed"
	"strings"
	"sync"
)

// Common words tell a capitalised word that opens a sentence ("Shares of
// Acme rose") or a title ("Accountant Natalya Sypron") from a name: a word
// the dictionary lists in lower case is a word, unless the article also
// capitalises it where no sentence starts. The list is SCOWL's (see the
// head of words.txt for its licence).

//go:embed words.txt
var wordsTxt string

// commonWords is the set of words.txt, keyed by substrings of the embedded
// text, built on first use.
var commonWords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 41000)
	for line := range strings.SplitSeq(wordsTxt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		m[line] = struct{}{}
	}
	return m
})

// commonWord reports whether the lower-case word w is a common English word.
func commonWord(w string) bool {
	_, ok := commonWords()[w]
	return ok
}
