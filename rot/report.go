package rot

import (
	"encoding/json"
	"io"
	"time"

	"github.com/xref-un/xref/fetch"
)

// Schema names the JSON report's format and version. A change that removes
// or renames a field, or changes its meaning, bumps the version; new fields
// may appear within a version.
const Schema = "xref-rot/1"

// Verdict is what a run concluded about a link. Every verdict but
// VerdictOK is a section of the report.
type Verdict string

// The verdicts, in the order of the report's sections.
const (
	// VerdictNewBroken: the link failed on DeadAfter separate runs, the
	// latest of them this one: it is dead from now on.
	VerdictNewBroken Verdict = "new-broken"
	// VerdictSuspect: the link failed (not found, soft 404) on fewer runs
	// than DeadAfter; one more look is needed before calling it dead.
	VerdictSuspect Verdict = "suspect"
	// VerdictFixed: a suspect or dead link works again.
	VerdictFixed Verdict = "fixed"
	// VerdictRedirected: the link works but ends somewhere else than at its
	// last good check, or its chain has a new permanent redirect.
	VerdictRedirected Verdict = "redirected"
	// VerdictChanged: the link ends where it did, but the document there
	// changed: another ETag, length or content hash.
	VerdictChanged Verdict = "changed"
	// VerdictStillBroken: a dead link that was dead before this run,
	// whether or not this run looked at it again.
	VerdictStillBroken Verdict = "still-broken"
	// VerdictUnknown: nothing could be concluded: blocked, rate-limited,
	// server error, timeout, network failure, or not contacted because its
	// host asked to wait. Never counted as rot.
	VerdictUnknown Verdict = "unknown"
	// VerdictOK: checked and unchanged (or first seen working). Not listed.
	VerdictOK Verdict = "ok"
)

// SectionOrder lists the verdicts that are report sections, in order.
var SectionOrder = []Verdict{VerdictNewBroken, VerdictSuspect, VerdictFixed, VerdictRedirected, VerdictChanged, VerdictStillBroken, VerdictUnknown}

// Title returns the heading of a verdict's section ("New broken").
func (v Verdict) Title() string {
	switch v {
	case VerdictNewBroken:
		return "New broken"
	case VerdictSuspect:
		return "Suspect"
	case VerdictFixed:
		return "Fixed"
	case VerdictRedirected:
		return "Redirected"
	case VerdictChanged:
		return "Changed"
	case VerdictStillBroken:
		return "Still broken"
	case VerdictUnknown:
		return "Unknown"
	}
	return "OK"
}

// about explains a section in one sentence.
func (v Verdict) about(deadAfter int) string {
	switch v {
	case VerdictNewBroken:
		return "Dead as of this run: failed on " + itoa(deadAfter) + " separate runs."
	case VerdictSuspect:
		return "Failed, but on fewer than " + itoa(deadAfter) + " separate runs: checked again every night before being called dead."
	case VerdictFixed:
		return "Suspect or dead before, working again."
	case VerdictRedirected:
		return "Working, but ending at another address than at the last good check, or behind a new permanent redirect: update the link?"
	case VerdictChanged:
		return "Same address, different document: another ETag, length or content hash than at the last good check."
	case VerdictStillBroken:
		return "Dead before this run and still dead; checked again once a week."
	case VerdictUnknown:
		return "Could not be judged this run (blocked, rate-limited, server error, unreachable, or host asked to wait): not rot."
	}
	return ""
}

// States of a link, kept in the store (cache.Link.State) between runs.
const (
	StateOK      = "ok"      // worked at its last conclusive check
	StateSuspect = "suspect" // failed on fewer than DeadAfter runs
	StateDead    = "dead"    // failed on DeadAfter separate runs
)

// Report is the outcome of one run: the JSON report as it is written
// (Schema "xref-rot/1"), and what the Markdown and HTML renderings show.
// Times are UTC; lists are sorted (sections by URL, uses by transcript,
// language, line and column), so equal runs give equal reports.
type Report struct {
	Schema string  `json:"schema"` // "xref-rot/1"
	Run    RunInfo `json:"run"`
	Totals Totals  `json:"totals"`
	// Sections holds every section, empty ones included.
	Sections Sections `json:"sections"`
	// Trend is the recent runs of xref rot, oldest first, this one last.
	Trend []Point `json:"trend"`
	// ClosedHosts are hosts that asked to wait (Retry-After) beyond the end
	// of this run: they are not contacted before NotBefore.
	ClosedHosts []HostWait `json:"closed_hosts"`
}

// RunInfo describes the run.
type RunInfo struct {
	ID          string    `json:"id"`
	Start       time.Time `json:"start"`
	End         time.Time `json:"end"`
	Budget      string    `json:"budget"`       // Go duration, "30m0s"
	MaxRequests int       `json:"max_requests"` // 0: no cap
	DeadAfter   int       `json:"dead_after"`
	// Stopped says why due links were left for a later run: "budget" (the
	// time budget, planned or reached), "max-requests", "interrupted" (a
	// signal ended the run), or "" when every due link was checked or
	// host-closed.
	Stopped string `json:"stopped,omitempty"`
}

// Totals counts the run.
type Totals struct {
	Links      int `json:"links"`       // links used by at least one transcript
	Due        int `json:"due"`         // due for a check this run
	Checked    int `json:"checked"`     // resolved this run
	Requests   int `json:"requests"`    // HTTP requests made
	Deferred   int `json:"deferred"`    // due, left for a later run (budget, request cap)
	HostClosed int `json:"host_closed"` // due, not contacted: a host of their chain asked to wait

	NewBroken   int `json:"new_broken"`
	Suspect     int `json:"suspect"`
	Fixed       int `json:"fixed"`
	Redirected  int `json:"redirected"`
	Changed     int `json:"changed"`
	StillBroken int `json:"still_broken"`
	Unknown     int `json:"unknown"`
	// Replaced counts the failing links (suspect, new broken, still
	// broken) with a replacement.
	Replaced int `json:"replaced"`

	// States counts the states of all links after the run.
	States States `json:"states"`
}

// States counts links by state: working, suspect, dead (new broken and
// still broken), and never judged yet.
type States struct {
	OK       int `json:"ok"`
	Suspect  int `json:"suspect"`
	Dead     int `json:"dead"`
	Unjudged int `json:"unjudged"`
}

// Sections holds the links of each section. Every link is in at most one:
// Suspect lists every link in state suspect and NewBroken with StillBroken
// every dead link, whatever this run could see of them; Unknown holds the
// other links this run could not judge.
type Sections struct {
	NewBroken   []Entry `json:"new_broken"`
	Suspect     []Entry `json:"suspect"`
	Fixed       []Entry `json:"fixed"`
	Redirected  []Entry `json:"redirected"`
	Changed     []Entry `json:"changed"`
	StillBroken []Entry `json:"still_broken"`
	Unknown     []Entry `json:"unknown"`
}

// Of returns a pointer to the list of one section.
func (s *Sections) Of(v Verdict) *[]Entry {
	switch v {
	case VerdictNewBroken:
		return &s.NewBroken
	case VerdictSuspect:
		return &s.Suspect
	case VerdictFixed:
		return &s.Fixed
	case VerdictRedirected:
		return &s.Redirected
	case VerdictChanged:
		return &s.Changed
	case VerdictStillBroken:
		return &s.StillBroken
	case VerdictUnknown:
		return &s.Unknown
	}
	return nil
}

// Entry is one link in a section.
type Entry struct {
	URL     string  `json:"url"`
	Verdict Verdict `json:"verdict"`
	// State after the run: ok, suspect, dead, or "" (never judged).
	State string `json:"state"`
	// Checked says whether this run resolved the link; when it did not,
	// Status, Code and Error are those of its latest check.
	Checked bool   `json:"checked"`
	Status  string `json:"status,omitempty"` // fetch status: ok, not-found, soft-404, blocked, rate-limited …
	Code    int    `json:"code,omitempty"`
	Codes   []int  `json:"codes,omitempty"`
	Error   string `json:"error,omitempty"`
	// Reason says in one sentence why the link is in its section.
	Reason string `json:"reason"`

	// Failures counts the separate runs on which the link failed since it
	// last worked; FailingSince is the first of them.
	Failures     int       `json:"failures,omitempty"`
	FailingSince time.Time `json:"failing_since,omitzero"`
	AgeDays      int       `json:"age_days,omitempty"` // whole days since FailingSince
	LastOK       time.Time `json:"last_ok,omitzero"`
	LastChecked  time.Time `json:"last_checked,omitzero"`
	NextDue      time.Time `json:"next_due,omitzero"`

	// Changes lists what differs from the last good check: final-url,
	// permanent-redirect (redirected); etag, length, hash (changed).
	Changes []string `json:"changes,omitempty"`
	// Previous is the last good check before this run, Current this one
	// (for redirected, changed and fixed links).
	Previous *Snapshot `json:"previous,omitempty"`
	Current  *Snapshot `json:"current,omitempty"`

	// WaitHost and WaitUntil name the host that asked to wait
	// (Retry-After) and when it opens again: the link was rate-limited, or
	// not contacted at all because the host was still closed.
	WaitHost  string    `json:"wait_host,omitempty"`
	WaitUntil time.Time `json:"wait_until,omitzero"`

	// Replacement, for a failing link (suspect, new broken, still broken),
	// is the address found to serve its document: by this run, or by an
	// earlier one when this run did not check the link. Nil when none is
	// known; Alternatives then lists what this run tried.
	Replacement  *Replacement    `json:"replacement,omitempty"`
	Alternatives []fetch.Attempt `json:"alternatives,omitempty"`
	// ReplacementLost is the replacement an earlier run found, which this
	// run asked first and found dead too.
	ReplacementLost string `json:"replacement_lost,omitempty"`

	// Uses are every transcript, line and citation that carry the link.
	Uses []Use `json:"uses"`
}

// Replacement is an address that serves a failing link's document.
type Replacement struct {
	URL string `json:"url"`
	// Via says how it was found: symbol-api, undocs, docs-un, archive,
	// known (fetch.Via).
	Via string `json:"via"`
	// Snapshot is an archived copy's date.
	Snapshot time.Time `json:"snapshot,omitzero"`
	// Found is when a run first found it; Checked when it last resolved.
	Found   time.Time `json:"found,omitzero"`
	Checked time.Time `json:"checked,omitzero"`
}

// Snapshot is what a good check saw at the end of the chain.
type Snapshot struct {
	FinalURL     string    `json:"final_url,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Length       int64     `json:"length,omitempty"`
	Hash         string    `json:"hash,omitempty"` // SHA-256 of the first bytes
	NotModified  bool      `json:"not_modified,omitempty"`
	Time         time.Time `json:"time"`
}

// Use is one place where a link appears.
type Use struct {
	Transcript string `json:"transcript"` // document id: its symbol, or file:…
	Lang       string `json:"lang,omitempty"`
	Line       int    `json:"line"`
	Col        int    `json:"col,omitempty"`
	Symbol     string `json:"symbol,omitempty"` // the citation the link belongs to
	Path       string `json:"path,omitempty"`   // the file last checked for this version
}

// Point is one run in the trend.
type Point struct {
	Run         string    `json:"run"`
	Start       time.Time `json:"start"`
	Checked     int       `json:"checked"`
	NewBroken   int       `json:"new_broken"`
	Suspect     int       `json:"suspect"`
	Fixed       int       `json:"fixed"`
	Redirected  int       `json:"redirected"`
	Changed     int       `json:"changed"`
	StillBroken int       `json:"still_broken"`
	Unknown     int       `json:"unknown"`
	Dead        int       `json:"dead"` // links dead after the run
}

// HostWait is a host that asked to wait.
type HostWait struct {
	Host      string    `json:"host"`
	NotBefore time.Time `json:"not_before"`
}

// NewRot counts the links that became dead in this run: what a nightly job
// fails on.
func (r *Report) NewRot() int { return len(r.Sections.NewBroken) }

// WriteJSON writes the report as indented JSON (Schema).
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
