package fetch_test

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

// replaceOptions are fastOptions looking for replacements, with a rate
// limit the politeness assertions can measure.
func replaceOptions(base string) fetch.Options {
	o := fastOptions(base)
	o.FindReplacements = true
	o.Limit = fetch.HostLimit{Rate: 40, Burst: 1, Concurrency: 2}
	return o
}

// checkPoliteness asserts that no host saw more requests in flight than
// concurrency, nor more than rate·window + burst (+1 for the clock
// difference of client and server) in any window of one second.
func checkPoliteness(t *testing.T, srv *unsim.Server, rate float64, burst, concurrency int) {
	t.Helper()
	st := srv.Stats()
	for h, n := range st.MaxInFlight {
		if n > concurrency {
			t.Errorf("%s: %d requests in flight; the limit is %d", h, n, concurrency)
		}
	}
	byHost := map[string][]time.Time{}
	for _, l := range srv.Log() {
		byHost[l.Host] = append(byHost[l.Host], l.Start)
	}
	bound := int(rate) + burst + 1
	for h, ts := range byHost {
		sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
		for i := range ts {
			n := sort.Search(len(ts), func(k int) bool { return !ts[k].Before(ts[i].Add(time.Second)) }) - i
			if n > bound {
				t.Errorf("%s: %d requests within one second from %s; the bound is %d", h, n, ts[i].Format(time.StampMilli), bound)
				break
			}
		}
	}
}

// TestReplacements40 is the acceptance scenario in the library: 40 dead
// links, 20 whose document the symbol API still serves, 10 only in the
// web archive (with the snapshot date), 10 nowhere; 10 live links beside
// them. Every dead link gets exactly its replacement, the others say
// what was tried, and every host is asked within the politeness bound.
func TestReplacements40(t *testing.T) {
	sc, set := unsim.DeadLinks(20, 10, 10, 10)
	srv := startSim(t, sc)
	o := replaceOptions(srv.URL)
	c := newClient(t, o)
	var links []string
	links = append(links, set.Live...)
	links = append(links, set.Moved...)
	links = append(links, set.Archived...)
	links = append(links, set.Gone...)
	reqs := make([]fetch.Request, len(links))
	for i, u := range links {
		reqs[i] = fetch.Request{URL: u}
	}
	got := map[string]fetch.Result{}
	start := time.Now()
	if err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) { got[links[i]] = r }); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	sum := 0
	for _, r := range got {
		sum += r.Requests
	}
	for _, u := range set.Live {
		if r := got[u]; r.Status != fetch.StatusOK || r.Replacement != nil || len(r.Alternatives) > 0 {
			t.Errorf("%s: %s, replacement %v, %d alternatives; want ok and no search", u, r.Status, r.Replacement, len(r.Alternatives))
		}
	}
	var moved, archived, gone int
	for _, u := range set.Moved {
		r := got[u]
		want, _ := fetch.SymbolAPIURL(set.Symbols[u], "en")
		if r.Status != fetch.StatusSoft404 || r.Replacement == nil || r.Replacement.URL != want || r.Replacement.Via != fetch.ViaSymbolAPI || r.Replacement.Format != fetch.FormatPDF {
			t.Errorf("%s: %s, replacement %+v; want soft-404 replaced by %s", u, r.Status, r.Replacement, want)
			continue
		}
		moved++
	}
	for _, u := range set.Archived {
		r := got[u]
		rp := r.Replacement
		want := "https://web.archive.org/web/" + set.Snapshots[u].Format("20060102150405") + "/" + u
		if rp == nil || rp.Via != fetch.ViaArchive || rp.URL != want || !rp.Snapshot.Equal(set.Snapshots[u]) {
			t.Errorf("%s: replacement %+v; want the copy %s of %s", u, rp, want, set.Snapshots[u])
			continue
		}
		vias := viasOf(r)
		if !slices.Equal(vias, []string{"symbol-api:missing", "archive:listed", "archive:found"}) {
			t.Errorf("%s: tried %v", u, vias)
		}
		archived++
	}
	for _, u := range set.Gone {
		r := got[u]
		if r.Replacement != nil {
			t.Errorf("%s: replacement %+v; the document is nowhere", u, r.Replacement)
			continue
		}
		if vias := viasOf(r); !slices.Equal(vias, []string{"symbol-api:missing", "archive:no-copy"}) {
			t.Errorf("%s: tried %v; want the symbol API (missing) and the archive (no copy)", u, vias)
			continue
		}
		gone++
	}
	if moved != 20 || archived != 10 || gone != 10 {
		t.Errorf("replaced on a UN host %d, from the archive %d, none %d; want 20, 10, 10", moved, archived, gone)
	}
	st := srv.Stats()
	if st.Total != c.Requests() || sum != c.Requests() {
		t.Errorf("the simulator saw %d requests, the client counts %d, the results %d", st.Total, c.Requests(), sum)
	}
	// What the search may cost: one symbol API request per dead link,
	// one availability request per link dead on the UN hosts, one per
	// copy, and the soft-404 evidence (a fingerprint and canaries).
	if n := st.ByHost["archive.org"]; n != 20 {
		t.Errorf("%d availability requests; want one per link dead on the UN hosts (20)", n)
	}
	if n := st.ByHost["web.archive.org"]; n > 10+4 {
		t.Errorf("%d requests for archived copies; want 10 and the soft-404 evidence at most", n)
	}
	if st.Total > 50*3+40+20+10+40 {
		t.Errorf("%d requests in all", st.Total)
	}
	checkPoliteness(t, srv, o.Limit.Rate, o.Limit.Burst, o.Limit.Concurrency)
	t.Logf("%d requests (%v by host) in %v", st.Total, st.ByHost, took.Round(time.Millisecond))
}

func viasOf(r fetch.Result) []string {
	var out []string
	for _, a := range r.Alternatives {
		out = append(out, string(a.Via)+":"+string(a.Outcome))
	}
	return out
}

// TestReplacementNeverSoft404: alternatives that answer a "not found"
// page, and an archived copy that is one, are never offered.
func TestReplacementNeverSoft404(t *testing.T) {
	sc := &unsim.Scenario{}
	// A live document gives each host its canary.
	sc.AddDoc(unsim.Doc{Symbol: "A/RES/1/1"})
	// The document exists, but every host answers the stub for it.
	sc.AddDoc(unsim.Doc{Symbol: "A/RES/2/2"})
	sc.AddRule(unsim.Rule{Symbols: []string{"A/RES/2/2"}, Action: unsim.ActionStub})
	// The archive captured the stub.
	sc.Archive = []unsim.Capture{{URL: "https://undocs.org/en/A/RES/2/2", Timestamp: "20200101000000", Stub: true}}
	srv := startSim(t, sc)
	c := newClient(t, replaceOptions(srv.URL))
	var out [2]fetch.Result
	c.ResolveAll(context.Background(), []fetch.Request{{URL: "https://undocs.org/en/A/RES/1/1"}, {URL: "https://undocs.org/en/A/RES/2/2"}},
		func(i int, r fetch.Result) { out[i] = r })
	r := out[1]
	if r.Status != fetch.StatusSoft404 {
		t.Fatalf("status %s; want soft-404", r.Status)
	}
	if r.Replacement != nil {
		t.Fatalf("offered %+v, which answers a \"not found\" page", r.Replacement)
	}
	// undocs.org answers the stub itself (no hop to docs.un.org), so the
	// viewer is asked too.
	if vias := viasOf(r); !slices.Equal(vias, []string{"symbol-api:missing", "docs-un:missing", "archive:listed", "archive:missing"}) {
		t.Errorf("tried %v", vias)
	}
	for _, a := range r.Alternatives {
		if a.Outcome == fetch.OutcomeMissing && a.Status != fetch.StatusSoft404 {
			t.Errorf("%s: status %s; want soft-404", a.URL, a.Status)
		}
	}
}

// TestReplacementOtherSymbol: an alternative whose page shows another
// symbol is not the document.
func TestReplacementOtherSymbol(t *testing.T) {
	sc := &unsim.Scenario{}
	sc.AddDoc(unsim.Doc{Symbol: "A/RES/1/1"}, unsim.Doc{Symbol: "A/RES/3/3", Hosts: []string{"documents.un.org"}})
	// The copy in the archive is of another document.
	sc.Archive = []unsim.Capture{{URL: "https://undocs.org/en/A/RES/4/4", Timestamp: "20200101000000", Symbol: "A/RES/3/3"}}
	srv := startSim(t, sc)
	c := newClient(t, replaceOptions(srv.URL))
	var out [2]fetch.Result
	c.ResolveAll(context.Background(), []fetch.Request{{URL: "https://undocs.org/en/A/RES/1/1"}, {URL: "https://undocs.org/en/A/RES/4/4"}},
		func(i int, r fetch.Result) { out[i] = r })
	r := out[1]
	if r.Replacement != nil {
		t.Fatalf("offered %+v, a copy of A/RES/3/3", r.Replacement)
	}
	if vias := viasOf(r); !slices.Equal(vias, []string{"symbol-api:missing", "archive:listed", "archive:other-document"}) {
		t.Errorf("tried %v", vias)
	}
}

// TestReplacementArchive429: a 429 from the archive is waited for when
// its Retry-After fits; when it does not, the archive is reported
// unreachable, not without a copy.
func TestReplacementArchive429(t *testing.T) {
	for _, tc := range []struct {
		name, retryAfter string
		want             []string
	}{
		{"short", "1", []string{"symbol-api:missing", "archive:listed", "archive:found"}},
		{"too long", "3600", []string{"symbol-api:missing", "archive:unreachable"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc, set := unsim.DeadLinks(0, 1, 0, 1)
			sc.AddRule(unsim.Rule{Host: "archive.org", Action: unsim.Action429, RetryAfter: tc.retryAfter, Times: 1})
			srv := startSim(t, sc)
			o := replaceOptions(srv.URL)
			o.MaxRetryAfter = 5 * time.Second
			c := newClient(t, o)
			links := append(slices.Clone(set.Live), set.Archived...)
			var r fetch.Result
			start := time.Now()
			c.ResolveAll(context.Background(), []fetch.Request{{URL: links[0]}, {URL: links[1]}}, func(i int, res fetch.Result) {
				if i == 1 {
					r = res
				}
			})
			if vias := viasOf(r); !slices.Equal(vias, tc.want) {
				t.Fatalf("tried %v; want %v", vias, tc.want)
			}
			last := r.Alternatives[len(r.Alternatives)-1]
			switch tc.name {
			case "short":
				if time.Since(start) < time.Second {
					t.Errorf("the Retry-After of 1 s was not waited for")
				}
			case "too long":
				if last.Status != fetch.StatusRateLimited || !strings.Contains(last.Error, "rate limited") {
					t.Errorf("last attempt %+v; want rate-limited", last)
				}
				if srv.Stats().ByHost["archive.org"] != 1 {
					t.Errorf("the archive was asked %d times", srv.Stats().ByHost["archive.org"])
				}
			}
		})
	}
}

// TestReplacementNoArchive: with NoArchive the archive's hosts get no
// request at all.
func TestReplacementNoArchive(t *testing.T) {
	sc, set := unsim.DeadLinks(2, 2, 2, 2)
	srv := startSim(t, sc)
	o := replaceOptions(srv.URL)
	o.NoArchive = true
	c := newClient(t, o)
	var links []string
	links = append(links, set.Live...)
	links = append(links, set.Moved...)
	links = append(links, set.Archived...)
	links = append(links, set.Gone...)
	reqs := make([]fetch.Request, len(links))
	for i, u := range links {
		reqs[i] = fetch.Request{URL: u}
	}
	found := 0
	c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
		if r.Replacement != nil {
			found++
		}
		for _, a := range r.Alternatives {
			if a.Via == fetch.ViaArchive {
				t.Errorf("%s: the archive was tried", links[i])
			}
		}
	})
	st := srv.Stats()
	if n := st.ByHost["archive.org"] + st.ByHost["web.archive.org"]; n != 0 {
		t.Errorf("%d requests to the archive", n)
	}
	if found != 2 {
		t.Errorf("%d replacements; want the 2 on a UN host", found)
	}
}

// TestReplacementBudget: the search counts against the request cap like
// any request, and what the cap leaves unasked is reported skipped, with
// the link's own verdict kept.
func TestReplacementBudget(t *testing.T) {
	sc, set := unsim.DeadLinks(0, 3, 0, 1)
	srv := startSim(t, sc)
	o := replaceOptions(srv.URL)
	o.MaxRequests = 12
	c := newClient(t, o)
	links := append(slices.Clone(set.Live), set.Archived...)
	reqs := make([]fetch.Request, len(links))
	for i, u := range links {
		reqs[i] = fetch.Request{URL: u}
	}
	skipped := 0
	c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
		for _, a := range r.Alternatives {
			if a.Outcome == fetch.OutcomeSkipped {
				skipped++
				if r.Status != fetch.StatusSoft404 && r.Status != fetch.StatusSkipped {
					t.Errorf("%s: %s; the link's verdict should stand", links[i], r.Status)
				}
			}
		}
	})
	if st := srv.Stats(); st.Total > 12 || c.Requests() > 12 {
		t.Errorf("%d requests (client: %d) with a cap of 12", st.Total, c.Requests())
	}
	if skipped == 0 {
		t.Errorf("no alternative reported skipped under a cap of 12 requests")
	}
}

// TestKnownReplacement: an earlier run's replacement is asked first; when
// it has died too, the result says so and the search goes on.
func TestKnownReplacement(t *testing.T) {
	sc, set := unsim.DeadLinks(1, 1, 0, 1)
	srv := startSim(t, sc)
	c := newClient(t, replaceOptions(srv.URL))
	moved, archived := set.Moved[0], set.Archived[0]
	api, _ := fetch.SymbolAPIURL(set.Symbols[moved], "en")
	deadCopy := "https://web.archive.org/web/20180101000000/" + archived
	reqs := []fetch.Request{{URL: set.Live[0]}, {URL: moved, KnownReplacement: api}, {URL: archived, KnownReplacement: deadCopy}}
	out := make([]fetch.Result, len(reqs))
	c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) { out[i] = r })
	if r := out[1]; r.Replacement == nil || !r.Replacement.Rechecked || r.Replacement.URL != api || len(r.Alternatives) != 1 || r.ReplacementLost != "" {
		t.Errorf("moved: %+v, tried %v, lost %q; want the known replacement, asked once", r.Replacement, viasOf(r), r.ReplacementLost)
	}
	r := out[2]
	if r.ReplacementLost != deadCopy {
		t.Errorf("lost %q; want %s", r.ReplacementLost, deadCopy)
	}
	if r.Replacement == nil || r.Replacement.Via != fetch.ViaArchive || r.Replacement.Rechecked {
		t.Errorf("replacement %+v; want the archive's other copy", r.Replacement)
	}
	if vias := viasOf(r); len(vias) == 0 || vias[0] != "archive:missing" {
		t.Errorf("tried %v; want the known copy first", vias)
	}
}
