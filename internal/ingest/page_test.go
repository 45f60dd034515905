package ingest

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseHTMLPages reads the team-written pages of testdata/pages: a
// publisher given as a Facebook URL, a site name that is a copyright line
// in escaped entities, a site name repeated, titles with the site after
// them, a copyright year as the only date, trailing boilerplate, the site's
// logo heading taken for the title (Korean), and bot check and error pages.
func TestParseHTMLPages(t *testing.T) {
	for _, c := range []struct {
		file                                string
		source, title, date, dateText, lang string
		lastPara                            string
		err                                 string
	}{
		{file: "publisher-url.html", source: "Harbour Gazette", title: "Port Selden to rebuild north pier",
			dateText: "© 2020 Harbour Gazette. All rights reserved.",
			lastPara: "The board will choose a builder in the spring. Until then the fishing quay stays open to ferries, and a shuttle bus will run from the station every half hour."},
		{file: "entity-site.html", source: "selden-news.example", title: "Port Selden to rebuild north pier",
			dateText: "2016", lang: "en",
			lastPara: "The board will choose a builder in the spring. Until then the fishing quay stays open to ferries, and a shuttle bus will run from the station every half hour."},
		{file: "german.html", source: "Tele Nordbrück", title: "Nordbrück schließt zwei Bibliotheken",
			date: "2019-11-19", dateText: "2019-11-19T08:30:00+01:00", lang: "de-DE",
			lastPara: "In der Reihe der Sparmaßnahmen ist es bereits die dritte Schließung in diesem Jahr. Der Rat will den Plan nach der Verabschiedung des Haushalts erneut prüfen."},
		{file: "logo-title.html", source: "Selden Ilbo", title: "셀든 항구, 북쪽 부두 다시 짓는다",
			lastPara: "위원회는 봄이 오기 전에 건설 회사를 고를 계획이다. 그때까지 어항은 여객선에 열려 있고, 역에서 삼십 분마다 셔틀버스가 다닌다."},
		{file: "incapsula.html", err: `not an article: a bot-check page ("Request unsuccessful. Incapsula incident ID: 000000000000000000-000000000000000000")`},
		{file: "cloudflare.html", err: `not an article: a bot-check page ("Sorry, you have been blocked This website is ...")`},
		{file: "not-found.html", err: `not an article: an error page ("Page not found")`},
	} {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", "pages", c.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			a, err := ParseHTML(bufio.NewReader(f))
			if c.err != "" {
				if err == nil || err.Error() != c.err || !errors.Is(err, ErrNotArticle) {
					t.Fatalf("ParseHTML(%s) error = %v, want %s", c.file, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseHTML(%s): %v", c.file, err)
			}
			paras := splitParas(a.Body)
			for _, f := range []struct{ name, got, want string }{
				{"source", a.Source, c.source}, {"title", a.Title, c.title},
				{"date", a.DateString(), c.date}, {"date text", a.DateText, c.dateText},
				{"lang", a.Lang, c.lang}, {"last paragraph", paras[len(paras)-1], c.lastPara},
			} {
				if f.got != f.want {
					t.Errorf("ParseHTML(%s) %s = %q, want %q", c.file, f.name, f.got, f.want)
				}
			}
		})
	}
}

func splitParas(body string) []string {
	return strings.Split(body, "\n\n")
}

func TestCleanSiteName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Valmera Post", "Valmera Post"},
		{"https://www.facebook.com/ValmeraPost", ""},
		{"&amp;copy; 2016 valmera.example", ""},
		{"© 2016 Valmera Post", ""},
		{"Copyright 2014", ""},
		{"@ValmeraPost", ""},
		{"Tele Pinar; Tele Pinar", "Tele Pinar"},
		{"The Post | post.example", "The Post"},
		{"Valmera Post - News from the islands", "Valmera Post"},
		{"San Antonio Express-News", "San Antonio Express-News"},
		{"Pat &amp; Jo's Kitchen", "Pat & Jo's Kitchen"},
		{"Valmera_", "Valmera"},
		{"lose up to 10 kg in a month. Reviews", ""},
		{"NBC 5 Dallas-Fort Worth", "NBC 5 Dallas-Fort Worth"},
		{"Expert advice for island sailors", ""},
		{"The Real Deal New York", "The Real Deal New York"},
		{"pv magazine International", "pv magazine International"},
		{"2019", ""},
		{"", ""},
	} {
		if got := cleanSiteName(c.in); got != c.want {
			t.Errorf("cleanSiteName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPageSource(t *testing.T) {
	for _, c := range []struct {
		cands []string
		url   string
		want  string
	}{
		{[]string{"usatoday", "USA TODAY"}, "", "USA TODAY"},
		{[]string{"TheHill", "The Hill"}, "", "The Hill"},
		{[]string{"Valmera Post", "ValmeraPost"}, "", "Valmera Post"},
		{[]string{"https://www.facebook.com/X"}, "https://www.valmera-post.example/a/b", "valmera-post.example"},
		{nil, "", ""},
	} {
		if got := pageSource(c.cands, c.url); got != c.want {
			t.Errorf("pageSource(%q, %q) = %q, want %q", c.cands, c.url, got, c.want)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	for _, c := range []struct{ title, site, raw, host, want string }{
		{"Rail strike ends after twelve days | India News - Times of India", "Times of India", "Times of India", "timesofindia.example", "Rail strike ends after twelve days"},
		{"Rail strike ends after twelve days - Valmera Post", "Valmera Post", "Valmera Post", "", "Rail strike ends after twelve days"},
		{"Rail strike ends after twelve days — valmerapost.example", "", "", "valmerapost.example", "Rail strike ends after twelve days"},
		{"Rail strike ends after twelve days – Post", "Valmera Post", "", "", "Rail strike ends after twelve days – Post"}, // too short to tell
		{"Rail strike ends - a union view", "Valmera Post", "", "", "Rail strike ends - a union view"},
		{"The Post view on rail: a deal at last | Editorial", "The Post", "", "", "The Post view on rail: a deal at last | Editorial"},
		{"Take C.A.R.E. - comwrap at the DMEXCO fair 2018", "comwrap", "", "", "Take C.A.R.E. - comwrap at the DMEXCO fair 2018"},
		{"Valmera Post: Rail strike ends after twelve days", "Valmera Post", "", "", "Rail strike ends after twelve days"},
		{"Valmera Post | News from the islands: Rail strike ends", "Valmera Post", "Valmera Post | News from the islands", "", "Rail strike ends"},
		{"Opinion | Rail strike ends", "Valmera Post", "", "", "Opinion | Rail strike ends"},
		{"Opinion | The rail strike must end this week", "Valmera Post", "", "", "The rail strike must end this week"},
		{"港湾ストライキが十二日ぶりに終結 - ヴァルメラ新報", "ヴァルメラ新報", "ヴァルメラ新報", "", "港湾ストライキが十二日ぶりに終結"},
		{"Valmera Post", "Valmera Post", "", "", "Valmera Post"},
	} {
		if got := cleanTitle(c.title, c.site, c.raw, c.host); got != c.want {
			t.Errorf("cleanTitle(%q, %q, %q, %q) = %q, want %q", c.title, c.site, c.raw, c.host, got, c.want)
		}
	}
}

func TestNamesDay(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"2019-11-19T08:30:00+01:00", true},
		{"https://post.example.org/2024/06/14/night-ferry", true},
		{"Published Nov. 19, 2019", true},
		{"19 November 2019", true},
		{"19. November 2019", true},
		{"19 de noviembre de 2019", true},
		{"20191119", true},
		{"© 2020 Valmera Post", false},
		{"2020", false},
		{"November 2019", false},
		{"https://post.example.org/2019/11/ferry", false},
		{"Copyright 2016", false},
	} {
		if got := namesDay(c.src); got != c.want {
			t.Errorf("namesDay(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

func TestIsBoilerplate(t *testing.T) {
	for _, c := range []struct {
		p    string
		want bool
	}{
		{"Get local news delivered to your inbox!", true},
		{"Sign up for our daily newsletter.", true},
		{"Copyright 2019 Valmera Post. All rights reserved.", true},
		{"You must log in to post a comment.", true},
		{"This site uses cookies.", true},
		{"The service has 40,000 subscribers.", false},
		{"\"Sign up now,\" the mayor told volunteers.", false},
		{"The ferry will run until September.", false},
	} {
		if got := isBoilerplate(c.p); got != c.want {
			t.Errorf("isBoilerplate(%q) = %v, want %v", c.p, got, c.want)
		}
	}
}

func TestErrorPage(t *testing.T) {
	long := ""
	for range 200 {
		long += "word "
	}
	for _, c := range []struct{ title, body, want string }{
		{"Access denied", "You don't have permission to access this page.", `not an article: a bot-check page ("Access denied You don't have permission to access ...")`},
		{"Just a moment...", "Checking your browser before accessing example.org.", `not an article: a bot-check page ("Just a moment... Checking your browser before accessing ...")`},
		{"Page not found - Valmera Post", "Sorry.", `not an article: an error page ("Page not found - Valmera Post")`},
		{"404 error: how the web forgets", long, ""},
		{"Not found: the lost ferry of 1931", long, ""},
		{"Rail strike ends", "Train drivers returned to work.", ""},
	} {
		err := errorPage(c.title, c.body)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("errorPage(%q, %.20q) = %q, want %q", c.title, c.body, got, c.want)
		}
	}
}

// FuzzPageMeta checks that cleaning a title or a site name only ever cuts
// it: the result is part of the input, and a title is never emptied.
func FuzzPageMeta(f *testing.F) {
	for _, s := range []string{"Rail strike ends | India News - Times of India", "Tele Pinar; Tele Pinar", "&amp;copy; 2016 x.example", "a - b | c", " — ", "Site: A b c"} {
		f.Add(s, "Times of India", "times.example")
	}
	f.Fuzz(func(t *testing.T, title, site, host string) {
		got := cleanTitle(title, site, site, host)
		if !strings.Contains(title, got) || title != "" && strings.TrimSpace(title) != "" && got == "" {
			t.Errorf("cleanTitle(%q, %q, %q) = %q: not part of the title", title, site, host, got)
		}
		cleanSiteName(title)
		namesDay(title)
		isBoilerplate(title)
		_ = errorPage(title, site)
	})
}

func TestPublisherSource(t *testing.T) {
	for _, c := range []struct {
		src     string
		handles []string
		url     string
		want    string
	}{
		{"U.S.", []string{"ValmeraWire"}, "https://www.valmerawire.example/article/x", "ValmeraWire"},
		{"U.S.", nil, "https://www.valmerawire.example/article/x", "valmerawire.example"},
		{"Hosted", []string{"VPNews"}, "https://hosted.vp.example/paper/article/1", "VPNews"},
		{"Islandsport", nil, "https://islandsport.valmera.example/a", "Islandsport"},
		{"Experience", []string{"ExpApp"}, "https://www.expapp.example/blog/ceo", "Experience"},
		{"Valmera Post", []string{"OtherName"}, "https://www.valmerapost.example/a", "Valmera Post"},
		{"U.K.", []string{"ValmeraWire"}, "", "U.K."},
	} {
		if got := publisherSource(c.src, c.handles, c.url); got != c.want {
			t.Errorf("publisherSource(%q, %q, %q) = %q, want %q", c.src, c.handles, c.url, got, c.want)
		}
	}
}

func TestSocialHandle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://www.facebook.com/ValmeraWire", "ValmeraWire"},
		{"https://twitter.com/@ValmeraWire/", "ValmeraWire"},
		{"https://www.facebook.com/pages/Valmera/123", ""},
		{"https://www.valmerawire.example/about", ""},
		{"Valmera Wire", ""},
	} {
		if got := socialHandle(c.in); got != c.want {
			t.Errorf("socialHandle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
