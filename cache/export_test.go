package cache

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"unicode"
)

// awkward are cited "symbols" that stress quoting in every format.
var awkward = []string{
	"S/RES/1540 (2004)", "A/73/100*", `weird"quote`, `back\slash`, `trailing\`,
	"two\nlines", "<tag attr='x'>&amp;</tag>", "ctl\x01char", "A/RES/2758(XXVI)", "Σ/ΑΒ/1 — ü",
}

func exportStore(t *testing.T) (*Store, int, int) {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t, Options{})
	if _, err := s.Ingest(ctx, seedTranscript()); err != nil {
		t.Fatal(err)
	}
	tr := Transcript{ID: `file:odd "dir"/x.txt#00`, Language: "en", Title: `Title with "quotes" & <angles>`}
	for i, sym := range awkward {
		tr.Citations = append(tr.Citations, Citation{Symbol: sym, Occurrence: Occurrence{Line: i + 1, Kind: "document"}})
	}
	tr.Citations = append(tr.Citations, Citation{Symbol: "A/RES/73/266", Occurrence: Occurrence{Line: 99, Kind: "resolution"}})
	if _, err := s.Ingest(ctx, tr); err != nil {
		t.Fatal(err)
	}
	// Metadata of a cited document, and a record that is cited by nobody.
	if err := s.PutDocument(ctx, Document{ID: "A/RES/73/266", Title: "Advancing responsible State behaviour", Kinds: []string{"resolution"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutDocument(ctx, Document{ID: "A/RES/1/1", Title: "Uncited"}); err != nil {
		t.Fatal(err)
	}
	// Nodes: 2 transcripts + 12 seed symbols + the awkward ones + A/RES/1/1.
	nodes := 2 + 12 + len(awkward) + 1
	edges := 12 + len(awkward) + 1
	return s, nodes, edges
}

// dotTokens splits DOT text into tokens: quoted strings are returned
// unquoted with their escapes undone, prefixed by a '"'.
func dotTokens(t *testing.T, src string) []string {
	t.Helper()
	var toks []string
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"':
			var b strings.Builder
			b.WriteByte('"')
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\n' {
					t.Fatalf("raw newline inside a quoted string at %d", j)
				}
				if src[j] == '\\' && j+1 < len(src) {
					j++
					switch src[j] {
					case '"', '\\':
						b.WriteByte(src[j])
					case 'n':
						b.WriteByte('\n')
					default:
						b.WriteByte('\\')
						b.WriteByte(src[j])
					}
					continue
				}
				b.WriteByte(src[j])
			}
			if j >= len(src) {
				t.Fatalf("unterminated string at %d", i)
			}
			toks = append(toks, b.String())
			i = j + 1
		case strings.HasPrefix(src[i:], "->"):
			toks = append(toks, "->")
			i += 2
		case strings.ContainsRune("{}[];,=", rune(c)):
			toks = append(toks, string(c))
			i++
		default:
			j := i
			for j < len(src) && (src[j] == '_' || src[j] == '.' || unicode.IsLetter(rune(src[j])) || unicode.IsDigit(rune(src[j]))) {
				j++
			}
			if j == i {
				t.Fatalf("unexpected %q at %d", c, i)
			}
			toks = append(toks, src[i:j])
			i = j
		}
	}
	return toks
}

func TestExportDOT(t *testing.T) {
	s, wantNodes, wantEdges := exportStore(t)
	var b bytes.Buffer
	if err := s.Export(context.Background(), &b, FormatDOT); err != nil {
		t.Fatal(err)
	}
	toks := dotTokens(t, b.String())
	if len(toks) < 3 || toks[0] != "digraph" || toks[2] != "{" || toks[len(toks)-1] != "}" {
		t.Fatalf("not a digraph: %q … %q", toks[:3], toks[len(toks)-1])
	}
	depth, brackets := 0, 0
	nodes := map[string]bool{}
	var edges [][2]string
	for i, tok := range toks {
		switch tok {
		case "{":
			depth++
		case "}":
			depth--
		case "[":
			brackets++
		case "]":
			brackets--
		}
		if depth < 0 || brackets < 0 || brackets > 1 {
			t.Fatalf("unbalanced at token %d", i)
		}
		// A statement starts after "{" or ";" at depth 1.
		if depth != 1 || i == 0 || (toks[i-1] != "{" && toks[i-1] != ";") || !strings.HasPrefix(tok, `"`) {
			continue
		}
		if i+2 < len(toks) && toks[i+1] == "->" {
			edges = append(edges, [2]string{tok[1:], toks[i+2][1:]})
		} else {
			if nodes[tok[1:]] {
				t.Errorf("node %q declared twice", tok[1:])
			}
			nodes[tok[1:]] = true
		}
	}
	if depth != 0 || brackets != 0 {
		t.Fatalf("unbalanced braces (%d) or brackets (%d)", depth, brackets)
	}
	if len(nodes) != wantNodes || len(edges) != wantEdges {
		t.Errorf("DOT has %d nodes, %d edges; want %d, %d", len(nodes), len(edges), wantNodes, wantEdges)
	}
	for _, e := range edges {
		if !nodes[e[0]] || !nodes[e[1]] {
			t.Errorf("edge %q -> %q: endpoint not declared", e[0], e[1])
		}
	}
	// Quoting round-trips the symbols (control characters become spaces).
	for _, sym := range awkward {
		want := strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\n' {
				return ' '
			}
			return r
		}, sym)
		if !nodes[want] {
			t.Errorf("symbol %q not declared as %q", sym, want)
		}
	}
}

type graphML struct {
	XMLName xml.Name `xml:"graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func TestExportGraphML(t *testing.T) {
	s, wantNodes, wantEdges := exportStore(t)
	var b bytes.Buffer
	if err := s.Export(context.Background(), &b, FormatGraphML); err != nil {
		t.Fatal(err)
	}
	// Well-formed: the strict decoder reads every token.
	d := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v", err)
			}
			break
		}
	}
	var g graphML
	if err := xml.Unmarshal(b.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	if g.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", g.Graph.EdgeDefault)
	}
	if len(g.Graph.Nodes) != wantNodes || len(g.Graph.Edges) != wantEdges {
		t.Errorf("GraphML has %d nodes, %d edges; want %d, %d", len(g.Graph.Nodes), len(g.Graph.Edges), wantNodes, wantEdges)
	}
	keys := map[string]bool{}
	for _, k := range g.Keys {
		keys[k.ID] = true
	}
	ids := map[string]bool{}
	labels := map[string]string{}
	for _, n := range g.Graph.Nodes {
		ids[n.ID] = true
		for _, dd := range n.Data {
			if !keys[dd.Key] {
				t.Errorf("node %q uses undeclared key %q", n.ID, dd.Key)
			}
			if dd.Key == "label" {
				labels[n.ID] = dd.Value
			}
		}
	}
	for _, e := range g.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s: %q -> %q: endpoint not a node", e.ID, e.Source, e.Target)
		}
	}
	for _, sym := range awkward {
		want := strings.ReplaceAll(sym, "\x01", "\uFFFD") // not representable in XML 1.0
		if !ids[want] || labels[want] != want {
			t.Errorf("symbol %q: node %v, label %q", sym, ids[want], labels[want])
		}
	}
}

func TestExportJSON(t *testing.T) {
	s, wantNodes, wantEdges := exportStore(t)
	var g struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
		Nodes   []Node `json:"nodes"`
		Edges   []Edge `json:"edges"`
	}
	if err := json.Unmarshal([]byte(exportJSON(t, s)), &g); err != nil {
		t.Fatal(err)
	}
	if g.Format != "xref-graph" || g.Version != 1 || len(g.Nodes) != wantNodes || len(g.Edges) != wantEdges {
		t.Fatalf("JSON export: %s v%d, %d nodes, %d edges; want %d, %d", g.Format, g.Version, len(g.Nodes), len(g.Edges), wantNodes, wantEdges)
	}
	byID := map[string]Node{}
	for i, n := range g.Nodes {
		if i > 0 && g.Nodes[i-1].ID >= n.ID {
			t.Errorf("nodes not sorted at %q", n.ID)
		}
		byID[n.ID] = n
	}
	if n := byID["A/RES/73/266"]; n.CitedBy != 2 || n.Title == "" || n.Transcript {
		t.Errorf("A/RES/73/266 node = %+v", n)
	}
	if n := byID["CD/PV.1505"]; !n.Transcript || fmt.Sprint(n.Languages) != "[zh]" {
		t.Errorf("CD/PV.1505 node = %+v", n)
	}
	if n := byID["S/RES/1540(2004)"]; fmt.Sprint(n.Kinds) != "[resolution]" {
		t.Errorf("kinds of a cited node without record = %v", n.Kinds)
	}
	for _, e := range g.Edges {
		if e.Source == "CD/PV.1505" && e.Target == "A/RES/73/266" && (e.Count != 2 || len(e.Occurrences) != 2) {
			t.Errorf("edge = %+v", e)
		}
	}
}

// TestExportDOTGraphviz feeds the DOT export to Graphviz when it is
// installed (Debian package graphviz), and to its strict parser: any syntax
// error or warning fails the test.
func TestExportDOTGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot not installed")
	}
	s, wantNodes, wantEdges := exportStore(t)
	var b bytes.Buffer
	if err := s.Export(context.Background(), &b, FormatDOT); err != nil {
		t.Fatal(err)
	}
	// -Tplain lays the graph out and prints one "node …" or "edge …" line
	// per element it read.
	cmd := exec.Command(dot, "-Tplain")
	cmd.Stdin = bytes.NewReader(b.Bytes())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot: %v\n%s", err, stderr.String())
	}
	nodes, edges := 0, 0
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "node "):
			nodes++
		case strings.HasPrefix(line, "edge "):
			edges++
		}
	}
	if nodes != wantNodes || edges != wantEdges {
		t.Errorf("Graphviz read %d nodes, %d edges; want %d, %d", nodes, edges, wantNodes, wantEdges)
	}
}
