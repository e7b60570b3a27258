package linker_test

import (
	"fmt"

	"github.com/xref-un/xref/linker"
)

func ExampleDocument_Verdict() {
	text := "Mexico recalls resolution 1540 (2005) and resolution 73/546 (https://undocs.org/en/A/RES/73/546).\n"
	doc, _ := linker.Parse([]byte(text), linker.Options{})
	for i, c := range doc.Citations {
		v := doc.Verdict(i)
		fmt.Printf("%q is %s (%s), address %q, link fixed to %q\n", c.Text, v.Key, v.Kind, v.URL, v.Fix)
	}
	// Output:
	// "resolution 1540 (2005)" is S/RES/1540(2004) (resolution), address "https://undocs.org/en/S/RES/1540(2004)", link fixed to ""
	// "resolution 73/546" is A/DEC/73/546 (decision), address "", link fixed to ""
}
