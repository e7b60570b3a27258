package unsim

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"html"
	"strings"
	"time"
)

// magic is the first bytes of each served format.
var magic = map[string]string{
	FormatPDF:         "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
	FormatDOCX:        "PK\x03\x04\x14\x00\x06\x00\x08\x00",
	FormatDOC:         "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
	FormatWordPerfect: "\xffWPC\x10\x00\x00\x00\x01\x0a",
}

// fileBytes builds a document's bytes: real magic, then a header naming
// symbol, language and version (so a version change changes the first
// bytes, hence the client's hash), then filler up to the size. The text is
// made up; no UN text is copied.
func fileBytes(d *entry) []byte {
	var b bytes.Buffer
	b.Grow(d.size + 64)
	b.WriteString(magic[d.format])
	fmt.Fprintf(&b, "1 0 obj\n<< /Type /Catalog /Title (%s) /Lang (%s) /Version (%d) /Producer (xref unsim) >>\nendobj\n",
		d.symbol, d.lang, d.version)
	for i := 0; b.Len() < d.size-6; i++ {
		fmt.Fprintf(&b, "%% unsim filler %s %s v%d line %d\n", d.symbol, d.lang, d.version, i)
	}
	b.Truncate(max(d.size-6, len(magic[d.format])))
	b.WriteString("%%EOF\n")
	return b.Bytes()
}

// etag is a strong validator derived from the bytes.
func etag(b []byte) string {
	s := sha256.Sum256(b)
	return `"` + hex.EncodeToString(s[:8]) + `"`
}

// jobPath derives a job-number file path from a symbol and language, in the
// shape of the real ones: each language version has its
// own job number.
func jobPath(symbol, lang, format string) string {
	h := fnv.New32a()
	h.Write([]byte(symbolKey(symbol) + "|" + lang))
	n := fmt.Sprintf("%07d", h.Sum32()%10000000)
	ext := map[string]string{FormatDOCX: "docx", FormatDOC: "doc", FormatWordPerfect: "wpd"}[format]
	if ext == "" {
		ext = "pdf"
	}
	return fmt.Sprintf("/doc/undoc/gen/n%s/%s/%s/%s/n%s.%s", n[:2], n[2:5], n[5:], ext, n, ext)
}

// stubPage is the ~1.3 KB HTML page answered with 200 for an unknown
// symbol, an unknown file and during a soft block.
var stubPage = func() []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Official Document System</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:sans-serif;margin:2em}h1{font-size:1.4em}.box{border:1px solid #ccc;padding:1em}</style>
</head>
<body>
<header><p>United Nations Official Document System (simulated by xref unsim)</p></header>
<main class="box">
<h1>Document not found</h1>
<p>The document you requested is not available in this language, has not been
published yet, or the symbol is not correct. Please check the symbol and try again.</p>
<p>This page is returned with status 200, as the real service does, so the only
way to tell it from a document is to look at the first bytes of the body.</p>
</main>
<footer><p>Simulated page for tests. It contains no text from the real service.</p>
`)
	for b.Len() < 1300 {
		b.WriteString("<!-- padding to the size of the real stub -->\n")
	}
	b.WriteString("</footer>\n</body>\n</html>\n")
	return []byte(b.String())
}()

// wafPage is the body of the Digital Library's 202 WAF challenge.
const wafPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title></title>
<script>/* simulated AWS WAF challenge: a browser would run JavaScript here */</script>
</head><body><noscript>JavaScript is required.</noscript></body></html>
`

func page(title, head, body string) []byte {
	return []byte(fmt.Sprintf("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title>\n%s</head>\n<body>\n%s\n</body></html>\n",
		html.EscapeString(title), head, body))
}

// refreshPage1 is the first meta refresh of a chain: delay 1, upper-case URL=,
// a relative path ('1; URL=/tmp/6596179.00848389.html').
func refreshPage1(next string) []byte {
	return page("Redirecting", fmt.Sprintf(`<meta http-equiv="refresh" content="1; URL=%s">`+"\n", html.EscapeString(next)), "<p>Please wait…</p>")
}

// refreshPage2 is the second: upper-case attribute name and value, no
// space, quoted URL.
func refreshPage2(next string) []byte {
	return page("Redirecting", fmt.Sprintf(`<META HTTP-EQUIV="Refresh" CONTENT="0;url='%s'">`+"\n", html.EscapeString(next)), "")
}

// viewerPage embeds the file in an iframe, after an unrelated one.
func viewerPage(symbol, file string) []byte {
	return page(symbol, "", fmt.Sprintf(`<div id="top"><iframe name="analytics" src="/blank.html" width="0" height="0"></iframe></div>
<h1>%s</h1>
<iframe id="viewer" name="document" src="%s" width="100%%" height="800"></iframe>`, html.EscapeString(symbol), html.EscapeString(file)))
}

// framesetPage is a legacy frameset: header, document, footer.
func framesetPage(symbol, file string) []byte {
	return []byte(fmt.Sprintf(`<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">
<html><head><title>%s</title></head>
<frameset rows="80,*,20">
<frame name="header" src="/header.html">
<frame name="document" src="%s">
<frame name="footer" src="/footer.html">
<noframes><body>Frames required.</body></noframes>
</frameset></html>
`, html.EscapeString(symbol), html.EscapeString(file)))
}

// citationPage is a landing page with citation_pdf_url.
func citationPage(symbol, file string) []byte {
	return page(symbol, fmt.Sprintf(`<meta name="citation_title" content="%s">
<meta name="citation_pdf_url" content="%s">
`, html.EscapeString(symbol), html.EscapeString(file)), "<p>Landing page.</p>")
}

// pdfLinkPage is a landing page with a plain link to the PDF.
func pdfLinkPage(symbol, file string) []byte {
	return page(symbol, "", fmt.Sprintf(`<p><a href="/">Home</a> · <a href="/help.html">Help</a></p>
<p><a href="%s">Download %s (PDF)</a></p>`, html.EscapeString(file), html.EscapeString(symbol)))
}

func modifiedFor(d Doc) time.Time {
	if !d.Modified.IsZero() {
		return d.Modified.UTC()
	}
	return time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d.Version)
}
