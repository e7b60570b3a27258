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
