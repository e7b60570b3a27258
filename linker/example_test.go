package linker_test

import (
	"context"
	"fmt"

	"github.com/xref-un/xref/linker"
)

func ExampleParse() {
	text := "美国领导的第 73/266 号决议设立了政府专家组。\n\nhttps://undocs.org/ch/A/RES/73/266\n"
	doc, err := linker.Parse([]byte(text), linker.Options{})
	if err != nil {
		panic(err)
	}
	for _, c := range doc.Citations {
		fmt.Printf("%d:%d %s %q %s\n", c.Line, c.Col, c.Key, c.Text, c.URL)
	}
	for _, l := range doc.Links {
		fmt.Println(l.URL, "->", l.Symbol, l.Lang, "(written", l.RawLang+")")
	}
	// Output:
	// 1:6 A/RES/73/266 "第 73/266 号决议" https://undocs.org/zh/A/RES/73/266
	// https://undocs.org/ch/A/RES/73/266 -> A/RES/73/266 zh (written ch)
}

func ExampleCrossref() {
	text := "Recalling resolution 73/266 (https://undocs.org/en/A/RES/73/226) and decision 70/551.\n"
	doc, _ := linker.Parse([]byte(text), linker.Options{})
	for _, f := range linker.Crossref(doc) {
		fmt.Printf("%d:%d: %s: %s: %s\n", f.Line, f.Col, f.Severity, f.Rule, f.Message)
		if f.Suggestion != "" {
			fmt.Println("\tsuggestion:", f.Suggestion)
		}
	}
	// Output:
	// 1:30: error: link-mismatch: link points at A/RES/73/226, but the text at 1:11 cites A/RES/73/266
	// 	suggestion: https://undocs.org/en/A/RES/73/266
	// 1:70: info: unlinked-citation: A/DEC/70/551 is a General Assembly decision: decisions are not issued as documents, so there is nothing to link
}

func ExampleParseLink() {
	l := linker.ParseLink("https://documents.un.org/api/symbol/access?s=S%2FRES%2F1540%20(2004)&l=C&t=pdf")
	fmt.Println(l.Form, l.Symbol, l.Lang)
	// Output:
	// ods-api S/RES/1540(2004) zh
}

func ExampleExpand() {
	for _, text := range []string{
		"大会通过了第 73/27 号和第 73/266 号决议。",
		"The Council recalled resolution 1540 (2004) and decision 70/551.",
		"Recordando la resolución 73/266 de la Asamblea General.",
	} {
		doc, _ := linker.Parse([]byte(text), linker.Options{})
		x, _ := linker.Expand(context.Background(), doc, linker.ExpandOptions{Format: linker.ExpandMarkdown})
		fmt.Println(string(x.Output))
	}
	// Output:
	// 大会通过了[第 73/27 号](https://undocs.org/zh/A/RES/73/27)和[第 73/266 号决议](https://undocs.org/zh/A/RES/73/266)。
	// The Council recalled [resolution 1540 (2004)](<https://undocs.org/en/S/RES/1540(2004)>) and decision 70/551.
	// Recordando la [resolución 73/266](https://undocs.org/es/A/RES/73/266) de la Asamblea General.
}

func ExampleExpand_html() {
	page := `<p>la <a href="https://undocs.org/es/A/RES/73/226">resolución 73/266</a> y la resolución&nbsp;73/27</p>`
	doc, _ := linker.Parse([]byte(page), linker.Options{})
	linker.Crossref(doc)
	x, _ := linker.Expand(context.Background(), doc, linker.ExpandOptions{FixLinks: true})
	fmt.Println(string(x.Output))
	// Output:
	// <p>la <a href="https://undocs.org/es/A/RES/73/266">resolución 73/266</a> y la <a href="https://undocs.org/es/A/RES/73/27">resolución&nbsp;73/27</a></p>
}
