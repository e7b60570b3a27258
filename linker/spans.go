package linker

import "sort"

// spanSet answers whether a range overlaps any of a set of ranges in
// O(log n), for the checks done once per citation (is it inside a link's
// text?), which a scan of every link would make O(citations × links).
type spanSet struct {
	starts []int // sorted
	maxEnd []int // maxEnd[k]: the largest end among the spans of starts[:k+1]
}

func newSpanSet(spans [][2]int) *spanSet {
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	s := &spanSet{starts: make([]int, len(spans)), maxEnd: make([]int, len(spans))}
	end := 0
	for k, sp := range spans {
		s.starts[k] = sp[0]
		end = max(end, sp[1])
		s.maxEnd[k] = end
	}
	return s
}

// overlaps reports whether some span [a, b) has a < e and b > s.
func (s *spanSet) overlaps(start, end int) bool {
	k := sort.SearchInts(s.starts, end) // spans that start before end
	return k > 0 && s.maxEnd[k-1] > start
}

// anchorTexts are the texts of a document's HTML anchors.
func anchorTexts(doc *Document) *spanSet {
	var spans [][2]int
	for i := range doc.Links {
		l := &doc.Links[i]
		if l.Anchor && l.AnchorEnd > l.AnchorStart {
			spans = append(spans, [2]int{l.AnchorStart, l.AnchorEnd})
		}
	}
	return newSpanSet(spans)
}
