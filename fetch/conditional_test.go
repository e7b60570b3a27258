package fetch_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

// TestConditional: the validators of an earlier result make only the
// request for its final URL conditional; an unchanged file answers 304
// (ok, NotModified, no body), a changed one 200 with a new ETag and hash,
// and validators for a URL the chain does not reach change nothing.
func TestConditional(t *testing.T) {
	doc := unsim.Doc{Symbol: "A/RES/73/266", Langs: []string{"en"}}
	srv := startSim(t, (&unsim.Scenario{}).AddDoc(doc))
	c := newClient(t, fastOptions(srv.URL))
	ctx := context.Background()
	const link = "https://undocs.org/en/A/RES/73/266"

	first := c.ResolveURL(ctx, link)
	if first.Status != fetch.StatusOK || first.ETag == "" || first.LastModified == "" || first.NotModified {
		t.Fatalf("first: %+v", first)
	}
	cond := fetch.Request{URL: link, IfNoneMatch: first.ETag, IfModifiedSince: first.LastModified, ConditionalURL: first.FinalURL}

	tests := []struct {
		name        string
		req         fetch.Request
		version     int // of the document, before the request
		wantCodes   []int
		notModified bool
		sameETag    bool
	}{
		{"unchanged", cond, 0, []int{302, 302, 304}, true, true},
		{"etag only", fetch.Request{URL: link, IfNoneMatch: first.ETag, ConditionalURL: first.FinalURL}, 0, []int{302, 302, 304}, true, true},
		{"other final URL", fetch.Request{URL: link, IfNoneMatch: first.ETag, ConditionalURL: "https://documents.un.org/elsewhere.pdf"}, 0, []int{302, 302, 206}, false, true},
		// Validators for the first URL must not reach the file: the
		// redirect answers for itself, the file sends its body.
		{"first URL", fetch.Request{URL: link, IfModifiedSince: time.Now().UTC().Format(http.TimeFormat)}, 0, []int{302, 302, 206}, false, true},
		{"changed", cond, 2, []int{302, 302, 206}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.version != 0 {
				d := doc
				d.Version = tt.version
				if err := srv.SetScenario((&unsim.Scenario{}).AddDoc(d)); err != nil {
					t.Fatal(err)
				}
			}
			srv.ResetStats()
			r := c.Resolve(ctx, tt.req)
			if r.Status != fetch.StatusOK || !slices.Equal(r.Codes, tt.wantCodes) || r.NotModified != tt.notModified {
				t.Fatalf("%s codes %v not-modified %v (%s); want ok %v %v", r.Status, r.Codes, r.NotModified, r.Error, tt.wantCodes, tt.notModified)
			}
			if (r.ETag == first.ETag) != tt.sameETag {
				t.Errorf("ETag %q, first %q; same want %v", r.ETag, first.ETag, tt.sameETag)
			}
			if r.NotModified {
				if r.BytesRead != 0 || r.SHA256 != "" || r.ContentLength != -1 || r.FinalURL != first.FinalURL {
					t.Errorf("304 result: read %d, hash %q, length %d, final %s", r.BytesRead, r.SHA256, r.ContentLength, r.FinalURL)
				}
			} else if tt.sameETag && r.SHA256 != first.SHA256 {
				t.Errorf("hash %s; want %s", r.SHA256, first.SHA256)
			} else if !tt.sameETag && r.SHA256 == first.SHA256 {
				t.Error("changed file, same hash")
			}
			if n := srv.Stats().Total; n != 3 {
				t.Errorf("%d requests; want 3", n)
			}
		})
	}
	// Conditional and plain requests for one URL are different requests:
	// ResolveAll does not merge them.
	var got []fetch.Result
	err := c.ResolveAll(ctx, []fetch.Request{{URL: link}, cond}, func(_ int, r fetch.Result) { got = append(got, r) })
	if err != nil || len(got) != 2 {
		t.Fatalf("ResolveAll: %v, %d results", err, len(got))
	}
}

// TestPauseHost: a host paused beyond MaxRetryAfter is not contacted; the
// links that lead to it end rate-limited with RetryAt, the others resolve.
func TestPauseHost(t *testing.T) {
	srv := startSim(t, (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "A/RES/73/266", Langs: []string{"en"}},
		unsim.Doc{Symbol: "CD/2141", Langs: []string{"en"}, Via: unsim.ViaDirect}))
	o := fastOptions(srv.URL)
	o.MaxRetryAfter = time.Minute
	c := newClient(t, o)
	until := time.Now().Add(time.Hour)
	c.PauseHost("Documents.UN.org", until)
	ctx := context.Background()
	r := c.ResolveURL(ctx, "https://undocs.org/en/A/RES/73/266")
	if r.Status != fetch.StatusRateLimited || !r.RetryAt.Equal(until) {
		t.Errorf("paused host: %s, retry at %v; want rate-limited until %v", r.Status, r.RetryAt, until)
	}
	if n := srv.Stats().ByHost["documents.un.org"]; n != 0 {
		t.Errorf("%d requests to the paused host", n)
	}
	if r := c.ResolveURL(ctx, "https://undocs.org/en/CD/2141"); r.Status != fetch.StatusOK {
		t.Errorf("other host: %s %s", r.Status, r.Error)
	}
	// A short pause is waited for.
	c2 := newClient(t, o)
	c2.PauseHost("documents.un.org", time.Now().Add(200*time.Millisecond))
	t0 := time.Now()
	if r := c2.ResolveURL(ctx, "https://undocs.org/en/A/RES/73/266"); r.Status != fetch.StatusOK || time.Since(t0) < 150*time.Millisecond {
		t.Errorf("short pause: %s after %s", r.Status, time.Since(t0))
	}
}
