package normalize

import (
	"fmt"
	"strings"
	"testing"
)

// cite is an expected citation: its key and the text it spans. Extra
// expectations are written as "key|text|field=value…": parts=A+B, pin=8,
// doubt=kind-mismatch, kind=decision, organ=HRC.
type extractCase struct {
	name string
	in   string
	want []string
}

func runExtractCases(t *testing.T, cases []extractCase) {
	t.Helper()
	x := NewExtractor()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Extract([]byte(tt.in), Options{})
			for _, c := range got {
				checkSpan(t, tt.in, c)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Extract(%q) found %d citations %s; want %d %q", tt.in, len(got), describe(tt.in, got), len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				f := strings.Split(w, "|")
				c := got[i]
				if c.Key != f[0] {
					t.Errorf("citation %d key = %q; want %q (in %q)", i, c.Key, f[0], tt.in)
				}
				if len(f) > 1 && f[1] != "" && tt.in[c.Start:c.End] != f[1] {
					t.Errorf("citation %d text = %q; want %q", i, tt.in[c.Start:c.End], f[1])
				}
				for _, kv := range f[min(2, len(f)):] {
					k, v, _ := strings.Cut(kv, "=")
					var have string
					switch k {
					case "parts":
						have = strings.Join(c.Parts, "+")
					case "pin":
						have = c.Pin
					case "kind":
						have = string(c.Kind)
					case "organ":
						have = string(c.Organ)
					case "said":
						have = string(c.Said)
					case "doubt":
						for _, d := range c.Doubts {
							have += d.Rule
						}
					case "display":
						have = c.Display
					default:
						t.Fatalf("bad expectation %q", kv)
					}
					if have != v {
						t.Errorf("citation %d (%s) %s = %q; want %q", i, c.Key, k, have, v)
					}
				}
			}
		})
	}
}

func checkSpan(t *testing.T, in string, c Citation) {
	t.Helper()
	if c.Start < 0 || c.End > len(in) || c.Start >= c.End {
		t.Fatalf("citation %s has span [%d, %d) outside the input of %d bytes", c.Key, c.Start, c.End, len(in))
	}
}

func describe(in string, cs []Citation) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "[%s %q] ", c.Key, in[c.Start:c.End])
	}
	return b.String()
}

func TestExtractSpanishOrganBetween(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"organ between", "las resoluciones del Consejo de Seguridad 1267 (1999) y 1333 (2000)",
			[]string{"S/RES/1267(1999)|resoluciones del Consejo de Seguridad 1267 (1999)|organ=SC", "S/RES/1333(2000)"}},
		{"no trigger before the organ", "el Consejo de Seguridad 1267 veces", nil},
	})
}

func TestExtractEnglish(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"new style", "The Assembly recalled resolution 74/213 and welcomed the report.",
			[]string{"A/RES/74/213|resolution 74/213|kind=resolution|organ=GA"}},
		{"enumeration", "recalling its resolutions 73/27 and 73/266 on the subject",
			[]string{"A/RES/73/27|resolutions 73/27", "A/RES/73/266|73/266"}},
		{"parts", "in its resolutions 31/6 A and B,", []string{"A/RES/31/6|resolutions 31/6 A and B|parts=A+B"}},
		{"old style parts", "resolutions 3411 A and B (XXX) were adopted", []string{"A/RES/3411(XXX)||parts=A+B|display=A/RES/3411 (XXX)"}},
		{"old special session", "as set out in resolution 3201 (S-VI)", []string{"A/RES/3201(S-VI)"}},
		{"special session", "the Final Document, resolution S-10/2,", []string{"A/RES/S-10/2"}},
		{"emergency special session", "resolution ES-10/19 of 21 December 2017", []string{"A/RES/ES-10/19"}},
		{"security council with year", "Security Council resolution 1540 (2004) obliges States",
			[]string{"S/RES/1540(2004)|resolution 1540 (2004)|organ=SC|display=S/RES/1540 (2004)"}},
		{"security council year list", "resolutions 2042 (2012), 2043 (2012) and 2258 (2015)",
			[]string{"S/RES/2042(2012)", "S/RES/2043(2012)", "S/RES/2258(2015)"}},
		{"security council without year, known", "The Council endorsed resolution 2202 last year.", []string{"S/RES/2202(2015)|resolution 2202"}},
		{"decision", "by its decision 70/551 the Assembly", []string{"A/DEC/70/551|decision 70/551|kind=decision"}},
		{"ecosoc named", "Economic and Social Council resolution 2019/1 on", []string{"E/RES/2019/1|resolution 2019/1|organ=ECOSOC"}},
		{"ecosoc by year", "in resolution 2019/1 the Council", []string{"E/RES/2019/1"}},
		{"human rights council", "Human Rights Council resolution 5/1 established", []string{"A/HRC/RES/5/1||organ=HRC"}},
		{"low session without organ", "under resolution 7/19 of the", nil},
		{"low session of the HRC", "The Human Rights Council, in its resolution 7/19 of 27 March", []string{"A/HRC/RES/7/19"}},
		{"organ across a line break", "recalling Human \nRights Council resolutions 27/13 of", []string{"A/HRC/RES/27/13"}},
		{"organ after", "resolution 68/268 of the General Assembly", []string{"A/RES/68/268|resolution 68/268|organ=GA"}},
		{"pin", "in paragraph 8 of resolution 1654 (XVI), the", []string{"A/RES/1654(XVI)||pin=8"}},
		{"pin list", "paragraphs 2, 3 and 5 of General Assembly resolution 60/251", []string{"A/RES/60/251||pin=2"}},
		{"explicit symbol", "the report (A/73/532) was adopted", []string{"A/73/532|A/73/532|kind=document"}},
		{"draft symbol", "draft resolution A/C.1/74/L.12 was adopted", []string{"A/C.1/74/L.12||said=draft|kind=draft"}},
		{"resolution naming a draft", "resolution A/C.1/74/L.12", []string{"A/C.1/74/L.12||doubt=kind-mismatch"}},
		{"suffix continuation", "in documents A/74/120 and Add.1.", []string{"A/74/120", "A/74/120/Add.1|Add.1"}},
		{"joint symbol", "letter A/55/432-S/2000/921 of", []string{"A/55/432|A/55/432", "S/2000/921|S/2000/921"}},
		{"tokenised symbol", "( see S / PRST / 1994 / 16 )", []string{"S/PRST/1994/16|S / PRST / 1994 / 16"}},
		{"tokenised year", "adoption of resolution 2272 ( 2016 ) today", []string{"S/RES/2272(2016)|resolution 2272 ( 2016 )"}},
		{"line break after trigger", "as requested in resolution\n1540 (2004), States", []string{"S/RES/1540(2004)|resolution\n1540 (2004)"}},
		{"symbol split across lines", "see A/RES/73/\n266 for details", []string{"A/RES/73/266|A/RES/73/\n266"}},
		{"decision kind doubt", "recalling its resolution 73/546 on the conference", []string{"A/RES/73/546||doubt=kind-mismatch"}},
		{"year doubt", "resolution 1540 (2005)", []string{"S/RES/1540(2005)||doubt=year-mismatch"}},
		{"section", "59/276, sect. XI, of", []string{"A/RES/59/276"}},
		{"number sign", "resolution No. 1373 (2001)", []string{"S/RES/1373(2001)"}},
		{"capitals", "RESOLUTION 1701 (2006)", []string{"S/RES/1701(2006)"}},
		{"that resolution with a number", "Reiterates that resolution 435 (1978) must be implemented", []string{"S/RES/435(1978)"}},
		// Not citations.
		{"clock", "a 24/7 service and/or speeds in km/h", nil},
		{"press release", "press release GA/12174 and SC/12206", nil},
		{"press release CD", "the press release CD/3496 said", nil},
		{"committee name", "the 1540 Committee met", nil},
		{"count", "The first 3,541 resolutions were numbered", nil},
		{"page number", "9/12 19-11607", nil},
		{"anaphora", "paragraphs 2 to 5 of that resolution", nil},
		{"draft number", "draft resolution 2 was adopted", nil},
		{"numbered paragraph", "as decided in this resolution\n2. Requests the Secretary-General", nil},
		{"footnote mark", "its previous resolutions14 and", nil},
		{"url", "see https://undocs.org/en/A/RES/73/266 and www.un.org/en/ga/73/resolutions.shtml", nil},
		{"bare after new style", "resolution 73/266 and 25 States", []string{"A/RES/73/266"}},
		{"word after part letter", "resolution 73/266 A new approach", []string{"A/RES/73/266|resolution 73/266"}},
		{"garbled symbol", "see A/C.6/79.SR.37 and S/2014 / l89", nil},
	})
}

func TestExtractChinese(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"group", "大会第 73/27 号和第 73/266 号决议", []string{"A/RES/73/27|第 73/27 号", "A/RES/73/266|第 73/266 号决议"}},
		{"one suffix for all", "回顾其第2042(2012)、第2043(2012)和第2258(2015)号决议以及主席声明",
			[]string{"S/RES/2042(2012)|第2042(2012)", "S/RES/2043(2012)|第2043(2012)", "S/RES/2258(2015)|第2258(2015)号决议"}},
		{"decision", "大会第 70/551 号决定召集的工作组", []string{"A/DEC/70/551|第 70/551 号决定|kind=decision"}},
		{"pin", "根据第2254(2015)号决议第2段启动", []string{"S/RES/2254(2015)|第2254(2015)号决议|pin=2"}},
		{"document", "CD/2141号文件所载报告", []string{"CD/2141|CD/2141"}},
		{"draft", "大会现在就决议草案A/C.1/74/L.12作出决定。", []string{"A/C.1/74/L.12|A/C.1/74/L.12"}},
		{"traditional", "第1540(2004)號決議", []string{"S/RES/1540(2004)|第1540(2004)號決議"}},
		{"human rights council", "人权理事会第5/1号决议", []string{"A/HRC/RES/5/1||organ=HRC"}},
		{"security council without year", "安理会第1267号决议所设委员会", []string{"S/RES/1267(1999)|第1267号决议"}},
		{"dates between items", "1946年2月1日第2(I)号、1966年12月20日第2241 B(XXI)号和1988年12月21日第43/224 D号决议",
			[]string{"A/RES/2(I)", "A/RES/2241(XXI)||parts=B", "A/RES/43/224||parts=D"}},
		{"blank line inside", "第 73/266 号\n\n决议设立", []string{"A/RES/73/266|第 73/266 号\n\n决议"}},
		{"without 第", "大会73/266号决议", []string{"A/RES/73/266|73/266号决议"}},
		{"continuation", "A/61/L.56和Add.1", []string{"A/61/L.56", "A/61/L.56/Add.1|Add.1"}},
		{"full width", "第７３／２６６号决议", []string{"A/RES/73/266|第７３／２６６号决议"}},
		{"draft tail", "第 1 号决议草案", nil},
		// Not citations.
		{"meeting number", "第 1505 次全体会议开始", nil},
		{"paragraph", "最后文件第 8 段提出", nil},
		{"session", "大会第七十三届会议和第73届联合国大会", nil},
		{"page furniture", "9/12 19-11607", nil},
		{"press release", "联合国新闻稿 SC/12206", nil},
		{"committee", "(下称\"1540委员会\")", nil},
	})
}

func TestExtractSpanish(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"resolution", "la resolución 73/266 de la Asamblea General", []string{"A/RES/73/266|resolución 73/266|organ=GA"}},
		{"dates between items", "resoluciones 2 (I), de 1° de febrero de 1946, 42/207 C, de 11 de diciembre de 1987, y 61/236",
			[]string{"A/RES/2(I)|resoluciones 2 (I)", "A/RES/42/207|42/207 C|parts=C", "A/RES/61/236"}},
		{"security council", "La Resolución 1540 (2004), adoptada por el Consejo de Seguridad", []string{"S/RES/1540(2004)"}},
		{"decision", "la decisión 70/551 de la Asamblea General", []string{"A/DEC/70/551||kind=decision"}},
		{"draft", "el proyecto de resolución A/C.1/74/L.12", []string{"A/C.1/74/L.12||said=draft"}},
		{"continuation", "(A/61/L.56 y Add.1)", []string{"A/61/L.56", "A/61/L.56/Add.1"}},
		{"pin", "el párrafo 5 de la resolución 1514 (XV)", []string{"A/RES/1514(XV)||pin=5"}},
		{"ecosoc", "la resolución 2019/1 del Consejo Económico y Social", []string{"E/RES/2019/1||organ=ECOSOC"}},
		{"ellipsis", "resoluciones 50/11, …, 61/121 B, y 61/244", []string{"A/RES/50/11", "A/RES/61/121", "A/RES/61/244"}},
		{"press release", "comunicado de prensa CD/3496", nil},
		{"anaphora", "el párrafo 3 de dicha resolución", nil},
	})
}

func TestExtractDefaultOrgan(t *testing.T) {
	x := NewExtractor()
	// In a Human Rights Council record a bare 37/2 is the Council's own.
	got := x.Extract([]byte("recalling resolution 37/2 of the"), Options{DefaultOrgan: OrganHRC})
	if len(got) != 1 || got[0].Key != "A/HRC/RES/37/2" {
		t.Errorf("with the HRC as organ got %v; want A/HRC/RES/37/2", got)
	}
	got = x.Extract([]byte("recalling resolution 37/2 of the"), Options{})
	if len(got) != 1 || got[0].Key != "A/RES/37/2" {
		t.Errorf("without an organ got %v; want A/RES/37/2", got)
	}
}

func TestExtractLanguagesSubset(t *testing.T) {
	x := NewExtractor("zh")
	got := x.Extract([]byte("resolution 73/266 and 第 73/27 号决议 and A/73/532"), Options{})
	var keys []string
	for _, c := range got {
		keys = append(keys, c.Key)
	}
	if strings.Join(keys, " ") != "A/RES/73/27 A/73/532" {
		t.Errorf("a Chinese-only extractor found %v; want the Chinese citation and the symbol", keys)
	}
}

// TestExtractSuffixLineBreak: PDF text wraps a line inside a suffix ("Add."
// then "7"), and footnotes end a line with a complete suffix and a full stop
// before the next footnote's number ("Add.4." then "17"): only the first is
// one symbol.
func TestExtractSuffixLineBreak(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"keyword at the break", "the report A/99/123/Add.\n7 was issued", []string{"A/99/123/Add.7|A/99/123/Add.\n7"}},
		{"keyword at the break, blank line", "see E/2099/5/Corr. \n \n2 for the text", []string{"E/2099/5/Corr.2|E/2099/5/Corr. \n \n2"}},
		{"series word at the break", "draft resolution A/99/L.\n44 was adopted", []string{"A/99/L.44|A/99/L.\n44"}},
		{"spaced suffix on one line", "see A/99/5/Corr. 1 for the text", []string{"A/99/5/Corr.1|A/99/5/Corr. 1"}},
		{"complete suffix, footnote number", "1 A/99/123/Add.4.\n17 See A/99/456.", []string{"A/99/123/Add.4|A/99/123/Add.4", "A/99/456"}},
		{"complete suffix, blank lines", "3 A/C.3/99/SR.12. \n \n5 Ibid.", []string{"A/C.3/99/SR.12|A/C.3/99/SR.12"}},
		{"complete dotted series", "8 UNEP/EA.9/Res.3.\n\n12 UNEP/EA.9/Res.4.", []string{"UNEP/EA.9/Res.3|UNEP/EA.9/Res.3", "UNEP/EA.9/Res.4"}},
		{"complete revision", "S/99999/Rev.2.\n3 Ibid.", []string{"S/99999/Rev.2|S/99999/Rev.2"}},
		{"complete suffix, same line", "A/99/5/Add.1. 12 States voted", []string{"A/99/5/Add.1|A/99/5/Add.1"}},
		{"continuation, footnote number", "see A/99/120 and Add.1.\n14 See", []string{"A/99/120", "A/99/120/Add.1|Add.1"}},
	})
}
