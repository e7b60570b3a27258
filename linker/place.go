// Where a citation stands in its document: paragraph and relative
// position, for the alignment of versions.

package linker

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// placeCitations gives each citation of a document its paragraph and its
// relative position in the text, and counts the paragraphs.
//
// Positions count the characters of prose: lines of links (the footnote
// links of a PDF export), of page furniture and blank lines do not count,
// so that versions whose page layouts differ still line up. In HTML, what
// is inside tags does not count, and a paragraph starts at each block
// element.
func placeCitations(d *Document) ([]cmpItem, int) {
	items := make([]cmpItem, len(d.Citations))
	var paraAt, runesAt []int32 // per citation
	var total, nparas int
	if d.Format == "html" {
		paraAt, runesAt, total, nparas = placeHTML(d)
	} else {
		paraAt, runesAt, total, nparas = placeText(d)
	}
	for i, c := range d.Citations {
		items[i].key = c.Key
		items[i].para = paraAt[i]
		if total > 0 {
			items[i].pos = float64(runesAt[i]) / float64(total)
		}
	}
	return items, nparas
}

type lineClass uint8

const (
	lineBlank lineClass = iota
	lineProse
	lineLink
	lineFurniture
)

// placeText places citations in plain text (PDF exports included).
//
// A paragraph starts after a blank line, unless a page break (a line of
// links or of furniture) came within a sentence. In text exported from PDF
// with a blank line after every line of text, blank lines say nothing, and
// a paragraph starts where a line is indented (the first line of each
// paragraph, as in the PDF).
func placeText(d *Document) (paraAt, runesAt []int32, total, nparas int) {
	t := d.Input
	// First pass: the class of each line, and whether it is indented.
	const indentBit = 0x80
	classes := make([]uint8, 0, bytes.Count(t, []byte{'\n'})+1)
	eachLine(t, func(s, e int) {
		c := uint8(classifyLine(t[s:e], d))
		if indented(t[s:e]) {
			c |= indentBit
		}
		classes = append(classes, c)
	})
	// Double spacing: most lines of prose are followed by a blank line and
	// then more prose, and some lines are indented, others not (without
	// indents, each line is taken for a paragraph).
	class := func(k int) lineClass {
		if k >= len(classes) {
			return lineBlank
		}
		return lineClass(classes[k] &^ indentBit)
	}
	spaced, direct, prose, indents := 0, 0, 0, 0
	for k, c := range classes {
		if class(k) != lineProse {
			continue
		}
		prose++
		if c&indentBit != 0 {
			indents++
		}
		switch {
		case class(k+1) == lineProse:
			direct++
		case k+2 < len(classes) && class(k+1) == lineBlank && class(k+2) == lineProse:
			spaced++
		}
	}
	double := spaced > direct && indents > 0 && indents < prose

	// Second pass: paragraphs and positions.
	paraAt = make([]int32, len(d.Citations))
	runesAt = make([]int32, len(d.Citations))
	// Since the last line of prose: a blank line, a line of links or
	// furniture.
	para, blank, page := -1, false, false
	lastS, lastE := 0, 0 // the last line of prose
	ci, k := 0, 0
	eachLine(t, func(s, e int) {
		c := class(k)
		indent := classes[k]&indentBit != 0
		k++
		switch c {
		case lineBlank:
			blank = true
		case lineLink, lineFurniture:
			page = true
		case lineProse:
			var brk bool
			switch {
			case para < 0:
				brk = true
			case double:
				brk = indent
			default:
				// A page break (furniture, footnote links) within a
				// sentence does not end its paragraph.
				brk = blank && (!page || endsSentence(t[lastS:lastE]))
			}
			if brk {
				para++
			}
			blank, page, lastS, lastE = false, false, s, e
		}
		// Runes are counted on from the citation before on the same line:
		// counting from the start of the line for each would make a long
		// line quadratic.
		at, runes := s, 0
		for ; ci < len(d.Citations) && d.Citations[ci].Start <= e; ci++ {
			paraAt[ci] = int32(max(para, 0))
			runesAt[ci] = int32(total)
			if st := d.Citations[ci].Start; c == lineProse && st > s {
				if st > at {
					runes += runeCount(t[at:st])
					at = st
				}
				runesAt[ci] += int32(runes)
			}
		}
		if c == lineProse {
			total += runeCount(t[s:e])
		}
	})
	for ; ci < len(d.Citations); ci++ {
		paraAt[ci], runesAt[ci] = int32(max(para, 0)), int32(total)
	}
	return paraAt, runesAt, total, para + 1
}

// eachLine calls f with the bounds of each line of t, without its '\n'.
func eachLine(t []byte, f func(s, e int)) {
	for s := 0; s < len(t); {
		e := bytes.IndexByte(t[s:], '\n')
		if e < 0 {
			e = len(t)
		} else {
			e += s
		}
		f(s, e)
		s = e + 1
	}
}

// endsSentence reports whether a line ends with the end of a sentence.
func endsSentence(l []byte) bool {
	for {
		r, n := utf8.DecodeLastRune(l)
		switch r {
		case ' ', '\t', '\r', '\u3000':
			l = l[:len(l)-n]
			continue
		}
		return strings.ContainsRune(".。:：?？!！\"”»", r)
	}
}

// indented reports whether a line starts with a space, a tab or an
// ideographic space.
func indented(l []byte) bool {
	return len(l) > 0 && (l[0] == ' ' || l[0] == '\t') || bytes.HasPrefix(l, []byte("\u3000"))
}

// classifyLine tells prose from links, page furniture and blank lines.
func classifyLine(l []byte, d *Document) lineClass {
	tl := bytes.TrimSpace(l)
	if len(tl) == 0 {
		return lineBlank
	}
	if bytes.IndexByte(tl, ' ') < 0 && (bytes.HasPrefix(tl, []byte("http://")) || bytes.HasPrefix(tl, []byte("https://")) || bytes.HasPrefix(tl, []byte("www."))) {
		return lineLink
	}
	if isPageLine(tl) {
		return lineFurniture
	}
	if d.Self != "" && (standalone(tl, []byte(d.Self)) || d.SelfDisplay != "" && standalone(tl, []byte(d.SelfDisplay))) {
		return lineFurniture
	}
	return lineProse
}

// paraTags start a paragraph of an HTML page (fewer than blockTags:
// wrappers such as div and section hold paragraphs).
var paraTags = map[string]bool{"p": true, "div": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "tr": true, "br": true, "blockquote": true, "pre": true, "dd": true, "dt": true, "td": true}

// placeHTML places citations in an HTML page: characters outside tags
// count, and block elements start paragraphs.
func placeHTML(d *Document) (paraAt, runesAt []int32, total, nparas int) {
	t := d.Input
	paraAt = make([]int32, len(d.Citations))
	runesAt = make([]int32, len(d.Citations))
	para, ci := 0, 0 // para counts the block elements started so far
	for i := 0; i < len(t); {
		for ; ci < len(d.Citations) && d.Citations[ci].Start <= i; ci++ {
			paraAt[ci], runesAt[ci] = int32(para), int32(total)
		}
		if t[i] != '<' {
			_, n := utf8.DecodeRune(t[i:])
			total++
			i += n
			continue
		}
		e := bytes.IndexByte(t[i:], '>')
		if e < 0 {
			break
		}
		name := t[i+1 : i+e]
		if k := bytes.IndexAny(name, " \t\r\n/"); k > 0 {
			name = name[:k]
		}
		if paraTags[strings.ToLower(string(name))] {
			para++
		}
		i += e + 1
	}
	for ; ci < len(d.Citations); ci++ {
		paraAt[ci], runesAt[ci] = int32(para), int32(total)
	}
	return paraAt, runesAt, total, para + 1
}
