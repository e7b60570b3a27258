package normalize

import (
	"strings"
)

// skipDate skips a date clause after an item (", of 14 December 1960",
// ", de 1° de febrero de 1946", "2004年4月28日"). It returns p when there is
// none.
func (s *scanner) skipDate(p int, g *grammar) int {
	// The organ after the items asks again about the last item's date.
	if s.dateG == g && s.dateAt == p && s.dateOK {
		return s.dateEnd
	}
	s.dateYear = 0
	e := s.skipDate1(p, g)
	s.dateG, s.dateAt, s.dateEnd, s.dateOK = g, p, e, true
	return e
}

// dateYearAt returns the year of the date clause that skipDate found at
// t[p], or 0.
func (s *scanner) dateYearAt(p int, g *grammar) int {
	if s.skipDate(p, g) == p {
		return 0
	}
	return s.dateYear
}

func (s *scanner) skipDate1(p int, g *grammar) int {
	t := s.t
	if r := skipSpaces(t, p); r >= len(t) || !g.dateCue[t[r]] && t[r] != '\n' && t[r] != '\r' {
		return p
	}
	q := p
	comma := false
	if r := skipSpaces(t, q); r < len(t) && t[r] == ',' {
		q, comma = r+1, true
	}
	q, _ = skipSpaceNL(t, q, maxBreaks)
	if q >= len(t) || !g.dateStart[t[q]] {
		return p
	}
	for k, pat := range g.dates {
		if !g.dateFirst[k][t[q]] {
			continue
		}
		s.dateYear = 0
		if e, ok := s.matchDate(q, pat, g); ok {
			return e
		}
	}
	s.dateYear = 0
	_ = comma
	return p
}

func (s *scanner) matchDate(p int, pat []string, g *grammar) (int, bool) {
	t := s.t
	q := p
	for k, tok := range pat {
		if k > 0 {
			q, _ = skipSpaceNL(t, q, maxBreaks)
		}
		switch tok {
		case "D", "N":
			n := digitsAt(t, q)
			if n == 0 || n > 2 {
				return 0, false
			}
			v := atoiBytes(t[q : q+n])
			if v < 1 || v > 31 {
				return 0, false
			}
			q += n
			// 1° and 1º for the first of the month; 1st, 2nd in English.
			if strings.HasPrefix(string(t[q:min(q+2, len(t))]), "°") || strings.HasPrefix(string(t[q:min(q+2, len(t))]), "º") {
				q += 2
			} else if tok == "D" && q < len(t) && isAlpha(t[q]) {
				for _, suf := range []string{"st", "nd", "rd", "th", "er"} {
					if e, ok := matchWordFold(t, q, suf); ok && wordEnd(t, e) {
						q = e
						break
					}
				}
			}
		case "Y":
			if digitsAt(t, q) != 4 {
				return 0, false
			}
			s.dateYear = atoiBytes(t[q : q+4])
			q += 4
		case "M":
			e, ok := g.month(t, q)
			if !ok {
				return 0, false
			}
			q = e
		default:
			e, ok := matchPhrase(t, q, tok)
			if !ok {
				return 0, false
			}
			q = e
		}
	}
	return q, true
}
