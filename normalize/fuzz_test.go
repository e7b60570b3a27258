package normalize_test

import (
	"testing"

	"github.com/xref-un/xref/normalize"
)

// FuzzExtract: no input makes the extractor panic, every span lies inside
// the input in order, and every key is a valid symbol.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"resolution 73/266", "第 73/27 号和第 73/266 号决议", "resoluciones 2 (I), de 1° de febrero de 1946, y 61/236",
		"S / PRST / 1994 / 16", "A/61/L.56 y Add.1", "resolutions 3411 A and B (XXX)", "第７３／２６６号决议",
		"A/55/432-S/2000/921", "paragraph 8 of resolution 1654 (XVI)", "https://undocs.org/ch/73/546",
		"resolution\n\n1540 (2004)", "50/70 Р", "第2254(2015)号决议第2段",
		"paragraphes 1 et 2 de la résolution 1540 (2004) et 6 de ladite résolution", "резолюцией Совета Безопасности 2254 (2015)",
		"القرار 217 ألف (د - 3)", "قراراته 1267 (1999) و1373 (2001)", "القرار ٢٧٨ ) ٣٩٩١ (", "الفقرة 2 من القرار المذكور",
		"安理会第1540(2004)号决议。该决议第2段", "resolution 73/266. That resolution",
	} {
		f.Add([]byte(s))
	}
	x := normalize.NewExtractor()
	f.Fuzz(func(t *testing.T, in []byte) {
		prev := 0
		// References back are asked for on every other input.
		x.Scan(in, normalize.Options{Anaphora: len(in)%2 == 0}, func(c normalize.Citation) {
			if c.Start < prev || c.Start >= c.End || c.End > len(in) {
				t.Fatalf("bad span [%d, %d) after %d in %q", c.Start, c.End, prev, in)
			}
			if c.Form == normalize.FormAnaphora && (c.AntecedentStart < 0 || c.AntecedentStart >= c.Start) {
				t.Fatalf("reference back at %d points at %d in %q", c.Start, c.AntecedentStart, in)
			}
			prev = c.End
			if s, err := normalize.ParseSymbol(c.Key); err != nil || s.Key != c.Key {
				t.Fatalf("key %q from %q is not canonical: %q, %v", c.Key, in[c.Start:c.End], s.Key, err)
			}
		})
	})
}
