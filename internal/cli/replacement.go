package cli

import (
	"strings"

	"github.com/xref-un/xref/fetch"
)

// viaNames say how a replacement was found, in a few words.
var viaNames = map[fetch.Via]string{
	fetch.ViaSymbolAPI: "the documents.un.org symbol API",
	fetch.ViaUndocs:    "undocs.org",
	fetch.ViaDocs:      "docs.un.org",
	fetch.ViaArchive:   "the web archive",
	fetch.ViaKnown:     "an earlier run",
}

// outcomeNames say what an alternative gave, in a few words.
var outcomeNames = map[fetch.Outcome]string{
	fetch.OutcomeMissing:       "not there",
	fetch.OutcomeOtherDocument: "another document",
	fetch.OutcomeNoCopy:        "no copy",
	fetch.OutcomeUnreachable:   "not reachable",
	fetch.OutcomeSkipped:       "not asked (budget)",
}

// replacementNote says where a dead link's document was found, or that it
// was not and what was tried; "" for a result without a search.
func replacementNote(r fetch.Result) string {
	var s string
	if r.ReplacementLost != "" {
		s = "the replacement found earlier is dead too; "
	}
	if rp := r.Replacement; rp != nil {
		return s + "replacement: " + replacementPhrase(rp)
	}
	if r.Status != fetch.StatusNotFound && r.Status != fetch.StatusSoft404 {
		return ""
	}
	var tried []string
	for _, a := range r.Alternatives {
		if a.Outcome == fetch.OutcomeListed {
			continue // the copy it lists is the next attempt
		}
		what := viaNames[a.Via]
		if a.Via == fetch.ViaArchive && a.Outcome != fetch.OutcomeNoCopy && a.Outcome != fetch.OutcomeUnreachable && a.Outcome != fetch.OutcomeSkipped {
			what = "the archive's copy"
		}
		tried = append(tried, what+": "+outcomeNames[a.Outcome])
	}
	if len(tried) == 0 {
		return s + "no replacement found: the address names no document symbol"
	}
	return s + "no replacement found (" + strings.Join(tried, "; ") + ")"
}

// replacementPhrase describes a replacement: "the documents.un.org
// symbol API", "the web archive's copy of 2019-03-02".
func replacementPhrase(rp *fetch.Replacement) string {
	s := "found through " + viaNames[rp.Via]
	switch {
	case rp.Via == fetch.ViaArchive && !rp.Snapshot.IsZero():
		s = "the web archive's copy of " + rp.Snapshot.UTC().Format("2006-01-02")
	case rp.Via == fetch.ViaUndocs || rp.Via == fetch.ViaDocs:
		s = "found on " + viaNames[rp.Via]
	}
	if rp.Rechecked {
		s += " (found by an earlier run, still resolving)"
	}
	return s
}
