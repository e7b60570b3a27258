package fetch_test

import (
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

// startSim starts a simulator for sc and stops it with the test.
func startSim(t testing.TB, sc *unsim.Scenario) *unsim.Server {
	t.Helper()
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// fastOptions are Options for tests against the simulator: no politeness
// delays worth waiting for, short backoffs.
func fastOptions(base string) fetch.Options {
	return fetch.Options{
		BaseURL:        base,
		Limit:          fetch.HostLimit{Rate: -1, Concurrency: 4},
		RetryBase:      10 * time.Millisecond,
		RetryMax:       50 * time.Millisecond,
		RequestTimeout: 5 * time.Second,
	}
}

func newClient(t testing.TB, o fetch.Options) *fetch.Client {
	t.Helper()
	c, err := fetch.New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func isSimHost(h string) bool {
	for _, s := range unsim.Hosts {
		if s == h {
			return true
		}
	}
	return false
}
