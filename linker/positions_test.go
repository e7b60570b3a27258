package linker

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/xref-un/xref/internal/testenv"
)

// TestPositions: every citation, reference back and link of the samples and
// the seed carries the line and column (in characters) of its first byte,
// counted here independently, also when citations are broken across lines.
func TestPositions(t *testing.T) {
	inputs := map[string][]byte{"seed": testenv.Read(t, testenv.Seed)}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*.*")) // the samples, not the folders
	more, _ := filepath.Glob(filepath.Join("..", "rot", "testdata", "*.txt"))
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = b
	}
	// Break the line before every number that follows a word; after the
	// slash of n/m and before a bracketed year, as PDF text does; put spaces
	// around punctuation as tokenised corpora do; type full-width forms.
	wrap := regexp.MustCompile(`(\pL) (\d)`)
	wrapInside := regexp.MustCompile(`(\d)/(\d)|(\d) ?(\(\d{4}\))`)
	tokenise := regexp.MustCompile(` *([/(),;:]) *`)
	fullWidth := regexp.MustCompile(`[0-9/()]`)
	variants := func(data []byte) [][]byte {
		return [][]byte{
			data,
			wrap.ReplaceAll(data, []byte("$1\n$2")),
			wrapInside.ReplaceAllFunc(data, func(b []byte) []byte {
				if i := bytes.IndexByte(b, '/'); i >= 0 {
					return append(append(append([]byte(nil), b[:i+1]...), '\n'), b[i+1:]...)
				}
				i := bytes.IndexByte(b, '(')
				return append(append(append([]byte(nil), b[0]), '\n'), b[i:]...)
			}),
			tokenise.ReplaceAll(data, []byte(" $1 ")),
			fullWidth.ReplaceAllFunc(data, func(b []byte) []byte { return []byte(string(rune(b[0]) + 0xFEE0)) }),
		}
	}
	for name, data := range inputs {
		for _, variant := range variants(data) {
			doc, err := Parse(variant, Options{Path: name, Anaphora: true})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			check := func(what, text string, start, end, line, col int) {
				t.Helper()
				if string(doc.Input[start:end]) != text {
					t.Fatalf("%s: %s %q is not input[%d:%d] = %q", name, what, text, start, end, doc.Input[start:end])
				}
				ls := bytes.LastIndexByte(doc.Input[:start], '\n') + 1
				wl, wc := 1+bytes.Count(doc.Input[:start], []byte("\n")), 1+utf8.RuneCount(doc.Input[ls:start])
				if line != wl || col != wc {
					t.Errorf("%s: %s %q at %d:%d; it starts at %d:%d", name, what, text, line, col, wl, wc)
				}
			}
			for _, c := range doc.Citations {
				check("citation", c.Text, c.Start, c.End, c.Line, c.Col)
			}
			for _, r := range doc.References {
				check("reference", r.Text, r.Start, r.End, r.Line, r.Col)
			}
			for _, l := range doc.Links {
				check("link", string(doc.Input[l.Start:l.End]), l.Start, l.End, l.Line, l.Col)
			}
		}
	}
}

// TestPositionsPDFBreaks: the spans, lines and columns of citations next to
// the line breaks of PDF text: a suffix wrapped after its keyword, a
// complete suffix before a footnote's number, a page's first line after a
// form feed.
func TestPositionsPDFBreaks(t *testing.T) {
	in := "Recalling the report A/99/123/Add.\n7 and its annex,\n\n" +
		"1 A/99/123/Add.4. \n \n2 See A/99/456.\n" +
		"\fRecalling resolution 1234 (2030), the Council\n"
	want := []span{
		{"A/99/123/Add.\n7", 1, 22},
		{"A/99/123/Add.4", 4, 3},
		{"A/99/456", 6, 7},
		{"resolution 1234 (2030)", 7, 12},
	}
	checkSpans(t, in, want)
}

// TestPositionsContinuedForms: the spans, lines and columns of the forms
// that continue a citation over other text: a bare number continuing a
// meeting record's symbol, a year in brackets after blank lines, and a
// bracketed number with a year clause.
func TestPositionsContinuedForms(t *testing.T) {
	in := "Records (A/C.3/58/SR.12, 14 and 19).\n" +
		"las resoluciones 1267 (1999), 1989\n\n\n(2011) y 2253 (2015)\n" +
		"أيدت الخطة عبر القرار (2139) عام 2014، ثم تابعت.\n"
	want := []span{
		{"A/C.3/58/SR.12", 1, 10},
		{"14", 1, 26},
		{"19", 1, 33},
		{"resoluciones 1267 (1999)", 2, 5},
		{"1989\n\n\n(2011)", 2, 31},
		{"2253 (2015)", 5, 10},
		{"القرار (2139) عام 2014", 6, 16},
	}
	checkSpans(t, in, want)
}

// TestPositionsMeetingRecordForms: the spans, lines and columns of the forms
// of meeting records: numbers and repeated keywords continuing a symbol
// across a line break, a keyword's number after a space, a provisional
// agenda wrapped after its slash, an article for the trigger after an
// adverb, and an epithet between the trigger and its number.
func TestPositionsMeetingRecordForms(t *testing.T) {
	in := "(voir S/2030/12/Add.3, 5\net 9)\n" +
		"Draft resolutions A/C.2/90/L. 4, L.12 and the rest\n" +
		"as in document S/Agenda/\n9901, adopted\n" +
		"Viola sus resoluciones, en particular la 2334 (2016), y otras.\n" +
		"ناقش مجلس الأمن القرار الدولي رقم 2139 أمس.\n"
	want := []span{
		{"S/2030/12/Add.3", 1, 7},
		{"5", 1, 24},
		{"9", 2, 4},
		{"A/C.2/90/L. 4", 3, 19},
		{"L.12", 3, 34},
		{"S/Agenda/\n9901", 4, 16},
		{"resoluciones, en particular la 2334 (2016)", 6, 11},
		{"القرار الدولي رقم 2139", 7, 17},
	}
	checkSpans(t, in, want)
}

// span is where a citation should stand: its text and the line and column
// (1-based, in characters) of its start.
type span struct {
	text      string
	line, col int
}

// checkSpans parses in and holds its citations to want, in order: each
// one's input[start:end], text, line and column.
func checkSpans(t *testing.T, in string, want []span) {
	t.Helper()
	doc, err := Parse([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Citations) != len(want) {
		t.Fatalf("%d citations %v; want %d", len(doc.Citations), doc.Citations, len(want))
	}
	for i, w := range want {
		c := doc.Citations[i]
		if got := string(doc.Input[c.Start:c.End]); got != w.text || c.Text != w.text || c.Line != w.line || c.Col != w.col {
			t.Errorf("citation %d: input[%d:%d] = %q, text %q at %d:%d; want %q at %d:%d", i, c.Start, c.End, got, c.Text, c.Line, c.Col, w.text, w.line, w.col)
		}
	}
}
