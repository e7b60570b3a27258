package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

// TestDeadline: under a 429 storm, or with answers slower than the budget,
// the run ends at its deadline, not when the last link gives up; what is
// left is skipped, not canceled, and ResolveAll returns nil.
func TestDeadline(t *testing.T) {
	for _, rule := range []unsim.Rule{
		{Action: unsim.Action429, RetryAfter: "1"},         // every wait would outlast the budget
		{Action: unsim.Action429, RetryAfter: "0"},         // retries at once, then rate-limited
		{Action: unsim.ActionSlow, Delay: 5 * time.Second}, // in flight at the deadline
	} {
		t.Run(string(rule.Action)+rule.RetryAfter, func(t *testing.T) { testDeadline(t, rule) })
	}
}

func testDeadline(t *testing.T, rule unsim.Rule) {
	sc := (&unsim.Scenario{}).AddRule(rule)
	var reqs []fetch.Request
	for i := range 300 {
		sym := fmt.Sprintf("A/RES/72/%d", i+1)
		sc.AddDoc(unsim.Doc{Symbol: sym})
		reqs = append(reqs, fetch.Request{URL: "https://undocs.org/en/" + sym})
	}
	srv := startSim(t, sc)
	o := fastOptions(srv.URL)
	o.Limit = fetch.HostLimit{Rate: 20, Concurrency: 2}
	o.MaxRetries = 1000 // only the budget ends the storm
	start := time.Now()
	o.Deadline = start.Add(time.Second)
	c := newClient(t, o)
	skipped := 0
	err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
		switch {
		case r.Status == fetch.StatusSkipped && errors.Is(r.Err(), fetch.ErrBudget):
			skipped++
		case r.Status == fetch.StatusRateLimited:
		default:
			t.Errorf("%s: %s (%v)", r.URL, r.Status, r.Err())
		}
	})
	took := time.Since(start)
	if err != nil {
		t.Errorf("ResolveAll: %v; the end of the budget is not an error", err)
	}
	if took > 2*time.Second { // generous for a loaded machine; without a budget it takes minutes
		t.Errorf("took %v with a budget of 1 s", took)
	}
	if skipped == 0 || !errors.Is(c.Exhausted(), fetch.ErrBudget) {
		t.Errorf("%d skipped, Exhausted() = %v", skipped, c.Exhausted())
	}
}

// TestMaxRequests: the cap is never passed, however many workers race for
// the last requests; the links left are skipped with ErrRequestCap.
func TestMaxRequests(t *testing.T) {
	sc := &unsim.Scenario{}
	var reqs []fetch.Request
	for i := range 40 {
		sym := fmt.Sprintf("A/RES/74/%d", i+1)
		sc.AddDoc(unsim.Doc{Symbol: sym, Via: unsim.ViaDirect})
		reqs = append(reqs, fetch.Request{Symbol: sym})
	}
	srv := startSim(t, sc)
	o := fastOptions(srv.URL)
	o.MaxRequests = 7
	c := newClient(t, o)
	ok, skipped := 0, 0
	if err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
		switch {
		case r.Status == fetch.StatusOK:
			ok++
		case r.Status == fetch.StatusSkipped && errors.Is(r.Err(), fetch.ErrRequestCap):
			skipped++
		default:
			t.Errorf("%s: %s (%v)", r.URL, r.Status, r.Err())
		}
	}); err != nil {
		t.Fatal(err)
	}
	if n := srv.Stats().Total; n != 7 || c.Requests() != 7 || ok != 7 || skipped != 33 {
		t.Errorf("server saw %d, client counted %d; %d ok, %d skipped; want 7, 7, 7, 33", n, c.Requests(), ok, skipped)
	}
}
