package normalize_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xref-un/xref/internal/testenv"
	"github.com/xref-un/xref/normalize"
)

// BenchmarkExtractEnglish scans the English corpora (18 MB: Security
// Council resolutions, General Assembly resolutions as Markdown and as raw
// PDF text, debate sentences) on one core. Target: 300 MB/s.
func BenchmarkExtractEnglish(b *testing.B) {
	text := testenv.Concat(b, testenv.EnglishCorpora...)
	benchExtract(b, text)
}

// BenchmarkExtractChinese scans the Chinese seed transcript repeated to 8 MB.
// Target: 50 MB/s.
func BenchmarkExtractChinese(b *testing.B) {
	seed := testenv.Read(b, testenv.Seed)
	var text []byte
	for len(text) < 8<<20 {
		text = append(text, seed...)
	}
	benchExtract(b, text)
}

// BenchmarkExtractVersions scans the six language versions of one sample
// record (testdata/S-PV.9901.*.txt, the same citations in each), repeated
// to 4 MB, so that the languages are compared on the same content. Target:
// every language within twice the time of English.
func BenchmarkExtractVersions(b *testing.B) {
	for _, lang := range []string{"en", "fr", "es", "ru", "ar", "zh"} {
		b.Run(lang, func(b *testing.B) {
			one, err := os.ReadFile(filepath.Join("..", "testdata", "S-PV.9901."+lang+".txt"))
			if err != nil {
				b.Fatal(err)
			}
			var text []byte
			for len(text) < 4<<20 {
				text = append(text, one...)
			}
			benchExtract(b, text)
		})
	}
}

func benchExtract(b *testing.B, text []byte) {
	x := normalize.NewExtractor()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		x.Scan(text, normalize.Options{}, func(normalize.Citation) { n++ })
	}
	if n == 0 {
		b.Fatal("no citations found")
	}
	b.ReportMetric(float64(n), "citations/op")
}

// BenchmarkFold folds the Chinese seed: full-width punctuation all over.
func BenchmarkFold(b *testing.B) {
	text := testenv.Read(b, testenv.Seed)
	b.SetBytes(int64(len(text)))
	f := new(normalize.Folded)
	for b.Loop() {
		f.Reset(text)
	}
}

// BenchmarkParseSymbol parses typical symbols.
func BenchmarkParseSymbol(b *testing.B) {
	syms := []string{"A/RES/73/266", "S/RES/1540 (2004)", "A/C.3/78/L.60/Rev.1", "CD/PV.1505", "A/RES/217 A (III)"}
	for b.Loop() {
		for _, s := range syms {
			if _, err := normalize.ParseSymbol(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}
