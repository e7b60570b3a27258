package fetch

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// FuzzPageFacts: reading a page's facts never panics, a page always
// matches itself, and the text hash ignores what a stub that echoes the
// symbol changes: digits and white space.
func FuzzPageFacts(f *testing.F) {
	for _, s := range []string{
		"<html><head><title>Official Document System</title></head><body><h1>Document not found</h1></body></html>",
		"", "   ", "%PDF-1.7", "<title>a", "<title></title>x<", "no tags 123 at all",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r := &response{code: 200, header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, body: body}
		a := factsOf(r)
		if !a.matches(factsOf(r)) {
			t.Fatalf("a page does not match itself: %q", body)
		}
		// Digits changed (same count of digit runs) and spaces doubled:
		// the same text.
		var b strings.Builder
		for _, c := range string(body) {
			switch {
			case c >= '0' && c <= '9':
				b.WriteByte('7')
			case c == ' ':
				b.WriteString("  ")
			default:
				b.WriteRune(c)
			}
		}
		if textHash([]byte(b.String())) != a.text {
			t.Fatalf("text hash changed with digits and spaces: %q", body)
		}
	})
}

// TestMissingURL: the fingerprint's URL has the form of the one it is
// built from, on the same host, with a symbol that cannot exist.
func TestMissingURL(t *testing.T) {
	tests := []struct{ in, prefix, suffix string }{
		{"https://docs.un.org/en/A/RES/73/266", "https://docs.un.org/en/A/RES/73/xref-probe-", ""},
		{"https://documents.un.org/doc/undoc/gen/n18/465/93/pdf/n1846593.pdf", "https://documents.un.org/doc/undoc/gen/n18/465/93/pdf/xref-probe-", ".pdf"},
		{"https://documents.un.org/api/symbol/access?s=A%2FRES%2F73%2F266&l=E&t=pdf", "https://documents.un.org/api/symbol/access?l=E&s=XREF%2FPROBE%2Fxref-probe-", "&t=pdf"},
		{"https://undocs.org/pdf?symbol=en/A/RES/73/266", "https://undocs.org/pdf?symbol=XREF%2FPROBE%2Fxref-probe-", ""},
		{"https://docs.un.org/en/S/PV.9901", "https://docs.un.org/en/S/xref-probe-", ""},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.in)
		got := missingURL(u).String()
		if !strings.HasPrefix(got, tt.prefix) || !strings.HasSuffix(got, tt.suffix) || got == missingURL(u).String() {
			t.Errorf("missingURL(%s) = %s; want %s…%s, new each time", tt.in, got, tt.prefix, tt.suffix)
		}
	}
}
