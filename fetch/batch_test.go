package fetch_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

// TestCancelMidRun: canceling a batch returns promptly, with a result for
// every request: verdicts for those done, canceled for the rest, whether
// they were in flight, queued, or waiting for evidence on a soft-404.
func TestCancelMidRun(t *testing.T) {
	sc := &unsim.Scenario{Latency: 100 * time.Millisecond}
	var reqs []fetch.Request
	for i := range 40 {
		sc.AddDoc(unsim.Doc{Symbol: fmt.Sprintf("K/%d", i)})
		reqs = append(reqs, fetch.Request{Symbol: fmt.Sprintf("K/%d", i)})
	}
	reqs = append(reqs, fetch.Request{Symbol: "MISSING/1"}) // waits for a canary while the others run
	srv := startSim(t, sc)
	o := fastOptions(srv.URL)
	o.Limit = fetch.HostLimit{Rate: -1, Concurrency: 2}
	c := newClient(t, o)

	ctx, cancel := context.WithCancel(context.Background())
	got := map[int]fetch.Result{}
	canceledAt := make(chan time.Time, 1)
	time.AfterFunc(350*time.Millisecond, func() { canceledAt <- time.Now(); cancel() })
	err := c.ResolveAll(ctx, reqs, func(i int, r fetch.Result) { got[i] = r })
	if d := time.Since(<-canceledAt); d > 200*time.Millisecond {
		t.Errorf("ResolveAll returned %v after the cancel", d)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("ResolveAll returned %v; want context.Canceled", err)
	}
	if len(got) != len(reqs) {
		t.Fatalf("%d results for %d requests", len(got), len(reqs))
	}
	ok, canceled := 0, 0
	for i, r := range got {
		switch r.Status {
		case fetch.StatusOK:
			ok++
		case fetch.StatusCanceled:
			canceled++
			if !errors.Is(r.Err(), context.Canceled) {
				t.Errorf("%d: Err() = %v; want context.Canceled", i, r.Err())
			}
			if !r.Status.Transient() {
				t.Errorf("canceled is not transient")
			}
		default:
			t.Errorf("%d: %s %s", i, r.Status, r.Error)
		}
	}
	if ok == 0 || canceled == 0 || got[len(reqs)-1].Status != fetch.StatusCanceled {
		t.Errorf("%d ok, %d canceled, missing one %s; want some of each and the waiting one canceled", ok, canceled, got[len(reqs)-1].Status)
	}
	t.Logf("%d ok, %d canceled", ok, canceled)
}

// TestCancelPromptness measures how soon ResolveAll and Resolve return
// after cancellation, with requests in flight and waits pending.
func TestCancelPromptness(t *testing.T) {
	sc := (&unsim.Scenario{Latency: 2 * time.Second}).AddDoc(unsim.Doc{Symbol: "L/1"}, unsim.Doc{Symbol: "L/2"}).
		AddRule(unsim.Rule{Host: "documents.un.org", Symbols: []string{"RA/1"}, Action: unsim.Action429, RetryAfter: "30"})
	srv := startSim(t, sc)
	c := newClient(t, fastOptions(srv.URL))

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	c.ResolveAll(ctx, []fetch.Request{{Symbol: "L/1"}, {Symbol: "L/2"}}, func(int, fetch.Result) {})
	if d := time.Since(start); d > 600*time.Millisecond {
		t.Errorf("ResolveAll took %v to return after a cancel at 200 ms, with 2 s answers in flight", d)
	}

	// Resolve waiting out a 30 s Retry-After, under a deadline.
	srv2 := startSim(t, (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "RA/1"}).
		AddRule(unsim.Rule{Host: "documents.un.org", Action: unsim.Action429, RetryAfter: "30"}))
	c2 := newClient(t, fastOptions(srv2.URL))
	dctx, dcancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer dcancel()
	start = time.Now()
	r := c2.ResolveSymbol(dctx, "RA/1", "en")
	if d := time.Since(start); d > 800*time.Millisecond || r.Status != fetch.StatusTimeout || !errors.Is(r.Err(), context.DeadlineExceeded) {
		t.Errorf("Resolve under a 300 ms deadline: %s %v after %v", r.Status, r.Err(), d)
	}
}

// TestNights plays three nights of a link-rot check on one simulator:
// what changes between nights shows in the results.
func TestNights(t *testing.T) {
	var nights []*unsim.Scenario
	for _, n := range []string{"night1", "night2", "night3"} {
		sc, err := unsim.LoadFile("../unsim/testdata/" + n + ".json")
		if err != nil {
			t.Fatal(err)
		}
		nights = append(nights, sc)
	}
	srv := startSim(t, nights[0])
	reqs := []fetch.Request{
		{URL: "https://undocs.org/en/A/RES/73/266"}, // 0
		{URL: "https://undocs.org/zh/A/RES/73/266"}, // 1
		{URL: "https://undocs.org/en/A/RES/73/27"},  // 2
		{URL: "https://undocs.org/fr/S/RES/1540(2004)"},
		{Symbol: "A/RES/80/1", Lang: "en"}, // 4
		{Symbol: "CD/2141", Lang: "en"},    // 5
	}
	run := func(night int) []fetch.Result {
		t.Helper()
		if err := srv.SetScenario(nights[night]); err != nil {
			t.Fatal(err)
		}
		srv.ResetStats()
		c := newClient(t, fastOptions(srv.URL)) // a new process each night
		out := make([]fetch.Result, len(reqs))
		if err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) { out[i] = r }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	n1, n2 := run(0), run(1)
	want1 := []fetch.Status{fetch.StatusOK, fetch.StatusOK, fetch.StatusOK, fetch.StatusOK, fetch.StatusSoft404, fetch.StatusOK}
	want2 := []fetch.Status{fetch.StatusOK, fetch.StatusOK, fetch.StatusSoft404, fetch.StatusOK, fetch.StatusOK, fetch.StatusOK}
	for i := range reqs {
		if n1[i].Status != want1[i] || n2[i].Status != want2[i] {
			t.Errorf("%v: night 1 %s, night 2 %s; want %s, %s", reqs[i], n1[i].Status, n2[i].Status, want1[i], want2[i])
		}
	}
	if n1[4].Format != fetch.FormatEmpty {
		t.Errorf("unpublished on night 1: format %s; want empty", n1[4].Format)
	}
	if n1[0].FinalURL == n2[0].FinalURL || n2[0].FinalURL != "https://documents.un.org/doc/undoc/gen/n19/999/01/pdf/n1999901.pdf" {
		t.Errorf("moved target: night 1 %s, night 2 %s", n1[0].FinalURL, n2[0].FinalURL)
	}
	if n1[1].FinalURL != n2[1].FinalURL || n1[1].SHA256 != n2[1].SHA256 {
		t.Errorf("the zh version should not change")
	}
	if n1[3].FinalURL != n2[3].FinalURL || n1[3].ETag == n2[3].ETag || n1[3].SHA256 == n2[3].SHA256 {
		t.Errorf("new version: ETag %s → %s, hash %s → %s, final URL %s → %s; want same URL, new ETag and hash",
			n1[3].ETag, n2[3].ETag, n1[3].SHA256[:8], n2[3].SHA256[:8], n1[3].FinalURL, n2[3].FinalURL)
	}

	start := time.Now()
	n3 := run(2)
	for i, r := range n3 {
		if i == 2 {
			continue // still gone: it never reaches documents.un.org
		}
		if r.Status != fetch.StatusRateLimited || r.RetryAt.Before(start.Add(59*time.Minute)) {
			t.Errorf("night 3 %v: %s retry at %v; want rate-limited for an hour", reqs[i], r.Status, r.RetryAt)
		}
	}
	// At most the requests already in flight (the concurrency cap, 4) when
	// the first 429 came back.
	if n := srv.Stats().ByHost["documents.un.org"]; n > 4 {
		t.Errorf("night 3: %d requests to documents.un.org after it asked for an hour's rest", n)
	}
}

// TestUserAgent: every request names the tool and a contact URL.
func TestUserAgent(t *testing.T) {
	srv := startSim(t, (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "U/1", Via: unsim.ViaMetaRefresh}))
	c := newClient(t, fastOptions(srv.URL))
	c.ResolveURL(context.Background(), "https://undocs.org/U/1")
	log := logFor(t, srv, "", 3)
	if len(log) != 3 {
		t.Fatalf("%d requests; want 3", len(log))
	}
	for _, l := range log {
		if l.UserAgent != fetch.DefaultUserAgent || !strings.Contains(l.UserAgent, "xref") || !strings.Contains(l.UserAgent, "https://") {
			t.Errorf("User-Agent %q", l.UserAgent)
		}
	}
}

// TestResultJSON: the stored form has stable lower-case names and
// round-trips.
func TestResultJSON(t *testing.T) {
	srv := startSim(t, (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "J/1"}))
	c := newClient(t, fastOptions(srv.URL))
	r := c.ResolveURL(context.Background(), "https://undocs.org/zh/J/1#page=2")
	if r.Status != fetch.StatusSoft404 {
		t.Fatalf("status %s", r.Status)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	for _, k := range []string{"url", "status", "code", "codes", "hops", "final_url", "content_type", "format", "content_length",
		"bytes_read", "sha256", "attempts", "requests", "timings", "error"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	if m["status"] != "soft-404" || m["format"] != "html" || m["url"] != "https://undocs.org/zh/J/1#page=2" {
		t.Errorf("JSON values: %s", b)
	}
	if _, ok := m["retry_at"]; ok {
		t.Errorf("zero retry_at should be omitted: %s", b)
	}
	hop := m["hops"].([]any)[0].(map[string]any)
	if hop["kind"] != "temporary-redirect" || hop["code"] != 302.0 || hop["url"] != "https://undocs.org/zh/J/1" {
		t.Errorf("hop JSON %v", hop)
	}
	var back fetch.Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(back)
	if string(b) != string(b2) {
		t.Errorf("round trip changed the JSON:\n%s\n%s", b, b2)
	}
}
