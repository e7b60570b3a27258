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
		// The press calls the Council "the international Security
		// Council"; Egyptian spelling ends the adjective in ى.
		{"مجلس الأمن الدولي", OrganSC},
		{"مجلس الامن الدولي", OrganSC},
		{"لمجلس الأمن الدولي", OrganSC},
		{"لمجلس الامن الدولي", OrganSC},
		{"مجلس الأمن الدولى", OrganSC},
		{"مجلس الامن الدولى", OrganSC},
		{"لمجلس الأمن الدولى", OrganSC},
		{"لمجلس الامن الدولى", OrganSC},
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
		{"المجلس", organCouncil},
		{"للمجلس", organCouncil},
	},
	OrganJoins:   []string{"", "الصادر عن", "الصادرة عن", "الذي اتخذته", "الذي اتخذه", "التي اتخذتها", "التي اتخذها"},
	OrganBetween: true,
	PinWords:     []string{"الفقرات", "الفقرتين", "الفقرتان", "الفقرة", "والفقرة"},
	PinJoins:     []string{"من"},
	Participles:  []string{"إذ يشير", "وإذ يشير", "إذ تشير", "وإذ تشير", "إذ يؤكد", "وإذ يؤكد", "إذ تؤكد", "وإذ تؤكد", "مشيرا إلى", "مشيراً إلى"},
	Dates: []string{"المؤرخ D M Y", "المؤرخة D M Y", "المؤرخين D M Y", "المؤرخ في D M Y", "المؤرخة في D M Y",
		"بتاريخ D M Y", "الصادر في D M Y", "المؤرخ D M", "المؤرخة D M",
		"المؤرخ M Y", "المؤرخة M Y", "الصادر في M Y", "عام Y", "لعام Y"},
	Months: []string{"كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
		"تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
		"يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيه", "يونيو", "يوليه", "يوليو", "أغسطس", "سبتمبر",
		"أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر",
		// The Levantine names alone, as the press writes them (after the
		// double forms, which begin with them).
		"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
		"تشرين الأول", "تشرين الثاني", "كانون الأول"},
	Continuations: []string{"و", "،", ","},
	PressRelease:  []string{"نشرة صحفية", "البيان الصحفي"},
	FunctionWords: []string{"في", "من", "على", "إلى", "أن", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كما", "لا", "ما"},
	Bodies: []string{"لجنة", "اللجنة", "للجنة", "مؤتمر", "المؤتمر", "لمؤتمر", "منظمة", "المنظمة", "لمنظمة",
		"اتحاد", "الاتحاد", "للاتحاد", "وكالة", "الوكالة", "صندوق", "الصندوق", "برنامج", "البرنامج", "محكمة",
		"المحكمة", "منتدى", "المنتدى", "برلمان", "البرلمان", "اجتماع", "الاجتماع", "جامعة", "الجامعة",
		"المجلس التنفيذي", "مجلس إدارة", "جمعية الصحة"},
	NameWords:     []string{"عن", "الصادر عن", "الصادرة عن"},
	OrganSuffixes: []string{"التابع للأمم المتحدة", "للأمم المتحدة", "التابع للامم المتحدة", "للامم المتحدة"},
	Adverbs:       []string{"ولا سيما", "لا سيما", "بما في ذلك", "وبخاصة", "خاصة", "وخاصة"},
	// "previous" and "last", in the forms that agree with a singular, a
	// dual or a plural trigger (plurals of things take the feminine).
	Epithets: []string{"السابق", "السابقة", "السابقين", "السابقان", "السابقتين", "السابقتان",
		"الأخير", "الأخيرة", "الأخيرين", "الأخيران", "الأخيرتين", "الأخيرتان",
		"الاخير", "الاخيرة", "الاخيرين", "الاخيران", "الاخيرتين", "الاخيرتان",
		// "UN" as an adjective ("القرار الأممي 2254", the UN resolution):
		// it names the Organization, not one of its organs.
		"الأممي", "الأممية", "الاممي", "الاممية",
		// "international" ("القرار الدولي رقم 2334", the international
		// resolution): it names no organ either, and after an organ's name
		// ("مجلس الأمن الدولي") it hides none.
		"الدولي", "الدولية", "الدولى"},
	Titles: []string{"بشأن", "المعنون", "المعنونة", "المتعلق", "المتعلقة"},
}
