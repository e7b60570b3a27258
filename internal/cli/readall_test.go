package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrorsNameFileOnce: an unreadable input is named once, by the command
// ("xref: F: no such file or directory"), not again by the os package
// ("xref: F: stat F: no such file or directory").
func TestErrorsNameFileOnce(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	good := writeFile(t, dir, "good.txt", []byte("resolution 73/266\n"))
	for _, args := range [][]string{
		{"check", "--no-cache", missing},
		{"extract", missing},
		{"expand", "--no-cache", missing},
		{"compare", missing, good},
		{"check", "--no-cache", dir},
	} {
		_, _, errs := run(t, "", args...)
		var line string
		for _, l := range strings.Split(errs, "\n") {
			if strings.Contains(l, dir) {
				line = l
				break
			}
		}
		if line == "" || strings.Count(line, dir) != 1 || !strings.HasPrefix(line, "xref: "+args[len(args)-1]+": ") && !strings.HasPrefix(line, "xref: "+missing+": ") {
			t.Errorf("%v: %q; want the file named once, after xref:", args, line)
		}
	}
}

// TestReadInput: a file is read whole into a buffer of its size (and one
// byte, to see its end); other readers are read as they come.
func TestReadInput(t *testing.T) {
	p := writeFile(t, t.TempDir(), "t.txt", bytes.Repeat([]byte("resolution 73/266\n"), 1000))
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := readInput(f)
	if err != nil || len(b) != 18000 || cap(b) != 18001 {
		t.Errorf("read %d bytes (capacity %d), %v; want 18000 in a buffer of 18001", len(b), cap(b), err)
	}
	b, err = readInput(strings.NewReader("from a pipe"))
	if err != nil || string(b) != "from a pipe" {
		t.Errorf("a reader: %q, %v", b, err)
	}
}
