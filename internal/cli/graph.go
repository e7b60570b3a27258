package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/normalize"
)

const graphAbout = `
Graph queries the citation graph that every xref check records:

  xref graph cited-by SYMBOL     the transcripts that cite a document, with
                                 line, column and the words around it
  xref graph cites DOCUMENT      the documents a transcript cites; DOCUMENT is
                                 its own symbol (CD/PV.1505) or its file
  xref graph stats               what the store holds
  xref graph export              the whole graph, as JSON, Graphviz DOT
                                 (dot -Tsvg) or GraphML (Gephi)

Symbols may be written as in print (S/RES/1540 (2004)); a Security Council
resolution is found with and without its year. The store is opened
read-only, so queries can run while no check is writing.

Exit status: 0, or 2 when the store cannot be read or the flags are wrong.`

func runGraph(ctx context.Context, args []string, s IO) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fs := newFlags("graph", "cited-by|cites|stats|export [flags] [ARG]", graphAbout, s.Err)
		var sf storeFlags
		sf.register(fs, false)
		fs.Usage()
		if len(args) == 0 {
			return usagef("graph needs a query: cited-by, cites, stats or export")
		}
		return nil
	}
	sub, rest := args[0], args[1:]
	fs := newFlags("graph "+sub, "[flags] [ARG]", graphAbout, s.Err)
	formats := "text or json"
	if sub == "export" {
		formats = "json, dot or graphml"
	}
	def := "text"
	if sub == "export" {
		def = "json"
	}
	format := fs.String("format", def, "output: "+formats)
	var sf storeFlags
	sf.register(fs, false)
	var vb verbosity
	vb.register(fs)
	rest, err := parse(fs, rest)
	if err != nil {
		return err
	}
	*format = strings.ToLower(*format)
	switch sub {
	case "cited-by", "cites":
		if len(rest) != 1 {
			return usagef("graph %s needs exactly one argument", sub)
		}
		if *format != "text" && *format != "json" {
			return usagef("unknown format %q (use text or json)", *format)
		}
	case "stats":
		if len(rest) != 0 {
			return usagef("graph stats takes no argument")
		}
		if *format != "text" && *format != "json" {
			return usagef("unknown format %q (use text or json)", *format)
		}
	case "export":
		if len(rest) != 0 {
			return usagef("graph export takes no argument")
		}
		if *format != cache.FormatJSON && *format != cache.FormatDOT && *format != cache.FormatGraphML {
			return usagef("unknown format %q (use json, dot or graphml)", *format)
		}
	default:
		return usagef("unknown graph query %q (use cited-by, cites, stats or export)", sub)
	}
	st, err := sf.openRead(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	vb.note(s.Err, "store %s, opened read-only", st.Dir())
	w := bufio.NewWriter(s.Out)
	defer w.Flush()
	switch sub {
	case "cited-by":
		return graphCitedBy(ctx, st, rest[0], *format, w)
	case "cites":
		return graphCites(ctx, st, rest[0], *format, w)
	case "stats":
		stats, err := st.Stats(ctx)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(w, struct {
				Schema string `json:"schema"`
				cache.Stats
			}{"xref-graph-stats/1", stats})
		}
		fmt.Fprintf(w, "store        %s\n", st.Dir())
		fmt.Fprintf(w, "transcripts  %d (%d language versions: %s)\n", stats.Transcripts, stats.Versions, langCounts(stats.Languages))
		fmt.Fprintf(w, "cited        %d documents, %d citing pairs, %d occurrences\n", stats.Cited, stats.Edges, stats.Occurrences)
		fmt.Fprintf(w, "links        %d URLs, %d resolved at least once, %d hosts\n", stats.Links, stats.Observed, stats.Hosts)
		fmt.Fprintf(w, "runs         %d\n", stats.Runs)
		fmt.Fprintf(w, "size         %d bytes (LSM %d, value log %d)\n", stats.LSMBytes+stats.VlogBytes, stats.LSMBytes, stats.VlogBytes)
		return nil
	default:
		return st.Export(ctx, w, *format)
	}
}

// symbolKeys gives the keys under which a symbol may be stored: its key,
// and for a Security Council resolution also with and without its year.
func symbolKeys(arg string) ([]string, error) {
	sym, err := normalize.ParseSymbol(arg)
	if err != nil {
		return nil, &usageError{fmt.Sprintf("%q is not a document symbol: %v", arg, err)}
	}
	keys := []string{sym.Key}
	if rest, ok := strings.CutPrefix(sym.Key, "S/RES/"); ok {
		if i := strings.IndexByte(rest, '('); i > 0 {
			keys = append(keys, "S/RES/"+rest[:i])
		} else {
			var n int
			if _, err := fmt.Sscan(rest, &n); err == nil {
				if y := normalize.SCYear(n); y != 0 {
					keys = append(keys, fmt.Sprintf("S/RES/%d(%d)", n, y))
				}
			}
		}
	}
	return keys, nil
}

func graphCitedBy(ctx context.Context, st *cache.Store, arg, format string, w io.Writer) error {
	keys, err := symbolKeys(arg)
	if err != nil {
		return err
	}
	type citedBy struct {
		Symbol string        `json:"symbol"`
		Citers []cache.Citer `json:"citers"`
	}
	var out []citedBy
	for _, k := range keys {
		cs, err := st.CitedBy(ctx, k)
		if err != nil {
			return err
		}
		if len(cs) > 0 || k == keys[0] {
			out = append(out, citedBy{Symbol: k, Citers: cs})
		}
	}
	if format == "json" {
		if out == nil {
			out = []citedBy{}
		}
		return writeJSON(w, struct {
			Schema  string    `json:"schema"`
			Results []citedBy `json:"results"`
		}{"xref-graph-cited-by/1", out})
	}
	n := 0
	for _, cb := range out {
		for _, c := range cb.Citers {
			n++
			for _, o := range c.Occurrences {
				fmt.Fprintf(w, "%s\t%s:%d:%d\t%s\t%s\n", cb.Symbol, c.ID, o.Line, o.Column, o.Language, o.Snippet)
			}
		}
	}
	if n == 0 {
		fmt.Fprintf(w, "no transcript in the graph cites %s\n", strings.Join(keys, " or "))
	}
	return nil
}

func graphCites(ctx context.Context, st *cache.Store, arg, format string, w io.Writer) error {
	id := arg
	if sym, err := normalize.ParseSymbol(arg); err == nil {
		id = sym.Key
	}
	cited, err := st.Cites(ctx, id)
	if errors.Is(err, cache.ErrNotFound) {
		// A transcript without its own symbol is known by its file.
		if data, rerr := os.ReadFile(arg); rerr == nil {
			id = cache.TranscriptID(absPath(arg), data)
			cited, err = st.Cites(ctx, id)
		}
	}
	if errors.Is(err, cache.ErrNotFound) {
		return fmt.Errorf("%s is not in the citation graph: check it first", arg)
	}
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSON(w, struct {
			Schema string        `json:"schema"`
			ID     string        `json:"id"`
			Cites  []cache.Cited `json:"cites"`
		}{"xref-graph-cites/1", id, cited})
	}
	for _, c := range cited {
		lines := make([]string, 0, len(c.Occurrences))
		for _, o := range c.Occurrences {
			lines = append(lines, fmt.Sprintf("%d:%d", o.Line, o.Column))
		}
		fmt.Fprintf(w, "%s\t%s\t%d×\t%s\n", c.Symbol, strings.Join(c.Kinds, ","), len(c.Occurrences), strings.Join(lines, " "))
	}
	return nil
}

func langCounts(m map[string]int) string {
	var ls []string
	for l, n := range m {
		if l == "" {
			l = "?"
		}
		ls = append(ls, fmt.Sprintf("%s %d", l, n))
	}
	sort.Strings(ls)
	return strings.Join(ls, ", ")
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
