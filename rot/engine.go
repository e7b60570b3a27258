package rot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
)

// Resolver is what a run needs of a *fetch.Client.
type Resolver interface {
	ResolveAll(ctx context.Context, reqs []fetch.Request, fn func(i int, r fetch.Result)) error
	PauseHost(host string, until time.Time)
}

// Options configure a run. The zero value is usable: every zero field takes
// the default named in its comment.
type Options struct {
	// Now is the clock of the schedule, the observations and the report;
	// default time.Now. Tests play nights with a clock of their own; the
	// budget is always measured on the wall clock.
	Now func() time.Time
	// Budget bounds the run's time on the wall clock; default 30 minutes.
	// Planning fills each host's share of it (its rate times the budget)
	// to planFill; whatever is still running when it ends is abandoned and
	// stays due.
	Budget time.Duration
	// MaxRequests caps the HTTP requests of the run (0: no cap): planning
	// keeps the expected requests under it, and the run stops once it is
	// reached.
	MaxRequests int
	// DeadAfter is how many separate runs a link must fail on before it is
	// dead; default 3 (as Wikipedia's archive bot does).
	DeadAfter int
	// OKMin and OKMax bound the interval after which a working link is due
	// again, in whole days, jittered per link; defaults 3 and 7 days.
	OKMin, OKMax time.Duration
	// DeadEvery is the interval of dead links; default 7 days.
	DeadEvery time.Duration
	// Rate returns the requests per second the resolver allows a host, for
	// planning; default fetch.DefaultLimit(host).Rate. Zero, negative or
	// infinite: no limit.
	Rate func(host string) float64
	// Trend is how many runs the report's trend shows; default 14.
	Trend int
	// RunID names the run in the store; default "rot-" and the start time.
	RunID string
	// Logger receives a record per run phase and per link concluded
	// (debug for unchanged links); default discards.
	Logger *slog.Logger
	// Progress, if set, is called after each planned link's result (a
	// verdict, or abandoned at the end of the budget) with the number done
	// and the number planned; never concurrently.
	Progress func(done, total int)
}

func (o Options) withDefaults() Options {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Budget <= 0 {
		o.Budget = 30 * time.Minute
	}
	if o.DeadAfter <= 0 {
		o.DeadAfter = 3
	}
	if o.OKMin <= 0 {
		o.OKMin = 3 * 24 * time.Hour
	}
	if o.OKMax < o.OKMin {
		o.OKMax = max(7*24*time.Hour, o.OKMin)
	}
	if o.DeadEvery <= 0 {
		o.DeadEvery = 7 * 24 * time.Hour
	}
	if o.Rate == nil {
		o.Rate = func(h string) float64 { return fetch.DefaultLimit(h).Rate }
	}
	if o.Trend <= 0 {
		o.Trend = 14
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// ErrBadOptions reports Options that cannot work (such as OKMax below
// OKMin given explicitly).
var ErrBadOptions = errors.New("rot: bad options")

// RunKind is the kind of the runs this package records (cache.Run.Kind).
const RunKind = "rot"

// item is one link of the run.
type item struct {
	link    cache.Link
	hist    []cache.Observation // before the run, newest first (due links only)
	checked bool
	closed  time.Time // host closed until, when not contacted for that
	waitOn  string    // the host that asked to wait
	res     fetch.Result
	j       judgment
	obs     cache.Observation
	nextDue time.Time
}

// Run checks the links recorded in st that are due, within the budget, and
// returns the report. It records every observation (cache.Store.Observe),
// every link's new state and due time (SetLinkState), the not-before time
// of hosts that asked to wait (UpdateHost) and the run itself (PutRun).
//
// When ctx ends, Run stops and returns the report of what it checked with
// ctx's error (Run.Stopped "interrupted"; the verdicts stored stay); the
// end of the budget or of the request cap is not an error.
// Other errors are the store's.
func Run(ctx context.Context, st *cache.Store, res Resolver, opts Options) (*Report, error) {
	if opts.OKMin > 0 && opts.OKMax > 0 && opts.OKMax < opts.OKMin {
		return nil, fmt.Errorf("%w: OKMax %s below OKMin %s", ErrBadOptions, opts.OKMax, opts.OKMin)
	}
	o := opts.withDefaults()
	log := o.Logger
	start := o.Now().UTC()
	runID := o.RunID
	if runID == "" {
		runID = "rot-" + start.Format("20060102T150405.999999999Z")
	}
	rep := &Report{Schema: Schema, Run: RunInfo{ID: runID, Start: start, Budget: o.Budget.String(),
		MaxRequests: o.MaxRequests, DeadAfter: o.DeadAfter}}

	// Hosts still closed by an earlier Retry-After.
	closed := map[string]time.Time{}
	err := st.Hosts(ctx, func(h cache.HostState) error {
		if h.NotBefore.After(start) {
			closed[h.Host] = h.NotBefore.UTC()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Every link in use; the due ones are candidates, unless a host of
	// their last chain is closed.
	var items []*item
	var cands []candidate
	byURL := map[string]*item{}
	err = st.Links(ctx, func(l cache.Link) error {
		if len(l.Uses) == 0 {
			return nil // no transcript carries it any more
		}
		it := &item{link: l}
		items = append(items, it)
		byURL[l.URL] = it
		if !due(&l, start) {
			return nil
		}
		rep.Totals.Due++
		for _, h := range chainHosts(&l) {
			if t, ok := closed[h]; ok && t.After(it.closed) {
				it.closed, it.waitOn = t, h
			}
		}
		if it.closed.IsZero() {
			cands = append(cands, candidate{link: l, cost: requestCost(&l)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.Totals.Links = len(items)
	take, left, expected, capped := plan(cands, o.Budget, o.Rate, o.MaxRequests)
	rep.Totals.Deferred = len(left)
	switch {
	case capped:
		rep.Run.Stopped = "max-requests"
	case len(left) > 0:
		rep.Run.Stopped = "budget"
	}
	log.InfoContext(ctx, "rot: planned", "run", runID, "links", len(items), "due", rep.Totals.Due,
		"planned", len(take), "deferred", len(left), "expected_requests", expected, "closed_hosts", len(closed))

	// The history of the planned links: verdicts and conditional requests
	// need their last good check.
	reqs := make([]fetch.Request, len(take))
	planned := make([]*item, len(take))
	for i, c := range take {
		it := byURL[c.link.URL]
		if it.hist, err = st.History(ctx, c.link.URL, 0); err != nil {
			return nil, err
		}
		reqs[i] = fetch.Request{URL: c.link.URL, LastOK: c.link.LastOK}
		if rp := c.link.Replacement; rp != nil {
			// Asked first if the link is still broken: a replacement
			// that dies too is reported.
			reqs[i].KnownReplacement = rp.URL
		}
		if p := lastOK(it.hist); p != nil && p.FinalURL != "" && (p.ETag != "" || p.LastModified != "") {
			reqs[i].IfNoneMatch, reqs[i].IfModifiedSince, reqs[i].ConditionalURL = p.ETag, p.LastModified, p.FinalURL
		}
		planned[i] = it
	}

	// Resolve, within the budget and the request cap. A closed host stays
	// closed inside the resolver too, for chains that lead to it anew.
	wallStart := time.Now()
	for h, t := range closed {
		res.PauseHost(h, wallStart.Add(t.Sub(start)))
	}
	rctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	timer := time.AfterFunc(o.Budget, func() { stop(errBudget) })
	defer timer.Stop()
	waits := map[string]time.Time{}
	done := 0
	// The store is written to the end even when ctx ends: what was checked
	// is kept and reported.
	sctx := context.WithoutCancel(ctx)
	// A writer stores the verdicts while the resolver goes on, so that
	// the store's commits do not hold up the delivery of results.
	writes := make(chan *item, 256)
	var storeErr error
	wrote := make(chan struct{})
	go func() {
		defer close(wrote)
		for it := range writes {
			if storeErr != nil {
				continue
			}
			if _, err := st.Observe(sctx, it.link.URL, it.obs); err != nil {
				storeErr = err
			} else if err := st.SetLinkState(sctx, it.link.URL, it.j.state, it.nextDue); err != nil {
				storeErr = err
			}
		}
	}()
	err = res.ResolveAll(rctx, reqs, func(i int, r fetch.Result) {
		it := planned[i]
		rep.Totals.Requests += r.Requests
		if o.MaxRequests > 0 && rep.Totals.Requests >= o.MaxRequests {
			stop(errMaxRequests)
		}
		done++
		if o.Progress != nil {
			o.Progress(done, len(reqs))
		}
		if r.Status == fetch.StatusCanceled || r.Status == fetch.StatusSkipped {
			return // not a verdict: the link stays due
		}
		if r.Status == fetch.StatusTimeout && rctx.Err() != nil {
			return
		}
		now := o.Now().UTC()
		it.checked, it.res = true, r
		prevOK := lastOK(it.hist)
		it.obs = observation(r, runID, now, prevOK)
		it.j = judge(it.link.State, it.hist, it.obs, o.DeadAfter)
		it.nextDue = o.nextDue(now, it.link.URL, it.j.state, it.j.verdict)
		if !r.RetryAt.IsZero() {
			// The resolver's clock is the wall clock; the store's is o.Now.
			nb := ceilSecond(now.Add(time.Until(r.RetryAt)))
			h := hostOf(r.FinalURL)
			if h == "" {
				h = hostOf(r.URL)
			}
			it.waitOn, it.closed = h, nb
			if nb.After(waits[h]) {
				waits[h] = nb
			}
		}
		writes <- it
		lvl := slog.LevelInfo
		if it.j.verdict == VerdictOK {
			lvl = slog.LevelDebug
		}
		log.Log(ctx, lvl, "rot: checked", "url", it.link.URL, "verdict", it.j.verdict, "state", it.j.state,
			"status", r.Status, "requests", r.Requests)
	})
	timer.Stop()
	close(writes)
	<-wrote
	if storeErr != nil {
		return nil, storeErr
	}
	for _, it := range planned {
		if !it.checked {
			rep.Totals.Deferred++
		}
	}
	switch cause := context.Cause(rctx); {
	case ctx.Err() != nil:
		rep.Run.Stopped = "interrupted"
	case errors.Is(cause, errBudget) && rep.Totals.Deferred > 0:
		rep.Run.Stopped = "budget"
	case errors.Is(cause, errMaxRequests):
		if rep.Totals.Deferred > 0 {
			rep.Run.Stopped = "max-requests"
		}
	}
	for h, t := range waits {
		if _, err := st.UpdateHost(sctx, h, func(hs *cache.HostState) error {
			if t.After(hs.NotBefore) {
				hs.NotBefore = t
			}
			return nil
		}); err != nil {
			return nil, err
		}
		if t.After(closed[h]) {
			closed[h] = t
		}
	}

	if err := build(sctx, st, rep, items, o); err != nil {
		return nil, err
	}
	for h, t := range closed {
		rep.ClosedHosts = append(rep.ClosedHosts, HostWait{Host: h, NotBefore: t})
	}
	slices.SortFunc(rep.ClosedHosts, func(a, b HostWait) int { return cmp.Compare(a.Host, b.Host) })
	if rep.ClosedHosts == nil {
		rep.ClosedHosts = []HostWait{}
	}
	rep.Run.End = o.Now().UTC()
	if err := record(sctx, st, rep, o); err != nil {
		return nil, err
	}
	log.InfoContext(ctx, "rot: done", "run", runID, "checked", rep.Totals.Checked, "requests", rep.Totals.Requests,
		"new_broken", rep.Totals.NewBroken, "suspect", rep.Totals.Suspect, "fixed", rep.Totals.Fixed,
		"redirected", rep.Totals.Redirected, "changed", rep.Totals.Changed, "still_broken", rep.Totals.StillBroken,
		"unknown", rep.Totals.Unknown, "deferred", rep.Totals.Deferred, "took", time.Since(wallStart).Round(time.Millisecond))
	if ctx.Err() != nil {
		// What was checked is stored and reported; the caller says the
		// run was interrupted.
		return rep, ctx.Err()
	}
	return rep, nil
}

var (
	errBudget      = errors.New("rot: time budget spent")
	errMaxRequests = errors.New("rot: request cap reached")
)

// ceilSecond rounds t up to a whole second.
func ceilSecond(t time.Time) time.Time {
	if r := t.Truncate(time.Second); !r.Equal(t) {
		return r.Add(time.Second)
	}
	return t
}

// build fills the report's sections and totals from the run's items.
func build(ctx context.Context, st *cache.Store, rep *Report, items []*item, o Options) error {
	now := rep.Run.Start
	docs := map[string]*cache.Document{}
	for _, it := range items {
		l := &it.link
		state, v := l.State, Verdict("")
		var e Entry
		switch {
		case it.checked:
			rep.Totals.Checked++
			state, v = it.j.state, it.j.verdict
		case !it.closed.IsZero():
			v = VerdictUnknown
			rep.Totals.HostClosed++
		}
		switch state {
		case StateOK:
			rep.Totals.States.OK++
		case StateSuspect:
			rep.Totals.States.Suspect++
		case StateDead:
			rep.Totals.States.Dead++
		default:
			rep.Totals.States.Unjudged++
		}
		// Suspect and dead links are listed by state, whatever this run saw.
		switch {
		case state == StateDead && v != VerdictNewBroken:
			v = VerdictStillBroken
		case state == StateSuspect && v != VerdictFixed:
			v = VerdictSuspect
		}
		if v == "" || v == VerdictOK {
			continue
		}
		e = Entry{URL: l.URL, Verdict: v, State: state, Checked: it.checked}
		if it.checked {
			r := it.res
			e.Status, e.Code, e.Codes, e.Error = string(r.Status), r.Code, r.Codes, r.Error
			e.Failures, e.FailingSince = it.j.failures, it.j.failingSince
			e.LastChecked, e.NextDue = it.obs.Time, it.nextDue
			e.Changes = it.j.changes
			if v == VerdictRedirected || v == VerdictChanged || v == VerdictFixed {
				e.Previous = snapshot(it.j.prevOK, false)
				e.Current = snapshot(&it.obs, r.NotModified)
			}
			if !r.RetryAt.IsZero() {
				e.WaitHost, e.WaitUntil = it.waitOn, it.closed
			}
		} else {
			if l.Latest != nil {
				e.Status, e.Code, e.Error = l.Latest.Status, l.Latest.Code, l.Latest.Error
				e.LastChecked = l.Latest.Time.UTC()
			}
			e.NextDue = l.NextDue.UTC()
			e.WaitHost, e.WaitUntil = it.waitOn, it.closed
			if state == StateSuspect || state == StateDead {
				hist, err := st.History(ctx, l.URL, 0)
				if err != nil {
					return err
				}
				e.Failures, e.FailingSince = failures(hist, cache.Observation{})
			}
		}
		if !l.LastOK.IsZero() {
			e.LastOK = l.LastOK.UTC()
		}
		if v == VerdictFixed {
			e.LastOK = e.LastChecked
		}
		if !e.FailingSince.IsZero() {
			e.FailingSince = e.FailingSince.UTC()
			if v != VerdictFixed {
				e.AgeDays = int(now.Sub(e.FailingSince) / (24 * time.Hour))
			}
		}
		if state == StateSuspect || state == StateDead {
			replacementOf(&e, it)
			if e.Replacement != nil {
				rep.Totals.Replaced++
			}
		}
		e.Reason = reason(&e, o.DeadAfter)
		uses, err := usesOf(ctx, st, l.Uses, docs)
		if err != nil {
			return err
		}
		e.Uses = uses
		*rep.Sections.Of(v) = append(*rep.Sections.Of(v), e)
	}
	for _, v := range SectionOrder {
		list := rep.Sections.Of(v)
		if *list == nil {
			*list = []Entry{}
		}
		slices.SortFunc(*list, func(a, b Entry) int { return strings.Compare(a.URL, b.URL) })
	}
	t := &rep.Totals
	t.NewBroken, t.Suspect, t.Fixed = len(rep.Sections.NewBroken), len(rep.Sections.Suspect), len(rep.Sections.Fixed)
	t.Redirected, t.Changed = len(rep.Sections.Redirected), len(rep.Sections.Changed)
	t.StillBroken, t.Unknown = len(rep.Sections.StillBroken), len(rep.Sections.Unknown)
	return nil
}

// replacementOf fills a failing link's replacement: what this run's check
// found (or tried), else what the graph keeps from an earlier run.
func replacementOf(e *Entry, it *item) {
	known := it.link.Replacement
	if it.checked && classify(string(it.res.Status)) == classFailure {
		r := it.res
		e.ReplacementLost = r.ReplacementLost
		if rp := r.Replacement; rp != nil {
			found := it.obs.Time
			if known != nil && known.URL == rp.URL && !known.Found.IsZero() {
				found = known.Found
			}
			e.Replacement = &Replacement{URL: rp.URL, Via: string(rp.Via), Snapshot: rp.Snapshot.UTC(), Found: found.UTC(), Checked: it.obs.Time.UTC()}
			return
		}
		e.Alternatives = r.Alternatives
		return
	}
	if known != nil {
		e.Replacement = &Replacement{URL: known.URL, Via: known.Via, Snapshot: known.Snapshot.UTC(), Found: known.Found.UTC(), Checked: known.Checked.UTC()}
	}
}

// usesOf converts a link's uses, with the path of each transcript version.
func usesOf(ctx context.Context, st *cache.Store, uses []cache.LinkUse, docs map[string]*cache.Document) ([]Use, error) {
	out := make([]Use, 0, len(uses))
	for _, u := range uses {
		d, ok := docs[u.Document]
		if !ok {
			doc, err := st.Document(ctx, u.Document)
			if err != nil && !errors.Is(err, cache.ErrNotFound) {
				return nil, err
			}
			d = &doc
			docs[u.Document] = d
		}
		x := Use{Transcript: u.Document, Lang: u.Language, Line: u.Line, Col: u.Column, Symbol: u.Symbol}
		for _, v := range d.Versions {
			if v.Language == u.Language {
				x.Path = v.Path
			}
		}
		out = append(out, x)
	}
	slices.SortFunc(out, func(a, b Use) int {
		return cmp.Or(cmp.Compare(a.Transcript, b.Transcript), cmp.Compare(a.Lang, b.Lang),
			cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Symbol, b.Symbol))
	})
	return out, nil
}

// Counter names of a rot run in the store (cache.Run.Counters).
var counterNames = []string{"links", "due", "checked", "requests", "deferred", "host_closed",
	"new_broken", "suspect", "fixed", "redirected", "changed", "still_broken", "unknown",
	"state_ok", "state_suspect", "state_dead", "state_unjudged"}

func counters(t *Totals) map[string]int64 {
	vals := []int{t.Links, t.Due, t.Checked, t.Requests, t.Deferred, t.HostClosed,
		t.NewBroken, t.Suspect, t.Fixed, t.Redirected, t.Changed, t.StillBroken, t.Unknown,
		t.States.OK, t.States.Suspect, t.States.Dead, t.States.Unjudged}
	m := make(map[string]int64, len(vals))
	for i, n := range counterNames {
		m[n] = int64(vals[i])
	}
	return m
}

// record stores the run and reads the trend back.
func record(ctx context.Context, st *cache.Store, rep *Report, o Options) error {
	_, err := st.PutRun(ctx, cache.Run{ID: rep.Run.ID, Kind: RunKind, Start: rep.Run.Start, End: rep.Run.End,
		Counters: counters(&rep.Totals)})
	if err != nil {
		return err
	}
	runs, err := st.Runs(ctx, 0)
	if err != nil {
		return err
	}
	rep.Trend = []Point{}
	for _, r := range runs {
		if r.Kind != RunKind {
			continue
		}
		c := r.Counters
		rep.Trend = append(rep.Trend, Point{Run: r.ID, Start: r.Start.UTC(), Checked: int(c["checked"]),
			NewBroken: int(c["new_broken"]), Suspect: int(c["suspect"]), Fixed: int(c["fixed"]),
			Redirected: int(c["redirected"]), Changed: int(c["changed"]), StillBroken: int(c["still_broken"]),
			Unknown: int(c["unknown"]), Dead: int(c["state_dead"])})
		if len(rep.Trend) == o.Trend {
			break
		}
	}
	slices.Reverse(rep.Trend)
	return nil
}
