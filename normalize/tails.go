package normalize

import "unicode/utf8"

// tailGroup reads a group of numbers closed by a tail word: "第 73/27 号和第
// 73/266 号决议". bare is true when the group starts with a number instead of
// an item prefix ("73/266号决议").
func (s *scanner) tailGroup(i int, bare bool) (int, bool) {
	g := s.x.zh
	if g == nil {
		return 0, false
	}
	t := s.t
	var items []item
	var end int
	if bare {
		it, ok := s.item(i, g, false, nil)
		if !ok {
			return 0, false
		}
		e, _ := skipSpaceNL(t, it.end, maxBreaks)
		se, ok := matchAny(t, e, g.ItemSuffix)
		if !ok {
			// "大会70/1决议": a number that cannot be a count or a year may
			// stand before the tail without 号.
			if it.form == itemBare {
				return 0, false
			}
			se = it.end
		}
		it.end = se
		items, end = []item{it}, se
	} else {
		if _, ok := matchAny(t, i, g.ItemPrefix); !ok {
			return 0, false
		}
		items, end = s.items(i, g, true)
		if len(items) == 0 {
			return 0, false
		}
	}
	q, _ := skipSpaceNL(t, end, maxBreaks)
	if se, ok := matchAny(t, q, g.ItemSuffix); ok {
		q, _ = skipSpaceNL(t, se, maxBreaks)
	}
	var tail Trigger
	te := -1
	for _, tr := range g.Tails {
		if e, ok := matchPhrase(t, q, tr.Word); ok {
			tail, te = tr, e
			break
		}
	}
	if te < 0 {
		return 0, false
	}
	if _, ok := matchAny(t, te, g.TailBlockers); ok {
		return te, true
	}
	items[len(items)-1].end = te
	pin, end := s.pinTail(g, te)
	if s.bodyBeforeTail(i, g) {
		return end, true
	}
	adj := s.organBefore(i, g)
	if p := nameEndBeforeGroup(s.t, i); adj == "" && p < i {
		// "大会2022年12月15日第77/190号决议": the organ before the date.
		adj = s.organBefore(p, g)
	}
	s.emitItems(items, g, tail.Kind, adj, "", i, pin, 0)
	return end, true
}

// bareNumber handles a number right after Chinese text, for groups written
// without 第 ("73/266号决议"), and bare GA numbers with parts or sections
// ("80/84 A–B", "59/276, sect. XI").
func (s *scanner) bareNumber(i int) (int, bool) {
	t := s.t
	var prev rune
	if i > 0 && (t[i-1] >= 0x80 || t[i-1] == ' ') {
		// Spaces and an ASCII byte before them need no decoding.
		p := i
		for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t') {
			p--
		}
		if p > 0 && t[p-1] < utf8.RuneSelf {
			prev = rune(t[p-1])
		} else {
			prev = prevRuneSkipSpace(t, p)
		}
	} else if i > 0 {
		prev = rune(t[i-1])
	}
	if s.x.zh != nil && prev >= 0x2E80 && !s.isItemPrefixRune(prev) {
		if e, ok := s.tailGroup(i, true); ok {
			return e, true
		}
	}
	if !wordStart(t, i) || prev == '/' {
		return 0, false
	}
	if n := digitsAt(t, i); n != 2 {
		return 0, false
	}
	if _, ok := slashAt(t, i+2); !ok {
		return 0, false
	}
	// Budget documents cite General Assembly resolutions by number alone,
	// marked as such by part letters or a section.
	for _, g := range s.x.grammars {
		if len(g.Triggers) == 0 {
			continue
		}
		it, ok := s.item(i, g, false, nil)
		if !ok || it.form != itemNew {
			continue
		}
		marked := len(it.parts) > 0
		q := skipSpaces(t, it.end)
		if q < len(t) && t[q] == ',' {
			q = skipSpaces(t, q+1)
		}
		if e, ok := matchWordFold(t, q, "sect."); ok {
			marked = true
			it.end = e
			e = skipSpaces(t, e)
			if v, ve := romanOrNumberAt(t, e); v != "" {
				it.end = ve
			}
		}
		if !marked || it.a < 31 || it.a > 99 {
			continue
		}
		it.start = i
		s.emitItems([]item{it}, g, KindResolution, "", "", i, "", 0)
		return it.end, true
	}
	return 0, false
}

func (s *scanner) isItemPrefixRune(r rune) bool {
	if r < utf8.RuneSelf {
		return false // every item prefix is a CJK character (第)
	}
	for _, pr := range s.x.prefixRunes {
		if pr == r {
			return true
		}
	}
	return false
}

func prevRuneSkipSpace(t []byte, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRune(t[:i])
		if r != ' ' && r != '\t' {
			return r
		}
		i -= n
	}
	return 0
}
