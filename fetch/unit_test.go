package fetch

import (
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Format
	}{
		{"pdf", "%PDF-1.7\n%\xe2\xe3", FormatPDF},
		{"docx", "PK\x03\x04\x14\x00", FormatDOCX},
		{"doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", FormatDOC},
		{"wordperfect", "\xffWPC\x10\x00", FormatWordPerfect},
		{"html", "<!DOCTYPE html><html>", FormatHTML},
		{"html after BOM and blanks", "\xef\xbb\xbf \r\n <html>", FormatHTML},
		{"html without a leading <", "Not found<br>", FormatHTML},
		{"empty", "", FormatEmpty},
		{"blanks only", " \n\t ", FormatEmpty},
		{"plain text", "document not found", FormatUnknown},
		{"binary", "\x00\x01\x02\x03", FormatUnknown},
		{"pdf magic not at start", " %PDF-1.7", FormatUnknown},
		{"short pdf prefix", "%PD", FormatUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.in)); got != tt.want {
				t.Errorf("Sniff(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseRefresh(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{"0;url=/x.pdf", "/x.pdf", true},
		{"0; URL=/tmp/6596179.00848389.html", "/tmp/6596179.00848389.html", true},
		{"1; URL='/tmp/a.html'", "/tmp/a.html", true},
		{`0;url="http://a.example/b"`, "http://a.example/b", true},
		{"  3  ;  url  =  http://a.example/b  ", "http://a.example/b", true},
		{"0,url=/x", "/x", true},
		{"0 url=/x", "/x", true},
		{"0; /plain", "/plain", true},
		{"0.5; url=/x", "/x", true},
		{"url=/no-delay", "/no-delay", true},
		{"0; url='/unterminated", "/unterminated", true},
		{"0; url='/a' trailing", "/a", true},
		{"0;URL=", "", false},
		{"5", "", false},
		{"", "", false},
		{"   ", "", false},
		{"5x; url=/y", "", false},
		{"/no-delay-no-url", "", false},
		{"0; urlfoo", "urlfoo", true},
	}
	for _, tt := range tests {
		got, ok := parseRefresh(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("parseRefresh(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestFindHTMLHop(t *testing.T) {
	page := "https://undocs.org/en/A/RES/1/1"
	tests := []struct {
		name     string
		html     string
		pageMode bool
		kind     HopKind
		to       string // "" for no hop
	}{
		{"meta refresh, relative, upper case", `<META HTTP-EQUIV="REFRESH" CONTENT="1; URL=/tmp/a.html">`, false, HopMetaRefresh, "https://undocs.org/tmp/a.html"},
		{"meta refresh, http-equiv with blanks", `<meta http-equiv=" Refresh " content="0;url='x.pdf'">`, false, HopMetaRefresh, "https://undocs.org/en/A/RES/1/x.pdf"},
		{"meta refresh to itself is no hop", `<meta http-equiv="refresh" content="5">`, false, "", ""},
		{"meta refresh to the same URL is no hop", `<meta http-equiv="refresh" content="0;url=https://undocs.org/en/A/RES/1/1#top">`, false, "", ""},
		{"meta refresh beats iframe", `<iframe src="/a.pdf"></iframe><meta http-equiv="refresh" content="0;url=/b">`, false, HopMetaRefresh, "https://undocs.org/b"},
		{"other http-equiv ignored", `<meta http-equiv="content-type" content="0;url=/x">`, false, "", ""},
		{"iframe", `<iframe src="https://documents.un.org/doc/x.pdf"></iframe>`, false, HopIframe, "https://documents.un.org/doc/x.pdf"},
		{"iframe: document beats analytics", `<iframe name="analytics" src="/blank.html"></iframe><iframe id="viewer" src="/d/n1.pdf"></iframe>`, false, HopIframe, "https://undocs.org/d/n1.pdf"},
		{"iframe javascript: ignored", `<iframe src="javascript:void(0)"></iframe><iframe src="about:blank"></iframe>`, false, "", ""},
		{"frameset: document frame", `<frameset><frame name="header" src="/h.html"><frame name="document" src="/doc/x"><frame name="footer" src="/f.html"></frameset>`, false, HopFrame, "https://undocs.org/doc/x"},
		{"frameset: first frame when nothing stands out", `<frameset><frame src="/one"><frame src="/two"></frameset>`, false, HopFrame, "https://undocs.org/one"},
		{"citation_pdf_url", `<meta name="Citation_PDF_URL" content="/c.pdf">`, false, HopCitationPDFURL, "https://undocs.org/c.pdf"},
		{"link type pdf", `<link rel="alternate" type="application/pdf" href="/l.pdf">`, false, HopPDFLink, "https://undocs.org/l.pdf"},
		{"a href pdf", `<a href="/help.html">help</a><a href="/files/X.PDF?x=1#p=2">pdf</a>`, false, HopPDFLink, "https://undocs.org/files/X.PDF?x=1"},
		{"base href", `<base href="https://documents.un.org/prod/"><iframe src="f.pdf"></iframe>`, false, HopIframe, "https://documents.un.org/prod/f.pdf"},
		{"mailto and data ignored", `<a href="mailto:x@un.org">m</a><iframe src="data:application/pdf;base64,JVBERg=="></iframe>`, false, "", ""},
		{"stub page: nothing", `<html><body><h1>Document not found</h1><a href="/">home</a></body></html>`, false, "", ""},
		{"page mode: refresh followed", `<meta http-equiv="refresh" content="0;url=/next">`, true, HopMetaRefresh, "https://undocs.org/next"},
		{"page mode: iframe not followed", `<iframe src="/x.pdf"></iframe><a href="/y.pdf">y</a>`, true, "", ""},
	}
	base, _ := url.Parse(page)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hop, ok := findHTMLHop(base, []byte(tt.html), !tt.pageMode)
			if tt.to == "" {
				if ok {
					t.Fatalf("got hop %s → %s; want none", hop.kind, hop.to)
				}
				return
			}
			if !ok {
				t.Fatalf("no hop; want %s → %s", tt.kind, tt.to)
			}
			if hop.kind != tt.kind || hop.to.String() != tt.to {
				t.Errorf("got %s → %s; want %s → %s", hop.kind, hop.to, tt.kind, tt.to)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"1", time.Second, true},
		{" 120 ", 2 * time.Minute, true},
		{"0", 0, true},
		{"Fri, 02 Jan 2026 03:04:07 GMT", 2 * time.Second, true},
		{"Friday, 02-Jan-26 03:05:05 GMT", time.Minute, true}, // RFC 850
		{"Fri Jan  2 03:04:15 2026", 10 * time.Second, true},  // asctime
		{"Thu, 01 Jan 2026 00:00:00 GMT", 0, true},            // in the past
		{"99999999999999999999", 0, false},                    // overflows uint64
		{"18446744073709551615", (1 << 32) * time.Second, true},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestParseLang(t *testing.T) {
	tests := []struct {
		in     string
		want   Lang
		letter string
		err    bool
	}{
		{"zh", Chinese, "C", false},
		{"ZH", Chinese, "C", false},
		{"ch", Chinese, "C", false},
		{"zh-Hans", Chinese, "C", false},
		{"C", Chinese, "C", false},
		{"e", English, "E", false},
		{"es", Spanish, "S", false},
		{"sp", Spanish, "S", false},
		{"S", Spanish, "S", false},
		{"ar", Arabic, "A", false},
		{"r", Russian, "R", false},
		{" fr ", French, "F", false},
		{"de", "", "", true},
		{"", "", "", true},
		{"zz", "", "", true},
	}
	for _, tt := range tests {
		got, err := ParseLang(tt.in)
		if (err != nil) != tt.err || got != tt.want || got.Letter() != tt.letter {
			t.Errorf("ParseLang(%q) = %q (%q), %v; want %q (%q), error %v", tt.in, got, got.Letter(), err, tt.want, tt.letter, tt.err)
		}
	}
}

func TestSymbolURLs(t *testing.T) {
	tests := []struct {
		sym, lang   string
		undocs, api string
		err         bool
	}{
		{"A/RES/73/266", "zh", "https://undocs.org/zh/A/RES/73/266", "https://documents.un.org/api/symbol/access?s=A%2FRES%2F73%2F266&l=C&t=pdf", false},
		{"S/RES/1540(2004)", "ch", "https://undocs.org/zh/S/RES/1540(2004)", "https://documents.un.org/api/symbol/access?s=S%2FRES%2F1540%282004%29&l=C&t=pdf", false},
		{"A/73/100*", "", "https://undocs.org/A/73/100*", "https://documents.un.org/api/symbol/access?s=A%2F73%2F100%2A&l=E&t=pdf", false},
		{"S/PV.9963 (Resumption 2)", "F", "https://undocs.org/fr/S/PV.9963%20(Resumption%202)", "https://documents.un.org/api/symbol/access?s=S%2FPV.9963+%28Resumption+2%29&l=F&t=pdf", false},
		{"A/B?c#d%", "en", "https://undocs.org/en/A/B%3Fc%23d%25", "https://documents.un.org/api/symbol/access?s=A%2FB%3Fc%23d%25&l=E&t=pdf", false},
		{"  ", "en", "", "", true},
		{"A/1", "xx", "", "", true},
		{"A/\n1", "en", "", "", true},
	}
	for _, tt := range tests {
		u, err1 := UndocsURL(tt.sym, tt.lang)
		a, err2 := SymbolAPIURL(tt.sym, tt.lang)
		if tt.err {
			if err1 == nil || err2 == nil {
				t.Errorf("%q %q: want errors, got %q %v, %q %v", tt.sym, tt.lang, u, err1, a, err2)
			}
			continue
		}
		if err1 != nil || err2 != nil || u != tt.undocs || a != tt.api {
			t.Errorf("%q %q:\n got  %q %v\n      %q %v\n want %q\n      %q", tt.sym, tt.lang, u, err1, a, err2, tt.undocs, tt.api)
		}
		// The symbol must come back intact from both URLs.
		pu, _ := url.Parse(u)
		if got := strings.TrimPrefix(pu.Path, "/"); !strings.HasSuffix(got, strings.TrimSpace(tt.sym)) {
			t.Errorf("%q: undocs path %q does not end with the symbol", tt.sym, got)
		}
		pa, _ := url.Parse(a)
		if got := pa.Query().Get("s"); got != strings.TrimSpace(tt.sym) {
			t.Errorf("%q: api s=%q", tt.sym, got)
		}
	}
}

func TestAddressPolicy(t *testing.T) {
	tests := []struct {
		ip                string
		public            bool
		loopbackException bool // permitted for the base URL's own address
	}{
		{"93.184.216.34", true, true},
		{"2606:2800:220:1:248:1893:25c8:1946", true, true},
		{"127.0.0.1", false, true},
		{"127.8.9.10", false, true},
		{"::1", false, true},
		{"::ffff:127.0.0.1", false, true},
		{"10.0.0.1", false, false},
		{"10.255.255.255", false, false},
		{"172.16.0.1", false, false},
		{"192.168.1.1", false, false},
		{"169.254.169.254", false, false},
		{"fe80::1", false, false},
		{"fc00::1", false, false},
		{"0.0.0.0", false, false},
		{"::", false, false},
		{"224.0.0.1", false, false},
		{"ff02::1", false, false},
		{"100.64.0.1", false, false},
		{"255.255.255.255", false, false},
		{"::ffff:10.0.0.1", false, false},
		{"198.18.0.1", false, false},
	}
	for _, tt := range tests {
		ip := netip.MustParseAddr(tt.ip)
		if got := publicAddr(ip); got != tt.public {
			t.Errorf("publicAddr(%s) = %v; want %v", ip, got, tt.public)
		}
		if got := (dialPolicy{allowLoopback: true}).permits(ip); got != tt.loopbackException {
			t.Errorf("loopback exception permits(%s) = %v; want %v", ip, got, tt.loopbackException)
		}
		if !(dialPolicy{allowPrivate: true}).permits(ip) {
			t.Errorf("allowPrivate refuses %s", ip)
		}
		// The Control hook (the check right before connect) agrees.
		err := (dialPolicy{}).control("tcp", netip.AddrPortFrom(ip, 80).String(), nil)
		if (err == nil) != tt.public {
			t.Errorf("control(%s) = %v; want allowed=%v", ip, err, tt.public)
		}
	}
}

func TestHostLimitResolution(t *testing.T) {
	o := Options{
		Limit:      HostLimit{Concurrency: 5},
		HostLimits: map[string]HostLimit{"docs.un.org": {Rate: 9}},
	}
	tests := []struct {
		host string
		want HostLimit
	}{
		{"docs.un.org", HostLimit{Rate: 9, Burst: 1, Concurrency: 5}},
		{"documents.un.org", HostLimit{Rate: 1, Burst: 1, Concurrency: 5}},
		{"example.org", HostLimit{Rate: 2, Burst: 1, Concurrency: 5}},
	}
	for _, tt := range tests {
		if got := o.limitFor(tt.host); got != tt.want {
			t.Errorf("limitFor(%s) = %+v; want %+v", tt.host, got, tt.want)
		}
	}
}

func TestDefaultLimit(t *testing.T) {
	if got, want := DefaultLimit("Documents.UN.org."), (HostLimit{Rate: 1, Burst: 1, Concurrency: 2}); got != want {
		t.Errorf("DefaultLimit(documents.un.org) = %+v; want %+v", got, want)
	}
	if got, want := DefaultLimit("undocs.org"), (HostLimit{Rate: 2, Burst: 1, Concurrency: 2}); got != want {
		t.Errorf("DefaultLimit(undocs.org) = %+v; want %+v", got, want)
	}
}

func TestBackoff(t *testing.T) {
	c := &Client{opts: Options{RetryBase: 100 * time.Millisecond, RetryMax: time.Second}}
	for n, want := range []time.Duration{100, 200, 400, 800, 1000, 1000} {
		want *= time.Millisecond
		if n == 5 {
			n = 40 // no overflow for large n
		}
		for range 50 {
			if d := c.backoff(n); d < want/2 || d >= want {
				t.Fatalf("backoff(%d) = %v; want in [%v, %v)", n, d, want/2, want)
			}
		}
	}
}
