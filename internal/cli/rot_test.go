package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/rot"
	"github.com/xref-un/xref/unsim"
)

// The links of the transcripts in rot/testdata.
const (
	lRes266En   = "https://undocs.org/en/A/RES/73/266"     // its file moves on night 2
	lRes1540En  = "https://undocs.org/en/S/RES/1540(2004)" // new version on night 2
	lRes27En    = "https://undocs.org/en/A/RES/73/27"      // disappears on night 2
	lRes80En    = "https://undocs.org/en/A/RES/80/1"       // unpublished on night 1, published on night 2
	lRes258En   = "https://undocs.org/en/A/RES/71/258"     // never there
	lCD2141     = "https://undocs.org/en/CD/2141"          // always there
	lLibrary    = "https://digitallibrary.un.org/record/3794372"
	lRes266Zh   = "https://undocs.org/zh/A/RES/73/266"  // never changes
	lRes27Zh    = "https://undocs.org/zh/A/RES/73/27"   // disappears on night 2
	lRes1540Any = "https://undocs.org/S/RES/1540(2004)" // only in the transcript added after night 3
)

// rotRun runs xref rot at a given time and returns its exit code, stderr
// and the JSON report it wrote.
func rotRun(t *testing.T, at time.Time, args ...string) (code int, stderr string, rep rot.Report) {
	t.Helper()
	rotClock = func() time.Time { return at }
	t.Cleanup(func() { rotClock = time.Now })
	dir := t.TempDir()
	js := filepath.Join(dir, "report.json")
	var out, errb bytes.Buffer
	err := runRot(context.Background(), append(args, "--out", js), IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	code = exitCode(err, &errb)
	data, rerr := os.ReadFile(js)
	if rerr != nil {
		t.Fatalf("exit %d, no report: %v\n%s", code, rerr, errb.String())
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, data)
	}
	validate(t, "../../schema/rot.schema.json", data)
	return code, errb.String(), rep
}

// want is what a night's report must say about one link.
type want struct {
	url      string
	verdict  rot.Verdict
	state    string
	status   string // this run's status when checked, else the latest
	checked  bool
	failures int
}

// checkSections compares every section of a report with the wanted links,
// field by field.
func checkSections(t *testing.T, night string, rep rot.Report, wants []want) {
	t.Helper()
	got := map[string]rot.Entry{}
	for _, v := range rot.SectionOrder {
		for _, e := range *rep.Sections.Of(v) {
			if e.Verdict != v {
				t.Errorf("%s: %s in section %s has verdict %s", night, e.URL, v, e.Verdict)
			}
			if _, dup := got[e.URL]; dup {
				t.Errorf("%s: %s in two sections", night, e.URL)
			}
			got[e.URL] = e
		}
	}
	for _, w := range wants {
		e, ok := got[w.url]
		if !ok {
			t.Errorf("%s: %s not reported; want %s", night, w.url, w.verdict)
			continue
		}
		delete(got, w.url)
		if e.Verdict != w.verdict || e.State != w.state || e.Status != w.status || e.Checked != w.checked || e.Failures != w.failures {
			t.Errorf("%s: %s: verdict %s, state %s, status %s, checked %v, failures %d; want %s, %s, %s, %v, %d (%s)",
				night, w.url, e.Verdict, e.State, e.Status, e.Checked, e.Failures, w.verdict, w.state, w.status, w.checked, w.failures, e.Reason)
		}
		if len(e.Uses) == 0 || e.Reason == "" {
			t.Errorf("%s: %s without uses or reason: %+v", night, w.url, e)
		}
	}
	for u, e := range got {
		t.Errorf("%s: unexpected %s in %s (%s)", night, u, e.Verdict, e.Reason)
	}
}

// TestRotNights is the acceptance test of the link-rot issue: three nights
// against the simulator (unsim/testdata/night1-3.json), a re-run half an
// hour after night 3 while documents.un.org still asks to wait, and a
// fourth night once it has recovered.
func TestRotNights(t *testing.T) {
	srv := startSim(t, "night1")
	t.Setenv(fetch.EnvBaseURL, "")
	t.Setenv(EnvCache, filepath.Join(t.TempDir(), "graph"))
	// The transcripts, checked into the citation graph first.
	dir := t.TempDir()
	copyTranscript := func(name string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", "rot", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return writeFile(t, dir, name, data)
	}
	check := func(files ...string) {
		var out, errb bytes.Buffer
		err := runCheck(context.Background(), append([]string{"--quiet"}, files...), IO{In: strings.NewReader(""), Out: &out, Err: &errb})
		if code := exitCode(err, &errb); code != ExitOK {
			t.Fatalf("check: exit %d\n%s%s", code, out.String(), errb.String())
		}
	}
	check(copyTranscript("S-PV.9950.en.txt"), copyTranscript("CD-PV.1650.zh.txt"))
	// Nothing to check without a graph: a configuration error.
	if code, errs, _ := rotRunNoReport(t, "--cache", filepath.Join(dir, "none")); code != 3 || !strings.Contains(errs, "run xref check first") {
		t.Errorf("no graph: exit %d, %s", code, errs)
	}

	night1 := time.Date(2030, 3, 1, 2, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	args := append([]string{"--base-url", srv.URL, "--ok-days", "1", "--max-wait", "5s"}, fastFetch...)
	goldens := func(name string, at time.Time) []string {
		return []string{"--out", filepath.Join(dir, name+".md"), "--out", filepath.Join(dir, name+".html")}
	}
	compare := func(name string) {
		for _, ext := range []string{".md", ".html"} {
			data, err := os.ReadFile(filepath.Join(dir, name+ext))
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "rot-"+name+ext, normalizeRot(string(data), dir))
		}
	}
	playNight := func(scenario string) {
		t.Helper()
		sc, err := unsim.LoadFile(filepath.Join("..", "..", "unsim", "testdata", scenario+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.SetScenario(sc); err != nil {
			t.Fatal(err)
		}
		srv.ResetStats()
	}

	// Night 1: everything works but A/RES/80/1 (unpublished) and
	// A/RES/71/258 (never there): both suspect. The Digital Library's WAF
	// is unknown, not rot.
	code, errs, rep := rotRun(t, night1, append(args, goldens("night1", night1)...)...)
	if code != 0 {
		t.Fatalf("night 1: exit %d\n%s", code, errs)
	}
	checkSections(t, "night 1", rep, []want{
		{lRes80En, rot.VerdictSuspect, rot.StateSuspect, "soft-404", true, 1},
		{lRes258En, rot.VerdictSuspect, rot.StateSuspect, "soft-404", true, 1},
		{lLibrary, rot.VerdictUnknown, "", "blocked", true, 0},
	})
	wantTotals := rot.Totals{Links: 9, Due: 9, Checked: 9, Suspect: 2, Unknown: 1, Requests: srv.Stats().Total,
		States: rot.States{OK: 6, Suspect: 2, Unjudged: 1}}
	if rep.Totals != wantTotals {
		t.Errorf("night 1 totals:\n%+v\nwant\n%+v", rep.Totals, wantTotals)
	}
	if rep.Schema != rot.Schema || rep.Run.ID != "rot-20300301T020000Z" || !rep.Run.Start.Equal(night1) || rep.Run.DeadAfter != 3 ||
		rep.Run.Budget != "30m0s" || rep.Run.Stopped != "" || len(rep.Trend) != 1 || len(rep.ClosedHosts) != 0 {
		t.Errorf("night 1 run: %+v, trend %d, closed %v", rep.Run, len(rep.Trend), rep.ClosedHosts)
	}
	if !strings.Contains(errs, "level=INFO msg=\"rot: done\"") {
		t.Errorf("no log lines on a non-terminal stderr:\n%s", errs)
	}
	s258 := rep.Sections.Suspect[0]
	if s258.URL != lRes258En || !s258.FailingSince.Equal(night1) || len(s258.Uses) != 1 ||
		s258.Uses[0] != (rot.Use{Transcript: "S/PV.9950", Lang: "en", Line: 25, Col: 1, Symbol: "A/RES/71/258", Path: filepath.Join(dir, "S-PV.9950.en.txt")}) ||
		!s258.NextDue.Equal(night1.Add(20*time.Hour)) {
		t.Errorf("night 1: %+v", s258)
	}
	compare("night1")

	// Night 2: A/RES/73/27 disappears (suspect in both languages), the file
	// of A/RES/73/266 (en) moves (redirected), S/RES/1540 gets a new version
	// (changed), A/RES/80/1 is published (fixed); A/RES/71/258 fails again.
	// Unchanged documents answer 304 to the conditional request.
	playNight("night2")
	night2 := night1.Add(day)
	code, errs, rep = rotRun(t, night2, append(args, goldens("night2", night2)...)...)
	if code != 0 {
		t.Fatalf("night 2: exit %d\n%s", code, errs)
	}
	checkSections(t, "night 2", rep, []want{
		{lRes27En, rot.VerdictSuspect, rot.StateSuspect, "soft-404", true, 1},
		{lRes27Zh, rot.VerdictSuspect, rot.StateSuspect, "soft-404", true, 1},
		{lRes258En, rot.VerdictSuspect, rot.StateSuspect, "soft-404", true, 2},
		{lRes80En, rot.VerdictFixed, rot.StateOK, "ok", true, 1},
		{lRes266En, rot.VerdictRedirected, rot.StateOK, "ok", true, 0},
		{lRes1540En, rot.VerdictChanged, rot.StateOK, "ok", true, 0},
		{lLibrary, rot.VerdictUnknown, "", "blocked", true, 0},
	})
	red := rep.Sections.Redirected[0]
	if !slices.Equal(red.Changes, []string{"final-url"}) || red.Previous == nil || red.Current == nil ||
		red.Current.FinalURL != "https://documents.un.org/doc/undoc/gen/n19/999/01/pdf/n1999901.pdf" || red.Previous.FinalURL == red.Current.FinalURL {
		t.Errorf("redirected: %+v %+v %+v", red, red.Previous, red.Current)
	}
	chg := rep.Sections.Changed[0]
	if !slices.Contains(chg.Changes, "etag") || !slices.Contains(chg.Changes, "hash") || chg.Previous.ETag == chg.Current.ETag ||
		chg.Current.NotModified || chg.Previous.FinalURL != chg.Current.FinalURL {
		t.Errorf("changed: %+v %+v %+v", chg, chg.Previous, chg.Current)
	}
	if fx := rep.Sections.Fixed[0]; !fx.FailingSince.Equal(night1) || !fx.LastOK.Equal(night2) {
		t.Errorf("fixed: %+v", fx)
	}
	// The unchanged files (CD/2141, A/RES/73/266 in Chinese) cost a 304.
	if n := srv.Stats().Codes[304]; n != 2 {
		t.Errorf("night 2: %d answers 304; want 2 (CD/2141, zh A/RES/73/266)", n)
	}
	if rep.Totals.States != (rot.States{OK: 5, Suspect: 3, Unjudged: 1}) || len(rep.Trend) != 2 {
		t.Errorf("night 2: %+v, trend %d", rep.Totals, len(rep.Trend))
	}
	compare("night2")

	// Night 3: documents.un.org answers 429 with a Retry-After of a day and
	// a half: the links that end there are unknown, not broken;
	// A/RES/71/258 fails for the third time: dead, and the run exits 2.
	playNight("night3")
	night3 := night2.Add(day)
	code, errs, rep = rotRun(t, night3, append(args, goldens("night3", night3)...)...)
	if code != rotExitNewRot || !strings.Contains(errs, "1 newly broken (more than --fail-on 0)") {
		t.Fatalf("night 3: exit %d; want 2\n%s", code, errs)
	}
	closedUntil := night3.Add(36 * time.Hour)
	checkSections(t, "night 3", rep, []want{
		{lRes258En, rot.VerdictNewBroken, rot.StateDead, "soft-404", true, 3},
		{lRes27En, rot.VerdictSuspect, rot.StateSuspect, "soft-404", true, 2},
		{lRes27Zh, rot.VerdictSuspect, rot.StateSuspect, "soft-404", true, 2},
		{lRes266En, rot.VerdictUnknown, rot.StateOK, "rate-limited", true, 0},
		{lRes1540En, rot.VerdictUnknown, rot.StateOK, "rate-limited", true, 0},
		{lRes80En, rot.VerdictUnknown, rot.StateOK, "rate-limited", true, 0},
		{lCD2141, rot.VerdictUnknown, rot.StateOK, "rate-limited", true, 0},
		{lRes266Zh, rot.VerdictUnknown, rot.StateOK, "rate-limited", true, 0},
		{lLibrary, rot.VerdictUnknown, "", "blocked", true, 0},
	})
	for _, e := range rep.Sections.Unknown {
		if e.Status == "rate-limited" && (e.WaitHost != "documents.un.org" || !e.WaitUntil.Equal(closedUntil)) {
			t.Errorf("night 3: %s waits for %s until %v; want documents.un.org until %v", e.URL, e.WaitHost, e.WaitUntil, closedUntil)
		}
	}
	if len(rep.ClosedHosts) != 1 || rep.ClosedHosts[0] != (rot.HostWait{Host: "documents.un.org", NotBefore: closedUntil}) {
		t.Errorf("night 3: closed hosts %+v", rep.ClosedHosts)
	}
	if n := srv.Stats().ByHost["documents.un.org"]; n == 0 {
		t.Error("night 3: documents.un.org was not contacted")
	}
	compare("night3")

	// Half an hour later a new transcript is checked and xref rot runs
	// again: documents.un.org is not contacted before its time, neither for
	// the links known to end there (not even their first hop is asked) nor
	// for a new link whose chain leads there; the Digital Library is asked
	// again. A dated --out makes a file of its own.
	check(copyTranscript("S-PV.9951.en.txt"))
	srv.ResetStats()
	rerun := night3.Add(30 * time.Minute)
	dated := filepath.Join(dir, "report-{date}.md")
	code, errs, rep = rotRun(t, rerun, append(args, "--out", dated)...)
	if code != 0 {
		t.Fatalf("re-run: exit %d\n%s", code, errs)
	}
	st := srv.Stats()
	if st.ByHost["documents.un.org"] != 0 || st.ByHost["undocs.org"] == 0 || st.ByHost["digitallibrary.un.org"] != 1 {
		t.Errorf("re-run while documents.un.org waits: requests by host %v", st.ByHost)
	}
	for _, l := range srv.Log() {
		if l.Host == "undocs.org" && l.Path != "/S/RES/1540(2004)" && !strings.HasPrefix(l.Path, "/tmp/") {
			t.Errorf("re-run asked %s%s, a link known to end at the closed host", l.Host, l.Path)
		}
	}
	checkSections(t, "re-run", rep, []want{
		{lRes258En, rot.VerdictStillBroken, rot.StateDead, "soft-404", false, 3},
		{lRes27En, rot.VerdictSuspect, rot.StateSuspect, "soft-404", false, 2},
		{lRes27Zh, rot.VerdictSuspect, rot.StateSuspect, "soft-404", false, 2},
		{lRes266En, rot.VerdictUnknown, rot.StateOK, "rate-limited", false, 0},
		{lRes1540En, rot.VerdictUnknown, rot.StateOK, "rate-limited", false, 0},
		{lRes80En, rot.VerdictUnknown, rot.StateOK, "rate-limited", false, 0},
		{lCD2141, rot.VerdictUnknown, rot.StateOK, "rate-limited", false, 0},
		{lRes266Zh, rot.VerdictUnknown, rot.StateOK, "rate-limited", false, 0},
		{lRes1540Any, rot.VerdictUnknown, "", "rate-limited", true, 0},
		{lLibrary, rot.VerdictUnknown, "", "blocked", true, 0},
	})
	for _, e := range rep.Sections.Unknown {
		if e.Status == "rate-limited" && (e.WaitHost != "documents.un.org" || !e.WaitUntil.Equal(closedUntil)) {
			t.Errorf("re-run: %s waits for %q until %v; want documents.un.org until %v", e.URL, e.WaitHost, e.WaitUntil, closedUntil)
		}
	}
	if rep.Totals.Links != 10 || rep.Totals.Due != 7 || rep.Totals.Checked != 2 || rep.Totals.HostClosed != 5 {
		t.Errorf("re-run totals: %+v", rep.Totals)
	}
	if _, err := os.Stat(filepath.Join(dir, "report-2030-03-03.md")); err != nil {
		t.Errorf("dated report: %v", err)
	}

	// Night 4: documents.un.org would answer again (the scenario of night
	// 2) but asked to wait until midday: it is not contacted, and the links
	// that end there are unknown without a request. A/RES/73/27 fails for
	// the third time in both languages; A/RES/71/258 is still broken (not
	// checked: dead links wait a week), three days on.
	playNight("night2")
	night4 := night3.Add(day)
	code, errs, rep = rotRun(t, night4, append(args, "--fail-on", "1")...)
	if code != rotExitNewRot {
		t.Fatalf("night 4: exit %d; want 2 (2 newly broken, --fail-on 1)\n%s", code, errs)
	}
	checkSections(t, "night 4", rep, []want{
		{lRes27En, rot.VerdictNewBroken, rot.StateDead, "soft-404", true, 3},
		{lRes27Zh, rot.VerdictNewBroken, rot.StateDead, "soft-404", true, 3},
		{lRes258En, rot.VerdictStillBroken, rot.StateDead, "soft-404", false, 3},
		{lRes266En, rot.VerdictUnknown, rot.StateOK, "rate-limited", false, 0},
		{lRes1540En, rot.VerdictUnknown, rot.StateOK, "rate-limited", false, 0},
		{lRes80En, rot.VerdictUnknown, rot.StateOK, "rate-limited", false, 0},
		{lCD2141, rot.VerdictUnknown, rot.StateOK, "rate-limited", false, 0},
		{lRes266Zh, rot.VerdictUnknown, rot.StateOK, "rate-limited", false, 0},
		{lRes1540Any, rot.VerdictUnknown, "", "rate-limited", false, 0},
		{lLibrary, rot.VerdictUnknown, "", "blocked", true, 0},
	})
	if n := srv.Stats().ByHost["documents.un.org"]; n != 0 {
		t.Errorf("night 4: documents.un.org contacted %d times before its time", n)
	}
	if sb := rep.Sections.StillBroken[0]; sb.AgeDays != 3 || !sb.FailingSince.Equal(night1) || !sb.NextDue.Equal(night3.Add(7*day-4*time.Hour)) {
		t.Errorf("still broken: age %d, since %v, next due %v", sb.AgeDays, sb.FailingSince, sb.NextDue)
	}
	if len(rep.Trend) != 5 || rep.Trend[2].NewBroken != 1 || rep.Trend[4].NewBroken != 2 || rep.Trend[4].Dead != 3 {
		t.Errorf("trend: %+v", rep.Trend)
	}
	code, _, _ = rotRun(t, night4.Add(time.Hour), append(args, "--fail-on", "2")...)
	if code != 0 {
		t.Errorf("nothing new an hour later: exit %d", code)
	}

	// Night 5: its time has passed; documents.un.org is contacted again
	// and its links work: nothing to report but the Digital Library.
	srv.ResetStats()
	night5 := night4.Add(day)
	code, errs, rep = rotRun(t, night5, args...)
	if code != 0 {
		t.Fatalf("night 5: exit %d\n%s", code, errs)
	}
	if n := srv.Stats().ByHost["documents.un.org"]; n == 0 {
		t.Error("night 5: documents.un.org not contacted after its time")
	}
	checkSections(t, "night 5", rep, []want{
		{lRes27En, rot.VerdictStillBroken, rot.StateDead, "soft-404", false, 3},
		{lRes27Zh, rot.VerdictStillBroken, rot.StateDead, "soft-404", false, 3},
		{lRes258En, rot.VerdictStillBroken, rot.StateDead, "soft-404", false, 3},
		{lLibrary, rot.VerdictUnknown, "", "blocked", true, 0},
	})
	if len(rep.ClosedHosts) != 0 {
		t.Errorf("night 5: closed hosts %+v", rep.ClosedHosts)
	}
}

// rotRunNoReport runs xref rot expecting no report.
func rotRunNoReport(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	err := runRot(context.Background(), args, IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	return exitCode(err, &errb), errb.String(), out.String()
}

var requestsRE = regexp.MustCompile(`with \d+ requests?`)

// normalizeRot makes a report independent of the machine: the transcripts'
// directory, and the request count (429s in flight vary on night 3).
func normalizeRot(s, dir string) string {
	s = strings.ReplaceAll(s, dir+string(filepath.Separator), "testdata/")
	return requestsRE.ReplaceAllString(s, "with N requests")
}

// TestRotFlags: configuration errors exit 3, help exits 0 and documents
// the exit codes, a busy store is a runtime error (1), and the report goes
// to standard output without --out.
func TestRotFlags(t *testing.T) {
	graph := filepath.Join(t.TempDir(), "graph")
	t.Setenv(EnvCache, graph)
	t.Setenv(fetch.EnvBaseURL, "")
	f := writeFile(t, t.TempDir(), "t.txt", []byte("United Nations S/PV.1\nresolution 73/266 (https://undocs.org/en/A/RES/73/266)\n"))
	var out, errb bytes.Buffer
	if code := exitCode(runCheck(context.Background(), []string{"--quiet", f}, IO{In: strings.NewReader(""), Out: &out, Err: &errb}), &errb); code != 0 {
		t.Fatalf("check: exit %d %s", code, errb.String())
	}
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--format", "pdf"}, 3, "unknown format"},
		{[]string{"--format", "json", "--out", "r.html"}, 3, "--format json but --out r.html"},
		{[]string{"--ok-days", "0"}, 3, "--ok-days"},
		{[]string{"--ok-days", "7-3"}, 3, "--ok-days"},
		{[]string{"--budget", "0s"}, 3, "--budget"},
		{[]string{"--dead-after", "0"}, 3, "--dead-after"},
		{[]string{"--fail-on", "-1"}, 3, "negative"},
		{[]string{"--no-such-flag"}, 3, "no-such-flag"},
		{[]string{"extra"}, 3, "no arguments"},
		{[]string{"--base-url", "ftp://127.0.0.1:1"}, 3, "base URL"},
		{[]string{"-h"}, 0, "3  configuration error"},
	} {
		code, errs, _ := rotRunNoReport(t, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.msg) {
			t.Errorf("xref rot %v: exit %d; want %d with %q\n%s", tt.args, code, tt.code, tt.msg, errs)
		}
	}
	// Standard output, Markdown by default; the one link is unjudgeable
	// here (no server), not rot.
	code, errs, out2 := rotRunNoReport(t, "--base-url", "http://127.0.0.1:1", "--timeout", "1s")
	if code != 0 || !strings.HasPrefix(out2, "# Link rot report, ") || !strings.Contains(out2, "## Unknown (1)") {
		t.Errorf("stdout report: exit %d\n%s\n%s", code, out2, errs)
	}
	// A store held by another process: a runtime error.
	st, err := cacheOpenRW(graph)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if code, errs, _ := rotRunNoReport(t); code != 1 || !strings.Contains(errs, "in use") {
		t.Errorf("busy store: exit %d, %s", code, errs)
	}
}

func cacheOpenRW(dir string) (*cache.Store, error) {
	return cache.Open(context.Background(), dir, cache.Options{GCInterval: -1})
}
