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

	"github.com/creack/pty"

	"github.com/xref-un/xref/unsim"
)

// onTerminal runs xref with standard error on a pseudo-terminal and returns
// the exit code, standard output and everything the terminal received.
func onTerminal(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 220}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var screen bytes.Buffer
	read := make(chan struct{})
	go func() {
		defer close(read)
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			screen.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	var out bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(""), &out, tty)
	tty.Close()
	select {
	case <-read:
	case <-time.After(2 * time.Second):
	}
	mu.Lock()
	defer mu.Unlock()
	return code, out.String(), screen.String()
}

// slowSim answers 20 documents after 50 ms each, and a 429 asking to wait
// 2 s for the first, once.
func slowSim(t *testing.T) (*unsim.Server, string) {
	t.Helper()
	sc := &unsim.Scenario{Latency: 50 * time.Millisecond}
	for i := 1; i <= 20; i++ {
		sc.AddDoc(unsim.Doc{Symbol: fmt.Sprintf("A/RES/70/%d", i)})
	}
	sc.AddRule(unsim.Rule{Host: "undocs.org", Symbols: []string{"A/RES/70/1"}, Action: unsim.Action429, RetryAfter: "2", Times: 1})
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, writeFile(t, t.TempDir(), "t.txt", []byte(manyLinks(20)))
}

var (
	liveLine = regexp.MustCompile(`\r\x1b\[K(resolving links|checking links) \d+/\d+: \d+ ok, \d+ broken, \d+ unresolved; \d+ requests?`)
	waitLine = regexp.MustCompile(`; waiting for undocs\.org until \d\d:\d\d:\d\d`)
	etaLine  = regexp.MustCompile(`; ETA (<1s|\d+[sm])`)
)

// TestTerminalCheck: on a terminal, check --resolve shows the live line
// (counts, requests, the host waited for and until when, an ETA), erases
// it and ends with a summary.
func TestTerminalCheck(t *testing.T) {
	srv, path := slowSim(t)
	code, out, screen := onTerminal(t, "check", "--resolve", "--no-cache", "--base-url", srv.URL, "--rate", "10", path)
	if code != ExitFindings || !strings.Contains(out, "link-mismatch") {
		t.Errorf("exit %d\n%s", code, out)
	}
	for name, re := range map[string]*regexp.Regexp{"live line": liveLine, "wait message": waitLine, "ETA": etaLine} {
		if !re.MatchString(screen) {
			t.Errorf("no %s on the terminal:\n%q", name, screen)
		}
	}
	// 21 links and the corrected address of the mismatched one, which the
	// run resolves before suggesting it; A/RES/69/2 and that address do not
	// exist.
	sum := strings.LastIndex(screen, "resolving links: 22 of 22 in ")
	if sum < 0 || !strings.Contains(screen[sum:], "20 ok, 2 broken, 0 unresolved;") {
		t.Fatalf("no final summary:\n%q", screen)
	}
	// The live line is erased before the summary, and never drawn again.
	if !strings.HasSuffix(screen[:sum], "\r\x1b[K") || liveLine.MatchString(screen[sum:]) {
		t.Errorf("the live line is not replaced by the summary:\n%q", screen[max(0, sum-300):])
	}
}

// TestTerminalVerbose: -v logs host pauses on a terminal too, above the
// live line; off a terminal, pauses and resumptions are log lines.
func TestTerminalVerbose(t *testing.T) {
	srv, path := slowSim(t)
	_, _, screen := onTerminal(t, "check", "--resolve", "-v", "--no-cache", "--base-url", srv.URL, "--rate", "10", path)
	if !regexp.MustCompile(`\r\x1b\[Kundocs\.org paused until \d\d:\d\d:\d\d: it asked to wait\r?\n`).MatchString(screen) {
		t.Errorf("-v on a terminal: no log line for the pause:\n%q", screen)
	}
	srv2, path2 := slowSim(t)
	_, _, errs := run(t, "", "check", "--resolve", "--no-cache", "--base-url", srv2.URL, "--rate", "10", path2)
	for _, re := range []string{`xref: \d\d:\d\d:\d\d undocs\.org paused until \d\d:\d\d:\d\d: it asked to wait\n`,
		`xref: \d\d:\d\d:\d\d undocs\.org resumed: its pause is over\n`, `resolving links: 22 of 22 in `} {
		if !regexp.MustCompile(re).MatchString(errs) {
			t.Errorf("off a terminal, no %q in:\n%s", re, errs)
		}
	}
	if strings.Contains(errs, "\r") {
		t.Errorf("a live line off a terminal:\n%q", errs)
	}
	_, _, quiet := run(t, "", "check", "--resolve", "--quiet", "--no-cache", "--base-url", srv2.URL, "--rate", "1000", path2)
	if quiet != "" {
		t.Errorf("--quiet printed:\n%s", quiet)
	}
}

// TestTerminalRot: xref rot on a terminal shows the live line and ends
// with a summary that names the report's files.
func TestTerminalRot(t *testing.T) {
	srv, path := slowSim(t)
	t.Setenv(EnvCache, t.TempDir())
	if code, _, errs := run(t, "", "check", "--quiet", path); code != ExitFindings {
		t.Fatalf("check: exit %d\n%s", code, errs)
	}
	out := filepath.Join(t.TempDir(), "report.json")
	code, _, screen := onTerminal(t, "rot", "--base-url", srv.URL, "--rate", "10", "--out", out)
	if code != rotExitOK {
		t.Errorf("exit %d\n%q", code, screen)
	}
	if !liveLine.MatchString(screen) || !etaLine.MatchString(screen) || !waitLine.MatchString(screen) {
		t.Errorf("no live line with an ETA and the wait:\n%q", screen)
	}
	sum := strings.LastIndex(screen, "rot: 21 of 21 due links checked in ")
	if sum < 0 || !strings.Contains(screen[sum:], "report: "+out) || !strings.HasSuffix(screen[:sum], "\r\x1b[K") {
		t.Errorf("no summary with the report's path:\n%q", screen)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
}
