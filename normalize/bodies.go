package normalize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Other bodies. Commissions, committees, boards, conferences, specialized
// agencies and regional organisations number their resolutions and
// decisions like the principal organs do ("African Commission resolution
// 263", "resolución 689 (XXXV) de la Comisión Económica para América
// Latina", "UNICEF Executive Board decision 2023/4"), but those numbers are
// no UN document symbols. When such a body is named at the citation, the
// extractor reports nothing rather than guess a principal organ.

// maxNameWords bounds how many words a body's name may have between the
// citation and its head noun ("African Commission on Human and Peoples'
// Rights").
const maxNameWords = 8

// span is a word of the text, lower-cased.
type span struct {
	start, end int
	low        string
	capital    bool // starts with an upper-case letter
	cased      bool // written in a script with capitals
	caps       bool // written in capitals: an acronym or a heading
}

// wordBack returns the word that ends at or before e (skipping spaces and at
// most one line break), or ok=false at punctuation or the start of text.
func wordBack(t []byte, e int) (span, bool) {
	s, we, ok := wordBounds(t, e)
	if !ok {
		return span{}, false
	}
	return newSpan(t, s, we), true
}

// wordBounds finds where the word that wordBack reads starts and ends,
// without lowering it.
func wordBounds(t []byte, e int) (start, end int, ok bool) {
	p, nl := e, 0
	for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t' || t[p-1] == '\r' || t[p-1] == '\n') {
		if t[p-1] == '\n' {
			if nl++; nl > 1 {
				return 0, 0, false
			}
		}
		p--
	}
	we := p
	for p > 0 {
		r, n := utf8.DecodeLastRune(t[:p])
		if !isNameRune(r) {
			break
		}
		p -= n
	}
	return p, we, p < we
}

// wordFwd returns the word that starts at or after p.
func wordFwd(t []byte, p int) (span, bool) {
	p, _ = skipSpaceNL(t, p, 1)
	ws := p
	for p < len(t) {
		r, n := utf8.DecodeRune(t[p:])
		if !isNameRune(r) {
			break
		}
		p += n
	}
	if p == ws {
		return span{}, false
	}
	return newSpan(t, ws, p), true
}

func newSpan(t []byte, s, e int) span {
	r, _ := utf8.DecodeRune(t[s:e])
	var w string
	if lowerASCIIWord(t[s:e]) {
		// The scanned text does not change during a scan.
		w = unsafeString(t[s:e])
	} else {
		w = lowerBytes(t[s:e])
	}
	w = strings.TrimRight(w, "'’")
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	sp := span{start: s, end: e, low: w, capital: unicode.IsUpper(r), cased: unicode.IsUpper(r) || unicode.IsLower(r)}
	if sp.capital && allCaps(t[s:e]) {
		// A word in capitals is an acronym or a heading, not a capitalised
		// name word.
		sp.capital, sp.caps = false, true
	}
	return sp
}

// allCaps reports whether w has two letters or more and no lower-case one.
func allCaps(w []byte) bool {
	n := 0
	for _, r := range string(w) {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// isNameRune reports whether r may stand inside a word of a body's name.
func isNameRune(r rune) bool {
	return isWordRune(r) && !isDigitRune(r) || r == '\'' || r == '’' || r == '-'
}

// isBody reports whether the word w, which starts at t[at], names a body
// other than a principal organ, alone or with the words after it
// ("conseil exécutif").
func (g *grammar) isBody(t []byte, at int, w string) bool {
	for _, b := range g.Bodies {
		if strings.IndexByte(b, ' ') >= 0 {
			if _, ok := matchPhrase(t, at, b); ok {
				return true
			}
			continue
		}
		if strings.HasPrefix(w, b) {
			return true
		}
	}
	return false
}

// isNameWord reports whether w may stand inside a name ("of", "de la").
// principalAt reports whether the name of a principal organ (not "the
// Council" alone) starts at t[p].
func (g *grammar) principalAt(t []byte, p int) bool {
	for _, o := range g.Organs {
		if o.Organ == organCouncil {
			continue
		}
		if _, ok := matchPhrase(t, p, o.Name); ok {
			return true
		}
	}
	return false
}

func (g *grammar) isNameWord(w string) bool { return slices.Contains(g.NameWords, w) }

// qualified reports whether the organ name that starts at os is part of a
// longer name ("World Health Assembly", "Governing Council"): a capitalised
// word stands right before it that is not a name of the United Nations.
// Only one-word names ("Assembly", "Council") can be qualified so, and a
// capitalised word that opens the sentence ("Recalling Council resolution")
// is no qualifier.
func (g *grammar) qualified(t []byte, os int, name string) bool {
	if strings.IndexByte(name, ' ') >= 0 {
		return false
	}
	w, ok := wordBack(t, os)
	if !ok || !w.capital || g.isNameWord(w.low) {
		return false
	}
	if _, ok := wordBack(t, w.start); !ok {
		return false
	}
	return !slices.Contains(g.UNNames, w.low)
}

// bodyBefore reports whether the words right before a trigger at t[ts]
// name another body ("African Commission on Human and Peoples' Rights
// resolution 263", "UNICEF Executive Board decision"). The words of such a
// name are capitalised or join words.
func (s *scanner) bodyBefore(ts int, g *grammar) bool {
	if len(g.Bodies) == 0 {
		return false
	}
	t := s.t
	// A name ends in a capitalised word or an acronym: most triggers follow
	// a lower-case word ("of resolution", "its resolution") and end here.
	if _, lower, ok := caseBefore(t, ts); !ok || lower {
		return false
	}
	if os, name := s.organStartBefore(ts, g); name != "" {
		return g.qualified(t, os, name)
	}
	p := ts
	if w, ok := wordBack(t, p); ok && w.caps && len(w.low) <= 8 {
		// "ITU resolution 186", "UNEP decision 27/4": another
		// organisation's acronym, unless the heading is in capitals too.
		if tw, ok := wordFwd(t, ts); ok && !tw.caps {
			return !g.isUNAcronym(w.low)
		}
	}
	for k := 0; k < maxNameWords; k++ {
		w, ok := wordBack(t, p)
		if !ok {
			return false
		}
		switch {
		case g.isBody(t, w.start, w.low) && (w.capital || !w.cased):
			// "this meeting of resolution 2272 (2016)" names no body: a
			// name is capitalised where the script has capitals.
			return true
		case g.isNameWord(w.low) || w.capital:
		default:
			return false
		}
		p = w.start
	}
	return false
}

// bodyAfter reports whether the words after the items, which end at t[p],
// name another body: "of the African Commission", "de la Comisión
// Económica", "Экономической комиссии", "الصادر عن اللجنة".
func (s *scanner) bodyAfter(p int, g *grammar) bool {
	if len(g.Bodies) == 0 {
		return false
	}
	t := s.t
	q := s.skipDate(p, g)
	// ", en date du 5 novembre 2013, de la Commission".
	for k := 0; k < 2; k++ {
		r := skipSpaces(t, q)
		if r < len(t) && t[r] == ',' {
			q = s.skipDate(r+1, g)
		}
	}
	q = skipSpaces(t, q)
	if q < len(t) && t[q] == ',' {
		q++
	}
	joined := false
	for _, j := range g.joins.all(t, skipSpaces(t, q)) {
		if j > q {
			q, joined = j, true
			break
		}
	}
	if !joined && !g.organDirect {
		return false
	}
	capital := false
	for k := 0; k < maxNameWords; k++ {
		w, ok := wordFwd(t, q)
		if !ok {
			return false
		}
		capital = capital || w.capital
		// Only a word the switch below could take for a body's is worth
		// the look.
		if k == 0 && (w.capital || !w.cased || g.isNameWord(w.low)) && g.principalAt(t, w.start) {
			// "…, Совет Безопасности Организации Объединённых Наций
			// потребовал": a principal organ's name, whatever follows.
			return false
		}
		switch {
		case g.isBody(t, w.start, w.low) && (capital || !w.cased):
			return true
		case g.isNameWord(w.low):
		case w.capital && k < 3:
			// "of the African Commission", "Африканской комиссии".
		default:
			return false
		}
		q = w.end
	}
	return false
}

// organStartBefore returns the organ name right before t[ts] and where it
// starts.
func (s *scanner) organStartBefore(ts int, g *grammar) (int, string) {
	t := s.t
	e := possessiveEnd(t, ts)
	if st, name, ok := s.phraseBefore(t, e, g.organs); ok {
		return st, name
	}
	return 0, ""
}

// possessive reports whether the trigger at t[ts] is the text's own
// subject's ("its resolution", "sa résolution", "su resolución", "своей
// резолюции"): the body it names is the subject of the sentence.
func (s *scanner) possessive(ts int, g *grammar) bool {
	if len(g.Possessives) == 0 {
		return false
	}
	wb := s.wordsBefore(s.t, ts)
	return wb.n > 0 && g.isPossessive(string(wb.word(0)))
}

// subjectIsBody reports whether the nearest body or organ named earlier in
// the sentence before t[ts] is another body ("the Commission for Social
// Development, in its resolution 42/1").
func (s *scanner) subjectIsBody(ts int, g *grammar) bool {
	t := s.t
	// A name must end right before the possessive, a preposition or a
	// comma: "in accordance with its resolution" has none.
	w, ok := wordBack(t, ts) // the possessive
	if !ok {
		return false
	}
	p := w.start
	for k := 0; k < 2; k++ {
		for p > 0 && (t[p-1] == ',' || t[p-1] == ' ' || t[p-1] == '\n') {
			p--
		}
		if w, ok = wordBack(t, p); !ok {
			return false
		}
		if !g.isSubjectJoin(w.low) {
			break
		}
		p = w.start
	}
	if w.cased && !w.capital {
		return false
	}
	if _, _, ok := caseBefore(t, w.start); !ok {
		// "Recalling its resolution": the first word of its clause is
		// no name's end.
		return false
	}
	lo := sentenceStart(t, ts)
	// Body nouns as they stand in text (capitalised where the script has
	// capitals): no copy of the sentence unless one is there.
	body := -1
	for _, b := range g.bodyCues {
		k := lastIndex(t[lo:ts], b)
		if k > body && wordStart(t, lo+k) && s.subjectName(lo+k, ts, g) {
			body = k
		}
	}
	if body < 0 {
		return false
	}
	// A principal organ named after it, or around it ("Commission on Human
	// Rights"), is the subject instead.
	win := s.lower(t[lo:ts])
	for _, o := range g.Organs {
		if k := strings.LastIndex(win, o.Name); k >= 0 && k+len(o.Name) > body {
			return false
		}
	}
	return true
}

// sentenceStart returns where the sentence that holds t[ts] starts: after
// the last full stop, semicolon or blank line, at most 300 bytes back.
func sentenceStart(t []byte, ts int) int {
	lo := max(0, ts-300)
	for k := ts - 1; k > lo; k-- {
		c := t[k]
		if c == ';' || (c == '.' && k+1 < len(t) && (t[k+1] == ' ' || t[k+1] == '\n') && !isUpperAbbrev(t, k)) ||
			(c == '\n' && (t[k-1] == '\n' || numberedLine(t, k+1))) {
			return k + 1
		}
		if c >= 0x80 && k+2 < len(t) && (string(t[k:k+3]) == "。" || string(t[k:k+3]) == "；") {
			return k + 3
		}
	}
	return lo
}

// otherBody reports whether the citation whose trigger starts at t[ts] and
// whose items end at t[end] is another body's: named before the trigger,
// after the items, or as the subject of "its resolution". adj and after
// are the principal organs named there, if any.
func (s *scanner) otherBody(ts, end int, g *grammar, adj, after Organ) bool {
	if len(g.Bodies) == 0 || after != "" {
		return false
	}
	if adj != "" {
		os, name := s.organStartBefore(ts, g)
		return name != "" && g.qualified(s.t, os, name)
	}
	if s.bodyBefore(ts, g) || s.bodyAfter(end, g) {
		return true
	}
	return s.possessive(ts, g) && s.subjectIsBody(ts, g)
}

// bodyBeforeTail is bodyBefore for languages with tails, where the name
// ends right before the first item, perhaps after a date and a "关于…的"
// clause ("非洲人权和人民权利委员会2013年11月5日关于…的第263号决议").
func (s *scanner) bodyBeforeTail(i int, g *grammar) bool {
	if len(g.Bodies) == 0 {
		return false
	}
	t := s.t
	p := nameEndBeforeGroup(t, i)
	organLen := 0
	for _, o := range g.Organs {
		if len(o.Name) > organLen && p >= len(o.Name) && string(t[p-len(o.Name):p]) == o.Name {
			organLen = len(o.Name)
		}
	}
	for _, b := range g.Bodies {
		if len(b) > organLen && p >= len(b) && string(t[p-len(b):p]) == b {
			return true
		}
	}
	return false
}

// organCouncil is "the Council" named without saying which: the Security
// Council, the Economic and Social Council or the Human Rights Council, as
// the form of the number tells (resolveOrgan). It is never reported.
const organCouncil Organ = "council"

// resolveOrgan returns the organ o stands for when it can issue item it,
// or "".
func resolveOrgan(it item, o Organ) Organ {
	if o != organCouncil {
		if compatible(it, o) {
			return o
		}
		return ""
	}
	for _, c := range []Organ{OrganSC, OrganECOSOC, OrganHRC} {
		if compatible(it, c) {
			return c
		}
	}
	return ""
}

// subjectName reports whether the body noun at t[at] heads a name that is
// the subject of the trigger at t[ts]: capitalised where the script has
// capitals, and followed by at most a few words before the trigger ("the
// Commission for Social Development, in its resolution").
func (s *scanner) subjectName(at, ts int, g *grammar) bool {
	t := s.t
	w, ok := wordFwd(t, at)
	if !ok || w.cased && !w.capital {
		return false
	}
	// The rest of the name: capitalised words and the words inside names.
	p := w.end
	for {
		n, ok := wordFwd(t, p)
		if !ok || n.start >= ts || !(n.capital || g.isNameWord(n.low)) || g.isPossessive(n.low) {
			break
		}
		p = n.end
	}
	// Between the name and the trigger: at most a comma, one preposition
	// and the possessive ("the Commission, in its resolution", "Комиссия в
	// своей резолюции"). A participle means the body is the object:
	// "the Commission established by its resolution 39 (1948)".
	words := 0
	for q := p; q < ts; {
		n, ok := wordFwd(t, q)
		if !ok {
			q++
			continue
		}
		if n.start >= ts {
			break
		}
		if !g.isPossessive(n.low) && !g.isSubjectJoin(n.low) {
			return false
		}
		if words++; words > 2 {
			return false
		}
		q = n.end
	}
	// The subject opens its sentence ("The Commission", "Noting that the
	// Commission"), or is the agent of a passive ("adopted by the
	// Commission … in its resolution"): the word before the name, or before
	// its article, says so.
	if last, ok := wordBack(t, at); ok && g.isNameWord(last.low) {
		if prev, ok := wordBack(t, last.start); ok && g.isAgent(prev.low) {
			return true
		}
	} else if ok && g.isAgent(last.low) {
		return true
	}
	lead := 0
	for q := sentenceStart(t, at); q < at; {
		n, ok := wordFwd(t, q)
		if !ok {
			q++
			continue
		}
		if n.start >= at {
			break
		}
		lead++
		q = n.end
	}
	return lead <= 2
}

func (g *grammar) isSubjectJoin(w string) bool { return slices.Contains(g.SubjectJoins, w) }

func (g *grammar) isPossessive(w string) bool { return slices.Contains(g.Possessives, w) }

// isUNAcronym reports whether an acronym before a trigger names the United
// Nations or one of its principal organs ("UN resolution", "UNGA
// resolution").
func (g *grammar) isUNAcronym(w string) bool {
	if slices.Contains(g.UNNames, w) {
		return true
	}
	for _, a := range g.OrganAcronyms {
		if w == a.Name {
			return true
		}
	}
	return false
}

func (g *grammar) isAgent(w string) bool { return slices.Contains(g.AgentWords, w) }

// lowerASCIIWord reports whether w is ASCII without capitals.
func lowerASCIIWord(w []byte) bool {
	for _, c := range w {
		if c >= utf8.RuneSelf || isUpper(c) {
			return false
		}
	}
	return true
}

// caseBefore reads the word that ends at or before e (as wordBack does,
// without lowering it): where it starts and whether it is in lower case.
func caseBefore(t []byte, e int) (start int, lower, ok bool) {
	s, we, ok := wordBounds(t, e)
	if !ok {
		return 0, false, false
	}
	r, _ := utf8.DecodeRune(t[s:we])
	return s, unicode.IsLower(r), true
}

// nameEndBeforeGroup returns where a name that stands before a Chinese
// group at t[i] ends: before a "关于…的" clause and a date, both optional
// ("大会2022年12月15日第77/190号决议", "…委员会2013年11月5日关于…的第263号决议").
// aboutWords introduce the subject of a Chinese title ("关于…的").
var aboutWords = [][]byte{[]byte("关于"), []byte("關於")}

func nameEndBeforeGroup(t []byte, i int) int {
	p := i
	if p >= 3 && string(t[p-3:p]) == "的" {
		lo := max(0, p-240)
		for _, about := range aboutWords {
			if k := lastIndex(t[lo:p], about); k >= 0 {
				p = lo + k
				break
			}
		}
	}
	// A date: digits, 年, 月, 日 and spaces.
	for p > 0 {
		r, n := utf8.DecodeLastRune(t[:p])
		if !(isDigitRune(r) || r == '年' || r == '月' || r == '日' || r == ' ') {
			break
		}
		p -= n
	}
	return p
}
