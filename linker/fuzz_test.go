package linker

import (
	"testing"
)

// FuzzParse: no input makes Parse or Crossref panic; offsets always point
// at the text they claim, and every finding lies inside the input.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"第 73/266 号决议。\n\nhttps://undocs.org/ch/73/546\n",
		"<p>la <a href='https://undocs.org/es/A/RES/73/266'>resolución&nbsp;73/266</a></p>",
		"resolution 1540 (2004) (https://undocs.org/en/S/RES/1540(2004))",
		"---\nsymbol: A/RES/80/10\n---\nresolution 73/266",
		"\xFF\xFEr\x00e\x00s\x00",
		"United Nations S/PV.9000\n\n9/12 19-11607\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data, Options{})
		if err != nil {
			return
		}
		fs := Crossref(doc)
		for _, c := range doc.Citations {
			if c.Start < 0 || c.End > len(doc.Input) || c.Start >= c.End || string(doc.Input[c.Start:c.End]) != c.Text {
				t.Fatalf("citation %s [%d,%d) %q does not match the input", c.Key, c.Start, c.End, c.Text)
			}
		}
		for _, l := range doc.Links {
			if l.Start < 0 || l.End > len(doc.Input) || l.Start > l.End {
				t.Fatalf("link %q [%d,%d) outside the input", l.URL, l.Start, l.End)
			}
		}
		for _, f := range fs {
			if f.Start < 0 || f.End > len(doc.Input) || f.Line < 1 || f.Col < 1 {
				t.Fatalf("finding %+v outside the input", f)
			}
			// Positions computed from offsets agree with the finding's.
			if l, c := doc.Position(f.Start); l != f.Line || c != f.Col {
				t.Fatalf("finding at %d:%d, but its offset %d is at %d:%d", f.Line, f.Col, f.Start, l, c)
			}
			for _, o := range f.Occurrences {
				if o.Start < 0 || o.End > len(doc.Input) || o.Start > o.End {
					t.Fatalf("occurrence %+v outside the input", o)
				}
			}
		}
		// One verdict per citation: pairs are symmetric, the address is
		// there exactly when there is a document, and a fix only for a
		// paired link.
		for i, c := range doc.Citations {
			v := doc.Verdict(i)
			if c.Link >= 0 && doc.Links[c.Link].Citation != i {
				t.Fatalf("citation %d paired with link %d, which is paired with %d", i, c.Link, doc.Links[c.Link].Citation)
			}
			if (v.URL != "") != v.Resolvable || c.URL != v.URL {
				t.Fatalf("citation %s: verdict %+v, citation URL %q", c.Key, v, c.URL)
			}
			if v.Fix != "" && (!v.FixLink || v.Link < 0) {
				t.Fatalf("citation %s: a fix without a link to fix: %+v", c.Key, v)
			}
		}
		Fingerprints(doc, fs)
		seen := map[string]bool{}
		for _, f := range fs {
			if f.Fingerprint == "" || seen[f.Fingerprint] {
				t.Fatalf("fingerprint %q empty or repeated", f.Fingerprint)
			}
			seen[f.Fingerprint] = true
		}
	})
}
