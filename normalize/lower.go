package normalize

import (
	"encoding/binary"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// lower returns b in lower case, in the scanner's buffer. ASCII is lowered
// eight bytes at a time.
func (s *scanner) lower(b []byte) string {
	out := s.low[:0]
	for len(b) > 0 {
		if len(b) >= 8 {
			if x := binary.LittleEndian.Uint64(b[:8:8]); x&0x8080808080808080 == 0 {
				out = binary.LittleEndian.AppendUint64(out, lowerASCII8(x))
				b = b[8:]
				continue
			}
		}
		c := b[0]
		if c < utf8.RuneSelf {
			out = append(out, lowerASCII(c))
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			out = append(out, c)
		} else {
			out = utf8.AppendRune(out, toLowerRune(r))
		}
		b = b[n:]
	}
	s.low = out
	return unsafeString(out)
}

// lowerASCII8 lowers the eight ASCII bytes of x: each byte from 'A' to 'Z'
// gains 0x20. Adding 0x80-'A' (0x3F) to a byte below 0x80 sets its high bit
// exactly when it is at least 'A', adding 0x80-'Z'-1 (0x25) when it is above
// 'Z'; no carry crosses into the next byte.
func lowerASCII8(x uint64) uint64 {
	const highs = 0x8080808080808080
	ge := (x + 0x3F3F3F3F3F3F3F3F) & highs
	gt := (x + 0x2525252525252525) & highs
	return x | (ge&^gt)>>2
}

// atoiBytes returns the value of a run of ASCII digits, as strconv.Atoi
// would, without making a string of it.
func atoiBytes(b []byte) int {
	if len(b) == 0 || len(b) > 18 {
		v, _ := strconv.Atoi(string(b))
		return v
	}
	v := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			v, _ := strconv.Atoi(string(b))
			return v
		}
		v = v*10 + int(c-'0')
	}
	return v
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
