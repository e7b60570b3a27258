package normalize

import (
	"strings"
	"sync"
	"unicode/utf8"
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
	// OrganBy says what in the text told the organ of a prose citation
	// (and "symbol" for a symbol written out).
	OrganBy Evidence `json:"organ_by,omitempty"`
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
	// lastPair holds the last two bytes of the same words (a bit per
	// pair), lastShort the words of one byte; pairAll is set when a stem
	// in Latin letters lets any word end a trigger.
	lastPair  [1 << 13]byte
	lastShort [256]bool
	pairAll   bool
	organOf   map[string]Organ
	// between are the grammars whose organs may stand between a trigger
	// and its numbers; clitics those that write words joined.
	between, clitics, specials []*grammar
	byLang                     map[string]*grammar
	latinStems                 bool // some stem is written in Latin letters
	// extraLast are the last words of every grammar's adverbs, organ
	// suffixes and epithets, organLast those of the organs that may stand
	// between a trigger and its numbers: one look-up rejects most words.
	extraLast, organLast wordSet
	prefixRunes          []rune    // the item prefixes of the language with tails (第)
	contFirst            [256]bool // first bytes of every grammar's continuation words
	pool                 sync.Pool
	epithets             wordSet // every grammar's epithets
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
	for _, w := range g.Continuations {
		for _, b := range firstBytes(w) {
			x.contFirst[b] = true
		}
	}
	for _, a := range g.Adverbs {
		x.addLast(a)
		f := strings.Fields(a)
		x.extraLast.add(f[len(f)-1])
	}
	for _, a := range g.AdverbArticles {
		x.addLast(a)
		x.extraLast.add(a)
	}
	for _, w := range g.Epithets {
		x.addLast(w)
		x.extraLast.add(w)
		x.epithets.add(w)
	}
	for _, tr := range g.Triggers {
		x.addLast(tr.Word)
		if tr.Stem {
			// Any letter may end an inflected word: for a stem in a
			// non-Latin script, any continuation byte.
			if tr.Word[0] >= utf8.RuneSelf {
				for b := 0x80; b < 0xC0; b++ {
					x.lastByte[b] = true
					// Any letter of two bytes, or the last two bytes of
					// a longer one.
					for a := 0x80; a < 0xE0; a++ {
						x.addPair(byte(a), byte(b))
					}
				}
			} else {
				x.latinStems = true
				x.pairAll = true
				for b := 'a'; b <= 'z'; b++ {
					x.lastByte[b], x.lastByte[b-'a'+'A'] = true, true
				}
			}
		}
	}
	// "n°", "nº" before a number.
	x.lastByte[0xB0], x.lastByte[0xBA] = true, true
	x.addPair(0xC2, 0xB0)
	x.addPair(0xC2, 0xBA)
	// "CD document 2007": the words between a series and its number.
	for w := range documentWords {
		x.addLast(w)
	}
	if len(g.Tails) > 0 {
		x.zh = g
		for _, p := range g.ItemPrefix {
			r, _ := utf8.DecodeRuneInString(p)
			x.prefixRunes = append(x.prefixRunes, r)
		}
	}
	if g.OrganBetween {
		x.between = append(x.between, g)
		// The organ's last word, not a trigger, stands before the number.
		for _, o := range g.Organs {
			x.addLast(o.Name)
		}
		for _, sf := range g.OrganSuffixes {
			x.addLast(sf)
			f := strings.Fields(sf)
			x.extraLast.add(f[len(f)-1])
		}
		for _, o := range g.Organs {
			f := strings.Fields(o.Name)
			x.organLast.add(f[len(f)-1])
		}
	}
	if len(g.Proclitics) > 0 {
		x.clitics = append(x.clitics, g)
	}
	if len(g.Specials) > 0 {
		x.specials = append(x.specials, g)
	}
}

// addLast records the last byte of w, and its last two, in lower and
// upper case.
func (x *Extractor) addLast(w string) {
	r, size := utf8.DecodeLastRuneInString(w)
	r0, _ := utf8.DecodeLastRuneInString(w[:len(w)-size])
	for _, v := range []rune{toLowerRune(r), toUpperRune(r)} {
		var b [2 * utf8.UTFMax]byte
		n := utf8.EncodeRune(b[:], v)
		x.lastByte[b[n-1]] = true
		if n >= 2 {
			x.addPair(b[n-2], b[n-1])
			continue
		}
		if len(w) == size {
			x.lastShort[b[0]] = true
			continue
		}
		for _, v0 := range []rune{toLowerRune(r0), toUpperRune(r0)} {
			m := utf8.EncodeRune(b[:], v0)
			x.addPair(b[m-1], byte(v))
		}
	}
}

func (x *Extractor) addPair(a, b byte) { x.lastPair[int(a)<<5|int(b)>>3] |= 1 << (b & 7) }

// mayEndTrigger reports whether the word that ends at t[e] may be a
// trigger, a number word, an organ's name or an adverb, by its last two
// bytes (one test rejects most words before numbers).
func (x *Extractor) mayEndTrigger(t []byte, e int) bool {
	if x.pairAll || e < 2 {
		return true
	}
	a, b := t[e-2], t[e-1]
	if b == '.' {
		// "No. 5": the word ends before the dot.
		if e < 3 {
			return true
		}
		a, b = t[e-3], a
	}
	// A word of one byte stands alone: the byte before it is no letter.
	return x.lastShort[b] && a < utf8.RuneSelf && !isAlnum(a) || x.lastPair[int(a)<<5|int(b)>>3]&(1<<(b&7)) != 0
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
