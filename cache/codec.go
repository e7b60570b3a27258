package cache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// Edge values are the bulk of the store (one per citation edge, twice), so
// they use a compact binary encoding instead of JSON: a format byte, then
// uvarint counts and lengths. Records that are few (documents, links, hosts,
// runs) are JSON, which is easier to evolve.

// ErrCorrupt is returned when a stored value cannot be decoded.
var ErrCorrupt = errors.New("cache: corrupt value")

const (
	occFormat1 = 1 // occurrence list
	useFormat1 = 1 // link use list
	urlFormat1 = 1 // URL list
)

type encoder struct{ b []byte }

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int) {
	if v < 0 {
		v = 0 // offsets, lines and columns are never negative; clamp rather than wrap
	}
	e.uvarint(uint64(v))
}
func (e *encoder) str(s string) { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }

// decoder reads from a string, so that decoding a value costs one
// allocation (the string) however many strings it holds: they share it.
type decoder struct {
	b   string
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	for i := 0; i < len(d.b) && i < binary.MaxVarintLen64; i++ {
		c := d.b[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				break // overflow
			}
			d.b = d.b[i+1:]
			return v | uint64(c)<<(7*i)
		}
		v |= uint64(c&0x7f) << (7 * i)
	}
	d.err = fmt.Errorf("%w: bad varint", ErrCorrupt)
	return 0
}

func (d *decoder) int() int {
	v := d.uvarint()
	if v > 1<<53 {
		d.err = fmt.Errorf("%w: integer out of range", ErrCorrupt)
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)) {
		d.err = fmt.Errorf("%w: string length %d beyond value", ErrCorrupt, n)
		return ""
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

// encodeOccurrences writes occs; End is stored as a length after Start
// because it is small.
func encodeOccurrences(dst []byte, occs []Occurrence) []byte {
	e := encoder{b: dst}
	e.b = append(e.b, occFormat1)
	e.int(len(occs))
	for _, o := range occs {
		e.str(o.Language)
		e.str(o.Kind)
		e.int(o.Start)
		e.int(o.End - o.Start)
		e.int(o.Line)
		e.int(o.Column)
		e.str(o.Snippet)
		e.str(o.URL)
	}
	return e.b
}

func decodeOccurrences(b []byte) ([]Occurrence, error) {
	return appendOccurrences(nil, b)
}

// appendOccurrences decodes b and appends its occurrences to dst.
func appendOccurrences(dst []Occurrence, b []byte) ([]Occurrence, error) {
	if len(b) == 0 || b[0] != occFormat1 {
		return dst, fmt.Errorf("%w: occurrence list format", ErrCorrupt)
	}
	d := decoder{b: string(b[1:])}
	n := d.int()
	if n > len(d.b) { // each occurrence takes at least one byte
		return dst, fmt.Errorf("%w: occurrence count %d", ErrCorrupt, n)
	}
	dst = slices.Grow(dst, n)
	for i := 0; i < n && d.err == nil; i++ {
		var o Occurrence
		o.Language = d.str()
		o.Kind = d.str()
		o.Start = d.int()
		o.End = o.Start + d.int()
		o.Line = d.int()
		o.Column = d.int()
		o.Snippet = d.str()
		o.URL = d.str()
		dst = append(dst, o)
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(d.b))
	}
	return dst, d.err
}

// use is one stored link use; the document and language are in the key.
type use struct {
	Line, Column int
	Symbol       string
}

func encodeUses(dst []byte, uses []use) []byte {
	e := encoder{b: dst}
	e.b = append(e.b, useFormat1)
	e.int(len(uses))
	for _, u := range uses {
		e.int(u.Line)
		e.int(u.Column)
		e.str(u.Symbol)
	}
	return e.b
}

func decodeUses(b []byte) ([]use, error) {
	if len(b) == 0 || b[0] != useFormat1 {
		return nil, fmt.Errorf("%w: link use format", ErrCorrupt)
	}
	d := decoder{b: string(b[1:])}
	n := d.int()
	if n > len(d.b) {
		return nil, fmt.Errorf("%w: link use count %d", ErrCorrupt, n)
	}
	uses := make([]use, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		uses = append(uses, use{Line: d.int(), Column: d.int(), Symbol: d.str()})
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(d.b))
	}
	return uses, d.err
}

func encodeStrings(dst []byte, ss []string) []byte {
	e := encoder{b: dst}
	e.b = append(e.b, urlFormat1)
	e.int(len(ss))
	for _, s := range ss {
		e.str(s)
	}
	return e.b
}

func decodeStrings(b []byte) ([]string, error) {
	if len(b) == 0 || b[0] != urlFormat1 {
		return nil, fmt.Errorf("%w: string list format", ErrCorrupt)
	}
	d := decoder{b: string(b[1:])}
	n := d.int()
	if n > len(d.b) {
		return nil, fmt.Errorf("%w: string count %d", ErrCorrupt, n)
	}
	ss := make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		ss = append(ss, d.str())
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(d.b))
	}
	return ss, d.err
}
