package linker

import (
	"bytes"
)

// The pairing of crossref.go as first written, scanning every citation for
// every link: O(n·m), kept as the reference the indexed pairing of pair.go
// must agree with.

// pairAnchors pairs an anchor with the citations its text contains, the one
// naming the link's symbol first.
func naivePairAnchors(doc *Document) {
	for li := range doc.Links {
		l := &doc.Links[li]
		if !l.Anchor || !l.UN() || l.AnchorEnd <= l.AnchorStart {
			continue
		}
		best := -1
		for ci := range doc.Citations {
			c := &doc.Citations[ci]
			if c.Link >= 0 || c.End <= l.AnchorStart || c.Start >= l.AnchorEnd {
				continue
			}
			if best < 0 || sameDoc(c.Key, l.Symbol) && !sameDoc(doc.Citations[best].Key, l.Symbol) {
				best = ci
			}
		}
		if best >= 0 {
			pair(doc, best, li)
		}
	}
	// An anchor right after a citation ("A/C.1/80/L.41 <a>[link]</a>").
	for li := range doc.Links {
		l := &doc.Links[li]
		if !l.Anchor || !l.UN() || l.Citation >= 0 || l.AnchorEnd <= l.AnchorStart {
			continue
		}
		k := -1
		for ci := range doc.Citations {
			if doc.Citations[ci].End <= l.AnchorStart {
				k = ci
			}
		}
		if k < 0 || doc.Citations[k].Link >= 0 {
			continue
		}
		if gap := stripTags(doc.Input[doc.Citations[k].End:l.AnchorStart]); shortGap(gap) && bytes.IndexByte(gap, '\n') < 0 {
			pair(doc, k, li)
		}
	}
}

// pairNearby pairs a link written later in the same paragraph with the
// citation of the same symbol ("… resolution 1977 (2011) … (https://…/1977(2011))").
func naivePairNearby(doc *Document) {
	for li := range doc.Links {
		l := &doc.Links[li]
		if l.Citation >= 0 || !l.UN() || l.Symbol == "" || (!l.Anchor && onOwnLine(doc.Input, l.Start, l.End)) {
			continue // footnote links are aligned, below
		}
		for ci := len(doc.Citations) - 1; ci >= 0; ci-- {
			c := &doc.Citations[ci]
			if c.End > l.Start {
				continue
			}
			if l.Start-c.End > 400 || bytes.Contains(doc.Input[c.End:l.Start], []byte("\n\n")) {
				break
			}
			if c.Link < 0 && sameDoc(c.Key, l.Symbol) {
				pair(doc, ci, li)
				break
			}
		}
	}
}

// pairGreedy is the fallback for very long documents: each link takes the
// earliest single citation before it that names its symbol.
func naivePairGreedy(doc *Document, cs, ls []int) {
	used := map[int]bool{}
	for _, li := range ls {
		l := &doc.Links[li]
		for _, ci := range cs {
			c := &doc.Citations[ci]
			if used[ci] || c.End > l.Start {
				continue
			}
			if sameDoc(c.Key, l.Symbol) {
				pair(doc, ci, li)
				used[ci] = true
				break
			}
		}
	}
}
