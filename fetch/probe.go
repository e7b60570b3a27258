package fetch

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"hash/fnv"
	"math/bits"
	"mime"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Soft-404 evidence. A UN host answers 200 with a "not found" page both for
// a document that does not exist and, when it throttles, for one that does
// (un-symbols.md §3.3). Time does not tell them apart; two probes do:
//
//   - the fingerprint: once per host per run, a symbol that cannot exist is
//     asked for, and its answer (status, format, media type, size class,
//     title, hash of the text) is what "missing" looks like on that host;
//   - the canary: a URL of the host that this run (or the caller, from an
//     earlier run: AddCanary) has seen lead to a document. It is asked
//     again after the "not found" answer arrived. It is never a URL of the
//     link being judged: a document that has gone would make its own
//     canary fail, and its disappearance would read as throttling.
//
// Canary fine and the page like the fingerprint: the document is missing,
// believed at once. Canary "not found" too, and the next canary as well
// (when the next resolves, the first has gone: it is dropped): the host
// throttles; it is paused (Retry-After when the canary's answer has one,
// else an adaptive backoff) and, when the pause ends, the canary is asked
// again before any link of the host is; the links that saw the page are
// asked again once the canary resolves.

// maxThrottleRounds bounds how often one link is asked again because its
// host was throttling; after that it is rate-limited (not judged).
const maxThrottleRounds = 10

// parkPoll is how often a soft-404 waiting for a canary looks again. No
// request is made while it waits.
const parkPoll = 50 * time.Millisecond

// pageFacts describe an answer that is not a document.
type pageFacts struct {
	code   int
	format Format
	ctype  string // media type, lower case
	size   int    // size class: bits.Len of the body length
	title  string
	text   uint64 // hash of the visible text, digits folded
}

// matches reports whether two answers are the same kind of page: the same
// status, format and media type, and at least two of size class, title and
// text (a page that echoes the symbol it was asked for changes a little).
func (f *pageFacts) matches(g *pageFacts) bool {
	if f == nil || g == nil || f.code != g.code || f.format != g.format || f.ctype != g.ctype {
		return false
	}
	n := 0
	if f.size == g.size {
		n++
	}
	if f.title != "" && f.title == g.title {
		n++
	}
	if f.text == g.text {
		n++
	}
	return n >= 2
}

var titleRe = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// factsOf reduces an answer to its pageFacts.
func factsOf(r *response) *pageFacts {
	f := &pageFacts{code: r.code, format: Sniff(r.body), size: bits.Len(uint(len(r.body)))}
	if mt, _, err := mime.ParseMediaType(r.header.Get("Content-Type")); err == nil {
		f.ctype = strings.ToLower(mt)
	}
	if m := titleRe.FindSubmatch(r.body); m != nil {
		f.title = strings.Join(strings.Fields(string(m[1])), " ")
	}
	f.text = textHash(r.body)
	return f
}

// textHash hashes the text of a page outside its tags, with white space
// collapsed and every run of digits read as one '#'.
func textHash(b []byte) uint64 {
	h := fnv.New64a()
	var out []byte
	inTag, space, digit := false, false, false
	for _, c := range b {
		switch {
		case c == '<':
			inTag = true
			continue
		case c == '>':
			inTag = false
			space = true
			continue
		case inTag:
			continue
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = true
			continue
		case c >= '0' && c <= '9':
			if digit {
				continue
			}
			c = '#'
		}
		if space && len(out) > 0 {
			out = append(out, ' ')
		}
		space, digit = false, c == '#'
		out = append(out, c)
	}
	h.Write(bytes.ToLower(out))
	return h.Sum64()
}

// canaryKind is the outcome of asking a canary.
type canaryKind int

const (
	canaryNone      canaryKind = iota // no canary known for the host (or it is gone)
	canaryOK                          // it still leads to a document: the host serves
	canaryThrottled                   // it answers "not found" (or 429, 5xx): the host throttles
	canaryCanceled                    // the context ended first
)

type canaryVerdict struct {
	kind  canaryKind
	until time.Time // canaryThrottled: when to ask again
}

// canaryRound is one request for a host's canary; every soft-404 answer
// that arrived before it started can use its verdict, unless the canary
// asked is one of its own link's URLs.
type canaryRound struct {
	start time.Time
	done  chan struct{}
	v     canaryVerdict
	asked []string // canary URLs requested; written before done is closed
}

// usableBy reports whether a finished round speaks for a link whose chain
// is own: none of the canaries it asked is a URL of that link.
func (r *canaryRound) usableBy(own map[string]bool) bool {
	for _, u := range r.asked {
		if own[u] {
			return false
		}
	}
	return true
}

// none reports a finished round that found no canary: a canary may have
// come since, so it is not reused.
func (r *canaryRound) none() bool {
	select {
	case <-r.done:
		return r.v.kind == canaryNone
	default:
		return false
	}
}

// hostProbe is a host's soft-404 evidence during a run.
type hostProbe struct {
	mu       sync.Mutex
	fp       *pageFacts // the host's page for a missing document
	fpDone   bool       // fp is known (nil: the host has no such page)
	canaries []string   // URLs of the host known to lead to a document, best first
	round    *canaryRound
	suspect  bool      // the last canary said "throttled": ask it before any link
	streak   int       // throttled rounds in a row, for the backoff
	lastBad  time.Time // when the host was last seen throttling (canary, 429)
	until    time.Time // end of the last throttling pause
	nCanary  int       // canary requests made
}

// noteThrottle records that the host was seen throttling at t.
func (p *hostProbe) noteThrottle(t time.Time) {
	p.mu.Lock()
	if t.After(p.lastBad) {
		p.lastBad = t
	}
	p.mu.Unlock()
}

// addCanary makes u a canary of its host: first for this run's documents,
// last for those from earlier runs.
func (p *hostProbe) addCanary(u string, fresh bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.canaries {
		if c == u {
			return
		}
	}
	switch {
	case len(p.canaries) >= 4:
		if fresh {
			p.canaries[len(p.canaries)-1] = u
		}
	case fresh:
		p.canaries = append([]string{u}, p.canaries...)
	default:
		p.canaries = append(p.canaries, u)
	}
}

// AddCanary tells the client that rawURL led to a document recently (from
// an earlier run), so that it can serve as its host's canary when this run
// has seen no document there yet. URLs of this run's documents are added
// on their own.
func (c *Client) AddCanary(rawURL string) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Hostname() == "" {
		return
	}
	u = cleanURL(u)
	c.host(u.Hostname()).probe.addCanary(u.String(), false)
}

// learnCanaries makes every URL of an ok chain a canary of its host: a
// redirect or hop from there, or the document itself. A chain judged
// missing (soft-404, 404) takes its final URL out of the canaries: that
// document has gone, and asking for it again would read as throttling.
func (c *Client) learnCanaries(r *Result) {
	switch r.Status {
	case StatusSoft404, StatusNotFound:
		if u, err := url.Parse(r.FinalURL); err == nil && u.Hostname() != "" {
			c.host(u.Hostname()).probe.dropCanary(r.FinalURL)
		}
		return
	case StatusOK:
	default:
		return
	}
	for _, h := range r.Hops {
		if u, err := url.Parse(h.URL); err == nil {
			c.host(u.Hostname()).probe.addCanary(h.URL, true)
		}
	}
	if u, err := url.Parse(r.FinalURL); err == nil && u.Hostname() != "" {
		c.host(u.Hostname()).probe.addCanary(r.FinalURL, true)
	}
}

// missingURL builds a URL of the same form as u for a symbol that cannot
// exist: the symbol API's s= (or undocs' symbol=) is replaced, else the
// last path segment, keeping a file extension.
func missingURL(u *url.URL) *url.URL {
	var b [6]byte
	rand.Read(b[:])
	nonce := "xref-probe-" + hex.EncodeToString(b[:])
	v := *u
	q := v.Query()
	for _, k := range []string{"s", "symbol", "DS"} {
		if q.Has(k) {
			q.Set(k, "XREF/PROBE/"+nonce)
			v.RawQuery = q.Encode()
			return &v
		}
	}
	p := v.Path
	i := strings.LastIndexByte(p, '/')
	ext := strings.ToLower(path.Ext(p[i+1:]))
	switch ext {
	case ".pdf", ".doc", ".docx", ".wpd", ".html", ".htm", ".asp":
	default:
		ext = ""
	}
	v.Path, v.RawPath = p[:i+1]+nonce+ext, ""
	return &v
}

// fingerprint returns the host's page for a missing document, asking for
// it the first time (once per host per run; concurrent callers share the
// request). nil means the host has none, or it could not be learnt now.
func (c *Client) fingerprint(ctx context.Context, hs *hostState, like *url.URL, sent *int) *pageFacts {
	p := &hs.probe
	p.mu.Lock()
	if p.fpDone {
		fp := p.fp
		p.mu.Unlock()
		return fp
	}
	p.mu.Unlock()
	v, _, _ := c.sf.Do("fingerprint\x00"+hs.name, func() (any, error) {
		u := missingURL(like)
		j := c.newJob(Request{URL: u.String(), Expect: ExpectDocument})
		j.probe = true
		j.archive = isArchiveHost(hs.name)
		c.wait(ctx, j)
		*sent += j.res.Requests
		switch j.res.Status {
		case StatusSoft404, StatusOK, StatusNotFound:
		default:
			return (*pageFacts)(nil), nil // not learnt: try again on the next soft-404
		}
		p.mu.Lock()
		p.fp, p.fpDone = j.facts, true // nil when the host answered a document, or 404
		p.mu.Unlock()
		c.log.Info("fetch: fingerprint of a missing document", "host", hs.name, "url", u.String(),
			"status", j.res.Status, "code", j.res.Code, "bytes", j.res.BytesRead)
		return j.facts, nil
	})
	fp, _ := v.(*pageFacts)
	return fp
}

// wait runs a job to its end in place, sleeping through its waits.
func (c *Client) wait(ctx context.Context, j *job) {
	for {
		at, done := c.step(ctx, j)
		if done {
			return
		}
		t := time.NewTimer(time.Until(at))
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			j.cancelCtx(ctx)
			return
		}
	}
}

// canary returns a verdict on the host from a canary request that started
// after the answer being judged arrived (at after) and that asked none of
// own, the URLs of the link being judged: it joins a round that did, or
// starts one.
// Requests it makes are added to *sent.
func (c *Client) canary(ctx context.Context, hs *hostState, after time.Time, own map[string]bool, sent *int) canaryVerdict {
	p := &hs.probe
	var unusable *canaryRound
	for {
		p.mu.Lock()
		r := p.round
		if r != nil && r != unusable && !r.start.Before(after) && !r.none() {
			p.mu.Unlock()
			select {
			case <-r.done:
			case <-ctx.Done():
				return canaryVerdict{kind: canaryCanceled}
			}
			if r.v.kind != canaryNone && r.usableBy(own) {
				return r.v
			}
			// It asked this link itself, or found no canary but the
			// starter's own URLs: a round of our own decides.
			unusable = r
			continue
		}
		if r != nil {
			select {
			case <-r.done:
			default:
				// An older round is in flight: wait for it, then start ours.
				p.mu.Unlock()
				select {
				case <-r.done:
				case <-ctx.Done():
					return canaryVerdict{kind: canaryCanceled}
				}
				continue
			}
		}
		nr := &canaryRound{start: time.Now(), done: make(chan struct{})}
		p.round = nr
		p.mu.Unlock()
		nr.v = c.askCanary(ctx, hs, nr, own, sent)
		close(nr.done)
		return nr.v
	}
}

// askCanary requests the host's first canary that is not one of own once,
// for round r, and judges the host by its answer (a redirect or a hop is as
// good as a document: the host is serving). A canary that answers a page
// without a document may be a document that has gone rather than a host
// that throttles: the next canary, if there is one, is asked too, and the
// host is throttling only if it fails as well; if it resolves, the first
// is dropped.
func (c *Client) askCanary(ctx context.Context, hs *hostState, r *canaryRound, own map[string]bool, n *int) canaryVerdict {
	p := &hs.probe
	var (
		gone    string // a canary that answered a page without a document
		goneAt  time.Time
		serving = func() canaryVerdict {
			if gone != "" {
				p.dropCanary(gone)
				c.log.Info("fetch: canary no longer leads to a document, dropped", "host", hs.name, "canary", gone)
			}
			return c.serving(hs)
		}
	)
	for {
		p.mu.Lock()
		cu := ""
		for _, u := range p.canaries {
			if !own[u] && u != gone {
				cu = u
				break
			}
		}
		if cu == "" {
			p.mu.Unlock()
			if gone != "" {
				return c.throttled(hs, gone, goneAt, 0, false, "a page without a document")
			}
			return canaryVerdict{kind: canaryNone}
		}
		p.nCanary++
		p.mu.Unlock()
		r.asked = append(r.asked, cu)
		u, err := url.Parse(cu)
		if err != nil {
			p.dropCanary(cu)
			continue
		}
		target, err := c.route(u, isArchiveHost(u.Hostname()))
		if err != nil {
			p.dropCanary(cu)
			continue
		}
		var sent bool
		resp, err := c.roundTrip(ctx, hs, u, target, wantRange(u), "", nil, &sent)
		if sent {
			*n++
		}
		now := time.Now()
		var pe *pausedError
		switch {
		case ctx.Err() != nil:
			return canaryVerdict{kind: canaryCanceled}
		case errors.As(err, &pe):
			return canaryVerdict{kind: canaryThrottled, until: pe.until}
		case errors.Is(err, ErrBudget), errors.Is(err, ErrRequestCap):
			return canaryVerdict{kind: canaryCanceled}
		case err != nil:
			return c.throttled(hs, cu, now, 0, false, err.Error())
		}
		code := resp.code
		switch {
		case code >= 300 && code <= 399:
			return serving()
		case code >= 200 && code <= 299:
			f := Sniff(resp.body)
			if f.Document() {
				return serving()
			}
			if f == FormatHTML {
				if _, ok := findHTMLHop(u, resp.body, true); ok {
					return serving()
				}
			}
			if gone == "" {
				gone, goneAt = cu, now
				continue // gone, or the host throttles: another canary tells
			}
			return c.throttled(hs, cu, now, 0, false, "a page without a document")
		case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
			ra, hasRA := parseRetryAfter(resp.header.Get("Retry-After"), now)
			return c.throttled(hs, cu, now, ra, hasRA, http.StatusText(code))
		case code >= 500:
			return c.throttled(hs, cu, now, 0, false, http.StatusText(code))
		}
		// 404, 410, 401, 403 …: this canary says nothing any more.
		p.dropCanary(cu)
	}
}

func (p *hostProbe) dropCanary(u string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, c := range p.canaries {
		if c == u {
			p.canaries = append(p.canaries[:i], p.canaries[i+1:]...)
			return
		}
	}
}

// serving records a canary that resolved: the host is well.
func (c *Client) serving(hs *hostState) canaryVerdict {
	p := &hs.probe
	p.mu.Lock()
	was := p.suspect
	p.suspect, p.streak = false, 0
	p.mu.Unlock()
	if was {
		c.log.Info("fetch: host serves documents again", "host", hs.name)
		c.notify(Event{Kind: EventResumed, Host: hs.name, Time: time.Now()})
	}
	return canaryVerdict{kind: canaryOK}
}

// throttled records a canary that failed: the host is paused for what it
// asked (Retry-After) or for an adaptive backoff, and stays suspect until
// its canary resolves again.
func (c *Client) throttled(hs *hostState, canary string, now time.Time, ra time.Duration, hasRA bool, why string) canaryVerdict {
	p := &hs.probe
	p.mu.Lock()
	d := ra
	if !hasRA {
		d = c.backoff(p.streak)
	}
	until := now.Add(d)
	p.streak++
	p.suspect = true
	if now.After(p.lastBad) {
		p.lastBad = now
	}
	if until.After(p.until) {
		p.until = until
	}
	p.mu.Unlock()
	hs.pauseThrottled(until)
	hs.noteThrottled()
	c.log.Info("fetch: host throttles, pausing it", "host", hs.name, "until", until.Format(time.TimeOnly),
		"canary", canary, "answer", why)
	c.notify(Event{Kind: EventPaused, Host: hs.name, Time: now, Until: until, Reason: "throttled"})
	return canaryVerdict{kind: canaryThrottled, until: until}
}

// gate runs before any request to a host whose canary last failed: the
// canary (not one of own, the URLs of the link about to be asked) is asked
// first, and the request goes only if it resolves.
func (c *Client) gate(ctx context.Context, hs *hostState, own map[string]bool, sent *int) error {
	p := &hs.probe
	p.mu.Lock()
	suspect, since := p.suspect, p.until
	p.mu.Unlock()
	if !suspect {
		return nil
	}
	// Any round that started after the pause ended will do: the links
	// waiting at the gate share one canary request.
	switch v := c.canary(ctx, hs, since, own, sent); v.kind {
	case canaryThrottled:
		return &pausedError{host: hs, until: v.until}
	case canaryCanceled:
		if err := ctx.Err(); err != nil {
			return &leaderGoneError{err}
		}
		return &pausedError{host: hs, until: time.Now()}
	}
	return nil
}

// pendingSoft is a soft-404 answer waiting for evidence (a canary).
type pendingSoft struct {
	facts          *pageFacts
	sent, answered time.Time
	why            string
}

// judgeSoft decides on a soft-404 answer with the host's fingerprint and
// canary. It returns when to step the job again, or done.
func (c *Client) judgeSoft(ctx context.Context, j *job, hs *hostState) (time.Time, bool) {
	ps := j.pending
	// The canary first: the sooner it follows the answer, the surer it
	// speaks of the moment the answer was given.
	v := c.canary(ctx, hs, ps.answered, j.visited, &j.res.Requests)
	p := &hs.probe
	p.mu.Lock()
	badSince := !p.lastBad.Before(ps.sent)
	p.mu.Unlock()
	var match bool
	if v.kind == canaryOK && !badSince || v.kind == canaryNone {
		fp := c.fingerprint(ctx, hs, j.cur, &j.res.Requests)
		if ctx.Err() != nil {
			j.cancelCtx(ctx)
			return time.Time{}, true
		}
		match = fp.matches(ps.facts)
	}
	like := "like the host's page for a missing document"
	if !match {
		like = "not the host's page for a missing document"
	}
	now := time.Now()
	switch {
	case v.kind == canaryCanceled:
		if ctx.Err() != nil {
			j.cancelCtx(ctx)
			return time.Time{}, true
		}
		// The budget refused the canary: nothing proves the page.
		j.skip(ErrRequestCap)
		return time.Time{}, true
	case v.kind == canaryThrottled || (v.kind == canaryOK && badSince):
		// The page says nothing about the document: ask again once the
		// host serves.
		j.unpark()
		j.pending = nil
		j.throttled++
		if j.throttled > maxThrottleRounds {
			j.finish(StatusRateLimited, errf(ErrRateLimited, "%s kept answering \"not found\" for a known document", hs.name))
			return time.Time{}, true
		}
		j.res.Attempts++
		at := v.until
		if until, _, paused := hs.pausedUntil(now); paused && until.After(at) {
			at = until
		}
		return at, false
	case v.kind == canaryOK && (match || j.rechecked):
		j.unpark()
		j.finish(StatusSoft404, errf(ErrSoft404, "%s, %s; a known document of the host resolves", ps.why, like))
		return time.Time{}, true
	case v.kind == canaryOK:
		// The host serves, but the page is not its usual "missing" page:
		// ask once more before believing it.
		j.unpark()
		j.pending, j.rechecked = nil, true
		j.res.Attempts++
		return now, false
	}
	// No canary: wait while other links may still show a document of the
	// host; when nothing else is running, the fingerprint alone decides.
	if c.others(j) {
		j.park()
		return now.Add(parkPoll), false
	}
	p.mu.Lock()
	came := len(p.canaries) > 0
	p.mu.Unlock()
	if came {
		return now, false // a canary came while this one was asked: judge again
	}
	j.unpark()
	if !match && !j.rechecked {
		j.pending, j.rechecked = nil, true
		j.res.Attempts++
		return now, false
	}
	j.finish(StatusSoft404, errf(ErrSoft404, "%s, %s; no known document of the host to compare", ps.why, like))
	return time.Time{}, true
}
