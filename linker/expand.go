package linker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"net/url"
	"sort"
	"strings"
)

// ExpandFormat is what Expand writes.
type ExpandFormat string

// Output formats of Expand. HTML input is always expanded in place, as HTML.
const (
	// ExpandMarkdown writes the text with each citation as a Markdown link:
	// [resolution 73/266](https://undocs.org/en/A/RES/73/266).
	ExpandMarkdown ExpandFormat = "markdown"
	// ExpandHTML writes an HTML fragment: the text escaped in a <pre> that
	// keeps its lines, each citation an <a href>.
	ExpandHTML ExpandFormat = "html"
	// ExpandText writes the text with each citation's address after it in
	// angle brackets: resolution 73/266 <https://undocs.org/en/A/RES/73/266>.
	ExpandText ExpandFormat = "text"
)

// DecisionMode says what Expand does with citations that have no document
// (General Assembly and ECOSOC decisions).
type DecisionMode string

// Decision modes.
const (
	// DecisionsText leaves decisions as they are written (the default).
	DecisionsText DecisionMode = "text"
	// DecisionsTitle marks them, in HTML, with a title that explains why
	// there is no link.
	DecisionsTitle DecisionMode = "title"
)

// DefaultURLTemplate is the address of a document: {lang} is the link
// language, {symbol} the canonical key, {qsymbol} the key escaped for a
// query string, {display} the printed form.
const DefaultURLTemplate = "https://undocs.org/{lang}/{symbol}"

// LinkStatus says what is known of an address from earlier resolutions
// (the citation graph, or a resolution in the same run).
type LinkStatus struct {
	Dead bool
	Note string // why, and since when: "soft-404 since 2026-11-02"
	// Replacement is an address known to serve the dead link's document;
	// FixLinks puts it in place of a dead link of the transcript.
	Replacement string
}

// ExpandOptions control Expand. The zero value writes Markdown links in the
// transcript's language to undocs.org.
type ExpandOptions struct {
	// Format of the output for plain-text input; default ExpandMarkdown.
	Format ExpandFormat
	// Lang is the language of the links; default the transcript's.
	Lang string
	// URLTemplate builds addresses; default DefaultURLTemplate, so that a
	// mirror or docs.un.org can be used instead.
	URLTemplate string
	// Decisions says what to do with decisions; default DecisionsText.
	Decisions DecisionMode
	// FixLinks replaces the address of a malformed, mismatched or
	// wrong-language link of the transcript with the corrected one: the
	// links that Crossref reports with a suggestion; and the address of a
	// link that Status knows dead with its known replacement.
	FixLinks bool
	// Status, when not nil, tells which addresses are known to be dead:
	// their links are marked (class "xref-dead" and a title in HTML, a title
	// in Markdown, a note in text), not silently emitted.
	Status func(url string) (LinkStatus, bool)
	// Markup, when not nil, writes the markup around one citation instead
	// of the default; ok false leaves the citation as it is.
	Markup func(c *Citation, url string, st LinkStatus) (before, after string, ok bool)
}

// Edit is one change Expand made to the input: input[Start:End] became
// Text. Insertions have Start == End.
type Edit struct {
	Start, End int
	Text       string
}

// Expansion is the expanded transcript.
type Expansion struct {
	// Output is the input with Edits applied; for HTML written from plain
	// text, the text between the edits is also escaped.
	Output []byte
	Edits  []Edit
	// Linked counts the citations made links; Skipped those left alone, and
	// why ("inside an existing link", "spans a paragraph", …).
	Linked  int
	Skipped map[string]int
	// Fixed counts the links whose address was corrected (FixLinks).
	Fixed int
}

// ErrExpandFormat is returned for an unknown output format.
var ErrExpandFormat = errors.New("linker: unknown expansion format")

// Expand makes every citation of doc a link to its document, in the
// transcript's language by default, keeping every other byte of the input.
// Enumerations give one link per item ("第 73/27 号" and "第 73/266 号决议").
//
// Plain text becomes Markdown, HTML or text with addresses appended. An
// HTML transcript is expanded in place: a citation inside an existing <a> is
// left alone, one that spans inline markup (<i>A/RES/</i>73/266) is wrapped
// when the markup inside it is balanced and left alone otherwise, and
// character references are never split, so the page stays valid HTML.
// Removing the inserted markup gives back the input byte for byte (for HTML
// written from plain text: after unescaping).
func Expand(ctx context.Context, doc *Document, opt ExpandOptions) (*Expansion, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if opt.Format == "" {
		opt.Format = ExpandMarkdown
	}
	if doc.Format == "html" {
		opt.Format = ExpandHTML
	}
	switch opt.Format {
	case ExpandMarkdown, ExpandHTML, ExpandText:
	default:
		return nil, fmt.Errorf("%w %q (use markdown, html or text)", ErrExpandFormat, opt.Format)
	}
	if opt.Lang == "" {
		opt.Lang = doc.Lang
	}
	if opt.URLTemplate == "" {
		opt.URLTemplate = DefaultURLTemplate
	}
	x := &expander{doc: doc, opt: opt, out: &Expansion{Skipped: map[string]int{}}}
	x.plan()
	if doc.Format == "html" || opt.Format != ExpandHTML {
		x.out.Output = applyEdits(doc.Input, x.out.Edits, nil)
	} else {
		var b bytes.Buffer
		fmt.Fprintf(&b, "<pre class=\"xref-transcript\" lang=\"%s\">", html.EscapeString(doc.Lang))
		b.Write(applyEdits(doc.Input, x.out.Edits, escapeHTMLText))
		b.WriteString("</pre>\n")
		x.out.Output = b.Bytes()
	}
	return x.out, nil
}

// URLFor fills a URL template for a symbol.
func URLFor(template, lang, key, display string) string {
	// One pass by hand: a strings.Replacer per citation was the largest cost
	// of an expansion.
	var b strings.Builder
	b.Grow(len(template) + len(key) + 8)
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			b.WriteString(template)
			return b.String()
		}
		b.WriteString(template[:i])
		rest := template[i:]
		switch {
		case strings.HasPrefix(rest, "{lang}"):
			b.WriteString(lang)
			template = rest[len("{lang}"):]
		case strings.HasPrefix(rest, "{symbol}"):
			b.WriteString(key)
			template = rest[len("{symbol}"):]
		case strings.HasPrefix(rest, "{qsymbol}"):
			b.WriteString(url.QueryEscape(key))
			template = rest[len("{qsymbol}"):]
		case strings.HasPrefix(rest, "{display}"):
			b.WriteString(display)
			template = rest[len("{display}"):]
		default:
			b.WriteByte('{')
			template = rest[1:]
		}
	}
}

type expander struct {
	doc *Document
	opt ExpandOptions
	out *Expansion
	// anchors are the texts of the links already there.
	anchors *spanSet
}

func (x *expander) skip(why string) { x.out.Skipped[why]++ }

func (x *expander) plan() {
	doc, opt := x.doc, x.opt
	for i := range doc.Citations {
		c := &doc.Citations[i]
		v := doc.Verdict(i)
		text := doc.Input[c.Start:c.End]
		if !v.Resolvable {
			if opt.Decisions == DecisionsTitle && opt.Format == ExpandHTML && x.inlineOK(c, text) {
				title := v.Display + ": decisions are not issued as documents, so there is no document to link"
				x.wrap(c, "<span class=\"xref-decision\" title=\""+html.EscapeString(title)+"\">", "</span>")
			} else {
				x.skip("decision without a document")
			}
			continue
		}
		u := URLFor(opt.URLTemplate, opt.Lang, v.Key, v.Display)
		var st LinkStatus
		if opt.Status != nil {
			st, _ = opt.Status(u)
		}
		if x.insideAnchor(c) {
			x.skip("inside an existing link")
			continue
		}
		if v.Link >= 0 && v.AtCitation {
			// The link check paired with it ("A/C.1/80/L.41 <a>[enlace]</a>"):
			// a second one would contradict it; --fix-links corrects it.
			x.skip("has its own link")
			continue
		}
		if !x.inlineOK(c, text) {
			continue
		}
		if opt.Markup != nil {
			before, after, ok := opt.Markup(c, u, st)
			if !ok {
				x.skip("left alone by the markup function")
				continue
			}
			x.wrap(c, before, after)
			continue
		}
		switch opt.Format {
		case ExpandMarkdown:
			title := ""
			if st.Dead {
				title = " \"" + strings.ReplaceAll("dead link: "+st.Note, "\"", "'") + "\""
			}
			x.wrap(c, "[", "]("+markdownDest(u)+title+")")
		case ExpandText:
			note := ""
			if st.Dead {
				note = " (dead link: " + st.Note + ")"
			}
			x.wrap(c, "", " <"+u+">"+note)
		case ExpandHTML:
			attrs := " href=\"" + html.EscapeString(u) + "\""
			if st.Dead {
				attrs += " class=\"xref-dead\" title=\"" + html.EscapeString("dead link: "+st.Note) + "\""
			}
			x.wrap(c, "<a"+attrs+">", "</a>")
		}
	}
	if opt.FixLinks {
		x.fix()
	}
	sort.SliceStable(x.out.Edits, func(i, j int) bool { return x.out.Edits[i].Start < x.out.Edits[j].Start })
}

// wrap inserts before and after a citation (in HTML, around the markup
// that makes its text balanced: <a><i>A/RES/</i>73/266</a>).
func (x *expander) wrap(c *Citation, before, after string) {
	s, e := c.Start, c.End
	switch {
	case x.doc.Format == "html":
		s, e = x.balancedSpan(s, e)
	case x.opt.Format == ExpandMarkdown:
		s, e = x.paragraphSpan(s, e)
	}
	x.out.Edits = append(x.out.Edits, Edit{Start: s, End: s, Text: before}, Edit{Start: e, End: e, Text: after})
	x.out.Linked++
}

// paragraphSpan narrows [s, e) to the paragraph that holds the citation's
// number when the citation runs over a blank line (PDF text puts one between
// lines), since a Markdown link cannot span paragraphs:
// "第 73/266 号\n\n决议" is linked as "[第 73/266 号](…)\n\n决议".
func (x *expander) paragraphSpan(s, e int) (int, int) {
	in := x.doc.Input
	num := s
	for num < e && (in[num] < '0' || in[num] > '9') {
		num++
	}
	if num == e {
		num = s
	}
	for i := s; i < e; i++ {
		if in[i] != '\n' {
			continue
		}
		j := i + 1
		for j < e && (in[j] == ' ' || in[j] == '\t' || in[j] == '\r') {
			j++
		}
		if j >= e || in[j] != '\n' {
			continue
		}
		// A blank line between i and j.
		if num < i {
			return s, trimRightSpace(in, s, i)
		}
		s = j + 1
		for s < e && (in[s] == ' ' || in[s] == '\t' || in[s] == '\r' || in[s] == '\n') {
			s++
		}
		i = s - 1
	}
	return s, e
}

func trimRightSpace(in []byte, s, e int) int {
	for e > s && (in[e-1] == ' ' || in[e-1] == '\t' || in[e-1] == '\r') {
		e--
	}
	return e
}

// balancedSpan widens [s, e) over the tags right before and after it until
// the markup inside is balanced, when that takes a few tags.
func (x *expander) balancedSpan(s, e int) (int, int) {
	in := x.doc.Input
	for k := 0; k < 4 && !balancedInline(in[s:e]); k++ {
		switch {
		case s > 0 && in[s-1] == '>':
			if o := bytes.LastIndexByte(in[:s], '<'); o >= 0 && in[o+1] != '/' {
				s = o
				continue
			}
			return s, e
		case e < len(in) && in[e] == '<' && e+1 < len(in) && in[e+1] == '/':
			if c := bytes.IndexByte(in[e:], '>'); c >= 0 {
				e += c + 1
				continue
			}
			return s, e
		default:
			return s, e
		}
	}
	return s, e
}

// insideAnchor reports whether a citation overlaps an existing link's text.
func (x *expander) insideAnchor(c *Citation) bool {
	if x.anchors == nil {
		x.anchors = anchorTexts(x.doc)
	}
	return x.anchors.overlaps(c.Start, c.End)
}

// inlineOK decides whether markup may be put around a citation's text.
func (x *expander) inlineOK(c *Citation, text []byte) bool {
	switch {
	case x.doc.Format == "html":
		if bytes.IndexByte(text, '<') >= 0 {
			if s, e := x.balancedSpan(c.Start, c.End); !balancedInline(x.doc.Input[s:e]) {
				x.skip("spans unbalanced or block markup")
				return false
			}
		}
	case x.opt.Format == ExpandMarkdown:
		if bytes.ContainsAny(text, "[]") {
			x.skip("holds brackets")
			return false
		}
	}
	return true
}

// fix corrects the addresses of malformed and mismatched links.
// status is what Status knows of an address.
func (x *expander) status(u string) (LinkStatus, bool) {
	if x.opt.Status == nil {
		return LinkStatus{}, false
	}
	return x.opt.Status(u)
}

func (x *expander) fix() {
	doc := x.doc
	for i := range doc.Links {
		l := &doc.Links[i]
		if !l.UN() {
			continue
		}
		var v Verdict
		if l.Citation >= 0 {
			v = doc.Verdict(l.Citation)
		}
		u := ""
		switch {
		case l.Citation >= 0 && v.FixLink && v.Resolvable:
			u = URLFor(x.opt.URLTemplate, x.opt.Lang, v.Key, v.Display)
			if st, ok := x.status(u); ok && st.Dead && st.Replacement != "" {
				u = st.Replacement // the corrected address is dead too
			}
		default:
			if st, ok := x.status(l.URL); ok && st.Dead && st.Replacement != "" {
				u = st.Replacement
			}
		}
		if u == "" {
			continue
		}
		repl := u
		if l.Anchor {
			repl = html.EscapeString(u)
		}
		x.out.Edits = append(x.out.Edits, Edit{Start: l.Start, End: l.End, Text: repl})
		x.out.Fixed++
	}
}

// balancedInline reports whether the tags inside a piece of HTML are inline
// and closed within it, so that an <a> may wrap it.
func balancedInline(b []byte) bool {
	var open []string
	for i := 0; i < len(b); i++ {
		if b[i] != '<' {
			continue
		}
		e := bytes.IndexByte(b[i:], '>')
		if e < 0 {
			return false
		}
		tag := strings.ToLower(string(b[i+1 : i+e]))
		i += e
		if strings.HasPrefix(tag, "!--") {
			continue
		}
		closing := strings.HasPrefix(tag, "/")
		tag = strings.TrimPrefix(tag, "/")
		name := strings.Fields(strings.TrimSuffix(tag, "/"))
		if len(name) == 0 {
			return false
		}
		n := name[0]
		if blockTags[n] || n == "a" {
			return false
		}
		switch {
		case strings.HasSuffix(tag, "/") || n == "br" || n == "img" || n == "wbr":
		case closing:
			if len(open) == 0 || open[len(open)-1] != n {
				return false
			}
			open = open[:len(open)-1]
		default:
			open = append(open, n)
		}
	}
	return len(open) == 0
}

// markdownDest writes a link destination, in angle brackets when the URL
// has characters Markdown would misread (the parentheses of S/RES/1540(2004)).
func markdownDest(u string) string {
	if strings.ContainsAny(u, "() <>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(u) + ">"
	}
	return u
}

// applyEdits applies sorted edits to in; esc, if not nil, transforms the
// input bytes copied between and inside them (not the inserted text).
func applyEdits(in []byte, edits []Edit, esc func([]byte, []byte) []byte) []byte {
	n := len(in)
	for _, e := range edits {
		n += len(e.Text)
	}
	if esc != nil {
		n += n / 16 // room for a few escaped characters
	}
	out := make([]byte, 0, n)
	copyIn := func(b []byte) {
		if esc != nil {
			out = esc(out, b)
		} else {
			out = append(out, b...)
		}
	}
	p := 0
	for _, e := range edits {
		if e.Start < p {
			continue // overlapping edits cannot happen; be safe
		}
		copyIn(in[p:e.Start])
		out = append(out, e.Text...)
		p = e.End
	}
	copyIn(in[p:])
	return out
}

func escapeHTMLText(out, b []byte) []byte {
	for _, c := range b {
		switch c {
		case '&':
			out = append(out, "&amp;"...)
		case '<':
			out = append(out, "&lt;"...)
		case '>':
			out = append(out, "&gt;"...)
		default:
			out = append(out, c)
		}
	}
	return out
}
