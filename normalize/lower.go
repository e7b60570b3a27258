package normalize

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// lower returns b in lower case (same length), in the scanner's buffer.
func (s *scanner) lower(b []byte) string {
	s.low = s.low[:0]
	for len(b) > 0 {
		c := b[0]
		if c < utf8.RuneSelf {
			s.low = append(s.low, lowerASCII(c))
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			s.low = append(s.low, c)
		} else {
			s.low = utf8.AppendRune(s.low, toLowerRune(r))
		}
		b = b[n:]
	}
	return unsafeString(s.low)
}

func lowerBytes(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for len(b) > 0 {
		c := b[0]
		if c < utf8.RuneSelf {
			sb.WriteByte(lowerASCII(c))
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(toLowerRune(r))
		}
		b = b[n:]
	}
	return sb.String()
}

// unsafeString views b as a string without copying; b must not change while
// the string is in use (the scanner's buffers are only rewritten by the next
// call that returns such a string).
func unsafeString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}
