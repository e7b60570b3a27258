package normalize

import "strings"

// pinBefore reads a paragraph pin before a trigger ("paragraph 8 of",
// "paragraphes 1, 2 et 3 de la", "пункт 2", "الفقرة 2 من").
func (s *scanner) pinBefore(ts int, g *grammar) string {
	if len(g.PinWords) == 0 {
		return ""
	}
	t := s.t
	lo := ts - 96
	if lo < 0 {
		lo = 0
	}
	// A pin ends with a join word ("of"), perhaps followed by "the" or an
	// organ's name, or (where the language allows) with its numbers right
	// before the trigger; either way it has a number. Most triggers have
	// none of these before them: read the words back first.
	wb := s.wordsBefore(t, ts)
	joined := false
	k := 0
	for ; k < wb.n; k++ {
		w := wb.word(k)
		if g.pinJoin.has(w) {
			joined = true
			break
		}
		if !g.pinSkip.has(w) {
			break
		}
	}
	if !joined && (!g.pinDirect || k < wb.n) {
		return ""
	}
	if joined {
		// The rest of the join ("de" of "de la").
		for k++; k < wb.n && g.pinSkip.has(wb.word(k)); k++ {
		}
	}
	// Then a number: "paragraphs 2 and 3 [of]", "пункт 2 [своей]". Most
	// "la résolution" have none, and cost no more than this.
	p := ts
	if k > 0 {
		p = wb.starts[k-1]
	}
	for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t' || t[p-1] == '\n' || t[p-1] == '\r') {
		p--
	}
	if p == 0 || !isDigit(t[p-1]) {
		return ""
	}
	if d := nextDigit(t[:ts], lo); d < 0 {
		return ""
	}
	win := s.lower(t[lo:ts])
	for _, w := range g.PinWords {
		k := strings.LastIndex(win, w)
		if k < 0 {
			continue
		}
		p := lo + k + len(w)
		p = skipSpaces(t, p)
		n := digitsAt(t, p)
		if n == 0 {
			continue
		}
		pin := string(t[p : p+n])
		q := p + n
		// Further paragraph numbers: "paragraphs 1, 2 and 3 of".
		for {
			r, cnt := s.skipConnectors(q, g)
			if cnt == 0 || digitsAt(t, r) == 0 {
				break
			}
			q = r + digitsAt(t, r)
		}
		q, _ = skipSpaceNL(t, q, maxBreaks)
		if !joined {
			if s.onlyWords(t, q, ts, &g.pinSkip) {
				return pin
			}
			continue
		}
		for _, j := range g.PinJoins {
			if j == "" {
				continue
			}
			if e, ok := matchPhrase(t, q, j); ok {
				// The organ, "the" or "its" may stand between the join
				// and the trigger.
				if s.onlyWords(t, e, ts, &g.pinSkip) || s.organBefore(ts, g) != "" {
					return pin
				}
			}
		}
	}
	return ""
}

// onlyWords reports whether t[p:e] holds nothing but spaces and words of
// the set.
func (s *scanner) onlyWords(t []byte, p, e int, set *wordSet) bool {
	if p > e {
		return false
	}
	for _, w := range strings.Fields(lowerBytes(t[p:e])) {
		if !set.has([]byte(w)) {
			return false
		}
	}
	return true
}
