package linker

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"sort"
)

// spanMap maps offsets of a derived text (the text of an HTML page) back to
// the source it was made from. Between two recorded pieces the derived
// text is a byte-for-byte copy of the source.
type spanMap struct {
	pieces []piece
}

// piece records that derived bytes [out, out+outLen) stand for source bytes
// [in, in+inLen): a decoded entity, an inserted line break, a skipped tag.
type piece struct {
	out, in, outLen, inLen int
}

// builder makes a derived text and its spanMap.
type builder struct {
	out []byte
	m   spanMap
	in  int // source offset that the end of out corresponds to
}

// copy appends src[from:to] unchanged.
func (b *builder) copy(src []byte, from, to int) {
	if from != b.in {
		// Source bytes were skipped (a tag): record them as a removal.
		b.m.pieces = append(b.m.pieces, piece{out: len(b.out), in: b.in, inLen: from - b.in})
	}
	b.out = append(b.out, src[from:to]...)
	b.in = to
}

// replace appends repl for source bytes [from, to).
func (b *builder) replace(from, to int, repl string) {
	if from != b.in {
		b.m.pieces = append(b.m.pieces, piece{out: len(b.out), in: b.in, inLen: from - b.in})
	}
	b.m.pieces = append(b.m.pieces, piece{out: len(b.out), in: from, outLen: len(repl), inLen: to - from})
	b.out = append(b.out, repl...)
	b.in = to
}

// start maps a derived offset to the source offset where its byte begins.
func (m *spanMap) start(p int) int {
	k := sort.Search(len(m.pieces), func(k int) bool { return m.pieces[k].out > p }) - 1
	if k < 0 {
		return p
	}
	s := m.pieces[k]
	if p < s.out+s.outLen {
		return s.in
	}
	return s.in + s.inLen + (p - s.out - s.outLen)
}

// end maps an exclusive derived end offset to the exclusive source end.
func (m *spanMap) end(e int) int {
	if e == 0 {
		return m.start(0)
	}
	p := e - 1
	k := sort.Search(len(m.pieces), func(k int) bool { return m.pieces[k].out > p }) - 1
	if k < 0 {
		return e
	}
	s := m.pieces[k]
	if p < s.out+s.outLen {
		return s.in + s.inLen
	}
	return s.in + s.inLen + (p - s.out - s.outLen) + 1
}

// lineIndex gives 1-based lines and columns (in characters) of byte
// offsets.
type lineIndex struct {
	text  []byte
	nl    []int // offsets of every '\n'
	built bool
}

func newLineIndex(text []byte) *lineIndex {
	li := &lineIndex{text: text}
	for i := 0; ; {
		k := bytes.IndexByte(text[i:], '\n')
		if k < 0 {
			break
		}
		li.nl = append(li.nl, i+k)
		i += k + 1
	}
	return li
}

// pos returns the line and the column of offset off. The column counts
// characters from the start of the line, so a CJK character is one column.
// Bytes of invalid UTF-8 count one column each.
func (li *lineIndex) pos(off int) (line, col int) {
	k := sort.SearchInts(li.nl, off) // lines before off
	start := 0
	if k > 0 {
		start = li.nl[k-1] + 1
	}
	if off > len(li.text) {
		off = len(li.text)
	}
	return k + 1, runeCount(li.text[start:off]) + 1
}

// cursor computes positions for offsets that mostly increase, in time
// proportional to the distance moved, so that a 50 MB line with many
// citations costs no more than one pass over it.
type cursor struct {
	li             *lineIndex
	off, line, col int
	valid          bool
}

func (c *cursor) pos(off int) (int, int) {
	if !c.valid || off < c.off || bytes.IndexByte(c.li.text[c.off:min(off, len(c.li.text))], '\n') >= 0 {
		c.line, c.col = c.li.pos(off)
		c.off, c.valid = off, true
		return c.line, c.col
	}
	c.col += runeCount(c.li.text[c.off:min(off, len(c.li.text))])
	c.off = off
	return c.line, c.col
}

// runeCount counts the characters of valid UTF-8 text: every byte that is
// not a continuation byte (10xxxxxx) starts one. It reads eight bytes at a
// time; utf8.RuneCount, which also handles invalid input, is several times
// slower, and columns are counted over whole lines.
func runeCount(b []byte) int {
	cont := 0
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		cont += bits.OnesCount64(x & ^(x << 1) & 0x8080808080808080)
	}
	for ; i < len(b); i++ {
		if b[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(b) - cont
}
