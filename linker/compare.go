package linker

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xref-un/xref/normalize"
)

// Comparison is the alignment of the citations of several language versions
// of one record. Every UN record is issued in six languages, and every
// version cites the same documents by the same symbols: a citation that one
// version lacks, or renders with another number, stands out.
type Comparison struct {
	Versions []Version `json:"versions"`
	// Self is the record's own symbol when the versions that name one all
	// name the same; IdentityDiffers says that two of them name different
	// records, so that the files may not be versions of one record.
	Self            string  `json:"self"`
	IdentityDiffers bool    `json:"identity_differs"`
	Summary         Summary `json:"summary"`
	// Rows are all the aligned citations, in the order of the first version
	// (with what it lacks inserted where the others have it).
	Rows []Row `json:"-"`
	// Differences are the rows that are not RowAgree, in the same order.
	Differences []Row `json:"differences"`
}

// Version describes one of the compared documents.
type Version struct {
	File         string `json:"file"`
	Lang         string `json:"lang"`
	LangDetected bool   `json:"lang_detected"`
	Self         string `json:"self"`
	Citations    int    `json:"citations"`
	// Furniture counts the citations Parse dropped as page furniture
	// (running heads); they are not compared, since each language version
	// has its own page layout.
	Furniture  int `json:"furniture"`
	Paragraphs int `json:"paragraphs"`
}

// Summary counts the rows of a comparison by kind.
type Summary struct {
	Rows    int `json:"rows"`
	Agree   int `json:"agree"`
	Missing int `json:"missing"`
	Differs int `json:"differs"`
	Detail  int `json:"detail"`
}

// RowKind says whether the versions agree on an aligned citation.
type RowKind string

// Row kinds.
const (
	// RowAgree: every version cites the same symbol.
	RowAgree RowKind = "agree"
	// RowMissing: some versions cite the symbol, the others nothing there.
	RowMissing RowKind = "missing"
	// RowDiffers: the versions cite different symbols at the same place
	// (a changed number, another document).
	RowDiffers RowKind = "differs"
	// RowDetail: the versions cite the same symbol but different parts
	// ("31/6 A", "31/6 B") or paragraphs of it. A version that names no
	// part or paragraph does not disagree: languages differ in what they
	// spell out.
	RowDetail RowKind = "detail"
)

// Row is one citation aligned across the versions.
type Row struct {
	Kind RowKind `json:"kind"`
	// Key is the symbol most versions cite, the earliest version's on a
	// tie; Keys are all the symbols cited, Key first.
	Key  string   `json:"symbol"`
	Keys []string `json:"symbols"`
	// Sides has one entry per version, in the order of Versions.
	Sides []Side `json:"versions"`
}

// Side is one version's part of a row: the citation it has there, or
// nothing.
type Side struct {
	File string `json:"file"`
	Lang string `json:"lang"`
	// Citation is the index of the citation in the version's
	// Document.Citations, or -1 when the version has none here.
	Citation int `json:"citation"`
	// Absent: the version has no citation here. Start (= End), Line and
	// Col are then where it would be expected: right after the version's
	// previous aligned citation (After), or before its next one when there
	// is none before.
	Absent bool   `json:"absent,omitempty"`
	After  string `json:"after,omitempty"`
	// Agrees: the side cites the row's Key (and, for RowDetail, no other
	// part or paragraph than most versions).
	Agrees bool           `json:"agrees"`
	Symbol string         `json:"symbol,omitempty"`
	Kind   normalize.Kind `json:"kind,omitempty"`
	Form   normalize.Form `json:"form,omitempty"`
	Parts  []string       `json:"parts,omitempty"`
	Pin    string         `json:"pin,omitempty"`
	Start  int            `json:"start"`
	End    int            `json:"end"`
	Line   int            `json:"line"`
	Col    int            `json:"col"`
	Text   string         `json:"text,omitempty"`
	// Paragraph is the 1-based paragraph of the version the citation
	// stands in (0 when absent).
	Paragraph int `json:"paragraph,omitempty"`
}

// Agree reports whether the versions name the same record and cite the
// same documents at the same places.
func (c *Comparison) Agree() bool { return !c.IdentityDiffers && len(c.Differences) == 0 }

// Compare aligns the citations of several versions of one record (the
// same record in other languages), the first being the reference whose
// order the rows follow.
//
// Citations are aligned version by version against the rows built so far,
// in three passes. First by symbol, keeping order: a longest common
// subsequence of the symbols, anchored on the symbols that occur once in
// both (as patience diff does) and, where a symbol repeats, choosing among
// the alignments of equal length the one whose occurrences stand closest in
// the documents, so that a repeated citation is matched with the right
// occurrence. Then the citations left over between two aligned ones are
// paired by order and position (the same paragraph, or a close relative
// position in the text), so that A/RES/73/226 in one version where another
// has A/RES/73/266 is one RowDiffers with both locations, not two
// omissions. Last, citations of one symbol still left over on both sides
// are paired out of order when they stand in the same paragraph (or very
// close): languages order enumerations differently. What stays unpaired is
// RowMissing.
//
// Every citation counts: decisions, which have no document, and
// continuations ("Add.1" of "A/61/L.56 and Add.1") like any other. Page
// furniture, already dropped by Parse, is not compared; the identities
// (Document.Self) are.
func Compare(docs ...*Document) *Comparison {
	c := &Comparison{Rows: []Row{}, Differences: []Row{}}
	if len(docs) == 0 {
		return c
	}
	items := make([][]cmpItem, len(docs))
	paras := make([]int, len(docs))
	selves := map[string]bool{}
	for v, d := range docs {
		items[v], paras[v] = placeCitations(d)
		c.Versions = append(c.Versions, Version{File: d.Path, Lang: d.Lang, LangDetected: d.LangDetected, Self: d.Self,
			Citations: len(d.Citations), Furniture: d.Furniture, Paragraphs: paras[v]})
		if d.Self != "" {
			if len(selves) == 0 {
				c.Self = d.Self
			}
			selves[d.Self] = true
		}
	}
	if len(selves) > 1 {
		c.IdentityDiffers, c.Self = true, ""
	}

	rows := make([]*cmpRow, 0, len(items[0]))
	for i := range items[0] {
		rows = append(rows, newRow(len(docs), 0, i, &items[0][i]))
	}
	al := &aligner{all: items, paras: paras}
	for v := 1; v < len(docs); v++ {
		rows = al.alignVersion(rows, v)
	}
	c.Rows = buildRows(docs, items, rows)
	for _, r := range c.Rows {
		switch r.Kind {
		case RowAgree:
			c.Summary.Agree++
		case RowMissing:
			c.Summary.Missing++
		case RowDiffers:
			c.Summary.Differs++
		case RowDetail:
			c.Summary.Detail++
		}
		if r.Kind != RowAgree {
			c.Differences = append(c.Differences, r)
		}
	}
	c.Summary.Rows = len(c.Rows)
	return c
}

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

// buildRows turns the aligned rows into Rows: each side located, the
// symbol most versions cite, the kind of the row.
func buildRows(docs []*Document, items [][]cmpItem, rows []*cmpRow) []Row {
	nv := len(docs)
	out := make([]Row, len(rows))
	sides := make([]Side, len(rows)*nv)
	// The citation of each version before and after each row, for the
	// place of an absent side.
	last := make([]int32, nv)
	for v := range last {
		last[v] = -1
	}
	for ri, r := range rows {
		row := &out[ri]
		row.Sides = sides[ri*nv : (ri+1)*nv : (ri+1)*nv]
		for v, i := range r.at {
			d := docs[v]
			s := &row.Sides[v]
			s.File, s.Lang, s.Citation = d.Path, d.Lang, int(i)
			if i < 0 {
				s.Absent = true
				s.Line, s.Col = 1, 1
				if last[v] >= 0 {
					c := &d.Citations[last[v]]
					s.Start, s.After = c.End, c.Key
					s.Line, s.Col = endOf(c)
				} else if next := nextPresent(rows, ri, v); next >= 0 {
					c := &d.Citations[next]
					s.Start, s.Line, s.Col = c.Start, c.Line, c.Col
				}
				s.End = s.Start
				continue
			}
			last[v] = i
			c := &d.Citations[i]
			s.Symbol, s.Kind, s.Form, s.Parts, s.Pin = c.Key, c.Kind, c.Form, c.Parts, c.Pin
			s.Start, s.End, s.Line, s.Col, s.Text = c.Start, c.End, c.Line, c.Col, c.Text
			s.Paragraph = int(items[v][i].para) + 1
		}
		classify(row)
	}
	return out
}

// endOf is the line and column of the end of a citation.
func endOf(c *Citation) (int, int) {
	k := strings.LastIndexByte(c.Text, '\n')
	if k < 0 {
		return c.Line, c.Col + utf8.RuneCountInString(c.Text)
	}
	return c.Line + strings.Count(c.Text, "\n"), utf8.RuneCountInString(c.Text[k+1:]) + 1
}

// nextPresent is the citation of version v in the first row after ri that
// has one, or -1.
func nextPresent(rows []*cmpRow, ri, v int) int {
	for _, r := range rows[ri+1:] {
		if r.at[v] >= 0 {
			return int(r.at[v])
		}
	}
	return -1
}

// classify finds the symbol most versions cite and the kind of the row.
func classify(row *Row) {
	row.Key = majority(row.Sides, func(s *Side) string { return s.Symbol })
	row.Keys = []string{row.Key}
	absent := false
	for i := range row.Sides {
		s := &row.Sides[i]
		if s.Absent {
			absent = true
		} else if !slices.Contains(row.Keys, s.Symbol) {
			row.Keys = append(row.Keys, s.Symbol)
		}
	}
	switch {
	case len(row.Keys) > 1:
		row.Kind = RowDiffers
	case absent:
		row.Kind = RowMissing
	default:
		row.Kind = RowAgree
	}
	parts := majority(row.Sides, func(s *Side) string { return strings.Join(s.Parts, " ") })
	pin := majority(row.Sides, func(s *Side) string { return s.Pin })
	for i := range row.Sides {
		s := &row.Sides[i]
		s.Agrees = !s.Absent && s.Symbol == row.Key
		if s.Agrees && (len(s.Parts) > 0 && strings.Join(s.Parts, " ") != parts || s.Pin != "" && s.Pin != pin) {
			s.Agrees = false
			if row.Kind == RowAgree {
				row.Kind = RowDetail
			}
		}
	}
}

// majority is the most frequent non-empty value of f over the present
// sides, the earliest side's on a tie.
func majority(sides []Side, f func(*Side) string) string {
	best, bestN := "", 0
	for i := range sides {
		if sides[i].Absent {
			continue
		}
		x := f(&sides[i])
		if x == "" || x == best {
			continue
		}
		n := 0
		for k := range sides {
			if !sides[k].Absent && f(&sides[k]) == x {
				n++
			}
		}
		if n > bestN {
			best, bestN = x, n
		}
	}
	return best
}

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
