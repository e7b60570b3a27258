package cache

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SnippetRadius is how many characters Snippet keeps on each side of a
// citation.
const SnippetRadius = 40

// Snippet returns the citation text[start:end] with up to SnippetRadius
// characters of context on each side, cut on character boundaries, with every
// run of white space (line breaks included) turned into one space. Offsets
// out of range are clamped. It is the snippet Occurrence expects; the caller
// may build its own.
func Snippet(text []byte, start, end int) string {
	start = min(max(start, 0), len(text))
	end = min(max(end, start), len(text))
	from := start
	for n := 0; n < SnippetRadius && from > 0; n++ {
		_, size := utf8.DecodeLastRune(text[:from])
		from -= size
	}
	to := end
	for n := 0; n < SnippetRadius && to < len(text); n++ {
		_, size := utf8.DecodeRune(text[to:])
		to += size
	}
	var b strings.Builder
	b.Grow(to - from)
	space := false
	for _, r := range string(text[from:to]) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
