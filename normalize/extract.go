package normalize

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Form says how the text wrote a citation.
type Form string

// Citation forms.
const (
	// FormSymbol is a document symbol written out: "A/RES/73/266", "CD/2141".
	FormSymbol Form = "symbol"
	// FormProse is a kind and a number: "resolution 73/266", "第 73/266 号决议".
	FormProse Form = "prose"
	// FormContinuation is a suffix that continues the previous symbol:
	// the "Add.1" of "A/61/L.56 and Add.1".
	FormContinuation Form = "continuation"
	// FormAnaphora is a reference back ("ladite résolution", "该决议",
	// "paragraph 5 of that resolution"): it names no new document but the
	// last one cited of its kind, whose key it carries, perhaps with a pin.
	// The extractor reports these only when Options.Anaphora is set.
	FormAnaphora Form = "anaphora"
)

// Citation is a citation of a UN document found in text.
type Citation struct {
	// Start and End are byte offsets into the text given to the extractor:
	// text[Start:End] is exactly the cited text ("第 73/266 号决议",
	// "resolution 1540 (2004)", "CD/2141").
	Start int `json:"start"`
	End   int `json:"end"`
	Symbol
	// Parts are the part letters of a resolution adopted in parts
	// ("31/6 A and B"); they are not part of the key.
	Parts []string `json:"parts,omitempty"`
	// Pin is the paragraph the text points at ("8" in "paragraph 8 of
	// resolution 1654 (XVI)", "2" in "第2254(2015)号决议第2段").
	Pin string `json:"pin,omitempty"`
	// Lang is the language of the words around the number, or "" for a
	// symbol written on its own.
	Lang string `json:"phrase_lang,omitempty"`
	Form Form   `json:"form"`
	// Said is the kind the text named ("resolution" in "resolution
	// A/76/L.8"), when it named one.
	Said Kind `json:"said,omitempty"`
	// Doubts explain why the citation itself may be wrong.
	Doubts []Doubt `json:"doubts,omitempty"`
	// AntecedentStart is, for a reference back (FormAnaphora), the Start of
	// the citation it points at.
	AntecedentStart int `json:"-"`
	// PhraseEnd, when not 0, is where the citation's words end after End:
	// the organ named after the numbers ("resolution 73/266 of the General
	// Assembly"). A link written after them still goes with the citation.
	PhraseEnd int `json:"-"`
}

// Doubt is something about a citation that is probably a mistake of the text.
type Doubt struct {
	// Rule is kind-mismatch (the text names a resolution, but the number or
	// symbol is something else) or year-mismatch (a Security Council
	// resolution cited with another year than the one it was adopted in).
	Rule    string `json:"rule"`
	Message string `json:"message"`
	// Key is the symbol the text probably meant, when it can be told.
	Key string `json:"key,omitempty"`
}

// Options give the extractor what it knows about the document as a whole.
type Options struct {
	// DefaultOrgan is the organ of the document (the Security Council for
	// an S/PV record). Numbers like 73/266 that name no organ take it when
	// it can issue them.
	DefaultOrgan Organ
	// Anaphora asks for the references back to the last citation as well
	// (FormAnaphora). They are not citations of new documents, so they are
	// left out unless asked for.
	Anaphora bool
}

// Extractor finds citations in text. It is safe for concurrent use.
//
// Every citation contains a digit, so the extractor jumps from digit to
// digit (eight bytes at a time) and looks around each number for what makes
// it a citation: a symbol it belongs to, a trigger word before it, a 第
// before it or a tail after it. Text without digits costs almost nothing.
type Extractor struct {
	grammars  []*grammar
	trigLen   [32][]trigger // triggers by length, for lookups without hashing
	stems     []trigger     // triggers that accept any ending
	numero    wordSet
	numeroMax int
	zh        *grammar  // the grammar with tails, if any
	lastByte  [256]bool // last bytes of trigger and number words, in either case
	organOf   map[string]Organ
	// between are the grammars whose organs may stand between a trigger
	// and its numbers; clitics those that write words joined.
	between, clitics, specials []*grammar
	byLang                     map[string]*grammar
	latinStems                 bool // some stem is written in Latin letters
	pool                       sync.Pool
}

type trigger struct {
	Trigger
	g *grammar
}

// NewExtractor compiles the grammars of the given languages, or of every
// built-in language when none is given. Unknown languages are ignored.
func NewExtractor(langs ...string) *Extractor {
	all := Grammars()
	if len(langs) == 0 {
		langs = Languages()
	}
	x := &Extractor{organOf: map[string]Organ{}, byLang: map[string]*grammar{}}
	for _, l := range langs {
		if g, ok := all[l]; ok {
			x.add(compile(g, x.organOf))
		}
	}
	x.pool.New = func() any { return new(scanner) }
	return x
}

func (x *Extractor) add(g *grammar) {
	x.grammars = append(x.grammars, g)
	x.byLang[g.Lang] = g
	for _, tr := range g.Triggers {
		switch {
		case tr.Stem:
			x.stems = append(x.stems, trigger{tr, g})
		case len(tr.Word) < len(x.trigLen):
			x.trigLen[len(tr.Word)] = append(x.trigLen[len(tr.Word)], trigger{tr, g})
		}
	}
	for _, w := range g.Numero {
		w = strings.TrimSuffix(w, ".")
		x.numero.add(w)
		x.numeroMax = max(x.numeroMax, len(w))
		x.addLast(w)
	}
	for _, tr := range g.Triggers {
		x.addLast(tr.Word)
		if tr.Stem {
			// Any letter may end an inflected word: for a stem in a
			// non-Latin script, any continuation byte.
			if tr.Word[0] >= utf8.RuneSelf {
				for b := 0x80; b < 0xC0; b++ {
					x.lastByte[b] = true
				}
			} else {
				x.latinStems = true
				for b := 'a'; b <= 'z'; b++ {
					x.lastByte[b], x.lastByte[b-'a'+'A'] = true, true
				}
			}
		}
	}
	// "n°", "nº" before a number.
	x.lastByte[0xB0], x.lastByte[0xBA] = true, true
	if len(g.Tails) > 0 {
		x.zh = g
	}
	if g.OrganBetween {
		x.between = append(x.between, g)
		// The organ's last word, not a trigger, stands before the number.
		for _, o := range g.Organs {
			x.addLast(o.Name)
		}
	}
	if len(g.Proclitics) > 0 {
		x.clitics = append(x.clitics, g)
	}
	if len(g.Specials) > 0 {
		x.specials = append(x.specials, g)
	}
}

// addLast records the last byte of w, in lower and upper case.
func (x *Extractor) addLast(w string) {
	r, _ := utf8.DecodeLastRuneInString(w)
	for _, v := range []rune{toLowerRune(r), toUpperRune(r)} {
		var b [utf8.UTFMax]byte
		n := utf8.EncodeRune(b[:], v)
		x.lastByte[b[n-1]] = true
	}
}

// trigger looks a lower-case word up among the triggers. Most words before
// numbers are not triggers; comparing lengths first rejects them without
// hashing.
func (x *Extractor) trigger(w []byte) (trigger, bool) {
	if len(w) >= len(x.trigLen) {
		return trigger{}, false
	}
	for _, tr := range x.trigLen[len(w)] {
		if tr.Word[0] == w[0] && tr.Word == string(w) {
			return tr, true
		}
	}
	return trigger{}, false
}

// lookup finds the trigger a lower-case word is: one of the words, a form
// of a stem, or either behind proclitics ("والقرار").
// It also returns the length of the proclitics, which are not part of the
// citation.
func (x *Extractor) lookup(w []byte) (trigger, int, bool) {
	if tr, ok := x.trigger(w); ok {
		return tr, 0, true
	}
	if len(w) == 0 || w[0] < utf8.RuneSelf && !x.latinStems {
		return trigger{}, 0, false
	}
	if tr, ok := x.stem(w, nil); ok {
		return tr, 0, true
	}
	for _, g := range x.clitics {
		for _, p := range g.proclitics {
			if len(w) > len(p) && string(w[:len(p)]) == p {
				if tr, ok := x.trigger(w[len(p):]); ok && tr.g == g {
					return tr, len(p), true
				}
				if tr, ok := x.stem(w[len(p):], g); ok {
					return tr, len(p), true
				}
			}
		}
	}
	return trigger{}, 0, false
}

// stem finds a stem trigger (of grammar g, when not nil) that w starts with.
func (x *Extractor) stem(w []byte, g *grammar) (trigger, bool) {
	for _, tr := range x.stems {
		if (g == nil || tr.g == g) && len(w) >= len(tr.Word) && string(w[:len(tr.Word)]) == tr.Word {
			return tr, true
		}
	}
	return trigger{}, false
}

// Extract returns the citations in text, in order.
func (x *Extractor) Extract(text []byte, opt Options) []Citation {
	var out []Citation
	x.Scan(text, opt, func(c Citation) { out = append(out, c) })
	return out
}

// Scan calls cite for every citation in text, in order. Numbers inside URLs
// are never citations: a URL is a link.
func (x *Extractor) Scan(text []byte, opt Options, cite func(Citation)) {
	s := x.pool.Get().(*scanner)
	s.x, s.opt, s.cite = x, opt, cite
	s.f.Reset(text)
	s.t = s.f.Text
	s.run()
	s.t, s.cite = nil, nil
	if cap(s.f.buf) > 1<<26 {
		s.f.buf = nil // do not keep huge buffers in the pool
	}
	s.f.Text = nil
	x.pool.Put(s)
}

type scanner struct {
	x    *Extractor
	f    Folded
	t    []byte
	opt  Options
	cite func(Citation)
	// prev is the last explicit symbol seen, for continuations ("and Add.1").
	prev    rawSymbol
	prevEnd int
	// failed is the start of the last token that was tried as a symbol and
	// was not one, so that its other numbers do not try again.
	failed int
	// done is the end of the last citation emitted: nothing before it is
	// looked at again.
	done int
	word [32]byte
	low  []byte
	// The organs named in the current sentence, up to sentTs.
	sentG   *grammar
	sentLo  int
	sentTs  int
	sentOut []Organ
	// The words before the trigger being read.
	pw prevWords
	// itemBuf is reused by items; callers use the items before the next call.
	itemBuf []item
	// The last date clause looked for.
	dateG           *grammar
	dateAt, dateEnd int
	dateOK          bool
	// ref is what references back may point at.
	ref referState
}

func (s *scanner) run() {
	t := s.t
	s.prevEnd, s.failed, s.done = -1, -1, 0
	s.sentG, s.sentOut = nil, nil
	s.pw.valid = false
	s.dateOK = false
	s.ref = referState{}
	if s.opt.Anaphora {
		defer s.referBetween(len(t))
	}
	for i := 0; i < len(t); {
		j := nextDigit(t, i)
		if j < 0 {
			return
		}
		if j > 0 && isDigit(t[j-1]) {
			// Inside a number that was already looked at.
			i = j + digitsAt(t, j)
			continue
		}
		if e, ok := s.at(j); ok && e > j {
			i = e
			continue
		}
		i = j + digitsAt(t, j)
	}
}

// nextDigit returns the index of the first ASCII digit at or after i, or -1.
// It tests eight bytes at a time.
func nextDigit(t []byte, i int) int {
	// Thirty-two bytes at a time while there is no digit at all.
	for ; i+32 <= len(t); i += 32 {
		a := binary.LittleEndian.Uint64(t[i:]) ^ 0x3030303030303030
		b := binary.LittleEndian.Uint64(t[i+8:]) ^ 0x3030303030303030
		c := binary.LittleEndian.Uint64(t[i+16:]) ^ 0x3030303030303030
		d := binary.LittleEndian.Uint64(t[i+24:]) ^ 0x3030303030303030
		m := (a-0x0A0A0A0A0A0A0A0A)&^a | (b-0x0A0A0A0A0A0A0A0A)&^b | (c-0x0A0A0A0A0A0A0A0A)&^c | (d-0x0A0A0A0A0A0A0A0A)&^d
		if m&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i+8 <= len(t); i += 8 {
		y := binary.LittleEndian.Uint64(t[i:]) ^ 0x3030303030303030
		// A byte is a digit when it is below 10 after the xor. The lowest
		// flagged byte is exact (borrows only run upwards).
		if m := (y - 0x0A0A0A0A0A0A0A0A) & ^y & 0x8080808080808080; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(t); i++ {
		if isDigit(t[i]) {
			return i
		}
	}
	return -1
}

// at looks at the number that starts at t[j] and reports a citation it
// belongs to. It returns the end of what it consumed.
func (s *scanner) at(j int) (int, bool) {
	t := s.t
	// A number inside a token: a symbol (A/RES/73/266, CD/PV.1505, S-10/2)
	// or a URL.
	k := tokenStart(t, j)
	if k < j {
		if e, ok := s.urlAround(k, j); ok {
			return e, true
		}
		if k != s.failed {
			for c := max(k, s.done); c < j; c++ {
				if isUpper(t[c]) && wordStart(t, c) {
					if e, ok := s.symbol(c); ok && e > j {
						return e, true
					}
					break
				}
			}
			s.failed = k
		}
	}
	// A trigger word before the number, or before its token
	// ("resolution 73/266", "resolution S-10/2").
	st := j
	if k < j && isUpper(t[k]) {
		st = k
	}
	if j > 1 && t[j-1] == '-' && t[j-2] >= utf8.RuneSelf || j > 2 && t[j-1] == '-' && t[j-2] == ' ' {
		// A special session spelled as a word: "القرار دإط-10/19".
		for _, g := range s.x.specials {
			if sp, ok := g.specialBefore(t, j-1); ok {
				st = sp
				break
			}
		}
	}
	if e, ok := s.triggerBefore(st); ok {
		return e, true
	}
	// 第 before the number: a Chinese group (第 73/27 号和第 73/266 号决议).
	if s.x.zh != nil && st > 0 && (t[st-1] >= utf8.RuneSelf || st > 1 && (t[st-1] == ' ' || t[st-1] == '\n' || t[st-1] == '\r' || t[st-1] == '\t')) {
		p := st
		for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t' || t[p-1] == '\n' || t[p-1] == '\r') {
			p--
		}
		if r, n := utf8.DecodeLastRune(t[:p]); s.isItemPrefixRune(r) && p-n >= s.done {
			if e, ok := s.tailGroup(p-n, false); ok {
				return e, true
			}
		}
	}
	return s.bareNumber(j)
}

// tokenStart walks back from the number at t[j] over the characters of a
// symbol, including spaced slashes of tokenised text (S / PV.7642) and a
// line break after a slash.
func tokenStart(t []byte, j int) int {
	k := j
	lo := j - 64
	if lo < 0 {
		lo = 0
	}
	for k > lo {
		c := t[k-1]
		if isAlnum(c) || c == '/' || c == '.' || c == '-' || c == '*' || c == ':' {
			k--
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			q := k - 1
			for q > lo && (t[q-1] == ' ' || t[q-1] == '\t' || t[q-1] == '\r') {
				q--
			}
			if (k < len(t) && t[k] == '/') || (q > lo && t[q-1] == '/') {
				k = q
				continue
			}
		}
		break
	}
	return k
}

// urlAround reports whether the token that starts at t[k] and holds t[j] is
// a URL, and returns the URL's end.
func (s *scanner) urlAround(k, j int) (int, bool) {
	t := s.t
	// The scheme may start before the token start found by tokenStart
	// ("https://" has no digits, so walk back over any URL characters).
	u := k
	lo := k - 512
	if lo < 0 {
		lo = 0
	}
	for u > lo && t[u-1] > ' ' && t[u-1] < 0x7f && t[u-1] != '"' && t[u-1] != '<' && t[u-1] != '>' && t[u-1] != '(' {
		u--
	}
	seg := t[u:j]
	if k := bytes.Index(seg, []byte("://")); k >= 0 {
		p := u + k
		for p > u && isAlpha(t[p-1]) {
			p--
		}
		if e, ok := urlEnd(t, p); ok && e > j {
			return e, true
		}
	}
	for _, w := range [][]byte{[]byte("www."), []byte("WWW.")} {
		if k := bytes.Index(seg, w); k >= 0 && (u+k == 0 || !isAlnum(t[u+k-1])) {
			if e, ok := urlEnd(t, u+k); ok && e > j {
				return e, true
			}
		}
	}
	return 0, false
}

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
	if nl > maxBreaks || (e == st && (st == 0 || t[st-1] < utf8.RuneSelf)) {
		// A number glued to a word is a footnote mark ("resolutions14").
		return 0, false
	}
	// Triggers and number words end in few letters: reject the rest of the
	// words before numbers without reading them.
	if e > 0 && !s.x.lastByte[t[e-1]] && !(t[e-1] == '.' && e > 1 && s.x.lastByte[t[e-2]]) {
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
		return s.prose(ws+pre, we, tr, "", we)
	}
	// "قرار مجلس الأمن 1540 (2004)": the organ between the trigger and the
	// number.
	for _, g := range s.x.between {
		if !g.organs.last.has(w) {
			continue // the word before the number ends no organ's name
		}
		os, name, ok := s.phraseBefore(t, we, g.organs)
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
			return s.prose(tws+pre, twe, tr, s.x.organOf[name], we)
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

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

// URLEnd returns the end of a URL (http://, https:// or www.) that starts
// at t[i]: it stops at a space, a quote or an angle bracket, at a closing
// parenthesis it did not open, and before the punctuation that ends a
// sentence. ok is false when no URL starts at t[i].
func URLEnd(t []byte, i int) (end int, ok bool) { return urlEnd(t, i) }

// urlEnd returns the end of a URL starting at t[i].
func urlEnd(t []byte, i int) (int, bool) {
	j := i
	switch {
	case hasPrefixFold(t[i:], "https://"):
		j += 8
	case hasPrefixFold(t[i:], "http://"):
		j += 7
	case hasPrefixFold(t[i:], "www.") && i+4 < len(t) && isAlnum(t[i+4]):
		j += 4
	default:
		return 0, false
	}
	start := j
	parens := 0
	for j < len(t) {
		c := t[j]
		if c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^' {
			break
		}
		if c == '(' {
			parens++
		}
		if c == ')' {
			if parens == 0 {
				break
			}
			parens--
		}
		j++
	}
	// Punctuation that ends a sentence is not part of the URL.
	for j > start && strings.IndexByte(".,;:!?'", t[j-1]) >= 0 {
		j--
	}
	if j == start {
		return 0, false
	}
	return j, true
}

func hasPrefixFold(t []byte, p string) bool {
	if len(t) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if lowerASCII(t[k]) != p[k] {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if isUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

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
	c := Citation{Symbol: sym, Form: FormSymbol, Said: said}
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
							s.emit(Citation{Symbol: sym, Form: FormContinuation}, q2, ce)
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

// item is one number of a prose citation.
type item struct {
	start, end int
	form       itemForm
	a, b       int    // session and number, number and year, or number
	special    string // "S" or "ES" before a session (S-10/2), or before a Roman numeral (S-VI)
	roman      string // session in Roman numerals, without S-/ES-
	parts      []string
	sym        rawSymbol // for itemSymbol
}

type itemForm int

const (
	itemNew    itemForm = iota // 73/266, S-10/2
	itemRoman                  // 217 A (III), 3201 (S-VI)
	itemYear                   // 1540 (2004)
	itemBare                   // 1267
	itemSymbol                 // A/RES/11 (I)
)

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
	after, afterEnd := s.organAfter(end, g)
	if afterEnd > 0 {
		end = afterEnd
	}
	adj := between
	if adj == "" {
		adj = s.organBefore(ts, g)
	}
	pin := s.pinBefore(ts, g)
	s.emitItems(items, g, said, adj, after, ts, pin, afterEnd)
	return end, true
}

// items reads an enumeration of items starting at t[p]. In languages with
// tails it also reads the item prefixes and suffixes (第 … 号).
func (s *scanner) items(p int, g *grammar, tail bool) ([]item, int) {
	t := s.t
	items := s.itemBuf[:0]
	defer func() { s.itemBuf = items[:0] }()
	end := p
	for {
		q := p
		if tail {
			if e, ok := matchAny(t, q, g.ItemPrefix); ok {
				q, _ = skipSpaceNL(t, e, maxBreaks)
			} else if len(items) == 0 {
				return nil, p
			}
		}
		it, ok := s.item(q, g, len(items) == 0 && !tail, items)
		if !ok {
			break
		}
		it.start = p
		if tail {
			e, _ := skipSpaceNL(t, it.end, maxBreaks)
			if se, ok := matchAny(t, e, g.ItemSuffix); ok {
				it.end = se
			}
		}
		items = append(items, it)
		end = it.end
		// Dates and connectors between items.
		r := s.skipDate(it.end, g)
		r, n := s.skipConnectors(r, g)
		if tail {
			// Chinese puts the date before the next item: "、1966年12月20日第…".
			r = s.skipDate(r, g)
		}
		if n == 0 {
			break
		}
		if _, ok := s.peekItem(r, g, tail, items); !ok {
			break
		}
		p = r
	}
	return items, end
}

// peekItem reports whether an item of the enumeration starts at t[p].
func (s *scanner) peekItem(p int, g *grammar, tail bool, prev []item) (item, bool) {
	q := p
	if tail {
		if e, ok := matchAny(s.t, q, g.ItemPrefix); ok {
			q, _ = skipSpaceNL(s.t, e, maxBreaks)
		}
	}
	return s.item(q, g, false, prev)
}

// item reads one number at t[p]: 73/266, S-10/2, 217 A (III), 3201 (S-VI),
// 1540 (2004), 1267, or a symbol A/RES/11 (I) when first.
func (s *scanner) item(p int, g *grammar, first bool, prev []item) (item, bool) {
	t := s.t
	if p >= len(t) {
		return item{}, false
	}
	it := item{start: p}
	c := t[p]
	if c >= utf8.RuneSelf && len(g.Specials) > 0 {
		// "دإط-10/19"
		if sp, d, ok := g.special(t, p); ok {
			n := digitsAt(t, d)
			if e := d + n; n > 0 && n <= 3 && e+1 < len(t) && t[e] == '/' && isDigit(t[e+1]) {
				m := digitsAt(t, e+1)
				it.special = sp
				it.a, _ = strconv.Atoi(string(t[d:e]))
				it.b, _ = strconv.Atoi(string(t[e+1 : e+1+m]))
				it.form, it.end = itemNew, e+1+m
				if it.end < len(t) && isAlnum(t[it.end]) {
					return item{}, false
				}
				it.parts, it.end = s.parts(it.end, g)
				return it, true
			}
		}
		return item{}, false
	}
	if isUpper(c) {
		if e, ok := scanSpecialSession(t, p); ok && e+1 < len(t) && t[e] == '/' && isDigit(t[e+1]) {
			it.special = string(t[p : e-digitsBack(t, e)-1])
			it.a, _ = strconv.Atoi(string(t[e-digitsBack(t, e) : e]))
			n := digitsAt(t, e+1)
			it.b, _ = strconv.Atoi(string(t[e+1 : e+1+n]))
			it.end = e + 1 + n
			if it.end < len(t) && isAlnum(t[it.end]) {
				return item{}, false
			}
			it.form = itemNew
			it.parts, it.end = s.parts(it.end, g)
			return it, true
		}
		if first || (len(prev) > 0 && prev[0].form == itemSymbol) {
			if r, e, ok := scanSymbol(t, p, modeText); ok && !pressSeries[r.body()] {
				it.form, it.sym, it.end = itemSymbol, r, e
				return it, true
			}
		}
		return item{}, false
	}
	if !isDigit(c) {
		return item{}, false
	}
	n := digitsAt(t, p)
	if n > 5 {
		return item{}, false
	}
	q := p + n
	it.a, _ = strconv.Atoi(string(t[p:q]))
	if q+1 < len(t) && (t[q] == ',' || t[q] == '.') && isDigit(t[q+1]) {
		return item{}, false // 3,541 or 1.5
	}
	if q+1 < len(t) && t[q] == '/' && isDigit(t[q+1]) {
		m := digitsAt(t, q+1)
		e := q + 1 + m
		if (t[p] == '0' && n > 1) || (t[q+1] == '0' && m > 1) {
			return item{}, false // "12/07": UN numbers have no leading zeros
		}
		if m > 5 || (e+1 < len(t) && t[e] == '/' && isDigit(t[e+1])) {
			return item{}, false // a date such as 9/12/2019
		}
		it.b, _ = strconv.Atoi(string(t[q+1 : e]))
		it.form, it.end = itemNew, e
		if e < len(t) && isUpper(t[e]) && (e+1 == len(t) || !isAlnum(t[e+1])) {
			// "43/224D" written without a space.
			it.parts, it.end = []string{string(t[e])}, e+1
			return it, true
		}
		if e < len(t) && isAlnum(t[e]) {
			return item{}, false
		}
		it.parts, it.end = s.parts(e, g)
		return it, true
	}
	if g.Reversed {
		if it, ok := reversedItem(t, p, q, it); ok {
			return it, true
		}
	}
	// Old style and Security Council forms: a part letter may stand between
	// the number and its parentheses ("217 A (III)", "2359B(XXII)").
	r := q
	var parts []string
	if r < len(t) && isUpper(t[r]) && r+1 < len(t) && (t[r+1] == '(' || t[r+1] == ' ') {
		parts, r = []string{string(t[r])}, r+1
	} else if ps, pe := s.parts(q, g); len(ps) > 0 {
		if pp, _ := skipSpaceNL(t, pe, maxBreaks); pp < len(t) && t[pp] == '(' {
			parts, r = ps, pe
		}
	}
	pp, _ := skipSpaceNL(t, r, maxBreaks)
	if pp < len(t) && t[pp] == '(' {
		in := skipSpaces(t, pp+1)
		if y := digitsAt(t, in); y == 4 {
			year, _ := strconv.Atoi(string(t[in : in+4]))
			ce := skipSpaces(t, in+4)
			if year >= 1945 && year <= 2100 && ce < len(t) && t[ce] == ')' && len(parts) == 0 {
				it.form, it.b, it.end = itemYear, year, ce+1
				return it, true
			}
		} else if e, ok := scanSessionNumeral(t, in); ok {
			ce := skipSpaces(t, e)
			if ce < len(t) && t[ce] == ')' {
				num := string(t[in:e])
				switch {
				case strings.HasPrefix(num, "ES-"):
					it.special, num = "ES", num[3:]
				case strings.HasPrefix(num, "S-"):
					it.special, num = "S", num[2:]
				}
				it.form, it.roman, it.parts, it.end = itemRoman, num, parts, ce+1
				return it, true
			}
		} else if v, e, ok := g.session(t, in); ok {
			// "217 ألف (د - 3)" is 217 A (III).
			it.form, it.roman, it.parts, it.end = itemRoman, toRoman(v), parts, e
			return it, true
		} else if sp, d, ok := g.special(t, in); ok {
			// "3201 (دإ-6)" is 3201 (S-VI).
			if n := digitsAt(t, d); n > 0 && n <= 2 {
				if ce := skipSpaces(t, d+n); ce < len(t) && t[ce] == ')' {
					v, _ := strconv.Atoi(string(t[d : d+n]))
					it.form, it.special, it.roman, it.parts, it.end = itemRoman, sp, toRoman(v), parts, ce+1
					return it, true
				}
			}
		}
	}
	if len(parts) > 0 {
		return item{}, false
	}
	// A bare number: a Security Council resolution cited without its year.
	// Within an enumeration it must follow other bare numbers, so that
	// "resolution 73/266 and 25 States" stays one citation.
	if len(prev) > 0 && prev[0].form != itemBare {
		return item{}, false
	}
	if q < len(t) && (isAlnum(t[q]) || t[q] == '%' || t[q] == '/') {
		return item{}, false
	}
	if it.a == 0 {
		return item{}, false
	}
	it.form, it.end = itemBare, q
	return it, true
}

func digitsBack(t []byte, e int) int {
	n := 0
	for e-n-1 >= 0 && isDigit(t[e-n-1]) {
		n++
	}
	return n
}

// parts reads part letters after a number: " A", " A and B", " A to D",
// " A-B". A capital followed by a lower-case word is a new sentence, not a
// part ("resolution 73/266 A new approach").
func (s *scanner) parts(e int, g *grammar) ([]string, int) {
	t := s.t
	q := skipSpaces(t, e)
	if len(g.partWords) > 0 && q > e && q < len(t) && t[q] >= utf8.RuneSelf {
		return g.wordParts(t, q, e)
	}
	if q == e || q >= len(t) || !isUpper(t[q]) || (q+1 < len(t) && isAlnum(t[q+1])) {
		// "2359B" without a space is read by the caller.
		return nil, e
	}
	parts := []string{string(t[q])}
	end := q + 1
	for {
		r := skipSpaces(t, end)
		matched := false
		if ce, ok := g.partConn.match(t, r); ok {
			r2 := skipSpaces(t, ce)
			if r2 < len(t) && isUpper(t[r2]) && (r2+1 == len(t) || !isAlnum(t[r2+1])) {
				parts = append(parts, string(t[r2]))
				end = r2 + 1
				matched = true
			}
		}
		if !matched {
			break
		}
	}
	if len(parts) == 1 {
		// "A was", "I would": a lower-case word after a lone capital.
		r := skipSpaces(t, end)
		if r > end && r < len(t) && isLower(t[r]) {
			// Unless a connector or a date follows: "36/117 A of 10
			// December 1981".
			if _, ok := g.connectors.match(t, r); !ok && s.skipDate(end, g) == end {
				return nil, e
			}
		}
	}
	return parts, end
}

// skipDate skips a date clause after an item (", of 14 December 1960",
// ", de 1° de febrero de 1946", "2004年4月28日"). It returns p when there is
// none.
func (s *scanner) skipDate(p int, g *grammar) int {
	// The organ after the items asks again about the last item's date.
	if s.dateG == g && s.dateAt == p && s.dateOK {
		return s.dateEnd
	}
	e := s.skipDate1(p, g)
	s.dateG, s.dateAt, s.dateEnd, s.dateOK = g, p, e, true
	return e
}

func (s *scanner) skipDate1(p int, g *grammar) int {
	t := s.t
	if r := skipSpaces(t, p); r >= len(t) || !g.dateCue[t[r]] && t[r] != '\n' && t[r] != '\r' {
		return p
	}
	q := p
	comma := false
	if r := skipSpaces(t, q); r < len(t) && t[r] == ',' {
		q, comma = r+1, true
	}
	q, _ = skipSpaceNL(t, q, maxBreaks)
	for _, pat := range g.dates {
		if e, ok := s.matchDate(q, pat, g); ok {
			return e
		}
	}
	_ = comma
	return p
}

func (s *scanner) matchDate(p int, pat []string, g *grammar) (int, bool) {
	t := s.t
	q := p
	for k, tok := range pat {
		if k > 0 {
			q, _ = skipSpaceNL(t, q, maxBreaks)
		}
		switch tok {
		case "D", "N":
			n := digitsAt(t, q)
			if n == 0 || n > 2 {
				return 0, false
			}
			v, _ := strconv.Atoi(string(t[q : q+n]))
			if v < 1 || v > 31 {
				return 0, false
			}
			q += n
			// 1° and 1º for the first of the month; 1st, 2nd in English.
			if strings.HasPrefix(string(t[q:min(q+2, len(t))]), "°") || strings.HasPrefix(string(t[q:min(q+2, len(t))]), "º") {
				q += 2
			} else if tok == "D" {
				for _, suf := range []string{"st", "nd", "rd", "th", "er"} {
					if e, ok := matchWordFold(t, q, suf); ok && wordEnd(t, e) {
						q = e
						break
					}
				}
			}
		case "Y":
			if digitsAt(t, q) != 4 {
				return 0, false
			}
			q += 4
		case "M":
			e, ok := g.month(t, q)
			if !ok {
				return 0, false
			}
			q = e
		default:
			e, ok := matchPhrase(t, q, tok)
			if !ok {
				return 0, false
			}
			q = e
		}
	}
	return q, true
}

// skipConnectors skips the connectors and ellipses between two items and
// returns the position after them and how many it skipped.
func (s *scanner) skipConnectors(p int, g *grammar) (int, int) {
	t := s.t
	n := 0
	q := p
	for {
		r, _ := skipSpaceNL(t, q, maxBreaks)
		e, ok := g.ellipses.match(t, r)
		if !ok {
			e, ok = g.connectors.match(t, r)
		}
		if !ok {
			// "و1820 (2008)": a conjunction joined to the number.
			for _, c := range g.joinedConn {
				if e = r + len(c); e < len(t) && string(t[r:e]) == c {
					if _, _, sp := g.special(t, e); isDigit(t[e]) || sp {
						return e, n + 1 // "ودإ-26/2"
					}
				}
			}
			break
		}
		q = e
		n++
	}
	q, _ = skipSpaceNL(t, q, maxBreaks)
	return q, n
}

// tailGroup reads a group of numbers closed by a tail word: "第 73/27 号和第
// 73/266 号决议". bare is true when the group starts with a number instead of
// an item prefix ("73/266号决议").
func (s *scanner) tailGroup(i int, bare bool) (int, bool) {
	g := s.x.zh
	if g == nil {
		return 0, false
	}
	t := s.t
	var items []item
	var end int
	if bare {
		it, ok := s.item(i, g, false, nil)
		if !ok {
			return 0, false
		}
		e, _ := skipSpaceNL(t, it.end, maxBreaks)
		se, ok := matchAny(t, e, g.ItemSuffix)
		if !ok {
			return 0, false
		}
		it.end = se
		items, end = []item{it}, se
	} else {
		if _, ok := matchAny(t, i, g.ItemPrefix); !ok {
			return 0, false
		}
		items, end = s.items(i, g, true)
		if len(items) == 0 {
			return 0, false
		}
	}
	q, _ := skipSpaceNL(t, end, maxBreaks)
	if se, ok := matchAny(t, q, g.ItemSuffix); ok {
		q, _ = skipSpaceNL(t, se, maxBreaks)
	}
	var tail Trigger
	te := -1
	for _, tr := range g.Tails {
		if e, ok := matchPhrase(t, q, tr.Word); ok {
			tail, te = tr, e
			break
		}
	}
	if te < 0 {
		return 0, false
	}
	if _, ok := matchAny(t, te, g.TailBlockers); ok {
		return te, true
	}
	items[len(items)-1].end = te
	pin, end := s.pinTail(g, te)
	adj := s.organBefore(i, g)
	s.emitItems(items, g, tail.Kind, adj, "", i, pin, 0)
	return end, true
}

// bareNumber handles a number right after Chinese text, for groups written
// without 第 ("73/266号决议"), and bare GA numbers with parts or sections
// ("80/84 A–B", "59/276, sect. XI").
func (s *scanner) bareNumber(i int) (int, bool) {
	t := s.t
	var prev rune
	if i > 0 && (t[i-1] >= 0x80 || t[i-1] == ' ') {
		prev = prevRuneSkipSpace(t, i)
	} else if i > 0 {
		prev = rune(t[i-1])
	}
	if s.x.zh != nil && prev >= 0x2E80 && !s.isItemPrefixRune(prev) {
		if e, ok := s.tailGroup(i, true); ok {
			return e, true
		}
	}
	if !wordStart(t, i) || prev == '/' {
		return 0, false
	}
	if n := digitsAt(t, i); n != 2 || i+3 >= len(t) || t[i+2] != '/' || !isDigit(t[i+3]) {
		return 0, false
	}
	// Budget documents cite General Assembly resolutions by number alone,
	// marked as such by part letters or a section.
	for _, g := range s.x.grammars {
		if len(g.Triggers) == 0 {
			continue
		}
		it, ok := s.item(i, g, false, nil)
		if !ok || it.form != itemNew {
			continue
		}
		marked := len(it.parts) > 0
		q := skipSpaces(t, it.end)
		if q < len(t) && t[q] == ',' {
			q = skipSpaces(t, q+1)
		}
		if e, ok := matchWordFold(t, q, "sect."); ok {
			marked = true
			it.end = e
			e = skipSpaces(t, e)
			if v, ve := romanOrNumberAt(t, e); v != "" {
				it.end = ve
			}
		}
		if !marked || it.a < 31 || it.a > 99 {
			continue
		}
		it.start = i
		s.emitItems([]item{it}, g, KindResolution, "", "", i, "", 0)
		return it.end, true
	}
	return 0, false
}

func (s *scanner) isItemPrefixRune(r rune) bool {
	if s.x.zh == nil {
		return false
	}
	for _, p := range s.x.zh.ItemPrefix {
		if pr, _ := utf8.DecodeRuneInString(p); pr == r {
			return true
		}
	}
	return false
}

func prevRuneSkipSpace(t []byte, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRune(t[:i])
		if r != ' ' && r != '\t' {
			return r
		}
		i -= n
	}
	return 0
}

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
		c, ok := s.citation(it, said, adj, after, lazy)
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

// citation builds the citation of one item once its organ is known.
func (s *scanner) citation(it item, said Kind, adj, after Organ, sentenceOrgans func() []Organ) (Citation, bool) {
	var organ Organ
	cands := []Organ{adj, after}
	gaOnly := it.form == itemNew && it.special == "" && it.a > maxHRCSession && it.a < 1946
	if adj == "" && after == "" && (it.form == itemNew && !gaOnly || it.form == itemRoman) {
		// Only numbers that several organs can issue need the sentence.
		cands = append(cands, sentenceOrgans()...)
	}
	for _, o := range cands {
		if o != "" && compatible(it, o) {
			organ = o
			break
		}
		if o != "" && (o == adj || o == after) && it.form != itemNew && it.form != itemRoman {
			// An organ named right at the citation that cannot issue it
			// ("General Assembly resolution 377 (1950)"): do not guess.
			return Citation{}, false
		}
	}
	if organ == "" && s.opt.DefaultOrgan != "" && compatible(it, s.opt.DefaultOrgan) {
		organ = s.opt.DefaultOrgan
	}
	if organ == "" {
		organ = inferOrgan(it)
	}
	if organ == "" {
		return Citation{}, false
	}
	key, display, ok := itemKey(it, said, organ)
	if !ok {
		return Citation{}, false
	}
	c := Citation{Symbol: Symbol{Key: key, Display: display, Kind: said, Organ: organ}, Form: FormProse, Said: said, Parts: it.parts}
	s.doubt(&c, it, said, organ)
	return c, true
}

func compatible(it item, o Organ) bool {
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
func inferOrgan(it item) Organ {
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

// itemKey builds the canonical key and display form of an item.
func itemKey(it item, said Kind, o Organ) (key, display string, ok bool) {
	var series string
	switch o {
	case OrganGA:
		series = "A"
	case OrganSC:
		series = "S"
	case OrganECOSOC:
		series = "E"
	case OrganHRC:
		series = "A/HRC"
	case OrganCHR:
		series = "E/CN.4"
	default:
		return "", "", false
	}
	kind := "/RES/"
	if said == KindDecision {
		kind = "/DEC/"
	}
	var buf [48]byte
	b := append(buf[:0], series...)
	switch it.form {
	case itemNew:
		b = append(b, kind...)
		if it.special != "" {
			b = append(append(b, it.special...), '-')
		}
		b = strconv.AppendInt(b, int64(it.a), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(it.b), 10)
		key = string(b)
		return key, key, true
	case itemRoman, itemYear, itemBare:
		if kind == "/DEC/" {
			// Decisions were not numbered before 1976, and Security Council
			// decisions never are.
			return "", "", false
		}
		if it.form != itemRoman {
			b = append(b[:0], 'S')
		}
		b = append(b, "/RES/"...)
		b = strconv.AppendInt(b, int64(it.a), 10)
		var sess []byte
		switch it.form {
		case itemRoman:
			if it.special != "" {
				sess = append(append(sess, it.special...), '-')
			}
			sess = append(sess, it.roman...)
		case itemYear:
			sess = strconv.AppendInt(sess, int64(it.b), 10)
		case itemBare:
			if y := SCYear(it.a); y != 0 {
				sess = strconv.AppendInt(sess, int64(y), 10)
			}
		}
		if len(sess) == 0 {
			key = string(b)
			return key, key, true
		}
		n := len(b)
		b = append(append(append(b, ' ', '('), sess...), ')')
		display = string(b)
		return display[:n] + display[n+1:], display, true
	}
	return "", "", false
}

// doubt records what is odd about a prose citation.
func (s *scanner) doubt(c *Citation, it item, said Kind, o Organ) {
	if it.form == itemNew && o == OrganGA && it.special == "" && it.a >= 31 {
		switch {
		case said == KindResolution && it.b >= 400:
			dec := "A/DEC/" + strconv.Itoa(it.a) + "/" + strconv.Itoa(it.b)
			c.Doubts = append(c.Doubts, Doubt{Rule: "kind-mismatch", Key: dec,
				Message: "the text calls " + strconv.Itoa(it.a) + "/" + strconv.Itoa(it.b) +
					" a resolution, but General Assembly numbers from 400 up are decisions (" + dec + ")"})
		case said == KindDecision && it.b < 300:
			res := "A/RES/" + strconv.Itoa(it.a) + "/" + strconv.Itoa(it.b)
			c.Doubts = append(c.Doubts, Doubt{Rule: "kind-mismatch", Key: res,
				Message: "the text calls " + strconv.Itoa(it.a) + "/" + strconv.Itoa(it.b) +
					" a decision, but General Assembly decisions are numbered from 301 up; " + res + " is a resolution"})
		}
	}
	if it.form == itemYear {
		s.checkSCYear(c)
	}
}

// checkSCYear flags a Security Council resolution cited with a year other
// than the one it was adopted in.
func (s *scanner) checkSCYear(c *Citation) {
	var n, y int
	if !strings.HasPrefix(c.Key, "S/RES/") {
		return
	}
	rest := c.Key[len("S/RES/"):]
	open := strings.IndexByte(rest, '(')
	if open < 0 || !strings.HasSuffix(rest, ")") {
		return
	}
	n, _ = strconv.Atoi(rest[:open])
	y, _ = strconv.Atoi(rest[open+1 : len(rest)-1])
	if want := SCYear(n); want != 0 && want != y {
		key := "S/RES/" + strconv.Itoa(n) + "(" + strconv.Itoa(want) + ")"
		c.Doubts = append(c.Doubts, Doubt{Rule: "year-mismatch", Key: key,
			Message: "Security Council resolution " + strconv.Itoa(n) + " was adopted in " + strconv.Itoa(want) + ", not " + strconv.Itoa(y)})
	}
}

// SCYear returns the year Security Council resolution n was adopted in, or
// 0 when xref does not know it.
func SCYear(n int) int {
	if n < 1 || n > scLastKnown {
		return 0
	}
	lo, hi := 0, len(scYearStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if scYearStarts[mid].first <= n {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return scYearStarts[lo].year
}

// organBefore returns the organ named right before t[ts]
// ("General Assembly resolution", "the Council's resolution", "大会第").
func (s *scanner) organBefore(ts int, g *grammar) Organ {
	t := s.t
	e := ts
	for e > 0 && (t[e-1] == ' ' || t[e-1] == '\t' || t[e-1] == '\n' || t[e-1] == '\r') {
		e--
	}
	// Possessives: "the Council's resolution".
	for _, p := range []string{"'s", "’s", "'"} {
		if e >= len(p) && string(t[e-len(p):e]) == p {
			e -= len(p)
			break
		}
	}
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
		// the name could start.
		for st := e - len(o.Name) - 4; st <= e-len(o.Name); st++ {
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
		if c == ';' || (c == '.' && k+1 < len(t) && (t[k+1] == ' ' || t[k+1] == '\n') && !(k > 0 && isUpperAbbrev(t, k))) ||
			(c == '\n' && t[k-1] == '\n') {
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
	// Nearest first; a longer name ending at the same place is found too
	// and names the same organ.
	out := make([]Organ, 0, len(hits)+len(prev))
	for len(hits) > 0 {
		bi := 0
		for k, h := range hits {
			if h.pos > hits[bi].pos {
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

// pinBefore reads a paragraph pin before a trigger ("paragraph 8 of",
// "paragraphes 1, 2 et 3 de la", "пункт 2", "الفقرة 2 من").
func (s *scanner) pinBefore(ts int, g *grammar) string {
	if len(g.PinWords) == 0 {
		return ""
	}
	t := s.t
	lo := ts - 96
	if lo < 0 {
		lo = 0
	}
	// A pin ends with a join word ("of"), perhaps followed by "the" or an
	// organ's name, or (where the language allows) with its numbers right
	// before the trigger; either way it has a number. Most triggers have
	// none of these before them: read the words back first.
	wb := s.wordsBefore(t, ts)
	joined := false
	k := 0
	for ; k < wb.n; k++ {
		w := wb.word(k)
		if g.pinJoin.has(w) {
			joined = true
			break
		}
		if !g.pinSkip.has(w) {
			break
		}
	}
	if !joined && (!g.pinDirect || k < wb.n) {
		return ""
	}
	if joined {
		// The rest of the join ("de" of "de la").
		for k++; k < wb.n && g.pinSkip.has(wb.word(k)); k++ {
		}
	}
	// Then a number: "paragraphs 2 and 3 [of]", "пункт 2 [своей]". Most
	// "la résolution" have none, and cost no more than this.
	p := ts
	if k > 0 {
		p = wb.starts[k-1]
	}
	for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t' || t[p-1] == '\n' || t[p-1] == '\r') {
		p--
	}
	if p == 0 || !isDigit(t[p-1]) {
		return ""
	}
	if d := nextDigit(t[:ts], lo); d < 0 {
		return ""
	}
	win := s.lower(t[lo:ts])
	for _, w := range g.PinWords {
		k := strings.LastIndex(win, w)
		if k < 0 {
			continue
		}
		p := lo + k + len(w)
		p = skipSpaces(t, p)
		n := digitsAt(t, p)
		if n == 0 {
			continue
		}
		pin := string(t[p : p+n])
		q := p + n
		// Further paragraph numbers: "paragraphs 1, 2 and 3 of".
		for {
			r, cnt := s.skipConnectors(q, g)
			if cnt == 0 || digitsAt(t, r) == 0 {
				break
			}
			q = r + digitsAt(t, r)
		}
		q, _ = skipSpaceNL(t, q, maxBreaks)
		if !joined {
			if s.onlyWords(t, q, ts, &g.pinSkip) {
				return pin
			}
			continue
		}
		for _, j := range g.PinJoins {
			if j == "" {
				continue
			}
			if e, ok := matchPhrase(t, q, j); ok {
				// The organ, "the" or "its" may stand between the join
				// and the trigger.
				if s.onlyWords(t, e, ts, &g.pinSkip) || s.organBefore(ts, g) != "" {
					return pin
				}
			}
		}
	}
	return ""
}

// onlyWords reports whether t[p:e] holds nothing but spaces and words of
// the set.
func (s *scanner) onlyWords(t []byte, p, e int, set *wordSet) bool {
	if p > e {
		return false
	}
	for _, w := range strings.Fields(lowerBytes(t[p:e])) {
		if !set.has([]byte(w)) {
			return false
		}
	}
	return true
}

// lower returns b in lower case (same length), in the scanner's buffer.
func (s *scanner) lower(b []byte) string {
	s.low = s.low[:0]
	for len(b) > 0 {
		c := b[0]
		if c < utf8.RuneSelf {
			s.low = append(s.low, lowerASCII(c))
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			s.low = append(s.low, c)
		} else {
			s.low = utf8.AppendRune(s.low, toLowerRune(r))
		}
		b = b[n:]
	}
	return unsafeString(s.low)
}

func lowerBytes(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for len(b) > 0 {
		c := b[0]
		if c < utf8.RuneSelf {
			sb.WriteByte(lowerASCII(c))
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(toLowerRune(r))
		}
		b = b[n:]
	}
	return sb.String()
}

// unsafeString views b as a string without copying; b must not change while
// the string is in use (the scanner's buffers are only rewritten by the next
// call that returns such a string).
func unsafeString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}
