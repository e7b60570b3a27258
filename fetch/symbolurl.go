package fetch

import (
	"net/url"
	"strings"
)

// SymbolOf reads the document symbol and language a UN link names, from
// the address alone: undocs.org/<lang>/<SYMBOL> and undocs.org/<SYMBOL>
// (also www.undocs.org and docs.un.org), undocs.org/pdf?symbol=[<lang>/]<SYMBOL>,
// the documents.un.org symbol API (s=, l=), the legacy daccess-ods agent
// (DS=, Lang=) and www.un.org's view_doc.asp (symbol=, Lang=). lang is an
// ISO code, or "" when the link names none. ok is false for every other
// address, job-number file paths included (nothing in them names the
// symbol), and when what stands in the place of the symbol does not look
// like one ("73/546" has no series): a symbol is never guessed. The symbol
// comes back without spaces, in the case written.
func SymbolOf(rawURL string) (symbol, lang string, ok bool) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return "", "", false
	}
	q := u.Query()
	var sym, l string
	switch normHost(u.Hostname()) {
	case "undocs.org", "www.undocs.org", "docs.un.org", "www.docs.un.org":
		p := strings.TrimPrefix(u.Path, "/")
		if strings.EqualFold(p, "pdf") {
			p = q.Get("symbol")
		}
		l, sym = splitLangSegment(p)
	case "documents.un.org":
		if !strings.EqualFold(u.Path, "/api/symbol/access") {
			return "", "", false
		}
		sym, l = q.Get("s"), q.Get("l")
	case "daccess-ods.un.org":
		sym, l = queryFold(q, "DS"), queryFold(q, "Lang")
	case "www.un.org", "un.org":
		if !strings.HasSuffix(strings.ToLower(u.Path), "/view_doc.asp") {
			return "", "", false
		}
		sym, l = queryFold(q, "symbol"), queryFold(q, "Lang")
	default:
		return "", "", false
	}
	// Spaces go (the key form); the case stays as written, since the
	// symbol API is said to refuse "S/PV.9963(RESUMPTION2)".
	sym = strings.TrimRight(strings.Join(strings.Fields(sym), ""), "*")
	if !looksLikeSymbol(symbolKey(sym)) {
		return "", "", false
	}
	if l != "" {
		pl, err := ParseLang(l)
		if err != nil {
			l = ""
		} else {
			l = string(pl)
		}
	}
	return sym, l, true
}

// splitLangSegment reads "<lang>/<symbol>" or "<symbol>". Only the
// two-letter codes and the aliases ch and sp count as a language segment:
// a one-letter ODS code would take the "A" of A/RES/… for Arabic.
func splitLangSegment(p string) (lang, sym string) {
	first, rest, ok := strings.Cut(p, "/")
	if ok && rest != "" && langSegment(first) {
		return first, rest
	}
	return "", p
}

func langSegment(s string) bool {
	switch strings.ToLower(s) {
	case "ar", "zh", "en", "fr", "ru", "es", "ch", "sp":
		return true
	}
	return false
}

// ambiguousBare reports a symbol whose first part reads as a language
// segment: undocs.org/<SYMBOL> without a language would name another
// symbol, so that address is not built.
func ambiguousBare(sym string) bool {
	first, _, _ := strings.Cut(sym, "/")
	return langSegment(first)
}

// queryFold returns the first value of a query key in any case (legacy
// addresses write DS, ds, Lang, LANG).
func queryFold(q url.Values, key string) string {
	for k, v := range q {
		if strings.EqualFold(k, key) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// symbolKey is the comparison form of a symbol: no white space (the
// spaced "S/RES/1540 (2004)" is S/RES/1540(2004)), upper case, no
// reissue asterisk.
func symbolKey(s string) string {
	s = strings.Join(strings.Fields(s), "")
	return strings.TrimRight(strings.ToUpper(s), "*")
}

// looksLikeSymbol reports whether s (in key form) has the shape of a UN
// document symbol: a series of letters first, at least one slash and one
// digit, and only the characters symbols use.
func looksLikeSymbol(s string) bool {
	if len(s) < 3 || len(s) > 80 || s[0] < 'A' || s[0] > 'Z' || !strings.Contains(s, "/") {
		return false
	}
	digit := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case c >= 'A' && c <= 'Z', strings.IndexByte("/.-()_:[]", c) >= 0:
		default:
			return false
		}
	}
	return digit
}

// sameSymbol reports whether two symbols are the same document.
func sameSymbol(a, b string) bool { return symbolKey(a) == symbolKey(b) }
