package rot

import (
	"slices"
	"testing"
	"time"

	"github.com/xref-un/xref/cache"
)

var t0 = time.Date(2030, 3, 1, 2, 0, 0, 0, time.UTC)

// ob builds an observation of run n (night n after t0).
func ob(n int, status string, mods ...func(*cache.Observation)) cache.Observation {
	o := cache.Observation{Time: t0.Add(time.Duration(n) * 24 * time.Hour), RunID: "rot-" + itoa(n), Status: status,
		FinalURL: "https://documents.un.org/a.pdf", ETag: `"e1"`, ContentLength: 100, ContentHash: "h1"}
	if status != "ok" {
		o.ETag, o.ContentLength, o.ContentHash = "", 0, ""
	}
	for _, m := range mods {
		m(&o)
	}
	return o
}

// hist lists observations newest first, as cache.Store.History does.
func hist(obs ...cache.Observation) []cache.Observation {
	slices.Reverse(obs)
	return obs
}

func TestClassify(t *testing.T) {
	for status, want := range map[string]class{
		"ok": classOK, "not-found": classFailure, "soft-404": classFailure, "blocked": classUnknown,
		"rate-limited": classUnknown, "server-error": classUnknown, "timeout": classUnknown, "network": classUnknown,
		"invalid": classUnknown, "canceled": classNone, "": classNone, "something-new": classUnknown,
	} {
		if got := classify(status); got != want {
			t.Errorf("classify(%q) = %d; want %d", status, got, want)
		}
	}
}

func TestJudge(t *testing.T) {
	newFile := func(o *cache.Observation) { o.FinalURL = "https://documents.un.org/b.pdf" }
	newETag := func(o *cache.Observation) { o.ETag, o.ContentHash = `"e2"`, "h2" }
	noETag := func(o *cache.Observation) { o.ETag = "" }
	longer := func(o *cache.Observation) { o.ContentLength = 200 }
	run1 := func(o *cache.Observation) { o.RunID = "rot-1" }
	perm := func(o *cache.Observation) {
		o.Redirects = []cache.Redirect{{URL: "https://undocs.org/new", Code: 301}, {URL: "https://documents.un.org/a.pdf", Code: 302}}
	}
	tests := []struct {
		name         string
		prev         string
		hist         []cache.Observation
		obs          cache.Observation
		verdict      Verdict
		state        string
		failures     int
		failingSince time.Time
		changes      []string
	}{
		{"first look, ok", "", nil, ob(0, "ok"), VerdictOK, StateOK, 0, time.Time{}, nil},
		{"first look, not found", "", nil, ob(0, "not-found"), VerdictSuspect, StateSuspect, 1, t0, nil},
		{"first look, blocked", "", nil, ob(0, "blocked"), VerdictUnknown, "", 0, time.Time{}, nil},
		{"unchanged", StateOK, hist(ob(0, "ok")), ob(1, "ok"), VerdictOK, StateOK, 0, time.Time{}, nil},
		{"second failure", StateSuspect, hist(ob(0, "ok"), ob(1, "soft-404")), ob(2, "soft-404"), VerdictSuspect, StateSuspect, 2, t0.Add(24 * time.Hour), nil},
		{"third failure: dead", StateSuspect, hist(ob(0, "soft-404"), ob(1, "not-found")), ob(2, "soft-404"), VerdictNewBroken, StateDead, 3, t0, nil},
		{"failures of one run count once", StateSuspect, hist(ob(0, "soft-404"), ob(1, "soft-404", run1), ob(1, "not-found")), ob(2, "soft-404"), VerdictNewBroken, StateDead, 3, t0, nil},
		{"same run id twice", StateSuspect, hist(ob(0, "ok"), ob(1, "soft-404")), ob(2, "soft-404", run1), VerdictSuspect, StateSuspect, 1, t0.Add(24 * time.Hour), nil},
		{"unknown neither counts nor breaks", StateSuspect, hist(ob(0, "soft-404"), ob(1, "rate-limited"), ob(2, "blocked"), ob(3, "soft-404")), ob(4, "soft-404"), VerdictNewBroken, StateDead, 3, t0, nil},
		{"ok resets the count", StateSuspect, hist(ob(0, "soft-404"), ob(1, "soft-404"), ob(2, "ok")), ob(3, "soft-404"), VerdictSuspect, StateSuspect, 1, t0.Add(3 * 24 * time.Hour), nil},
		{"dead stays dead", StateDead, hist(ob(0, "soft-404"), ob(1, "soft-404"), ob(2, "soft-404")), ob(9, "not-found"), VerdictStillBroken, StateDead, 4, t0, nil},
		{"dead, unknown this run", StateDead, hist(ob(0, "soft-404"), ob(1, "soft-404"), ob(2, "soft-404")), ob(9, "timeout"), VerdictUnknown, StateDead, 3, t0, nil},
		{"suspect works again", StateSuspect, hist(ob(0, "ok"), ob(1, "soft-404")), ob(2, "ok", newFile), VerdictFixed, StateOK, 1, t0.Add(24 * time.Hour), nil},
		{"dead works again", StateDead, hist(ob(0, "soft-404"), ob(1, "soft-404"), ob(2, "soft-404")), ob(9, "ok"), VerdictFixed, StateOK, 3, t0, nil},
		{"final URL moved", StateOK, hist(ob(0, "ok")), ob(1, "ok", newFile), VerdictRedirected, StateOK, 0, time.Time{}, []string{"final-url"}},
		{"moved and new content", StateOK, hist(ob(0, "ok")), ob(1, "ok", newFile, newETag), VerdictRedirected, StateOK, 0, time.Time{}, []string{"final-url"}},
		{"new permanent redirect", StateOK, hist(ob(0, "ok")), ob(1, "ok", perm), VerdictRedirected, StateOK, 0, time.Time{}, []string{"permanent-redirect"}},
		{"permanent redirect seen before", StateOK, hist(ob(0, "ok", perm)), ob(1, "ok", perm), VerdictOK, StateOK, 0, time.Time{}, nil},
		{"new ETag and hash", StateOK, hist(ob(0, "ok")), ob(1, "ok", newETag), VerdictChanged, StateOK, 0, time.Time{}, []string{"etag", "hash"}},
		{"new length", StateOK, hist(ob(0, "ok")), ob(1, "ok", longer), VerdictChanged, StateOK, 0, time.Time{}, []string{"length"}},
		{"ETag known on one side only", StateOK, hist(ob(0, "ok", noETag)), ob(1, "ok"), VerdictOK, StateOK, 0, time.Time{}, nil},
		{"compared with the last good check", StateOK, hist(ob(0, "ok"), ob(1, "rate-limited", newFile)), ob(2, "ok", newETag), VerdictChanged, StateOK, 0, time.Time{}, []string{"etag", "hash"}},
		{"ok, then unknown", StateOK, hist(ob(0, "ok")), ob(1, "server-error"), VerdictUnknown, StateOK, 0, time.Time{}, nil},
		{"suspect, then unknown", StateSuspect, hist(ob(0, "not-found")), ob(1, "blocked"), VerdictUnknown, StateSuspect, 1, t0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := judge(tt.prev, tt.hist, tt.obs, 3)
			if j.verdict != tt.verdict || j.state != tt.state || j.failures != tt.failures || !j.failingSince.Equal(tt.failingSince) || !slices.Equal(j.changes, tt.changes) {
				t.Errorf("judge = %s, %q, %d failures since %v, changes %v; want %s, %q, %d since %v, %v",
					j.verdict, j.state, j.failures, j.failingSince, j.changes, tt.verdict, tt.state, tt.failures, tt.failingSince, tt.changes)
			}
		})
	}
}

// TestJudgeDeadAfter: the threshold is an option.
func TestJudgeDeadAfter(t *testing.T) {
	for n, want := range map[int]Verdict{1: VerdictNewBroken, 2: VerdictNewBroken, 3: VerdictSuspect} {
		if j := judge(StateSuspect, hist(ob(0, "soft-404")), ob(1, "soft-404"), n); j.verdict != want {
			t.Errorf("dead after %d: %s; want %s", n, j.verdict, want)
		}
	}
}
