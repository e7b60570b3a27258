package normalize

import (
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
	j := i
	k := 0
	for k < len(phrase) {
		if phrase[k] == ' ' {
			q, _ := skipSpaceNL(t, j, 1)
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

// endsWithPhrase reports whether one of the phrases ends right before t[ts]
// (spaces between allowed) and starts a word.
func endsWithPhrase(t []byte, ts int, list []string) (int, bool) {
	e := ts
	for e > 0 && (t[e-1] == ' ' || t[e-1] == '\t' || t[e-1] == '\n' || t[e-1] == '\r') {
		e--
	}
	if e == ts {
		return 0, false
	}
	for _, p := range list {
		// Phrases are matched forwards from every place they could start.
		for st := e - len(p) - 8; st <= e-len(p)+2; st++ {
			if st < 0 {
				continue
			}
			if m, ok := matchPhrase(t, st, p); ok && m == e && wordStart(t, st) {
				return st, true
			}
		}
	}
	return 0, false
}
