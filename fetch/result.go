package fetch

import (
	"fmt"
	"slices"
	"time"
)

// Endpoint says which URL a symbol Request is resolved through.
type Endpoint string

// The endpoints.
const (
	// EndpointAPI resolves through the documents.un.org symbol API, which
	// answers with the file itself: the recommended way to decide existence
	// of a document. It is the default.
	EndpointAPI Endpoint = "api"
	// EndpointUndocs resolves https://undocs.org/<lang>/<SYMBOL>, the form
	// that transcripts link to, following its whole chain.
	EndpointUndocs Endpoint = "undocs"
)

// Expect says what a request should end at.
type Expect string

// The expectations.
const (
	// ExpectAuto (the zero value) expects a document when the first URL is
	// on a UN document host (undocs.org, docs.un.org, documents.un.org,
	// daccess-ods.un.org, documents-dds-ny.un.org, www.un.org's view_doc.asp)
	// or its path ends in .pdf, .doc, .docx or .wpd, and a page otherwise.
	ExpectAuto Expect = ""
	// ExpectDocument: only a document body (sniffed) is ok; an HTML page with
	// no further hop or an empty body is a soft-404.
	ExpectDocument Expect = "document"
	// ExpectPage: any 2xx answer is ok. Only HTTP redirects and meta
	// refreshes are followed, not iframes, frames or PDF links.
	ExpectPage Expect = "page"
)

// Request is one thing to resolve: a URL, or a symbol in a language. Exactly
// one of URL and Symbol is set.
type Request struct {
	// URL is the link as found (http or https).
	URL string `json:"url,omitempty"`
	// Symbol is a UN document symbol in key form (no spaces before
	// parentheses): "A/RES/73/266", "S/RES/1540(2004)".
	Symbol string `json:"symbol,omitempty"`
	// Lang is the language of the symbol request: an ISO code (en fr es ar
	// ru zh), a one-letter ODS code (A C E F R S) or an alias (ch, sp);
	// empty means English for the API and no language segment for undocs.
	Lang string `json:"lang,omitempty"`
	// Endpoint chooses the URL built for a Symbol; default EndpointAPI.
	Endpoint Endpoint `json:"endpoint,omitempty"`
	// Expect says what the chain should end at; default ExpectAuto.
	Expect Expect `json:"expect,omitempty"`

	// IfNoneMatch and IfModifiedSince make the request conditional: they
	// are the ETag and Last-Modified of an earlier Result whose FinalURL
	// was ConditionalURL (empty: the first URL). They are sent only with
	// the request for that URL, never with the hops before it (a page on
	// the way could answer 304 for itself), and a 304 answer to it ends
	// the resolution as ok with NotModified set: the document there is
	// still the one the validators describe, and its body did not travel.
	// Give them only from an ok result: a 304 says "unchanged", not
	// "a document". A 304 to a request without them stays a server error.
	IfNoneMatch     string `json:"if_none_match,omitempty"`
	IfModifiedSince string `json:"if_modified_since,omitempty"`
	ConditionalURL  string `json:"conditional_url,omitempty"`

	// KnownReplacement is the replacement an earlier run found for this
	// link (Result.Replacement.URL): when the link is broken again and
	// Options.FindReplacements is set, it is asked first, and
	// Result.ReplacementLost says when it no longer resolves.
	KnownReplacement string `json:"known_replacement,omitempty"`
	// LastOK is when the link last resolved, if known: the archive's copy
	// closest to it is asked for (the newest when zero).
	LastOK time.Time `json:"last_ok,omitzero"`
}

// Hop is one step of a chain: URL answered Code and led, by Kind, to To.
type Hop struct {
	URL  string  `json:"url"`
	Code int     `json:"code"`
	Kind HopKind `json:"kind"`
	To   string  `json:"to"`
}

// Timings of one resolution. Durations are in nanoseconds in JSON.
type Timings struct {
	// Start is when the resolution first started (not when it was queued).
	Start time.Time `json:"start"`
	// Total is from Start to the verdict, pauses included.
	Total time.Duration `json:"total_ns"`
	// Wait is the part of Total spent waiting for politeness: the host's
	// concurrency slot and rate limiter, Retry-After, backoff and soft-404
	// pauses.
	Wait time.Duration `json:"wait_ns"`
	// Fetch is the part of Total spent in HTTP exchanges (request sent to
	// body read).
	Fetch time.Duration `json:"fetch_ns"`
}

// Result is the verdict on one Request. It is plain data: JSON field names
// are stable and lower-case so the link-rot report and the cache can store
// it. All URLs in it are the logical ones (https://undocs.org/…), also when a
// base URL redirected the traffic.
type Result struct {
	// URL is the first URL requested: Request.URL, or the URL built for a
	// symbol.
	URL string `json:"url"`
	// Symbol and Lang echo a symbol Request (Lang as an ISO code).
	Symbol string `json:"symbol,omitempty"`
	Lang   string `json:"lang,omitempty"`

	Status Status `json:"status"`
	// Code is the HTTP status of the last answer (0 when none came).
	Code int `json:"code,omitempty"`
	// Codes lists every HTTP status received, in order, hops and retries
	// included ("429, 200", "302, 302, 200").
	Codes []int `json:"codes,omitempty"`
	// Hops is the chain from URL to FinalURL: HTTP redirects and HTML hops.
	Hops []Hop `json:"hops,omitempty"`
	// FinalURL is the last URL requested.
	FinalURL string `json:"final_url,omitempty"`

	// ContentType is the final answer's Content-Type header, as sent.
	ContentType string `json:"content_type,omitempty"`
	// Format is sniffed from the first bytes of the final body.
	Format Format `json:"format,omitempty"`
	// ContentLength is the final body's full length as the server declared
	// it (the total of Content-Range for a 206), or -1 when unknown.
	ContentLength int64 `json:"content_length"`
	// BytesRead is how many body bytes were read (decoded) at the end.
	BytesRead int64 `json:"bytes_read"`
	// SHA256 is the hex SHA-256 of the first bytes read (at most
	// Options.SniffBytes): a cheap change signal across runs.
	SHA256       string `json:"sha256,omitempty"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// NotModified says that the final URL answered 304 to a conditional
	// request (Request.IfNoneMatch, IfModifiedSince): the status is ok, no
	// body was read, so Format, SHA256 and ContentLength are not known
	// (ContentLength -1); ETag and LastModified are the server's, or the
	// request's when the 304 did not repeat them.
	NotModified bool `json:"not_modified,omitempty"`

	// RetryAt, for rate-limited results, is when the server said to come
	// back (may be persisted as the host's "not before").
	RetryAt time.Time `json:"retry_at,omitzero"`
	// Attempts counts resolution attempts: 1, plus one per retry (transient
	// errors, 429, soft-404 answers asked again).
	Attempts int `json:"attempts"`
	// Requests counts HTTP requests made for this result, hops included,
	// and the soft-404 evidence it asked for (the host's fingerprint, a
	// canary); summed over a run, it is every request the client made.
	Requests int `json:"requests"`
	// Timings of the resolution.
	Timings Timings `json:"timings"`
	// Error says why the status is not ok.
	Error string `json:"error,omitempty"`

	// Replacement, for a link judged not-found or soft-404 when
	// Options.FindReplacements is set, is the first alternative address
	// that resolves to its document (replace.go); nil when none does.
	Replacement *Replacement `json:"replacement,omitempty"`
	// Alternatives lists every alternative asked for a broken link, in
	// order, the one found last: what was tried when none was found.
	Alternatives []Attempt `json:"alternatives,omitempty"`
	// ReplacementLost is Request.KnownReplacement when it was asked again
	// and no longer resolves.
	ReplacementLost string `json:"replacement_lost,omitempty"`

	err error
}

// Err returns the error behind a non-ok Result, for errors.Is: it wraps a
// sentinel of this package, a context error or a network error. It is nil
// for ok results, and also for results decoded from JSON (only Error
// survives a round trip).
func (r Result) Err() error { return r.err }

// clone returns r with its slices copied, so that callers handed the same
// result for duplicate requests cannot alias each other.
func (r Result) clone() Result {
	r.Codes = slices.Clone(r.Codes)
	r.Hops = slices.Clone(r.Hops)
	r.Alternatives = slices.Clone(r.Alternatives)
	if r.Replacement != nil {
		rp := *r.Replacement
		r.Replacement = &rp
	}
	return r
}

// fail sets a non-ok verdict.
func (r *Result) fail(s Status, err error) {
	r.Status = s
	r.err = err
	if err != nil {
		r.Error = err.Error()
	}
}

// errf wraps a sentinel with detail.
func errf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))
}
