package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/linker"
	"github.com/xref-un/xref/rot"
)

// EnvCache names the store's directory, like --cache.
const EnvCache = "XREF_CACHE"

// storeFlags choose the citation graph's store.
type storeFlags struct {
	dir     string
	noCache bool
	// errw, when set, is told when the store is busy.
	errw io.Writer
}

func (f *storeFlags) register(fs *flag.FlagSet, writes bool) {
	f.errw = fs.Output() // the command's standard error
	def, _ := cache.DefaultDir()
	fs.StringVar(&f.dir, "cache", "", "directory of the citation graph store (default $"+EnvCache+", else "+def+")")
	if writes {
		fs.BoolVar(&f.noCache, "no-cache", false, "do not record this check in the citation graph")
	}
}

func (f *storeFlags) path() (string, error) {
	if f.dir != "" {
		return f.dir, nil
	}
	if d := os.Getenv(EnvCache); d != "" {
		return d, nil
	}
	return cache.DefaultDir()
}

// openWrite opens the store for writing, waiting up to storeWait for
// another process that holds it.
func (f *storeFlags) openWrite(ctx context.Context) (*cache.Store, error) {
	if f.noCache {
		return nil, nil
	}
	dir, err := f.path()
	if err != nil {
		return nil, err
	}
	return f.waitOpen(ctx, dir, storeWait, false)
}

// openRead opens the store for queries: read-only, so that several readers
// can share it. A store a killed writer left behind is recovered first,
// and records waiting in its journal are merged, when no writer holds it;
// while one does, the reader waits for it (up to storeWait).
func (f *storeFlags) openRead(ctx context.Context) (*cache.Store, error) {
	dir, err := f.path()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no citation graph at %s yet: run xref check first", dir)
	}
	if j, _ := cache.Journaled(dir); len(j) > 0 {
		if st, err := cache.Open(ctx, dir, cache.Options{GCInterval: -1, MemTableSize: writeMemTable}); err == nil {
			return st, nil
		}
	}
	st, err := f.waitOpen(ctx, dir, storeWait, true)
	if errors.Is(err, cache.ErrNeedsRecovery) {
		return f.waitOpen(ctx, dir, storeWait, false)
	}
	return st, err
}

// transcriptOf converts a checked document for the store.
func transcriptOf(doc *linker.Document, path, runID string) cache.Transcript {
	sum := sha256.Sum256(doc.Input)
	t := cache.Transcript{
		ID:          doc.Self,
		Symbol:      doc.Self,
		Language:    doc.Lang,
		Path:        path,
		ContentHash: hex.EncodeToString(sum[:8]),
		RunID:       runID,
		Kind:        "transcript",
	}
	if t.ID == "" {
		t.ID = cache.TranscriptID(path, doc.Input)
	}
	for i, c := range doc.Citations {
		v := doc.Verdict(i) // the graph records what check decided the citation is
		oc := cache.Citation{Symbol: v.Key, Occurrence: cache.Occurrence{
			Kind: string(v.Kind), Start: c.Start, End: c.End, Line: c.Line, Column: c.Col,
			Snippet: cache.Snippet(doc.Input, c.Start, c.End),
		}}
		if c.Link >= 0 {
			oc.URL = doc.Links[c.Link].URL
		}
		t.Citations = append(t.Citations, oc)
	}
	for _, l := range doc.Links {
		if l.Citation < 0 && l.UN() {
			t.Links = append(t.Links, cache.LinkRef{URL: l.URL, Line: l.Line, Column: l.Col, Symbol: l.Symbol})
		}
	}
	return t
}

func observation(r fetch.Result, runID string) cache.Observation {
	o := cache.Observation{
		Time: r.Timings.Start, RunID: runID, Status: string(r.Status), Code: r.Code, FinalURL: r.FinalURL,
		ContentHash: r.SHA256, ETag: r.ETag, LastModified: r.LastModified, ContentLength: r.ContentLength, Error: r.Error,
	}
	if o.Time.IsZero() {
		o.Time = time.Now()
	}
	for _, h := range r.Hops {
		o.Redirects = append(o.Redirects, cache.Redirect{URL: h.To, Code: h.Code})
	}
	o.Replacement, o.ReplacementLost = rot.ReplacementOf(r), r.ReplacementLost
	if raw, err := json.Marshal(r); err == nil {
		o.Raw = raw
	}
	return o
}

// noteRetryAt keeps a host's Retry-After for the next run.
func noteRetryAt(ctx context.Context, st *cache.Store, r fetch.Result) error {
	host := hostOf(r.FinalURL)
	if host == "" {
		host = hostOf(r.URL)
	}
	if host == "" {
		return nil
	}
	_, err := st.UpdateHost(ctx, host, func(h *cache.HostState) error {
		if r.RetryAt.After(h.NotBefore) {
			h.NotBefore = r.RetryAt
		}
		return nil
	})
	return err
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.ToLower(p.Hostname())
}

func newRunID(kind string) string {
	return kind + "-" + time.Now().UTC().Format("20060102T150405.000000000Z")
}

// absPath names a checked file the same way from every working directory.
func absPath(name string) string {
	if name == "-" {
		return "-"
	}
	if a, err := filepath.Abs(name); err == nil {
		return a
	}
	return name
}
