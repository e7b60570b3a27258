package linker

import (
	"bytes"
	"regexp"

	"github.com/xref-un/xref/normalize"
)

// Page furniture is what a PDF prints on every page besides the text: the
// document's own symbol as a running head, page numbers ("9/12"), the job
// number ("19-11607"), a barcode ("*1911607*"). A symbol standing alone on
// such a line is the document naming itself, not a citation.

// pageLine matches a line of page numbers, job numbers and barcodes.
var pageLine = regexp.MustCompile(`^(?:` + pagePart + `|\d{1,3})(?:\s+` + pagePart + `)*$`)

// pagePart is one item of a page line: "9/12", "19-11607", "GE.19-11607(C)",
// "*1911607*" or a date stamp "100925".
const pagePart = `(?:\d{1,4} ?/ ?\d{1,4}|(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{7,8}\*|\d{6})`

// furniture decides which citations of a text are page furniture, one
// citation at a time, in order.
type furniture struct {
	t        []byte
	self     string // the document's own symbol, once known
	frontEnd int    // end of a front-matter block: all metadata
	masthead int    // end of the first lines, where the masthead stands
	learn    bool   // take the first furniture symbol as the identity
	dropped  int
}

func newFurniture(t []byte, self string, frontEnd int) *furniture {
	return &furniture{t: t, self: self, frontEnd: frontEnd, masthead: mastheadEnd(t, frontEnd)}
}

// drop reports whether c is page furniture. The first symbol found in the
// furniture or the masthead becomes the document's own symbol.
func (f *furniture) drop(c *normalize.Citation) bool {
	t := f.t
	if c.Start < f.frontEnd {
		f.dropped++
		return true
	}
	// Most citations share their line with other words: a quick look at
	// the bytes before and after them says so.
	if c.Start >= f.masthead && !aloneBefore(t, c.Start) {
		return false
	}
	ls, le, ok := lineAround(t, c.Start, c.End)
	if !ok {
		return false
	}
	if !standalone(t[ls:le], t[c.Start:c.End]) {
		// A masthead may put the organisation's name before the symbol, and
		// a heading the date after the number: "United Nations S/RES/1445
		// (2002)", "Resolution 477 (1980) of 30 July 1980".
		if c.Start >= f.masthead || !mastheadLine(t[ls:le], t[c.Start:c.End]) || !linesAfter(t, le, 2) {
			return false
		}
		if c.Form != normalize.FormSymbol && !firstLine(t, f.frontEnd, ls) {
			return false
		}
		f.dropped++
		if f.self == "" && f.learn {
			f.self = c.Key
		}
		return true
	}
	switch {
	case f.self != "" && c.Key == f.self && (c.Form == normalize.FormSymbol || c.Start < f.masthead):
	case c.Form == normalize.FormSymbol && nearPageLine(t, ls, le):
	case c.Start < f.masthead && (c.Form == normalize.FormSymbol && linesAfter(t, le, 5) || firstLine(t, f.frontEnd, ls) && linesAfter(t, le, 2)):
	default:
		return false
	}
	f.dropped++
	if f.self == "" && f.learn {
		f.self = c.Key
	}
	return true
}

// mastheadBefore and headingAfter are what a masthead line may hold besides
// the symbol: the organisation's name before it, a date after it.
var (
	mastheadBefore = regexp.MustCompile(`^(?i:united nations|nations unies|naciones unidas|联合国|聯合國|организация объединенных наций|الأمم المتحدة)$`)
	headingAfter   = regexp.MustCompile(`^(?i:of|adopted on|de|del|du|от)\s.*\d{4}\.?$`)
)

// mastheadLine reports whether line holds the citation with only a
// masthead's name before it or a date after it.
func mastheadLine(line, cite []byte) bool {
	k := bytes.Index(line, cite)
	if k < 0 {
		return false
	}
	before := bytes.TrimSpace(line[:k])
	after := bytes.TrimSpace(line[k+len(cite):])
	return (len(before) == 0 || mastheadBefore.Match(before)) && (len(after) == 0 || headingAfter.Match(after) || isPageLine(after))
}

// aloneBefore reports whether only spaces stand between the start of the
// line and offset s.
// Page numbers may stand there too ("24-16433 2/56 A/79/PV.5"), and so may
// the form feed PDF text puts at a page break: the line after it is the top
// of a page, where a running head stands.
func aloneBefore(t []byte, s int) bool {
	for i := s - 1; i >= 0 && i >= s-64; i-- {
		c := t[i]
		switch {
		case c == '\n':
			return true
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c >= '0' && c <= '9' || c == '/' || c == '-' || c == '*' || c == '(' || c == ')' || c == '.' || c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return s < 64
}

// lineAround returns the line that holds [s, e), if it is short.
func lineAround(t []byte, s, e int) (int, int, bool) {
	ls := bytes.LastIndexByte(t[max(0, s-200):s], '\n')
	if ls < 0 {
		if s > 200 {
			return 0, 0, false
		}
		ls = 0
	} else {
		ls += max(0, s-200) + 1
	}
	le := bytes.IndexByte(t[e:min(len(t), e+200)], '\n')
	if le < 0 {
		if e+200 < len(t) {
			return 0, 0, false
		}
		le = len(t)
	} else {
		le += e
	}
	return ls, le, true
}

// standalone reports whether line holds nothing but the citation and page
// numbers.
// mayBePageLine is a quick test before the pageLine expression: page
// lines hold only digits, slashes, dashes, stars, brackets, dots, spaces
// and a few capitals (GE.19-11607(C)).
func mayBePageLine(b []byte) bool {
	digit := false
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case c == '/' || c == '-' || c == '*' || c == '(' || c == ')' || c == '.' || c == ' ' || c == '\t' || c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return digit
}

func isPageLine(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			// Full-width digits and exotic spaces are read as ASCII.
			b = []byte(normalize.FoldString(string(b)))
			break
		}
	}
	return mayBePageLine(b) && pageLine.Match(b)
}

func standalone(line, cite []byte) bool {
	k := bytes.Index(line, cite)
	if k < 0 {
		return false
	}
	before := bytes.TrimSpace(line[:k])
	after := bytes.TrimSpace(line[k+len(cite):])
	switch {
	case len(before) == 0 && len(after) == 0:
		return true
	case len(before) == 0:
		return isPageLine(after)
	case len(after) == 0:
		return isPageLine(before)
	}
	return false
}

// nearPageLine reports whether one of the three non-empty lines before or
// after line [ls, le) is a line of page numbers.
func nearPageLine(t []byte, ls, le int) bool {
	// After.
	p, n := le, 0
	for p < len(t) && n < 3 {
		q := bytes.IndexByte(t[p+1:min(len(t), p+1+400)], '\n')
		end := len(t)
		if q >= 0 {
			end = p + 1 + q
		} else if p+1+400 < len(t) {
			break
		}
		line := bytes.TrimSpace(t[min(p+1, end):end])
		if len(line) > 0 {
			if isPageLine(line) && !afterSlash(t, min(p+1, end)) {
				return true
			}
			n++
		}
		p = end
	}
	// Before.
	p, n = ls, 0
	for p > 0 && n < 3 {
		lo := max(0, p-1-400)
		q := bytes.LastIndexByte(t[lo:p-1], '\n')
		start := lo
		if q >= 0 {
			start = lo + q + 1
		} else if lo > 0 {
			break
		}
		line := bytes.TrimSpace(t[start : p-1])
		if len(line) > 0 {
			if isPageLine(line) && !afterSlash(t, start) {
				return true
			}
			n++
		}
		p = start
	}
	return false
}

// afterSlash reports whether the line that starts at t[ls] continues a
// symbol broken after its slash on the line before ("E/RES/2023/" then
// "15"): such a number is the end of a symbol, not a page number.
func afterSlash(t []byte, ls int) bool {
	p := ls
	for p > 0 && (t[p-1] == '\n' || t[p-1] == '\r' || t[p-1] == ' ' || t[p-1] == '\t') {
		p--
	}
	return p > 0 && t[p-1] == '/'
}

// mastheadEnd returns the offset after the first twelve non-empty lines
// that follow the front matter.
func mastheadEnd(t []byte, from int) int {
	n := 0
	p := from
	for p < len(t) && n < 12 {
		q := bytes.IndexByte(t[p:], '\n')
		if q < 0 {
			return len(t)
		}
		if len(bytes.TrimSpace(t[p:p+q])) > 0 {
			n++
		}
		p += q + 1
	}
	return p
}

// firstLine reports whether ls starts the first non-empty line after from.
func firstLine(t []byte, from, ls int) bool {
	return len(bytes.TrimSpace(t[from:ls])) == 0
}

// linesAfter reports whether at least n non-empty lines follow offset p.
func linesAfter(t []byte, p, n int) bool {
	k := 0
	for p < len(t) && k < n {
		q := bytes.IndexByte(t[p:], '\n')
		end := len(t)
		if q >= 0 {
			end = p + q
		}
		if len(bytes.TrimSpace(t[p:end])) > 0 {
			k++
		}
		if q < 0 {
			break
		}
		p = end + 1
	}
	return k >= n
}
