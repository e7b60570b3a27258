package rot

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/xref-un/xref/cache"
)

func TestNextDue(t *testing.T) {
	o := Options{}.withDefaults()
	const u = "https://undocs.org/en/A/RES/73/266"
	tests := []struct {
		state string
		v     Verdict
		want  time.Duration
	}{
		{StateDead, VerdictNewBroken, 7*24*time.Hour - Slack},
		{StateDead, VerdictStillBroken, 7*24*time.Hour - Slack},
		{StateSuspect, VerdictSuspect, 20 * time.Hour},
		{StateOK, VerdictFixed, 20 * time.Hour},
		{StateOK, VerdictUnknown, 0},
		{StateDead, VerdictUnknown, 0},
		{"", VerdictUnknown, 0},
	}
	for _, tt := range tests {
		if got := o.nextDue(t0, u, tt.state, tt.v).Sub(t0); got != tt.want {
			t.Errorf("nextDue(%s, %s) = +%s; want +%s", tt.state, tt.v, got, tt.want)
		}
	}
	// Working links: a whole number of days in [3, 7], less the slack,
	// the same for the same URL and day, spread over the range.
	seen := map[time.Duration]int{}
	for i := range 1000 {
		u := fmt.Sprintf("https://undocs.org/en/A/RES/73/%d", i)
		d := o.nextDue(t0, u, StateOK, VerdictOK).Sub(t0)
		if d != o.nextDue(t0, u, StateOK, VerdictChanged).Sub(t0) {
			t.Fatalf("%s: not deterministic", u)
		}
		seen[d]++
	}
	for days := 3; days <= 7; days++ {
		d := time.Duration(days)*24*time.Hour - Slack
		if seen[d] < 150 {
			t.Errorf("%d links due after %s; want about 200", seen[d], d)
		}
		delete(seen, d)
	}
	if len(seen) != 0 {
		t.Errorf("intervals outside 3–7 days: %v", seen)
	}
	// Every night when asked.
	o1 := Options{OKMin: 24 * time.Hour, OKMax: 24 * time.Hour}.withDefaults()
	if got := o1.nextDue(t0, u, StateOK, VerdictOK).Sub(t0); got != 20*time.Hour {
		t.Errorf("ok-days 1: +%s", got)
	}
}

func TestDue(t *testing.T) {
	for _, tt := range []struct {
		next time.Time
		want bool
	}{{time.Time{}, true}, {t0.Add(-time.Hour), true}, {t0, true}, {t0.Add(time.Second), false}} {
		l := cache.Link{NextDue: tt.next}
		if got := due(&l, t0); got != tt.want {
			t.Errorf("due with next %v = %v", tt.next, got)
		}
	}
}

func link(u, state string, next time.Time, chain ...string) candidate {
	l := cache.Link{URL: u, State: state, NextDue: next}
	if len(chain) > 0 {
		l.Latest = &cache.Observation{Status: "ok", FinalURL: chain[len(chain)-1]}
		for _, c := range chain {
			l.Latest.Redirects = append(l.Latest.Redirects, cache.Redirect{URL: c, Code: 302})
		}
	}
	return candidate{link: l, cost: requestCost(&l)}
}

// seen is a working link whose last check took one request.
func seen(u string) candidate {
	l := cache.Link{URL: u, State: StateOK, NextDue: t0, Latest: &cache.Observation{Status: "ok", FinalURL: u}}
	return candidate{link: l, cost: requestCost(&l)}
}

func TestPlan(t *testing.T) {
	const file = "https://documents.un.org/f.pdf"
	rate := func(h string) float64 {
		switch h {
		case "documents.un.org":
			return 1
		case "fast.example":
			return math.Inf(1)
		}
		return 2
	}
	urls := func(cs []candidate) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.link.URL)
		}
		return out
	}
	tests := []struct {
		name     string
		cands    []candidate
		budget   time.Duration
		maxReq   int
		take     []string
		requests int
		capped   bool
	}{
		{"priority, then overdue, then URL", []candidate{
			link("https://undocs.org/ok", StateOK, t0, "https://docs.un.org/ok", file),
			link("https://undocs.org/dead", StateDead, t0),
			link("https://undocs.org/new-b", "", time.Time{}),
			link("https://undocs.org/new-a", "", time.Time{}),
			link("https://undocs.org/suspect", StateSuspect, t0),
			link("https://undocs.org/suspect-older", StateSuspect, t0.Add(-time.Hour)),
		}, time.Hour, 0, []string{"https://undocs.org/suspect-older", "https://undocs.org/suspect", "https://undocs.org/new-a",
			"https://undocs.org/new-b", "https://undocs.org/dead", "https://undocs.org/ok"}, 18, false},
		// 10 s at 1 request per second, filled to 80 %: 8 requests to the
		// file host, so 8 links; the links on another host still go.
		{"host room", append(slices.Repeat([]candidate{link("https://undocs.org/a", StateOK, t0, "https://docs.un.org/a", file)}, 10),
			link("https://fast.example/x", StateOK, t0)),
			10 * time.Second, 0, append([]string{"https://fast.example/x"}, slices.Repeat([]string{"https://undocs.org/a"}, 8)...), 27, false},
		// A link seen before costs what its chain cost; a new one guessChain.
		{"request cap", []candidate{link("https://undocs.org/1", "", time.Time{}), link("https://undocs.org/2", "", time.Time{}),
			seen("https://fast.example/x")}, time.Hour, 4, []string{"https://undocs.org/1", "https://fast.example/x"}, 4, true},
		{"nothing due", nil, time.Hour, 0, nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			take, left, n, capped := plan(tt.cands, tt.budget, rate, tt.maxReq)
			if !slices.Equal(urls(take), tt.take) || n != tt.requests || capped != tt.capped || len(take)+len(left) != len(tt.cands) {
				t.Errorf("plan = %v (%d requests, capped %v, %d left); want %v (%d, %v)", urls(take), n, capped, len(left), tt.take, tt.requests, tt.capped)
			}
		})
	}
}

func TestChainHosts(t *testing.T) {
	l := cache.Link{URL: "https://undocs.org/en/X", Latest: &cache.Observation{FinalURL: "https://documents.un.org/f.pdf",
		Redirects: []cache.Redirect{{URL: "https://docs.un.org/en/X", Code: 302}, {URL: "https://documents.un.org/f.pdf", Code: 302}}}}
	if got := chainHosts(&l); !slices.Equal(got, []string{"undocs.org", "docs.un.org", "documents.un.org"}) {
		t.Errorf("chainHosts = %v", got)
	}
	if got := requestCost(&l); got["undocs.org"] != 1 || got["docs.un.org"] != 1 || got["documents.un.org"] != 1 {
		t.Errorf("requestCost = %v", got)
	}
	l.Latest = nil
	if got := requestCost(&l); got["undocs.org"] != guessChain || len(got) != 1 {
		t.Errorf("requestCost of a new link = %v", got)
	}
}
