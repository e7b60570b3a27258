package cache

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestJournal: records spooled while the store was busy are merged by the
// next read-write Open, oldest first, once each; a file that is not a
// record is set aside without stopping the others.
func TestJournal(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "graph")
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Spooled while s holds the store.
	tr := Transcript{ID: "S/PV.9901", Language: "en", Citations: []Citation{{Symbol: "S/RES/2334(2016)", Occurrence: Occurrence{Start: 3, End: 10, Line: 1, Column: 4}}}}
	obs := Observation{Time: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Status: "ok", Code: 200}
	if _, err := Spool(dir, Record{Transcript: &tr, Observations: []URLObservation{{URL: "https://undocs.org/S/RES/2334(2016)", Observation: obs}}}); err != nil {
		t.Fatal(err)
	}
	tr2 := tr
	tr2.ID = "S/PV.9902"
	if _, err := Spool(dir, Record{Transcript: &tr2, Run: &Run{ID: "check-1", Kind: "check", Start: obs.Time}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(JournalDir(dir), "00-garbage.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if j, _ := Journaled(dir); len(j) != 3 {
		t.Fatalf("journal lists %d files, want 3", len(j))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Transcripts != 2 || st.Runs != 1 || st.Observed != 1 {
		t.Errorf("after the merge: %d transcripts, %d runs, %d observed; want 2, 1, 1", st.Transcripts, st.Runs, st.Observed)
	}
	if j, _ := Journaled(dir); len(j) != 0 {
		t.Errorf("%d records left in the journal", len(j))
	}
	// The size is measured, not badger's figure of a minute ago (0 in a
	// store just opened).
	if st.LSMBytes <= 0 {
		t.Errorf("stats give a size of %d bytes (LSM) for a store that holds two transcripts", st.LSMBytes)
	}
	if _, err := os.Stat(filepath.Join(JournalDir(dir), "00-garbage.json.bad")); err != nil {
		t.Errorf("the file that is no record was not set aside: %v", err)
	}
	// Merging a record twice (a merger killed before removing its file)
	// changes nothing.
	if err := s.Write(ctx, Record{Transcript: &tr, Observations: []URLObservation{{URL: "https://undocs.org/S/RES/2334(2016)", Observation: obs}}}); err != nil {
		t.Fatal(err)
	}
	l, err := s.Link(ctx, "https://undocs.org/S/RES/2334(2016)")
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.History(ctx, l.URL, 0)
	if err != nil {
		t.Fatal(err)
	}
	if st2, _ := s.Stats(ctx); st2.Transcripts != 2 || len(h) != 1 {
		t.Errorf("after writing a record again: %d transcripts, %d observations; want 2, 1", st2.Transcripts, len(h))
	}
}
