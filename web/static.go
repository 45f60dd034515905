package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var staticFS embed.FS

// staticFile is one embedded asset, read once at start-up.
type staticFile struct {
	body  []byte
	ctype string
	etag  string // quoted, from the content hash
}

// staticFiles serves the embedded assets under /static/. Pages link to them
// with a ?v=HASH suffix (see url), so they can be cached for a year: a new
// build with a changed file links to a new URL.
type staticFiles struct {
	files map[string]*staticFile // by name, e.g. "style.css"
}

func loadStatic() (*staticFiles, error) {
	s := &staticFiles{files: map[string]*staticFile{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = http.DetectContentType(b)
		}
		s.files[strings.TrimPrefix(p, "static/")] = &staticFile{
			body:  b,
			ctype: ctype,
			etag:  `"` + hex.EncodeToString(sum[:8]) + `"`,
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load static files: %w", err)
	}
	return s, nil
}

// url returns the versioned URL of the asset name; an unknown name is an
// error, which makes a template that asks for one fail to render.
func (s *staticFiles) url(name string) (string, error) {
	f, ok := s.files[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "/static/" + name + "?v=" + strings.Trim(f.etag, `"`), nil
}

// handleStatic serves one asset with long-lived cache headers and an ETag.
func (s *server) handleStatic(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	f, ok := s.static.files[name]
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("ETag", f.etag)
	if r.URL.Query().Get("v") == strings.Trim(f.etag, `"`) {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=3600")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.body))
}
