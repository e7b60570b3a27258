package linker

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Fingerprints gives each finding of a document an identity that survives
// edits elsewhere in the file: a hash of the file name, the rule, the
// symbol, the link and the words at the finding, but not of its line or
// column, with a count that tells apart findings otherwise identical
// ("…#2"). Baselines (xref check --baseline) compare fingerprints.
func Fingerprints(doc *Document, fs []Finding) {
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		text := ""
		if f.Start >= 0 && f.End <= len(doc.Input) && f.Start <= f.End {
			text = strings.Join(strings.Fields(string(doc.Input[f.Start:f.End])), " ")
		}
		h := sha256.New()
		for _, part := range []string{doc.Path, f.Rule, f.Symbol, f.URL, text} {
			h.Write([]byte(part))
			h.Write([]byte{0})
		}
		fp := hex.EncodeToString(h.Sum(nil)[:8])
		seen[fp]++
		if n := seen[fp]; n > 1 {
			fp += "#" + strconv.Itoa(n)
		}
		f.Fingerprint = fp
	}
}
