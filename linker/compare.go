package linker

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xref-un/xref/normalize"
)

// Comparison is the alignment of the citations of several language versions
// of one record. Every UN record is issued in six languages, and every
// version cites the same documents by the same symbols: a citation that one
// version lacks, or renders with another number, stands out.
type Comparison struct {
	Versions []Version `json:"versions"`
	// Self is the record's own symbol when the versions that name one all
	// name the same; IdentityDiffers says that two of them name different
	// records, so that the files may not be versions of one record.
	Self            string  `json:"self"`
	IdentityDiffers bool    `json:"identity_differs"`
	Summary         Summary `json:"summary"`
	// Rows are all the aligned citations, in the order of the first version
	// (with what it lacks inserted where the others have it).
	Rows []Row `json:"-"`
	// Differences are the rows that are not RowAgree, in the same order.
	Differences []Row `json:"differences"`
}

// Version describes one of the compared documents.
type Version struct {
	File         string `json:"file"`
	Lang         string `json:"lang"`
	LangDetected bool   `json:"lang_detected"`
	Self         string `json:"self"`
	Citations    int    `json:"citations"`
	// Furniture counts the citations Parse dropped as page furniture
	// (running heads); they are not compared, since each language version
	// has its own page layout.
	Furniture  int `json:"furniture"`
	Paragraphs int `json:"paragraphs"`
}

// Summary counts the rows of a comparison by kind.
type Summary struct {
	Rows    int `json:"rows"`
	Agree   int `json:"agree"`
	Missing int `json:"missing"`
	Differs int `json:"differs"`
	Detail  int `json:"detail"`
}

// RowKind says whether the versions agree on an aligned citation.
type RowKind string

// Row kinds.
const (
	// RowAgree: every version cites the same symbol.
	RowAgree RowKind = "agree"
	// RowMissing: some versions cite the symbol, the others nothing there.
	RowMissing RowKind = "missing"
	// RowDiffers: the versions cite different symbols at the same place
	// (a changed number, another document).
	RowDiffers RowKind = "differs"
	// RowDetail: the versions cite the same symbol but different parts
	// ("31/6 A", "31/6 B") or paragraphs of it. A version that names no
	// part or paragraph does not disagree: languages differ in what they
	// spell out.
	RowDetail RowKind = "detail"
)

// Row is one citation aligned across the versions.
type Row struct {
	Kind RowKind `json:"kind"`
	// Key is the symbol most versions cite, the earliest version's on a
	// tie; Keys are all the symbols cited, Key first.
	Key  string   `json:"symbol"`
	Keys []string `json:"symbols"`
	// Sides has one entry per version, in the order of Versions.
	Sides []Side `json:"versions"`
}

// Side is one version's part of a row: the citation it has there, or
// nothing.
type Side struct {
	File string `json:"file"`
	Lang string `json:"lang"`
	// Citation is the index of the citation in the version's
	// Document.Citations, or -1 when the version has none here.
	Citation int `json:"citation"`
	// Absent: the version has no citation here. Start (= End), Line and
	// Col are then where it would be expected: right after the version's
	// previous aligned citation (After), or before its next one when there
	// is none before.
	Absent bool   `json:"absent,omitempty"`
	After  string `json:"after,omitempty"`
	// Agrees: the side cites the row's Key (and, for RowDetail, no other
	// part or paragraph than most versions).
	Agrees bool           `json:"agrees"`
	Symbol string         `json:"symbol,omitempty"`
	Kind   normalize.Kind `json:"kind,omitempty"`
	Form   normalize.Form `json:"form,omitempty"`
	Parts  []string       `json:"parts,omitempty"`
	Pin    string         `json:"pin,omitempty"`
	Start  int            `json:"start"`
	End    int            `json:"end"`
	Line   int            `json:"line"`
	Col    int            `json:"col"`
	Text   string         `json:"text,omitempty"`
	// Paragraph is the 1-based paragraph of the version the citation
	// stands in (0 when absent).
	Paragraph int `json:"paragraph,omitempty"`
}

// Agree reports whether the versions name the same record and cite the
// same documents at the same places.
func (c *Comparison) Agree() bool { return !c.IdentityDiffers && len(c.Differences) == 0 }

// Compare aligns the citations of several versions of one record (the
// same record in other languages), the first being the reference whose
// order the rows follow.
//
// Citations are aligned version by version against the rows built so far,
// in three passes. First by symbol, keeping order: a longest common
// subsequence of the symbols, anchored on the symbols that occur once in
// both (as patience diff does) and, where a symbol repeats, choosing among
// the alignments of equal length the one whose occurrences stand closest in
// the documents, so that a repeated citation is matched with the right
// occurrence. Then the citations left over between two aligned ones are
// paired by order and position (the same paragraph, or a close relative
// position in the text), so that A/RES/73/226 in one version where another
// has A/RES/73/266 is one RowDiffers with both locations, not two
// omissions. Last, citations of one symbol still left over on both sides
// are paired out of order when they stand in the same paragraph (or very
// close): languages order enumerations differently. What stays unpaired is
// RowMissing.
//
// Every citation counts: decisions, which have no document, and
// continuations ("Add.1" of "A/61/L.56 and Add.1") like any other. Page
// furniture, already dropped by Parse, is not compared; the identities
// (Document.Self) are.
func Compare(docs ...*Document) *Comparison {
	c := &Comparison{Rows: []Row{}, Differences: []Row{}}
	if len(docs) == 0 {
		return c
	}
	items := make([][]cmpItem, len(docs))
	paras := make([]int, len(docs))
	selves := map[string]bool{}
	for v, d := range docs {
		items[v], paras[v] = placeCitations(d)
		c.Versions = append(c.Versions, Version{File: d.Path, Lang: d.Lang, LangDetected: d.LangDetected, Self: d.Self,
			Citations: len(d.Citations), Furniture: d.Furniture, Paragraphs: paras[v]})
		if d.Self != "" {
			if len(selves) == 0 {
				c.Self = d.Self
			}
			selves[d.Self] = true
		}
	}
	if len(selves) > 1 {
		c.IdentityDiffers, c.Self = true, ""
	}

	rows := make([]*cmpRow, 0, len(items[0]))
	for i := range items[0] {
		rows = append(rows, newRow(len(docs), 0, i, &items[0][i]))
	}
	al := &aligner{all: items, paras: paras}
	for v := 1; v < len(docs); v++ {
		rows = al.alignVersion(rows, v)
	}
	c.Rows = buildRows(docs, items, rows)
	for _, r := range c.Rows {
		switch r.Kind {
		case RowAgree:
			c.Summary.Agree++
		case RowMissing:
			c.Summary.Missing++
		case RowDiffers:
			c.Summary.Differs++
		case RowDetail:
			c.Summary.Detail++
		}
		if r.Kind != RowAgree {
			c.Differences = append(c.Differences, r)
		}
	}
	c.Summary.Rows = len(c.Rows)
	return c
}

// buildRows turns the aligned rows into Rows: each side located, the
// symbol most versions cite, the kind of the row.
func buildRows(docs []*Document, items [][]cmpItem, rows []*cmpRow) []Row {
	nv := len(docs)
	out := make([]Row, len(rows))
	sides := make([]Side, len(rows)*nv)
	// The citation of each version before and after each row, for the
	// place of an absent side.
	last := make([]int32, nv)
	for v := range last {
		last[v] = -1
	}
	for ri, r := range rows {
		row := &out[ri]
		row.Sides = sides[ri*nv : (ri+1)*nv : (ri+1)*nv]
		for v, i := range r.at {
			d := docs[v]
			s := &row.Sides[v]
			s.File, s.Lang, s.Citation = d.Path, d.Lang, int(i)
			if i < 0 {
				s.Absent = true
				s.Line, s.Col = 1, 1
				if last[v] >= 0 {
					c := &d.Citations[last[v]]
					s.Start, s.After = c.End, c.Key
					s.Line, s.Col = endOf(c)
				} else if next := nextPresent(rows, ri, v); next >= 0 {
					c := &d.Citations[next]
					s.Start, s.Line, s.Col = c.Start, c.Line, c.Col
				}
				s.End = s.Start
				continue
			}
			last[v] = i
			c := &d.Citations[i]
			s.Symbol, s.Kind, s.Form, s.Parts, s.Pin = c.Key, c.Kind, c.Form, c.Parts, c.Pin
			s.Start, s.End, s.Line, s.Col, s.Text = c.Start, c.End, c.Line, c.Col, c.Text
			s.Paragraph = int(items[v][i].para) + 1
		}
		classify(row)
	}
	return out
}

// endOf is the line and column of the end of a citation.
func endOf(c *Citation) (int, int) {
	k := strings.LastIndexByte(c.Text, '\n')
	if k < 0 {
		return c.Line, c.Col + utf8.RuneCountInString(c.Text)
	}
	return c.Line + strings.Count(c.Text, "\n"), utf8.RuneCountInString(c.Text[k+1:]) + 1
}

// nextPresent is the citation of version v in the first row after ri that
// has one, or -1.
func nextPresent(rows []*cmpRow, ri, v int) int {
	for _, r := range rows[ri+1:] {
		if r.at[v] >= 0 {
			return int(r.at[v])
		}
	}
	return -1
}

// classify finds the symbol most versions cite and the kind of the row.
func classify(row *Row) {
	row.Key = majority(row.Sides, func(s *Side) string { return s.Symbol })
	row.Keys = []string{row.Key}
	absent := false
	for i := range row.Sides {
		s := &row.Sides[i]
		if s.Absent {
			absent = true
		} else if !slices.Contains(row.Keys, s.Symbol) {
			row.Keys = append(row.Keys, s.Symbol)
		}
	}
	switch {
	case len(row.Keys) > 1:
		row.Kind = RowDiffers
	case absent:
		row.Kind = RowMissing
	default:
		row.Kind = RowAgree
	}
	parts := majority(row.Sides, func(s *Side) string { return strings.Join(s.Parts, " ") })
	pin := majority(row.Sides, func(s *Side) string { return s.Pin })
	for i := range row.Sides {
		s := &row.Sides[i]
		s.Agrees = !s.Absent && s.Symbol == row.Key
		if s.Agrees && (len(s.Parts) > 0 && strings.Join(s.Parts, " ") != parts || s.Pin != "" && s.Pin != pin) {
			s.Agrees = false
			if row.Kind == RowAgree {
				row.Kind = RowDetail
			}
		}
	}
}

// majority is the most frequent non-empty value of f over the present
// sides, the earliest side's on a tie.
func majority(sides []Side, f func(*Side) string) string {
	best, bestN := "", 0
	for i := range sides {
		if sides[i].Absent {
			continue
		}
		x := f(&sides[i])
		if x == "" || x == best {
			continue
		}
		n := 0
		for k := range sides {
			if !sides[k].Absent && f(&sides[k]) == x {
				n++
			}
		}
		if n > bestN {
			best, bestN = x, n
		}
	}
	return best
}
