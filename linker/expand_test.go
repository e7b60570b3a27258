package linker

import (
	"bytes"
	"context"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/xref-un/xref/internal/testenv"
)

func expand(t testing.TB, data []byte, path string, opt ExpandOptions) (*Document, *Expansion) {
	t.Helper()
	doc, err := Parse(data, Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	Crossref(doc)
	x, err := Expand(context.Background(), doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	return doc, x
}

// removeInsertions undoes an expansion's insertions: what is left must be
// the input, byte for byte.
func removeInsertions(t testing.TB, in []byte, x *Expansion) {
	t.Helper()
	var b []byte
	p := 0
	for _, e := range x.Edits {
		if e.Start != e.End {
			t.Fatalf("a replacement %+v without FixLinks", e)
		}
		b = append(b, in[p:e.Start]...)
		p = e.End
	}
	b = append(b, in[p:]...)
	if !bytes.Equal(b, in) {
		t.Fatalf("removing the insertions does not give back the input")
	}
	// And the output is the input with the insertions.
	var out []byte
	p = 0
	for _, e := range x.Edits {
		out = append(out, in[p:e.Start]...)
		out = append(out, e.Text...)
		p = e.End
	}
	out = append(out, in[p:]...)
	if !bytes.Equal(out, x.Output) && !bytes.HasPrefix(x.Output, []byte("<pre")) {
		t.Fatalf("output is not the input with the insertions")
	}
}

// stripTagsAll removes every tag of an HTML fragment.
func stripTagsAll(b []byte) string {
	var out strings.Builder
	in := false
	for _, c := range b {
		switch {
		case c == '<':
			in = true
		case c == '>':
			in = false
		case !in:
			out.WriteByte(c)
		}
	}
	return out.String()
}

// TestExpandGolden keeps the expansions of the samples: plain text to
// Markdown and to HTML, and the HTML transcript in place.
func TestExpandGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*.*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		formats := []ExpandFormat{ExpandMarkdown, ExpandHTML, ExpandText}
		if strings.HasSuffix(f, ".html") {
			formats = []ExpandFormat{ExpandHTML}
		}
		for _, format := range formats {
			name := filepath.Base(f) + "." + string(format)
			t.Run(name, func(t *testing.T) {
				doc, x := expand(t, data, f, ExpandOptions{Format: format})
				removeInsertions(t, doc.Input, x)
				checkGolden(t, "expand-"+name, string(x.Output))
				if format == ExpandHTML {
					checkHTML(t, x.Output, doc, x)
				}
			})
		}
	}
}

// checkHTML parses an HTML expansion back with goquery: every inserted link
// is an <a> with the citation's text, none is nested in another, and the
// text is the input's.
func checkHTML(t *testing.T, out []byte, doc *Document, x *Expansion) {
	t.Helper()
	q, err := goquery.NewDocumentFromReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if n := q.Find("a a").Length(); n > 0 {
		t.Errorf("%d links inside links", n)
	}
	undocs := q.Find(`a[href^="https://undocs.org/"]`).Length()
	before := 0
	if doc.Format == "html" {
		qi, _ := goquery.NewDocumentFromReader(bytes.NewReader(doc.Input))
		before = qi.Find(`a[href^="https://undocs.org/"]`).Length()
	}
	if undocs != before+x.Linked {
		t.Errorf("%d undocs links after expansion; want %d before + %d linked", undocs, before, x.Linked)
	}
	if doc.Format != "html" {
		if got := html.UnescapeString(stripTagsAll(out)); got != string(doc.Input)+"\n" {
			t.Errorf("the text of the HTML is not the input")
		}
	}
}

// TestExpandSeed: the real record expands with every linkable citation
// linked and its text intact.
func TestExpandSeed(t *testing.T) {
	data := testenv.Read(t, testenv.Seed)
	for _, format := range []ExpandFormat{ExpandHTML, ExpandText, ExpandMarkdown} {
		doc, x := expand(t, data, "seed", ExpandOptions{Format: format})
		removeInsertions(t, doc.Input, x)
		// 70/551 is a decision, and so is the "resolution 73/546" check
		// reports as a kind-mismatch.
		if x.Linked != 12 || x.Skipped["decision without a document"] != 2 {
			t.Errorf("%s: %d linked, skipped %v; want 12 and the two decisions", format, x.Linked, x.Skipped)
		}
		if format == ExpandHTML {
			if !bytes.Contains(x.Output, []byte(`<a href="https://undocs.org/zh/A/RES/73/266">第 73/266 号决议</a>`)) {
				t.Errorf("the seed's 73/266 is not linked")
			}
		}
	}
	// Corrected links, in the transcript's own text: the twelve footnote
	// links that write "ch" get "zh"; the link of the decision 73/546 has
	// no document to point at and stays as it is.
	_, x := expand(t, data, "seed", ExpandOptions{Format: ExpandText, FixLinks: true})
	if x.Fixed != 12 || bytes.Count(x.Output, []byte("undocs.org/ch/")) != 1 || !bytes.Contains(x.Output, []byte("\nhttps://undocs.org/ch/73/546\n")) ||
		bytes.Contains(x.Output, []byte("A/RES/73/546")) {
		t.Errorf("fix-links: fixed %d", x.Fixed)
	}
}

func TestExpandHTMLCases(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"entity kept whole", `<p>la resolución&nbsp;73/266</p>`, `<p>la <a href="https://undocs.org/es/A/RES/73/266">resolución&nbsp;73/266</a></p>`},
		{"balanced inline markup", `<p>see <i>A/RES/</i>73/266 today</p>`, `<p>see <a href="https://undocs.org/en/A/RES/73/266"><i>A/RES/</i>73/266</a> today</p>`},
		{"markup closed inside widened", `<p>see <i>A/RES/73/</i>266 <b>today</b></p>`, `<p>see <a href="https://undocs.org/en/A/RES/73/266"><i>A/RES/73/</i>266</a> <b>today</b></p>`},
		{"unbalanced markup left alone", `<p><i>see A/RES/</i><b>73/266 today</b></p>`, `<p><i>see A/RES/</i><b>73/266 today</b></p>`},
		{"inside an existing link", `<p><a href="https://example.org/">resolution 73/266</a></p>`, `<p><a href="https://example.org/">resolution 73/266</a></p>`},
		{"enumeration", `<p>第 73/27 号和第 73/266 号决议</p>`, `<p><a href="https://undocs.org/zh/A/RES/73/27">第 73/27 号</a>和<a href="https://undocs.org/zh/A/RES/73/266">第 73/266 号决议</a></p>`},
		{"attribute escaped", `<p>resolution 1540 (2004) &amp; more</p>`, `<p><a href="https://undocs.org/en/S/RES/1540(2004)">resolution 1540 (2004)</a> &amp; more</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, x := expand(t, []byte(tt.in), "t.html", ExpandOptions{})
			removeInsertions(t, doc.Input, x)
			if string(x.Output) != tt.want {
				t.Errorf("got  %s\nwant %s", x.Output, tt.want)
			}
		})
	}
}

func TestExpandOptions(t *testing.T) {
	in := []byte("Recalling resolution 1540 (2004) and decision 70/551.\n")
	dead := func(u string) (LinkStatus, bool) {
		return LinkStatus{Dead: strings.Contains(u, "1540"), Note: "soft-404 since 2026-11-02"}, true
	}
	tests := []struct {
		name string
		opt  ExpandOptions
		want string
	}{
		{"markdown", ExpandOptions{}, "Recalling [resolution 1540 (2004)](<https://undocs.org/en/S/RES/1540(2004)>) and decision 70/551.\n"},
		{"text", ExpandOptions{Format: ExpandText}, "Recalling resolution 1540 (2004) <https://undocs.org/en/S/RES/1540(2004)> and decision 70/551.\n"},
		{"language and template", ExpandOptions{Format: ExpandText, Lang: "fr", URLTemplate: "https://documents.un.org/api/symbol/access?s={qsymbol}&l={lang}"},
			"Recalling resolution 1540 (2004) <https://documents.un.org/api/symbol/access?s=S%2FRES%2F1540%282004%29&l=fr> and decision 70/551.\n"},
		{"dead marked", ExpandOptions{Format: ExpandHTML, Status: dead},
			`<pre class="xref-transcript" lang="en">Recalling <a href="https://undocs.org/en/S/RES/1540(2004)" class="xref-dead" title="dead link: soft-404 since 2026-11-02">resolution 1540 (2004)</a> and decision 70/551.` + "\n</pre>\n"},
		{"decision title", ExpandOptions{Format: ExpandHTML, Decisions: DecisionsTitle},
			`<pre class="xref-transcript" lang="en">Recalling <a href="https://undocs.org/en/S/RES/1540(2004)">resolution 1540 (2004)</a> and <span class="xref-decision" title="A/DEC/70/551: decisions are not issued as documents, so there is no document to link">decision 70/551</span>.` + "\n</pre>\n"},
		{"custom markup", ExpandOptions{Markup: func(c *Citation, u string, _ LinkStatus) (string, string, bool) {
			return "{{cite|" + c.Key + "|", "}}", true
		}}, "Recalling {{cite|S/RES/1540(2004)|resolution 1540 (2004)}} and decision 70/551.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, x := expand(t, in, "t.txt", tt.opt)
			if string(x.Output) != tt.want {
				t.Errorf("got  %q\nwant %q", x.Output, tt.want)
			}
		})
	}
	if _, err := Expand(context.Background(), &Document{}, ExpandOptions{Format: "pdf"}); err == nil {
		t.Error("unknown format accepted")
	}
}

// TestExpandCorpora: over the English corpora, every expansion is the input
// plus insertions.
func TestExpandCorpora(t *testing.T) {
	data := testenv.Concat(t, "corpora/ga-res-80-md/*.md", "corpora/unsc-resolutions-en/res_en_gold/S_RES_05*.txt")
	for _, f := range []ExpandFormat{ExpandMarkdown, ExpandText} {
		doc, x := expand(t, data, "corpora", ExpandOptions{Format: f})
		removeInsertions(t, doc.Input, x)
		if x.Linked < 500 {
			t.Errorf("%s: only %d citations linked", f, x.Linked)
		}
	}
}

func FuzzExpand(f *testing.F) {
	for _, s := range []string{
		"resolution 73/266 and decision 70/551",
		"<p>la <a href='https://undocs.org/es/A/RES/73/266'>resolución&nbsp;73/266</a> <i>A/RES/</i>73/27</p>",
		"第 73/27 号和第 73/266 号\n\n决议 [x]",
		"S/RES/1540 (2004)\n\nhttps://undocs.org/ch/73/546\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		doc, err := Parse(in, Options{})
		if err != nil {
			return
		}
		Crossref(doc)
		for _, format := range []ExpandFormat{ExpandMarkdown, ExpandHTML, ExpandText} {
			x, err := Expand(context.Background(), doc, ExpandOptions{Format: format})
			if err != nil {
				t.Fatal(err)
			}
			removeInsertions(t, doc.Input, x)
			if doc.Format != "html" && format == ExpandHTML {
				if got := html.UnescapeString(stripTagsAll(x.Output)); got != string(doc.Input)+"\n" {
					t.Fatalf("HTML text differs from the input")
				}
			}
		}
	})
}

// BenchmarkExpand measures Parse, Crossref and Expand on the English
// corpora, to compare with BenchmarkExtract (Parse alone): the expansion
// must stay within twice the extraction time.
func BenchmarkExpand(b *testing.B) {
	data := testenv.Concat(b, testenv.EnglishCorpora...)
	for _, f := range []ExpandFormat{ExpandMarkdown, ExpandHTML} {
		b.Run(string(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				doc, err := Parse(data, Options{})
				if err != nil {
					b.Fatal(err)
				}
				Crossref(doc)
				if _, err := Expand(context.Background(), doc, ExpandOptions{Format: f}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExtract is the extraction of the same text, whole-document.
func BenchmarkExtract(b *testing.B) {
	data := testenv.Concat(b, testenv.EnglishCorpora...)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestURLFor(t *testing.T) {
	for _, tc := range []struct{ tmpl, want string }{
		{DefaultURLTemplate, "https://undocs.org/zh/S/RES/1540(2004)"},
		{"https://docs.un.org/{lang}/{symbol}", "https://docs.un.org/zh/S/RES/1540(2004)"},
		{"https://mirror.example/?s={qsymbol}&l={lang}", "https://mirror.example/?s=S%2FRES%2F1540%282004%29&l=zh"},
		{"{display} {unknown} {", "S/RES/1540 (2004) {unknown} {"},
	} {
		if got := URLFor(tc.tmpl, "zh", "S/RES/1540(2004)", "S/RES/1540 (2004)"); got != tc.want {
			t.Errorf("URLFor(%q) = %q, want %q", tc.tmpl, got, tc.want)
		}
	}
}

// TestExpandParagraphBreak: in Markdown a citation that runs over a blank
// line (PDF text) is linked in the paragraph that holds its number.
func TestExpandParagraphBreak(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"大会通过的第 73/266 号\n\n决议，并期待", "大会通过的[第 73/266 号](https://undocs.org/zh/A/RES/73/266)\n\n决议，并期待"},
		{"Recalling its resolution\n\n 73/266 of 22 December", "Recalling its resolution\n\n [73/266](https://undocs.org/en/A/RES/73/266) of 22 December"},
	} {
		doc, x := expand(t, []byte(tc.in), "t.txt", ExpandOptions{})
		removeInsertions(t, doc.Input, x)
		if string(x.Output) != tc.want {
			t.Errorf("got  %q\nwant %q", x.Output, tc.want)
		}
	}
}
