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
var pageLine = regexp.MustCompile(`^(?:\d{1,4}/\d{1,4}|\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{7,8}\*|\d{1,3}|\d{6})(?:\s+(?:\d{1,4}/\d{1,4}|\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{7,8}\*|\d{6}))*$`)

// furniture decides which citations are page furniture.
type furniture struct {
	dropped   int
	droppedAt []int // starts of the dropped citations
}

// filter removes the citations that are page furniture and returns the
// document's own symbol (self, if already known, or the first symbol found
// in its furniture or masthead). frontEnd is the end of a front-matter
// block, whose citations are all metadata.
func (f *furniture) filter(t []byte, cites []normalize.Citation, self string, frontEnd int) ([]normalize.Citation, string) {
	f.dropped = 0
	f.droppedAt = f.droppedAt[:0]
	out := cites[:0:0]
	masthead := mastheadEnd(t, frontEnd)
	for _, c := range cites {
		if c.Start < frontEnd {
			f.dropped++
			f.droppedAt = append(f.droppedAt, c.Start)
			continue
		}
		ls, le, ok := lineAround(t, c.Start, c.End)
		if !ok || !standalone(t[ls:le], t[c.Start:c.End]) {
			out = append(out, c)
			continue
		}
		switch {
		case self != "" && c.Key == self && c.Form == normalize.FormSymbol:
			f.dropped++
			f.droppedAt = append(f.droppedAt, c.Start)
			continue
		case c.Form == normalize.FormSymbol && nearPageLine(t, ls, le):
		case c.Start < masthead && (c.Form == normalize.FormSymbol || firstLine(t, frontEnd, ls)) && linesAfter(t, le, 5):
		default:
			out = append(out, c)
			continue
		}
		f.dropped++
		f.droppedAt = append(f.droppedAt, c.Start)
		if self == "" {
			self = c.Key
		}
	}
	return out, self
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
func standalone(line, cite []byte) bool {
	k := bytes.Index(line, cite)
	if k < 0 {
		return false
	}
	rest := append(append([]byte{}, line[:k]...), ' ')
	rest = append(rest, line[k+len(cite):]...)
	rest = bytes.TrimSpace(rest)
	return len(rest) == 0 || pageLine.Match(rest)
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
			if pageLine.Match(line) {
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
			if pageLine.Match(line) {
				return true
			}
			n++
		}
		p = start
	}
	return false
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
