package ingest

// How a web page's metadata is read, and why.
//
// go-trafilatura finds a page's main text well but takes its metadata from
// wherever it can: the site name from article:publisher (a Facebook URL),
// twitter:site (a handle) or two tags joined with ";"; the title with the
// site's name after it; the date, in its extensive mode, from any year on
// the page (a copyright line becomes 1 January). newsdex reads the page's
// own metadata instead and keeps only what says what it claims to say:
//
//   - Source: the publisher's name from og:site_name, else JSON-LD
//     publisher.name, else the publisher, application-name or
//     apple-mobile-web-app-title meta tags, else the page URL's host
//     without "www.". A value that is a URL, a handle, a copyright line or
//     entity soup is no name and is skipped; a name repeated ("X; X") is
//     kept once; a tagline after " | " or " - " is cut ("The Post | post.com"
//     is "The Post").
//   - Title: trafilatura's, less a trailing " | Site", " - Site" or
//     " — Site" part that names the site (its name or host) and a leading
//     "Site | " or "Site: " part; once a site part is gone, one more short
//     section label before it goes too ("... | India News - Times of India").
//   - Date: go-htmldate's, from the page's publication metadata (meta tags,
//     JSON-LD, <time>, <abbr>), its URL or a dated line of its text, and
//     only when what it read names a day: a bare year ("© 2020", a
//     copyrightYear tag) or a year and month (a /2019/11/ URL) is no
//     publication date, so the date stays empty rather than guessed.
//   - Lang: the page's declared language, from <html lang>, the
//     content-language meta tag or og:locale (extraction checks it
//     against the text).
//   - Trailing boilerplate: short closing paragraphs that ask the reader to
//     subscribe, sign up, log in, accept cookies or share, or that are a
//     copyright line, are dropped.
//   - Error pages: a bot check (Incapsula, Cloudflare, "Access denied") or
//     an HTTP error page (404, 403, 5xx) is reported as not an article
//     rather than indexed.

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page's head declares about it.
type pageMeta struct {
	lang     string   // <html lang>, content-language or og:locale
	siteName []string // site name candidates, most trusted first
	handles  []string // the publisher's social-media handles (article:publisher)
	title    string   // the <title> element's text
	logos    []string // texts of headings inside a link to the home page
}

// readPageMeta reads the declared language and site name candidates of a
// parsed page.
func readPageMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var og, ld, other []string
	var locale, contentLang string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if m.lang == "" {
					m.lang = attr(n, "lang")
				}
			case atom.Meta:
				content := attr(n, "content")
				prop := strings.ToLower(attr(n, "property"))
				name := strings.ToLower(attr(n, "name"))
				switch {
				case prop == "og:site_name" || name == "og:site_name":
					og = append(og, content)
				case prop == "article:publisher" || name == "article:publisher":
					if h := socialHandle(content); h != "" {
						m.handles = append(m.handles, h)
					}
				case prop == "og:locale":
					locale = content
				case strings.EqualFold(attr(n, "http-equiv"), "content-language"):
					contentLang = content
				case name == "publisher" || name == "application-name" || name == "apple-mobile-web-app-title":
					other = append(other, content)
				}
			case atom.Title:
				if m.title == "" {
					m.title = oneLine(textOf(n))
				}
			case atom.A:
				if h := strings.TrimSpace(attr(n, "href")); h == "/" || h == "./" || h == "index.html" {
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == html.ElementNode && (c.DataAtom == atom.H1 || c.DataAtom == atom.H2) {
							m.logos = append(m.logos, oneLine(textOf(c)))
						}
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					ld = append(ld, jsonLDPublishers(n.FirstChild.Data)...)
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, l := range []string{contentLang, locale} {
		if m.lang == "" {
			m.lang = strings.TrimSpace(strings.Split(l, ",")[0])
		}
	}
	m.siteName = append(append(og, ld...), other...)
	return m
}

// textOf returns the text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// logoTitle fixes a title that is the site's logo: a heading inside a link
// to the home page ("<a href="/"><h1>Site</h1></a>") names the site, not
// the article. The <title> element is read instead; with no site name
// known, its trailing part (`Headline - Site`) is the source.
func logoTitle(title, source string, m pageMeta) (string, string) {
	logo := false
	for _, l := range m.logos {
		logo = logo || l != "" && l == title
	}
	if !logo || m.title == "" || m.title == title {
		return title, source
	}
	t := m.title
	if i, sep := lastSep(t); i > 0 && titleWords(t[:i]) >= 2 {
		if tail := strings.TrimSpace(t[i+len(sep):]); len(strings.Fields(tail)) <= 3 && !strings.Contains(tail, "?") {
			t = t[:i]
			if source == "" {
				source = cleanSiteName(tail)
			}
		}
	}
	return strings.TrimSpace(t), source
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// jsonLDPublishers returns the publisher names a JSON-LD script gives.
func jsonLDPublishers(src string) []string {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return nil
	}
	var out []string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 6 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				walk(e, depth+1)
			}
		case map[string]any:
			if p, ok := t["publisher"]; ok {
				switch pt := p.(type) {
				case map[string]any:
					if s, ok := pt["name"].(string); ok {
						out = append(out, s)
					}
				case []any:
					for _, e := range pt {
						if em, ok := e.(map[string]any); ok {
							if s, ok := em["name"].(string); ok {
								out = append(out, s)
							}
						}
					}
				case string:
					out = append(out, pt)
				}
			}
			if g, ok := t["@graph"]; ok {
				walk(g, depth+1)
			}
		}
	}
	walk(v, 0)
	return out
}

// pageSource returns the publisher's name: the first candidate that is a
// name, else the host of pageURL without "www.". A name written as one
// word ("usatoday", "TheHill") gives way to a later candidate that spells
// the same name in words ("USA TODAY", "The Hill").
func pageSource(candidates []string, pageURL string) string {
	best := ""
	for _, c := range candidates {
		s := cleanSiteName(c)
		switch {
		case s == "":
		case best == "":
			best = s
		case !strings.Contains(best, " ") && strings.Contains(s, " ") && strings.Contains(fold(s), fold(best)):
			return s
		}
	}
	if best != "" {
		return best
	}
	return hostName(pageURL)
}

// publisherSource checks source src against the page's domain. A site
// name that is no publisher's gives way to the publisher's social-media
// handle when that names the domain ("Reuters", "APNews"): the name of a
// subdomain ("Hosted" on hosted.ap.org, the hosting service; a subdomain
// with no such handle is the site's own brand, "ProFootballTalk" on
// profootballtalk.nbcsports.com) or initials with periods ("U.S.", a
// section of reuters.com; with no handle, the host). A brand whose domain
// reads otherwise ("Experience" on expapp.com) stays.
func publisherSource(src string, handles []string, pageURL string) string {
	label := domainLabel(pageURL)
	if label == "" || src == "" || namesDomain(src, label) || !subdomainName(src, pageURL) && !dottedInitials(src) {
		return src
	}
	for _, h := range handles {
		if namesDomain(h, label) {
			return h
		}
	}
	if dottedInitials(src) {
		return hostName(pageURL)
	}
	return src // "ProFootballTalk" on profootballtalk.nbcsports.com
}

// subdomainName reports whether name is a label of the page's host before
// its site's label ("hosted" of hosted.ap.org).
func subdomainName(name, pageURL string) bool {
	labels := strings.Split(hostName(pageURL), ".")
	label := domainLabel(pageURL)
	for _, l := range labels {
		if l == label {
			break
		}
		if strings.EqualFold(l, name) {
			return true
		}
	}
	return false
}

// dottedInitials reports whether s is initials with periods ("U.S.").
func dottedInitials(s string) bool {
	if len(s) < 4 || len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i%2 == 0 && !('A' <= s[i] && s[i] <= 'Z') || i%2 == 1 && s[i] != '.' {
			return false
		}
	}
	return true
}

// socialHandle returns the account name of a social-media profile URL
// ("https://www.facebook.com/Reuters" -> "Reuters"), or "".
func socialHandle(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	switch strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.") {
	case "facebook.com", "twitter.com", "x.com", "instagram.com":
	default:
		return ""
	}
	h, _, _ := strings.Cut(strings.Trim(p.Path, "/"), "/")
	if h == "" || strings.Contains(h, ".") || h == "pages" {
		return ""
	}
	return strings.TrimPrefix(h, "@")
}

// domainLabel returns the label that names a page's site: "reuters" for
// www.reuters.com, "ap" for hosted.ap.org, "bbc" for www.bbc.co.uk.
func domainLabel(pageURL string) string {
	labels := strings.Split(hostName(pageURL), ".")
	if len(labels) < 2 {
		return ""
	}
	labels = labels[:len(labels)-1]
	switch labels[len(labels)-1] {
	case "co", "com", "org", "net", "gov", "ac", "edu":
		if len(labels) > 1 {
			labels = labels[:len(labels)-1]
		}
	}
	return labels[len(labels)-1]
}

// namesDomain reports whether name spells the domain label, its letters
// and digits read in lower case ("NYTimes" and "nytimes", "APNews" and "ap").
func namesDomain(name, label string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	n := b.String()
	return n != "" && (strings.Contains(n, label) || len(n) >= 3 && strings.Contains(label, n))
}

// hostName returns the host of a URL without "www.", or "".
func hostName(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return ""
	}
	h := strings.ToLower(p.Hostname())
	return strings.TrimPrefix(h, "www.")
}

var (
	// copyrightRE is a copyright line.
	copyrightRE = regexp.MustCompile(`(?i)^(?:©|ⓒ|\(c\)|copyright\b)|all rights reserved`)
	// taglineRE splits a site name from a tagline after it.
	taglineRE = regexp.MustCompile(`\s+[|–—-]\s+|\s*;\s*`)
)

// cleanSiteName returns a site name candidate as a name, or "" when it is
// none: a URL, a handle, a copyright line, or empty once entities are
// decoded. A tagline after the name is cut, and a name repeated is kept
// once.
func cleanSiteName(s string) string {
	for i := 0; i < 2 && strings.Contains(s, "&"); i++ {
		s = html.UnescapeString(s)
	}
	s = oneLine(s)
	if parts := taglineRE.Split(s, -1); len(parts) > 1 && len([]rune(parts[0])) >= 2 {
		s = parts[0]
	}
	low := strings.ToLower(s)
	switch {
	case s == "" || len(s) > 100:
		return ""
	case strings.Contains(low, "://") || strings.HasPrefix(low, "www.") && strings.Contains(low, "/"):
		return ""
	case strings.HasPrefix(s, "@") || copyrightRE.MatchString(s):
		return ""
	case !strings.ContainsFunc(s, unicode.IsLetter):
		return ""
	case len(strings.Fields(s)) > 6 || len(strings.Fields(s)) > 4 && strings.ContainsFunc(s, unicode.IsDigit) || taglineWords(s):
		return "" // a tagline ("weight loss of up to 10 kg. Reviews"), not a name
	}
	return strings.Trim(strings.TrimPrefix(s, "www."), "_")
}

// taglineWords reports whether s, of four words or more, reads as a
// phrase rather than a name: a word after the first is lower case and
// longer than a short function word ("Expert how-to for English Riders");
// a name capitalises its words ("Business Insider Deutschland", "The Real
// Deal New York").
func taglineWords(s string) bool {
	f := strings.Fields(s)
	if len(f) < 4 {
		return false
	}
	for _, w := range f[1:] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && utf8.RuneCountInString(w) > 3 {
			return true
		}
	}
	return false
}

// titleSeps separate a title from a site name or section label.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " // "}

// cleanTitle removes a site name from the end or the start of a title; site
// and rawSite are the cleaned and declared site names, host the page's host.
func cleanTitle(title, site, rawSite, host string) string {
	keys := siteKeys(site, rawSite, host)
	if len(keys) == 0 {
		return title
	}
	cut := false
	for {
		i, sep := lastSep(title)
		if i < 0 {
			break
		}
		head, tail := title[:i], title[i+len(sep):]
		if titleWords(head) < 2 {
			break
		}
		if namesSite(tail, keys, len(strings.Fields(tail)) <= 3) {
			title, cut = head, true
			continue
		}
		if cut && sep == " | " && len(strings.Fields(tail)) <= 3 && len(strings.Fields(head)) >= 4 {
			title = head // the section label before the site name
		}
		break
	}
	for _, sep := range append([]string{": "}, titleSeps...) {
		i := strings.Index(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := title[:i], title[i+len(sep):]
		if (namesSite(head, keys, false) || rawSite != "" && strings.EqualFold(head, rawSite)) && titleWords(tail) >= 2 {
			title = tail
			break
		}
	}
	if rawSite != "" && len(title) > len(rawSite)+2 && strings.HasPrefix(title, rawSite) {
		rest := strings.TrimLeft(title[len(rawSite):], " :|-–—")
		if len(strings.Fields(rest)) >= 2 && rest != title[len(rawSite):] {
			title = rest
		}
	}
	if i := strings.Index(title, " | "); i > 0 && len(strings.Fields(title[:i])) == 1 && titleWords(title[i+3:]) >= 4 {
		title = title[i+3:] // "Opinion | ...": a section label
	}
	return title
}

// titleWords counts the words of a title; in a script written without
// spaces (Chinese, Japanese) every two characters count as one, so that
// "商品の改造が商標法違反に！？" is a title of several words, not one.
func titleWords(s string) int {
	n, wide := len(strings.Fields(s)), 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
			wide++
		}
	}
	return n + wide/2
}

// lastSep returns the position and text of the last title separator.
func lastSep(title string) (int, string) {
	best, bestSep := -1, ""
	for _, sep := range titleSeps {
		if i := strings.LastIndex(title, sep); i > best {
			best, bestSep = i, sep
		}
	}
	return best, bestSep
}

// siteKeys returns the folded forms a site is named by: its names and its
// host with and without the top-level domain.
func siteKeys(site, rawSite, host string) []string {
	var keys []string
	add := func(s string) {
		if k := fold(s); len(k) >= 3 {
			keys = append(keys, k)
		}
	}
	add(site)
	add(rawSite)
	if host != "" {
		add(host)
		if i := strings.LastIndexByte(host, '.'); i > 0 {
			h := host[:i]
			add(h)
			if j := strings.LastIndexByte(h, '.'); j > 0 {
				add(h[j+1:])
			}
		}
	}
	return keys
}

// fold lower-cases s and keeps only its letters and digits.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// namesSite reports whether a title part names the site: its folded form
// is one of keys or part of one (at least five letters), or, when loose,
// contains one (at least four).
func namesSite(part string, keys []string, loose bool) bool {
	f := fold(part)
	if len(f) < 3 || len(strings.Fields(part)) > 8 {
		return false
	}
	for _, k := range keys {
		if f == k || len(f) >= 5 && strings.Contains(k, f) || loose && len(k) >= 4 && strings.Contains(f, k) {
			return true
		}
	}
	return false
}

// dayDateRE finds a date that names a day: three numbers (2019-11-19,
// /2019/11/19/, 19.11.2019), or a day number next to a month's name.
var dayDateRE = regexp.MustCompile(`(?i)\d{1,4}[-/._]\d{1,2}[-/._]\d{1,4}|\d{8}|` +
	`\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?\p{L}{3,}|\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b`)

// namesDay reports whether the text a date was read from names a day,
// rather than only a year or a year and month.
func namesDay(src string) bool {
	return dayDateRE.MatchString(src)
}

// boilerplateRE matches what a closing paragraph of page furniture says.
var boilerplateRE = regexp.MustCompile(`(?i)\b(?:newsletters?|inbox|subscribe|subscribing|sign(?:ing)? up|log ?in to|logged in|cookies?|all rights reserved|affiliate links?|privacy policy|terms of (?:use|service)|share (?:it|this) with)\b|^(?:©|ⓒ|\(c\)|copyright\b)`)

// isBoilerplate reports whether a closing paragraph of a page is furniture:
// short, quoting no one, and asking the reader to subscribe, sign up, log
// in or share, or a copyright line.
func isBoilerplate(p string) bool {
	if len(strings.Fields(p)) > 35 || strings.ContainsAny(p, "\"“”") {
		return false
	}
	return boilerplateRE.MatchString(p)
}

// ErrNotArticle reports a page that is not an article: a bot check or an
// error page. The file is reported and nothing is indexed from it.
var ErrNotArticle = errors.New("not an article")

var (
	// botCheckRE finds the text of a bot-check or blocking page.
	botCheckRE = regexp.MustCompile(`(?i)incapsula incident id|request unsuccessful\. incapsula|attention required!? \| cloudflare|cloudflare ray id|checking your browser before accessing|enable javascript and cookies to continue|please verify you are a human|are you a robot\?|access to this page has been denied|you don't have permission to access`)
	// errorTitleRE is the title of an error page.
	errorTitleRE = regexp.MustCompile(`(?i)^(?:error\s*)?(?:\d{3}\s*[-:|]?\s*)?(?:access denied|forbidden|page not found|not found|file not found|bad gateway|service unavailable|internal server error|just a moment\.*|attention required!?|request unsuccessful\.?|error)(?:\s*[-:|]\s*.*)?$|^(?:error\s*)?[45]\d\d\b`)
)

// errorPage returns an error naming what kind of page a page is when it is
// a bot check or an error page rather than an article, else nil. A page
// with a body of more than 150 words is an article, whatever its title.
func errorPage(title, body string) error {
	head := body
	if len(head) > 2000 {
		head = head[:2000]
	}
	short := len(strings.Fields(body)) <= 150
	switch {
	case short && (botCheckRE.MatchString(head) || botCheckRE.MatchString(title)):
		return fmt.Errorf("%w: a bot-check page (%q)", ErrNotArticle, firstWords(title+" "+head, 8))
	case short && errorTitleRE.MatchString(strings.TrimSpace(title)):
		return fmt.Errorf("%w: an error page (%q)", ErrNotArticle, firstWords(title, 8))
	}
	return nil
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = append(f[:n], "...")
	}
	return strings.Join(f, " ")
}
