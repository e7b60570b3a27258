package cache

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestEmptyMemtableLeftByKilledWriter: a writer killed between creating a
// memtable file and writing to it leaves a file of length zero. A
// read-only open says the store needs recovery; a read-write open removes
// the empty file and opens the store with everything it held.
func TestEmptyMemtableLeftByKilledWriter(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutDocument(ctx, Document{ID: "probe", Title: "kept"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "00099.mem"), nil, 0o644); err != nil {
		t.Fatal(err)
	}

	if _, err := Open(ctx, dir, Options{ReadOnly: true}); !errors.Is(err, ErrNeedsRecovery) {
		t.Errorf("read-only open of a store with an empty memtable file: %v; want ErrNeedsRecovery", err)
	}
	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatalf("read-write open: %v", err)
	}
	defer s.Close()
	if d, err := s.Document(ctx, "probe"); err != nil || d.Title != "kept" {
		t.Errorf("after recovery: %+v, %v; want the document titled \"kept\"", d, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "00099.mem")); !os.IsNotExist(err) {
		t.Errorf("the empty memtable file is still there: %v", err)
	}
}
