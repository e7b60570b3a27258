package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAppendJSONString: the hand-written encoder gives what encoding/json
// reads back as the same string, on the fast path for plain ASCII and on
// the slow one.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{
		"", "A/RES/73/266", "https://undocs.org/en/S/RES/1540(2004)", "resolution 1540\n(2004)",
		`a "quoted" \ back`, "tab\there", "\x00\x01\x1f", "第 73/266 号决议", "exactly8", "sixteen bytes ok",
		"line\u2028sep", "bad \xff utf-8", strings.Repeat("plain ", 20) + "\"",
	} {
		checkJSONString(t, s)
	}
}

func checkJSONString(t *testing.T, s string) {
	t.Helper()
	b := appendJSONString(nil, s)
	var back string
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("%q: %s does not parse: %v", s, b, err)
	}
	// Each byte of broken UTF-8 becomes one U+FFFD.
	var w strings.Builder
	for _, r := range s {
		w.WriteRune(r)
	}
	want := w.String()
	if back != want {
		t.Errorf("%q: %s reads back as %q", s, b, back)
	}
	if plainString(s) {
		if std, _ := json.Marshal(s); string(std) != string(b) && !strings.ContainsAny(s, "<>&") {
			t.Errorf("%q: %s; encoding/json writes %s", s, b, std)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"A/RES/73/266", `"\`, "第 73/266 号决议", "\xff\x00"} {
		f.Add(s)
	}
	f.Fuzz(checkJSONString)
}
