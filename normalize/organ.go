package normalize

import "strings"

// emitItems turns items into citations. ts is where the citation's words
// start (the trigger or the first 第), so that the first citation's span
// includes them.
// phraseEnd, when not 0, is where the organ named after the items ends.
func (s *scanner) emitItems(items []item, g *grammar, said Kind, adj, after Organ, ts int, pin string, phraseEnd int) {
	var sentence []Organ
	sentenceDone := false
	lazy := func() []Organ {
		if !sentenceDone {
			sentence, sentenceDone = s.organsInSentence(ts, g), true
		}
		return sentence
	}
	for k, it := range items {
		start, end := it.start, it.end
		if k == 0 {
			start = ts
		}
		if it.form == itemSymbol {
			s.emitSymbol(it.sym, start, end, said)
			s.prev, s.prevEnd = it.sym, end
			continue
		}
		c, ok := s.citation(it, said, adj, after, lazy, ts, g)
		if !ok {
			continue
		}
		c.Lang = g.Lang
		if k == len(items)-1 {
			c.Pin = pin
			c.PhraseEnd = phraseEnd
		}
		s.emit(c, start, end)
	}
}

// citation builds the citation of one item once its organ is known. The
// organ comes from evidence in the text, strongest first: an organ named at
// the citation, the Security Council's "N (YYYY)", the organs named earlier
// in the sentence, the document's own organ, the session the number carries
// (73/266 is the General Assembly's, 1296 (XLIV) the Economic and Social
// Council's), and for a bare number an organ named before the sentence. A
// table of years may complete a citation, never choose its organ: a bare
// "resolution 263" with no evidence is no citation.
func (s *scanner) citation(it item, said Kind, adj, after Organ, sentenceOrgans func() []Organ, ts int, g *grammar) (Citation, bool) {
	var organ Organ
	var by Evidence
	for _, o := range []Organ{adj, after} {
		if o == "" {
			continue
		}
		if organ = resolveOrgan(it, o); organ != "" {
			by = EvidenceNamed
			break
		}
		if it.form != itemNew && it.form != itemRoman {
			// An organ named right at the citation that cannot issue it
			// ("General Assembly resolution 377 (1950)"): do not guess.
			return Citation{}, false
		}
	}
	if organ == "" && it.form == itemYear {
		organ, by = resolveOrgan(it, OrganSC), EvidenceYear
	}
	if organ == "" && s.locatorBefore(ts, g) {
		// "(E/2025/27), chap. I, sect. C, resolution 69/1": the body whose
		// report is cited issued it, and no organ is named.
		return Citation{}, false
	}
	gaOnly := it.form == itemNew && it.special == "" && it.a > maxHRCSession && it.a < 1946
	if organ == "" && adj == "" && after == "" && !gaOnly && it.form != itemYear {
		// Only numbers that several organs can issue need the sentence.
		for _, o := range sentenceOrgans() {
			if o == organCouncil && it.form != itemBare {
				// "The Council, … resolution 3295 (XXIX)", "… its
				// resolution 45/266": the Council acting in the sentence
				// is not said to be the author of a numbered session's
				// resolution. Only its own bare numbers follow it.
				continue
			}
			if organ = resolveOrgan(it, o); organ != "" {
				by = EvidenceSubject
				break
			}
		}
	}
	if organ == "" && adj == "" && after == "" && it.form == itemBare {
		// "Recalling resolution 1160 …, the Security Council demanded":
		// the organ that the clause at the head of the sentence leads to.
		if o := s.clauseSubject(ts, it.end, g); o != "" {
			if organ = resolveOrgan(it, o); organ != "" {
				by = EvidenceSubject
			}
		}
	}
	if organ == "" && s.opt.DefaultOrgan != "" {
		if organ = resolveOrgan(it, s.opt.DefaultOrgan); organ != "" {
			by = EvidenceDocument
		}
	}
	if organ == "" && it.form != itemBare {
		if organ = inferOrgan(it); organ != "" {
			by = EvidenceSession
		}
	}
	if organ == "" && it.form == itemBare {
		// The same number cited before, or an organ named before the
		// sentence.
		if organ = s.citedBefore(it.a, ts); organ == "" {
			organ = resolveOrgan(it, s.organInContext(ts, g))
		}
		if organ != "" {
			by = EvidenceContext
		}
	}
	if organ != "" && (it.form == itemBare || it.form == itemYear) {
		s.rememberNumber(it.a, organ, ts)
	}
	if organ == "" {
		return Citation{}, false
	}
	key, display, ok := itemKey(it, said, organ)
	if !ok {
		return Citation{}, false
	}
	c := Citation{Symbol: Symbol{Key: key, Display: display, Kind: said, Organ: organ}, Form: FormProse, Said: said, Parts: it.parts, OrganBy: by}
	s.doubt(&c, it, said, organ)
	return c, true
}

// compatible reports whether organ o can have issued item it: the form of
// the number, and the year of its date where the text gives one
// ("resolution 42/1 of 13 February 2004" is no General Assembly
// resolution: its forty-second session met in 1987 and 1988).
func compatible(it item, o Organ) bool {
	return formFits(it, o) && dateFits(it, o)
}

// dateFits reports whether the year of the item's date falls in the
// session its number names for organ o.
func dateFits(it item, o Organ) bool {
	y := it.year
	if y == 0 || it.special != "" {
		return true
	}
	var first, last int // the years a session may have met in
	switch {
	case it.form == itemNew && o == OrganGA:
		first, last = 1945+it.a, 1946+it.a
	case it.form == itemNew && o == OrganHRC:
		// Three regular sessions a year since June 2006.
		first = 2006 + (it.a-1)/3
		first, last = first-1, first+1
	case it.form == itemNew && o == OrganECOSOC:
		// The Council's session of year N opens in July of N-1 (its
		// organizational meetings earlier still), so decisions 2023/2xx
		// are adopted in late 2022.
		first, last = it.a-1, it.a+1
	case it.form == itemNew && o == OrganCHR:
		first, last = it.a, it.a+1
	case it.form == itemRoman && o == OrganGA:
		v := romanValue(it.roman)
		first, last = 1945+v, 1946+v
	case it.form == itemRoman && o == OrganECOSOC:
		// Two sessions a year from 1946.
		v := romanValue(it.roman)
		first = 1946 + (v-1)/2
		first, last = first-1, first+1
	default:
		return true
	}
	return y >= first && y <= last
}

func formFits(it item, o Organ) bool {
	switch it.form {
	case itemNew:
		switch o {
		case OrganGA:
			return it.special != "" || (it.a >= 31 && it.a <= 99)
		case OrganHRC:
			// The Council held its 60th session in 2025; 70 leaves room.
			return (it.special == "S" || it.special == "") && it.a >= 1 && it.a <= maxHRCSession
		case OrganECOSOC, OrganCHR:
			return it.special == "" && it.a >= 1946 && it.a <= 2100
		}
	case itemRoman:
		v := romanValue(it.roman)
		switch o {
		case OrganGA:
			return v >= 1 && (v <= 30 || it.special != "")
		case OrganECOSOC:
			return it.special == "" && v >= 1 && v <= 63
		}
	case itemYear:
		return o == OrganSC && it.a >= 1 && it.a <= 5000
	case itemBare:
		return o == OrganSC && it.a >= 1 && it.a <= 5000
	}
	return false
}

// maxHRCSession bounds the sessions of the Human Rights Council: numbers
// above it can only be the General Assembly's.
const maxHRCSession = 70

// inferOrgan decides the organ of a number that no words name, from the
// shape of the number alone.
//
// A date decides between the organs whose sessions the number may name:
// "its resolution 54/18 of 12 October 2023" is the Human Rights Council's
// (its fifty-fourth session), not the General Assembly's (1999).
func inferOrgan(it item) Organ {
	if o := inferFromForm(it); o != "" && dateFits(it, o) {
		return o
	}
	if it.year != 0 && it.form == itemNew && it.special == "" && it.a <= maxHRCSession && dateFits(it, OrganHRC) {
		return OrganHRC
	}
	return ""
}

func inferFromForm(it item) Organ {
	switch it.form {
	case itemNew:
		switch {
		case it.special != "":
			return OrganGA
		case it.a >= 31 && it.a <= 99:
			return OrganGA
		case it.a >= 1946 && it.a <= 2100:
			return OrganECOSOC
		}
	case itemRoman:
		v := romanValue(it.roman)
		if v >= 1 && (v <= 30 || it.special != "") {
			return OrganGA
		}
		if v > 30 && v <= 63 {
			return OrganECOSOC
		}
	case itemYear, itemBare:
		if it.a >= 1 && it.a <= 5000 {
			return OrganSC
		}
	}
	return ""
}

// organBefore returns the organ named right before t[ts]
// ("General Assembly resolution", "the Council's resolution", "大会第").
func (s *scanner) organBefore(ts int, g *grammar) Organ {
	t := s.t
	e := possessiveEnd(t, ts)
	if len(g.Tails) == 0 {
		// Words are separated by spaces: read the words before the trigger.
		if _, name, ok := s.phraseBefore(t, e, g.organs); ok {
			return s.x.organOf[name]
		}
		return ""
	}
	best, bestLen := Organ(""), -1
	for _, o := range g.Organs {
		// Words may be split by a line break: match forwards from each place
		// the name could start. A name without spaces matches its own
		// length of text, so it can only start at one place.
		first := e - len(o.Name) - 4
		if strings.IndexByte(o.Name, ' ') < 0 {
			first = e - len(o.Name)
		}
		for st := first; st <= e-len(o.Name); st++ {
			if st < 0 {
				continue
			}
			if m, ok := matchPhrase(t, st, o.Name); ok && m == e && wordStart(t, st) && e-st > bestLen {
				best, bestLen = o.Organ, e-st
			}
		}
	}
	return best
}

// organAfter reads an organ named after the items ("of the General
// Assembly", "del Consejo de Seguridad").
func (s *scanner) organAfter(p int, g *grammar) (Organ, int) {
	t := s.t
	q := s.skipDate(p, g)
	q, _ = skipSpaceNL(t, q, maxBreaks)
	if g.organDirect && q < len(t) && g.organFirst[t[q]] {
		// Russian genitive: "резолюция 68/268 Генеральной Ассамблеи".
		for _, o := range g.Organs {
			if e, ok := matchPhrase(t, q, o.Name); ok {
				return o.Organ, e
			}
		}
	}
	for _, j := range g.joins.all(t, q) {
		r, _ := skipSpaceNL(t, j, maxBreaks)
		if q == skipSpaces(t, p) {
			// "la resolución 1325 del CS": an acronym too short to name
			// an organ anywhere else, in capitals, right after the numbers.
			for _, o := range g.OrganAcronymsAfter {
				if e := r + len(o.Name); e <= len(t) && string(t[r:e]) == o.Name && wordEnd(t, e) && (e == len(t) || t[e] != '/') {
					return o.Organ, e
				}
			}
		}
		if r >= len(t) || !g.organFirst[t[r]] {
			continue
		}
		for _, o := range g.Organs {
			if e, ok := matchPhrase(t, r, o.Name); ok {
				return o.Organ, e
			}
		}
	}
	return "", 0
}

// organsInSentence lists the organs named earlier in the sentence that ends
// at t[ts], nearest first.
func (s *scanner) organsInSentence(ts int, g *grammar) []Organ {
	t := s.t
	lo := ts - 300
	if lo < 0 {
		lo = 0
	}
	// The sentence starts after the last full stop, semicolon or blank line.
	// Citations come in order, so the search stops where the last one
	// looked, and the organs found then are kept.
	stop := lo
	cached := s.sentG == g && s.sentTs <= ts && s.sentTs >= s.sentLo && s.sentLo >= lo
	if cached {
		stop = s.sentTs
	}
	found := false
	for k := ts - 1; k > stop; k-- {
		c := t[k]
		if !sentenceByte[c] {
			continue
		}
		if c == ';' || (c == '.' && k+1 < len(t) && (t[k+1] == ' ' || t[k+1] == '\n') && !(k > 0 && isUpperAbbrev(t, k))) ||
			(c == '\n' && (t[k-1] == '\n' || numberedLine(t, k+1))) {
			lo, found = k+1, true
			break
		}
		if c >= 0x80 && k+2 < len(t) && (string(t[k:k+3]) == "。" || string(t[k:k+3]) == "；") {
			lo, found = k+3, true
			break
		}
	}
	from := lo
	var prev []Organ
	if cached && !found {
		lo, from, prev = s.sentLo, s.sentTs, s.sentOut
	}
	// Names may straddle the place where the last search stopped.
	wlo := from - 40
	if wlo < lo {
		wlo = lo
	}
	win := s.lower(t[wlo:ts])
	if len(prev) == 0 {
		named := false
		for _, cue := range g.cues {
			if strings.Contains(win, cue) {
				named = true
				break
			}
		}
		if !named {
			s.sentG, s.sentLo, s.sentTs, s.sentOut = g, lo, ts, nil
			return nil
		}
	}
	type hit struct {
		pos int
		o   Organ
	}
	var hits []hit
	for _, o := range g.Organs {
		first, _, _ := strings.Cut(o.Name, " ")
		off := 0
		for {
			k := strings.Index(win[off:], first)
			if k < 0 {
				break
			}
			k += off
			off = k + len(first)
			// The rest of the name may be on the next line.
			end, ok := matchPhrase(t, wlo+k, o.Name)
			if ok && end <= ts && end > from && wordStart(t, wlo+k) {
				hits = append(hits, hit{end, o.Organ})
			}
		}
	}
	// "Council" alone where a longer name ends ("Security Council") is
	// that organ, not any council.
	kept := hits[:0]
	for _, h := range hits {
		longer := false
		for _, o := range hits {
			longer = longer || h.o == organCouncil && o.o != organCouncil && o.pos == h.pos
		}
		if !longer {
			kept = append(kept, h)
		}
	}
	hits = kept
	// Nearest first; a longer name ending at the same place is found too
	// and names the same organ.
	out := make([]Organ, 0, len(hits)+len(prev))
	for len(hits) > 0 {
		bi := 0
		for k, h := range hits {
			// At the same place, "Security Council" before the bare
			// "Council" that ends it.
			if h.pos > hits[bi].pos || h.pos == hits[bi].pos && hits[bi].o == organCouncil {
				bi = k
			}
		}
		out = append(out, hits[bi].o)
		hits = append(hits[:bi], hits[bi+1:]...)
	}
	out = append(out, prev...)
	s.sentG, s.sentLo, s.sentTs, s.sentOut = g, lo, ts, out
	return out
}

// sentenceByte holds the bytes that may end a sentence: the stops, the
// line feed, and the first bytes of "。" and "；".
var sentenceByte = [256]bool{';': true, '.': true, '\n': true, 0xE3: true, 0xEF: true}

// isUpperAbbrev reports whether the dot at t[k] ends an abbreviation such
// as "No." or "U.N." rather than a sentence.
func isUpperAbbrev(t []byte, k int) bool {
	j := k
	for j > 0 && isAlpha(t[j-1]) {
		j--
	}
	w := strings.ToLower(string(t[j:k]))
	return len(w) == 1 || w == "no" || w == "nos" || w == "para" || w == "paras" || w == "sect" || w == "art"
}

// numberedLine reports whether a footnote or a numbered paragraph starts at
// t[i] ("1 Resolution 217 A (III).", "2. Decides"): a new sentence.
func numberedLine(t []byte, i int) bool {
	n := digitsAt(t, i)
	if n == 0 || n > 3 {
		return false
	}
	i += n
	if i < len(t) && t[i] == '.' {
		i++
	}
	return i+1 < len(t) && t[i] == ' ' && isUpper(t[i+1])
}

// possessiveEnd returns where the words before t[ts] end, before the spaces
// and a possessive ending: "the Council's resolution".
func possessiveEnd(t []byte, ts int) int {
	e := ts
	for e > 0 && (t[e-1] == ' ' || t[e-1] == '\t' || t[e-1] == '\n' || t[e-1] == '\r') {
		e--
	}
	for _, p := range []string{"'s", "’s", "'"} {
		if e >= len(p) && string(t[e-len(p):e]) == p {
			return e - len(p)
		}
	}
	return e
}
