package cli

import (
	"os"
	"testing"
)

// TestMain keeps every test's citation graph in a temporary directory: a
// test must never write to the user's cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "xref-cli-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv(EnvCache, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
