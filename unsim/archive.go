package unsim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// The simulated web archive answers for two hosts, as the Wayback Machine
// does: archive.org/wayback/available?url=…&timestamp=… (the availability
// API: the copy closest to the timestamp, or the newest, as JSON) and
// web.archive.org/web/<timestamp>/<url> (the copy itself). What it holds
// is Scenario.Archive; a copy of something else is 404, and the
// availability API then lists none. Rules apply to both hosts like any
// other (a 429 with Retry-After from archive.org, say).

// Capture is one copy held by the simulated web archive.
type Capture struct {
	// URL is the address that was archived, as the link gives it.
	URL string `json:"url"`
	// Timestamp is when, in the Wayback form YYYYMMDDhhmmss (UTC).
	Timestamp string `json:"timestamp"`
	// Symbol, Lang and Format make the copy's bytes, like a document's
	// file (Lang default "en", Format default "pdf").
	Symbol string `json:"symbol,omitempty"`
	Lang   string `json:"lang,omitempty"`
	Format string `json:"format,omitempty"`
	// Stub makes the copy the "not found" page (the archive captured the
	// link after it died): 200 HTML without a document.
	Stub bool `json:"stub,omitempty"`
}

const waybackLayout = "20060102150405"

func (c Capture) validate() error {
	if _, err := url.Parse(c.URL); err != nil || !strings.Contains(c.URL, "://") {
		return fmt.Errorf("url %q: want an absolute address", c.URL)
	}
	if _, err := time.Parse(waybackLayout, c.Timestamp); err != nil || len(c.Timestamp) != 14 {
		return fmt.Errorf("timestamp %q: want YYYYMMDDhhmmss", c.Timestamp)
	}
	if !c.Stub && strings.TrimSpace(c.Symbol) == "" {
		return fmt.Errorf("copy of %s: no symbol (or stub)", c.URL)
	}
	switch c.Format {
	case "", FormatPDF, FormatDOCX, FormatDOC, FormatWordPerfect:
	default:
		return fmt.Errorf("format %q", c.Format)
	}
	return nil
}

// capture is a Capture ready to serve.
type capture struct {
	Capture
	key string // comparison form of URL
	at  time.Time
}

func compileCapture(c Capture) *capture {
	if c.Lang == "" {
		c.Lang = "en"
	}
	if c.Format == "" {
		c.Format = FormatPDF
	}
	t, _ := time.Parse(waybackLayout, c.Timestamp)
	return &capture{Capture: c, key: archiveKey(c.URL), at: t}
}

// archiveKey compares archived addresses as the archive does, loosely:
// without the scheme, with the host in lower case.
func archiveKey(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return raw
	}
	k := strings.ToLower(u.Host) + u.EscapedPath()
	if u.RawQuery != "" {
		k += "?" + u.RawQuery
	}
	return k
}

// closest returns the copy of target nearest to ts (the newest when ts is
// empty or unreadable), or nil.
func (w *world) closest(target, ts string) *capture {
	key := archiveKey(target)
	want, err := time.Parse(waybackLayout, ts)
	var best *capture
	for _, c := range w.archive {
		if c.key != key {
			continue
		}
		switch {
		case best == nil:
			best = c
		case err != nil:
			if c.at.After(best.at) {
				best = c
			}
		case absDur(c.at.Sub(want)) < absDur(best.at.Sub(want)):
			best = c
		}
	}
	return best
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// capture finds the copy a web.archive.org/web/<ts>[id_]/<url> address names.
func (w *world) capture(u *url.URL) *capture {
	rest := strings.TrimPrefix(u.Path, "/web/")
	ts, target, ok := strings.Cut(rest, "/")
	if !ok {
		return nil
	}
	ts = strings.TrimSuffix(ts, "id_")
	if u.RawQuery != "" {
		target += "?" + u.RawQuery
	}
	key := archiveKey(target)
	for _, c := range w.archive {
		if c.key == key && c.Timestamp == ts {
			return c
		}
	}
	return nil
}

// available answers the availability API.
func (w *world) available(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	target := q.Get("url")
	type closest struct {
		Status    string `json:"status"`
		Available bool   `json:"available"`
		URL       string `json:"url"`
		Timestamp string `json:"timestamp"`
	}
	out := struct {
		URL       string              `json:"url"`
		Snapshots map[string]*closest `json:"archived_snapshots"`
	}{URL: target, Snapshots: map[string]*closest{}}
	if c := w.closest(target, q.Get("timestamp")); c != nil {
		out.Snapshots["closest"] = &closest{Status: "200", Available: true, Timestamp: c.Timestamp,
			URL: "http://web.archive.org/web/" + c.Timestamp + "/" + c.URL}
	}
	var b bytes.Buffer
	json.NewEncoder(&b).Encode(out)
	rw.Header().Set("Content-Type", "application/json")
	rw.WriteHeader(http.StatusOK)
	rw.Write(b.Bytes())
}

// serveCapture answers a copy: the document's bytes, or the stub.
func (w *world) serveCapture(rw http.ResponseWriter, r *http.Request) {
	c := w.capture(r.URL)
	switch {
	case c == nil:
		writeHTML(rw, r, http.StatusNotFound, page("Wayback Machine", "", "<p>The Wayback Machine has not archived that URL.</p>"))
		return
	case c.Stub:
		writeHTML(rw, r, http.StatusOK, stubPage)
		return
	}
	e := &entry{symbol: c.Symbol, lang: c.Lang, format: c.Format, size: 16 << 10, modified: c.at}
	b := fileBytes(e)
	rw.Header().Set("Content-Type", contentTypes[c.Format])
	http.ServeContent(rw, r, "", c.at, bytes.NewReader(b))
}
