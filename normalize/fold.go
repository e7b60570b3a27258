package normalize

import (
	"encoding/binary"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Folded is text in the form the citation grammars read: full-width forms
// narrowed, exotic spaces turned into ASCII spaces, Arabic-Indic digits turned
// into ASCII digits, invisible marks removed, and Cyrillic look-alike capitals
// inside symbols turned into Latin letters. It keeps a map from every folded
// byte back to the bytes of the original input, so that a span found in the
// folded text can be reported as a span of the input.
//
// A Folded value can be reused with Reset to avoid allocation.
type Folded struct {
	// Text is the folded text. When nothing needed folding it aliases the input.
	Text []byte
	// segs lists, in order, every place where the folded text differs from the
	// input. Between two segments the text is copied byte for byte.
	segs []seg
	buf  []byte
	n    int // length of the original input
	hint int // the segment segBefore found last
}

// seg records that folded bytes [out, out+outLen) came from input bytes
// [in, in+inLen). outLen is 0 for a removed rune.
type seg struct {
	out, in       int
	outLen, inLen int
}

// Fold folds src. The result never changes src.
func Fold(src []byte) *Folded {
	f := new(Folded)
	f.Reset(src)
	return f
}

// FoldString is Fold for strings, for tests and small inputs.
func FoldString(s string) string {
	return string(Fold([]byte(s)).Text)
}

// Identity reports whether the folded text is byte for byte the input.
func (f *Folded) Identity() bool { return len(f.segs) == 0 }

// maybe marks the lead bytes of runes that folding may change. Everything
// else, including all of CJK, is copied without being decoded.
var maybe = func() (t [256]bool) {
	for _, b := range []byte{0xC2, 0xD0, 0xD1, 0xD8, 0xD9, 0xDB, 0xE1, 0xE2, 0xE3, 0xEF} {
		t[b] = true
	}
	return
}()

// Reset folds src into f, reusing f's memory.
func (f *Folded) Reset(src []byte) {
	f.segs, f.hint = f.segs[:0], 0
	f.n = len(src)
	out := f.buf[:0]
	copied := 0 // src[:copied] has been accounted for in out
	started := false
	var tmp [utf8.UTFMax * 4]byte
	for i := 0; i < len(src); {
		c := src[i]
		if c < 0x80 {
			// Skip ASCII sixty-four, then eight bytes at a time, when the
			// next eight are ASCII (not after the one space between words
			// of other scripts).
			i++
			if i+8 <= len(src) && binary.LittleEndian.Uint64(src[i:i+8:i+8])&0x8080808080808080 == 0 {
				i = skipASCII(src, i+8)
			}
			continue
		}
		if !maybe[c] {
			i++
			continue
		}
		if i+1 < len(src) && src[i+1]&0xC0 == 0x80 && c < 0xE0 && !folds2(c, src[i+1]) {
			// A Cyrillic or Arabic letter: most of such text. Its word's
			// other letters in one tight loop.
			i += 2
			for i+1 < len(src) && src[i] >= 0xC2 && src[i] < 0xE0 && src[i+1]&0xC0 == 0x80 && !folds2(src[i], src[i+1]) {
				i += 2
			}
			continue
		}
		if c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] >= 0x94 && src[i+2] <= 0xA9 || src[i+2] >= 0xB0 && src[i+2] <= 0xBF) {
			i += 3 // dashes, quotation marks, bullets, ellipsis: U+2014–U+2029, U+2030–U+203F
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			i++
			continue
		}
		repl, drop, ok := foldRune(src, i, r, size, tmp[:0])
		if ok && drop && brokenTail(out, src[copied:i]) {
			// Removing a mark after broken UTF-8 could join the broken bytes
			// with what follows into a new character; keep it.
			ok = false
		}
		if !ok {
			i += size
			continue
		}
		if !started {
			started = true
			if cap(out) < len(src) {
				out = make([]byte, 0, len(src)+len(src)/16)
			}
		}
		out = append(out, src[copied:i]...)
		s := seg{out: len(out), in: i, inLen: size}
		if !drop {
			out = append(out, repl...)
			s.outLen = len(repl)
		}
		f.segs = append(f.segs, s)
		i += size
		copied = i
	}
	if !started {
		f.Text = src
		return
	}
	out = append(out, src[copied:]...)
	f.buf = out
	f.Text = out
}

// brokenTail reports whether the folded text so far (out, then pending)
// ends in a byte of broken UTF-8.
func brokenTail(out, pending []byte) bool {
	var tail []byte
	if len(pending) >= utf8.UTFMax {
		tail = pending[len(pending)-utf8.UTFMax:]
	} else {
		var buf [2 * utf8.UTFMax]byte
		o := out
		if len(o) > utf8.UTFMax {
			o = o[len(o)-utf8.UTFMax:]
		}
		tail = append(append(buf[:0], o...), pending...)
	}
	if len(tail) == 0 || tail[len(tail)-1] < utf8.RuneSelf {
		return false
	}
	r, n := utf8.DecodeLastRune(tail)
	return r == utf8.RuneError && n <= 1
}

// foldRune decides what r (at src[i:i+size]) becomes. It returns ok=false
// when r stays as it is.
func foldRune(src []byte, i int, r rune, size int, tmp []byte) (repl []byte, drop, ok bool) {
	switch {
	case r == 0xFEFF, r == 0x200B, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F,
		r == 0x061C, r == 0x00AD, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		// Byte-order mark, zero-width characters, bidi controls and the soft
		// hyphen carry no text: PDF extraction and right-to-left text scatter
		// them inside numbers. (After broken UTF-8 the mark stays: see
		// Reset.)
		return nil, true, true
	case r == 0x00A0, r == 0x1680, r >= 0x2000 && r <= 0x200A, r == 0x202F, r == 0x205F, r == 0x3000:
		return append(tmp, ' '), false, true
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
		// Arabic vowel marks and the tatweel stretch words without
		// changing them: "القَرار" is "القرار".
		return nil, true, true
	case r == 0x066B:
		return append(tmp, '.'), false, true // Arabic decimal separator
	case r == 0x066C:
		return append(tmp, ','), false, true // Arabic thousands separator
	case r >= 0x0660 && r <= 0x0669:
		return append(tmp, byte('0'+r-0x0660)), false, true
	case r >= 0x06F0 && r <= 0x06F9:
		return append(tmp, byte('0'+r-0x06F0)), false, true
	case r >= 0x2010 && r <= 0x2013, r == 0x2212:
		// Hyphen, non-breaking hyphen, figure dash, en dash and minus all
		// stand for '-' inside symbols (S-10/2) and part ranges (A–B).
		return append(tmp, '-'), false, true
	case r >= 0xFF01 && r <= 0xFF5E:
		// Full-width ASCII, as typed with a Chinese input method.
		// x/text's width tables give the narrow form; LookupRune does not
		// allocate, unlike the Transformer.
		if n := width.LookupRune(r).Narrow(); n != 0 {
			return utf8.AppendRune(tmp, n), false, true
		}
		return nil, false, false
	case r >= 0x0400 && r <= 0x04FF:
		if l, ok := cyrillicLookalike(r); ok && insideSymbol(src, i, size) {
			return append(tmp, l), false, true
		}
		return nil, false, false
	case r >= 0x2100 && r <= 0x218F, r >= 0x2460 && r <= 0x24FF, r >= 0x3200 && r <= 0x33FF, r >= 0xFB00 && r <= 0xFB06:
		// Letterlike symbols (№), Roman numeral characters (Ⅲ), circled and
		// parenthesised numbers and the Latin ligatures that PDF text keeps.
		d := norm.NFKC.Bytes(src[i : i+size])
		if string(d) == string(src[i:i+size]) {
			return nil, false, false
		}
		return d, false, true
	}
	return nil, false, false
}

// folds2 reports whether the two-byte rune c b2 may fold, without decoding
// it: in Cyrillic only the look-alike capitals (U+0406, U+0410–U+0425) may,
// in Arabic only marks, digits and separators. It must agree with foldRune.
func folds2(c, b2 byte) bool {
	switch c {
	case 0xD0: // U+0400–U+043F
		return b2 >= 0x86 && b2 <= 0xA5
	case 0xD1: // U+0440–U+047F: lower case
		return false
	case 0xD8: // U+0600–U+063F
		return b2 == 0x9C
	case 0xD9: // U+0640–U+067F
		return b2 == 0x80 || b2 >= 0x8B && b2 <= 0xAC || b2 == 0xB0
	case 0xDB: // U+06C0–U+06FF
		return b2 >= 0xB0 && b2 <= 0xB9
	}
	return true
}

// cyrillicLookalike maps Cyrillic capitals that print like Latin capitals.
func cyrillicLookalike(r rune) (byte, bool) {
	switch r {
	case 'А':
		return 'A', true
	case 'В':
		return 'B', true
	case 'Е':
		return 'E', true
	case 'К':
		return 'K', true
	case 'М':
		return 'M', true
	case 'Н':
		return 'H', true
	case 'О':
		return 'O', true
	case 'Р':
		return 'P', true
	case 'С':
		return 'C', true
	case 'Т':
		return 'T', true
	case 'Х':
		return 'X', true
	case 'У':
		return 'Y', true
	case 'І':
		return 'I', true
	}
	return 0, false
}

// insideSymbol reports whether the Cyrillic look-alike at src[i:i+size]
// belongs to a symbol or a citation rather than to a Russian word. That is the
// case when its word is made only of upper-case look-alikes and Latin
// capitals and either mixes in a Latin capital (XXIХ), or is a lone letter
// right after a number (50/70 Р), or is a Roman numeral in parentheses.
// Invisible marks are skipped so that folding stays idempotent.
func insideSymbol(src []byte, i, size int) bool {
	start, end := i, i+size
	latin, cyr := 0, 0
	roman := true
	for start > 0 {
		r, n := utf8.DecodeLastRune(src[:start])
		if invisible(r) {
			start -= n
			continue
		}
		if !symbolLetter(r, &latin, &cyr, &roman) {
			if isWordRune(r) {
				return false
			}
			break
		}
		start -= n
	}
	for end < len(src) {
		r, n := utf8.DecodeRune(src[end:])
		if invisible(r) {
			end += n
			continue
		}
		if !symbolLetter(r, &latin, &cyr, &roman) {
			if isWordRune(r) {
				return false
			}
			break
		}
		end += n
	}
	r, _ := utf8.DecodeRune(src[i:])
	symbolLetter(r, &latin, &cyr, &roman)
	if latin > 0 {
		return true
	}
	prev := prevVisible(src, start)
	next := nextVisible(src, end)
	if cyr == 1 && prev >= '0' && prev <= '9' {
		return true
	}
	return roman && prev == '(' && next == ')'
}

func symbolLetter(r rune, latin, cyr *int, roman *bool) bool {
	switch {
	case r >= 'A' && r <= 'Z':
		*latin++
		if !isRomanLetter(byte(r)) {
			*roman = false
		}
		return true
	case r >= 0x0400 && r <= 0x04FF:
		l, ok := cyrillicLookalike(r)
		if !ok {
			return false
		}
		*cyr++
		if !isRomanLetter(l) {
			*roman = false
		}
		return true
	}
	return false
}

func isRomanLetter(b byte) bool {
	switch b {
	case 'I', 'V', 'X', 'L', 'C', 'D', 'M':
		return true
	}
	return false
}

func invisible(r rune) bool {
	return r == 0xFEFF || (r >= 0x200B && r <= 0x200F) || r == 0x061C || r == 0x00AD ||
		(r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		r >= 0x00C0 && r <= 0x024F || r >= 0x0400 && r <= 0x04FF || isArabicLetter(r)
}

// isArabicLetter reports whether r is a letter or mark of Arabic words (not
// its punctuation or digits).
func isArabicLetter(r rune) bool {
	return r >= 0x0620 && r <= 0x065F || r >= 0x066E && r <= 0x06D3 || r >= 0x06FA && r <= 0x06FF
}

// prevVisible returns the last rune before src[:i] that is neither a space nor
// an invisible mark, or 0.
func prevVisible(src []byte, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRune(src[:i])
		if !invisible(r) && !isSpaceRune(r) {
			return r
		}
		i -= n
	}
	return 0
}

func nextVisible(src []byte, i int) rune {
	for i < len(src) {
		r, n := utf8.DecodeRune(src[i:])
		if !invisible(r) && !isSpaceRune(r) {
			return r
		}
		i += n
	}
	return 0
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x00A0, 0x1680, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// Orig maps the folded span [start, end) to the span of the original input
// it came from. A folded byte that came from a longer rune maps to the whole
// rune, so the result always starts and ends on rune boundaries of the input.
func (f *Folded) Orig(start, end int) (int, int) {
	if len(f.segs) == 0 {
		return start, end
	}
	s := f.origStart(start)
	if end <= start {
		return s, s
	}
	return s, f.origEnd(end)
}

// OrigOffset maps one folded offset to the input (the start of the rune it
// came from).
func (f *Folded) OrigOffset(p int) int {
	if len(f.segs) == 0 {
		return p
	}
	return f.origStart(p)
}

func (f *Folded) origStart(p int) int {
	// The last segment starting at or before p decides.
	k := f.segBefore(p)
	if k < 0 {
		return p
	}
	s := f.segs[k]
	if p < s.out+s.outLen {
		return s.in
	}
	return s.in + s.inLen + (p - s.out - s.outLen)
}

func (f *Folded) origEnd(e int) int {
	p := e - 1
	k := f.segBefore(p)
	if k < 0 {
		return e
	}
	s := f.segs[k]
	if p < s.out+s.outLen {
		return s.in + s.inLen
	}
	return s.in + s.inLen + (p - s.out - s.outLen) + 1
}

// segBefore returns the index of the last segment that starts at or before
// folded offset p, or -1. Offsets are asked for in order, so the answer
// before is tried first.
func (f *Folded) segBefore(p int) int {
	segs := f.segs
	if k := f.hint; k < len(segs) && segs[k].out <= p && (k+1 == len(segs) || segs[k+1].out > p) {
		return k
	}
	lo, hi := 0, len(segs) // segs[:lo] start at or before p, segs[hi:] after
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if segs[m].out <= p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo > 0 {
		f.hint = lo - 1
	}
	return lo - 1
}

// skipASCII returns the index of the first byte at or after i that is not
// ASCII, or a few bytes before it. It reads windows of 64 and 8 bytes whose
// bounds the compiler can prove, so that the loops carry no bounds checks.
func skipASCII(src []byte, i int) int {
	const highs = 0x8080808080808080
	for ; i+64 <= len(src); i += 64 {
		w := src[i : i+64 : i+64]
		if (binary.LittleEndian.Uint64(w[0:8])|binary.LittleEndian.Uint64(w[8:16])|
			binary.LittleEndian.Uint64(w[16:24])|binary.LittleEndian.Uint64(w[24:32])|
			binary.LittleEndian.Uint64(w[32:40])|binary.LittleEndian.Uint64(w[40:48])|
			binary.LittleEndian.Uint64(w[48:56])|binary.LittleEndian.Uint64(w[56:64]))&highs != 0 {
			break
		}
	}
	for ; i+8 <= len(src); i += 8 {
		if binary.LittleEndian.Uint64(src[i:i+8:i+8])&highs != 0 {
			break
		}
	}
	return i
}
