package fetch

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// notDocument says what a 2xx body is when it is neither a document format,
// nor HTML, nor empty: text (a "Document not found" answered as text/plain
// with 200) or binary data that no document starts with. Where a document
// was expected, either is a soft-404, and the reason quotes the text.
func notDocument(body []byte, contentType string) string {
	head := body[:min(len(body), 512)]
	if looksText(head) {
		line := bytes.TrimSpace(head)
		if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
			line = bytes.TrimSpace(line[:i])
		}
		if len(line) > 80 {
			line = line[:80]
			for len(line) > 0 && !utf8.Valid(line) {
				line = line[:len(line)-1]
			}
			line = append(line[:len(line):len(line)], "…"...)
		}
		ct := contentType
		if ct == "" {
			ct = "no content type"
		}
		return fmt.Sprintf("text (%s, %d bytes) instead of a document: %s", ct, len(body), strconv.Quote(string(line)))
	}
	return fmt.Sprintf("%d bytes of binary data in no document format (starting % X)", len(body), body[:min(len(body), 8)])
}

// looksText reports whether b is text: valid UTF-8 (a rune may be cut at
// the end), no NUL, and few control characters.
func looksText(b []byte) bool {
	ctl := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 && len(b)-i >= utf8.UTFMax {
			return false
		}
		switch {
		case r == 0:
			return false
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			ctl++
		case unicode.Is(unicode.Cc, r) && r >= 0x7F:
			ctl++
		}
		i += n
	}
	return ctl*20 <= len(b)
}
