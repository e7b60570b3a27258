package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/xref-un/xref/fetch"
)

// progress is what a user sees while links are resolved (lychee and cargo
// are the models). On a terminal: one live line, redrawn a few times a
// second, with done/total, ok/broken/unresolved, requests, the host being
// waited for and until when, and an ETA; log lines (-v) scroll above it;
// at the end it is erased and replaced by a summary. Off a terminal: one
// line per state change (host paused, resumed, budget reached) and the
// summary. --quiet keeps only the summary's warnings away: nothing but
// errors is printed.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	live    bool // a terminal: draw the live line
	verbose bool
	quiet   bool
	what    string
	client  *fetch.Client
	start   time.Time

	total, done             int
	ok, broken, unresolved  int
	paused                  map[string]fetch.Event // host → current pause
	lineShown, budgetLogged bool
	stop                    chan struct{}
	stopped                 sync.WaitGroup
	finished                sync.Once
	now                     func() time.Time
}

// verbosity are the -v and --quiet flags.
type verbosity struct{ verbose, quiet bool }

func (v *verbosity) register(fs interface {
	BoolVar(p *bool, name string, value bool, usage string)
}) {
	fs.BoolVar(&v.verbose, "v", false, "log every request and every verdict on standard error")
	fs.BoolVar(&v.quiet, "quiet", false, "print no progress, log line or summary on standard error, only errors")
}

// note prints a line on w with -v.
func (v verbosity) note(w io.Writer, format string, a ...any) {
	if v.verbose && !v.quiet {
		fmt.Fprintf(w, "xref: "+format+"\n", a...)
	}
}

// info prints a line on w unless --quiet.
func (v verbosity) info(w io.Writer, format string, a ...any) {
	if !v.quiet {
		fmt.Fprintf(w, format+"\n", a...)
	}
}

// newProgress starts a progress display on w (standard error) for a run of
// what ("checking links"). c may be nil until the client exists (attach).
func newProgress(w io.Writer, what string, v verbosity) *progress {
	p := &progress{w: w, live: isTerminal(w) && !v.quiet, verbose: v.verbose && !v.quiet, quiet: v.quiet,
		what: what, start: time.Now(), paused: map[string]fetch.Event{}, stop: make(chan struct{}), now: time.Now}
	p.stopped.Add(1)
	go p.tick()
	return p
}

// attach gives the display the client whose requests it counts.
func (p *progress) attach(c *fetch.Client) {
	p.mu.Lock()
	p.client = c
	p.mu.Unlock()
}

// plan adds n links to the total.
func (p *progress) plan(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.total += n
	p.mu.Unlock()
}

// result counts one link's verdict.
func (p *progress) result(r fetch.Result) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	switch r.Status {
	case fetch.StatusOK:
		p.ok++
	case fetch.StatusNotFound, fetch.StatusSoft404:
		p.broken++
	default:
		p.unresolved++
	}
	if p.verbose {
		p.logLocked("%s: %s", r.URL, verdict(r))
	}
	if (r.Status == fetch.StatusSkipped) && !p.budgetLogged {
		p.budgetLogged = true
		why := "the time budget is spent"
		if errors.Is(r.Err(), fetch.ErrRequestCap) {
			why = "the request cap is reached"
		}
		p.stateLocked("%s: the links left are not checked", why)
	}
}

// event is the client's Options.OnEvent.
func (p *progress) event(e fetch.Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch e.Kind {
	case fetch.EventPaused:
		_, already := p.paused[e.Host]
		p.paused[e.Host] = e
		if already {
			return // a longer pause of a paused host: no change of state
		}
		why := "it asked to wait"
		if e.Reason == "throttled" {
			why = "it answers \"not found\" for a known document"
		}
		p.stateLocked("%s paused until %s: %s", e.Host, e.Until.Local().Format(time.TimeOnly), why)
	case fetch.EventResumed:
		if _, ok := p.paused[e.Host]; ok {
			delete(p.paused, e.Host)
			p.stateLocked("%s resumed: its known document resolves again", e.Host)
		}
	}
}

// state logs a change of state (see stateLocked).
func (p *progress) state(format string, a ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stateLocked(format, a...)
}

// logf prints a log line (above the live line on a terminal).
func (p *progress) logf(format string, a ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.logLocked(format, a...)
}

// stateLocked logs a change of state (host paused, resumed, budget
// reached): always off a terminal, where nothing else shows it; on a
// terminal, where the live line shows the wait, only with -v.
func (p *progress) stateLocked(format string, a ...any) {
	if p.live && !p.verbose {
		return
	}
	p.logLocked(format, a...)
}

func (p *progress) logLocked(format string, a ...any) {
	if p.quiet {
		return
	}
	line := fmt.Sprintf(format, a...)
	if p.live {
		p.clearLocked()
		fmt.Fprintf(p.w, "%s\n", line)
		p.drawLocked()
		return
	}
	fmt.Fprintf(p.w, "xref: %s %s\n", p.now().Format(time.TimeOnly), line)
}

// Write makes the display a sink for log records (-v): each line goes
// above the live line.
func (p *progress) Write(b []byte) (int, error) {
	for _, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		p.mu.Lock()
		if !p.quiet {
			if p.live {
				p.clearLocked()
			}
			fmt.Fprintln(p.w, l)
			if p.live {
				p.drawLocked()
			}
		}
		p.mu.Unlock()
	}
	return len(b), nil
}

// tick redraws the live line and notices pauses that ended.
func (p *progress) tick() {
	defer p.stopped.Done()
	t := time.NewTicker(200 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
		}
		p.mu.Lock()
		now := p.now()
		for h, e := range p.paused {
			if e.Reason != "throttled" && !e.Until.After(now) {
				if st, ok := p.hostStats()[h]; ok && st.PausedUntil.After(now) {
					e.Until = st.PausedUntil // extended by a later Retry-After
					p.paused[h] = e
					continue
				}
				delete(p.paused, h)
				p.stateLocked("%s resumed: its pause is over", h)
			}
		}
		if p.live {
			p.drawLocked()
		}
		p.mu.Unlock()
	}
}

func (p *progress) hostStats() map[string]fetch.HostStats {
	if p.client == nil {
		return nil
	}
	return p.client.HostStats()
}

// line is the live line's text.
func (p *progress) lineLocked() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d/%d: %d ok, %d broken, %d unresolved", p.what, p.done, p.total, p.ok, p.broken, p.unresolved)
	if p.client != nil {
		fmt.Fprintf(&b, "; %s", plural(p.client.Requests(), "request"))
	}
	now := p.now()
	var hosts []string
	for h, st := range p.hostStats() {
		if st.PausedUntil.After(now) {
			hosts = append(hosts, h)
		}
	}
	sort.Strings(hosts)
	if len(hosts) > 0 {
		st := p.hostStats()[hosts[0]]
		fmt.Fprintf(&b, "; waiting for %s until %s", hosts[0], st.PausedUntil.Local().Format(time.TimeOnly))
		if len(hosts) > 1 {
			fmt.Fprintf(&b, " (+%d)", len(hosts)-1)
		}
	}
	if eta, ok := p.etaLocked(now); ok {
		fmt.Fprintf(&b, "; ETA %s", eta)
	}
	return b.String()
}

// etaLocked estimates the time left from the pace so far, capped by the
// run's deadline.
func (p *progress) etaLocked(now time.Time) (string, bool) {
	if p.done == 0 || p.total <= p.done {
		return "", false
	}
	el := now.Sub(p.start)
	left := time.Duration(float64(el) / float64(p.done) * float64(p.total-p.done))
	if p.client != nil {
		if d := p.client.Deadline(); !d.IsZero() && d.Sub(now) < left {
			left = max(d.Sub(now), 0)
		}
	}
	if left < time.Second {
		return "<1s", true
	}
	return left.Round(time.Second).String(), true
}

func (p *progress) drawLocked() {
	if !p.live || p.total == 0 {
		return
	}
	line := p.lineLocked()
	if w := termWidth(p.w); w > 1 && utf8.RuneCountInString(line) >= w {
		line = string([]rune(line)[:w-2]) + "…"
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.lineShown = true
}

func (p *progress) clearLocked() {
	if p.lineShown {
		fmt.Fprint(p.w, "\r\033[K")
		p.lineShown = false
	}
}

// finish stops the display, erases the live line and prints the summary
// lines (unless --quiet). Only the first call counts, so that a deferred
// finish() cleans up after an early return.
func (p *progress) finish(summary ...string) {
	if p == nil {
		return
	}
	p.finished.Do(func() {
		close(p.stop)
		p.stopped.Wait()
		p.mu.Lock()
		defer p.mu.Unlock()
		p.clearLocked()
		if p.quiet {
			return
		}
		for _, s := range summary {
			if s != "" {
				fmt.Fprintln(p.w, s)
			}
		}
	})
}

// summaryLine says what the run did: links, verdicts, requests, time.
func (p *progress) summaryLine() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := fmt.Sprintf("%s: %d of %d in %s: %d ok, %d broken, %d unresolved", p.what, p.done, p.total,
		time.Since(p.start).Round(100*time.Millisecond), p.ok, p.broken, p.unresolved)
	if p.client != nil {
		s += "; " + plural(p.client.Requests(), "request")
		if err := p.client.Exhausted(); err != nil {
			s += "; stopped: " + strings.TrimPrefix(err.Error(), "fetch: ")
		}
	}
	return s
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// termWidth is the width of the terminal w, or 0.
func termWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok {
		return 0
	}
	n, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return n
}

// defaultBudget bounds check --resolve and resolve unless --budget says
// otherwise.
const defaultBudget = 15 * time.Minute

// output runs fn, which writes to the terminal, with the live line out of
// the way. A nil display just runs fn.
func (p *progress) output(fn func()) {
	if p == nil {
		fn()
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
	fn()
	p.drawLocked()
}
