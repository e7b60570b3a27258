package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/rot"
)

// Exit codes of xref rot, its own scheme (lychee's): a nightly job goes red
// only for new rot.
const (
	rotExitOK      = 0 // ran; nothing newly broken above --fail-on
	rotExitRuntime = 1 // could not run or finish: store, network setup, output
	rotExitNewRot  = 2 // more links newly broken than --fail-on
	rotExitConfig  = 3 // bad flags or arguments, or no citation graph yet
)

const rotAbout = `
Rot re-checks the links of the citation graph (recorded by xref check) and
writes one report of what changed since the last run: links newly broken,
suspect, fixed, redirected, changed, still broken (with age and first
failure) and unknown, each with every transcript, line and citation using it,
with totals and a trend of the last runs. Run it every night (cron, a
systemd timer or a CI schedule); --out overwrites the same report each time.

Scheduling: links that are due come first, within --budget and
--max-requests: suspect links every night, links never judged, dead links
once a week (--dead-days), working links after a random whole number of
days (--ok-days, 3-7). The rest waits for the next run. A host that answered
429 with a long Retry-After is not contacted before its time, on this run or
the next. Unchanged documents are cheap: their address is asked with
If-None-Match and If-Modified-Since.

Verdicts: one failure (not found, "not found" page) makes a link suspect;
failing on --dead-after separate runs (3) makes it dead. A new final address
or a new permanent redirect is "redirected"; a new ETag, length or content
hash at the same address is "changed". Blocked, rate-limited, 5xx, timeouts
and network failures are "unknown", never rot.

Formats: markdown (default), json (the stable schema xref-rot/1, defined
in schema/rot.schema.json and docs/rot.md) and html (one self-contained page, trend drawn in SVG,
readable on a phone). --out FILE takes its format from its extension (.md,
.json, .html), and may be repeated to write several formats from one run;
it may contain {date} (2006-01-02) or {time} (20060102T150405Z) for a file
per run. Files are replaced atomically.

On a terminal, a live line on standard error shows the links done, the
verdicts, the requests, the host being waited for and an ETA, and is
replaced at the end by a summary with the report's paths; otherwise log
lines (log/slog) go there: the plan, host pauses and resumptions, every
link with a verdict other than unchanged (all of them with -v), and the
summary. --quiet prints only errors.

Exit status:
  0  the run finished and at most --fail-on links are newly broken
  1  runtime error (store busy or unreadable, network setup, writing output)
  2  more than --fail-on links are newly broken (dead as of this run)
  3  configuration error: bad flags, or no citation graph yet`

// rotClock is the clock of xref rot; tests replace it to play nights.
var rotClock = time.Now

// runRot is `xref rot`.
func runRot(ctx context.Context, args []string, s IO) error {
	fl := newFlags("rot", "[flags]", rotAbout, s.Err)
	format := fl.String("format", "", "report format: markdown, json or html (default from the --out extension, else markdown)")
	var outs stringList
	fl.Var(&outs, "out", "write the report to this file instead of standard output, replacing it; repeat for\nseveral formats (.md, .json, .html); {date} and {time} in the name give a file per run")
	failOn := fl.Int("fail-on", 0, "exit 2 when more than this many links are newly broken")
	deadAfter := fl.Int("dead-after", 3, "separate failed runs that make a link dead")
	okDays := fl.String("ok-days", "3-7", "days after which a working link is checked again: N or MIN-MAX (jittered)")
	deadDays := fl.Int("dead-days", 7, "days after which a dead link is checked again")
	var ff fetchFlags
	ff.register(fl, 30*time.Minute, -1)
	budget, maxReq := &ff.budget, &ff.maxRequests
	var sf storeFlags
	sf.register(fl, false)
	rest, err := parse(fl, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &exitError{rotExitConfig, err}
	}
	config := func(format string, a ...any) error {
		return &exitError{rotExitConfig, fmt.Errorf(format, a...)}
	}
	if len(rest) > 0 {
		return config("rot takes no arguments (got %q): it checks the links of the citation graph", rest[0])
	}
	f := strings.ToLower(*format)
	if f == "md" {
		f = "markdown"
	}
	if f != "" && f != "markdown" && f != "json" && f != "html" {
		return config("unknown format %q (use markdown, json or html)", *format)
	}
	// Each output's format: its extension, else --format, else markdown.
	type output struct{ name, format string }
	var outputs []output
	for _, o := range outs {
		fo := formatOf(o)
		switch {
		case fo != "" && f != "" && fo != f:
			return config("--format %s but --out %s", f, o)
		case fo == "":
			fo = cmp.Or(f, "markdown")
		}
		outputs = append(outputs, output{o, fo})
	}
	if len(outputs) == 0 {
		outputs = append(outputs, output{"", cmp.Or(f, "markdown")})
	}
	okMin, okMax, err := parseDays(*okDays)
	switch {
	case err != nil:
		return config("--ok-days: %v", err)
	case *budget <= 0:
		return config("--budget must be positive")
	case *maxReq < 0 || *failOn < 0:
		return config("--max-requests and --fail-on cannot be negative")
	case *deadAfter < 1:
		return config("--dead-after must be at least 1")
	case *deadDays < 1:
		return config("--dead-days must be at least 1")
	}
	dir, err := sf.path()
	if err != nil {
		return &exitError{rotExitRuntime, err}
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return config("no citation graph at %s yet: run xref check first", dir)
	}
	prog := newProgress(s.Err, "checking links", ff.verbosity)
	defer prog.finish()
	client, err := ff.client(prog, false)
	if err != nil {
		prog.finish()
		return &exitError{rotExitConfig, err}
	}
	defer client.Close()
	store, err := sf.openWrite(ctx)
	if err != nil {
		prog.finish()
		return &exitError{rotExitRuntime, err}
	}
	defer store.Close()

	opts := rot.Options{
		Now: rotClock, Budget: *budget, MaxRequests: *maxReq, DeadAfter: *deadAfter,
		OKMin: okMin, OKMax: okMax, DeadEvery: time.Duration(*deadDays) * 24 * time.Hour,
		Rate: func(h string) float64 {
			if ff.rate != 0 {
				return ff.rate
			}
			return fetch.DefaultLimit(h).Rate
		},
	}
	// Log records: off a terminal, the plan and every link concluded;
	// on a terminal only with -v, above the live line.
	switch {
	case ff.quiet:
	case ff.verbose:
		opts.Logger = slog.New(slog.NewTextHandler(prog, &slog.HandlerOptions{Level: slog.LevelDebug}))
	case !prog.live:
		opts.Logger = slog.New(slog.NewTextHandler(prog, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	rep, err := rot.Run(ctx, store, &rotResolver{client, prog}, opts)
	if err != nil && rep == nil {
		prog.finish(prog.summaryLine())
		return &exitError{rotExitRuntime, err}
	}
	var paths []string
	for _, o := range outputs {
		if werr := writeReport(rep, o.format, o.name, s.Out); werr != nil {
			prog.finish(prog.summaryLine())
			return &exitError{rotExitRuntime, werr}
		}
		if o.name != "" {
			paths = append(paths, reportName(rep, o.name))
		}
	}
	prog.finish(rotSummary(rep, paths))
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err() // interrupted: the report says what was checked
		}
		return &exitError{rotExitRuntime, err}
	}
	if n := rep.NewRot(); n > *failOn {
		return &exitError{rotExitNewRot, fmt.Errorf("%d newly broken (more than --fail-on %d)", n, *failOn)}
	}
	return nil
}

// formatOf is the report format a file name's extension asks for, or "".
func formatOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return "json"
	case ".html", ".htm":
		return "html"
	case ".md", ".markdown":
		return "markdown"
	}
	return ""
}

// parseDays reads "N" or "MIN-MAX" days.
func parseDays(s string) (lo, hi time.Duration, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		b = a
	}
	x, err1 := strconv.Atoi(strings.TrimSpace(a))
	y, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || x < 1 || y < x {
		return 0, 0, fmt.Errorf("want N or MIN-MAX whole days, at least 1 (got %q)", s)
	}
	return time.Duration(x) * 24 * time.Hour, time.Duration(y) * 24 * time.Hour, nil
}

// writeReport renders the report to stdout or, atomically, to a file.
func writeReport(rep *rot.Report, format, out string, stdout io.Writer) error {
	render := rep.WriteMarkdown
	switch format {
	case "json":
		render = rep.WriteJSON
	case "html":
		render = rep.WriteHTML
	}
	if out == "" {
		return render(stdout)
	}
	name := reportName(rep, out)
	if d := filepath.Dir(name); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := render(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// reportName is the file an --out pattern names for a run.
func reportName(rep *rot.Report, out string) string {
	t := rep.Run.Start.UTC()
	return strings.NewReplacer("{date}", t.Format("2006-01-02"), "{time}", t.Format("20060102T150405Z")).Replace(out)
}
