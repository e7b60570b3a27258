package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
)

// EnvRequireNginx makes the tests that need nginx fail instead of skip
// when it is missing (.ci/run sets it).
const EnvRequireNginx = "XREF_REQUIRE_NGINX"

// nginxUN is a real nginx, on a loopback port, laid out like the UN hosts:
// undocs.org/{lang}/{symbol} redirects to docs.un.org/{lang}/{symbol}, which
// redirects to the file on documents.un.org when the document exists and
// answers 200 with a "not found" page when it does not.
type nginxUN struct {
	URL    string // http://127.0.0.1:PORT
	root   string
	access string // the access log: one line per request, "host status uri"
}

// startNginx starts nginx with its own prefix and configuration under a
// temporary directory, serving docs (symbol → language) as PDF files.
func startNginx(t *testing.T, docs map[string]string) *nginxUN {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		for _, p := range []string{"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"} {
			if _, e := os.Stat(p); e == nil {
				bin, err = p, nil
				break
			}
		}
	}
	if err != nil {
		if os.Getenv(EnvRequireNginx) != "" {
			t.Fatalf("nginx is required ($%s is set) but not installed", EnvRequireNginx)
		}
		t.Skip("nginx is not installed (apt-get install nginx): the test against a real HTTP server is skipped")
	}
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	for sym, lang := range docs {
		p := filepath.Join(root, "files", lang, filepath.FromSlash(sym)+".pdf")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		body := fmt.Sprintf("%%PDF-1.7\n%% %s (%s)\n%s%%%%EOF\n", sym, lang, strings.Repeat("0 0 obj\n", 2000))
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stub strings.Builder
	stub.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Official Document System</title></head>\n" +
		"<body><h1>Document not found</h1><p>The document you asked for is not available.</p>\n")
	for stub.Len() < 1300 {
		stub.WriteString("<!-- an nginx page laid out like the UN stub -->\n")
	}
	stub.WriteString("</body></html>\n")
	if err := os.WriteFile(filepath.Join(root, "notfound.html"), []byte(stub.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// A free loopback port (the race between closing and nginx binding it
	// is harmless on a test machine; nginx fails loudly if it loses).
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	access := filepath.Join(dir, "access.log")
	conf := fmt.Sprintf(`daemon off;
master_process off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 256; }
http {
	client_body_temp_path %[1]s/body;
	proxy_temp_path %[1]s/proxy;
	fastcgi_temp_path %[1]s/fastcgi;
	uwsgi_temp_path %[1]s/uwsgi;
	scgi_temp_path %[1]s/scgi;
	log_format xref '$host $status $request_uri';
	access_log %[2]s xref;
	types { application/pdf pdf; text/html html; }
	default_type application/octet-stream;
	server_tokens off;
	root %[3]s;

	server {
		listen %[4]s default_server;
		server_name undocs.org;
		location / { return 302 https://docs.un.org$request_uri; }
	}
	server {
		listen %[4]s;
		server_name docs.un.org;
		location / {
			if (-f $document_root/files$uri.pdf) {
				return 302 https://documents.un.org/files$uri.pdf;
			}
			try_files /notfound.html =404;
		}
	}
	server {
		listen %[4]s;
		server_name documents.un.org;
		location /files/ { }
		location / { try_files /notfound.html =404; }
	}
}
`, dir, access, root, addr)
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", dir, "-c", confPath, "-e", filepath.Join(dir, "error.log"))
	var errb strings.Builder
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		select {
		case err := <-exited:
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx exited: %v\n%s\n%s", err, errb.String(), log)
		default:
		}
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("nginx did not start listening")
		}
	}
	return &nginxUN{URL: "http://" + addr, root: root, access: access}
}

// requests counts the requests nginx logged, by host.
func (n *nginxUN) requests(t *testing.T) map[string]int {
	t.Helper()
	f, err := os.Open(n.access)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		host, _, _ := strings.Cut(sc.Text(), " ")
		m[host]++
	}
	return m
}

// TestNginxUN is the acceptance test of resolving that finishes: against a
// real nginx laid out like the UN hosts, a transcript with 74 links, 10 of
// them to documents that do not exist and listed together, gets every
// verdict right within 1.5 times the politeness bound (the requests the
// verdicts need, at the per-host rate), without a blind pause. The rate is
// set to 4 requests a second: at the defaults (2, and 1 for
// documents.un.org) the same test takes a minute and more, and the bound
// scales with the rate.
func TestNginxUN(t *testing.T) {
	if testing.Short() {
		t.Skip("about twenty seconds at the test's politeness")
	}
	const rate = 4.0
	t.Parallel()
	docs := map[string]string{}
	var b strings.Builder
	b.WriteString("United Nations A/78/PV.99\nGeneral Assembly\n\n")
	var missing []string
	for i := 1; i <= 74; i++ {
		n := i
		if i > 30 && i <= 40 {
			n = 900 + i // ten documents that do not exist, together
			missing = append(missing, fmt.Sprintf("https://undocs.org/en/A/RES/73/%d", n))
		} else {
			docs[fmt.Sprintf("A/RES/73/%d", n)] = "en"
		}
		fmt.Fprintf(&b, "The Assembly recalled its resolution 73/%d (https://undocs.org/en/A/RES/73/%d).\n\n", n, n)
	}
	srv := startNginx(t, docs)
	path := writeFile(t, t.TempDir(), "transcript.txt", []byte(b.String()))

	start := time.Now()
	code, out, errs := run(t, "", "check", "--resolve", "--rate", fmt.Sprint(rate), "--base-url", srv.URL, "--format", "json", "--no-cache", path)
	wall := time.Since(start)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, errs)
	}
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
	isMissing := map[string]bool{}
	for _, u := range missing {
		isMissing[u] = true
	}
	res := rep.Files[0].Resolutions
	if len(res) != 74 {
		t.Errorf("%d links resolved; want 74", len(res))
	}
	for _, r := range res {
		want := fetch.StatusOK
		if isMissing[r.URL] {
			want = fetch.StatusSoft404
		}
		if r.Status != want {
			t.Errorf("%s: %s (%s); want %s", r.URL, r.Status, r.Error, want)
		}
	}
	soft := 0
	for _, f := range rep.Files[0].Findings {
		switch {
		case f.Rule == ruleSoft404 && isMissing[f.URL]:
			soft++
		case f.Rule == ruleSoft404, f.Rule == ruleBrokenLink, f.Rule == ruleUnresolvedLink, f.Rule == ruleBlockedLink:
			t.Errorf("%s: %s", f.URL, f.Rule)
		}
	}
	if soft != 10 {
		t.Errorf("%d soft-404 findings; want 10", soft)
	}

	// The politeness bound: the requests the verdicts need (every hop of
	// every chain once), host by host, at the rate.
	need := map[string]int{"undocs.org": 74, "docs.un.org": 74, "documents.un.org": 64}
	var bound time.Duration
	for _, n := range need {
		d := time.Duration(float64(n-1) / rate * float64(time.Second))
		bound = max(bound, d)
	}
	got := srv.requests(t)
	t.Logf("wall %v, politeness bound %v (%.2fx); requests by host %v (needed %v)", wall.Round(100*time.Millisecond),
		bound, float64(wall)/float64(bound), got, need)
	if limit := bound * 3 / 2; wall > limit {
		t.Errorf("took %v; want at most 1.5 × the politeness bound %v = %v", wall, bound, limit)
	}
	for h, n := range need {
		if got[h] < n {
			t.Errorf("%s: %d requests, fewer than the %d the verdicts need", h, got[h], n)
		}
	}
}
