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
	Soft404     int `json:"soft_404"`      // soft-404 answers (re-checks included)
	Pauses      int `json:"pauses"`        // host-wide pauses (Retry-After, soft block)
}

// hostState is the politeness state of one host, shared by every request of
// the Client: a concurrency semaphore, a token bucket, and "not before"
// gates that Retry-After and soft-block detection close.
type hostState struct {
	name  string
	limit HostLimit
	lim   *rate.Limiter
	slots chan struct{}

	mu         sync.Mutex
	raUntil    time.Time // gate closed by Retry-After or 429 backoff
	softUntil  time.Time // gate closed by soft-block detection
	softStreak int
	inFlight   int
	stats      HostStats
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
// backoff); it never shortens a pause.
func (h *hostState) pauseRetryAfter(t time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t.After(h.raUntil) {
		h.raUntil = t
		h.stats.Pauses++
	}
}

// pauseSoftBlock closes the gate until t for a suspected soft block.
func (h *hostState) pauseSoftBlock(t time.Time) {
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

// noteSoft404 records a soft-404 and reports whether the host now looks
// soft-blocked: streak first answers in a row without a document between.
// Only first answers count, so that the re-checks of one genuinely missing
// document do not pause the host.
func (h *hostState) noteSoft404(first bool, streak int) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.stats.Soft404++
	if !first {
		return false
	}
	h.softStreak++
	if h.softStreak >= streak {
		h.softStreak = 0
		return true
	}
	return false
}

func (h *hostState) noteDocument() {
	h.mu.Lock()
	h.softStreak = 0
	h.mu.Unlock()
}

func (h *hostState) note429() {
	h.mu.Lock()
	h.stats.RateLimited++
	h.mu.Unlock()
}

func (h *hostState) snapshot() HostStats {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.stats
}
