package rot_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/rot"
	"github.com/xref-un/xref/unsim"
)

// ExampleRun plays two nights against the simulator: on the second, one
// document is gone and another has a new version.
func ExampleRun() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "rot-example")
	defer os.RemoveAll(dir)
	store, _ := cache.Open(ctx, dir, cache.Options{GCInterval: -1})
	defer store.Close()
	store.Ingest(ctx, cache.Transcript{ID: "S/PV.9950", Language: "en", Links: []cache.LinkRef{
		{URL: "https://undocs.org/en/A/RES/73/266", Line: 17},
		{URL: "https://undocs.org/en/A/RES/73/27", Line: 19},
	}})

	docs := []unsim.Doc{{Symbol: "A/RES/73/266"}, {Symbol: "A/RES/73/27"}}
	srv, _ := unsim.Start("", (&unsim.Scenario{}).AddDoc(docs...))
	defer srv.Close()
	client, _ := fetch.New(fetch.Options{BaseURL: srv.URL, Limit: fetch.HostLimit{Rate: -1}})
	defer client.Close()

	night := time.Date(2030, 3, 1, 2, 0, 0, 0, time.UTC)
	for n := 1; n <= 2; n++ {
		if n == 2 {
			// A/RES/73/266 gets a new version; A/RES/73/27 is gone.
			srv.SetScenario((&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "A/RES/73/266", Version: 2}))
		}
		rep, err := rot.Run(ctx, store, client, rot.Options{Now: func() time.Time { return night }, OKMin: 24 * time.Hour, OKMax: 24 * time.Hour})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("night %d: %d checked, %d requests\n", n, rep.Totals.Checked, rep.Totals.Requests)
		for _, v := range rot.SectionOrder {
			for _, e := range *rep.Sections.Of(v) {
				fmt.Printf("  %s %s: %s\n", v, e.URL, e.Reason)
			}
		}
		night = night.Add(24 * time.Hour)
	}
	// Output:
	// night 1: 2 checked, 6 requests
	// night 2: 2 checked, 7 requests
	//   suspect https://undocs.org/en/A/RES/73/27: soft-404 (HTTP 302, 200): failed on 1 of the 3 runs that make a link dead, since 2030-03-02 02:00 UTC
	//   changed https://undocs.org/en/A/RES/73/266: same address, different document: new etag, hash since 2030-03-01 02:00 UTC
}

// ExampleReport_WriteMarkdown renders a report built by hand.
func ExampleReport_WriteMarkdown() {
	at := time.Date(2030, 3, 3, 2, 0, 0, 0, time.UTC)
	rep := rot.Report{Schema: rot.Schema,
		Run:    rot.RunInfo{ID: "rot-20300303T020000Z", Start: at, End: at, Budget: "30m0s", DeadAfter: 3},
		Totals: rot.Totals{Links: 1, Due: 1, Checked: 1, Requests: 5, NewBroken: 1, Replaced: 1, States: rot.States{Dead: 1}},
	}
	rep.Sections.NewBroken = []rot.Entry{{URL: "https://undocs.org/en/A/RES/71/258", Verdict: rot.VerdictNewBroken, State: rot.StateDead,
		Reason: "soft-404 (HTTP 302, 200): failed on 3 separate runs since 2030-03-01 02:00 UTC",
		Replacement: &rot.Replacement{URL: "https://web.archive.org/web/20190302102030/https://undocs.org/en/A/RES/71/258",
			Via: "archive", Snapshot: time.Date(2019, 3, 2, 10, 20, 30, 0, time.UTC), Found: at, Checked: at},
		Uses: []rot.Use{{Transcript: "S/PV.9950", Lang: "en", Line: 25, Symbol: "A/RES/71/258"}}}}
	rep.WriteMarkdown(os.Stdout)
	// Output:
	// # Link rot report, 2030-03-03 02:00 UTC
	//
	// Run `rot-20300303T020000Z` checked 1 of 1 link in use (1 due) with 5 requests.
	// A link is dead after failing on 3 separate runs; blocked, rate-limited and unreachable links are unknown, never rot.
	//
	// | Section | Links |
	// |---|---:|
	// | [New broken](#new-broken) | 1 |
	// | [Suspect](#suspect) | 0 |
	// | [Fixed](#fixed) | 0 |
	// | [Redirected](#redirected) | 0 |
	// | [Changed](#changed) | 0 |
	// | [Still broken](#still-broken) | 0 |
	// | [Unknown](#unknown) | 0 |
	//
	// All links: 0 working, 0 suspect, 1 dead, 0 not judged yet.
	// Replacement found for 1 of the 1 failing.
	//
	// <a id="new-broken"></a>
	// ## New broken (1)
	//
	// Dead as of this run: failed on 3 separate runs.
	//
	// - `https://undocs.org/en/A/RES/71/258`: soft-404 (HTTP 302, 200): failed on 3 separate runs since 2030-03-01 02:00 UTC
	//   - Replacement found: `https://web.archive.org/web/20190302102030/https://undocs.org/en/A/RES/71/258` (copy of 2019-03-02 in the web archive, known since 2030-03-03)
	//   - S/PV.9950 (en), line 25, citing A/RES/71/258
	//
	// <a id="suspect"></a>
	// ## Suspect (0)
	//
	// Failed, but on fewer than 3 separate runs: checked again every night before being called dead.
	//
	// None.
	//
	// <a id="fixed"></a>
	// ## Fixed (0)
	//
	// Suspect or dead before, working again.
	//
	// None.
	//
	// <a id="redirected"></a>
	// ## Redirected (0)
	//
	// Working, but ending at another address than at the last good check, or behind a new permanent redirect: update the link?
	//
	// None.
	//
	// <a id="changed"></a>
	// ## Changed (0)
	//
	// Same address, different document: another ETag, length or content hash than at the last good check.
	//
	// None.
	//
	// <a id="still-broken"></a>
	// ## Still broken (0)
	//
	// Dead before this run and still dead; checked again once a week.
	//
	// None.
	//
	// <a id="unknown"></a>
	// ## Unknown (0)
	//
	// Could not be judged this run (blocked, rate-limited, server error, unreachable, or host asked to wait): not rot.
	//
	// None.
	//
	// ## Trend (last 0 runs)
	//
	// | Run | Checked | New broken | Suspect | Fixed | Redirected | Changed | Still broken | Unknown | Dead |
	// |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
}
