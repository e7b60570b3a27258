package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xref-un/xref/internal/testenv"
	"github.com/xref-un/xref/unsim"
)

// manyLinks is a transcript citing n resolutions, each followed by its
// link, and one link that names another resolution than the text (an
// offline error).
func manyLinks(n int) string {
	var b strings.Builder
	b.WriteString("United Nations A/78/PV.98\nGeneral Assembly\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "The Assembly recalled its resolution 70/%d (https://undocs.org/en/A/RES/70/%d).\n\n", i, i)
	}
	b.WriteString("It also recalled resolution 69/1 (https://undocs.org/en/A/RES/69/2).\n")
	return b.String()
}

// TestStormBudget: a 429 storm on 1,000 links with --budget 30s ends
// within 32 s, with the offline findings and every link unresolved, the
// reason given.
func TestStormBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("30 s of budget")
	}
	t.Parallel()
	sc := (&unsim.Scenario{}).AddRule(unsim.Rule{Action: unsim.Action429, RetryAfter: "1"})
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	path := writeFile(t, t.TempDir(), "storm.txt", []byte(manyLinks(1000)))
	start := time.Now()
	code, out, errs := run(t, "", "check", "--resolve", "--budget", "30s", "--base-url", srv.URL, "--no-cache", path)
	took := time.Since(start)
	if took > 32*time.Second {
		t.Errorf("took %v with --budget 30s", took)
	}
	if code != ExitFindings {
		t.Errorf("exit %d; want 1 (the offline link-mismatch)\n%s", code, errs)
	}
	if !strings.Contains(out, ": error: link-mismatch: ") {
		t.Errorf("no offline finding in the output")
	}
	n, budget := strings.Count(out, ": info: unresolved-link: not checked: "), strings.Count(out, "the run's time budget ran out")
	if n != 1001 || budget == 0 {
		t.Errorf("%d unresolved-link findings (%d for the budget); want all 1001 links", n, budget)
	}
	for _, l := range strings.Split(out, "\n") {
		if i := strings.Index(l, ": unresolved-link: "); i >= 0 && len([]rune(l[i+len(": unresolved-link: "):])) >= 160 {
			t.Errorf("message of 160 characters or more: %s", l)
		}
	}
	if !strings.Contains(errs, "stopped: time budget spent") {
		t.Errorf("the summary does not say the budget ended the run:\n%s", errs)
	}
	t.Logf("ended after %v, %d requests to the simulator", took.Round(100*time.Millisecond), srv.Stats().Total)
}

// TestMaxRequestsFlag: --max-requests caps the run; the links left are
// unresolved with the reason.
func TestMaxRequestsFlag(t *testing.T) {
	sc := &unsim.Scenario{}
	for i := 1; i <= 20; i++ {
		sc.AddDoc(unsim.Doc{Symbol: fmt.Sprintf("A/RES/70/%d", i)})
	}
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	path := writeFile(t, t.TempDir(), "t.txt", []byte(manyLinks(20)))
	args := append([]string{"check", "--resolve", "--max-requests", "9", "--base-url", srv.URL, "--no-cache"}, fastFetch...)
	_, out, errs := run(t, "", append(args, path)...)
	if n := srv.Stats().Total; n != 9 {
		t.Errorf("%d requests; want 9", n)
	}
	if !strings.Contains(out, "not checked: the run's request cap was reached") || !strings.Contains(errs, "stopped: request cap reached") {
		t.Errorf("no reason given:\n%s\n%s", out, errs)
	}
}

// TestMaxAge: a second check --resolve of the same transcript within
// --max-age sends no request; --max-age 0 asks again.
func TestMaxAge(t *testing.T) {
	srv := startSim(t, "seed")
	t.Setenv(EnvCache, t.TempDir())
	seed := filepath.Join(testenv.Shared(t), testenv.Seed)
	args := append([]string{"check", "--resolve", "--base-url", srv.URL, "--quiet"}, fastFetch...)
	_, out1, _ := run(t, "", append(args, seed)...)
	first := srv.Stats().Total
	if first == 0 {
		t.Fatal("the first check sent no request")
	}
	srv.ResetStats()
	code, out2, errs := run(t, "", append(args, seed)...)
	if n := srv.Stats().Total; n != 0 {
		t.Errorf("second check: %d requests; want none within --max-age", n)
	}
	if code != ExitFindings || out2 != out1 {
		t.Errorf("second check: exit %d, findings differ:\n%s\nwant\n%s\n%s", code, out2, out1, errs)
	}
	srv.ResetStats()
	run(t, "", append(append(args, "--max-age", "0"), seed)...)
	if n := srv.Stats().Total; n == 0 {
		t.Errorf("--max-age 0 sent no request")
	}
	// resolve reads the same graph.
	srv.ResetStats()
	code, out, _ := run(t, "", append(append([]string{"resolve", "--base-url", srv.URL}, fastFetch...), "https://undocs.org/ch/CD/2141")...)
	if n := srv.Stats().Total; n != 0 || code != 0 || !strings.Contains(out, "\tok\t") {
		t.Errorf("resolve: %d requests, exit %d, %q; want the graph's verdict", n, code, out)
	}
	t.Logf("first check %d requests, second none", first)
}

// TestInterruptedCheck: a check --resolve canceled in the middle stops
// within a second and still prints the offline findings and the links it
// could not resolve.
func TestInterruptedCheck(t *testing.T) {
	sc := (&unsim.Scenario{Latency: 2 * time.Second})
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	path := writeFile(t, t.TempDir(), "t.txt", []byte(manyLinks(30)))
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	time.AfterFunc(500*time.Millisecond, cancel)
	start := time.Now()
	code := Main(ctx, []string{"check", "--resolve", "--base-url", srv.URL, "--no-cache", path}, strings.NewReader(""), &out, &errb)
	if took := time.Since(start); took > 1500*time.Millisecond {
		t.Errorf("took %v; the cancel came at 500 ms", took)
	}
	if code == ExitOK || code == ExitFindings {
		t.Errorf("exit %d for an interrupted run", code)
	}
	if !strings.Contains(out.String(), ": error: link-mismatch: ") || strings.Count(out.String(), "not checked: interrupted") != 31 {
		t.Errorf("output:\n%s", out.String())
	}
}

// TestThrottleScenario: with the simulator's throttle scenario (missing
// documents and throttling alternate), check --resolve reports exactly the
// missing documents, and a throttled document never.
func TestThrottleScenario(t *testing.T) {
	srv := startSim(t, "throttle")
	var b strings.Builder
	b.WriteString("United Nations A/78/PV.97\nGeneral Assembly\n\n")
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, "The Assembly recalled its resolution 75/%d (https://undocs.org/en/A/RES/75/%d).\n\n", i, i)
	}
	path := writeFile(t, t.TempDir(), "t.txt", []byte(b.String()))
	// Fast rates; the backoff of a throttling host starts at 1 s.
	code, out, errs := run(t, "", "check", "--resolve", "--no-cache", "--base-url", srv.URL, "--rate", "200", "--concurrency", "4", "-v", path)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for i := 1; i <= 60; i++ {
		line := fmt.Sprintf("t.txt:%d:", 4+2*(i-1))
		reported := false
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, line) && strings.Contains(l, ": error: soft-404: ") {
				reported = true
			}
		}
		if reported != (i%2 == 0) {
			t.Errorf("A/RES/75/%d: reported missing %v; want %v", i, reported, i%2 == 0)
		}
	}
	if !strings.Contains(errs, "docs.un.org paused until") || !strings.Contains(errs, "docs.un.org resumed") {
		t.Errorf("the throttling was never seen, the test proves nothing:\n%s", errs)
	}
	if strings.Contains(out, "unresolved-link") {
		t.Errorf("unresolved links:\n%s", out)
	}
}

// TestInterruptedRot: xref rot interrupted in the middle stops within a
// second and still writes the report of what it checked.
func TestInterruptedRot(t *testing.T) {
	srv, err := unsim.Start("", &unsim.Scenario{Latency: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	t.Setenv(EnvCache, t.TempDir())
	path := writeFile(t, t.TempDir(), "t.txt", []byte(manyLinks(10)))
	if code, _, errs := run(t, "", "check", "--quiet", path); code != ExitFindings {
		t.Fatalf("check: exit %d\n%s", code, errs)
	}
	out := filepath.Join(t.TempDir(), "report.json")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(500*time.Millisecond, cancel)
	var stdout, errb bytes.Buffer
	start := time.Now()
	code := Main(ctx, []string{"rot", "--base-url", srv.URL, "--out", out}, strings.NewReader(""), &stdout, &errb)
	if took := time.Since(start); took > 1500*time.Millisecond {
		t.Errorf("took %v; the cancel came at 500 ms", took)
	}
	if code == rotExitOK {
		t.Errorf("exit 0 for an interrupted run")
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(data, []byte(`"stopped": "interrupted"`)) {
		t.Errorf("report: %v\n%s\n%s", err, data, errb.String())
	}
}

// stampWriter remembers when each write happened.
type stampWriter struct {
	mu     sync.Mutex
	writes []stamped
}

type stamped struct {
	at   time.Time
	text string
}

func (w *stampWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.writes = append(w.writes, stamped{time.Now(), string(b)})
	return len(b), nil
}

// TestFindingsPerFile: the findings of a file are printed as soon as its
// links are resolved, not when the whole run ends.
func TestFindingsPerFile(t *testing.T) {
	sc := (&unsim.Scenario{}).AddRule(unsim.Rule{Host: "undocs.org", Symbols: []string{"A/RES/70/1"}, Action: unsim.ActionSlow, Delay: 2 * time.Second})
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	quick := writeFile(t, dir, "quick.txt", []byte("The Assembly recalled its resolution 69/1 (https://undocs.org/en/A/RES/69/2).\n"))
	slow := writeFile(t, dir, "slow.txt", []byte(manyLinks(1)))
	var out stampWriter
	var errb bytes.Buffer
	Main(context.Background(), append(append([]string{"check", "--resolve", "--no-cache", "--base-url", srv.URL}, fastFetch...), quick, slow),
		strings.NewReader(""), &out, &errb)
	end := time.Now()
	var quickAt time.Time
	for _, w := range out.writes {
		if strings.Contains(w.text, "quick.txt:1:") && quickAt.IsZero() {
			quickAt = w.at
		}
	}
	if quickAt.IsZero() || end.Sub(quickAt) < time.Second {
		t.Errorf("quick.txt's findings came %v before the end; want them before the slow file's 2 s\n%s", end.Sub(quickAt), errb.String())
	}
}

// TestRotBudgetLog: off a terminal, xref rot says in a log line that its
// budget ended the run, and ends on time.
func TestRotBudgetLog(t *testing.T) {
	srv, err := unsim.Start("", &unsim.Scenario{Latency: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	t.Setenv(EnvCache, t.TempDir())
	path := writeFile(t, t.TempDir(), "t.txt", []byte(manyLinks(3)))
	if code, _, errs := run(t, "", "check", "--quiet", path); code != ExitFindings {
		t.Fatalf("check: exit %d\n%s", code, errs)
	}
	start := time.Now()
	code, _, errs := run(t, "", "rot", "--base-url", srv.URL, "--budget", "1s", "--rate", "100", "--format", "json")
	if took := time.Since(start); code != rotExitOK || took > 3*time.Second {
		t.Errorf("exit %d after %v with --budget 1s\n%s", code, took, errs)
	}
	if !regexp.MustCompile(`xref: \d\d:\d\d:\d\d time budget spent: the links left wait for the next run\n`).MatchString(errs) {
		t.Errorf("no log line for the budget:\n%s", errs)
	}
}
