package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/xref-un/xref/cache"
	"github.com/xref-un/xref/fetch"
	"github.com/xref-un/xref/linker"
)

const expandAbout = `
Expand turns every citation of a transcript into a link to the document, in
the transcript's language, and keeps every other byte as it was: plain text
becomes Markdown ([resolution 73/266](https://undocs.org/en/A/RES/73/266)),
an HTML fragment, or text with the addresses after the citations; an HTML
transcript is expanded in place (never inside an existing link, never
breaking a tag or a character reference). Enumerations give one link per
item.

Links are in the transcript's language (detected, or given by
--transcript-lang) unless --lang names another.

When the citation graph knows an address to be dead (from xref check
--resolve or xref rot), its link is marked, not silently emitted; with
--fix-links, a dead link of the transcript whose document the graph knows
at another address (its replacement) gets that address, unless
--no-archive and the address is a web archive copy.

Exit status: 0, or 2 when a file cannot be read or the flags are wrong.`

func runExpand(ctx context.Context, args []string, s IO) error {
	fs := newFlags("expand", "[flags] FILE...", expandAbout, s.Err)
	to := fs.String("to", "markdown", "output for plain text: markdown, html or text (HTML input stays HTML)")
	tmpl := fs.String("url-template", linker.DefaultURLTemplate, "address of a document: {lang}, {symbol}, {qsymbol} (query-escaped) and {display} are filled in")
	fix := fs.Bool("fix-links", false, "replace malformed or mismatched links of the transcript with the corrected address")
	decisions := fs.String("decisions", "text", "decisions, which have no document: text (left as written) or title (HTML: a title saying why)")
	linkLang := fs.String("lang", "", "language of the links: "+strings.Join(linker.Languages, ", ")+" (the transcript's when empty)")
	var in inputFlags
	in.registerAs(fs, "transcript-lang")
	var sf storeFlags
	sf.register(fs, false)
	noGraph := fs.Bool("no-cache", false, "do not read the citation graph for dead links")
	noArchive := fs.Bool("no-archive", false, "with --fix-links, never put a web archive copy in place of a dead link")
	var vb verbosity
	vb.register(fs)
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	if *linkLang, err = validLang(*linkLang); err != nil {
		return err
	}
	format := linker.ExpandFormat(strings.ToLower(*to))
	switch format {
	case linker.ExpandMarkdown, linker.ExpandHTML, linker.ExpandText:
	default:
		return usagef("unknown output %q (use markdown, html or text)", *to)
	}
	mode := linker.DecisionMode(*decisions)
	if mode != linker.DecisionsText && mode != linker.DecisionsTitle {
		return usagef("unknown decisions mode %q (use text or title)", *decisions)
	}
	if !strings.Contains(*tmpl, "{symbol}") && !strings.Contains(*tmpl, "{qsymbol}") {
		return usagef("the URL template %q has no {symbol} or {qsymbol}", *tmpl)
	}
	if len(files) == 0 {
		return usagef("no input files (give - to read standard input)")
	}
	var status func(string) (linker.LinkStatus, bool)
	if !*noGraph {
		st, err := sf.openRead(ctx)
		switch {
		case err == nil:
			defer st.Close()
			status = graphStatus(ctx, st, *noArchive)
		case errors.Is(err, cache.ErrInUse):
			fmt.Fprintf(s.Err, "xref: dead links are not marked: %v\n", err)
		}
		// No graph yet: nothing is known to be dead.
	}
	w := bufio.NewWriter(s.Out)
	defer w.Flush()
	failed := false
	for _, name := range files {
		shown := displayName(name)
		doc, err := readDocument(name, s.In, in.options(name))
		if err != nil {
			fmt.Fprintf(s.Err, "xref: %s: %v\n", shown, err)
			failed = true
			continue
		}
		linker.Crossref(doc)
		x, err := linker.Expand(ctx, doc, linker.ExpandOptions{
			Format: format, Lang: *linkLang, URLTemplate: *tmpl, Decisions: mode, FixLinks: *fix, Status: status,
		})
		if err != nil {
			return err
		}
		if _, err := w.Write(x.Output); err != nil {
			return err
		}
		var skipped []string
		for why, n := range x.Skipped {
			skipped = append(skipped, fmt.Sprintf("%d %s", n, why))
		}
		msg := fmt.Sprintf("%s: %d citations linked", shown, x.Linked)
		if x.Fixed > 0 {
			msg += fmt.Sprintf(", %d links corrected", x.Fixed)
		}
		if len(skipped) > 0 {
			msg += "; left as text: " + strings.Join(skipped, ", ")
		}
		w.Flush()
		vb.info(s.Err, "%s", msg)
	}
	if failed {
		return errInput
	}
	return nil
}

// graphStatus tells which addresses the citation graph knows to be dead,
// and the replacement it knows for them (none from the archive when
// noArchive).
func graphStatus(ctx context.Context, st *cache.Store, noArchive bool) func(string) (linker.LinkStatus, bool) {
	return func(u string) (linker.LinkStatus, bool) {
		l, err := st.Link(ctx, u)
		if err != nil || l.Latest == nil {
			return linker.LinkStatus{}, false
		}
		switch {
		case l.State == "dead", l.Latest.Status == "not-found", l.Latest.Status == "soft-404":
			since := l.StatusSince
			if since.IsZero() {
				since = l.Latest.Time
			}
			ls := linker.LinkStatus{Dead: true, Note: fmt.Sprintf("%s since %s", l.Latest.Status, since.UTC().Format("2006-01-02"))}
			if rp := l.Replacement; rp != nil && !(noArchive && rp.Via == string(fetch.ViaArchive)) {
				ls.Replacement = rp.URL
			}
			return ls, true
		}
		return linker.LinkStatus{}, true
	}
}
