package linker

import (
	"strings"
	"testing"
)

func TestParseLink(t *testing.T) {
	tests := []struct {
		url, form, lang, raw, symbol, problem string
		opaque                                bool
	}{
		{url: "https://undocs.org/zh/A/RES/73/266", form: "undocs", lang: "zh", raw: "zh", symbol: "A/RES/73/266"},
		{url: "https://undocs.org/ch/A/RES/73/266", form: "undocs", lang: "zh", raw: "ch", symbol: "A/RES/73/266"},
		{url: "https://undocs.org/sp/S/RES/1540(2004)", form: "undocs", lang: "es", raw: "sp", symbol: "S/RES/1540(2004)"},
		{url: "https://undocs.org/A/RES/73/266", form: "undocs", symbol: "A/RES/73/266"},
		{url: "http://www.undocs.org/en/S/RES/1540%20(2004)", form: "undocs", lang: "en", raw: "en", symbol: "S/RES/1540(2004)"},
		{url: "https://undocs.org/E/2019/1", form: "undocs", symbol: "E/2019/1"},
		{url: "https://undocs.org/ch/73/546", form: "undocs", lang: "zh", raw: "ch", problem: "no series"},
		{url: "https://undocs.org/S/RES/11%2007(1997)", form: "undocs", problem: "not a valid document symbol"},
		{url: "https://undocs.org/en/GA/12174", form: "undocs", lang: "en", raw: "en", problem: "press-release"},
		{url: "https://undocs.org/pdf?symbol=en/A/RES/38/77", form: "undocs-pdf", lang: "en", raw: "en", symbol: "A/RES/38/77"},
		{url: "https://undocs.org/pdf?symbol=en%2FA%2FRES%2F38%2F77", form: "undocs-pdf", lang: "en", raw: "en", symbol: "A/RES/38/77"},
		{url: "https://docs.un.org/fr/S/RES/6(1946)", form: "docs", lang: "fr", raw: "fr", symbol: "S/RES/6(1946)"},
		{url: "https://documents.un.org/api/symbol/access?s=A%2FRES%2F73%2F266&l=C&t=pdf", form: "ods-api", lang: "zh", raw: "C", symbol: "A/RES/73/266"},
		{url: "https://documents.un.org/prod/ods.nsf/xpdf.xsp?doc=A/RES/78/311&lang=E", form: "ods-viewer", lang: "en", raw: "E", symbol: "A/RES/78/311"},
		{url: "http://daccess-ods.un.org/access.nsf/Get?OpenAgent&DS=A/RES/60/1&Lang=E", form: "daccess", lang: "en", raw: "E", symbol: "A/RES/60/1"},
		{url: "https://documents-dds-ny.un.org/doc/UNDOC/GEN/N24/065/92/PDF/N2406592.pdf", form: "dds-job", opaque: true},
		{url: "https://documents.un.org/doc/undoc/gen/n04/419/86/pdf/n0441986.pdf?token=x&fe=true", form: "ods-job", opaque: true},
		{url: "http://www.un.org/en/ga/search/view_doc.asp?symbol=A/RES/68/278", form: "un-viewer", symbol: "A/RES/68/278"},
		{url: "https://digitallibrary.un.org/record/696939", form: "digital-library", opaque: true},
		{url: "https://www.un.org/en/", form: ""},
		{url: "https://example.org/A/RES/73/266", form: ""},
		{url: "www.undocs.org/A/RES/73/266", form: "undocs", symbol: "A/RES/73/266"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			l := ParseLink(tt.url)
			if l.Form != tt.form || l.Lang != tt.lang || l.RawLang != tt.raw || l.Symbol != tt.symbol || l.Opaque != tt.opaque {
				t.Errorf("ParseLink = form %q lang %q raw %q symbol %q opaque %v; want %q %q %q %q %v",
					l.Form, l.Lang, l.RawLang, l.Symbol, l.Opaque, tt.form, tt.lang, tt.raw, tt.symbol, tt.opaque)
			}
			if (tt.problem == "") != (l.Problem == "") || !strings.Contains(l.Problem, tt.problem) {
				t.Errorf("problem %q; want one mentioning %q", l.Problem, tt.problem)
			}
		})
	}
}

func TestNonstandardLang(t *testing.T) {
	for url, want := range map[string]bool{
		"https://undocs.org/ch/A/RES/73/266":                            true,
		"https://undocs.org/zh/A/RES/73/266":                            false,
		"https://undocs.org/A/RES/73/266":                               false,
		"https://documents.un.org/api/symbol/access?s=A/RES/73/266&l=C": false,
	} {
		l := ParseLink(url)
		if got := l.NonstandardLang(); got != want {
			t.Errorf("%s nonstandard = %v; want %v", url, got, want)
		}
	}
}

func TestFindURLs(t *testing.T) {
	text := "See https://undocs.org/en/A/RES/73/266. Also (https://undocs.org/S/RES/1540(2004)), " +
		"www.un.org/disarmament, and https://undocs.org/zh/CD/2141号文件 and ftp://x.org/y."
	var got []string
	for _, sp := range findURLs([]byte(text)) {
		got = append(got, text[sp[0]:sp[1]])
	}
	want := []string{"https://undocs.org/en/A/RES/73/266", "https://undocs.org/S/RES/1540(2004)", "www.un.org/disarmament", "https://undocs.org/zh/CD/2141"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("findURLs:\n got %q\nwant %q", got, want)
	}
}

func FuzzParseLink(f *testing.F) {
	for _, s := range []string{"https://undocs.org/ch/73/546", "https://undocs.org/pdf?symbol=en/A/RES/38/77", "http://[::1", "https://documents.un.org/api/symbol/access?s=%zz", "www.", "https://undocs.org/%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		l := ParseLink(u)
		if l.Symbol != "" && l.Problem != "" {
			t.Fatalf("%q: both a symbol %q and a problem %q", u, l.Symbol, l.Problem)
		}
	})
}
