/*
Package rot is xref's nightly link-rot check: it re-checks the links of the
citation graph (package cache) with the polite resolver (package fetch),
judges each link over time, and reports what changed since the last run, in
Markdown, JSON or one self-contained HTML page.

	rep, err := rot.Run(ctx, store, client, rot.Options{Budget: 30 * time.Minute})
	err = rep.WriteHTML(w) // or WriteMarkdown, WriteJSON

It imports fetch and cache, never the linker: `xref rot` (internal/cli) is
what wires the three together.

# Scheduling

A run reads every link used by a transcript (cache.Store.Links) and checks
those that are due (cache.Link.NextDue, set by the previous run with
SetLinkState):

  - suspect links every night, and links that a run could not judge at the
    next run;
  - links never judged, at once;
  - dead links every DeadEvery (7 days);
  - working links after a whole number of days between OKMin and OKMax (3
    to 7), chosen per link by a hash of its URL and the day, so that links
    checked together spread out over the following nights.

Each interval loses Slack (4 hours), so that a link checked at 02:10 is due
again at a run that starts at 02:00. Due links are taken in that order of
priority (suspect, new, dead, working; then the longest overdue) while every
host of their last chain has room: a host allows rate × Budget × 0.8 requests
(Options.Rate, fetch's defaults), and the run MaxRequests; the others stay
due for the next run. Whatever is still unresolved when the budget or the
request cap runs out is abandoned and stays due too (Report.Run.Stopped says
which). The resolver interleaves hosts.

A 429 whose Retry-After is longer than the resolver waits (fetch's
MaxRetryAfter) closes its host: the time is kept in the store
(cache.HostState.NotBefore) and, until then, the links whose last chain went
through the host are not contacted at all (not even their first hop), and the
resolver is told to keep the host closed (fetch.Client.PauseHost) for chains
that lead there anew. Such links are reported unknown, with the host and the
time.

A link whose last good check saw an ETag or a Last-Modified date is asked
with If-None-Match and If-Modified-Since on that final URL: an unchanged
document answers 304 and costs no body.

# Verdicts

Only not-found and soft-404 are failures; blocked, rate-limited, server
errors, timeouts, network failures and invalid requests are unknown, never
rot. A failure makes a link suspect; failing on
DeadAfter separate runs (3, distinct run ids, since it last worked; unknown
checks neither count nor break the count) makes it dead: new-broken on the
run that concluded it, still-broken afterwards (with its first failure and
age). A suspect or dead link that works again is fixed. A working link whose
chain ends at another URL than at its last good check, or passes a new
permanent redirect (301, 308), is redirected; one that ends at the same URL
with another ETag, declared length or hash of its first bytes is changed.

Every check is kept (cache.Store.Observe, with the resolver's result in
Observation.Raw), and the state and next due time with SetLinkState. Each
run is recorded with PutRun (Kind "rot") and its counters, which make the
report's trend.

# The report

Report is the JSON report (Schema "xref-rot/1"): run, totals, seven
sections (new_broken, suspect, fixed, redirected, changed, still_broken,
unknown; every one present, possibly empty), trend and closed hosts. Each
link of a section comes with a sentence of reason and every transcript,
language, line, column and citation that uses it. Every link is in at most
one section: suspect lists all suspect links and new_broken with
still_broken all dead ones, whatever this run could see of them; unknown has
the other links it could not judge. Lists are sorted, and times come from
Options.Now, so a run with a fixed clock gives the same bytes every time.

WriteMarkdown and WriteHTML render the same content; the HTML page has
inline CSS, the trend as inline SVG, no script and no external asset (its
Content-Security-Policy forbids both) and a layout that fits a phone.

# Clock

Options.Now is the clock of the schedule, the observations, the host
not-before times and the report, so that tests play several nights in a
second. The budget is measured on the wall clock, and the resolver's times
(Retry-After) are converted between the two.

# Files

	engine.go    Options, Resolver, Run: scan, plan, resolve, judge, record
	schedule.go  due times, priorities, planning within budget and request cap
	verdict.go   status classes, verdicts over time, change detection
	report.go    Report and its parts (the JSON schema), WriteJSON
	text.go      the sentences of the report
	markdown.go  WriteMarkdown
	html.go      WriteHTML and the SVG trend
*/
package rot
