package cache_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/xref-un/xref/cache"
)

// openExample opens a store in a new temporary directory.
func openExample() (*cache.Store, func()) {
	dir, err := os.MkdirTemp("", "xref-cache-example-")
	if err != nil {
		log.Fatal(err)
	}
	s, err := cache.Open(context.Background(), dir, cache.Options{})
	if err != nil {
		log.Fatal(err)
	}
	return s, func() { s.Close(); os.RemoveAll(dir) }
}

// cd1505 is a checked transcript as the CLI hands it over.
func cd1505() cache.Transcript {
	return cache.Transcript{
		ID: "CD/PV.1505", Symbol: "CD/PV.1505", Language: "zh", Path: "seeds/000_f6527b781c8cc503.txt",
		Citations: []cache.Citation{
			{Symbol: "A/RES/73/266", Occurrence: cache.Occurrence{Kind: "resolution", Start: 1040, End: 1052,
				Line: 31, Column: 17, Snippet: "大会第73/266号决议", URL: "https://undocs.org/zh/A/RES/73/266"}},
			{Symbol: "A/RES/73/266", Occurrence: cache.Occurrence{Kind: "resolution", Start: 5210, End: 5222,
				Line: 140, Column: 3, Snippet: "根据第73/266号决议设立的政府专家组"}},
			{Symbol: "CD/2141", Occurrence: cache.Occurrence{Kind: "document", Start: 2300, End: 2307, Line: 62, Column: 9,
				Snippet: "载于CD/2141号文件"}},
		},
	}
}

// The whole cycle: ingest a checked transcript, then ask the graph both ways.
func Example() {
	ctx := context.Background()
	s, done := openExample()
	defer done()

	if _, err := s.Ingest(ctx, cd1505()); err != nil {
		log.Fatal(err)
	}
	citers, _ := s.CitedBy(ctx, "A/RES/73/266")
	for _, c := range citers {
		for _, o := range c.Occurrences {
			fmt.Printf("%s line %d: %s\n", c.ID, o.Line, o.Snippet)
		}
	}
	cited, _ := s.Cites(ctx, "CD/PV.1505")
	for _, c := range cited {
		fmt.Println(c.Symbol, len(c.Occurrences), c.Kinds)
	}
	// Output:
	// CD/PV.1505 line 31: 大会第73/266号决议
	// CD/PV.1505 line 140: 根据第73/266号决议设立的政府专家组
	// A/RES/73/266 2 [resolution]
	// CD/2141 1 [document]
}

// Checking a transcript again replaces what the previous check stored.
func ExampleStore_Ingest() {
	ctx := context.Background()
	s, done := openExample()
	defer done()

	t := cd1505()
	s.Ingest(ctx, t)
	t.Citations = t.Citations[2:] // the transcript was edited: only CD/2141 is left
	v, err := s.Ingest(ctx, t)
	if err != nil {
		log.Fatal(err)
	}
	citers, _ := s.CitedBy(ctx, "A/RES/73/266")
	fmt.Println(v.Language, v.Edges, v.Occurrences, len(citers))
	// Output:
	// zh 1 1 0
}

func ExampleStore_Stats() {
	ctx := context.Background()
	s, done := openExample()
	defer done()
	s.Ingest(ctx, cd1505())
	st, _ := s.Stats(ctx)
	fmt.Println(st.Transcripts, st.Edges, st.Occurrences, st.Cited, st.Links)
	// Output:
	// 1 2 3 2 1
}

func ExampleStore_Export() {
	ctx := context.Background()
	s, done := openExample()
	defer done()
	s.Ingest(ctx, cd1505())
	if err := s.Export(ctx, os.Stdout, cache.FormatDOT); err != nil {
		log.Fatal(err)
	}
	// Output:
	// digraph xref {
	// 	graph [rankdir=LR];
	// 	node [shape=ellipse, fontsize=10];
	// 	"A/RES/73/266" [label="A/RES/73/266", kind="resolution"];
	// 	"CD/2141" [label="CD/2141", kind="document"];
	// 	"CD/PV.1505" [label="CD/PV.1505", shape=box];
	// 	"CD/PV.1505" -> "A/RES/73/266" [weight=2, label=2, kind="resolution"];
	// 	"CD/PV.1505" -> "CD/2141" [weight=1, kind="document"];
	// }
}

// The nightly link-rot report: record what each link answered, then walk
// every link with the transcripts and lines that carry it.
func ExampleStore_Links() {
	ctx := context.Background()
	s, done := openExample()
	defer done()
	s.Ingest(ctx, cd1505())

	u := "https://undocs.org/zh/A/RES/73/266"
	night := time.Date(2026, 11, 28, 2, 0, 0, 0, time.UTC)
	s.Observe(ctx, u, cache.Observation{Time: night, Status: "ok", Code: 200, ETag: `"v1"`})
	s.Observe(ctx, u, cache.Observation{Time: night.Add(24 * time.Hour), Status: "not-found", Code: 404})

	s.Links(ctx, func(l cache.Link) error {
		fmt.Println(l.URL, l.Latest.Status, "since", l.StatusSince.Format(time.DateOnly), "last ok", l.LastOK.Format(time.DateOnly))
		for _, use := range l.Uses {
			fmt.Printf("  %s [%s] line %d (%s)\n", use.Document, use.Language, use.Line, use.Symbol)
		}
		return nil
	})
	// Output:
	// https://undocs.org/zh/A/RES/73/266 not-found since 2026-11-29 last ok 2026-11-28
	//   CD/PV.1505 [zh] line 31 (A/RES/73/266)
}

// A Retry-After answer is kept for the next run.
func ExampleStore_UpdateHost() {
	ctx := context.Background()
	s, done := openExample()
	defer done()
	retry := time.Date(2026, 11, 29, 3, 0, 0, 0, time.UTC)
	s.UpdateHost(ctx, "undocs.org", func(h *cache.HostState) error {
		h.NotBefore = retry
		h.Interval = 2 * h.Interval
		if h.Interval == 0 {
			h.Interval = time.Second
		}
		return nil
	})
	h, _ := s.Host(ctx, "undocs.org")
	fmt.Println(h.NotBefore, h.Interval)
	// Output:
	// 2026-11-29 03:00:00 +0000 UTC 1s
}

func ExampleStore_Runs() {
	ctx := context.Background()
	s, done := openExample()
	defer done()
	start := time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)
	for i := range 3 {
		s.PutRun(ctx, cache.Run{Kind: "rot", Start: start.AddDate(0, 0, i), Counters: map[string]int64{"broken": int64(i)}})
	}
	runs, _ := s.Runs(ctx, 2)
	for _, r := range runs {
		fmt.Println(r.ID, r.Counters["broken"])
	}
	// Output:
	// 2026-11-29T02:00:00Z 2
	// 2026-11-28T02:00:00Z 1
}

// A second writer, in this process or another, is told who holds the store.
func ExampleOpen_inUse() {
	ctx := context.Background()
	s, done := openExample()
	defer done()
	_, err := cache.Open(ctx, s.Dir(), cache.Options{})
	fmt.Println(errors.Is(err, cache.ErrInUse), strings.Contains(err.Error(), s.Dir()))
	// Output:
	// true true
}

func ExampleTranscriptID() {
	fmt.Println(cache.TranscriptID("transcripts/./meeting-notes.txt", []byte("text of the transcript")))
	// Output:
	// file:transcripts/meeting-notes.txt#306db2a4a8cb716e
}

// The CLI's default store location.
func ExampleDefaultDir() {
	dir, err := cache.DefaultDir()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.HasSuffix(dir, "xref/graph"))
	// Output:
	// true
}

func ExampleMetaKey() {
	k := cache.MetaKey{Name: "schema"}
	back, _ := cache.ParseMetaKey(k.Bytes())
	fmt.Printf("%q %v\n", k.Bytes(), back == k)
	// Output:
	// "x1/m/schema" true
}

func ExampleDocKey() {
	k := cache.DocKey{ID: "S/RES/1540(2004)"}
	back, _ := cache.ParseDocKey(k.Bytes())
	fmt.Printf("%q %v\n", k.Bytes(), back == k)
	// Output:
	// "x1/d/S/RES/1540(2004)" true
}

func ExampleEdgeKey() {
	k := cache.EdgeKey{Citing: "CD/PV.1505", Language: "zh", Gen: 3, Cited: "A/RES/73/266"}
	back, _ := cache.ParseEdgeKey(k.Bytes())
	fmt.Printf("%q %v\n", k.Bytes(), back == k)
	// Output:
	// "x1/e/CD/PV.1505\x00zh\x00\x00\x00\x00\x00\x00\x00\x00\x03A/RES/73/266" true
}

func ExampleCitedByKey() {
	k := cache.CitedByKey{Cited: "A/RES/73/266", Citing: "CD/PV.1505", Language: "zh", Gen: 3}
	back, _ := cache.ParseCitedByKey(k.Bytes())
	fmt.Printf("%q %v\n", k.Bytes(), back == k)
	// Output:
	// "x1/c/A/RES/73/266\x00CD/PV.1505\x00zh\x00\x00\x00\x00\x00\x00\x00\x00\x03" true
}

func ExampleLinkUseKey() {
	k := cache.LinkUseKey{URL: "https://undocs.org/zh/A/RES/73/266", Citing: "CD/PV.1505", Language: "zh", Gen: 3}
	back, _ := cache.ParseLinkUseKey(k.Bytes())
	fmt.Printf("%q %v\n", k.Bytes(), back == k)
	// Output:
	// "x1/u/https://undocs.org/zh/A/RES/73/266\x00CD/PV.1505\x00zh\x00\x00\x00\x00\x00\x00\x00\x00\x03" true
}

func ExampleVersionLinksKey() {
	k := cache.VersionLinksKey{Citing: "CD/PV.1505", Language: "zh", Gen: 3}
	back, _ := cache.ParseVersionLinksKey(k.Bytes())
	fmt.Printf("%q %v\n", k.Bytes(), back == k)
	// Output:
	// "x1/v/CD/PV.1505\x00zh\x00\x00\x00\x00\x00\x00\x00\x00\x03" true
}

func ExampleLinkKey() {
	k := cache.LinkKey{URL: "https://undocs.org/S/RES/1540(2004)"}
	back, _ := cache.ParseLinkKey(k.Bytes())
	fmt.Printf("%q %v\n", k.Bytes(), back == k)
	// Output:
	// "x1/l/https://undocs.org/S/RES/1540(2004)" true
}

// Observation keys of one URL sort newest first.
func ExampleObservationKey() {
	t := time.Date(2026, 11, 29, 2, 0, 0, 0, time.UTC)
	k := cache.ObservationKey{URL: "https://undocs.org/CD/2141", Time: t}
	later := cache.ObservationKey{URL: k.URL, Time: t.Add(time.Hour)}
	back, _ := cache.ParseObservationKey(k.Bytes())
	fmt.Printf("%q\n%v %v\n", k.Bytes(), back.Time.Equal(t), string(later.Bytes()) < string(k.Bytes()))
	// Output:
	// "x1/o/https://undocs.org/CD/2141\x00\xe7\x13\x9eu> \xbf\xff"
	// true true
}

func ExampleHostKey() {
	k := cache.HostKey{Host: "undocs.org"}
	back, _ := cache.ParseHostKey(k.Bytes())
	fmt.Printf("%q %v\n", k.Bytes(), back == k)
	// Output:
	// "x1/h/undocs.org" true
}

func ExampleRunKey() {
	k := cache.RunKey{Start: time.Date(2026, 11, 29, 2, 0, 0, 0, time.UTC), ID: "nightly"}
	back, _ := cache.ParseRunKey(k.Bytes())
	fmt.Printf("%q %v %s\n", k.Bytes(), back.ID == k.ID, back.Start)
	// Output:
	// "x1/r/\xe7\x13\x9eu> \xbf\xffnightly" true 2026-11-29 02:00:00 +0000 UTC
}

func ExamplePendingKey() {
	k := cache.PendingKey{Citing: "A/78/PV.3", Language: "en"}
	back, _ := cache.ParsePendingKey(k.Bytes())
	fmt.Printf("%q %v\n", k.Bytes(), back == k)
	// Output:
	// "x1/z/A/78/PV.3\x00en" true
}

// A backup taken while the store is in use, restored into a new store.
func ExampleStore_Backup() {
	ctx := context.Background()
	s, done := openExample()
	defer done()
	s.Ingest(ctx, cd1505())

	var backup strings.Builder
	if err := s.Backup(ctx, &backup); err != nil {
		log.Fatal(err)
	}
	restored, doneRestored := openExample()
	defer doneRestored()
	if err := restored.Restore(ctx, strings.NewReader(backup.String())); err != nil {
		log.Fatal(err)
	}
	citers, _ := restored.CitedBy(ctx, "A/RES/73/266")
	fmt.Println(len(citers), citers[0].ID)
	// Output:
	// 1 CD/PV.1505
}

func ExampleSnippet() {
	text := []byte("The Conference recalled General Assembly resolution 73/266 of 22 December 2018,\nwhich established the Group.")
	start := strings.Index(string(text), "resolution 73/266")
	fmt.Println(cache.Snippet(text, start, start+len("resolution 73/266")))
	// Output:
	// he Conference recalled General Assembly resolution 73/266 of 22 December 2018, which established
}
