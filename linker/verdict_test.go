package linker

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"testing"

	"github.com/xref-un/xref/internal/testenv"
)

// TestCheckAndExpandAgree holds check and expand --fix-links to one verdict
// per citation on every sample and the seed: expand links exactly the
// citations check reports as unlinked, to the address check suggests, and
// corrects exactly the links check reports with a suggestion, to that
// suggestion; no citation that check paired gets a second link.
func TestCheckAndExpandAgree(t *testing.T) {
	files, err := filepath.Glob("../testdata/*.*") // the samples; folders hold other inputs
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	files = append(files, filepath.Join(testenv.Shared(t), testenv.Seed))
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(data, Options{Path: path})
			if err != nil {
				t.Fatal(err)
			}
			fs := Crossref(doc)
			unlinked := map[int]string{} // citation start → suggested address
			fixes := map[int]string{}    // link start → suggested address
			for _, f := range fs {
				switch f.Rule {
				case RuleUnlinkedCitation:
					if f.Suggestion != "" {
						unlinked[f.Start] = f.Suggestion
					}
				case RuleMalformedLink, RuleLinkMismatch, RuleNonstandardLanguage:
					occ := f.Occurrences
					if len(occ) == 0 {
						occ = []Occurrence{{Start: f.Start, Suggestion: f.Suggestion}}
					}
					for _, o := range occ {
						if o.Suggestion != "" {
							if prev, ok := fixes[o.Start]; ok && prev != o.Suggestion {
								t.Errorf("the link at %d gets two suggestions: %s and %s", o.Start, prev, o.Suggestion)
							}
							fixes[o.Start] = o.Suggestion
						}
					}
				}
			}
			linked := map[int]string{}
			x, err := Expand(context.Background(), doc, ExpandOptions{Format: ExpandText, FixLinks: true,
				Markup: func(c *Citation, u string, _ LinkStatus) (string, string, bool) {
					linked[c.Start] = u
					return "", "", true
				}})
			if err != nil {
				t.Fatal(err)
			}
			// A citation paired with a footnote link (PDF text) is linked
			// in place too: to the address check gives its link.
			footnote := map[int]*Link{}
			for ci := range doc.Citations {
				if v := doc.Verdict(ci); v.Link >= 0 && !v.AtCitation {
					footnote[doc.Citations[ci].Start] = &doc.Links[v.Link]
				}
			}
			for start, u := range linked {
				if l := footnote[start]; l != nil {
					if fix, ok := fixes[l.Start]; ok && fix != u || !ok && !l.Opaque && !sameDoc(l.Symbol, doc.Verdict(l.Citation).Key) {
						t.Errorf("expand links the citation at %d to %s; check keeps or corrects its footnote link %s to %q", start, u, l.URL, fix)
					}
					continue
				}
				if unlinked[start] != u {
					t.Errorf("expand links the citation at %d to %s; check suggests %q", start, u, unlinked[start])
				}
			}
			for start, u := range unlinked {
				if _, ok := linked[start]; !ok {
					t.Errorf("check suggests %s for the citation at %d; expand leaves it (skipped %v)", u, start, x.Skipped)
				}
			}
			fixed := map[int]string{}
			for _, e := range x.Edits {
				if e.End > e.Start {
					fixed[e.Start] = html.UnescapeString(e.Text)
				}
			}
			for start, u := range fixed {
				if fixes[start] != u {
					t.Errorf("expand --fix-links rewrites the link at %d to %s; check suggests %q", start, u, fixes[start])
				}
			}
			for start, u := range fixes {
				if fixed[start] != u {
					t.Errorf("check suggests %s for the link at %d; expand --fix-links writes %q", u, start, fixed[start])
				}
			}
			for ci := range doc.Citations {
				v := doc.Verdict(ci)
				if v.Link >= 0 && v.AtCitation {
					if _, ok := linked[doc.Citations[ci].Start]; ok {
						t.Errorf("citation %d has its own link and gets a second one", ci)
					}
				}
			}
		})
	}
}

// TestParsePairs: a parsed document has its links paired, so that
// Expand with FixLinks needs no other call.
func TestParsePairs(t *testing.T) {
	in := "See resolution 73/266 (https://undocs.org/ch/A/RES/73/266).\n"
	doc, err := Parse([]byte(in), Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Citations) != 1 || doc.Citations[0].Link != 0 || doc.Links[0].Citation != 0 {
		t.Fatalf("citations %+v, links %+v: not paired", doc.Citations, doc.Links)
	}
	x, err := Expand(context.Background(), doc, ExpandOptions{FixLinks: true})
	if err != nil {
		t.Fatal(err)
	}
	want := "See resolution 73/266 (https://undocs.org/en/A/RES/73/266).\n"
	if string(x.Output) != want || x.Fixed != 1 {
		t.Errorf("got %q (fixed %d), want %q", x.Output, x.Fixed, want)
	}
}
