package normalize

import (
	"encoding/binary"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLowerASCII8 checks the eight-byte lowering against lowerASCII for
// every ASCII byte in every position, next to the bytes around 'A' and 'Z'
// where a carry would show.
func TestLowerASCII8(t *testing.T) {
	fill := []byte{0, '@', 'A', 'Z', '[', '`', 'a', 'z', '{', 0x7F}
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < utf8.RuneSelf; c++ {
			for _, f := range fill {
				var b [8]byte
				for k := range b {
					b[k] = f
				}
				b[pos] = byte(c)
				got := lowerASCII8(binary.LittleEndian.Uint64(b[:]))
				var want [8]byte
				for k := range b {
					want[k] = lowerASCII(b[k])
				}
				if got != binary.LittleEndian.Uint64(want[:]) {
					t.Fatalf("lowerASCII8(%q) = %#x, want %q", b[:], got, want[:])
				}
			}
		}
	}
}

// TestLower compares the scanner's lowering with a rune-by-rune one on
// ASCII, mixed scripts and broken UTF-8, across the eight-byte boundary.
func TestLower(t *testing.T) {
	var s scanner
	for _, in := range []string{
		"", "A", "Security Council", "THE GENERAL ASSEMBLY, RECALLING ITS RESOLUTION",
		"Совет Безопасности 1540", "ÉCOSOC Résolution", "abc\xffDEF GHIJKLMNOP",
		"mIxEd 12345 [Z] @A `a {z}", strings.Repeat("Ab", 40) + "Ё",
	} {
		want := lowerBytes([]byte(in))
		if got := s.lower([]byte(in)); got != want {
			t.Errorf("lower(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAtoiBytes(t *testing.T) {
	for _, in := range []string{"0", "7", "1946", "000123", "999999999999999999", "99999999999999999999", "12a", ""} {
		want, _ := strconv.Atoi(in)
		if got := atoiBytes([]byte(in)); got != want {
			t.Errorf("atoiBytes(%q) = %d, want %d", in, got, want)
		}
	}
}
