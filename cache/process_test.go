package cache

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Tests that need a second process re-execute the test binary: TestMain
// runs runChild instead of the tests when childEnv is set.
const (
	childEnv    = "XREF_CACHE_TEST_CHILD"
	childDirEnv = "XREF_CACHE_TEST_DIR"
)

// crashDocs is how many transcripts the crash-test writer cycles through.
const crashDocs = 40

// crashMemTable makes every transcript of crashBig edges too big for one
// transaction, so the writer is also killed inside the multi-step path.
const (
	crashMemTable = 4 << 20
	crashBig      = 3000
)

func crashIsBig(i, r int) bool { return i%5 == 3 && r%2 == 1 }

// crashTranscript is the deterministic content of transcript i in round r:
// the parent recomputes it to check what the store shows.
func crashTranscript(i, r int) Transcript {
	rng := rand.New(rand.NewPCG(uint64(i), uint64(r)))
	n := 5 + rng.IntN(150)
	if crashIsBig(i, r) {
		n = crashBig
	}
	t := synthTranscript(rng, i, n, "A/RES/73/266")
	t.Path = "round-" + strconv.Itoa(r)
	return t
}

func runChild(mode string) int {
	ctx := context.Background()
	dir := os.Getenv(childDirEnv)
	switch mode {
	case "writer":
		s, err := Open(ctx, dir, Options{MemTableSize: crashMemTable})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		for r := 0; ; r++ {
			for i := range crashDocs {
				t := crashTranscript(i, r)
				fmt.Printf("begin %d %d %v\n", i, r, crashIsBig(i, r))
				if _, err := s.Ingest(ctx, t); err != nil {
					fmt.Fprintln(os.Stderr, err)
					return 1
				}
				fmt.Printf("done %d %d\n", i, r)
			}
		}
	case "holder":
		s, err := Open(ctx, dir, Options{})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if _, err := s.Ingest(ctx, seedTranscript()); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println("ready")
		io.Copy(io.Discard, os.Stdin) // hold the store until the parent closes stdin
		if err := s.Close(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	case "open":
		// Try to open and report the outcome on stdout.
		ro := os.Getenv("XREF_CACHE_TEST_RO") == "1"
		s, err := Open(ctx, dir, Options{ReadOnly: ro})
		if err != nil {
			fmt.Printf("error inuse=%v: %v\n", errors.Is(err, ErrInUse), err)
			return 0
		}
		defer s.Close()
		c, err := s.CitedBy(ctx, "A/RES/73/266")
		fmt.Printf("opened citers=%d err=%v\n", len(c), err)
		return 0
	}
	fmt.Fprintln(os.Stderr, "unknown child mode", mode)
	return 2
}

func childCmd(t *testing.T, mode, dir string, env ...string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, childDirEnv+"="+dir)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = os.Stderr
	return cmd
}

// checkCrashStore checks that every document shows exactly the edge set of
// the round its version reports, through Cites and CitedBy.
func checkCrashStore(t *testing.T, s *Store) (docs int) {
	t.Helper()
	ctx := context.Background()
	hot := map[string]bool{}
	citers, err := s.CitedBy(ctx, "A/RES/73/266")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range citers {
		hot[c.ID] = true
	}
	for i := range crashDocs {
		id := synthCiting(i)
		doc, err := s.Document(ctx, id)
		if errors.Is(err, ErrNotFound) {
			if hot[id] {
				t.Errorf("%s: CitedBy lists a document that does not exist", id)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		docs++
		v, _ := doc.version("en")
		r, err := strconv.Atoi(strings.TrimPrefix(v.Path, "round-"))
		if err != nil {
			t.Fatalf("%s: version %+v", id, v)
		}
		want := crashTranscript(i, r)
		wantCites := map[string][]Occurrence{}
		for _, c := range want.Citations {
			o := c.Occurrence
			o.Language = "en"
			wantCites[c.Symbol] = append(wantCites[c.Symbol], o)
		}
		got, err := s.Cites(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(wantCites) || len(got) != v.Edges {
			t.Errorf("%s round %d: Cites has %d symbols; the round has %d, the version says %d", id, r, len(got), len(wantCites), v.Edges)
			continue
		}
		for _, c := range got {
			if !reflect.DeepEqual(c.Occurrences, wantCites[c.Symbol]) {
				t.Errorf("%s round %d: occurrences of %s = %+v; want %+v", id, r, c.Symbol, c.Occurrences, wantCites[c.Symbol])
				break
			}
		}
		if !hot[id] {
			t.Errorf("%s: CitedBy(A/RES/73/266) misses it", id)
		}
	}
	if len(citers) != docs {
		t.Errorf("CitedBy(A/RES/73/266) = %d citers; %d documents exist", len(citers), docs)
	}
	return docs
}

// TestKilledWriter SIGKILLs a child process in the middle of ingesting, a few
// times over, and checks after each kill that the store opens, answers, and
// shows for every document the complete edge set of one round: first before
// recovery (readers must hide half-written generations by themselves), then
// after the read-write Open that recovers.
func TestKilledWriter(t *testing.T) {
	if testing.Short() || !longTests {
		t.Skip("kills six writers (a minute or two under -race): run with -tags long")
	}
	dir := t.TempDir()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	pendingSeen := 0
	for kill := range 6 {
		cmd := childCmd(t, "writer", dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after a number of completed ingests; on odd rounds, right
		// after a big (multi-transaction) transcript began.
		sc := bufio.NewScanner(out)
		target := 30 + rng.IntN(60)
		done := 0
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if f[0] == "done" {
				done++
			}
			if done < target {
				continue
			}
			if kill%2 == 1 && f[0] == "begin" && f[3] == "true" {
				time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
				break
			}
			if kill%2 == 0 {
				time.Sleep(time.Duration(rng.IntN(5)) * time.Millisecond)
				break
			}
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		go io.Copy(io.Discard, out)
		cmd.Wait()

		// Read-only first: what does badger do with a log that was not
		// closed cleanly?
		if ro, err := Open(ctx, dir, Options{ReadOnly: true}); err != nil {
			if !errors.Is(err, ErrNeedsRecovery) {
				t.Fatalf("kill %d: read-only Open = %v", kill, err)
			}
			t.Logf("kill %d: read-only open: %v", kill, err)
		} else {
			checkCrashStore(t, ro)
			ro.Close()
		}

		// Read-write without recovery: readers alone must hide the
		// half-written generation.
		s, err := Open(ctx, dir, Options{noRecover: true, MemTableSize: crashMemTable})
		if err != nil {
			t.Fatalf("kill %d: reopen: %v", kill, err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pendingSeen += st.Pending
		docs := checkCrashStore(t, s)
		s.Close()

		s, err = Open(ctx, dir, Options{MemTableSize: crashMemTable})
		if err != nil {
			t.Fatalf("kill %d: reopen with recovery: %v", kill, err)
		}
		if err := s.verify(ctx); err != nil {
			t.Errorf("kill %d: after recovery: %v", kill, err)
		}
		checkCrashStore(t, s)
		if st, _ := s.Stats(ctx); st.Pending != 0 {
			t.Errorf("kill %d: %d versions still pending after recovery", kill, st.Pending)
		}
		s.Close()
		t.Logf("kill %d after %d ingests: %d documents, %d pending replacements found", kill, done, docs, st.Pending)
	}
	if pendingSeen == 0 {
		t.Log("no kill landed inside a multi-transaction replacement this time")
	}
}

// TestTwoProcesses holds the store in a child process and opens it from the
// parent and from a third process.
func TestTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	ctx := context.Background()
	dir := t.TempDir()
	holder := childCmd(t, "holder", dir)
	stdin, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Process.Kill()
	sc := bufio.NewScanner(out)
	if !sc.Scan() || sc.Text() != "ready" {
		t.Fatalf("holder said %q", sc.Text())
	}
	pid := strconv.Itoa(holder.Process.Pid)

	for _, ro := range []bool{false, true} {
		_, err := Open(ctx, dir, Options{ReadOnly: ro})
		if !errors.Is(err, ErrInUse) {
			t.Fatalf("Open(ReadOnly=%v) while another process writes = %v; want ErrInUse", ro, err)
		}
		msg := err.Error()
		if !strings.Contains(msg, "in use by another process") || !strings.Contains(msg, dir) || !strings.Contains(msg, "pid "+pid) {
			t.Errorf("error does not name the directory and pid %s: %s", pid, msg)
		}
		t.Logf("ReadOnly=%v: %v", ro, err)
	}
	// A third process gets the same answer.
	third := childCmd(t, "open", dir)
	b, err := third.Output()
	if err != nil || !strings.HasPrefix(string(b), "error inuse=true") {
		t.Errorf("third process: %s %v", b, err)
	}

	stdin.Close()
	if err := holder.Wait(); err != nil {
		t.Fatalf("holder: %v", err)
	}
	// Writer gone: readers in two processes at once.
	r, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	third = childCmd(t, "open", dir, "XREF_CACHE_TEST_RO=1")
	b, err = third.Output()
	if err != nil || strings.TrimSpace(string(b)) != "opened citers=1 err=<nil>" {
		t.Errorf("second reader process: %s %v", b, err)
	}
	if c, err := r.CitedBy(ctx, "A/RES/73/266"); err != nil || len(c) != 1 {
		t.Errorf("reader: %v %v", c, err)
	}
}
