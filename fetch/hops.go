package fetch

import (
	"bytes"
	"net/url"
	"path"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// htmlHop is where an HTML page leads.
type htmlHop struct {
	kind HopKind
	to   *url.URL
}

// findHTMLHop looks in an HTML page for the next step towards a document,
// in this order:
//
//  1. <meta http-equiv="refresh" content="…;url=…"> (undocs.org chains,
//     daccess-ods, view_doc.asp); http-equiv is compared
//     case-insensitively;
//  2. <iframe src> (undocs.org viewer pages);
//  3. <frame src> (legacy framesets);
//  4. <meta name="citation_pdf_url" content> (landing pages);
//  5. <link type="application/pdf" href>, then <a href> whose path ends in
//     .pdf.
//
// Only 1 is followed when documents is false (a page was expected). Among
// several frames or iframes the one that looks most like the document wins
// (see frameScore). URLs are resolved against <base href> or the page URL;
// only http and https targets count, and a refresh to the page itself is
// not a hop.
func findHTMLHop(page *url.URL, body []byte, documents bool) (htmlHop, bool) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return htmlHop{}, false
	}
	base := page
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := page.Parse(strings.TrimSpace(href)); err == nil && (b.Scheme == "http" || b.Scheme == "https") {
			base = b
		}
	}
	resolve := func(ref string) (*url.URL, bool) {
		ref = strings.TrimSpace(ref)
		if ref == "" || strings.HasPrefix(ref, "#") {
			return nil, false
		}
		u, err := base.Parse(ref)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, false
		}
		u.Fragment, u.RawFragment = "", ""
		if sameResource(u, page) {
			return nil, false // a page pointing at itself leads nowhere
		}
		return u, true
	}

	var hop htmlHop
	found := false
	doc.Find("meta[http-equiv]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if !strings.EqualFold(strings.TrimSpace(s.AttrOr("http-equiv", "")), "refresh") {
			return true
		}
		target, ok := parseRefresh(s.AttrOr("content", ""))
		if !ok {
			return true
		}
		u, ok := resolve(target)
		if !ok {
			return true
		}
		hop, found = htmlHop{HopMetaRefresh, u}, true
		return false
	})
	if found || !documents {
		return hop, found
	}
	for _, fk := range []struct {
		sel  string
		kind HopKind
	}{{"iframe[src]", HopIframe}, {"frame[src]", HopFrame}} {
		best, bestScore := (*url.URL)(nil), 0
		doc.Find(fk.sel).Each(func(_ int, s *goquery.Selection) {
			u, ok := resolve(s.AttrOr("src", ""))
			if !ok {
				return
			}
			if sc := frameScore(s.AttrOr("name", "")+" "+s.AttrOr("id", ""), u); best == nil || sc > bestScore {
				best, bestScore = u, sc
			}
		})
		if best != nil {
			return htmlHop{fk.kind, best}, true
		}
	}
	doc.Find("meta[name]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if !strings.EqualFold(strings.TrimSpace(s.AttrOr("name", "")), "citation_pdf_url") {
			return true
		}
		if u, ok := resolve(s.AttrOr("content", "")); ok {
			hop, found = htmlHop{HopCitationPDFURL, u}, true
			return false
		}
		return true
	})
	if found {
		return hop, true
	}
	doc.Find("link[href][type]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if !strings.EqualFold(strings.TrimSpace(s.AttrOr("type", "")), "application/pdf") {
			return true
		}
		if u, ok := resolve(s.AttrOr("href", "")); ok {
			hop, found = htmlHop{HopPDFLink, u}, true
			return false
		}
		return true
	})
	if found {
		return hop, true
	}
	doc.Find("a[href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		u, ok := resolve(s.AttrOr("href", ""))
		if ok && strings.EqualFold(path.Ext(u.Path), ".pdf") {
			hop, found = htmlHop{HopPDFLink, u}, true
			return false
		}
		return true
	})
	return hop, found
}

// frameScore ranks the frames of a frameset or the iframes of a viewer: a
// PDF path or a document-like name beats a header, footer or menu (the
// legacy view_doc.asp frameset has header, document and footer frames).
// Ties keep the first in document order.
func frameScore(name string, u *url.URL) int {
	score := 0
	p := strings.ToLower(u.Path)
	switch ext := path.Ext(p); ext {
	case ".pdf", ".doc", ".docx", ".wpd":
		score += 4
	}
	if strings.Contains(p, "/api/symbol/access") || strings.Contains(p, "/doc/") || strings.Contains(strings.ToLower(u.RawQuery), "openelement") {
		score += 2
	}
	name = strings.ToLower(name)
	for _, w := range []string{"doc", "main", "content", "body", "viewer", "pdf"} {
		if strings.Contains(name, w) {
			score += 2
			break
		}
	}
	for _, w := range []string{"header", "footer", "nav", "menu", "top", "banner", "analytics"} {
		if strings.Contains(name, w) {
			score -= 3
			break
		}
	}
	return score
}

// sameResource compares two URLs without their fragments.
func sameResource(a, b *url.URL) bool {
	a2, b2 := *a, *b
	a2.Fragment, a2.RawFragment, b2.Fragment, b2.RawFragment = "", "", "", ""
	return a2.String() == b2.String()
}

// parseRefresh extracts the URL from a meta refresh content attribute,
// following the HTML standard's "shared declarative refresh steps" but
// leniently: the delay may be missing when "url=" is explicit, the separator
// may be ';', ',' or white space, "url" is case-insensitive with optional
// spaces around '=', and the URL may be quoted with ' or " (a missing closing
// quote is tolerated, as browsers do). It reports false when there is no URL
// (a plain reload). The delay itself is ignored: the client never waits.
func parseRefresh(content string) (string, bool) {
	s := strings.TrimLeft(content, htmlSpace)
	digits := strings.TrimLeft(s, "0123456789.")
	hadDelay := len(digits) < len(s)
	s = digits
	if !hadDelay {
		if _, ok := cutURLPrefix(s); !ok {
			return "", false
		}
	} else if s != "" {
		t := strings.TrimLeft(s, htmlSpace)
		if len(t) == len(s) && t[0] != ';' && t[0] != ',' {
			// "5x": the standard gives up here.
			return "", false
		}
		s = t
		if s != "" && (s[0] == ';' || s[0] == ',') {
			s = strings.TrimLeft(s[1:], htmlSpace)
		}
	}
	if rest, ok := cutURLPrefix(s); ok {
		s = rest
	}
	if s != "" && (s[0] == '\'' || s[0] == '"') {
		q := s[0]
		s = s[1:]
		if k := strings.IndexByte(s, q); k >= 0 {
			s = s[:k]
		}
	}
	s = strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
	if s == "" {
		return "", false
	}
	return s, true
}

// cutURLPrefix removes a leading `url =` (any case, optional spaces).
func cutURLPrefix(s string) (string, bool) {
	if len(s) < 3 || !strings.EqualFold(s[:3], "url") {
		return s, false
	}
	t := strings.TrimLeft(s[3:], htmlSpace)
	if t == "" || t[0] != '=' {
		return s, false
	}
	return strings.TrimLeft(t[1:], htmlSpace), true
}

const htmlSpace = " \t\n\f\r"
