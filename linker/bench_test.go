package linker

import (
	"bytes"
	"context"
	"fmt"
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

// BenchmarkCrossrefLinked is the path of `xref check` on transcripts in
// which every citation carries a link: the time must grow with the size,
// not with citations × links (8 MB within 2.6 times 4 MB).
func BenchmarkCrossrefLinked(b *testing.B) {
	for _, mb := range []int{4, 8} {
		for _, oneLine := range []bool{false, true} {
			name := fmt.Sprintf("%dMB", mb)
			if oneLine {
				name += "-one-line"
			}
			text := linkedText(mb<<20, oneLine)
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					doc, err := Parse(text, Options{})
					if err != nil {
						b.Fatal(err)
					}
					Crossref(doc)
				}
			})
		}
	}
}
