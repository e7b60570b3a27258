package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfig: .xref.toml in a parent of the working directory gives the
// defaults of check's flags; flags given on the command line win; a
// mistyped key is an error naming the key meant; XREF_CONFIG chooses
// another file or none.
func TestConfig(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "records", "2026")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	sample, err := filepath.Abs("../../testdata/CD-PV.1601.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, root, ".xref.toml", []byte("# project defaults\nseverity = \"error\"\nignore = [\"link-mismatch\"]\n"))
	t.Setenv(EnvConfig, "")
	t.Chdir(sub)

	// From the configuration: errors only, and not link-mismatch.
	code, out, _ := run(t, "", "check", "--no-cache", "--quiet", sample)
	if code != ExitFindings || strings.Contains(out, "warning:") || strings.Contains(out, "link-mismatch") || !strings.Contains(out, "malformed-link") {
		t.Errorf("configured: exit %d\n%s", code, out)
	}
	// A flag wins over the configuration.
	_, out, _ = run(t, "", "check", "--no-cache", "--quiet", "--severity", "warning", sample)
	if !strings.Contains(out, "warning: orphan-link") {
		t.Errorf("--severity warning does not win over the configuration:\n%s", out)
	}
	_, out, _ = run(t, "", "check", "--no-cache", "--quiet", "--ignore", "", sample)
	if !strings.Contains(out, "link-mismatch") {
		t.Errorf("--ignore \"\" does not win over the configuration:\n%s", out)
	}
	// XREF_CONFIG=none: no configuration.
	t.Setenv(EnvConfig, "none")
	_, out, _ = run(t, "", "check", "--no-cache", "--quiet", sample)
	if !strings.Contains(out, "link-mismatch") || !strings.Contains(out, "warning:") {
		t.Errorf("XREF_CONFIG=none still configures:\n%s", out)
	}
	// A mistyped key, or a bad value, is a usage error with the file.
	bad := writeFile(t, root, "bad.toml", []byte("severty = \"error\"\n"))
	t.Setenv(EnvConfig, bad)
	code, _, errs := run(t, "", "check", "--no-cache", sample)
	if code != ExitUsage || !strings.Contains(errs, `unknown key "severty" (did you mean "severity"?)`) {
		t.Errorf("mistyped key: exit %d: %s", code, errs)
	}
	broken := writeFile(t, root, "broken.toml", []byte("severity = \"error\"\nselect = [\"link-mismatch\"\n"))
	t.Setenv(EnvConfig, broken)
	code, _, errs = run(t, "", "check", "--no-cache", sample)
	if code != ExitUsage || !strings.Contains(errs, "broken.toml:") {
		t.Errorf("broken file: exit %d: %s", code, errs)
	}
	rule := writeFile(t, root, "rule.toml", []byte("select = [\"link-mismach\"]\n"))
	t.Setenv(EnvConfig, rule)
	code, _, errs = run(t, "", "check", "--no-cache", sample)
	if code != ExitUsage || !strings.Contains(errs, `did you mean "link-mismatch"`) {
		t.Errorf("unknown rule in the configuration: exit %d: %s", code, errs)
	}
}
