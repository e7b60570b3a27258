package normalize

// arabic is how Arabic UN texts cite documents (un-symbols.md §4.7):
// "القرار 1540 (2004)", "قرار مجلس الأمن 2254 (2015)", "قرارها 73/266
// المؤرخ 22 كانون الأول/ديسمبر 2018", "القرار 217 ألف (د - 3)". Triggers
// carry pronoun endings (قرارها, its resolution), so they are stems, and
// conjunctions and prepositions are written joined to the next word
// ("والقرار", "و1820 (2008)").
var arabic = Grammar{
	Lang: "ar",
	Triggers: []Trigger{
		{Word: "القرار", Kind: KindResolution, Stem: true},
		{Word: "قرار", Kind: KindResolution, Stem: true},
		{Word: "المقرر", Kind: KindDecision, Stem: true},
		{Word: "مقرر", Kind: KindDecision, Stem: true},
	},
	Proclitics:     []string{"و", "ف", "ب", "ل", "ك", "لل", "وب", "ول", "ولل", "فب", "فل", "فلل", "وك"},
	Numero:         []string{"رقم", "رقمي"},
	Connectors:     []string{"،", ",", "؛", ";", "و", "أو", "وكذلك", "إلى"},
	Ellipses:       []string{"…", "..."},
	PartConnectors: []string{"و", "إلى", "،", ",", "-"},
	PartWords: []PartWord{
		{"ألف", "A"}, {"باء", "B"}, {"جيم", "C"}, {"دال", "D"}, {"هاء", "E"}, {"واو", "F"},
		{"زاي", "G"}, {"حاء", "H"}, {"طاء", "I"}, {"ياء", "J"}, {"كاف", "K"}, {"لام", "L"},
		{"ميم", "M"}, {"نون", "N"}, {"سين", "O"}, {"عين", "P"}, {"فاء", "Q"}, {"صاد", "R"},
		{"قاف", "S"}, {"راء", "T"}, {"شين", "U"}, {"تاء", "V"}, {"ثاء", "W"}, {"خاء", "X"},
		{"ذال", "Y"}, {"ضاد", "Z"},
	},
	SessionWords: []string{"د", "الدورة"},
	Specials:     []SpecialWord{{"دإط", "ES"}, {"د إ ط", "ES"}, {"دإ", "S"}, {"د إ", "S"}},
	Reversed:     true,
	Drafts:       []string{"مشروع", "مشاريع", "بمشروع", "ومشروع", "لمشروع", "مشروعي", "مشروعا"},
	Anaphora:     []string{"هذا", "ذلك", "هذه", "تلك"},
	Refer:        []string{"ذلك"},
	ReferAfter:   []string{"المذكور", "نفسه", "ذاته", "السالف الذكر", "المشار إليه"},
	Organs: []OrganName{
		{"الجمعية العامة", OrganGA},
		{"للجمعية العامة", OrganGA},
		{"الجمعية", OrganGA},
		{"مجلس الأمن", OrganSC},
		{"مجلس الامن", OrganSC},
		{"لمجلس الأمن", OrganSC},
		{"لمجلس الامن", OrganSC},
		{"المجلس الاقتصادي والاجتماعي", OrganECOSOC},
		{"للمجلس الاقتصادي والاجتماعي", OrganECOSOC},
		{"مجلس حقوق الإنسان", OrganHRC},
		{"مجلس حقوق الانسان", OrganHRC},
		{"لمجلس حقوق الإنسان", OrganHRC},
		{"لجنة حقوق الإنسان", OrganCHR},
		{"لجنة حقوق الانسان", OrganCHR},
	},
	OrganJoins:   []string{"", "الصادر عن", "الصادرة عن", "الذي اتخذته", "الذي اتخذه", "التي اتخذتها", "التي اتخذها"},
	OrganBetween: true,
	PinWords:     []string{"الفقرات", "الفقرتين", "الفقرتان", "الفقرة", "والفقرة"},
	PinJoins:     []string{"من"},
	Dates: []string{"المؤرخ D M Y", "المؤرخة D M Y", "المؤرخين D M Y", "المؤرخ في D M Y", "المؤرخة في D M Y",
		"بتاريخ D M Y", "الصادر في D M Y", "المؤرخ D M", "المؤرخة D M"},
	Months: []string{"كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
		"تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
		"يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيه", "يونيو", "يوليه", "يوليو", "أغسطس", "سبتمبر",
		"أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر"},
	Continuations: []string{"و", "،", ","},
	PressRelease:  []string{"نشرة صحفية", "البيان الصحفي"},
	FunctionWords: []string{"في", "من", "على", "إلى", "أن", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كما", "لا", "ما"},
}
