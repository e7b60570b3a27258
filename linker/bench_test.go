package linker

import (
	"bytes"
	"context"
	"testing"

	"github.com/xref-un/xref/internal/testenv"
)

// BenchmarkStream is the path of `xref extract`: decoding checks, windows on
// all cores, furniture, lines and columns, over the English corpora.
func BenchmarkStream(b *testing.B) {
	text := testenv.Concat(b, testenv.EnglishCorpora...)
	b.SetBytes(int64(len(text)))
	n := 0
	for b.Loop() {
		n = 0
		_, err := Stream(context.Background(), bytes.NewReader(text), Options{}, func(Citation) error { n++; return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "citations/op")
}

// BenchmarkParseAndCrossref is the path of `xref check` on the seed.
func BenchmarkParseAndCrossref(b *testing.B) {
	seed := testenv.Read(b, testenv.Seed)
	b.SetBytes(int64(len(seed)))
	for b.Loop() {
		doc, err := Parse(seed, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if fs := Crossref(doc); len(fs) == 0 {
			b.Fatal("no findings")
		}
	}
}
