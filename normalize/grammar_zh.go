package normalize

// chinese is how Chinese UN texts cite documents, in simplified and
// traditional characters (un-symbols.md §4.3): "第 73/266 号决议",
// "第2042(2012)、第2043(2012)和第2258(2015)号决议", "第1540(2004)號決議".
var chinese = Grammar{
	Lang: "zh",
	Tails: []Trigger{
		{Word: "决议", Kind: KindResolution},
		{Word: "決議", Kind: KindResolution},
		{Word: "决定", Kind: KindDecision},
		{Word: "決定", Kind: KindDecision},
	},
	ItemPrefix:   []string{"第"},
	ItemSuffix:   []string{"号", "號"},
	TailBlockers: []string{"草案"},
	// Chinese writes no spaces: a refer word is the text right before a
	// tail ("该决议第 2 段").
	Refer:      []string{"该", "該", "该项", "該項", "上述", "前述", "这项", "這項", "此项", "此項"},
	Connectors: []string{"、", ",", "和", "及", "以及", "与", "與", "或", "至", "到"},
	Ellipses:   []string{"……", "…", "..."},
	// Part letters follow the number directly or after a space ("43/224 D").
	PartConnectors: []string{"和", "至", "-", ","},
	Organs: []OrganName{
		{"大会", OrganGA},
		{"大會", OrganGA},
		{"联大", OrganGA},
		{"聯大", OrganGA},
		{"安全理事会", OrganSC},
		{"安全理事會", OrganSC},
		{"安理会", OrganSC},
		{"安理會", OrganSC},
		{"经济及社会理事会", OrganECOSOC},
		{"經濟及社會理事會", OrganECOSOC},
		{"经社理事会", OrganECOSOC},
		{"經社理事會", OrganECOSOC},
		{"人权理事会", OrganHRC},
		{"人權理事會", OrganHRC},
		{"人权委员会", OrganCHR},
		{"人權委員會", OrganCHR},
		{"理事会", organCouncil},
		{"理事會", organCouncil},
	},
	PinTailPrefix: []string{"执行部分第", "執行部分第", "序言部分第", "第"},
	PinTailSuffix: []string{"段"},
	Participles:   []string{"回顾", "重申", "注意到", "欢迎"},
	Dates:         []string{"Y 年 N 月 N 日", "Y 年 N 月", "Y 年"},
	Continuations: []string{"和", "及", "、", ","},
	PressRelease:  []string{"新闻稿", "新聞稿"},
	FunctionWords: []string{"的", "和", "在", "是", "了", "我们", "会议", "国家"},
	// Chinese names end in their head noun: these are the endings of other
	// bodies' names, checked after the principal organs' names.
	Bodies: []string{"委员会", "委員會", "执行局", "執行局", "会议", "會議", "组织", "組織", "联盟", "聯盟", "法院",
		"基金", "银行", "銀行", "议会", "議會", "论坛", "論壇", "卫生大会", "衛生大會", "管理理事会", "管理理事會",
		"执行理事会", "執行理事會", "首脑会议"},
	YearWords: []string{"年"},
}
