package cli

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xref-un/xref/fetch"
)

// TestVerdictMessages: one sentence per verdict, under 160 characters, no
// clause twice, no chain of hops (that is in the JSON).
func TestVerdictMessages(t *testing.T) {
	long := "https://documents.un.org/" + strings.Repeat("very-long-path-segment/", 20) + "x.pdf"
	hops := []fetch.Hop{{URL: "https://undocs.org/en/A/1", Code: 302, To: "https://docs.un.org/en/A/1"},
		{URL: "https://docs.un.org/en/A/1", Code: 302, To: long}}
	tests := []struct {
		r    fetch.Result
		want string
	}{
		{fetch.Result{Status: fetch.StatusOK, Format: fetch.FormatPDF, Hops: hops, FinalURL: long}, "resolves to a PDF document at documents.un.org"},
		{fetch.Result{Status: fetch.StatusNotFound, Code: 404, Codes: []int{302, 302, 404}, Hops: hops, FinalURL: long,
			Error: "fetch: not found: 404 from " + long}, "dead link: documents.un.org answers 404"},
		{fetch.Result{Status: fetch.StatusSoft404, Code: 200, Format: fetch.FormatHTML, Hops: hops[:1], FinalURL: "https://docs.un.org/en/A/1",
			Error: "fetch: soft 404: 200 HTML page (1339 bytes) without a document, like the host's page for a missing document; a known document of the host resolves"},
			`docs.un.org answers a "document not found" page, not a document, while a known document of the host resolves`},
		{fetch.Result{Status: fetch.StatusSoft404, Code: 200, Format: fetch.FormatEmpty, FinalURL: "https://documents.un.org/api"},
			"documents.un.org answers an empty page, not a document"},
		{fetch.Result{Status: fetch.StatusBlocked, Code: 202, FinalURL: "https://digitallibrary.un.org/record/1"},
			"digitallibrary.un.org refuses automated access (202); check the link in a browser"},
		{fetch.Result{Status: fetch.StatusRateLimited, RetryAt: time.Date(2030, 3, 4, 14, 0, 0, 0, time.Local)},
			"not checked: the server asks to wait until 2030-03-04 14:00"},
		{fetch.Result{Status: fetch.StatusServerError, Code: 503}, "not checked: server error 503"},
		{fetch.Result{Status: fetch.StatusServerError, Error: "fetch: redirect loop: https://a leads back to https://b"},
			"not checked: redirect loop: https://a leads back to https://b"},
		{fetch.Result{Status: fetch.StatusTimeout}, "not checked: no answer in time"},
		{fetch.Result{Status: fetch.StatusNetwork, Error: "dial tcp: lookup undocs.org: no such host"}, "not checked: network error: no such host"},
		{fetch.Result{Status: fetch.StatusSkipped, Error: "fetch: time budget spent: https://undocs.org/en/A/1 not requested"}, "not checked: the run's time budget ran out"},
		{fetch.Result{Status: fetch.StatusSkipped, Error: "fetch: request cap reached: https://undocs.org/en/A/1 not requested"}, "not checked: the run's request cap was reached"},
		{fetch.Result{Status: fetch.StatusCanceled}, "not checked: interrupted"},
		{fetch.Result{Status: fetch.StatusInvalid, Error: "fetch: host not allowed: " + strings.Repeat("x", 300)}, ""},
	}
	clause := regexp.MustCompile(`[,;:] `)
	for i, tt := range tests {
		got := verdict(tt.r)
		if tt.want != "" && got != tt.want {
			t.Errorf("%d: %q\nwant %q", i, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n >= 160 {
			t.Errorf("%d: %d characters: %q", i, n, got)
		}
		seen := map[string]bool{}
		for _, c := range clause.Split(got, -1) {
			if seen[c] {
				t.Errorf("%d: %q twice in %q", i, c, got)
			}
			seen[c] = true
		}
		if strings.Contains(got, "hops") || strings.Contains(got, fmt.Sprint(302)) {
			t.Errorf("%d: the chain in the text: %q", i, got)
		}
	}
}
