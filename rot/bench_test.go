package rot_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/rot"
	"github.com/xref-un/xref/unsim"
)

// benchStore fills a store with n links used by transcripts of 100 links
// each, all working and due in a week, and returns them.
func benchStore(b *testing.B, n int) (*cache.Store, []string) {
	b.Helper()
	st := openStore(b)
	ctx := context.Background()
	urls := make([]string, n)
	for i := range urls {
		urls[i] = fmt.Sprintf("https://undocs.org/en/A/RES/%d/%d", 60+i/1000, i%1000+1)
	}
	for i := 0; i < n; i += 100 {
		ingest(b, st, fmt.Sprintf("S/PV.%d", 10000+i/100), urls[i:min(i+100, n)]...)
	}
	for _, u := range urls {
		if err := st.SetLinkState(ctx, u, rot.StateOK, night1.Add(7*24*time.Hour)); err != nil {
			b.Fatal(err)
		}
	}
	return st, urls
}

// BenchmarkRun: 20,000 links in the store, 5 % of them due, against the
// simulator answering every request 20 ms late (chains of three requests:
// undocs.org, docs.un.org, the file, which answers 304). Hosts allow 200
// requests per second and 8 in flight. It reports each run's requests and
// links checked; ns/op is the run's wall time. "budget" gives the run less
// time than the due links need: planning leaves the rest for the next run
// and the run ends within its budget. "nothing-due" must take under two
// seconds.
func BenchmarkRun(b *testing.B) {
	const links, due = 20000, 1000
	st, urls := benchStore(b, links)
	sc := &unsim.Scenario{Latency: 20 * time.Millisecond}
	for _, u := range urls[:due] {
		sc.AddDoc(unsim.Doc{Symbol: u[len("https://undocs.org/en/"):]})
	}
	srv := startSim(b, sc)
	c, err := fetch.New(fetch.Options{BaseURL: srv.URL, Limit: fetch.HostLimit{Rate: 200, Concurrency: 8}, Workers: 32})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	rate := func(string) float64 { return 200 }
	// makeDue makes the first 5 % due at now, or not due.
	makeDue := func(now time.Time, yes bool) {
		next := now.Add(-time.Hour)
		if !yes {
			next = now.Add(7 * 24 * time.Hour)
		}
		for _, u := range urls[:due] {
			if err := st.SetLinkState(ctx, u, rot.StateOK, next); err != nil {
				b.Fatal(err)
			}
		}
	}
	now := night1
	// A first run records what the due links lead to (ETags for 304s).
	makeDue(now, true)
	if rep, err := rot.Run(ctx, st, c, rot.Options{Now: at(now), Budget: time.Minute, Rate: rate}); err != nil || rep.Totals.Checked != due {
		b.Fatalf("first run: %v, %+v", err, rep.Totals)
	}

	for _, bc := range []struct {
		name   string
		budget time.Duration
		due    bool
	}{{"due-5%", time.Minute, true}, {"budget-3s", 3 * time.Second, true}, {"nothing-due", time.Minute, false}} {
		b.Run(bc.name, func(b *testing.B) {
			var rep *rot.Report
			var took time.Duration
			if !bc.due {
				makeDue(now, false)
			}
			for b.Loop() {
				b.StopTimer()
				// A minute later each time: the other 95 % stay a week
				// away, and every run and observation is newer.
				now = now.Add(time.Minute)
				if bc.due {
					makeDue(now, true)
				}
				srv.ResetStats()
				b.StartTimer()
				t0 := time.Now()
				rep, err = rot.Run(ctx, st, c, rot.Options{Now: at(now), Budget: bc.budget, Rate: rate})
				took = time.Since(t0)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rep.Totals.Requests), "requests/op")
			b.ReportMetric(float64(rep.Totals.Checked), "checked/op")
			b.ReportMetric(float64(srv.Stats().Codes[304]), "304s/op")
			switch {
			case rep.Totals.Links != links:
				b.Errorf("%d links; want %d", rep.Totals.Links, links)
			case took > bc.budget+time.Second:
				b.Errorf("run took %s, over its budget of %s", took, bc.budget)
			case bc.name == "due-5%" && (rep.Totals.Checked != due || rep.Totals.Requests != 3*due):
				b.Errorf("checked %d links with %d requests; want %d with %d", rep.Totals.Checked, rep.Totals.Requests, due, 3*due)
			case bc.name == "budget-3s" && (rep.Totals.Deferred == 0 || rep.Run.Stopped != "budget"):
				b.Errorf("a 3 s budget for %d due links deferred none: %+v", due, rep.Totals)
			case !bc.due && (rep.Totals.Due != 0 || took > 2*time.Second):
				b.Errorf("nothing due: %d due, took %s; want 0 in under 2s", rep.Totals.Due, took)
			}
			b.Logf("%s: %s, %d due, %d checked, %d deferred, %d requests, %d answered 304",
				bc.name, took.Round(time.Millisecond), rep.Totals.Due, rep.Totals.Checked, rep.Totals.Deferred, rep.Totals.Requests, srv.Stats().Codes[304])
		})
	}
}
