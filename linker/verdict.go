package linker

import (
	"strconv"
	"strings"

	"github.com/xref-un/xref/normalize"
)

// Verdict is what xref decides a citation is, once, for every output: the
// findings of check, the links of expand, the addresses recorded in the
// citation graph. Two outputs of one run never disagree on a citation
// because they all read its verdict.
type Verdict struct {
	// Key is the symbol the citation is taken to cite: its own, or the one
	// a doubt says the text meant ("resolution 73/546" is decision
	// A/DEC/73/546; "resolution 1540 (2005)" is S/RES/1540(2004)).
	Key     string
	Display string
	Kind    normalize.Kind
	// Meant is true when Key is not the text's own reading.
	Meant bool
	// Resolvable is false when there is no document to link (decisions).
	Resolvable bool
	// URL is the document's address in the transcript's language, or "".
	URL string
	// Link is the index of the link paired with the citation, or -1.
	Link int
	// AtCitation is true when that link stands at the citation (an anchor
	// around or right after it, a URL in the same paragraph) rather than
	// in a block of footnote links: the citation is already linked where
	// it is written.
	AtCitation bool
	// FixLink is true when the paired link is malformed, names another
	// document or is in a nonstandard or other language, and Fix its
	// corrected address ("" when there is no document to point at).
	FixLink bool
	Fix     string
}

// meant returns the symbol a citation is taken to cite and whether it is
// not the text's own: the key of the first doubt that names one.
func meant(c *normalize.Citation) (key, display string, resolvable, changed bool) {
	sym, changed := meantSymbol(c)
	return sym.Key, sym.Display, sym.Resolvable(), changed
}

func meantSymbol(c *normalize.Citation) (normalize.Symbol, bool) {
	for _, d := range c.Doubts {
		if d.Key == "" || d.Key == c.Key {
			continue
		}
		if sym, err := normalize.ParseSymbol(d.Key); err == nil {
			return sym, true
		}
	}
	return c.Symbol, false
}

// citationURL is the address a citation's verdict gives it in lang, or ""
// when there is no document.
func citationURL(lang string, c *normalize.Citation) string {
	key, _, ok, _ := meant(c)
	if !ok {
		return ""
	}
	return SymbolURL(lang, key)
}

// Verdict returns the decision on citation ci of a parsed document.
func (d *Document) Verdict(ci int) Verdict {
	c := &d.Citations[ci]
	sym, changed := meantSymbol(&c.Citation)
	v := Verdict{Key: sym.Key, Display: sym.Display, Kind: sym.Kind, Meant: changed, Resolvable: sym.Resolvable(), Link: c.Link}
	if v.Resolvable {
		v.URL = SymbolURL(d.Lang, v.Key)
	}
	if c.Link < 0 || c.Link >= len(d.Links) {
		v.Link = -1
		return v
	}
	l := &d.Links[c.Link]
	v.AtCitation = l.Anchor || !onOwnLine(d.Input, l.Start, l.End)
	v.FixLink = linkNeedsFix(d, c, l)
	if v.FixLink {
		v.Fix = v.URL
	}
	return v
}

// linkNeedsFix reports whether a link paired with a citation is wrong: it
// carries a malformed-link, link-mismatch or nonstandard-language finding.
func linkNeedsFix(d *Document, c *Citation, l *Link) bool {
	switch {
	case !l.UN() || l.Opaque && l.Problem == "":
		return false
	case l.Problem != "", linkMismatch(c, l):
		return true
	}
	return langFinding(d, l)
}

// linkMismatch reports whether a well-formed link names another document
// than the citation it goes with, read either as written or as meant.
func linkMismatch(c *Citation, l *Link) bool {
	if l.Opaque || l.Problem != "" || sameDoc(c.Key, l.Symbol) {
		return false
	}
	key, _, _, changed := meant(&c.Citation)
	return !changed || !sameDoc(key, l.Symbol)
}

// langFinding reports whether a link's language is written nonstandardly
// or is not the transcript's.
func langFinding(d *Document, l *Link) bool {
	return l.RawLang != "" && (l.NonstandardLang() || l.Lang != d.Lang)
}

// citedAs names a citation in a message: its symbol, or, when its verdict
// reads it otherwise, the words of the text and what they are taken for,
// so that no message offers a symbol the verdict rejected.
func citedAs(c *Citation, v *Verdict) string {
	if !v.Meant {
		return c.Display
	}
	return strconv.Quote(strings.Join(strings.Fields(c.Text), " ")) + " (read as " + v.Display + ")"
}

// decisionBody names the organ whose decisions a citation cites.
func decisionBody(c *Citation) string {
	if c.Organ == normalize.OrganECOSOC {
		return "Economic and Social Council"
	}
	return "General Assembly"
}
