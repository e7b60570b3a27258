package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xref-un/xref/internal/testenv"
)

// TestJSONSchemas: the JSON of check and extract on every sample and the
// seed, of compare, and every JSON golden validate against their schema
// files in schema/, and carry their schema name. (resolve, graph and rot
// are validated where their tests run them.)
func TestJSONSchemas(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/*.*") // the samples, not the folders
	files = append(files, filepath.Join(testenv.Shared(t), testenv.Seed))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, out, errs := run(t, "", "check", "--no-cache", "--quiet", "--format", "json", f)
			validate(t, "../../schema/check.schema.json", []byte(out))
			if !strings.HasPrefix(out, "{\n  \"schema\": \"xref-check/1\"") {
				t.Errorf("check json does not start with its schema: %.60s %s", out, errs)
			}
			_, out, _ = run(t, "", "extract", "--anaphora", f)
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) == 0 || lines[0] == "" {
				t.Fatal("extract wrote nothing")
			}
			for _, l := range lines {
				validate(t, "../../schema/extract.schema.json", []byte(l))
			}
			_, out, _ = run(t, "", "extract", "--format", "json", f)
			validate(t, "../../schema/extract.schema.json", []byte(out))
		})
	}
	_, out, _ := run(t, "", "compare", "--format", "json", "../../testdata/S-PV.9901.en.txt", "../../testdata/S-PV.9901.zh.txt")
	validate(t, "../../schema/compare.schema.json", []byte(out))

	goldens, _ := filepath.Glob("testdata/golden/*.json")
	if len(goldens) == 0 {
		t.Fatal("no JSON goldens")
	}
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasPrefix(filepath.Base(g), "compare-"):
			validate(t, "../../schema/compare.schema.json", data)
		default:
			t.Errorf("%s: no schema known for this golden", g)
		}
	}
}

// TestSchemasRejectOtherVersions: a schema holds its output to its name
// and version, so a change of either is seen.
func TestSchemasRejectOtherVersions(t *testing.T) {
	_, out, _ := run(t, "", "check", "--no-cache", "--quiet", "--format", "json", "../../testdata/S-PV.9901.en.txt")
	bad := strings.Replace(out, "xref-check/1", "xref-check/2", 1)
	inst := mustJSON(t, bad)
	if compileSchema(t, "../../schema/check.schema.json").Validate(inst) == nil {
		t.Error("check.schema.json accepts xref-check/2")
	}
	bad = strings.Replace(out, `"severity": "warning"`, `"severity": "fatal"`, 1)
	if compileSchema(t, "../../schema/check.schema.json").Validate(mustJSON(t, bad)) == nil {
		t.Error("check.schema.json accepts a severity it does not define")
	}
}
