package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
)

// How long a command waits for a store another process holds: a reader
// or xref rot up to storeWait; check up to recordWait, and then keeps its
// records in the store's journal instead, for the next writer to merge.
var (
	storeWait  = 10 * time.Second
	recordWait = 2 * time.Second
)

// waitOpen opens the store in dir, trying again while another process
// holds it, until wait has passed; it says once on f.errw that it waits.
func (f *storeFlags) waitOpen(ctx context.Context, dir string, wait time.Duration, readOnly bool) (*cache.Store, error) {
	opts := cache.Options{ReadOnly: readOnly}
	if !readOnly {
		opts = cache.Options{GCInterval: -1, MemTableSize: writeMemTable}
	}
	deadline := time.Now().Add(wait)
	pause := 20 * time.Millisecond
	for said := false; ; {
		st, err := cache.Open(ctx, dir, opts)
		if !errors.Is(err, cache.ErrInUse) || !time.Now().Before(deadline) {
			return st, err
		}
		if !said && f.errw != nil {
			fmt.Fprintf(f.errw, "xref: %v; waiting up to %v\n", err, wait.Round(time.Second))
			said = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, 500*time.Millisecond)
	}
}

// recorder keeps what check records: in the store, opened at the first
// record, or, when another process holds the store longer than
// recordWait, in the store's journal.
type recorder struct {
	flags *storeFlags
	errw  io.Writer
	dir   string
	store *cache.Store
	spool bool // the store is busy: records go to the journal
	off   bool // --no-cache, or no store could be opened
}

func newRecorder(f *storeFlags, errw io.Writer) *recorder {
	r := &recorder{flags: f, errw: errw, off: f.noCache}
	if !r.off {
		dir, err := f.path()
		if err != nil {
			fmt.Fprintf(errw, "xref: the citation graph is not updated: %v\n", err)
			r.off = true
		}
		r.dir = dir
	}
	return r
}

// record keeps one record; the caller reports the error.
func (r *recorder) record(ctx context.Context, rec cache.Record) error {
	if r.off {
		return nil
	}
	if err := r.open(ctx); err != nil {
		return err
	}
	if r.spool {
		_, err := cache.Spool(r.dir, rec)
		return err
	}
	return r.store.Write(ctx, rec)
}

// reader returns the open store to read from (the recent verdicts that
// --max-age reuses), opening it as record would, or nil when records go to
// the journal or nowhere.
func (r *recorder) reader(ctx context.Context) *cache.Store {
	if r.off || r.open(ctx) != nil {
		return nil
	}
	return r.store
}

// open opens the store at the first use, or decides to spool.
func (r *recorder) open(ctx context.Context) error {
	if r.store == nil && !r.spool {
		st, err := r.flags.waitOpen(ctx, r.dir, recordWait, false)
		switch {
		case errors.Is(err, cache.ErrInUse):
			r.spool = true
			fmt.Fprintf(r.errw, "xref: the citation graph is busy: this check is kept in %s, which the next command to open the store merges\n", cache.JournalDir(r.dir))
		case err != nil:
			r.off = true
			return err
		default:
			r.store = st
		}
	}
	return nil
}

// hosts keeps the Retry-After of the hosts that asked for one, where the
// store is open (the journal keeps no host state: it is only a hint).
func (r *recorder) hosts(ctx context.Context, results map[string]fetch.Result) error {
	if r.store == nil {
		return nil
	}
	for _, res := range results {
		if !res.RetryAt.IsZero() {
			if err := noteRetryAt(ctx, r.store, res); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *recorder) close() error {
	if r.store == nil {
		return nil
	}
	return r.store.Close()
}

// recordOf is the record of a checked transcript and of what its links
// resolved to.
func recordOf(t cache.Transcript, runID string, results map[string]fetch.Result) cache.Record {
	rec := cache.Record{Transcript: &t}
	for u, res := range results {
		if res.Status == fetch.StatusCanceled || res.Status == fetch.StatusSkipped {
			continue // not a statement about the link
		}
		rec.Observations = append(rec.Observations, cache.URLObservation{URL: u, Observation: observation(res, runID)})
	}
	return rec
}
