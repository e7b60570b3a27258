package fetch

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// Via says how a replacement was found. Its values are stable strings.
type Via string

// The ways to a replacement, in the order they are tried (after
// Request.KnownReplacement, which is tried first).
const (
	// ViaSymbolAPI: https://documents.un.org/api/symbol/access?s=…&l=…&t=pdf.
	ViaSymbolAPI Via = "symbol-api"
	// ViaUndocs: https://undocs.org/<lang>/<SYMBOL>.
	ViaUndocs Via = "undocs"
	// ViaDocs: https://docs.un.org/<lang>/<SYMBOL>.
	ViaDocs Via = "docs-un"
	// ViaArchive: a copy in the Wayback Machine, found through its
	// availability API.
	ViaArchive Via = "archive"
	// ViaKnown: an address given as Request.KnownReplacement that is none
	// of the above forms.
	ViaKnown Via = "known"
)

// Replacement is an address that serves the document of a link judged
// broken (not-found or soft-404).
type Replacement struct {
	// URL is the address to link instead.
	URL string `json:"url"`
	// Via says how it was found.
	Via Via `json:"via"`
	// Snapshot is when an archived copy was taken (ViaArchive).
	Snapshot time.Time `json:"snapshot,omitzero"`
	// Format is the document's format, sniffed.
	Format Format `json:"format,omitempty"`
	// Rechecked says that it is the Request.KnownReplacement of an earlier
	// run, asked again and still resolving.
	Rechecked bool `json:"rechecked,omitempty"`
}

// Outcome is what asking one alternative address gave.
type Outcome string

// The outcomes of an Attempt.
const (
	// OutcomeFound: the address resolves to the document; it is the
	// replacement.
	OutcomeFound Outcome = "found"
	// OutcomeMissing: not-found or soft-404 there too.
	OutcomeMissing Outcome = "missing"
	// OutcomeOtherDocument: it resolves, but to a document that shows
	// another symbol.
	OutcomeOtherDocument Outcome = "other-document"
	// OutcomeListed: the archive lists a copy (the copy is the next
	// attempt).
	OutcomeListed Outcome = "listed"
	// OutcomeNoCopy: the archive holds no copy of the link.
	OutcomeNoCopy Outcome = "no-copy"
	// OutcomeUnreachable: nothing could be learnt (rate-limited beyond the
	// wait allowed, blocked, server or network error).
	OutcomeUnreachable Outcome = "unreachable"
	// OutcomeSkipped: not asked, or not to the end: the run's budget or
	// request cap ran out, or the run was interrupted.
	OutcomeSkipped Outcome = "skipped"
)

// Attempt is one alternative address asked for a broken link.
type Attempt struct {
	Via     Via     `json:"via"`
	URL     string  `json:"url"`
	Outcome Outcome `json:"outcome"`
	// Status is the resolver's verdict on the address, when it was asked.
	Status Status `json:"status,omitempty"`
	// Error says why it is not the replacement.
	Error string `json:"error,omitempty"`
}

// candidate is an alternative address to try.
type candidate struct {
	via      Via
	url      string
	snapshot time.Time
	lookup   bool // the availability API: its answer names a copy to try next
	known    bool // Request.KnownReplacement
}

// altState is a broken link's search for a replacement (Options.FindReplacements).
type altState struct {
	cands []candidate
	next  int
	cur   candidate
	sub   *job            // the alternative being resolved
	tried map[string]bool // URLs asked already in this search (chains included)
	sym   string          // the document's symbol, "" when the link names none
}

// wantsReplacement reports whether a finished job looks for a replacement.
func (c *Client) wantsReplacement(j *job) bool {
	return c.opts.FindReplacements && !j.probe && !j.isAlt &&
		(j.res.Status == StatusNotFound || j.res.Status == StatusSoft404)
}

// startAlternatives lists the alternatives of a broken link, in the fixed
// order: the replacement an earlier run found (KnownReplacement); for a
// symbol known from the request or read from the link (SymbolOf), the
// symbol API, undocs.org and docs.un.org in the link's language; then,
// unless Options.NoArchive, the archive's copy of the link. An address
// already in the link's own chain is not asked again. Daccess-ods job
// numbers and Digital Library records cannot be derived from a symbol
// without a search, so they are never built.
func (c *Client) startAlternatives(j *job) {
	a := &altState{tried: map[string]bool{}}
	for u := range j.visited {
		a.tried[u] = true
	}
	a.tried[j.res.URL] = true
	if j.known != "" {
		a.cands = append(a.cands, describeKnown(j.known))
	}
	sym, lang := j.res.Symbol, j.res.Lang
	if sym == "" {
		sym, lang, _ = SymbolOf(j.res.URL)
	}
	a.sym = sym
	if sym != "" {
		if u, err := SymbolAPIURL(sym, lang); err == nil {
			a.cands = append(a.cands, candidate{via: ViaSymbolAPI, url: u})
		}
		if lang != "" || !ambiguousBare(sym) {
			if u, err := UndocsURL(sym, lang); err == nil {
				a.cands = append(a.cands, candidate{via: ViaUndocs, url: u})
			}
			if u, err := DocsURL(sym, lang); err == nil {
				a.cands = append(a.cands, candidate{via: ViaDocs, url: u})
			}
		}
	}
	if !c.opts.NoArchive {
		a.cands = append(a.cands, candidate{via: ViaArchive, lookup: true, url: AvailabilityURL(j.res.URL, j.lastOK)})
	}
	j.alt = a
	j.done = false
}

// describeKnown makes a candidate of an earlier run's replacement,
// recognising its form.
func describeKnown(raw string) candidate {
	cd := candidate{url: raw, known: true, via: ViaKnown}
	if t := snapshotTime(raw); !t.IsZero() {
		cd.via, cd.snapshot = ViaArchive, t
		return cd
	}
	u, err := url.Parse(raw)
	if err != nil {
		return cd
	}
	switch normHost(u.Hostname()) {
	case "documents.un.org":
		if u.Path == "/api/symbol/access" {
			cd.via = ViaSymbolAPI
		}
	case "undocs.org", "www.undocs.org":
		cd.via = ViaUndocs
	case "docs.un.org":
		cd.via = ViaDocs
	}
	return cd
}

// stepAlt advances a replacement search: it resolves one alternative after
// the other (each a job of its own, with the same politeness, budget and
// soft-404 proof as any link) and stops at the first that resolves to the
// document. It returns when to step again, or done.
func (c *Client) stepAlt(ctx context.Context, j *job) (time.Time, bool) {
	a := j.alt
	for {
		if a.sub == nil {
			if a.next >= len(a.cands) {
				j.endAlt()
				return time.Time{}, true
			}
			cd := a.cands[a.next]
			a.next++
			if a.tried[cd.url] {
				continue
			}
			a.tried[cd.url] = true
			sub := c.newJob(Request{URL: cd.url, Expect: map[bool]Expect{true: ExpectPage, false: ExpectDocument}[cd.lookup]})
			sub.isAlt = true
			sub.archive = cd.via == ViaArchive
			sub.keepBody = cd.lookup
			if !cd.lookup {
				sub.wantSym = a.sym
			}
			a.sub, a.cur = sub, cd
		}
		at, done := c.step(ctx, a.sub)
		if !done {
			return at, false
		}
		sub, cd := a.sub, a.cur
		a.sub = nil
		j.res.Requests += sub.res.Requests
		for _, h := range sub.res.Hops {
			a.tried[h.URL], a.tried[h.To] = true, true
		}
		att := Attempt{Via: cd.via, URL: cd.url, Status: sub.res.Status, Error: sub.res.Error}
		switch sub.res.Status {
		case StatusOK:
			switch {
			case cd.lookup:
				snap, ok, err := ParseAvailability(sub.body)
				switch {
				case err != nil:
					att.Outcome, att.Error = OutcomeUnreachable, err.Error()
				case !ok:
					att.Outcome, att.Error = OutcomeNoCopy, "the archive lists no copy"
				default:
					att.Outcome = OutcomeListed
					next := candidate{via: ViaArchive, url: snap.URL, snapshot: snap.Time}
					a.cands = append(a.cands[:a.next], append([]candidate{next}, a.cands[a.next:]...)...)
				}
			case sub.otherSym != "":
				att.Outcome = OutcomeOtherDocument
				att.Error = fmt.Sprintf("it shows %s, not %s", sub.otherSym, a.sym)
			case !sub.res.Format.Document():
				att.Outcome, att.Error = OutcomeMissing, "no document"
			default:
				att.Outcome = OutcomeFound
				j.res.Replacement = &Replacement{URL: cd.url, Via: cd.via, Snapshot: cd.snapshot, Format: sub.res.Format, Rechecked: cd.known}
			}
		case StatusNotFound, StatusSoft404:
			att.Outcome = OutcomeMissing
			if cd.lookup {
				att.Outcome = OutcomeUnreachable
			}
		case StatusSkipped, StatusCanceled:
			att.Outcome = OutcomeSkipped
		default:
			att.Outcome = OutcomeUnreachable
		}
		if cd.known && att.Outcome != OutcomeFound && att.Outcome != OutcomeSkipped {
			j.res.ReplacementLost = cd.url
		}
		j.res.Alternatives = append(j.res.Alternatives, att)
		if att.Outcome == OutcomeFound {
			j.endAlt()
			return time.Time{}, true
		}
		if att.Outcome == OutcomeSkipped {
			j.abortAlt(OutcomeSkipped, sub.res.Error)
			return time.Time{}, true
		}
	}
}

// endAlt ends a replacement search; the link keeps its verdict.
func (j *job) endAlt() {
	j.alt = nil
	j.done = true
	if !j.t0.IsZero() {
		j.res.Timings.Total = time.Since(j.t0)
	}
	j.release()
}

// abortAlt ends a replacement search that cannot go on (the budget, the
// context): the alternative in flight and those not asked are recorded
// with outcome o.
func (j *job) abortAlt(o Outcome, why string) {
	a := j.alt
	if a.sub != nil {
		if !a.sub.done {
			a.sub.skip(ErrBudget)
		}
		j.res.Requests += a.sub.res.Requests
		j.res.Alternatives = append(j.res.Alternatives, Attempt{Via: a.cur.via, URL: a.cur.url, Outcome: o, Error: why})
		a.sub = nil
	}
	for _, cd := range a.cands[a.next:] {
		if !a.tried[cd.url] {
			j.res.Alternatives = append(j.res.Alternatives, Attempt{Via: cd.via, URL: cd.url, Outcome: o, Error: why})
		}
	}
	a.next = len(a.cands)
	j.endAlt()
}
