package search

import (
	"errors"
)

// Code is the kind of an error a caller may act on. It travels with the
// error where the error cannot (the remote's responses), and the frontends
// map it to exit codes and HTTP statuses.
type Code string

// Error codes. CodeInternal is every error without a code of its own.
const (
	CodeBadQuery Code = "bad_query"
	CodeNotFound Code = "not_found"
	CodeLocked   Code = "locked"
	CodeReadOnly Code = "read_only"
	CodeDamaged  Code = "damaged"
	CodeNoSpace  Code = "no_space"
	// CodeMappingVersion: the index must be rebuilt by this version.
	CodeMappingVersion Code = "mapping_version"
	CodeInternal       Code = "internal"
)

// Errors a caller may act on; wrap them (fmt.Errorf("...: %w", ErrX))
// and test with errors.Is.
var (
	// ErrBadQuery wraps every error caused by the request itself: query
	// syntax, unknown fields or filter values, limits out of bounds.
	ErrBadQuery = &codeError{CodeBadQuery, "bad query"}
	// ErrNotFound is an unknown article ID, or no index where one was
	// to be opened for reading.
	ErrNotFound = &codeError{CodeNotFound, "not found"}
	// ErrLocked is an index another process holds for writing longer
	// than a lock timeout.
	ErrLocked = &codeError{CodeLocked, "index locked"}
	// ErrReadOnly is a write to a store opened read-only.
	ErrReadOnly = &codeError{CodeReadOnly, "index opened read-only"}
	// ErrDamaged is an index whose files a store cannot read: it must be
	// removed and built again.
	ErrDamaged = &codeError{CodeDamaged, "index is damaged"}
	// ErrNoSpace is a write refused because the store's file system has
	// too little free space for it; nothing was written.
	ErrNoSpace = &codeError{CodeNoSpace, "not enough free space"}
	// ErrMappingVersion is an index built by another newsdex version, with
	// another mapping: it must be rebuilt.
	ErrMappingVersion = &codeError{CodeMappingVersion, "index built by another newsdex version"}
)

// sentinels maps each code to its sentinel: the one table both CodeOf and
// Errorf read.
var sentinels = map[Code]*codeError{
	CodeBadQuery:       ErrBadQuery,
	CodeNotFound:       ErrNotFound,
	CodeLocked:         ErrLocked,
	CodeReadOnly:       ErrReadOnly,
	CodeDamaged:        ErrDamaged,
	CodeNoSpace:        ErrNoSpace,
	CodeMappingVersion: ErrMappingVersion,
}

// codeError is a sentinel: an error with a code.
type codeError struct {
	code Code
	msg  string
}

func (e *codeError) Error() string { return e.msg }

// CodeOf returns the code of the first sentinel err wraps, CodeInternal
// when it wraps none, "" for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var ce *codeError
	if errors.As(err, &ce) {
		return ce.code
	}
	var re *Error
	if errors.As(err, &re) {
		return re.Code
	}
	return CodeInternal
}

// Error is an error known by its code and message only: one that crossed
// a process boundary (the remote rebuilds errors with it). errors.Is finds
// the sentinel of its code.
type Error struct {
	Code    Code
	Message string
}

// NewError returns the error with code and message msg (the whole text of
// the original error).
func NewError(code Code, msg string) error {
	return &Error{Code: code, Message: msg}
}

func (e *Error) Error() string { return e.Message }

// Is reports whether target is the sentinel of e's code.
func (e *Error) Is(target error) bool {
	s, ok := sentinels[e.Code]
	return ok && target == error(s)
}
