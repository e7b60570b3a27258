package normalize

// items reads an enumeration of items starting at t[p]. In languages with
// tails it also reads the item prefixes and suffixes (第 … 号).
func (s *scanner) items(p int, g *grammar, tail bool) ([]item, int) {
	t := s.t
	items := s.itemBuf[:0]
	defer func() { s.itemBuf = items[:0] }()
	end := p
	for {
		q := p
		if tail {
			if e, ok := matchAny(t, q, g.ItemPrefix); ok {
				q, _ = skipSpaceNL(t, e, maxBreaks)
			} else if len(items) == 0 {
				return nil, p
			}
		}
		it, ok := s.item(q, g, len(items) == 0 && !tail, items)
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
		r, n := s.skipConnectors(r, g)
		if tail {
			// Chinese puts the date before the next item: "、1966年12月20日第…".
			r = s.skipDate(r, g)
		}
		if n == 0 {
			break
		}
		if _, ok := s.peekItem(r, g, tail, items); !ok {
			break
		}
		p = r
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
