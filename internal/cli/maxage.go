package cli

import (
	"context"
	"encoding/json"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
)

// priorVerdicts reuses what the citation graph knows of a link (--max-age):
// a verdict younger than maxAge is not asked again. Every link that the
// graph saw resolve, however long ago, also becomes a canary of its hosts
// for the soft-404 evidence (fetch.Client.AddCanary). A nil *priorVerdicts
// reuses nothing.
type priorVerdicts struct {
	st     *cache.Store
	maxAge time.Duration
	now    time.Time
	used   map[string]bool // URLs whose verdict was reused
}

func newPriorVerdicts(st *cache.Store, maxAge time.Duration) *priorVerdicts {
	if st == nil {
		return nil
	}
	return &priorVerdicts{st: st, maxAge: maxAge, now: time.Now(), used: map[string]bool{}}
}

// reuse returns the graph's verdict on u when it is young enough and says
// something about the link (not rate-limited, timed out, skipped …).
func (p *priorVerdicts) reuse(ctx context.Context, c *fetch.Client, u string) (fetch.Result, bool) {
	if p == nil {
		return fetch.Result{}, false
	}
	l, err := p.st.Link(ctx, u)
	if err != nil || l.Latest == nil || len(l.Latest.Raw) == 0 {
		return fetch.Result{}, false
	}
	var r fetch.Result
	if err := json.Unmarshal(l.Latest.Raw, &r); err != nil || r.Status == "" {
		return fetch.Result{}, false
	}
	if r.Status == fetch.StatusOK {
		for _, h := range r.Hops {
			c.AddCanary(h.URL)
		}
		c.AddCanary(r.FinalURL)
	}
	if p.maxAge <= 0 || r.Status.Transient() || p.now.Sub(l.Latest.Time) >= p.maxAge {
		return fetch.Result{}, false
	}
	p.used[u] = true
	return r, true
}

// fresh drops the reused verdicts from results: the graph has them already,
// and recording them again would make them look younger than they are.
func (p *priorVerdicts) fresh(results map[string]fetch.Result) map[string]fetch.Result {
	if p == nil || len(p.used) == 0 {
		return results
	}
	out := make(map[string]fetch.Result, len(results))
	for u, r := range results {
		if !p.used[u] {
			out[u] = r
		}
	}
	return out
}
