package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xref-un/xref/cache"
)

// TestExpandMarksDeadLinks: what the citation graph knows to be dead is
// marked in the expansion, and the rest is linked plainly.
func TestExpandMarksDeadLinks(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvCache, dir)
	ctx := context.Background()
	st, err := cache.Open(ctx, dir, cache.Options{})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 2, 3, 0, 0, 0, time.UTC)
	for u, status := range map[string]string{
		"https://undocs.org/en/S/RES/1540(2004)": "soft-404",
		"https://undocs.org/en/A/RES/73/266":     "ok",
	} {
		if _, err := st.Observe(ctx, u, cache.Observation{Time: day, Status: status, Code: 200}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	in := "Recalling resolution 1540 (2004) and resolution 73/266.\n"
	code, out, errs := run(t, in, "expand", "--to", "html", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		`<a href="https://undocs.org/en/S/RES/1540(2004)" class="xref-dead" title="dead link: soft-404 since 2026-11-02">resolution 1540 (2004)</a>`,
		`<a href="https://undocs.org/en/A/RES/73/266">resolution 73/266</a>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s\n%s", want, out)
		}
	}
	// --no-cache: nothing is known, nothing is marked.
	_, out, _ = run(t, in, "expand", "--no-cache", "--to", "html", "-")
	if strings.Contains(out, "xref-dead") {
		t.Errorf("--no-cache still marked a dead link:\n%s", out)
	}
}

func TestExpandErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"expand", "--no-cache", "missing.txt"}, ExitUsage, "missing.txt"},
		{[]string{"expand", "--lang", "xx", "-"}, ExitUsage, `unknown language "xx"`},
		{[]string{"expand", "--decisions", "drop", "-"}, ExitUsage, "unknown decisions mode"},
		{[]string{"expand"}, ExitUsage, "no input files"},
	} {
		code, _, errs := run(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tc.args, code, errs, tc.code, tc.msg)
		}
	}
}
