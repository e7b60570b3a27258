package linker

import (
	"bytes"
	"errors"
	"net/url"
	"sort"
	"strings"

	"github.com/xref-un/xref/normalize"
)

// Link is a URL found in a transcript: in the text, or as the href of an
// HTML anchor.
type Link struct {
	// URL is the link as written (an href is given unescaped).
	URL string `json:"url"`
	// Start and End locate the URL (or the href value) in the input.
	Start int `json:"start"`
	End   int `json:"end"`
	Line  int `json:"line"`
	Col   int `json:"col"`
	// Host is the lower-case host without "www.".
	Host string `json:"host,omitempty"`
	// Form names the kind of UN address: undocs, undocs-pdf, docs, ods-api,
	// ods-viewer, ods-job, daccess, dds-job, un-viewer, digital-library.
	// It is empty for links to other sites.
	Form string `json:"form,omitempty"`
	// Symbol is the canonical key of the symbol in the link, if any.
	Symbol string `json:"symbol,omitempty"`
	// Lang is the canonical language of the link (zh for "ch"), RawLang the
	// language as written.
	Lang    string `json:"lang,omitempty"`
	RawLang string `json:"raw_lang,omitempty"`
	// Problem says why the link names no valid symbol (malformed).
	Problem string `json:"problem,omitempty"`
	// Opaque links (job-number PDFs, catalogue records) name a document
	// without its symbol; they can only be checked by resolving them.
	Opaque bool `json:"opaque,omitempty"`
	// Anchor is true for an HTML <a href>; AnchorStart and AnchorEnd locate
	// its text in the input.
	Anchor      bool `json:"anchor,omitempty"`
	AnchorStart int  `json:"-"`
	AnchorEnd   int  `json:"-"`
	// Citation is the index of the citation the link belongs to, or -1.
	Citation int `json:"citation"`
}

// UN reports whether the link points at a UN document host.
func (l *Link) UN() bool { return l.Form != "" }

// NonstandardLang reports whether the link writes its language in a form
// other than the ISO code that undocs.org documents (ch, sp, CN …).
func (l *Link) NonstandardLang() bool {
	return l.RawLang != "" && l.RawLang != l.Lang && !oneLetterLang[l.RawLang]
}

// isoLang lists the language codes of the UN's document addresses, and
// langAlias the forms that people write instead.
var (
	isoLang   = map[string]bool{"ar": true, "zh": true, "en": true, "fr": true, "ru": true, "es": true}
	langAlias = map[string]string{
		"ch": "zh", "cn": "zh", "zh-cn": "zh", "zh-hans": "zh", "chi": "zh", "zho": "zh", "chinese": "zh",
		"sp": "es", "spa": "es", "spanish": "es", "eng": "en", "english": "en",
		"fra": "fr", "fre": "fr", "french": "fr", "rus": "ru", "russian": "ru", "ara": "ar", "arabic": "ar",
		"de": "de", "ot": "de",
	}
	// oneLetterLang are the ODS letters; they are the standard form in
	// query parameters of the ODS interfaces.
	oneLetterLang = map[string]bool{"A": true, "C": true, "E": true, "F": true, "R": true, "S": true, "O": true}
	letterToISO   = map[string]string{"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es", "O": "de"}
)

// canonLang maps a written language code to its ISO form; ok is false when
// the code is not a language at all.
func canonLang(raw string, letters bool) (string, bool) {
	if letters {
		if iso, ok := letterToISO[strings.ToUpper(raw)]; ok && len(raw) == 1 {
			return iso, true
		}
	}
	l := strings.ToLower(raw)
	if isoLang[l] {
		return l, true
	}
	if iso, ok := langAlias[l]; ok {
		return iso, true
	}
	return "", false
}

// SymbolURL is the address of a document in a language on undocs.org.
func SymbolURL(lang, key string) string {
	if lang == "" {
		return "https://undocs.org/" + key
	}
	return "https://undocs.org/" + lang + "/" + key
}

// ParseLink reads a URL and, for UN document hosts, the symbol and language
// it names. It never fails: a URL that cannot be read is returned with a
// Problem.
func ParseLink(raw string) Link {
	l := Link{URL: raw, Citation: -1}
	s := strings.TrimSpace(raw)
	if strings.HasPrefix(strings.ToLower(s), "www.") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		l.Problem = "not a URL"
		if h := hostGuess(s); isUNHost(h) {
			l.Host, l.Form = h, "undocs"
		}
		return l
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	l.Host = host
	q := lowerKeys(u.Query())
	path := u.EscapedPath()
	switch {
	case host == "undocs.org" && strings.EqualFold(strings.TrimSuffix(path, "/"), "/pdf"):
		l.Form = "undocs-pdf"
		sym := q.Get("symbol")
		if i := strings.IndexByte(sym, '/'); i > 0 {
			if iso, ok := canonLang(sym[:i], false); ok {
				l.Lang, l.RawLang, sym = iso, sym[:i], sym[i+1:]
			}
		}
		l.setSymbol(sym)
	case host == "undocs.org" && q.Get("finalsymbol") != "":
		l.Form = "undocs"
		l.setSymbol(q.Get("finalsymbol"))
	case host == "undocs.org" || host == "docs.un.org":
		l.Form = "undocs"
		if host == "docs.un.org" {
			l.Form = "docs"
		}
		l.pathSymbol(path)
	case host == "documents.un.org" && strings.HasPrefix(strings.ToLower(path), "/api/symbol/access"):
		l.Form = "ods-api"
		l.queryLang(q.Get("l"))
		l.setSymbol(q.Get("s"))
	case host == "documents.un.org" && strings.Contains(strings.ToLower(path), "xpdf.xsp"):
		l.Form = "ods-viewer"
		l.queryLang(q.Get("lang"))
		l.setSymbol(q.Get("doc"))
	case host == "documents.un.org" && strings.HasPrefix(strings.ToLower(path), "/doc/"):
		l.Form, l.Opaque = "ods-job", true
	case host == "documents.un.org":
		l.Form = "docs"
		l.pathSymbol(path)
	case host == "daccess-ods.un.org" || host == "daccessdds.un.org":
		l.Form = "daccess"
		if ds := q.Get("ds"); ds != "" {
			l.queryLang(q.Get("lang"))
			l.setSymbol(ds)
		} else {
			l.Opaque = true
		}
	case host == "documents-dds-ny.un.org" || host == "daccess-dds-ny.un.org":
		l.Form, l.Opaque = "dds-job", true
	case host == "un.org" && strings.HasSuffix(strings.ToLower(path), "view_doc.asp"):
		l.Form = "un-viewer"
		l.setSymbol(q.Get("symbol"))
	case host == "digitallibrary.un.org":
		l.Form, l.Opaque = "digital-library", true
	}
	return l
}

func hostGuess(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(s), "https://"), "http://")
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimPrefix(s, "www.")
}

func isUNHost(h string) bool {
	switch h {
	case "undocs.org", "docs.un.org", "documents.un.org", "daccess-ods.un.org", "documents-dds-ny.un.org", "digitallibrary.un.org":
		return true
	}
	return false
}

func lowerKeys(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[strings.ToLower(k)] = vs
	}
	return out
}

// pathSymbol reads "/[lang/]SYMBOL" from an escaped URL path.
func (l *Link) pathSymbol(escaped string) {
	p := strings.TrimPrefix(escaped, "/")
	if i := strings.IndexByte(p, '/'); i > 0 {
		if iso, ok := canonLang(p[:i], false); ok && len(p[:i]) <= 7 && !strings.ContainsAny(p[:i], "0123456789") {
			// A first segment such as "en" or "ch" is a language, unless the
			// symbol itself starts with a series of that name (none does).
			l.Lang, l.RawLang = iso, p[:i]
			p = p[i+1:]
		}
	}
	dec, err := url.PathUnescape(p)
	if err != nil {
		l.Problem = "bad percent-encoding in " + p
		return
	}
	l.setSymbol(dec)
}

func (l *Link) queryLang(raw string) {
	if raw == "" {
		return
	}
	if iso, ok := canonLang(raw, true); ok {
		l.Lang, l.RawLang = iso, raw
	}
}

func (l *Link) setSymbol(s string) {
	s = strings.TrimSpace(strings.TrimSuffix(s, "/"))
	if s == "" {
		l.Problem = "the link names no symbol"
		return
	}
	sym, err := normalize.ParseSymbol(s)
	if err != nil {
		switch {
		case errors.Is(err, normalize.ErrNoSeries):
			l.Problem = "\"" + s + "\" is not a document symbol: it has no series (such as A/RES/)"
		case errors.Is(err, normalize.ErrPressRelease):
			l.Problem = "\"" + s + "\" is a press-release number, not a document symbol"
		default:
			l.Problem = "\"" + s + "\" is not a valid document symbol"
		}
		return
	}
	l.Symbol = sym.Key
}

// findURLs returns the spans of URLs written in text: http(s)://… and
// www.… up to a space, a quote, an angle bracket, a non-ASCII character or
// an unbalanced parenthesis; sentence punctuation at the end is left out.
func findURLs(text []byte) [][2]int {
	var starts []int
	for i := 0; ; {
		k := bytes.Index(text[i:], []byte("://"))
		if k < 0 {
			break
		}
		p := i + k
		st := p
		for st > 0 && st > p-5 && isAlpha(text[st-1]) {
			st--
		}
		if sch := strings.ToLower(string(text[st:p])); sch == "http" || sch == "https" {
			starts = append(starts, st)
		}
		i = p + 3
	}
	for _, w := range []string{"ww.", "WW."} {
		for i := 1; i < len(text); {
			k := bytes.Index(text[i:], []byte(w))
			if k < 0 {
				break
			}
			p := i + k - 1
			if text[p]|0x20 == 'w' && (p == 0 || !(isAlnum(text[p-1]) || text[p-1] == '/' || text[p-1] == '.')) {
				starts = append(starts, p)
			}
			i = p + 4
		}
	}
	sort.Ints(starts)
	var out [][2]int
	last := -1
	for _, st := range starts {
		if st < last {
			continue // "www." inside "https://www."
		}
		e, ok := normalize.URLEnd(text, st)
		if ok && e > st+8 {
			out = append(out, [2]int{st, e})
			last = e
		}
	}
	return out
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnum(c byte) bool { return isAlpha(c) || c >= '0' && c <= '9' }
