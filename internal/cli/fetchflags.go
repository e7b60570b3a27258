package cli

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/xref-un/xref/fetch"
)

// fetchFlags are the flags of the commands that go to the network.
type fetchFlags struct {
	baseURL      string
	rate         float64
	concurrency  int
	workers      int
	timeout      time.Duration
	maxWait      time.Duration
	allowHosts   stringList
	allowPrivate bool
	noArchive    bool
	verbosity

	// The run's bounds: --budget and --max-requests (every network
	// command), --max-age (check and resolve).
	budget      time.Duration
	maxRequests int
	maxAge      time.Duration
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// register adds the flags. budget is the default --budget; maxAge, when
// not negative, adds --max-age with that default (rot has its own schedule).
func (f *fetchFlags) register(fs *flag.FlagSet, budget, maxAge time.Duration) {
	d := fetch.DefaultLimit("undocs.org")
	fs.StringVar(&f.baseURL, "base-url", "", "send every request for a UN host to this address instead, keeping the Host\nheader (for the simulator: xref sim); default $"+fetch.EnvBaseURL)
	fs.Float64Var(&f.rate, "rate", 0, fmt.Sprintf("most requests per second to one host (default %g; %g for documents.un.org)", d.Rate, fetch.DefaultLimit("documents.un.org").Rate))
	fs.IntVar(&f.concurrency, "concurrency", 0, fmt.Sprintf("most requests in flight to one host (default %d)", d.Concurrency))
	fs.IntVar(&f.workers, "workers", 0, "most links resolved at once, all hosts together (default 8)")
	fs.DurationVar(&f.timeout, "timeout", 0, "time limit of one HTTP exchange (default 30s)")
	fs.DurationVar(&f.maxWait, "max-wait", 2*time.Minute, "longest Retry-After waited for; a longer one leaves the link unresolved")
	fs.Var(&f.allowHosts, "allow-host", "also resolve links to this host (repeatable; \"*\" for every host)")
	fs.BoolVar(&f.noArchive, "no-archive", false, "look for the replacement of a dead link on the UN hosts only, never in the web\narchive (archive.org)")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "allow connections to loopback and private addresses (never needed for UN hosts)")
	fs.DurationVar(&f.budget, "budget", budget, "wall-clock budget of the run; links not resolved by then are reported unresolved")
	fs.IntVar(&f.maxRequests, "max-requests", 0, "most HTTP requests of the run, probes included (0: no cap)")
	if maxAge >= 0 {
		fs.DurationVar(&f.maxAge, "max-age", maxAge, "reuse a link's verdict from the citation graph when younger than this (0: always ask)")
	}
	f.verbosity.register(fs)
}

// validate checks the bounds.
func (f *fetchFlags) validate() error {
	switch {
	case f.budget <= 0:
		return usagef("--budget must be positive")
	case f.maxRequests < 0:
		return usagef("--max-requests cannot be negative")
	case f.maxAge < 0:
		return usagef("--max-age cannot be negative")
	}
	return nil
}

// client builds the fetch client of a run that starts now, reporting to
// prog (may be nil). bounded gives it the run's --budget and
// --max-requests (rot plans within them itself).
func (f *fetchFlags) client(prog *progress, bounded bool) (*fetch.Client, error) {
	base := f.baseURL
	if base == "" {
		base = os.Getenv(fetch.EnvBaseURL)
	}
	opts := fetch.Options{
		BaseURL:               base,
		AllowHosts:            f.allowHosts,
		AllowPrivateAddresses: f.allowPrivate,
		Limit:                 fetch.HostLimit{Rate: f.rate, Concurrency: f.concurrency},
		Workers:               f.workers,
		RequestTimeout:        f.timeout,
		MaxRetryAfter:         f.maxWait,
		// A dead link is reported with the address that works, when one
		// does (docs/resolving.md, "When a link dies").
		FindReplacements: true,
		NoArchive:        f.noArchive,
	}
	if bounded {
		opts.MaxRequests = f.maxRequests
		opts.Deadline = time.Now().Add(f.budget)
	}
	if prog != nil {
		opts.OnEvent = prog.event
		if f.verbose {
			opts.Logger = slog.New(slog.NewTextHandler(prog, &slog.HandlerOptions{Level: slog.LevelDebug}))
		}
	}
	c, err := fetch.New(opts)
	if err != nil {
		return nil, &usageError{err.Error()}
	}
	if prog != nil {
		prog.attach(c)
	}
	return c, nil
}
