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
		}
	})
}
