package fetch_test

import (
	"context"
	"errors"
	"os"
	"regexp"
	"testing"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

// TestSeedTranscript resolves every link of the seed transcript against the
// seed scenario: all confirmed but 73/546, and nothing asked of any host
// but the simulated UN hosts.
func TestSeedTranscript(t *testing.T) {
	// The real transcript stays in shared/ (next to the repository in CI,
	// /work/shared here); it is read, never copied.
	var text []byte
	var err error
	for _, p := range []string{"../../shared/seeds/000_f6527b781c8cc503.txt", "/work/shared/seeds/000_f6527b781c8cc503.txt"} {
		if text, err = os.ReadFile(p); err == nil {
			break
		}
	}
	if err != nil {
		t.Skipf("seed transcript not available: %v", err)
	}
	links := regexp.MustCompile(`https://undocs\.org/\S+`).FindAllString(string(text), -1)
	if len(links) < 10 {
		t.Fatalf("found %d links in the seed; want at least 10", len(links))
	}
	sc, err := unsim.LoadFile("../unsim/testdata/seed.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := startSim(t, sc)
	c := newClient(t, fastOptions(srv.URL))
	reqs := make([]fetch.Request, len(links))
	for i, l := range links {
		reqs[i] = fetch.Request{URL: l}
	}
	got := make([]fetch.Result, len(links))
	seen := 0
	if err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) { got[i] = r; seen++ }); err != nil {
		t.Fatal(err)
	}
	if seen != len(links) {
		t.Fatalf("callback called %d times; want %d", seen, len(links))
	}
	broken := 0
	for i, r := range got {
		if links[i] == "https://undocs.org/ch/73/546" {
			broken++
			if r.Status != fetch.StatusSoft404 {
				t.Errorf("%s: status %s; want soft-404 (%s)", links[i], r.Status, r.Error)
			}
			if !errors.Is(r.Err(), fetch.ErrSoft404) {
				t.Errorf("%s: Err() = %v; want ErrSoft404", links[i], r.Err())
			}
			continue
		}
		if r.Status != fetch.StatusOK || !r.Format.Document() {
			t.Errorf("%s: %s %s (%s); want ok with a document", links[i], r.Status, r.Format, r.Error)
		}
		if len(r.Hops) == 0 && r.FinalURL == r.URL {
			t.Logf("%s: direct", links[i])
		}
	}
	if broken != 1 {
		t.Errorf("saw the broken link %d times; want 1", broken)
	}
	for h := range srv.Stats().ByHost {
		if !isSimHost(h) {
			t.Errorf("request for host %q", h)
		}
	}
}
