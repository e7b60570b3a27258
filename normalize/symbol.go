package normalize

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// Kind says what sort of document a symbol or citation names.
type Kind string

// The kinds of documents xref tells apart. The values are stable: they appear
// in JSON output.
const (
	KindResolution            Kind = "resolution"
	KindDecision              Kind = "decision"
	KindDocument              Kind = "document"
	KindDraft                 Kind = "draft"
	KindMeetingRecord         Kind = "meeting-record"
	KindSummaryRecord         Kind = "summary-record"
	KindPresidentialStatement Kind = "presidential-statement"
)

// Organ is the body that issued a document.
type Organ string

// Organs that citations name in prose. Explicit symbols of other series carry
// their series as organ (CD, ST, UNEP …).
const (
	OrganGA     Organ = "GA"     // General Assembly
	OrganSC     Organ = "SC"     // Security Council
	OrganECOSOC Organ = "ECOSOC" // Economic and Social Council
	OrganHRC    Organ = "HRC"    // Human Rights Council
	OrganCHR    Organ = "CHR"    // Commission on Human Rights (until 2006)
)

// Symbol is a UN document symbol in canonical form.
type Symbol struct {
	// Key is the form used for comparison, URLs and storage: every space
	// removed, series in upper case, customary mixed-case components
	// (Add., Rev., Corr. …) in their usual case, no reissue asterisk:
	// A/RES/73/266, S/RES/1540(2004), A/CONF.157/24(PartI).
	Key string `json:"symbol"`
	// Display is the printed form with its customary spaces:
	// S/RES/1540 (2004), A/RES/217 (III), S/PV.9963 (Resumption 2).
	Display string `json:"display"`
	Kind    Kind   `json:"kind"`
	Organ   Organ  `json:"organ,omitempty"`
}

// Resolvable reports whether the symbol names a document that exists as a
// file in the UN document system. General Assembly and ECOSOC decisions are
// published only inside sessional compilations (un-symbols.md §2).
func (s Symbol) Resolvable() bool {
	return !(strings.HasPrefix(s.Key, "A/DEC/") || strings.HasPrefix(s.Key, "E/DEC/"))
}

// Errors returned by ParseSymbol. Callers compare with errors.Is.
var (
	// ErrNoSeries means the text does not start with a series such as A/ or
	// S/ (for example 73/546, a resolution number without its series).
	ErrNoSeries = errors.New("normalize: symbol has no series (such as A/ or S/)")
	// ErrPressRelease means the text is a press-release number (GA/12174,
	// SC/12206), which is not a document symbol.
	ErrPressRelease = errors.New("normalize: press-release number, not a document symbol")
	// ErrSyntax means the text does not follow the grammar of UN symbols.
	ErrSyntax = errors.New("normalize: not a UN document symbol")
)

// SymbolError describes why a string is not a document symbol.
type SymbolError struct {
	Input string
	Err   error
}

func (e *SymbolError) Error() string { return fmt.Sprintf("%q: %v", e.Input, e.Err) }
func (e *SymbolError) Unwrap() error { return e.Err }

// ParseSymbol parses a complete UN document symbol such as "S/RES/1540 (2004)",
// "a/res/73/266" or "A/C.3/78/L.60/Rev.1". Case and spaces are forgiven, the
// way a URL path or a user's command line writes them.
func ParseSymbol(s string) (Symbol, error) {
	t := Fold([]byte(strings.TrimSpace(s))).Text
	if len(t) == 0 {
		return Symbol{}, &SymbolError{s, ErrSyntax}
	}
	if t[0] >= '0' && t[0] <= '9' {
		return Symbol{}, &SymbolError{s, ErrNoSeries}
	}
	r, end, ok := scanSymbol(t, 0, modeStrict)
	if !ok || end != len(t) {
		return Symbol{}, &SymbolError{s, ErrSyntax}
	}
	if pressSeries[r.body()] {
		return Symbol{}, &SymbolError{s, ErrPressRelease}
	}
	return r.symbol(), nil
}

// MustParseSymbol is ParseSymbol for tests and tables; it panics on error.
func MustParseSymbol(s string) Symbol {
	sym, err := ParseSymbol(s)
	if err != nil {
		panic(err)
	}
	return sym
}

// rawSymbol is a symbol as scanned, before it is turned into a Symbol. Its
// components are kept as one string, the path, with their ends: scanning
// a symbol allocates a single string.
type rawSymbol struct {
	path       string     // components joined by "/", canonical case, no spaces
	ends       [10]uint16 // end of each component in path
	n          int        // number of components
	parenKey   string     // "(2004)", "(III)", "(Resumption2)" or ""
	parenShow  string     // "(2004)", "(III)", "(Resumption 2)"
	part       string     // part letter of an old combined resolution (217 A (III))
	digits     bool
	spacedBody bool // "S / PV.7642": a space before the first slash
}

// comp returns component i.
func (r *rawSymbol) comp(i int) string {
	start := 0
	if i > 0 {
		start = int(r.ends[i-1]) + 1
	}
	return r.path[start:r.ends[i]]
}

func (r *rawSymbol) body() string { return r.comp(0) }

// with returns the symbol with one more component (a suffix continuation).
func (r *rawSymbol) with(c string) rawSymbol {
	out := rawSymbol{path: r.path + "/" + c, ends: r.ends, n: r.n + 1, digits: r.digits}
	out.ends[r.n] = uint16(len(out.path))
	return out
}

// withSuffix returns the symbol continued by a suffix: "A/90/7 and Add.1"
// adds it, "A/90/7/Corr.1, Corr.2" replaces the suffix of the same keyword.
func (r *rawSymbol) withSuffix(c string) rawSymbol {
	if r.n > 2 {
		last := r.comp(r.n - 1)
		if k := strings.IndexByte(c, '.'); k > 0 && strings.HasPrefix(last, c[:k+1]) {
			base := *r
			base.n--
			base.path = base.path[:base.ends[base.n-1]]
			return base.with(c)
		}
	}
	return r.with(c)
}

func (r *rawSymbol) key() string {
	return r.path + r.parenKey
}

func (r *rawSymbol) symbol() Symbol {
	s := Symbol{Key: r.path, Display: r.path, Kind: r.kind(), Organ: r.organ()}
	if r.parenShow != "" {
		s.Key += r.parenKey
		s.Display += " " + r.parenShow
	}
	return s
}

func (r *rawSymbol) kind() Kind {
	for i := 1; i < r.n; i++ {
		c := r.comp(i)
		switch {
		case c == "RES" || c == "Res" || strings.HasPrefix(c, "Res."):
			return KindResolution
		case c == "DEC":
			return KindDecision
		case c == "PRST":
			return KindPresidentialStatement
		case strings.HasPrefix(c, "PV."):
			return KindMeetingRecord
		case strings.HasPrefix(c, "SR."):
			return KindSummaryRecord
		case strings.HasPrefix(c, "L."):
			return KindDraft
		}
	}
	return KindDocument
}

func (r *rawSymbol) organ() Organ {
	switch b := r.body(); b {
	case "A":
		if r.n > 1 && r.comp(1) == "HRC" {
			return OrganHRC
		}
		return OrganGA
	case "S":
		return OrganSC
	case "E":
		if r.n > 1 && r.comp(1) == "CN.4" {
			return OrganCHR
		}
		return OrganECOSOC
	default:
		return Organ(b)
	}
}

type scanMode int

const (
	// modeText scans running text: the body must be upper case and known
	// (or the symbol long), and the match must end at a word boundary.
	modeText scanMode = iota
	// modeStrict parses a whole string given as a symbol: case is forgiven.
	modeStrict
)

// scanSymbol reads a symbol that starts at t[i] (folded text). It returns the
// symbol and the end of the bytes it used. It does not check the byte before
// t[i]; the caller does.
func scanSymbol(t []byte, i int, mode scanMode) (r rawSymbol, end int, ok bool) {
	// Body: A, S, E, ST, CD, UNEP, ISBA …
	j := i
	for j < len(t) && j-i < 10 && (isUpper(t[j]) || (j > i && isDigit(t[j])) || (mode == modeStrict && isLower(t[j]))) {
		j++
	}
	if j == i || !isAlpha(t[i]) {
		return r, 0, false
	}
	var buf [128]byte
	path := appendUpper(buf[:0], t[i:j])
	r.ends[0], r.n = uint16(len(path)), 1
	body := path[:len(path):len(path)]
	for k := i; k < j; k++ {
		if isDigit(t[k]) {
			r.digits = true
		}
	}
	p := j
	newlines := 0
	for n := 0; n < 9; n++ {
		// Separator: a slash, with spaces around it in tokenised text, and at
		// most one line break where a PDF line was wrapped.
		q, nl := skipSpaceNL(t, p, maxBreaks-newlines)
		if q >= len(t) || t[q] != '/' {
			break
		}
		if q > p && n == 0 {
			r.spacedBody = true
		}
		q2, nl2 := skipSpaceNL(t, q+1, maxBreaks-newlines-nl)
		withSlash := append(path, '/')
		grown, ce, digits, okc := scanComponent(t, q2, mode, withSlash)
		if !okc || len(grown) > len(buf) || len(grown) == len(withSlash) {
			break
		}
		newlines += nl + nl2
		path = grown
		r.ends[r.n] = uint16(len(path))
		r.n++
		r.digits = r.digits || digits
		p = ce
	}
	if r.n < 2 || !r.digits {
		return r, 0, false
	}
	if mode == modeText && needsNumber[string(path[r.ends[r.n-2]+1:])] {
		// A symbol never ends on a keyword that takes a number
		// ("A/C.3/42/L" of "A/C.3/42/L. r"): the number could not be
		// read, and the symbol without it is another document.
		return r, 0, false
	}
	if mode == modeText && placeholder(path, &r) {
		// "S/2015/XXX": a draft's placeholder for a number not yet given.
		return r, 0, false
	}
	if r.spacedBody && mode == modeText && !knownSeries[string(body)] && !upperComponent(path, &r) {
		// Spaced slashes after an unknown series: only a symbol built the
		// way UN series are ("WHA58 / 2005 / REC / 1"), not "AND / OR 2".
		return r, 0, false
	}
	r.path = string(path)
	end = p
	// Reissue asterisk: A/73/100* is the same document, reissued.
	if end < len(t) && t[end] == '*' {
		end++
		p = end
	}
	// Part letter of an old combined resolution written inside the symbol,
	// then a parenthesised suffix: (2004), (III), (S-VI), (Resumption 2) …
	if q, part, ok := scanSymbolPart(t, p, &r); ok {
		if pe, ok := scanParen(t, q, &r); ok {
			r.part = part
			end = pe
		}
	} else if pe, ok := scanParen(t, p, &r); ok {
		end = pe
	}
	if mode == modeText && end < len(t) {
		// A symbol does not run into a word, and a slash or a dot right
		// after it means the rest could not be read ("A/C.6/79.SR.37",
		// "S/2014 / l89"): better no citation than a wrong one.
		if isAlnum(t[end]) || (t[end] == '.' && end+1 < len(t) && isAlnum(t[end+1])) {
			return r, 0, false
		}
		if q := skipSpaces(t, end); q < len(t) && t[q] == '/' {
			return r, 0, false
		}
	}
	if mode == modeText && !plausibleInText(&r) {
		return r, 0, false
	}
	return r, end, true
}

// placeholder reports whether a component after the body is a run of
// three or more X: the number a draft leaves to be filled in.
func placeholder(path []byte, r *rawSymbol) bool {
	for i := 1; i < r.n; i++ {
		c := path[r.ends[i-1]+1 : r.ends[i]]
		if len(c) >= 3 && bytes.Count(c, []byte{'X'}) == len(c) {
			return true
		}
	}
	return false
}

// upperComponent reports whether a component after the body of path is a
// word in capitals.
func upperComponent(path []byte, r *rawSymbol) bool {
	for i := 1; i < r.n; i++ {
		if c := path[r.ends[i-1]+1 : r.ends[i]]; len(c) > 0 && isUpper(c[0]) {
			return true
		}
	}
	return false
}

// scanSymbolPart reads " A " before "(III)" in "A/RES/217 A (III)".
func scanSymbolPart(t []byte, p int, r *rawSymbol) (int, string, bool) {
	if r.n != 3 || r.comp(1) != "RES" {
		return 0, "", false
	}
	q := skipSpaces(t, p)
	if q == p || q+1 >= len(t) || !isUpper(t[q]) || isAlnum(t[q+1]) {
		return 0, "", false
	}
	return q + 1, string(t[q]), true
}

// scanComponent reads one component after a slash.
func scanComponent(t []byte, i int, mode scanMode, out []byte) (grown []byte, end int, digits bool, ok bool) {
	if i >= len(t) {
		return out, 0, false, false
	}
	// Session of a special or emergency special session: S-10, ES-10.
	if j, ok := scanSpecialSession(t, i); ok {
		return append(out, t[i:j]...), j, true, true
	}
	if isDigit(t[i]) {
		j := i
		for j < len(t) && isDigit(t[j]) && j-i < 6 {
			j++
		}
		if j < len(t) && isAlpha(t[j]) {
			return out, 0, false, false
		}
		return append(out, t[i:j]...), j, true, true
	}
	if !isAlpha(t[i]) {
		return out, 0, false, false
	}
	// A word with dotted sub-parts: L.56, PV.1505, CONF.157, Add.1, SER.B,
	// C.I, appended in canonical case.
	start := len(out)
	j := i
	first := true
words:
	for {
		k := j
		for k < len(t) && isAlpha(t[k]) && k-j < 12 {
			k++
		}
		if k == j || (k < len(t) && isDigit(t[k])) {
			return out[:start], 0, false, false
		}
		w := t[j:k]
		switch {
		case first:
			cw, ok := canonicalWordBytes(w, mode, k < len(t) && t[k] == '.')
			if !ok {
				return out[:start], 0, false, false
			}
			if cw != "" {
				out = append(out, cw...)
			} else {
				out = appendUpper(out, w)
			}
		case mode == modeStrict:
			out = appendUpper(out, w)
		case !isAllUpperBytes(w):
			return out[:start], 0, false, false
		default:
			out = append(out, w...)
		}
		first = false
		j = k
		// A dot continues the component only when something follows it;
		// a final dot ends the sentence.
		numbered := false
		for j < len(t) && t[j] == '.' {
			q := j + 1
			// "L.\n56" where a PDF line was wrapped inside the symbol, and
			// "Corr. 1" as some typesetting and OCR write suffixes: only
			// after a word's dot. After a number ("Add.1." at a line's end)
			// the suffix is complete and the dot ends the sentence; the
			// number on the next line is another (a footnote's).
			if q < len(t) && (t[q] == '\n' || t[q] == '\r' || t[q] == ' ') && !numbered {
				q2, nl := skipSpaceNL(t, q, maxBreaks)
				if q2 < len(t) && isDigit(t[q2]) && (nl >= 1 || q2-q == 1 && spacedNumber[string(out[start:])]) {
					q = q2
				}
			}
			switch {
			case q < len(t) && isDigit(t[q]):
				k := q
				for k < len(t) && isDigit(t[k]) && k-q < 5 {
					k++
				}
				// One capital may follow the number (E/CN.4/1987/L.2A).
				if k < len(t) && isUpper(t[k]) && !(k+1 < len(t) && isAlnum(t[k+1])) {
					k++
				}
				if k < len(t) && isAlnum(t[k]) {
					return out[:start], 0, false, false
				}
				out = append(out, '.')
				out = append(out, t[q:k]...)
				digits = true
				numbered = true
				j = k
			case q < len(t) && isAlpha(t[q]):
				out = append(out, '.')
				j = q
				continue words
			default:
				break words
			}
		}
		break
	}
	return out, j, digits, true
}

// canonicalWordBytes is canonicalWord for bytes; it returns "" when the
// canonical form is the word in upper case.
func canonicalWordBytes(w []byte, mode scanMode, dotted bool) (string, bool) {
	for _, cw := range mixedWords {
		if len(cw) == len(w) && strings.EqualFold(cw, string(w)) && (dotted || alwaysMixed[cw]) {
			if mode == modeText && string(w) != cw && !isAllUpperBytes(w) {
				return "", false
			}
			return cw, true
		}
	}
	if mode == modeText && !isAllUpperBytes(w) {
		return "", false
	}
	return "", true
}

var mixedWords = []string{"Add", "Rev", "Corr", "Amend", "Sub", "Summary", "Res", "Dec", "Agenda"}

func appendUpper(out, w []byte) []byte {
	for _, c := range w {
		if isLower(c) {
			c -= 'a' - 'A'
		}
		out = append(out, c)
	}
	return out
}

func isAllUpperBytes(w []byte) bool {
	for _, c := range w {
		if !isUpper(c) && !isDigit(c) {
			return false
		}
	}
	return true
}

// canonicalWord gives the customary case of a component word and reports
// whether running text may write it the way it did.
func canonicalWord(w string, mode scanMode, dotted bool) (string, bool) {
	if cw, ok := mixedCase[strings.ToLower(w)]; ok && (dotted || alwaysMixed[cw]) {
		if mode == modeText && w != cw && !isAllUpper(w) {
			return "", false
		}
		return cw, true
	}
	if mode == modeText && !isAllUpper(w) {
		return "", false
	}
	return strings.ToUpper(w), true
}

// mixedCase lists the components that UN symbols write in mixed case when a
// number follows (Add.1, Rev.2, Corr.1, Sub.2, UNEP/EA.5/Res.14).
// Agenda is the series of the Security Council's provisional agendas
// (S/Agenda/1717, S/Agenda/1354/Rev.1), a word with no dot and no number.
var alwaysMixed = map[string]bool{"Add": true, "Corr": true, "Rev": true, "Amend": true, "Summary": true, "Agenda": true}

// needsNumber are the component keywords that are never a symbol's last
// component without their number: limited documents (L.5), summary and
// verbatim records (SR.39, PV.5), conference room and working papers, and
// the suffixes (Add.1, Corr.1, Rev.1, Amend.1).
var needsNumber = setOf("L", "SR", "PV", "CRP", "WP", "Add", "Corr", "Rev", "Amend")

// spacedNumber are the keywords whose number typesetting and OCR may write
// after a space ("Corr. 1", "L. 2"); other words keep their dot and number
// together.
var spacedNumber = setOf("L", "SR", "PV", "CRP", "WP", "Add", "Corr", "Rev", "Amend", "Summary")

var mixedCase = map[string]string{
	"add": "Add", "rev": "Rev", "corr": "Corr", "amend": "Amend", "sub": "Sub",
	"summary": "Summary", "res": "Res", "dec": "Dec", "agenda": "Agenda",
}

func scanSpecialSession(t []byte, i int) (int, bool) {
	j := i
	if j < len(t) && t[j] == 'E' {
		j++
	}
	if j+2 < len(t) && t[j] == 'S' && t[j+1] == '-' && isDigit(t[j+2]) {
		k := j + 2
		for k < len(t) && isDigit(t[k]) && k-j < 4 {
			k++
		}
		if k < len(t) && isAlnum(t[k]) {
			return 0, false
		}
		return k, true
	}
	return 0, false
}

// scanParen reads a parenthesised suffix at t[p:] (after optional spaces)
// and records it in r.
func scanParen(t []byte, p int, r *rawSymbol) (int, bool) {
	q, _ := skipSpaceNL(t, p, maxBreaks)
	if q >= len(t) || t[q] != '(' {
		return 0, false
	}
	q = skipSpaces(t, q+1)
	isRes := r.n >= 3 && r.comp(r.n-2) == "RES"
	last := r.comp(r.n - 1)
	var key, show string
	switch {
	case isRes && r.body() == "S" && q+4 <= len(t) && allDigits(t[q:q+4]) && !(q+4 < len(t) && isDigit(t[q+4])):
		y := string(t[q : q+4])
		if y < "1945" || y > "2100" {
			return 0, false
		}
		key, show = "("+y+")", "("+y+")"
		q += 4
	case isRes && (r.body() == "A" || r.body() == "E") && allDigitsString(last):
		e, ok := scanSessionNumeral(t, q)
		if !ok {
			return 0, false
		}
		s := string(t[q:e])
		key, show = "("+s+")", "("+s+")"
		q = e
	default:
		w, e := wordAt(t, q)
		if len(w) > 4 && strings.EqualFold(w[:4], "part") {
			// "(PartI)", the key form, glues the numeral to the word.
			w, e = w[:4], q+4
		}
		switch strings.ToLower(w) {
		case "resumption":
			e = skipSpaces(t, e)
			n := digitsAt(t, e)
			if n == 0 {
				return 0, false
			}
			num := string(t[e : e+n])
			key, show = "(Resumption"+num+")", "(Resumption "+num+")"
			q = e + n
		case "part":
			e = skipSpaces(t, e)
			v, ve := romanOrNumberAt(t, e)
			if v == "" {
				return 0, false
			}
			key, show = "(Part"+v+")", "(Part "+v+")"
			q = ve
		case "vol":
			if e >= len(t) || t[e] != '.' {
				return 0, false
			}
			e = skipSpaces(t, e+1)
			v, ve := romanOrNumberAt(t, e)
			if v == "" {
				return 0, false
			}
			key, show = "(Vol."+v+")", "(Vol. "+v+")"
			q = ve
		case "supp":
			key, show = "(SUPP)", "(SUPP)"
			q = e
		default:
			return 0, false
		}
	}
	q = skipSpaces(t, q)
	if q >= len(t) || t[q] != ')' {
		return 0, false
	}
	r.parenKey, r.parenShow = key, show
	return q + 1, true
}

// scanSessionNumeral reads a session in Roman numerals, possibly of a special
// (S-VI) or emergency special (ES-V) session.
func scanSessionNumeral(t []byte, q int) (int, bool) {
	e := q
	if e+1 < len(t) && t[e] == 'E' && t[e+1] == 'S' && e+2 < len(t) && t[e+2] == '-' {
		e += 3
	} else if e+1 < len(t) && t[e] == 'S' && t[e+1] == '-' {
		e += 2
	}
	k := e
	for k < len(t) && isRomanLetter(t[k]) {
		k++
	}
	if k == e || romanValue(string(t[e:k])) == 0 {
		return 0, false
	}
	return k, true
}

func romanOrNumberAt(t []byte, i int) (string, int) {
	if n := digitsAt(t, i); n > 0 {
		return string(t[i : i+n]), i + n
	}
	k := i
	for k < len(t) && isRomanLetter(t[k]) {
		k++
	}
	if k == i || romanValue(string(t[i:k])) == 0 || (k < len(t) && isAlpha(t[k])) {
		return "", i
	}
	return string(t[i:k]), k
}

// plausibleInText rejects matches that running text produces but that are
// not document symbols: unknown one-slash series (ABC/12) and words that only
// look like series.
func plausibleInText(r *rawSymbol) bool {
	body := r.body()
	if knownSeries[body] {
		return true
	}
	if pressSeries[body] {
		// Reported by the scanner so that the whole joint number is dropped.
		return true
	}
	// An unknown series needs a longer symbol with an upper-case component
	// word, the way UN series are built (XYZ/C/12, ABC/CONF.1/2).
	if r.n < 3 {
		return false
	}
	for i := 1; i < r.n; i++ {
		if c := r.comp(i); c != "" && isUpper(c[0]) {
			return true
		}
	}
	return false
}

// romanValue returns the value of a canonical Roman numeral, or 0.
func romanValue(s string) int {
	if s == "" || len(s) > 8 {
		return 0
	}
	total := 0
	for i := 0; i < len(s); i++ {
		v := romanDigit(s[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(s) && romanDigit(s[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total > 99 || toRoman(total) != s {
		return 0
	}
	return total
}

func romanDigit(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	}
	return 0
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isAlpha(c byte) bool { return isUpper(c) || isLower(c) }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }

func isAllUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isUpper(w[i]) && !isDigit(w[i]) {
			return false
		}
	}
	return true
}

func allDigitsString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return len(b) > 0
}

func digitsAt(t []byte, i int) int {
	n := 0
	for i+n < len(t) && isDigit(t[i+n]) {
		n++
	}
	return n
}

func wordAt(t []byte, i int) (string, int) {
	j := i
	for j < len(t) && isAlpha(t[j]) {
		j++
	}
	return string(t[i:j]), j
}

func skipSpaces(t []byte, i int) int {
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	return i
}

// maxBreaks is how many line breaks may stand inside a citation: a line
// wrapped in PDF text, where a blank line often follows every line.
const maxBreaks = 2

// skipSpaceNL skips spaces and at most maxNL line breaks (a "\r\n" counts
// once). It returns the new position and the number of line breaks skipped.
func skipSpaceNL(t []byte, i int, maxNL int) (int, int) {
	nl := 0
	for i < len(t) {
		switch t[i] {
		case ' ', '\t', '\r':
			i++
		case '\n':
			if nl >= maxNL {
				return i, nl
			}
			nl++
			i++
		default:
			return i, nl
		}
	}
	return i, nl
}
