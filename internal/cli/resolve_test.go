package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/internal/testenv"
	"github.com/xref-un/xref/unsim"
)

// fastFetch are flags that keep tests quick: the simulator needs no
// politeness pauses.
var fastFetch = []string{"--rate", "1000", "--concurrency", "8"}

func startSim(t *testing.T, name string) *unsim.Server {
	t.Helper()
	sc, err := unsim.LoadFile(filepath.Join("..", "..", "unsim", "testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// TestSeedResolve is the acceptance test of the resolution issue: against
// the simulator, check --resolve on the real seed resolves every link,
// marks 73/546 broken, confirms the others, and asks nothing but the base
// URL for the UN hosts.
func TestSeedResolve(t *testing.T) {
	srv := startSim(t, "seed")
	t.Setenv(fetch.EnvBaseURL, "") // only the flag counts
	graph := t.TempDir()
	t.Setenv(EnvCache, graph)
	seed := filepath.Join(testenv.Shared(t), testenv.Seed)
	args := append([]string{"check", "--resolve", "--base-url", srv.URL, "--format", "json", "--quiet"}, fastFetch...)
	code, out, errs := run(t, "", append(args, seed)...)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	validate(t, "../../schema/check.schema.json", []byte(out))
	var rep struct {
		Files []struct {
			Findings []struct {
				Rule, URL string
			} `json:"findings"`
			Resolutions []fetch.Result `json:"resolutions"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	res := rep.Files[0].Resolutions
	if len(res) != 11 { // 13 links; CD/2141 and A/RES/72/251 twice
		t.Errorf("%d distinct URLs resolved; want 11", len(res))
	}
	for _, r := range res {
		want := fetch.StatusOK
		if r.URL == "https://undocs.org/ch/73/546" {
			want = fetch.StatusSoft404
		}
		if r.Status != want {
			t.Errorf("%s: %s (%s); want %s", r.URL, r.Status, r.Error, want)
		}
	}
	broken := 0
	for _, f := range rep.Files[0].Findings {
		if f.Rule == ruleSoft404 || f.Rule == ruleBrokenLink {
			broken++
			if f.URL != "https://undocs.org/ch/73/546" {
				t.Errorf("%s reported %s", f.URL, f.Rule)
			}
		}
	}
	if broken != 1 {
		t.Errorf("%d broken links reported; want 1", broken)
	}
	// The simulator saw only UN hosts, through the base URL, and the web
	// archive once, for the one dead link's replacement.
	st := srv.Stats()
	if st.Total == 0 {
		t.Fatal("no request reached the simulator")
	}
	for host, n := range st.ByHost {
		if host == "archive.org" && n == 1 {
			continue
		}
		if !strings.HasSuffix(host, "un.org") && host != "undocs.org" {
			t.Errorf("%d requests for host %q", n, host)
		}
	}
	for _, l := range srv.Log() {
		if !strings.HasPrefix(l.UserAgent, "xref/") {
			t.Errorf("request without xref's user agent: %+v", l)
		}
	}
	// The graph keeps what each link resolved to.
	store, err := cache.Open(context.Background(), graph, cache.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	l, err := store.Link(context.Background(), "https://undocs.org/ch/73/546")
	if err != nil || l.Latest == nil || l.Latest.Status != "soft-404" || len(l.Uses) != 1 || l.Uses[0].Line != 655 {
		t.Errorf("stored link: %+v, %v", l, err)
	}
	l, err = store.Link(context.Background(), "https://undocs.org/ch/CD/2141")
	if err != nil || l.Latest == nil || l.Latest.Status != "ok" || len(l.Uses) != 2 {
		t.Errorf("stored link: %+v, %v", l, err)
	}
}

func TestResolveCommand(t *testing.T) {
	srv := startSim(t, "seed")
	args := append([]string{"resolve", "--base-url", srv.URL, "--lang", "zh"}, fastFetch...)
	code, out, errs := run(t, "", append(args, "A/RES/73/266", "https://undocs.org/ch/73/546")...)
	if code != ExitFindings {
		t.Errorf("exit %d; want 1 (one does not resolve)\n%s", code, errs)
	}
	if !strings.Contains(out, "A/RES/73/266 (zh)\tok\tresolves to a PDF document") ||
		!strings.Contains(out, "https://undocs.org/ch/73/546\tsoft-404\tdocs.un.org answers a \"document not found\" page, not a document") {
		t.Errorf("output:\n%s", out)
	}
	code, out, _ = run(t, "", append(append([]string{"resolve", "--base-url", srv.URL, "--format", "json"}, fastFetch...), "CD/2141")...)
	var doc struct {
		Schema  string
		Results []fetch.Result
	}
	err := json.Unmarshal([]byte(out), &doc)
	rs := doc.Results
	validate(t, "../../schema/resolve.schema.json", []byte(out))
	if err != nil || code != 0 || doc.Schema != "xref-resolve/1" || len(rs) != 1 || rs[0].Status != fetch.StatusOK || rs[0].Format != fetch.FormatPDF {
		t.Errorf("json: exit %d, %v, %s", code, err, out)
	}
	code, _, errs = run(t, "", "resolve", "not a symbol")
	if code != ExitUsage || !strings.Contains(errs, "neither a URL nor a document symbol") {
		t.Errorf("bad argument: exit %d, %s", code, errs)
	}
	// Without a base URL, a link into the local network is refused, not
	// dialed.
	code, out, _ = run(t, "", "resolve", "--allow-host", "*", "http://127.0.0.1:9/A/RES/73/266")
	if code != ExitFindings || !strings.Contains(out, "invalid") {
		t.Errorf("loopback link: exit %d, %s", code, out)
	}
}

// TestSimCommand runs `xref sim` until interrupted, and resolves through it.
func TestSimCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	done := make(chan int)
	go func() {
		done <- Main(ctx, []string{"sim", "--addr", "127.0.0.1:0", "--scenario", "seed"}, strings.NewReader(""), io.Discard, w)
		w.Close()
	}()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, r)
	i := strings.Index(line, "http://127.0.0.1:")
	if i < 0 {
		t.Fatalf("sim said %q", line)
	}
	base := strings.Fields(line[i:])[0]
	code, out, _ := run(t, "", append(append([]string{"resolve", "--base-url", base}, fastFetch...), "A/RES/73/266")...)
	if code != 0 || !strings.Contains(out, "\tok\t") {
		t.Errorf("resolve through xref sim: exit %d, %s", code, out)
	}
	cancel()
	if code := <-done; code != ExitOK && code != ExitUsage {
		t.Errorf("sim exit %d", code)
	}
	if code, _, errs := run(t, "", "sim", "--addr", "0.0.0.0:0"); code != ExitUsage || !strings.Contains(errs, "loopback") {
		t.Errorf("sim on a public address: exit %d, %s", code, errs)
	}
}
