package normalize

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Evidence says how the extractor knows the organ of a citation. It is
// reported as "organ_by" in JSON.
type Evidence string

// Kinds of evidence, strongest first.
const (
	// EvidenceSymbol: the symbol is written out (A/RES/73/266).
	EvidenceSymbol Evidence = "symbol"
	// EvidenceNamed: the organ is named in the phrase ("General Assembly
	// resolution 73/266", "resolución 1540 (2004) del Consejo de
	// Seguridad", "the Council's resolution").
	EvidenceNamed Evidence = "named"
	// EvidenceYear: "resolution 1540 (2004)": only the Security Council
	// numbers its resolutions with the year in brackets.
	EvidenceYear Evidence = "year"
	// EvidenceSubject: an organ named earlier in the sentence ("The
	// Assembly, recalling its resolution 60/1").
	EvidenceSubject Evidence = "subject"
	// EvidenceDocument: the document's own organ (Options.DefaultOrgan:
	// an S/PV record's citations are the Security Council's).
	EvidenceDocument Evidence = "document"
	// EvidenceSession: the number carries a session that only one organ
	// has: 73/266 (General Assembly session 73), 1296 (XLIV) (Economic and
	// Social Council), 2023/4 (a year: Economic and Social Council).
	EvidenceSession Evidence = "session"
	// EvidenceContext: an organ named in the text before the sentence, for
	// a bare number ("resolution 2118") that nothing else places.
	EvidenceContext Evidence = "context"
)

// contextWindow is how far back an organ named before the sentence still
// places a bare number: about a paragraph or two.
const contextWindow = 1500

// organInContext returns the organ named last in the text before t[ts],
// within contextWindow bytes, or "". It looks for the last words of the
// organs' names in the text as written (lower case, capitalised or in
// capitals) and reads each name back from there, so that the window is
// never lowered or copied.
func (s *scanner) organInContext(ts int, g *grammar) Organ {
	t := s.t
	lo := max(0, ts-contextWindow)
	best, bestEnd := Organ(""), -1
	from := lo
	if c := &s.ctx; c.g == g && c.ts <= ts && c.ts >= lo {
		// Citations come in order: search only the text after the last
		// search (names may straddle its end), and keep what it found
		// while still in the window.
		from = max(lo, c.ts-64)
		if c.end >= lo {
			best, bestEnd = c.organ, c.end
		}
	}
	for _, cue := range g.contextCues {
		k := lastIndex(t[from:ts], cue)
		if k < 0 {
			continue
		}
		e := from + k + len(cue)
		if e <= bestEnd || !wordEnd(t, e) {
			continue
		}
		if _, name, ok := s.phraseBefore(t, e, g.organs); ok {
			best, bestEnd = s.x.organOf[name], e
		}
	}
	s.ctx = contextCache{g: g, ts: ts, organ: best, end: bestEnd}
	return best
}

// contextCache is what the last organInContext found.
type contextCache struct {
	g     *grammar
	ts    int
	organ Organ
	end   int
}

// rememberNumber records the number of a citation of a single number
// that starts at t[at].
func (s *scanner) rememberNumber(n int, o Organ, at int) {
	s.cited[s.nCited%len(s.cited)] = citedNumber{n, o, at}
	s.nCited++
}

// citedBefore returns the organ of the last citation of number n within
// contextWindow bytes before t[at], or "". The bound keeps the answer
// independent of how far back the text was read (streaming windows).
func (s *scanner) citedBefore(n, at int) Organ {
	for k := 1; k <= min(s.nCited, len(s.cited)); k++ {
		if c := s.cited[(s.nCited-k)%len(s.cited)]; c.n == n && at-c.at <= contextWindow {
			return c.organ
		}
	}
	return ""
}

// lastIndex is bytes.LastIndex by repeated forward searches, which use the
// vector instructions that bytes.LastIndex (Rabin-Karp) does not: the
// texts searched are short and hold few matches.
func lastIndex(b, sub []byte) int {
	last := -1
	for off := 0; ; {
		k := bytes.Index(b[off:], sub)
		if k < 0 {
			return last
		}
		last = off + k
		off = last + 1
	}
}

// locatorBefore reports whether a division of a report ("chap. IV", "sect.
// A", "vol. 1") stands among the three comma-separated phrases right before
// t[ts]: the citation is printed in the report cited before it ("(E/2025/27),
// chap. I, sect. C, resolution 69/1", "vol. I, Resolutions Adopted by the
// Conference (… publication …), resolution 1"). A phrase in brackets is read
// as one.
func (s *scanner) locatorBefore(ts int, g *grammar) bool {
	if len(g.Locators) == 0 {
		return false
	}
	t := s.t
	p := ts
	for nl := 0; p > 0 && (t[p-1] == ' ' || t[p-1] == '\t' || t[p-1] == '\r' || t[p-1] == '\n'); p-- {
		if t[p-1] == '\n' {
			if nl++; nl > maxBreaks {
				return false
			}
		}
	}
	for range 3 {
		if p == 0 || t[p-1] != ',' {
			return false
		}
		p--
		// The phrase: back to the comma or semicolon before it, outside
		// brackets.
		q, depth := p, 0
	phrase:
		for q > 0 && p-q < 160 {
			switch t[q-1] {
			case ')':
				depth++
			case '(':
				if depth == 0 {
					break phrase
				}
				depth--
			case ',', ';':
				if depth == 0 {
					break phrase
				}
			}
			q--
		}
		if isLocator(t[q:p], g) {
			return true
		}
		p = q
	}
	return false
}

// isLocator reports whether phrase is a division of a report: a locator
// word and its numeral ("chap. IV", "sect. A", "vol. 1", "chap. I.").
func isLocator(phrase []byte, g *grammar) bool {
	f := strings.Fields(string(phrase))
	if len(f) != 2 {
		return false
	}
	n := strings.TrimSuffix(f[1], ".")
	if n == "" || len(n) > 6 {
		return false
	}
	for i := 0; i < len(n); i++ {
		if !isAlnum(n[i]) {
			return false
		}
	}
	w := strings.TrimSuffix(strings.ToLower(f[0]), ".")
	for _, l := range g.Locators {
		if w == strings.TrimSuffix(l, ".") {
			return true
		}
	}
	return false
}

// maxClause bounds how far a participle clause at the head of a sentence
// reaches, before and after the citation in it.
const maxClause = 400

// clauseSubject returns the organ named as the subject of the main clause
// when the citation at t[ts:end] stands in a participle clause that opens
// its sentence: "Recalling resolution 1160 of 31 March 1998, the Security
// Council demanded", "Ссылаясь на резолюцию 1160 …, Совет Безопасности
// потребовал", "回顾第1160号决议，安理会要求". The organ must follow a comma
// after the citation, with only an article before its name; "" otherwise.
func (s *scanner) clauseSubject(ts, end int, g *grammar) Organ {
	if len(g.Participles) == 0 {
		return ""
	}
	t := s.t
	lo, found := 0, false
	for k := ts - 1; k >= 0 && ts-k <= maxClause; k-- {
		c := t[k]
		if c == ';' || c == '\n' || c == '.' && k+1 < len(t) && (t[k+1] == ' ' || t[k+1] == '\n') && !isUpperAbbrev(t, k) {
			lo, found = k+1, true
			break
		}
		if c >= 0x80 && k+2 < len(t) && (string(t[k:k+3]) == "。" || string(t[k:k+3]) == "；") {
			lo, found = k+3, true
			break
		}
	}
	if !found && ts > maxClause {
		return ""
	}
	if _, ok := g.participles.match(t, skipSpaces(t, lo)); !ok {
		return ""
	}
	for k, commas := end, 0; k < len(t) && k-end < maxClause && commas < 4; k++ {
		c := t[k]
		n := 0
		switch {
		case c == '.' || c == ';' || c == '\n' && k+1 < len(t) && (t[k+1] == '\n' || t[k+1] == '\r'):
			return ""
		case c == ',':
			n = 1
		case c == 0xD8 && k+1 < len(t) && t[k+1] == 0x8C: // "،"
			n = 2
		case c == 0xEF && bytes.HasPrefix(t[k:], []byte("，")):
			n = 3
		case c == 0xE3 && bytes.HasPrefix(t[k:], []byte("。")):
			return ""
		}
		if n == 0 {
			continue
		}
		commas++
		q, _ := skipSpaceNL(t, k+n, 1)
		if e, ok := g.articles.match(t, q); ok {
			q = skipSpaces(t, e)
		}
		for _, o := range g.Organs {
			e, ok := matchPhrase(t, q, o.Name)
			if !ok {
				continue
			}
			ws := skipSpaces(t, e)
			we := ws
			for we < len(t) {
				r, size := utf8.DecodeRune(t[we:])
				if !isNameRune(r) {
					break
				}
				we += size
			}
			if we == ws && ws < len(t) && (isDigit(t[ws]) || t[ws] == '\'' || bytes.HasPrefix(t[ws:], []byte("’"))) {
				// "the Council's resolution", "Council 1": the name is
				// no subject.
				return ""
			}
			if we > ws {
				w := s.lower(t[ws:we])
				if _, _, ok := s.x.lookup([]byte(w)); ok || o.Organ == organCouncil && g.isNameWord(w) {
					// Another item of the clause ("Human Rights Council
					// resolution 5/1"), or another council ("the Council
					// of Europe").
					return ""
				}
			}
			return o.Organ
		}
		k += n - 1
	}
	return ""
}
