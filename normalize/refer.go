package normalize

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// References back ("that resolution", "ladite résolution", "dicha
// resolución", "该决议", "этой резолюции", "القرار المذكور") carry no number,
// so the digit-driven scan never lands on them. They are looked for only in
// the text after a prose citation, up to the next citation and at most
// referWindow bytes, and only for the singular trigger words of the
// citation's language: a few memchr-speed searches per citation.

// referWindow bounds how far after a citation a reference back is looked
// for, and referReach how far back its antecedent may be.
const (
	referWindow = 1500
	referReach  = 3000
)

type antecedent struct {
	c   Citation // as emitted (offsets in the input)
	end int      // end in the folded text
	ok  bool
}

type referState struct {
	from int      // where the text after the last citation starts
	g    *grammar // the language of the last prose citation
	res  antecedent
	dec  antecedent
}

// remember records an emitted citation as what later references back may
// point at.
func (s *scanner) remember(c *Citation, end int) {
	if c.Form == FormAnaphora {
		return
	}
	s.ref.from = end
	if c.Lang != "" {
		s.ref.g = s.x.byLang[c.Lang]
	}
	a := antecedent{c: *c, end: end, ok: true}
	switch c.Kind {
	case KindResolution:
		s.ref.res = a
	case KindDecision:
		s.ref.dec = a
	}
}

type referHit struct {
	at, end int // the head word
	h       head
}

// referBetween reports the references back between the last citation and
// t[to].
func (s *scanner) referBetween(to int) {
	g := s.ref.g
	from := s.ref.from
	if g == nil || len(g.heads) == 0 || from >= to || (!s.ref.res.ok && !s.ref.dec.ok) {
		return
	}
	s.ref.from = to // each stretch of text is searched once
	if to > from+referWindow {
		to = from + referWindow
		for to > from && !utf8.RuneStart(s.t[to]) {
			to--
		}
	}
	t := s.t
	var hits []referHit
	for _, h := range g.heads {
		first := h.word
		if len(g.Tails) > 0 {
			// Chinese PDF text breaks lines anywhere: "该决\n\n议第 6 段".
			_, n := utf8.DecodeRune(h.word)
			first = h.word[:n]
		}
		for p := from; p < to; {
			k := bytes.Index(t[p:to], first)
			if k < 0 {
				break
			}
			at := p + k
			p = at + len(first)
			end := at + len(h.word)
			if len(g.Tails) > 0 {
				var ok bool
				if end, ok = matchRunes(t, at, h.word); !ok {
					continue
				}
			} else if h.stem {
				for end < len(t) {
					r, n := utf8.DecodeRune(t[end:])
					if !isWordRune(r) || isDigitRune(r) {
						break
					}
					end += n
				}
			} else if len(g.Tails) == 0 && !wordEnd(t, end) {
				continue
			}
			if len(g.Tails) == 0 && !wordStart(t, at) && !g.procliticBefore(t, at) {
				continue
			}
			hits = append(hits, referHit{at, end, h})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	for _, h := range hits {
		s.referAt(g, h)
	}
}

// matchRunes matches w at t[at], allowing spaces and line breaks between
// its characters, and returns the end.
func matchRunes(t []byte, at int, w []byte) (int, bool) {
	p := at
	for k := 0; k < len(w); {
		_, n := utf8.DecodeRune(w[k:])
		if k > 0 {
			p, _ = skipSpaceNL(t, p, maxBreaks)
		}
		if p+n > len(t) || string(t[p:p+n]) != string(w[k:k+n]) {
			return 0, false
		}
		p += n
		k += n
	}
	return p, true
}

// procliticBefore reports whether a proclitic of g joins t[at] to the word
// start before it ("بالقرار").
func (g *grammar) procliticBefore(t []byte, at int) bool {
	for _, p := range g.proclitics {
		if at >= len(p) && string(t[at-len(p):at]) == p && wordStart(t, at-len(p)) {
			return true
		}
	}
	return false
}

// referAt reports the reference back made with the head word h, if it is
// one.
func (s *scanner) referAt(g *grammar, h referHit) {
	t := s.t
	// A number after the word makes it a citation of its own, found (or
	// refused) by the scan.
	if p, _ := skipSpaceNL(t, h.end, maxBreaks); p < len(t) && (isDigit(t[p]) || isUpper(t[p])) {
		return
	}
	start, end := -1, h.end
	if len(g.Tails) > 0 {
		for _, w := range g.Refer {
			if bytes.HasSuffix(t[:h.at], []byte(w)) {
				start = h.at - len(w)
				break
			}
		}
	} else if st, ok := s.endsWithPhrase(t, h.at, g.refer); ok {
		start = st
	}
	if start < 0 && len(g.ReferAfter) > 0 {
		if e, ok := matchAny(t, skipSpaces(t, h.end), g.ReferAfter); ok {
			start, end = h.at, e
		}
	}
	if _, ok := matchAny(t, end, g.TailBlockers); ok {
		return // "该决议草案" is a draft
	}
	a := &s.ref.res
	if h.h.kind == KindDecision {
		a = &s.ref.dec
	}
	if start < 0 {
		// A mention that is no reference back ("1995 年关于中东问题的决议",
		// "a resolution on the question") may name another document: a
		// reference after it cannot be told to point at the citation.
		// "the resolution" does not break the chain.
		if len(g.Tails) > 0 {
			a.ok = false
		} else if wb := s.wordsBefore(t, h.at); wb.n == 0 || !g.pinSkip.has(wb.word(0)) {
			a.ok = false
		}
		return
	}
	if !a.ok || start-a.end > referReach {
		return
	}
	pin := ""
	if len(g.Tails) > 0 {
		pin, end = s.pinTail(g, end)
	} else {
		pin = s.pinBefore(start, g)
	}
	c := Citation{Symbol: a.c.Symbol, Form: FormAnaphora, Lang: g.Lang, Said: h.h.kind, Pin: pin, AntecedentStart: a.c.Start}
	if end > s.done {
		s.done = end
	}
	c.Start, c.End = s.f.Orig(start, end)
	s.cite(c)
}

// pinTail reads a paragraph pin after a tail ("第2段"), returning it and the
// new end.
func (s *scanner) pinTail(g *grammar, te int) (string, int) {
	t := s.t
	for _, pre := range g.PinTailPrefix {
		if pe, ok := matchPhrase(t, te, pre); ok {
			pq := skipSpaces(t, pe)
			if n := digitsAt(t, pq); n > 0 {
				sq := skipSpaces(t, pq+n)
				if se, ok := matchAny(t, sq, g.PinTailSuffix); ok {
					return string(t[pq : pq+n]), se
				}
			}
			break
		}
	}
	return "", te
}
