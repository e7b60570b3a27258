package cache

import (
	"encoding/json"
	"time"
)

// Transcript is one checked file: what Ingest stores. The pair (ID, Language)
// names a version of a document; ingesting a version again replaces
// everything the previous ingest of that version stored.
type Transcript struct {
	// ID identifies the citing document: its canonical symbol (CD/PV.1505) or,
	// for a transcript without one, TranscriptID(path, content). Required.
	ID string
	// Symbol is the document's own symbol, empty when it has none.
	Symbol string
	// Language of this version (en, fr, zh …). May be empty when unknown;
	// the empty language is then a version of its own.
	Language string
	// Path and ContentHash say which file was checked (informational).
	Path        string
	ContentHash string
	// Title and Kind describe the citing document when known.
	Title string
	Kind  string
	// RunID and CheckedAt record when this version was checked. A zero
	// CheckedAt means now.
	RunID     string
	CheckedAt time.Time
	// Citations are every citation found, in any order. Exact duplicates
	// (same symbol and occurrence) are stored once.
	Citations []Citation
	// Links are link uses not attached to a citation (a footnote URL with no
	// symbol found, say). Citations with a URL are link uses already and need
	// not be repeated here.
	Links []LinkRef
}

// Citation is one place where a transcript cites a document.
type Citation struct {
	// Symbol is the canonical symbol key of the cited document, compared
	// byte for byte: the caller canonicalises.
	Symbol string
	Occurrence
}

// Occurrence is where and how a citation appears. Offsets are byte offsets
// into the checked text; Line and Column are 1-based as the caller counts them.
type Occurrence struct {
	Language string `json:"lang,omitempty"` // defaults to the Transcript's
	Kind     string `json:"kind,omitempty"` // resolution, decision, document …
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Line     int    `json:"line"`
	Column   int    `json:"col"`
	Snippet  string `json:"snippet,omitempty"` // a few dozen characters each side
	URL      string `json:"url,omitempty"`     // the link used, if any
}

// LinkRef is a link found in a transcript outside any citation.
type LinkRef struct {
	URL    string
	Line   int
	Column int
	Symbol string // the citation the link belongs to, if known
}

// Document is what the store knows about a document: a citing transcript
// (with one Version per language checked) or a cited document whose
// metadata was recorded with PutDocument.
type Document struct {
	ID        string    `json:"id"`
	Symbol    string    `json:"symbol,omitempty"`
	Title     string    `json:"title,omitempty"`
	Kinds     []string  `json:"kinds,omitempty"`     // sorted, distinct
	Languages []string  `json:"languages,omitempty"` // sorted, distinct: versions and PutDocument
	Versions  []Version `json:"versions,omitempty"`  // sorted by Language
	Updated   time.Time `json:"updated"`
}

// Version is one ingested language version of a transcript.
type Version struct {
	Language    string    `json:"lang"`
	Path        string    `json:"path,omitempty"`
	ContentHash string    `json:"hash,omitempty"`
	RunID       string    `json:"run,omitempty"`
	CheckedAt   time.Time `json:"checked"`
	// Gen is the generation of the edges that are this version's: edges
	// stored under any other generation are not visible.
	Gen uint64 `json:"gen"`
	// Edges, Occurrences and Links count what the version stored: distinct
	// cited symbols, occurrences, and distinct link URLs.
	Edges       int `json:"edges"`
	Occurrences int `json:"occurrences"`
	Links       int `json:"links"`
}

// Cited is one distinct document cited by a transcript, as Cites returns it.
type Cited struct {
	Symbol      string       `json:"symbol"`
	Kinds       []string     `json:"kinds,omitempty"` // sorted, distinct kinds of its occurrences
	Title       string       `json:"title,omitempty"` // from its Document, when recorded
	Occurrences []Occurrence `json:"occurrences"`
}

// Citer is one document citing a symbol, as CitedBy returns it.
type Citer struct {
	ID          string       `json:"id"`
	Occurrences []Occurrence `json:"occurrences"` // every language version, sorted by language then offset
}

// Observation is one check of a link. Status is a class chosen by the
// fetcher (ok, not-found, soft-404, blocked, rate-limited, server-error,
// timeout, network …); the store does not interpret it except that "ok"
// counts for Link.LastOK. Raw keeps the fetcher's whole result as an opaque
// JSON document for fields this struct does not name.
type Observation struct {
	Time          time.Time  `json:"time"`
	RunID         string     `json:"run,omitempty"`
	Status        string     `json:"status"`
	Code          int        `json:"code,omitempty"`
	FinalURL      string     `json:"final_url,omitempty"`
	ContentHash   string     `json:"hash,omitempty"`
	ETag          string     `json:"etag,omitempty"`
	LastModified  string     `json:"last_modified,omitempty"`
	ContentLength int64      `json:"length,omitempty"`
	Redirects     []Redirect `json:"redirects,omitempty"`
	Error         string     `json:"error,omitempty"`
	// Replacement is an address found to serve the document while the
	// link did not; ReplacementLost the link's known replacement when this
	// check found it dead too. Observe keeps Link.Replacement by them.
	Replacement     *Replacement    `json:"replacement,omitempty"`
	ReplacementLost string          `json:"replacement_lost,omitempty"`
	Raw             json.RawMessage `json:"raw,omitempty"`
}

// Replacement is an address that served a dead link's document.
type Replacement struct {
	URL string `json:"url"`
	// Via says how it was found (the fetcher's name for the way: symbol-api,
	// undocs, docs-un, archive …); Snapshot is an archived copy's date.
	Via      string    `json:"via,omitempty"`
	Snapshot time.Time `json:"snapshot,omitzero"`
	// Found is when it was first found, Checked when it last resolved.
	Found   time.Time `json:"found,omitzero"`
	Checked time.Time `json:"checked,omitzero"`
}

// Redirect is one hop of a redirect chain.
type Redirect struct {
	URL  string `json:"url"`
	Code int    `json:"code"`
}

// Link is a URL, its latest resolution and where it is used.
type Link struct {
	URL    string       `json:"url"`
	Latest *Observation `json:"latest,omitempty"` // nil until first observed
	Checks int          `json:"checks"`           // observations ever recorded
	// FirstChecked, LastOK: times of the first observation and of the latest
	// one with Status "ok".
	FirstChecked time.Time `json:"first_checked,omitzero"`
	LastOK       time.Time `json:"last_ok,omitzero"`
	// Streak counts the latest observations in a row with Latest.Status, the
	// first of which was at StatusSince ("failing since").
	Streak      int       `json:"streak,omitempty"`
	StatusSince time.Time `json:"status_since,omitzero"`
	// State and NextDue belong to the caller's scheduler (SetLinkState).
	State   string    `json:"state,omitempty"`
	NextDue time.Time `json:"next_due,omitzero"`
	// Replacement is the address last found to serve the document while
	// the link did not (Observation.Replacement): kept while the link
	// fails, dropped when the link works again or the replacement is seen
	// dead (Observation.ReplacementLost).
	Replacement *Replacement `json:"replacement,omitempty"`
	// Uses lists every current transcript version carrying the link. It is
	// filled by Link and Links, never stored in the link record.
	Uses []LinkUse `json:"uses,omitempty"`
}

// LinkUse is one place where a link appears.
type LinkUse struct {
	Document string `json:"doc"`
	Language string `json:"lang,omitempty"`
	Line     int    `json:"line"`
	Column   int    `json:"col,omitempty"`
	Symbol   string `json:"symbol,omitempty"`
}

// HostState is the persisted scheduling state of one host.
type HostState struct {
	Host string `json:"host"`
	// NotBefore is the earliest time the host may be contacted again
	// (from Retry-After or back-off).
	NotBefore time.Time `json:"not_before,omitzero"`
	// Interval is the current adaptive delay between requests.
	Interval time.Duration `json:"interval,omitempty"`
	// Counters are cumulative, by name (requests, ok, rate-limited …).
	Counters map[string]int64 `json:"counters,omitempty"`
	Updated  time.Time        `json:"updated,omitzero"`
}

// Run is one execution of a check or a link-rot run.
type Run struct {
	ID       string           `json:"id"`
	Kind     string           `json:"kind,omitempty"` // check, rot …
	Start    time.Time        `json:"start"`
	End      time.Time        `json:"end,omitzero"`
	Counters map[string]int64 `json:"counters,omitempty"`
}

// Stats summarises the store.
type Stats struct {
	Documents   int            `json:"documents"`   // document records
	Transcripts int            `json:"transcripts"` // documents with at least one version
	Versions    int            `json:"versions"`
	Languages   map[string]int `json:"languages"`   // versions per language
	Edges       int            `json:"edges"`       // distinct (citing, cited) pairs over all languages
	Occurrences int            `json:"occurrences"` // over all versions
	Cited       int            `json:"cited"`       // distinct cited symbols
	Links       int            `json:"links"`       // distinct URLs used or observed
	Observed    int            `json:"observed"`    // URLs with at least one observation
	Hosts       int            `json:"hosts"`
	Runs        int            `json:"runs"`
	Pending     int            `json:"pending"` // versions being replaced (see PendingKey)
	LSMBytes    int64          `json:"lsm_bytes"`
	VlogBytes   int64          `json:"vlog_bytes"`
}
