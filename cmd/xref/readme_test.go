package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadme holds the README to what a new user needs on its first screen
// (what xref is, how to install it, the command that runs it on a sample,
// the command that runs the tests, where the rules are), runs the sample
// command and compares its first finding with the README's, and checks
// that every link of the README and docs/ leads to a file of the
// repository and that every schema is linked.
func TestReadme(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(readme), "\n")
	first := strings.Join(lines[:min(len(lines), 40)], "\n")
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)
	for _, want := range []string{
		"go install github.com/xref-un/xref/cmd/xref@latest",
		"Go " + string(goVersion[1]) + " or later",
		"go build -o xref ./cmd/xref && ./xref check testdata/CD-PV.1601.zh.txt",
		"go test -race ./...",
		"(docs/rules.md)",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("the README's first screen lacks %q", want)
		}
	}

	// The sample command, with the test binary as xref.
	stdout, stderr, code := runInRoot(t, root, "check", "--no-cache", "testdata/CD-PV.1601.zh.txt")
	if code != 1 {
		t.Errorf("the README's command: exit status %d; want 1 (errors found)", code)
	}
	shown := regexp.MustCompile("(?s)\\$ \\./xref check testdata/CD-PV.1601.zh.txt\n(.*?)\n…").FindSubmatch(readme)
	if shown == nil {
		t.Fatal("the README shows no output of its command")
	}
	if !strings.HasPrefix(stdout, string(shown[1])) {
		t.Errorf("the README shows\n%s\nthe command writes\n%s", shown[1], stdout)
	}
	summary := regexp.MustCompile(`(?m)^testdata/CD-PV\.1601\.zh\.txt: CD/PV\.1601.*$`).Find(readme)
	if !strings.Contains(stderr, string(summary)) {
		t.Errorf("the README's summary line %q is not the command's %q", summary, stderr)
	}

	// Links.
	docs, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	link := regexp.MustCompile(`\]\(([^)#\s]+)(#[^)]*)?\)`)
	for _, page := range append([]string{filepath.Join(root, "README.md")}, docs...) {
		text, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		// Links in code are examples, not links.
		prose := regexp.MustCompile("(?s)```.*?```|`[^`\n]*`").ReplaceAllString(string(text), "")
		for _, m := range link.FindAllStringSubmatch(prose, -1) {
			target := m[1]
			if strings.Contains(target, "://") {
				continue
			}
			p := filepath.Join(filepath.Dir(page), filepath.FromSlash(target))
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s links %s, which does not exist", filepath.Base(page), target)
			}
		}
	}
	schemas, _ := filepath.Glob(filepath.Join(root, "schema", "*.schema.json"))
	if len(schemas) == 0 {
		t.Fatal("no schemas")
	}
	for _, s := range schemas {
		if !strings.Contains(string(readme), "](schema/"+filepath.Base(s)+")") {
			t.Errorf("the README does not link %s", filepath.Base(s))
		}
	}
}

// runInRoot runs the test binary as xref in the repository's root, with no
// configuration file, and returns what it wrote and its exit status.
func runInRoot(t *testing.T, root string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	xref, err := exec.LookPath("xref")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(xref, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "XREF_CONFIG=none")
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil && cmd.ProcessState == nil {
		t.Fatal(err)
	}
	return out.String(), errs.String(), cmd.ProcessState.ExitCode()
}
