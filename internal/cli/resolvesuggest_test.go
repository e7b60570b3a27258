package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/xref-un/xref/fetch"
)

// TestResolveDropsDeadSuggestions: with --resolve, an address that check
// would suggest and the same run finds dead is not suggested; the message
// says so. The simulator's seed scenario knows A/RES/73/266 and
// A/RES/72/251, not A/RES/73/299 nor S/RES/1540(2004).
func TestResolveDropsDeadSuggestions(t *testing.T) {
	srv := startSim(t, "seed")
	t.Setenv(fetch.EnvBaseURL, "")
	f := writeFile(t, t.TempDir(), "t.txt", []byte(
		"大会第 73/299 号决议 (https://undocs.org/zh/A/RES/73/266)。\n\n大会第 72/251 号决议和安理会第 1540(2004)号决议。\n"))
	args := append([]string{"check", "--no-cache", "--quiet", "--resolve", "--base-url", srv.URL, "--format", "json"}, fastFetch...)
	_, out, errs := run(t, "", append(args, f)...)
	validate(t, "../../schema/check.schema.json", []byte(out))
	var rep struct {
		Files []struct {
			Findings []struct{ Rule, Message, Suggestion string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Files) != 1 {
		t.Fatalf("%v\n%s\n%s", err, out, errs)
	}
	seen := map[string]bool{}
	for _, fd := range rep.Files[0].Findings {
		if strings.Contains(fd.Suggestion, "73/299") || strings.Contains(fd.Suggestion, "1540") {
			t.Errorf("%s suggests %s, which the run found dead", fd.Rule, fd.Suggestion)
		}
		switch {
		case fd.Rule == "link-mismatch":
			seen["mismatch"] = fd.Suggestion == "" && strings.Contains(fd.Message, "does not resolve either")
		case fd.Rule == "unlinked-citation" && strings.Contains(fd.Message, "1540"):
			seen["unlinked dead"] = fd.Suggestion == "" && strings.Contains(fd.Message, "does not resolve either")
		case fd.Rule == "unlinked-citation" && strings.Contains(fd.Message, "72/251"):
			seen["unlinked ok"] = fd.Suggestion == "https://undocs.org/zh/A/RES/72/251" && strings.Contains(fd.Message, "resolves")
		}
	}
	for _, k := range []string{"mismatch", "unlinked dead", "unlinked ok"} {
		if !seen[k] {
			t.Errorf("%s: not as expected\n%s", k, out)
		}
	}
}
