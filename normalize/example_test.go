package normalize_test

import (
	"fmt"

	"github.com/xref-un/xref/normalize"
)

func ExampleParseSymbol() {
	s, _ := normalize.ParseSymbol("s/res/1540 (2004)")
	fmt.Println(s.Key, "|", s.Display, "|", s.Kind, s.Organ)
	_, err := normalize.ParseSymbol("73/546")
	fmt.Println(err)
	// Output:
	// S/RES/1540(2004) | S/RES/1540 (2004) | resolution SC
	// "73/546": normalize: symbol has no series (such as A/ or S/)
}

func ExampleExtractor_Extract() {
	x := normalize.NewExtractor()
	for _, text := range []string{
		"大会第 73/27 号和第 73/266 号决议以及第 70/551 号决定",
		"Recalling Security Council resolution 1540 (2004) and document CD/2141,",
		"Recordando sus resoluciones 2 (I), de 1° de febrero de 1946, y 61/236",
	} {
		for _, c := range x.Extract([]byte(text), normalize.Options{}) {
			fmt.Printf("%-16s %-10s %q\n", c.Key, c.Kind, text[c.Start:c.End])
		}
	}
	// Output:
	// A/RES/73/27      resolution "第 73/27 号"
	// A/RES/73/266     resolution "第 73/266 号决议"
	// A/DEC/70/551     decision   "第 70/551 号决定"
	// S/RES/1540(2004) resolution "resolution 1540 (2004)"
	// CD/2141          document   "CD/2141"
	// A/RES/2(I)       resolution "resoluciones 2 (I)"
	// A/RES/61/236     resolution "61/236"
}

func ExampleFold() {
	in := []byte("第７３／２６６号决议")
	f := normalize.Fold(in)
	fmt.Println(string(f.Text))
	// The folded "73/266" maps back to the full-width original.
	s, e := f.Orig(3, 9)
	fmt.Println(string(in[s:e]))
	// Output:
	// 第73/266号决议
	// ７３／２６６
}
