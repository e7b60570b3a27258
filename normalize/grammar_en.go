package normalize

// english is how English UN texts cite documents (un-symbols.md §4.2; UN
// Editorial Manual, references to resolutions and decisions).
var english = Grammar{
	Lang: "en",
	Triggers: []Trigger{
		{Word: "resolutions", Kind: KindResolution},
		{Word: "resolution", Kind: KindResolution},
		{Word: "decisions", Kind: KindDecision},
		{Word: "decision", Kind: KindDecision},
	},
	Numero:         []string{"no.", "nos.", "no", "number", "numbers"},
	Connectors:     []string{",", ";", "and", "or", "as well as", "to", "&"},
	Ellipses:       []string{"…", "..."},
	PartConnectors: []string{"and", "to", ",", "-", "&"},
	Drafts:         []string{"draft"},
	Anaphora:       []string{"that", "this", "these", "those", "said", "same", "above", "the above-mentioned", "the present", "present"},
	Refer:          []string{"that", "this", "the said", "the same", "the above-mentioned", "the aforementioned"},
	Organs: []OrganName{
		{"general assembly", OrganGA},
		{"assembly", OrganGA},
		{"security council", OrganSC},
		{"economic and social council", OrganECOSOC},
		{"ecosoc", OrganECOSOC},
		{"human rights council", OrganHRC},
		{"commission on human rights", OrganCHR},
	},
	OrganJoins:    []string{"of the", "by the", "adopted by the", "of"},
	PinWords:      []string{"operative paragraphs", "operative paragraph", "paragraphs", "paragraph", "para.", "paras."},
	PinJoins:      []string{"of", "in"},
	PinSkip:       []string{"the", "its", "their", "this", "that", "said"},
	Dates:         []string{"of D M Y", "of M D , Y", "of M Y", "of Y", "dated D M Y", "adopted on D M Y", "on D M Y", "of D M"},
	Months:        []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
	Continuations: []string{"and", ",", "&"},
	PressRelease:  []string{"press release"},
	FunctionWords: []string{"the", "of", "and", "to", "in", "that", "is", "for", "on", "with", "we", "it", "this", "by", "as", "are"},
}
