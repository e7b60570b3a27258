package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// A baseline records the findings a project accepts today, by fingerprint,
// so that `xref check --baseline FILE` reports only new ones: a CI job can
// be switched on for a corpus with old faults and still fail on the next.

// baselineSchema names the format of baseline files.
const baselineSchema = "xref-baseline/1"

type baselineFile struct {
	Schema   string          `json:"schema"`
	Findings []baselineEntry `json:"findings"`
}

// baselineEntry is one accepted finding; everything but the fingerprint is
// for the reader of the file.
type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	File        string `json:"file"`
	Rule        string `json:"rule"`
	Line        int    `json:"line"`
	Col         int    `json:"col"`
	Message     string `json:"message"`
}

// readBaseline returns the fingerprints of a baseline file.
func readBaseline(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, usagef("--baseline: %v", err)
	}
	var bf baselineFile
	if err := json.Unmarshal(b, &bf); err != nil {
		return nil, usagef("--baseline %s: not a baseline file: %v", path, err)
	}
	if bf.Schema != baselineSchema {
		return nil, usagef("--baseline %s: schema %q, want %q (write it with --write-baseline)", path, bf.Schema, baselineSchema)
	}
	set := make(map[string]bool, len(bf.Findings))
	for _, e := range bf.Findings {
		set[e.Fingerprint] = true
	}
	return set, nil
}

// writeBaseline writes a baseline file atomically: a reader never sees
// half of it, and a failed write keeps the old one.
func writeBaseline(path string, entries []baselineEntry) error {
	if entries == nil {
		entries = []baselineEntry{}
	}
	b, err := json.MarshalIndent(baselineFile{Schema: baselineSchema, Findings: entries}, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".xref-baseline-*")
	if err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("--write-baseline: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	return nil
}
