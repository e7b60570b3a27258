package normalize

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"
)

type scanner struct {
	x    *Extractor
	f    Folded
	t    []byte
	opt  Options
	cite func(Citation)
	// prev is the last explicit symbol seen, for continuations ("and Add.1").
	prev    rawSymbol
	prevEnd int
	// failed is the start of the last token that was tried as a symbol and
	// was not one, so that its other numbers do not try again.
	failed int
	// done is the end of the last citation emitted: nothing before it is
	// looked at again.
	done int
	word [32]byte
	low  []byte
	// The organs named in the current sentence, up to sentTs.
	sentG   *grammar
	sentLo  int
	sentTs  int
	sentOut []Organ
	// The words before the trigger being read.
	pw prevWords
	// itemBuf is reused by items; callers use the items before the next call.
	itemBuf []item
	// The last date clause looked for.
	dateG           *grammar
	dateAt, dateEnd int
	dateOK          bool
	dateYear        int // year of the last date clause matched, or 0
	// ref is what references back may point at.
	ref referState
	// cited are the numbers of the last citations of single numbers (1540
	// (2004), Council resolution 1325) with their organs, so that a bare
	// repeat of one ("the Committee established by resolution 1540") is
	// placed by the first.
	cited  [8]citedNumber
	nCited int
	ctx    contextCache
	// t[urlRunStart:urlRunEnd] is the run of URL characters that the last
	// urlAround searched and found no URL in.
	urlRunStart, urlRunEnd int
}

type citedNumber struct {
	n     int
	organ Organ
	at    int
}

func (s *scanner) run() {
	t := s.t
	s.prevEnd, s.failed, s.done = -1, -1, 0
	s.sentG, s.sentOut = nil, nil
	s.pw.valid = false
	s.dateOK = false
	s.ref = referState{}
	s.nCited = 0
	s.ctx = contextCache{}
	s.urlRunStart, s.urlRunEnd = -1, -1
	if s.opt.Anaphora {
		defer s.referBetween(len(t))
	}
	for i := 0; i < len(t); {
		j := nextDigit(t, i)
		if j < 0 {
			return
		}
		if j > 0 && isDigit(t[j-1]) {
			// Inside a number that was already looked at.
			i = j + digitsAt(t, j)
			continue
		}
		if e, ok := s.at(j); ok && e > j {
			i = e
			continue
		}
		i = j + digitsAt(t, j)
	}
}

// nextDigit returns the index of the first ASCII digit at or after i, or -1.
// It tests eight bytes at a time, in windows of 32 whose bounds the
// compiler can prove, so that the loop carries no bounds checks.
func nextDigit(t []byte, i int) int {
	const ones, tens, highs = 0x3030303030303030, 0x0A0A0A0A0A0A0A0A, 0x8080808080808080
	// Thirty-two bytes at a time while there is no digit at all.
	for ; i+32 <= len(t); i += 32 {
		w := t[i : i+32 : i+32]
		a := binary.LittleEndian.Uint64(w[0:8]) ^ ones
		b := binary.LittleEndian.Uint64(w[8:16]) ^ ones
		c := binary.LittleEndian.Uint64(w[16:24]) ^ ones
		d := binary.LittleEndian.Uint64(w[24:32]) ^ ones
		if ((a-tens)&^a|(b-tens)&^b|(c-tens)&^c|(d-tens)&^d)&highs != 0 {
			break
		}
	}
	for ; i+8 <= len(t); i += 8 {
		y := binary.LittleEndian.Uint64(t[i:i+8:i+8]) ^ ones
		// A byte is a digit when it is below 10 after the xor. The lowest
		// flagged byte is exact (borrows only run upwards).
		if m := (y - tens) & ^y & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(t); i++ {
		if isDigit(t[i]) {
			return i
		}
	}
	return -1
}

// at looks at the number that starts at t[j] and reports a citation it
// belongs to. It returns the end of what it consumed.
func (s *scanner) at(j int) (int, bool) {
	t := s.t
	// A number inside a token: a symbol (A/RES/73/266, CD/PV.1505, S-10/2)
	// or a URL.
	k := tokenStart(t, j)
	if k < j {
		if e, ok := s.urlAround(k, j); ok {
			return e, true
		}
		if k != s.failed {
			for c := max(k, s.done); c < j; c++ {
				if isUpper(t[c]) && wordStart(t, c) {
					if e, ok := s.symbol(c); ok && e > j {
						return e, true
					}
					break
				}
			}
			s.failed = k
		}
	}
	// A trigger word before the number, or before its token
	// ("resolution 73/266", "resolution S-10/2").
	st := j
	if k < j && isUpper(t[k]) {
		st = k
	}
	if j > 1 && t[j-1] == '-' && t[j-2] >= utf8.RuneSelf || j > 2 && t[j-1] == '-' && t[j-2] == ' ' {
		// A special session spelled as a word: "القرار دإط-10/19".
		for _, g := range s.x.specials {
			if sp, ok := g.specialBefore(t, j-1); ok {
				st = sp
				break
			}
		}
	}
	if e, ok := s.triggerBefore(st); ok {
		return e, true
	}
	if k < j && isUpper(t[k]) && allLetters(t[k:j]) {
		// "UNSCR2231": a shorthand joined to its number.
		if e, ok := s.gluedShorthand(j); ok {
			return e, true
		}
	}
	// 第 before the number: a Chinese group (第 73/27 号和第 73/266 号决议).
	if s.x.zh != nil && st > 0 && (t[st-1] >= utf8.RuneSelf || st > 1 && (t[st-1] == ' ' || t[st-1] == '\n' || t[st-1] == '\r' || t[st-1] == '\t')) {
		p := st
		for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t' || t[p-1] == '\n' || t[p-1] == '\r') {
			p--
		}
		// An item prefix (第) is no ASCII byte.
		if p > 0 && t[p-1] >= utf8.RuneSelf {
			if r, n := utf8.DecodeLastRune(t[:p]); s.isItemPrefixRune(r) && p-n >= s.done {
				if e, ok := s.tailGroup(p-n, false); ok {
					return e, true
				}
			}
		}
	}
	if st < j && s.x.zh != nil && st > 0 && t[st-1] >= utf8.RuneSelf {
		// "大会S-29/2号决议": a special session's number after Chinese text.
		if r, _ := utf8.DecodeLastRune(t[:st]); r >= 0x2E80 && !s.isItemPrefixRune(r) {
			if e, ok := s.tailGroup(st, true); ok {
				return e, true
			}
		}
	}
	return s.bareNumber(j)
}

// tokenStart walks back from the number at t[j] over the characters of a
// symbol, including spaced slashes of tokenised text (S / PV.7642) and a
// line break after a slash.
func tokenStart(t []byte, j int) int {
	k := j
	lo := j - 64
	if lo < 0 {
		lo = 0
	}
	for k > lo {
		c := t[k-1]
		if isAlnum(c) || c == '/' || c == '.' || c == '-' || c == '*' || c == ':' {
			k--
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			q := k - 1
			for q > lo && (t[q-1] == ' ' || t[q-1] == '\t' || t[q-1] == '\r') {
				q--
			}
			if (k < len(t) && t[k] == '/') || (q > lo && t[q-1] == '/') {
				k = q
				continue
			}
		}
		break
	}
	return k
}

// urlAround reports whether the token that starts at t[k] and holds t[j] is
// a URL, and returns the URL's end.
func (s *scanner) urlAround(k, j int) (int, bool) {
	t := s.t
	// The scheme may start before the token start found by tokenStart
	// ("https://" has no digits, so walk back over any URL characters).
	u := k
	lo := k - 512
	if lo < 0 {
		lo = 0
	}
	from := -1 // where to look for a scheme; -1: from u
	for u > lo && urlByte(t[u-1]) {
		if u == s.urlRunEnd && s.urlRunStart >= lo {
			// The rest of the run was searched for the last number in
			// it (a line of comma-separated fields): search only what
			// follows, from a scheme's length before.
			u, from = s.urlRunStart, max(s.urlRunStart, s.urlRunEnd-3)
			break
		}
		u--
	}
	if from < 0 {
		from = u
	}
	seg := t[from:j]
	colon, w := false, false
	for _, c := range seg {
		colon = colon || c == ':'
		w = w || c|0x20 == 'w'
	}
	if !colon && !w {
		// No scheme and no "www." can be in it.
		s.urlRunStart, s.urlRunEnd = u, j
		return 0, false
	}
	if k := bytes.Index(seg, []byte("://")); k >= 0 {
		p := from + k
		for p > u && isAlpha(t[p-1]) {
			p--
		}
		if e, ok := urlEnd(t, p); ok && e > j {
			return e, true
		}
	}
	for _, w := range [][]byte{[]byte("www."), []byte("WWW.")} {
		if k := bytes.Index(seg, w); k >= 0 && (from+k == 0 || !isAlnum(t[from+k-1])) {
			if e, ok := urlEnd(t, from+k); ok && e > j {
				return e, true
			}
		}
	}
	s.urlRunStart, s.urlRunEnd = u, j
	return 0, false
}

// urlByte reports whether c may stand in a URL written in running text.
func urlByte(c byte) bool {
	return c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '('
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

// URLEnd returns the end of a URL (http://, https:// or www.) that starts
// at t[i]: it stops at a space, a quote or an angle bracket, at a closing
// parenthesis it did not open, and before the punctuation that ends a
// sentence. ok is false when no URL starts at t[i].
func URLEnd(t []byte, i int) (end int, ok bool) { return urlEnd(t, i) }

// urlEnd returns the end of a URL starting at t[i].
func urlEnd(t []byte, i int) (int, bool) {
	j := i
	switch {
	case hasPrefixFold(t[i:], "https://"):
		j += 8
	case hasPrefixFold(t[i:], "http://"):
		j += 7
	case hasPrefixFold(t[i:], "www.") && i+4 < len(t) && isAlnum(t[i+4]):
		j += 4
	default:
		return 0, false
	}
	start := j
	parens := 0
	for j < len(t) {
		c := t[j]
		if c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^' {
			break
		}
		if c == '(' {
			parens++
		}
		if c == ')' {
			if parens == 0 {
				break
			}
			parens--
		}
		j++
	}
	// Punctuation that ends a sentence is not part of the URL.
	for j > start && strings.IndexByte(".,;:!?'", t[j-1]) >= 0 {
		j--
	}
	if j == start {
		return 0, false
	}
	return j, true
}

func hasPrefixFold(t []byte, p string) bool {
	if len(t) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if lowerASCII(t[k]) != p[k] {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if isUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

func allLetters(b []byte) bool {
	for _, c := range b {
		if !isAlpha(c) {
			return false
		}
	}
	return true
}
