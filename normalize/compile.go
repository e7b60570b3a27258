package normalize

import (
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
	drafts, anaphora, organs                       *phraseSet
	pinJoin, pinSkip                               wordSet
	cues                                           []string // last words of non-GA organ names
	organFirst                                     [256]bool
	dates                                          [][]string
	dateCue                                        [256]bool
	months                                         wordSet
	monthMax                                       int
}

// phrases is a list of phrases indexed by the first byte they can start
// with, in either case.
type phrases struct {
	byFirst [256][]string
}

func newPhrases(list []string) phrases {
	var p phrases
	for _, w := range list {
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
	e := i
	var buf [24]byte
	b := buf[:0]
	for e < len(t) && len(b) < g.monthMax {
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

	// A pin ends with a join word ("paragraph 8 of"), perhaps followed by
	// "the" or an organ ("of the General Assembly resolution").
	g.pinSkip.add("the", "its", "la", "el")
	for _, j := range src.PinJoins {
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

	for _, m := range src.Months {
		g.months.add(m)
		g.monthMax = max(g.monthMax, len(m))
	}
	for _, d := range src.Dates {
		f := strings.Fields(d)
		g.dates = append(g.dates, f)
		switch f[0] {
		case "D", "N", "Y":
			for c := '0'; c <= '9'; c++ {
				g.dateCue[c] = true
			}
		case "M":
			for _, m := range src.Months {
				for _, b := range firstBytes(m) {
					g.dateCue[b] = true
				}
			}
		default:
			for _, b := range firstBytes(f[0]) {
				g.dateCue[b] = true
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
	for _, x := range w.byLen[len(b)] {
		if x == string(b) {
			return true
		}
	}
	return false
}
