package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

var sampleVersions = []string{
	filepath.Join("..", "..", "testdata", "CD-PV.1601.zh.txt"),
	filepath.Join("..", "..", "testdata", "CD-PV.1601.en.txt"),
	filepath.Join("..", "..", "testdata", "CD-PV.1601.es.txt"),
}

// TestCompareSamples keeps the output of compare on the three versions of
// the sample record: they agree but for an omission in English and a
// changed number in Spanish.
func TestCompareSamples(t *testing.T) {
	prefix := filepath.Join("..", "..", "testdata") + "/"
	code, out, errs := run(t, "", append([]string{"compare"}, sampleVersions...)...)
	if code != ExitFindings {
		t.Errorf("exit %d; want %d\n%s", code, ExitFindings, errs)
	}
	golden(t, "compare-CD-PV.1601.txt", strings.ReplaceAll(out, prefix, ""))

	code, out, _ = run(t, "", append([]string{"compare", "--format", "json"}, sampleVersions...)...)
	if code != ExitFindings {
		t.Errorf("json: exit %d; want %d", code, ExitFindings)
	}
	golden(t, "compare-CD-PV.1601.json", strings.ReplaceAll(out, prefix, ""))
	var rep struct {
		Agree    bool `json:"agree"`
		Versions []struct {
			Lang, Self string
			Citations  int
		} `json:"versions"`
		Summary struct {
			Rows, Agree, Missing, Differs int
		} `json:"summary"`
		Differences []struct {
			Kind    string   `json:"kind"`
			Symbols []string `json:"symbols"`
			Sides   []struct {
				Lang   string `json:"lang"`
				Absent bool   `json:"absent"`
				Agrees bool   `json:"agrees"`
				Line   int    `json:"line"`
			} `json:"versions"`
		} `json:"differences"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Agree || len(rep.Versions) != 3 || rep.Summary.Rows != 11 || rep.Summary.Agree != 9 || len(rep.Differences) != 2 {
		t.Fatalf("report: %+v", rep)
	}
	if d := rep.Differences[0]; d.Kind != "differs" || strings.Join(d.Symbols, " ") != "A/RES/73/266 A/RES/73/226" || d.Sides[2].Agrees {
		t.Errorf("first difference: %+v", d)
	}
	if d := rep.Differences[1]; d.Kind != "missing" || !d.Sides[1].Absent || d.Sides[1].Line != 34 {
		t.Errorf("second difference: %+v", d)
	}

	// Two versions that agree.
	code, out, _ = run(t, "", "compare", sampleVersions[0], sampleVersions[0])
	if code != ExitOK || !strings.Contains(out, "11 of 11 citations agree\n") {
		t.Errorf("a version against itself: exit %d\n%s", code, out)
	}
}

func TestCompareExitCodes(t *testing.T) {
	dir := t.TempDir()
	en := writeFile(t, dir, "en.txt", []byte("The Assembly adopted resolution 73/266 and decision 70/551.\n"))
	es := writeFile(t, dir, "es.txt", []byte("La Asamblea aprobó la resolución 73/266 y la decisión 70/551.\n"))
	zh := writeFile(t, dir, "zh.txt", []byte("大会通过了第 73/266 号决议。\n"))
	other := writeFile(t, dir, "other.txt", []byte("---\nsymbol: CD/PV.1602\n---\nThe Assembly adopted resolution 73/266 and decision 70/551.\n"))
	self := writeFile(t, dir, "self.txt", []byte("---\nsymbol: CD/PV.1601\n---\nThe Assembly adopted resolution 73/266 and decision 70/551.\n"))
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"agree", "", []string{en, es}, ExitOK, "2 of 2 citations agree\n", ""},
		{"omission", "", []string{en, zh}, ExitFindings, zh + ":1:18: missing: zh does not cite A/DEC/70/551 (expected after A/RES/73/266); en cites it", ""},
		{"other record", "", []string{self, other}, ExitFindings, other + ": identity: other.txt is the record CD/PV.1602, self.txt is CD/PV.1601", ""},
		{"standard input", "La Asamblea aprobó la resolución 73/226 y la decisión 70/551.\n", []string{en, "-"}, ExitFindings,
			`<stdin>:1:23: differs: es cites A/RES/73/226 here ("resolución 73/226"), where en cites A/RES/73/266`, ""},
		{"languages given", "", []string{"--lang", "en,fr", en, es}, ExitOK, "2 versions (en, fr)", ""},
		{"one language for all", "", []string{"--lang", "es", en, es}, ExitOK, "2 versions (en.txt, es.txt)", ""},
		{"help", "", []string{"-h"}, ExitOK, "How the citations are aligned", ""},
		{"one file", "", []string{en}, ExitUsage, "", "at least two versions"},
		{"no file", "", nil, ExitUsage, "", "at least two versions"},
		{"standard input twice", "", []string{"-", "-"}, ExitUsage, "", "standard input (-) can be only one"},
		{"bad format", "", []string{"--format", "xml", en, es}, ExitUsage, "", `unknown format "xml"`},
		{"bad language", "", []string{"--lang", "en,xx", en, es}, ExitUsage, "", `unknown language "xx"`},
		{"too many languages", "", []string{"--lang", "en,es,fr", en, es}, ExitUsage, "", "--lang names 3 languages for 2 files"},
		{"missing file, the others compared", "", []string{en, filepath.Join(dir, "nope.txt"), es}, ExitUsage, "2 of 2 citations agree", "no such file"},
		{"only one readable", "", []string{en, filepath.Join(dir, "nope.txt")}, ExitUsage, "", "fewer than two versions could be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.stdin, append([]string{"compare"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d; want %d\nstdout: %s\nstderr: %s", code, tt.code, trim(out), trim(errs))
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

func TestVersionLangs(t *testing.T) {
	for _, tc := range []struct {
		flag string
		n    int
		want string
		err  bool
	}{
		{"", 3, ",,", false},
		{"zh", 3, "zh,zh,zh", false},
		{"zh,EN, es", 3, "zh,en,es", false},
		{"zh,,es", 3, "zh,,es", false},
		{"zh,en", 3, "", true},
		{"zh,xx,es", 3, "", true},
	} {
		got, err := versionLangs(tc.flag, tc.n)
		if (err != nil) != tc.err || err == nil && strings.Join(got, ",") != tc.want {
			t.Errorf("versionLangs(%q, %d) = %q, %v; want %q (error %v)", tc.flag, tc.n, got, err, tc.want, tc.err)
		}
	}
}
