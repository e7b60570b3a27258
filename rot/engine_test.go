package rot_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/rot"
	"github.com/xref-un/xref/unsim"
)

var night1 = time.Date(2030, 3, 1, 2, 0, 0, 0, time.UTC)

func openStore(t testing.TB) *cache.Store {
	t.Helper()
	st, err := cache.Open(context.Background(), t.TempDir(), cache.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// ingest records a transcript that uses the given links, one per line.
func ingest(t testing.TB, st *cache.Store, id string, urls ...string) {
	t.Helper()
	tr := cache.Transcript{ID: id, Symbol: id, Language: "en", Path: id + ".txt"}
	for i, u := range urls {
		tr.Links = append(tr.Links, cache.LinkRef{URL: u, Line: i + 1, Column: 1})
	}
	if _, err := st.Ingest(context.Background(), tr); err != nil {
		t.Fatal(err)
	}
}

func startSim(t testing.TB, sc *unsim.Scenario) *unsim.Server {
	t.Helper()
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

func client(t testing.TB, base string) *fetch.Client {
	t.Helper()
	c, err := fetch.New(fetch.Options{BaseURL: base, Limit: fetch.HostLimit{Rate: -1, Concurrency: 4},
		RetryBase: 10 * time.Millisecond, RetryMax: 50 * time.Millisecond, RequestTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func at(t time.Time) func() time.Time { return func() time.Time { return t } }

// corpus returns a scenario with n documents A/RES/70/1 … and their links.
func corpus(n int) (*unsim.Scenario, []string) {
	sc := &unsim.Scenario{}
	var urls []string
	for i := range n {
		sym := fmt.Sprintf("A/RES/70/%d", i+1)
		sc.AddDoc(unsim.Doc{Symbol: sym, Langs: []string{"en"}})
		urls = append(urls, "https://undocs.org/en/"+sym)
	}
	return sc, urls
}

// TestRunSchedule: with the default schedule, working links are not due
// the next night, and are due again within a week, when an unchanged file
// costs a 304; nothing due means no request at all.
func TestRunSchedule(t *testing.T) {
	sc, urls := corpus(20)
	srv := startSim(t, sc)
	st := openStore(t)
	ingest(t, st, "S/PV.1", urls...)
	c := client(t, srv.URL)
	ctx := context.Background()

	var calls, lastDone, lastTotal int
	progress := func(done, total int) { calls, lastDone, lastTotal = calls+1, done, total }
	rep, err := rot.Run(ctx, st, c, rot.Options{Now: at(night1), Progress: progress})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Totals.Checked != 20 || rep.Totals.States.OK != 20 || rep.Totals.Requests != 60 {
		t.Fatalf("night 1: %+v", rep.Totals)
	}
	if calls != 20 || lastDone != 20 || lastTotal != 20 {
		t.Errorf("progress: %d calls, last %d/%d", calls, lastDone, lastTotal)
	}
	srv.ResetStats()
	rep, err = rot.Run(ctx, st, c, rot.Options{Now: at(night1.Add(24 * time.Hour))})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Totals.Due != 0 || rep.Totals.Checked != 0 || srv.Stats().Total != 0 || len(rep.Trend) != 2 {
		t.Errorf("night 2: %+v, %d requests", rep.Totals, srv.Stats().Total)
	}
	// Due between 3 and 7 days later, less the slack: spread over the
	// nights in between, all due after a week.
	checked := 0
	for day := 3; day <= 7; day++ {
		rep, err = rot.Run(ctx, st, c, rot.Options{Now: at(night1.Add(time.Duration(day) * 24 * time.Hour))})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Totals.Checked == 20 {
			t.Errorf("day %d: every link due at once", day)
		}
		checked += rep.Totals.Checked
	}
	if checked < 20 {
		t.Errorf("%d links checked within a week; want every one", checked)
	}
	if n := srv.Stats().Codes[304]; n < 20 {
		t.Errorf("%d answers 304 for unchanged files; want at least 20", n)
	}
}

// TestRunMaxRequests: the request cap leaves links due for the next run.
func TestRunMaxRequests(t *testing.T) {
	sc, urls := corpus(10)
	srv := startSim(t, sc)
	st := openStore(t)
	ingest(t, st, "S/PV.1", urls...)
	rep, err := rot.Run(context.Background(), st, client(t, srv.URL), rot.Options{Now: at(night1), MaxRequests: 7})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Totals.Checked != 2 || rep.Totals.Deferred != 8 || rep.Run.Stopped != "max-requests" || srv.Stats().Total > 7 {
		t.Errorf("%+v, stopped %q, %d requests", rep.Totals, rep.Run.Stopped, srv.Stats().Total)
	}
	// The deferred links come first the next night (they are the longest
	// overdue among the new ones).
	rep, err = rot.Run(context.Background(), st, client(t, srv.URL), rot.Options{Now: at(night1.Add(time.Hour))})
	if err != nil || rep.Totals.Due != 8 || rep.Totals.Checked != 8 {
		t.Errorf("next run: %v, %+v", err, rep.Totals)
	}
}

// TestRunBudget: a run ends with its budget even when the server is slow;
// the links it could not finish stay due and are not judged.
func TestRunBudget(t *testing.T) {
	sc, urls := corpus(12)
	sc.AddRule(unsim.Rule{Action: unsim.ActionSlow, Delay: 3 * time.Second})
	srv := startSim(t, sc)
	st := openStore(t)
	ingest(t, st, "S/PV.1", urls...)
	t0 := time.Now()
	rep, err := rot.Run(context.Background(), st, client(t, srv.URL), rot.Options{Now: at(night1), Budget: 400 * time.Millisecond})
	took := time.Since(t0)
	if err != nil {
		t.Fatal(err)
	}
	if took > 2*time.Second {
		t.Errorf("run took %s with a budget of 400ms", took)
	}
	if rep.Totals.Checked != 0 || rep.Totals.Deferred != 12 || rep.Run.Stopped != "budget" || rep.Totals.States.Unjudged != 12 {
		t.Errorf("%+v, stopped %q", rep.Totals, rep.Run.Stopped)
	}
	l, err := st.Link(context.Background(), urls[0])
	if err != nil || l.Latest != nil || !l.NextDue.IsZero() {
		t.Errorf("an abandoned link was recorded: %+v, %v", l, err)
	}
}

// fakeResolver answers every request from a table and records what it was
// asked.
type fakeResolver struct {
	mu      sync.Mutex
	results map[string]fetch.Result
	asked   []string
	paused  map[string]time.Time
}

func (f *fakeResolver) ResolveAll(ctx context.Context, reqs []fetch.Request, fn func(int, fetch.Result)) error {
	for i, r := range reqs {
		f.mu.Lock()
		f.asked = append(f.asked, r.URL)
		f.mu.Unlock()
		res, ok := f.results[r.URL]
		if !ok {
			res = fetch.Result{URL: r.URL, Status: fetch.StatusOK, FinalURL: r.URL, Requests: 1}
		}
		fn(i, res)
	}
	return nil
}

func (f *fakeResolver) PauseHost(host string, until time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.paused[host] = until
}

// TestRunClosedHost: a host's not-before time from the store keeps the
// links whose last chain went through it from being asked at all, and is
// handed to the resolver, converted to the wall clock.
func TestRunClosedHost(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	via := "https://undocs.org/en/A/RES/1/1"
	direct := "https://undocs.org/en/A/RES/1/2"
	ingest(t, st, "S/PV.1", via, direct)
	if _, err := st.Observe(ctx, via, cache.Observation{Time: night1.Add(-time.Hour), Status: "rate-limited",
		FinalURL: "https://documents.un.org/f.pdf", Redirects: []cache.Redirect{{URL: "https://documents.un.org/f.pdf", Code: 302}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpdateHost(ctx, "documents.un.org", func(h *cache.HostState) error {
		h.NotBefore = night1.Add(2 * time.Hour)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	f := &fakeResolver{paused: map[string]time.Time{}}
	wall := time.Now()
	rep, err := rot.Run(ctx, st, f, rot.Options{Now: at(night1)})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.asked) != 1 || f.asked[0] != direct {
		t.Errorf("asked %v; want only %s", f.asked, direct)
	}
	if d := f.paused["documents.un.org"].Sub(wall); d < 2*time.Hour-time.Minute || d > 2*time.Hour+time.Minute {
		t.Errorf("paused %v from now; want 2h", d)
	}
	u := rep.Sections.Unknown
	if len(u) != 1 || u[0].URL != via || u[0].Checked || u[0].WaitHost != "documents.un.org" || !u[0].WaitUntil.Equal(night1.Add(2*time.Hour)) ||
		u[0].Reason != "not contacted: documents.un.org asked to wait until 2030-03-01 04:00 UTC" || rep.Totals.HostClosed != 1 {
		t.Errorf("unknown: %+v", u)
	}
	// Once the host is open again, the link is asked.
	f.asked = nil
	if _, err := rot.Run(ctx, st, f, rot.Options{Now: at(night1.Add(3 * time.Hour))}); err != nil || len(f.asked) != 1 || f.asked[0] != via {
		t.Errorf("after the wait: %v, asked %v", err, f.asked)
	}
}

// TestRunUnusedLinks: links no transcript uses any more are not checked.
func TestRunUnusedLinks(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	ingest(t, st, "S/PV.1", "https://undocs.org/en/A/RES/1/1")
	ingest(t, st, "S/PV.1") // the transcript no longer links it
	f := &fakeResolver{paused: map[string]time.Time{}}
	rep, err := rot.Run(ctx, st, f, rot.Options{Now: at(night1)})
	if err != nil || len(f.asked) != 0 || rep.Totals.Links != 0 {
		t.Errorf("%v, asked %v, %+v", err, f.asked, rep.Totals)
	}
}

func TestRunBadOptions(t *testing.T) {
	_, err := rot.Run(context.Background(), openStore(t), &fakeResolver{}, rot.Options{OKMin: 48 * time.Hour, OKMax: 24 * time.Hour})
	if err == nil {
		t.Error("OKMax below OKMin accepted")
	}
}
