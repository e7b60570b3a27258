package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word matching on folded text. Grammar words are lower case; text may be in
// any case. Matching never changes byte offsets: a rune is only lowered when
// its lower-case form has the same length.

func toLowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	switch {
	case r >= 0x0410 && r <= 0x042F: // Cyrillic А–Я
		return r + 0x20
	case r >= 0x0430 && r <= 0x045F, r >= 0x0600 && r <= 0x06FF, r >= 0x4E00 && r <= 0x9FFF:
		// Cyrillic lower case, Arabic and CJK have nothing to lower.
		return r
	}
	l := unicode.ToLower(r)
	if utf8.RuneLen(l) != utf8.RuneLen(r) {
		return r
	}
	return l
}

func toUpperRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	u := unicode.ToUpper(r)
	if utf8.RuneLen(u) != utf8.RuneLen(r) {
		return r
	}
	return u
}

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlpha(byte(r))
	}
	switch {
	case r >= 0x0410 && r <= 0x044F, isArabicLetter(r) && (r < 0x064B || r > 0x065F):
		return true
	}
	return unicode.IsLetter(r)
}

// matchWordFold matches the lower-case word w at t[i], ignoring case, and
// returns the end of the match. It does not look at what follows.
func matchWordFold(t []byte, i int, w string) (int, bool) {
	j := i
	for k := 0; k < len(w); {
		if j >= len(t) {
			return 0, false
		}
		wc := w[k]
		if wc < utf8.RuneSelf {
			if lowerASCII(t[j]) != wc {
				return 0, false
			}
			j++
			k++
			continue
		}
		if n := k + utf8SeqLen(wc); n <= len(w) && j+n-k <= len(t) && string(t[j:j+n-k]) == w[k:n] {
			// The same bytes: nothing to decode or lower.
			j, k = j+n-k, n
			continue
		}
		if caselessLead(wc) {
			return 0, false // no other character lowers to one without case
		}
		wr, wn := utf8.DecodeRuneInString(w[k:])
		tr, tn := utf8.DecodeRune(t[j:])
		if toLowerRune(tr) != wr {
			return 0, false
		}
		j += tn
		k += wn
	}
	return j, true
}

// utf8SeqLen returns the length of the UTF-8 sequence that lead byte c
// starts (1 for a byte that starts none).
func utf8SeqLen(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	case c >= 0xC0:
		return 2
	}
	return 1
}

// caselessLead reports whether every character that lead byte c starts is
// of a script without case (Arabic U+0600–U+06FF, CJK U+4000–U+9FFF), so
// that only the same lead byte can start a match.
func caselessLead(c byte) bool {
	return c >= 0xD8 && c <= 0xDB || c >= 0xE4 && c <= 0xE9
}

// wordEnd reports whether a word may end before t[e]: what follows is not a
// letter or digit of an alphabetic script.
func wordEnd(t []byte, e int) bool {
	if e >= len(t) {
		return true
	}
	c := t[e]
	if c < utf8.RuneSelf {
		return !isAlnum(c)
	}
	r, _ := utf8.DecodeRune(t[e:])
	return !isWordRune(r)
}

// matchPhrase matches a grammar phrase at t[i]. A space in the phrase
// matches any run of spaces and at most one line break; a phrase that ends
// in a letter must end at a word boundary.
func matchPhrase(t []byte, i int, phrase string) (int, bool) {
	// Most calls fail on the first byte: test it before the loop.
	if len(phrase) > 0 && phrase[0] != ' ' {
		c := phrase[0]
		switch {
		case i >= len(t):
			return 0, false
		case c < utf8.RuneSelf:
			if lowerASCII(t[i]) != c {
				return 0, false
			}
		case t[i] < 0xC0:
			// ASCII or the middle of a character: no letter of the
			// phrase starts here.
			return 0, false
		case caselessLead(c) && t[i] != c:
			return 0, false
		}
	}
	j := i
	k := 0
	for k < len(phrase) {
		if phrase[k] == ' ' {
			q, _ := skipSpaceNL(t, j, maxBreaks)
			if q == j {
				return 0, false
			}
			j = q
			k++
			continue
		}
		// Match up to the next space of the phrase.
		e := k
		for e < len(phrase) && phrase[e] != ' ' {
			e++
		}
		m, ok := matchWordFold(t, j, phrase[k:e])
		if !ok {
			return 0, false
		}
		j, k = m, e
	}
	last, _ := utf8.DecodeLastRuneInString(phrase)
	if isWordRune(last) && !wordEnd(t, j) {
		return 0, false
	}
	return j, true
}

// matchAny matches the first phrase of list at t[i].
func matchAny(t []byte, i int, list []string) (int, bool) {
	for _, p := range list {
		if e, ok := matchPhrase(t, i, p); ok {
			return e, true
		}
	}
	return 0, false
}

// phraseSet is a list of phrases compiled for endsWithPhrase: the phrases'
// words, grouped by their last word.
type phraseSet struct {
	last   wordSet
	byLast map[string][][]string
	most   int // the most words in a phrase
}

func newPhraseSet(list []string) phraseSet {
	ps := phraseSet{byLast: map[string][][]string{}}
	for _, p := range list {
		w := strings.Fields(p)
		if len(w) == 0 {
			continue
		}
		l := w[len(w)-1]
		if _, ok := ps.byLast[l]; !ok {
			ps.last.add(l)
		}
		ps.byLast[l] = append(ps.byLast[l], w)
		if len(w) > ps.most {
			ps.most = len(w)
		}
	}
	return ps
}

// endsWithPhrase reports whether one of the phrases ends right before t[ts]
// (spaces between allowed) and starts a word, and returns where it starts.
// It reads whole words backwards, so its cost does not depend on the
// number of phrases.
func (s *scanner) endsWithPhrase(t []byte, ts int, ps *phraseSet) (int, bool) {
	st, _, ok := s.phraseBefore(t, ts, ps)
	return st, ok
}

// phraseBefore is endsWithPhrase that also returns the phrase matched, as
// its words joined by spaces.
func (s *scanner) phraseBefore(t []byte, ts int, ps *phraseSet) (int, string, bool) {
	if len(ps.byLast) == 0 {
		return 0, "", false
	}
	wb := s.wordsBefore(t, ts)
	if wb.n == 0 {
		return 0, "", false
	}
	last := wb.word(0)
	if !ps.last.has(last) {
		// Most words are none of the phrases' last words: no hashing.
		return 0, "", false
	}
	cands := ps.byLast[string(last)]
	for _, pw := range cands {
		if len(pw) > wb.n {
			continue
		}
		ok := true
		for k := range pw {
			if pw[len(pw)-1-k] != string(wb.word(k)) {
				ok = false
				break
			}
		}
		if ok && wordStart(t, wb.starts[len(pw)-1]) {
			return wb.starts[len(pw)-1], strings.Join(pw, " "), true
		}
	}
	return 0, "", false
}

// prevWords are the last few words before a position, in lower case, kept
// by the scanner so that the phrase sets asked about one trigger (drafts,
// anaphora, organs, pins) read them once.
type prevWords struct {
	at     int
	valid  bool
	n      int
	starts [4]int
	ends   [4]int // in buf
	buf    [160]byte
	blen   int
}

func (w *prevWords) word(k int) []byte {
	from := 0
	if k > 0 {
		from = w.ends[k-1]
	}
	return w.buf[from:w.ends[k]]
}

// wordsBefore reads up to four words before ts (letters and hyphens, at
// most 32 bytes each), nearest first.
func (s *scanner) wordsBefore(t []byte, ts int) *prevWords {
	w := &s.pw
	// Spaces before ts do not change the words: key the cache after them.
	key := ts
	for key > 0 && (t[key-1] == ' ' || t[key-1] == '\t' || t[key-1] == '\n' || t[key-1] == '\r') {
		key--
	}
	if w.valid && w.at == key {
		return w
	}
	w.at, w.valid, w.n, w.blen = key, true, 0, 0
	e := key
	for w.n < len(w.starts) {
		q := e
		for q > 0 && (t[q-1] == ' ' || t[q-1] == '\t' || t[q-1] == '\n' || t[q-1] == '\r') {
			q--
		}
		if w.n == 0 && q > 0 && q < len(t) && q == ts && isLetterRune(rune(t[q-1])) && isLetterRune(rune(t[q])) {
			return w // inside a word
		}
		ws := q
		for ws > 0 && q-ws < 32 {
			if c := t[ws-1]; c < utf8.RuneSelf {
				if !isAlpha(c) && c != '-' {
					break
				}
				ws--
				continue
			}
			r, k := utf8.DecodeLastRune(t[:ws])
			if !isLetterRune(r) {
				break
			}
			ws -= k
		}
		if ws == q {
			break
		}
		// Lower-case into the buffer without changing lengths.
		for p := ws; p < q; {
			r, k := utf8.DecodeRune(t[p:])
			if r < utf8.RuneSelf {
				w.buf[w.blen] = lowerASCII(byte(r))
				w.blen++
			} else {
				w.blen += utf8.EncodeRune(w.buf[w.blen:], toLowerRune(r))
			}
			p += k
		}
		w.starts[w.n], w.ends[w.n] = ws, w.blen
		w.n++
		e = ws
	}
	return w
}

// wordStart reports whether t[i] starts a word: the rune before it is not a
// letter or digit of a Latin or Cyrillic word, nor a symbol character.
// The ASCII part is a table, so that the call is inlined where it is hot.
func wordStart(t []byte, i int) bool {
	if i > 0 {
		if c := t[i-1]; c < utf8.RuneSelf {
			return asciiWordStart[c]
		}
	}
	return wordStartRune(t, i)
}

func wordStartRune(t []byte, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRune(t[:i])
	return !isWordRune(r)
}

// asciiWordStart holds the ASCII bytes after which a word may start (256
// entries, so that indexing by a byte needs no bounds check).
var asciiWordStart = func() (w [256]bool) {
	for c := range utf8.RuneSelf {
		b := byte(c)
		w[c] = !isAlnum(b) && b != '/' && b != '.' && b != '_' && b != '-' && b != '@' && b != '\'' && b != '&'
	}
	return w
}()

// firstBytes returns the first byte of w in lower and upper case.
func firstBytes(w string) []byte {
	r, _ := utf8.DecodeRuneInString(w)
	lo, up := string(toLowerRune(r)), string(toUpperRune(r))
	if lo[0] == up[0] {
		return []byte{lo[0]}
	}
	return []byte{lo[0], up[0]}
}
