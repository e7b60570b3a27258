package fetch

import (
	"context"
	"log/slog"
	"net/netip"
	"strings"
	"time"
)

// EnvBaseURL is the environment variable that the command line maps to
// Options.BaseURL (together with the --base-url flag). This package never
// reads the environment itself.
const EnvBaseURL = "XREF_BASE_URL"

// DefaultUserAgent names the tool and how to reach its maintainers, so that
// the UN's server operators can tell who is knocking.
const DefaultUserAgent = "xref/0.1 (UN document link checker; +https://github.com/xref-un/xref)"

// UNHosts are the UN document hosts allowed by default, and mapped through
// Options.BaseURL when it is set.
var UNHosts = []string{
	"undocs.org",
	"www.undocs.org",
	"docs.un.org",
	"documents.un.org",
	"daccess-ods.un.org",
	"documents-dds-ny.un.org",
	"digitallibrary.un.org",
	"www.un.org",
}

// HostLimit is the politeness budget for one host.
type HostLimit struct {
	// Rate is the most requests started per second (a token bucket of
	// golang.org/x/time/rate). Zero means "inherit"; negative means no
	// limit.
	Rate float64 `json:"rate,omitempty"`
	// Burst is the bucket size: how many requests may start back to back
	// after a quiet spell. Zero means inherit.
	Burst int `json:"burst,omitempty"`
	// Concurrency is the most requests in flight at once. Zero means
	// inherit.
	Concurrency int `json:"concurrency,omitempty"`
	// PerURLRetryAfter makes a 429's Retry-After delay only the URL that
	// got it. By default it pauses the whole host: RFC 6585 says 429 means
	// "the user has sent too many requests", so every request to that host
	// waits (as Sphinx linkcheck does). Set it when a server is known to
	// throttle URL by URL.
	PerURLRetryAfter bool `json:"per_url_retry_after,omitempty"`
}

// Built-in politeness. Nobody publishes a safe rate for the UN servers; one
// project saw the documents.un.org soft block after 250–300 requests at
// 1 req/s and recommends ~3 s between requests
// for long runs. The defaults stay in the 1–2 req/s range and rely on
// soft-404 evidence (a canary per host, probe.go) for long runs; the nightly
// job can lower them with HostLimits.
var (
	// defaultHostLimit applies to every host without a specific entry:
	// 2 requests in flight, 2 requests per second, no burst.
	defaultHostLimit = HostLimit{Rate: 2, Burst: 1, Concurrency: 2}
	// defaultHostLimits are the built-in per-host entries: the symbol API
	// host, the one that soft-blocks, gets 1 request per second.
	defaultHostLimits = map[string]HostLimit{
		"documents.un.org": {Rate: 1, Burst: 1, Concurrency: 2},
		// The web archive asks API clients to go gently; one request a
		// second, one at a time.
		"archive.org":     {Rate: 1, Burst: 1, Concurrency: 1},
		"web.archive.org": {Rate: 1, Burst: 1, Concurrency: 1},
	}
)

// DefaultLimit returns the built-in politeness budget for a host, the one a
// Client uses when Options.Limit and Options.HostLimits leave it open:
// 2 requests per second and 2 in flight, except documents.un.org (1 per
// second, 2 in flight). The command line can print it in its help.
func DefaultLimit(host string) HostLimit {
	var o Options
	return o.limitFor(normHost(host))
}

// Options configure a Client. The zero value is usable: every zero field
// takes the default named in its comment. For counts, a negative value means
// "none" where that makes sense (MaxRetries).
type Options struct {
	// BaseURL, when set ("http://127.0.0.1:8080"), sends every request for
	// an allowed host to this scheme and address instead, with the original
	// Host header, like curl's --connect-to: the UN documents simulator
	// (package unsim) answers by Host. With a base URL set, the client
	// connects to nothing else: hosts that are not allowed are refused,
	// redirects included. The base's own address may be loopback (only the
	// exact host and port of the base, not other loopback ports); a private
	// address still needs AllowPrivateAddresses. Only scheme, host and port
	// are used.
	BaseURL string

	// AllowHosts adds host names (exact, case-insensitive) to UNHosts. The
	// single entry "*" allows every host.
	AllowHosts []string
	// AllowPrivateAddresses lets the client connect to loopback, private,
	// link-local, unspecified, multicast and other reserved addresses. Off by
	// default: a link in a transcript must never make the tool probe the
	// local network, whatever DNS or a redirect says. Checked at dial time.
	AllowPrivateAddresses bool

	// UserAgent for every request; default DefaultUserAgent.
	UserAgent string

	// Limit is the politeness budget for every host (zero fields inherit
	// from the built-in budget, DefaultLimit). HostLimits overrides it per
	// host name. Field by field, the first non-zero of HostLimits[host],
	// Limit, DefaultLimit(host) wins.
	Limit      HostLimit
	HostLimits map[string]HostLimit

	// Workers is the number of resolutions ResolveAll runs at once; default 8.
	// The per-host limits still apply: workers only bound the total.
	Workers int

	// MaxHops bounds a chain (redirects and HTML hops); default 10.
	MaxHops int
	// MaxRetries bounds retries of transient failures (timeouts, connection
	// resets, 408, 429, 5xx); default 3, negative for none. Nothing else is
	// retried.
	MaxRetries int
	// RetryBase and RetryMax shape the exponential backoff with jitter
	// between retries when the server gives no Retry-After: the n-th retry
	// waits a random time in [d/2, d) with d = min(RetryBase·2ⁿ, RetryMax).
	// Defaults 1 s and 30 s.
	RetryBase, RetryMax time.Duration
	// MaxRetryAfter caps how long a Retry-After (or a host pause) is waited
	// for; a longer one ends the resolution as rate-limited with
	// Result.RetryAt set. Default 2 minutes.
	MaxRetryAfter time.Duration

	// Deadline, when set, ends the run: no request starts after it, a
	// wait that would end after it is not waited for, and what is still
	// unresolved then ends as StatusSkipped (ErrBudget). MaxRequests, when
	// positive, caps the HTTP requests of the client (probes included):
	// the requests refused end as StatusSkipped (ErrRequestCap).
	Deadline    time.Time
	MaxRequests int

	// FindReplacements makes the client look for an address that serves
	// the document of every link it judges not-found or soft-404: the
	// alternatives of replace.go, in their fixed order, each resolved like
	// any link (the same per-host limits, budget, soft-404 proof) and
	// counted in the link's Result.Requests. Result.Replacement is the
	// first that resolves to the document, Result.Alternatives what was
	// asked.
	FindReplacements bool
	// NoArchive keeps the search on the UN hosts: the web archive
	// (ArchiveHosts) is never asked.
	NoArchive bool

	// OnEvent, if set, is told when a host is paused (Retry-After, or
	// throttling proven by its canary) and when a throttling host serves
	// again. It may be called from several goroutines at once.
	OnEvent func(Event)

	// Timeouts: DialTimeout for the TCP connect (default 10 s),
	// TLSHandshakeTimeout (10 s), ResponseHeaderTimeout from request sent to
	// headers received (20 s), RequestTimeout for one whole HTTP exchange,
	// body read included (30 s).
	DialTimeout           time.Duration
	TLSHandshakeTimeout   time.Duration
	ResponseHeaderTimeout time.Duration
	RequestTimeout        time.Duration

	// SniffBytes is how much of a document is read: the format is sniffed
	// and the hash taken from these bytes, and requests for files send
	// "Range: bytes=0-(SniffBytes-1)". Default 8 KiB.
	SniffBytes int
	// MaxHTMLBytes bounds how much of an HTML page (decoded) is read to look
	// for hops; default 512 KiB. The bytes read from the wire are bounded by
	// the same number, so a gzip bomb or an endless body costs at most this
	// much memory.
	MaxHTMLBytes int

	// Logger receives debug and info records (requests, pauses, soft-block
	// suspicion); default discards.
	Logger *slog.Logger

	// LookupIP resolves host names before dialing; default
	// net.DefaultResolver.LookupNetIP. Every address it returns goes
	// through the address check, which is why tests can use it to simulate
	// DNS answers that point into private ranges.
	LookupIP func(ctx context.Context, host string) ([]netip.Addr, error)
}

// withDefaults returns o with zero fields filled in.
func (o Options) withDefaults() Options {
	def := func(p *time.Duration, d time.Duration) {
		if *p == 0 {
			*p = d
		}
	}
	defInt := func(p *int, d int) {
		if *p == 0 {
			*p = d
		}
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	defInt(&o.Workers, 8)
	defInt(&o.MaxHops, 10)
	defInt(&o.MaxRetries, 3)
	def(&o.RetryBase, time.Second)
	def(&o.RetryMax, 30*time.Second)
	def(&o.MaxRetryAfter, 2*time.Minute)
	def(&o.DialTimeout, 10*time.Second)
	def(&o.TLSHandshakeTimeout, 10*time.Second)
	def(&o.ResponseHeaderTimeout, 20*time.Second)
	def(&o.RequestTimeout, 30*time.Second)
	defInt(&o.SniffBytes, 8<<10)
	defInt(&o.MaxHTMLBytes, 512<<10)
	if o.MaxHTMLBytes < o.SniffBytes {
		o.MaxHTMLBytes = o.SniffBytes
	}
	if o.MaxRetries < 0 {
		o.MaxRetries = 0
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// limitFor resolves the HostLimit of one host, field by field.
func (o *Options) limitFor(host string) HostLimit {
	chain := []HostLimit{o.HostLimits[host], o.Limit, defaultHostLimits[host], defaultHostLimit}
	var l HostLimit
	for _, c := range chain {
		if l.Rate == 0 {
			l.Rate = c.Rate
		}
		if l.Burst == 0 {
			l.Burst = c.Burst
		}
		if l.Concurrency == 0 {
			l.Concurrency = c.Concurrency
		}
		l.PerURLRetryAfter = l.PerURLRetryAfter || c.PerURLRetryAfter
	}
	if l.Burst < 1 {
		l.Burst = 1
	}
	if l.Concurrency < 1 {
		l.Concurrency = 1
	}
	return l
}

// normHost lower-cases a host name and drops a trailing dot.
func normHost(h string) string {
	return strings.TrimSuffix(strings.ToLower(h), ".")
}
