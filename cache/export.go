package cache

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// Export formats.
const (
	// FormatJSON is one JSON object {"schema":"xref-graph/1",
	// "format":"xref-graph","version":1,
	// "nodes":[…],"edges":[…]}, one node or edge per line. It holds the
	// graph only (no check times or generations), so ingesting the same
	// transcripts again exports the same bytes.
	FormatJSON = "json"
	// FormatDOT is a Graphviz digraph: `dot -Tsvg`.
	FormatDOT = "dot"
	// FormatGraphML is GraphML, which Gephi, yEd and networkx read.
	FormatGraphML = "graphml"
)

// Node is a document in an export: a citing transcript, a cited symbol, or
// both.
type Node struct {
	ID         string   `json:"id"`
	Symbol     string   `json:"symbol,omitempty"`
	Title      string   `json:"title,omitempty"`
	Kinds      []string `json:"kinds,omitempty"`
	Languages  []string `json:"languages,omitempty"`
	Transcript bool     `json:"transcript,omitempty"` // has ingested versions
	CitedBy    int      `json:"cited_by,omitempty"`   // distinct citing documents
}

// Edge is a citation edge in an export, over all language versions.
type Edge struct {
	Source      string       `json:"source"`
	Target      string       `json:"target"`
	Kinds       []string     `json:"kinds,omitempty"`
	Languages   []string     `json:"languages,omitempty"`
	Count       int          `json:"count"`
	Occurrences []Occurrence `json:"occurrences,omitempty"` // JSON only
}

// Export writes the whole citation graph to w in format (FormatJSON,
// FormatDOT or FormatGraphML), from one consistent snapshot. Nodes come
// first, sorted by id, then edges sorted by source and target.
func (s *Store) Export(ctx context.Context, w io.Writer, format string) error {
	var out exporter
	bw := bufio.NewWriterSize(w, 64<<10)
	switch format {
	case FormatJSON:
		out = &jsonExporter{w: bw}
	case FormatDOT:
		out = &dotExporter{w: bw}
	case FormatGraphML:
		out = &graphmlExporter{w: bw}
	default:
		return fmt.Errorf("%w: export format %q (want json, dot or graphml)", ErrInvalid, format)
	}
	err := s.view(ctx, func(txn *badger.Txn) error {
		if err := out.begin(); err != nil {
			return err
		}
		if err := exportNodes(ctx, txn, out); err != nil {
			return err
		}
		if err := out.middle(); err != nil {
			return err
		}
		if err := exportEdges(ctx, txn, out); err != nil {
			return err
		}
		return out.end()
	})
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("cache: export %s: %w", format, err)
	}
	return nil
}

type exporter interface {
	begin() error
	node(Node) error
	middle() error
	edge(Edge) error
	end() error
}

// exportNodes merges the sorted document records with the sorted distinct
// cited symbols of the reverse index.
func exportNodes(ctx context.Context, txn *badger.Txn, out exporter) error {
	vis, err := newVisibility(txn)
	if err != nil {
		return err
	}
	docs := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindDoc)})
	defer docs.Close()
	rev := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindCitedBy)})
	defer rev.Close()
	docs.Rewind()
	rev.Rewind()
	for docs.Valid() || rev.Valid() {
		if err := ctx.Err(); err != nil {
			return err
		}
		var docID string
		hasDoc := docs.Valid()
		if hasDoc {
			dk, err := ParseDocKey(docs.Item().Key())
			if err != nil {
				return err
			}
			docID = dk.ID
		}
		var cited string
		hasCited := false
		if rev.Valid() {
			ck, err := ParseCitedByKey(rev.Item().Key())
			if err != nil {
				return err
			}
			cited, hasCited = ck.Cited, true
		}
		var n Node
		fromDoc := hasDoc && (!hasCited || docID <= cited)
		if fromDoc {
			var doc Document
			if err := docs.Item().Value(func(b []byte) error { return json.Unmarshal(b, &doc) }); err != nil {
				return fmt.Errorf("%w: %q: %w", ErrCorrupt, docs.Item().Key(), err)
			}
			n = Node{ID: doc.ID, Symbol: doc.Symbol, Title: doc.Title, Kinds: doc.Kinds,
				Languages: doc.Languages, Transcript: len(doc.Versions) > 0}
			docs.Next()
		} else {
			n = Node{ID: cited}
		}
		if hasCited && cited == n.ID {
			// Consume this symbol's reverse entries: count citers, and take
			// the kinds of its occurrences when no record names them.
			var lastCiting string
			kinds := n.Kinds
			p := citedByPrefix(cited)
			for ; rev.Valid() && bytes.HasPrefix(rev.Item().Key(), p); rev.Next() {
				ck, err := ParseCitedByKey(rev.Item().Key())
				if err != nil {
					return err
				}
				if ok, err := vis.visible(ck.Citing, ck.Language, ck.Gen); err != nil || !ok {
					if err != nil {
						return err
					}
					continue
				}
				if ck.Citing != lastCiting {
					n.CitedBy++
					lastCiting = ck.Citing
				}
				if len(n.Kinds) == 0 {
					var occs []Occurrence
					err := rev.Item().Value(func(b []byte) error {
						occs, err = decodeOccurrences(b)
						return err
					})
					if err != nil {
						return err
					}
					for _, o := range occs {
						if o.Kind != "" {
							kinds = mergeSorted(kinds, []string{o.Kind})
						}
					}
				}
			}
			n.Kinds = kinds
			if n.CitedBy == 0 && !fromDoc {
				continue // only entries of a replacement in progress
			}
		}
		if err := out.node(n); err != nil {
			return err
		}
	}
	return nil
}

func exportEdges(ctx context.Context, txn *badger.Txn, out exporter) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindDoc)})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		var doc Document
		if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &doc) }); err != nil {
			return fmt.Errorf("%w: %q: %w", ErrCorrupt, it.Item().Key(), err)
		}
		if len(doc.Versions) == 0 {
			continue
		}
		cited, err := cites(txn, &doc)
		if err != nil {
			return err
		}
		for _, c := range cited {
			e := Edge{Source: doc.ID, Target: c.Symbol, Kinds: c.Kinds, Count: len(c.Occurrences), Occurrences: c.Occurrences}
			for _, o := range c.Occurrences {
				e.Languages = mergeSorted(e.Languages, []string{o.Language})
			}
			if err := out.edge(e); err != nil {
				return err
			}
		}
	}
	return nil
}

type jsonExporter struct {
	w     *bufio.Writer
	count int
}

func (j *jsonExporter) begin() error {
	_, err := j.w.WriteString(`{"schema":"xref-graph/1","format":"xref-graph","version":1,` + "\n" + `"nodes":[`)
	return err
}

func (j *jsonExporter) item(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if j.count > 0 {
		j.w.WriteByte(',')
	}
	j.count++
	j.w.WriteByte('\n')
	_, err = j.w.Write(b)
	return err
}

func (j *jsonExporter) node(n Node) error { return j.item(n) }
func (j *jsonExporter) edge(e Edge) error { return j.item(e) }
func (j *jsonExporter) middle() error {
	j.count = 0
	_, err := j.w.WriteString("\n],\n" + `"edges":[`)
	return err
}
func (j *jsonExporter) end() error {
	_, err := j.w.WriteString("\n]}\n")
	return err
}

// dotID quotes s as a DOT double-quoted string. In DOT only \" is an escape
// inside quotes, but a backslash before the closing quote would swallow it,
// so backslashes are doubled too (Graphviz shows \\ as \ in labels); line
// breaks and other control characters become escapes or spaces so that the
// statement stays on one line.
func dotID(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

type dotExporter struct{ w *bufio.Writer }

func (d *dotExporter) begin() error {
	_, err := d.w.WriteString("digraph xref {\n\tgraph [rankdir=LR];\n\tnode [shape=ellipse, fontsize=10];\n")
	return err
}

func (d *dotExporter) node(n Node) error {
	attrs := []string{"label=" + dotID(n.ID)}
	if n.Transcript {
		attrs = append(attrs, "shape=box")
	}
	if n.Title != "" {
		attrs = append(attrs, "tooltip="+dotID(n.Title))
	}
	if len(n.Kinds) > 0 {
		attrs = append(attrs, "kind="+dotID(strings.Join(n.Kinds, ",")))
	}
	_, err := fmt.Fprintf(d.w, "\t%s [%s];\n", dotID(n.ID), strings.Join(attrs, ", "))
	return err
}

func (d *dotExporter) middle() error { return nil }

func (d *dotExporter) edge(e Edge) error {
	attrs := []string{"weight=" + strconv.Itoa(e.Count)}
	if e.Count > 1 {
		attrs = append(attrs, "label="+strconv.Itoa(e.Count))
	}
	if len(e.Kinds) > 0 {
		attrs = append(attrs, "kind="+dotID(strings.Join(e.Kinds, ",")))
	}
	_, err := fmt.Fprintf(d.w, "\t%s -> %s [%s];\n", dotID(e.Source), dotID(e.Target), strings.Join(attrs, ", "))
	return err
}

func (d *dotExporter) end() error {
	_, err := d.w.WriteString("}\n")
	return err
}

type graphmlExporter struct {
	w     *bufio.Writer
	edges int
}

// xmlText escapes s for an attribute value or character data; characters
// that XML 1.0 cannot carry at all become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (g *graphmlExporter) begin() error {
	_, err := g.w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="title" for="node" attr.name="title" attr.type="string"/>
  <key id="nkind" for="node" attr.name="kind" attr.type="string"/>
  <key id="languages" for="node" attr.name="languages" attr.type="string"/>
  <key id="transcript" for="node" attr.name="transcript" attr.type="boolean"/>
  <key id="citedby" for="node" attr.name="cited_by" attr.type="int"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="ekind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="elanguages" for="edge" attr.name="languages" attr.type="string"/>
  <graph id="xref" edgedefault="directed">
`)
	return err
}

func (g *graphmlExporter) data(key, val string) {
	if val == "" {
		return
	}
	fmt.Fprintf(g.w, "      <data key=\"%s\">%s</data>\n", key, xmlText(val))
}

func (g *graphmlExporter) node(n Node) error {
	fmt.Fprintf(g.w, "    <node id=\"%s\">\n", xmlText(n.ID))
	g.data("label", n.ID)
	g.data("title", n.Title)
	g.data("nkind", strings.Join(n.Kinds, ","))
	g.data("languages", strings.Join(n.Languages, ","))
	g.data("transcript", strconv.FormatBool(n.Transcript))
	g.data("citedby", strconv.Itoa(n.CitedBy))
	_, err := g.w.WriteString("    </node>\n")
	return err
}

func (g *graphmlExporter) middle() error { return nil }

func (g *graphmlExporter) edge(e Edge) error {
	fmt.Fprintf(g.w, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", g.edges, xmlText(e.Source), xmlText(e.Target))
	g.edges++
	g.data("weight", strconv.Itoa(e.Count))
	g.data("ekind", strings.Join(e.Kinds, ","))
	g.data("elanguages", strings.Join(e.Languages, ","))
	_, err := g.w.WriteString("    </edge>\n")
	return err
}

func (g *graphmlExporter) end() error {
	_, err := g.w.WriteString("  </graph>\n</graphml>\n")
	return err
}
