package normalize

import "strings"

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
// within contextWindow bytes, or "".
func (s *scanner) organInContext(ts int, g *grammar) Organ {
	t := s.t
	lo := max(0, ts-contextWindow)
	win := s.lower(t[lo:ts])
	best, bestEnd := Organ(""), -1
	for _, o := range g.Organs {
		k := strings.LastIndex(win, o.Name)
		if k < 0 || !wordStart(t, lo+k) {
			continue
		}
		if e := k + len(o.Name); e > bestEnd || e == bestEnd && o.Organ != organCouncil {
			best, bestEnd = o.Organ, e
		}
	}
	return best
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
