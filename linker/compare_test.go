package linker

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xref-un/xref/internal/testenv"
)

func parseVersion(tb testing.TB, name, text string) *Document {
	tb.Helper()
	doc, err := Parse([]byte(text), Options{Path: name})
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// rowsOf renders the rows of a comparison: the kind, then each side as
// SYMBOL@LINE:COL, or "-" when the version lacks it.
func rowsOf(c *Comparison) []string {
	var out []string
	for _, r := range c.Rows {
		var b strings.Builder
		b.WriteString(string(r.Kind))
		for _, s := range r.Sides {
			if s.Absent {
				b.WriteString(" -")
			} else {
				fmt.Fprintf(&b, " %s@%d:%d", s.Symbol, s.Line, s.Col)
			}
		}
		out = append(out, b.String())
	}
	return out
}

func TestCompare(t *testing.T) {
	const long = "Then the delegations spoke at length of other matters entirely, of the calendar, " +
		"of the budget of the Conference and of the arrangements for the next session."
	const largo = "Luego las delegaciones hablaron largamente de otros asuntos, del calendario, " +
		"del presupuesto de la Conferencia y de los arreglos para el próximo período de sesiones."
	tests := []struct {
		name     string
		versions []string
		want     []string
		agree    bool
	}{
		{
			name: "identical",
			versions: []string{
				"The Assembly adopted resolution 73/266 and resolution 73/27.\n\nThe Council recalled resolution 1540 (2004).\n",
				"La Asamblea aprobó la resolución 73/266 y la resolución 73/27.\n\nEl Consejo recordó la resolución 1540 (2004).\n",
			},
			want: []string{
				"agree A/RES/73/266@1:22 A/RES/73/266@1:23",
				"agree A/RES/73/27@1:44 A/RES/73/27@1:46",
				"agree S/RES/1540(2004)@3:22 S/RES/1540(2004)@3:23",
			},
			agree: true,
		},
		{
			name: "omission",
			versions: []string{
				"The Assembly adopted resolution 73/266 and resolution 73/27.\n\nThe Council recalled resolution 1540 (2004).\n",
				"La Asamblea aprobó la resolución 73/266.\n\nEl Consejo recordó la resolución 1540 (2004).\n",
			},
			want: []string{
				"agree A/RES/73/266@1:22 A/RES/73/266@1:23",
				"missing A/RES/73/27@1:44 -",
				"agree S/RES/1540(2004)@3:22 S/RES/1540(2004)@3:23",
			},
		},
		{
			name: "changed number",
			versions: []string{
				"The Assembly adopted resolution 73/266 and resolution 73/27.\n\nThe Council recalled resolution 1540 (2004).\n",
				"La Asamblea aprobó la resolución 73/226 y la resolución 73/27.\n\nEl Consejo recordó la resolución 1540 (2004).\n",
			},
			want: []string{
				"differs A/RES/73/266@1:22 A/RES/73/226@1:23",
				"agree A/RES/73/27@1:44 A/RES/73/27@1:46",
				"agree S/RES/1540(2004)@3:22 S/RES/1540(2004)@3:23",
			},
		},
		{
			name: "another kind at the same place",
			versions: []string{
				"We take note of decision 70/551.\n\nWe recall resolution 1540 (2004).\n",
				"Tomamos nota de la resolución 70/551.\n\nRecordamos la resolución 1540 (2004).\n",
			},
			want: []string{
				"differs A/DEC/70/551@1:17 A/RES/70/551@1:20",
				"agree S/RES/1540(2004)@3:11 S/RES/1540(2004)@3:15",
			},
		},
		{
			name: "repeated citation, the first occurrence missing",
			versions: []string{
				"First, resolution 73/266 was adopted.\n\n" + long + "\n\nFinally, resolution 73/266 again.\n",
				"Primero, se aprobó un texto.\n\n" + largo + "\n\nPor último, de nuevo la resolución 73/266.\n",
			},
			want: []string{
				"missing A/RES/73/266@1:8 -",
				"agree A/RES/73/266@5:10 A/RES/73/266@5:25",
			},
		},
		{
			name: "repeated citation, the last occurrence missing",
			versions: []string{
				"First, resolution 73/266 was adopted.\n\n" + long + "\n\nFinally, resolution 73/266 again.\n",
				"Primero, se aprobó la resolución 73/266.\n\n" + largo + "\n\nPor último, nada más.\n",
			},
			want: []string{
				"agree A/RES/73/266@1:8 A/RES/73/266@1:23",
				"missing A/RES/73/266@5:10 -",
			},
		},
		{
			name: "reordered in an enumeration",
			versions: []string{
				"The two processes of resolutions 73/27 and 73/266 should complement each other.\n",
				"两个进程，即第 73/266 号和第 73/27 号决议所设进程，应当相互补充。\n",
			},
			want: []string{
				"agree A/RES/73/27@1:22 A/RES/73/27@1:18",
				"agree A/RES/73/266@1:44 A/RES/73/266@1:7",
			},
			agree: true,
		},
		{
			name: "moved far",
			versions: []string{
				"First, resolution 73/27.\n\n" + long + "\n\nFinally, resolution 73/266.\n",
				"Primero, la resolución 73/266.\n\n" + largo + "\n\nPor último, la resolución 73/27.\n",
			},
			want: []string{
				"missing A/RES/73/27@1:8 -",
				"agree A/RES/73/266@5:10 A/RES/73/266@1:13",
				"missing - A/RES/73/27@5:16",
			},
		},
		{
			name: "one empty version",
			versions: []string{
				"The Assembly adopted resolution 73/266 and decision 70/551.\n",
				"La sesión se levanta a las 11.40 horas.\n",
			},
			want: []string{
				"missing A/RES/73/266@1:22 -",
				"missing A/DEC/70/551@1:44 -",
			},
		},
		{
			name:     "both empty",
			versions: []string{"The meeting rose at 11.40 a.m.\n", "Se levanta la sesión a las 11.40 horas.\n"},
			want:     nil,
			agree:    true,
		},
		{
			name: "continuations",
			versions: []string{
				"We support draft resolution A/61/L.56 and Add.1.\n",
				"Apoyamos el proyecto de resolución A/61/L.56 y Add.1.\n",
				"Apoyamos el proyecto de resolución A/61/L.56 y Add.2.\n",
			},
			want: []string{
				"agree A/61/L.56@1:29 A/61/L.56@1:36 A/61/L.56@1:36",
				"differs A/61/L.56/Add.1@1:43 A/61/L.56/Add.1@1:48 A/61/L.56/Add.2@1:48",
			},
		},
		{
			name: "the reference lacks what the others have",
			versions: []string{
				"我们注意到第 72/512 号决议。\n",
				"We take note of decision 70/551 and of resolution 72/512.\n",
				"Tomamos nota de la decisión 70/551 y de la resolución 72/512.\n",
			},
			want: []string{
				"missing - A/DEC/70/551@1:17 A/DEC/70/551@1:20",
				"agree A/RES/72/512@1:6 A/RES/72/512@1:40 A/RES/72/512@1:44",
			},
		},
		{
			name: "another paragraph of the same resolution",
			versions: []string{
				"We support paragraph 2 of resolution 2254 (2015).\n",
				"Apoyamos el párrafo 3 de la resolución 2254 (2015).\n",
				"Apoyamos la resolución 2254 (2015).\n",
			},
			want: []string{
				"detail S/RES/2254(2015)@1:27 S/RES/2254(2015)@1:29 S/RES/2254(2015)@1:13",
			},
		},
		{
			name: "HTML and text",
			versions: []string{
				"Chile recalls resolution 73/266 and resolution 1540 (2004).\n",
				"<html lang=\"es\"><body><p>Chile recuerda la <a href=\"https://undocs.org/es/A/RES/73/266\">resolución 73/266</a></p>\n" +
					"<p>y la resolución 1540 (2004).</p></body></html>\n",
			},
			want: []string{
				"agree A/RES/73/266@1:15 A/RES/73/266@1:89",
				"agree S/RES/1540(2004)@1:37 S/RES/1540(2004)@2:9",
			},
			agree: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []*Document
			for i, v := range tt.versions {
				docs = append(docs, parseVersion(t, fmt.Sprintf("v%d.txt", i), v))
			}
			c := Compare(docs...)
			if got := rowsOf(c); !slices.Equal(got, tt.want) {
				t.Errorf("rows:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if c.Agree() != tt.agree {
				t.Errorf("Agree() = %v; want %v", c.Agree(), tt.agree)
			}
			checkComparison(t, c, docs)
		})
	}
}

// checkComparison verifies what holds of every comparison: each citation
// of each version is in exactly one row, sides point at their citations,
// the summary adds up, and the differences are the rows that disagree.
func checkComparison(t *testing.T, c *Comparison, docs []*Document) {
	t.Helper()
	seen := make([][]int, len(docs))
	for v, d := range docs {
		seen[v] = make([]int, len(d.Citations))
	}
	n := map[RowKind]int{}
	var diffs int
	for ri, r := range c.Rows {
		n[r.Kind]++
		if r.Kind != RowAgree {
			diffs++
		}
		if len(r.Sides) != len(docs) {
			t.Fatalf("row %d has %d sides for %d versions", ri, len(r.Sides), len(docs))
		}
		present := 0
		for v, s := range r.Sides {
			if s.Absent {
				if s.Citation != -1 || s.Start != s.End || s.Start < 0 || s.Start > len(docs[v].Input) || s.Line < 1 || s.Col < 1 {
					t.Errorf("row %d: absent side %+v", ri, s)
				}
				continue
			}
			present++
			ci := s.Citation
			if ci < 0 || ci >= len(docs[v].Citations) {
				t.Fatalf("row %d: citation %d of version %d out of range", ri, ci, v)
			}
			seen[v][ci]++
			dc := docs[v].Citations[ci]
			if s.Symbol != dc.Key || s.Start != dc.Start || s.End != dc.End || s.Line != dc.Line || s.Text != dc.Text {
				t.Errorf("row %d: side %+v is not citation %d (%s at %d)", ri, s, ci, dc.Key, dc.Start)
			}
			if s.Paragraph < 1 || s.Paragraph > c.Versions[v].Paragraphs {
				t.Errorf("row %d: paragraph %d of %d", ri, s.Paragraph, c.Versions[v].Paragraphs)
			}
		}
		if present == 0 {
			t.Errorf("row %d has no citation", ri)
		}
		if r.Kind == RowAgree && present != len(docs) {
			t.Errorf("row %d agrees with %d of %d versions", ri, present, len(docs))
		}
		if r.Keys[0] != r.Key || (r.Kind == RowDiffers) != (len(r.Keys) > 1) {
			t.Errorf("row %d: kind %s, key %s, keys %v", ri, r.Kind, r.Key, r.Keys)
		}
	}
	for v := range seen {
		for ci, k := range seen[v] {
			if k != 1 {
				t.Errorf("citation %d of version %d is in %d rows", ci, v, k)
			}
		}
	}
	s := c.Summary
	if s.Rows != len(c.Rows) || s.Agree != n[RowAgree] || s.Missing != n[RowMissing] || s.Differs != n[RowDiffers] ||
		s.Detail != n[RowDetail] || len(c.Differences) != diffs {
		t.Errorf("summary %+v, %d differences; rows say %v", s, len(c.Differences), n)
	}
}

func TestCompareAbsentPlace(t *testing.T) {
	a := parseVersion(t, "en.txt", "The Assembly adopted resolution 73/266 and resolution 73/27.\n")
	b := parseVersion(t, "es.txt", "La Asamblea aprobó la resolución 73/266.\nNada más.\n")
	c := Compare(a, b)
	if len(c.Differences) != 1 {
		t.Fatalf("%d differences; want 1", len(c.Differences))
	}
	s := c.Differences[0].Sides[1]
	want := len("La Asamblea aprobó la resolución 73/266")
	if !s.Absent || s.After != "A/RES/73/266" || s.Start != want || s.Line != 1 || s.Col != 40 {
		t.Errorf("absent side %+v; want after A/RES/73/266 at offset %d, 1:40", s, want)
	}
	// Nothing before: before the first citation.
	b = parseVersion(t, "es.txt", "Nada.\nLa resolución 73/27.\n")
	c = Compare(a, b)
	s = c.Rows[0].Sides[1]
	if !s.Absent || s.After != "" || s.Line != 2 || s.Col != 4 {
		t.Errorf("absent side %+v; want before 2:4", s)
	}
}

func TestCompareIdentity(t *testing.T) {
	tests := []struct {
		name    string
		selves  []string
		self    string
		differs bool
	}{
		{"same", []string{"CD/PV.1601", "CD/PV.1601"}, "CD/PV.1601", false},
		{"different", []string{"CD/PV.1601", "CD/PV.1602"}, "", true},
		{"one unknown", []string{"", "CD/PV.1601"}, "CD/PV.1601", false},
		{"none known", []string{"", ""}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []*Document
			for i, self := range tt.selves {
				text := "The Assembly adopted resolution 73/266.\n"
				if self != "" {
					text = "---\nsymbol: " + self + "\n---\n" + text
				}
				docs = append(docs, parseVersion(t, fmt.Sprintf("v%d.txt", i), text))
			}
			c := Compare(docs...)
			if c.Self != tt.self || c.IdentityDiffers != tt.differs {
				t.Errorf("self %q, identity differs %v; want %q, %v", c.Self, c.IdentityDiffers, tt.self, tt.differs)
			}
			if c.Agree() == tt.differs {
				t.Errorf("Agree() = %v with identities %v", c.Agree(), tt.selves)
			}
			for i, v := range c.Versions {
				if v.Self != tt.selves[i] {
					t.Errorf("version %d names %q; want %q", i, v.Self, tt.selves[i])
				}
			}
		})
	}
}

func TestCompareNothing(t *testing.T) {
	c := Compare()
	if !c.Agree() || len(c.Rows) != 0 || len(c.Versions) != 0 {
		t.Errorf("Compare() = %+v", c)
	}
	d := parseVersion(t, "en.txt", "resolution 73/266 and resolution 73/266\n")
	c = Compare(d)
	if !c.Agree() || len(c.Rows) != 2 {
		t.Errorf("Compare(one) = %v", rowsOf(c))
	}
}

func TestKeySimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"A/RES/73/266", "A/RES/73/226", 1},
		{"A/RES/73/266", "A/RES/73/26", 1},
		{"A/RES/73/266", "A/RES/72/512", 0.5},
		{"A/RES/73/266", "A/DEC/73/266", 0},
		{"S/RES/1540(2004)", "S/RES/1504(2004)", 1},
		{"CD/2141", "A/73/152", 0},
	} {
		if got := keySimilarity(tc.a, tc.b); got != tc.want {
			t.Errorf("keySimilarity(%q, %q) = %v; want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 3, 0},
		{"abc", "abc", 3, 0},
		{"266", "226", 3, 1},
		{"266", "62", 3, 2},
		{"abcdef", "a", 3, 3},
		{"kitten", "sitting", 9, 3},
	} {
		if got := editDistance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("editDistance(%q, %q, %d) = %d; want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}

// TestPlaceText: paragraphs start after blank lines, but not at a page
// break within a sentence; in PDF text with a blank line after every line,
// they start at indented lines.
func TestPlaceText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		paras []int32 // of each citation
		n     int
	}{
		{"blank lines", "resolution 73/266 here\nand more.\n\nresolution 73/27 there.\n", []int32{0, 1}, 2},
		{"double spacing", " resolution 73/266 here\n\nand more text\n\n resolution 73/27 there.\n\nstill the same\n\n and resolution 1540 (2004)\n",
			[]int32{0, 1, 2}, 3},
		{"page break within a sentence", "We recall resolution 73/266 and\n\nhttps://undocs.org/en/A/RES/73/266\n\n2/3 26-10211\n\nresolution 73/27.\n\nThen resolution 1540 (2004).\n",
			[]int32{0, 0, 1}, 2},
		{"page break after a sentence", "We recall resolution 73/266.\n\nhttps://undocs.org/en/A/RES/73/266\n\nresolution 73/27.\n", []int32{0, 1}, 2},
		{"no text", "", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseVersion(t, "t.txt", tt.text)
			items, n := placeCitations(d)
			var got []int32
			for _, it := range items {
				got = append(got, it.para)
			}
			if !slices.Equal(got, tt.paras) || n != tt.n {
				t.Errorf("paragraphs %v of %d; want %v of %d", got, n, tt.paras, tt.n)
			}
			for i := 1; i < len(items); i++ {
				if items[i].pos < items[i-1].pos || items[i].pos > 1 {
					t.Errorf("positions %v are not increasing in [0, 1]", items)
				}
			}
		})
	}
}

// TestCompareSamples: the three versions of CD/PV.1601 agree except for the
// two deliberate differences, and every citation they agree on stands in
// the same paragraph in each.
func TestCompareSamples(t *testing.T) {
	var docs []*Document
	for _, l := range []string{"zh", "en", "es"} {
		f := filepath.Join("..", "testdata", "CD-PV.1601."+l+".txt")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(data, Options{Path: filepath.Base(f)})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	c := Compare(docs...)
	checkComparison(t, c, docs)
	if c.Self != "CD/PV.1601" || c.IdentityDiffers {
		t.Errorf("self %q, identity differs %v", c.Self, c.IdentityDiffers)
	}
	if s := c.Summary; s.Rows != 11 || s.Agree != 9 || s.Missing != 1 || s.Differs != 1 {
		t.Errorf("summary %+v; want 11 rows, 9 agree, 1 missing, 1 differs", s)
	}
	for _, r := range c.Rows {
		for _, s := range r.Sides[1:] {
			if !s.Absent && s.Paragraph != r.Sides[0].Paragraph && !r.Sides[0].Absent {
				t.Errorf("%s: paragraph %d in %s, %d in zh", r.Key, s.Paragraph, s.Lang, r.Sides[0].Paragraph)
			}
		}
	}
	checkGolden(t, "compare-CD-PV.1601", strings.Join(rowsOf(c), "\n")+"\n")
}

// withDamage copies a document with one citation in every `drop` removed
// (from the list, not the text) and the number of one in every `change`
// altered, and says how many of each.
func withDamage(doc *Document, drop, change int) (*Document, int, int) {
	other := *doc
	other.Citations = nil
	removed, changed := 0, 0
	for i, c := range doc.Citations {
		switch {
		case i%drop == drop/2:
			removed++
			continue
		case i%change == 1:
			c.Key += "0"
			changed++
		}
		other.Citations = append(other.Citations, c)
	}
	return &other, removed, changed
}

// TestCompareDamaged: a real record, and real debates, compared with
// themselves less some citations and with some numbers changed: every
// removal is one RowMissing at the right occurrence, every change one
// RowDiffers, and nothing else differs.
func TestCompareDamaged(t *testing.T) {
	for name, data := range map[string][]byte{
		"seed":    testenv.Read(t, testenv.Seed),
		"debates": testenv.Concat(t, "corpora/unsc-debates-en/*.csv"),
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := Parse(data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, dmg := range [][2]int{{3, 7}, {50, 100}} {
				other, removed, changed := withDamage(doc, dmg[0], dmg[1])
				c := Compare(doc, other)
				checkComparison(t, c, []*Document{doc, other})
				if s := c.Summary; s.Missing != removed || s.Differs != changed || s.Detail != 0 || s.Rows != len(doc.Citations) {
					t.Errorf("damage %v: %+v; want %d rows, %d missing, %d differ", dmg, s, len(doc.Citations), removed, changed)
				}
				for _, r := range c.Rows {
					if r.Kind == RowAgree && r.Sides[0].Start != r.Sides[1].Start {
						t.Errorf("%s at %d paired with the occurrence at %d", r.Key, r.Sides[0].Start, r.Sides[1].Start)
					}
				}
			}
		})
	}
}

// TestCompareLarge: stretches too large for the dynamic programs, walked
// greedily, still give a valid alignment.
func TestCompareLarge(t *testing.T) {
	var same, less, a, b strings.Builder
	for i := range 1500 {
		fmt.Fprintf(&same, "Paragraph %d recalls resolution 73/266.\n\n", i)
		if i != 700 {
			fmt.Fprintf(&less, "Paragraph %d recalls resolution 73/266.\n\n", i)
		}
	}
	for i := range 300 {
		fmt.Fprintf(&a, "Paragraph %d recalls resolution 60/%d.\n\n", i, i+1)
		fmt.Fprintf(&b, "Paragraph %d recalls resolution 1%d (2004).\n\n", i, i+100)
	}
	t.Run("one symbol repeated", func(t *testing.T) {
		da, db := parseVersion(t, "a", same.String()), parseVersion(t, "b", less.String())
		c := Compare(da, db)
		checkComparison(t, c, []*Document{da, db})
		// Where, among 1,500 identical paragraphs, only the words can tell.
		if s := c.Summary; s.Missing != 1 || s.Agree != 1499 {
			t.Errorf("%+v; want one missing", s)
		}
	})
	t.Run("nothing in common", func(t *testing.T) {
		da, db := parseVersion(t, "a", a.String()), parseVersion(t, "b", b.String())
		c := Compare(da, db)
		checkComparison(t, c, []*Document{da, db})
		if c.Summary.Agree != 0 || c.Summary.Differs == 0 {
			t.Errorf("%+v", c.Summary)
		}
	})
}

// BenchmarkCompare compares the English corpora, read as one document, with
// itself less one citation in 50 and with one number in 100 changed.
func BenchmarkCompare(b *testing.B) {
	text := testenv.Concat(b, testenv.EnglishCorpora...)
	doc, err := Parse(text, Options{})
	if err != nil {
		b.Fatal(err)
	}
	other, removed, changed := withDamage(doc, 50, 100)
	b.SetBytes(int64(len(text)))
	var c *Comparison
	for b.Loop() {
		c = Compare(doc, other)
	}
	if s := c.Summary; s.Missing != removed || s.Differs != changed || s.Detail != 0 {
		b.Errorf("%+v; removed %d, changed %d", s, removed, changed)
	}
	b.ReportMetric(float64(len(doc.Citations)), "citations/op")
}

// FuzzCompare: no pair of inputs makes Compare panic; every citation of
// both is in exactly one row; and a document compared with itself agrees.
func FuzzCompare(f *testing.F) {
	for _, s := range [][2]string{
		{"The Assembly adopted resolution 73/266 and resolution 73/27.\n", "La Asamblea aprobó la resolución 73/226 y la resolución 73/27.\n"},
		{" 第 73/266 号\n\n决议和第 73/27 号决议。\n\nhttps://undocs.org/zh/A/RES/73/266\n CD/PV.1601 \n\n2/6 GE.20-11111\n", "resolutions 73/27 and 73/266\n"},
		{"<p>la <a href='https://undocs.org/es/A/RES/73/266'>resolución&nbsp;73/266</a></p><br>decisión 70/551", "decision 70/551, resolution 73/266"},
		{"A/61/L.56 and Add.1, A/61/L.56 and Add.2\n\n\n", "A/61/L.56 y Add.2\r\n\r\nA/61/L.56 y Add.1"},
		{"---\nsymbol: S/PV.9901\n---\nresolution 1540 (2004)", ""},
		{"\xFF\xFEr\x00e\x00s\x00", "resolution 73/266 resolution 73/266 resolution 73/266"},
	} {
		f.Add([]byte(s[0]), []byte(s[1]))
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		da, err := Parse(a, Options{Path: "a"})
		if err != nil {
			return
		}
		db, err := Parse(b, Options{Path: "b"})
		if err != nil {
			return
		}
		checkComparison(t, Compare(da, db), []*Document{da, db})
		checkComparison(t, Compare(db, da, db), []*Document{db, da, db})
		if c := Compare(da, da); c.Summary.Agree != len(da.Citations) || !c.Agree() {
			t.Fatalf("a document differs from itself: %v", rowsOf(c))
		}
	})
}
