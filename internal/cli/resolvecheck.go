package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/linker"
)

// Rules added by `xref check --resolve`.
const (
	ruleBrokenLink     = "broken-link"
	ruleSoft404        = "soft-404"
	ruleBlockedLink    = "blocked-link"
	ruleUnresolvedLink = "unresolved-link"
)

// resolveDocument resolves the UN links of a checked transcript, and the
// addresses suggested for its citations without a link, and turns what is
// dead into findings. It returns the findings with the new ones merged in
// position order, and every result by URL.
func resolveDocument(ctx context.Context, c *fetch.Client, doc *linker.Document, fs []linker.Finding, prog *progress) ([]linker.Finding, map[string]fetch.Result, error) {
	var urls []string
	seen := map[string]bool{}
	add := func(u string) {
		if u != "" && !seen[u] {
			seen[u] = true
			urls = append(urls, u)
		}
	}
	for _, l := range doc.Links {
		if l.UN() {
			add(l.URL)
		}
	}
	for _, ci := range doc.Citations {
		if ci.Link < 0 && ci.URL != "" {
			add(ci.URL)
		}
	}
	reqs := make([]fetch.Request, len(urls))
	for i, u := range urls {
		reqs[i] = fetch.Request{URL: u}
	}
	results := map[string]fetch.Result{}
	err := c.ResolveAll(ctx, reqs, func(i int, r fetch.Result) {
		results[urls[i]] = r
		if prog != nil {
			prog.step()
		}
	})
	if err != nil {
		return fs, results, err
	}
	for _, l := range doc.Links {
		if !l.UN() {
			continue
		}
		r, ok := results[l.URL]
		if !ok {
			continue
		}
		f := linker.Finding{Line: l.Line, Col: l.Col, Start: l.Start, End: l.End, URL: l.URL, Symbol: l.Symbol}
		var cited *linker.Citation
		if l.Citation >= 0 {
			cited = &doc.Citations[l.Citation]
			f.Symbol = cited.Key
			if cited.URL != "" && cited.URL != l.URL {
				if s, ok := results[cited.URL]; !ok || s.Status == fetch.StatusOK {
					f.Suggestion = cited.URL
				}
			}
		}
		switch r.Status {
		case fetch.StatusOK:
			continue
		case fetch.StatusNotFound:
			f.Rule, f.Severity = ruleBrokenLink, linker.SeverityError
			f.Message = fmt.Sprintf("dead link: %s", describe(r))
		case fetch.StatusSoft404:
			f.Rule, f.Severity = ruleSoft404, linker.SeverityError
			f.Message = fmt.Sprintf("the server answers a \"document not found\" page, not a document: %s", describe(r))
		case fetch.StatusBlocked:
			f.Rule, f.Severity = ruleBlockedLink, linker.SeverityWarning
			f.Message = fmt.Sprintf("the server refuses automated access; check the link in a browser: %s", describe(r))
		default:
			f.Rule, f.Severity = ruleUnresolvedLink, linker.SeverityInfo
			f.Message = fmt.Sprintf("could not be checked (%s): %s", r.Status, describe(r))
		}
		fs = append(fs, f)
	}
	// Citations without a link: say whether the suggested address works.
	for i := range fs {
		f := &fs[i]
		if f.Rule != linker.RuleUnlinkedCitation || f.Suggestion == "" {
			continue
		}
		r, ok := results[f.Suggestion]
		if !ok {
			continue
		}
		switch r.Status {
		case fetch.StatusOK:
			f.Message += " (the suggested address resolves)"
		case fetch.StatusNotFound, fetch.StatusSoft404:
			f.Message += fmt.Sprintf("; the suggested address does not resolve (%s): check the citation", r.Status)
			f.Severity = linker.SeverityWarning
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Start < fs[j].Start })
	return fs, results, nil
}

// describe summarises a result in a few words: codes, chain, final URL.
func describe(r fetch.Result) string {
	var parts []string
	if len(r.Codes) > 0 {
		var cs []string
		for _, c := range r.Codes {
			cs = append(cs, fmt.Sprint(c))
		}
		parts = append(parts, "HTTP "+strings.Join(cs, ", "))
	}
	if len(r.Hops) > 0 {
		parts = append(parts, fmt.Sprintf("%d hops", len(r.Hops)))
	}
	if r.FinalURL != "" && r.FinalURL != r.URL {
		parts = append(parts, "ends at "+r.FinalURL)
	}
	if r.Error != "" {
		parts = append(parts, r.Error)
	}
	if len(parts) == 0 {
		return string(r.Status)
	}
	return strings.Join(parts, "; ")
}
