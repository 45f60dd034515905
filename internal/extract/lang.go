package extract

// How an article's language is decided.
//
// The language is that of github.com/RadhiFadlillah/whatlanggo, the trigram
// detector go-trafilatura already uses, run on a bounded prefix of the text
// (the first langPrefix bytes of the body, with the title in front when the
// body is short): a news article does not change language after its first
// paragraphs, and the detector's cost grows with the text. Its answer
// counts only when the detector calls it reliable; otherwise the language is
// unknown ("").
//
// The detector compares the text's trigrams with some sixty profiles of
// three hundred trigrams each: about 150 µs an article, as much as all other
// extraction of a Reuters story, which would halve the extractor's speed.
// So English, which most corpora newsdex reads are mostly in, is recognised
// first by its function words: when at least englishShare of the first
// eighty words of the prefix (at least twenty of them) are among
// englishWords, the text is English and the detector is not asked. The list
// leaves out words that are also common in other languages ("a", "in",
// "on", "to", "is", "was", "die", "as"); on the article-extraction
// benchmark's 181 pages no page in another language reaches 2% and English
// news prose is at 6% to 25% (its lowest are result tables). Tables, lists
// and short texts fall through to the detector. TestEnglishAgreesWithDetector
// checks that the shortcut never says English where the detector would say
// otherwise.
//
// A language the input declares (a record's lang field, a page's <html lang>
// or og:locale) is kept when it is a known ISO 639-1 code and the detector
// does not reliably find another: page templates often declare "en" over
// text in any language.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/newsdex/newsdex/internal/article"
)

const (
	// langPrefix is how many bytes of the body the detector reads.
	langPrefix = 1000
	// englishShare is the share of function words that makes a text English.
	englishShare = 0.05
)

// englishWords are English function words that are rare as words of other
// languages written in the Latin script.
var englishWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`the and of that for with said has have it by from
		his he she were which are be been this at not but would its their they had who or after`) {
		m[w] = true
	}
	return m
}()

// isoCodes maps the ISO 639-1 codes, and the English names, of the
// languages the detector knows to their code.
var isoCodes = func() map[string]string {
	m := make(map[string]string)
	for l := whatlanggo.Lang(0); l < 200; l++ {
		code := l.Iso6391()
		if code == "" {
			continue
		}
		m[code] = code
		if name := strings.ToLower(l.String()); name != "" {
			m[name] = code
		}
	}
	return m
}()

// NormaliseLang returns the ISO 639-1 code that a declared language names
// ("en", "en-GB", "pt_BR", "German"), or "" when it names none the
// detector knows.
func NormaliseLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	return isoCodes[s]
}

// language sets a.Lang from its text and what the input declared. It
// reports whether English rules apply: the text is English, or nothing
// suggests another language (the detector's best guess, even when not
// reliable enough to name the article's language, is English or none).
func language(a *article.Article) (english bool) {
	declared := NormaliseLang(a.Lang)
	guess, reliable := detect(langText(a))
	switch {
	case reliable && guess != declared:
		a.Lang = guess
	default:
		a.Lang = declared
	}
	if a.Lang != "" {
		return a.Lang == "en"
	}
	return guess == "" || guess == "en"
}

// langText returns the text the language is detected on.
func langText(a *article.Article) string {
	body := prefix(a.Body, langPrefix)
	if len(body) < langPrefix/4 && a.Title != "" {
		return a.Title + "\n" + body
	}
	return body
}

// prefix returns s up to n bytes, cut at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// DetectLang returns the ISO 639-1 code of the language text is in, or ""
// when it cannot be told reliably.
func DetectLang(text string) string {
	if code, reliable := detect(text); reliable {
		return code
	}
	return ""
}

// detect returns the detector's best guess at text's language ("" for
// none) and whether it is reliable. Text that is not English by its
// function words and has fewer than five words, or more than one number to
// five words (results, prices, tables) and no accented letters to suggest a
// language other than English, is not detected.
func detect(text string) (code string, reliable bool) {
	c := countWords(text)
	switch {
	case c.words >= 20 && c.english >= 3 && float64(c.english) >= englishShare*float64(c.words) && c.accented <= c.words/2:
		return "en", true
	case c.words < 5 || c.numbers*5 > c.words && c.accented < 3:
		return "", false
	}
	info := whatlanggo.Detect(text)
	if info.Lang < 0 {
		return "", false
	}
	return info.Lang.Iso6391(), info.IsReliable()
}

// wordCount counts the words of a text's start.
type wordCount struct {
	words    int // runs of letters
	english  int // words in englishWords
	accented int // letters outside ASCII
	numbers  int // runs of digits
}

// countWords counts the first eighty words of text and the numbers among
// them.
func countWords(text string) wordCount {
	var c wordCount
	start, digits := -1, false
	end := func(i int) {
		if start >= 0 {
			w := text[start:i]
			c.words++
			if len(w) <= 5 && englishWords[strings.ToLower(w)] {
				c.english++
			}
		}
		if digits {
			c.numbers++
		}
		start, digits = -1, false
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r):
			if start < 0 {
				start = i
			}
			if r >= utf8.RuneSelf {
				c.accented++
			}
			continue
		case r >= '0' && r <= '9':
			digits = true
			continue
		case r == '.' || r == ',':
			if digits {
				continue
			}
		}
		end(i)
		if c.words == 80 {
			return c
		}
	}
	end(len(text))
	return c
}
