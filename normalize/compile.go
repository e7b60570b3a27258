package normalize

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// grammar is a Grammar compiled for the scanner: word lists indexed by
// their first byte, phrase sets read backwards, month names in a set. The
// scanner asks many small questions per citation ("is a connector here?");
// the indexes answer most of them without comparing a single word.
type grammar struct {
	*Grammar

	connectors, ellipses, partConn, numeroP, joins phrases
	drafts, anaphora, organs, refer, referAfter    *phraseSet
	organSuffixes, adverbs                         *phraseSet
	// adverbArticles are the one-word articles that may stand between an
	// adverb and an item ("resoluciones, en particular la 2334 (2016)").
	adverbArticles        wordSet
	titles                phrases
	participles, articles phrases
	betweenJoins          *phraseSet
	pinJoin, pinSkip      wordSet
	epithets              wordSet
	// organDirect: an organ may follow the numbers without a join word;
	// pinDirect: pin numbers may stand right before the trigger.
	organDirect, pinDirect bool
	// joinedConn are connectors written joined to the next number ("و1820").
	joinedConn []string
	// proclitics, longest first.
	proclitics []string
	partWords  []PartWord
	sessions   []string
	// monthPhrases are month names of several words ("كانون الأول/ديسمبر"),
	// longest first.
	monthPhrases []string
	// heads are the singular trigger and tail words that a refer word may
	// stand before, to look for in the text after a citation.
	heads []head
	cues  []string // last words of non-GA organ names
	// contextCues are the last words of every organ name, in lower case,
	// capitalised and in capitals, as they stand in text.
	contextCues [][]byte
	// bodyCues are the body nouns as they head a name in text:
	// capitalised in scripts with capitals.
	bodyCues   [][]byte
	organFirst [256]bool
	dates      [][]string
	dateCue    [256]bool
	// dateFirst[k] holds the bytes that can start date pattern k, and
	// dateStart all of them: most commas after an item start no date.
	dateFirst [][256]bool
	dateStart [256]bool
	months    wordSet
	monthMax  int
}

// head is a trigger word that a refer word may stand before.
type head struct {
	word []byte
	kind Kind
	stem bool
}

// plural reports whether a trigger word is a plural form, which a refer
// word cannot point back with ("those resolutions" names several).
func plural(w string) bool {
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ات")
}

// phrases is a list of phrases indexed by the first byte they can start
// with, in either case.
type phrases struct {
	byFirst [256][]string
}

func newPhrases(list []string) phrases {
	var p phrases
	for _, w := range list {
		if w == "" {
			continue
		}
		for _, b := range firstBytes(w) {
			p.byFirst[b] = append(p.byFirst[b], w)
		}
	}
	return p
}

// match matches the first phrase of the list that stands at t[i].
func (p *phrases) match(t []byte, i int) (int, bool) {
	if i >= len(t) {
		return 0, false
	}
	for _, w := range p.byFirst[t[i]] {
		if e, ok := matchPhrase(t, i, w); ok {
			return e, true
		}
	}
	return 0, false
}

// all returns the ends of every phrase that stands at t[i].
func (p *phrases) all(t []byte, i int) []int {
	if i >= len(t) {
		return nil
	}
	var out []int
	for _, w := range p.byFirst[t[i]] {
		if e, ok := matchPhrase(t, i, w); ok {
			out = append(out, e)
		}
	}
	return out
}

// month reads a month name at t[i].
func (g *grammar) month(t []byte, i int) (int, bool) {
	for _, m := range g.monthPhrases {
		if e, ok := matchPhrase(t, i, m); ok {
			return e, true
		}
	}
	e := i
	var buf [24]byte
	b := buf[:0]
	for e < len(t) && len(b) < g.monthMax {
		if c := t[e]; c < utf8.RuneSelf {
			// ASCII needs no decoding.
			if !isAlpha(c) {
				break
			}
			b = append(b, lowerASCII(c))
			e++
			continue
		}
		r, n := utf8.DecodeRune(t[e:])
		if !isLetterRune(r) {
			break
		}
		b = utf8.AppendRune(b, toLowerRune(r))
		e += n
	}
	if len(b) == 0 || !wordEnd(t, e) || !g.months.has(b) {
		return 0, false
	}
	return e, true
}

func compile(src *Grammar, organOf map[string]Organ) *grammar {
	g := &grammar{Grammar: src}
	g.connectors = newPhrases(src.Connectors)
	g.ellipses = newPhrases(src.Ellipses)
	g.partConn = newPhrases(src.PartConnectors)
	g.numeroP = newPhrases(src.Numero)
	g.joins = newPhrases(src.OrganJoins)
	d, a := newPhraseSet(src.Drafts), newPhraseSet(src.Anaphora)
	g.drafts, g.anaphora = &d, &a
	r, ra := newPhraseSet(src.Refer), newPhraseSet(src.ReferAfter)
	g.refer, g.referAfter = &r, &ra
	bj := newPhraseSet(src.BetweenJoins)
	g.betweenJoins = &bj
	osf := newPhraseSet(src.OrganSuffixes)
	g.organSuffixes = &osf
	adv := newPhraseSet(src.Adverbs)
	g.adverbs = &adv
	g.titles = newPhrases(src.Titles)
	g.participles, g.articles = newPhrases(src.Participles), newPhrases(src.Articles)
	for _, j := range src.OrganJoins {
		if j == "" {
			g.organDirect = true
		}
	}
	g.proclitics = append([]string(nil), src.Proclitics...)
	sort.SliceStable(g.proclitics, func(i, j int) bool { return len(g.proclitics[i]) > len(g.proclitics[j]) })
	for _, p := range src.Proclitics {
		for _, c := range src.Connectors {
			if p == c {
				g.joinedConn = append(g.joinedConn, p)
			}
		}
	}
	g.partWords = src.PartWords
	g.sessions = src.SessionWords
	if len(src.Refer) > 0 || len(src.ReferAfter) > 0 {
		for _, tr := range append(append([]Trigger(nil), src.Triggers...), src.Tails...) {
			if !plural(tr.Word) {
				g.heads = append(g.heads, head{word: []byte(tr.Word), kind: tr.Kind, stem: tr.Stem})
			}
		}
	}

	// A pin ends with a join word ("paragraph 8 of"), perhaps followed by
	// "the" or an organ ("of the General Assembly resolution").
	g.pinSkip.add(src.PinSkip...)
	g.epithets.add(src.Epithets...)
	g.adverbArticles.add(src.AdverbArticles...)
	for _, j := range src.PinJoins {
		if j == "" {
			g.pinDirect = true
			continue
		}
		f := strings.Fields(j)
		g.pinJoin.add(f[len(f)-1])
		for _, w := range f[:len(f)-1] {
			g.pinSkip.add(w)
		}
	}
	var names []string
	seen := map[string]bool{}
	for _, o := range src.Organs {
		names = append(names, o.Name)
		organOf[strings.Join(strings.Fields(o.Name), " ")] = o.Organ
		for _, b := range firstBytes(o.Name) {
			g.organFirst[b] = true
		}
		for _, w := range strings.Fields(o.Name) {
			g.pinSkip.add(w)
		}
		if o.Organ == OrganGA {
			continue
		}
		// The General Assembly is the default: a sentence matters only
		// when it names another organ, which its last word betrays.
		f := strings.Fields(o.Name)
		if cue := f[len(f)-1]; !seen[cue] {
			seen[cue] = true
			g.cues = append(g.cues, cue)
		}
	}
	op := newPhraseSet(names)
	g.organs = &op
	for _, b := range src.Bodies {
		g.bodyCues = append(g.bodyCues, []byte(titleCase(b)))
	}
	seenCue := map[string]bool{}
	for _, n := range names {
		f := strings.Fields(n)
		last := f[len(f)-1]
		for _, v := range []string{last, titleCase(last), strings.ToUpper(last)} {
			if !seenCue[v] {
				seenCue[v] = true
				g.contextCues = append(g.contextCues, []byte(v))
			}
		}
	}

	for _, m := range src.Months {
		if strings.ContainsAny(m, " /") {
			g.monthPhrases = append(g.monthPhrases, m)
			continue
		}
		g.months.add(m)
		g.monthMax = max(g.monthMax, len(m))
	}
	sort.SliceStable(g.monthPhrases, func(i, j int) bool { return len(g.monthPhrases[i]) > len(g.monthPhrases[j]) })
	for _, d := range src.Dates {
		f := strings.Fields(d)
		g.dates = append(g.dates, f)
		var first [256]bool
		switch f[0] {
		case "D", "N", "Y":
			for c := '0'; c <= '9'; c++ {
				first[c] = true
			}
		case "M":
			for _, m := range src.Months {
				for _, b := range firstBytes(m) {
					first[b] = true
				}
			}
		default:
			for _, b := range firstBytes(f[0]) {
				first[b] = true
			}
		}
		g.dateFirst = append(g.dateFirst, first)
		for c, ok := range first {
			if ok {
				g.dateCue[c], g.dateStart[c] = true, true
			}
		}
	}
	g.dateCue[','] = true
	return g
}

// wordSet is a small set of lower-case words, looked up by length and then
// compared: for the handful of words a grammar lists, faster than hashing.
type wordSet struct {
	byLen [32][]string
}

func (w *wordSet) add(words ...string) {
	for _, x := range words {
		if len(x) < len(w.byLen) {
			w.byLen[len(x)] = append(w.byLen[len(x)], x)
		}
	}
}

func (w *wordSet) has(b []byte) bool {
	if len(b) >= len(w.byLen) {
		return false
	}
	if len(b) == 0 {
		return len(w.byLen[0]) > 0
	}
	// The first byte tells most words apart without a call to compare.
	for _, x := range w.byLen[len(b)] {
		if x[0] == b[0] && x == string(b) {
			return true
		}
	}
	return false
}

// session reads a session written with a session word and digits inside
// parentheses, from t[i] to the closing parenthesis: "د - 3)", "الدورة 3)".
func (g *grammar) session(t []byte, i int) (v, end int, ok bool) {
	for _, w := range g.sessions {
		e, ok := matchPhrase(t, i, w)
		if !ok {
			continue
		}
		e = skipSpaces(t, e)
		if e < len(t) && t[e] == '-' {
			e = skipSpaces(t, e+1)
		}
		n := digitsAt(t, e)
		if n == 0 || n > 2 {
			continue
		}
		for k := e; k < e+n; k++ {
			v = v*10 + int(t[k]-'0')
		}
		ce := skipSpaces(t, e+n)
		if v < 1 || ce >= len(t) || t[ce] != ')' {
			v = 0
			continue
		}
		return v, ce + 1, true
	}
	return 0, 0, false
}

// wordParts reads part letters spelled as words at t[q] ("ألف وباء",
// "ألف إلى جيم"); e is where the number ended.
func (g *grammar) wordParts(t []byte, q, e int) ([]string, int) {
	var parts []string
	end := e
	for {
		letter, pe, ok := g.partWord(t, q, len(parts) > 0)
		if !ok {
			break
		}
		parts = append(parts, letter)
		end = pe
		r := skipSpaces(t, pe)
		if ce, ok := g.partConn.match(t, r); ok {
			q = skipSpaces(t, ce)
			continue
		}
		q = r
		if _, _, ok := g.partWord(t, q, true); !ok {
			break
		}
	}
	return parts, end
}

// partWord matches one part word at t[q]; after a first one, it may carry a
// joined conjunction ("وباء").
func (g *grammar) partWord(t []byte, q int, joined bool) (string, int, bool) {
	for _, pw := range g.partWords {
		if e, ok := matchPhrase(t, q, pw.Word); ok {
			return pw.Letter, e, true
		}
	}
	if joined {
		for _, c := range g.joinedConn {
			if q+len(c) < len(t) && string(t[q:q+len(c)]) == c {
				for _, pw := range g.partWords {
					if e, ok := matchPhrase(t, q+len(c), pw.Word); ok {
						return pw.Letter, e, true
					}
				}
			}
		}
	}
	return "", 0, false
}

// reversedItem reads a number whose digits and brackets PDF text put in
// reverse, as right-to-left text can come out: "278 ) 3991 (" for
// 872 (1993), or only the brackets mirrored, "1540 )2004(". The number
// t[p:q] has been read into it.a.
func reversedItem(t []byte, p, q int, it item) (item, bool) {
	r := skipSpaces(t, q)
	if r >= len(t) || t[r] != ')' {
		return it, false
	}
	in := skipSpaces(t, r+1)
	if digitsAt(t, in) != 4 {
		return it, false
	}
	ce := skipSpaces(t, in+4)
	if ce >= len(t) || t[ce] != '(' || (ce+1 < len(t) && isAlnum(t[ce+1])) {
		return it, false
	}
	year := atoiBytes(t[in : in+4])
	if year < 1945 || year > 2100 {
		// The digits are reversed too.
		year = atoiBytes(reverseBytes(t[in : in+4]))
		if year < 1945 || year > 2100 || t[q-1] == '0' {
			return it, false
		}
		it.a = atoiBytes(reverseBytes(t[p:q]))
	}
	it.form, it.b, it.end = itemYear, year, ce+1
	return it, true
}

func reverseBytes(b []byte) []byte {
	r := make([]byte, len(b))
	for i, c := range b {
		r[len(b)-1-i] = c
	}
	return r
}

// special reads a special session written as a word at t[i] ("دإط"),
// followed by a hyphen, and returns "S" or "ES" and where the digits start.
func (g *grammar) special(t []byte, i int) (string, int, bool) {
	for _, sp := range g.Specials {
		e, ok := matchPhrase(t, i, sp.Word)
		if !ok {
			continue
		}
		e = skipSpaces(t, e)
		if e < len(t) && t[e] == '-' {
			e = skipSpaces(t, e+1)
			if e < len(t) && isDigit(t[e]) {
				return sp.Prefix, e, true
			}
		}
	}
	return "", 0, false
}

// specialBefore finds a special-session word ending before the hyphen at
// t[h] ("دإط-10/19") and returns where it starts.
func (g *grammar) specialBefore(t []byte, h int) (int, bool) {
	e := h
	for e > 0 && t[e-1] == ' ' {
		e--
	}
	for _, sp := range g.Specials {
		if st := e - len(sp.Word); st >= 0 && string(t[st:e]) == sp.Word && wordStart(t, st) {
			return st, true
		}
	}
	return 0, false
}

// titleCase returns w with its first letter in upper case.
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(toUpperRune(r)) + w[n:]
}
