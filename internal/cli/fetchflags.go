package cli

import (
	"flag"
	"fmt"
	"io"
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
	recheck      int
	recheckPause time.Duration
	maxWait      time.Duration
	allowHosts   stringList
	allowPrivate bool
	verbose      bool
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// register adds the flags; interactive commands (check, resolve) re-check a
// "not found" page sooner than the nightly report does.
func (f *fetchFlags) register(fs *flag.FlagSet, interactive bool) {
	d := fetch.DefaultLimit("undocs.org")
	fs.StringVar(&f.baseURL, "base-url", "", "send every request for a UN host to this address instead, keeping the Host\nheader (for the simulator: xref sim); default $"+fetch.EnvBaseURL)
	fs.Float64Var(&f.rate, "rate", 0, fmt.Sprintf("most requests per second to one host (default %g; %g for documents.un.org)", d.Rate, fetch.DefaultLimit("documents.un.org").Rate))
	fs.IntVar(&f.concurrency, "concurrency", 0, fmt.Sprintf("most requests in flight to one host (default %d)", d.Concurrency))
	fs.IntVar(&f.workers, "workers", 0, "most links resolved at once, all hosts together (default 8)")
	fs.DurationVar(&f.timeout, "timeout", 0, "time limit of one HTTP exchange (default 30s)")
	recheck, pause := 2, 30*time.Second
	if interactive {
		recheck, pause = 1, 5*time.Second
	}
	fs.IntVar(&f.recheck, "recheck", recheck, "how many times a \"not found\" page that answered 200 is checked again before it\nis believed (UN servers answer it for existing documents when they throttle)")
	fs.DurationVar(&f.recheckPause, "recheck-pause", pause, "pause before the first re-check; each further re-check waits four times longer")
	fs.DurationVar(&f.maxWait, "max-wait", 2*time.Minute, "longest Retry-After waited for; a longer one leaves the link unresolved")
	fs.Var(&f.allowHosts, "allow-host", "also resolve links to this host (repeatable; \"*\" for every host)")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "allow connections to loopback and private addresses (never needed for UN hosts)")
	fs.BoolVar(&f.verbose, "v", false, "log every request on standard error")
}

// client builds the fetch client.
func (f *fetchFlags) client(errw io.Writer) (*fetch.Client, error) {
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
		SoftNotFoundRetries:   f.recheck,
		SoftNotFoundPause:     f.recheckPause,
		MaxRetryAfter:         f.maxWait,
	}
	if f.recheck == 0 {
		opts.SoftNotFoundRetries = -1
	}
	if f.verbose {
		opts.Logger = slog.New(slog.NewTextHandler(errw, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	c, err := fetch.New(opts)
	if err != nil {
		return nil, &usageError{err.Error()}
	}
	return c, nil
}

// progress writes a one-line progress report on a terminal, and nothing
// otherwise.
type progress struct {
	w     io.Writer
	on    bool
	total int
	done  int
	what  string
	last  time.Time
}

func newProgress(w io.Writer, total int, what string) *progress {
	return &progress{w: w, on: isTerminal(w) && total > 0, total: total, what: what}
}

func (p *progress) step() {
	p.done++
	if !p.on || (time.Since(p.last) < 100*time.Millisecond && p.done < p.total) {
		return
	}
	p.last = time.Now()
	width := 30
	filled := width * p.done / p.total
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d", p.what, strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.done, p.total)
	if p.done == p.total {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
