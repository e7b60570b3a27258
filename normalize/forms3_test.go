package normalize

import "testing"

// The sentences below are invented for these tests, each in the form of a
// class of citations that meeting records write (docs/citations.md).

// TestSymbolListsContinued: numbers continuing a symbol after Add., Corr.,
// Rev. and the other numbered keywords, items that repeat the keyword, and
// lists that cross a line break.
func TestSymbolListsContinued(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"fr Add. and a number", "(voir S/2030/12/Add.3 et 8; S/2031/4)",
			[]string{"S/2030/12/Add.3", "S/2030/12/Add.8|8", "S/2031/4"}},
		{"fr Add. list across a line break, closed by the bracket", "(voir S/2030/12/Add.3; S/2031/4/Add.2, 5, 9\net 11)",
			[]string{"S/2030/12/Add.3", "S/2031/4/Add.2", "S/2031/4/Add.5|5", "S/2031/4/Add.9|9", "S/2031/4/Add.11|11"}},
		{"en bracket opened on the line before", "Texts before the Committee (see\nA/C.2/90/L.3, 7 and 9)",
			[]string{"A/C.2/90/L.3", "A/C.2/90/L.7|7", "A/C.2/90/L.9|9"}},
		{"en items repeating the keyword need no close", "Draft resolutions A/C.2/90/L.4, L.12 9. The Chair said",
			[]string{"A/C.2/90/L.4", "A/C.2/90/L.12|L.12"}},
		{"es Corr. repeated", "los documentos A/90/7/Corr.1, Corr.2 y Corr.3.",
			[]string{"A/90/7/Corr.1", "A/90/7/Corr.2|Corr.2", "A/90/7/Corr.3|Corr.3"}},
		// Negative: bare numbers after the last repeated keyword, in a list
		// that does not close, are other numbers.
		{"bare numbers after a repeated keyword without a close", "Draft resolutions A/C.2/90/L.4, L.12, 15 delegations spoke",
			[]string{"A/C.2/90/L.4", "A/C.2/90/L.12|L.12"}},
		{"a decreasing number ends the list", "S/2030/12/Add.8 and 3 other texts", []string{"S/2030/12/Add.8"}},
		{"a list does not cross two line breaks", "(S/2030/12/Add.3,\n\n5 members)", []string{"S/2030/12/Add.3"}},
		{"another keyword is no item", "A/C.2/90/L.4, SR.12 and 13.", []string{"A/C.2/90/L.4"}},
	})
}

// TestProvisionalAgendas: the Security Council's provisional agendas are the
// series S/Agenda/.
func TestProvisionalAgendas(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"agenda", "Provisional agenda (S/Agenda/9901)", []string{"S/Agenda/9901|S/Agenda/9901|organ=SC"}},
		{"agenda revised", "Provisional agenda (S/Agenda/9901/Rev.1) adopted", []string{"S/Agenda/9901/Rev.1"}},
		{"agenda in capitals", "S/AGENDA/9901", []string{"S/Agenda/9901"}},
		// Negative: a common noun in lower case is no series word.
		{"lower case is no symbol", "the S/agenda/9901 page", nil},
	})
}

// TestKeywordWithoutNumber: a symbol never ends on a keyword that takes a
// number; a space between the keyword's dot and its number is typesetting.
func TestKeywordWithoutNumber(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"space after L.", "(A/C.2/90/L. 4)", []string{"A/C.2/90/L.4|A/C.2/90/L. 4"}},
		{"space after L. in a list", "(A/C.2/90/L. 4, L.9)", []string{"A/C.2/90/L.4", "A/C.2/90/L.9|L.9"}},
		{"space after SR.", "see A/C.2/90/SR. 12.", []string{"A/C.2/90/SR.12"}},
		// Negative: no number after the keyword, no citation.
		{"bare L", "(A/C.2/90/L. r, 8)", nil},
		{"bare Add at the end", "see S/2030/12/Add.", nil},
		{"two spaces are not typesetting", "see A/C.2/90/L.  4", nil},
	})
}

// TestSecurityCouncilYearFromDate: a Security Council number the year table
// does not know takes the year of its date clause, when that year fits the
// numbers around it; the table's later years come from cited facts.
func TestSecurityCouncilYearFromDate(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"en table knows a recent number", "The Security Council recalled resolution 2715 of its last session.", []string{"S/RES/2715(2023)|resolution 2715"}},
		{"en unknown number, date clause", "The Security Council, recalling its resolution 2562 of 14 January 2021, decided",
			[]string{"S/RES/2562(2021)|resolution 2562"}},
		{"en number after the table, date clause", "The Security Council, recalling its resolution 2901 of 3 March 2026, decided",
			[]string{"S/RES/2901(2026)|resolution 2901"}},
		{"ar Levantine month", "وأشار مجلس الأمن إلى القرار رقم 2620 المؤرخ في 2 شباط 2022 بشأن السودان.",
			[]string{"S/RES/2620(2022)|القرار رقم 2620"}},
		// Negative: a year that does not fit the numbers around it gives none.
		{"en date before the known neighbours", "The Security Council, recalling its resolution 2562 of 14 January 2017, decided",
			[]string{"S/RES/2562|resolution 2562"}},
		{"en table wins over a date", "The Security Council, recalling its resolution 2334 of 23 December 2017, decided",
			[]string{"S/RES/2334(2016)|resolution 2334"}},
	})
}

// TestArabicInternationalAdjective: "الدولي" (international) after the
// trigger names no organ, and after an organ's name hides none.
func TestArabicInternationalAdjective(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"organ in the sentence", "ناقش مجلس الأمن القرار الدولي رقم 2139 أمس.", []string{"S/RES/2139(2014)|القرار الدولي رقم 2139|organ=SC"}},
		{"with the Council's year", "نص القرار الدولي 2139 (2014) على ذلك.", []string{"S/RES/2139(2014)|القرار الدولي 2139 (2014)"}},
		{"after the organ's name", "وطالب بتنفيذ قرار مجلس الأمن الدولي رقم 2139 فورا.", []string{"S/RES/2139(2014)|قرار مجلس الأمن الدولي رقم 2139|organ=SC"}},
		{"feminine, General Assembly", "واعتمدت الجمعية العامة القرارات الدولية 68/262 و69/1.", []string{"A/RES/68/262", "A/RES/69/1"}},
		// Negative: no organ anywhere, no citation.
		{"no evidence", "نص القرار الدولي رقم 2139 على ذلك.", nil},
	})
}

// TestAdjectiveAfterTrigger: French and Spanish adjectives of praise between
// a trigger and its number, from a closed list; languages that put them
// before the noun need no rule.
func TestAdjectiveAfterTrigger(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"fr pionnière", "Le Conseil a rappelé sa résolution pionnière 1540 (2004).", []string{"S/RES/1540(2004)|résolution pionnière 1540 (2004)"}},
		{"fr historique, organ subject", "Le Conseil de sécurité a rappelé sa résolution historique 1540.", []string{"S/RES/1540(2004)||organ=SC"}},
		{"es histórica after", "El Consejo recordó su resolución histórica 1540 (2004).", []string{"S/RES/1540(2004)|resolución histórica 1540 (2004)"}},
		{"es histórica before", "El Consejo recordó su histórica resolución 1540 (2004).", []string{"S/RES/1540(2004)|resolución 1540 (2004)"}},
		{"en landmark", "The Council recalled its landmark resolution 1540 (2004).", []string{"S/RES/1540(2004)|resolution 1540 (2004)"}},
		// Negative: an adjective not in the list, and a listed one with no
		// evidence for the organ.
		{"fr other adjective", "Le Conseil a rappelé sa résolution adoptée 1540 (2004).", nil},
		{"fr listed adjective, no organ", "Le texte cite la résolution historique 1540.", nil},
	})
}

// TestArticleAfterAdverb: after a plural trigger and an adverb, an article
// and a number with the Council's bracketed year are the next item.
func TestArticleAfterAdverb(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"es la", "Israel viola sus resoluciones, en particular la 2334 (2016), y otras.",
			[]string{"S/RES/2334(2016)|resoluciones, en particular la 2334 (2016)"}},
		{"fr la", "Le Conseil a réaffirmé ses résolutions, notamment la 1701 (2006).",
			[]string{"S/RES/1701(2006)|résolutions, notamment la 1701 (2006)"}},
		// Negative: a number without the bracketed year, and a singular
		// trigger.
		{"es no year", "Las resoluciones, en particular la 25 de sus miembros.", nil},
		{"es singular trigger", "Su resolución, en particular la 2334 (2016).", nil},
	})
}

// TestCouncilAcronymAfterNumber: "CS" names the Security Council only in
// capitals right after the number, after a join.
func TestCouncilAcronymAfterNumber(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"es del CS", "el examen de la Resolución 1325 del CS, celebrado en 2015.", []string{"S/RES/1325(2000)|Resolución 1325|organ=SC"}},
		{"fr du CS", "la mise en œuvre de la résolution 1325 du CS en 2015.", []string{"S/RES/1325(2000)|résolution 1325|organ=SC"}},
		// Negative: a press release number, lower case, and CS elsewhere.
		{"press release", "la resolución 1325 del CS/2669.", nil},
		{"lower case", "la resolución 1325 del cs de la escuela.", nil},
		{"CS before the trigger", "el CS aprobó la resolución 1325.", nil},
	})
}
