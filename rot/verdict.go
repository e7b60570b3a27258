package rot

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
)

// class is what a fetch status says about a link.
type class int

const (
	classOK      class = iota // the document is there
	classFailure              // it is not: not-found, soft-404
	classUnknown              // nothing can be said: blocked, rate-limited, 5xx, timeout, network, invalid
	classNone                 // not a check at all: canceled
)

// classify maps a stored or fetched status to its class. Only not-found and
// soft-404 are failures: a refusal, a rate limit or an outage says nothing
// about the document.
func classify(status string) class {
	switch fetch.Status(status) {
	case fetch.StatusOK:
		return classOK
	case fetch.StatusNotFound, fetch.StatusSoft404:
		return classFailure
	case fetch.StatusCanceled, "":
		return classNone
	}
	return classUnknown
}

// judgment is the verdict on one checked link.
type judgment struct {
	verdict      Verdict
	state        string // after the run
	failures     int    // failed runs since the last ok, this one included
	failingSince time.Time
	prevOK       *cache.Observation // the last ok observation before this run
	changes      []string
}

// judge decides what one check means, given the link's state before the
// run, its history before the run (newest first) and this run's
// observation. A link is dead only after failing on deadAfter separate
// runs (distinct run ids) since it last worked; unknown observations
// neither count nor break the count.
func judge(prev string, hist []cache.Observation, obs cache.Observation, deadAfter int) judgment {
	j := judgment{state: prev, prevOK: lastOK(hist)}
	switch classify(obs.Status) {
	case classFailure:
		j.failures, j.failingSince = failures(hist, obs)
		switch {
		case j.failures >= deadAfter || prev == StateDead:
			j.state = StateDead
			j.verdict = VerdictNewBroken
			if prev == StateDead {
				j.verdict = VerdictStillBroken
			}
		default:
			j.state, j.verdict = StateSuspect, VerdictSuspect
		}
	case classOK:
		j.state = StateOK
		switch {
		case prev == StateSuspect || prev == StateDead:
			j.verdict = VerdictFixed
			j.failures, j.failingSince = failures(hist, cache.Observation{})
		case j.prevOK == nil:
			j.verdict = VerdictOK // first look: the baseline
		default:
			if j.changes = redirectChanges(j.prevOK, &obs); len(j.changes) > 0 {
				j.verdict = VerdictRedirected
			} else if j.changes = contentChanges(j.prevOK, &obs); len(j.changes) > 0 {
				j.verdict = VerdictChanged
			} else {
				j.verdict = VerdictOK
			}
		}
	default:
		j.verdict = VerdictUnknown
		j.failures, j.failingSince = failures(hist, cache.Observation{})
	}
	return j
}

// lastOK returns the newest ok observation of a history, or nil.
func lastOK(hist []cache.Observation) *cache.Observation {
	for i := range hist {
		if classify(hist[i].Status) == classOK {
			return &hist[i]
		}
	}
	return nil
}

// failures counts the separate runs with a failure since the last ok
// observation: obs (if a failure) and the history before it, newest first.
// It returns the count and the time of the first of them.
func failures(hist []cache.Observation, obs cache.Observation) (int, time.Time) {
	runs := map[string]bool{}
	var since time.Time
	add := func(o cache.Observation) {
		id := o.RunID
		if id == "" {
			id = "@" + o.Time.UTC().Format(time.RFC3339Nano)
		}
		runs[id] = true
		since = o.Time
	}
	if classify(obs.Status) == classFailure {
		add(obs)
	}
	for _, o := range hist {
		switch classify(o.Status) {
		case classOK:
			return len(runs), since
		case classFailure:
			add(o)
		}
	}
	return len(runs), since
}

// redirectChanges compares where a chain ends, and its permanent redirects,
// with the last good check: a new final URL, or a permanent redirect (301,
// 308) that was not there before.
func redirectChanges(prev, cur *cache.Observation) []string {
	var ch []string
	if prev.FinalURL != "" && cur.FinalURL != "" && prev.FinalURL != cur.FinalURL {
		ch = append(ch, "final-url")
	}
	old := map[string]bool{}
	for _, r := range prev.Redirects {
		if permanent(r.Code) {
			old[strconv.Itoa(r.Code)+" "+r.URL] = true
		}
	}
	for _, r := range cur.Redirects {
		if permanent(r.Code) && !old[strconv.Itoa(r.Code)+" "+r.URL] {
			ch = append(ch, "permanent-redirect")
			break
		}
	}
	return ch
}

func permanent(code int) bool { return code == 301 || code == 308 }

// contentChanges compares the document at the same final URL with the last
// good check: ETag, declared length, hash of the first bytes. A value only
// one side knows is no evidence.
func contentChanges(prev, cur *cache.Observation) []string {
	var ch []string
	if prev.ETag != "" && cur.ETag != "" && prev.ETag != cur.ETag {
		ch = append(ch, "etag")
	}
	if prev.ContentLength > 0 && cur.ContentLength > 0 && prev.ContentLength != cur.ContentLength {
		ch = append(ch, "length")
	}
	if prev.ContentHash != "" && cur.ContentHash != "" && prev.ContentHash != cur.ContentHash {
		ch = append(ch, "hash")
	}
	return ch
}

// observation turns a fetch result into what the store keeps. A 304 (not
// modified) carries the content facts of the last good check forward, since
// the document is the one they describe.
func observation(r fetch.Result, runID string, at time.Time, prevOK *cache.Observation) cache.Observation {
	o := cache.Observation{
		Time: at, RunID: runID, Status: string(r.Status), Code: r.Code, FinalURL: r.FinalURL,
		ContentHash: r.SHA256, ETag: r.ETag, LastModified: r.LastModified, Error: r.Error,
	}
	if r.ContentLength > 0 {
		o.ContentLength = r.ContentLength
	}
	if r.NotModified && prevOK != nil {
		o.ContentHash, o.ContentLength = prevOK.ContentHash, prevOK.ContentLength
	}
	for _, h := range r.Hops {
		o.Redirects = append(o.Redirects, cache.Redirect{URL: h.To, Code: h.Code})
	}
	o.Replacement, o.ReplacementLost = ReplacementOf(r), r.ReplacementLost
	if raw, err := json.Marshal(r); err == nil {
		o.Raw = raw
	}
	return o
}

// ReplacementOf is the replacement a result found, as the citation graph
// keeps it (cache.Observation.Replacement); nil when none.
func ReplacementOf(r fetch.Result) *cache.Replacement {
	if r.Replacement == nil {
		return nil
	}
	return &cache.Replacement{URL: r.Replacement.URL, Via: string(r.Replacement.Via), Snapshot: r.Replacement.Snapshot.UTC()}
}

// snapshot describes an ok observation for the report.
func snapshot(o *cache.Observation, notModified bool) *Snapshot {
	if o == nil {
		return nil
	}
	return &Snapshot{FinalURL: o.FinalURL, ETag: o.ETag, LastModified: o.LastModified, Length: o.ContentLength,
		Hash: o.ContentHash, NotModified: notModified, Time: o.Time.UTC()}
}

func itoa(n int) string { return strconv.Itoa(n) }
