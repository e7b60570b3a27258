package rot

import (
	"hash/fnv"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/xref-un/xref/cache"
)

// Slack is taken off every interval, so that a link checked at 02:10 is
// due again at a run that starts at 02:00 one interval later: nightly jobs
// do not start (or reach a link) at the same minute every night.
const Slack = 4 * time.Hour

// night is the interval of "every night": suspect and fixed links.
const night = 24*time.Hour - Slack

// nextDue says when a link is checked again after a verdict: suspect and
// fixed links the next night; dead links after DeadEvery; working links
// after a whole number of days between OKMin and OKMax, chosen by a hash of
// the URL and the day, so that links checked together spread out over the
// following nights instead of coming due together again; links that could
// not be judged at the next run (a host that asked to wait holds them back
// itself).
func (o *Options) nextDue(now time.Time, u string, state string, v Verdict) time.Time {
	switch {
	case v == VerdictUnknown:
		return now
	case state == StateDead:
		return now.Add(max(o.DeadEvery-Slack, time.Hour))
	case state == StateSuspect, v == VerdictFixed:
		return now.Add(night)
	}
	lo, hi := days(o.OKMin), days(o.OKMax)
	d := lo
	if hi > lo {
		h := fnv.New64a()
		h.Write([]byte(u))
		h.Write([]byte(now.UTC().Format("2006-01-02")))
		d += int(h.Sum64() % uint64(hi-lo+1))
	}
	return now.Add(max(time.Duration(d)*24*time.Hour-Slack, time.Hour))
}

// days rounds a duration to whole days, at least one.
func days(d time.Duration) int { return max(int((d+12*time.Hour)/(24*time.Hour)), 1) }

// due reports whether a link is to be checked at now.
func due(l *cache.Link, now time.Time) bool {
	return l.NextDue.IsZero() || !l.NextDue.After(now)
}

// priority orders due links: failing ones first (a suspect link is on its
// way to a verdict), then links never judged, then dead ones (weekly), then
// working ones.
func priority(state string) int {
	switch state {
	case StateSuspect:
		return 0
	case "":
		return 1
	case StateDead:
		return 2
	}
	return 3
}

// candidate is a due link with what planning needs.
type candidate struct {
	link  cache.Link
	hosts []string       // every host its last chain touched
	cost  map[string]int // expected requests per host
}

// chainHosts lists the hosts a link's last check touched: its own, every
// hop's and the final URL's, each once, in order.
func chainHosts(l *cache.Link) []string {
	var hs []string
	add := func(u string) {
		if h := hostOf(u); h != "" && !slices.Contains(hs, h) {
			hs = append(hs, h)
		}
	}
	add(l.URL)
	if l.Latest != nil {
		for _, r := range l.Latest.Redirects {
			add(r.URL)
		}
		add(l.Latest.FinalURL)
	}
	return hs
}

// guessChain is the number of requests expected for a link never checked:
// a UN link typically takes three (undocs.org, docs.un.org, the file).
const guessChain = 3

// requestCost estimates the requests a check of the link makes, per host:
// one per URL of its last chain, or guessChain on its own host.
func requestCost(l *cache.Link) map[string]int {
	c := map[string]int{}
	if l.Latest == nil {
		if h := hostOf(l.URL); h != "" {
			c[h] = guessChain
		}
		return c
	}
	c[hostOf(l.URL)]++
	for _, r := range l.Latest.Redirects {
		if h := hostOf(r.URL); h != "" {
			c[h]++
		}
	}
	if classify(l.Latest.Status) == classFailure {
		// A failing link costs its search for a replacement too: the
		// known one, else the symbol API, and the archive.
		if l.Replacement != nil {
			c[hostOf(l.Replacement.URL)]++
		} else {
			c["documents.un.org"]++
			c["archive.org"]++
		}
	}
	return c
}

// plan chooses which due candidates to check: in priority order (then
// longest overdue, then URL), each taken when every host of its chain still
// has room in the budget (rate × budget × planFill requests) and the request
// cap (when maxRequests > 0) allows. The others are left for a later run:
// with per-host capacities, one slow host does not crowd out the others.
// It sorts cands and returns how many requests the taken ones should cost,
// and whether the request cap left some out.
func plan(cands []candidate, budget time.Duration, rate func(host string) float64, maxRequests int) (take, left []candidate, requests int, capped bool) {
	slices.SortFunc(cands, func(a, b candidate) int {
		if pa, pb := priority(a.link.State), priority(b.link.State); pa != pb {
			return pa - pb
		}
		if c := a.link.NextDue.Compare(b.link.NextDue); c != 0 {
			return c
		}
		return strings.Compare(a.link.URL, b.link.URL)
	})
	room := map[string]float64{}
	roomOf := func(h string) float64 {
		r, ok := room[h]
		if !ok {
			r = math.Inf(1)
			if x := rate(h); x > 0 && !math.IsInf(x, 1) {
				r = x * budget.Seconds() * planFill
			}
			room[h] = r
		}
		return r
	}
	for _, c := range cands {
		n, fits := 0, true
		for h, k := range c.cost {
			n += k
			if roomOf(h) < float64(k) {
				fits = false
			}
		}
		if fits && maxRequests > 0 && requests+n > maxRequests {
			fits, capped = false, true
		}
		if !fits {
			left = append(left, c)
			continue
		}
		for h, k := range c.cost {
			room[h] -= float64(k)
		}
		requests += n
		take = append(take, c)
	}
	return take, left, requests, capped
}

// planFill is the share of a host's budget that planning fills, leaving
// room for retries, re-checks of soft 404s and latency.
const planFill = 0.8

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(p.Hostname()), ".")
}
