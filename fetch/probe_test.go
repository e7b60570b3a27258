package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

// TestSoft404Evidence: a "not found" page is judged by the host's
// fingerprint of a missing document and a canary, not by waiting.
func TestSoft404Evidence(t *testing.T) {
	sc := (&unsim.Scenario{}).AddDoc(
		unsim.Doc{Symbol: "A/RES/80/1", State: unsim.Unpublished},
		unsim.Doc{Symbol: "A/RES/1/1"},
	)
	tests := []struct {
		name     string
		sym      string
		withDoc  bool // resolve A/RES/1/1 in the same batch: a canary
		status   fetch.Status
		format   fetch.Format
		apiReqs  int // requests to the symbol API, probes included
		contains string
	}{
		// The link, the fingerprint, the canary.
		{"unknown symbol, canary fine", "A/RES/99999/1", true, fetch.StatusSoft404, fetch.FormatHTML, 1 + 1 + 1 + 1, "like the host's page for a missing document; a known document"},
		// Not the fingerprint's page: asked once more, with a canary each time.
		{"unpublished: empty body", "A/RES/80/1", true, fetch.StatusSoft404, fetch.FormatEmpty, 1 + 2 + 1 + 2, "not the host's page"},
		// Alone: no canary can come, the fingerprint decides.
		{"unknown symbol, alone", "A/RES/99999/2", false, fetch.StatusSoft404, fetch.FormatHTML, 1 + 1, "no known document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startSim(t, sc)
			c := newClient(t, fastOptions(srv.URL))
			reqs := []fetch.Request{{Symbol: tt.sym}}
			if tt.withDoc {
				reqs = append(reqs, fetch.Request{Symbol: "A/RES/1/1"})
			}
			start := time.Now()
			var r fetch.Result
			err := c.ResolveAll(context.Background(), reqs, func(i int, res fetch.Result) {
				if i == 0 {
					r = res
				} else if res.Status != fetch.StatusOK {
					t.Errorf("the document: %s (%s)", res.Status, res.Error)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("took %v: nothing here needs a wait", took)
			}
			if r.Status != tt.status || r.Format != tt.format || !errors.Is(r.Err(), fetch.ErrSoft404) {
				t.Fatalf("got %s %s (%v); want %s %s", r.Status, r.Format, r.Err(), tt.status, tt.format)
			}
			if !strings.Contains(r.Error, tt.contains) {
				t.Errorf("error %q; want it to say %q", r.Error, tt.contains)
			}
			if n := srv.Count("documents.un.org", apiPath); n != tt.apiReqs {
				t.Errorf("%d requests to the API; want %d", n, tt.apiReqs)
			}
		})
	}
}

// TestSoft404WaitsForCanary: with one worker, a "not found" page seen
// before any document of its host waits, without holding the worker and
// without a request, until the documents queued behind it give a canary.
func TestSoft404WaitsForCanary(t *testing.T) {
	sc := &unsim.Scenario{}
	reqs := []fetch.Request{{Symbol: "MISSING/1"}}
	for i := range 5 {
		sym := fmt.Sprintf("A/%d", i)
		sc.AddDoc(unsim.Doc{Symbol: sym})
		reqs = append(reqs, fetch.Request{Symbol: sym})
	}
	srv := startSim(t, sc)
	o := fastOptions(srv.URL)
	o.Workers = 1
	c := newClient(t, o)
	var order []int
	var missing fetch.Result
	err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
		order = append(order, i)
		if i == 0 {
			missing = r
		} else if r.Status != fetch.StatusOK {
			t.Errorf("%s: %s", reqs[i].Symbol, r.Status)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if order[len(order)-1] != 0 {
		t.Errorf("order %v: the missing document was judged before the canaries came", order)
	}
	if missing.Status != fetch.StatusSoft404 || !strings.Contains(missing.Error, "a known document of the host resolves") {
		t.Errorf("missing: %s (%s)", missing.Status, missing.Error)
	}
	// 5 documents, the link, the fingerprint, one canary.
	if n := srv.Count("documents.un.org", apiPath); n != 8 {
		t.Errorf("%d requests; want 8", n)
	}
}

// TestSoftBlock: the simulator stubs every request once a client has made
// 10 in 1.5 s. No existing document may be reported missing: the canary
// shows the host throttling, the host is paused and the canary, not the
// links, is asked until it resolves.
func TestSoftBlock(t *testing.T) {
	if testing.Short() {
		t.Skip("a second of pauses")
	}
	// The window is long next to the delays of a loaded machine (the
	// real block lasts minutes): the canary must follow the answer within it.
	sc := &unsim.Scenario{SoftBlock: &unsim.SoftBlock{After: 10, Window: 1500 * time.Millisecond}}
	var reqs []fetch.Request
	for i := range 30 {
		sym := fmt.Sprintf("A/RES/70/%d", i+1)
		sc.AddDoc(unsim.Doc{Symbol: sym})
		reqs = append(reqs, fetch.Request{Symbol: sym})
	}
	srv := startSim(t, sc)
	o := fastOptions(srv.URL)
	o.Limit = fetch.HostLimit{Rate: 200, Concurrency: 3}
	o.RetryBase, o.RetryMax = 400*time.Millisecond, 1600*time.Millisecond
	c := newClient(t, o)
	ok := 0
	err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
		if r.Status == fetch.StatusOK {
			ok++
		} else {
			t.Errorf("%s: %s %s", reqs[i].Symbol, r.Status, r.Error)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	st := c.HostStats()["documents.un.org"]
	if ok != len(reqs) {
		t.Errorf("%d of %d ok", ok, len(reqs))
	}
	if st.Throttled == 0 || st.Pauses == 0 || st.Soft404 == 0 {
		t.Errorf("stats %+v: the block was never seen, the test proves nothing", st)
	}
}

// TestThrottleAlternating: missing documents and throttling alternate. The
// host blocks for 1 s after every 16 requests; the list alternates
// documents that exist and documents that do not. Every verdict must be
// right: the stubs of existing documents are throttling, those of missing
// ones are believed.
func TestThrottleAlternating(t *testing.T) {
	sc := &unsim.Scenario{SoftBlock: &unsim.SoftBlock{After: 16, Window: 10 * time.Second, Hold: time.Second}}
	var reqs []fetch.Request
	for i := range 40 {
		sym := fmt.Sprintf("A/RES/71/%d", i+1)
		if i%2 == 0 {
			sc.AddDoc(unsim.Doc{Symbol: sym})
		}
		reqs = append(reqs, fetch.Request{Symbol: sym})
	}
	srv := startSim(t, sc)
	o := fastOptions(srv.URL)
	o.Limit = fetch.HostLimit{Rate: -1, Concurrency: 3}
	o.RetryBase, o.RetryMax = 200*time.Millisecond, 800*time.Millisecond
	c := newClient(t, o)
	err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
		want := fetch.StatusOK
		if i%2 == 1 {
			want = fetch.StatusSoft404
		}
		if r.Status != want {
			t.Errorf("%s: %s (%s); want %s", reqs[i].Symbol, r.Status, r.Error, want)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	st := c.HostStats()["documents.un.org"]
	if st.Throttled < 2 {
		t.Errorf("stats %+v: the host throttled fewer than twice, nothing alternated", st)
	}
	t.Logf("documents.un.org: %d requests, %d canaries, %d throttled, %d soft-404 answers", st.Requests, st.Canaries, st.Throttled, st.Soft404)
}

// TestSoft404OwnCanary: a document resolved by an earlier run of the same
// client is the first canary of its host when it goes. Its "not found"
// page must be judged with another canary, not with itself: asking the
// link again as its own canary reads as throttling, and the host was
// paused, round after round, until the link ended rate-limited. Once
// judged missing, its URL is no canary any more: a later missing link is
// judged at once too.
func TestSoft404OwnCanary(t *testing.T) {
	const kept, gone = "https://undocs.org/en/A/RES/73/266", "https://undocs.org/en/A/RES/73/27"
	srv := startSim(t, (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "A/RES/73/266"}, unsim.Doc{Symbol: "A/RES/73/27"}))
	c := newClient(t, fastOptions(srv.URL))
	run := func(night string, want map[string]fetch.Status) {
		t.Helper()
		var reqs []fetch.Request
		for u := range want {
			reqs = append(reqs, fetch.Request{URL: u})
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err := c.ResolveAll(ctx, reqs, func(i int, r fetch.Result) {
			if w := want[reqs[i].URL]; r.Status != w {
				t.Errorf("%s: %s: %s (%s); want %s", night, reqs[i].URL, r.Status, r.Error, w)
			} else if w == fetch.StatusSoft404 && !strings.Contains(r.Error, "a known document of the host resolves") {
				t.Errorf("%s: %s: %s; want a canary to have resolved", night, reqs[i].URL, r.Error)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// One at a time, so that the document about to go is learnt last: the
	// first canary of every host on its chain.
	run("night 1", map[string]fetch.Status{kept: fetch.StatusOK})
	run("night 1", map[string]fetch.Status{gone: fetch.StatusOK})
	if err := srv.SetScenario((&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "A/RES/73/266", Version: 2})); err != nil {
		t.Fatal(err)
	}
	run("night 2", map[string]fetch.Status{gone: fetch.StatusSoft404, kept: fetch.StatusOK})
	run("night 3", map[string]fetch.Status{"https://undocs.org/en/A/RES/73/999": fetch.StatusSoft404})
	for h, st := range c.HostStats() {
		if st.Throttled != 0 || st.Pauses != 0 {
			t.Errorf("%s: %d throttled, %d pauses; no host throttled", h, st.Throttled, st.Pauses)
		}
	}
}

// TestSoft404StaleCanary: a canary carried from an earlier run whose
// document has gone answers "not found". With another canary that
// resolves, that is a gone canary, not a throttling host: it is dropped,
// the host is not paused and the missing link is judged at once. (Read as
// throttling, it paused the host and held every link at its gate for as
// long as the stale canary was asked: for ever.)
func TestSoft404StaleCanary(t *testing.T) {
	srv := startSim(t, (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "A/RES/73/266"}))
	c := newClient(t, fastOptions(srv.URL))
	c.AddCanary("https://docs.un.org/en/A/RES/73/27") // gone since
	c.AddCanary("https://docs.un.org/en/A/RES/73/266")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	reqs := []fetch.Request{{URL: "https://undocs.org/en/A/RES/73/999"}}
	err := c.ResolveAll(ctx, reqs, func(_ int, r fetch.Result) {
		if r.Status != fetch.StatusSoft404 || !strings.Contains(r.Error, "a known document of the host resolves") {
			t.Errorf("%s (%s); want a soft-404 judged with a canary that resolves", r.Status, r.Error)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if st := c.HostStats()["docs.un.org"]; st.Throttled != 0 || st.Pauses != 0 {
		t.Errorf("docs.un.org: %d throttled, %d pauses; want none", st.Throttled, st.Pauses)
	}
}
