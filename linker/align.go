// Alignment of the citations of several versions: rows built version by
// version, anchored by key and refined by dynamic programs.

package linker

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// cmpItem is a citation of one version, placed in its document.
type cmpItem struct {
	key  string
	para int32   // 0-based paragraph
	pos  float64 // relative position in the text, 0 to 1
}

// cmpRow is a row being built: the citation of each version aligned so far.
type cmpRow struct {
	at   []int32  // per version, the index of its citation or -1
	keys []string // the distinct symbols of the members
	pos  float64  // mean position of the members
	n    int
}

// newRow starts a row with citation i of version v.
func newRow(nv, v, i int, it *cmpItem) *cmpRow {
	r := &cmpRow{at: make([]int32, nv), keys: []string{it.key}, pos: it.pos, n: 1}
	for k := range r.at {
		r.at[k] = -1
	}
	r.at[v] = int32(i)
	return r
}

func (r *cmpRow) has(key string) bool {
	for _, k := range r.keys {
		if k == key {
			return true
		}
	}
	return false
}

func (r *cmpRow) add(v, i int, it *cmpItem) {
	r.at[v] = int32(i)
	if !r.has(it.key) {
		r.keys = append(r.keys, it.key)
	}
	r.pos = (r.pos*float64(r.n) + it.pos) / float64(r.n+1)
	r.n++
}

// Limits of the dynamic programs: beyond them the alignment of a stretch
// falls back on a greedy walk (a pathological input, such as thousands of
// citations of one symbol and nothing else).
const (
	smallDP    = 4096    // cells below which a stretch skips the anchor search
	maxKeyDP   = 1 << 20 // cells of the alignment by symbol
	maxRestDP  = 1 << 16 // cells of the alignment of the leftovers
	greedySpan = 256     // rows the greedy walk looks ahead
	// posTolerance is how far apart (as a fraction of the text) two
	// citations of different symbols may stand and still be paired; three
	// times as far in the same paragraph.
	posTolerance = 0.1
	// movedTolerance is how far apart two citations of the same symbol,
	// out of order, may stand and still be paired, when they are not in the
	// same paragraph.
	movedTolerance = 0.02
)

type alignPair struct{ a, b int }

// aligner aligns the citations of one version against the rows.
type aligner struct {
	all   [][]cmpItem
	paras []int
	rows  []*cmpRow
	items []cmpItem
	v     int
	pairs []alignPair
	cells []dpCell
	dirs  []uint8
	score []float64
}

// alignVersion aligns version v against the rows and returns the new rows:
// the old ones, with v's citations added, and v's unpaired citations
// inserted in order.
func (al *aligner) alignVersion(rows []*cmpRow, v int) []*cmpRow {
	al.rows, al.items, al.v = rows, al.all[v], v
	al.pairs = al.pairs[:0]
	al.byKey(0, len(rows), 0, len(al.items))
	keyPairs := slices.Clone(al.pairs)

	// The leftovers between two pairs, by order and position.
	var all []alignPair
	pa, pb := 0, 0
	for k := 0; k <= len(keyPairs); k++ {
		ea, eb := len(rows), len(al.items)
		if k < len(keyPairs) {
			ea, eb = keyPairs[k].a, keyPairs[k].b
		}
		all = append(all, al.leftovers(pa, ea, pb, eb)...)
		if k < len(keyPairs) {
			all = append(all, keyPairs[k])
			pa, pb = ea+1, eb+1
		}
	}

	moved := al.moved(all)

	out := make([]*cmpRow, 0, len(rows)+len(al.items)-len(all))
	i, j := 0, 0
	for k := 0; k <= len(all); k++ {
		ea, eb := len(rows), len(al.items)
		if k < len(all) {
			ea, eb = all[k].a, all[k].b
		}
		// Unpaired rows and citations, merged by position.
		for i < ea || j < eb {
			if j >= eb || i < ea && rows[i].pos <= al.items[j].pos {
				if b, ok := moved.rows[i]; ok {
					rows[i].add(v, b, &al.items[b])
				}
				out = append(out, rows[i])
				i++
			} else {
				if !moved.items[j] {
					out = append(out, newRow(len(al.all), v, j, &al.items[j]))
				}
				j++
			}
		}
		if k < len(all) {
			rows[ea].add(v, eb, &al.items[eb])
			out = append(out, rows[ea])
			i, j = ea+1, eb+1
		}
	}
	return out
}

// movedPairs are citations paired out of order.
type movedPairs struct {
	rows  map[int]int // row -> citation
	items map[int]bool
}

// moved pairs the rows and citations that stay unpaired, of the same symbol
// and in the same paragraph (or very close), out of order: languages order
// the items of an enumeration differently ("resolutions 73/27 and 73/266",
// "第 73/266 号和第 73/27 号决议"), and that is no disagreement. A citation
// moved further stays missing in both places.
func (al *aligner) moved(paired []alignPair) movedPairs {
	var m movedPairs
	if len(paired) == len(al.rows) || len(paired) == len(al.items) {
		return m
	}
	isPaired := make([]bool, len(al.rows))
	itemPaired := make([]bool, len(al.items))
	for _, p := range paired {
		isPaired[p.a], itemPaired[p.b] = true, true
	}
	byKey := map[string][]int{}
	for i, r := range al.rows {
		if !isPaired[i] {
			for _, k := range r.keys {
				byKey[k] = append(byKey[k], i)
			}
		}
	}
	for j := range al.items {
		it := &al.items[j]
		if itemPaired[j] {
			continue
		}
		best, bestD := -1, 2.0
		for _, i := range byKey[it.key] {
			if _, used := m.rows[i]; used {
				continue
			}
			ok, d := al.near(al.rows[i], it, movedTolerance)
			if ok = ok || al.samePara(al.rows[i], it); ok && d < bestD {
				best, bestD = i, d
			}
		}
		if best >= 0 {
			if m.rows == nil {
				m.rows, m.items = map[int]int{}, map[int]bool{}
			}
			m.rows[best], m.items[j] = j, true
		}
	}
	return m
}

// near reports whether a row and a citation stand close enough to be the
// same citation: within tolerance of the text, or three times that in the
// same paragraph; and how far apart they are.
func (al *aligner) near(r *cmpRow, it *cmpItem, tolerance float64) (bool, float64) {
	d := abs(r.pos - it.pos)
	switch {
	case d <= tolerance:
		return true, d
	case d <= 3*tolerance:
		return al.samePara(r, it), d
	}
	return false, d
}

// samePara reports whether the citation stands in the paragraph of a member
// of the row, in versions with as many paragraphs.
func (al *aligner) samePara(r *cmpRow, it *cmpItem) bool {
	for v, i := range r.at {
		if i >= 0 && al.paras[v] == al.paras[al.v] && al.all[v][i].para == it.para {
			return true
		}
	}
	return false
}

// byKey appends to al.pairs a longest common subsequence of the symbols of
// rows [a0, a1) and citations [b0, b1), in order.
func (al *aligner) byKey(a0, a1, b0, b1 int) {
	n, m := a1-a0, b1-b0
	if n <= 0 || m <= 0 {
		return
	}
	if n*m <= smallDP {
		al.keyDP(a0, a1, b0, b1)
		return
	}
	anchors := al.anchors(a0, a1, b0, b1)
	if len(anchors) == 0 {
		if n*m <= maxKeyDP {
			al.keyDP(a0, a1, b0, b1)
		} else {
			al.keyGreedy(a0, a1, b0, b1)
		}
		return
	}
	pa, pb := a0, b0
	for _, p := range anchors {
		al.byKey(pa, p.a, pb, p.b)
		al.pairs = append(al.pairs, p)
		pa, pb = p.a+1, p.b+1
	}
	al.byKey(pa, a1, pb, b1)
}

// anchors pairs the symbols that occur once among the rows and once among
// the citations of a stretch, keeping the longest set of such pairs that
// are in the same order on both sides.
func (al *aligner) anchors(a0, a1, b0, b1 int) []alignPair {
	type count struct{ na, nb, a, b int32 }
	seen := make(map[string]count, a1-a0)
	for i := a0; i < a1; i++ {
		for _, k := range al.rows[i].keys {
			c := seen[k]
			c.na++
			c.a = int32(i)
			seen[k] = c
		}
	}
	for j := b0; j < b1; j++ {
		k := al.items[j].key
		if c, ok := seen[k]; ok {
			c.nb++
			c.b = int32(j)
			seen[k] = c
		}
	}
	var cand []alignPair
	for _, c := range seen {
		if c.na == 1 && c.nb == 1 {
			cand = append(cand, alignPair{int(c.a), int(c.b)})
		}
	}
	if len(cand) == 0 {
		return nil
	}
	// Longest increasing subsequence of b, with a increasing too: sorting b
	// downwards within one row keeps two symbols of a row from both being
	// taken.
	slices.SortFunc(cand, func(x, y alignPair) int {
		if x.a != y.a {
			return cmp.Compare(x.a, y.a)
		}
		return cmp.Compare(y.b, x.b)
	})
	tails := []int{}               // index in cand of the smallest tail of each length
	prev := make([]int, len(cand)) // predecessor in the subsequence
	for k, p := range cand {
		l := sort.Search(len(tails), func(t int) bool { return cand[tails[t]].b >= p.b })
		prev[k] = -1
		if l > 0 {
			prev[k] = tails[l-1]
		}
		if l == len(tails) {
			tails = append(tails, k)
		} else {
			tails[l] = k
		}
	}
	out := make([]alignPair, len(tails))
	for k, t := len(tails)-1, tails[len(tails)-1]; k >= 0; k, t = k-1, prev[t] {
		out[k] = cand[t]
	}
	return out
}

// dpCell is the best alignment of two prefixes: most pairs, then the least
// distance between paired citations.
type dpCell struct {
	n    int
	cost float64
}

func (x dpCell) better(y dpCell) bool { return x.n > y.n || x.n == y.n && x.cost < y.cost }

const (
	dirUp   = 1 // skip a row
	dirLeft = 2 // skip a citation
	dirDiag = 3 // pair them
)

// keyDP aligns a stretch by symbol with a dynamic program: the longest
// common subsequence, and among those the one whose pairs stand closest.
func (al *aligner) keyDP(a0, a1, b0, b1 int) {
	n, m := a1-a0, b1-b0
	w := m + 1
	al.dirs = grow(al.dirs, (n+1)*w)
	if cap(al.cells) < 2*w {
		al.cells = make([]dpCell, 2*w)
	}
	prev, cur := al.cells[:w], al.cells[w:2*w]
	clear(prev)
	for i := 1; i <= n; i++ {
		r := al.rows[a0+i-1]
		cur[0] = dpCell{}
		al.dirs[i*w] = dirUp
		for j := 1; j <= m; j++ {
			best, dir := prev[j], uint8(dirUp)
			if cur[j-1].better(best) {
				best, dir = cur[j-1], dirLeft
			}
			it := &al.items[b0+j-1]
			if r.has(it.key) {
				d := prev[j-1]
				d.n++
				d.cost += abs(r.pos - it.pos)
				if d.better(best) || d == best {
					best, dir = d, dirDiag
				}
			}
			cur[j] = best
			al.dirs[i*w+j] = dir
		}
		prev, cur = cur, prev
	}
	start := len(al.pairs)
	for i, j := n, m; i > 0 && j > 0; {
		switch al.dirs[i*w+j] {
		case dirDiag:
			al.pairs = append(al.pairs, alignPair{a0 + i - 1, b0 + j - 1})
			i, j = i-1, j-1
		case dirUp:
			i--
		default:
			j--
		}
	}
	slices.Reverse(al.pairs[start:])
}

// keyGreedy pairs each citation with the row, a little way ahead, that has
// its symbol and stands closest, when the stretch is too large for keyDP.
func (al *aligner) keyGreedy(a0, a1, b0, b1 int) {
	i := a0
	for j := b0; j < b1 && i < a1; j++ {
		it := &al.items[j]
		best, bestD := -1, 0.0
		for k := i; k < a1 && k < i+greedySpan; k++ {
			if !al.rows[k].has(it.key) {
				continue
			}
			d := abs(al.rows[k].pos - it.pos)
			if best >= 0 && d >= bestD {
				break // rows stand further and further on
			}
			best, bestD = k, d
		}
		if best >= 0 {
			al.pairs = append(al.pairs, alignPair{best, j})
			i = best + 1
		}
	}
}

// leftovers pairs the rows [a0, a1) that lack the version with its
// citations [b0, b1) standing between the same two aligned citations, by
// order and position, preferring the same paragraph and a similar symbol.
func (al *aligner) leftovers(a0, a1, b0, b1 int) []alignPair {
	n, m := a1-a0, b1-b0
	if n <= 0 || m <= 0 {
		return nil
	}
	if n*m > maxRestDP {
		// A long stretch with nothing in common: walk both in order.
		var out []alignPair
		for i, j := a0, b0; i < a1 && j < b1; {
			switch {
			case al.sim(al.rows[i], &al.items[j]) > 0:
				out = append(out, alignPair{i, j})
				i, j = i+1, j+1
			case al.rows[i].pos <= al.items[j].pos:
				i++
			default:
				j++
			}
		}
		return out
	}
	w := m + 1
	al.score = growF(al.score, (n+1)*w)
	al.dirs = grow(al.dirs, (n+1)*w)
	for j := 0; j <= m; j++ {
		al.score[j] = 0
	}
	for i := 1; i <= n; i++ {
		r := al.rows[a0+i-1]
		al.score[i*w] = 0
		for j := 1; j <= m; j++ {
			best, dir := al.score[(i-1)*w+j], uint8(dirUp)
			if s := al.score[i*w+j-1]; s > best {
				best, dir = s, dirLeft
			}
			if s := al.sim(r, &al.items[b0+j-1]); s > 0 && al.score[(i-1)*w+j-1]+s > best {
				best, dir = al.score[(i-1)*w+j-1]+s, dirDiag
			}
			al.score[i*w+j] = best
			al.dirs[i*w+j] = dir
		}
	}
	var out []alignPair
	for i, j := n, m; i > 0 && j > 0; {
		switch al.dirs[i*w+j] {
		case dirDiag:
			out = append(out, alignPair{a0 + i - 1, b0 + j - 1})
			i, j = i-1, j-1
		case dirUp:
			i--
		default:
			j--
		}
	}
	slices.Reverse(out)
	return out
}

// sim scores how likely a row and a citation of another symbol are the same
// citation rendered differently: 0 when they stand too far apart, more when
// they share a paragraph, stand close, or cite similar symbols.
func (al *aligner) sim(r *cmpRow, it *cmpItem) float64 {
	ok, d := al.near(r, it, posTolerance)
	if !ok {
		return 0
	}
	s := 1 - d
	if al.samePara(r, it) {
		s++
	}
	best := 0.0
	for _, k := range r.keys {
		best = max(best, keySimilarity(k, it.key))
	}
	return s + best
}

// keySimilarity is 1 for symbols one or two characters apart in the same
// series (73/266 and 73/226), 0.5 for the same series, 0 otherwise.
func keySimilarity(a, b string) float64 {
	sa, sb := series(a), series(b)
	if sa != sb {
		return 0
	}
	if editDistance(a, b, 3) <= 2 {
		return 1
	}
	return 0.5
}

// series is the symbol up to its last slash: "A/RES/73/" of A/RES/73/266.
func series(key string) string {
	if k := strings.IndexAny(key, "0123456789"); k >= 0 {
		return key[:k]
	}
	return key
}

// editDistance is the Levenshtein distance of a and b, or limit when it is
// at least limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
			low = min(low, cur[j])
		}
		if low >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func grow(b []uint8, n int) []uint8 {
	if cap(b) < n {
		return make([]uint8, n)
	}
	return b[:n]
}

func growF(b []float64, n int) []float64 {
	if cap(b) < n {
		return make([]float64, n)
	}
	return b[:n]
}
