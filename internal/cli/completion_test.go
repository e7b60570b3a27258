package cli

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestCompletionBash loads the bash script in a real bash and asks it to
// complete: commands, a command's flags (read from its help, so a new flag
// is completed without a change here), rule ids and formats.
func TestCompletionBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal("bash is needed to test its completion script")
	}
	code, script, errs := run(t, "", "completion", "bash")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	p := writeFile(t, t.TempDir(), "xref.bash", []byte(script))
	for _, tc := range []struct {
		words string
		want  []string
		not   []string
	}{
		{"xref ch", []string{"check"}, []string{"compare"}},
		{"xref check --se", []string{"--select", "--severity"}, []string{"--format"}},
		{"xref check --format ", []string{"sarif", "github", "json", "text"}, nil},
		{"xref check --ignore orph", []string{"orphan-link"}, nil},
		{"xref extract --format ", []string{"jsonl"}, []string{"sarif"}},
		{"xref graph ", []string{"cited-by", "export"}, nil},
		{"xref completion ", []string{"bash", "zsh", "fish"}, nil},
		{"xref help ro", []string{"rot"}, nil},
	} {
		cmd := exec.Command(bash, "--norc", "-c", `source "$1"; read -ra COMP_WORDS <<< "$2"; [[ "$2" == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _xref; printf '%s\n' "${COMPREPLY[@]}"`, "x", p, tc.words)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%q: %v\n%s", tc.words, err, out)
		}
		got := strings.Fields(string(out))
		for _, w := range tc.want {
			if !contains(got, w) {
				t.Errorf("%q completes to %v; want %s among them", tc.words, got, w)
			}
		}
		for _, w := range tc.not {
			if contains(got, w) {
				t.Errorf("%q completes to %v; %s should not be", tc.words, got, w)
			}
		}
	}
}

// TestCompletionZshFish checks the other scripts with their shells'
// parsers, and that they name every command and rule.
func TestCompletionZshFish(t *testing.T) {
	for _, shell := range []string{"zsh", "fish"} {
		code, script, errs := run(t, "", "completion", shell)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", shell, code, errs)
		}
		flag := map[string]string{"zsh": "'--format[", "fish": "-l format"}[shell]
		for _, want := range []string{"check", "extract", flag, "sarif", "orphan-link", "nonstandard-language"} {
			if !strings.Contains(script, want) {
				t.Errorf("%s script lacks %s", shell, want)
			}
		}
		bin, err := exec.LookPath(shell)
		if err != nil {
			if os.Getenv("XREF_REQUIRE_SHELLS") != "" {
				t.Errorf("%s is not installed; .ci/run installs it", shell)
			}
			continue // the parse check needs the shell; .ci/run installs it
		}
		p := writeFile(t, t.TempDir(), "xref."+shell, []byte(script))
		if out, err := exec.Command(bin, "-n", p).CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v\n%s", shell, err, out)
		}
	}
	code, _, errs := run(t, "", "completion", "bsh")
	if code != ExitUsage || !strings.Contains(errs, `did you mean "bash"`) {
		t.Errorf("unknown shell: exit %d: %s", code, errs)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
