package cli

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

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
// dead into findings. Verdicts younger than the graph's max age are reused
// (prior). It returns the findings with the new ones merged in position
// order, every result by URL, and ctx's error when it ended the run (the
// links it left are then unresolved findings).
func resolveDocument(ctx context.Context, c *fetch.Client, doc *linker.Document, fs []linker.Finding, prog *progress, prior *priorVerdicts) ([]linker.Finding, map[string]fetch.Result, error) {
	urls := linksToResolve(doc, fs)
	results := map[string]fetch.Result{}
	var reqs []fetch.Request
	var asked []string
	for _, u := range urls {
		if r, ok := prior.reuse(ctx, c, u); ok {
			results[u] = r
			continue
		}
		reqs = append(reqs, fetch.Request{URL: u})
		asked = append(asked, u)
	}
	prog.plan(len(urls))
	for _, u := range urls {
		if r, ok := results[u]; ok {
			prog.result(r)
		}
	}
	err := c.ResolveAll(ctx, reqs, func(i int, r fetch.Result) {
		results[asked[i]] = r
		prog.result(r)
	})
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
		f.Message = verdict(r)
		switch r.Status {
		case fetch.StatusOK:
			continue
		case fetch.StatusNotFound:
			f.Rule, f.Severity = ruleBrokenLink, linker.SeverityError
			offerReplacement(&f, r, results)
		case fetch.StatusSoft404:
			f.Rule, f.Severity = ruleSoft404, linker.SeverityError
			offerReplacement(&f, r, results)
		case fetch.StatusBlocked:
			f.Rule, f.Severity = ruleBlockedLink, linker.SeverityWarning
		default:
			f.Rule, f.Severity = ruleUnresolvedLink, linker.SeverityInfo
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
	return fs, results, err
}

// offerReplacement makes the replacement of a dead link its suggestion
// (unless the corrected address of the citation resolves: that one names
// the document the text cites), and says in the message where it was
// found, or what was tried.
func offerReplacement(f *linker.Finding, r fetch.Result, results map[string]fetch.Result) {
	if note := replacementNote(r); note != "" {
		f.Message += "; " + note
	}
	if r.Replacement == nil {
		return
	}
	if s, ok := results[f.Suggestion]; f.Suggestion == "" || !ok || s.Status != fetch.StatusOK {
		f.Suggestion = r.Replacement.URL
	}
}

// linksToResolve lists, once each and in order, the UN links of a
// transcript and the addresses suggested for its unlinked citations.
func linksToResolve(doc *linker.Document, fs []linker.Finding) []string {
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
	return urls
}

// maxMessage bounds a verdict sentence in text output; the whole chain of
// hops is in the JSON output.
const maxMessage = 159

// verdict says what a result means in one sentence: no chain of hops, no
// clause twice, under 160 characters.
func verdict(r fetch.Result) string {
	var s string
	switch r.Status {
	case fetch.StatusOK:
		s = "resolves to a document"
		if r.Format != "" {
			s = fmt.Sprintf("resolves to a %s document", strings.ToUpper(string(r.Format)))
		}
		if len(r.Hops) > 0 {
			s += " at " + hostOf(r.FinalURL)
		}
	case fetch.StatusNotFound:
		s = fmt.Sprintf("dead link: %s answers %d", hostOf(r.FinalURL), r.Code)
	case fetch.StatusSoft404:
		what := "a \"document not found\" page"
		if r.Format == fetch.FormatEmpty {
			what = "an empty page"
		}
		s = fmt.Sprintf("%s answers %s, not a document", hostOf(r.FinalURL), what)
		if strings.Contains(r.Error, "a known document of the host resolves") {
			s += ", while a known document of the host resolves"
		}
	case fetch.StatusBlocked:
		s = fmt.Sprintf("%s refuses automated access (%d); check the link in a browser", hostOf(r.FinalURL), r.Code)
	case fetch.StatusRateLimited:
		s = "not checked: the server asks to wait"
		if !r.RetryAt.IsZero() {
			s += " until " + r.RetryAt.Local().Format("2006-01-02 15:04")
		}
	case fetch.StatusServerError:
		s = "not checked: server error"
		if r.Code >= 500 {
			s = fmt.Sprintf("not checked: server error %d", r.Code)
		} else if i := strings.LastIndex(r.Error, "fetch: "); i >= 0 {
			s = "not checked: " + r.Error[i+len("fetch: "):]
		}
	case fetch.StatusTimeout:
		s = "not checked: no answer in time"
	case fetch.StatusNetwork:
		s = "not checked: network error: " + lastClause(r.Error)
	case fetch.StatusSkipped:
		s = "not checked: the run's time budget ran out"
		if errors.Is(r.Err(), fetch.ErrRequestCap) || strings.Contains(r.Error, fetch.ErrRequestCap.Error()) {
			s = "not checked: the run's request cap was reached"
		}
	case fetch.StatusCanceled:
		s = "not checked: interrupted"
	default:
		s = "not checked: " + lastClause(r.Error)
	}
	if utf8.RuneCountInString(s) > maxMessage {
		s = string([]rune(s)[:maxMessage-1]) + "…"
	}
	return s
}

// lastClause is the innermost part of an error chain ("a: b: c" → "c").
func lastClause(e string) string {
	if i := strings.LastIndex(e, ": "); i >= 0 {
		return e[i+2:]
	}
	return e
}
