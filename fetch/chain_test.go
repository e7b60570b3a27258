package fetch_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

func kinds(hops []fetch.Hop) []fetch.HopKind {
	var k []fetch.HopKind
	for _, h := range hops {
		k = append(k, h.Kind)
	}
	return k
}

// TestChains follows every kind of chain the simulator plays, from the
// undocs.org links and the other UN entry points, to the document.
func TestChains(t *testing.T) {
	sc := &unsim.Scenario{}
	for _, v := range []unsim.Via{unsim.ViaRedirect, unsim.ViaMetaRefresh, unsim.ViaIframe, unsim.ViaFrameset,
		unsim.ViaCitation, unsim.ViaPDFLink, unsim.ViaDirect} {
		sc.AddDoc(unsim.Doc{Symbol: "T/" + string(v) + "/1", Langs: []string{"en", "zh"}, Via: v})
	}
	sc.AddDoc(unsim.Doc{Symbol: "T/WP/1", Format: unsim.FormatWordPerfect}, unsim.Doc{Symbol: "T/DOC/1", Format: unsim.FormatDOC})
	srv := startSim(t, sc)
	c := newClient(t, fastOptions(srv.URL))

	T, M, I, F, C, L := fetch.HopTemporaryRedirect, fetch.HopMetaRefresh,
		fetch.HopIframe, fetch.HopFrame, fetch.HopCitationPDFURL, fetch.HopPDFLink
	tests := []struct {
		name   string
		req    fetch.Request
		kinds  []fetch.HopKind
		format fetch.Format
	}{
		{"undocs redirect chain", fetch.Request{URL: "https://undocs.org/en/T/redirect/1"}, []fetch.HopKind{T, T}, fetch.FormatPDF},
		{"www.undocs.org", fetch.Request{URL: "https://www.undocs.org/zh/T/redirect/1"}, []fetch.HopKind{T, T}, fetch.FormatPDF},
		{"meta refresh chain", fetch.Request{URL: "https://undocs.org/en/T/meta-refresh/1"}, []fetch.HopKind{M, M}, fetch.FormatPDF},
		{"iframe viewer", fetch.Request{URL: "https://undocs.org/zh/T/iframe/1"}, []fetch.HopKind{I}, fetch.FormatPDF},
		{"legacy frameset", fetch.Request{URL: "https://undocs.org/en/T/frameset/1"}, []fetch.HopKind{F}, fetch.FormatPDF},
		{"citation_pdf_url", fetch.Request{URL: "https://undocs.org/en/T/citation/1"}, []fetch.HopKind{C}, fetch.FormatPDF},
		{"pdf link", fetch.Request{URL: "https://undocs.org/en/T/pdf-link/1"}, []fetch.HopKind{L}, fetch.FormatPDF},
		{"direct", fetch.Request{URL: "https://undocs.org/en/T/direct/1"}, nil, fetch.FormatPDF},
		{"no language segment", fetch.Request{URL: "https://undocs.org/T/redirect/1"}, []fetch.HopKind{T, T}, fetch.FormatPDF},
		{"undocs pdf?symbol=", fetch.Request{URL: "https://undocs.org/pdf?symbol=zh/T/redirect/1"}, nil, fetch.FormatPDF},
		{"docs.un.org", fetch.Request{URL: "https://docs.un.org/en/T/iframe/1"}, []fetch.HopKind{T}, fetch.FormatPDF},
		{"symbol API", fetch.Request{Symbol: "T/iframe/1", Lang: "C"}, nil, fetch.FormatPDF},
		{"symbol via undocs", fetch.Request{Symbol: "T/frameset/1", Lang: "ch", Endpoint: fetch.EndpointUndocs}, []fetch.HopKind{F}, fetch.FormatPDF},
		{"daccess-ods agent", fetch.Request{URL: "http://daccess-ods.un.org/access.nsf/Get?OpenAgent&DS=T/direct/1&Lang=E"}, []fetch.HopKind{M}, fetch.FormatPDF},
		{"view_doc.asp frameset", fetch.Request{URL: "http://www.un.org/en/ga/search/view_doc.asp?symbol=T/direct/1"}, []fetch.HopKind{F}, fetch.FormatPDF},
		{"wordperfect", fetch.Request{Symbol: "T/WP/1"}, nil, fetch.FormatWordPerfect},
		{"doc", fetch.Request{URL: "https://undocs.org/T/DOC/1"}, []fetch.HopKind{T, T}, fetch.FormatDOC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Resolve(context.Background(), tt.req)
			if r.Status != fetch.StatusOK || r.Format != tt.format {
				t.Fatalf("got %s %s (%s); want ok %s", r.Status, r.Format, r.Error, tt.format)
			}
			if got := kinds(r.Hops); !slices.Equal(got, tt.kinds) {
				t.Errorf("hops %v; want %v", got, tt.kinds)
			}
			for i, h := range r.Hops {
				next := r.FinalURL
				if i+1 < len(r.Hops) {
					next = r.Hops[i+1].URL
				}
				if h.To != next {
					t.Errorf("hop %d goes to %s but the next URL is %s", i, h.To, next)
				}
			}
			if r.SHA256 == "" || r.ETag == "" || r.LastModified == "" || r.ContentLength <= 0 || r.BytesRead <= 0 {
				t.Errorf("missing content facts: %+v", r)
			}
			if r.Requests != len(r.Hops)+1 || r.Attempts != 1 {
				t.Errorf("requests %d, attempts %d; want %d, 1", r.Requests, r.Attempts, len(r.Hops)+1)
			}
		})
	}
}

// TestRedirectCodes checks the permanent/temporary classification of each
// redirect code, relative Locations, and that the chain is reported even
// when it ends badly.
func TestRedirectCodes(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/301", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/308", 301) })
	mux.HandleFunc("/308", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "../302", 308) })
	mux.HandleFunc("/302", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "//docs.un.org/303", 302) })
	mux.HandleFunc("/303", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/307", 303) })
	mux.HandleFunc("/307", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/gone", 307) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	mux.HandleFunc("/nolocation", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(302) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newClient(t, fastOptions(srv.URL))

	r := c.ResolveURL(context.Background(), "https://undocs.org/301")
	want := []fetch.Hop{
		{URL: "https://undocs.org/301", Code: 301, Kind: fetch.HopPermanentRedirect, To: "https://undocs.org/308"},
		{URL: "https://undocs.org/308", Code: 308, Kind: fetch.HopPermanentRedirect, To: "https://undocs.org/302"},
		{URL: "https://undocs.org/302", Code: 302, Kind: fetch.HopTemporaryRedirect, To: "https://docs.un.org/303"},
		{URL: "https://docs.un.org/303", Code: 303, Kind: fetch.HopTemporaryRedirect, To: "https://docs.un.org/307"},
		{URL: "https://docs.un.org/307", Code: 307, Kind: fetch.HopTemporaryRedirect, To: "https://docs.un.org/gone"},
	}
	if !slices.Equal(r.Hops, want) {
		t.Errorf("hops\n got  %+v\n want %+v", r.Hops, want)
	}
	if r.Status != fetch.StatusNotFound || r.Code != 410 || r.FinalURL != "https://docs.un.org/gone" || !errors.Is(r.Err(), fetch.ErrNotFound) {
		t.Errorf("got %s %d %s %v; want not-found 410 at /gone", r.Status, r.Code, r.FinalURL, r.Err())
	}
	if !slices.Equal(r.Codes, []int{301, 308, 302, 303, 307, 410}) {
		t.Errorf("codes %v", r.Codes)
	}

	r = c.ResolveURL(context.Background(), "https://undocs.org/nolocation")
	if r.Status != fetch.StatusServerError || !errors.Is(r.Err(), fetch.ErrBadRedirect) {
		t.Errorf("redirect without Location: %s %v", r.Status, r.Err())
	}
}

// TestRedirectLoopAndTooManyHops: loops are detected, and long chains are
// cut at MaxHops.
func TestRedirectLoopAndTooManyHops(t *testing.T) {
	sc := (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "LOOP/1"}).
		AddRule(unsim.Rule{Symbols: []string{"LOOP/1"}, Action: unsim.ActionLoop})
	srv := startSim(t, sc)
	c := newClient(t, fastOptions(srv.URL))
	r := c.ResolveURL(context.Background(), "https://undocs.org/en/LOOP/1")
	if r.Status != fetch.StatusServerError || !errors.Is(r.Err(), fetch.ErrRedirectLoop) {
		t.Fatalf("loop: %s %v", r.Status, r.Err())
	}
	if len(r.Hops) != 2 || r.Hops[1].To != "https://undocs.org/en/LOOP/1" {
		t.Errorf("loop hops: %+v", r.Hops)
	}
	if n := srv.Stats().Total; n != 2 {
		t.Errorf("%d requests for a two-step loop; want 2", n)
	}

	// A meta-refresh loop between two pages of one host.
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<meta http-equiv="refresh" content="0;url=/b">`))
	})
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<meta http-equiv="refresh" content="0;url=/a">`))
	})
	n := 0
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		n++
		http.Redirect(w, r, "/hop/x"+r.URL.Path[len("/hop/"):], http.StatusFound)
	})
	hs := httptest.NewServer(mux)
	defer hs.Close()
	o := fastOptions(hs.URL)
	o.MaxHops = 5
	c = newClient(t, o)
	r = c.ResolveURL(context.Background(), "https://docs.un.org/a")
	if r.Status != fetch.StatusServerError || !errors.Is(r.Err(), fetch.ErrRedirectLoop) || len(r.Hops) != 2 {
		t.Errorf("meta refresh loop: %s %v %+v", r.Status, r.Err(), r.Hops)
	}
	r = c.ResolveURL(context.Background(), "https://docs.un.org/hop/")
	if r.Status != fetch.StatusServerError || !errors.Is(r.Err(), fetch.ErrTooManyHops) || len(r.Hops) != 6 || n != 6 {
		t.Errorf("endless chain: %s %v, %d hops, %d requests; want ErrTooManyHops after 6", r.Status, r.Err(), len(r.Hops), n)
	}
}
