package fetch

import (
	"context"
	"sync"
	"time"
)

// ResolveAll resolves many requests with a pool of Options.Workers workers
// and calls fn once for every request, with its index in reqs and its
// Result. fn is never called concurrently, so it may update a progress bar
// or write output without locking; it should return quickly.
//
// Identical requests are resolved once and their result handed to each.
// The queue interleaves hosts, so that a long list for one host does not
// hold back the others. A request that has to wait (Retry-After, backoff,
// a soft-404 waiting for a canary, a paused host) leaves its worker: a timer puts it back
// in the queue when it is due, and the worker takes other work meanwhile.
//
// When ctx ends, ResolveAll stops promptly: in-flight requests are
// abandoned, fn receives StatusCanceled (or StatusTimeout for a deadline)
// results for every request without a verdict, and ctx.Err() is returned.
// When the client's budget ends (Options.Deadline, MaxRequests), the
// requests without a verdict get StatusSkipped results, at once, and
// ResolveAll returns nil: the end of a budget is the normal end of a run.
// Otherwise it returns nil once every request has its Result.
func (c *Client) ResolveAll(ctx context.Context, reqs []Request, fn func(i int, r Result)) error {
	type group struct {
		j   *job
		idx []int
	}
	byReq := map[Request]*group{}
	var groups []*group
	for i, r := range reqs {
		if g, ok := byReq[r]; ok {
			g.idx = append(g.idx, i)
			continue
		}
		g := &group{j: c.newJob(r), idx: []int{i}}
		byReq[r] = g
		groups = append(groups, g)
	}
	if len(groups) == 0 {
		return ctx.Err()
	}
	for _, g := range groups {
		c.goLive(g.j)
	}

	// Interleave hosts: one request per host in turn, in order of first
	// appearance (W3C checklink's distribute_links idea).
	byHost := map[string][]*group{}
	var hosts []string
	for _, g := range groups {
		h := ""
		if g.j.cur != nil {
			h = normHost(g.j.cur.Hostname())
		}
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], g)
	}
	ready := make(chan *group, len(groups)) // every group is in at most one place: never blocks
	for left := len(groups); left > 0; {
		for _, h := range hosts {
			if q := byHost[h]; len(q) > 0 {
				ready <- q[0]
				byHost[h] = q[1:]
				left--
			}
		}
	}

	parent := ctx
	ctx, cancelBudget := c.withBudget(ctx)
	defer cancelBudget()
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	finished := make(chan *group, len(groups))
	var (
		mu     sync.Mutex
		timers = map[*group]*time.Timer{}
		wg     sync.WaitGroup
	)
	worker := func() {
		defer wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case g := <-ready:
				at, done := c.step(ctx, g.j)
				if done {
					finished <- g
					continue
				}
				mu.Lock()
				if ctx.Err() == nil {
					timers[g] = time.AfterFunc(time.Until(at), func() {
						mu.Lock()
						delete(timers, g)
						mu.Unlock()
						ready <- g
					})
				}
				mu.Unlock()
			}
		}
	}
	n := min(c.opts.Workers, len(groups))
	wg.Add(n)
	for range n {
		go worker()
	}

	delivered := map[*group]bool{}
	deliver := func(g *group) {
		delivered[g] = true
		for _, i := range g.idx {
			fn(i, g.j.res.clone())
		}
	}
	for len(delivered) < len(groups) {
		select {
		case g := <-finished:
			deliver(g)
			continue
		case <-ctx.Done():
		}
		break
	}
	if len(delivered) == len(groups) {
		stop() // no timer is pending: every job is done; let the workers go
		wg.Wait()
		return nil
	}

	// Canceled: stop the timers, let the workers return (their requests
	// see the canceled context), then report whatever is left as canceled,
	// or skipped when the budget ended the run.
	err := ctx.Err()
	why := budgetCause(ctx)
	if parent.Err() != nil {
		why = nil
	} else if why != nil {
		c.budget.refuse(why)
	}
	mu.Lock()
	for _, t := range timers {
		t.Stop()
	}
	mu.Unlock()
	wg.Wait()
	for {
		select {
		case g := <-finished:
			deliver(g)
			continue
		default:
		}
		break
	}
	for _, g := range groups {
		if !delivered[g] {
			if why != nil {
				g.j.skip(why)
			} else {
				g.j.cancel(err)
			}
			deliver(g)
		}
	}
	if why != nil {
		return nil
	}
	return err
}
