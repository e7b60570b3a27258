package cache

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Synthetic transcripts from realistic symbols, for the crash test and the
// benchmarks.

// synthSymbol draws a cited symbol: mostly GA and SC resolutions, then GA
// documents and decisions, CD documents and SC documents.
func synthSymbol(r *rand.Rand) string {
	switch r.IntN(10) {
	case 0, 1, 2, 3:
		return fmt.Sprintf("A/RES/%d/%d", 40+r.IntN(41), 1+r.IntN(330))
	case 4, 5:
		n := 1 + r.IntN(2750)
		return fmt.Sprintf("S/RES/%d(%d)", n, 1946+n*78/2750)
	case 6:
		return fmt.Sprintf("A/%d/%d", 40+r.IntN(41), 1+r.IntN(900))
	case 7:
		return fmt.Sprintf("CD/%d", 1000+r.IntN(1300))
	case 8:
		return fmt.Sprintf("A/DEC/%d/%d", 40+r.IntN(41), 400+r.IntN(160))
	default:
		return fmt.Sprintf("S/%d/%d", 1994+r.IntN(31), 1+r.IntN(1000))
	}
}

func synthKind(sym string) string {
	switch {
	case strings.Contains(sym, "/RES/"):
		return "resolution"
	case strings.Contains(sym, "/DEC/"):
		return "decision"
	}
	return "document"
}

// synthCiting names the i-th citing transcript: SC and GA meeting records.
func synthCiting(i int) string {
	if i%3 == 2 {
		return fmt.Sprintf("A/%d/PV.%d", 70+i%10, 1+i/3)
	}
	return fmt.Sprintf("S/PV.%d", 9000+i)
}

const filler = "the Security Council, recalling its previous resolutions and the statements of its President, "

// synthTranscript builds transcript i with n distinct cited symbols (plus
// hot, if not empty), drawn from rng; about one citation in five occurs
// twice and one in two carries a link.
func synthTranscript(rng *rand.Rand, i, n int, hot string) Transcript {
	t := Transcript{ID: synthCiting(i), Symbol: synthCiting(i), Language: "en", Kind: "verbatim-record"}
	seen := make(map[string]bool, n+1)
	syms := make([]string, 0, n+1)
	if hot != "" {
		seen[hot] = true
		syms = append(syms, hot)
	}
	for len(syms) < n {
		s := synthSymbol(rng)
		if !seen[s] {
			seen[s] = true
			syms = append(syms, s)
		}
	}
	off := 0
	for j, s := range syms {
		reps := 1
		if rng.IntN(5) == 0 {
			reps = 2
		}
		for range reps {
			off += 200 + rng.IntN(2000)
			o := Occurrence{Kind: synthKind(s), Start: off, End: off + len(s), Line: off / 80, Column: 1 + off%80,
				Snippet: filler[:40] + s + filler[40:80]}
			if (j+reps)%2 == 0 {
				o.URL = "https://undocs.org/en/" + s
			}
			t.Citations = append(t.Citations, Citation{Symbol: s, Occurrence: o})
		}
	}
	return t
}
