package fetch

import (
	"bytes"
	"regexp"
	"strings"
)

// A replacement must be the document the link named. Where a page on the
// way or the document itself shows a symbol, it is read and compared: a
// viewer page's title or citation metadata, a PDF's /Title. Only text
// that has the shape of a symbol counts ("Official Document System" says
// nothing), so a page that shows none passes, and one that shows another
// symbol fails.

var (
	metaSymbolRe = regexp.MustCompile(`(?is)<meta\s[^>]*name\s*=\s*["']?(?:citation_title|citation_technical_report_number|dc\.identifier)["']?[^>]*>`)
	contentRe    = regexp.MustCompile(`(?is)content\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

// shownSymbol returns the symbol a body shows, or "" when it shows none.
func shownSymbol(body []byte, f Format) string {
	switch f {
	case FormatHTML:
		for _, m := range metaSymbolRe.FindAll(body, 4) {
			if c := contentRe.FindSubmatch(m); c != nil {
				if s := asSymbol(string(c[1]) + string(c[2])); s != "" {
					return s
				}
			}
		}
		if m := titleRe.FindSubmatch(body); m != nil {
			return asSymbol(string(m[1]))
		}
	case FormatPDF:
		return asSymbol(pdfTitle(body))
	}
	return ""
}

// asSymbol returns s in key form when the whole of it is a symbol
// ("S/RES/1540 (2004)": a space before the parenthesis is allowed), else "".
func asSymbol(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, " (", "(")
	if strings.ContainsAny(s, " \t\r\n") {
		return ""
	}
	k := symbolKey(s)
	if !looksLikeSymbol(k) {
		return ""
	}
	return k
}

// pdfTitle reads the first "/Title (…)" literal string of a PDF's first
// bytes, with balanced parentheses and backslash escapes; "" when none.
func pdfTitle(b []byte) string {
	i := bytes.Index(b, []byte("/Title"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(b[i+len("/Title"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '(' {
		return ""
	}
	var out []byte
	depth := 0
	for k := 0; k < len(rest) && k < 512; k++ {
		c := rest[k]
		switch {
		case c == '\\' && k+1 < len(rest):
			k++
			out = append(out, rest[k])
			continue
		case c == '(':
			depth++
			if depth == 1 {
				continue
			}
		case c == ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		}
		out = append(out, c)
	}
	return ""
}
