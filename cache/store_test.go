package cache

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func openTemp(t testing.TB, opts Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), t.TempDir(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// seedTranscript is shaped like the checked seed, CD/PV.1505 in Chinese:
// twelve distinct symbols, A/RES/73/266 cited twice, some with links.
func seedTranscript() Transcript {
	syms := []struct{ sym, kind string }{
		{"A/RES/73/266", "resolution"}, {"A/RES/73/27", "resolution"}, {"A/RES/72/250", "resolution"},
		{"S/RES/1540(2004)", "resolution"}, {"CD/2141", "document"}, {"CD/PV.1504", "document"},
		{"A/73/532", "document"}, {"A/DEC/70/551", "decision"}, {"CD/1864", "document"},
		{"A/RES/71/258", "resolution"}, {"CD/WP.610", "document"}, {"A/RES/70/33", "resolution"},
	}
	tr := Transcript{ID: "CD/PV.1505", Symbol: "CD/PV.1505", Language: "zh", Path: "seeds/000.txt",
		ContentHash: "f6527b781c8cc503", Kind: "verbatim-record", Title: "第一千五百〇五次全体会议",
		CheckedAt: time.Date(2026, 11, 29, 1, 0, 0, 0, time.UTC)}
	off := 100
	for i, s := range syms {
		c := Citation{Symbol: s.sym, Occurrence: Occurrence{Kind: s.kind, Start: off, End: off + len(s.sym),
			Line: 10 + 3*i, Column: 5, Snippet: "……根据大会第 " + s.sym + " 号决议……"}}
		if i%3 == 0 {
			c.URL = "https://undocs.org/zh/" + s.sym
		}
		tr.Citations = append(tr.Citations, c)
		off += 200
	}
	// A/RES/73/266 a second time, further down.
	tr.Citations = append(tr.Citations, Citation{Symbol: "A/RES/73/266", Occurrence: Occurrence{Kind: "resolution",
		Start: 5000, End: 5012, Line: 88, Column: 12, Snippet: "大会第73/266号决议设立的政府专家组", URL: "https://undocs.org/zh/A/RES/73/266"}})
	tr.Links = []LinkRef{{URL: "https://www.un.org/disarmament/", Line: 120, Column: 1}}
	return tr
}

func exportJSON(t testing.TB, s *Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.Export(context.Background(), &b, FormatJSON); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func symbols(cs []Cited) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Symbol)
	}
	return out
}

func TestIngestReplace(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	tr := seedTranscript()
	if _, err := s.Ingest(ctx, tr); err != nil {
		t.Fatal(err)
	}
	first := exportJSON(t, s)

	cites, err := s.Cites(ctx, "CD/PV.1505")
	if err != nil {
		t.Fatal(err)
	}
	if len(cites) != 12 {
		t.Fatalf("Cites(CD/PV.1505) = %d symbols %v; want 12", len(cites), symbols(cites))
	}
	if !slices.IsSorted(symbols(cites)) {
		t.Errorf("Cites not sorted: %v", symbols(cites))
	}
	for _, c := range cites {
		if c.Symbol == "A/RES/73/266" && len(c.Occurrences) != 2 {
			t.Errorf("A/RES/73/266 has %d occurrences; want 2", len(c.Occurrences))
		}
	}

	citers, err := s.CitedBy(ctx, "A/RES/73/266")
	if err != nil {
		t.Fatal(err)
	}
	if len(citers) != 1 || citers[0].ID != "CD/PV.1505" || len(citers[0].Occurrences) != 2 {
		t.Fatalf("CitedBy(A/RES/73/266) = %+v", citers)
	}
	o := citers[0].Occurrences[0]
	if o.Line != 10 || o.Language != "zh" || !strings.Contains(o.Snippet, "A/RES/73/266") || o.URL == "" {
		t.Errorf("first occurrence = %+v", o)
	}
	// A prefix of a symbol is another symbol: A/RES/73/26 is not cited.
	if got, _ := s.CitedBy(ctx, "A/RES/73/26"); len(got) != 0 {
		t.Errorf("CitedBy(A/RES/73/26) = %+v; want none", got)
	}

	// Same transcript again: identical graph, no duplicates.
	tr.CheckedAt = tr.CheckedAt.Add(time.Hour)
	if _, err := s.Ingest(ctx, tr); err != nil {
		t.Fatal(err)
	}
	if again := exportJSON(t, s); again != first {
		t.Errorf("re-ingest changed the export:\n%s\nwant\n%s", again, first)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Edges != 12 || st.Occurrences != 13 || st.Cited != 12 || st.Transcripts != 1 || st.Links != 5 {
		t.Errorf("Stats = %+v", st)
	}

	// Fewer citations: the removed edges and link uses are gone.
	tr.Citations = slices.DeleteFunc(slices.Clone(tr.Citations), func(c Citation) bool {
		return c.Symbol == "A/RES/73/266" || c.Symbol == "CD/2141"
	})
	tr.Links = nil
	v, err := s.Ingest(ctx, tr)
	if err != nil {
		t.Fatal(err)
	}
	if v.Edges != 10 || v.Occurrences != 10 {
		t.Errorf("Version = %+v; want 10 edges, 10 occurrences", v)
	}
	cites, _ = s.Cites(ctx, "CD/PV.1505")
	if len(cites) != 10 || slices.Contains(symbols(cites), "A/RES/73/266") {
		t.Errorf("after removal Cites = %v", symbols(cites))
	}
	if got, _ := s.CitedBy(ctx, "A/RES/73/266"); len(got) != 0 {
		t.Errorf("after removal CitedBy(A/RES/73/266) = %+v", got)
	}
	if _, err := s.Link(ctx, "https://www.un.org/disarmament/"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Link of a removed use: err = %v; want ErrNotFound", err)
	}
	if err := s.verify(ctx); err != nil {
		t.Error(err)
	}
}

func TestVersionsPerLanguage(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	zh := seedTranscript()
	en := Transcript{ID: "CD/PV.1505", Symbol: "CD/PV.1505", Language: "en", Citations: []Citation{
		{Symbol: "A/RES/73/266", Occurrence: Occurrence{Kind: "resolution", Start: 7, End: 19, Line: 3, Column: 8, Snippet: "resolution 73/266 established"}},
		{Symbol: "A/RES/99/1", Occurrence: Occurrence{Kind: "resolution", Line: 4}},
	}}
	for _, tr := range []Transcript{zh, en} {
		if _, err := s.Ingest(ctx, tr); err != nil {
			t.Fatal(err)
		}
	}
	cites, _ := s.Cites(ctx, "CD/PV.1505")
	if len(cites) != 13 {
		t.Errorf("Cites over zh+en = %d; want 13", len(cites))
	}
	citers, _ := s.CitedBy(ctx, "A/RES/73/266")
	if len(citers) != 1 || len(citers[0].Occurrences) != 3 {
		t.Fatalf("CitedBy = %+v; want one citer with 3 occurrences", citers)
	}
	if l := citers[0].Occurrences[0].Language; l != "en" {
		t.Errorf("occurrences not sorted by language: first is %q", l)
	}
	// Re-checking the English version leaves the Chinese one alone.
	en.Citations = en.Citations[:1]
	if _, err := s.Ingest(ctx, en); err != nil {
		t.Fatal(err)
	}
	cites, _ = s.Cites(ctx, "CD/PV.1505")
	if len(cites) != 12 {
		t.Errorf("after en re-check Cites = %d; want 12", len(cites))
	}
	doc, err := s.Document(ctx, "CD/PV.1505")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc.Languages, []string{"en", "zh"}) || len(doc.Versions) != 2 {
		t.Errorf("Document = %+v", doc)
	}
}

func TestTranscriptIDSupersedes(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	id1 := TranscriptID("notes/./meeting.txt", []byte("v1"))
	id2 := TranscriptID("notes/meeting.txt", []byte("v2"))
	if !strings.HasPrefix(id1, "file:notes/meeting.txt#") || id1 == id2 {
		t.Fatalf("ids %q %q", id1, id2)
	}
	if id1 != TranscriptID("notes/meeting.txt", []byte("v1")) {
		t.Error("TranscriptID is not stable")
	}
	other := TranscriptID("notes/meeting.txt.bak", []byte("v1"))
	for _, id := range []string{id1, other, id2} {
		_, err := s.Ingest(ctx, Transcript{ID: id, Language: "en", Citations: []Citation{{Symbol: "S/RES/2334(2016)"}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	citers, _ := s.CitedBy(ctx, "S/RES/2334(2016)")
	var ids []string
	for _, c := range citers {
		ids = append(ids, c.ID)
	}
	want := []string{id2, other}
	slices.Sort(want)
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("citers = %v; want %v (the edited file's old id removed, the other path kept)", ids, want)
	}
}

func TestInvalid(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	for _, tr := range []Transcript{
		{},
		{ID: "a\x00b"},
		{ID: "X", Citations: []Citation{{Symbol: ""}}},
		{ID: "X", Citations: []Citation{{Symbol: "A/1", Occurrence: Occurrence{URL: "u\x00"}}}},
		{ID: "X", Links: []LinkRef{{URL: ""}}},
	} {
		if _, err := s.Ingest(ctx, tr); !errors.Is(err, ErrInvalid) {
			t.Errorf("Ingest(%+v) = %v; want ErrInvalid", tr, err)
		}
	}
	if err := s.Export(ctx, io_discard{}, "svg"); !errors.Is(err, ErrInvalid) {
		t.Errorf("Export(svg) = %v", err)
	}
}

// syncBuffer is a bytes.Buffer safe for concurrent writers and readers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type io_discard struct{}

func (io_discard) Write(p []byte) (int, error) { return len(p), nil }

// TestLargeTranscript forces the multi-transaction path with a small
// memtable, and checks it gives the same result as the one-transaction path.
func TestLargeTranscript(t *testing.T) {
	if !longTests {
		t.Skip("12,000 citations in several transactions (half a minute under -race): run with -tags long")
	}
	ctx := context.Background()
	big := Transcript{ID: "A/78/PV.3", Language: "en"}
	for i := range 12000 {
		big.Citations = append(big.Citations, Citation{Symbol: fmt.Sprintf("A/RES/%d/%d", 40+i%40, i),
			Occurrence: Occurrence{Line: i, Snippet: strings.Repeat("x", 60), URL: fmt.Sprintf("https://undocs.org/A/RES/%d", i%500)}})
	}
	var exports []string
	for _, mem := range []int64{64 << 20, 2 << 20} {
		var logBuf syncBuffer // the store logs from its own goroutines too
		log := slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
		s := openTemp(t, Options{MemTableSize: mem, Logger: log})
		for round := range 3 {
			tr := big
			if round == 1 {
				tr.Citations = tr.Citations[:len(tr.Citations)/2]
			}
			if _, err := s.Ingest(ctx, tr); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.verify(ctx); err != nil {
			t.Fatal(err)
		}
		st, _ := s.Stats(ctx)
		if st.Edges != 12000 || st.Pending != 0 || st.Links != 500 {
			t.Errorf("memtable %d: Stats = %+v", mem, st)
		}
		if steps := strings.Contains(logBuf.String(), "replacing in steps"); steps != (mem < 64<<20) {
			t.Errorf("memtable %d: multi-transaction path used = %v", mem, steps)
		}
		exports = append(exports, exportJSON(t, s))
		if err := s.Remove(ctx, big.ID); err != nil {
			t.Fatal(err)
		}
		if st, _ := s.Stats(ctx); st.Edges != 0 || st.Documents != 0 || st.Links != 0 {
			t.Errorf("after Remove: Stats = %+v", st)
		}
	}
	if exports[0] != exports[1] {
		t.Error("one-transaction and multi-transaction paths differ")
	}
}

func TestLinksHostsRuns(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{HistoryLimit: 3})
	if _, err := s.Ingest(ctx, seedTranscript()); err != nil {
		t.Fatal(err)
	}
	u := "https://undocs.org/zh/A/RES/73/266"
	t0 := time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC)
	statuses := []string{"ok", "ok", "not-found", "not-found", "not-found"}
	for i, st := range statuses {
		if _, err := s.Observe(ctx, u, Observation{Time: t0.Add(time.Duration(i) * 24 * time.Hour), Status: st, Code: 200,
			Redirects: []Redirect{{URL: "https://docs.un.org/zh/A/RES/73/266", Code: 302}}, Raw: []byte(`{"n":1}`)}); err != nil {
			t.Fatal(err)
		}
	}
	l, err := s.Link(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if l.Checks != 5 || l.Streak != 3 || !l.StatusSince.Equal(t0.Add(48*time.Hour)) ||
		!l.LastOK.Equal(t0.Add(24*time.Hour)) || l.Latest.Status != "not-found" || !l.FirstChecked.Equal(t0) {
		t.Errorf("Link = %+v", l)
	}
	if len(l.Uses) != 2 || l.Uses[0].Document != "CD/PV.1505" || l.Uses[0].Line != 10 || l.Uses[1].Line != 88 {
		t.Errorf("Uses = %+v", l.Uses)
	}
	h, err := s.History(ctx, u, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 3 || !h[0].Time.Equal(t0.Add(96*time.Hour)) || string(h[0].Raw) != `{"n":1}` {
		t.Errorf("History = %d entries, first %+v; want 3, newest first", len(h), h[0])
	}
	if err := s.SetLinkState(ctx, u, "dead", t0.Add(7*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	var urls []string
	err = s.Links(ctx, func(l Link) error {
		urls = append(urls, l.URL)
		if l.URL == u && (l.State != "dead" || l.Checks != 5 || len(l.Uses) != 2) {
			t.Errorf("Links gave %+v", l)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(urls) != 5 || !slices.IsSorted(urls) {
		t.Errorf("Links = %v", urls)
	}

	// A link that is observed but no longer used is still listed.
	if _, err := s.Observe(ctx, "https://example.org/gone", Observation{Status: "network"}); err != nil {
		t.Fatal(err)
	}
	n := 0
	s.Links(ctx, func(Link) error { n++; return nil })
	if n != 6 {
		t.Errorf("Links after observing an unused URL = %d; want 6", n)
	}

	nb := t0.Add(time.Hour)
	for range 2 {
		_, err := s.UpdateHost(ctx, "undocs.org", func(h *HostState) error {
			h.NotBefore = nb
			h.Interval = 2 * time.Second
			if h.Counters == nil {
				h.Counters = map[string]int64{}
			}
			h.Counters["rate-limited"]++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	hs, err := s.Host(ctx, "undocs.org")
	if err != nil || !hs.NotBefore.Equal(nb) || hs.Counters["rate-limited"] != 2 {
		t.Errorf("Host = %+v, %v", hs, err)
	}
	if _, err := s.Host(ctx, "nope.example"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown host: %v", err)
	}

	for i := range 3 {
		_, err := s.PutRun(ctx, Run{ID: fmt.Sprintf("run-%d", i), Kind: "rot", Start: t0.Add(time.Duration(i) * 24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
	}
	// Updating a run (its end and counters) keeps one record.
	if _, err := s.PutRun(ctx, Run{ID: "run-1", Start: t0.Add(24 * time.Hour), End: t0.Add(25 * time.Hour), Counters: map[string]int64{"links": 5}}); err != nil {
		t.Fatal(err)
	}
	runs, err := s.Runs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 3 || runs[0].ID != "run-2" || runs[1].Counters["links"] != 5 {
		t.Errorf("Runs = %+v", runs)
	}
	if r, err := s.Run(ctx, "run-1"); err != nil || !r.End.Equal(t0.Add(25*time.Hour)) {
		t.Errorf("Run(run-1) = %+v, %v", r, err)
	}
}

func TestReadOnlyAndClosed(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(ctx, seedTranscript()); err != nil {
		t.Fatal(err)
	}
	// A second Store on the same directory, in this process, is refused too.
	for _, ro := range []bool{false, true} {
		_, err := Open(ctx, dir, Options{ReadOnly: ro})
		if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), dir) {
			t.Errorf("second Open(ReadOnly=%v) = %v; want ErrInUse naming %s", ro, err, dir)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if _, err := s.CitedBy(ctx, "A/RES/73/266"); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: %v", err)
	}

	r1, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	defer r2.Close()
	if c, err := r2.CitedBy(ctx, "A/RES/73/266"); err != nil || len(c) != 1 {
		t.Errorf("read-only CitedBy = %v, %v", c, err)
	}
	if _, err := r1.Ingest(ctx, seedTranscript()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Ingest on read-only = %v", err)
	}
	if _, err := Open(ctx, dir, Options{}); !errors.Is(err, ErrInUse) {
		t.Errorf("writer while readers are open = %v; want ErrInUse", err)
	}
	if _, err := Open(ctx, filepath.Join(dir, "missing"), Options{ReadOnly: true}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("read-only Open of a missing directory = %v; want fs.ErrNotExist", err)
	}
}

func TestBackupRestore(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	if _, err := s.Ingest(ctx, seedTranscript()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Observe(ctx, "https://undocs.org/zh/CD/2141", Observation{Status: "ok"}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	r := openTemp(t, Options{})
	if err := r.Restore(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	if a, b := exportJSON(t, s), exportJSON(t, r); a != b {
		t.Errorf("restored export differs:\n%s\n%s", b, a)
	}
	if l, err := r.Link(ctx, "https://undocs.org/zh/CD/2141"); err != nil || l.Latest == nil {
		t.Errorf("restored link = %+v, %v", l, err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Backup(cctx, io_discard{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Backup with cancelled ctx = %v", err)
	}
}

func TestBadgerLogRoutedToSlog(t *testing.T) {
	var buf syncBuffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	dir := t.TempDir()
	s, err := Open(context.Background(), dir, Options{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	out := buf.String()
	if !strings.Contains(out, "component=badger") || !strings.Contains(out, "level=DEBUG") {
		t.Errorf("no badger debug lines in:\n%s", out)
	}
	if strings.Contains(out, "level=INFO") && strings.Contains(out, "badger_level=info") {
		t.Errorf("badger info lines above debug:\n%s", out)
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/tmp/xdg-test")
	t.Setenv("HOME", "/tmp/home-test")
	d, err := DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join("/tmp/xdg-test", "xref", "graph"); d != want {
		t.Errorf("DefaultDir() = %q; want %q", d, want)
	}
}

func TestGCLoopStops(t *testing.T) {
	s, err := Open(context.Background(), t.TempDir(), Options{GCInterval: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond)
	s.requestGC()
	done := make(chan error)
	go func() { done <- s.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not stop the GC loop")
	}
}

func TestMain(m *testing.M) {
	if child := os.Getenv(childEnv); child != "" {
		os.Exit(runChild(child))
	}
	code := m.Run()
	cleanupBench()
	os.Exit(code)
}

// TestConcurrentIngestAndRead re-checks the same transcripts from several
// goroutines, some too big for one transaction, while readers check that
// every answer is one complete round: each round's edge set contains a
// symbol naming the round, so a reader can tell which set it must see.
func TestConcurrentIngestAndRead(t *testing.T) {
	if !longTests {
		t.Skip("six writers and readers over six rounds (most of a minute under -race): run with -tags long")
	}
	ctx := context.Background()
	s := openTemp(t, Options{MemTableSize: 2 << 20})
	const docs, rounds = 6, 6
	round := func(i, r int) Transcript {
		n := 20 + 7*r
		if r%3 == 2 && i%2 == 0 {
			n = 6000 // multi-transaction path
		}
		tr := Transcript{ID: synthCiting(i), Language: "en", Citations: []Citation{
			{Symbol: fmt.Sprintf("ROUND/%d", r), Occurrence: Occurrence{Line: 1}},
			{Symbol: "HOT/1", Occurrence: Occurrence{Line: 2}},
		}}
		for j := range n {
			tr.Citations = append(tr.Citations, Citation{Symbol: fmt.Sprintf("A/RES/%d/%d", r, j), Occurrence: Occurrence{Line: 3 + j}})
		}
		return tr
	}
	var writers, readers sync.WaitGroup
	stop := make(chan struct{})
	for w := range 3 {
		writers.Go(func() {
			for r := range rounds {
				for i := range docs {
					if _, err := s.Ingest(ctx, round(i, (r+w)%rounds)); err != nil {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	var checks atomic.Int64
	for range 2 {
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				for i := range docs {
					cited, err := s.Cites(ctx, synthCiting(i))
					if errors.Is(err, ErrNotFound) {
						continue
					}
					if err != nil {
						t.Error(err)
						return
					}
					r := -1
					for _, c := range cited {
						if strings.HasPrefix(c.Symbol, "ROUND/") {
							if r >= 0 {
								t.Errorf("%s: two rounds visible", synthCiting(i))
							}
							r, _ = strconv.Atoi(strings.TrimPrefix(c.Symbol, "ROUND/"))
						}
					}
					if want := len(round(i, r).Citations); r < 0 || len(cited) != want {
						t.Errorf("%s: %d symbols for round %d; want %d", synthCiting(i), len(cited), r, want)
					}
					checks.Add(1)
				}
				citers, err := s.CitedBy(ctx, "HOT/1")
				if err != nil {
					t.Error(err)
					return
				}
				for _, c := range citers {
					if len(c.Occurrences) != 1 {
						t.Errorf("CitedBy(HOT/1): %s has %d occurrences; want 1", c.ID, len(c.Occurrences))
					}
				}
			}
		})
	}
	writers.Wait()
	close(stop)
	readers.Wait()
	if err := s.verify(ctx); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Stats(ctx); st.Pending != 0 || st.Transcripts != docs {
		t.Errorf("Stats = %+v", st)
	}
	t.Logf("%d consistent reads", checks.Load())
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("a", 50)
	tests := []struct {
		name       string
		text       string
		start, end int
		want       string
	}{
		{"short", "see resolution 73/266 here", 4, 21, "see resolution 73/266 here"},
		{"radius", long + "[X]" + long, 50, 53, strings.Repeat("a", 40) + "[X]" + strings.Repeat("a", 40)},
		{"white space", "line one\n\n  resolution   73/266\tend", 12, 32, "line one resolution 73/266 end"},
		{"runes", strings.Repeat("决", 45) + "第73/266号" + strings.Repeat("议", 45), 135, 135 + len("第73/266号"),
			strings.Repeat("决", 40) + "第73/266号" + strings.Repeat("议", 40)},
		{"clamped", "abc", -5, 99, "abc"},
		{"empty", "", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Snippet([]byte(tt.text), tt.start, tt.end); got != tt.want {
				t.Errorf("Snippet(%q, %d, %d) = %q; want %q", tt.text, tt.start, tt.end, got, tt.want)
			}
		})
	}
}

func TestPathSupersededBySymbol(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	cite := []Citation{{Symbol: "A/RES/73/266"}}
	fileID := TranscriptID("in/cd1505.txt", []byte("v1"))
	if _, err := s.Ingest(ctx, Transcript{ID: fileID, Path: "in/cd1505.txt", Citations: cite}); err != nil {
		t.Fatal(err)
	}
	// The linker now finds the transcript's own symbol in the same file.
	if _, err := s.Ingest(ctx, Transcript{ID: "CD/PV.1505", Symbol: "CD/PV.1505", Path: "in/./cd1505.txt", Citations: cite}); err != nil {
		t.Fatal(err)
	}
	citers, _ := s.CitedBy(ctx, "A/RES/73/266")
	if len(citers) != 1 || citers[0].ID != "CD/PV.1505" {
		t.Errorf("citers = %+v; want only CD/PV.1505", citers)
	}
}
