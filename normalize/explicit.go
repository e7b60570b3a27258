package normalize

import "strings"

// symbol handles an explicit symbol starting at t[i].
func (s *scanner) symbol(i int) (int, bool) {
	t := s.t
	r, e, ok := scanSymbol(t, i, modeText)
	if !ok {
		return 0, false
	}
	// A joint symbol (A/55/432-S/2000/921) is two symbols; a press-release
	// number anywhere in the chain (SC/9210-CD/3100-PI/1818) makes the whole
	// chain a press-release number.
	chain := []rawSymbol{r}
	spans := [][2]int{{i, e}}
	for e+1 < len(t) && t[e] == '-' && isUpper(t[e+1]) {
		r2, e2, ok := scanSymbol(t, e+1, modeText)
		if !ok {
			break
		}
		chain = append(chain, r2)
		spans = append(spans, [2]int{e + 1, e2})
		e = e2
	}
	press := false
	for _, r := range chain {
		if pressSeries[r.body()] {
			press = true
		}
	}
	// CD/ numbers both Conference on Disarmament documents and disarmament
	// press releases; only the words before tell them apart.
	if press || (r.body() == "CD" && s.pressContext(i)) {
		return e, true
	}
	said := s.saidBefore(i)
	for k, r := range chain {
		st, en := spans[k][0], spans[k][1]
		s.emitSymbol(r, st, en, said)
	}
	s.prev, s.prevEnd = chain[len(chain)-1], e
	return s.continuations(e)
}

// pressContext reports whether words just before t[i] call what follows a
// press release.
func (s *scanner) pressContext(i int) bool {
	lo := i - 48
	if lo < 0 {
		lo = 0
	}
	w := strings.ToLower(string(s.t[lo:i]))
	for _, g := range s.x.grammars {
		for _, p := range g.PressRelease {
			if strings.Contains(w, p) {
				return true
			}
		}
	}
	return false
}

func (s *scanner) emitSymbol(r rawSymbol, start, end int, said Kind) {
	sym := r.symbol()
	c := Citation{Symbol: sym, Form: FormSymbol, Said: said, OrganBy: EvidenceSymbol}
	if r.part != "" {
		c.Parts = []string{r.part}
	}
	b := r.body()
	principal := b == "A" || b == "S" || b == "E"
	if principal && said != "" && said != KindDocument && said != sym.Kind {
		// Only the principal organs' symbols say what they are; other
		// series (WT/L/508, ISBA/28/C/9) number resolutions and decisions
		// like any document.
		c.Doubts = append(c.Doubts, Doubt{Rule: "kind-mismatch",
			Message: "the text calls " + sym.Display + " a " + string(said) + ", but its symbol is that of a " + string(sym.Kind)})
	}
	s.checkSCYear(&c)
	s.emit(c, start, end)
}

func (s *scanner) emit(c Citation, start, end int) {
	if s.opt.Anaphora {
		s.referBetween(start)
	}
	if end > s.done {
		s.done = end
	}
	if s.cite == nil {
		return
	}
	c.Start, c.End = s.f.Orig(start, end)
	if c.PhraseEnd > end {
		_, c.PhraseEnd = s.f.Orig(start, c.PhraseEnd)
	} else {
		c.PhraseEnd = 0
	}
	if s.opt.Anaphora {
		s.remember(&c, end)
	}
	s.cite(c)
}

// continuations reads "and Add.1", "y Corr.2" after the symbol that ended
// at e, and emits each as a citation of its own.
func (s *scanner) continuations(e int) (int, bool) {
	t := s.t
	for {
		q, _ := skipSpaceNL(t, e, maxBreaks)
		if q >= len(t) || !s.x.contFirst[t[q]] {
			return e, true // no continuation word starts here
		}
		matched := false
		for _, g := range s.x.grammars {
			for _, w := range g.Continuations {
				if we, ok := matchPhrase(t, q, w); ok {
					q2, _ := skipSpaceNL(t, we, maxBreaks)
					if q2 < len(t) && isUpper(t[q2]) {
						var cb [32]byte
						if c, ce, _, ok := scanComponent(t, q2, modeText, cb[:0]); ok && isSuffixComponent(string(c)) && (ce == len(t) || !isAlnum(t[ce])) && s.prev.n < len(s.prev.ends) {
							r := s.prev.with(string(c))
							sym := r.symbol()
							s.emit(Citation{Symbol: sym, Form: FormContinuation, OrganBy: EvidenceSymbol}, q2, ce)
							s.prev = r
							e = ce
							matched = true
						}
					}
				}
				if matched {
					break
				}
			}
			if matched {
				break
			}
		}
		if !matched {
			return e, true
		}
	}
}

func isSuffixComponent(c string) bool {
	for _, p := range []string{"Add.", "Corr.", "Rev.", "Amend."} {
		if strings.HasPrefix(c, p) && len(c) > len(p) {
			return true
		}
	}
	return false
}

// flatSeries are the series whose documents are numbered straight on, so
// that prose may name the series and the number apart: "CD document 2007"
// is CD/2007.
var flatSeries = setOf("CD")

// documentWords name a document between its series and its number.
var documentWords = setOf("document", "documents", "documento", "documentos")

// seriesDocument reads "CD document 2007": a flat series, a document word
// (w, which starts at t[ws]) and the number at t[st].
func (s *scanner) seriesDocument(ws int, w []byte, st int) (int, bool) {
	t := s.t
	if len(w) < 8 || w[0] != 'd' || !documentWords[string(w)] {
		return 0, false
	}
	bs, lower, ok := caseBefore(t, ws)
	if !ok || lower || bs < s.done {
		return 0, false
	}
	series := string(t[bs:skipSpacesBack(t, ws)])
	if !flatSeries[series] {
		return 0, false
	}
	n := digitsAt(t, st)
	if n == 0 || n > 5 || t[st] == '0' || st+n < len(t) && (isAlnum(t[st+n]) || t[st+n] == '/') {
		return 0, false
	}
	sym, err := ParseSymbol(series + "/" + string(t[st:st+n]))
	if err != nil {
		return 0, false
	}
	s.emit(Citation{Symbol: sym, Form: FormSymbol, OrganBy: EvidenceSymbol}, bs, st+n)
	return st + n, true
}
