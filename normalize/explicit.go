package normalize

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

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
	e, _ = s.continuations(e)
	return s.numberContinuations(i, e), true
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
							r := s.prev.withSuffix(string(c))
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

// numbered are the keywords of a last component whose number alone may be
// repeated for the next documents of a list: summary records (SR.39),
// verbatim records (PV.5), limited documents (L.55), their kin, and the
// suffixes (S/1999/25/Add.10, 13 et 49).
var numbered = setOf("SR", "PV", "L", "CRP", "WP", "INF", "Add", "Corr", "Rev", "Amend")

// maxListed bounds the numbers read after such a symbol.
const maxListed = 32

// numberContinuations reads the numbers that continue the symbol which
// started at t[start] and ended at t[e], inside the same brackets or list:
// "(A/C.3/57/SR.39, 47, 50 y 57)" cites SR.39, SR.47, SR.50 and SR.57, and
// "A/C.3/42/L.5, L.90" L.5 and L.90. Only a last component keyword.number
// continues so, each number must be greater than the one before, and a list
// may cross one line break. An item that repeats the keyword (L.90) says
// what it is; bare numbers after the last such item count only when the
// list closes: with the bracket opened before the symbol, or after a word
// such as "and" with the end of the sentence. A range ("L.55 to L.58") is
// not expanded.
func (s *scanner) numberContinuations(start, e int) int {
	t := s.t
	if p, _ := skipSpaceNL(t, e, 1); p >= len(t) || !s.x.contFirst[t[p]] {
		return e // no list goes on here
	}
	r := s.prev
	if r.n < 2 {
		return e
	}
	last := r.comp(r.n - 1)
	dot := strings.IndexByte(last, '.')
	if dot <= 0 || !numbered[last[:dot]] || digitsAt([]byte(last), dot+1) != len(last)-dot-1 {
		return e
	}
	kw := last[:dot+1] // "L.", "Add."
	prevNum := atoiBytes([]byte(last[dot+1:]))
	var spans [maxListed][3]int // start, end, number
	n, keyed := 0, 0            // keyed: items up to the last one that repeats the keyword
	word := false               // the last connector was a word ("and"), not a mark
	q := e
	for n < maxListed {
		p, _ := skipSpaceNL(t, q, 1)
		if p >= len(t) || !s.x.contFirst[t[p]] {
			break
		}
		ce, isWord := 0, false
		for _, g := range s.x.grammars {
			for _, w := range g.Continuations {
				if we, ok := matchPhrase(t, p, w); ok && we > ce {
					fr, _ := utf8.DecodeRuneInString(w)
					ce, isWord = we, isLetterRune(fr)
				}
			}
		}
		if ce == 0 {
			break
		}
		d, _ := skipSpaceNL(t, ce, 1)
		repeat := bytes.HasPrefix(t[d:], []byte(kw))
		if repeat {
			d += len(kw)
		}
		k := digitsAt(t, d)
		if k == 0 || k > 5 || t[d] == '0' || d+k < len(t) && (isAlnum(t[d+k]) || t[d+k] == '/' || t[d+k] == '.' && d+k+1 < len(t) && isDigit(t[d+k+1])) {
			break
		}
		v := atoiBytes(t[d : d+k])
		if v <= prevNum {
			break
		}
		if repeat {
			spans[n] = [3]int{d - len(kw), d + k, v}
			keyed = n + 1
		} else {
			spans[n] = [3]int{d, d + k, v}
		}
		n++
		prevNum, word, q = v, isWord, d+k
	}
	if n == 0 {
		return e
	}
	end := spans[n-1][1]
	c := skipSpaces(t, end)
	closed := c < len(t) && t[c] == ')' && openedBefore(t, start)
	ended := word && (c == len(t) || t[c] == '.' || t[c] == ';' || t[c] == '\n' || t[c] == '\r' ||
		bytes.HasPrefix(t[c:], []byte("。")) || bytes.HasPrefix(t[c:], []byte("；")))
	if !closed && !ended {
		if keyed == 0 {
			return e
		}
		n, end = keyed, spans[keyed-1][1]
	}
	head := r.path[:len(r.path)-len(last)+dot+1]
	for _, sp := range spans[:n] {
		out := r
		out.path = head + strconv.Itoa(sp[2])
		out.ends[r.n-1] = uint16(len(out.path))
		out.parenKey, out.parenShow = "", ""
		s.emit(Citation{Symbol: out.symbol(), Form: FormContinuation, OrganBy: EvidenceSymbol}, sp[0], sp[1])
		s.prev = out
	}
	return end
}

// openedBefore reports whether a bracket opened before t[start], on the same
// line or the line before (a wrapped line), is still open there.
func openedBefore(t []byte, start int) bool {
	lines := 0
	for k := start - 1; k >= 0 && start-k < 400; k-- {
		switch t[k] {
		case '(':
			return true
		case ')':
			return false
		case '\n':
			if lines++; lines > 1 {
				return false
			}
		}
	}
	return false
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
