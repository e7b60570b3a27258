package cache

import (
	"context"
	"flag"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var (
	benchEdges   = flag.Int("cache.edges", 1_000_000, "citation edges ingested by BenchmarkIngest")
	benchWorkers = flag.Int("cache.workers", 2, "goroutines calling Ingest in BenchmarkIngest")
	benchMem     = flag.Int64("cache.memtable", 0, "Options.MemTableSize in the benchmarks (0: default)")
)

const benchHot = "A/RES/73/266"

// benchCorpus returns synthetic transcripts totalling at least edges
// distinct citation edges, 20 to 180 each (about 100 on average), every one
// citing benchHot: 1,000,000 edges give about 10,000 citers of it.
func benchCorpus(edges int) ([]Transcript, int) {
	rng := rand.New(rand.NewPCG(7, 7))
	var ts []Transcript
	total := 0
	for i := 0; total < edges; i++ {
		n := min(20+rng.IntN(161), edges-total)
		t := synthTranscript(rng, i, max(n, 1), benchHot)
		ts = append(ts, t)
		total += max(n, 1)
	}
	return ts, total
}

func ingestAll(b *testing.B, s *Store, ts []Transcript, workers int) {
	ctx := context.Background()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(ts) {
					return
				}
				if _, err := s.Ingest(ctx, ts[i]); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// benchDir holds the store that BenchmarkIngest built last, for the query
// benchmarks; TestMain removes it.
var (
	benchMu  sync.Mutex
	benchDir string
)

func cleanupBench() {
	benchMu.Lock()
	defer benchMu.Unlock()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
}

// BenchmarkIngest ingests *benchEdges synthetic citation edges into a new
// store per iteration (SyncWrites off, the default) and reports the ingest
// rate, then the store's size per edge after Flatten and Close.
func BenchmarkIngest(b *testing.B) {
	ts, edges := benchCorpus(*benchEdges)
	ctx := context.Background()
	var dir string
	var ingest time.Duration
	for b.Loop() {
		b.StopTimer()
		cleanupBench()
		d, err := os.MkdirTemp("", "xref-cache-bench-")
		if err != nil {
			b.Fatal(err)
		}
		dir = d
		benchMu.Lock()
		benchDir = d
		benchMu.Unlock()
		s, err := Open(ctx, dir, Options{MemTableSize: *benchMem})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		ingestAll(b, s, ts, *benchWorkers)
		ingest += time.Since(start)
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	secs := ingest.Seconds() / float64(b.N)
	b.ReportMetric(float64(edges)/secs, "edges/s")
	b.ReportMetric(secs*1000, "ingest-ms/op")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")

	// Size per edge, after compaction.
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Flatten(ctx); err != nil {
		b.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if st.Edges != edges {
		b.Fatalf("store has %d edges; ingested %d", st.Edges, edges)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(dirSize(dir))/float64(edges), "bytes/edge")
	b.ReportMetric(float64(len(ts)), "transcripts")
}

// openBenchStore opens the store BenchmarkIngest built, building one if
// that benchmark did not run.
func openBenchStore(b *testing.B) *Store {
	benchMu.Lock()
	dir := benchDir
	benchMu.Unlock()
	ctx := context.Background()
	if dir == "" {
		ts, _ := benchCorpus(*benchEdges)
		d, err := os.MkdirTemp("", "xref-cache-bench-")
		if err != nil {
			b.Fatal(err)
		}
		s, err := Open(ctx, d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		ingestAll(b, s, ts, *benchWorkers)
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		benchMu.Lock()
		benchDir, dir = d, d
		benchMu.Unlock()
	}
	s, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkCitedBy asks for every citer of a symbol cited by every
// transcript of the benchmark store (10,000 of them at the default size).
func BenchmarkCitedBy(b *testing.B) {
	s := openBenchStore(b)
	ctx := context.Background()
	want := len(mustCitedBy(b, s, benchHot))
	if *benchEdges >= 1_000_000 && want < 10_000 {
		b.Fatalf("%d citers of %s; want at least 10,000", want, benchHot)
	}
	for b.Loop() {
		c, err := s.CitedBy(ctx, benchHot)
		if err != nil || len(c) != want {
			b.Fatalf("CitedBy = %d, %v", len(c), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(want), "citers")
}

func mustCitedBy(b *testing.B, s *Store, sym string) []Citer {
	c, err := s.CitedBy(context.Background(), sym)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkCites reads the distinct cited symbols of one transcript.
func BenchmarkCites(b *testing.B) {
	s := openBenchStore(b)
	ctx := context.Background()
	id := synthCiting(1234)
	for b.Loop() {
		c, err := s.Cites(ctx, id)
		if err != nil || len(c) < 20 {
			b.Fatalf("Cites = %d, %v", len(c), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}

// BenchmarkStats counts the benchmark store (a scan of the reverse index).
func BenchmarkStats(b *testing.B) {
	s := openBenchStore(b)
	ctx := context.Background()
	for b.Loop() {
		st, err := s.Stats(ctx)
		if err != nil || st.Edges < *benchEdges {
			b.Fatalf("Stats = %+v, %v", st, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
}

// BenchmarkExport writes the benchmark store as JSON (with every
// occurrence) and as DOT.
func BenchmarkExport(b *testing.B) {
	s := openBenchStore(b)
	ctx := context.Background()
	for _, format := range []string{FormatJSON, FormatDOT} {
		b.Run(format, func(b *testing.B) {
			var n countWriter
			for b.Loop() {
				n = 0
				if err := s.Export(ctx, &n, format); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
			b.ReportMetric(float64(n)/float64(*benchEdges), "bytes/edge")
		})
	}
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
