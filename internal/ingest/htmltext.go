package ingest

import (
	"strings"

	"golang.org/x/net/html"
)

// block is one paragraph of extracted HTML text.
type block struct {
	text    string
	heading bool // from h1-h6
}

// blockTags start a new paragraph.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "section": true, "article": true, "header": true,
	"footer": true, "figure": true, "figcaption": true, "main": true, "aside": true, "br": true,
	"hr": true, "body": true, "html": true, "caption": true, "address": true, "details": true,
	"summary": true, "center": true,
}

// nodeBlocks returns the paragraphs of an extracted content tree: the text
// of each block element, white space folded, empty ones dropped.
func nodeBlocks(n *html.Node) []block {
	var out []block
	var cur strings.Builder
	heading := false
	flush := func() {
		if t := oneLine(cur.String()); t != "" {
			out = append(out, block{text: t, heading: heading})
		}
		cur.Reset()
		heading = false
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "td", "th":
				cur.WriteByte(' ')
			}
			if blockTags[n.Data] {
				flush()
				if len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
					heading = true
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				flush()
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	flush()
	return out
}
