//go:build long

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestFiftyMegabyteLine: a 50 MB transcript on one line, every citation
// with its link, is checked and recorded in under 60 s with under 1 GB
// resident. Run without -race (.ci/run does, in its long step): the race
// detector multiplies both.
func TestFiftyMegabyteLine(t *testing.T) {
	var b bytes.Buffer
	b.Grow(51 << 20)
	for i := 0; b.Len() < 50<<20; i++ {
		n, y := 1000+i%1500, 1990+i%30
		fmt.Fprintf(&b, "The Council recalled resolution %d (%d) and its work, set out at https://undocs.org/en/S/RES/%d(%d). ", n, y, n, y)
	}
	file := filepath.Join(t.TempDir(), "line.txt")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b = bytes.Buffer{}
	cmd := xrefCommand(t, "check", "--quiet", "--severity", "error", file)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	took := time.Since(start)
	if err != nil && cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("check: %v\n%.2000s", err, out)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10
	t.Logf("50 MB on one line: %v, %d MB resident", took.Round(100*time.Millisecond), rss>>20)
	if took > 60*time.Second {
		t.Errorf("took %v; want under 60 s", took)
	}
	if rss >= 1<<30 {
		t.Errorf("%d MB resident; want under 1 GB", rss>>20)
	}
}
