// Package remote serves a search.Store over a Unix socket and dials one: how
// `newsdex index`, `search`, `quotes`, `show` and `stats` work on an index a
// running `newsdex serve` holds.
//
// bleve locks an index's root.bolt exclusively for a writer, and a reader
// would shut writers out, so a second process cannot open an index a server
// has open. Instead the server, which holds the index for writing, listens on
// a Unix socket inside the index folder (SocketName, mode 0600: only the
// index's owner can connect, and nothing is reachable over the network).
// Clients try that socket first (Dial): when a server answers, every call of
// search.Store goes through it, and the server's searches see each batch as
// soon as it is committed. When no server answers (no socket, or a stale one
// left by a server that was killed), the caller opens the index itself.
//
// The protocol is HTTP over the socket: one POST a method, a JSON request
// body, a JSON answer. An error is answered with the HTTP status and a JSON
// body {"code", "error"} where code is the search.Code of the error, mapped
// both ways by one table (statuses); the client rebuilds it with
// search.NewError, so errors.Is finds the same sentinel on both sides.
package remote

import (
	"net/http"
	"time"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/search"
)

// SocketName is the server's socket inside the index folder.
const SocketName = "newsdex.sock"

// Call paths, one per method of search.Store.
const (
	pathPing         = "/ping"
	pathPut          = "/put"
	pathFingerprints = "/fingerprints"
	pathContents     = "/contents"
	pathFileHash     = "/filehash"
	pathRecordFiles  = "/recordfiles"
	pathPrecompute   = "/precompute"
	pathSearch       = "/search"
	pathQuotes       = "/quotes"
	pathArticle      = "/article"
	pathStats        = "/stats"
)

// Request body limits, by kind of call.
const (
	maxBatchBytes  = 1 << 30
	maxIDsBytes    = 64 << 20
	maxSmallBytes  = 1 << 20
	maxHashesBytes = 256 << 20
)

// statuses is the one table between error codes and HTTP statuses.
var statuses = map[search.Code]int{
	search.CodeBadQuery: http.StatusBadRequest,
	search.CodeNotFound: http.StatusNotFound,
	search.CodeLocked:   http.StatusConflict,
	search.CodeReadOnly: http.StatusForbidden,
	// The index must be rebuilt or given room: the server is in no state
	// to answer, whatever the request.
	search.CodeDamaged:        http.StatusInternalServerError,
	search.CodeNoSpace:        http.StatusInsufficientStorage,
	search.CodeMappingVersion: http.StatusInternalServerError,
	search.CodeInternal:       http.StatusInternalServerError,
}

// wireError is the body of an error answer.
type wireError struct {
	Code  search.Code `json:"code"`
	Error string      `json:"error"`
}

// wireArticle carries an article whole. The JSON shape of an Article (what
// `extract` and `show` print) keeps the date as a day and leaves the date as
// written out: a server given that shape stored articles whose fingerprint
// differed from the client's, so indexing through a server never skipped an
// unchanged article.
type wireArticle struct {
	Article  *article.Article `json:"article"`
	Date     time.Time        `json:"date_time"`
	DateText string           `json:"date_text,omitempty"`
}

func toWire(a *article.Article) wireArticle {
	return wireArticle{Article: a, Date: a.Date, DateText: a.DateText}
}

// article returns the article w carries, as it was sent.
func (w wireArticle) article() *article.Article {
	a := w.Article
	if a == nil {
		a = &article.Article{}
	}
	a.Date, a.DateText = w.Date, w.DateText
	return a
}

// searchReply carries a search result with the hits' sort keys, which the
// JSON shape of a hit leaves out (the CLI pages --all with them).
type searchReply[H search.Hit] struct {
	Result *search.Result[H] `json:"result"`
	Keys   [][]string        `json:"keys"`
}
