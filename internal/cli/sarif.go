package cli

import (
	"encoding/json"
	"html"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/xref-un/xref/linker"
)

// SARIF 2.1.0 (OASIS), the format of GitHub code scanning and most CI
// dashboards. Only what xref fills is declared; the schema is
// https://json.schemastore.org/sarif-2.1.0.json.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	Name                 string      `json:"name"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	Help                 sarifText   `json:"help"`
	HelpURI              string      `json:"helpUri"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int           `json:"startLine"`
	StartColumn int           `json:"startColumn"`
	EndLine     int           `json:"endLine"`
	EndColumn   int           `json:"endColumn"`
	Snippet     *sarifSnippet `json:"snippet,omitempty"`
}

type sarifSnippet struct {
	Text string `json:"text"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// fingerprintKey names xref's fingerprints among a result's
// partialFingerprints.
const fingerprintKey = "xrefFinding/v1"

func sarifLevel(s linker.Severity) string {
	switch s {
	case linker.SeverityError:
		return "error"
	case linker.SeverityWarning:
		return "warning"
	}
	return "note"
}

func newSARIF() *sarifLog {
	var rs []sarifRule
	for _, r := range rules {
		full := r.Short
		if r.Resolve {
			full += " (reported with --resolve)"
		}
		rs = append(rs, sarifRule{
			ID: r.ID, Name: ruleName(r.ID),
			ShortDescription:     sarifText{Text: r.Short},
			FullDescription:      sarifText{Text: full},
			Help:                 sarifText{Text: r.Help, Markdown: "**" + r.ID + "**: " + r.Help + " See [the rules](" + rulesDoc + "#" + r.ID + ")."},
			HelpURI:              rulesDoc + "#" + r.ID,
			DefaultConfiguration: sarifConfig{Level: sarifLevel(r.Severity)},
		})
	}
	return &sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:       sarifTool{Driver: sarifDriver{Name: "xref", Version: Version(), InformationURI: "https://github.com/xref-un/xref", Rules: rs}},
			ColumnKind: "unicodeCodePoints",
			Results:    []sarifResult{},
		}},
	}
}

// ruleName is the rule id in PascalCase, as SARIF viewers show names.
func ruleName(id string) string {
	var b strings.Builder
	for _, w := range strings.Split(id, "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// artifactURI is the URI of a file as SARIF wants it: relative paths stay
// relative (to the directory the check ran in, which code scanning takes
// as the repository root), with forward slashes.
func artifactURI(path string) string {
	if path == "-" || path == "<stdin>" {
		return "stdin"
	}
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// add appends the findings of one document.
func (s *sarifLog) add(doc *linker.Document, path string, fs []linker.Finding) {
	uri := artifactURI(path)
	run := &s.Runs[0]
	for _, f := range fs {
		region := func(line, col, start, end int) sarifRegion {
			el, ec := doc.Position(end)
			r := sarifRegion{StartLine: line, StartColumn: col, EndLine: el, EndColumn: ec}
			if start < end && end-start <= 200 {
				r.Snippet = &sarifSnippet{Text: string(doc.Input[start:end])}
			}
			return r
		}
		loc := func(line, col, start, end int) sarifLocation {
			return sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}, Region: region(line, col, start, end)}}
		}
		msg := f.Message
		if f.Suggestion != "" && len(f.Occurrences) == 0 {
			msg += " (suggestion: " + f.Suggestion + ")"
		}
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: ruleIndex(f.Rule), Level: sarifLevel(f.Severity),
			Message:   sarifText{Text: msg},
			Locations: []sarifLocation{loc(f.Line, f.Col, f.Start, f.End)},
		}
		if f.Fingerprint != "" {
			res.PartialFingerprints = map[string]string{fingerprintKey: f.Fingerprint}
		}
		var reps []sarifReplacement
		occ := f.Occurrences
		if len(occ) == 0 {
			occ = []linker.Occurrence{{Line: f.Line, Col: f.Col, Start: f.Start, End: f.End, Suggestion: f.Suggestion}}
		}
		for k, o := range occ {
			if k > 0 {
				id := k
				l := loc(o.Line, o.Col, o.Start, o.End)
				l.ID = &id
				l.Message = &sarifText{Text: "also here: " + o.URL}
				res.RelatedLocations = append(res.RelatedLocations, l)
			}
			reps = append(reps, replacements(doc, f.Rule, o, region)...)
		}
		if len(reps) > 0 {
			res.Fixes = []sarifFix{{
				Description:     sarifText{Text: fixDescription(f)},
				ArtifactChanges: []sarifArtifactChange{{ArtifactLocation: sarifArtifact{URI: uri}, Replacements: reps}},
			}}
		}
		run.Results = append(run.Results, res)
	}
}

// replacements turn a suggested address into edits of the file: a wrong
// link's address is replaced, an unlinked citation gets its link (an
// anchor in HTML, the address after it in text). Suggestions that are
// symbols, not addresses, change the text's meaning and are left to the
// reader.
func replacements(doc *linker.Document, rule string, o linker.Occurrence, region func(line, col, start, end int) sarifRegion) []sarifReplacement {
	if !strings.Contains(o.Suggestion, "://") {
		return nil
	}
	at := func(off int, text string) sarifReplacement {
		l, c := doc.Position(off)
		return sarifReplacement{DeletedRegion: sarifRegion{StartLine: l, StartColumn: c, EndLine: l, EndColumn: c}, InsertedContent: &sarifText{Text: text}}
	}
	switch rule {
	case linker.RuleMalformedLink, linker.RuleLinkMismatch, linker.RuleNonstandardLanguage, ruleBrokenLink, ruleSoft404:
		text := o.Suggestion
		if doc.Format == "html" {
			text = html.EscapeString(text)
		}
		r := region(o.Line, o.Col, o.Start, o.End)
		r.Snippet = nil
		return []sarifReplacement{{DeletedRegion: r, InsertedContent: &sarifText{Text: text}}}
	case linker.RuleUnlinkedCitation:
		if doc.Format == "html" {
			return []sarifReplacement{at(o.Start, `<a href="`+html.EscapeString(o.Suggestion)+`">`), at(o.End, "</a>")}
		}
		return []sarifReplacement{at(o.End, " ("+o.Suggestion+")")}
	}
	return nil
}

func fixDescription(f linker.Finding) string {
	switch f.Rule {
	case linker.RuleUnlinkedCitation:
		return "link the citation to " + f.Suggestion
	case linker.RuleNonstandardLanguage:
		if len(f.Occurrences) > 1 {
			return "use the standard language code in every link"
		}
	case ruleBrokenLink, ruleSoft404:
		return "replace the dead address with " + f.Suggestion
	}
	return "replace the address with " + f.Suggestion
}

func (s *sarifLog) write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}
