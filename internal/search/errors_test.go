package search

import (
	"errors"
	"fmt"
	"testing"
)

func TestCodes(t *testing.T) {
	for _, c := range []struct {
		err  error
		want Code
	}{
		{nil, ""},
		{errors.New("disk on fire"), CodeInternal},
		{fmt.Errorf("%w: limit", ErrBadQuery), CodeBadQuery},
		{fmt.Errorf("article x: %w", ErrNotFound), CodeNotFound},
		{fmt.Errorf("open: %w", ErrLocked), CodeLocked},
		{fmt.Errorf("put: %w", ErrReadOnly), CodeReadOnly},
		{fmt.Errorf("%w: a segment is short", ErrDamaged), CodeDamaged},
		{fmt.Errorf("%w in i", ErrNoSpace), CodeNoSpace},
		{fmt.Errorf("open index i: %w", ErrMappingVersion), CodeMappingVersion},
		{NewError(CodeNoSpace, "not enough free space in i"), CodeNoSpace},
		{NewError(CodeNotFound, "article x: not found"), CodeNotFound},
	} {
		if got := CodeOf(c.err); got != c.want {
			t.Errorf("CodeOf(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

// TestErrorCrossesAsItWas: an error rebuilt from its code and message is
// its sentinel for errors.Is and says what the original said.
func TestErrorCrossesAsItWas(t *testing.T) {
	orig := fmt.Errorf("%w: position 3: expected a term", ErrBadQuery)
	got := NewError(CodeOf(orig), orig.Error())
	if !errors.Is(got, ErrBadQuery) || errors.Is(got, ErrNotFound) {
		t.Errorf("errors.Is(rebuilt bad query, ErrBadQuery/ErrNotFound) = %v/%v, want true/false", errors.Is(got, ErrBadQuery), errors.Is(got, ErrNotFound))
	}
	if got.Error() != orig.Error() {
		t.Errorf("rebuilt error says %q, want %q", got, orig)
	}
	if errors.Is(NewError(CodeInternal, "x"), ErrBadQuery) {
		t.Error("an internal error is a bad query")
	}
}
