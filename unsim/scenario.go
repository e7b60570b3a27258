package unsim

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// ErrScenario reports an invalid scenario (file or value).
var ErrScenario = errors.New("unsim: bad scenario")

// ErrNotLoopback reports an attempt to listen on an address that is not
// loopback: the simulator is a test fixture and must never face a network.
var ErrNotLoopback = errors.New("unsim: address is not loopback")

// Via is how undocs.org leads to a document's file.
type Via string

// The ways undocs.org leads to a file.
const (
	// ViaRedirect (default): undocs.org/<l>/<S> 302 → docs.un.org/<l>/<S>
	// 302 → documents.un.org/<file>. An assumption, from undocs.org
	// standing in front of the new document system.
	ViaRedirect Via = "redirect"
	// ViaMetaRefresh: 200 pages with meta refresh, "1; URL=/tmp/….html"
	// then "0;url='…'" (as undocs.org once did, and daccess-ods does).
	ViaMetaRefresh Via = "meta-refresh"
	// ViaIframe: a 200 viewer page embedding the file in an iframe, after
	// an unrelated iframe.
	ViaIframe Via = "iframe"
	// ViaFrameset: a legacy frameset with header, document and footer
	// frames.
	ViaFrameset Via = "frameset"
	// ViaCitation: a landing page with <meta name="citation_pdf_url">.
	ViaCitation Via = "citation"
	// ViaPDFLink: a landing page with an <a href="….pdf">.
	ViaPDFLink Via = "pdf-link"
	// ViaDirect: undocs.org answers with the file itself, as
	// undocs.org/pdf?symbol= does.
	ViaDirect Via = "direct"
)

// State is whether a document can be had.
type State string

// The states.
const (
	// Published (default): the file is served.
	Published State = "published"
	// Unpublished: the symbol is known but the symbol API answers 200 with
	// an empty body; the file path does the same.
	Unpublished State = "unpublished"
	// Absent removes a document inherited through "extends" (a document
	// disappears between nights).
	Absent State = "absent"
)

// Formats of served files, by their magic bytes.
const (
	FormatPDF         = "pdf"         // %PDF-1.7
	FormatDOCX        = "docx"        // PK 03 04
	FormatDOC         = "doc"         // D0 CF 11 E0 A1 B1 1A E1
	FormatWordPerfect = "wordperfect" // FF 57 50 43
)

// Doc is one document of the corpus, in one or more languages.
type Doc struct {
	// Symbol in key form ("A/RES/73/266", "S/RES/1540(2004)"). Matched
	// case-insensitively, spaces ignored.
	Symbol string `json:"symbol"`
	// Langs are ISO codes (en fr es ar ru zh); default ["en"].
	Langs []string `json:"langs,omitempty"`
	// Via is how undocs.org leads to the file; default ViaRedirect.
	Via Via `json:"via,omitempty"`
	// Format of the file; default "pdf".
	Format string `json:"format,omitempty"`
	// Version is folded into the file's bytes: change it and the content,
	// ETag and hash change while the URL stays.
	Version int `json:"version,omitempty"`
	// File is the path of the file on documents.un.org; default a job-number
	// path derived from symbol and language
	// (/doc/undoc/gen/nXX/XXX/XX/pdf/nXXXXXXX.pdf). Give
	// it to move the redirect target; it applies to every language listed.
	File string `json:"file,omitempty"`
	// State; default Published.
	State State `json:"state,omitempty"`
	// Size of the file in bytes; default 16 KiB.
	Size int `json:"size,omitempty"`
	// Modified is the Last-Modified date; default 2019-01-01 plus Version
	// days.
	Modified time.Time `json:"modified,omitzero"`
	// Hosts, when given, are the only hosts that know the document: the
	// others answer as for an unknown symbol (a link that died on one
	// host while another still serves the document). documents.un.org
	// must be among them for the file to be served.
	Hosts []string `json:"hosts,omitempty"`
}

// Action is what a Rule does to a matching request.
type Action string

// The actions.
const (
	Action429      Action = "429"       // 429 Too Many Requests with Rule.RetryAfter
	Action503      Action = "503"       // 503 with Rule.RetryAfter (if any)
	Action500      Action = "500"       // 500
	ActionStatus   Action = "status"    // Rule.Status with a short body
	ActionSlow     Action = "slow"      // wait Rule.Delay before answering normally
	ActionReset    Action = "reset"     // hijack the connection and reset it (RST), no answer
	ActionLoop     Action = "loop"      // 302 to the partner host (undocs.org ⇄ docs.un.org), a loop
	ActionEndless  Action = "endless"   // 200 HTML that never ends
	ActionGzipBomb Action = "gzip-bomb" // 200 gzip-encoded HTML that inflates without end
	ActionStub     Action = "stub"      // the 200 "not found" stub, even for known documents
	ActionEmpty    Action = "empty"     // 200 with an empty body
	ActionWAF      Action = "waf"       // the Digital Library's 202 WAF challenge
)

// Rule injects a behaviour into matching requests, before normal routing.
// The first rule that matches and is still active wins.
type Rule struct {
	// Host matches the request's host exactly; empty matches all.
	Host string `json:"host,omitempty"`
	// Path matches a prefix of the request path; empty matches all.
	Path string `json:"path,omitempty"`
	// Symbols match the symbol the request names (any language, any host
	// form); empty matches all.
	Symbols []string `json:"symbols,omitempty"`
	// Action to take.
	Action Action `json:"action"`
	// RetryAfter for 429 and 503: delay-seconds ("1", "3600"), or "date+D"
	// for an HTTP-date D ahead ("date+2s"), rounded up to the next second.
	RetryAfter string `json:"retry_after,omitempty"`
	// Status for ActionStatus.
	Status int `json:"status,omitempty"`
	// Delay for ActionSlow.
	Delay time.Duration `json:"-"`
	// Times limits the rule to the first Times matching requests for each
	// URL (host, path and query), or for the whole rule when PerRule is
	// set; 0 means every request.
	Times   int  `json:"times,omitempty"`
	PerRule bool `json:"per_rule,omitempty"`
}

// SoftBlock makes hosts answer the "not found" stub for every symbol once a
// client has made After requests within Window, as documents.un.org is
// reported to do after a few hundred requests in a row, for some minutes. Every
// request counts, blocked ones included, so only a client that pauses for
// Window recovers. With Hold, the block instead lasts Hold from the request
// that started it, whatever the client does, and the count starts afresh
// after it: service and throttling then alternate as long as the client
// keeps asking.
type SoftBlock struct {
	Hosts  []string      `json:"hosts,omitempty"` // default ["documents.un.org"]
	After  int           `json:"after"`
	Window time.Duration `json:"-"`
	Hold   time.Duration `json:"-"`
}

// Scenario is the simulated world: a corpus and the behaviours around it.
// Build one in Go or load it with LoadFile; a Sim can switch scenarios
// between runs (SetScenario) to play "night 1", "night 2", … of a link-rot
// check.
type Scenario struct {
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// Latency is added to every request before it is answered.
	Latency time.Duration `json:"-"`
	// LangAliases maps non-standard undocs.org language segments to
	// languages. nil means DefaultLangAliases; an empty map means none, and
	// the segment is then read as part of the symbol (so the link finds
	// nothing).
	LangAliases map[string]string `json:"lang_aliases,omitempty"`
	// DefaultLang is what undocs.org serves when the path has no language
	// segment; default "en" (an assumption; it may depend on the browser).
	DefaultLang string `json:"default_lang,omitempty"`
	// NoWAF turns off the Digital Library's WAF challenge (then its pages
	// answer 404).
	NoWAF     bool       `json:"no_waf,omitempty"`
	SoftBlock *SoftBlock `json:"soft_block,omitempty"`
	Docs      []Doc      `json:"docs,omitempty"`
	Rules     []Rule     `json:"rules,omitempty"`
	// Archive is what the simulated web archive holds (archive.go).
	Archive []Capture `json:"archive,omitempty"`
}

// DefaultLangAliases is the assumption about non-standard language segments
// on undocs.org: "ch" is served like "zh" and "sp" like "es". Nobody has
// checked what the real server does with them.
var DefaultLangAliases = map[string]string{"ch": "zh", "sp": "es"}

var isoLangs = []string{"ar", "en", "es", "fr", "ru", "zh"}

// AddDoc appends documents and returns the scenario, for chaining.
func (sc *Scenario) AddDoc(d ...Doc) *Scenario {
	sc.Docs = append(sc.Docs, d...)
	return sc
}

// AddRule appends rules and returns the scenario, for chaining.
func (sc *Scenario) AddRule(r ...Rule) *Scenario {
	sc.Rules = append(sc.Rules, r...)
	return sc
}

// Validate reports the first problem in a scenario.
func (sc *Scenario) Validate() error {
	if sc.DefaultLang != "" && !slices.Contains(isoLangs, sc.DefaultLang) {
		return fmt.Errorf("%w: default_lang %q", ErrScenario, sc.DefaultLang)
	}
	for k, v := range sc.LangAliases {
		if !slices.Contains(isoLangs, v) {
			return fmt.Errorf("%w: alias %q → %q: not a language", ErrScenario, k, v)
		}
	}
	for i, d := range sc.Docs {
		if strings.TrimSpace(d.Symbol) == "" {
			return fmt.Errorf("%w: doc %d: no symbol", ErrScenario, i)
		}
		for _, l := range d.Langs {
			if !slices.Contains(isoLangs, l) {
				return fmt.Errorf("%w: doc %s: language %q (want one of %v)", ErrScenario, d.Symbol, l, isoLangs)
			}
		}
		switch d.Via {
		case "", ViaRedirect, ViaMetaRefresh, ViaIframe, ViaFrameset, ViaCitation, ViaPDFLink, ViaDirect:
		default:
			return fmt.Errorf("%w: doc %s: via %q", ErrScenario, d.Symbol, d.Via)
		}
		switch d.Format {
		case "", FormatPDF, FormatDOCX, FormatDOC, FormatWordPerfect:
		default:
			return fmt.Errorf("%w: doc %s: format %q", ErrScenario, d.Symbol, d.Format)
		}
		switch d.State {
		case "", Published, Unpublished, Absent:
		default:
			return fmt.Errorf("%w: doc %s: state %q", ErrScenario, d.Symbol, d.State)
		}
		if d.File != "" && !strings.HasPrefix(d.File, "/") {
			return fmt.Errorf("%w: doc %s: file %q must be an absolute path", ErrScenario, d.Symbol, d.File)
		}
		for _, h := range d.Hosts {
			if !slices.Contains(Hosts, strings.ToLower(h)) {
				return fmt.Errorf("%w: doc %s: host %q is not simulated", ErrScenario, d.Symbol, h)
			}
		}
	}
	for i, c := range sc.Archive {
		if err := c.validate(); err != nil {
			return fmt.Errorf("%w: archive entry %d: %w", ErrScenario, i, err)
		}
	}
	for i, r := range sc.Rules {
		switch r.Action {
		case Action429, Action503, Action500, ActionSlow, ActionReset, ActionLoop, ActionEndless,
			ActionGzipBomb, ActionStub, ActionEmpty, ActionWAF:
		case ActionStatus:
			if r.Status < 100 || r.Status > 599 {
				return fmt.Errorf("%w: rule %d: status %d", ErrScenario, i, r.Status)
			}
		default:
			return fmt.Errorf("%w: rule %d: action %q", ErrScenario, i, r.Action)
		}
		if _, _, err := parseRetryAfterSpec(r.RetryAfter); err != nil {
			return fmt.Errorf("%w: rule %d: %w", ErrScenario, i, err)
		}
	}
	if sb := sc.SoftBlock; sb != nil && (sb.After < 1 || sb.Window <= 0) {
		return fmt.Errorf("%w: soft_block needs after ≥ 1 and a window", ErrScenario)
	}
	return nil
}

// parseRetryAfterSpec reads Rule.RetryAfter: "" (none), seconds, or
// "date+<duration>".
func parseRetryAfterSpec(s string) (secs int, date time.Duration, err error) {
	switch {
	case s == "":
		return -1, 0, nil
	case strings.HasPrefix(s, "date+"):
		d, err := time.ParseDuration(strings.TrimPrefix(s, "date+"))
		if err != nil || d < 0 {
			return 0, 0, fmt.Errorf("retry_after %q: want date+<duration>", s)
		}
		return -1, d, nil
	}
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err != nil || n < 0 || fmt.Sprint(n) != s {
		return 0, 0, fmt.Errorf("retry_after %q: want seconds or date+<duration>", s)
	}
	return n, 0, nil
}

// The scenario file format is JSON: the fields of Scenario, Doc, Rule and
// SoftBlock with their JSON names, durations as Go duration strings
// ("latency": "20ms", rule "delay": "2s", soft_block "window": "1m"), and
// "extends": a path (relative to the file) of a scenario this one changes.
// Docs are merged with the parent's by symbol and language (a later entry
// replaces the earlier for its languages; "state": "absent" removes); every
// other field given replaces the parent's.
type fileScenario struct {
	Extends     string            `json:"extends,omitempty"`
	Name        *string           `json:"name,omitempty"`
	Description *string           `json:"description,omitempty"`
	Latency     *string           `json:"latency,omitempty"`
	LangAliases map[string]string `json:"lang_aliases,omitempty"`
	DefaultLang *string           `json:"default_lang,omitempty"`
	NoWAF       *bool             `json:"no_waf,omitempty"`
	SoftBlock   *fileSoftBlock    `json:"soft_block,omitempty"`
	Docs        []Doc             `json:"docs,omitempty"`
	Rules       []fileRule        `json:"rules,omitempty"`
	Archive     []Capture         `json:"archive,omitempty"`
}

type fileSoftBlock struct {
	Hosts  []string `json:"hosts,omitempty"`
	After  int      `json:"after"`
	Window string   `json:"window"`
	Hold   string   `json:"hold,omitempty"`
}

type fileRule struct {
	Rule
	Delay string `json:"delay,omitempty"`
}

// LoadFile reads a scenario file (see the package doc for the format),
// following "extends" chains.
func LoadFile(path string) (*Scenario, error) {
	sc, err := loadFile(path, 0)
	if err != nil {
		return nil, err
	}
	sc.Docs = flattenDocs(sc.Docs)
	if err := sc.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return sc, nil
}

func loadFile(path string, depth int) (*Scenario, error) {
	if depth > 8 {
		return nil, fmt.Errorf("%w: %s: extends nested too deep", ErrScenario, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("unsim: %w", err)
	}
	var f fileScenario
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrScenario, path, err)
	}
	sc := &Scenario{}
	if f.Extends != "" {
		p := f.Extends
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(path), p)
		}
		if sc, err = loadFile(p, depth+1); err != nil {
			return nil, err
		}
	}
	if f.Name != nil {
		sc.Name = *f.Name
	}
	if f.Description != nil {
		sc.Description = *f.Description
	}
	if f.Latency != nil {
		if sc.Latency, err = time.ParseDuration(*f.Latency); err != nil {
			return nil, fmt.Errorf("%w: %s: latency: %w", ErrScenario, path, err)
		}
	}
	if f.LangAliases != nil {
		sc.LangAliases = f.LangAliases
	}
	if f.DefaultLang != nil {
		sc.DefaultLang = *f.DefaultLang
	}
	if f.NoWAF != nil {
		sc.NoWAF = *f.NoWAF
	}
	if f.SoftBlock != nil {
		w, err := time.ParseDuration(f.SoftBlock.Window)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: soft_block window: %w", ErrScenario, path, err)
		}
		var hold time.Duration
		if f.SoftBlock.Hold != "" {
			if hold, err = time.ParseDuration(f.SoftBlock.Hold); err != nil || hold < 0 {
				return nil, fmt.Errorf("%w: %s: soft_block hold %q", ErrScenario, path, f.SoftBlock.Hold)
			}
		}
		sc.SoftBlock = &SoftBlock{Hosts: f.SoftBlock.Hosts, After: f.SoftBlock.After, Window: w, Hold: hold}
	}
	sc.Docs = append(sc.Docs, f.Docs...)
	if f.Archive != nil {
		sc.Archive = f.Archive
	}
	if f.Rules != nil {
		sc.Rules = nil
		for _, fr := range f.Rules {
			r := fr.Rule
			if fr.Delay != "" {
				if r.Delay, err = time.ParseDuration(fr.Delay); err != nil {
					return nil, fmt.Errorf("%w: %s: rule delay: %w", ErrScenario, path, err)
				}
			}
			sc.Rules = append(sc.Rules, r)
		}
	}
	return sc, nil
}

// flattenDocs merges entries by symbol and language, later entries winning,
// and drops absent ones. The result has one language per entry, in first
// appearance order.
func flattenDocs(in []Doc) []Doc {
	type key struct{ sym, lang string }
	var order []key
	m := map[key]Doc{}
	for _, d := range in {
		langs := d.Langs
		if len(langs) == 0 {
			langs = []string{"en"}
		}
		for _, l := range langs {
			k := key{symbolKey(d.Symbol), l}
			if _, ok := m[k]; !ok {
				order = append(order, k)
			}
			e := d
			e.Langs = []string{l}
			m[k] = e
		}
	}
	var out []Doc
	for _, k := range order {
		if d := m[k]; d.State != Absent {
			out = append(out, d)
		}
	}
	return out
}

// symbolKey is the comparison form of a symbol: upper case, no spaces.
func symbolKey(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}
