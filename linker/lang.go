package linker

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xref-un/xref/normalize"
)

// Languages are the six official UN languages, as the ISO 639-1 codes that
// undocs.org and docs.un.org use in their paths.
var Languages = []string{"ar", "zh", "en", "fr", "ru", "es"}

// latinFunctionWords tell the Latin-script languages apart. Those with a
// built-in grammar take their words from it.
var latinFunctionWords = func() map[string][]string {
	byLang := map[string][]string{
		"fr": {"le", "la", "les", "des", "du", "et", "que", "dans", "une", "est", "pour", "sur", "au", "aux", "nous", "qui"},
	}
	for l, g := range normalize.Grammars() {
		if l != "zh" {
			byLang[l] = g.FunctionWords
		}
	}
	m := map[string][]string{} // word -> languages
	for l, ws := range byLang {
		for _, w := range ws {
			m[w] = append(m[w], l)
		}
	}
	return m
}()

// DetectLanguage guesses the language of a transcript from its script and,
// for Latin script, its most frequent short words. It reads at most the
// first 64 KB. With no evidence it answers "en" and reports false.
func DetectLanguage(text []byte) (string, bool) {
	if len(text) > 64<<10 {
		text = text[:64<<10]
	}
	// URLs and symbols (CD/2141, A/RES/73/266) are Latin in every language:
	// only lower-case letters count for the Latin script.
	urls := findURLs(text)
	if len(urls) > 0 {
		var clean []byte
		last := 0
		for _, u := range urls {
			clean = append(clean, text[last:u[0]]...)
			clean = append(clean, ' ')
			last = u[1]
		}
		text = append(clean, text[last:]...)
		urls = nil
	}
	var han, cyr, arab, latin int
	for i := 0; i < len(text); {
		if len(urls) > 0 && i >= urls[0][0] {
			i = max(i, urls[0][1])
			urls = urls[1:]
			continue
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' {
				latin++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		i += n
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r >= 0x0400 && r <= 0x04FF:
			cyr++
		case r >= 0x0600 && r <= 0x06FF:
			arab++
		case unicode.IsLetter(r):
			latin++
		}
	}
	total := han + cyr + arab + latin
	if total == 0 {
		return "en", false
	}
	// Chinese text quotes English names and symbols, so a modest share of
	// Han characters (each worth several Latin letters) decides.
	switch {
	case han*3 >= latin && han > 0:
		return "zh", true
	case cyr > latin && cyr >= arab:
		return "ru", true
	case arab > latin:
		return "ar", true
	}
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(string(text)), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, l := range latinFunctionWords[w] {
			counts[l]++
		}
	}
	best, bestN := "en", 0
	for _, l := range []string{"en", "es", "fr"} {
		if counts[l] > bestN {
			best, bestN = l, counts[l]
		}
	}
	return best, bestN >= 2
}
