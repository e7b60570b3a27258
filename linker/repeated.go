package linker

import (
	"fmt"
	"strings"
)

// Occurrence is one place of a finding that is reported once for a whole
// file.
type Occurrence struct {
	Line       int    `json:"line"`
	Col        int    `json:"col"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	URL        string `json:"url,omitempty"`
	Symbol     string `json:"symbol,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
}

// maxListed is how many places the message of a repeated finding names;
// Occurrences keeps them all.
const maxListed = 20

// groupRepeated folds the findings that report one convention of the file
// (every link that writes "ch" for Chinese) into the first of them, which
// lists every place: thirteen identical warnings say less than one that
// says "thirteen links". Findings must be sorted by position; the order of
// the others is kept.
func groupRepeated(fs []Finding) []Finding {
	first := map[string]int{} // message → index in out
	out := fs[:0:0]
	for _, f := range fs {
		if f.Rule != RuleNonstandardLanguage {
			out = append(out, f)
			continue
		}
		occ := Occurrence{Line: f.Line, Col: f.Col, Start: f.Start, End: f.End, URL: f.URL, Symbol: f.Symbol, Suggestion: f.Suggestion}
		if i, ok := first[f.Message]; ok {
			out[i].Occurrences = append(out[i].Occurrences, occ)
			continue
		}
		first[f.Message] = len(out)
		f.Occurrences = []Occurrence{occ}
		out = append(out, f)
	}
	for i := range out {
		f := &out[i]
		if len(f.Occurrences) < 2 {
			f.Occurrences = nil
			continue
		}
		var at []string
		for k, o := range f.Occurrences {
			if k == maxListed {
				at = append(at, "…")
				break
			}
			at = append(at, fmt.Sprintf("%d:%d", o.Line, o.Col))
		}
		f.Message += fmt.Sprintf(" (%d links: %s)", len(f.Occurrences), strings.Join(at, ", "))
	}
	return out
}
