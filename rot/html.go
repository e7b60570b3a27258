package rot

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
)

// WriteHTML writes the report as one self-contained HTML page: inline CSS,
// the trend as inline SVG, no script and no external asset (a
// Content-Security-Policy forbids both), laid out for a phone as well as a
// desktop browser.
func (r *Report) WriteHTML(w io.Writer) error {
	b := bufio.NewWriter(w)
	t := &r.Totals
	title := "Link rot report, " + stamp(r.Run.Start)
	fmt.Fprintf(b, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>%s</title>
<style>%s</style>
</head>
<body>
<header>
<h1>%s</h1>
`, esc(title), css, esc(title))
	fmt.Fprintf(b, "<p class=\"meta\">Run <code>%s</code> checked %d of %s (%d due) with %s.",
		esc(r.Run.ID), t.Checked, plural(t.Links, "link in use", "links in use"), t.Due,
		plural(t.Requests, "request", "requests"))
	if t.HostClosed > 0 {
		fmt.Fprintf(b, " %s not contacted: their host asked to wait.", plural(t.HostClosed, "link was", "links were"))
	}
	if t.Deferred > 0 {
		fmt.Fprintf(b, " %s left for the next run (%s).", plural(t.Deferred, "due link is", "due links are"), esc(r.Run.Stopped))
	}
	fmt.Fprintf(b, " A link is dead after failing on %d separate runs; blocked, rate-limited and unreachable links are unknown, never rot.</p>\n</header>\n", r.Run.DeadAfter)

	b.WriteString("<nav class=\"cards\" aria-label=\"Sections\">\n")
	for _, v := range SectionOrder {
		n := len(*r.Sections.Of(v))
		zero := ""
		if n == 0 {
			zero = " zero"
		}
		fmt.Fprintf(b, "<a class=\"card %s%s\" href=\"#%s\"><span class=\"n\">%d</span><span class=\"l\">%s</span></a>\n", v, zero, v, n, v.Title())
	}
	b.WriteString("</nav>\n")
	fmt.Fprintf(b, "<p class=\"states\">All links: %d working, %d suspect, %d dead, %d not judged yet.",
		t.States.OK, t.States.Suspect, t.States.Dead, t.States.Unjudged)
	if n := t.States.Suspect + t.States.Dead; n > 0 {
		fmt.Fprintf(b, " Replacement found for %d of the %d failing.", t.Replaced, n)
	}
	b.WriteString("</p>\n")

	b.WriteString("<section id=\"trend\">\n<h2>Trend</h2>\n<figure>\n")
	writeTrendSVG(b, r.Trend)
	b.WriteString("<figcaption>")
	for _, s := range trendSeries {
		fmt.Fprintf(b, "<span class=\"key\"><span class=\"swatch\" style=\"background:%s\"></span>%s</span> ", s.color, s.name)
	}
	fmt.Fprintf(b, "over the last %s.</figcaption>\n</figure>\n</section>\n", plural(len(r.Trend), "run", "runs"))

	for _, v := range SectionOrder {
		list := *r.Sections.Of(v)
		fmt.Fprintf(b, "<section id=\"%s\" class=\"sec %s\">\n<h2>%s <span class=\"count\">%d</span></h2>\n<p class=\"about\">%s</p>\n",
			v, v, v.Title(), len(list), esc(v.about(r.Run.DeadAfter)))
		if len(list) == 0 {
			b.WriteString("<p class=\"none\">None.</p>\n</section>\n")
			continue
		}
		b.WriteString("<ul class=\"links\">\n")
		for _, e := range list {
			b.WriteString("<li>")
			if strings.HasPrefix(e.URL, "https://") || strings.HasPrefix(e.URL, "http://") {
				fmt.Fprintf(b, "<a class=\"url\" href=\"%s\">%s</a>", esc(e.URL), esc(e.URL))
			} else {
				fmt.Fprintf(b, "<span class=\"url\">%s</span>", esc(e.URL))
			}
			fmt.Fprintf(b, "\n<p class=\"reason\">%s</p>\n", esc(e.Reason))
			if failing(&e) {
				b.WriteString("<p class=\"replacement\">Replacement found: ")
				if rp := e.Replacement; rp != nil && (strings.HasPrefix(rp.URL, "https://") || strings.HasPrefix(rp.URL, "http://")) {
					fmt.Fprintf(b, "<a href=\"%s\">%s</a> (%s)", esc(rp.URL), esc(rp.URL), esc(replacementText(&e)))
				} else {
					b.WriteString(esc(replacementText(&e)))
				}
				b.WriteString("</p>\n")
			}
			b.WriteString("<ul class=\"uses\">\n")
			for _, u := range e.Uses {
				fmt.Fprintf(b, "<li>%s</li>\n", esc(useText(u)))
			}
			b.WriteString("</ul></li>\n")
		}
		b.WriteString("</ul>\n</section>\n")
	}
	if len(r.ClosedHosts) > 0 {
		b.WriteString("<section id=\"hosts\">\n<h2>Hosts that asked to wait</h2>\n<ul>\n")
		for _, h := range r.ClosedHosts {
			fmt.Fprintf(b, "<li>%s: not contacted before %s</li>\n", esc(h.Host), stamp(h.NotBefore))
		}
		b.WriteString("</ul>\n</section>\n")
	}
	fmt.Fprintf(b, "<footer>xref rot · %s · run %s</footer>\n</body>\n</html>\n", Schema, esc(r.Run.ID))
	return b.Flush()
}

func esc(s string) string { return html.EscapeString(s) }

// Section colours, shared by the cards, the section borders and the chart.
const (
	colorDead    = "#b3261e"
	colorSuspect = "#b45f06"
	colorFixed   = "#2e7d32"
	colorRedir   = "#1565c0"
	colorChanged = "#6a1b9a"
	colorUnknown = "#5f6368"
)

const css = `
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;overflow-wrap:break-word;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:#1f1f1f;background:#fff}
h1{font-size:1.5rem;margin:.2rem 0 .5rem}
h2{font-size:1.2rem;margin:1.5rem 0 .3rem}
code{font-size:.9em}
.meta,.states,.about,figcaption,footer{color:#444;font-size:.95rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(7.5rem,1fr));gap:.5rem;margin:1rem 0}
.card{display:flex;flex-direction:column;padding:.6rem .8rem;border-radius:.5rem;border:1px solid #ddd;border-left:.4rem solid;text-decoration:none;color:inherit;background:#fafafa}
.card .n{font-size:1.6rem;font-weight:700;line-height:1.1}
.card.zero{opacity:.55}
.new-broken{border-color:` + colorDead + `}.new-broken .n,.new-broken h2{color:` + colorDead + `}
.suspect{border-color:` + colorSuspect + `}.suspect .n,.suspect h2{color:` + colorSuspect + `}
.fixed{border-color:` + colorFixed + `}.fixed .n,.fixed h2{color:` + colorFixed + `}
.redirected{border-color:` + colorRedir + `}.redirected .n,.redirected h2{color:` + colorRedir + `}
.changed{border-color:` + colorChanged + `}.changed .n,.changed h2{color:` + colorChanged + `}
.still-broken{border-color:#7f1d1d}.still-broken .n,.still-broken h2{color:#7f1d1d}
.unknown{border-color:` + colorUnknown + `}.unknown .n,.unknown h2{color:` + colorUnknown + `}
.sec{border-left-width:.3rem;border-left-style:solid;padding-left:.8rem;margin-top:1.2rem}
.count{display:inline-block;min-width:1.6em;padding:0 .4em;border-radius:1em;background:#eee;color:#1f1f1f;font-size:.9rem;text-align:center}
.links{list-style:none;padding:0;margin:.5rem 0}
.links>li{padding:.5rem 0;border-top:1px solid #eee}
.url{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92rem;overflow-wrap:anywhere;color:#0b57d0}
.reason{margin:.2rem 0;overflow-wrap:anywhere}
.replacement{margin:.2rem 0;overflow-wrap:anywhere;font-size:.95em}
.uses{margin:.2rem 0;padding-left:1.2rem;font-size:.9rem;color:#333;overflow-wrap:anywhere}
.none{color:#666;font-style:italic}
figure{margin:0}
svg.trend{width:100%;height:auto;max-height:16rem;display:block}
.key{white-space:nowrap;margin-right:.6rem}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:.2em;margin-right:.3em;vertical-align:-.05em}
footer{margin-top:2rem;border-top:1px solid #eee;padding-top:.5rem;font-size:.85rem}
@media (max-width:30rem){body{padding:.6rem;font-size:15px}.card .n{font-size:1.3rem}h1{font-size:1.25rem}}
`

// trendSeries are the lines of the chart.
var trendSeries = []struct {
	name, color string
	value       func(Point) int
}{
	{"Dead", colorDead, func(p Point) int { return p.Dead }},
	{"Suspect", colorSuspect, func(p Point) int { return p.Suspect }},
	{"Unknown", colorUnknown, func(p Point) int { return p.Unknown }},
	{"Fixed", colorFixed, func(p Point) int { return p.Fixed }},
}

// writeTrendSVG draws the trend as an inline SVG line chart that scales
// with the page (viewBox, width 100%).
func writeTrendSVG(b *bufio.Writer, pts []Point) {
	const w, h, left, right, top, bottom = 480.0, 220.0, 40.0, 12.0, 14.0, 34.0
	pw, ph := w-left-right, h-top-bottom
	top1 := 1
	for _, p := range pts {
		for _, s := range trendSeries {
			top1 = max(top1, s.value(p))
		}
	}
	x := func(i int) float64 {
		if len(pts) < 2 {
			return left + pw/2
		}
		return left + pw*float64(i)/float64(len(pts)-1)
	}
	y := func(v int) float64 { return top + ph - ph*float64(v)/float64(top1) }
	fmt.Fprintf(b, "<svg class=\"trend\" viewBox=\"0 0 %g %g\" role=\"img\" aria-labelledby=\"trend-title\" xmlns=\"http://www.w3.org/2000/svg\">\n", w, h)
	fmt.Fprintf(b, "<title id=\"trend-title\">Dead, suspect, unknown and fixed links over the last %s</title>\n", plural(len(pts), "run", "runs"))
	for _, v := range []int{0, top1 / 2, top1} {
		if v == top1/2 && (v == 0 || v == top1) {
			continue
		}
		fmt.Fprintf(b, "<line x1=\"%g\" y1=\"%.1f\" x2=\"%g\" y2=\"%.1f\" stroke=\"#ddd\"/>", left, y(v), w-right, y(v))
		fmt.Fprintf(b, "<text x=\"%g\" y=\"%.1f\" font-size=\"13\" text-anchor=\"end\" fill=\"#555\">%d</text>\n", left-6, y(v)+4, v)
	}
	// At most about seven dates, the last one always, none crowded.
	every := max(1, (len(pts)+6)/7)
	last := len(pts) - 1
	for i, p := range pts {
		if i != last && (i%every != 0 || (i > 0 && last-i < every && last%every != 0)) {
			continue
		}
		anchor := "middle"
		switch {
		case len(pts) > 1 && i == 0:
			anchor = "start"
		case len(pts) > 1 && i == len(pts)-1:
			anchor = "end"
		}
		fmt.Fprintf(b, "<text x=\"%.1f\" y=\"%g\" font-size=\"13\" text-anchor=\"%s\" fill=\"#555\">%s</text>\n", x(i), h-bottom+20, anchor, p.Start.UTC().Format("01-02"))
	}
	for _, s := range trendSeries {
		if len(pts) > 1 {
			var coords []string
			for i, p := range pts {
				coords = append(coords, fmt.Sprintf("%.1f,%.1f", x(i), y(s.value(p))))
			}
			fmt.Fprintf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" points=\"%s\"/>\n", s.color, strings.Join(coords, " "))
		}
		for i, p := range pts {
			fmt.Fprintf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s %s: %d</title></circle>\n",
				x(i), y(s.value(p)), s.color, s.name, p.Start.UTC().Format("2006-01-02"), s.value(p))
		}
	}
	b.WriteString("</svg>\n")
}
