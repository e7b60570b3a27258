package normalize

import "testing"

// The sentences below are invented for these tests, each in the form of a
// class of citations that real text writes (docs/citations.md).

// TestPressOrganNames: the names the press gives the principal organs place
// a citation as their official names do.
func TestPressOrganNames(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"ar international Security Council between", "وأشار إلى قرار مجلس الأمن الدولي رقم 2139 (2014) بشأن المساعدة.",
			[]string{"S/RES/2139(2014)|قرار مجلس الأمن الدولي رقم 2139 (2014)|organ=SC"}},
		{"ar international Security Council, bare number", "ودعا إلى تنفيذ قرار مجلس الأمن الدولي 2139 فورا.",
			[]string{"S/RES/2139(2014)|قرار مجلس الأمن الدولي 2139|organ=SC"}},
		{"ar Egyptian spelling", "طالب بتطبيق قرار مجلس الامن الدولى رقم 2139.", []string{"S/RES/2139(2014)||organ=SC"}},
		{"ru Sovbez as subject", "Совбез ООН во вторник принял резолюцию 2139.", []string{"S/RES/2139(2014)|резолюцию 2139|organ=SC"}},
		{"ru Sovbez after the number", "выполнение резолюции 2139 Совбеза ООН затянулось", []string{"S/RES/2139(2014)||organ=SC"}},
		{"ru SB OON between", "в связи с резолюцией СБ ООН 2139", []string{"S/RES/2139(2014)|резолюцией СБ ООН 2139|organ=SC"}},
		{"ru Genassambleya", "Генассамблея ООН одобрила резолюцию 68/262.", []string{"A/RES/68/262||organ=GA"}},
		{"fr CSNU", "la résolution 2139 du CSNU", []string{"S/RES/2139(2014)||organ=SC"}},
		{"es Consejo de Seguridad de la ONU between", "la resolución del Consejo de Seguridad de la ONU 2139", []string{"S/RES/2139(2014)||organ=SC"}},
		// Negative: a word that only looks like a press name.
		{"ru Saturday is no organ", "Семинар (сб) разобрал пункт 2139 программы.", nil},
	})
}

// TestArabicUNAdjective: "الأممي" (of the UN) after the trigger names the
// Organization, not an organ; the organ still comes from evidence.
func TestArabicUNAdjective(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"with an organ in the sentence", "اعتمد مجلس الأمن القرار الأممي 2139 بالإجماع.", []string{"S/RES/2139(2014)|القرار الأممي 2139"}},
		{"with the Council's year", "نص القرار الأممي 2139 (2014) على ذلك.", []string{"S/RES/2139(2014)|القرار الأممي 2139 (2014)"}},
		{"no evidence, no citation", "نص القرار الأممي 2139 على ذلك.", nil},
		{"bracketed number with a year clause", "وقد أيدت الأمم المتحدة الخطة عبر القرار (2139) عام 2014، ثم تابعت.",
			[]string{"S/RES/2139(2014)|القرار (2139) عام 2014|organ=SC"}},
		{"bracketed number without a year is no citation", "يؤكد القرار الأممي (2139) على ذلك.", nil},
	})
}

// TestClausesBetweenItems: dates of a month and a year, participle clauses
// and blank lines between the items of an enumeration.
func TestClausesBetweenItems(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"fr month and year after d’", "ses résolutions 660 (1990) d’août 1990, 678 (1990) du 29 novembre 1990 et 687 (1991)",
			[]string{"S/RES/660(1990)", "S/RES/678(1990)", "S/RES/687(1991)"}},
		{"fr month and year after d' and de", "les résolutions 660 (1990) d'août 1990, 678 (1990) de novembre 1990 et 687 (1991)",
			[]string{"S/RES/660(1990)", "S/RES/678(1990)", "S/RES/687(1991)"}},
		{"ru month and year", "резолюции 660 (1990) от августа 1990 года и 678 (1990)", []string{"S/RES/660(1990)", "S/RES/678(1990)"}},
		{"ar month and year", "القرارين 660 (1990) المؤرخ آب/أغسطس 1990 و678 (1990)", []string{"S/RES/660(1990)", "S/RES/678(1990)"}},
		{"fr participle clause between Council items", "les résolutions 1267 (1999) créant un comité des sanctions, 1373 (2001) créant un autre comité, et 1540 (2004) instituant le troisième",
			[]string{"S/RES/1267(1999)", "S/RES/1373(2001)", "S/RES/1540(2004)"}},
		{"en participle clause", "resolutions 1267 (1999) establishing a sanctions committee and 1373 (2001) establishing another",
			[]string{"S/RES/1267(1999)", "S/RES/1373(2001)"}},
		{"es relative clause after a comma", "las resoluciones 1267 (1999), que establece un comité, y 1373 (2001)",
			[]string{"S/RES/1267(1999)", "S/RES/1373(2001)"}},
		// Negative: the next number is not in the Council's style.
		{"clause before a number of another form", "resolutions 1267 (1999) establishing a committee of 15 members and 40 observers",
			[]string{"S/RES/1267(1999)"}},
		{"clause that holds another citation", "resolution 1267 (1999) and decision 2005 (2004) of the committee, 1373 (2001)",
			[]string{"S/RES/1267(1999)"}},
		{"blank lines before a bracketed year", "las resoluciones 1267 (1999), 1989\n\n\n(2011) y 2253 (2015)",
			[]string{"S/RES/1267(1999)", "S/RES/1989(2011)|1989\n\n\n(2011)", "S/RES/2253(2015)"}},
		// Negative: blank lines before anything but a bracketed year end the citation.
		{"blank lines before other text", "the Council recalled resolution 1989\n\n\n(see annex)", []string{"S/RES/1989(2011)|resolution 1989"}},
	})
}

// TestMeetingNumbersContinued: bare numbers after a symbol whose last
// component is a keyword and a number, in the same brackets or list.
func TestMeetingNumbersContinued(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"in brackets", "las actas resumidas (A/C.3/58/SR.12, 14, 19 y 23).",
			[]string{"A/C.3/58/SR.12", "A/C.3/58/SR.14|14", "A/C.3/58/SR.19|19", "A/C.3/58/SR.23|23"}},
		{"a list closed by and", "see A/C.2/60/SR.5, 8 and 11.", []string{"A/C.2/60/SR.5", "A/C.2/60/SR.8|8", "A/C.2/60/SR.11|11"}},
		{"verbatim records", "(S/PV.8001 and 8005)", []string{"S/PV.8001", "S/PV.8005|8005"}},
		// Negative: an open list, a smaller number, a range, another keyword.
		{"an open list", "see A/C.2/60/SR.5, 8 delegations spoke", []string{"A/C.2/60/SR.5"}},
		{"a smaller number", "(A/C.2/60/SR.5 and 3)", []string{"A/C.2/60/SR.5"}},
		{"a range is not expanded", "documents A/C.3/75/L.55 to A/C.3/75/L.58", []string{"A/C.3/75/L.55", "A/C.3/75/L.58"}},
		{"not a keyword component", "(A/60/5, 7 and 9)", []string{"A/60/5"}},
	})
}

// TestOCRSplitNumber: a number followed on its line by another digit group
// is an OCR split, no bare number completed from the table of years.
func TestOCRSplitNumber(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"split number", "Совет Безопасности РЕЗОЛЮЦИЯ 1 16 0 (1998),", nil},
		{"split in English", "the Security Council adopted resolution 1 54 0 (2004)", nil},
		// A year that lost its brackets stays a year.
		{"year without brackets", "Recalling its resolution 841 1993 of 16 June 1993, the Council", []string{"S/RES/841(1993)|resolution 841"}},
	})
}

// TestParticipleClauseSubject: a participle clause opening the sentence and
// a principal organ as the main clause's subject right after it.
func TestParticipleClauseSubject(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"en", "Recalling resolution 1160 of 31 March 1998, the Security Council demanded an end to the violence.", []string{"S/RES/1160(1998)"}},
		{"fr", "Rappelant la résolution 1160 du 31 mars 1998, le Conseil de sécurité a exigé la fin des violences.", []string{"S/RES/1160(1998)"}},
		{"es", "Recordando la resolución 1160, de 31 de marzo de 1998, el Consejo de Seguridad exigió el fin de la violencia.", []string{"S/RES/1160(1998)"}},
		{"ru", "Ссылаясь на резолюцию 1160 от 31 марта 1998 года, Совет Безопасности Организации Объединенных Наций потребовал прекратить насилие.", []string{"S/RES/1160(1998)"}},
		{"zh", "回顾第1160号决议，安理会要求停止暴力。", []string{"S/RES/1160(1998)"}},
		{"en the Council", "Recalling resolution 1160, the Council demanded an end to the violence.", []string{"S/RES/1160(1998)"}},
		// Negative: another subject, another council, an item of the clause, no participle.
		{"another subject", "Recalling resolution 1160, France demanded an end to the violence.", nil},
		{"another council", "Recalling resolution 1160, the Council of Europe demanded an end to the violence.", nil},
		{"an organ that begins another item", "Recalling resolution 1160, Security Council resolution 1199 (1998) and others, the members spoke.",
			[]string{"S/RES/1199(1998)"}},
		{"no participle at the head", "France, recalling resolution 1160, the Security Council and others, spoke.", nil},
	})
}

// TestTitlesBetweenItems: a title between two items may hold a name in
// brackets, words with digits, quotation marks with a colon inside, and
// follow a comma; the enumeration goes on after it.
func TestTitlesBetweenItems(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"bracketed name in a title", "Recalling its resolutions 71/10 of 1 May 2017 on the avian disease (H5N1), 71/12 of 2 May 2017 on water",
			[]string{"A/RES/71/10|resolutions 71/10", "A/RES/71/12|71/12"}},
		{"quoted title after a comma", "Recalling its resolutions 71/10 of 1 May 2017, entitled “Partnerships: a new agenda for G20 members”, and 71/12 of 2 May 2017",
			[]string{"A/RES/71/10|resolutions 71/10", "A/RES/71/12|71/12"}},
		{"long title", "Recalling its resolutions 71/10 of 1 May 2017 on cooperation among the regional and subregional organizations to ensure fair access to clean water, sanitation and hygiene services in every country and 71/12",
			[]string{"A/RES/71/10|resolutions 71/10", "A/RES/71/12|71/12"}},
		{"tokenised bracketed name", "Recalling its resolutions 71 / 10 of 1 May 2017 on the avian disease ( H5N1 ) , 71 / 12 of 2 May 2017",
			[]string{"A/RES/71/10|resolutions 71 / 10", "A/RES/71/12|71 / 12"}},
		{"number in brackets after the trigger, tokenised", "a new General Assembly resolution ( 71 / 10 ) in 2017", []string{"A/RES/71/10|resolution ( 71 / 10"}},
		{"number inside a quoted title", "Recalling its resolutions 71/10 of 1 May 2017, entitled “The 2040 Agenda for water”, and 71/12 of 2 May 2017",
			[]string{"A/RES/71/10|resolutions 71/10", "A/RES/71/12|71/12"}},
		{"quoted title with no word before it", "las resoluciones 71/10, “Nuestro mundo: la Agenda 2040”, y 71/12, sobre el agua",
			[]string{"A/RES/71/10|resoluciones 71/10", "A/RES/71/12|71/12"}},
		{"title in guillemets", "ses résolutions 71/10, « Notre monde : le Programme 2040 », et 71/12",
			[]string{"A/RES/71/10|résolutions 71/10", "A/RES/71/12|71/12"}},
		// Negative: a year in brackets, or a sentence's end, closes the title.
		{"year in brackets ends the title", "Recalling its resolution 71/10 on the meeting (2017), 71/12 of them", []string{"A/RES/71/10|resolution 71/10"}},
		{"sentence end ends the title", "Recalling its resolution 71/10 on water. In 2019, 71/12 States", []string{"A/RES/71/10|resolution 71/10"}},
	})
}

// TestRussianLatinN: Russian legal texts write the Latin "N" for "№".
func TestRussianLatinN(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"N between the organ and the number", "во исполнение резолюции Совета Безопасности ООН N 2139 от 22 февраля 2014 года",
			[]string{"S/RES/2139(2014)|резолюции Совета Безопасности ООН N 2139"}},
		{"N with no organ", "в приложении N 5 к резолюции", nil},
	})
}

// TestCouncilSymbolYear: a Security Council resolution's symbol written
// without its year is keyed with it, as every version of the text shares
// it; the year is never added to a number the table does not know, and a
// year the text writes stays.
func TestCouncilSymbolYear(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"symbol without its year", "Resolution (S/RES/1540) was adopted unanimously.", []string{"S/RES/1540(2004)|S/RES/1540"}},
		{"symbol with its year", "See S/RES/1540 (2004).", []string{"S/RES/1540(2004)|S/RES/1540 (2004)"}},
		{"number the table does not know", "See S/RES/9990.", []string{"S/RES/9990|S/RES/9990"}},
		{"a resolution of another organ", "See A/RES/1540.", []string{"A/RES/1540|A/RES/1540"}},
	})
}

// TestPlaceholderSymbol: a draft's placeholder for a number ("S/2015/XXX")
// names no document; a real symbol beside it still does.
func TestPlaceholderSymbol(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"placeholder", "the plan concluded on 14 July 2015 (S/2031/XXX, annex A)", nil},
		{"placeholder beside a symbol", "see S/2031/XXX and S/2031/15", []string{"S/2031/15|S/2031/15"}},
	})
}
