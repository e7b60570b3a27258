package fetch

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// FuzzParseRefresh: never panics; a URL found is a trimmed piece of the
// input with no quote or blank at either end; and a well-formed content
// built from a URL gives that URL back, whatever the quirks.
func FuzzParseRefresh(f *testing.F) {
	for _, s := range []string{
		"0;url=/x.pdf", "1; URL='/tmp/a.html'", `0;URL="http://a/b"`, "5", "", "url=/x",
		"0,  url = 'x", "3 ; x", "0;url=''", ".;url=a", "0;urL\t=\fb",
	} {
		f.Add(s, "/d/x.pdf")
	}
	f.Fuzz(func(t *testing.T, content, target string) {
		got, ok := parseRefresh(content)
		if ok {
			if got == "" || !strings.Contains(content, got) {
				t.Fatalf("parseRefresh(%q) = %q: not a piece of the input", content, got)
			}
			if got != strings.TrimFunc(got, func(r rune) bool { return r <= ' ' }) {
				t.Fatalf("parseRefresh(%q) = %q: not trimmed", content, got)
			}
		}
		// Round trip for targets that a server could emit unquoted.
		if target == "" || strings.ContainsAny(target, "'\"") || strings.TrimFunc(target, func(r rune) bool { return r <= ' ' }) != target ||
			strings.ContainsAny(target[:1], "0123456789.;,") || strings.HasPrefix(strings.ToLower(target), "url") {
			return
		}
		for _, form := range []string{"0;url=%s", "1; URL='%s'", `0;URL="%s"`, " 2 , url = %s", "0; %s"} {
			c := strings.Replace(form, "%s", target, 1)
			if got, ok := parseRefresh(c); !ok || got != target {
				t.Fatalf("parseRefresh(%q) = %q, %v; want %q", c, got, ok, target)
			}
		}
	})
}

// FuzzFindHTMLHop: never panics, and any hop is an absolute http(s) URL
// without a fragment, different from the page.
func FuzzFindHTMLHop(f *testing.F) {
	for _, s := range []string{
		`<meta http-equiv="refresh" content="0;url=/x">`,
		`<iframe src="x.pdf"></iframe>`,
		`<frameset><frame name=header src=/h><frame src="/d.pdf"></frameset>`,
		`<meta name="citation_pdf_url" content="//evil.example/x.pdf">`,
		`<base href="ftp://x/"><a href="y.pdf">`,
		`<a href="  https://a.example/b.PDF#x  ">`,
		"<\x00meta http-equiv=refresh content='0;url=\x7f'>",
	} {
		f.Add(s, true)
	}
	page, _ := url.Parse("https://undocs.org/en/A/1")
	f.Fuzz(func(t *testing.T, body string, documents bool) {
		hop, ok := findHTMLHop(page, []byte(body), documents)
		if !ok {
			return
		}
		u := hop.to
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" || !u.IsAbs() {
			t.Fatalf("hop %q from %q", u, body)
		}
		if !documents && hop.kind != HopMetaRefresh {
			t.Fatalf("page mode followed %s", hop.kind)
		}
		if sameResource(u, page) {
			t.Fatalf("hop to the page itself from %q", body)
		}
	})
}

// FuzzSymbolURLs: any symbol that gives URLs comes back intact from them
// (path-unescaped for undocs, query-decoded for the API).
func FuzzSymbolURLs(f *testing.F) {
	for _, s := range []string{"A/RES/73/266", "S/RES/1540(2004)", "A/73/100*", "S/PV.9963 (Resumption 2)", "a%2Fb", "x?y#z", "决议/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sym string) {
		u, err := UndocsURL(sym, "zh")
		if err != nil {
			return
		}
		pu, err := url.Parse(u)
		if err != nil {
			t.Fatalf("UndocsURL(%q) = %q: does not parse: %v", sym, u, err)
		}
		if pu.Host != "undocs.org" || pu.RawQuery != "" || pu.Fragment != "" {
			t.Fatalf("UndocsURL(%q) = %q: symbol leaked out of the path", sym, u)
		}
		if got := strings.TrimPrefix(pu.Path, "/zh/"); got != strings.TrimSpace(sym) {
			t.Fatalf("UndocsURL(%q) path gives back %q", sym, got)
		}
		a, err := SymbolAPIURL(sym, "zh")
		if err != nil {
			t.Fatalf("SymbolAPIURL(%q): %v (UndocsURL accepted it)", sym, err)
		}
		pa, err := url.Parse(a)
		if err != nil || pa.Query().Get("s") != strings.TrimSpace(sym) || pa.Query().Get("l") != "C" {
			t.Fatalf("SymbolAPIURL(%q) = %q: s=%q", sym, a, pa.Query().Get("s"))
		}
	})
}

// FuzzParseRetryAfter: never panics, never negative.
func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"1", "Fri, 02 Jan 2026 03:04:07 GMT", "-1", "1e9", "18446744073709551615"} {
		f.Add(s)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := parseRetryAfter(s, now); d < 0 || (!ok && d != 0) {
			t.Fatalf("parseRetryAfter(%q) = %v, %v", s, d, ok)
		}
	})
}
