package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// ArchiveHosts are the web archive's hosts: archive.org answers the
// Wayback Machine's availability API, web.archive.org serves the copies.
// They are asked only for replacements (Options.FindReplacements, unless
// Options.NoArchive), never for a link itself unless Options.AllowHosts
// names them; a base URL maps them like the UN hosts.
var ArchiveHosts = []string{"archive.org", "web.archive.org"}

// waybackLayout is the form of the Wayback Machine's timestamps.
const waybackLayout = "20060102150405"

// AvailabilityURL returns the Wayback Machine availability API's address
// for the copy of target closest to before (no timestamp when zero: the
// newest copy):
// https://archive.org/wayback/available?url=…&timestamp=YYYYMMDDhhmmss.
func AvailabilityURL(target string, before time.Time) string {
	s := "https://archive.org/wayback/available?url=" + url.QueryEscape(target)
	if !before.IsZero() {
		s += "&timestamp=" + before.UTC().Format(waybackLayout)
	}
	return s
}

// Snapshot is an archived copy as the availability API lists it.
type Snapshot struct {
	URL  string    // https://web.archive.org/web/<timestamp>/<original>
	Time time.Time // when the copy was taken (UTC)
}

// errAvailability reports an availability answer that cannot be read.
var errAvailability = errors.New("fetch: unreadable archive availability answer")

// ParseAvailability reads the availability API's JSON answer. ok is false
// when the archive lists no copy, or only one whose capture did not answer
// 200; an error means the answer is not what the API sends. A listed copy
// is taken only if its address is on web.archive.org, under /web/ and the
// timestamp the answer gives: the address offered is never made up.
func ParseAvailability(body []byte) (Snapshot, bool, error) {
	var a struct {
		Archived *struct {
			Closest *struct {
				Status    string `json:"status"`
				Available bool   `json:"available"`
				URL       string `json:"url"`
				Timestamp string `json:"timestamp"`
			} `json:"closest"`
		} `json:"archived_snapshots"`
	}
	if err := json.Unmarshal(body, &a); err != nil {
		return Snapshot{}, false, fmt.Errorf("%w: %w", errAvailability, err)
	}
	if a.Archived == nil {
		return Snapshot{}, false, fmt.Errorf("%w: no archived_snapshots", errAvailability)
	}
	c := a.Archived.Closest
	if c == nil || !c.Available || (c.Status != "" && c.Status != "200") {
		return Snapshot{}, false, nil
	}
	t, err := ParseWaybackTime(c.Timestamp)
	if err != nil {
		return Snapshot{}, false, err
	}
	u, err := url.Parse(c.URL)
	switch {
	case err != nil:
		return Snapshot{}, false, fmt.Errorf("%w: copy address %q: %w", errAvailability, c.URL, err)
	case u.Scheme != "http" && u.Scheme != "https", normHost(u.Hostname()) != "web.archive.org", u.User != nil, u.Port() != "":
		return Snapshot{}, false, fmt.Errorf("%w: copy address %q is not on web.archive.org", errAvailability, c.URL)
	case !strings.HasPrefix(u.Path, "/web/"+c.Timestamp+"/") && !strings.HasPrefix(u.Path, "/web/"+c.Timestamp+"id_/"):
		return Snapshot{}, false, fmt.Errorf("%w: copy address %q does not carry its timestamp %s", errAvailability, c.URL, c.Timestamp)
	}
	u.Scheme = "https" // the archive serves both; the safer one is offered
	u.Host = "web.archive.org"
	return Snapshot{URL: u.String(), Time: t}, true, nil
}

// ParseWaybackTime reads a Wayback Machine timestamp (YYYYMMDDhhmmss, 14
// digits, UTC).
func ParseWaybackTime(s string) (time.Time, error) {
	if len(s) != len(waybackLayout) || strings.Trim(s, "0123456789") != "" {
		return time.Time{}, fmt.Errorf("%w: timestamp %q: want 14 digits", errAvailability, s)
	}
	t, err := time.Parse(waybackLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: timestamp %q: %w", errAvailability, s, err)
	}
	return t.UTC(), nil
}

// snapshotTime reads the capture time from a copy's address
// (https://web.archive.org/web/<timestamp>[id_]/…); zero when it has none.
func snapshotTime(rawURL string) time.Time {
	u, err := url.Parse(rawURL)
	if err != nil || normHost(u.Hostname()) != "web.archive.org" || !strings.HasPrefix(u.Path, "/web/") {
		return time.Time{}
	}
	ts, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/web/"), "/")
	t, err := ParseWaybackTime(strings.TrimSuffix(ts, "id_"))
	if err != nil {
		return time.Time{}
	}
	return t
}

// isArchiveHost reports one of ArchiveHosts.
func isArchiveHost(h string) bool {
	h = normHost(h)
	for _, a := range ArchiveHosts {
		if h == a {
			return true
		}
	}
	return false
}
