package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestParallelChecksShareStore: four checks started at once on one store
// (make -j, a CI matrix) all end well, and the graph holds the four
// transcripts, whichever of them found the store busy.
func TestParallelChecksShareStore(t *testing.T) {
	store := filepath.Join(t.TempDir(), "graph")
	var files []string
	for i := range 4 {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nsymbol: S/PV.%d\n---\n", 9000+i)
		for k := 0; b.Len() < 256<<10; k++ {
			fmt.Fprintf(&b, "The Council recalled resolution %d (%d) (https://undocs.org/en/S/RES/%d(%d)).\n", 1000+k%900, 1990+k%30, 1000+k%900, 1990+k%30)
		}
		p := filepath.Join(t.TempDir(), fmt.Sprintf("t%d.txt", i))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	var wg sync.WaitGroup
	outs := make([][]byte, len(files))
	errs := make([]error, len(files))
	for i, f := range files {
		wg.Go(func() {
			outs[i], errs[i] = xrefWithStore(t, store, "check", "--quiet", "--severity", "error", f).CombinedOutput()
		})
	}
	wg.Wait()
	for i := range files {
		if errs[i] != nil {
			t.Errorf("check %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	out, err := xrefWithStore(t, store, "graph", "stats", "--format", "json").Output()
	if err != nil {
		t.Fatalf("graph stats: %v", err)
	}
	var stats struct{ Transcripts, Runs int }
	if err := json.Unmarshal(out, &stats); err != nil {
		t.Fatal(err)
	}
	if stats.Transcripts != 4 || stats.Runs != 4 {
		t.Errorf("graph stats: %d transcripts and %d runs, want 4 and 4\n%s", stats.Transcripts, stats.Runs, out)
	}
}
