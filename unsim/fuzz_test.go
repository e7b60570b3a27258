package unsim

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzServeHTTP feeds arbitrary paths and queries to every simulated host:
// the request parsing never panics, answers only with the statuses the
// simulator is meant to use, and every redirect goes to an absolute https
// URL on a simulated host.
func FuzzServeHTTP(f *testing.F) {
	for _, s := range []string{
		"/zh/A/RES/73/266", "/ch/73/546", "/pdf?symbol=en%2FA%2FRES%2F1", "/tmp/1.2.html", "/api/symbol/access?s=A&l=Q",
		"/doc/undoc/gen/n1/2/3/pdf/x.pdf", "/access.nsf/Get?OpenAgent&DS=%00&Lang=", "/en/ga/search/view_doc.asp?symbol=",
		"//", "/%2e%2e/%2e%2e", "/zh/", "/" + strings.Repeat("a/", 100),
	} {
		for i := range Hosts {
			f.Add(uint8(i), s)
		}
	}
	sim, err := New(Demo())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, hostIdx uint8, pathq string) {
		u, err := url.ParseRequestURI(pathq)
		if err != nil || u.Host != "" || !strings.HasPrefix(pathq, "/") {
			return
		}
		host := Hosts[int(hostIdx)%len(Hosts)]
		for _, sym := range []string{"XREF/TEST/SLOW", "XREF/TEST/ENDLESS", "XREF/TEST/GZIP-BOMB", "XREF/TEST/RESET", "XREF/TEST/429-DATE"} {
			if strings.Contains(strings.ToUpper(pathq), sym) || strings.Contains(strings.ToUpper(u.Query().Encode()), url.QueryEscape(sym)) {
				return // long-running or connection-level behaviours, tested elsewhere
			}
		}
		if strings.Contains(strings.ToUpper(pathq), "XREF") {
			return
		}
		req := (&http.Request{
			Method: http.MethodGet, URL: u, Host: host, RequestURI: pathq, Header: http.Header{},
			Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, RemoteAddr: "127.0.0.1:1",
		}).WithContext(context.Background())
		rec := httptest.NewRecorder()
		sim.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 202, 206, 302, 404:
		default:
			t.Fatalf("%s%s: status %d", host, pathq, rec.Code)
		}
		if rec.Code == 302 {
			loc, err := url.Parse(rec.Header().Get("Location"))
			if err != nil || loc.Scheme != "https" || !strings.HasSuffix(loc.Host, "un.org") && !strings.HasSuffix(loc.Host, "undocs.org") {
				t.Fatalf("%s%s: redirect to %q", host, pathq, rec.Header().Get("Location"))
			}
		}
	})
}
