package normalize

// french is how French UN texts cite documents (un-symbols.md §4.5): "la
// résolution 1540 (2004) du Conseil de sécurité", "ses résolutions 73/27 et
// 73/266", "paragraphes 1, 2 et 3 de la résolution 1540 (2004)", "ladite
// résolution".
var french = Grammar{
	Lang: "fr",
	Triggers: []Trigger{
		{Word: "résolutions", Kind: KindResolution},
		{Word: "résolution", Kind: KindResolution},
		{Word: "décisions", Kind: KindDecision},
		{Word: "décision", Kind: KindDecision},
	},
	Numero:         []string{"n°", "nº", "no", "nos", "numéro", "numéros"},
	Connectors:     []string{",", ";", "et", "ou", "ainsi que", "à"},
	Ellipses:       []string{"…", "..."},
	PartConnectors: []string{"et", "à", ",", "-"},
	Drafts:         []string{"projet de", "projets de"},
	Anaphora:       []string{"ladite", "lesdites", "cette", "ces", "la même", "les mêmes", "la présente", "présente", "susdite", "dite"},
	Refer:          []string{"ladite", "cette", "la même", "susdite"},
	Organs: []OrganName{
		{"assemblée générale", OrganGA},
		{"assemblée", OrganGA},
		{"conseil de sécurité", OrganSC},
		{"conseil économique et social", OrganECOSOC},
		{"conseil des droits de l'homme", OrganHRC},
		{"conseil des droits de l’homme", OrganHRC},
		{"commission des droits de l'homme", OrganCHR},
		{"commission des droits de l’homme", OrganCHR},
	},
	OrganBetween: true,
	BetweenJoins: []string{"du", "de la", "de", "des"},
	OrganJoins:   []string{"de l'", "de l’", "du", "de la", "adoptée par l'", "adoptée par l’", "adoptée par le", "adoptée par la", "de"},
	PinWords:     []string{"paragraphes", "paragraphe", "alinéas", "alinéa", "par."},
	PinJoins:     []string{"de la", "de"},
	PinSkip:      []string{"sa", "ses", "leur", "cette", "ladite"},
	Dates:        []string{"du D M Y", "en date du D M Y", "adoptée le D M Y", "du M Y", "de Y"},
	Months: []string{"janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
		"septembre", "octobre", "novembre", "décembre", "decembre"},
	Continuations: []string{"et", ","},
	PressRelease:  []string{"communiqué de presse"},
	FunctionWords: []string{"le", "la", "les", "des", "du", "et", "que", "dans", "une", "est", "pour", "sur", "au", "aux", "nous", "qui"},
}
