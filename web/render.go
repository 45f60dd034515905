package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
)

//go:embed templates
var templateFS embed.FS

// pageNames are the pages; each is templates/NAME.html, parsed on top of the
// layout and partials.
var pageNames = []string{"search", "quotes", "article", "error"}

// parseTemplates parses the layout and partials once, then each page on a
// copy of them.
func parseTemplates(st *staticFiles) (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"static": st.url,
		"plural": func(n any, one, many string) string {
			if fmt.Sprint(n) == "1" {
				return one
			}
			return many
		},
		"commas": commas,
	}
	base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		if pages[name], err = t.ParseFS(templateFS, "templates/"+name+".html"); err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
	}
	return pages, nil
}

// Layout is what the layout template needs from every page.
type Layout struct {
	Title  string // the page's own title; the site name is added
	Nav    string // the active section: "search", "quotes" or ""
	APIURL string // the same state as JSON, when the page has one
}

func (s *server) layout(title, nav string) Layout {
	return Layout{Title: title, Nav: nav}
}

// render executes page name with data into a buffer and, only when that
// worked, writes it with status code: a template error never leaves half a
// page behind.
func (s *server) render(w http.ResponseWriter, r *http.Request, code int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		s.opts.Logger.Error("render", "page", name, "url", r.URL.String(), "err", err)
		if name == "error" {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		s.fail(w, r, fmt.Errorf("render %s: %w", name, err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// commas writes n with thousands separators: 12345 -> "12,345".
func commas(n any) string {
	s := fmt.Sprint(n)
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
