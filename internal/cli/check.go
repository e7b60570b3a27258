package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/linker"
)

const checkAbout = `
Check reads transcripts like a compiler reads source, and reports every
citation of a UN document that has no link, every link whose address is
malformed, points at another document than the text cites, or is in the
wrong language, each as FILE:LINE:COLUMN: SEVERITY: RULE: MESSAGE, with the
corrected URL on the next line.

Links are paired with citations as a reader would: an HTML anchor around
the citation, a URL right after it, or, in text exported from PDF, the
block of footnote links after each page, in the order of the citations.
The transcript's own symbol (its running head) is its identity, not a
citation.

Rules (severity):
  malformed-link        (error)   a UN link whose path is not a valid symbol
  link-mismatch         (error)   the link names another symbol than the text
  unlinked-citation     (warning) a citation without a link; (info) for
                                  General Assembly decisions, which have no
                                  document to link
  orphan-link           (warning) a UN link that goes with no citation
  nonstandard-language  (warning) a link language such as "ch" or "sp", or
                                  other than the transcript's; one finding
                                  lists every link that repeats it
  kind-mismatch         (warning) the text says resolution, but the number
                                  or symbol is something else
  year-mismatch         (warning) a Security Council resolution cited with
                                  a year other than its own
--select and --ignore take these ids; docs/rules.md explains each.

For CI: --format sarif writes SARIF 2.1.0 (upload it to GitHub code
scanning), --format github writes annotations for a GitHub Actions job.
--write-baseline FILE records today's findings by a fingerprint that
survives edits elsewhere in the file; --baseline FILE then reports, and
fails on, only the findings that are not in it.

Every check is recorded in the citation graph (see xref graph): which
document cites which, where, through which link, and what each link resolved
to. --no-cache skips it; --cache or XREF_CACHE choose the store. While
another process holds the store, check waits for it briefly, then keeps its
records in a journal next to the store, which the next command to open the
store merges.

Check works offline. With --resolve it also follows every UN link (and the
address suggested for each citation without one) politely, and reports:
  broken-link           (error)   the link is dead (404, 410)
  soft-404              (error)   the server answers a "not found" page with 200
  blocked-link          (warning) the server refuses automated access
  unresolved-link       (info)    rate-limited, timed out or unreachable: not
                                  judged
On a terminal, a live line on standard error shows the links done, the
verdicts, the requests, the host being waited for and an ETA; otherwise one
log line per host pause and resumption. Each file's findings are printed as
soon as its links are resolved. --budget and --max-requests bound the run:
links not resolved by then are reported unresolved, with the offline
findings. A link whose verdict in the citation graph is younger than
--max-age is not asked again. See docs/resolving.md.

Exit status: 0 when no finding is an error, 1 when some are, 2 when a file
could not be read or the flags are wrong, 4 when the citation graph could
not be updated (a full disk), 130 or 143 when interrupted.`

func runCheck(ctx context.Context, args []string, s IO) error {
	fs := newFlags("check", "[flags] FILE...", checkAbout, s.Err)
	format := fs.String("format", "text", "output: text (one line per finding), json, sarif (SARIF 2.1.0, for code\nscanning) or github (annotations of a GitHub Actions job)")
	minSev := fs.String("severity", "info", "report findings of at least this severity: info, warning or error")
	selectRules := fs.String("select", "", "report only these rules (comma-separated ids; see Rules)")
	ignoreRules := fs.String("ignore", "", "do not report these rules (comma-separated ids)")
	baselinePath := fs.String("baseline", "", "report only findings not recorded in this baseline file")
	writeBaselinePath := fs.String("write-baseline", "", "record every finding in this baseline file and exit 0")
	resolve := fs.Bool("resolve", false, "also resolve the links over the network (see the fetch flags)")
	var in inputFlags
	in.register(fs)
	var ff fetchFlags
	ff.register(fs, defaultBudget, 24*time.Hour)
	var sf storeFlags
	sf.register(fs, true)
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	*format = strings.ToLower(*format)
	switch *format {
	case "text", "json", "sarif", "github":
	default:
		return usagef("unknown format %q (use text, json, sarif or github)", *format)
	}
	var filter ruleFilter
	if filter.sel, err = parseRules("--select", *selectRules); err != nil {
		return err
	}
	if filter.ign, err = parseRules("--ignore", *ignoreRules); err != nil {
		return err
	}
	var baseline map[string]bool
	if *baselinePath != "" {
		if baseline, err = readBaseline(*baselinePath); err != nil {
			return err
		}
	}
	var newBaseline []baselineEntry
	sarif := newSARIF()
	min, ok := map[string]int{"info": 2, "warning": 1, "error": 0}[strings.ToLower(*minSev)]
	if !ok {
		return usagef("unknown severity %q (use info, warning or error)", *minSev)
	}
	if len(files) == 0 {
		return usagef("no input files (give - to read standard input)")
	}
	if err := ff.validate(); err != nil {
		return err
	}
	quiet := &ff.quiet
	var client *fetch.Client
	var prog *progress
	if *resolve {
		prog = newProgress(s.Err, "resolving links", ff.verbosity)
		defer prog.finish()
		c, err := ff.client(prog, true)
		if err != nil {
			prog.finish()
			return err
		}
		defer c.Close()
		client = c
	}
	// The store is opened when there is something to record; while
	// another process holds it, records wait in its journal.
	rec := newRecorder(&sf, s.Err)
	defer func() {
		if err := rec.close(); err != nil {
			fmt.Fprintf(s.Err, "xref: %v\n", err)
		}
	}()
	runID := newRunID("check")
	run := cache.Run{ID: runID, Kind: "check", Start: time.Now(), Counters: map[string]int64{}}
	w := bufio.NewWriter(s.Out)
	defer w.Flush()
	var prior *priorVerdicts
	if client != nil {
		prior = newPriorVerdicts(rec.reader(ctx), ff.maxAge)
	}
	var reports []checkReport
	var interrupted error
	failed, errorsFound, unrecorded := false, false, false
	for _, name := range files {
		if interrupted != nil || ctx.Err() != nil {
			interrupted = ctx.Err()
			break
		}
		shown := displayName(name)
		doc, err := readDocument(name, s.In, in.options(name))
		if err != nil {
			fmt.Fprintf(s.Err, "xref: %s: %v\n", shown, err)
			failed = true
			continue
		}
		doc.Path = shown
		all := linker.Crossref(doc)
		var results map[string]fetch.Result
		if client != nil {
			// An interrupted run still prints this file's findings, with
			// the links it could not resolve reported unresolved.
			all, results, interrupted = resolveDocument(ctx, client, doc, all, prog, prior)
		}
		var fs []linker.Finding
		var n [3]int
		linker.Fingerprints(doc, all)
		baselined := 0
		for _, f := range all {
			if !filter.keep(f.Rule) {
				continue
			}
			if *writeBaselinePath != "" {
				newBaseline = append(newBaseline, baselineEntry{Fingerprint: f.Fingerprint, File: shown, Rule: f.Rule, Line: f.Line, Col: f.Col, Message: f.Message})
				continue
			}
			if baseline[f.Fingerprint] {
				baselined++
				continue
			}
			r := sevRank(f.Severity)
			n[r]++
			if r == 0 {
				errorsFound = true
			}
			if r <= min {
				fs = append(fs, f)
			}
		}
		switch *format {
		case "sarif":
			sarif.add(doc, shown, fs)
		case "github":
			writeGitHub(w, doc, shown, fs)
		case "text":
			prog.output(func() {
				for _, f := range fs {
					fmt.Fprintf(w, "%s:%d:%d: %s: %s: %s\n", shown, f.Line, f.Col, f.Severity, f.Rule, f.Message)
					if f.Suggestion != "" {
						more := ""
						if n := len(f.Occurrences); n > 1 {
							more = fmt.Sprintf(" (for the first of the %d links; --format json lists each)", n)
						}
						fmt.Fprintf(w, "\tsuggestion: %s%s\n", f.Suggestion, more)
					}
				}
				w.Flush()
			})
		case "json":
			if fs == nil {
				fs = []linker.Finding{}
			}
			reports = append(reports, checkReport{Document: doc, Findings: fs, Resolutions: sortedResults(results),
				Summary: summary{Errors: n[0], Warnings: n[1], Infos: n[2], Baselined: baselined}})
		}
		// Each file's findings go out whole before the next file is read,
		// so that an interrupted check leaves complete lines.
		w.Flush()
		if !*quiet {
			self := "no own symbol found"
			if doc.Self != "" {
				self = doc.SelfDisplay
			}
			extra := ""
			if baselined > 0 {
				extra = fmt.Sprintf(" (%d in the baseline not shown)", baselined)
			}
			line := fmt.Sprintf("%s: %s, %s: %d citations, %d links; %s, %s, %s%s", shown, self, doc.Lang,
				len(doc.Citations), len(doc.Links), plural(n[0], "error"), plural(n[1], "warning"), plural(n[2], "info"), extra)
			prog.output(func() { fmt.Fprintln(s.Err, line) })
		}
		// Recorded after the findings are out, which need not wait for the
		// store, and without them in memory.
		all, fs = nil, nil
		if !rec.off {
			run.Counters["files"]++
			run.Counters["citations"] += int64(len(doc.Citations))
			run.Counters["links"] += int64(len(doc.Links))
			run.Counters["resolved"] += int64(len(results))
			size := len(doc.Input)
			t := transcriptOf(doc, absPath(name), runID)
			if *format != "json" {
				doc = nil // the report does not need it
			}
			if size > bigInput {
				// The garbage of a large document, collected now, makes
				// room for the store's work without the heap growing to
				// twice its size first.
				runtime.GC()
			}
			// What an interrupted run learnt is kept too; verdicts reused
			// from the graph are not recorded again.
			rctx := context.WithoutCancel(ctx)
			err := rec.record(rctx, recordOf(t, runID, prior.fresh(results)))
			if err == nil {
				err = rec.hosts(rctx, results)
			}
			if err != nil && ctx.Err() == nil {
				fmt.Fprintf(s.Err, "xref: %s: the citation graph is not updated: %v\n", shown, err)
				unrecorded = true
			}
		}
	}
	if prog != nil {
		sum := prog.summaryLine()
		if prior != nil && len(prior.used) > 0 {
			sum += fmt.Sprintf("; %d reused from the graph (--max-age %s)", len(prior.used), ff.maxAge)
		}
		prog.finish(sum)
	}
	if !rec.off {
		run.End = time.Now()
		if err := rec.record(ctx, cache.Record{Run: &run}); err != nil && ctx.Err() == nil {
			fmt.Fprintf(s.Err, "xref: the run is not recorded: %v\n", err)
			unrecorded = true
		}
	}
	if *writeBaselinePath != "" {
		if err := writeBaseline(*writeBaselinePath, newBaseline); err != nil {
			return err
		}
		fmt.Fprintf(s.Err, "xref: %d findings recorded in the baseline %s\n", len(newBaseline), *writeBaselinePath)
		if failed {
			return errInput
		}
		return nil
	}
	switch *format {
	case "json":
		if reports == nil {
			reports = []checkReport{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(checkOutput{Schema: checkSchema, Files: reports}); err != nil {
			return err
		}
	case "sarif":
		if err := sarif.write(w); err != nil {
			return err
		}
	}
	switch {
	case interrupted != nil:
		return interrupted
	case failed:
		return errInput
	case unrecorded:
		return &exitError{code: ExitStore}
	case errorsFound:
		return errFindings
	}
	return nil
}

type checkReport struct {
	*linker.Document
	Findings []linker.Finding `json:"findings"`
	// Resolutions are the results of --resolve, one per URL.
	Resolutions []fetch.Result `json:"resolutions,omitempty"`
	Summary     summary        `json:"summary"`
}

func sortedResults(m map[string]fetch.Result) []fetch.Result {
	var out []fetch.Result
	for _, r := range m {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
}

type summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Baselined counts the findings not shown because --baseline has them.
	Baselined int `json:"baselined,omitempty"`
}

// checkSchema names the format and version of check's JSON.
const checkSchema = "xref-check/1"

type checkOutput struct {
	Schema string        `json:"schema"`
	Files  []checkReport `json:"files"`
}

func sevRank(s linker.Severity) int {
	switch s {
	case linker.SeverityError:
		return 0
	case linker.SeverityWarning:
		return 1
	}
	return 2
}

func plural(n int, word string) string {
	if n == 1 || word == "info" {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// readDocument reads and parses a whole transcript.
func readDocument(name string, stdin io.Reader, opt linker.Options) (*linker.Document, error) {
	r, err := open(name, stdin)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := readInput(r)
	if err != nil {
		return nil, err
	}
	budgetMemory(len(data))
	return linker.Parse(data, opt)
}
