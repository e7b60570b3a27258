package fetch

import "time"

// EventKind names a change in a host's state during a run.
type EventKind string

// The events.
const (
	// EventPaused: the host is paused until Event.Until, because it asked
	// to wait (Reason "retry-after") or because it throttles (Reason
	// "throttled": a document known to exist answered "not found").
	EventPaused EventKind = "paused"
	// EventResumed: a throttling host's canary resolves again. A pause for
	// Retry-After ends at its time without an event.
	EventResumed EventKind = "resumed"
)

// Event is a change in a host's state, for progress displays and logs
// (Options.OnEvent).
type Event struct {
	Kind   EventKind `json:"kind"`
	Host   string    `json:"host"`
	Time   time.Time `json:"time"`
	Until  time.Time `json:"until,omitzero"`
	Reason string    `json:"reason,omitempty"`
}

// notify hands an event to Options.OnEvent, if set.
func (c *Client) notify(e Event) {
	if c.opts.OnEvent != nil {
		c.opts.OnEvent(e)
	}
}
