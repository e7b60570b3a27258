package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"net/url"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"
)

// Client resolves UN document links politely and safely. It is safe for
// concurrent use; its politeness state (per-host rate, concurrency and
// pauses) is shared by every call, so use one Client per run.
type Client struct {
	opts     Options
	hc       *http.Client
	tr       *http.Transport
	base     *url.URL // nil when no base URL is set
	baseAddr string   // base host:port, as the transport dials it
	allow    map[string]bool
	allowAll bool
	log      *slog.Logger
	sf       singleflight.Group

	mu    sync.Mutex
	hosts map[string]*hostState

	budget budget
	// live counts jobs started and not done, parked those of them waiting
	// for a canary (probe.go): when every live job is parked, nothing can
	// bring one, and the fingerprint alone decides.
	live, parked atomic.Int64

	// dialHook, for tests only, replaces the final connect(2) of an address
	// that passed the address check, so that tests can pretend a public
	// address while connecting to loopback (and see every dial).
	dialHook func(ctx context.Context, network string, ap netip.AddrPort) (net.Conn, error)
}

// New returns a Client for opts (see Options for the defaults).
func New(opts Options) (*Client, error) {
	o := opts.withDefaults()
	c := &Client{opts: o, log: o.Logger, hosts: map[string]*hostState{}, allow: map[string]bool{}}
	c.budget.deadline = o.Deadline
	if o.MaxRequests > 0 {
		c.budget.max = int64(o.MaxRequests)
	}
	for _, h := range UNHosts {
		c.allow[h] = true
	}
	for _, h := range o.AllowHosts {
		if h == "*" {
			c.allowAll = true
			continue
		}
		c.allow[normHost(strings.TrimSpace(h))] = true
	}
	if len(o.HostLimits) > 0 {
		norm := make(map[string]HostLimit, len(o.HostLimits))
		for h, l := range o.HostLimits {
			norm[normHost(h)] = l
		}
		c.opts.HostLimits = norm
	}
	if o.BaseURL != "" {
		b, err := url.Parse(strings.TrimSpace(o.BaseURL))
		switch {
		case err != nil:
			return nil, fmt.Errorf("%w: base URL: %w", ErrBadOptions, err)
		case b.Scheme != "http" && b.Scheme != "https":
			return nil, fmt.Errorf("%w: base URL %q: scheme must be http or https", ErrBadOptions, o.BaseURL)
		case b.Host == "" || b.User != nil || (b.Path != "" && b.Path != "/") || b.RawQuery != "":
			return nil, fmt.Errorf("%w: base URL %q: want scheme://host[:port] only", ErrBadOptions, o.BaseURL)
		}
		c.base = &url.URL{Scheme: b.Scheme, Host: b.Host}
		port := b.Port()
		if port == "" {
			port = map[string]string{"http": "80", "https": "443"}[b.Scheme]
		}
		c.baseAddr = hostPort(strings.ToLower(b.Hostname()), port)
	}
	maxConns := 0
	for _, h := range UNHosts {
		maxConns = max(maxConns, c.opts.limitFor(h).Concurrency)
	}
	c.tr = &http.Transport{
		Proxy:                  nil, // never: a proxy would see (and route) what the base URL must keep local
		DialContext:            c.dialContext,
		ForceAttemptHTTP2:      true,
		TLSClientConfig:        &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:    o.TLSHandshakeTimeout,
		ResponseHeaderTimeout:  o.ResponseHeaderTimeout,
		DisableCompression:     true, // gzip is asked for and decoded here, with a bound
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    max(maxConns, 2) * 2,
		IdleConnTimeout:        30 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
	}
	c.hc = &http.Client{
		Transport: c.tr,
		// Redirects are followed here, hop by hop, so that each is checked,
		// counted against the host's budget and recorded.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return c, nil
}

// Close releases idle connections.
func (c *Client) Close() { c.tr.CloseIdleConnections() }

// HostStats returns a snapshot of the per-host counters, by host name.
func (c *Client) HostStats() map[string]HostStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := make(map[string]HostStats, len(c.hosts))
	for n, h := range c.hosts {
		m[n] = h.snapshot()
	}
	return m
}

// PauseHost closes a host until t, as a Retry-After from it would: requests
// for it wait until then, or, when t is further away than
// Options.MaxRetryAfter, end at once as rate-limited with RetryAt t and
// without contacting it. It never shortens a pause. It carries a host's
// "not before" time from an earlier run (persisted by the caller) into this
// Client.
func (c *Client) PauseHost(host string, t time.Time) {
	h := c.host(host)
	if h.pauseRetryAfter(t) {
		c.notify(Event{Kind: EventPaused, Host: h.name, Time: time.Now(), Until: t, Reason: "retry-after"})
	}
}

// host returns the politeness state of a host name, creating it.
func (c *Client) host(name string) *hostState {
	name = normHost(name)
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.hosts[name]
	if !ok {
		h = newHostState(name, c.opts.limitFor(name))
		c.hosts[name] = h
	}
	return h
}

// ResolveURL resolves one link. See Resolve.
func (c *Client) ResolveURL(ctx context.Context, rawURL string) Result {
	return c.Resolve(ctx, Request{URL: rawURL})
}

// ResolveSymbol resolves a symbol in a language through the symbol API. See
// Resolve.
func (c *Client) ResolveSymbol(ctx context.Context, symbol, lang string) Result {
	return c.Resolve(ctx, Request{Symbol: symbol, Lang: lang})
}

// Resolve resolves one request and blocks until the verdict, waiting out
// retries, Retry-After and throttling pauses in place (use ResolveAll for
// many requests: it waits without holding a worker). It never returns an
// error: everything is in the Result. When ctx ends first, the Result has
// StatusCanceled (or StatusTimeout for a deadline) and Err wraps ctx.Err();
// when Options.Deadline or MaxRequests end it, StatusSkipped.
func (c *Client) Resolve(ctx context.Context, req Request) Result {
	ctx, cancel := c.withBudget(ctx)
	defer cancel()
	j := c.newJob(req)
	c.wait(ctx, j)
	return j.res
}

// job is one resolution in progress.
type job struct {
	res       Result
	cur       *url.URL // next URL to request
	useRange  bool
	expectDoc bool
	visited   map[string]bool
	jar       *cookiejar.Jar
	retries   int // transient retries used
	t0        time.Time
	waitFrom  time.Time // when the job last went to sleep
	done      bool
	cond      *conditional // nil unless the request is conditional

	// Replacements (replace.go).
	known    string    // Request.KnownReplacement
	lastOK   time.Time // Request.LastOK
	alt      *altState // the search for a replacement, once the link is judged broken
	isAlt    bool      // an alternative of a broken link: it looks for none itself
	archive  bool      // may ask the archive's hosts
	keepBody bool      // keep the final body (the availability API's answer)
	body     []byte
	wantSym  string // the symbol the document must show, where it shows one
	otherSym string // another symbol it showed

	// Soft-404 evidence (probe.go).
	probe     bool         // a fingerprint request: a soft-404 is final at once
	facts     *pageFacts   // probe: what the final answer looked like
	pending   *pendingSoft // a soft-404 answer waiting for its verdict
	rechecked bool         // asked again while the host served
	throttled int          // asked again because the host throttled
	parked    bool         // counted in Client.parked
	live      *atomic.Int64
	parkedN   *atomic.Int64
}

// conditional is the validators of a conditional request and the URL they
// belong to.
type conditional struct {
	url                     string // cleaned
	ifNoneMatch, ifModSince string
}

func (j *job) finish(s Status, err error) {
	j.res.fail(s, err)
	j.done = true
	if !j.t0.IsZero() {
		j.res.Timings.Total = time.Since(j.t0)
	}
	j.release()
}

// release takes a finished job out of the live and parked counts.
func (j *job) release() {
	j.unpark()
	if j.live != nil {
		j.live.Add(-1)
		j.live = nil
	}
}

func (j *job) park() {
	if !j.parked && j.parkedN != nil {
		j.parked = true
		j.parkedN.Add(1)
	}
}

func (j *job) unpark() {
	if j.parked {
		j.parked = false
		j.parkedN.Add(-1)
	}
}

// goLive counts a job as live (once): ResolveAll does it for every job at
// the start, so that queued jobs count as well as running ones.
func (c *Client) goLive(j *job) {
	if j.live == nil && !j.done {
		c.live.Add(1)
		j.live, j.parkedN = &c.live, &c.parked
	}
}

// others reports whether a live job other than j is not parked: one that
// may still bring a canary.
func (c *Client) others(j *job) bool {
	self := int64(1)
	if j.parked {
		self = 0
	}
	return c.live.Load()-c.parked.Load()-self > 0
}

// cancel ends a job that the context stopped.
func (j *job) cancel(err error) {
	if j.done {
		return
	}
	if j.alt != nil {
		// The link's verdict stands; only its search for a replacement ends.
		j.abortAlt(OutcomeSkipped, "interrupted")
		return
	}
	s := StatusCanceled
	if errors.Is(err, context.DeadlineExceeded) {
		s = StatusTimeout
	}
	j.finish(s, fmt.Errorf("fetch: %s: %w", j.res.URL, err))
}

// cancelCtx ends a job whose context ended: skipped when the run's budget
// ended it, else canceled (or timeout).
func (j *job) cancelCtx(ctx context.Context) {
	if why := budgetCause(ctx); why != nil {
		j.skip(why)
		return
	}
	j.cancel(ctx.Err())
}

// newJob validates a request and builds its first URL. An invalid request
// gives a job that is already done.
func (c *Client) newJob(req Request) *job {
	j := &job{visited: map[string]bool{}}
	j.res.ContentLength = -1
	raw := strings.TrimSpace(req.URL)
	var err error
	switch {
	case (req.URL == "") == (req.Symbol == ""):
		j.finish(StatusInvalid, ErrBadRequest)
		return j
	case req.Symbol != "":
		j.res.Symbol = strings.TrimSpace(req.Symbol)
		if req.Lang != "" {
			l, err := ParseLang(req.Lang)
			if err != nil {
				j.finish(StatusInvalid, err)
				return j
			}
			j.res.Lang = string(l)
		}
		switch req.Endpoint {
		case EndpointAPI, "":
			raw, err = SymbolAPIURL(req.Symbol, req.Lang)
		case EndpointUndocs:
			raw, err = UndocsURL(req.Symbol, req.Lang)
		default:
			err = fmt.Errorf("%w: unknown endpoint %q", ErrBadRequest, req.Endpoint)
		}
		if err != nil {
			j.finish(StatusInvalid, err)
			return j
		}
	}
	j.res.URL = raw
	j.known, j.lastOK = strings.TrimSpace(req.KnownReplacement), req.LastOK
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		j.finish(StatusInvalid, fmt.Errorf("%w: %w", ErrInvalidURL, err))
		return j
	case u.Scheme != "http" && u.Scheme != "https":
		j.finish(StatusInvalid, errf(ErrScheme, "%q", raw))
		return j
	case u.Host == "":
		j.finish(StatusInvalid, errf(ErrInvalidURL, "no host in %q", raw))
		return j
	}
	u = cleanURL(u)
	j.cur = u
	if req.IfNoneMatch != "" || req.IfModifiedSince != "" {
		cu := u
		if req.ConditionalURL != "" {
			p, err := url.Parse(strings.TrimSpace(req.ConditionalURL))
			if err != nil {
				j.finish(StatusInvalid, fmt.Errorf("%w: conditional URL: %w", ErrBadRequest, err))
				return j
			}
			cu = cleanURL(p)
		}
		j.cond = &conditional{url: cu.String(), ifNoneMatch: strings.TrimSpace(req.IfNoneMatch), ifModSince: strings.TrimSpace(req.IfModifiedSince)}
	}
	j.visited[u.String()] = true
	j.useRange = wantRange(u)
	switch req.Expect {
	case ExpectDocument:
		j.expectDoc = true
	case ExpectPage:
	case ExpectAuto:
		j.expectDoc = documentURL(u)
	default:
		j.finish(StatusInvalid, fmt.Errorf("%w: unknown expectation %q", ErrBadRequest, req.Expect))
	}
	return j
}

// cleanURL drops the fragment and lower-cases the host.
func cleanURL(u *url.URL) *url.URL {
	v := *u
	v.Fragment, v.RawFragment = "", ""
	v.Host = strings.ToLower(v.Host)
	return &v
}

// documentURL reports whether a URL should end at a document (ExpectAuto).
func documentURL(u *url.URL) bool {
	p := strings.ToLower(u.Path)
	switch path.Ext(p) {
	case ".pdf", ".doc", ".docx", ".wpd":
		return true
	}
	switch normHost(u.Hostname()) {
	case "undocs.org", "www.undocs.org", "docs.un.org", "documents.un.org", "daccess-ods.un.org", "documents-dds-ny.un.org":
		return true
	case "www.un.org", "un.org":
		return strings.Contains(p, "view_doc.asp")
	}
	return false
}

// wantRange reports whether a URL names a file, so that only its first
// bytes need to travel: "Range: bytes=0-N" is sent (and 206 or 416 handled).
// Pages are fetched whole (up to MaxHTMLBytes), since the hop may be
// anywhere in them.
func wantRange(u *url.URL) bool {
	p := strings.ToLower(u.Path)
	switch path.Ext(p) {
	case ".pdf", ".doc", ".docx", ".wpd":
		return true
	}
	switch normHost(u.Hostname()) {
	case "documents.un.org":
		return strings.HasPrefix(p, "/api/symbol/access")
	case "undocs.org", "www.undocs.org":
		return p == "/pdf"
	case "documents-dds-ny.un.org":
		return true
	}
	return false
}

// archiveOK reports whether replacement searches may ask the archive.
func (c *Client) archiveOK() bool { return c.opts.FindReplacements && !c.opts.NoArchive }

// route checks that u may be requested and returns the URL to dial: u
// itself, or u moved onto the base URL.
//
// archive lets the archive's hosts through (a replacement search, when
// Options.NoArchive is not set).
func (c *Client) route(u *url.URL, archive bool) (*url.URL, error) {
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, errf(ErrScheme, "%q", u.Redacted())
	}
	h := normHost(u.Hostname())
	switch {
	case h == "":
		return nil, errf(ErrInvalidURL, "no host in %q", u.Redacted())
	case u.User != nil:
		return nil, errf(ErrInvalidURL, "credentials in %q", u.Redacted())
	case !c.allowAll && !c.allow[h] && !(archive && c.archiveOK() && isArchiveHost(h)):
		if c.base != nil {
			return nil, errf(ErrHostNotAllowed, "%s (a base URL is set: only allowed hosts are reachable, through it)", h)
		}
		return nil, errf(ErrHostNotAllowed, "%s", h)
	}
	if c.base == nil {
		return u, nil
	}
	t := *u
	t.Scheme, t.Host = c.base.Scheme, c.base.Host
	return &t, nil
}

func hostPort(host, port string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:" + port
	}
	return host + ":" + port
}
