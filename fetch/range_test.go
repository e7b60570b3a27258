package fetch_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
)

// TestRange: file URLs are asked for their first SniffBytes only; a 416 is
// asked again without Range; a page cut short by a Range is fetched whole
// to find its hop.
func TestRange(t *testing.T) {
	var mu sync.Mutex
	ranges := map[string][]string{}
	page := "<html><body>" + strings.Repeat("<p>padding</p>\n", 2000) + `<iframe src="/doc/real.pdf"></iframe></body></html>`
	mux := http.NewServeMux()
	record := func(r *http.Request) {
		mu.Lock()
		ranges[r.URL.Path] = append(ranges[r.URL.Path], r.Header.Get("Range"))
		mu.Unlock()
	}
	mux.HandleFunc("/doc/real.pdf", func(w http.ResponseWriter, r *http.Request) {
		record(r)
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader("%PDF-1.7\n"+strings.Repeat("x", 100000)))
	})
	mux.HandleFunc("/doc/416.pdf", func(w http.ResponseWriter, r *http.Request) {
		record(r)
		if r.Header.Get("Range") != "" {
			w.WriteHeader(http.StatusRequestedRangeNotSatisfiable)
			return
		}
		w.Write([]byte("%PDF-1.7\n"))
	})
	mux.HandleFunc("/doc/viewer.pdf", func(w http.ResponseWriter, r *http.Request) {
		// A ".pdf" URL that is really a big HTML viewer, served with Range.
		record(r)
		w.Header().Set("Content-Type", "text/html")
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(page))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newClient(t, fastOptions(srv.URL))

	r := c.ResolveURL(context.Background(), "https://documents.un.org/doc/real.pdf")
	if r.Status != fetch.StatusOK || r.Code != 206 || r.BytesRead != 8192 || r.ContentLength != 100009 {
		t.Errorf("ranged file: %s %d, read %d of %d", r.Status, r.Code, r.BytesRead, r.ContentLength)
	}
	r = c.ResolveURL(context.Background(), "https://documents.un.org/doc/416.pdf")
	if r.Status != fetch.StatusOK || !slices.Equal(r.Codes, []int{416, 200}) || r.Requests != 2 {
		t.Errorf("416: %s codes %v, %d requests", r.Status, r.Codes, r.Requests)
	}
	r = c.ResolveURL(context.Background(), "https://documents.un.org/doc/viewer.pdf")
	if r.Status != fetch.StatusOK || len(r.Hops) != 1 || r.Hops[0].Kind != fetch.HopIframe || !slices.Equal(r.Codes, []int{206, 200, 206}) {
		t.Errorf("page cut by Range: %s codes %v hops %+v (%s)", r.Status, r.Codes, r.Hops, r.Error)
	}
	mu.Lock()
	defer mu.Unlock()
	want := map[string][]string{
		"/doc/real.pdf":   {"bytes=0-8191", "bytes=0-8191"},
		"/doc/416.pdf":    {"bytes=0-8191", ""},
		"/doc/viewer.pdf": {"bytes=0-8191", ""},
	}
	for p, w := range want {
		if !slices.Equal(ranges[p], w) {
			t.Errorf("%s: Range headers %q; want %q", p, ranges[p], w)
		}
	}
}
