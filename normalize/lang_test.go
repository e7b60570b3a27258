package normalize

import (
	"strings"
	"testing"
)

// The sentences below are written for these tests in the forms of
// un-symbols.md §4.5–4.7; the real quoted ones are in dev-gold.jsonl
// (gold_test.go).

func TestExtractFrench(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"security council", "Le Conseil a rappelé sa résolution 2254 (2015) et s’est félicité des progrès.",
			[]string{"S/RES/2254(2015)|résolution 2254 (2015)|organ=SC"}},
		{"organ after", "la résolution 73/266 de l’Assemblée générale, en date du 22 décembre 2018,",
			[]string{"A/RES/73/266|résolution 73/266|organ=GA"}},
		{"organ after with du", "la résolution 1540 (2004) du Conseil de sécurité", []string{"S/RES/1540(2004)|résolution 1540 (2004)"}},
		{"enumeration with dates", "Rappelant ses résolutions 73/27 du 5 décembre 2018 et 73/266 du 22 décembre 2018,",
			[]string{"A/RES/73/27|résolutions 73/27", "A/RES/73/266|73/266"}},
		{"parts", "ses résolutions 31/6 A et B", []string{"A/RES/31/6||parts=A+B"}},
		{"old style", "la résolution 1514 (XV) du 14 décembre 1960", []string{"A/RES/1514(XV)"}},
		{"decision", "par sa décision 70/551, l’Assemblée", []string{"A/DEC/70/551|décision 70/551|kind=decision"}},
		{"pin", "au paragraphe 5 de la résolution 2663 (2022)", []string{"S/RES/2663(2022)||pin=5"}},
		{"pin with its", "le paragraphe 8 de sa résolution 1654 (XVI)", []string{"A/RES/1654(XVI)||pin=8"}},
		{"human rights council", "la résolution 5/1 du Conseil des droits de l’homme", []string{"A/HRC/RES/5/1||organ=HRC"}},
		{"ecosoc", "la résolution 2019/5 du Conseil économique et social", []string{"E/RES/2019/5||organ=ECOSOC"}},
		{"document", "publié sous la cote A/73/152, le rapport", []string{"A/73/152"}},
		{"draft symbol", "le projet de résolution A/C.1/80/L.41 a été adopté", []string{"A/C.1/80/L.41||said=draft"}},
		{"numero sign", "la résolution n° 1373 (2001)", []string{"S/RES/1373(2001)|résolution n° 1373 (2001)"}},
		{"no-break spaces", "la résolution\u00a01540\u202f(2004)", []string{"S/RES/1540(2004)"}},
		{"capitals", "RÉSOLUTION 1701 (2006)", []string{"S/RES/1701(2006)"}},
		{"organ between", "les résolutions du Conseil de sécurité 1267 (1999), 1333 (2000) et 1390 (2002)",
			[]string{"S/RES/1267(1999)|résolutions du Conseil de sécurité 1267 (1999)|organ=SC", "S/RES/1333(2000)", "S/RES/1390(2002)"}},
		{"organ between, elided", "la résolution de l’Assemblée générale 73/266", []string{"A/RES/73/266||organ=GA"}},
		{"special sessions", "les résolutions ES-10/19, S-26/2 et 3201 (S-VI)", []string{"A/RES/ES-10/19", "A/RES/S-26/2", "A/RES/3201(S-VI)"}},
		{"continuation", "le rapport (A/78/123 et Corr.1)", []string{"A/78/123", "A/78/123/Corr.1|Corr.1"}},
		{"anaphora is no citation", "les paragraphes 6 et 7 de ladite résolution", nil},
		{"press release", "communiqué de presse CS/2669", nil},
	})
}

func TestExtractRussian(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"nominative", "Резолюция 1540 (2004) была принята единогласно.", []string{"S/RES/1540(2004)|Резолюция 1540 (2004)"}},
		{"instrumental, organ after", "принятой резолюцией 73/266 Генеральной Ассамблеи от 22 декабря 2018 года",
			[]string{"A/RES/73/266|резолюцией 73/266|organ=GA"}},
		{"organ between", "в соответствии с резолюцией Совета Безопасности 2254 (2015)",
			[]string{"S/RES/2254(2015)|резолюцией Совета Безопасности 2254 (2015)|organ=SC"}},
		{"enumeration with dates", "ссылаясь на свои резолюции 73/27 от 5 декабря 2018 года и 73/266 от 22 декабря 2018 года",
			[]string{"A/RES/73/27|резолюции 73/27", "A/RES/73/266|73/266"}},
		{"parts", "резолюции 31/6 A и B", []string{"A/RES/31/6||parts=A+B"}},
		{"cyrillic part letter", "резолюция 50/70 Р", []string{"A/RES/50/70||parts=P"}},
		{"cyrillic roman numeral", "резолюция 3263 (XXIХ)", []string{"A/RES/3263(XXIX)"}},
		{"decision", "решением 70/551 Генеральной Ассамблеи", []string{"A/DEC/70/551||kind=decision"}},
		{"decision genitive", "проект решения A/C.1/80/L.41", []string{"A/C.1/80/L.41||said=draft"}},
		{"pin", "в пункте 5 резолюции 2663 (2022)", []string{"S/RES/2663(2022)||pin=5"}},
		{"pin with its", "пункт 2 своей резолюции 73/266", []string{"A/RES/73/266||pin=2"}},
		{"human rights council", "резолюция 5/1 Совета по правам человека", []string{"A/HRC/RES/5/1||organ=HRC"}},
		{"ecosoc", "резолюция 2019/5 Экономического и Социального Совета", []string{"E/RES/2019/5||organ=ECOSOC"}},
		{"numero sign", "резолюция № 1373 (2001)", []string{"S/RES/1373(2001)"}},
		{"document", "в документе A/73/152 содержится доклад", []string{"A/73/152"}},
		{"anaphora is no citation", "пункты 6 и 7 этой резолюции", nil},
		{"press release", "пресс-релиз SC/12206", nil},
	})
}

func TestExtractArabic(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"security council", "اتخذ المجلس القرار 2254 (2015) بالإجماع", []string{"S/RES/2254(2015)|القرار 2254 (2015)|organ=SC"}},
		{"organ between", "قرار مجلس الأمن 1540 (2004)", []string{"S/RES/1540(2004)|قرار مجلس الأمن 1540 (2004)|organ=SC"}},
		{"its resolution with a date", "إذ تشير إلى قرارها 73/266 المؤرخ 22 كانون الأول/ديسمبر 2018 وقرارها 73/27",
			[]string{"A/RES/73/266|قرارها 73/266", "A/RES/73/27|قرارها 73/27"}},
		{"joined conjunction before the trigger", "والقرار 1673 (2006)", []string{"S/RES/1673(2006)|القرار 1673 (2006)"}},
		{"joined conjunction before the number", "قراراته 1267 (1999) و1373 (2001) و 1540 (2004)",
			[]string{"S/RES/1267(1999)", "S/RES/1373(2001)|1373 (2001)", "S/RES/1540(2004)|1540 (2004)"}},
		{"enumeration with dates", "قراري الجمعية العامة 73/27 المؤرخ 5 كانون الأول/ديسمبر 2018 و 73/266 المؤرخ 22 كانون الأول/ديسمبر 2018",
			[]string{"A/RES/73/27", "A/RES/73/266"}},
		{"part word and session", "القرار 217 ألف (د - 3)", []string{"A/RES/217(III)||parts=A"}},
		{"session word", "قراراتها رقم 194 (الدورة 3)", []string{"A/RES/194(III)"}},
		{"part words", "القرار 31/6 ألف وباء", []string{"A/RES/31/6||parts=A+B"}},
		{"part range", "القرار 3419 ألف إلى دال (د-30)", []string{"A/RES/3419(XXX)||parts=A+D"}},
		{"decision", "مقرر الجمعية العامة 70/551", []string{"A/DEC/70/551||kind=decision|organ=GA"}},
		{"human rights council", "قرار مجلس حقوق الإنسان 5/1", []string{"A/HRC/RES/5/1||organ=HRC"}},
		{"ecosoc", "قرار المجلس الاقتصادي والاجتماعي 2019/5", []string{"E/RES/2019/5||organ=ECOSOC"}},
		{"pin", "الفقرة 5 من القرار 2663 (2022)", []string{"S/RES/2663(2022)||pin=5"}},
		{"arabic-indic digits", "القرار ١٥٤٠ (٢٠٠٤)", []string{"S/RES/1540(2004)|القرار ١٥٤٠ (٢٠٠٤)"}},
		{"bidi marks", "القرار \u200f1540 (2004)\u200f", []string{"S/RES/1540(2004)"}},
		{"vowel marks", "القَرار 1540 (2004)", []string{"S/RES/1540(2004)|القَرار 1540 (2004)"}},
		{"reversed digits and brackets", "القرار ٢٧٨ ) ٣٩٩١ (", []string{"S/RES/872(1993)|القرار ٢٧٨ ) ٣٩٩١ ("}},
		{"mirrored brackets", "القرار 1540 )2004(", []string{"S/RES/1540(2004)|القرار 1540 )2004("}},
		{"document", "الوثيقة A/73/152", []string{"A/73/152"}},
		{"draft symbol", "مشروع القرار A/C.1/80/L.41", []string{"A/C.1/80/L.41||said=draft"}},
		{"special sessions", "والقرارات دإط-10/19 ودإ-26/2 و 3201 (دإ-6)",
			[]string{"A/RES/ES-10/19|القرارات دإط-10/19", "A/RES/S-26/2|دإ-26/2", "A/RES/3201(S-VI)|3201 (دإ-6)"}},
		{"continuation", "التقرير (A/78/123 و Corr.1)", []string{"A/78/123", "A/78/123/Corr.1|Corr.1"}},
		{"anaphora is no citation", "الفقرة 6 من القرار المذكور", nil},
		// Epithets: "previous" and "last" after the trigger or the organ.
		{"epithet and number word", "ومدد مجلس الأمن ولاية البعثة بموجب قراره السابق رقم 2501",
			[]string{"S/RES/2501(2019)|قراره السابق رقم 2501|organ=SC"}},
		{"epithet before a year", "وإذ يذكّر بالقرار الأخير 2401 (2018)", []string{"S/RES/2401(2018)|القرار الأخير 2401 (2018)"}},
		{"epithet of a dual", "القرارين السابقين 2401 (2018) و2532 (2020)",
			[]string{"S/RES/2401(2018)|القرارين السابقين 2401 (2018)", "S/RES/2532(2020)|2532 (2020)"}},
		{"epithet of a plural", "قراراتها السابقة 73/27 و73/266", []string{"A/RES/73/27|قراراتها السابقة 73/27", "A/RES/73/266"}},
		{"epithet after the organ", "قرار الجمعية العامة الأخير 74/270", []string{"A/RES/74/270|قرار الجمعية العامة الأخير 74/270|organ=GA"}},
		{"epithet without hamza", "مقرر الجمعية العامة الاخير 70/551", []string{"A/DEC/70/551||kind=decision"}},
		{"epithet, bare number without organ", "القرار السابق 15 بندا", nil},
		{"epithet without trigger", "الاجتماع السابق 2401 (2018)", nil},
		{"said is anaphora, not an epithet", "القرار المذكور 2401", nil},
		{"draft with an epithet", "مشروع القرار السابق 2", nil},
	})
}

// TestAnaphora: with Options.Anaphora, references back point at the last
// citation of their kind, with their pins, in every language.
func TestAnaphora(t *testing.T) {
	x := NewExtractor()
	tests := []struct {
		name, in string
		want     []string // key|text|pin|antecedent text
	}{
		{"en pin", "Recalling resolution 1540 (2004), and paragraphs 2 to 5 of that resolution,",
			[]string{"S/RES/1540(2004)|resolution 1540 (2004)||", "S/RES/1540(2004)|that resolution|2|resolution 1540 (2004)"}},
		{"en repeat", "The Assembly adopted resolution 73/266. That resolution was welcomed.",
			[]string{"A/RES/73/266|resolution 73/266||", "A/RES/73/266|That resolution||resolution 73/266"}},
		{"es", "la resolución 73/266 y el párrafo 3 de dicha resolución",
			[]string{"A/RES/73/266|resolución 73/266||", "A/RES/73/266|dicha resolución|3|resolución 73/266"}},
		{"fr", "des paragraphes 1, 2 et 3 de la résolution 1540 (2004) et des paragraphes 6 et 7 de ladite résolution",
			[]string{"S/RES/1540(2004)|résolution 1540 (2004)|1|", "S/RES/1540(2004)|ladite résolution|6|résolution 1540 (2004)"}},
		{"zh", "安理会第1540(2004)号决议。该决议第2段要求各国",
			[]string{"S/RES/1540(2004)|第1540(2004)号决议||", "S/RES/1540(2004)|该决议第2段|2|第1540(2004)号决议"}},
		{"ru", "резолюция 1540 (2004), а также пункт 2 этой резолюции",
			[]string{"S/RES/1540(2004)|резолюция 1540 (2004)||", "S/RES/1540(2004)|этой резолюции|2|резолюция 1540 (2004)"}},
		{"ar", "القرار 1540 (2004) والفقرة 2 من القرار المذكور",
			[]string{"S/RES/1540(2004)|القرار 1540 (2004)||", "S/RES/1540(2004)|القرار المذكور|2|القرار 1540 (2004)"}},
		{"kind decides", "resolution 73/266 and decision 70/551; that resolution",
			[]string{"A/RES/73/266", "A/DEC/70/551", "A/RES/73/266|that resolution||resolution 73/266"}},
		{"plural is not one citation", "resolutions 73/27 and 73/266; those resolutions", []string{"A/RES/73/27", "A/RES/73/266"}},
		{"the present resolution is the text itself", "recalling resolution 73/266, decides that the present resolution", []string{"A/RES/73/266"}},
		{"nothing to point at", "that resolution was adopted", nil},
		{"draft", "第 73/266 号决议。该决议草案", []string{"A/RES/73/266"}},
		{"another resolution between", "第 73/546 号决议……1995 年关于中东问题的决议……全面执行该决议", []string{"A/RES/73/546"}},
		{"the resolution keeps the chain", "resolution 73/266. The resolution created a group. That resolution",
			[]string{"A/RES/73/266", "A/RES/73/266|That resolution||resolution 73/266"}},
		{"a resolution breaks it", "resolution 73/266. A resolution on outer space followed. That resolution", []string{"A/RES/73/266"}},
		{"line break inside a tail", "第1540(2004)号决议。根据该决\n\n议第 6 段", []string{"S/RES/1540(2004)", "S/RES/1540(2004)|该决\n\n议第 6 段|6|第1540(2004)号决议"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Citation
			x.Scan([]byte(tt.in), Options{Anaphora: true}, func(c Citation) { got = append(got, c) })
			if len(got) != len(tt.want) {
				t.Fatalf("found %s; want %q", describe(tt.in, got), tt.want)
			}
			for i, w := range tt.want {
				f := strings.Split(w+"|||", "|")
				c := got[i]
				checkSpan(t, tt.in, c)
				if c.Key != f[0] || (f[1] != "" && tt.in[c.Start:c.End] != f[1]) || c.Pin != f[2] {
					t.Errorf("citation %d = %s %q pin %q; want %s", i, c.Key, tt.in[c.Start:c.End], c.Pin, w)
				}
				if f[3] != "" {
					if c.Form != FormAnaphora || !strings.HasPrefix(tt.in[c.AntecedentStart:], f[3]) {
						t.Errorf("citation %d: form %s, antecedent at %d; want an anaphora of %q", i, c.Form, c.AntecedentStart, f[3])
					}
				} else if c.Form == FormAnaphora {
					t.Errorf("citation %d is an anaphora", i)
				}
			}
		})
	}
}
