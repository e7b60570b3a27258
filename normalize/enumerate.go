package normalize

import (
	"bytes"
	"unicode/utf8"
)

// items reads an enumeration of items starting at t[p]. In languages with
// tails it also reads the item prefixes and suffixes (第 … 号).
func (s *scanner) items(p int, g *grammar, tail bool) ([]item, int) {
	t := s.t
	items := s.itemBuf[:0]
	defer func() { s.itemBuf = items[:0] }()
	end := p
	var next item // the item found at p when the last round looked ahead
	hasNext := false
	for {
		it, ok := next, hasNext
		if !hasNext {
			q := p
			if tail {
				if e, ok := matchAny(t, q, g.ItemPrefix); ok {
					q, _ = skipSpaceNL(t, e, maxBreaks)
				} else if len(items) == 0 {
					return nil, p
				}
			}
			it, ok = s.item(q, g, len(items) == 0 && !tail, items)
		}
		if !ok {
			break
		}
		it.start = p
		if tail {
			e, _ := skipSpaceNL(t, it.end, maxBreaks)
			if se, ok := matchAny(t, e, g.ItemSuffix); ok {
				it.end = se
			}
		}
		items = append(items, it)
		end = it.end
		// Dates and connectors between items.
		r := s.skipDate(it.end, g)
		if r > it.end {
			items[len(items)-1].year = s.dateYear
		}
		r, n := s.skipConnectors(r, g)
		// Whether an item starts at a place, asked once per place.
		peekAt, peekOK := -1, false
		var peeked item
		peek := func(r int) bool {
			if r != peekAt {
				peeked, peekOK = s.peekItem(r, g, tail, items)
				peekAt = r
			}
			return peekOK
		}
		if tail {
			// Chinese puts the date before the next item: "、1966年12月20日第…".
			r = s.skipDate(r, g)
		}
		if n == 0 && (it.form == itemYear || it.form == itemRoman) && t[it.end-1] == ')' {
			// Web copies drop the separators between bracketed items:
			// "第1970(2011)1973(2011)2009(2011)号决议".
			if q := skipSpaces(t, it.end); q < len(t) && isDigit(t[q]) {
				if next, ok := s.item(q, g, false, items); ok && next.form == it.form {
					r, n = q, 1
				}
			}
		}
		if !tail {
			// "74/270 of 2 April 2020 on solidarity, 74/274 …": a title
			// after the item, then the enumeration goes on; after a comma
			// too ("74/306 of 11 September 2020, entitled “…”, and 74/307").
			if n == 0 {
				if q, ok := s.skipTitle(r, g, items); ok {
					r, n = q, 1
				}
			} else if !peek(r) {
				if q, ok := s.skipTitle(r, g, items); ok {
					r = q
				}
			}
		}
		if it.form == itemYear && !tail {
			// "1267 (1999) créant le Comité …, 1373 (2001)": a clause
			// after an item in the Security Council's style, and the next
			// item in that style too.
			if n == 0 {
				if q, ok := s.skipClause(r, g, items); ok {
					r, n = q, 1
				}
			} else if !peek(r) {
				if q, ok := s.skipClause(r, g, items); ok {
					r = q
				}
			}
		}
		if n == 0 || !peek(r) {
			break
		}
		// The next round reads the item just looked at.
		p, next, hasNext = r, peeked, true
	}
	return items, end
}

// peekItem reports whether an item of the enumeration starts at t[p].
func (s *scanner) peekItem(p int, g *grammar, tail bool, prev []item) (item, bool) {
	q := p
	if tail {
		if e, ok := matchAny(s.t, q, g.ItemPrefix); ok {
			q, _ = skipSpaceNL(s.t, e, maxBreaks)
		}
	}
	return s.item(q, g, false, prev)
}

// skipConnectors skips the connectors and ellipses between two items and
// returns the position after them and how many it skipped.
func (s *scanner) skipConnectors(p int, g *grammar) (int, int) {
	t := s.t
	n := 0
	q := p
	for {
		r, _ := skipSpaceNL(t, q, maxBreaks)
		e, ok := g.ellipses.match(t, r)
		if !ok {
			e, ok = g.connectors.match(t, r)
		}
		if !ok {
			// "و1820 (2008)": a conjunction joined to the number.
			for _, c := range g.joinedConn {
				if e = r + len(c); e < len(t) && string(t[r:e]) == c {
					if _, _, sp := g.special(t, e); isDigit(t[e]) || sp {
						return e, n + 1 // "ودإ-26/2"
					}
				}
			}
			break
		}
		q = e
		n++
	}
	q, _ = skipSpaceNL(t, q, maxBreaks)
	return q, n
}

// maxTitleWords bounds the words of a title between two items, and
// maxQuotedTitleWords those of a title in quotation marks.
const (
	maxTitleWords       = 24
	maxQuotedTitleWords = 30
)

// maxClauseBytes bounds the bytes of a clause between two items.
const maxClauseBytes = 320

// skipClause skips a clause after an item in the Security Council's style
// ("1267 (1999) créant le Comité …", ", que establece el Comité,") up to a
// connector followed by another item in that style, "1373 (2001)", and
// returns where that item starts. Without such an item the clause ends the
// enumeration.
func (s *scanner) skipClause(p int, g *grammar, prev []item) (int, bool) {
	t := s.t
	e := skipSpaces(t, p)
	// Most clauses end at a stop or a bracket before any digit: only a
	// digit can start the next item.
	k := e
	for k < len(t) && k-e < maxClauseBytes && !isDigit(t[k]) {
		if c := t[k]; c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '\n' {
			return 0, false
		}
		k++
	}
	if k >= len(t) || !isDigit(t[k]) {
		return 0, false
	}
	for words := 0; words < maxTitleWords && e < len(t); {
		c := t[e]
		switch {
		case c == ' ' || c == '\t':
			e++
			continue
		case c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '\n' || isDigit(c):
			return 0, false
		}
		if words > 0 {
			if r, n := s.skipConnectors(e, g); n > 0 {
				if it, ok := s.peekItem(r, g, false, prev); ok && it.form == itemYear {
					return r, true
				}
			}
		}
		k := e
		for k < len(t) {
			r, size := utf8.DecodeRune(t[k:])
			if !isNameRune(r) {
				break
			}
			k += size
		}
		if k == e {
			_, size := utf8.DecodeRune(t[e:])
			k = e + size
		} else {
			if _, _, ok := s.x.lookup([]byte(s.lower(t[e:k]))); ok {
				// Another citation starts in the clause.
				return 0, false
			}
			words++
		}
		e = k
	}
	return 0, false
}

// skipTitle skips a title that follows an item ("on solidarity", "relative à
// la coopération") up to a connector followed by another item of the same
// form, and returns where that item starts. Without such an item the title
// ends the enumeration.
func (s *scanner) skipTitle(p int, g *grammar, prev []item) (int, bool) {
	t := s.t
	q := skipSpaces(t, p)
	e, ok := g.titles.match(t, q)
	if ok && !wordEnd(t, e) {
		return 0, false
	}
	if !ok {
		// A title in quotation marks needs no word before it
		// ("70/1, “Transforming our world …”, and 69/313").
		if openQuote(t, q) == 0 {
			return 0, false
		}
		e = q
	}
	form := prev[len(prev)-1].form
	quoted := false // inside a quoted title, where a colon is the title's
	for words := 0; words < maxQuotedTitleWords && (quoted || words < maxTitleWords) && e < len(t); {
		c := t[e]
		switch {
		case c == ' ' || c == '\t':
			e++
			continue
		case c == '"':
			quoted = !quoted
			e++
			continue
		case openQuote(t, e) > 0:
			quoted = true
			e += openQuote(t, e)
			continue
		case closeQuote(t, e) > 0:
			quoted = false
			e += closeQuote(t, e)
			continue
		case c == '(':
			// A name in brackets is one word of the title ("on the
			// coronavirus disease (COVID-19)"); a number or a year in
			// brackets ends it.
			a := skipSpaces(t, e+1) // "( COVID-19 )" in tokenised text
			k := bytes.IndexByte(t[a:min(len(t), a+32)], ')')
			if k < 1 || !isAlpha(t[a]) || bytes.ContainsAny(t[a:a+k], "(\n") {
				return 0, false
			}
			e = a + k + 1
			words++
			continue
		case c == ':' && quoted:
			e++
			continue
		case isDigit(c) && quoted:
			// A number inside a quoted title is one of its words ("the
			// 2030 Agenda").
			e += digitsAt(t, e)
			words++
			continue
		case c == '.' || c == ';' || c == ':' || c == ')' || c == '\n' || isDigit(c):
			return 0, false
		}
		if !quoted {
			if r, n := s.skipConnectors(e, g); n > 0 {
				if it, ok := s.peekItem(r, g, false, prev); ok && it.form == form {
					return r, true
				}
			}
		}
		// One word, with the digits joined to it ("COVID-19", "G20"), or
		// one mark such as a comma.
		k := e
		for k < len(t) {
			r, size := utf8.DecodeRune(t[k:])
			if !isNameRune(r) && !(k > e && isDigitRune(r)) {
				break
			}
			k += size
		}
		if k == e {
			_, size := utf8.DecodeRune(t[e:])
			k = e + size
		} else {
			words++
		}
		e = k
	}
	return 0, false
}

// openQuote returns the length of an opening quotation mark at t[i] (“, «),
// or 0; closeQuote that of a closing one (”, »). A straight quote opens
// and closes by turns, as skipTitle counts.
func openQuote(t []byte, i int) int {
	switch {
	case i+2 < len(t) && t[i] == 0xE2 && t[i+1] == 0x80 && t[i+2] == 0x9C:
		return 3
	case i+1 < len(t) && t[i] == 0xC2 && t[i+1] == 0xAB:
		return 2
	}
	return 0
}

func closeQuote(t []byte, i int) int {
	switch {
	case i+2 < len(t) && t[i] == 0xE2 && t[i+1] == 0x80 && t[i+2] == 0x9D:
		return 3
	case i+1 < len(t) && t[i] == 0xC2 && t[i+1] == 0xBB:
		return 2
	}
	return 0
}
