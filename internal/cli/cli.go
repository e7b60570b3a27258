// Package cli is the command line of xref: it parses flags, wires the
// library packages together and maps errors to exit codes, all in one
// place.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"

	"github.com/xref-un/xref/cache"
)

// Exit codes of xref. Each command documents which it uses.
const (
	// ExitOK: the command ran and found nothing wrong.
	ExitOK = 0
	// ExitFindings: check found problems of severity error.
	ExitFindings = 1
	// ExitUsage: bad flags or arguments, or input that cannot be read
	// (missing file, binary file, undecodable text).
	ExitUsage = 2
	// ExitStore: the citation graph could not be written or read (disk
	// full, a store that cannot be opened); check still reported its
	// findings.
	ExitStore = 4
)

// version is set by the linker (-ldflags "-X …/cli.version=v1.2.3") or read
// from the module's build information.
var version = ""

// Version returns xref's version.
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "v0.1.0-dev"
}

// IO are the streams a command uses.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, io IO) error
}

func commands() []command {
	return []command{
		{"check", "report missing, malformed, mismatched and wrong-language links of citations", runCheck},
		{"compare", "align the citations of language versions of one record and report where they differ", runCompare},
		{"expand", "make every citation a link: Markdown, HTML or text", runExpand},
		{"extract", "list every citation with its canonical symbol and offsets", runExtract},
		{"graph", "query the citation graph: cited-by, cites, stats, export", runGraph},
		{"resolve", "check whether documents or links really resolve (network)", runResolve},
		{"rot", "re-check the graph's links and report link rot since the last run", runRot},
		{"sim", "run the UN documents simulator on a loopback address", runSim},
		{"completion", "print a shell completion script: bash, zsh or fish", runCompletion},
		{"version", "print the version", func(_ context.Context, _ []string, io IO) error {
			fmt.Fprintln(io.Out, "xref", Version())
			return nil
		}},
	}
}

const usageHead = `xref links the citations in United Nations meeting transcripts to the
documents they cite: "第 73/266 号决议", "resolution 73/266" and "la
resolución 73/266" all become A/RES/73/266, checked against the links the
transcript carries.

Usage:
  xref <command> [flags] [FILE...]

Commands:
`

const usageTail = `
FILE may be "-" for standard input. Files may be UTF-8 (with or without a
byte-order mark), UTF-16 with a byte-order mark, GB18030 or Windows-1252,
as plain text (PDF text exports included) or HTML.

Exit codes:
  0  no problem found
  1  check found problems of severity error; resolve: some did not
     resolve; compare: the versions disagree
  2  usage error, or an input that cannot be read (missing, binary,
     undecodable); other files are still processed
  4  the citation graph could not be written (disk full, permissions);
     check still reports its findings
  130 interrupted (Ctrl-C, SIGINT); 143 terminated (SIGTERM)
  rot has its own: 0 nothing new, 1 runtime error, 2 new link rot,
  3 configuration error ("xref rot -h")

Configuration:
  .xref.toml, found in the working directory or the nearest parent, gives
  defaults to the flags of the same name (flags given win):
    lang = "zh"                 # --lang (expand: --transcript-lang)
    severity = "warning"        # check --severity
    select = ["link-mismatch"]  # check --select
    ignore = ["orphan-link"]    # check --ignore
    hosts = ["example.org"]     # --allow-host, added to those given
    rate = 1.0                  # --rate
    budget = "30m"              # --budget
    cache = "/var/lib/xref"     # --cache

Environment:
  XREF_CACHE     directory of the citation graph (default: the user's
                 cache directory, ~/.cache/xref/graph on Linux)
  XREF_BASE_URL  send every request for a UN host to this address (the
                 simulator, xref sim), keeping the Host header
  XREF_CONFIG    a configuration file to use instead of .xref.toml, or
                 "none" for none
  XREF_SHARED    where the tests find ../shared (tests only)

Run "xref help <command>" (or "xref <command> -h") for the flags of a
command; "xref completion bash|zsh|fish" for shell completion. Help is
written on standard output.
`

func usage(w io.Writer) {
	fmt.Fprint(w, usageHead)
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, usageTail)
}

// Main runs xref with the given arguments and returns its exit code.
func Main(ctx context.Context, args []string, in io.Reader, out, errw io.Writer) int {
	s := IO{In: in, Out: out, Err: errw}
	if p := os.Getenv("XREF_CPUPROFILE"); p != "" {
		// For measuring xref itself; not documented for users.
		if f, err := os.Create(p); err == nil {
			pprof.StartCPUProfile(f)
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
	}
	if len(args) == 0 {
		usage(errw)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 {
			if !isCommand(args[1]) {
				return unknownCommand(args[1], errw)
			}
			return Main(ctx, []string{args[1], "-h"}, in, out, errw)
		}
		usage(out)
		return ExitOK
	case "-version", "--version":
		fmt.Fprintln(out, "xref", Version())
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if wantsHelp(args[1:]) {
				// Help is what the user asked for: standard output, so
				// that "xref check -h | less" shows it.
				s.Err = out
			}
			err := c.run(ctx, args[1:], s)
			if code, ok := interrupted(ctx, errw); ok {
				return code
			}
			return exitCode(err, errw)
		}
	}
	return unknownCommand(args[0], errw)
}

func isCommand(name string) bool {
	for _, c := range commands() {
		if c.name == name {
			return true
		}
	}
	return false
}

// unknownCommand says so, with the command probably meant.
func unknownCommand(name string, errw io.Writer) int {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	fmt.Fprintf(errw, "xref: unknown command %q", name)
	if s := closest(name, names); s != "" {
		fmt.Fprintf(errw, " (did you mean %q?)", s)
	}
	sort.Strings(names)
	fmt.Fprintf(errw, "\ncommands: %s\nRun \"xref help\" for what each does.\n", strings.Join(names, ", "))
	return ExitUsage
}

// wantsHelp reports whether a command line asks for help (before "--").
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help", "--h":
			return true
		}
	}
	return false
}

// usageError is a problem with the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// errFindings reports, silently, that check found errors.
var errFindings = errors.New("findings of severity error")

// errInput reports, silently, that some inputs could not be read; their
// errors were already printed.
var errInput = errors.New("some inputs could not be read")

// exitError carries a command's own exit code (xref rot has its own
// scheme); Err, if not nil, is printed.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// exitCode maps an error to an exit code and prints it if it needs to.
func exitCode(err error, w io.Writer) int {
	var ue *usageError
	var ee *exitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		if ee.err != nil {
			fmt.Fprintf(w, "xref: %v\n", ee.err)
		}
		return ee.code
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.Is(err, errInput):
		return ExitUsage
	case errors.Is(err, errFindings):
		return ExitFindings
	case errors.As(err, &ue):
		fmt.Fprintf(w, "xref: %v\n", err)
		return ExitUsage
	case errors.Is(err, cache.ErrDiskFull):
		fmt.Fprintf(w, "xref: %v\n", err)
		return ExitStore
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(w, "xref: interrupted")
		return ExitUsage
	}
	fmt.Fprintf(w, "xref: %v\n", err)
	return ExitUsage
}

// newFlags makes a flag set that prints the command's usage on -h.
func newFlags(name, synopsis, about string, errw io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(errw)
	fs.Usage = func() {
		fmt.Fprintf(errw, "Usage: xref %s %s\n\n%s\n\nFlags:\n", name, synopsis, strings.TrimSpace(about))
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags that may come before or after the file names, over
// the defaults of the configuration file.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	if !wantsHelp(args) {
		if err := applyConfig(fs); err != nil {
			return nil, &usageError{err.Error()}
		}
	}
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{flagHint(fs, err.Error())}
		}
		args = fs.Args()
		if len(args) == 0 {
			return files, nil
		}
		files = append(files, args[0])
		args = args[1:]
	}
}

// flagHint adds the flag probably meant to the error of an unknown one.
func flagHint(fs *flag.FlagSet, msg string) string {
	const unknown = "flag provided but not defined: "
	name, ok := strings.CutPrefix(msg, unknown)
	if !ok {
		return msg
	}
	name = strings.TrimLeft(name, "-")
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if s := closest(name, names); s != "" {
		return fmt.Sprintf("%s (did you mean --%s?)", msg, s)
	}
	return msg
}
