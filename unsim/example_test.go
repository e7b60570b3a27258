package unsim_test

import (
	"fmt"
	"net/http"

	"github.com/xref-un/xref/unsim"
)

// Start a simulator and ask it what undocs.org does with a link.
func ExampleStart() {
	sc := (&unsim.Scenario{}).AddDoc(unsim.Doc{Symbol: "A/RES/73/266", Langs: []string{"zh"}})
	srv, err := unsim.Start("127.0.0.1:0", sc)
	if err != nil {
		panic(err)
	}
	defer srv.Close()

	req, _ := http.NewRequest("GET", srv.URL+"/ch/A/RES/73/266", nil)
	req.Host = "undocs.org" // the simulator answers by Host
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode, resp.Header.Get("Location"))
	fmt.Println(srv.Stats().ByHost["undocs.org"], "request for undocs.org")
	// Output:
	// 302 https://docs.un.org/zh/A/RES/73/266
	// 1 request for undocs.org
}

func ExampleLoadFile() {
	sc, err := unsim.LoadFile("testdata/night2.json")
	if err != nil {
		panic(err)
	}
	fmt.Println(sc.Name)
	for _, d := range sc.Docs {
		fmt.Println(d.Symbol, d.Langs[0], d.Version)
	}
	// Output:
	// night2
	// A/RES/73/266 en 0
	// A/RES/73/266 zh 0
	// S/RES/1540(2004) en 2
	// S/RES/1540(2004) fr 2
	// CD/2141 en 0
	// A/RES/80/1 en 0
}
