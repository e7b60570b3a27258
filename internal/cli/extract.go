package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/xref-un/xref/linker"
)

const extractAbout = `
Extract lists every citation of a UN document in the transcripts: its
canonical symbol (A/RES/73/266), display form, kind, organ, byte offsets
(input[start:end] is exactly the cited text; for files not in UTF-8, the
text decoded to UTF-8), line and column (in characters), the cited text and
its undocs.org address in the transcript's language.

With --anaphora, references back to the last citation ("that resolution",
"ladite résolution", "dicha resolución", "该决议第2段", "этой резолюции",
"القرار المذكور") are listed too, with form "anaphora", the symbol they point
at, their paragraph pin and the place of the citation they refer to
("antecedent"). They are not citations of new documents, so they are left out
unless asked for.

Files are read as a stream: a corpus of any size runs in constant memory.
Page furniture (the transcript's own symbol as running head, page and job
numbers) and URLs are never reported as citations.

Exit status: 0 when every file was read, 2 when a file could not be read
(the others are still processed) or the flags are wrong.`

func runExtract(ctx context.Context, args []string, s IO) error {
	fs := newFlags("extract", "[flags] FILE...", extractAbout, s.Err)
	format := fs.String("format", "jsonl", "output: jsonl (one JSON object per citation), json (one document) or text")
	anaphora := fs.Bool("anaphora", false, "also list references back to the last citation (\"that resolution\", \"该决议\")")
	var in inputFlags
	in.register(fs)
	var vb verbosity
	vb.register(fs)
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	*format = strings.ToLower(*format)
	if *format != "jsonl" && *format != "json" && *format != "text" {
		return usagef("unknown format %q (use jsonl, json or text)", *format)
	}
	if len(files) == 0 {
		return usagef("no input files (give - to read standard input)")
	}
	w := bufio.NewWriterSize(s.Out, 256<<10)
	defer w.Flush()
	type fileOut struct {
		File      string            `json:"file"`
		Lang      string            `json:"lang"`
		Encoding  string            `json:"encoding"`
		Self      string            `json:"self"`
		Citations []linker.Citation `json:"citations"`
	}
	var all []fileOut
	failed := false
	var buf []byte
	var prefix jsonlPrefix
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		r, err := open(name, s.In)
		if err != nil {
			fmt.Fprintf(s.Err, "xref: %s: %v\n", displayName(name), err)
			failed = true
			continue
		}
		shown := displayName(name)
		var cites []linker.Citation
		opt := in.options(name)
		opt.Anaphora = *anaphora
		t0 := time.Now()
		info, err := linker.Stream(ctx, r, opt, func(c linker.Citation) error {
			switch *format {
			case "jsonl":
				// Built in the writer's own free space, the line is
				// written without a copy when it fits.
				buf = appendCitationJSON(w.AvailableBuffer(), prefix.get(shown, c.DocLang), &c)
				buf = append(buf, '\n')
				_, err := w.Write(buf)
				return err
			case "text":
				if c.Antecedent != nil {
					pin := ""
					if c.Pin != "" {
						pin = ", paragraph " + c.Pin
					}
					_, err := fmt.Fprintf(w, "%s:%d:%d: %s\t%s\t%q (refers to %d:%d%s)\n", shown, c.Line, c.Col, c.Key, c.Form, c.Text, c.Antecedent.Line, c.Antecedent.Col, pin)
					return err
				}
				_, err := fmt.Fprintf(w, "%s:%d:%d: %s\t%s\t%q\n", shown, c.Line, c.Col, c.Key, c.Kind, c.Text)
				return err
			}
			cites = append(cites, c)
			return nil
		})
		r.Close()
		if err == nil {
			vb.note(s.Err, "%s: %s, %d citations, %d bytes in %s", shown, info.Lang, info.Citations, info.Bytes, time.Since(t0).Round(time.Microsecond))
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(s.Err, "xref: %s: %v\n", shown, err)
			failed = true
			continue
		}
		if *format == "json" {
			if cites == nil {
				cites = []linker.Citation{}
			}
			all = append(all, fileOut{File: shown, Lang: info.Lang, Encoding: info.Encoding, Self: info.Self, Citations: cites})
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if all == nil {
			all = []fileOut{}
		}
		if err := enc.Encode(struct {
			Schema string    `json:"schema"`
			Files  []fileOut `json:"files"`
		}{extractSchema, all}); err != nil {
			return err
		}
	}
	if failed {
		return errInput
	}
	return nil
}

// extractSchema names the format and version of extract's JSON: each line
// of jsonl, and the document of json.
const extractSchema = "xref-extract/1"
