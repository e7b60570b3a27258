package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/internal/testenv"
	"github.com/xref-un/xref/linker"
	"github.com/xref-un/xref/rot"
	"github.com/xref-un/xref/unsim"
)

// deadLinksTranscript cites every link of a DeadLinks scenario, each
// right after its resolution.
func deadLinksTranscript(set unsim.DeadLinkSet) string {
	var links []string
	for u := range set.Symbols {
		links = append(links, u)
	}
	sort.Strings(links)
	var b strings.Builder
	b.WriteString("United Nations A/78/PV.98\nGeneral Assembly\n\n")
	for _, u := range links {
		num := strings.TrimPrefix(set.Symbols[u], "A/RES/")
		fmt.Fprintf(&b, "The Assembly recalled its resolution %s (%s).\n\n", num, u)
	}
	return b.String()
}

// politeFlags are the fetch flags of the acceptance runs: a rate the
// politeness assertions measure.
var politeFlags = []string{"--rate", "40", "--concurrency", "2"}

// assertPolite checks the simulator's log: at most 2 requests in flight
// per host, and at most rate + 2 arrivals in any second (burst 1, and 1
// for the clocks of client and server).
func assertPolite(t *testing.T, srv *unsim.Server) {
	t.Helper()
	for h, n := range srv.Stats().MaxInFlight {
		if n > 2 {
			t.Errorf("%s: %d requests in flight; --concurrency 2", h, n)
		}
	}
	byHost := map[string][]time.Time{}
	for _, l := range srv.Log() {
		byHost[l.Host] = append(byHost[l.Host], l.Start)
	}
	for h, ts := range byHost {
		sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
		for i := range ts {
			n := sort.Search(len(ts), func(k int) bool { return !ts[k].Before(ts[i].Add(time.Second)) }) - i
			if n > 40+2 {
				t.Errorf("%s: %d requests within a second; --rate 40", h, n)
				break
			}
		}
	}
}

// TestWhenALinkDies is the acceptance test of replacements: 40 dead links
// (20 whose document the symbol API still serves, 10 only in the web
// archive, 10 nowhere) and 10 live ones. check --resolve offers exactly
// the 30 replacements, in text, JSON and SARIF, and says what was tried
// for the other 10; rot reports the same in its "replacement found"
// line; a second night, when the 20 documents leave the symbol API too,
// rot says their replacements died; expand --fix-links uses the
// replacements the graph knows. Every run keeps to the politeness bound.
func TestWhenALinkDies(t *testing.T) {
	sc, set := unsim.DeadLinks(20, 10, 10, 10)
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	path := writeFile(t, dir, "dead.txt", []byte(deadLinksTranscript(set)))
	store := filepath.Join(dir, "graph")
	api := func(u string) string { s, _ := fetch.SymbolAPIURL(set.Symbols[u], "en"); return s }
	copyOf := func(u string) string {
		return "https://web.archive.org/web/" + set.Snapshots[u].Format("20060102150405") + "/" + u
	}
	const tried = "no replacement found (the documents.un.org symbol API: not there; the web archive: no copy)"

	// check --resolve, JSON, recorded in the graph.
	start := time.Now()
	code, out, errs := run(t, "", append([]string{"check", "--resolve", "--format", "json", "--base-url", srv.URL, "--cache", store}, append(politeFlags, path)...)...)
	took := time.Since(start)
	if code != ExitFindings {
		t.Fatalf("exit %d; want 1\n%s", code, errs)
	}
	validate(t, "../../schema/check.schema.json", []byte(out))
	var raw struct {
		Files []struct {
			Findings    []linker.Finding `json:"findings"`
			Resolutions []fetch.Result   `json:"resolutions"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw.Files) != 1 {
		t.Fatalf("%v: %.300s", err, out)
	}
	byURL := map[string]linker.Finding{}
	for _, f := range raw.Files[0].Findings {
		if f.Rule == ruleSoft404 || f.Rule == ruleBrokenLink {
			byURL[f.URL] = f
		} else if f.Severity == linker.SeverityError {
			t.Errorf("unexpected %s: %s", f.Rule, f.Message)
		}
	}
	if len(byURL) != 40 {
		t.Errorf("%d dead-link findings; want 40", len(byURL))
	}
	var onUN, inArchive, none int
	for _, u := range set.Moved {
		if f := byURL[u]; f.Suggestion == api(u) && strings.Contains(f.Message, "replacement: found through the documents.un.org symbol API") {
			onUN++
		} else {
			t.Errorf("%s: suggestion %q, message %q", u, f.Suggestion, f.Message)
		}
	}
	for _, u := range set.Archived {
		day := set.Snapshots[u].Format("2006-01-02")
		if f := byURL[u]; f.Suggestion == copyOf(u) && strings.Contains(f.Message, "replacement: the web archive's copy of "+day) {
			inArchive++
		} else {
			t.Errorf("%s: suggestion %q, message %q; want the copy of %s", u, f.Suggestion, f.Message, day)
		}
	}
	for _, u := range set.Gone {
		if f := byURL[u]; f.Suggestion == "" && strings.HasSuffix(f.Message, "; "+tried) {
			none++
		} else {
			t.Errorf("%s: suggestion %q, message %q", u, f.Suggestion, f.Message)
		}
	}
	if onUN != 20 || inArchive != 10 || none != 10 {
		t.Errorf("check --resolve: %d replaced on a UN host, %d from the archive, %d none; want 20, 10, 10", onUN, inArchive, none)
	}
	sum := 0
	for _, r := range raw.Files[0].Resolutions {
		sum += r.Requests
	}
	st := srv.Stats()
	if sum != st.Total {
		t.Errorf("the resolutions count %d requests, the simulator saw %d", sum, st.Total)
	}
	if st.ByHost["archive.org"] != 20 {
		t.Errorf("%d availability requests; want 20", st.ByHost["archive.org"])
	}
	assertPolite(t, srv)
	t.Logf("check --resolve: %d requests (%v) in %v", st.Total, st.ByHost, took.Round(time.Millisecond))

	// The same in text and SARIF (no graph, so that the verdicts are
	// asked again).
	srv.ResetStats()
	code, text, errs := run(t, "", append([]string{"check", "--resolve", "--no-cache", "--quiet", "--base-url", srv.URL}, append(politeFlags, path)...)...)
	if code != ExitFindings {
		t.Fatalf("text: exit %d\n%s", code, errs)
	}
	assertPolite(t, srv)
	if n := strings.Count(text, "\tsuggestion: https://documents.un.org/api/symbol/access?"); n != 20 {
		t.Errorf("text: %d suggestions of the symbol API; want 20", n)
	}
	if n := strings.Count(text, "\tsuggestion: https://web.archive.org/web/2019"); n != 10 {
		t.Errorf("text: %d suggestions of archived copies; want 10", n)
	}
	if n := strings.Count(text, tried+"\n"); n != 10 {
		t.Errorf("text: %d findings without a replacement saying what was tried; want 10\n%s", n, text)
	}
	srv.ResetStats()
	code, sarif, errs := run(t, "", append([]string{"check", "--resolve", "--no-cache", "--quiet", "--format", "sarif", "--base-url", srv.URL}, append(politeFlags, path)...)...)
	if code != ExitFindings {
		t.Fatalf("sarif: exit %d\n%s", code, errs)
	}
	validate(t, filepath.Join(testenv.Shared(t), "schemas", "sarif-schema-2.1.0.json"), []byte(sarif))
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID string
				Fixes  []struct {
					Description     struct{ Text string }
					ArtifactChanges []struct {
						Replacements []struct {
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(sarif), &log); err != nil {
		t.Fatal(err)
	}
	fixes := map[string]int{}
	for _, r := range log.Runs[0].Results {
		if r.RuleID != ruleSoft404 {
			continue
		}
		for _, f := range r.Fixes {
			ins := f.ArtifactChanges[0].Replacements[0].InsertedContent.Text
			switch {
			case strings.HasPrefix(ins, "https://documents.un.org/api/"):
				fixes["api"]++
			case strings.HasPrefix(ins, "https://web.archive.org/web/"):
				fixes["archive"]++
			}
			if !strings.HasPrefix(f.Description.Text, "replace the dead address with ") {
				t.Errorf("fix described %q", f.Description.Text)
			}
		}
	}
	if fixes["api"] != 20 || fixes["archive"] != 10 {
		t.Errorf("SARIF fixes %v; want 20 api, 10 archive", fixes)
	}

	// rot, on the graph check recorded.
	srv.ResetStats()
	night := time.Now().UTC().Add(time.Hour)
	code, errs, rr := rotRun(t, night, append([]string{"--cache", store, "--base-url", srv.URL, "--format", "json", "--quiet"}, politeFlags...)...)
	if code != 0 {
		t.Fatalf("rot: exit %d\n%s", code, errs)
	}
	assertPolite(t, srv)
	got := map[string]rot.Entry{}
	for _, e := range rr.Sections.Suspect {
		got[e.URL] = e
	}
	onUN, inArchive, none = 0, 0, 0
	for _, u := range set.Moved {
		if e := got[u]; e.Replacement != nil && e.Replacement.URL == api(u) && e.Replacement.Via == "symbol-api" {
			onUN++
		}
	}
	for _, u := range set.Archived {
		if e := got[u]; e.Replacement != nil && e.Replacement.URL == copyOf(u) && e.Replacement.Snapshot.Equal(set.Snapshots[u]) {
			inArchive++
		}
	}
	for _, u := range set.Gone {
		if e := got[u]; e.Replacement == nil && len(e.Alternatives) == 2 && e.Alternatives[1].Outcome == fetch.OutcomeNoCopy {
			none++
		}
	}
	if len(got) != 40 || onUN != 20 || inArchive != 10 || none != 10 || rr.Totals.Replaced != 30 {
		t.Errorf("rot: %d suspect, %d replaced on a UN host, %d from the archive, %d none, replaced %d; want 40, 20, 10, 10, 30",
			len(got), onUN, inArchive, none, rr.Totals.Replaced)
	}
	t.Logf("rot: %d requests (%v)", srv.Stats().Total, srv.Stats().ByHost)

	// The Markdown and HTML reports carry the same line.
	srv.ResetStats()
	md := filepath.Join(dir, "night1.md")
	htmlOut := filepath.Join(dir, "night1.html")
	rotClock = func() time.Time { return night.Add(time.Minute) }
	code, _, errs = run(t, "", append([]string{"rot", "--cache", store, "--base-url", srv.URL, "--quiet", "--out", md, "--out", htmlOut}, politeFlags...)...)
	rotClock = time.Now
	if code != 0 {
		t.Fatalf("rot markdown: exit %d\n%s", code, errs)
	}
	for _, f := range []string{md, htmlOut} {
		b := readFileT(t, f)
		if n := strings.Count(b, "Replacement found: "); n != 40 {
			t.Errorf("%s: %d \"Replacement found\" lines; want 40", filepath.Base(f), n)
		}
		if !strings.Contains(b, "Replacement found for 30 of the 40 failing.") {
			t.Errorf("%s: no total of replacements", filepath.Base(f))
		}
		if n := strings.Count(b, "copy of 2019-03-"); n != 10 {
			t.Errorf("%s: %d archive copies dated; want 10", filepath.Base(f), n)
		}
	}

	// expand --fix-links puts the known replacements in place of the dead
	// links; --no-archive keeps the archive's out.
	for _, tc := range []struct {
		args []string
		want int
	}{{nil, 30}, {[]string{"--no-archive"}, 20}} {
		code, out, errs := run(t, "", append(append([]string{"expand", "--fix-links", "--to", "text", "--cache", store}, tc.args...), path)...)
		if code != 0 {
			t.Fatalf("expand: exit %d\n%s", code, errs)
		}
		n := strings.Count(out, "(https://documents.un.org/api/symbol/access?") + strings.Count(out, "(https://web.archive.org/web/")
		if n != tc.want {
			t.Errorf("expand --fix-links %v: %d links replaced; want %d", tc.args, n, tc.want)
		}
	}

	// Night 2: the 20 moved documents leave the symbol API too. Their
	// known replacement is asked first, found dead, and reported so.
	sc2, _ := unsim.DeadLinks(0, 10, 10, 10)
	if err := srv.SetScenario(sc2); err != nil {
		t.Fatal(err)
	}
	srv.ResetStats()
	code, errs, rr = rotRun(t, night.Add(24*time.Hour), append([]string{"--cache", store, "--base-url", srv.URL, "--format", "json", "--quiet"}, politeFlags...)...)
	// The third failure: the 40 links are dead now (exit 2, new rot).
	if code != rotExitNewRot || len(rr.Sections.NewBroken) != 40 {
		t.Fatalf("rot night 2: exit %d, %d new broken\n%s", code, len(rr.Sections.NewBroken), errs)
	}
	lost := 0
	for _, e := range rr.Sections.NewBroken {
		if e.ReplacementLost != "" {
			if e.ReplacementLost != api(e.URL) || e.Replacement != nil || len(e.Alternatives) == 0 || e.Alternatives[0].URL != api(e.URL) {
				t.Errorf("%s: lost %q, replacement %+v, tried %+v", e.URL, e.ReplacementLost, e.Replacement, e.Alternatives)
			}
			lost++
		}
	}
	if lost != 20 || rr.Totals.Replaced != 10 {
		t.Errorf("night 2: %d replacements reported dead, %d replaced; want 20 and 10", lost, rr.Totals.Replaced)
	}
	// The known replacement was asked first: one request each for the
	// symbol API, and no other UN address.
	if n := srv.Stats().ByHost["documents.un.org"]; n > 20+10+10+10+4 {
		t.Errorf("night 2: %d requests to documents.un.org", n)
	}
	assertPolite(t, srv)
}

func readFileT(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestNoArchive: --no-archive, or archive = false in .xref.toml, sends no
// request to the web archive's hosts; without them the archive is asked.
func TestNoArchive(t *testing.T) {
	sc, set := unsim.DeadLinks(1, 1, 1, 1)
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	path := writeFile(t, dir, "dead.txt", []byte(deadLinksTranscript(set)))
	noArchive := writeFile(t, dir, "no-archive.toml", []byte("archive = false\n"))
	for _, tc := range []struct {
		name, config string
		args         []string
		archive      bool
	}{
		{"default", "none", nil, true},
		{"flag", "none", []string{"--no-archive"}, false},
		{"config", noArchive, nil, false},
		{"flag false", "none", []string{"--no-archive=false"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(EnvConfig, tc.config)
			srv.ResetStats()
			code, out, errs := run(t, "", append(append(append([]string{"check", "--resolve", "--no-cache", "--quiet", "--base-url", srv.URL}, politeFlags...), tc.args...), path)...)
			if code != ExitFindings {
				t.Fatalf("exit %d\n%s", code, errs)
			}
			st := srv.Stats()
			n := st.ByHost["archive.org"] + st.ByHost["web.archive.org"]
			if tc.archive != (n > 0) {
				t.Errorf("%d requests to the archive", n)
			}
			if got := strings.Contains(out, "web.archive.org"); got != tc.archive {
				t.Errorf("archive copy offered: %v\n%s", got, out)
			}
			if !strings.Contains(out, "suggestion: https://documents.un.org/api/symbol/access?") {
				t.Errorf("the UN replacement is not offered:\n%s", out)
			}
		})
	}
}

// TestResolveReplacement: xref resolve follows a dead link's verdict with
// its replacement, or with what was tried.
func TestResolveReplacement(t *testing.T) {
	sc, set := unsim.DeadLinks(1, 0, 1, 1)
	srv, err := unsim.Start("", sc)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	t.Setenv(EnvConfig, "none")
	api, _ := fetch.SymbolAPIURL(set.Symbols[set.Moved[0]], "en")
	code, out, errs := run(t, "", append(append([]string{"resolve", "--quiet", "--cache", filepath.Join(t.TempDir(), "g"), "--base-url", srv.URL}, politeFlags...),
		set.Live[0], set.Moved[0], set.Gone[0])...)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, want := range []string{
		set.Moved[0] + " (A/RES/60/1)\tsoft-404\t",
		"; replacement: found through the documents.un.org symbol API: " + api + "\n",
		set.Gone[0] + " (A/RES/62/1)\tsoft-404\t",
		"; no replacement found (the documents.un.org symbol API: not there; the web archive: no copy)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}
