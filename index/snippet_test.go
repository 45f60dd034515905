package index

import (
	"testing"
)

func TestWordBounds(t *testing.T) {
	text := "Our partners said the harvest was poor. The <b> council met on Tuesday and agreed."
	for _, c := range []struct{ frag, want string }{
		// Cut mid-word at both ends: the partial words go.
		{"…artners said the <mark>harvest</mark> was po…", "…said the <mark>harvest</mark> was…"},
		// Cut between words: kept as is.
		{"…partners said the <mark>harvest</mark> was …", "…partners said the <mark>harvest</mark> was …"},
		// From the start of the text to its end: no cut.
		{"Our partners said", "Our partners said"},
		// A partial word holding a mark or an entity is left whole.
		{"…rtn<mark>ers</mark> said the harvest…", "…rtn<mark>ers</mark> said the harvest…"},
		{"…oor. The &lt;b&gt; coun…", "…The &lt;b&gt;…"},
		// One partial word and nothing else: left alone.
		{"…artners…", "…artners…"},
		// Not found in the text: unchanged.
		{"…nothing like it…", "…nothing like it…"},
	} {
		if got := wordBounds(c.frag, text); got != c.want {
			t.Errorf("wordBounds(%q) = %q, want %q", c.frag, got, c.want)
		}
	}
}
