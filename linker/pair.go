package linker

import (
	"bytes"
	"sort"
	"strings"
)

// citeIndex answers the positional questions of pairing in O(log n), so
// that pairing a document of n citations and m links costs O((n+m) log n)
// rather than O(n·m): a 50 MB transcript on one line holds half a million
// of each.
type citeIndex struct {
	doc *Document
	// inOrder: Start and End never decrease with the index, as the
	// extractor emits them. Then the first citation that ends after an
	// offset is found by binary search.
	inOrder bool
	// byEnd lists the citations by End; lastIdx[k] is the largest index
	// among byEnd[:k+1].
	byEnd   []int
	lastIdx []int
}

func newCiteIndex(doc *Document) *citeIndex {
	cs := doc.Citations
	x := &citeIndex{doc: doc, inOrder: true, byEnd: make([]int, len(cs)), lastIdx: make([]int, len(cs))}
	for i := range cs {
		x.byEnd[i] = i
		if i > 0 && (cs[i].Start < cs[i-1].Start || cs[i].End < cs[i-1].End) {
			x.inOrder = false
		}
	}
	if !x.inOrder {
		sort.SliceStable(x.byEnd, func(a, b int) bool { return cs[x.byEnd[a]].End < cs[x.byEnd[b]].End })
	}
	best := -1
	for k, ci := range x.byEnd {
		best = max(best, ci)
		x.lastIdx[k] = best
	}
	return x
}

// lastEndingBy returns the largest index of a citation that ends at or
// before off, or -1.
func (x *citeIndex) lastEndingBy(off int) int {
	cs := x.doc.Citations
	k := sort.Search(len(x.byEnd), func(k int) bool { return cs[x.byEnd[k]].End > off })
	if k == 0 {
		return -1
	}
	return x.lastIdx[k-1]
}

// overlapping calls f, in index order, for each citation that overlaps
// [s, e).
func (x *citeIndex) overlapping(s, e int, f func(ci int)) {
	cs := x.doc.Citations
	from := 0
	if x.inOrder {
		from = sort.Search(len(cs), func(i int) bool { return cs[i].End > s })
	}
	for ci := from; ci < len(cs); ci++ {
		c := &cs[ci]
		if x.inOrder && c.Start >= e {
			return
		}
		if c.End > s && c.Start < e {
			f(ci)
		}
	}
}

// pairAnchors pairs an anchor with the citations its text contains, the one
// naming the link's symbol first.
func pairAnchors(doc *Document, x *citeIndex) {
	for li := range doc.Links {
		l := &doc.Links[li]
		if !l.Anchor || !l.UN() || l.AnchorEnd <= l.AnchorStart {
			continue
		}
		best := -1
		x.overlapping(l.AnchorStart, l.AnchorEnd, func(ci int) {
			c := &doc.Citations[ci]
			if c.Link >= 0 {
				return
			}
			if best < 0 || sameDoc(c.Key, l.Symbol) && !sameDoc(doc.Citations[best].Key, l.Symbol) {
				best = ci
			}
		})
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
		k := x.lastEndingBy(l.AnchorStart)
		if k < 0 || doc.Citations[k].Link >= 0 {
			continue
		}
		if gap := stripTags(doc.Input[doc.Citations[k].End:l.AnchorStart]); shortGap(gap) && bytes.IndexByte(gap, '\n') < 0 {
			pair(doc, k, li)
		}
	}
}

// nearbyReach is how far before a link pairNearby looks for its citation.
const nearbyReach = 400

// pairNearby pairs a link written later in the same paragraph with the
// citation of the same symbol ("… resolution 1977 (2011) … (https://…/1977(2011))").
// It looks back from the link over the citations of the last nearbyReach
// bytes, and stops at a paragraph break.
func pairNearby(doc *Document, x *citeIndex) {
	for li := range doc.Links {
		l := &doc.Links[li]
		if l.Citation >= 0 || !l.UN() || l.Symbol == "" || (!l.Anchor && onOwnLine(doc.Input, l.Start, l.End)) {
			continue // footnote links are aligned, below
		}
		// The last paragraph break within reach: no citation before it
		// goes with the link.
		from := max(0, l.Start-nearbyReach)
		brk := bytes.LastIndex(doc.Input[from:l.Start], []byte("\n\n"))
		if brk >= 0 {
			brk += from
		}
		for ci := x.lastEndingBy(l.Start); ci >= 0; ci-- {
			c := &doc.Citations[ci]
			if c.End > l.Start {
				continue // out of order: only when citations overlap
			}
			if l.Start-c.End > nearbyReach || (brk >= 0 && c.End <= brk) {
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
// earliest single citation before it that names its symbol. Since each
// link takes the earliest, the citations of a symbol are taken in order,
// and a queue per symbol answers in O(1).
func pairGreedy(doc *Document, cs, ls []int) {
	inOrder := true
	queues := map[string][]int{}
	for n, ci := range cs {
		if n > 0 && doc.Citations[ci].Start < doc.Citations[cs[n-1]].Start {
			inOrder = false
		}
		if k := docKey(doc.Citations[ci].Key); k != "" {
			queues[k] = append(queues[k], ci)
		}
	}
	for _, li := range ls {
		l := &doc.Links[li]
		k := docKey(l.Symbol)
		q := queues[k]
		if k == "" || len(q) == 0 {
			continue
		}
		// The earliest citation of the symbol that ends before the link.
		// Those that end after it stay for later links.
		for i, ci := range q {
			c := &doc.Citations[ci]
			if c.End > l.Start {
				if inOrder && c.Start >= l.Start {
					break // none later ends before the link
				}
				continue
			}
			pair(doc, ci, li)
			if i == 0 {
				queues[k] = q[1:]
			} else {
				queues[k] = append(q[:i:i], q[i+1:]...)
			}
			break
		}
	}
}

// docKey folds a key so that keys name one document exactly when sameDoc
// says so.
func docKey(k string) string {
	if k == "" {
		return ""
	}
	if strings.HasPrefix(k, "S/RES/") {
		k = stripYear(k)
	}
	return strings.ToUpper(k)
}
