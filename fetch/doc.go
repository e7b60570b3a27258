/*
Package fetch resolves links to UN documents, politely and safely: a URL
from a transcript (https://undocs.org/zh/A/RES/73/266), or a symbol in a
language, becomes a Result that says whether a document is really there.

	c, err := fetch.New(fetch.Options{})            // defaults are polite and safe
	r := c.ResolveURL(ctx, "https://undocs.org/ch/A/RES/73/266")
	r = c.ResolveSymbol(ctx, "S/RES/1540(2004)", "zh") // via the documents.un.org symbol API
	err = c.ResolveAll(ctx, reqs, func(i int, r fetch.Result) { … })

# What a Result says

The UN servers answer 200 to almost anything, so
the status code decides little. A link is ok when the chain ends at a body
whose first bytes are a document (%PDF, PK, D0 CF 11 E0, FF 57 50 43:
Sniff). The chain is followed through HTTP redirects and HTML hops, read
with goquery: meta refresh (case-insensitive, relative, "1; URL='…'"
quirks), iframe and frame src (the document-like one wins over headers and
footers), meta citation_pdf_url, link type=application/pdf, a href ….pdf.
Every step is a Hop (URL, code, kind, target); loops and chains longer than
MaxHops end as server-error.

Status is one of ok, not-found, soft-404, blocked, rate-limited,
server-error, timeout, network, invalid (and canceled, which is not a
verdict). A 200 HTML page with no further hop, or an empty body, where a
document was expected (Request.Expect; automatic for UN document hosts) is a
soft-404: the ~1.3 KB "not found" stub or an unpublished document; so is a
body of text ("Document not found" as text/plain) or binary data in no
document format, with a reason that quotes the text. A 202
with x-amzn-waf-action (the Digital Library's WAF), 401, 403 and 451 are
blocked, not broken. Result is plain JSON with stable lower-case names
(status, codes, hops, final_url, format, sha256, etag, last_modified, …) for
the link-rot report and the cache; Status.Transient tells which statuses
must not be cached as verdicts.

# Conditional requests

A Request can carry the ETag and Last-Modified of an earlier ok Result
(IfNoneMatch, IfModifiedSince) and the URL they came from (ConditionalURL,
the earlier FinalURL). The chain is followed as usual, and only the request
for that URL is made conditional; a 304 answer ends the resolution as ok
with Result.NotModified, so an unchanged document costs its redirects and
no body. A different final URL, a new ETag or a new body come back as a
normal Result, for the caller to compare.

# Politeness

Each host has a token bucket (golang.org/x/time/rate) and a concurrency cap;
a request takes a slot first, then a token, so requests that waited for a
slot cannot start in a burst. Defaults (DefaultLimit): 2 requests in flight
and 2 requests per second per host,
1 per second for documents.un.org, the host known to soft-block; override
with Options.Limit (every host) and Options.HostLimits (per host).

Retries, with exponential backoff and jitter (RetryBase 1 s doubling to
RetryMax 30 s, MaxRetries 3), are for timeouts, connection resets, 408, 429
and 5xx only. Retry-After is honoured in seconds and as an HTTP-date; by
default a 429 (or a 503 with Retry-After) pauses the whole host, since 429
is about the client (RFC 6585), unless HostLimit.PerURLRetryAfter. A wait
longer than MaxRetryAfter (2 minutes) is not waited for: the result is
rate-limited with RetryAt, and the host stays closed for that long, so the
other links of the host end the same way without asking again. A caller
that persists such a time across runs hands it back with Client.PauseHost,
so that a host still closed is not contacted before its time.

A soft-404 is proven, not waited for (probe.go). Once per host per run,
the client asks for a symbol that cannot exist and keeps the answer as the
host's fingerprint of a missing document (status, format, media type, size
class, title, text hash). Every URL of a chain that led to a document is a
canary of its host (AddCanary adds those of earlier runs). After a "not
found" answer, a canary other than the link itself is asked: if it still
resolves and the page looks like the fingerprint, the document is missing,
at once (a page unlike it is asked once more), and its URL is no canary any
more. A canary that answers "not found" is checked against the next one: if
that resolves, the first has gone and is dropped; if the canaries fail too,
the host throttles: it is paused
(Retry-After when given, else the backoff below), its canary, not the links,
is asked when the pause ends, and the links that saw the page are asked
again once it resolves. Without any canary yet, the answer waits (without a
request) while other links may bring one; when none can, the fingerprint
alone decides, and the error says so.

# Budget

Options.Deadline and Options.MaxRequests bound a run: no request starts
after the deadline or beyond the cap (every request, probes included, is
charged before it is sent), a wait that would end after the deadline is not
waited for, and ResolveAll ends at the deadline at the latest. What is left
ends as StatusSkipped (ErrBudget, ErrRequestCap), and Client.Exhausted says
which limit was met. Options.OnEvent hears of host pauses and resumptions.

ResolveAll runs Workers (8) resolutions at once; a resolution that has to
wait (Retry-After, backoff, a canary, paused host) leaves its worker and is
re-queued by a timer. Identical requests are resolved once, the queue
interleaves hosts, the same URL is never requested twice at once
(golang.org/x/sync/singleflight), and the User-Agent (DefaultUserAgent)
names xref and where to find it.

# Replacements

With Options.FindReplacements, a link judged not-found or soft-404 keeps
its verdict, and the client looks for an address that serves its document
(replace.go), in a fixed order, stopping at the first that resolves to it:

 1. Request.KnownReplacement, the replacement an earlier run found (when
    it no longer resolves, Result.ReplacementLost says so);
 2. for the symbol of a symbol request, or the one the link's address
    names (SymbolOf; a job-number path names none, and none is guessed):
    the documents.un.org symbol API, undocs.org/<lang>/<SYMBOL> and
    docs.un.org/<lang>/<SYMBOL>, in the link's language;
 3. unless Options.NoArchive, the Wayback Machine: its availability API
    (https://archive.org/wayback/available?url=…&timestamp=…, the copy
    closest to Request.LastOK) and, when it lists one, the copy itself.

Each alternative is resolved like any link: the same per-host limits,
Retry-After, budget, bounded bodies and soft-404 proof, and its requests
count in the link's Result.Requests. An address already in the link's own
chain is not asked again. An alternative is the replacement only if its
chain ends at a document (sniffed) and no page on the way, nor the
document's /Title, shows another symbol: one that answers a "not found"
page is never offered. Daccess-ods job numbers and Digital Library records
cannot be derived from a symbol without a search, so no such address is
built. Result.Replacement says where the document is (URL, how it was
found, the copy's date for the archive); Result.Alternatives lists every
address asked and what it gave (found, missing, other-document, listed,
no-copy, unreachable, skipped): an archive answering 429 beyond the wait
allowed is unreachable, not without a copy. The archive's hosts
(ArchiveHosts) are asked only by this search, at most one request a second
each by default, and a base URL maps them like the UN hosts.

# Safety

Only http and https, only UNHosts plus Options.AllowHosts ("*" for any), no
credentials in URLs, no proxies. The client never connects to loopback,
private, link-local, unspecified, multicast or otherwise reserved addresses
unless Options.AllowPrivateAddresses: the check runs at dial time on every
address DNS returns, and again in net.Dialer.Control right before
connect(2), so neither DNS answers nor redirects get around it. Bodies are
read only as far as needed: Options.SniffBytes (8 KiB) of a document, with
"Range: bytes=0-8191" for file URLs (206 and 416 handled), and at most
Options.MaxHTMLBytes (512 KiB) of a page, counted both on the wire and
decoded (gzip is requested and decoded here, so a gzip bomb costs at most
that). Timeouts bound the connect, TLS handshake, response headers and each
whole exchange; every blocking call takes a context and stops when it ends.

# Base URL (tests and the simulator)

Options.BaseURL ("http://127.0.0.1:8080"; the command line maps --base-url
and XREF_BASE_URL, EnvBaseURL, to it) sends every request for an allowed
host to that address instead, keeping the Host header, like curl's
--connect-to: package unsim answers by Host. The rules: with a base URL the
client makes no connection anywhere else and no DNS lookup of the real
hosts; a link or redirect to a host that is not allowed is refused
(invalid, ErrHostNotAllowed), never dialed; the base's own host and port may
be loopback (that exact address only; other loopback ports stay refused); a
private base address needs AllowPrivateAddresses. Results keep the real URLs.

# Errors and logging

Result.Err wraps a sentinel (ErrNotFound, ErrSoft404, ErrBlocked,
ErrRateLimited, ErrForbiddenAddress, ErrHostNotAllowed, …), a context error
or a network error; test with errors.Is. Logging goes only to
Options.Logger (discarded by default): debug records per request, info
records for host pauses, fingerprints and throttling.

# Files

	client.go   Client, New, Resolve, request validation and routing (base URL)
	batch.go    ResolveAll: worker pool, timer re-queue, cancellation
	step.go     one attempt: exchange, bounded read, classification, retries
	hops.go     HTML hops (goquery) and meta refresh parsing
	host.go     per-host rate, concurrency and pauses; HostStats
	probe.go    soft-404 evidence: fingerprint of a missing document, canaries
	replace.go  replacements of broken links: alternatives, in order
	archive.go  the Wayback Machine's availability API and timestamps
	shown.go    the symbol a page or a PDF shows
	symbolurl.go the symbol a UN link names (SymbolOf)
	budget.go   Options.Deadline and MaxRequests
	event.go    host events for progress displays
	dial.go     dial-time address check
	symbol.go   languages and symbol URLs (undocs.org, symbol API)
	status.go   Status, Format, Sniff, HopKind
	result.go   Request, Result, Hop, Timings
	options.go  Options, HostLimit, defaults
	errors.go   sentinel errors
*/
package fetch
