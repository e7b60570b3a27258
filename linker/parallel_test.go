package linker

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLanguageVersions: the six language versions of the sample record
// S/PV.9901 (written for this project, one translation of the other) are
// told apart by language, share their identity and give the same symbols,
// and the same link faults, in every language.
func TestLanguageVersions(t *testing.T) {
	var ref []string
	for _, lang := range Languages {
		path := filepath.Join("..", "testdata", "S-PV.9901."+lang+".txt")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse(data, Options{Path: path})
		if err != nil {
			t.Fatal(err)
		}
		Crossref(doc)
		if doc.Lang != lang || !doc.LangDetected || doc.Self != "S/PV.9901" {
			t.Errorf("%s: language %s (detected %v), self %q", lang, doc.Lang, doc.LangDetected, doc.Self)
		}
		var keys []string
		for _, c := range doc.Citations {
			keys = append(keys, c.Key)
			if string(data[c.Start:c.End]) != c.Text {
				t.Fatalf("%s: citation text %q is not input[%d:%d]", lang, c.Text, c.Start, c.End)
			}
		}
		slices.Sort(keys)
		if ref == nil {
			ref = keys
		} else if !slices.Equal(keys, ref) {
			t.Errorf("%s gives\n  %s\nwhere %s gives\n  %s", lang, strings.Join(keys, " "), Languages[0], strings.Join(ref, " "))
		}
		// The mismatched link of 73/266 is paired with its citation in
		// every language, whatever the words between.
		mismatched := 0
		for _, l := range doc.Links {
			if l.Symbol == "A/RES/73/226" && l.Citation >= 0 && doc.Citations[l.Citation].Key == "A/RES/73/266" {
				mismatched++
			}
		}
		if mismatched != 1 {
			t.Errorf("%s: the link to A/RES/73/226 is not paired with the citation of 73/266", lang)
		}
	}
	if len(ref) != 11 {
		t.Errorf("%d citations in each version; want 11", len(ref))
	}
}
