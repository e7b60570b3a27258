package rot_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xref-un/xref/rot"
)

// EnvRequireBrowser makes the browser test fail, not skip, when Chromium is
// missing (CI sets it).
const EnvRequireBrowser = "XREF_REQUIRE_BROWSER"

const chromiumPath = "/usr/bin/chromium"

func requireChromium(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv(EnvRequireBrowser) == "1" {
			t.Fatalf("%s is missing and %s=1: install Debian's chromium (apt-get install -y chromium)", chromiumPath, EnvRequireBrowser)
		}
		t.Skipf("%s is missing (apt-get install -y chromium; set %s=1 to fail instead)", chromiumPath, EnvRequireBrowser)
	}
}

// chromium runs headless Chromium on a local file with the given extra
// flags, offline and with a fresh profile, and returns its standard output
// and the console messages it logged (lines with CONSOLE, which is how
// --enable-logging=stderr reports console.* calls, uncaught errors and
// Content-Security-Policy refusals).
func chromium(t *testing.T, page string, extra ...string) (stdout string, console []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0"}, extra...)
	cmd := exec.CommandContext(ctx, chromiumPath, append(args, "file://"+page)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", extra, err, errb.String())
	}
	for _, l := range strings.Split(errb.String(), "\n") {
		if strings.Contains(l, "CONSOLE") {
			console = append(console, l)
		}
	}
	return out.String(), console
}

// richReport has every section, several uses, Chinese text, long URLs, a
// closed host and a trend of ten runs.
func richReport() *rot.Report {
	at := time.Date(2030, 3, 10, 2, 0, 0, 0, time.UTC)
	since := at.Add(-72 * time.Hour)
	use := func(doc, lang string, line int, sym string) rot.Use {
		return rot.Use{Transcript: doc, Lang: lang, Line: line, Col: 5, Symbol: sym, Path: "/srv/records/" + strings.ReplaceAll(doc, "/", "-") + "." + lang + ".txt"}
	}
	r := &rot.Report{Schema: rot.Schema,
		Run:         rot.RunInfo{ID: "rot-20300310T020000Z", Start: at, End: at.Add(12 * time.Minute), Budget: "30m0s", DeadAfter: 3},
		ClosedHosts: []rot.HostWait{{Host: "documents.un.org", NotBefore: at.Add(time.Hour)}},
	}
	add := func(v rot.Verdict, u, reason string, uses ...rot.Use) {
		*r.Sections.Of(v) = append(*r.Sections.Of(v), rot.Entry{URL: u, Verdict: v, Reason: reason, FailingSince: since, Uses: uses})
	}
	add(rot.VerdictNewBroken, "https://undocs.org/en/A/RES/71/258", "soft-404 (HTTP 302, 200, 200): failed on 3 separate runs since 2030-03-07 02:00 UTC",
		use("S/PV.9950", "en", 25, "A/RES/71/258"), use("CD/PV.1650", "zh", 11, "A/RES/71/258"))
	add(rot.VerdictNewBroken, "https://undocs.org/zh/A/CONF.157/24(PartI)/Add.1/Corr.2/Rev.3/a-very-long-address-that-must-wrap-on-a-phone", "not-found (HTTP 302, 404): failed on 3 separate runs since 2030-03-07 02:00 UTC",
		use("CD/PV.1650", "zh", 12, "A/CONF.157/24(PartI)"))
	add(rot.VerdictSuspect, "https://undocs.org/en/A/RES/73/27", "soft-404 (HTTP 302, 200, 200): failed on 1 of the 3 runs that make a link dead, since 2030-03-10 02:00 UTC",
		use("S/PV.9950", "en", 18, "A/RES/73/27"))
	add(rot.VerdictFixed, "https://undocs.org/en/A/RES/80/1", "works again; it had failed on 1 run since 2030-03-09 02:00 UTC", use("S/PV.9950", "en", 30, "A/RES/80/1"))
	add(rot.VerdictRedirected, "https://undocs.org/en/A/RES/73/266", "now ends at https://documents.un.org/doc/undoc/gen/n19/999/01/pdf/n1999901.pdf (was https://documents.un.org/doc/undoc/gen/n53/591/64/pdf/n5359164.pdf)",
		use("S/PV.9950", "en", 17, "A/RES/73/266"))
	add(rot.VerdictChanged, "https://undocs.org/en/S/RES/1540(2004)", "same address, different document: new etag, hash since 2030-03-09 02:00 UTC",
		use("S/PV.9950", "en", 22, "S/RES/1540(2004)"), use("S/PV.9951", "en", 11, "S/RES/1540(2004)"))
	add(rot.VerdictStillBroken, "https://undocs.org/en/A/RES/70/999", "dead since 2030-03-01 02:00 UTC (9 days, failed on 3 separate runs); last checked 2030-03-08 02:00 UTC: soft-404",
		use("A/80/PV.12", "en", 40, "A/RES/70/999"))
	add(rot.VerdictUnknown, "https://digitallibrary.un.org/record/3794372", "blocked: the server refuses automated access (HTTP 202); check it in a browser",
		use("S/PV.9950", "en", 31, ""))
	add(rot.VerdictUnknown, "https://undocs.org/en/CD/2141", "not contacted: documents.un.org asked to wait until 2030-03-10 03:00 UTC",
		use("S/PV.9950", "en", 28, "CD/2141"), use("CD/PV.1650", "zh", 13, "CD/2141"))
	t := &r.Totals
	t.Links, t.Due, t.Checked, t.Requests, t.HostClosed = 240, 31, 30, 81, 1
	t.NewBroken, t.Suspect, t.Fixed, t.Redirected, t.Changed, t.StillBroken, t.Unknown = 2, 1, 1, 1, 1, 1, 2
	t.States = rot.States{OK: 233, Suspect: 1, Dead: 3, Unjudged: 3}
	for i := range 10 {
		r.Trend = append(r.Trend, rot.Point{Run: fmt.Sprintf("rot-%d", i), Start: at.Add(time.Duration(i-9) * 24 * time.Hour),
			Checked: 30 + i, Dead: min(i/3, 3), Suspect: (i * 7) % 4, Unknown: i % 3, Fixed: i % 2, NewBroken: i / 9 * 2})
	}
	return r
}

// TestHTMLInBrowser opens the HTML report in headless Chromium: the
// rendered DOM has every section, the summary cards and the SVG chart; the
// page logs nothing to the console; screenshots on a desktop and a phone
// viewport show the section colours and the chart. Control pages prove that
// console errors and CSP refusals would be seen.
func TestHTMLInBrowser(t *testing.T) {
	requireChromium(t)
	dir := t.TempDir()
	if d := os.Getenv("XREF_SCREENSHOTS"); d != "" {
		dir = d // to look at them
	}
	var page bytes.Buffer
	if err := richReport().WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "report.html")
	if err := os.WriteFile(report, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	// The controls: a page whose script logs and throws, and the report
	// with a script injected, which its Content-Security-Policy refuses.
	control := filepath.Join(dir, "control.html")
	os.WriteFile(control, []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>control</title></head><body><p>control</p>`+
		`<script>console.error("xref-control-error"); throw new Error("xref-control-throw")</script></body></html>`), 0o644)
	injected := filepath.Join(dir, "injected.html")
	os.WriteFile(injected, bytes.Replace(page.Bytes(), []byte("</body>"), []byte(`<script>document.title="xref-injected"</script></body>`), 1), 0o644)
	_, console := chromium(t, control, "--dump-dom")
	if c := strings.Join(console, "\n"); !strings.Contains(c, "xref-control-error") || !strings.Contains(c, "xref-control-throw") {
		t.Fatalf("console messages of the control page not seen; the check below would prove nothing:\n%s", c)
	}
	dom, console := chromium(t, injected, "--dump-dom")
	if len(console) == 0 || strings.Contains(dom, "<title>xref-injected</title>") {
		t.Fatalf("an injected script ran, or its refusal was not logged: %v", console)
	}

	dom, console = chromium(t, report, "--dump-dom")
	if len(console) > 0 {
		t.Errorf("the report logged to the console:\n%s", strings.Join(console, "\n"))
	}
	for _, v := range rot.SectionOrder {
		if !strings.Contains(dom, `<section id="`+string(v)+`"`) || !strings.Contains(dom, `href="#`+string(v)+`"`) {
			t.Errorf("section %s or its card missing from the rendered page", v)
		}
	}
	for _, want := range []string{`<svg class="trend"`, "<polyline", "<circle", `<section id="hosts"`, "CD/PV.1650 (zh), line 11",
		`name="viewport"`, "Content-Security-Policy"} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered page lacks %q", want)
		}
	}
	if n := len(regexp.MustCompile(`<li><a class="url"`).FindAllString(dom, -1)); n != 9 {
		t.Errorf("%d links rendered; want 9", n)
	}

	// Screenshots: the size asked for, with the colours of the sections
	// and the chart's lines on screen.
	for _, vp := range []struct {
		name string
		w, h int
	}{{"desktop", 1280, 1800}, {"phone", 390, 2400}} {
		shot := filepath.Join(dir, "report-"+vp.name+".png")
		_, console := chromium(t, report, fmt.Sprintf("--window-size=%d,%d", vp.w, vp.h), "--screenshot="+shot)
		if len(console) > 0 {
			t.Errorf("%s: console: %v", vp.name, console)
		}
		f, err := os.Open(shot)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", vp.name, err)
		}
		if b := img.Bounds(); b.Dx() != vp.w || b.Dy() != vp.h {
			t.Errorf("%s: screenshot %v; want %dx%d", vp.name, b, vp.w, vp.h)
		}
		for name, c := range map[string]color.RGBA{"dead": {0xb3, 0x26, 0x1e, 0xff}, "suspect": {0xb4, 0x5f, 0x06, 0xff},
			"fixed": {0x2e, 0x7d, 0x32, 0xff}, "redirected": {0x15, 0x65, 0xc0, 0xff}} {
			if n := countColor(img, c); n < 200 {
				t.Errorf("%s: %d pixels of the %s colour; the page did not render", vp.name, n, name)
			}
		}
		// Nothing overflows a phone's width: the right-most column is
		// background, not text cut off at the edge.
		if vp.name == "phone" {
			if n := countColumn(img, vp.w-1); n > 0 {
				t.Errorf("phone: %d non-white pixels in the last column: something is wider than the screen", n)
			}
		}
		t.Logf("%s screenshot: %s", vp.name, shot)
	}
}

// countColor counts pixels within a small distance of c.
func countColor(img image.Image, c color.RGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r>>8, c.R) && near(g>>8, c.G) && near(bl>>8, c.B) {
				n++
			}
		}
	}
	return n
}

func near(a uint32, b uint8) bool { d := int(a) - int(b); return d > -12 && d < 12 }

// countColumn counts the pixels of column x that are not white.
func countColumn(img image.Image, x int) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		r, g, bl, _ := img.At(x, y).RGBA()
		if r>>8 < 240 || g>>8 < 240 || bl>>8 < 240 {
			n++
		}
	}
	return n
}
