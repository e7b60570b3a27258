package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// asXref runs the test binary as the xref command itself, signals and all.
const asXref = "XREF_TEST_RUN_MAIN"

// xrefCommand returns the test binary set up to run as xref with args.
func xrefCommand(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	return xrefWithStore(t, filepath.Join(t.TempDir(), "graph"), args...)
}

// xrefWithStore is xrefCommand with the store in dir.
func xrefWithStore(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asXref+"=1", "XREF_CACHE="+dir)
	return cmd
}

// largeTranscript writes a transcript of about size bytes on one line,
// every citation with its link: minutes of work for check under -race.
func largeTranscript(t *testing.T, size int) string {
	t.Helper()
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		n := 1000 + i%1500
		fmt.Fprintf(&b, "The Council recalled resolution %d (%d) and its work, set out at https://undocs.org/en/S/RES/%d(%d). ", n, 1990+i%30, n, 1990+i%30)
	}
	p := filepath.Join(t.TempDir(), "large.txt")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSignalEndsCheck: SIGINT and SIGTERM end a check of a large file that
// is busy cross-referencing within a second, with 130 and 143.
func TestSignalEndsCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large file")
	}
	file := largeTranscript(t, 24<<20)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			// A small file first: its findings are out before the signal.
			small := filepath.Join(t.TempDir(), "small.txt")
			os.WriteFile(small, []byte("The Assembly recalled resolution 73/266.\n"), 0o644)
			cmd := xrefCommand(t, "check", "--quiet", small, file)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case err := <-exited:
				t.Fatalf("check ended before the signal: %v\n%s", err, stderr.Bytes())
			case <-time.After(1500 * time.Millisecond):
			}
			sent := time.Now()
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			var err error
			select {
			case err = <-exited:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 10 s after %v", tc.sig)
			}
			took := time.Since(sent)
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
				t.Fatalf("after %v: %v; want exit status %d\n%s", tc.sig, err, tc.code, stderr.Bytes())
			}
			if took > time.Second {
				t.Errorf("exited %v after %v; want within 1 s", took, tc.sig)
			}
			if !bytes.Contains(stderr.Bytes(), []byte("xref: interrupted")) {
				t.Errorf("stderr does not say it was interrupted:\n%s", stderr.Bytes())
			}
			if want := small + ":1:23: warning: unlinked-citation: A/RES/73/266 is cited without a link\n"; !strings.HasPrefix(stdout.String(), want) {
				t.Errorf("the findings of the file checked before the signal are not out:\n%s", stdout.Bytes())
			}
			t.Logf("%v: exit %d after %v", tc.sig, ee.ExitCode(), took.Round(time.Millisecond))
		})
	}
}

// TestSignalStopsSimulator: a command that watches its context (the
// simulator serving until stopped) ends by itself on SIGINT, with 130.
func TestSignalStopsSimulator(t *testing.T) {
	cmd := xrefCommand(t, "sim", "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Serving once it says so.
	line, err := bufio.NewReader(stderr).ReadString('\n')
	if err != nil || !strings.Contains(line, "xref sim: scenario") {
		cmd.Process.Kill()
		t.Fatalf("sim did not start: %q, %v", line, err)
	}
	go io.Copy(io.Discard, stderr)
	sent := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("sim after SIGINT: %v; want exit status 130", err)
	}
	if took := time.Since(sent); took > time.Second {
		t.Errorf("sim exited %v after SIGINT", took)
	}
}
