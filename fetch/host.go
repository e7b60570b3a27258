package fetch

import (
	"context"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// HostStats counts what happened with one host during the Client's life.
type HostStats struct {
	Requests    int `json:"requests"`      // HTTP requests started
	MaxInFlight int `json:"max_in_flight"` // most requests in flight at once
	RateLimited int `json:"rate_limited"`  // 429 answers
	Soft404     int `json:"soft_404"`      // soft-404 answers (links asked again included)
	Pauses      int `json:"pauses"`        // host-wide pauses (Retry-After, throttling)
	Throttled   int `json:"throttled"`     // canary requests that found the host throttling
	Canaries    int `json:"canaries"`      // canary requests made (soft-404 evidence)
	// PausedUntil is when a current pause ends (zero: not paused), and
	// PauseReason why: "retry-after" or "throttled".
	PausedUntil time.Time `json:"paused_until,omitzero"`
	PauseReason string    `json:"pause_reason,omitempty"`
}

// hostState is the politeness state of one host, shared by every request of
// the Client: a concurrency semaphore, a token bucket, and "not before"
// gates that Retry-After and proven throttling close, and the soft-404
// evidence of the run (probe.go).
type hostState struct {
	name  string
	limit HostLimit
	lim   *rate.Limiter
	slots chan struct{}

	mu        sync.Mutex
	raUntil   time.Time // gate closed by Retry-After or 429 backoff
	softUntil time.Time // gate closed because the host throttles (its canary failed)
	inFlight  int
	stats     HostStats

	probe hostProbe
}

func newHostState(name string, l HostLimit) *hostState {
	r := rate.Limit(l.Rate)
	if l.Rate < 0 || math.IsInf(l.Rate, 1) {
		r = rate.Inf
	}
	return &hostState{
		name:  name,
		limit: l,
		lim:   rate.NewLimiter(r, l.Burst),
		slots: make(chan struct{}, l.Concurrency),
	}
}

// pausedUntil returns when the host opens again, whether the latest gate
// comes from a Retry-After, and whether it is closed now.
func (h *hostState) pausedUntil(now time.Time) (until time.Time, retryAfter, paused bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	until, retryAfter = h.softUntil, false
	if !h.raUntil.Before(until) {
		until, retryAfter = h.raUntil, true
	}
	return until, retryAfter, until.After(now)
}

// pauseRetryAfter closes the gate until t for a Retry-After (or a 429
// backoff); it never shortens a pause. It reports whether the pause is
// new (the host was open until now).
func (h *hostState) pauseRetryAfter(t time.Time) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t.After(h.raUntil) {
		fresh := !h.raUntil.After(time.Now())
		h.raUntil = t
		h.stats.Pauses++
		return fresh
	}
	return false
}

// pauseThrottled closes the gate until t for a host that throttles.
func (h *hostState) pauseThrottled(t time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t.After(h.softUntil) {
		h.softUntil = t
		h.stats.Pauses++
	}
}

// acquire takes a concurrency slot, then a token from the rate limiter, in
// that order: taking the token first would let requests that waited for a
// slot start in a burst, above the rate. It returns the time spent waiting.
func (h *hostState) acquire(ctx context.Context) (time.Duration, error) {
	start := time.Now()
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return time.Since(start), ctx.Err()
	}
	if err := h.lim.Wait(ctx); err != nil {
		<-h.slots
		return time.Since(start), err
	}
	h.mu.Lock()
	h.inFlight++
	h.stats.Requests++
	h.stats.MaxInFlight = max(h.stats.MaxInFlight, h.inFlight)
	h.mu.Unlock()
	return time.Since(start), nil
}

func (h *hostState) release() {
	h.mu.Lock()
	h.inFlight--
	h.mu.Unlock()
	<-h.slots
}

// noteSoft404 counts a soft-404 answer.
func (h *hostState) noteSoft404() {
	h.mu.Lock()
	h.stats.Soft404++
	h.mu.Unlock()
}

// noteThrottled counts a canary that found the host throttling.
func (h *hostState) noteThrottled() {
	h.mu.Lock()
	h.stats.Throttled++
	h.mu.Unlock()
}

func (h *hostState) note429() {
	h.mu.Lock()
	h.stats.RateLimited++
	h.mu.Unlock()
	h.probe.noteThrottle(time.Now())
}

func (h *hostState) snapshot() HostStats {
	h.probe.mu.Lock()
	canaries := h.probe.nCanary
	h.probe.mu.Unlock()
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.stats
	s.Canaries = canaries
	now := time.Now()
	switch {
	case h.raUntil.After(now) && !h.raUntil.Before(h.softUntil):
		s.PausedUntil, s.PauseReason = h.raUntil, "retry-after"
	case h.softUntil.After(now):
		s.PausedUntil, s.PauseReason = h.softUntil, "throttled"
	}
	return s
}
