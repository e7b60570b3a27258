package linker

// Position returns the 1-based line and column, in characters, of a byte
// offset of d.Input: the same positions as those of citations, links and
// findings, for the end of a span that only has offsets. It is not safe
// for concurrent use with itself on one document.
func (d *Document) Position(off int) (line, col int) {
	if d.lines == nil || len(d.lines.text) != len(d.Input) {
		d.lines = newLineIndex(d.Input)
	}
	if off < 0 {
		off = 0
	}
	return d.lines.pos(off)
}
