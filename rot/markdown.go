package rot

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the report as Markdown: a summary, one section per
// verdict with every link and the transcripts, lines and citations that use
// it, the hosts that asked to wait, and the trend as a table.
func (r *Report) WriteMarkdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	t := &r.Totals
	fmt.Fprintf(b, "# Link rot report, %s\n\n", stamp(r.Run.Start))
	fmt.Fprintf(b, "Run `%s` checked %d of %s (%d due) with %s.", r.Run.ID, t.Checked,
		plural(t.Links, "link in use", "links in use"), t.Due, plural(t.Requests, "request", "requests"))
	if t.HostClosed > 0 {
		fmt.Fprintf(b, " %s not contacted: their host asked to wait.", plural(t.HostClosed, "link was", "links were"))
	}
	if t.Deferred > 0 {
		fmt.Fprintf(b, " %s left for the next run (%s).", plural(t.Deferred, "due link is", "due links are"), r.Run.Stopped)
	}
	fmt.Fprintf(b, "\nA link is dead after failing on %d separate runs; blocked, rate-limited and unreachable links are unknown, never rot.\n\n", r.Run.DeadAfter)
	fmt.Fprintf(b, "| Section | Links |\n|---|---:|\n")
	for _, v := range SectionOrder {
		fmt.Fprintf(b, "| [%s](#%s) | %d |\n", v.Title(), v, len(*r.Sections.Of(v)))
	}
	fmt.Fprintf(b, "\nAll links: %d working, %d suspect, %d dead, %d not judged yet.\n",
		t.States.OK, t.States.Suspect, t.States.Dead, t.States.Unjudged)
	if n := t.States.Suspect + t.States.Dead; n > 0 {
		fmt.Fprintf(b, "Replacement found for %d of the %d failing.\n", t.Replaced, n)
	}
	for _, v := range SectionOrder {
		list := *r.Sections.Of(v)
		fmt.Fprintf(b, "\n<a id=\"%s\"></a>\n## %s (%d)\n\n%s\n\n", v, v.Title(), len(list), v.about(r.Run.DeadAfter))
		if len(list) == 0 {
			fmt.Fprintf(b, "None.\n")
			continue
		}
		for _, e := range list {
			fmt.Fprintf(b, "- `%s`: %s\n", mdCode(e.URL), mdText(e.Reason))
			if failing(&e) {
				if rp := e.Replacement; rp != nil {
					fmt.Fprintf(b, "  - Replacement found: `%s` (%s)\n", mdCode(rp.URL), mdText(replacementText(&e)))
				} else {
					fmt.Fprintf(b, "  - Replacement found: %s\n", mdText(replacementText(&e)))
				}
			}
			for _, u := range e.Uses {
				fmt.Fprintf(b, "  - %s\n", mdText(useText(u)))
			}
		}
	}
	if len(r.ClosedHosts) > 0 {
		fmt.Fprintf(b, "\n## Hosts that asked to wait\n\n")
		for _, h := range r.ClosedHosts {
			fmt.Fprintf(b, "- %s: not contacted before %s\n", h.Host, stamp(h.NotBefore))
		}
	}
	fmt.Fprintf(b, "\n## Trend (last %s)\n\n", plural(len(r.Trend), "run", "runs"))
	fmt.Fprintf(b, "| Run | Checked | New broken | Suspect | Fixed | Redirected | Changed | Still broken | Unknown | Dead |\n")
	fmt.Fprintf(b, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range r.Trend {
		fmt.Fprintf(b, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n", stamp(p.Start), p.Checked, p.NewBroken,
			p.Suspect, p.Fixed, p.Redirected, p.Changed, p.StillBroken, p.Unknown, p.Dead)
	}
	return b.Flush()
}

// useText describes one use: "S/PV.9950 (en), line 14, citing A/RES/73/27: path".
func useText(u Use) string {
	s := u.Transcript
	if u.Lang != "" {
		s += " (" + u.Lang + ")"
	}
	s += fmt.Sprintf(", line %d", u.Line)
	if u.Symbol != "" {
		s += ", citing " + u.Symbol
	}
	if u.Path != "" && !strings.Contains(u.Transcript, u.Path) {
		s += ": " + u.Path
	}
	return s
}

// mdText escapes the characters that Markdown would read as markup.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#':
			b.WriteByte('\\')
		case '\n', '\r':
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCode keeps a code span intact: URLs carry no backquotes once escaped.
func mdCode(s string) string { return strings.ReplaceAll(s, "`", "%60") }
