package linker_test

import (
	"fmt"

	"github.com/xref-un/xref/linker"
)

func ExampleCompare() {
	en, _ := linker.Parse([]byte("The Assembly adopted resolution 73/266 and decision 70/551.\n\nWe recall resolution 1540 (2004).\n"), linker.Options{Path: "en.txt"})
	zh, _ := linker.Parse([]byte("大会通过了第 73/226 号决议。\n\n我们回顾第 1540(2004)号决议。\n"), linker.Options{Path: "zh.txt"})
	c := linker.Compare(en, zh)
	fmt.Printf("%d of %d citations agree\n", c.Summary.Agree, c.Summary.Rows)
	for _, r := range c.Differences {
		fmt.Print(r.Kind, ":")
		for _, s := range r.Sides {
			if s.Absent {
				fmt.Printf(" %s lacks it (after %s, %d:%d);", s.Lang, s.After, s.Line, s.Col)
			} else {
				fmt.Printf(" %s %s at %d:%d %q;", s.Lang, s.Symbol, s.Line, s.Col, s.Text)
			}
		}
		fmt.Println()
	}
	// Output:
	// 1 of 3 citations agree
	// differs: en A/RES/73/266 at 1:22 "resolution 73/266"; zh A/RES/73/226 at 1:6 "第 73/226 号决议";
	// missing: en A/DEC/70/551 at 1:44 "decision 70/551"; zh lacks it (after A/RES/73/226, 1:18);
}
