package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestDiskFullTmpfs: a check recording into a store on a small tmpfs that
// another file has filled ends with a clear error and exit status 4, not
// with SIGBUS; the store opens afterwards, and takes the record once there
// is room. It mounts a tmpfs, so it needs root (as CI runs).
func TestDiskFullTmpfs(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", mnt).Run() })
	store := filepath.Join(mnt, "graph")
	file := filepath.Join(t.TempDir(), "t.txt")
	var b bytes.Buffer
	for k := 0; b.Len() < 2<<20; k++ {
		fmt.Fprintf(&b, "The Assembly recalled resolution %d/%d (https://undocs.org/en/A/RES/%d/%d).\n", 60+k%20, 1+k%300, 60+k%20, 1+k%300)
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := xrefWithStore(t, store, "check", "--quiet", "--severity", "error", file).CombinedOutput(); err != nil {
		t.Fatalf("first check: %v\n%s", err, out)
	}
	// Another program fills the disk, leaving 40 MB.
	var st syscall.Statfs_t
	if err := syscall.Statfs(mnt, &st); err != nil {
		t.Fatal(err)
	}
	fill := filepath.Join(mnt, "fill")
	if err := os.WriteFile(fill, make([]byte, int64(st.Bavail)*st.Bsize-40<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	file2 := filepath.Join(t.TempDir(), "t2.txt")
	os.WriteFile(file2, bytes.ReplaceAll(b.Bytes(), []byte("Assembly"), []byte("Council")), 0o644)
	out, err := xrefWithStore(t, store, "check", "--quiet", "--severity", "error", file2).CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 4 || !strings.Contains(string(out), "not enough free disk space") || strings.Contains(string(out), "fatal error") {
		t.Fatalf("check on a full disk: %v; want exit status 4 and a clear message\n%s", err, out)
	}
	// The store opens, for readers at once and for writers once there is room.
	out, err = xrefWithStore(t, store, "graph", "stats").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "transcripts  1 ") {
		t.Fatalf("graph stats on a full disk: %v\n%s", err, out)
	}
	os.Remove(fill)
	if out, err := xrefWithStore(t, store, "check", "--quiet", "--severity", "error", file2).CombinedOutput(); err != nil {
		t.Fatalf("check once there is room: %v\n%s", err, out)
	}
	out, err = xrefWithStore(t, store, "graph", "stats").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "transcripts  2 ") {
		t.Errorf("graph stats once there is room: %v\n%s", err, out)
	}
}
