package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xref-un/xref/linker"
)

const compareAbout = `
Compare lines up the citations of the language versions of one record (the
same verbatim record in Chinese, English, Spanish …) and reports where they
disagree: a citation that one version lacks, a number changed in one of
them, another symbol at the same place, or another part or paragraph of the
same document. Every version cites the same documents by the same symbols,
so what is compared is the canonical symbol (A/RES/73/266), whatever the
words around it.

How the citations are aligned. The first FILE is the reference, whose order
the output follows; each other version is aligned with what came before:
  1. by symbol, keeping order: the longest common subsequence of the
     symbols, anchored on the symbols that occur once in both; where a
     symbol repeats, each occurrence goes with the one standing closest
     (paragraph, relative position in the text);
  2. the citations left over between two aligned ones are paired by order
     and position (the same paragraph, or close in the text), so that
     73/226 in one version where the others have 73/266 is one "differs"
     with both locations, not two omissions;
  3. a citation of the same symbol left over on both sides, out of order
     but in the same paragraph, agrees: languages order enumerations
     differently ("resolutions 73/27 and 73/266", "第 73/266 号和第 73/27 号
     决议").
What stays unpaired is "missing".
Decisions (which have no document) and continuations ("Add.1" of "A/61/L.56
and Add.1") count like any citation. Page furniture (running heads) is not
compared, but the records' own symbols are: versions that name different
records may not be versions of one record, and are reported.

The output gives how many citations agree, one line per version, then each
difference as FILE:LINE:COLUMN: KIND: MESSAGE for the version that departs
from the others (missing, differs, or detail for another part or
paragraph), followed by a note for every other version: where it cites the
document, or, when it lacks it, where the citation is expected (right after
its previous aligned citation).

Exit status: 0 when the versions agree, 1 when they disagree, 2 when a file
could not be read or the flags are wrong.`

// errDisagree reports, silently, that the versions compared disagree.
var errDisagree = fmt.Errorf("the versions disagree: %w", errFindings)

func runCompare(ctx context.Context, args []string, s IO) error {
	fs := newFlags("compare", "[flags] FILE FILE...", compareAbout, s.Err)
	format := fs.String("format", "text", "output: text (one line per version of each difference) or json")
	var in inputFlags
	in.register(fs)
	var vb verbosity
	vb.register(fs)
	fs.Lookup("lang").Usage = "languages of the versions, in the order of the files and separated by commas (zh,en,es), or one for all: " +
		strings.Join(linker.Languages, ", ") + " (detected when empty)"
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	langs, err := versionLangs(in.lang, len(files))
	if err != nil {
		return err
	}
	in.lang = ""
	if err := in.validate(); err != nil {
		return err
	}
	*format = strings.ToLower(*format)
	if *format != "text" && *format != "json" {
		return usagef("unknown format %q (use text or json)", *format)
	}
	if len(files) < 2 {
		return usagef("compare needs at least two versions of a record, %d given", len(files))
	}
	stdin := 0
	for _, f := range files {
		if f == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return usagef("standard input (-) can be only one of the versions")
	}
	var docs []*linker.Document
	failed := false
	for i, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		shown := displayName(name)
		opt := in.options(name)
		opt.Lang = langs[i]
		doc, err := readDocument(name, s.In, opt)
		if err != nil {
			fmt.Fprintf(s.Err, "xref: %s: %v\n", shown, err)
			failed = true
			continue
		}
		doc.Path = shown
		docs = append(docs, doc)
		vb.note(s.Err, "%s: %s, %s, %d citations", shown, doc.SelfDisplay, doc.Lang, len(doc.Citations))
	}
	if len(docs) < 2 {
		fmt.Fprintf(s.Err, "xref: fewer than two versions could be read: nothing to compare\n")
		return errInput
	}
	c := linker.Compare(docs...)
	w := bufio.NewWriter(s.Out)
	defer w.Flush()
	switch *format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			Schema string `json:"schema"`
			Agree  bool   `json:"agree"`
			*linker.Comparison
		}{"xref-compare/1", c.Agree(), c}); err != nil {
			return err
		}
	default:
		writeComparison(w, c)
	}
	switch {
	case failed:
		return errInput
	case !c.Agree():
		return errDisagree
	}
	return nil
}

// versionLangs reads --lang: one language per file, or one for all.
func versionLangs(flag string, n int) ([]string, error) {
	langs := make([]string, n)
	if strings.TrimSpace(flag) == "" {
		return langs, nil
	}
	given := strings.Split(flag, ",")
	if len(given) != 1 && len(given) != n {
		return nil, usagef("--lang names %d languages for %d files (give one per file, or one for all)", len(given), n)
	}
	for i := range langs {
		l := given[0]
		if len(given) > 1 {
			l = given[i]
		}
		var err error
		if langs[i], err = validLang(l); err != nil {
			return nil, err
		}
	}
	return langs, nil
}

// writeComparison writes a comparison as a compiler writes diagnostics.
func writeComparison(w io.Writer, c *linker.Comparison) {
	labels := versionLabels(c.Versions)
	var head strings.Builder
	switch {
	case c.IdentityDiffers:
		fmt.Fprintf(&head, "%d versions (%s) naming different records", len(c.Versions), strings.Join(labels, ", "))
	case c.Self != "":
		fmt.Fprintf(&head, "%s, %d versions (%s)", c.Self, len(c.Versions), strings.Join(labels, ", "))
	default:
		fmt.Fprintf(&head, "%d versions (%s)", len(c.Versions), strings.Join(labels, ", "))
	}
	sum := c.Summary
	fmt.Fprintf(&head, ": %d of %d citations agree", sum.Agree, sum.Rows)
	var kinds []string
	for _, k := range []struct {
		n    int
		name string
	}{{sum.Missing, "missing"}, {sum.Differs, "differs"}, {sum.Detail, "detail"}} {
		if k.n > 0 {
			kinds = append(kinds, fmt.Sprintf("%d %s", k.n, k.name))
		}
	}
	if len(kinds) > 0 {
		head.WriteString("; " + strings.Join(kinds, ", "))
	}
	fmt.Fprintln(w, head.String())

	for i, v := range c.Versions {
		self := v.Self
		if self == "" {
			self = "no own symbol found"
		}
		line := fmt.Sprintf("%s: %s, %s: %s", v.File, v.Lang, self, plural(v.Citations, "citation"))
		if v.Furniture > 0 {
			line += fmt.Sprintf(" (and %d in page furniture, not compared)", v.Furniture)
		}
		if i == 0 {
			line += "; the reference"
		}
		fmt.Fprintln(w, line)
	}
	if c.IdentityDiffers {
		ref := c.Versions[0]
		for i, v := range c.Versions[1:] {
			if v.Self != "" && ref.Self != "" && v.Self != ref.Self {
				fmt.Fprintf(w, "%s: identity: %s is the record %s, %s is %s: they may not be versions of one record\n",
					v.File, labels[i+1], v.Self, labels[0], ref.Self)
			} else if v.Self != "" && ref.Self == "" {
				fmt.Fprintf(w, "%s: identity: %s is the record %s, other versions name another\n", v.File, labels[i+1], v.Self)
			}
		}
	}
	for _, r := range c.Differences {
		writeDifference(w, c, r, labels)
	}
}

// writeDifference writes one difference: a line for the first version that
// departs from the others, and a note for every other version.
func writeDifference(w io.Writer, c *linker.Comparison, r linker.Row, labels []string) {
	// The version that departs: one citing something else, or else one
	// lacking the citation.
	p := -1
	for i, s := range r.Sides {
		if !s.Agrees && (!s.Absent || p < 0) {
			p = i
			if !s.Absent {
				break
			}
		}
	}
	if p < 0 {
		p = 0
	}
	detail := r.Kind == linker.RowDetail
	var agree []string
	var agreeSide *linker.Side
	for i := range r.Sides {
		if r.Sides[i].Agrees {
			agree = append(agree, labels[i])
			if agreeSide == nil {
				agreeSide = &r.Sides[i]
			}
		}
	}
	cite := func(n int) string {
		if n == 1 {
			return "cites"
		}
		return "cite"
	}
	ps := &r.Sides[p]
	var msg string
	switch {
	case ps.Absent:
		msg = fmt.Sprintf("%s does not cite %s %s", labels[p], r.Key, expectedPlace(c, p, ps))
		if len(agree) > 0 {
			msg += fmt.Sprintf("; %s %s it", proseList(agree), cite(len(agree)))
		}
	default:
		msg = fmt.Sprintf("%s cites %s here (%q)", labels[p], citedAs(ps, detail), ps.Text)
		if len(agree) > 0 {
			msg += fmt.Sprintf(", where %s %s %s", proseList(agree), cite(len(agree)), citedAs(agreeSide, detail))
		}
	}
	fmt.Fprintf(w, "%s:%d:%d: %s: %s\n", ps.File, ps.Line, ps.Col, r.Kind, msg)
	for i := range r.Sides {
		if i == p {
			continue
		}
		s := &r.Sides[i]
		if s.Absent {
			what := "does not cite it either"
			if !ps.Absent {
				what = "cites nothing here"
			}
			fmt.Fprintf(w, "%s:%d:%d: note: %s %s %s\n", s.File, s.Line, s.Col, labels[i], what, expectedPlace(c, i, s))
			continue
		}
		fmt.Fprintf(w, "%s:%d:%d: note: %s cites %s here: %q\n", s.File, s.Line, s.Col, labels[i], citedAs(s, detail), s.Text)
	}
}

// expectedPlace says where an absent citation would stand.
func expectedPlace(c *linker.Comparison, v int, s *linker.Side) string {
	switch {
	case s.After != "":
		return "(expected after " + s.After + ")"
	case c.Versions[v].Citations > 0:
		return "(expected before its first citation)"
	}
	return "(it has no citations)"
}

// citedAs names what a side cites: the symbol, and for differences in
// detail the parts and the paragraph.
func citedAs(s *linker.Side, detail bool) string {
	d := s.Symbol
	if !detail {
		return d
	}
	if len(s.Parts) > 0 {
		d += " " + strings.Join(s.Parts, " and ")
	}
	if s.Pin != "" {
		d = "paragraph " + s.Pin + " of " + d
	}
	return d
}

// versionLabels names the versions by language or, where two share a
// language, by file name (the whole path if two share that too).
func versionLabels(vs []linker.Version) []string {
	langs, bases := map[string]int{}, map[string]int{}
	for _, v := range vs {
		langs[v.Lang]++
		bases[filepath.Base(v.File)]++
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		switch base := filepath.Base(v.File); {
		case langs[v.Lang] == 1 && v.Lang != "":
			out[i] = v.Lang
		case bases[base] == 1:
			out[i] = base
		default:
			out[i] = v.File
		}
	}
	return out
}

// proseList joins names as prose: "zh", "zh and en", "zh, en and es".
func proseList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
