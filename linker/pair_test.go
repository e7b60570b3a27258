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

// linkedText writes about size bytes of transcript in which every citation
// carries a link, in the ways transcripts carry them: right after the
// citation, later in the paragraph, in a footnote block after the page,
// and, with oneLine, all on one line as a careless export leaves them.
func linkedText(size int, oneLine bool) []byte {
	var b strings.Builder
	b.Grow(size + 512)
	nl, para := "\n", "\n\n"
	if oneLine {
		nl, para = " ", " "
	}
	var foot []string
	for i := 0; b.Len() < size; i++ {
		n, y := 1000+i%1500, 1990+i%30
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "The Assembly recalled resolution %d/%d (https://undocs.org/en/A/RES/%d/%d) once more.%s", 60+i%20, 1+i%300, 60+i%20, 1+i%300, nl)
		case 1:
			fmt.Fprintf(&b, "The Council recalled resolution %d (%d) and the work set out in it, as at https://undocs.org/en/S/RES/%d(%d).%s", n, y, n, y, nl)
		case 2:
			fmt.Fprintf(&b, "The report of the Secretary-General (A/%d/%d) was before it.%s", 60+i%20, 100+i%700, nl)
			foot = append(foot, fmt.Sprintf("https://undocs.org/en/A/%d/%d", 60+i%20, 100+i%700))
		case 3:
			fmt.Fprintf(&b, "Document CD/%d was circulated.%s", 1000+i%1200, para)
			if i%8 == 3 {
				// A link in the next paragraph does not go with it.
				fmt.Fprintf(&b, "See https://undocs.org/en/CD/%d for it.%s", 1000+i%1200, nl)
			}
			if oneLine {
				foot = foot[:0]
				continue
			}
			for _, u := range foot {
				b.WriteString(u + "\n")
			}
			b.WriteString("\n")
			foot = foot[:0]
		}
	}
	return []byte(b.String())
}

// naiveCrossref pairs as Crossref did before pair.go, scanning every
// citation for every link.
func naiveCrossref(doc *Document) {
	for i := range doc.Citations {
		doc.Citations[i].Link = -1
	}
	for i := range doc.Links {
		doc.Links[i].Citation = -1
	}
	naivePairAnchors(doc)
	pairInline(doc)
	naivePairNearby(doc)
}

func pairing(doc *Document) []int {
	var out []int
	for _, c := range doc.Citations {
		out = append(out, c.Link)
	}
	for _, l := range doc.Links {
		out = append(out, l.Citation)
	}
	return out
}

// singles lists the citations and links pairAligned aligns.
func singles(doc *Document) (cs, ls []int) {
	for i := range doc.Citations {
		if doc.Citations[i].Link < 0 && linkable(&doc.Citations[i]) {
			cs = append(cs, i)
		}
	}
	for i := range doc.Links {
		if doc.Links[i].Citation < 0 && doc.Links[i].UN() && onOwnLine(doc.Input, doc.Links[i].Start, doc.Links[i].End) {
			ls = append(ls, i)
		}
	}
	return cs, ls
}

// TestPairingAgreesWithScan: the indexed pairing pairs exactly as the
// scan over every citation did, on the real corpora, the samples of the
// project (HTML anchors included) and linked text written three ways.
func TestPairingAgreesWithScan(t *testing.T) {
	inputs := map[string][]byte{
		"linked":          linkedText(200<<10, false),
		"linked one line": linkedText(200<<10, true),
		"seed":            testenv.Read(t, testenv.Seed),
	}
	samples, _ := filepath.Glob(filepath.Join("..", "testdata", "*.*")) // the samples, not the folders
	for _, p := range samples {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(p)] = b
	}
	for _, p := range testenv.EnglishCorpora {
		files := testenv.Glob(t, p)
		for _, f := range files[:min(len(files), 40)] {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			inputs[filepath.Base(f)] = b
		}
	}
	compared := 0
	for name, data := range inputs {
		opt := Options{Path: name}
		doc, err := Parse(data, opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		naiveCrossref(doc)
		want := pairing(doc)
		cs, ls := singles(doc)

		for i := range doc.Citations {
			doc.Citations[i].Link = -1
		}
		for i := range doc.Links {
			doc.Links[i].Citation = -1
		}
		x := newCiteIndex(doc)
		if !x.inOrder {
			t.Errorf("%s: citations out of order", name)
		}
		pairAnchors(doc, x)
		pairInline(doc)
		pairNearby(doc, x)
		if got := pairing(doc); !slices.Equal(got, want) {
			t.Errorf("%s: indexed pairing differs from the scan", name)
			continue
		}
		// The fallback of pairAligned, both ways, from the same state.
		naivePairGreedy(doc, cs, ls)
		want = pairing(doc)
		naiveCrossref(doc)
		pairGreedy(doc, cs, ls)
		if got := pairing(doc); !slices.Equal(got, want) {
			t.Errorf("%s: greedy alignment differs from the scan", name)
		}
		compared += len(doc.Links)
	}
	if compared < 2000 {
		t.Errorf("only %d links compared", compared)
	}
}

// TestCiteIndex: lastEndingBy and overlapping answer as a scan would,
// for citations in order and out of it.
func TestCiteIndex(t *testing.T) {
	for _, spans := range [][][2]int{
		{{0, 5}, {7, 9}, {9, 12}, {20, 30}},
		{{20, 30}, {0, 5}, {9, 12}, {7, 9}},
		{{0, 10}, {2, 4}, {3, 12}},
		{},
	} {
		doc := &Document{}
		for _, sp := range spans {
			var c Citation
			c.Start, c.End = sp[0], sp[1]
			doc.Citations = append(doc.Citations, c)
		}
		x := newCiteIndex(doc)
		for off := -1; off <= 32; off++ {
			want := -1
			for i, c := range doc.Citations {
				if c.End <= off {
					want = i
				}
			}
			if got := x.lastEndingBy(off); got != want {
				t.Errorf("%v: lastEndingBy(%d) = %d, want %d", spans, off, got, want)
			}
			for e := off; e <= 32; e += 3 {
				var want, got []int
				for i, c := range doc.Citations {
					if c.End > off && c.Start < e {
						want = append(want, i)
					}
				}
				x.overlapping(off, e, func(i int) { got = append(got, i) })
				if !slices.Equal(got, want) {
					t.Errorf("%v: overlapping(%d, %d) = %v, want %v", spans, off, e, got, want)
				}
			}
		}
	}
}

// TestSpanSet: overlaps answers as a scan of every span would.
func TestSpanSet(t *testing.T) {
	spans := [][2]int{{10, 20}, {0, 3}, {15, 40}, {50, 51}, {5, 5}}
	set := newSpanSet(slices.Clone(spans))
	for s := -1; s < 55; s++ {
		for e := s; e < 56; e++ {
			want := false
			for _, sp := range spans {
				if sp[0] < e && sp[1] > s {
					want = true
				}
			}
			if got := set.overlaps(s, e); got != want {
				t.Fatalf("overlaps(%d, %d) = %v, want %v", s, e, got, want)
			}
		}
	}
}
