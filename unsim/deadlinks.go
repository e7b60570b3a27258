package unsim

import (
	"fmt"
	"time"
)

// DeadLinkSet is the truth of a DeadLinks scenario: which links are dead
// and where, if anywhere, their documents still are. Links are
// https://undocs.org/en/<SYMBOL> addresses, as transcripts carry them.
type DeadLinkSet struct {
	// Moved links are dead on undocs.org and docs.un.org while the
	// documents.un.org symbol API (and the file) still serves the document.
	Moved []string
	// Archived links are dead on every UN host; the web archive holds a
	// copy of each, taken at Snapshots[link].
	Archived  []string
	Snapshots map[string]time.Time
	// Gone links are dead everywhere, the archive included.
	Gone []string
	// Live links resolve.
	Live []string
	// Symbols maps every link to the symbol it names.
	Symbols map[string]string
}

// DeadLinks builds a scenario of dead links and their replacements:
// moved documents known only to documents.un.org (Doc.Hosts), documents
// that only the web archive still holds (Scenario.Archive, one copy each
// in 2019, on distinct days), documents gone everywhere, and live links
// for the soft-404 proof to compare with. The built-in "dead-links" is
// DeadLinks(20, 10, 10, 10).
func DeadLinks(moved, archived, gone, live int) (*Scenario, DeadLinkSet) {
	sc := &Scenario{
		Name: "dead-links",
		Description: fmt.Sprintf("%d links dead on undocs.org whose documents the symbol API still serves, %d only in the web archive, %d gone everywhere, %d live (see unsim.DeadLinks).",
			moved, archived, gone, live),
	}
	set := DeadLinkSet{Snapshots: map[string]time.Time{}, Symbols: map[string]string{}}
	link := func(sym string) string {
		u := "https://undocs.org/en/" + sym
		set.Symbols[u] = sym
		return u
	}
	for i := 1; i <= moved; i++ {
		sym := fmt.Sprintf("A/RES/60/%d", i)
		sc.AddDoc(Doc{Symbol: sym, Hosts: []string{"documents.un.org"}})
		set.Moved = append(set.Moved, link(sym))
	}
	base := time.Date(2019, 3, 1, 10, 20, 30, 0, time.UTC)
	for i := 1; i <= archived; i++ {
		sym := fmt.Sprintf("A/RES/61/%d", i)
		u := link(sym)
		at := base.AddDate(0, 0, i)
		sc.Archive = append(sc.Archive, Capture{URL: u, Timestamp: at.Format(waybackLayout), Symbol: sym, Lang: "en"})
		set.Archived = append(set.Archived, u)
		set.Snapshots[u] = at
	}
	for i := 1; i <= gone; i++ {
		set.Gone = append(set.Gone, link(fmt.Sprintf("A/RES/62/%d", i)))
	}
	for i := 1; i <= live; i++ {
		sym := fmt.Sprintf("A/RES/63/%d", i)
		sc.AddDoc(Doc{Symbol: sym})
		set.Live = append(set.Live, link(sym))
	}
	return sc, set
}
