package fetch

import (
	"bytes"
	"net/http"
	"strings"
)

// Status is the class of a Result. Its values are stable strings meant to be
// stored (JSON, the cache) and compared across runs.
type Status string

// The statuses. Every Result has exactly one.
const (
	// StatusOK: the link leads to a document (sniffed from its first bytes),
	// or, where no document was expected, to a page that answered 2xx.
	StatusOK Status = "ok"
	// StatusNotFound: a 4xx answer other than 401, 403, 407, 408, 429, 451.
	StatusNotFound Status = "not-found"
	// StatusSoft404: 2xx without a document where one was expected (an HTML
	// page with no further hop, such as the ~1.3 KB UN stub, or an empty
	// body), still so after the soft-404 retries.
	StatusSoft404 Status = "soft-404"
	// StatusBlocked: a bot wall or refusal (WAF challenge, 401, 403, 451).
	StatusBlocked Status = "blocked"
	// StatusRateLimited: 429 after the retries, or asked to wait longer
	// than Options.MaxRetryAfter (Result.RetryAt says until when).
	StatusRateLimited Status = "rate-limited"
	// StatusServerError: 5xx after the retries, redirect loops, too many
	// hops, unexpected status codes.
	StatusServerError Status = "server-error"
	// StatusTimeout: no answer in time (connect, TLS, headers, body), after
	// the retries.
	StatusTimeout Status = "timeout"
	// StatusNetwork: DNS failure, connection refused or reset after the
	// retries, undecodable body.
	StatusNetwork Status = "network"
	// StatusInvalid: the request itself was refused by this client: bad URL,
	// scheme, host not allowed, forbidden address, unknown language.
	StatusInvalid Status = "invalid"
	// StatusCanceled: the context ended before a verdict. Not a statement
	// about the link; never store it as one.
	StatusCanceled Status = "canceled"
	// StatusSkipped: the run's time budget or request cap ran out before
	// a verdict (Options.Deadline, MaxRequests; Err wraps ErrBudget or
	// ErrRequestCap). Not a statement about the link either.
	StatusSkipped Status = "skipped"
)

// Transient reports whether s says something about the moment rather than
// the link (rate-limited, server-error, timeout, network, canceled, skipped). A cache
// should not keep a transient status as a verdict.
func (s Status) Transient() bool {
	switch s {
	case StatusRateLimited, StatusServerError, StatusTimeout, StatusNetwork, StatusCanceled, StatusSkipped:
		return true
	}
	return false
}

// Format is the kind of body, sniffed from its first bytes, never from
// Content-Type: the UN servers answer 200 text/html for a missing document
// and may label a PDF as anything.
type Format string

// The formats.
const (
	FormatPDF         Format = "pdf"         // %PDF
	FormatDOCX        Format = "docx"        // PK\x03\x04: a ZIP container (docx and other OOXML)
	FormatDOC         Format = "doc"         // D0 CF 11 E0: OLE2 compound file (Word 97–2003)
	FormatWordPerfect Format = "wordperfect" // FF 57 50 43
	FormatHTML        Format = "html"        // markup: starts with '<' after a BOM and white space
	FormatEmpty       Format = "empty"       // no bytes at all
	FormatUnknown     Format = "unknown"     // anything else
)

// Document reports whether f is a document format (pdf, docx, doc,
// wordperfect): the proof that a UN document link works.
func (f Format) Document() bool {
	switch f {
	case FormatPDF, FormatDOCX, FormatDOC, FormatWordPerfect:
		return true
	}
	return false
}

var (
	magicPDF  = []byte("%PDF")
	magicZIP  = []byte("PK\x03\x04")
	magicOLE2 = []byte{0xD0, 0xCF, 0x11, 0xE0}
	magicWP   = []byte{0xFF, 'W', 'P', 'C'}
	bomUTF8   = []byte{0xEF, 0xBB, 0xBF}
)

// Sniff returns the format of a body from its first bytes (a few suffice).
func Sniff(b []byte) Format {
	switch {
	case len(b) == 0:
		return FormatEmpty
	case bytes.HasPrefix(b, magicPDF):
		return FormatPDF
	case bytes.HasPrefix(b, magicZIP):
		return FormatDOCX
	case bytes.HasPrefix(b, magicOLE2):
		return FormatDOC
	case bytes.HasPrefix(b, magicWP):
		return FormatWordPerfect
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(b, bomUTF8), " \t\r\n\f")
	if len(t) > 0 && t[0] == '<' {
		return FormatHTML
	}
	if len(t) == 0 {
		// Only white space: as good as empty for deciding existence.
		return FormatEmpty
	}
	ct := http.DetectContentType(b)
	switch {
	case strings.HasPrefix(ct, "text/html"):
		return FormatHTML
	case strings.HasPrefix(ct, "text/plain"):
		// Text with tags further in ("Not found<br>"): a page all the same.
		lower := bytes.ToLower(b[:min(len(b), 1024)])
		for _, tag := range htmlTags {
			if bytes.Contains(lower, tag) {
				return FormatHTML
			}
		}
	}
	return FormatUnknown
}

var htmlTags = [][]byte{
	[]byte("<html"), []byte("<head"), []byte("<body"), []byte("<meta"), []byte("<title"),
	[]byte("<br"), []byte("<p>"), []byte("<div"), []byte("<a "), []byte("<script"), []byte("<iframe"), []byte("<frame"),
}

// HopKind says how one URL of a chain led to the next.
type HopKind string

// The hop kinds.
const (
	HopPermanentRedirect HopKind = "permanent-redirect" // 301, 308: the link should be updated
	HopTemporaryRedirect HopKind = "temporary-redirect" // 302, 303, 307
	HopMetaRefresh       HopKind = "meta-refresh"       // <meta http-equiv="refresh" content="0;url=…">
	HopIframe            HopKind = "iframe"             // viewer page embedding the document
	HopFrame             HopKind = "frame"              // legacy frameset
	HopCitationPDFURL    HopKind = "citation-pdf-url"   // <meta name="citation_pdf_url" content="…">
	HopPDFLink           HopKind = "pdf-link"           // <a href="….pdf"> or <link type="application/pdf">
)
