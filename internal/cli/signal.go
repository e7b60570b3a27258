package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Exit codes of a command ended by a signal, as shells report them
// (128 + the signal's number).
const (
	ExitInterrupted = 130 // SIGINT, Ctrl-C
	ExitTerminated  = 143 // SIGTERM
)

// signalGrace is how long a command has, after SIGINT or SIGTERM, to stop
// by itself (finish the line it writes, close the store) before the
// process exits regardless. Together with the time to notice, it keeps
// the exit within a second of the signal.
var signalGrace = 250 * time.Millisecond

// Interrupted is the cause of a context cancelled by a signal.
type Interrupted struct{ Signal os.Signal }

func (e *Interrupted) Error() string { return "interrupted by " + e.Signal.String() }

// ExitCode is 130 for SIGINT and 143 for SIGTERM.
func (e *Interrupted) ExitCode() int {
	if e.Signal == syscall.SIGTERM {
		return ExitTerminated
	}
	return ExitInterrupted
}

// Run runs xref as a process: the arguments without the program name, the
// standard streams. SIGINT and SIGTERM cancel the command's context; the
// command stops at its next check of the context, with the output it
// completed written and its store closed, and the process exits with 130 or
// 143. Work that does not watch the context (parsing one large file) is cut
// short signalGrace after the signal, as is everything after a second
// signal: the store survives that as it survives kill -9.
func Run(args []string, in io.Reader, out, errw io.Writer) int {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan int, 1)
	go func() { done <- Main(ctx, args, in, out, errw) }()
	var sig os.Signal
	select {
	case code := <-done:
		return code
	case sig = <-sigs:
	}
	cause := &Interrupted{Signal: sig}
	cancel(cause)
	select {
	case code := <-done:
		return code
	case <-sigs:
	case <-time.After(signalGrace):
	}
	fmt.Fprintln(errw, "xref: interrupted")
	return cause.ExitCode()
}

// interrupted gives the exit code of a command whose context a signal
// cancelled, and says so on w.
func interrupted(ctx context.Context, w io.Writer) (int, bool) {
	var in *Interrupted
	if ctx.Err() == nil || !errors.As(context.Cause(ctx), &in) {
		return 0, false
	}
	fmt.Fprintln(w, "xref: interrupted")
	return in.ExitCode(), true
}
