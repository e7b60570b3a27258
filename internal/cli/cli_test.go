package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xref-un/xref/internal/testenv"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("output differs from %s (go test -update if the change is right)\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

// TestSeedCheck is the acceptance test of the first issue: `xref check` on
// the real record of CD/PV.1505 pairs every linked citation with its
// footnote link, reports the malformed link and the "ch" links, and exits 1.
func TestSeedCheck(t *testing.T) {
	seed := filepath.Join(testenv.Shared(t), testenv.Seed)
	code, out, errs := run(t, "", "check", seed)
	if code != ExitFindings {
		t.Errorf("exit %d; want %d\n%s", code, ExitFindings, errs)
	}
	// Paths differ between machines: keep the file name only.
	out = strings.ReplaceAll(out, seed, "000_f6527b781c8cc503.txt")
	golden(t, "seed-check.txt", out)
	if !strings.Contains(errs, "CD/PV.1505, zh: 14 citations, 13 links; 1 error, 2 warnings, 1 info") {
		t.Errorf("summary: %s", errs)
	}
	// The JSON report names the identity and pairs the links.
	code, out, _ = run(t, "", "check", "--format", "json", "--quiet", seed)
	var rep struct {
		Files []struct {
			Lang      string `json:"lang"`
			Self      string `json:"self"`
			Citations []struct {
				Symbol string `json:"symbol"`
				Link   int    `json:"link"`
			} `json:"citations"`
			Links []struct {
				URL      string `json:"url"`
				Symbol   string `json:"symbol"`
				Lang     string `json:"lang"`
				Citation int    `json:"citation"`
			} `json:"links"`
			Findings []struct {
				Rule, Severity, Suggestion string
				Line, Col                  int
				Occurrences                []struct {
					Line       int
					URL        string
					Suggestion string
				}
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitFindings || len(rep.Files) != 1 {
		t.Fatalf("json: exit %d, %v\n%s", code, err, out)
	}
	f := rep.Files[0]
	if f.Self != "CD/PV.1505" || f.Lang != "zh" || len(f.Citations) != 14 || len(f.Links) != 13 {
		t.Errorf("self %q lang %q, %d citations, %d links", f.Self, f.Lang, len(f.Citations), len(f.Links))
	}
	for _, l := range f.Links {
		if l.Citation < 0 {
			t.Errorf("link %s not paired", l.URL)
		}
	}
	// One nonstandard-language finding for the 13 links that write "ch",
	// every location kept; no suggestion names A/RES/73/546, which the
	// same run calls decision A/DEC/73/546.
	nonstandard := 0
	for _, fd := range f.Findings {
		sugg := []string{fd.Suggestion}
		if fd.Rule == "nonstandard-language" {
			nonstandard++
			if len(fd.Occurrences) != 13 {
				t.Errorf("nonstandard-language keeps %d locations; want 13", len(fd.Occurrences))
			}
			for _, o := range fd.Occurrences {
				if !strings.Contains(o.URL, "undocs.org/ch/") {
					t.Errorf("occurrence at line %d: %s", o.Line, o.URL)
				}
				sugg = append(sugg, o.Suggestion)
			}
		}
		for _, s := range sugg {
			if strings.Contains(s, "A/RES/73/546") {
				t.Errorf("%s at %d:%d suggests %s", fd.Rule, fd.Line, fd.Col, s)
			}
		}
	}
	if nonstandard != 1 {
		t.Errorf("%d nonstandard-language findings; want 1", nonstandard)
	}
	// expand --fix-links agrees: nothing links A/RES/73/546.
	for _, to := range []string{"markdown", "html", "text"} {
		_, out, _ := run(t, "", "expand", "--no-cache", "--fix-links", "--to", to, seed)
		if strings.Contains(out, "A/RES/73/546") {
			t.Errorf("expand --fix-links --to %s links A/RES/73/546", to)
		}
	}
}

// TestSamples keeps the output of check on the sample transcripts.
func TestSamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*.*"))
	if len(files) < 3 {
		t.Fatal("sample transcripts missing")
	}
	for _, f := range files {
		code, out, _ := run(t, "", "check", "--quiet", f)
		if code != ExitFindings {
			t.Errorf("%s: exit %d; every sample has a deliberate error", f, code)
		}
		golden(t, filepath.Base(f)+".check", strings.ReplaceAll(out, filepath.Join("..", "..", "testdata")+"/", ""))
	}
}

// TestExitCodes: every kind of bad input gets a clear message and exit 2,
// and the other files are still processed.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	zh := "大会通过了第 73/266 号决议。\n"
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(zh)
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(zh + zh)
	good := writeFile(t, dir, "good.txt", []byte("resolution 73/266 (https://undocs.org/en/A/RES/73/266)\n"))
	bad := writeFile(t, dir, "bad.txt", []byte("resolution 73/266 (https://undocs.org/en/73/266)\n"))
	files := map[string]string{
		"empty":   writeFile(t, dir, "empty.txt", nil),
		"binary":  writeFile(t, dir, "report.pdf", []byte("%PDF-1.7\n\x00\x01\x02")),
		"damaged": writeFile(t, dir, "damaged.txt", []byte("第 73/266 号决议\nla resolución \xff 73/266\n")),
		"cp1252":  writeFile(t, dir, "cp1252.txt", []byte("Recordando la resoluci\xf3n 73/266 de la Asamblea General\n")),
		"utf16":   writeFile(t, dir, "utf16.txt", []byte(utf16)),
		"gb18030": writeFile(t, dir, "gb.txt", []byte(gb)),
		"html":    writeFile(t, dir, "broken.html", []byte("<html><p>resolution <b>73/266<p a=\"b>")),
		"huge":    writeFile(t, dir, "huge.txt", bytes.Repeat([]byte("The Council recalls resolution 1540 (2004). "+strings.Repeat("x ", 1000)), 50<<20/2045)),
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no arguments", nil, ExitUsage, "", "Usage:"},
		{"help", []string{"--help"}, ExitOK, "Usage:", ""},
		{"help check", []string{"help", "check"}, ExitOK, "Rules (severity)", ""},
		{"version", []string{"--version"}, ExitOK, "xref v", ""},
		{"unknown command", []string{"frobnicate"}, ExitUsage, "", `unknown command "frobnicate"`},
		{"mistyped command", []string{"chek", good}, ExitUsage, "", `unknown command "chek" (did you mean "check"?)`},
		{"unknown flag", []string{"check", "--frob", good}, ExitUsage, "", "flag provided but not defined"},
		{"bad format", []string{"extract", "--format", "xml", good}, ExitUsage, "", `unknown format "xml"`},
		{"bad language", []string{"check", "--lang", "xx", good}, ExitUsage, "", `unknown language "xx"`},
		{"no files", []string{"check"}, ExitUsage, "", "no input files"},
		{"clean", []string{"check", good}, ExitOK, "", "0 errors"},
		{"errors found", []string{"check", bad}, ExitFindings, "malformed-link", ""},
		{"missing file", []string{"check", filepath.Join(dir, "nope.txt"), good}, ExitUsage, "", "no such file"},
		{"empty file", []string{"check", files["empty"]}, ExitOK, "", "0 citations"},
		{"binary file", []string{"extract", files["binary"], good}, ExitUsage, `"symbol":"A/RES/73/266"`, "this is a PDF file"},
		{"damaged utf-8", []string{"check", files["damaged"]}, ExitUsage, "", "invalid UTF-8 (byte 0xFF)"},
		{"damaged utf-8 extract", []string{"extract", files["damaged"]}, ExitUsage, "", "line 2, column 15"},
		{"windows-1252", []string{"extract", "--format", "text", files["cp1252"]}, ExitOK, `"resolución 73/266"`, ""},
		{"forced wrong encoding", []string{"extract", "--encoding", "utf-8", files["cp1252"]}, ExitUsage, "", "invalid UTF-8 (byte 0xF3)"},
		{"utf-16", []string{"extract", "--format", "text", files["utf16"]}, ExitOK, "A/RES/73/266", ""},
		{"gb18030", []string{"extract", "--format", "text", files["gb18030"]}, ExitOK, "A/RES/73/266", ""},
		{"malformed html", []string{"extract", files["html"]}, ExitOK, "A/RES/73/266", ""},
		{"directory", []string{"check", dir}, ExitUsage, "", "is a directory"},
		{"50 MB line", []string{"extract", "--format", "text", files["huge"]}, ExitOK, "S/RES/1540(2004)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d; want %d\nstderr: %s", code, tt.code, errs)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout %q does not contain %q", trim(out), tt.stdout)
			}
			if !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", trim(errs), tt.stderr)
			}
		})
	}
}

func trim(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

func TestExtractFormats(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "t.txt", []byte("第 73/27 号和第 73/266 号决议\n以及第 70/551 号决定。\n"))
	code, out, _ := run(t, "", "extract", f)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("jsonl: %d lines; want 3:\n%s", len(lines), out)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[2]), &rec); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(f)
	start := bytes.Index(data, []byte("第 70/551"))
	end := start + len("第 70/551 号决定")
	want := map[string]any{"file": f, "lang": "zh", "symbol": "A/DEC/70/551", "display": "A/DEC/70/551", "kind": "decision",
		"organ": "GA", "start": float64(start), "end": float64(end), "line": float64(2), "col": float64(3), "text": "第 70/551 号决定", "url": ""}
	for k, v := range want {
		if rec[k] != v {
			t.Errorf("field %s = %v; want %v", k, rec[k], v)
		}
	}

	// json: one document with all files.
	code, out, _ = run(t, "", "extract", "--format", "json", f, f)
	var doc struct {
		Files []struct {
			Citations []json.RawMessage `json:"citations"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 || len(doc.Files) != 2 || len(doc.Files[0].Citations) != 3 {
		t.Errorf("json: exit %d, %v, %s", code, err, trim(out))
	}
	// stdin.
	code, out, _ = run(t, "resolution 1540 (2004)", "extract", "--format", "text", "-")
	if code != 0 || !strings.HasPrefix(out, "<stdin>:1:1: S/RES/1540(2004)") {
		t.Errorf("stdin: exit %d, %q", code, out)
	}
}
