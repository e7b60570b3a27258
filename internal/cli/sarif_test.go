package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/xref-un/xref/internal/testenv"
)

// TestSARIF: check --format sarif on every sample and the seed validates
// against the official SARIF 2.1.0 schema, declares every rule with its
// help, and locates every result by the line and character column that
// the text output gives, with a fix for each suggested address.
func TestSARIF(t *testing.T) {
	schema := filepath.Join(testenv.Shared(t), "schemas", "sarif-schema-2.1.0.json")
	files, _ := filepath.Glob("../../testdata/*.*") // the samples, not the folders
	files = append(files, filepath.Join(testenv.Shared(t), testenv.Seed))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			code, out, errs := run(t, "", "check", "--no-cache", "--quiet", "--format", "sarif", f)
			if code != ExitOK && code != ExitFindings {
				t.Fatalf("exit %d: %s", code, errs)
			}
			validate(t, schema, []byte(out))
			_, text, _ := run(t, "", "check", "--no-cache", "--quiet", f)
			checkSARIF(t, f, out, text)
		})
	}
	// The whole run of several files is one log.
	code, out, _ := run(t, "", append([]string{"check", "--no-cache", "--quiet", "--format", "sarif"}, files...)...)
	if code != ExitFindings {
		t.Errorf("exit %d; want %d", code, ExitFindings)
	}
	validate(t, schema, []byte(out))
	// The schema does reject what is not SARIF: a result without message.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"xref"}},"results":[{"ruleId":"x"}]}]}`))
	if compileSchema(t, schema).Validate(bad) == nil {
		t.Error("the SARIF schema accepts a result without a message")
	}
}

func checkSARIF(t *testing.T, path, out, text string) {
	var log struct {
		Version string
		Runs    []struct {
			ColumnKind string
			Tool       struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID      string
						HelpURI string
						Help    struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct {
							StartLine, StartColumn, EndLine, EndColumn int
							Snippet                                    struct{ Text string }
						}
					}
				}
				PartialFingerprints map[string]string
				Fixes               []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].ColumnKind != "unicodeCodePoints" {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "xref" || len(run.Tool.Driver.Rules) != len(rules) {
		t.Errorf("driver %q with %d rules", run.Tool.Driver.Name, len(run.Tool.Driver.Rules))
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.Help.Text == "" || !strings.HasSuffix(r.HelpURI, "#"+r.ID) {
			t.Errorf("rule %s: help %q at %q", r.ID, r.Help.Text, r.HelpURI)
		}
	}
	input, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(input), "\n")
	findingLines := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, path+":") {
			findingLines++
		}
	}
	if len(run.Results) != findingLines {
		t.Errorf("%d results; the text output has %d findings", len(run.Results), findingLines)
	}
	fixes := 0
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s points at rule %d", r.RuleID, r.RuleIndex)
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI == "" || r.PartialFingerprints[fingerprintKey] == "" {
			t.Errorf("%s: uri %q, fingerprints %v", r.RuleID, loc.ArtifactLocation.URI, r.PartialFingerprints)
		}
		reg := loc.Region
		// The snippet starts at the start column, counted in characters.
		if reg.Snippet.Text != "" && reg.StartLine == reg.EndLine {
			line := []rune(lines[reg.StartLine-1])
			got := string(line[reg.StartColumn-1 : reg.EndColumn-1])
			if got != reg.Snippet.Text {
				t.Errorf("%s at %d:%d-%d: columns give %q, snippet %q", r.RuleID, reg.StartLine, reg.StartColumn, reg.EndColumn, got, reg.Snippet.Text)
			}
		}
		want := r.Level + ": " + r.RuleID + ": "
		found := false
		for _, l := range strings.Split(text, "\n") {
			if strings.Contains(l, ":"+itoa(reg.StartLine)+":"+itoa(reg.StartColumn)+": ") && strings.Contains(strings.Replace(l, "info: ", "note: ", 1), want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %s at %d:%d is not in the text output", r.Level, r.RuleID, reg.StartLine, reg.StartColumn)
		}
		if len(r.Fixes) > 0 {
			fixes++
			ins := r.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text
			if !strings.Contains(ins, "https://undocs.org/") || !utf8.ValidString(ins) {
				t.Errorf("%s: fix inserts %q", r.RuleID, ins)
			}
		}
		if strings.Contains(r.Message.Text, "suggestion: https://") && len(r.Fixes) == 0 && r.RuleID != "year-mismatch" {
			t.Errorf("%s suggests an address without a fix", r.RuleID)
		}
	}
	if strings.Contains(text, "suggestion: https://") && fixes == 0 {
		t.Error("no fix although the text output suggests addresses")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
