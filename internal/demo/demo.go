// Package demo holds newsdex's demo corpus: fictional wire-style news
// articles written by the newsdex team, embedded in the binary so that
// `newsdex search --demo` and `newsdex serve --demo` work without any data.
//
// The corpus mixes the three input formats newsdex reads: plain-text
// articles under txt/, news pages with their site chrome under html/, and
// JSON Lines feeds under jsonl/ (one file per feed, one article per line,
// with different key names in each feed). The people, outlets and most
// events are invented; testdata/expected.json records, by hand, the facts
// each article was written with (title, date, source, countries, quotes
// and their speakers) so the extractor can be tested against them.
package demo

import (
	"embed"
	"io/fs"
)

//go:embed articles
var articles embed.FS

// FS returns the demo corpus as a file system rooted at the articles
// directory, so paths look like "txt/kenya-drought.txt" or
// "jsonl/newswire.jsonl".
func FS() fs.FS {
	sub, err := fs.Sub(articles, "articles")
	if err != nil {
		// fs.Sub fails only for an invalid path, and "articles" is valid.
		return articles
	}
	return sub
}
