package fetch

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// response is one HTTP exchange, reduced to what the verdict needs. It is
// immutable once built, so singleflight can hand it to several jobs.
type response struct {
	code          int
	header        http.Header
	cookies       []*http.Cookie
	body          []byte // decoded, at most MaxHTMLBytes
	ranged        bool   // a Range header was sent
	conditional   bool   // validators were sent (If-None-Match, If-Modified-Since)
	contentLength int64  // declared full length, -1 if unknown
	wait          time.Duration
	fetch         time.Duration
	sent, at      time.Time // request sent, answer read
}

// pausedError says a host is paused (Retry-After or throttling) until a time.
type pausedError struct {
	host       *hostState
	until      time.Time
	retryAfter bool // the pause came from a Retry-After (or 429 backoff)
}

func (e *pausedError) Error() string {
	return fmt.Sprintf("fetch: host %s paused until %s", e.host.name, e.until.Format(time.RFC3339))
}

// leaderGoneError wraps the context error of the singleflight caller whose
// request was shared: the others were not canceled and should ask again.
type leaderGoneError struct{ err error }

func (e *leaderGoneError) Error() string { return e.err.Error() }
func (e *leaderGoneError) Unwrap() error { return e.err }

// step runs one attempt of a job: it follows the chain from j.cur until a
// verdict, or until the job must wait, and then returns when to call it
// again. Waiting is the caller's business (Resolve sleeps, ResolveAll arms a
// timer), so no worker is held by a pause.
func (c *Client) step(ctx context.Context, j *job) (retryAt time.Time, done bool) {
	if j.done {
		return time.Time{}, true
	}
	now := time.Now()
	if j.t0.IsZero() {
		j.t0 = now
		j.res.Timings.Start = now
		j.res.Attempts = 1
		c.goLive(j)
	} else if !j.waitFrom.IsZero() {
		j.res.Timings.Wait += now.Sub(j.waitFrom)
	}
	var at time.Time
	if j.alt != nil {
		at, done = c.stepAlt(ctx, j)
	} else {
		at, done = c.run(ctx, j)
		if !done && c.budget.beyond(at) {
			// Waiting would outlast the run: the link is left unresolved now.
			j.skip(c.budget.refuse(ErrBudget))
			done = true
		}
		if done && c.wantsReplacement(j) {
			// The link is broken: its verdict is final, and the search
			// for an address that serves its document begins. The job
			// leaves the live count (its alternatives count instead), so
			// that their soft-404 proofs do not wait for it.
			c.learnCanaries(&j.res)
			j.release()
			c.startAlternatives(j)
			at, done = c.stepAlt(ctx, j)
		}
	}
	if done {
		j.done = true
		j.res.Timings.Total = time.Since(j.t0)
		if !j.probe {
			c.learnCanaries(&j.res) // before release: waiting soft-404s look for them then
		}
		j.release()
	} else {
		j.waitFrom = time.Now()
	}
	return at, done
}

// run is the body of step.
func (c *Client) run(ctx context.Context, j *job) (time.Time, bool) {
	for {
		if err := ctx.Err(); err != nil {
			j.cancelCtx(ctx)
			return time.Time{}, true
		}
		hs := c.host(j.cur.Hostname())
		if j.pending != nil {
			// A soft-404 answer waits for evidence; nothing is asked again.
			return c.judgeSoft(ctx, j, hs)
		}
		j.clearContent() // the body facts describe the last answer only
		resp, err := c.fetch(ctx, j, hs)
		j.res.FinalURL = j.cur.String()
		if err != nil {
			var pe *pausedError
			if errors.As(err, &pe) {
				return c.waitForHost(j, pe)
			}
			return c.onError(ctx, j, hs, err)
		}
		j.res.Code = resp.code
		j.res.Codes = append(j.res.Codes, resp.code)
		if len(resp.cookies) > 0 {
			if j.jar == nil {
				j.jar, _ = cookiejar.New(nil)
			}
			j.jar.SetCookies(j.cur, resp.cookies)
		}
		at, done, next := c.onResponse(ctx, j, hs, resp)
		if !next {
			return at, done
		}
	}
}

// fetch makes (or joins) one HTTP request for j.cur.
func (c *Client) fetch(ctx context.Context, j *job, hs *hostState) (*response, error) {
	u := j.cur
	target, err := c.route(u, j.archive)
	if err != nil {
		return nil, err
	}
	if until, ra, paused := hs.pausedUntil(time.Now()); paused {
		return nil, &pausedError{hs, until, ra}
	}
	if err := c.gate(ctx, hs, j.visited, &j.res.Requests); err != nil {
		return nil, err
	}
	var cookie string
	if j.jar != nil {
		var parts []string
		for _, ck := range j.jar.Cookies(u) {
			parts = append(parts, ck.Name+"="+ck.Value)
		}
		cookie = strings.Join(parts, "; ")
	}
	// Validators go only with the request for the URL they belong to.
	var cond *conditional
	if j.cond != nil && j.cond.url == u.String() {
		cond = j.cond
	}
	// One key per exchange that would be identical on the wire: the same
	// URL is never requested twice at once (across jobs and hops).
	key := u.String() + "\x00" + strconv.FormatBool(j.useRange) + "\x00" + cookie
	if cond != nil {
		key += "\x00" + cond.ifNoneMatch + "\x00" + cond.ifModSince
	}
	for {
		sent := false // set only when this call is the one making the request
		v, err, _ := c.sf.Do(key, func() (any, error) {
			return c.roundTrip(ctx, hs, u, target, j.useRange, cookie, cond, &sent)
		})
		if sent {
			j.res.Requests++
		}
		var lg *leaderGoneError
		if errors.As(err, &lg) && ctx.Err() == nil {
			continue // the caller that made the request went away; not us
		}
		if err != nil {
			return nil, err
		}
		r := v.(*response)
		j.res.Timings.Wait += r.wait
		j.res.Timings.Fetch += r.fetch
		return r, nil
	}
}

// roundTrip is one HTTP exchange within the host's budget.
func (c *Client) roundTrip(ctx context.Context, hs *hostState, u, target *url.URL, useRange bool, cookie string, cond *conditional, sent *bool) (*response, error) {
	wait, err := hs.acquire(ctx)
	if err != nil {
		return nil, &leaderGoneError{err}
	}
	defer hs.release()
	// A pause may have started while this request waited for its turn.
	if until, ra, paused := hs.pausedUntil(time.Now()); paused {
		return nil, &pausedError{hs, until, ra}
	}
	if err := c.budget.charge(time.Now()); err != nil {
		return nil, err
	}
	rctx, cancel := context.WithTimeout(ctx, c.opts.RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, target.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	if target != u {
		req.Host = u.Host
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Encoding", "gzip")
	if useRange {
		req.Header.Set("Range", "bytes=0-"+strconv.Itoa(c.opts.SniffBytes-1))
	}
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	if cond != nil {
		if cond.ifNoneMatch != "" {
			req.Header.Set("If-None-Match", cond.ifNoneMatch)
		}
		if cond.ifModSince != "" {
			req.Header.Set("If-Modified-Since", cond.ifModSince)
		}
	}
	c.log.DebugContext(ctx, "fetch: request", "url", u, "range", useRange, "conditional", cond != nil)
	t0 := time.Now()
	*sent = true
	resp, err := c.hc.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, &leaderGoneError{ctx.Err()}
		}
		return nil, err
	}
	defer resp.Body.Close()
	r := &response{
		code:          resp.StatusCode,
		header:        resp.Header,
		cookies:       resp.Cookies(),
		ranged:        useRange,
		conditional:   cond != nil,
		contentLength: declaredLength(resp),
		wait:          wait,
		sent:          t0,
	}
	r.body, err = c.readBody(resp)
	r.at = time.Now()
	r.fetch = r.at.Sub(t0)
	c.log.DebugContext(ctx, "fetch: response", "url", u, "code", resp.StatusCode, "bytes", len(r.body), "took", r.fetch)
	if err != nil {
		if ctx.Err() != nil {
			return nil, &leaderGoneError{ctx.Err()}
		}
		return nil, err
	}
	return r, nil
}

// declaredLength is the full length of the resource: the total of a
// Content-Range, else Content-Length; -1 if unknown or when the body is
// content-encoded (Content-Length then counts compressed bytes).
func declaredLength(resp *http.Response) int64 {
	if cr := resp.Header.Get("Content-Range"); cr != "" {
		if i := strings.LastIndexByte(cr, '/'); i >= 0 {
			if n, err := strconv.ParseInt(strings.TrimSpace(cr[i+1:]), 10, 64); err == nil {
				return n
			}
		}
		return -1
	}
	if ce := resp.Header.Get("Content-Encoding"); ce != "" && !strings.EqualFold(ce, "identity") {
		return -1
	}
	return resp.ContentLength
}

// countingReader counts bytes and remembers whether its limit was reached.
type countingReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n >= c.limit {
		return 0, io.EOF
	}
	if int64(len(p)) > c.limit-c.n {
		p = p[:c.limit-c.n]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingReader) full() bool { return c.n >= c.limit }

// readBody reads what the verdict needs and no more: SniffBytes, or up to
// MaxHTMLBytes when the body is HTML (the hop may be anywhere in the page).
// Both the bytes taken from the wire and the decoded bytes are bounded by
// MaxHTMLBytes, so neither an endless body nor a gzip bomb can cost more;
// RequestTimeout bounds the time.
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	wire := &countingReader{r: resp.Body, limit: int64(c.opts.MaxHTMLBytes)}
	var r io.Reader = wire
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(wire)
		if err == io.EOF {
			return nil, nil // an empty body labelled gzip
		}
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %w", ErrBadBody, err)
		}
		r = zr
	default:
		// Not asked for: keep the bytes as they are; sniffing will say
		// "unknown".
	}
	body, err := readUpTo(r, c.opts.SniffBytes)
	if err == nil && len(body) == c.opts.SniffBytes && Sniff(body) == FormatHTML {
		var more []byte
		more, err = readUpTo(r, c.opts.MaxHTMLBytes-len(body))
		body = append(body, more...)
	}
	if err != nil {
		// A compressed stream cut short by our own wire bound is not an
		// error: it is the bound doing its job.
		if errors.Is(err, io.ErrUnexpectedEOF) && wire.full() {
			return body, nil
		}
		if isDecodeError(err) {
			return body, fmt.Errorf("%w: %w", ErrBadBody, err)
		}
		return body, err
	}
	return body, nil
}

func isDecodeError(err error) bool {
	return errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) ||
		strings.Contains(err.Error(), "flate: corrupt input")
}

// readUpTo reads until n bytes or EOF; EOF is not an error.
func readUpTo(r io.Reader, n int) ([]byte, error) {
	if n <= 0 {
		return nil, nil
	}
	buf := make([]byte, 0, min(n, 64<<10))
	for len(buf) < n {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := r.Read(buf[len(buf):min(cap(buf), n)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}

// onResponse classifies one answer: a hop to follow (next), a retry (a time),
// or a verdict (done).
func (c *Client) onResponse(ctx context.Context, j *job, hs *hostState, r *response) (at time.Time, done, next bool) {
	code := r.code
	h := r.header
	switch {
	case code == 301 || code == 302 || code == 303 || code == 307 || code == 308:
		loc := strings.TrimSpace(h.Get("Location"))
		if loc == "" {
			j.finish(StatusServerError, errf(ErrBadRedirect, "%d from %s", code, j.cur))
			return at, true, false
		}
		to, err := j.cur.Parse(loc)
		if err != nil {
			j.finish(StatusServerError, errf(ErrBadRedirect, "%d from %s: %v", code, j.cur, err))
			return at, true, false
		}
		kind := HopTemporaryRedirect
		if code == 301 || code == 308 {
			kind = HopPermanentRedirect
		}
		return c.follow(j, code, kind, to)

	case code == 202 && h.Get("X-Amzn-Waf-Action") != "":
		c.setContent(j, r)
		j.finish(StatusBlocked, errf(ErrBlocked, "WAF challenge at %s (202, x-amzn-waf-action: %s)", j.cur, h.Get("X-Amzn-Waf-Action")))
		return at, true, false
	case code == 401 || code == 403 || code == 407 || code == 451:
		c.setContent(j, r)
		why := http.StatusText(code)
		if m := h.Get("Cf-Mitigated"); m != "" {
			why += ", cf-mitigated: " + m
		}
		j.finish(StatusBlocked, errf(ErrBlocked, "%d %s", code, why))
		return at, true, false

	case code == 429:
		hs.note429()
		ra, hasRA := parseRetryAfter(h.Get("Retry-After"), time.Now())
		at, done = c.retryLater(j, hs, StatusRateLimited, errf(ErrRateLimited, "429 from %s", j.cur), ra, hasRA, true)
		return at, done, false
	case code == 408:
		at, done = c.retryLater(j, hs, StatusTimeout, errf(ErrServer, "408 from %s", j.cur), 0, false, false)
		return at, done, false
	case code >= 500 && code <= 599:
		ra, hasRA := parseRetryAfter(h.Get("Retry-After"), time.Now())
		c.setContent(j, r)
		at, done = c.retryLater(j, hs, StatusServerError, errf(ErrServer, "%d from %s", code, j.cur), ra, hasRA, hasRA)
		return at, done, false

	case code == http.StatusNotModified && r.conditional:
		// The document at the validators' URL is unchanged.
		j.res.ETag = r.header.Get("ETag")
		if j.res.ETag == "" {
			j.res.ETag = j.cond.ifNoneMatch
		}
		j.res.LastModified = r.header.Get("Last-Modified")
		if j.res.LastModified == "" {
			j.res.LastModified = j.cond.ifModSince
		}
		j.res.NotModified = true
		j.res.Status, j.res.Error, j.res.err = StatusOK, "", nil
		return at, true, false

	case code == 416 && r.ranged:
		// The range is not satisfiable: ask again for the whole thing.
		j.useRange = false
		return at, false, true
	case code >= 400 && code <= 499:
		c.setContent(j, r)
		j.finish(StatusNotFound, errf(ErrNotFound, "%d from %s", code, j.cur))
		return at, true, false

	case code >= 200 && code <= 299:
		return c.onContent(ctx, j, hs, r)
	}
	c.setContent(j, r)
	j.finish(StatusServerError, errf(ErrServer, "unexpected status %d from %s", code, j.cur))
	return at, true, false
}

// onContent decides on a 2xx body.
func (c *Client) onContent(ctx context.Context, j *job, hs *hostState, r *response) (at time.Time, done, next bool) {
	f := Sniff(r.body)
	if j.wantSym != "" && j.otherSym == "" {
		if s := shownSymbol(r.body, f); s != "" && !sameSymbol(s, j.wantSym) {
			j.otherSym = s
		}
	}
	switch {
	case f.Document():
		c.setContent(j, r)
		j.res.Status, j.res.Error, j.res.err = StatusOK, "", nil
		return at, true, false
	case f == FormatHTML:
		if r.ranged && r.code == http.StatusPartialContent && r.contentLength > int64(len(r.body)) {
			// A page cut by our Range: fetch it whole to look for the hop.
			j.useRange = false
			return at, false, true
		}
		if hop, ok := findHTMLHop(j.cur, r.body, j.expectDoc); ok {
			return c.follow(j, r.code, hop.kind, hop.to)
		}
		c.setContent(j, r)
		if j.expectDoc {
			at, done = c.soft404(ctx, j, hs, r, fmt.Sprintf("%d HTML page (%d bytes) without a document", r.code, len(r.body)))
			return at, done, false
		}
	case f == FormatEmpty:
		c.setContent(j, r)
		if j.expectDoc {
			at, done = c.soft404(ctx, j, hs, r, fmt.Sprintf("%d with an empty body", r.code))
			return at, done, false
		}
	default:
		c.setContent(j, r)
		if j.expectDoc {
			// Text or binary junk: no proof of a document either.
			at, done = c.soft404(ctx, j, hs, r, fmt.Sprintf("%d with %s", r.code, notDocument(r.body, r.header.Get("Content-Type"))))
			return at, done, false
		}
	}
	j.res.Status, j.res.Error, j.res.err = StatusOK, "", nil
	return at, true, false
}

func (j *job) clearContent() {
	r := &j.res
	r.ContentType, r.Format, r.ContentLength, r.BytesRead = "", "", -1, 0
	r.SHA256, r.ETag, r.LastModified = "", "", ""
	r.NotModified = false
}

// setContent records the final answer's body facts.
func (c *Client) setContent(j *job, r *response) {
	j.res.ContentType = r.header.Get("Content-Type")
	j.res.Format = Sniff(r.body)
	j.res.ContentLength = r.contentLength
	j.res.BytesRead = int64(len(r.body))
	head := r.body[:min(len(r.body), c.opts.SniffBytes)]
	sum := sha256.Sum256(head)
	j.res.SHA256 = hex.EncodeToString(sum[:])
	j.res.ETag = r.header.Get("ETag")
	j.res.LastModified = r.header.Get("Last-Modified")
	if j.keepBody {
		j.body = r.body
	}
}

// follow records a hop and moves the job to its target, refusing loops and
// chains longer than MaxHops.
func (c *Client) follow(j *job, code int, kind HopKind, to *url.URL) (at time.Time, done, next bool) {
	to = cleanURL(to)
	j.res.Hops = append(j.res.Hops, Hop{URL: j.cur.String(), Code: code, Kind: kind, To: to.String()})
	key := to.String()
	switch {
	case len(j.res.Hops) > c.opts.MaxHops:
		j.finish(StatusServerError, errf(ErrTooManyHops, "more than %d", c.opts.MaxHops))
		return at, true, false
	case j.visited[key]:
		j.finish(StatusServerError, errf(ErrRedirectLoop, "%s leads back to %s", j.cur, key))
		return at, true, false
	}
	j.visited[key] = true
	j.cur = to
	j.useRange = wantRange(to)
	return at, false, true
}

// soft404 handles a body that is not a document where one was expected:
// a fingerprint request's answer is final; any other waits for evidence
// (judgeSoft, probe.go).
func (c *Client) soft404(ctx context.Context, j *job, hs *hostState, r *response, why string) (time.Time, bool) {
	hs.noteSoft404()
	if j.probe {
		j.facts = factsOf(r)
		j.finish(StatusSoft404, errf(ErrSoft404, "%s", why))
		return time.Time{}, true
	}
	j.pending = &pendingSoft{facts: factsOf(r), sent: r.sent, answered: r.at, why: why}
	return c.judgeSoft(ctx, j, hs)
}

// retryLater schedules a retry of a transient failure, honouring a
// Retry-After (ra, when hasRA) or else backing off exponentially with
// jitter. A wait longer than MaxRetryAfter, or no retries left, gives the
// verdict s. pauseHost extends the wait to every request for the host
// (429, or 503 with Retry-After) unless the host is configured per URL.
func (c *Client) retryLater(j *job, hs *hostState, s Status, err error, ra time.Duration, hasRA, pauseHost bool) (time.Time, bool) {
	now := time.Now()
	d := ra
	if !hasRA {
		d = c.backoff(j.retries)
	}
	if pauseHost && !hs.limit.PerURLRetryAfter && hs.pauseRetryAfter(now.Add(d)) {
		c.notify(Event{Kind: EventPaused, Host: hs.name, Time: now, Until: now.Add(d), Reason: "retry-after"})
	}
	switch {
	case d > c.opts.MaxRetryAfter:
		j.res.RetryAt = now.Add(d)
		j.finish(s, fmt.Errorf("%w; asked to wait %s, more than the %s cap", err, d.Round(time.Second), c.opts.MaxRetryAfter))
		return time.Time{}, true
	case j.retries >= c.opts.MaxRetries:
		if hasRA {
			j.res.RetryAt = now.Add(d)
		}
		j.finish(s, fmt.Errorf("%w (after %d retries)", err, j.retries))
		return time.Time{}, true
	}
	j.retries++
	j.res.Attempts++
	c.log.Debug("fetch: retry", "url", j.cur, "in", d, "error", err)
	return now.Add(d), false
}

// backoff is the n-th retry's wait: uniformly random in [d/2, d) with
// d = min(RetryBase·2ⁿ, RetryMax) ("equal jitter": never zero, and spread so
// that retries of a burst do not come back together).
func (c *Client) backoff(n int) time.Duration {
	d := c.opts.RetryMax
	if n < 30 {
		d = min(c.opts.RetryBase<<n, c.opts.RetryMax)
	}
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(half)
}

// waitForHost handles a paused host: come back when it opens, unless a
// Retry-After pause lasts longer than MaxRetryAfter.
func (c *Client) waitForHost(j *job, pe *pausedError) (time.Time, bool) {
	if pe.retryAfter && time.Until(pe.until) > c.opts.MaxRetryAfter {
		j.res.RetryAt = pe.until
		j.finish(StatusRateLimited, errf(ErrRateLimited, "host %s asked to wait until %s, more than the %s cap",
			pe.host.name, pe.until.Format(time.RFC3339), c.opts.MaxRetryAfter))
		return time.Time{}, true
	}
	return pe.until, false
}

// onError classifies a failed exchange.
func (c *Client) onError(ctx context.Context, j *job, hs *hostState, err error) (time.Time, bool) {
	if ctx.Err() != nil {
		j.cancelCtx(ctx)
		return time.Time{}, true
	}
	switch {
	case errors.Is(err, ErrBudget), errors.Is(err, ErrRequestCap):
		j.skip(err)
		return time.Time{}, true
	case errors.Is(err, ErrScheme), errors.Is(err, ErrHostNotAllowed), errors.Is(err, ErrInvalidURL), errors.Is(err, ErrForbiddenAddress):
		j.finish(StatusInvalid, err)
		return time.Time{}, true
	case errors.Is(err, ErrBadBody):
		j.finish(StatusNetwork, err)
		return time.Time{}, true
	case isTimeout(err):
		return c.retryLater(j, hs, StatusTimeout, err, 0, false, false)
	case isReset(err):
		return c.retryLater(j, hs, StatusNetwork, err, 0, false, false)
	}
	j.finish(StatusNetwork, err)
	return time.Time{}, true
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// isReset reports a connection that broke under the request (reset, closed
// before or during the answer): worth a retry, unlike a refused connection
// or a DNS failure.
func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// parseRetryAfter reads a Retry-After value: delay-seconds or an HTTP-date
// (RFC 9110 §10.2.3). A date in the past means no wait.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseUint(v, 10, 64); err == nil {
		const maxSecs = 1 << 32 // about 136 years: far beyond any cap, no overflow
		return time.Duration(min(n, maxSecs)) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
