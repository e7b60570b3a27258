package normalize_test

import (
	"strings"
	"testing"

	"github.com/xref-un/xref/normalize"
)

// TestOrganEvidence: the organ of a citation comes from the text, and each
// citation says which evidence placed it. Every case names the class of
// forms it stands for.
func TestOrganEvidence(t *testing.T) {
	x := normalize.NewExtractor()
	for _, tc := range []struct {
		class, lang, text string
		want              string // "KEY organ_by; KEY organ_by", or "" for none
		opt               normalize.Options
	}{
		// The organ named in the phrase, in any language, including "the Council".
		{"organ named before", "en", "General Assembly resolution 73/266", "A/RES/73/266 named", normalize.Options{}},
		{"organ named after", "es", "la resolución 1540 (2004) del Consejo de Seguridad", "S/RES/1540(2004) named", normalize.Options{}},
		{"the Council before the number", "ar", "قرار المجلس 1540 (2004)", "S/RES/1540(2004) named", normalize.Options{}},
		{"the Council's decision of a year session", "en", "the Council's decision 2023/315", "E/DEC/2023/315 named", normalize.Options{}},
		{"organ and the name of the UN", "ar", "قرار مجلس الأمن التابع للأمم المتحدة رقم 1325", "S/RES/1325(2000) named", normalize.Options{}},
		{"organ before a date and a Chinese group", "zh", "回顾大会2022年12月15日第77/190号决议和人权理事会2022年10月6日第51/4号决议", "A/RES/77/190 named; A/HRC/RES/51/4 named", normalize.Options{}},
		{"organ after a list", "ru", "резолюции 1267 (1999) и 2253 (2015) Совета Безопасности", "S/RES/1267(1999) named; S/RES/2253(2015) named", normalize.Options{}},
		{"shorthand naming its organ", "en", "UNSCR 2231 and UNSCR2231", "S/RES/2231(2015) named; S/RES/2231(2015) named", normalize.Options{}},
		// The Security Council's N (YYYY).
		{"year in brackets", "fr", "la résolution 2118 (2013)", "S/RES/2118(2013) year", normalize.Options{}},
		// The sentence's subject.
		{"subject of the sentence", "en", "The Security Council, recalling its resolution 1325", "S/RES/1325(2000) subject", normalize.Options{}},
		// The document's organ.
		{"document's own organ", "en", "as resolution 1325 requires", "S/RES/1325(2000) document", normalize.Options{DefaultOrgan: normalize.OrganSC}},
		// The session the number carries, and its date.
		{"session of a new-style number", "en", "resolution 73/266", "A/RES/73/266 session", normalize.Options{}},
		{"Roman session of ECOSOC", "en", "resolution 1296 (XLIV)", "E/RES/1296(XLIV) session", normalize.Options{}},
		{"date placing a Human Rights Council session", "en", "its resolution 54/18 of 12 October 2023", "A/HRC/RES/54/18 session", normalize.Options{}},
		{"date contradicting every organ", "en", "resolution 42/1 of 13 February 2004", "", normalize.Options{}},
		{"ECOSOC session opening the year before", "en", "Economic and Social Council resolution 2021/3 of 25 October 2020", "E/RES/2021/3 named", normalize.Options{}},
		{"ECOSOC decisions of a session's first months", "en", "its decisions 2019/204 A of 9 November 2018 and 2019/204 B of 1 February 2019", "E/DEC/2019/204 session; E/DEC/2019/204 session", normalize.Options{}},
		{"ECOSOC date two years before", "en", "Economic and Social Council resolution 2021/3 of 25 October 2019", "", normalize.Options{}},
		// A bare number placed by what came before.
		{"same number cited before", "ru", "резолюции 1591 (2005), … Комитета, учрежденного резолюцией 1591", "S/RES/1591(2005) year; S/RES/1591(2005) context", normalize.Options{}},
		{"organ named in an earlier sentence", "en", "The Security Council met. It recalled resolution 2118.", "S/RES/2118(2013) context", normalize.Options{}},
		// No evidence: no citation, whatever a table knows.
		{"bare number, nothing placing it", "en", "a violation of resolution 2118", "", normalize.Options{}},
		{"chapter of a conference report", "en", "(A/CONF.191/13), chap. I, resolution 1, annex.", "A/CONF.191/13 symbol", normalize.Options{}},
		{"year, not a number", "ru", "резолюции 1995 года", "", normalize.Options{}},
		// A division of a report before the trigger: the report's body issued
		// it; the sentence, the document, the session and the context say
		// nothing of that body.
		{"section of a report, document organ", "en", "Official Records, Supplement No. 9 (E/2099/9), \nchap. I, sect. B, resolution 61/3, annex.",
			"E/2099/9 symbol", normalize.Options{DefaultOrgan: normalize.OrganGA}},
		{"section of a report, new-style session", "en", "(A/99/53), chap. V, sect. A, decision 44/101.", "A/99/53 symbol", normalize.Options{}},
		{"chapter of a report, organ in context", "en", "The Security Council met. 3 Report of the Conference (Sales No. E.99.IV.1), chap. I, resolution 2.",
			"", normalize.Options{}},
		{"volume title and a bracket", "en", "The General Assembly met. 4 Report of the Conference, vol. I, Resolutions Adopted (publication, Sales No. E.99.I.8), resolution 3.",
			"", normalize.Options{}},
		{"volume of records", "en", "The Security Council met. 5 Records of the Conference, vol. 1, Resolutions, sect. II, \nresolution 41.", "", normalize.Options{}},
		{"section of a report, organ named", "en", "(A/99/53), chap. V, sect. A, Human Rights Council resolution 44/1", "A/99/53 symbol; A/HRC/RES/44/1 named", normalize.Options{}},
		{"section of a report, year", "en", "(S/9999/2), chap. II, sect. B, resolution 1325 (2000)", "S/9999/2 symbol; S/RES/1325(2000) year", normalize.Options{}},
		{"annex of a resolution", "en", "Resolution 78/3, annex, resolution 78/4, annex", "A/RES/78/3 session; A/RES/78/4 session", normalize.Options{}},
		{"chapter of the Charter", "en", "under Chapter VII, resolution 73/266 was", "A/RES/73/266 session", normalize.Options{}},
		{"section in French", "fr", "(A/99/53), chap. V, sect. A, résolution 44/1", "A/99/53 symbol", normalize.Options{DefaultOrgan: normalize.OrganGA}},
		{"section in Spanish", "es", "(A/99/53), cap. V, secc. A, resolución 44/1", "A/99/53 symbol", normalize.Options{DefaultOrgan: normalize.OrganGA}},
		// Another body named: no UN symbol.
		{"other body before the trigger", "en", "African Commission on Human and Peoples' Rights resolution 263", "", normalize.Options{}},
		{"other body's acronym", "en", "International Telecommunication Union resolution 186 and ITU resolution 186", "", normalize.Options{}},
		{"other body after the items", "es", "la resolución 689 (XXXV) de la Comisión Económica para América Latina", "", normalize.Options{}},
		{"other body after a date", "fr", "la résolution 263, en date du 5 novembre 2013, de la Commission africaine", "", normalize.Options{}},
		{"other body in the genitive", "ru", "резолюцию 689 (XXXV) Экономической комиссии для Латинской Америки", "", normalize.Options{}},
		{"other body as subject", "en", "Bearing in mind that the Commission for Social Development, in its resolution 42/1, decided", "", normalize.Options{}},
		{"other body before a Chinese group", "zh", "拉丁美洲和加勒比经济委员会2014年5月9日第689(XXXV)号决议", "", normalize.Options{}},
		{"other body's board", "en", "UNICEF Executive Board decision 2023/4", "", normalize.Options{}},
		{"qualified organ noun", "en", "the World Health Assembly resolution 58/33", "", normalize.Options{}},
		// Common nouns are no bodies; the object of a participle is no subject.
		{"meeting as a common noun", "en", "the adoption earlier in this meeting of resolution 2272 (2016)", "S/RES/2272(2016) year", normalize.Options{}},
		{"body as object", "en", "the Commission established by its resolution 39 (1948)", "S/RES/39(1948) year", normalize.Options{}},
		{"committee established pursuant to", "en", "the Committee established pursuant to resolution 2127 (2013)", "S/RES/2127(2013) year", normalize.Options{}},
	} {
		var got []string
		for _, c := range x.Extract([]byte(tc.text), tc.opt) {
			got = append(got, c.Key+" "+string(c.OrganBy))
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("%s (%s) %q: got %q, want %q", tc.class, tc.lang, tc.text, g, tc.want)
		}
	}
}

// TestEnumerationForms: enumerations and shorthand the grammar follows.
func TestEnumerationForms(t *testing.T) {
	x := normalize.NewExtractor()
	for _, tc := range []struct{ class, text, want string }{
		{"adverb before the items", "resolutions, in particular 1325 (2000), 1820 (2008) and 1888 (2009)", "S/RES/1325(2000) S/RES/1820(2008) S/RES/1888(2009)"},
		{"titles between items", "resolutions 74/270 of 2 April 2020 on solidarity, 74/274 of 20 April 2020 on medicines and 74/306", "A/RES/74/270 A/RES/74/274 A/RES/74/306"},
		{"items and explicit symbols", "resolutions 60/1, 62/208 and A/63/1", "A/RES/60/1 A/RES/62/208 A/63/1"},
		{"no separators in Chinese", "安理会第1970(2011)1973(2011)2009(2011)号决议", "S/RES/1970(2011) S/RES/1973(2011) S/RES/2009(2011)"},
		{"Chinese without 第 or 号", "大会70/1决议", "A/RES/70/1"},
		{"Chinese special session without 第", "大会S-29/2号决议", "A/RES/S-29/2"},
		{"Arabic tatweel inside the trigger", "والقـرار 1820 (2008)", "S/RES/1820(2008)"},
		{"tokenised", "resolution 61 / 295 and S / RES / 1325 ( 2000 )", "A/RES/61/295 S/RES/1325(2000)"},
		{"wrapped", "resolution 61/\n295 and resolution 1540\n(2004)", "A/RES/61/295 S/RES/1540(2004)"},
		{"a title that ends the list", "resolution 74/270 on solidarity and 25 States", "A/RES/74/270"},
		{"a flat series and its number apart", "see CD document 2007 and document CD/2008", "CD/2007 CD/2008"},
		{"number in brackets after the trigger", "a General Assembly resolution (76/231) in 2021, resolution (2 pages)", "A/RES/76/231"},
	} {
		var got []string
		for _, c := range x.Extract([]byte(tc.text), normalize.Options{}) {
			got = append(got, c.Key)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s %q: got %q, want %q", tc.class, tc.text, g, tc.want)
		}
	}
}
