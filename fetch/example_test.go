package fetch_test

import (
	"context"
	"fmt"
	"net/url"

	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/unsim"
)

func ExampleUndocsURL() {
	u, _ := fetch.UndocsURL("S/RES/1540(2004)", "ch") // "ch" is read as Chinese
	a, _ := fetch.SymbolAPIURL("S/RES/1540(2004)", "zh")
	fmt.Println(u)
	fmt.Println(a)
	// Output:
	// https://undocs.org/zh/S/RES/1540(2004)
	// https://documents.un.org/api/symbol/access?s=S%2FRES%2F1540%282004%29&l=C&t=pdf
}

func ExampleParseLang() {
	for _, s := range []string{"zh", "C", "ch", "es", "sp", "de"} {
		l, err := fetch.ParseLang(s)
		fmt.Printf("%s → %q %q %v\n", s, l, l.Letter(), err)
	}
	// Output:
	// zh → "zh" "C" <nil>
	// C → "zh" "C" <nil>
	// ch → "zh" "C" <nil>
	// es → "es" "S" <nil>
	// sp → "es" "S" <nil>
	// de → "" "" fetch: unknown language code: "de"
}

func ExampleSniff() {
	for _, b := range []string{"%PDF-1.7\n", "PK\x03\x04", "\xd0\xcf\x11\xe0", "\xffWPC", "<!DOCTYPE html>", ""} {
		fmt.Println(fetch.Sniff([]byte(b)))
	}
	// Output:
	// pdf
	// docx
	// doc
	// wordperfect
	// html
	// empty
}

// Resolve one transcript link against the UN documents simulator: the
// client talks only to the simulator's address (Options.BaseURL) while
// the results keep the real URLs.
func ExampleClient_ResolveURL() {
	sim, _ := unsim.Start("", (&unsim.Scenario{}).AddDoc(
		unsim.Doc{Symbol: "A/RES/73/266", Langs: []string{"zh"}, Via: unsim.ViaMetaRefresh}))
	defer sim.Close()
	c, _ := fetch.New(fetch.Options{BaseURL: sim.URL})
	defer c.Close()

	r := c.ResolveURL(context.Background(), "https://undocs.org/ch/A/RES/73/266")
	fmt.Println(r.Status, r.Format, r.Code)
	for _, h := range r.Hops {
		fmt.Println(h.Code, h.Kind)
	}
	final, _ := url.Parse(r.FinalURL)
	fmt.Println(final.Host)
	// Output:
	// ok pdf 206
	// 200 meta-refresh
	// 200 meta-refresh
	// documents.un.org
}

// Resolve a batch: links and unlinked citations (symbol and language)
// together. The callback gets each request's index.
func ExampleClient_ResolveAll() {
	sim, _ := unsim.Start("", (&unsim.Scenario{}).AddDoc(
		unsim.Doc{Symbol: "CD/2141", Langs: []string{"zh", "en"}},
		unsim.Doc{Symbol: "A/RES/80/1", State: unsim.Unpublished},
	))
	defer sim.Close()
	c, _ := fetch.New(fetch.Options{
		BaseURL: sim.URL,
		Limit:   fetch.HostLimit{Rate: 50, Concurrency: 4}, // the simulator needs no politeness
	})
	defer c.Close()

	reqs := []fetch.Request{
		{URL: "https://undocs.org/ch/CD/2141"},
		{URL: "https://undocs.org/ch/73/546"},
		{Symbol: "CD/2141", Lang: "en"},
		{Symbol: "A/RES/80/1", Lang: "en"},
		{URL: "https://digitallibrary.un.org/record/1"},
		{URL: "https://example.org/x.pdf"},
	}
	out := make([]fetch.Result, len(reqs))
	c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) { out[i] = r })
	for i, r := range out {
		fmt.Printf("%d %-12s %-8s hops=%d\n", i, r.Status, r.Format, len(r.Hops))
	}
	// Output:
	// 0 ok           pdf      hops=2
	// 1 soft-404     html     hops=1
	// 2 ok           pdf      hops=0
	// 3 soft-404     empty    hops=0
	// 4 blocked      html     hops=0
	// 5 invalid               hops=0
}

// A link judged broken gets a Replacement when Options.FindReplacements
// is set: the first alternative address (symbol API, undocs.org,
// docs.un.org, then the web archive's copy) that resolves to the same
// document. Alternatives says what was tried.
func ExampleReplacement() {
	sc, set := unsim.DeadLinks(1, 1, 1, 1)
	sim, _ := unsim.Start("", sc)
	defer sim.Close()
	c, _ := fetch.New(fetch.Options{
		BaseURL:          sim.URL,
		Limit:            fetch.HostLimit{Rate: 50, Concurrency: 4}, // the simulator needs no politeness
		FindReplacements: true,
	})
	defer c.Close()

	links := []string{set.Live[0], set.Moved[0], set.Archived[0], set.Gone[0]}
	reqs := make([]fetch.Request, len(links))
	for i, u := range links {
		reqs[i] = fetch.Request{URL: u}
	}
	out := make([]fetch.Result, len(reqs))
	c.ResolveAll(context.Background(), reqs, func(i int, r fetch.Result) { out[i] = r })
	for i, r := range out {
		fmt.Println(links[i], r.Status)
		if rp := r.Replacement; rp != nil {
			fmt.Println("  replacement:", rp.Via, rp.URL)
			if !rp.Snapshot.IsZero() {
				fmt.Println("  copy of", rp.Snapshot.Format("2006-01-02"))
			}
			continue
		}
		for _, a := range r.Alternatives {
			fmt.Println("  tried:", a.Via, a.Outcome)
		}
	}
	// Output:
	// https://undocs.org/en/A/RES/63/1 ok
	// https://undocs.org/en/A/RES/60/1 soft-404
	//   replacement: symbol-api https://documents.un.org/api/symbol/access?s=A%2FRES%2F60%2F1&l=E&t=pdf
	// https://undocs.org/en/A/RES/61/1 soft-404
	//   replacement: archive https://web.archive.org/web/20190302102030/https://undocs.org/en/A/RES/61/1
	//   copy of 2019-03-02
	// https://undocs.org/en/A/RES/62/1 soft-404
	//   tried: symbol-api missing
	//   tried: archive no-copy
}
