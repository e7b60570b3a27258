// Package testenv finds the real UN text that tests and benchmarks read at
// run time. It is kept outside the repository, in ../shared next to the
// module (or where XREF_SHARED points), because the project holds only
// what its authors wrote.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// Shared returns the directory of shared UN text (seeds/, corpora/). A test
// that needs it fails when it is missing: a silent skip would hide lost
// coverage.
func Shared(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("XREF_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(filepath.Join(shared, "corpora")); err != nil {
				tb.Fatalf("real UN text not found at %s (set XREF_SHARED): %v", shared, err)
			}
			return shared
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// Read returns the contents of a file under the shared directory.
func Read(tb testing.TB, rel string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(Shared(tb), rel))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Glob returns the files under the shared directory that match pattern,
// sorted, and fails when there are none.
func Glob(tb testing.TB, pattern string) []string {
	tb.Helper()
	m, err := filepath.Glob(filepath.Join(Shared(tb), pattern))
	if err != nil || len(m) == 0 {
		tb.Fatalf("no shared files match %s: %v", pattern, err)
	}
	return m
}

// Concat reads and joins the files that match the patterns, each followed
// by a blank line.
func Concat(tb testing.TB, patterns ...string) []byte {
	tb.Helper()
	var out []byte
	for _, p := range patterns {
		for _, f := range Glob(tb, p) {
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, b...)
			out = append(out, '\n', '\n')
		}
	}
	return out
}

// EnglishCorpora are the English corpora, for recall tests and benchmarks.
var EnglishCorpora = []string{
	"corpora/unsc-resolutions-en/res_en_gold/*.txt",
	"corpora/ga-res-80-md/*.md",
	"corpora/ga-res-pdftext/*/*.txt",
	"corpora/unsc-debates-en/*.csv",
}

// Seed is the real Chinese record of CD/PV.1505.
const Seed = "seeds/000_f6527b781c8cc503.txt"
