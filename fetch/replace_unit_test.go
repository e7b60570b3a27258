package fetch

import (
	"strings"
	"testing"
	"time"
)

func TestSymbolOf(t *testing.T) {
	tests := []struct {
		url, sym, lang string
		ok             bool
	}{
		{"https://undocs.org/en/A/RES/73/266", "A/RES/73/266", "en", true},
		{"https://undocs.org/ch/A/RES/73/266", "A/RES/73/266", "zh", true},
		{"https://www.undocs.org/S/RES/1540(2004)", "S/RES/1540(2004)", "", true},
		{"https://undocs.org/A/RES/73/266", "A/RES/73/266", "", true}, // "A" is the series, not Arabic
		{"https://docs.un.org/fr/S/PV.9963(Resumption2)", "S/PV.9963(Resumption2)", "fr", true},
		{"https://undocs.org/pdf?symbol=en/A/RES/38/77", "A/RES/38/77", "en", true},
		{"https://documents.un.org/api/symbol/access?s=CD%2F2141&l=C&t=pdf", "CD/2141", "zh", true},
		{"http://daccess-ods.un.org/access.nsf/Get?OpenAgent&DS=A/RES/68/278&Lang=E", "A/RES/68/278", "en", true},
		{"http://www.un.org/en/ga/search/view_doc.asp?symbol=A/RES/68/278", "A/RES/68/278", "", true},
		{"https://undocs.org/en/A/73/100*", "A/73/100", "en", true},
		{"https://undocs.org/ch/73/546", "", "", false}, // no series: never guessed
		{"https://documents.un.org/doc/undoc/gen/n19/999/01/pdf/n1999901.pdf", "", "", false},
		{"https://digitallibrary.un.org/record/1", "", "", false},
		{"https://example.org/en/A/RES/1/1", "", "", false},
		{"https://undocs.org/en/", "", "", false},
		{"ftp://undocs.org/en/A/RES/1/1", "", "", false},
	}
	for _, tc := range tests {
		sym, lang, ok := SymbolOf(tc.url)
		if sym != tc.sym || lang != tc.lang || ok != tc.ok {
			t.Errorf("SymbolOf(%q) = %q, %q, %v; want %q, %q, %v", tc.url, sym, lang, ok, tc.sym, tc.lang, tc.ok)
		}
	}
}

func TestParseAvailability(t *testing.T) {
	at := time.Date(2019, 3, 2, 10, 20, 30, 0, time.UTC)
	tests := []struct {
		name, body string
		url        string
		ok, err    bool
	}{
		{"copy", `{"url":"x","archived_snapshots":{"closest":{"status":"200","available":true,"url":"http://web.archive.org/web/20190302102030/https://undocs.org/en/A/RES/1/1","timestamp":"20190302102030"}}}`,
			"https://web.archive.org/web/20190302102030/https://undocs.org/en/A/RES/1/1", true, false},
		{"none", `{"url":"x","archived_snapshots":{}}`, "", false, false},
		{"not 200", `{"archived_snapshots":{"closest":{"status":"404","available":true,"url":"http://web.archive.org/web/20190302102030/x","timestamp":"20190302102030"}}}`, "", false, false},
		{"unavailable", `{"archived_snapshots":{"closest":{"available":false}}}`, "", false, false},
		{"other host", `{"archived_snapshots":{"closest":{"status":"200","available":true,"url":"http://evil.example/web/20190302102030/x","timestamp":"20190302102030"}}}`, "", false, true},
		{"timestamp not in url", `{"archived_snapshots":{"closest":{"status":"200","available":true,"url":"http://web.archive.org/web/20200101000000/x","timestamp":"20190302102030"}}}`, "", false, true},
		{"bad timestamp", `{"archived_snapshots":{"closest":{"status":"200","available":true,"url":"http://web.archive.org/web/2019/x","timestamp":"2019"}}}`, "", false, true},
		{"not json", `<html>`, "", false, true},
		{"no snapshots key", `{}`, "", false, true},
	}
	for _, tc := range tests {
		s, ok, err := ParseAvailability([]byte(tc.body))
		if ok != tc.ok || (err != nil) != tc.err || s.URL != tc.url {
			t.Errorf("%s: %+v, %v, %v", tc.name, s, ok, err)
		}
		if ok && !s.Time.Equal(at) {
			t.Errorf("%s: time %s; want %s", tc.name, s.Time, at)
		}
	}
}

func FuzzParseAvailability(f *testing.F) {
	f.Add([]byte(`{"archived_snapshots":{"closest":{"status":"200","available":true,"url":"http://web.archive.org/web/20190302102030/https://undocs.org/en/A/RES/1/1","timestamp":"20190302102030"}}}`))
	f.Add([]byte(`{"archived_snapshots":{}}`))
	f.Add([]byte(`{"archived_snapshots":{"closest":{"available":true,"url":"https://web.archive.org/web/99999999999999/x","timestamp":"99999999999999"}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, ok, err := ParseAvailability(b)
		if err != nil && ok {
			t.Fatalf("ok with an error: %v", err)
		}
		if !ok {
			return
		}
		// A copy offered is on web.archive.org over https and carries the
		// timestamp it is dated by.
		if !strings.HasPrefix(s.URL, "https://web.archive.org/web/") {
			t.Fatalf("copy %q not on https://web.archive.org/web/", s.URL)
		}
		if got := snapshotTime(s.URL); !got.Equal(s.Time) {
			t.Fatalf("copy %q dated %s; its address says %s", s.URL, s.Time, got)
		}
	})
}

func FuzzSymbolOf(f *testing.F) {
	for _, s := range []string{"https://undocs.org/en/A/RES/73/266", "https://undocs.org/pdf?symbol=fr/S/RES/1(1946)",
		"http://daccess-ods.un.org/access.nsf/Get?OpenAgent&DS=A/RES/1/1&Lang=E", "https://undocs.org/ch/73/546"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		sym, lang, ok := SymbolOf(u)
		if !ok {
			if sym != "" || lang != "" {
				t.Fatalf("not ok but %q %q", sym, lang)
			}
			return
		}
		if !looksLikeSymbol(symbolKey(sym)) || strings.ContainsAny(sym, " \t\n") {
			t.Fatalf("SymbolOf(%q) = %q: not a symbol", u, sym)
		}
		if lang != "" {
			if _, err := ParseLang(lang); err != nil {
				t.Fatalf("SymbolOf(%q) language %q: %v", u, lang, err)
			}
		}
		// The addresses built from it name it again.
		builders := []func(string, string) (string, error){SymbolAPIURL}
		if lang != "" || !ambiguousBare(sym) {
			builders = append(builders, UndocsURL, DocsURL)
		}
		for _, build := range builders {
			b, err := build(sym, lang)
			if err != nil {
				t.Fatalf("%q: %v", sym, err)
			}
			if s2, _, ok := SymbolOf(b); !ok || !sameSymbol(s2, sym) {
				t.Fatalf("%s names %q, not %q", b, s2, sym)
			}
		}
	})
}

func TestShownSymbol(t *testing.T) {
	tests := []struct {
		name, body string
		f          Format
		want       string
	}{
		{"viewer title", "<html><head><title>A/RES/73/266</title></head></html>", FormatHTML, "A/RES/73/266"},
		{"spaced title", "<title> S/RES/1540 (2004) </title>", FormatHTML, "S/RES/1540(2004)"},
		{"citation meta", `<meta name="citation_title" content="A/RES/1/1"><title>Landing</title>`, FormatHTML, "A/RES/1/1"},
		{"stub", "<title>Official Document System</title>", FormatHTML, ""},
		{"words with a slash", "<title>Home / Search 2</title>", FormatHTML, ""},
		{"pdf", "%PDF-1.7\n1 0 obj << /Title (S/RES/1540\\(2004\\)) >>", FormatPDF, "S/RES/1540(2004)"},
		{"pdf balanced", "%PDF-1.7\n<< /Title (S/RES/1540(2004)) >>", FormatPDF, "S/RES/1540(2004)"},
		{"pdf prose title", "%PDF-1.7\n<< /Title (Resolution adopted by the General Assembly) >>", FormatPDF, ""},
		{"pdf unterminated", "%PDF-1.7\n<< /Title (A/RES/1/1", FormatPDF, ""},
	}
	for _, tc := range tests {
		if got := shownSymbol([]byte(tc.body), tc.f); got != tc.want {
			t.Errorf("%s: %q; want %q", tc.name, got, tc.want)
		}
	}
}
