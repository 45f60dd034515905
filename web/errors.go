package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/newsdex/newsdex/internal/search"
)

// Errors the handlers return besides *badRequest and the index's.
var (
	errNotFound         = errors.New("no such page")
	errMethodNotAllowed = errors.New("method not allowed: the server only reads (GET or HEAD)")
)

// statusOf maps an error to its HTTP status and the message the client sees.
// It is the one place that does: a 500 says nothing about the server's
// insides.
func statusOf(err error) (int, string) {
	var br *badRequest
	switch {
	case errors.As(err, &br):
		return http.StatusBadRequest, br.msg
	case errors.Is(err, search.ErrBadQuery):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, search.ErrNotFound), errors.Is(err, errNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, errMethodNotAllowed):
		return http.StatusMethodNotAllowed, err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the search took too long; narrow it or try again"
	}
	return http.StatusInternalServerError, "internal error"
}

// isAPI reports whether r is for the JSON API, which answers errors in JSON.
func isAPI(r *http.Request) bool {
	return r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/")
}

// fail answers r with err: a JSON {"error": "..."} for the API, an error page
// otherwise, with the status statusOf gives. 500s are logged.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := statusOf(err)
	if code >= 500 {
		s.opts.Logger.Error("serve", "method", r.Method, "url", r.URL.String(), "status", code, "err", err)
	}
	if code == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", "GET, HEAD")
	}
	if isAPI(r) {
		writeJSON(w, code, struct {
			Error string `json:"error"`
		}{msg})
		return
	}
	page := &ErrorPage{Layout: s.layout("Error", ""), Status: code, StatusText: http.StatusText(code), Message: msg}
	s.render(w, r, code, "error", page)
}

// writeJSON writes v as JSON with status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		code = http.StatusInternalServerError
		b = []byte(`{"error": "internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

func (s *server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, errNotFound)
}

func (s *server) handleMethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, errMethodNotAllowed)
}
