package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGitHubAnnotations: --format github writes one workflow command per
// finding, with the file, line, column and end of the finding, the level
// GitHub knows (notice for info), and the message escaped so that the
// runner reads it whole.
func TestGitHubAnnotations(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "t,1.txt", []byte("大会通过第 73/266 号决议。\n\nhttps://undocs.org/zh/A/RES/73/226\n并注意到第 70/551 号决定。\n"))
	code, out, errs := run(t, "", "check", "--no-cache", "--quiet", "--format", "github", p)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errs)
	}
	esc := strings.ReplaceAll(strings.ReplaceAll(p, ":", "%3A"), ",", "%2C")
	want := []string{
		"::error file=" + esc + ",line=3,col=1,endColumn=35,title=xref link-mismatch::link points at A/RES/73/226, but the text at 1:5 cites A/RES/73/266%0Asuggestion: https://undocs.org/zh/A/RES/73/266",
		"::notice file=" + esc + ",line=4,col=5,endColumn=17,title=xref unlinked-citation::A/DEC/70/551 is a General Assembly decision: decisions are not issued as documents, so there is nothing to link",
	}
	got := strings.Split(strings.TrimSpace(out), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	line := regexp.MustCompile(`^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,(endColumn|endLine)=\d+,title=xref [a-z0-9-]+::[^\n\r]+$`)
	for _, l := range got {
		if !line.MatchString(l) {
			t.Errorf("not a workflow command: %q", l)
		}
	}
}

// TestSelectIgnore: --select keeps only the named rules, --ignore drops
// them, the exit status follows what is left, and a mistyped rule is a
// usage error that names the rule meant.
func TestSelectIgnore(t *testing.T) {
	sample := "../../testdata/CD-PV.1601.zh.txt"
	code, out, _ := run(t, "", "check", "--no-cache", "--quiet", "--select", "orphan-link,unlinked-citation", sample)
	if code != ExitOK || strings.Contains(out, "error:") || !strings.Contains(out, "orphan-link") || !strings.Contains(out, "unlinked-citation") {
		t.Errorf("--select: exit %d\n%s", code, out)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(l, "\t") && !strings.Contains(l, "orphan-link") && !strings.Contains(l, "unlinked-citation") {
			t.Errorf("--select lets through %q", l)
		}
	}
	code, out, _ = run(t, "", "check", "--no-cache", "--quiet", "--ignore", "link-mismatch,malformed-link", sample)
	if code != ExitOK || strings.Contains(out, "link-mismatch") || strings.Contains(out, "malformed-link") || !strings.Contains(out, "orphan-link") {
		t.Errorf("--ignore: exit %d\n%s", code, out)
	}
	code, _, errs := run(t, "", "check", "--no-cache", "--ignore", "orphan-lnk", sample)
	if code != ExitUsage || !strings.Contains(errs, `did you mean "orphan-link"`) {
		t.Errorf("mistyped rule: exit %d: %s", code, errs)
	}
}

// TestBaselineRoundTrip: a baseline written today hides today's findings,
// even after lines are inserted above them; a new fault is the only
// finding reported, and the exit status follows it.
func TestBaselineRoundTrip(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("../../testdata/CD-PV.1601.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, dir, "record.txt", sample)
	base := filepath.Join(dir, "xref-baseline.json")
	code, out, errs := run(t, "", "check", "--no-cache", "--write-baseline", base, p)
	if code != ExitOK || out != "" || !strings.Contains(errs, "8 findings recorded") {
		t.Fatalf("--write-baseline: exit %d\n%s\n%s", code, out, errs)
	}
	b, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, "../../schema/baseline.schema.json", b)

	// Nothing new: nothing reported, exit 0, the summary says why.
	code, out, errs = run(t, "", "check", "--no-cache", "--baseline", base, p)
	if code != ExitOK || out != "" || !strings.Contains(errs, "(8 in the baseline not shown)") {
		t.Errorf("same file: exit %d\n%s\n%s", code, out, errs)
	}

	// Lines inserted above everything move every finding; a warning is
	// added: only it is reported, and a warning does not fail the check.
	moved := append([]byte("\n\n"), sample...)
	moved = append(moved, []byte("\n大会第 71/258 号决议的执行情况。\n")...)
	writeFile(t, dir, "record.txt", moved)
	code, out, _ = run(t, "", "check", "--no-cache", "--quiet", "--baseline", base, p)
	if code != ExitOK || strings.Count(out, p+":") != 1 || !strings.Contains(out, "unlinked-citation: A/RES/71/258") {
		t.Errorf("one new warning: exit %d\n%s", code, out)
	}

	// A new error: reported alone, and the exit status is 1.
	faulty := append(moved, []byte("https://undocs.org/zh/A/RES/71/259\n")...)
	writeFile(t, dir, "record.txt", faulty)
	code, out, _ = run(t, "", "check", "--no-cache", "--quiet", "--baseline", base, "--severity", "error", p)
	if code != ExitFindings || strings.Count(out, p+":") != 1 || !strings.Contains(out, "link-mismatch") {
		t.Errorf("one new error: exit %d\n%s", code, out)
	}

	// A file that is not a baseline is a usage error.
	code, _, errs = run(t, "", "check", "--no-cache", "--baseline", p, p)
	if code != ExitUsage || !strings.Contains(errs, "not a baseline file") {
		t.Errorf("bad baseline: exit %d: %s", code, errs)
	}
}

// TestRulesDocumented: every rule has its section in docs/rules.md, where
// the SARIF helpUri of the rule points.
func TestRulesDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if !strings.Contains(string(doc), "\n## "+r.ID+"\n") {
			t.Errorf("docs/rules.md has no section %q", r.ID)
		}
	}
}
