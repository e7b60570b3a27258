package normalize

// knownSeries lists the first components of UN document series that running
// text may cite with a single slash (CD/2141, S/26695). Sources: the DHL
// symbol guide and the series seen in UN data (un-symbols.md §1.2), and the
// treaty bodies and programmes that publish through the UN document system.
// A series not listed here is still found when its symbol is longer
// (XYZ/C/12); see plausibleInText.
var knownSeries = setOf(
	// Principal organs and the Secretariat.
	"A", "S", "E", "T", "ST",
	// Conference on Disarmament.
	"CD",
	// Treaty bodies.
	"CAT", "CCPR", "CED", "CEDAW", "CERD", "CMW", "CRC", "CRPD", "HRI",
	// Programmes, funds, regional commissions and other series.
	"AT", "ATT", "APLC", "BWC", "CCW", "DP", "EC", "ECA", "ECE", "FCCC", "HSP", "ICCD",
	"ID", "IDB", "ISBA", "ITC", "JIU", "LC", "NPT", "PBC", "SPLOS", "TD", "UNEP",
	"UNW", "WFC", "ACC", "HRC", "UNCTAD", "UNDP", "UNICEF", "UNITAR", "CAC", "CTOC", "CLCS",
	"TPNW", "ESCAP", "CBD", "DC", "UNHCR", "UNODC", "UNFCCC",
)

// pressSeries lists the prefixes of UN press releases. Their numbers look
// like symbols (GA/12174, SC/12206, SG/SM/1234) but are not documents
// (un-symbols.md §1.5).
var pressSeries = setOf(
	"GA", "SC", "PI", "SG", "ECOSOC", "OBV", "ENV", "DEV", "SAG", "POP", "WOM", "IHA",
	"GAL", "GAEF", "GASHC", "GADIS", "GAPAL", "GASPD", "GAB", "GACOL", "PAL", "ORG",
	"SEA", "CS", "AG", "NOTE", "REF", "SOC", "AFR", "BIO", "L",
)

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}
