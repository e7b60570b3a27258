package unsim_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xref-un/xref/unsim"
)

func start(t *testing.T, sc *unsim.Scenario) *unsim.Server {
	t.Helper()
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// get sends one GET for host+pathq to the simulator, without following
// redirects and without transparent gzip, and returns the answer and its
// (decoded) body.
func get(t *testing.T, srv *unsim.Server, host, pathq string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+pathq, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	c := &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport:     &http.Transport{DisableCompression: true},
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("GET %s%s: %v", host, pathq, err)
	}
	defer resp.Body.Close()
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	body, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func corpus() *unsim.Scenario {
	return (&unsim.Scenario{}).AddDoc(
		unsim.Doc{Symbol: "A/RES/73/266", Langs: []string{"en", "zh"}},
		unsim.Doc{Symbol: "S/RES/1540(2004)", Langs: []string{"fr"}, Via: unsim.ViaMetaRefresh, Format: unsim.FormatDOCX},
		unsim.Doc{Symbol: "A/RES/80/1", State: unsim.Unpublished},
		unsim.Doc{Symbol: "CD/2141", Langs: []string{"zh"}, Via: unsim.ViaIframe},
	)
}

// TestRoutes plays each host's normal behaviour.
func TestRoutes(t *testing.T) {
	srv := start(t, corpus())
	tests := []struct {
		name, host, path string
		hdr              []string
		code             int
		location         string // exact Location, if any
		bodyPrefix       string
		bodyContains     string
	}{
		{"undocs redirects to the viewer", "undocs.org", "/zh/A/RES/73/266", nil, 302, "https://docs.un.org/zh/A/RES/73/266", "", ""},
		{"www.undocs.org too", "www.undocs.org", "/en/A/RES/73/266", nil, 302, "https://docs.un.org/en/A/RES/73/266", "", ""},
		{"ch is served like zh", "undocs.org", "/ch/A/RES/73/266", nil, 302, "https://docs.un.org/zh/A/RES/73/266", "", ""},
		{"no segment is English", "undocs.org", "/A/RES/73/266", nil, 302, "https://docs.un.org/en/A/RES/73/266", "", ""},
		{"unknown symbols go to the viewer too", "undocs.org", "/ch/73/546", nil, 302, "https://docs.un.org/zh/73/546", "", ""},
		{"parentheses kept", "undocs.org", "/en/S/RES/1(1946)", nil, 302, "https://docs.un.org/en/S/RES/1(1946)", "", ""},
		{"viewer: unknown symbol is the 200 stub", "docs.un.org", "/zh/73/546", nil, 200, "", "<!DOCTYPE html>", "Document not found"},
		{"viewer: language not held is the stub", "docs.un.org", "/fr/A/RES/73/266", nil, 200, "", "<!DOCTYPE html>", "Document not found"},
		{"meta refresh, first page", "undocs.org", "/fr/S/RES/1540(2004)", nil, 200, "", "", `content="1; URL=/tmp/`},
		{"iframe viewer", "undocs.org", "/zh/CD/2141", nil, 200, "", "", `<iframe id="viewer" name="document" src="https://documents.un.org/doc/undoc/gen/`},
		{"API, one-letter language", "documents.un.org", "/api/symbol/access?s=A%2FRES%2F73%2F266&l=C&t=pdf", nil, 200, "", "%PDF-1.7", ""},
		{"API, ISO language", "documents.un.org", "/api/symbol/access?s=A%2FRES%2F73%2F266&l=en&t=pdf", nil, 200, "", "%PDF-1.7", ""},
		{"API, case and spaces ignored", "documents.un.org", "/api/symbol/access?s=s%2Fres%2F1540+%282004%29&l=F&t=pdf", nil, 200, "", "PK\x03\x04", ""},
		{"API, range", "documents.un.org", "/api/symbol/access?s=A/RES/73/266&l=E", []string{"Range", "bytes=0-99"}, 206, "", "%PDF-1.7", ""},
		{"API, unknown symbol is the 200 stub", "documents.un.org", "/api/symbol/access?s=A%2FRES%2F99999%2F1&l=E&t=pdf", nil, 200, "", "<!DOCTYPE html>", "Document not found"},
		{"API, unpublished is 200 empty", "documents.un.org", "/api/symbol/access?s=A%2FRES%2F80%2F1&l=E&t=pdf", nil, 200, "", "", ""},
		{"unknown file path is 404", "documents.un.org", "/doc/undoc/gen/n00/000/00/pdf/n0000000.pdf", nil, 404, "", "", ""},
		{"Digital Library WAF", "digitallibrary.un.org", "/record/696939?ln=en", nil, 202, "", "", "WAF"},
		{"daccess-ods agent", "daccess-ods.un.org", "/access.nsf/Get?OpenAgent&DS=A/RES/73/266&Lang=E", nil, 200, "", "", `<META HTTP-EQUIV="Refresh" CONTENT="0;url='https://documents-dds-ny.un.org/doc/undoc/gen/`},
		{"view_doc.asp frameset", "www.un.org", "/en/ga/search/view_doc.asp?symbol=A/RES/73/266", nil, 200, "", "", `<frame name="document" src="https://documents.un.org/doc/`},
		{"not a UN host", "evil.example", "/x", nil, 421, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, srv, tt.host, tt.path, tt.hdr...)
			if resp.StatusCode != tt.code {
				t.Fatalf("code %d; want %d (%.80q)", resp.StatusCode, tt.code, body)
			}
			if tt.location != "" && resp.Header.Get("Location") != tt.location {
				t.Errorf("Location %q; want %q", resp.Header.Get("Location"), tt.location)
			}
			if !bytes.HasPrefix(body, []byte(tt.bodyPrefix)) || !bytes.Contains(body, []byte(tt.bodyContains)) {
				t.Errorf("body %.120q; want prefix %q containing %q", body, tt.bodyPrefix, tt.bodyContains)
			}
		})
	}
	if n := srv.Stats().ByHost["evil.example"]; n != 1 {
		t.Errorf("requests for the foreign host counted %d; want 1", n)
	}
}

// TestStub: the "not found" page is about 1.3 KB, as reported of the real one.
func TestStub(t *testing.T) {
	srv := start(t, corpus())
	_, body := get(t, srv, "documents.un.org", "/api/symbol/access?s=X&l=E&t=pdf")
	if n := len(body); n < 1250 || n > 1450 {
		t.Errorf("stub is %d bytes; want about 1.3 KB", n)
	}
	resp, _ := get(t, srv, "documents.un.org", "/api/symbol/access?s=X&l=E&t=pdf", "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("HTML not gzip-encoded for a client that accepts it")
	}
}

// TestFiles: real magic bytes, validators, conditional requests, and a
// version change that changes bytes and ETag but not the URL.
func TestFiles(t *testing.T) {
	magic := map[string]string{
		unsim.FormatPDF: "%PDF-1.7", unsim.FormatDOCX: "PK\x03\x04", unsim.FormatDOC: "\xd0\xcf\x11\xe0", unsim.FormatWordPerfect: "\xffWPC",
	}
	for format, m := range magic {
		sc := (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "F/1", Format: format, Size: 5000})
		srv := start(t, sc)
		resp, body := get(t, srv, "documents.un.org", "/api/symbol/access?s=F/1&l=E")
		if !bytes.HasPrefix(body, []byte(m)) || len(body) != 5000 || resp.Header.Get("ETag") == "" || resp.Header.Get("Last-Modified") == "" {
			t.Errorf("%s: %d bytes %.10q, ETag %q", format, len(body), body, resp.Header.Get("ETag"))
		}
		resp, _ = get(t, srv, "documents.un.org", "/api/symbol/access?s=F/1&l=E", "If-None-Match", resp.Header.Get("ETag"))
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s: If-None-Match gave %d; want 304", format, resp.StatusCode)
		}
	}
	sc1 := (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "V/1"})
	sc2 := (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "V/1", Version: 2})
	srv := start(t, sc1)
	r1, b1 := get(t, srv, "docs.un.org", "/en/V/1")
	_, f1 := get(t, srv, "documents.un.org", strings.TrimPrefix(r1.Header.Get("Location"), "https://documents.un.org"))
	if err := srv.SetScenario(sc2); err != nil {
		t.Fatal(err)
	}
	r2, b2 := get(t, srv, "docs.un.org", "/en/V/1")
	_, f2 := get(t, srv, "documents.un.org", strings.TrimPrefix(r2.Header.Get("Location"), "https://documents.un.org"))
	if r1.Header.Get("Location") != r2.Header.Get("Location") || !bytes.Equal(b1, b2) || bytes.Equal(f1[:200], f2[:200]) {
		t.Errorf("version 2 should keep the URL and change the first bytes")
	}
}

// TestUnknownLangSegment: with the aliases switched off, "ch" is read as
// part of the symbol, and the link finds nothing.
func TestUnknownLangSegment(t *testing.T) {
	sc := corpus()
	sc.LangAliases = map[string]string{}
	srv := start(t, sc)
	resp, _ := get(t, srv, "undocs.org", "/ch/A/RES/73/266")
	if loc := resp.Header.Get("Location"); loc != "https://docs.un.org/en/ch/A/RES/73/266" {
		t.Fatalf("Location %q", loc)
	}
	_, body := get(t, srv, "docs.un.org", "/en/ch/A/RES/73/266")
	if !bytes.Contains(body, []byte("Document not found")) {
		t.Errorf("want the stub")
	}
}

// TestSoftBlockWindow: After requests in Window pass, the next get the
// stub even for documents that exist, until the client rests for Window.
func TestSoftBlockWindow(t *testing.T) {
	sc := corpus()
	sc.SoftBlock = &unsim.SoftBlock{After: 3, Window: 300 * time.Millisecond}
	srv := start(t, sc)
	const q = "/api/symbol/access?s=A/RES/73/266&l=E"
	for i := range 5 {
		_, body := get(t, srv, "documents.un.org", q)
		if pdf := bytes.HasPrefix(body, []byte("%PDF")); pdf != (i < 3) {
			t.Errorf("request %d: PDF %v", i+1, pdf)
		}
	}
	// Other hosts are not blocked.
	if resp, _ := get(t, srv, "undocs.org", "/en/A/RES/73/266"); resp.StatusCode != 302 {
		t.Errorf("undocs.org blocked too")
	}
	time.Sleep(350 * time.Millisecond)
	if _, body := get(t, srv, "documents.un.org", q); !bytes.HasPrefix(body, []byte("%PDF")) {
		t.Errorf("still blocked after resting for the window")
	}
}

// TestRules plays the injected behaviours.
func TestRules(t *testing.T) {
	sc := corpus().AddRule(
		unsim.Rule{Path: "/429s", Action: unsim.Action429, RetryAfter: "7", Times: 1},
		unsim.Rule{Path: "/429d", Action: unsim.Action429, RetryAfter: "date+3s"},
		unsim.Rule{Path: "/503", Action: unsim.Action503},
		unsim.Rule{Path: "/418", Action: unsim.ActionStatus, Status: 418},
		unsim.Rule{Host: "undocs.org", Symbols: []string{"a/res/73/266"}, Action: unsim.ActionStub},
		unsim.Rule{Path: "/empty", Action: unsim.ActionEmpty},
		unsim.Rule{Path: "/waf", Action: unsim.ActionWAF},
		unsim.Rule{Path: "/loop", Action: unsim.ActionLoop},
		unsim.Rule{Path: "/slow", Action: unsim.ActionSlow, Delay: 200 * time.Millisecond},
		unsim.Rule{Path: "/once", Action: unsim.Action500, Times: 2, PerRule: true},
	)
	srv := start(t, sc)

	resp, _ := get(t, srv, "docs.un.org", "/429s/a")
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "7" {
		t.Errorf("429 seconds: %d %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if resp, _ := get(t, srv, "docs.un.org", "/429s/a"); resp.StatusCode == 429 {
		t.Errorf("Times: 1 should let the second request through")
	}
	if resp, _ := get(t, srv, "docs.un.org", "/429s/b"); resp.StatusCode != 429 {
		t.Errorf("Times counts per URL: /429s/b should get its own 429")
	}
	before := time.Now()
	resp, _ = get(t, srv, "docs.un.org", "/429d")
	when, err := http.ParseTime(resp.Header.Get("Retry-After"))
	if err != nil || when.Sub(before) < 3*time.Second || when.Sub(before) > 4*time.Second {
		t.Errorf("429 date: %q (%v after the request)", resp.Header.Get("Retry-After"), when.Sub(before))
	}
	if resp, _ := get(t, srv, "docs.un.org", "/503"); resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "" {
		t.Errorf("503: %d %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if resp, _ := get(t, srv, "docs.un.org", "/418"); resp.StatusCode != 418 {
		t.Errorf("status: %d", resp.StatusCode)
	}
	if _, body := get(t, srv, "undocs.org", "/zh/A/RES/73/266"); !bytes.Contains(body, []byte("Document not found")) {
		t.Errorf("stub rule by symbol not applied")
	}
	if resp, body := get(t, srv, "docs.un.org", "/empty"); resp.StatusCode != 200 || len(body) != 0 {
		t.Errorf("empty: %d, %d bytes", resp.StatusCode, len(body))
	}
	if resp, _ := get(t, srv, "docs.un.org", "/waf"); resp.StatusCode != 202 || resp.Header.Get("X-Amzn-Waf-Action") != "challenge" || resp.Header.Get("Server") != "awselb/2.0" {
		t.Errorf("waf: %d %v", resp.StatusCode, resp.Header)
	}
	r1, _ := get(t, srv, "undocs.org", "/loop/x")
	r2, _ := get(t, srv, "docs.un.org", "/loop/x")
	if r1.Header.Get("Location") != "https://docs.un.org/loop/x" || r2.Header.Get("Location") != "https://undocs.org/loop/x" {
		t.Errorf("loop: %q, %q", r1.Header.Get("Location"), r2.Header.Get("Location"))
	}
	start := time.Now()
	if resp, _ := get(t, srv, "docs.un.org", "/slow"); time.Since(start) < 200*time.Millisecond || resp.StatusCode != 200 {
		t.Errorf("slow: %d after %v", resp.StatusCode, time.Since(start))
	}
	codes := []int{}
	for _, p := range []string{"/once/a", "/once/b", "/once/c"} {
		resp, _ := get(t, srv, "docs.un.org", p)
		codes = append(codes, resp.StatusCode)
	}
	if codes[0] != 500 || codes[1] != 500 || codes[2] == 500 {
		t.Errorf("PerRule Times 2: %v", codes)
	}
}

// TestReset: the connection is reset without an answer.
func TestReset(t *testing.T) {
	srv := start(t, (&unsim.Scenario{}).AddRule(unsim.Rule{Action: unsim.ActionReset}))
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/x", nil)
	req.Host = "undocs.org"
	_, err := http.DefaultTransport.RoundTrip(req)
	if err == nil {
		t.Fatal("got an answer; want a reset")
	}
	if st := srv.Stats(); st.Codes[0] != 1 {
		t.Errorf("codes %v; want one reset (0)", st.Codes)
	}
}

// TestFaultBodies: the endless body and the gzip bomb stream until the
// client stops, which costs the simulator little.
func TestFaultBodies(t *testing.T) {
	srv := start(t, (&unsim.Scenario{}).AddRule(
		unsim.Rule{Path: "/endless", Action: unsim.ActionEndless},
		unsim.Rule{Path: "/bomb", Action: unsim.ActionGzipBomb},
	))
	for _, p := range []string{"/endless", "/bomb"} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+p, nil)
		req.Host = "undocs.org"
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = resp.Body
		if p == "/bomb" {
			if resp.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("bomb not gzip")
			}
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
		}
		buf := make([]byte, 8<<20)
		n, err := io.ReadFull(r, buf)
		resp.Body.Close()
		if n != len(buf) || err != nil || !bytes.HasPrefix(buf, []byte("<!DOCTYPE html>")) {
			t.Errorf("%s: read %d bytes (%v); want 8 MiB of HTML", p, n, err)
		}
	}
	time.Sleep(100 * time.Millisecond)
	if fb := srv.Stats().FaultBytes; fb == 0 {
		t.Errorf("fault bytes not counted")
	}
}

// TestLatencyAndLog: latency is added, and the log and counters see every
// request.
func TestLatencyAndLog(t *testing.T) {
	sc := corpus()
	sc.Latency = 50 * time.Millisecond
	srv := start(t, sc)
	start := time.Now()
	get(t, srv, "undocs.org", "/en/A/RES/73/266", "User-Agent", "test-agent")
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("answered in %v; latency 50 ms", d)
	}
	time.Sleep(20 * time.Millisecond)
	l := srv.Log()
	if len(l) != 1 || l[0].Host != "undocs.org" || l[0].Path != "/en/A/RES/73/266" || l[0].Code != 302 || l[0].UserAgent != "test-agent" ||
		l[0].Symbol != "A/RES/73/266" || l[0].Time.Sub(l[0].Start) < 50*time.Millisecond {
		t.Errorf("log %+v", l)
	}
	if srv.Count("undocs.org", "/en/A/RES/73/266") != 1 || srv.Stats().ByURL["undocs.org/en/A/RES/73/266"] != 1 {
		t.Errorf("counters %+v", srv.Stats())
	}
	srv.ResetStats()
	if srv.Stats().Total != 0 || len(srv.Log()) != 0 {
		t.Errorf("ResetStats left counts")
	}
}

func TestLoadFiles(t *testing.T) {
	seed, err := unsim.LoadFile("testdata/seed.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(seed.Docs) != 20 {
		t.Errorf("seed: %d doc entries; want 10 symbols × 2 languages", len(seed.Docs))
	}
	n2, err := unsim.LoadFile("testdata/night2.json")
	if err != nil {
		t.Fatal(err)
	}
	syms := map[string]int{}
	for _, d := range n2.Docs {
		syms[d.Symbol+"/"+d.Langs[0]]++
		if d.Symbol == "A/RES/73/266" && d.Langs[0] == "en" && d.File == "" {
			t.Errorf("night2: the en file did not move")
		}
	}
	if syms["A/RES/73/27/en"] != 0 || syms["A/RES/73/266/zh"] != 1 || syms["CD/2141/en"] != 1 {
		t.Errorf("night2 docs %v", syms)
	}
	n3, err := unsim.LoadFile("testdata/night3.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(n3.Rules) != 1 || n3.Rules[0].RetryAfter != "129600" || len(n3.Docs) != len(n2.Docs) || n3.Name != "night3" {
		t.Errorf("night3: %d rules, %d docs", len(n3.Rules), len(n3.Docs))
	}

	dir := t.TempDir()
	bad := map[string]string{
		"unknown field":  `{"docz": []}`,
		"bad via":        `{"docs": [{"symbol": "A/1", "via": "teleport"}]}`,
		"bad language":   `{"docs": [{"symbol": "A/1", "langs": ["de"]}]}`,
		"bad action":     `{"rules": [{"action": "explode"}]}`,
		"bad retry":      `{"rules": [{"action": "429", "retry_after": "soon"}]}`,
		"bad latency":    `{"latency": "fast"}`,
		"bad soft block": `{"soft_block": {"after": 0, "window": "1s"}}`,
		"missing parent": `{"extends": "nowhere.json"}`,
		"self extends":   `{"extends": "self extends.json"}`,
	}
	for name, body := range bad {
		p := filepath.Join(dir, name+".json")
		os.WriteFile(p, []byte(body), 0o644)
		if _, err := unsim.LoadFile(p); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
	good := filepath.Join(dir, "good.json")
	os.WriteFile(good, []byte(`{"latency": "20ms", "soft_block": {"after": 300, "window": "5m"},
		"rules": [{"action": "slow", "delay": "1s", "path": "/x"}], "docs": [{"symbol": "A/1"}]}`), 0o644)
	sc, err := unsim.LoadFile(good)
	if err != nil || sc.Latency != 20*time.Millisecond || sc.Rules[0].Delay != time.Second || sc.SoftBlock.Window != 5*time.Minute {
		t.Errorf("good: %+v %v", sc, err)
	}
}

func TestStartLoopbackOnly(t *testing.T) {
	for _, a := range []string{"0.0.0.0:0", ":0", "10.0.0.1:0", "[::]:0", "example.org:80"} {
		if _, err := unsim.Start(a, nil); !errors.Is(err, unsim.ErrNotLoopback) {
			t.Errorf("Start(%q): %v; want ErrNotLoopback", a, err)
		}
	}
	for _, a := range []string{"127.0.0.1:0", "localhost:0"} {
		srv, err := unsim.Start(a, nil)
		if err != nil {
			t.Errorf("Start(%q): %v", a, err)
			continue
		}
		srv.Close()
	}
}

func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- unsim.Serve(ctx, "", corpus(), func(u string) { urls <- u }) }()
	u := <-urls
	host := strings.TrimPrefix(u, "http://")
	conn, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
}

// TestBuiltin: the built-in seed scenario and testdata/seed.json agree, and
// every demo symbol behaves as listed.
func TestBuiltin(t *testing.T) {
	file, err := unsim.LoadFile("testdata/seed.json")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := unsim.Builtin("seed")
	if err != nil {
		t.Fatal(err)
	}
	srvA, srvB := start(t, file), start(t, seed)
	for _, d := range file.Docs {
		p := "/" + d.Langs[0] + "/" + d.Symbol
		ra, ba := get(t, srvA, "undocs.org", p)
		rb, bb := get(t, srvB, "undocs.org", p)
		if ra.StatusCode != rb.StatusCode || ra.Header.Get("Location") != rb.Header.Get("Location") || !bytes.Equal(ba, bb) {
			t.Errorf("%s: file and built-in seed differ", p)
		}
	}
	if _, err := unsim.Builtin("nope"); !errors.Is(err, unsim.ErrScenario) {
		t.Errorf("unknown built-in: %v", err)
	}

	srv := start(t, unsim.Demo())
	api := func(sym string) (*http.Response, []byte) {
		return get(t, srv, "documents.un.org", "/api/symbol/access?s="+sym+"&l=E&t=pdf")
	}
	if r, b := api("XREF/TEST/UNPUBLISHED"); r.StatusCode != 200 || len(b) != 0 {
		t.Errorf("unpublished: %d, %d bytes", r.StatusCode, len(b))
	}
	if r, _ := api("XREF/TEST/429"); r.StatusCode != 429 || r.Header.Get("Retry-After") != "1" {
		t.Errorf("429: %d", r.StatusCode)
	}
	if r, b := api("XREF/TEST/429"); r.StatusCode != 200 || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("429 then served: %d", r.StatusCode)
	}
	if r, _ := api("XREF/TEST/503"); r.StatusCode != 503 {
		t.Errorf("503: %d", r.StatusCode)
	}
	if _, b := api("XREF/TEST/STUB"); !bytes.Contains(b, []byte("Document not found")) {
		t.Errorf("stub")
	}
	if r, _ := get(t, srv, "undocs.org", "/en/XREF/TEST/LOOP"); r.Header.Get("Location") != "https://docs.un.org/en/XREF/TEST/LOOP" {
		t.Errorf("loop")
	}
	if r, b := get(t, srv, "undocs.org", "/ch/A/RES/73/266"); r.StatusCode != 200 || !bytes.Contains(b, []byte("refresh")) {
		t.Errorf("seed doc in the demo")
	}
}
