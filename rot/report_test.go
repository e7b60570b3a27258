package rot_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/xref-un/xref/rot"
)

// TestJSONSchema pins the names of schema xref-rot/1 (documented in
// docs/rot.md and schema/rot.schema.json): fields may be added, never renamed or removed.
func TestJSONSchema(t *testing.T) {
	r := richReport()
	e := &r.Sections.Redirected[0]
	e.Previous, e.Current = &rot.Snapshot{FinalURL: "a"}, &rot.Snapshot{FinalURL: "b"}
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(v any) []string { return slices.Sorted(maps.Keys(v.(map[string]any))) }
	has := func(what string, got []string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s lacks %q (has %v)", what, w, got)
			}
		}
	}
	has("report", keys(doc), "schema", "run", "totals", "sections", "trend", "closed_hosts")
	if doc["schema"] != "xref-rot/1" {
		t.Errorf("schema %v", doc["schema"])
	}
	has("run", keys(doc["run"]), "id", "start", "end", "budget", "max_requests", "dead_after")
	has("totals", keys(doc["totals"]), "links", "due", "checked", "requests", "deferred", "host_closed", "new_broken", "suspect",
		"fixed", "redirected", "changed", "still_broken", "unknown", "states")
	has("states", keys(doc["totals"].(map[string]any)["states"]), "ok", "suspect", "dead", "unjudged")
	secs := doc["sections"].(map[string]any)
	if got := keys(secs); !slices.Equal(got, []string{"changed", "fixed", "new_broken", "redirected", "still_broken", "suspect", "unknown"}) {
		t.Errorf("sections %v", got)
	}
	for _, v := range rot.SectionOrder {
		name := strings.ReplaceAll(string(v), "-", "_")
		if _, ok := secs[name].([]any); !ok {
			t.Errorf("section %s is not a list", name)
		}
	}
	red := secs["redirected"].([]any)[0]
	has("entry", keys(red), "url", "verdict", "state", "checked", "reason", "failing_since", "previous", "current", "uses")
	has("snapshot", keys(red.(map[string]any)["previous"]), "final_url", "time")
	has("use", keys(red.(map[string]any)["uses"].([]any)[0]), "transcript", "lang", "line", "col", "symbol", "path")
	has("trend point", keys(doc["trend"].([]any)[0]), "run", "start", "checked", "new_broken", "suspect", "fixed", "redirected",
		"changed", "still_broken", "unknown", "dead")
	has("closed host", keys(doc["closed_hosts"].([]any)[0]), "host", "not_before")
	// A report decodes back to the same report.
	var back rot.Report
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	back.WriteJSON(&again)
	if again.String() != buf.String() {
		t.Error("JSON round trip changed the report")
	}
}

// TestHTMLSelfContained: no script, no external asset, a viewport and a
// policy that forbids loading anything; text is escaped.
func TestHTMLSelfContained(t *testing.T) {
	r := richReport()
	r.Sections.Unknown[0].Reason = `<script>alert("x")</script> & more`
	var buf bytes.Buffer
	if err := r.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "<link", "<img", "src=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, want := range []string{`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		`content="default-src 'none'; style-src 'unsafe-inline'"`, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more", "<svg class=\"trend\""} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
