package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xref-un/xref/unsim"
)

// TestReadmeDeadLinks runs the README's "When a link dies" example against
// the simulator's dead-links scenario, on a free loopback port instead of
// the README's 8089, and compares what it writes with what the README
// shows.
func TestReadmeDeadLinks(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)\\$ \\./xref check --resolve --quiet --base-url http://127\\.0\\.0\\.1:8089 testdata/resolve/dead-links\\.en\\.txt\n(.*?)```").FindSubmatch(readme)
	if block == nil {
		t.Fatal("the README shows no dead-links example")
	}
	sc, err := unsim.Builtin("dead-links")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	stdout, stderr, code := runInRoot(t, root, "check", "--resolve", "--quiet", "--no-cache", "--base-url", srv.URL, "testdata/resolve/dead-links.en.txt")
	if code != 1 {
		t.Errorf("the README's dead-links command: exit status %d; want 1 (errors found)\n%s", code, stderr)
	}
	if got, want := strings.TrimSpace(stdout), strings.TrimSpace(string(block[1])); got != want {
		t.Errorf("the README shows\n%s\nthe command writes\n%s", want, got)
	}
}
