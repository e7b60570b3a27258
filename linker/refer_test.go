package linker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xref-un/xref/internal/testenv"
	"github.com/xref-un/xref/normalize"
)

// TestReferences: with Options.Anaphora, Parse lists the references back
// apart from the citations, pointing at their antecedents by place, and
// Stream emits the same ones among the citations.
func TestReferences(t *testing.T) {
	tests := []struct {
		name, path, in string
		want           []string // text, pin, antecedent text
	}{
		{"text", "t.txt", "The Council recalled resolution 1540 (2004).\nParagraph 2 of that resolution requires States to act.\n",
			[]string{"that resolution", "2", "resolution 1540 (2004)"}},
		{"html", "t.html", "<p>la <a href=\"https://undocs.org/es/A/RES/73/266\">resolución&nbsp;73/266</a> y el párrafo 3 de <i>dicha resolución</i></p>",
			[]string{"dicha resolución", "3", "resolución&nbsp;73/266"}},
		{"chinese", "t.txt", "安理会第1540(2004)号决议。\n该决议第 2 段要求各国\n", []string{"该决议第 2 段", "2", "第1540(2004)号决议"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.in), Options{Path: tt.path, Anaphora: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Citations) != 1 || len(doc.References) != 1 {
				t.Fatalf("%d citations and %d references; want 1 and 1", len(doc.Citations), len(doc.References))
			}
			r, a := doc.References[0], doc.Citations[0]
			if tt.in[r.Start:r.End] != tt.want[0] || r.Text != tt.want[0] || r.Pin != tt.want[1] || r.Form != normalize.FormAnaphora || r.Key != a.Key {
				t.Errorf("reference %q pin %q form %s key %s; want %q pin %q", r.Text, r.Pin, r.Form, r.Key, tt.want[0], tt.want[1])
			}
			if r.Antecedent == nil || r.Antecedent.Start != a.Start || r.Antecedent.Line != a.Line || r.Antecedent.Col != a.Col || a.Text != tt.want[2] {
				t.Errorf("antecedent %+v; want the citation %q at %d (%d:%d)", r.Antecedent, a.Text, a.Start, a.Line, a.Col)
			}
			// Crossref and the rest see only the citation.
			Crossref(doc)
			got, info := streamAll(t, []byte(tt.in), Options{Path: tt.path, Anaphora: true})
			if len(got) != 2 || info.References != 1 || info.Citations != 1 {
				t.Fatalf("stream emitted %d (%d references)", len(got), info.References)
			}
			if s := got[1]; s.Start != r.Start || s.End != r.End || s.Line != r.Line || s.Col != r.Col || *s.Antecedent != *r.Antecedent {
				t.Errorf("stream %+v; parse %+v", s, r)
			}
		})
	}
}

// TestReferencesSeed: the real record's references back, read by hand:
// "这项决议" is 73/266, the two "该决议" after 73/27 are it, the one after
// 73/546 is it; the later "该决议" points at the 1995 resolution on the
// Middle East, which has no symbol, so it is not reported. Asking for
// references changes none of the citations.
func TestReferencesSeed(t *testing.T) {
	data := testenv.Read(t, testenv.Seed)
	plain, err := Parse(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(data, Options{Anaphora: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Citations) != len(plain.Citations) {
		t.Fatalf("%d citations with references, %d without", len(doc.Citations), len(plain.Citations))
	}
	want := []string{
		"205:20 这项决议 A/RES/73/266 195:15",
		"226:28 该决议 A/RES/73/27 226:16",
		"232:1 该决议 A/RES/73/27 226:16",
		"655:26 该决议 A/RES/73/546 655:9",
	}
	var got []string
	for _, r := range doc.References {
		if r.Antecedent == nil || r.Antecedent.Start >= r.Start || string(data[r.Start:r.End]) != r.Text {
			t.Fatalf("bad reference %+v", r)
		}
		got = append(got, fmt.Sprintf("%d:%d %s %s %d:%d", r.Line, r.Col, r.Text, r.Key, r.Antecedent.Line, r.Antecedent.Col))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("references:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
