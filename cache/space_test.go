package cache

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiskFull: with too little free space (a seam stands for the
// filesystem), a read-write Open and a write fail with ErrDiskFull and a
// message that says how much is free and needed, instead of badger dying
// of SIGBUS on its memory-mapped files; the store then opens and holds
// what it held.
func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "graph")
	free := int64(1 << 40)
	defer func(f func(string) int64) { freeSpace = f }(freeSpace)
	freeSpace = func(string) int64 { return free }

	opts := Options{MemTableSize: 16 << 20}
	s, err := Open(ctx, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	tr := Transcript{ID: "S/PV.1", Language: "en", Citations: []Citation{{Symbol: "S/RES/1(1946)"}}}
	if _, err := s.Ingest(ctx, tr); err != nil {
		t.Fatal(err)
	}
	free = reserve(16<<20) + 100 // room for nothing beside the reserve
	tr.ID = "S/PV.2"
	_, err = s.Ingest(ctx, tr)
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), "MiB free") {
		t.Errorf("Ingest on a full disk: %v; want ErrDiskFull saying what is free", err)
	}
	if _, err := s.PutRun(ctx, Run{ID: "r"}); !errors.Is(err, ErrDiskFull) {
		t.Errorf("PutRun on a full disk: %v; want ErrDiskFull", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	free = 1 << 20
	if _, err := Open(ctx, dir, opts); !errors.Is(err, ErrDiskFull) {
		t.Errorf("read-write Open on a full disk: %v; want ErrDiskFull", err)
	}
	// Readers need no room.
	r, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open on a full disk: %v", err)
	}
	st, err := r.Stats(ctx)
	r.Close()
	if err != nil || st.Transcripts != 1 {
		t.Errorf("stats on a full disk: %+v, %v; want the one transcript", st, err)
	}
	free = 1 << 40
	s, err = Open(ctx, dir, opts)
	if err != nil {
		t.Fatalf("Open once there is room: %v", err)
	}
	defer s.Close()
	if _, err := s.Ingest(ctx, tr); err != nil {
		t.Errorf("Ingest once there is room: %v", err)
	}
}
