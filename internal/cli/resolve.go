package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/linker"
	"github.com/xref-un/xref/normalize"
)

const resolveAbout = `
Resolve checks whether UN documents are really there: each argument is a URL
(https://undocs.org/ch/73/546) or a document symbol (A/RES/73/266, resolved
through the documents.un.org symbol API in the language of --lang). Redirect
chains and HTML hops (meta refresh, iframes, framesets, citation_pdf_url) are
followed; the answer is decided by the first bytes of the final body (a PDF,
a Word file), not by the status code, since UN servers answer 200 to almost
anything.

Statuses: ok, not-found, soft-404 (a "not found" page answered with 200),
blocked, rate-limited, server-error, timeout, network, invalid, skipped (the
run's --budget or --max-requests ran out first). A "not found" page is
judged by the host's page for a symbol that cannot exist and by a document
known to resolve there, not by waiting (docs/resolving.md). A verdict in the
citation graph younger than --max-age is reused without a request. A dead
link's document is looked for elsewhere (the symbol API, undocs.org,
docs.un.org, then the web archive unless --no-archive), and the replacement
found, or what was tried, follows its verdict. Text output gives one
sentence per argument; the chain of hops is in the JSON.

Exit status: 0 when every argument resolves, 1 when some do not, 2 on
usage errors.`

func runResolve(ctx context.Context, args []string, s IO) error {
	fs := newFlags("resolve", "[flags] SYMBOL|URL...", resolveAbout, s.Err)
	format := fs.String("format", "text", "output: text or json")
	lang := fs.String("lang", "en", "language of the documents asked for by symbol")
	var ff fetchFlags
	ff.register(fs, defaultBudget, 24*time.Hour)
	var sf storeFlags
	sf.register(fs, false)
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return usagef("nothing to resolve: give symbols or URLs")
	}
	if *format != "text" && *format != "json" {
		return usagef("unknown format %q (use text or json)", *format)
	}
	if _, err := fetch.ParseLang(*lang); err != nil {
		return usagef("unknown language %q", *lang)
	}
	if err := ff.validate(); err != nil {
		return err
	}
	reqs := make([]fetch.Request, len(args))
	for i, a := range args {
		if strings.Contains(a, "://") || strings.HasPrefix(strings.ToLower(a), "www.") {
			reqs[i] = fetch.Request{URL: a}
			continue
		}
		sym, err := normalize.ParseSymbol(a)
		if err != nil {
			return usagef("%q is neither a URL nor a document symbol: %v", a, err)
		}
		reqs[i] = fetch.Request{Symbol: sym.Key, Lang: *lang}
	}
	prog := newProgress(s.Err, "resolving", ff.verbosity)
	defer prog.finish()
	c, err := ff.client(prog, true)
	if err != nil {
		prog.finish()
		return err
	}
	defer c.Close()
	// The graph, when there is one, lends its recent verdicts (read-only:
	// resolve records nothing).
	var prior *priorVerdicts
	if st, err := sf.openRead(ctx); err == nil {
		defer st.Close()
		prior = newPriorVerdicts(st, ff.maxAge)
	}
	results := make([]fetch.Result, len(reqs))
	var ask []fetch.Request
	var at []int
	for i, r := range reqs {
		if r.URL != "" {
			if res, ok := prior.reuse(ctx, c, r.URL); ok {
				results[i] = res
				continue
			}
		}
		ask = append(ask, r)
		at = append(at, i)
	}
	prog.plan(len(reqs))
	for i := range reqs {
		if results[i].Status != "" {
			prog.result(results[i])
		}
	}
	interrupted := c.ResolveAll(ctx, ask, func(i int, r fetch.Result) {
		results[at[i]] = r
		prog.result(r)
	})
	sum := prog.summaryLine()
	if prior != nil && len(prior.used) > 0 {
		sum += fmt.Sprintf("; %d reused from the graph (--max-age %s)", len(prior.used), ff.maxAge)
	}
	prog.finish(sum)
	w := bufio.NewWriter(s.Out)
	defer w.Flush()
	failed := false
	for _, r := range results {
		if r.Status != fetch.StatusOK {
			failed = true
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			Schema  string         `json:"schema"`
			Results []fetch.Result `json:"results"`
		}{"xref-resolve/1", results}); err != nil {
			return err
		}
	} else {
		for i, r := range results {
			what := args[i]
			if reqs[i].Symbol != "" {
				what = reqs[i].Symbol + " (" + *lang + ")"
			} else if l := linker.ParseLink(args[i]); l.Symbol != "" {
				what = args[i] + " (" + l.Symbol + ")"
			}
			msg := verdict(r)
			if note := replacementNote(r); note != "" {
				msg += "; " + note
				if r.Replacement != nil {
					msg += ": " + r.Replacement.URL
				}
			}
			fmt.Fprintf(w, "%s\t%s\t%s\n", what, r.Status, msg)
		}
	}
	switch {
	case interrupted != nil:
		return interrupted
	case failed:
		return errFindings
	}
	return nil
}
