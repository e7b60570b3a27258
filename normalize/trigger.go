package normalize

import (
	"bytes"
	"unicode/utf8"
)

// triggerBefore looks for a trigger word that ends right before t[st] (a
// space and "No." may stand between) and reads the citation it starts.
func (s *scanner) triggerBefore(st int) (int, bool) {
	t := s.t
	e := st
	nl := 0
	for e > 0 && (t[e-1] == ' ' || t[e-1] == '\t' || t[e-1] == '\r' || t[e-1] == '\n') {
		if t[e-1] == '\n' {
			nl++
		}
		e--
	}
	if nl > maxBreaks {
		return 0, false
	}
	if e > 0 && t[e-1] == '(' && nl == 0 {
		// "a new General Assembly resolution (76/231) in 2021", and
		// tokenised "( 76 / 231 )".
		return s.bracketedNumber(e-1, st)
	}
	if e == st && (st == 0 || t[st-1] < utf8.RuneSelf) {
		// A number glued to a word is a footnote mark ("resolutions14"),
		// but for a shorthand in capitals ("UNSCR2231").
		return s.gluedShorthand(st)
	}
	// Triggers and number words end in few letters: reject the rest of the
	// words before numbers without reading them.
	if e > 0 && !s.x.lastByte[t[e-1]] && !(t[e-1] == '.' && e > 1 && s.x.lastByte[t[e-2]]) || !s.x.mayEndTrigger(t, e) {
		return 0, false
	}
	if e >= 3 && t[e-2] == 0xC2 && (t[e-1] == 0xB0 || t[e-1] == 0xBA) && (t[e-3] == 'n' || t[e-3] == 'N') && wordStart(t, e-3) {
		// "résolution n° 5", "resolución nº 5".
		e = e - 3
		for e > 0 && (t[e-1] == ' ' || t[e-1] == '\t' || t[e-1] == '\n') {
			e--
		}
	}
	ws, we, w := s.wordBefore(e)
	if ws < 0 {
		return 0, false
	}
	if len(w) <= s.x.numeroMax && s.x.numero.has(w) {
		// "resolution No. 5": look one word further back.
		e2 := ws
		for e2 > 0 && (t[e2-1] == ' ' || t[e2-1] == '\t' || t[e2-1] == '\n') {
			e2--
		}
		if ws, we, w = s.wordBefore(e2); ws < 0 {
			return 0, false
		}
	}
	if ws < s.done {
		return 0, false // its numbers were read already
	}
	if tr, pre, ok := s.x.lookup(w); ok {
		return s.prose(ws+pre, we, tr, tr.Organ, we)
	}
	if e, ok := s.seriesDocument(ws, w, st); ok {
		return e, true
	}
	// "resolutions, in particular 1325 (2000)": an adverb between the
	// trigger and its items.
	extra := s.x.extraLast.has(w)
	// ne is where the numbers (or "No.") may start: after an epithet
	// between them and the trigger or organ.
	ne := we
	var epithet []byte
	if extra && s.x.epithets.has(w) {
		// "قراره السابق رقم 2165", "قرار مجلس الأمن الأخير 2254 (2015)":
		// an adjective after the trigger or the organ; read on from the
		// word before it.
		var buf [32]byte
		epithet = append(buf[:0], w...)
		p := skipSpacesBack(t, ws)
		if ws, we, w = s.wordBefore(p); ws < 0 || ws < s.done {
			return 0, false
		}
		if tr, pre, ok := s.x.lookup(w); ok && tr.g.epithets.has(epithet) {
			return s.prose(ws+pre, we, tr, tr.Organ, ne)
		}
		extra = s.x.extraLast.has(w)
	}
	for _, g := range s.x.grammars {
		if !extra {
			break
		}
		// "resoluciones, en particular la 2334 (2016)": an article after
		// the adverb, before an item in the Security Council's style.
		ae, article := we, g.adverbArticles.has(w)
		if article {
			ae = skipSpacesBack(t, ws)
		}
		as, ok := s.endsWithPhrase(t, ae, g.adverbs)
		if !ok {
			continue
		}
		p := as
		for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t' || t[p-1] == '\n' || t[p-1] == '\r' || t[p-1] == ',') {
			p--
		}
		tws, twe, tw := s.wordBefore(p)
		if tws < 0 || tws < s.done {
			continue
		}
		if tr, pre, ok := s.x.lookup(tw); ok && tr.g == g {
			if article {
				if it, ok := s.item(st, g, false, nil); !ok || it.form != itemYear || !plural(string(tw)) {
					continue
				}
			}
			return s.prose(tws+pre, twe, tr, tr.Organ, we)
		}
	}
	// "قرار مجلس الأمن 1540 (2004)": the organ between the trigger and the
	// number.
	for _, g := range s.x.between {
		if !extra && !s.x.organLast.has(w) {
			// Most words before a number end no organ's name, no adverb
			// and no suffix: no phrase lookup.
			break
		}
		if epithet != nil && !g.epithets.has(epithet) {
			continue
		}
		oe, ow := we, w
		if extra && g.organSuffixes.last.has(w) {
			if st, ok := s.endsWithPhrase(t, we, g.organSuffixes); ok {
				// "قرار مجلس الأمن التابع للأمم المتحدة 1325": the name of
				// the United Nations after the organ's.
				oe = st
				for oe > 0 && (t[oe-1] == ' ' || t[oe-1] == '\t' || t[oe-1] == '\n' || t[oe-1] == '\r') {
					oe--
				}
				if _, _, ow = s.wordBefore(oe); ow == nil {
					continue
				}
			}
		}
		if !g.organs.last.has(ow) {
			continue // the word before the number ends no organ's name
		}
		os, name, ok := s.phraseBefore(t, oe, g.organs)
		if !ok || os < s.done {
			continue
		}
		p := os
		for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t' || t[p-1] == '\n' || t[p-1] == '\r') {
			p--
		}
		if len(g.BetweenJoins) > 0 {
			// "du", "de la", "de l’" between the trigger and the organ.
			q := p
			switch {
			case q >= 2 && t[q-1] == '\'' && (t[q-2] == 'l' || t[q-2] == 'L') && wordStart(t, q-2):
				q -= 2
			case q >= 4 && string(t[q-3:q]) == "’" && (t[q-4] == 'l' || t[q-4] == 'L') && wordStart(t, q-4):
				q -= 4
			}
			if js, ok := s.endsWithPhrase(t, q, g.betweenJoins); ok {
				p = js
				for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t' || t[p-1] == '\n' || t[p-1] == '\r') {
					p--
				}
			} else {
				continue
			}
		}
		tws, twe, tw := s.wordBefore(p)
		if tws < 0 || tws < s.done {
			continue
		}
		if tr, pre, ok := s.x.lookup(tw); ok && tr.g == g {
			return s.prose(tws+pre, twe, tr, s.x.organOf[name], ne)
		}
	}
	return 0, false
}

// wordBefore returns the word that ends at t[e] (letters of any alphabetic
// script; a final dot is skipped), in lower case.
func (s *scanner) wordBefore(e int) (int, int, []byte) {
	t := s.t
	we := e
	if we > 0 && t[we-1] == '.' {
		we--
	}
	ws := we
	for ws > 0 && we-ws < len(s.word) {
		c := t[ws-1]
		if c < utf8.RuneSelf {
			if !isAlpha(c) {
				break
			}
			ws--
			continue
		}
		r, n := utf8.DecodeLastRune(t[:ws])
		if !isWordRune(r) || isDigitRune(r) {
			break
		}
		ws -= n
	}
	if ws == we || we-ws >= len(s.word) || (ws > 0 && !wordStart(t, ws) && t[ws-1] != '.') {
		// A dot may glue a trigger to the word before ("its.resolution"
		// in OCR text).
		return -1, -1, nil
	}
	b := s.word[:0]
	for p := ws; p < we; {
		c := t[p]
		if c < utf8.RuneSelf {
			b = append(b, lowerASCII(c))
			p++
			continue
		}
		r, n := utf8.DecodeRune(t[p:])
		b = utf8.AppendRune(b, toLowerRune(r))
		p += n
	}
	return ws, we, b
}

// saidBefore returns the kind named by a trigger word right before t[i]
// ("draft resolution A/76/L.8" names a draft).
func (s *scanner) saidBefore(i int) Kind {
	t := s.t
	e := i
	for e > 0 && (t[e-1] == ' ' || t[e-1] == '\t' || t[e-1] == '\n') {
		e--
	}
	if e == i && i > 0 && t[i-1] < utf8.RuneSelf {
		return ""
	}
	ws, _, w := s.wordBefore(e)
	if ws < 0 {
		return ""
	}
	tr, _, ok := s.x.lookup(w)
	if !ok {
		return ""
	}
	if _, ok := s.endsWithPhrase(t, ws, tr.g.drafts); ok {
		return KindDraft
	}
	return tr.Kind
}

// prose reads the items after a trigger word t[ts:te]. between is the
// organ named between the trigger and the numbers, which start after
// t[:ne] (ne is te when nothing stands between).
func (s *scanner) prose(ts, te int, tr trigger, between Organ, ne int) (int, bool) {
	t, g := s.t, tr.g
	said := tr.Kind
	// Most trigger words are not followed by a number: look ahead cheaply
	// before looking back.
	if p, _ := skipSpaceNL(t, ne, maxBreaks); p >= len(t) || !(isDigit(t[p]) || isUpper(t[p]) || t[p] >= utf8.RuneSelf && len(g.Specials) > 0) {
		if _, ok := g.numeroP.match(t, p); !ok {
			return ne, true
		}
	}
	if _, ok := s.endsWithPhrase(t, ts, g.drafts); ok {
		// "draft resolution A/76/L.8" is found as a symbol; a draft's own
		// number ("draft resolution 2") names no document.
		return ne, true
	}

	p, _ := skipSpaceNL(t, ne, maxBreaks)
	if e, ok := g.numeroP.match(t, p); ok {
		p, _ = skipSpaceNL(t, e, maxBreaks)
	}
	items, end := s.items(p, g, false)
	if len(items) == 0 {
		return ne, true
	}
	if it := &items[0]; it.form == itemBare && p > 0 && t[p-1] == '(' && it.end < len(t) && t[it.end] == ')' {
		// "القرار (2118) عام 2013": the year clause after the brackets
		// gives the number its year, as "2118 (2013)" would.
		if y := s.dateYearAt(it.end+1, g); y >= 1945 && y <= 2100 {
			it.form, it.b, it.end = itemYear, y, s.skipDate(it.end+1, g)
			items, end = items[:1], it.end
		}
	}
	if _, ok := s.endsWithPhrase(t, ts, g.anaphora); ok && items[0].form == itemBare {
		// "that resolution 25 States supported": a demonstrative before the
		// trigger refers back; only a full number ("that resolution 435
		// (1978)") makes it a citation.
		return ne, true
	}
	if it := items[0]; it.form == itemBare && bytes.IndexByte(t[ne:it.start], '\n') >= 0 &&
		it.end < len(t) && (t[it.end] == '.' || t[it.end] == ')') {
		// "… resolution\n2. Decides": a numbered paragraph, not a citation.
		return ne, true
	}
	items[0].start = ts
	itemsEnd := end
	after, afterEnd := s.organAfter(end, g)
	if afterEnd > 0 {
		end = afterEnd
	}
	adj := between
	if adj == "" {
		adj = s.organBefore(ts, g)
	}
	if between == "" && s.otherBody(ts, itemsEnd, g, adj, after) {
		return end, true
	}
	pin := s.pinBefore(ts, g)
	s.emitItems(items, g, said, adj, after, ts, pin, afterEnd)
	return end, true
}

// gluedShorthand reads a shorthand trigger in capitals joined to the number
// at t[st] ("UNSCR2231").
func (s *scanner) gluedShorthand(st int) (int, bool) {
	t := s.t
	if st < 3 || !isUpper(t[st-1]) || !isUpper(t[st-2]) {
		return 0, false // "resolutions14" is a footnote mark
	}
	ws, we, w := s.wordBefore(st)
	if ws < 0 || ws < s.done || !allCaps(t[ws:we]) {
		return 0, false
	}
	tr, pre, ok := s.x.lookup(w)
	if !ok || tr.Organ == "" {
		return 0, false
	}
	return s.prose(ws+pre, we, tr, tr.Organ, we)
}

// bracketedNumber reads a number in brackets right after a trigger, the
// brackets closing after the number: "resolution (76/231)". The bracket
// opens at t[bp], the number starts at t[st].
func (s *scanner) bracketedNumber(bp, st int) (int, bool) {
	t := s.t
	ws, we, w := s.wordBefore(skipSpacesBack(t, bp))
	if ws < 0 || ws < s.done {
		return 0, false
	}
	tr, pre, ok := s.x.lookup(w)
	if !ok {
		return 0, false
	}
	it, ok := s.item(st, tr.g, false, nil)
	if !ok {
		return 0, false
	}
	cl := skipSpaces(t, it.end)
	if cl >= len(t) || t[cl] != ')' {
		return 0, false
	}
	if it.form == itemBare && s.dateYearAt(cl+1, tr.g) == 0 {
		// A bare number in brackets is a citation only with a year
		// clause after the brackets: "القرار (2118) عام 2013".
		return 0, false
	}
	return s.prose(ws+pre, we, tr, tr.Organ, st)
}

// skipSpacesBack returns the position before the spaces that end at t[e].
func skipSpacesBack(t []byte, e int) int {
	for e > 0 && (t[e-1] == ' ' || t[e-1] == '\t') {
		e--
	}
	return e
}
