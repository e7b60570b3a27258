package cache

import (
	"context"
	"testing"
	"time"
)

// TestLinkReplacement: a link keeps the replacement its observations
// found while it fails (first found kept, last checked moved on), and
// drops it when the link works again or the replacement is seen dead; an
// observation without news keeps it.
func TestLinkReplacement(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	u := "https://undocs.org/en/A/RES/60/1"
	api := "https://documents.un.org/api/symbol/access?s=A%2FRES%2F60%2F1&l=E&t=pdf"
	copyURL := "https://web.archive.org/web/20190302102030/" + u
	t0 := time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC)
	day := func(n int) time.Time { return t0.Add(time.Duration(n) * 24 * time.Hour) }
	steps := []struct {
		obs         Observation
		url         string
		found, seen time.Time
	}{
		{Observation{Status: "soft-404", Replacement: &Replacement{URL: api, Via: "symbol-api"}}, api, day(0), day(0)},
		{Observation{Status: "soft-404", Replacement: &Replacement{URL: api, Via: "symbol-api"}}, api, day(0), day(1)},
		{Observation{Status: "rate-limited"}, api, day(0), day(1)},
		{Observation{Status: "soft-404", ReplacementLost: "https://elsewhere.example/"}, api, day(0), day(1)},
		{Observation{Status: "soft-404", ReplacementLost: api, Replacement: &Replacement{URL: copyURL, Via: "archive"}}, copyURL, day(4), day(4)},
		{Observation{Status: "soft-404", ReplacementLost: copyURL}, "", time.Time{}, time.Time{}},
		{Observation{Status: "soft-404", Replacement: &Replacement{URL: api, Via: "symbol-api"}}, api, day(6), day(6)},
		{Observation{Status: "ok"}, "", time.Time{}, time.Time{}},
	}
	for i, st := range steps {
		st.obs.Time = day(i)
		l, err := s.Observe(ctx, u, st.obs)
		if err != nil {
			t.Fatal(err)
		}
		if l2, err := s.Link(ctx, u); err != nil || (l2.Replacement == nil) != (l.Replacement == nil) {
			t.Fatalf("step %d: stored %+v, returned %+v (%v)", i, l2.Replacement, l.Replacement, err)
		}
		rp := l.Replacement
		switch {
		case st.url == "" && rp != nil:
			t.Errorf("step %d: replacement %+v; want none", i, rp)
		case st.url != "" && (rp == nil || rp.URL != st.url || !rp.Found.Equal(st.found) || !rp.Checked.Equal(st.seen)):
			t.Errorf("step %d: replacement %+v; want %s found %s, checked %s", i, rp, st.url, st.found, st.seen)
		}
	}
}
