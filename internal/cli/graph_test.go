package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/internal/testenv"
)

// TestSeedGraph is the acceptance test of the citation graph: after xref
// check on the seed, cited-by A/RES/73/266 lists CD/PV.1505 with line and
// snippet, cites CD/PV.1505 lists its 12 distinct symbols, and checking
// again leaves the same graph.
func TestSeedGraph(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvCache, dir)
	seed := filepath.Join(testenv.Shared(t), testenv.Seed)
	if code, _, errs := run(t, "", "check", "--quiet", seed); code != ExitFindings {
		t.Fatalf("check: exit %d, %s", code, errs)
	}
	code, out, errs := run(t, "", "graph", "cited-by", "A/RES/73/266")
	if code != 0 || !strings.HasPrefix(out, "A/RES/73/266\tCD/PV.1505:195:15\tzh\t") || !strings.Contains(out, "第 73/266 号决议设立了第六个") {
		t.Errorf("cited-by: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = run(t, "", "graph", "cites", "CD/PV.1505")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 12 {
		t.Errorf("cites: exit %d, %d lines; want 12\n%s", code, len(lines), out)
	}
	if !strings.Contains(out, "A/RES/72/251\tresolution\t2×\t511:3 515:26") {
		t.Errorf("cites lacks A/RES/72/251 twice:\n%s", out)
	}
	_, before, _ := run(t, "", "graph", "export", "--format", "json")
	if code, _, _ := run(t, "", "check", "--quiet", seed); code != ExitFindings {
		t.Fatal("second check failed")
	}
	_, after, _ := run(t, "", "graph", "export", "--format", "json")
	if before != after || !strings.Contains(after, "CD/PV.1505") {
		t.Errorf("checking the seed again changed the graph:\n%s\n---\n%s", before, after)
	}
	var g struct {
		Nodes []json.RawMessage `json:"nodes"`
		Edges []json.RawMessage `json:"edges"`
	}
	validate(t, "../../schema/graph.schema.json", []byte(after))
	if err := json.Unmarshal([]byte(after), &g); err != nil || len(g.Edges) != 12 {
		t.Errorf("export: %v, %d edges; want 12", err, len(g.Edges))
	}
	code, out, _ = run(t, "", "graph", "stats", "--format", "json")
	validate(t, "../../schema/graph.schema.json", []byte(out))
	var st cache.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil || code != 0 || st.Transcripts != 1 || st.Occurrences != 14 || st.Runs != 2 {
		t.Errorf("stats: exit %d, %+v, %v", code, st, err)
	}
	// A Security Council resolution is found with or without its year.
	f := writeFile(t, t.TempDir(), "sc.txt", []byte("The Council recalled resolution 1540 (2004) and resolution 1540.\n"))
	run(t, "", "check", "--quiet", f)
	_, out, _ = run(t, "", "graph", "cited-by", "S/RES/1540")
	if strings.Count(out, "\n") != 2 {
		t.Errorf("cited-by S/RES/1540 with and without year:\n%s", out)
	}
	_, out, _ = run(t, "", "graph", "cited-by", "--format", "json", "S/RES/1540")
	validate(t, "../../schema/graph.schema.json", []byte(out))
	if !strings.Contains(out, `"schema": "xref-graph-cited-by/1"`) {
		t.Errorf("cited-by json:\n%s", out)
	}
	_, out, _ = run(t, "", "graph", "cites", "--format", "json", f)
	validate(t, "../../schema/graph.schema.json", []byte(out))
	if !strings.Contains(out, `"schema": "xref-graph-cites/1"`) {
		t.Errorf("cites json:\n%s", out)
	}
	// A transcript without its own symbol is known by its file.
	code, out, _ = run(t, "", "graph", "cites", f)
	if code != 0 || !strings.Contains(out, "S/RES/1540(2004)") {
		t.Errorf("cites by file: exit %d\n%s", code, out)
	}
}

// TestGraphBusy: a check while another process writes the store still
// checks, and keeps its record in the store's journal; a query waits for
// the writer, a bounded time, and says why it gives up; the next command
// to open the store merges the journal, so nothing is lost.
func TestGraphBusy(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvCache, dir)
	defer func(w, r time.Duration) { storeWait, recordWait = w, r }(storeWait, recordWait)
	storeWait, recordWait = 300*time.Millisecond, 200*time.Millisecond
	f := writeFile(t, t.TempDir(), "t.txt", []byte("resolution 73/266\n"))
	g := writeFile(t, t.TempDir(), "g.txt", []byte("resolution 1540 (2004)\n"))
	run(t, "", "check", "--quiet", f)
	st, err := cache.Open(context.Background(), dir, cache.Options{})
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, "", "check", g)
	if code != ExitOK || !strings.Contains(errs, "in use") || !strings.Contains(errs, "is kept in "+cache.JournalDir(dir)) {
		t.Errorf("check with a busy store: exit %d, %s", code, errs)
	}
	if j, _ := cache.Journaled(dir); len(j) != 2 { // the transcript and the run
		t.Errorf("journal holds %d records, want 2", len(j))
	}
	code, _, errs = run(t, "", "graph", "stats")
	if code != ExitUsage || !strings.Contains(errs, "in use") || !strings.Contains(errs, "waiting up to") {
		t.Errorf("query with a busy store: exit %d, %s", code, errs)
	}
	st.Close()
	code, out, errs := run(t, "", "graph", "stats", "--format", "json")
	var stats cache.Stats
	if err := json.Unmarshal([]byte(out), &stats); code != 0 || err != nil || stats.Transcripts != 2 || stats.Runs != 2 {
		t.Errorf("stats once the writer is gone: exit %d, %+v, %v %s", code, stats, err, errs)
	}
	if j, _ := cache.Journaled(dir); len(j) != 0 {
		t.Errorf("journal still holds %d records after the merge", len(j))
	}
	if code, _, errs := run(t, "", "graph", "stats", "--cache", filepath.Join(dir, "none")); code != ExitUsage || !strings.Contains(errs, "run xref check first") {
		t.Errorf("missing store: exit %d, %s", code, errs)
	}
	if code, _, _ := run(t, "", "check", "--no-cache", f); code != ExitOK {
		t.Errorf("--no-cache with a busy store: exit %d", code)
	}
}
