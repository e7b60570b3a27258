package fetch_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/xref-un/xref/fetch"
)

// TestNotADocument: a 200 answer that is neither a document format nor
// HTML is no proof of a document: text saying "Document not found" and
// binary junk are soft-404s, with a reason that says which; the same
// answers where no document was expected are ok.
func TestNotADocument(t *testing.T) {
	bodies := map[string]struct {
		ctype string
		body  []byte
	}{
		"/text":  {"text/plain; charset=utf-8", []byte("Document not found\n")},
		"/nul":   {"application/octet-stream", make([]byte, 4096)},
		"/junk":  {"", bytes.Repeat([]byte{0x01, 0x9F, 0xFE, 0x00, 0x13}, 300)},
		"/pdf":   {"text/plain", []byte("%PDF-1.7\n%…")},
		"/plain": {"text/plain", []byte(strings.Repeat("a long text that is not a document ", 10))},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := bodies[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if b.ctype != "" {
			w.Header().Set("Content-Type", b.ctype)
		} else {
			w.Header()["Content-Type"] = nil
		}
		w.Write(b.body)
	}))
	defer srv.Close()
	o := fastOptions(srv.URL)
	c := newClient(t, o)
	tests := []struct {
		path   string
		status fetch.Status
		why    string
	}{
		{"/text", fetch.StatusSoft404, `text (text/plain; charset=utf-8, 19 bytes) instead of a document: "Document not found"`},
		{"/nul", fetch.StatusSoft404, "4096 bytes of binary data in no document format (starting 00 00"},
		{"/junk", fetch.StatusSoft404, "1500 bytes of binary data in no document format (starting 01 9F FE 00"},
		{"/plain", fetch.StatusSoft404, `"a long text that is not a document a long text`},
		{"/pdf", fetch.StatusOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := c.Resolve(context.Background(), fetch.Request{URL: "https://undocs.org" + tt.path})
			if r.Status != tt.status || !strings.Contains(r.Error, tt.why) {
				t.Fatalf("%s: %s %q; want %s with %q", tt.path, r.Status, r.Error, tt.status, tt.why)
			}
			if tt.status == fetch.StatusSoft404 && !errors.Is(r.Err(), fetch.ErrSoft404) {
				t.Errorf("Err() = %v; want ErrSoft404", r.Err())
			}
		})
	}
	// Where a page will do, a text answer is ok.
	r := c.Resolve(context.Background(), fetch.Request{URL: "https://undocs.org/text", Expect: fetch.ExpectPage})
	if r.Status != fetch.StatusOK {
		t.Errorf("text where a page will do: %s %s", r.Status, r.Error)
	}
}
