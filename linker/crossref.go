package linker

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/xref-un/xref/normalize"
)

// Severity of a finding.
type Severity string

// Severities. Only errors make `xref check` exit with status 1.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Rule names. They are stable: editors filter on them.
const (
	RuleMalformedLink       = "malformed-link"
	RuleLinkMismatch        = "link-mismatch"
	RuleUnlinkedCitation    = "unlinked-citation"
	RuleOrphanLink          = "orphan-link"
	RuleNonstandardLanguage = "nonstandard-language"
	RuleKindMismatch        = "kind-mismatch"
	RuleYearMismatch        = "year-mismatch"
)

// Finding is one problem found by cross-checking citations and links.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Message  string   `json:"message"`
	// Symbol is the cited symbol the finding is about, URL the link.
	Symbol string `json:"symbol,omitempty"`
	URL    string `json:"url,omitempty"`
	// Suggestion is the corrected URL (or symbol) where one can be given.
	Suggestion string `json:"suggestion,omitempty"`
	// Occurrences are every place of a finding that stands for a
	// convention repeated through the file (the same nonstandard language
	// code in many links), the first one included; empty otherwise.
	Occurrences []Occurrence `json:"occurrences,omitempty"`
	// Fingerprint identifies the finding across edits of the file, for
	// baselines; set by Fingerprints.
	Fingerprint string `json:"fingerprint,omitempty"`
}

// Crossref pairs each citation with the link that goes with it, and
// reports what is missing, malformed or mismatched. It sets the Link field
// of citations and the Citation field of links.
//
// Links are paired in three ways, most certain first: an HTML anchor whose
// text holds the citation; a URL written right after the citation ("… 73/266
// (https://undocs.org/…)"); and, for PDF text, where links stand in a block
// after each page's text in the order of the citations, an alignment of the
// remaining citations and links that keeps both in order, prefers links
// that name the cited symbol and never pairs a link with a citation after it.
//
// Parse pairs the links already; Crossref pairs only a document built
// otherwise, so that it never undoes what other outputs have seen.
func Crossref(doc *Document) []Finding {
	if !doc.paired {
		pairLinks(doc)
	}
	return findings(doc)
}

// pairLinks pairs the citations and links of a document, once.
func pairLinks(doc *Document) {
	doc.paired = true
	for i := range doc.Citations {
		doc.Citations[i].Link = -1
	}
	for i := range doc.Links {
		doc.Links[i].Citation = -1
	}
	x := newCiteIndex(doc)
	pairAnchors(doc, x)
	pairInline(doc)
	pairNearby(doc, x)
	if doc.Format != "html" {
		pairAligned(doc)
	}
}

func pair(doc *Document, ci, li int) {
	doc.Citations[ci].Link = li
	doc.Links[li].Citation = ci
}

// linkable reports whether a citation should carry a link.
func linkable(c *Citation) bool { return c.Resolvable() }

// shortGap reports whether the text between a citation and its link is
// only a few spaces and brackets, on the same line or the next.
func shortGap(gap []byte) bool {
	return len(gap) <= 8 && strings.Trim(string(gap), " \t\r\n([<:,，（：") == "" && !bytes.Contains(gap, []byte("\n\n"))
}

// stripTags removes HTML tags from a short piece of a page; tags that end a
// block of text become line breaks.
func stripTags(b []byte) []byte {
	if len(b) > 512 {
		return b
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] != '<' {
			out = append(out, b[i])
			continue
		}
		e := bytes.IndexByte(b[i:], '>')
		if e < 0 {
			break
		}
		name := strings.ToLower(strings.TrimLeft(string(b[i+1:i+e]), "/"))
		if f := strings.Fields(name); len(f) > 0 && blockTags[strings.TrimSuffix(f[0], "/")] {
			out = append(out, '\n')
		}
		i += e
	}
	return out
}

// pairInline pairs a URL written right after a citation, with at most a
// few spaces and brackets between them on the same line.
func pairInline(doc *Document) {
	ci := 0
	for li := range doc.Links {
		l := &doc.Links[li]
		if l.Citation >= 0 || !l.UN() || l.Anchor {
			continue
		}
		for ci < len(doc.Citations) && doc.Citations[ci].End <= l.Start {
			ci++
		}
		k := ci - 1
		if k < 0 || doc.Citations[k].Link >= 0 {
			continue
		}
		c := &doc.Citations[k]
		from := c.End
		if c.PhraseEnd > from && c.PhraseEnd <= l.Start {
			// "resolution 73/266 de l’Assemblée générale (https://…)"
			from = c.PhraseEnd
		}
		if shortGap(doc.Input[from:l.Start]) {
			pair(doc, k, li)
		}
	}
}

// pairAligned aligns the citations and links that are still single, the way
// footnote links follow the citations of a page.
func pairAligned(doc *Document) {
	var cs, ls []int
	for i := range doc.Citations {
		if doc.Citations[i].Link < 0 && linkable(&doc.Citations[i]) {
			cs = append(cs, i)
		}
	}
	for i := range doc.Links {
		if doc.Links[i].Citation < 0 && doc.Links[i].UN() && onOwnLine(doc.Input, doc.Links[i].Start, doc.Links[i].End) {
			ls = append(ls, i)
		}
	}
	if len(cs) == 0 || len(ls) == 0 {
		return
	}
	if len(cs)*len(ls) > 4_000_000 {
		pairGreedy(doc, cs, ls)
		return
	}
	// score[i][j]: best total for the first i citations and j links.
	n, m := len(cs), len(ls)
	score := make([][]int64, n+1)
	for i := range score {
		score[i] = make([]int64, m+1)
	}
	gain := func(i, j int) int64 {
		c, l := &doc.Citations[cs[i]], &doc.Links[ls[j]]
		if c.End > l.Start {
			return -1
		}
		var g int64
		switch {
		case sameDoc(c.Key, l.Symbol):
			g = 4
		case l.Symbol == "" && nearMiss(c.Key, l.URL):
			g = 3
		case l.Symbol == "" && !l.Opaque:
			g = 1
		default:
			g = 1
		}
		// Prefer the nearer citation among equals: the distance costs a
		// little, never a whole point.
		d := int64(l.Start - c.End)
		if d > 999_999 {
			d = 999_999
		}
		return g*1_000_000 - d
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			best := score[i-1][j]
			if score[i][j-1] > best {
				best = score[i][j-1]
			}
			if g := gain(i-1, j-1); g > 0 && score[i-1][j-1]+g > best {
				best = score[i-1][j-1] + g
			}
			score[i][j] = best
		}
	}
	for i, j := n, m; i > 0 && j > 0; {
		switch {
		case score[i][j] == score[i-1][j]:
			i--
		case score[i][j] == score[i][j-1]:
			j--
		default:
			pair(doc, cs[i-1], ls[j-1])
			i--
			j--
		}
	}
}

// sameDoc reports whether two keys name one document: equal ignoring case,
// or a Security Council resolution with and without its year.
func sameDoc(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if strings.EqualFold(a, b) {
		return true
	}
	if strings.HasPrefix(a, "S/RES/") && strings.HasPrefix(b, "S/RES/") {
		return strings.EqualFold(stripYear(a), stripYear(b))
	}
	return false
}

func stripYear(k string) string {
	if i := strings.IndexByte(k, '('); i > 0 {
		return k[:i]
	}
	return k
}

// nearMiss reports whether a malformed link holds the numbers of a key
// (https://undocs.org/ch/73/546 for A/RES/73/546).
func nearMiss(key, url string) bool {
	nums := key
	for _, p := range []string{"A/RES/", "S/RES/", "E/RES/", "A/HRC/RES/", "A/DEC/"} {
		nums = strings.TrimPrefix(nums, p)
	}
	return nums != key && strings.HasSuffix(strings.TrimSuffix(url, "/"), stripYear(nums))
}

func findings(doc *Document) []Finding {
	var out []Finding
	for li := range doc.Links {
		l := &doc.Links[li]
		if !l.UN() {
			continue
		}
		var cited *Citation
		if l.Citation >= 0 {
			cited = &doc.Citations[l.Citation]
		}
		f := Finding{Line: l.Line, Col: l.Col, Start: l.Start, End: l.End, URL: l.URL}
		switch {
		case l.Problem != "":
			f.Rule, f.Severity = RuleMalformedLink, SeverityError
			f.Message = "malformed link: " + l.Problem
			if cited != nil {
				v := doc.Verdict(l.Citation)
				f.Symbol = v.Key
				f.Message += fmt.Sprintf("; the text at %d:%d cites %s", cited.Line, cited.Col, citedAs(cited, &v))
				f.Suggestion = v.Fix
			}
			out = append(out, f)
		case cited != nil && linkMismatch(cited, l):
			v := doc.Verdict(l.Citation)
			f.Rule, f.Severity = RuleLinkMismatch, SeverityError
			f.Symbol = v.Key
			f.Message = fmt.Sprintf("link points at %s, but the text at %d:%d cites %s", l.Symbol, cited.Line, cited.Col, citedAs(cited, &v))
			f.Suggestion = v.Fix
			out = append(out, f)
		case cited == nil:
			f.Rule, f.Severity = RuleOrphanLink, SeverityWarning
			f.Symbol = l.Symbol
			if l.Symbol != "" {
				f.Message = "link to " + l.Symbol + " goes with no citation in the text"
			} else {
				f.Message = "link goes with no citation in the text"
			}
			out = append(out, f)
		}
		if l.RawLang != "" && (l.NonstandardLang() || l.Lang != doc.Lang) {
			g := Finding{Rule: RuleNonstandardLanguage, Severity: SeverityWarning, Line: l.Line, Col: l.Col,
				Start: l.Start, End: l.End, URL: l.URL, Symbol: l.Symbol}
			switch {
			case l.NonstandardLang() && l.Lang != doc.Lang:
				g.Message = fmt.Sprintf("link language %q is not a standard code (%s) and not the transcript's language (%s)", l.RawLang, l.Lang, doc.Lang)
			case l.NonstandardLang():
				g.Message = fmt.Sprintf("link language %q is not the standard code %q", l.RawLang, l.Lang)
			default:
				g.Message = fmt.Sprintf("link is in %s, the transcript in %s", l.Lang, doc.Lang)
			}
			if cited != nil {
				v := doc.Verdict(l.Citation)
				g.Symbol, g.Suggestion = v.Key, v.Fix
			} else if l.Symbol != "" {
				g.Suggestion = SymbolURL(doc.Lang, l.Symbol)
			}
			out = append(out, g)
		}
	}
	for ci := range doc.Citations {
		c := &doc.Citations[ci]
		if c.Link < 0 {
			v := doc.Verdict(ci)
			f := Finding{Rule: RuleUnlinkedCitation, Line: c.Line, Col: c.Col, Start: c.Start, End: c.End, Symbol: v.Key}
			if v.Resolvable {
				f.Severity = SeverityWarning
				f.Message = citedAs(c, &v) + " is cited without a link"
				f.Suggestion = v.URL
			} else {
				f.Severity = SeverityInfo
				f.Message = citedAs(c, &v) + " is a " + decisionBody(c) + " decision: decisions are not issued as documents, so there is nothing to link"
			}
			out = append(out, f)
		}
		for _, d := range c.Doubts {
			f := Finding{Rule: d.Rule, Severity: SeverityWarning, Line: c.Line, Col: c.Col, Start: c.Start, End: c.End,
				Symbol: c.Key, Message: d.Message}
			if d.Key != "" {
				if sym, err := normalize.ParseSymbol(d.Key); err == nil && sym.Resolvable() {
					f.Suggestion = SymbolURL(doc.Lang, d.Key)
				} else {
					f.Suggestion = d.Key
				}
			}
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return rank(out[i].Severity) < rank(out[j].Severity)
	})
	return groupRepeated(out)
}

func rank(s Severity) int {
	switch s {
	case SeverityError:
		return 0
	case SeverityWarning:
		return 1
	}
	return 2
}

// onOwnLine reports whether [s, e) is alone on its line, as footnote links
// of PDF text are.
func onOwnLine(t []byte, s, e int) bool {
	for i := s - 1; i >= 0 && t[i] != '\n'; i-- {
		if t[i] != ' ' && t[i] != '\t' && t[i] != '\r' {
			return false
		}
	}
	for i := e; i < len(t) && t[i] != '\n'; i++ {
		if t[i] != ' ' && t[i] != '\t' && t[i] != '\r' {
			return false
		}
	}
	return true
}
