package fetch_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

// BenchmarkResolveAllOneHost resolves 2,000 distinct links to one host
// (the documents.un.org symbol API of the simulator, 20 ms added to every
// answer) with a per-host budget of R = 200 requests/s (burst 1) and
// C = 8 requests in flight. Eight links, spread over the first 80 % of the
// list, answer 429 with "Retry-After: 1" once. It fails unless every link
// ends ok (so 100 % of the 429s are recovered) and the wall time is within
// 10 % of the bound.
//
// The bound. The run makes N = 2,000 + 8 requests (one retry per 429).
// Nothing can do them faster than
//
//	T_rate = (N−1)/R + L   the limiter spaces starts 1/R apart; the last takes L
//	T_conc = ⌈N/C⌉·L        C at a time, each at least L = 20 ms
//
// and nothing can start while the host is paused. Two sub-benchmarks:
//
//   - scope=url (HostLimit.PerURLRetryAfter): only the 429'd URL waits, the
//     others go on: T_bound = max(T_rate, T_conc, t_last429 + 1 s + L).
//   - scope=host (the default): each 429 closes the host for its
//     Retry-After, so T_bound = max(T_rate, T_conc) + P, where P is the
//     measured union of the intervals [t_429, t_429 + 1 s] during which the
//     host was closed.
//
// With the defaults below T_rate = 10.06 s dominates T_conc = 5.04 s.
// Reported: wall-s, bound-s, wall/bound, recovered-% (429'd links that end
// ok), requests, max-in-flight (as the server saw it).
func BenchmarkResolveAllOneHost(b *testing.B) {
	const (
		links   = 2000
		limited = 8
		rate    = 200.0
		conc    = 8
		latency = 20 * time.Millisecond
		ra      = time.Second
	)
	sc := &unsim.Scenario{Latency: latency}
	reqs := make([]fetch.Request, links)
	var limitedSyms []string
	for i := range links {
		sym := fmt.Sprintf("A/RES/BENCH/%d", i)
		sc.AddDoc(unsim.Doc{Symbol: sym, Size: 4096})
		reqs[i] = fetch.Request{Symbol: sym, Lang: "en"}
		if i%(links*8/10/limited) == 0 && len(limitedSyms) < limited {
			limitedSyms = append(limitedSyms, sym)
		}
	}
	sc.AddRule(unsim.Rule{Host: "documents.un.org", Symbols: limitedSyms, Action: unsim.Action429, RetryAfter: "1", Times: 1})
	srv, err := unsim.Start("", sc)
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()

	for _, perURL := range []bool{true, false} {
		name := "scope=host"
		if perURL {
			name = "scope=url"
		}
		b.Run(name, func(b *testing.B) {
			var wall, bound time.Duration
			var recovered, requests, inFlight int
			for b.Loop() {
				b.StopTimer()
				srv.SetScenario(sc) // resets the "429 once" counters
				srv.ResetStats()
				c, err := fetch.New(fetch.Options{
					BaseURL:    srv.URL,
					Workers:    2 * conc,
					HostLimits: map[string]fetch.HostLimit{"documents.un.org": {Rate: rate, Burst: 1, Concurrency: conc, PerURLRetryAfter: perURL}},
				})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				start := time.Now()
				recovered = 0
				err = c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
					if r.Status != fetch.StatusOK {
						b.Errorf("%s: %s %s", reqs[i].Symbol, r.Status, r.Error)
					}
					if slices.Contains(r.Codes, 429) && r.Status == fetch.StatusOK {
						recovered++
					}
				})
				wall = time.Since(start)
				b.StopTimer()
				if err != nil {
					b.Fatal(err)
				}
				c.Close()

				log := srv.Log()
				st := srv.Stats()
				requests, inFlight = st.Total, st.MaxInFlight["documents.un.org"]
				var t429 []time.Time
				for _, l := range log {
					if l.Code == 429 {
						t429 = append(t429, l.Time)
					}
				}
				slices.SortFunc(t429, func(a, b time.Time) int { return a.Compare(b) })
				n := requests
				tRate := time.Duration(float64(n-1)/rate*float64(time.Second)) + latency
				tConc := time.Duration((n+conc-1)/conc) * latency
				bound = max(tRate, tConc)
				if perURL {
					if len(t429) > 0 {
						bound = max(bound, t429[len(t429)-1].Sub(start)+ra+latency)
					}
				} else {
					bound += union(t429, ra)
				}
				if len(t429) != limited || recovered != limited {
					b.Errorf("%d answers were 429, %d links recovered; want %d and %d", len(t429), recovered, limited, limited)
				}
				if inFlight > conc {
					b.Errorf("%d requests in flight; cap %d", inFlight, conc)
				}
				b.StartTimer()
			}
			ratio := wall.Seconds() / bound.Seconds()
			b.ReportMetric(wall.Seconds(), "wall-s")
			b.ReportMetric(bound.Seconds(), "bound-s")
			b.ReportMetric(ratio, "wall/bound")
			b.ReportMetric(100*float64(recovered)/limited, "recovered-%")
			b.ReportMetric(float64(requests), "requests")
			b.ReportMetric(float64(inFlight), "max-in-flight")
			if ratio > 1.10 {
				b.Errorf("wall %v is %.1f %% over the bound %v", wall, 100*(ratio-1), bound)
			}
		})
	}
}

// union is the total length of the intervals [t, t+d] (t sorted).
func union(ts []time.Time, d time.Duration) time.Duration {
	var total time.Duration
	var end time.Time
	for _, t := range ts {
		switch {
		case t.After(end):
			total += d
		case t.Add(d).After(end):
			total += t.Add(d).Sub(end)
		default:
			continue
		}
		end = t.Add(d)
	}
	return total
}
