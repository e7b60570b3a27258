package linker

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/xref-un/xref/normalize"
)

// Options control how a transcript is read.
type Options struct {
	// Lang forces the transcript's language (en, zh, es …); empty detects it.
	Lang string
	// Encoding forces the input encoding (utf-8, utf-16, gb18030,
	// windows-1252); empty or "auto" detects it.
	Encoding string
	// Format is "text" or "html"; empty decides from the file name and
	// the content.
	Format string
	// Path is the file name, used to recognise .html files and in messages.
	Path string
	// Extractor is the citation extractor to use; nil uses one for every
	// built-in language.
	Extractor *normalize.Extractor
	// Anaphora also finds the references back to the last citation ("that
	// resolution", "ladite résolution", "该决议第2段"): Parse lists them in
	// Document.References, Stream emits them among the citations with Form
	// normalize.FormAnaphora.
	Anaphora bool
}

// Document is a transcript read for cross-referencing.
type Document struct {
	Path string `json:"file"`
	// Input is the transcript as UTF-8: the file itself, or its text
	// decoded when the file was in another encoding. All offsets refer to it.
	Input    []byte `json:"-"`
	Encoding string `json:"encoding"`
	Format   string `json:"format"`
	// Lang is the transcript's language; LangDetected says it was guessed.
	Lang         string `json:"lang"`
	LangDetected bool   `json:"lang_detected"`
	// Self is the transcript's own symbol (CD/PV.1505), found in its page
	// furniture, front matter or masthead; SelfDisplay its printed form.
	Self        string     `json:"self"`
	SelfDisplay string     `json:"-"`
	Citations   []Citation `json:"citations"`
	Links       []Link     `json:"links"`
	// Furniture counts the citations dropped as page furniture (running
	// heads, the masthead).
	Furniture int `json:"furniture"`
	// References are the references back to earlier citations, with
	// Options.Anaphora: they name no new document, so they are not among
	// the Citations and take no link.
	References []Citation `json:"references,omitempty"`
	// paired is set once the links are paired with the citations.
	paired bool
	// lines indexes Input for Position.
	lines *lineIndex
}

// Ref locates the citation that a reference back points at.
type Ref struct {
	Start int `json:"start"`
	Line  int `json:"line"`
	Col   int `json:"col"`
}

// Citation is a citation in a transcript, located by line and column.
type Citation struct {
	normalize.Citation
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Text string `json:"text"`
	// URL is the document's address in the transcript's language, or empty
	// when there is no document (General Assembly decisions).
	URL string `json:"url"`
	// Link is the index of the link that goes with the citation, or -1.
	Link int `json:"link"`
	// DocLang is the language of the transcript (the citation's URL is in it).
	DocLang string `json:"-"`
	// Antecedent is, for a reference back (Form normalize.FormAnaphora),
	// the citation it points at.
	Antecedent *Ref `json:"antecedent,omitempty"`
}

// defaultExtractor serves documents read without an explicit extractor.
var defaultExtractor = normalize.NewExtractor()

// Parse reads a whole transcript: its citations, its links and its
// identity. Offsets refer to doc.Input.
func Parse(data []byte, opt Options) (*Document, error) {
	if len(data) > MaxDocumentSize {
		return nil, &InputError{Err: ErrTooLarge, Detail: fmt.Sprintf("%d MB is more than the %d MB a whole-document check reads; use xref extract, which streams", len(data)>>20, MaxDocumentSize>>20)}
	}
	text, enc, err := decode(data, opt.Encoding)
	if err != nil {
		return nil, err
	}
	doc := &Document{Path: opt.Path, Input: text, Encoding: enc, Format: "text", Lang: opt.Lang}
	format := strings.ToLower(opt.Format)
	if format == "" {
		ext := strings.ToLower(filepath.Ext(opt.Path))
		if ext == ".html" || ext == ".htm" || ext == ".xhtml" || isHTML(text) {
			format = "html"
		}
	}
	x := opt.Extractor
	if x == nil {
		x = defaultExtractor
	}
	view := text
	var hv *htmlView
	if format == "html" {
		doc.Format = "html"
		if hv, err = parseHTML(text); err != nil {
			return nil, err
		}
		view = hv.text
	}
	toInput := func(s, e int) (int, int) {
		if hv == nil {
			return s, e
		}
		return hv.m.start(s), hv.m.end(e)
	}
	if doc.Lang == "" && hv != nil {
		if l, ok := canonLang(strings.SplitN(hv.lang, "-", 2)[0], false); ok {
			doc.Lang = l
		}
	}
	if doc.Lang == "" {
		doc.Lang, _ = DetectLanguage(view)
		doc.LangDetected = true
	}

	// Front matter (Markdown exports) names the document and is not text.
	fmEnd, fmSelf := frontMatter(view)
	doc.Self = fmSelf
	if doc.Self == "" && hv != nil && hv.title != "" {
		if sym, err := normalize.ParseSymbol(hv.title); err == nil {
			doc.Self = sym.Key
		}
	}

	cites, self, dropped := extractDoc(x, view, doc.Self, fmEnd, opt.Anaphora)
	doc.Self, doc.Furniture = self, dropped
	if doc.Self != "" {
		if sym, err := normalize.ParseSymbol(doc.Self); err == nil {
			doc.SelfDisplay = sym.Display
		}
	}

	li := newLineIndex(text)
	var cur cursor
	cur.li = li
	var byViewStart map[int]int // citations that references back may point at
	if opt.Anaphora {
		byViewStart = map[int]int{}
	}
	// Sized once: growing by doubling would hold up to twice the citations
	// of a citation-dense transcript.
	if len(cites) > 0 {
		doc.Citations = make([]Citation, 0, len(cites))
	}
	for _, c := range cites {
		vs := c.Start
		s, e := toInput(c.Start, c.End)
		c.Start, c.End = s, e
		if c.PhraseEnd > 0 {
			_, c.PhraseEnd = toInput(vs, c.PhraseEnd)
		}
		dc := Citation{Citation: c, Text: string(text[s:e]), Link: -1, DocLang: doc.Lang}
		dc.Line, dc.Col = cur.pos(s)
		if c.Form == normalize.FormAnaphora {
			// Its antecedent was kept (not furniture) and comes before it.
			k, ok := byViewStart[c.AntecedentStart]
			if !ok {
				continue
			}
			a := &doc.Citations[k]
			dc.Antecedent = &Ref{Start: a.Start, Line: a.Line, Col: a.Col}
			dc.AntecedentStart = a.Start
			doc.References = append(doc.References, dc)
			continue
		}
		dc.URL = citationURL(doc.Lang, &c)
		if byViewStart != nil {
			byViewStart[vs] = len(doc.Citations)
		}
		doc.Citations = append(doc.Citations, dc)
	}

	// Links: URLs written in the text, then anchors of an HTML page.
	var lcur cursor
	lcur.li = li
	urls := findURLs(view)
	if len(urls) > 0 {
		doc.Links = make([]Link, 0, len(urls))
	}
	for _, sp := range urls {
		if sp[0] < fmEnd {
			continue
		}
		s, e := toInput(sp[0], sp[1])
		l := ParseLink(string(view[sp[0]:sp[1]]))
		l.Start, l.End = s, e
		l.Line, l.Col = lcur.pos(s)
		doc.Links = append(doc.Links, l)
	}
	if hv != nil {
		for _, a := range hv.anchors {
			href := a.href
			if hv.base != nil {
				if u, err := hv.base.Parse(href); err == nil {
					href = u.String()
				}
			}
			if !strings.Contains(href, "://") && !strings.HasPrefix(strings.ToLower(href), "www.") {
				continue // relative links and fragments point inside the site
			}
			l := ParseLink(href)
			l.Start, l.End = a.hrefStart, a.hrefEnd
			l.Line, l.Col = li.pos(a.hrefStart)
			l.Anchor = true
			if a.textEnd >= a.textStart {
				l.AnchorStart, l.AnchorEnd = toInput(a.textStart, a.textEnd)
			}
			doc.Links = append(doc.Links, l)
		}
		sortLinks(doc.Links)
	}
	// Pairing is part of reading: every use of the document (findings,
	// expansion, the graph) sees the same links with the same citations.
	pairLinks(doc)
	return doc, nil
}

// extractDoc finds the citations of a whole text that are not page
// furniture, and the document's own symbol.
func extractDoc(x *normalize.Extractor, t []byte, self string, frontEnd int, anaphora bool) ([]normalize.Citation, string, int) {
	self = identity(x, t, self, frontEnd)
	fu := newFurniture(t, self, frontEnd)
	var out []normalize.Citation
	x.Scan(t, normalize.Options{DefaultOrgan: organOfSelf(self), Anaphora: anaphora}, func(c normalize.Citation) {
		if c.Form == normalize.FormAnaphora || !fu.drop(&c) {
			out = append(out, c)
		}
	})
	return out, self, fu.dropped
}

// identity finds the document's own symbol in its furniture or masthead,
// before the citations are read, because the organ of the record decides
// numbers that name none.
//
// Only the start of the text is read (one window of Stream, 4 MB), so that
// reading a document whole and streaming it agree.
func identity(x *normalize.Extractor, t []byte, self string, frontEnd int) string {
	if self != "" {
		return self
	}
	if len(t) > streamWindow {
		t = t[:streamWindow]
	}
	fu := newFurniture(t, "", frontEnd)
	fu.learn = true
	x.Scan(t, normalize.Options{}, func(c normalize.Citation) {
		if fu.self == "" {
			fu.drop(&c)
		}
	})
	return fu.self
}

// organOfSelf gives the organ whose numbers a record cites by default.
func organOfSelf(self string) normalize.Organ {
	switch {
	case strings.HasPrefix(self, "S/"):
		return normalize.OrganSC
	case strings.HasPrefix(self, "A/HRC/"):
		return normalize.OrganHRC
	case strings.HasPrefix(self, "A/"):
		return normalize.OrganGA
	case strings.HasPrefix(self, "E/CN.4/"):
		return normalize.OrganCHR
	case strings.HasPrefix(self, "E/"):
		return normalize.OrganECOSOC
	}
	return ""
}

// frontMatter finds a YAML front matter block ("---" lines) at the start
// of text, and the symbol it names.
func frontMatter(text []byte) (end int, self string) {
	t := bytes.TrimPrefix(text, []byte("\xEF\xBB\xBF"))
	off := len(text) - len(t)
	if !bytes.HasPrefix(t, []byte("---\n")) && !bytes.HasPrefix(t, []byte("---\r\n")) {
		return 0, ""
	}
	rest := t[3:]
	k := bytes.Index(rest, []byte("\n---"))
	if k < 0 || k > 16<<10 {
		return 0, ""
	}
	block := rest[:k]
	end = off + 3 + k + 4
	for _, line := range strings.Split(string(block), "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(strings.ToLower(key)) != "symbol" {
			continue
		}
		val = strings.Trim(strings.TrimSpace(val), `"'`)
		if sym, err := normalize.ParseSymbol(val); err == nil {
			self = sym.Key
		}
	}
	return end, self
}

func sortLinks(ls []Link) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Start < ls[j].Start })
}

// String describes the document in one line, for logs.
func (d *Document) String() string {
	return fmt.Sprintf("%s (%s, %s, %d citations, %d links)", d.Path, d.Lang, d.Encoding, len(d.Citations), len(d.Links))
}
