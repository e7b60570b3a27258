package unsim

import (
	"fmt"
	"strings"
	"time"
)

// seedDocs are the documents linked from the seed transcript
// (the record CD/PV.1505, which the tests read from ../shared), in zh and en, each reached
// through a different undocs.org chain; testdata/seed.json holds the same.
func seedDocs() []Doc {
	langs := []string{"zh", "en"}
	return []Doc{
		{Symbol: "CD/2141", Langs: langs, Via: ViaRedirect},
		{Symbol: "A/RES/73/266", Langs: langs, Via: ViaMetaRefresh},
		{Symbol: "A/RES/73/27", Langs: langs, Via: ViaIframe},
		{Symbol: "A/RES/73/32", Langs: langs, Via: ViaRedirect},
		{Symbol: "CD/2135", Langs: langs, Via: ViaFrameset},
		{Symbol: "CD/2063", Langs: langs, Via: ViaCitation},
		{Symbol: "A/RES/72/251", Langs: langs, Via: ViaPDFLink},
		{Symbol: "A/RES/71/258", Langs: langs, Via: ViaDirect},
		{Symbol: "A/RES/73/74", Langs: langs, Via: ViaRedirect, Format: FormatDOCX},
		{Symbol: "A/RES/65/66", Langs: langs, Via: ViaRedirect},
	}
}

// Demo returns the scenario `xref sim` plays by default: the seed
// transcript's documents (in zh and en), plus one symbol per injected
// behaviour, so that every behaviour can be tried by hand:
//
//	XREF/TEST/UNPUBLISHED   known, but 200 with an empty body
//	XREF/TEST/429           429 "Retry-After: 1" once per URL, then served
//	XREF/TEST/429-DATE      429 with an HTTP-date 2 s ahead, once per URL
//	XREF/TEST/503           503 twice per URL, then served
//	XREF/TEST/SLOW          every answer 5 s late
//	XREF/TEST/RESET         connection reset once per URL
//	XREF/TEST/LOOP          undocs.org ⇄ docs.un.org redirect loop
//	XREF/TEST/ENDLESS       endless HTML body from undocs.org
//	XREF/TEST/GZIP-BOMB     gzip bomb from undocs.org
//	XREF/TEST/STUB          the "not found" stub although the document exists
//
// and the Digital Library's WAF challenge on every digitallibrary.un.org
// path. Soft blocking is off (see SoftBlock to turn it on).
func Demo() *Scenario {
	sc := &Scenario{
		Name:        "demo",
		Description: "The seed transcript's documents and one symbol per simulated behaviour (see unsim.Demo).",
	}
	sc.AddDoc(seedDocs()...)
	for _, s := range []string{"UNPUBLISHED", "429", "429-DATE", "503", "SLOW", "RESET", "LOOP", "ENDLESS", "GZIP-BOMB", "STUB"} {
		d := Doc{Symbol: "XREF/TEST/" + s, Langs: []string{"en", "zh"}}
		if s == "UNPUBLISHED" {
			d.State = Unpublished
		}
		sc.AddDoc(d)
	}
	sym := func(s string) []string { return []string{"XREF/TEST/" + s} }
	sc.AddRule(
		Rule{Symbols: sym("429"), Action: Action429, RetryAfter: "1", Times: 1},
		Rule{Symbols: sym("429-DATE"), Action: Action429, RetryAfter: "date+2s", Times: 1},
		Rule{Symbols: sym("503"), Action: Action503, Times: 2},
		Rule{Symbols: sym("SLOW"), Action: ActionSlow, Delay: 5 * time.Second},
		Rule{Symbols: sym("RESET"), Action: ActionReset, Times: 1},
		Rule{Symbols: sym("LOOP"), Action: ActionLoop},
		Rule{Host: "undocs.org", Symbols: sym("ENDLESS"), Action: ActionEndless},
		Rule{Host: "undocs.org", Symbols: sym("GZIP-BOMB"), Action: ActionGzipBomb},
		Rule{Symbols: sym("STUB"), Action: ActionStub},
	)
	return sc
}

// Builtin returns a built-in scenario by name: "demo" (Demo), "seed" (the
// seed transcript's documents only) or "empty" (no documents: every link
// is broken).
func Builtin(name string) (*Scenario, error) {
	switch strings.ToLower(name) {
	case "demo", "":
		return Demo(), nil
	case "seed":
		return &Scenario{Name: "seed", Docs: seedDocs()}, nil
	case "empty":
		return &Scenario{Name: "empty"}, nil
	case "dead-links":
		sc, _ := DeadLinks(20, 10, 10, 10)
		return sc, nil
	}
	return nil, fmt.Errorf("%w: no built-in scenario %q (have %s)", ErrScenario, name, strings.Join(BuiltinNames, ", "))
}

// BuiltinNames lists the names Builtin knows.
var BuiltinNames = []string{"demo", "seed", "empty", "dead-links"}
