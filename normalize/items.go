package normalize

import (
	"strings"
	"unicode/utf8"
)

// item is one number of a prose citation.
type item struct {
	start, end int
	form       itemForm
	a, b       int    // session and number, number and year, or number
	special    string // "S" or "ES" before a session (S-10/2), or before a Roman numeral (S-VI)
	roman      string // session in Roman numerals, without S-/ES-
	parts      []string
	sym        rawSymbol // for itemSymbol
	year       int       // year of the date clause after the item, or 0
}

type itemForm int

const (
	itemNew    itemForm = iota // 73/266, S-10/2
	itemRoman                  // 217 A (III), 3201 (S-VI)
	itemYear                   // 1540 (2004)
	itemBare                   // 1267
	itemSymbol                 // A/RES/11 (I)
)

// item reads one number at t[p]: 73/266, S-10/2, 217 A (III), 3201 (S-VI),
// 1540 (2004), 1267, or a symbol A/RES/11 (I) when first.
func (s *scanner) item(p int, g *grammar, first bool, prev []item) (item, bool) {
	t := s.t
	if p >= len(t) {
		return item{}, false
	}
	it := item{start: p}
	c := t[p]
	if c >= utf8.RuneSelf && len(g.Specials) > 0 {
		// "دإط-10/19"
		if sp, d, ok := g.special(t, p); ok {
			n := digitsAt(t, d)
			e := d + n
			if b, ok := slashAt(t, e); n > 0 && n <= 3 && ok {
				m := digitsAt(t, b)
				it.special = sp
				it.a = atoiBytes(t[d:e])
				it.b = atoiBytes(t[b : b+m])
				it.form, it.end = itemNew, b+m
				if it.end < len(t) && isAlnum(t[it.end]) {
					return item{}, false
				}
				it.parts, it.end = s.parts(it.end, g)
				return it, true
			}
		}
		return item{}, false
	}
	if isUpper(c) {
		e, ok := scanSpecialSession(t, p)
		b, slash := slashAt(t, e)
		if ok && slash {
			it.special = string(t[p : e-digitsBack(t, e)-1])
			it.a = atoiBytes(t[e-digitsBack(t, e) : e])
			n := digitsAt(t, b)
			it.b = atoiBytes(t[b : b+n])
			it.end = b + n
			if it.end < len(t) && isAlnum(t[it.end]) {
				return item{}, false
			}
			it.form = itemNew
			it.parts, it.end = s.parts(it.end, g)
			return it, true
		}
		if first || (len(prev) > 0 && prev[0].form == itemSymbol) {
			if r, e, ok := scanSymbol(t, p, modeText); ok && !pressSeries[r.body()] {
				it.form, it.sym, it.end = itemSymbol, r, e
				return it, true
			}
		}
		return item{}, false
	}
	if !isDigit(c) {
		return item{}, false
	}
	n := digitsAt(t, p)
	if n > 5 {
		return item{}, false
	}
	q := p + n
	it.a = atoiBytes(t[p:q])
	if q+1 < len(t) && (t[q] == ',' || t[q] == '.') && isDigit(t[q+1]) {
		return item{}, false // 3,541 or 1.5
	}
	if b, ok := slashAt(t, q); ok {
		m := digitsAt(t, b)
		e := b + m
		if (t[p] == '0' && n > 1) || (t[b] == '0' && m > 1) {
			return item{}, false // "12/07": UN numbers have no leading zeros
		}
		if _, date := slashAt(t, e); m > 5 || date {
			return item{}, false // a date such as 9/12/2019
		}
		it.b = atoiBytes(t[b:e])
		it.form, it.end = itemNew, e
		if e < len(t) && isUpper(t[e]) && (e+1 == len(t) || !isAlnum(t[e+1])) {
			// "43/224D" written without a space.
			it.parts, it.end = []string{string(t[e])}, e+1
			return it, true
		}
		if e < len(t) && isAlnum(t[e]) {
			return item{}, false
		}
		it.parts, it.end = s.parts(e, g)
		return it, true
	}
	if g.Reversed {
		if it, ok := reversedItem(t, p, q, it); ok {
			return it, true
		}
	}
	// Old style and Security Council forms: a part letter may stand between
	// the number and its parentheses ("217 A (III)", "2359B(XXII)").
	r := q
	var parts []string
	if r < len(t) && isUpper(t[r]) && r+1 < len(t) && (t[r+1] == '(' || t[r+1] == ' ') {
		parts, r = []string{string(t[r])}, r+1
	} else if ps, pe := s.parts(q, g); len(ps) > 0 {
		if pp, _ := skipSpaceNL(t, pe, maxBreaks); pp < len(t) && t[pp] == '(' {
			parts, r = ps, pe
		}
	}
	pp, _ := skipSpaceNL(t, r, maxBreaks)
	if pp < len(t) && t[pp] == '\n' && len(parts) == 0 {
		// PDF text may put more blank lines between a number and its
		// year ("1989\n\n\n(2011)"): only a year in brackets is read
		// across them.
		if y, _ := skipSpaceNL(t, pp, maxYearBreaks); bracketedYear(t, y) {
			pp = y
		}
	}
	if pp < len(t) && t[pp] == '(' {
		in := skipSpaces(t, pp+1)
		if y := digitsAt(t, in); y == 4 {
			year := atoiBytes(t[in : in+4])
			ce := skipSpaces(t, in+4)
			if year >= 1945 && year <= 2100 && ce < len(t) && t[ce] == ')' && len(parts) == 0 {
				it.form, it.b, it.end = itemYear, year, ce+1
				return it, true
			}
		} else if e, ok := scanSessionNumeral(t, in); ok {
			ce := skipSpaces(t, e)
			if ce < len(t) && t[ce] == ')' {
				num := string(t[in:e])
				switch {
				case strings.HasPrefix(num, "ES-"):
					it.special, num = "ES", num[3:]
				case strings.HasPrefix(num, "S-"):
					it.special, num = "S", num[2:]
				}
				it.form, it.roman, it.parts, it.end = itemRoman, num, parts, ce+1
				return it, true
			}
		} else if v, e, ok := g.session(t, in); ok {
			// "217 ألف (د - 3)" is 217 A (III).
			it.form, it.roman, it.parts, it.end = itemRoman, toRoman(v), parts, e
			return it, true
		} else if sp, d, ok := g.special(t, in); ok {
			// "3201 (دإ-6)" is 3201 (S-VI).
			if n := digitsAt(t, d); n > 0 && n <= 2 {
				if ce := skipSpaces(t, d+n); ce < len(t) && t[ce] == ')' {
					v := atoiBytes(t[d : d+n])
					it.form, it.special, it.roman, it.parts, it.end = itemRoman, sp, toRoman(v), parts, ce+1
					return it, true
				}
			}
		}
	}
	if len(parts) > 0 {
		return item{}, false
	}
	// A bare number: a Security Council resolution cited without its year.
	// Within an enumeration it must follow other bare numbers, so that
	// "resolution 73/266 and 25 States" stays one citation.
	if len(prev) > 0 && prev[0].form != itemBare {
		return item{}, false
	}
	if _, slash := slashAt(t, q); slash || q < len(t) && (isAlnum(t[q]) || t[q] == '%' || t[q] == '/') {
		// "61 / 295" that was no n/m is not the bare number 61 either.
		return item{}, false
	}
	if it.a == 0 {
		return item{}, false
	}
	if r := skipSpaces(t, q); r > q && r < len(t) && isDigit(t[r]) && !yearAt(t, r) {
		// Another digit group on the same line, not a year that lost its
		// brackets ("841 1993 of 16 June 1993"): OCR split a number ("1
		// 16 0 (1998)"). Its first group is no number of its own, and a
		// table must not give it a year.
		return item{}, false
	}
	if n == 4 && it.a >= 1945 && it.a <= 2100 && g.yearAfter(t, q) {
		// "резолюции 1995 года", "1995年": a year, not a number.
		return item{}, false
	}
	it.form, it.end = itemBare, q
	return it, true
}

// maxYearBreaks bounds the line breaks between a number and a year in
// brackets after it.
const maxYearBreaks = 6

// yearAt reports whether a four-digit year, and no longer number, starts
// at t[p].
func yearAt(t []byte, p int) bool {
	if digitsAt(t, p) != 4 {
		return false
	}
	y := atoiBytes(t[p : p+4])
	return y >= 1945 && y <= 2100
}

// bracketedYear reports whether a year in brackets, "(2011)", starts at
// t[p].
func bracketedYear(t []byte, p int) bool {
	if p >= len(t) || t[p] != '(' {
		return false
	}
	in := skipSpaces(t, p+1)
	if !yearAt(t, in) {
		return false
	}
	ce := skipSpaces(t, in+4)
	return ce < len(t) && t[ce] == ')'
}

func digitsBack(t []byte, e int) int {
	n := 0
	for e-n-1 >= 0 && isDigit(t[e-n-1]) {
		n++
	}
	return n
}

// parts reads part letters after a number: " A", " A and B", " A to D",
// " A-B". A capital followed by a lower-case word is a new sentence, not a
// part ("resolution 73/266 A new approach").
func (s *scanner) parts(e int, g *grammar) ([]string, int) {
	t := s.t
	q := skipSpaces(t, e)
	if len(g.partWords) > 0 && q > e && q < len(t) && t[q] >= utf8.RuneSelf {
		return g.wordParts(t, q, e)
	}
	if q == e || q >= len(t) || !isUpper(t[q]) || (q+1 < len(t) && isAlnum(t[q+1])) {
		// "2359B" without a space is read by the caller.
		return nil, e
	}
	parts := []string{string(t[q])}
	end := q + 1
	for {
		r := skipSpaces(t, end)
		matched := false
		if ce, ok := g.partConn.match(t, r); ok {
			r2 := skipSpaces(t, ce)
			if r2 < len(t) && isUpper(t[r2]) && (r2+1 == len(t) || !isAlnum(t[r2+1])) {
				parts = append(parts, string(t[r2]))
				end = r2 + 1
				matched = true
			}
		}
		if !matched {
			break
		}
	}
	if len(parts) == 1 {
		// "A was", "I would": a lower-case word after a lone capital.
		r := skipSpaces(t, end)
		if r > end && r < len(t) && isLower(t[r]) {
			// Unless a connector or a date follows: "36/117 A of 10
			// December 1981".
			if _, ok := g.connectors.match(t, r); !ok && s.skipDate(end, g) == end {
				return nil, e
			}
		}
	}
	return parts, end
}

// slashAt reads the slash of n/m at t[q], where tokenised corpora put
// spaces around it ("61 / 295") and PDF text breaks the line after it
// ("61/" then "295"). It returns where the number after the slash starts.
func slashAt(t []byte, q int) (int, bool) {
	p := skipSpaces(t, q)
	if p >= len(t) || t[p] != '/' || p-q > 2 {
		return 0, false
	}
	p = skipSpaces(t, p+1)
	if p < len(t) && (t[p] == '\n' || t[p] == '\r') {
		p, _ = skipSpaceNL(t, p, 1)
	}
	if p < len(t) && isDigit(t[p]) && p-q <= 6 {
		return p, true
	}
	return 0, false
}

// yearAfter reports whether a year word follows t[q] ("года", "年").
func (g *grammar) yearAfter(t []byte, q int) bool {
	r := skipSpaces(t, q)
	for _, w := range g.YearWords {
		if e, ok := matchPhrase(t, r, w); ok && (wordEnd(t, e) || w[len(w)-1] == '.' || t[r] >= utf8.RuneSelf && !isLetterRune(rune(w[0]))) {
			return true
		}
	}
	return false
}
