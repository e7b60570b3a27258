package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

const apiPath = "/api/symbol/access"

// logFor returns the simulator's log entries for a path once there are n
// of them (the log is written when a handler returns, which may be a moment
// after the client has its answer).
func logFor(t *testing.T, srv *unsim.Server, path string, n int) []unsim.Logged {
	t.Helper()
	var l []unsim.Logged
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		l = l[:0]
		for _, e := range srv.Log() {
			if path == "" || e.Path == path {
				l = append(l, e)
			}
		}
		if len(l) >= n {
			break
		}
	}
	return l
}

// retryGap returns, from the simulator's log for one URL, the time between
// the end of the first answer (the 429) and the arrival of the retry.
func retryGap(t *testing.T, srv *unsim.Server, path string) time.Duration {
	t.Helper()
	l := logFor(t, srv, path, 2)
	if len(l) != 2 || l[0].Code != 429 {
		t.Fatalf("log for %s: %+v; want a 429 and one retry", path, l)
	}
	return l[1].Start.Sub(l[0].Time)
}

// TestRetryAfter: a 429 with Retry-After in seconds and as an HTTP-date is
// waited for (measured at the server) and the link recovered.
func TestRetryAfter(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for Retry-After")
	}
	tests := []struct {
		name, spec string
		min        time.Duration
	}{
		{"seconds", "1", time.Second},
		// "date+2s" is rounded up to the next whole second by the server,
		// so the wait is between 2 and 3 s; the client's clock reading
		// comes a little after the server's.
		{"http-date", "date+2s", 2*time.Second - 50*time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			file := "/doc/ra/" + tt.name + ".pdf"
			sc := (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "RA/1", File: file}).
				AddRule(unsim.Rule{Path: file, Action: unsim.Action429, RetryAfter: tt.spec, Times: 1})
			srv := startSim(t, sc)
			c := newClient(t, fastOptions(srv.URL))
			r := c.ResolveURL(context.Background(), "https://undocs.org/RA/1")
			if r.Status != fetch.StatusOK || !slices.Equal(r.Codes, []int{302, 302, 429, 206}) || r.Attempts != 2 {
				t.Fatalf("got %s, codes %v, %d attempts (%s); want ok after one 429", r.Status, r.Codes, r.Attempts, r.Error)
			}
			if gap := retryGap(t, srv, file); gap < tt.min || gap > tt.min+1500*time.Millisecond {
				t.Errorf("retry came %v after the 429; want about %v", gap, tt.min)
			}
			if r.Timings.Wait < tt.min {
				t.Errorf("Timings.Wait = %v; want ≥ %v", r.Timings.Wait, tt.min)
			}
		})
	}
}

// TestRetryAfterScope: by default a 429 pauses the whole host (no request
// to it until the Retry-After has passed); with PerURLRetryAfter only the
// URL waits.
func TestRetryAfterScope(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for Retry-After")
	}
	for _, perURL := range []bool{false, true} {
		t.Run(fmt.Sprintf("per-url=%v", perURL), func(t *testing.T) {
			t.Parallel()
			sc := (&unsim.Scenario{}).AddRule(unsim.Rule{Symbols: []string{"B/0"}, Action: unsim.Action429, RetryAfter: "1", Times: 1})
			var reqs []fetch.Request
			for i := range 6 {
				sc.AddDoc(unsim.Doc{Symbol: fmt.Sprintf("B/%d", i)})
				reqs = append(reqs, fetch.Request{Symbol: fmt.Sprintf("B/%d", i)})
			}
			srv := startSim(t, sc)
			o := fastOptions(srv.URL)
			o.Limit = fetch.HostLimit{Rate: 20, Concurrency: 1, PerURLRetryAfter: perURL}
			c := newClient(t, o)
			err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
				if r.Status != fetch.StatusOK {
					t.Errorf("%s: %s %s", reqs[i].Symbol, r.Status, r.Error)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			log := logFor(t, srv, "", 6+1)
			if log[0].Code != 429 {
				t.Fatalf("first answer %d; want the 429", log[0].Code)
			}
			quiet := log[1].Start.Sub(log[0].Time)
			if !perURL && quiet < time.Second {
				t.Errorf("next request %v after the 429; the host should rest 1 s", quiet)
			}
			if perURL && quiet > 500*time.Millisecond {
				t.Errorf("next request %v after the 429; only the URL should wait", quiet)
			}
		})
	}
}

// TestRetryAfterCap: a Retry-After beyond MaxRetryAfter ends at once as
// rate-limited with RetryAt, and pauses the host for the other links.
func TestRetryAfterCap(t *testing.T) {
	sc := (&unsim.Scenario{}).AddRule(unsim.Rule{Host: "documents.un.org", Action: unsim.Action429, RetryAfter: "3600"})
	var reqs []fetch.Request
	for i := range 8 {
		sc.AddDoc(unsim.Doc{Symbol: fmt.Sprintf("C/%d", i)})
		reqs = append(reqs, fetch.Request{Symbol: fmt.Sprintf("C/%d", i)})
	}
	srv := startSim(t, sc)
	o := fastOptions(srv.URL)
	o.Limit = fetch.HostLimit{Rate: -1, Concurrency: 2}
	c := newClient(t, o)
	start := time.Now()
	err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
		if r.Status != fetch.StatusRateLimited || !errors.Is(r.Err(), fetch.ErrRateLimited) {
			t.Errorf("%s: %s %v", reqs[i].Symbol, r.Status, r.Err())
		}
		if d := r.RetryAt.Sub(start); d < 59*time.Minute || d > 61*time.Minute {
			t.Errorf("%s: RetryAt in %v; want about an hour", reqs[i].Symbol, d)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v; a long Retry-After must not be waited for", took)
	}
	if n := srv.Stats().ByHost["documents.un.org"]; n > 2 {
		t.Errorf("%d requests after the host said to wait an hour; want at most the 2 in flight", n)
	}
}

// TestTransientRetries: only timeouts, resets, 408, 429 and 5xx are
// retried, with backoff; everything else is answered at once.
func TestTransientRetries(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	pdf := []byte("%PDF-1.7\n")
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		n := hits[r.URL.Path]
		mu.Unlock()
		name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/t/"), ".pdf")
		code, times, _ := strings.Cut(name, "x")
		var c, k int
		fmt.Sscan(code, &c)
		fmt.Sscan(times, &k)
		if c < 100 {
			http.NotFound(w, r) // the fingerprint's symbol that cannot exist
			return
		}
		if k == 0 || n <= k {
			w.WriteHeader(c)
			return
		}
		w.Write(pdf)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	o := fastOptions(srv.URL)
	o.MaxRetries = 3
	c := newClient(t, o)
	tests := []struct {
		path     string
		status   fetch.Status
		requests int
	}{
		{"/t/503x2.pdf", fetch.StatusOK, 3},
		{"/t/500x1.pdf", fetch.StatusOK, 2},
		{"/t/502.pdf", fetch.StatusServerError, 4},
		{"/t/408x1.pdf", fetch.StatusOK, 2},
		{"/t/408.pdf", fetch.StatusTimeout, 4},
		{"/t/429x3.pdf", fetch.StatusOK, 4},
		{"/t/404.pdf", fetch.StatusNotFound, 1},
		{"/t/410.pdf", fetch.StatusNotFound, 1},
		{"/t/400.pdf", fetch.StatusNotFound, 1},
		{"/t/403.pdf", fetch.StatusBlocked, 1},
		{"/t/401.pdf", fetch.StatusBlocked, 1},
		{"/t/451.pdf", fetch.StatusBlocked, 1},
		{"/t/304.pdf", fetch.StatusServerError, 1},
		// Empty where a document was expected, and not the host's page for
		// a missing document (a 404 here): asked once more. The result
		// also counts the fingerprint and two canary requests.
		{"/t/204.pdf", fetch.StatusSoft404, 2},
	}
	for _, tt := range tests {
		r := c.ResolveURL(context.Background(), "https://documents.un.org"+tt.path)
		mu.Lock()
		n := hits[tt.path]
		mu.Unlock()
		counted := tt.requests
		if tt.status == fetch.StatusSoft404 {
			counted += 3
		}
		if r.Status != tt.status || n != tt.requests || r.Requests != counted {
			t.Errorf("%s: %s after %d requests (%d counted); want %s after %d (%s)", tt.path, r.Status, n, r.Requests, tt.status, tt.requests, r.Error)
		}
	}
}

// TestWAFBlocked: the Digital Library's 202 WAF challenge is "blocked", not
// ok and not broken.
func TestWAFBlocked(t *testing.T) {
	srv := startSim(t, &unsim.Scenario{})
	c := newClient(t, fastOptions(srv.URL))
	r := c.ResolveURL(context.Background(), "https://digitallibrary.un.org/record/696939?ln=en")
	if r.Status != fetch.StatusBlocked || r.Code != http.StatusAccepted || !errors.Is(r.Err(), fetch.ErrBlocked) {
		t.Errorf("got %s %d %v; want blocked 202", r.Status, r.Code, r.Err())
	}
	if !strings.Contains(r.Error, "challenge") {
		t.Errorf("error %q does not name the challenge", r.Error)
	}
}

// TestPoliteness: the per-host concurrency cap is never exceeded (counted
// at the server), and the rate is respected (measured at the server).
func TestPoliteness(t *testing.T) {
	sc := &unsim.Scenario{Latency: 30 * time.Millisecond}
	var reqs, syms []fetch.Request
	for i := range 30 {
		sc.AddDoc(unsim.Doc{Symbol: fmt.Sprintf("P/%d", i), Langs: []string{"en", "fr"}})
		syms = append(syms, fetch.Request{Symbol: fmt.Sprintf("P/%d", i)})
		reqs = append(reqs, syms[i], fetch.Request{URL: fmt.Sprintf("https://undocs.org/fr/P/%d", i)})
	}
	srv := startSim(t, sc)
	o := fastOptions(srv.URL)
	o.Workers = 16
	o.Limit = fetch.HostLimit{Rate: -1, Concurrency: 3}
	c := newClient(t, o)
	if err := c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) {
		if r.Status != fetch.StatusOK {
			t.Errorf("%v: %s", reqs[i], r.Status)
		}
	}); err != nil {
		t.Fatal(err)
	}
	st := srv.Stats()
	for _, h := range []string{"documents.un.org", "undocs.org", "docs.un.org"} {
		if got := st.MaxInFlight[h]; got != 3 {
			t.Errorf("%s: at most %d in flight; want exactly the cap, 3", h, got)
		}
		if got := c.HostStats()[h].MaxInFlight; got != 3 {
			t.Errorf("%s: client saw %d in flight; want 3", h, got)
		}
	}

	// Rate: 20 requests per second, burst 1: 21 requests span ≥ 1 s. The
	// times are taken where the client sends each request (its debug log),
	// not where the server sees it: on a loaded machine two requests sent
	// 50 ms apart can arrive together.
	srv.ResetStats()
	sent := &sendTimes{}
	o.Limit = fetch.HostLimit{Rate: 20, Burst: 1, Concurrency: 4}
	o.Logger = slog.New(sent)
	c = newClient(t, o)
	start := time.Now()
	if err := c.ResolveAll(context.Background(), syms[:21], func(int, fetch.Result) {}); err != nil {
		t.Fatal(err)
	}
	starts := sent.times("documents.un.org" + apiPath)
	if len(starts) != 21 {
		t.Fatalf("%d API requests; want 21", len(starts))
	}
	// The limiter reserves a start every 50 ms; scheduling may only delay
	// a send, so the span of 20 intervals is at least 1 s (less a little
	// for a delayed first send), and a burst of 2 (950 ms) fails.
	if span := starts[20].Sub(starts[0]); span < 970*time.Millisecond {
		t.Errorf("21 requests at 20/s spanned %v; want ≥ 1 s", span)
	}
	for i := 0; i+4 < len(starts); i++ {
		if d := starts[i+4].Sub(starts[i]); d < 150*time.Millisecond {
			t.Errorf("requests %d..%d within %v: faster than 20/s", i, i+4, d)
		}
	}
	t.Logf("21 requests at 20/s: %v", time.Since(start))
}

// sendTimes is a slog handler that keeps the times of the client's
// "fetch: request" records, by URL host and path.
type sendTimes struct {
	mu sync.Mutex
	at map[string][]time.Time
}

func (h *sendTimes) Enabled(context.Context, slog.Level) bool { return true }
func (h *sendTimes) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *sendTimes) WithGroup(string) slog.Handler            { return h }
func (h *sendTimes) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "fetch: request" {
		return nil
	}
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "url" {
			if u, err := url.Parse(a.Value.String()); err == nil {
				h.mu.Lock()
				if h.at == nil {
					h.at = map[string][]time.Time{}
				}
				h.at[u.Host+u.Path] = append(h.at[u.Host+u.Path], r.Time)
				h.mu.Unlock()
			}
			return false
		}
		return true
	})
	return nil
}

func (h *sendTimes) times(key string) []time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	ts := slices.Clone(h.at[key])
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	return ts
}

// TestSingleflight: two concurrent resolutions of one URL make one request;
// duplicate requests in a batch are resolved once.
func TestSingleflight(t *testing.T) {
	var hits atomic.Int32
	arrived := make(chan struct{}, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		arrived <- struct{}{}
		time.Sleep(300 * time.Millisecond)
		w.Write([]byte("%PDF-1.4\n"))
	}))
	defer srv.Close()
	c := newClient(t, fastOptions(srv.URL))
	var wg sync.WaitGroup
	res := make([]fetch.Result, 2)
	wg.Add(1)
	go func() { defer wg.Done(); res[0] = c.ResolveSymbol(context.Background(), "A/RES/73/266", "zh") }()
	<-arrived
	wg.Add(1)
	go func() { defer wg.Done(); res[1] = c.ResolveSymbol(context.Background(), "A/RES/73/266", "C") }()
	wg.Wait()
	if n := hits.Load(); n != 1 {
		t.Errorf("%d requests for one URL resolved twice at once; want 1", n)
	}
	if res[0].Status != fetch.StatusOK || res[1].Status != fetch.StatusOK || res[0].Requests+res[1].Requests != 1 {
		t.Errorf("results %s/%d, %s/%d", res[0].Status, res[0].Requests, res[1].Status, res[1].Requests)
	}

	hits.Store(0)
	req := fetch.Request{URL: "https://undocs.org/pdf?symbol=en/A/1"}
	calls := 0
	err := c.ResolveAll(context.Background(), []fetch.Request{req, req, req}, func(i int, r fetch.Result) {
		calls++
		if r.Status != fetch.StatusOK {
			t.Errorf("%d: %s", i, r.Status)
		}
	})
	if err != nil || calls != 3 || hits.Load() != 1 {
		t.Errorf("batch of 3 duplicates: err %v, %d callbacks, %d requests; want nil, 3, 1", err, calls, hits.Load())
	}
}
