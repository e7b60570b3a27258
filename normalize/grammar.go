package normalize

import "sort"

// A Grammar is the data that tells the extractor how one language cites UN
// documents. The extractor's code is the same for every language; adding a
// language means adding a Grammar value (grammar_ar.go, grammar_en.go,
// grammar_es.go, grammar_fr.go, grammar_ru.go, grammar_zh.go).
//
// All words are written in lower case, folded (ASCII digits and
// punctuation); matching ignores case and accepts any run of spaces where a
// word list has one space.
type Grammar struct {
	// Lang is the ISO 639-1 code of the language (en, es, zh …).
	Lang string

	// Triggers name the kind of document before the numbers
	// ("resolution 73/266", "resoluciones 2 (I) y 61/236").
	Triggers []Trigger
	// Tails name the kind after the numbers ("第73/266号决议"). Items of
	// languages with tails are wrapped by ItemPrefix and ItemSuffix.
	Tails []Trigger
	// ItemPrefix and ItemSuffix wrap a number in languages that write
	// "第 … 号". The first item must carry the prefix; the suffix is optional
	// on every item but the last one before the tail.
	ItemPrefix, ItemSuffix []string
	// TailBlockers follow a tail to say that the numbers were not documents
	// after all ("决议草案" is a draft resolution, numbered otherwise).
	TailBlockers []string

	// Adverbs may stand between a plural trigger and its first item
	// ("resolutions, in particular 1325 (2000), 1820 (2008)").
	Adverbs []string
	// AdverbArticles are the articles that may stand, one word each, for
	// the trigger after a plural trigger and an adverb, before an item in
	// the Security Council's style ("sus resoluciones, en particular la
	// 2334 (2016)").
	AdverbArticles []string
	// Epithets are adjectives, one word each, that may follow a trigger or
	// an organ named after it, before Numero or the numbers: Arabic puts
	// "previous" and "last" after the noun, in agreeing forms ("قراره
	// السابق رقم 2165", its previous resolution No. 2165; "قرار مجلس الأمن
	// الأخير 2254 (2015)"). A closed list of words that describe, never
	// words that point back ("المذكور", the said): those are anaphora.
	// French and Spanish put adjectives of praise there ("sa résolution
	// pionnière 1540 (2004)", "su resolución histórica 1540 (2004)").
	// Languages that put such adjectives before the noun ("its landmark
	// resolution", "su histórica resolución") need none.
	Epithets []string
	// Titles introduce the subject of an item, after which the
	// enumeration goes on ("74/270 of 2 April 2020 on solidarity, 74/274").
	Titles []string
	// Numero may stand between a trigger and its first number ("No.").
	Numero []string
	// Connectors join items of an enumeration (",", "and", "、", "和").
	Connectors []string
	// Ellipses stand for items left out of a quotation ("…").
	Ellipses []string
	// PartConnectors join part letters ("31/6 A and B", "3419 A to D").
	PartConnectors []string

	// Drafts, right before a trigger, turn "draft resolution 2" into a draft
	// numbered in its report, not a resolution.
	Drafts []string
	// Anaphora, right before a trigger, refer back ("that resolution"); the
	// extractor then expects no number.
	Anaphora []string

	// Refer, right before a trigger that has no number, points back at the
	// last citation of the trigger's kind ("that resolution", "ladite
	// résolution", "该决议"); ReferAfter does so right after the trigger
	// ("القرار المذكور"). Only singular words: "those resolutions" names no
	// one citation, and "the present resolution" is the text itself.
	Refer, ReferAfter []string

	// Organs name the bodies. OrganJoins link an organ named after the
	// numbers ("resolution 68/268 of the General Assembly"); an empty join
	// lets the name follow the numbers directly (Russian "резолюция 68/268
	// Генеральной Ассамблеи").
	Organs     []OrganName
	OrganJoins []string
	// OrganBetween lets the organ stand between the trigger and the numbers
	// ("قرار مجلس الأمن 1540 (2004)", "резолюция Совета Безопасности 1540
	// (2004)").
	OrganBetween bool
	// OrganSuffixes may follow an organ's name between it and the numbers:
	// the name of the United Nations ("قرار مجلس الأمن التابع للأمم المتحدة
	// 1325").
	OrganSuffixes []string
	// BetweenJoins may stand between the trigger and such an organ ("les
	// résolutions du Conseil de sécurité 1267 (1999)"); an elided "l’" is
	// read as part of the join before it ("de l’Assemblée").
	BetweenJoins []string

	// Proclitics are words written joined to the next one (Arabic "و"
	// and, "ب" by, "ل" for): a trigger or a number may carry one
	// ("والقرار", "و1820 (2008)").
	Proclitics []string
	// PartWords spell part letters as words (Arabic "ألف" for A, "باء"
	// for B).
	PartWords []PartWord
	// SessionWords stand for a Roman session numeral in parentheses, with
	// the session in digits: "217 ألف (د - 3)" is 217 A (III).
	SessionWords []string
	// Specials spell the special and emergency special sessions of a
	// symbol as words: Arabic "دإ-26/2" is S-26/2, "دإط-10/19" ES-10/19,
	// and "(دإ-6)" the session S-VI.
	Specials []SpecialWord
	// Reversed says that PDF text of the language may come with the digits
	// and brackets of a number reversed: "٢٧٨ ) ٣٩٩١ (" for 872 (1993).
	Reversed bool

	// Pins name paragraphs before a trigger ("paragraph 8 of resolution …"):
	// PinWords, the paragraph numbers, then one of PinJoins.
	// An empty PinJoin lets the numbers stand right before the trigger
	// (Russian "пункт 2 резолюции 2254 (2015)"). PinSkip are the words that
	// may stand between the join and the trigger ("its", "sa", "su").
	PinWords, PinJoins, PinSkip []string
	// PinTails name paragraphs after a tail ("号决议第2段"): PinTailPrefix,
	// a number, PinTailSuffix.
	PinTailPrefix, PinTailSuffix []string

	// Dates are the date clauses that may stand between items, as patterns
	// of words and placeholders: D day, M month name, Y four-digit year,
	// N a one- or two-digit number. Months lists month names.
	Dates  []string
	Months []string

	// Continuations join a suffix to the symbol before it
	// ("A/61/L.56 y Add.1").
	Continuations []string
	// PressRelease words before a symbol mark it as a press-release number.
	PressRelease []string

	// FunctionWords are frequent words that identify the language of a text.
	FunctionWords []string

	// Bodies are the head nouns (or their stems) of bodies that are not
	// principal organs: commissions, committees, boards, conferences,
	// agencies, unions. Named at a citation, they mean that its number is
	// no UN document symbol ("African Commission resolution 263"). In a
	// language with tails they are the endings of such names (委员会).
	Bodies []string
	// NameWords may stand inside a body's name ("of", "on", "and", "de").
	NameWords []string
	// UNNames may stand before an organ's name without making it another
	// body's ("United Nations General Assembly").
	UNNames []string
	// Possessives before a trigger make it the sentence subject's ("its
	// resolution"): another body as that subject means no UN symbol.
	Possessives []string
	// SubjectJoins are the prepositions that may stand between a body's
	// name and a possessive trigger it is the subject of ("in", "by").
	SubjectJoins []string
	// AgentWords introduce the agent of a passive ("adopted by the
	// Commission") or a clause ("that the Commission"): the name after them
	// is the subject of a possessive trigger that follows.
	AgentWords []string
	// OrganAcronyms are acronyms of the principal organs written before a
	// trigger or joined to it ("UNSC resolution 2231", "UNSCR 2231").
	OrganAcronyms []OrganName
	// OrganAcronymsAfter are acronyms too short to name an organ anywhere
	// but right after the numbers, after a join and in capitals ("la
	// resolución 1325 del CS"); "CS" alone names many things.
	OrganAcronymsAfter []OrganName
	// Locators are the divisions of a report or a volume of records
	// ("chap.", "sect.", "vol."), each followed by its numeral or letter. A
	// citation right after one ("(A/73/53), chap. IV, sect. A, resolution
	// 37/17") is printed in that report: the report's body issued it, which
	// only a symbol, an organ named at the citation or the Security
	// Council's year says; the organ of the sentence, the document or the
	// session is no evidence.
	Locators []string
	// Participles open a clause at the start of a sentence whose main
	// clause follows it after a comma ("Recalling resolution 1160 (…), the
	// Security Council demanded", "Ссылаясь на резолюцию 1160 …, Совет
	// Безопасности потребовал"): an organ as the main clause's subject,
	// right after the clause, is the subject of the citations in it.
	// Articles may stand before that organ's name ("the", "le").
	Participles, Articles []string
	// YearWords after a four-digit number make it a year, not a resolution
	// number ("резолюции 1995 года"); YearJoins before it do the same
	// ("la résolution de 1995", "the 1995 resolution" needs no rule).
	YearWords, YearJoins []string
}

// Trigger is a word that names a kind of document.
type Trigger struct {
	Word string
	Kind Kind
	// Stem accepts any letters after Word, for inflected languages
	// (резолюци- covers резолюция, резолюцию, резолюцией …).
	Stem bool
	// Organ is the organ a shorthand trigger names itself ("UNSCR 2231",
	// "UNSCR2231": a Security Council resolution). Such a trigger, written
	// in capitals, may be joined to its number.
	Organ Organ
}

// PartWord is a part letter spelled as a word.
type PartWord struct {
	Word   string
	Letter string
}

// SpecialWord is the prefix of a special ("S") or emergency special ("ES")
// session spelled as a word.
type SpecialWord struct {
	Word   string
	Prefix string
}

// OrganName is a way a language names an organ.
type OrganName struct {
	Name  string
	Organ Organ
}

// Grammars returns the built-in grammars, keyed by language code.
func Grammars() map[string]*Grammar {
	return map[string]*Grammar{"ar": &arabic, "en": &english, "es": &spanish, "fr": &french, "ru": &russian, "zh": &chinese}
}

// Languages returns the codes of the built-in grammars, sorted.
func Languages() []string {
	var l []string
	for k := range Grammars() {
		l = append(l, k)
	}
	sort.Strings(l)
	return l
}
