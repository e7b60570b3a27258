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
	// The corrected address of a malformed or mismatched link names
	// another document than the link: it is resolved too, so that no
	// suggestion sends the reader to an address the same run finds dead.
	// (A nonstandard-language suggestion names the link's own document,
	// which the link's resolution already judges.)
	for _, f := range fs {
		if f.Rule != linker.RuleNonstandardLanguage && strings.Contains(f.Suggestion, "://") {
			add(f.Suggestion)
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
	// Say whether each suggested address works; one found dead is not
	// offered.
	dead := func(u string) (fetch.Status, bool) {
		r, ok := results[u]
		return r.Status, ok && (r.Status == fetch.StatusNotFound || r.Status == fetch.StatusSoft404)
	}
	for i := range fs {
		f := &fs[i]
		for k := range f.Occurrences {
			if _, ok := dead(f.Occurrences[k].Suggestion); ok {
				f.Occurrences[k].Suggestion = ""
			}
		}
		if f.Suggestion == "" {
			continue
		}
		r, ok := results[f.Suggestion]
		if !ok {
			continue
		}
		if st, isDead := dead(f.Suggestion); isDead {
			f.Message += fmt.Sprintf("; the corrected address %s does not resolve either (%s): check the citation", f.Suggestion, st)
			f.Suggestion = ""
			if f.Rule == linker.RuleUnlinkedCitation {
				f.Severity = linker.SeverityWarning
			}
			continue
		}
		if f.Rule == linker.RuleUnlinkedCitation && r.Status == fetch.StatusOK {
			f.Message += " (the suggested address resolves)"
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
