package web

import (
	"net/http"
	"testing"
)

// TestQueryGuards checks that the index's query guards reach the client
// as a 400 that says what is wrong, on the API and on the pages.
func TestQueryGuards(t *testing.T) {
	h := mustHandler(t, mustIndex(t))
	for _, c := range []struct{ target, want string }{
		{"/api/search?q=*ing", "leading wildcard"},
		{"/api/quotes?q=%3Fater", "leading wildcard"},
		{"/api/search?q=co~2", "shorter than 3 characters"},
		{"/api/search?q=a*+b*+c*+d*+e*+f*+g*+h*+i*", "at most 8"},
		{"/api/search?q=coffee&offset=9995&limit=10", "offset"},
		{"/?q=*ing", "leading wildcard"},
	} {
		t.Run(c.target, func(t *testing.T) {
			body := mustGet(t, h, c.target, http.StatusBadRequest)
			mustContain(t, c.target, body, c.want)
		})
	}
}
