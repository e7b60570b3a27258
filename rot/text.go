package rot

import (
	"fmt"
	"strings"
	"time"

	"github.com/xref-un/xref/fetch"
)

// stamp formats a time for people: "2030-03-01 02:00 UTC".
func stamp(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// codes formats HTTP codes: "HTTP 302, 302, 200".
func codes(cs []int) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprint(c)
	}
	return "HTTP " + strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// failure describes a failed status with its codes.
func failure(e *Entry) string {
	s := e.Status
	if c := codes(e.Codes); c != "" {
		s += " (" + c + ")"
	}
	return s
}

// unknownWhy says why a check concluded nothing.
func unknownWhy(e *Entry) string {
	if !e.Checked && !e.WaitUntil.IsZero() {
		return fmt.Sprintf("not contacted: %s asked to wait until %s", e.WaitHost, stamp(e.WaitUntil))
	}
	switch fetch.Status(e.Status) {
	case fetch.StatusRateLimited:
		if !e.WaitUntil.IsZero() {
			return fmt.Sprintf("rate-limited: %s asked to wait until %s", e.WaitHost, stamp(e.WaitUntil))
		}
		return "rate-limited after the retries"
	case fetch.StatusBlocked:
		return "blocked: the server refuses automated access (" + codes(e.Codes) + "); check it in a browser"
	case fetch.StatusServerError:
		return "server error (" + codes(e.Codes) + ")"
	case fetch.StatusTimeout:
		return "no answer in time"
	case fetch.StatusNetwork:
		return "network failure: " + e.Error
	case fetch.StatusInvalid:
		return "not checkable: " + e.Error
	}
	return e.Status
}

// reason explains in one sentence why a link is in its section.
func reason(e *Entry, deadAfter int) string {
	runs := plural(e.Failures, "run", "separate runs")
	switch e.Verdict {
	case VerdictNewBroken:
		return fmt.Sprintf("%s: failed on %s since %s", failure(e), runs, stamp(e.FailingSince))
	case VerdictSuspect:
		s := fmt.Sprintf("failed on %d of the %d runs that make a link dead, since %s", e.Failures, deadAfter, stamp(e.FailingSince))
		switch {
		case !e.Checked:
			return s + "; not checked this run (last " + stamp(e.LastChecked) + ": " + e.Status + ")"
		case classify(e.Status) == classUnknown:
			return s + "; this run: " + unknownWhy(e)
		}
		return failure(e) + ": " + s
	case VerdictFixed:
		return fmt.Sprintf("works again; it had failed on %s since %s", runs, stamp(e.FailingSince))
	case VerdictRedirected:
		var parts []string
		for _, c := range e.Changes {
			switch c {
			case "final-url":
				parts = append(parts, fmt.Sprintf("now ends at %s (was %s)", e.Current.FinalURL, e.Previous.FinalURL))
			case "permanent-redirect":
				parts = append(parts, "a new permanent redirect on the way")
			}
		}
		return strings.Join(parts, "; ")
	case VerdictChanged:
		return fmt.Sprintf("same address, different document: new %s since %s", strings.Join(e.Changes, ", "), stamp(e.Previous.Time))
	case VerdictStillBroken:
		s := fmt.Sprintf("dead since %s (%s, failed on %s)", stamp(e.FailingSince), plural(e.AgeDays, "day", "days"), runs)
		switch {
		case !e.Checked:
			return s + "; last checked " + stamp(e.LastChecked) + ": " + e.Status
		case classify(e.Status) == classUnknown:
			return s + "; this run: " + unknownWhy(e)
		}
		return s + "; this run: " + failure(e)
	case VerdictUnknown:
		return unknownWhy(e)
	}
	return ""
}

// viaText says how a replacement was found.
var viaText = map[string]string{
	string(fetch.ViaSymbolAPI): "through the documents.un.org symbol API",
	string(fetch.ViaUndocs):    "on undocs.org",
	string(fetch.ViaDocs):      "on docs.un.org",
	string(fetch.ViaArchive):   "in the web archive",
	string(fetch.ViaKnown):     "by an earlier run",
}

// outcomeText says what an alternative gave.
var outcomeText = map[fetch.Outcome]string{
	fetch.OutcomeMissing:       "not there",
	fetch.OutcomeOtherDocument: "another document",
	fetch.OutcomeNoCopy:        "no copy",
	fetch.OutcomeUnreachable:   "not reachable",
	fetch.OutcomeSkipped:       "not asked (budget)",
}

// failing reports an entry whose link fails: the ones with a "replacement
// found" line.
func failing(e *Entry) bool { return e.State == StateSuspect || e.State == StateDead }

// replacementText is the "replacement found" line of a failing link,
// after the address (if any): "found through the documents.un.org symbol
// API on 2026-11-01", "copy of 2019-03-02 in the web archive", or "none
// (tried: …)".
func replacementText(e *Entry) string {
	s := ""
	if e.ReplacementLost != "" {
		s = "the replacement found earlier (" + e.ReplacementLost + ") is dead too; "
	}
	if rp := e.Replacement; rp != nil {
		how := "found " + viaText[rp.Via]
		if rp.Via == string(fetch.ViaArchive) && !rp.Snapshot.IsZero() {
			how = "copy of " + rp.Snapshot.UTC().Format("2006-01-02") + " in the web archive"
		}
		if !rp.Found.IsZero() {
			how += ", known since " + rp.Found.UTC().Format("2006-01-02")
		}
		if !rp.Checked.IsZero() && !rp.Checked.Equal(rp.Found) {
			how += ", resolving on " + rp.Checked.UTC().Format("2006-01-02")
		}
		return s + how
	}
	var tried []string
	for _, a := range e.Alternatives {
		if a.Outcome == fetch.OutcomeListed {
			continue
		}
		what := strings.TrimPrefix(strings.TrimPrefix(viaText[string(a.Via)], "through "), "on ")
		if a.Via == fetch.ViaArchive {
			what = "the web archive"
			if a.Outcome == fetch.OutcomeMissing || a.Outcome == fetch.OutcomeOtherDocument {
				what = "the archive's copy"
			}
		}
		tried = append(tried, what+": "+outcomeText[a.Outcome])
	}
	if len(tried) == 0 {
		return s + "none"
	}
	return s + "none (tried " + strings.Join(tried, "; ") + ")"
}
