package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xref-un/xref/internal/cli"
)

func TestMain(m *testing.M) {
	if os.Getenv(asXref) != "" {
		main()
	}
	testscript.Main(m, map[string]func(){
		"xref": func() { os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command as a user would, from the scripts in
// testdata/script: each is a shell-like session with its input files.
func TestScripts(t *testing.T) {
	samples, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(e *testscript.Env) error {
			e.Setenv("SAMPLES", samples)
			// Never the user's own store.
			e.Setenv("XREF_CACHE", filepath.Join(e.WorkDir, "graph"))
			return nil
		},
	})
}
