package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

// dialLog records the dials a client makes (through the test hook) and
// connects every permitted one to target, a loopback test server: the
// client believes it talks to a public address, the packets stay local.
type dialLog struct {
	mu     sync.Mutex
	dials  []netip.AddrPort
	target string // "" refuses every dial
}

func (d *dialLog) hook(ctx context.Context, network string, ap netip.AddrPort) (net.Conn, error) {
	d.mu.Lock()
	d.dials = append(d.dials, ap)
	d.mu.Unlock()
	if d.target == "" {
		return nil, errors.New("test: dial refused by the test hook")
	}
	var nd net.Dialer
	return nd.DialContext(ctx, network, d.target)
}

func (d *dialLog) seen() []netip.AddrPort {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]netip.AddrPort(nil), d.dials...)
}

// countConns counts the TCP connections a test server accepts.
func countConns(srv *httptest.Server) *atomic.Int32 {
	var n atomic.Int32
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			n.Add(1)
		}
	}
	return &n
}

// fakeDNS answers from a table; anything else fails.
func fakeDNS(table map[string][]string, calls *atomic.Int32) func(context.Context, string) ([]netip.Addr, error) {
	return func(_ context.Context, host string) ([]netip.Addr, error) {
		calls.Add(1)
		var out []netip.Addr
		for _, s := range table[host] {
			out = append(out, netip.MustParseAddr(s))
		}
		if out == nil {
			return nil, fmt.Errorf("test DNS: no such host %q", host)
		}
		return out, nil
	}
}

// TestForbiddenAddresses: links and redirects that lead to loopback,
// private, link-local or unspecified addresses, directly or through DNS,
// are refused before any connection is made.
func TestForbiddenAddresses(t *testing.T) {
	local := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("%PDF-1.7 secret\n"))
	}))
	localConns := countConns(local)
	local.Start()
	defer local.Close()
	_, localPort, _ := net.SplitHostPort(local.Listener.Addr().String())

	// The "public" server: reached by the client as 93.184.216.34 (a
	// public address, as far as the address check can tell), really a
	// loopback test server, through the dial hook.
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-intranet":
			http.Redirect(w, r, "http://intranet.example/doc.pdf", http.StatusFound)
		case "/to-loopback":
			http.Redirect(w, r, "http://127.0.0.1:"+localPort+"/doc.pdf", http.StatusMovedPermanently)
		case "/to-metadata":
			w.Write([]byte(`<meta http-equiv="refresh" content="0;url=http://169.254.169.254/latest/meta-data/">`))
		case "/doc.pdf":
			w.Write([]byte("%PDF-1.7\n"))
		}
	}))
	defer public.Close()

	var lookups atomic.Int32
	dns := fakeDNS(map[string][]string{
		"public.example":   {"93.184.216.34"},
		"intranet.example": {"10.0.0.8"},
		"mixed.example":    {"10.1.2.3", "::1", "fd00::1"},
		"localhost":        {"127.0.0.1", "::1"},
		"mapped.example":   {"::ffff:192.168.0.1"},
	}, &lookups)
	dl := &dialLog{target: public.Listener.Addr().String()}
	c, err := fetch.New(fetch.Options{AllowHosts: []string{"*"}, LookupIP: dns, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fetch.SetDialHook(c, dl.hook)

	tests := []struct {
		url  string
		hops int
	}{
		{"http://127.0.0.1:" + localPort + "/doc.pdf", 0},
		{"http://[::1]:" + localPort + "/doc.pdf", 0},
		{"http://localhost:" + localPort + "/doc.pdf", 0},
		{"http://0.0.0.0:" + localPort + "/doc.pdf", 0},
		{"http://10.20.30.40/doc.pdf", 0},
		{"http://169.254.169.254/latest/meta-data/", 0},
		{"http://intranet.example/doc.pdf", 0},
		{"http://mixed.example/doc.pdf", 0},
		{"http://mapped.example/doc.pdf", 0},
		{"http://public.example/to-intranet", 1},
		{"http://public.example/to-loopback", 1},
		{"http://public.example/to-metadata", 1},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			r := c.ResolveURL(context.Background(), tt.url)
			if r.Status != fetch.StatusInvalid || !errors.Is(r.Err(), fetch.ErrForbiddenAddress) {
				t.Fatalf("got %s %v; want invalid, ErrForbiddenAddress", r.Status, r.Err())
			}
			if len(r.Hops) != tt.hops {
				t.Errorf("%d hops; want %d: %+v", len(r.Hops), tt.hops, r.Hops)
			}
		})
	}
	// Every dial that passed the check went to the public address (the
	// connection is reused between the redirecting links).
	dials := dl.seen()
	if len(dials) == 0 {
		t.Errorf("no dial at all: the redirecting links were not followed")
	}
	for _, d := range dials {
		if d.Addr() != netip.MustParseAddr("93.184.216.34") {
			t.Errorf("dialed %s", d)
		}
	}
	if n := localConns.Load(); n != 0 {
		t.Errorf("the loopback server accepted %d connections; want 0", n)
	}
	// The same public link that redirects to a document works: the hook
	// really connects, so the refusals above are the address check's doing.
	if r := c.ResolveURL(context.Background(), "http://public.example/doc.pdf"); r.Status != fetch.StatusOK {
		t.Errorf("control: %s %s", r.Status, r.Error)
	}

	// AllowPrivateAddresses lets the dial through (to the hook, which
	// refuses it: no packet goes to 10.0.0.8).
	dl2 := &dialLog{}
	c2, _ := fetch.New(fetch.Options{AllowHosts: []string{"*"}, LookupIP: dns, AllowPrivateAddresses: true, MaxRetries: -1})
	defer c2.Close()
	fetch.SetDialHook(c2, dl2.hook)
	r := c2.ResolveURL(context.Background(), "http://intranet.example/doc.pdf")
	if got := dl2.seen(); len(got) != 1 || got[0].Addr() != netip.MustParseAddr("10.0.0.8") || r.Status != fetch.StatusNetwork {
		t.Errorf("with AllowPrivateAddresses: dials %v, status %s; want one dial to 10.0.0.8", got, r.Status)
	}
}

// TestBaseURLConfinement: with a base URL, the client talks to the base
// and nothing else: redirects to other hosts, IP literals or the base's
// own address under another name are refused without a DNS lookup or a
// dial.
func TestBaseURLConfinement(t *testing.T) {
	other := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	otherConns := countConns(other)
	other.Start()
	defer other.Close()

	var hosts sync.Map
	base := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hosts.Store(r.Host, true)
		switch r.URL.Path {
		case "/evil":
			http.Redirect(w, r, "https://evil.example/x.pdf", http.StatusFound)
		case "/ip":
			http.Redirect(w, r, other.URL+"/x.pdf", http.StatusFound)
		case "/self":
			http.Redirect(w, r, "http://"+r.Context().Value(http.LocalAddrContextKey).(net.Addr).String()+"/x.pdf", http.StatusFound)
		case "/frame":
			w.Write([]byte(`<iframe src="https://attacker.example/x.pdf"></iframe>`))
		case "/ok":
			http.Redirect(w, r, "https://documents.un.org/x.pdf", http.StatusFound)
		case "/x.pdf":
			w.Write([]byte("%PDF-1.7\n"))
		}
	}))
	baseConns := countConns(base)
	base.Start()
	defer base.Close()

	var lookups atomic.Int32
	dl := &dialLog{target: base.Listener.Addr().String()}
	o := fastOptions(base.URL)
	o.LookupIP = fakeDNS(nil, &lookups)
	c := newClient(t, o)
	fetch.SetDialHook(c, dl.hook)
	for _, p := range []string{"/evil", "/ip", "/self", "/frame"} {
		r := c.ResolveURL(context.Background(), "https://undocs.org"+p)
		if r.Status != fetch.StatusInvalid || !errors.Is(r.Err(), fetch.ErrHostNotAllowed) || len(r.Hops) != 1 {
			t.Errorf("%s: %s %v, hops %+v; want invalid ErrHostNotAllowed after one hop", p, r.Status, r.Err(), r.Hops)
		}
	}
	if r := c.ResolveURL(context.Background(), "https://undocs.org/ok"); r.Status != fetch.StatusOK || r.FinalURL != "https://documents.un.org/x.pdf" {
		t.Errorf("control: %s %s", r.Status, r.FinalURL)
	}
	if n := lookups.Load(); n != 0 {
		t.Errorf("%d DNS lookups; want none", n)
	}
	for _, d := range dl.seen() {
		if d.String() != base.Listener.Addr().String() {
			t.Errorf("dialed %s; only the base %s is allowed", d, base.Listener.Addr())
		}
	}
	if otherConns.Load() != 0 || baseConns.Load() == 0 {
		t.Errorf("connections: other %d, base %d", otherConns.Load(), baseConns.Load())
	}
	hosts.Range(func(k, _ any) bool {
		if h := k.(string); h != "undocs.org" && h != "documents.un.org" {
			t.Errorf("the base got a request for Host %q", h)
		}
		return true
	})

	// Without the hook: the loopback exception is for the base address
	// only, and with the real dialer.
	o.LookupIP = nil
	c = newClient(t, o)
	if r := c.ResolveURL(context.Background(), "https://undocs.org/ok"); r.Status != fetch.StatusOK {
		t.Errorf("real dialer to the loopback base: %s %s", r.Status, r.Error)
	}
}

func TestBadOptions(t *testing.T) {
	for _, b := range []string{"ftp://127.0.0.1:1", "http://127.0.0.1:1/prefix", "http://u:p@127.0.0.1:1", "http://127.0.0.1:1?x=1", "http://", "::"} {
		if _, err := fetch.New(fetch.Options{BaseURL: b}); !errors.Is(err, fetch.ErrBadOptions) {
			t.Errorf("BaseURL %q: err %v; want ErrBadOptions", b, err)
		}
	}
	for _, b := range []string{"http://127.0.0.1:8080", "http://127.0.0.1:8080/", "https://[::1]:8443", "http://localhost"} {
		if _, err := fetch.New(fetch.Options{BaseURL: b}); err != nil {
			t.Errorf("BaseURL %q: %v", b, err)
		}
	}
}

// TestInvalidRequests: refused before any network use.
func TestInvalidRequests(t *testing.T) {
	var lookups atomic.Int32
	dl := &dialLog{}
	c := newClient(t, fetch.Options{LookupIP: fakeDNS(nil, &lookups)})
	fetch.SetDialHook(c, dl.hook)
	tests := []struct {
		req  fetch.Request
		want error
	}{
		{fetch.Request{}, fetch.ErrBadRequest},
		{fetch.Request{URL: "https://undocs.org/A/1", Symbol: "A/1"}, fetch.ErrBadRequest},
		{fetch.Request{URL: "ftp://undocs.org/A/1"}, fetch.ErrScheme},
		{fetch.Request{URL: "file:///etc/passwd"}, fetch.ErrScheme},
		{fetch.Request{URL: "javascript:alert(1)"}, fetch.ErrScheme},
		{fetch.Request{URL: "undocs.org/A/1"}, fetch.ErrScheme},
		{fetch.Request{URL: "https://example.org/A/1"}, fetch.ErrHostNotAllowed},
		{fetch.Request{URL: "https://undocs.org.evil.example/A/1"}, fetch.ErrHostNotAllowed},
		{fetch.Request{URL: "https://user:pw@undocs.org/A/1"}, fetch.ErrInvalidURL},
		{fetch.Request{URL: "https://[::1/"}, fetch.ErrInvalidURL},
		{fetch.Request{URL: "https:///A/1"}, fetch.ErrInvalidURL},
		{fetch.Request{Symbol: "A/1", Lang: "de"}, fetch.ErrUnknownLanguage},
		{fetch.Request{Symbol: " ", Lang: "en"}, fetch.ErrEmptySymbol},
		{fetch.Request{Symbol: "A/1", Endpoint: "ftp"}, fetch.ErrBadRequest},
		{fetch.Request{URL: "https://undocs.org/A/1", Expect: "anything"}, fetch.ErrBadRequest},
	}
	for _, tt := range tests {
		r := c.Resolve(context.Background(), tt.req)
		if r.Status != fetch.StatusInvalid || !errors.Is(r.Err(), tt.want) {
			t.Errorf("%+v: %s %v; want invalid, %v", tt.req, r.Status, r.Err(), tt.want)
		}
	}
	if lookups.Load() != 0 || len(dl.seen()) != 0 {
		t.Errorf("%d lookups, dials %v; want none", lookups.Load(), dl.seen())
	}
}

// TestBodyBounds: a gzip bomb and an endless body cost at most
// MaxHTMLBytes of reading, little memory and little time.
func TestBodyBounds(t *testing.T) {
	for _, action := range []unsim.Action{unsim.ActionGzipBomb, unsim.ActionEndless} {
		t.Run(string(action), func(t *testing.T) {
			sc := (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "BOMB/1"}).
				AddRule(unsim.Rule{Host: "undocs.org", Symbols: []string{"BOMB/1"}, Action: action})
			srv := startSim(t, sc)
			o := fastOptions(srv.URL)
			o.MaxHTMLBytes = 256 << 10
			c := newClient(t, o)
			runtime.GC()
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			start := time.Now()
			r := c.ResolveURL(context.Background(), "https://undocs.org/en/BOMB/1")
			took := time.Since(start)
			runtime.ReadMemStats(&m1)
			if r.BytesRead != 256<<10 || r.Format != fetch.FormatHTML || r.Status != fetch.StatusSoft404 {
				t.Errorf("read %d bytes, %s %s (%s); want 256 KiB of HTML, soft-404", r.BytesRead, r.Format, r.Status, r.Error)
			}
			if took > 5*time.Second {
				t.Errorf("took %v", took)
			}
			// Allocation by the whole process (simulator included) while
			// resolving; the bodies inflate to 1 GiB if read to the end.
			if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
			// What the simulator managed to send before the client hung up.
			for deadline := time.Now().Add(2 * time.Second); srv.Stats().Total == 0 && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond)
			}
			if fb := srv.Stats().FaultBytes; fb > 64<<20 {
				t.Errorf("simulator wrote %d MiB before the client stopped", fb>>20)
			} else {
				t.Logf("simulator wrote %d KiB on the wire", fb>>10)
			}
		})
	}
}

// TestResetsAndTimeouts: resets are retried, slow answers time out.
func TestResetsAndTimeouts(t *testing.T) {
	sc := (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "R/1"}, unsim.Doc{Symbol: "R/2"}, unsim.Doc{Symbol: "S/1"}).
		AddRule(
			unsim.Rule{Host: "documents.un.org", Symbols: []string{"R/1"}, Action: unsim.ActionReset, Times: 1},
			unsim.Rule{Host: "documents.un.org", Symbols: []string{"R/2"}, Action: unsim.ActionReset},
			unsim.Rule{Host: "documents.un.org", Symbols: []string{"S/1"}, Action: unsim.ActionSlow, Delay: 3 * time.Second},
		)
	srv := startSim(t, sc)
	o := fastOptions(srv.URL)
	o.MaxRetries = 2
	o.RequestTimeout = 150 * time.Millisecond
	c := newClient(t, o)

	r := c.ResolveSymbol(context.Background(), "R/1", "en")
	if r.Status != fetch.StatusOK || r.Attempts != 2 || r.Requests != 2 {
		t.Errorf("reset once: %s, %d attempts, %d requests (%s); want ok after 2", r.Status, r.Attempts, r.Requests, r.Error)
	}
	r = c.ResolveSymbol(context.Background(), "R/2", "en")
	if r.Status != fetch.StatusNetwork || r.Attempts != 3 || r.Code != 0 {
		t.Errorf("reset always: %s, %d attempts (%s); want network after 3", r.Status, r.Attempts, r.Error)
	}
	start := time.Now()
	r = c.ResolveSymbol(context.Background(), "S/1", "en")
	if r.Status != fetch.StatusTimeout || r.Attempts != 3 || time.Since(start) > 2*time.Second {
		t.Errorf("slow: %s, %d attempts in %v (%s); want timeout after 3", r.Status, r.Attempts, time.Since(start), r.Error)
	}
	if !strings.Contains(r.Error, "deadline") && !strings.Contains(r.Error, "timeout") {
		t.Errorf("timeout error %q", r.Error)
	}
}
