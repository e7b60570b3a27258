package fetch

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// The two limits of a run (Options.Deadline, Options.MaxRequests). A job
// that meets one ends as StatusSkipped with an error wrapping one of these.
var (
	// ErrBudget: the run's time budget (Options.Deadline) is spent.
	ErrBudget = errors.New("fetch: time budget spent")
	// ErrRequestCap: the run's request cap (Options.MaxRequests) is reached.
	ErrRequestCap = errors.New("fetch: request cap reached")
)

// budget is the client-wide account of a run: requests sent and the
// deadline. Every request is charged before it is sent, so the cap is
// never passed, however many workers race for the last one.
type budget struct {
	deadline time.Time // zero: none
	max      int64     // 0: no cap
	sent     atomic.Int64
	refused  atomic.Pointer[error] // why the budget turned a request or a wait away
}

// refuse records why the budget ended something, and returns it.
func (b *budget) refuse(why error) error {
	b.refused.CompareAndSwap(nil, &why)
	return why
}

// charge takes one request from the budget, or says why it cannot.
func (b *budget) charge(now time.Time) error {
	if !b.deadline.IsZero() && !now.Before(b.deadline) {
		return b.refuse(ErrBudget)
	}
	if n := b.sent.Add(1); b.max > 0 && n > b.max {
		b.sent.Add(-1)
		return b.refuse(ErrRequestCap)
	}
	return nil
}

// beyond reports whether a wait until t would end past the deadline.
func (b *budget) beyond(t time.Time) bool {
	return !b.deadline.IsZero() && !t.Before(b.deadline)
}

// Requests returns how many HTTP requests the client has sent (probes of
// soft-404 evidence included): what Options.MaxRequests counts.
func (c *Client) Requests() int { return int(c.budget.sent.Load()) }

// Exhausted reports whether the time budget or the request cap has ended
// a resolution, and which first (ErrBudget or ErrRequestCap); nil
// otherwise.
func (c *Client) Exhausted() error {
	if p := c.budget.refused.Load(); p != nil {
		return *p
	}
	return nil
}

// Deadline returns the run's deadline (Options.Deadline), zero when none.
func (c *Client) Deadline() time.Time { return c.budget.deadline }

// withBudget derives a context that ends at the deadline with ErrBudget as
// its cause, so that waits and exchanges in flight stop when it comes.
func (c *Client) withBudget(ctx context.Context) (context.Context, context.CancelFunc) {
	if c.budget.deadline.IsZero() {
		return context.WithCancel(ctx)
	}
	return context.WithDeadlineCause(ctx, c.budget.deadline, ErrBudget)
}

// skip ends a job that the budget stops, as StatusSkipped.
func (j *job) skip(why error) {
	if j.done {
		return
	}
	if j.alt != nil {
		// The link's verdict stands; only its search for a replacement ends.
		j.abortAlt(OutcomeSkipped, why.Error())
		return
	}
	j.finish(StatusSkipped, fmt.Errorf("%w: %s not requested", why, j.res.URL))
}

// budgetCause returns ErrBudget or ErrRequestCap when ctx ended because of
// the budget, nil otherwise.
func budgetCause(ctx context.Context) error {
	if c := context.Cause(ctx); errors.Is(c, ErrBudget) || errors.Is(c, ErrRequestCap) {
		return c
	}
	return nil
}
