package linker

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// htmlView is the text of an HTML transcript, as a reader sees it, with a
// map back to the bytes of the page and the page's anchors.
type htmlView struct {
	text    []byte
	m       spanMap
	anchors []anchor
	title   string
	lang    string
	base    *url.URL
}

// anchor is an <a href> of the page.
type anchor struct {
	href               string // unescaped attribute value
	hrefStart, hrefEnd int    // the attribute value in the page
	textStart, textEnd int    // the anchor's text in the view
}

// blockTags end a line of text: a citation never runs across them.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "td": true, "th": true, "table": true,
	"section": true, "article": true, "blockquote": true, "pre": true, "hr": true, "dt": true, "dd": true,
	"dl": true, "header": true, "footer": true, "nav": true, "aside": true, "figure": true,
	"figcaption": true, "main": true, "form": true, "title": true, "body": true, "html": true, "head": true,
	"caption": true, "address": true, "center": true,
}

// skipTags hold no transcript text.
var skipTags = map[string]bool{"script": true, "style": true, "template": true, "noscript": true, "head": true, "svg": true, "math": true}

// parseHTML reads an HTML page with goquery for its metadata and with the
// tokenizer that goquery's parser is built on for the text, so that every
// byte of text keeps its offset in the page.
func parseHTML(src []byte) (*htmlView, error) {
	v := &htmlView{}
	if doc, err := goquery.NewDocumentFromReader(bytes.NewReader(src)); err == nil {
		v.title = strings.TrimSpace(doc.Find("title").First().Text())
		v.lang = strings.TrimSpace(doc.Find("html").First().AttrOr("lang", ""))
		if b, ok := doc.Find("base[href]").First().Attr("href"); ok {
			if u, err := url.Parse(strings.TrimSpace(b)); err == nil && u.IsAbs() {
				v.base = u
			}
		}
	}
	var b builder
	z := html.NewTokenizer(bytes.NewReader(src))
	pos := 0
	skip := 0 // depth inside skipTags
	var open []int
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start, end := pos, pos+len(raw)
		pos = end
		switch tt {
		case html.TextToken:
			if skip > 0 {
				continue
			}
			appendText(&b, src, start, end)
		case html.StartTagToken, html.SelfClosingTagToken:
			nameB, hasAttr := z.TagName()
			name := string(nameB)
			if skipTags[name] && tt == html.StartTagToken {
				skip++
				continue
			}
			if skip > 0 {
				continue
			}
			if blockTags[name] {
				b.replace(start, end, "\n")
			}
			if name == "a" && hasAttr {
				for {
					key, val, more := z.TagAttr()
					if string(key) == "href" {
						hs, he := attrSpan(raw, "href")
						a := anchor{href: strings.TrimSpace(string(val)), hrefStart: start + hs, hrefEnd: start + he, textStart: len(b.out), textEnd: -1}
						v.anchors = append(v.anchors, a)
						if tt == html.StartTagToken {
							open = append(open, len(v.anchors)-1)
						}
					}
					if !more {
						break
					}
				}
			}
		case html.EndTagToken:
			nameB, _ := z.TagName()
			name := string(nameB)
			if skipTags[name] {
				if skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			if name == "a" && len(open) > 0 {
				v.anchors[open[len(open)-1]].textEnd = len(b.out)
				open = open[:len(open)-1]
			}
			if blockTags[name] {
				b.replace(start, end, "\n")
			}
		}
	}
	for _, k := range open {
		v.anchors[k].textEnd = len(b.out)
	}
	// Bytes after the last token (an unterminated tag) are not text.
	if b.in < len(src) {
		b.m.pieces = append(b.m.pieces, piece{out: len(b.out), in: b.in, inLen: len(src) - b.in})
		b.in = len(src)
	}
	v.text, v.m = b.out, b.m
	return v, nil
}

// appendText adds a text token, decoding character references.
func appendText(b *builder, src []byte, start, end int) {
	i := start
	for i < end {
		k := bytes.IndexByte(src[i:end], '&')
		if k < 0 {
			b.copy(src, i, end)
			return
		}
		amp := i + k
		if amp > i {
			b.copy(src, i, amp)
		}
		// A reference ends at ';', within a few bytes.
		semi := bytes.IndexByte(src[amp:min(end, amp+40)], ';')
		if semi > 1 {
			ref := string(src[amp : amp+semi+1])
			if dec := html.UnescapeString(ref); dec != ref {
				b.replace(amp, amp+semi+1, dec)
				i = amp + semi + 1
				continue
			}
		}
		b.copy(src, amp, amp+1)
		i = amp + 1
	}
}

// attrSpan finds the value of attribute name in a raw start tag and returns
// its offsets in raw (without quotes).
func attrSpan(raw []byte, name string) (int, int) {
	l := bytes.ToLower(raw)
	from := 0
	for {
		k := bytes.Index(l[from:], []byte(name))
		if k < 0 {
			return 0, 0
		}
		k += from
		from = k + len(name)
		if k > 0 && !isSpaceByte(l[k-1]) {
			continue
		}
		p := k + len(name)
		for p < len(l) && isSpaceByte(l[p]) {
			p++
		}
		if p >= len(l) || l[p] != '=' {
			continue
		}
		p++
		for p < len(l) && isSpaceByte(l[p]) {
			p++
		}
		if p < len(l) && (l[p] == '"' || l[p] == '\'') {
			q := bytes.IndexByte(l[p+1:], l[p])
			if q < 0 {
				return p + 1, len(raw)
			}
			return p + 1, p + 1 + q
		}
		e := p
		for e < len(l) && !isSpaceByte(l[e]) && l[e] != '>' {
			e++
		}
		return p, e
	}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
