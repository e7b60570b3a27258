package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

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
blocked, rate-limited, server-error, timeout, network, invalid.

Exit status: 0 when every argument resolves, 1 when some do not, 2 on
usage errors.`

func runResolve(ctx context.Context, args []string, s IO) error {
	fs := newFlags("resolve", "[flags] SYMBOL|URL...", resolveAbout, s.Err)
	format := fs.String("format", "text", "output: text or json")
	lang := fs.String("lang", "en", "language of the documents asked for by symbol")
	var ff fetchFlags
	ff.register(fs, true)
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
	c, err := ff.client(s.Err)
	if err != nil {
		return err
	}
	defer c.Close()
	results := make([]fetch.Result, len(reqs))
	prog := newProgress(s.Err, len(reqs), "resolving")
	if err := c.ResolveAll(ctx, reqs, func(i int, r fetch.Result) {
		results[i] = r
		prog.step()
	}); err != nil {
		return err
	}
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
			fmt.Fprintf(w, "%s\t%s", what, r.Status)
			if r.Status == fetch.StatusOK {
				fmt.Fprintf(w, "\t%s %s", r.Format, r.FinalURL)
			} else {
				fmt.Fprintf(w, "\t%s", describe(r))
			}
			fmt.Fprintln(w)
			for _, h := range r.Hops {
				fmt.Fprintf(w, "\t%d %s -> %s\n", h.Code, h.Kind, h.To)
			}
		}
	}
	if failed {
		return errFindings
	}
	return nil
}
