package fetch

import (
	"net/url"
	"strings"
)

// Lang is a language as an ISO 639-1 code: one of the six official
// languages of the United Nations.
type Lang string

// The six official languages.
const (
	Arabic  Lang = "ar"
	Chinese Lang = "zh"
	English Lang = "en"
	French  Lang = "fr"
	Russian Lang = "ru"
	Spanish Lang = "es"
)

// langs maps every accepted spelling (lower case) to its ISO code:
// the ISO codes, the one-letter ODS codes A C E F R S, the zh-hans of the
// un.org site and the non-standard path segments ch and sp seen in
// transcripts (accepted as aliases when parsing, never emitted).
var langs = map[string]Lang{
	"ar": Arabic, "a": Arabic,
	"zh": Chinese, "c": Chinese, "ch": Chinese, "zh-hans": Chinese, "zh-cn": Chinese,
	"en": English, "e": English,
	"fr": French, "f": French,
	"ru": Russian, "r": Russian,
	"es": Spanish, "s": Spanish, "sp": Spanish,
}

// letters maps ISO codes to the one-letter ODS codes used by the
// documents.un.org symbol API and the legacy daccess-ods agent.
var letters = map[Lang]string{Arabic: "A", Chinese: "C", English: "E", French: "F", Russian: "R", Spanish: "S"}

// ParseLang returns the language for an ISO code, a one-letter ODS code or
// an alias (ch, sp, zh-hans), in any case. The empty string is an error.
func ParseLang(s string) (Lang, error) {
	l, ok := langs[strings.ToLower(strings.TrimSpace(s))]
	if !ok {
		return "", errf(ErrUnknownLanguage, "%q", s)
	}
	return l, nil
}

// Letter returns the one-letter ODS code (A C E F R S), or "" for an
// unknown language.
func (l Lang) Letter() string { return letters[l] }

// UndocsURL returns https://undocs.org/<lang>/<SYMBOL>, the link form the
// transcripts use. lang is normalised by ParseLang (so "ch" becomes "zh");
// an empty lang gives the form without a language segment. The symbol is
// kept as written, with only the characters that cannot stand in a path
// escaped: "S/RES/1540(2004)" keeps its parentheses.
func UndocsURL(symbol, lang string) (string, error) {
	sym, err := cleanSymbol(symbol)
	if err != nil {
		return "", err
	}
	prefix := "https://undocs.org/"
	if lang != "" {
		l, err := ParseLang(lang)
		if err != nil {
			return "", err
		}
		prefix += string(l) + "/"
	}
	return prefix + escapeSymbolPath(sym), nil
}

// SymbolAPIURL returns the documents.un.org symbol API URL for a PDF:
// https://documents.un.org/api/symbol/access?s=<QueryEscape(SYMBOL)>&l=<X>&t=pdf
// with the one-letter language code (E when lang is empty). The symbol is
// always query-escaped, slashes included, because one source reports that
// the API fails otherwise.
func SymbolAPIURL(symbol, lang string) (string, error) {
	sym, err := cleanSymbol(symbol)
	if err != nil {
		return "", err
	}
	l := English
	if lang != "" {
		if l, err = ParseLang(lang); err != nil {
			return "", err
		}
	}
	return "https://documents.un.org/api/symbol/access?s=" + url.QueryEscape(sym) + "&l=" + l.Letter() + "&t=pdf", nil
}

// cleanSymbol trims a symbol and refuses empty ones and control characters.
func cleanSymbol(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ErrEmptySymbol
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return "", errf(ErrInvalidURL, "control character in symbol %q", s)
		}
	}
	return s, nil
}

// escapeSymbolPath percent-encodes a symbol for a URL path. It keeps the
// RFC 3986 unreserved and sub-delimiter characters and '/', ':' and '@', as
// the links in the wild do, and escapes everything else (space, '%', '?',
// '#', non-ASCII).
func escapeSymbolPath(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if pathSafe(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func pathSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
}

// DocsURL returns https://docs.un.org/<lang>/<SYMBOL>, the document
// viewer's address, or https://docs.un.org/<SYMBOL> when lang is empty.
func DocsURL(symbol, lang string) (string, error) {
	u, err := UndocsURL(symbol, lang)
	if err != nil {
		return "", err
	}
	return "https://docs.un.org/" + strings.TrimPrefix(u, "https://undocs.org/"), nil
}
