package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// contentSecurityPolicy allows the page's own origin only, and no inline
// script or style: pages load /static/style.css and /static/app.js and
// nothing else. frame-ancestors 'none' forbids framing (clickjacking).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// rejectBody answers 400 to a request that carries a body: the server only
// reads, through GET parameters.
func (s *server) rejectBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > 0 || len(r.TransferEncoding) > 0 {
			s.fail(w, r, badRequestf("request body not accepted: pass parameters in the URL"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// deadline runs each request under the configured timeout. The index checks
// the context while it collects hits.
func (s *server) deadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// limit lets at most Options.MaxConcurrent requests use the index at
// once; the others wait their turn, first come first served, within their
// deadline (then 503). On a saturated machine this keeps a costly request
// (facets over every article) from being slowed by all the others at once
// until it overruns its deadline: requests queue instead of sharing the
// cores ever more thinly. Static files are not limited.
//
// A slot covers the work, not the client: the handler writes its answer
// into a buffer (bufferedResponse), the slot is freed, and only then is the
// answer sent, under a write deadline of Options.Timeout. Four clients
// reading a 3.4 MB answer slowly held every slot until the server's write
// timeout.
func (s *server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case s.slots <- struct{}{}:
		case <-r.Context().Done():
			s.fail(w, r, r.Context().Err())
			return
		}
		buf := &bufferedResponse{header: w.Header()}
		func() {
			defer func() { <-s.slots }()
			next.ServeHTTP(buf, r)
		}()
		// The server's WriteTimeout runs from the request's arrival;
		// the answer gets a full Timeout of its own. Not every
		// ResponseWriter supports it (httptest's), hence no error check.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.opts.Timeout))
		buf.send(w)
	})
}

// bufferedResponse is a ResponseWriter that keeps the answer until send.
type bufferedResponse struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(code int) {
	if b.code == 0 {
		b.code = code
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.code == 0 {
		b.code = http.StatusOK
	}
	return b.body.Write(p)
}

// send writes the kept answer to w.
func (b *bufferedResponse) send(w http.ResponseWriter) {
	if b.code == 0 {
		b.code = http.StatusOK
	}
	if b.header.Get("Content-Length") == "" && b.code != http.StatusNoContent && b.code != http.StatusNotModified {
		b.header.Set("Content-Length", strconv.Itoa(b.body.Len()))
	}
	w.WriteHeader(b.code)
	w.Write(b.body.Bytes())
}

// recoverer turns a panic in a handler into a 500 instead of a dropped
// connection, and logs it.
func (s *server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.fail(w, r, fmt.Errorf("panic serving %s: %v", r.URL.Path, v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
