package normalize

// spanish is how Spanish UN texts cite documents (un-symbols.md §4.4).
var spanish = Grammar{
	Lang: "es",
	Triggers: []Trigger{
		{Word: "resoluciones", Kind: KindResolution},
		{Word: "resolución", Kind: KindResolution},
		{Word: "resolucion", Kind: KindResolution},
		{Word: "decisiones", Kind: KindDecision},
		{Word: "decisión", Kind: KindDecision},
		{Word: "decision", Kind: KindDecision},
	},
	Numero:         []string{"n.º", "nº", "n°", "no.", "núm.", "número"},
	Connectors:     []string{",", ";", "y", "e", "o", "u", "así como", "a"},
	Ellipses:       []string{"…", "..."},
	PartConnectors: []string{"y", "a", ",", "-", "e"},
	Drafts:         []string{"proyecto de", "proyectos de"},
	Anaphora:       []string{"dicha", "dichas", "esa", "esas", "esta", "estas", "la citada", "la mencionada", "la presente", "la misma"},
	Refer:          []string{"dicha", "esa", "esta", "la citada", "la mencionada", "la referida", "la misma"},
	Organs: []OrganName{
		{"asamblea general", OrganGA},
		{"asamblea", OrganGA},
		{"consejo de seguridad", OrganSC},
		{"consejo económico y social", OrganECOSOC},
		{"consejo economico y social", OrganECOSOC},
		{"consejo de derechos humanos", OrganHRC},
		{"comisión de derechos humanos", OrganCHR},
	},
	OrganJoins:    []string{"de la", "del", "aprobada por la", "aprobada por el", "de"},
	PinWords:      []string{"párrafos", "párrafo"},
	PinJoins:      []string{"de la", "de", "del"},
	PinSkip:       []string{"su", "sus", "la", "el", "dicha", "esa"},
	Dates:         []string{"de D de M de Y", "del D de M de Y", "de M de Y", "de Y"},
	Months:        []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre"},
	Continuations: []string{"y", "e", ","},
	PressRelease:  []string{"comunicado de prensa"},
	FunctionWords: []string{"de", "la", "que", "el", "en", "los", "las", "del", "se", "por", "con", "una", "para", "su", "es", "al"},
}
