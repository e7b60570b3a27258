package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/rot"
)

// rotResolver is the client as xref rot's engine sees it, with every
// result counted on the progress display.
type rotResolver struct {
	c    *fetch.Client
	prog *progress
}

func (r *rotResolver) ResolveAll(ctx context.Context, reqs []fetch.Request, fn func(int, fetch.Result)) error {
	r.prog.plan(len(reqs))
	err := r.c.ResolveAll(ctx, reqs, func(i int, res fetch.Result) {
		r.prog.result(res)
		fn(i, res)
	})
	// The engine ends the run at its budget or request cap by canceling
	// ctx with that cause: a change of state worth a log line.
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		r.prog.state("%s: the links left wait for the next run", strings.TrimPrefix(cause.Error(), "rot: "))
	}
	return err
}

func (r *rotResolver) PauseHost(host string, until time.Time) { r.c.PauseHost(host, until) }

// rotSummary is the last line of xref rot: what the run found and where
// the report is.
func rotSummary(rep *rot.Report, paths []string) string {
	t := rep.Totals
	s := fmt.Sprintf("rot: %d of %d due links checked in %s, %s: %d newly broken, %d suspect, %d fixed, %d unknown",
		t.Checked, t.Due, rep.Run.End.Sub(rep.Run.Start).Round(100*time.Millisecond), plural(t.Requests, "request"),
		t.NewBroken, t.Suspect, t.Fixed, t.Unknown)
	if t.Deferred > 0 {
		s += fmt.Sprintf("; %d left for the next run", t.Deferred)
	}
	if rep.Run.Stopped != "" {
		s += fmt.Sprintf(" (%s reached)", rep.Run.Stopped)
	}
	if len(paths) > 0 {
		s += "\nreport: " + strings.Join(paths, ", ")
	}
	return s
}
