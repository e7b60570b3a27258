package linker

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func mustEncode(t *testing.T, s string, f func(string) (string, error)) []byte {
	t.Helper()
	out, err := f(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(out)
}

// TestInputs reads one sentence in every supported form and checks that the
// citations are found, with offsets into the decoded text.
func TestInputs(t *testing.T) {
	zh := "大会通过了第 73/266 号决议。\n"
	es := "Recordando la resolución 73/266 de la Asamblea General.\n"
	utf16le := mustEncode(t, zh, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String)
	utf16be := mustEncode(t, zh, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String)
	gb := mustEncode(t, strings.Repeat(zh, 3), simplifiedchinese.GB18030.NewEncoder().String)
	cp := mustEncode(t, es, charmap.Windows1252.NewEncoder().String)
	tests := []struct {
		name     string
		data     []byte
		encoding string
		text     string
	}{
		{"utf-8", []byte(zh), EncUTF8, "第 73/266 号决议"},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), zh...), EncUTF8, "第 73/266 号决议"},
		{"utf-16le", utf16le, EncUTF16LE, "第 73/266 号决议"},
		{"utf-16be", utf16be, EncUTF16BE, "第 73/266 号决议"},
		{"gb18030", gb, EncGB18030, "第 73/266 号决议"},
		{"windows-1252", cp, EncWindows1252, "resolución 73/266"},
		{"html", []byte("<p>la <a href='https://undocs.org/es/A/RES/73/266'>resolución&nbsp;73/266</a></p>"), EncUTF8, "resolución&nbsp;73/266"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding != tt.encoding {
				t.Errorf("encoding %s; want %s", doc.Encoding, tt.encoding)
			}
			if len(doc.Citations) == 0 || doc.Citations[0].Key != "A/RES/73/266" {
				t.Fatalf("citations %v; want A/RES/73/266", doc.Citations)
			}
			c := doc.Citations[0]
			if got := string(doc.Input[c.Start:c.End]); got != tt.text || c.Text != tt.text {
				t.Errorf("input[%d:%d] = %q, text %q; want %q", c.Start, c.End, got, c.Text, tt.text)
			}
		})
	}
}

func TestInputErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
		msg  string
	}{
		{"pdf", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), ErrBinary, "PDF"},
		{"zip", []byte("PK\x03\x04\x14\x00\x06\x00"), ErrBinary, "ZIP"},
		{"nul bytes", []byte("resolution 73/266\x00\x00\x00\x01\x02"), ErrBinary, "NUL"},
		{"control characters", bytes.Repeat([]byte{0x01, 0x02, 0x03, 'a'}, 100), ErrBinary, "control"},
		{"damaged utf-8", []byte("第 73/266 号决议\nresolución \xff 73/266"), ErrEncoding, "line 2, column 12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.data, Options{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v; want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not mention %q", err, tt.msg)
			}
		})
	}
}

func TestEmptyInput(t *testing.T) {
	doc, err := Parse(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Citations) != 0 || len(doc.Links) != 0 || len(Crossref(doc)) != 0 {
		t.Errorf("an empty transcript has citations, links or findings: %+v", doc)
	}
}

func TestForcedEncoding(t *testing.T) {
	cp, _ := charmap.Windows1252.NewEncoder().String("la resolución 73/266")
	if _, err := Parse([]byte(cp), Options{Encoding: "utf-8"}); !errors.Is(err, ErrEncoding) {
		t.Errorf("forcing utf-8 on Windows-1252 text: %v; want an encoding error", err)
	}
	doc, err := Parse([]byte(cp), Options{Encoding: "windows-1252"})
	if err != nil || len(doc.Citations) != 1 {
		t.Errorf("forcing windows-1252: %v, %v", doc, err)
	}
	if _, err := Parse([]byte("x"), Options{Encoding: "ebcdic"}); !errors.Is(err, ErrEncoding) {
		t.Errorf("unknown encoding: %v", err)
	}
}

// TestMalformedHTML reads broken markup: unclosed tags, stray brackets, an
// unterminated comment. The text that is there is still found, with exact
// offsets.
func TestMalformedHTML(t *testing.T) {
	pages := []struct {
		html string
		want int
	}{
		{"<html><body><p>resolution <b>73/266<p>and <a href=https://undocs.org/en/A/RES/73/27>resolution 73/27", 2},
		{"<html><p>resolution 73/266 < 5 > 3 <!-- resolution 99/1", 1},
		// An attribute that never closes swallows the rest, in a browser too.
		{"<html><p a=\"b>resolution 73/266</p><p>resolution 73/27</p>", 0},
		{"<html><body><table><tr><td>resolution 73/266</td><td>CD/2141</table>", 2},
		{"<html><script>resolution 73/266</script><style>resolution 73/27</style><p>A/73/532", 1},
		{"<html><p>resolution &#55;3/266 &amp; A/73/532&#x2F;Add.1 &bogus; &", 2},
	}
	for _, p := range pages {
		doc, err := Parse([]byte(p.html), Options{Format: "html"})
		if err != nil {
			t.Fatalf("%q: %v", p.html, err)
		}
		checkOffsets(t, doc)
		Crossref(doc)
		if len(doc.Citations) != p.want {
			t.Errorf("%q: %d citations %v; want %d", p.html, len(doc.Citations), doc.Citations, p.want)
		}
	}
}

// TestHugeLine reads a 50 MB transcript without a single line break, as
// some exports produce: citations are found with their columns.
func TestHugeLine(t *testing.T) {
	filler := bytes.Repeat([]byte("The representative spoke at length about the work of the Conference. "), 30)
	block := append(append([]byte{}, filler...), "The Council recalls resolution 1540 (2004) and document CD/2141. "...)
	n := 50 << 20 / len(block)
	line := bytes.Repeat(block, n)
	doc, err := Parse(line, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Citations) != 2*n {
		t.Fatalf("%d citations in a %d MB line; want %d", len(doc.Citations), len(line)>>20, 2*n)
	}
	last := doc.Citations[len(doc.Citations)-1]
	if last.Line != 1 || last.Col != last.Start+1 {
		t.Errorf("last citation at %d:%d; want 1:%d", last.Line, last.Col, last.Start+1)
	}
}
