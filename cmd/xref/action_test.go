package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/xref-un/xref/internal/testenv"
)

// TestAction runs the script of the GitHub Action (action/run.sh) as the
// runner would, with its inputs in the environment, in a copy of a
// workspace: it builds xref, checks the files its patterns match, writes a
// SARIF report that validates against the official schema, and gives the
// outputs action.yml uses. No network: the upload step is GitHub's.
func TestAction(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	yml, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"using: composite", `"$GITHUB_ACTION_PATH/action/run.sh"`, "INPUT_FILES: ${{ inputs.files }}",
		"INPUT_ARGS: ${{ inputs.args }}", "INPUT_SARIF_FILE: ${{ inputs.sarif-file }}", "github/codeql-action/upload-sarif@",
		"steps.check.outputs.sarif-file", "steps.check.outputs.exit-code"} {
		if !bytes.Contains(yml, []byte(want)) {
			t.Errorf("action.yml lacks %s", want)
		}
	}

	// The test binary is xref (TestMain); the script's go build is the
	// runner's, and would only rebuild what this test was built from.
	xref, err := exec.LookPath("xref")
	if err != nil {
		t.Fatalf("xref is not on PATH: %v", err)
	}
	ws := t.TempDir()
	for _, name := range []string{"CD-PV.1601.zh.txt", "A-C.1-80-PV.12.es.html"} {
		data, err := os.ReadFile(filepath.Join(root, "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(ws, "records", "2026")
		os.MkdirAll(dir, 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(files, args string) (int, string, map[string]string) {
		tmp := t.TempDir()
		outputs := filepath.Join(tmp, "github-output")
		cmd := exec.Command("bash", filepath.Join(root, "action", "run.sh"))
		cmd.Dir = ws
		cmd.Env = append(os.Environ(), "GITHUB_ACTION_PATH="+root, "RUNNER_TEMP="+tmp, "GITHUB_OUTPUT="+outputs,
			"INPUT_FILES="+files, "INPUT_ARGS="+args, "INPUT_SARIF_FILE=xref.sarif", "XREF_CONFIG=none", "XREF_BIN="+xref)
		log, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		b, _ := os.ReadFile(outputs)
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				got[k] = v
			}
		}
		return code, string(log), got
	}

	code, log, out := run("records/**/*.txt\nrecords/**/*.html", "")
	if code != 0 || out["exit-code"] != "1" || out["sarif-file"] != "xref.sarif" {
		t.Fatalf("errors found: exit %d, outputs %v\n%s", code, out, log)
	}
	sarif, err := os.ReadFile(filepath.Join(ws, "xref.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join(testenv.Shared(t), "schemas", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(sarif))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("the action's SARIF does not validate: %v", err)
	}
	for _, uri := range []string{`"uri": "records/2026/CD-PV.1601.zh.txt"`, `"uri": "records/2026/A-C.1-80-PV.12.es.html"`} {
		if !bytes.Contains(sarif, []byte(uri)) {
			t.Errorf("SARIF lacks %s (paths relative to the workspace)", uri)
		}
	}

	// Flags pass through: without the rules that are errors, exit 0.
	code, log, out = run("records/**/*.txt", "--ignore link-mismatch,malformed-link")
	if code != 0 || out["exit-code"] != "0" {
		t.Errorf("--ignore: exit %d, outputs %v\n%s", code, out, log)
	}
	// Nothing matched, or a bad flag: the step fails with 2.
	if code, log, _ = run("nothing/*.txt", ""); code != 2 || !strings.Contains(log, "no file matches nothing/*.txt") {
		t.Errorf("no files: exit %d\n%s", code, log)
	}
	if code, log, out = run("records/**/*.txt", "--select no-such-rule"); code != 2 || out["exit-code"] != "2" {
		t.Errorf("bad flag: exit %d, outputs %v\n%s", code, out, log)
	}
}
