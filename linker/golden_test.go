package linker

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xref-un/xref/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// report renders what a reader of a transcript would check: its identity,
// every citation with its link, every link, and every finding.
func report(doc *Document, fs []Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "file %s\nencoding %s, format %s, lang %s, self %s, furniture %d\n\n", filepath.Base(doc.Path), doc.Encoding, doc.Format, doc.Lang, doc.Self, doc.Furniture)
	fmt.Fprintf(&b, "citations (%d):\n", len(doc.Citations))
	for i, c := range doc.Citations {
		link := "-"
		if c.Link >= 0 {
			link = doc.Links[c.Link].URL
		}
		fmt.Fprintf(&b, "  %2d %d:%d %s %s %q -> %s\n", i, c.Line, c.Col, c.Key, c.Kind, c.Text, link)
	}
	fmt.Fprintf(&b, "\nlinks (%d):\n", len(doc.Links))
	for i, l := range doc.Links {
		fmt.Fprintf(&b, "  %2d %d:%d %s [%s %s %s] cites %d %s\n", i, l.Line, l.Col, l.URL, l.Form, l.Lang, l.Symbol, l.Citation, l.Problem)
	}
	fmt.Fprintf(&b, "\nfindings (%d):\n", len(fs))
	for _, f := range fs {
		fmt.Fprintf(&b, "  %d:%d %s %s: %s\n", f.Line, f.Col, f.Severity, f.Rule, f.Message)
		if f.Suggestion != "" {
			fmt.Fprintf(&b, "      -> %s\n", f.Suggestion)
		}
	}
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s (run go test -update if the change is right):\n%s", name, path, diff(string(want), got))
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// checkOffsets verifies that every offset points at the text it claims.
func checkOffsets(t *testing.T, doc *Document) {
	t.Helper()
	li := newLineIndex(doc.Input)
	for _, c := range doc.Citations {
		if c.Start < 0 || c.End > len(doc.Input) || c.Start >= c.End {
			t.Fatalf("citation %s has span [%d, %d) outside %d bytes", c.Key, c.Start, c.End, len(doc.Input))
		}
		if got := string(doc.Input[c.Start:c.End]); got != c.Text {
			t.Errorf("citation %s: input[%d:%d] = %q; text says %q", c.Key, c.Start, c.End, got, c.Text)
		}
		if line, col := li.pos(c.Start); line != c.Line || col != c.Col {
			t.Errorf("citation %s at %d:%d; offset %d is at %d:%d", c.Key, c.Line, c.Col, c.Start, line, col)
		}
	}
	for _, l := range doc.Links {
		if l.Start < 0 || l.End > len(doc.Input) || l.Start > l.End {
			t.Fatalf("link %s has span [%d, %d) outside %d bytes", l.URL, l.Start, l.End, len(doc.Input))
		}
		if !l.Anchor && string(doc.Input[l.Start:l.End]) != l.URL {
			t.Errorf("link input[%d:%d] = %q; URL is %q", l.Start, l.End, doc.Input[l.Start:l.End], l.URL)
		}
	}
}

// TestGoldenSamples checks the sample transcripts of the repository: a
// Chinese PDF-text record with footnote links, an English record with inline
// links and an HTML page in Spanish, each with deliberate faults.
func TestGoldenSamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*.*"))
	if err != nil || len(files) < 3 {
		t.Fatalf("sample transcripts missing: %v", err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(data, Options{Path: f})
			if err != nil {
				t.Fatal(err)
			}
			fs := Crossref(doc)
			checkOffsets(t, doc)
			checkGolden(t, name, report(doc, fs))
		})
	}
}

// TestSeed is the first acceptance test: the real Chinese record of
// CD/PV.1505 read from ../shared.
func TestSeed(t *testing.T) {
	data := testenv.Read(t, testenv.Seed)
	doc, err := Parse(data, Options{Path: testenv.Seed})
	if err != nil {
		t.Fatal(err)
	}
	fs := Crossref(doc)
	checkOffsets(t, doc)
	if doc.Self != "CD/PV.1505" || doc.Lang != "zh" {
		t.Errorf("identity %q, language %q; want CD/PV.1505, zh", doc.Self, doc.Lang)
	}
	var keys []string
	for _, c := range doc.Citations {
		keys = append(keys, c.Key)
	}
	want := "CD/2141 A/RES/73/266 A/RES/73/27 CD/2141 A/RES/73/32 CD/2135 CD/2063 A/RES/72/251 A/RES/72/251 " +
		"A/RES/71/258 A/RES/73/74 A/RES/65/66 A/DEC/70/551 A/RES/73/546"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("citations:\n got %s\nwant %s", got, want)
	}
	// Every linked citation has its footnote link, with the same symbol
	// except the malformed 73/546.
	for _, c := range doc.Citations {
		if !c.Resolvable() {
			if c.Link >= 0 {
				t.Errorf("decision %s paired with %s", c.Key, doc.Links[c.Link].URL)
			}
			continue
		}
		if c.Link < 0 {
			t.Errorf("%s at %d:%d has no link", c.Key, c.Line, c.Col)
			continue
		}
		l := doc.Links[c.Link]
		if l.Symbol != c.Key && !(c.Key == "A/RES/73/546" && l.URL == "https://undocs.org/ch/73/546") {
			t.Errorf("%s paired with %s", c.Key, l.URL)
		}
	}
	count := map[string]int{}
	for _, f := range fs {
		count[f.Rule+"/"+string(f.Severity)]++
		if f.Rule == RuleMalformedLink {
			// 73/546 is a decision (the kind-mismatch finding says so):
			// there is no document to send the reader to.
			if f.URL != "https://undocs.org/ch/73/546" || f.Suggestion != "" {
				t.Errorf("malformed-link %s suggests %q", f.URL, f.Suggestion)
			}
		}
		if f.Rule == RuleNonstandardLanguage && len(f.Occurrences) != 13 {
			t.Errorf("nonstandard-language lists %d occurrences; want the 13 links that write ch", len(f.Occurrences))
		}
		suggestions := []string{f.Suggestion}
		for _, o := range f.Occurrences {
			suggestions = append(suggestions, o.Suggestion)
		}
		for _, s := range suggestions {
			if strings.Contains(s, "A/RES/73/546") {
				t.Errorf("%s at %d:%d suggests %s, a symbol the same run calls a decision", f.Rule, f.Line, f.Col, s)
			}
		}
	}
	for _, fix := range []bool{false, true} {
		for _, format := range []ExpandFormat{ExpandMarkdown, ExpandHTML, ExpandText} {
			x, err := Expand(context.Background(), doc, ExpandOptions{Format: format, FixLinks: fix})
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(x.Output, []byte("A/RES/73/546")) {
				t.Errorf("expand (%s, fix %v) links A/RES/73/546, a symbol check calls a decision", format, fix)
			}
		}
	}
	for rule, n := range map[string]int{
		"malformed-link/error": 1, "nonstandard-language/warning": 1, "unlinked-citation/info": 1,
		"link-mismatch/error": 0, "orphan-link/warning": 0, "unlinked-citation/warning": 0,
	} {
		if count[rule] != n {
			t.Errorf("%d findings %s; want %d", count[rule], rule, n)
		}
	}
	checkGolden(t, "seed-CD-PV.1505", report(doc, fs))
}
