package unsim

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"hash/fnv"
	"maps"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Hosts are the host names the simulator answers for. A request for any
// other Host gets 421 Misdirected Request (and is counted, so a test can
// see that a client sent it).
var Hosts = []string{
	"undocs.org", "www.undocs.org", "docs.un.org", "documents.un.org",
	"digitallibrary.un.org", "daccess-ods.un.org", "documents-dds-ny.un.org", "www.un.org",
	"archive.org", "web.archive.org",
}

// Logged is one request as the simulator saw it.
type Logged struct {
	Start     time.Time `json:"start"` // when the request arrived
	Time      time.Time `json:"time"`  // when the answer was complete
	Host      string    `json:"host"`
	Path      string    `json:"path"`
	Query     string    `json:"query,omitempty"`
	Symbol    string    `json:"symbol,omitempty"` // as named by the request, if any
	Code      int       `json:"code"`             // 0 for a reset connection
	Range     string    `json:"range,omitempty"`
	UserAgent string    `json:"user_agent,omitempty"`
}

// Stats are the simulator's counters since the last ResetStats. Requests
// are counted when they arrive; Codes, FaultBytes and the Log when the
// answer is complete, which may be a moment after the client has it.
type Stats struct {
	Total       int            `json:"total"`
	ByHost      map[string]int `json:"by_host"`       // requests per Host
	ByURL       map[string]int `json:"by_url"`        // requests per host+path+query
	MaxInFlight map[string]int `json:"max_in_flight"` // most requests per Host at once, from arrival to the start of the answer
	Codes       map[int]int    `json:"codes"`         // answers per status (0: reset)
	// FaultBytes counts bytes written to the wire by endless bodies and
	// gzip bombs: a well-behaved client keeps it small.
	FaultBytes int64 `json:"fault_bytes"`
}

// Caps on the pathological answers, so that even a client that reads
// forever stops the simulator's work.
const (
	maxFaultBytes = 1 << 30 // decoded bytes of an endless body or gzip bomb
	maxFaultTime  = 60 * time.Second
)

// entry is one document in one language.
type entry struct {
	symbol   string
	lang     string
	via      Via
	format   string
	version  int
	file     string
	state    State
	size     int
	modified time.Time
	tmpID    string
	hosts    []string // lower case; empty: every host
}

// world is a scenario compiled for serving.
type world struct {
	sc      *Scenario
	docs    map[[2]string]*entry // (symbolKey, lang)
	files   map[string]*entry    // file path → entry
	tmp     map[string]*entry    // tmp page id → entry
	aliases map[string]string
	defLang string
	blockOn map[string]bool
	archive []*capture
}

func compile(sc *Scenario) (*world, error) {
	if sc == nil {
		sc = &Scenario{}
	}
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	w := &world{
		sc: sc, docs: map[[2]string]*entry{}, files: map[string]*entry{}, tmp: map[string]*entry{},
		aliases: sc.LangAliases, defLang: sc.DefaultLang, blockOn: map[string]bool{},
	}
	if w.aliases == nil {
		w.aliases = DefaultLangAliases
	}
	if w.defLang == "" {
		w.defLang = "en"
	}
	if sb := sc.SoftBlock; sb != nil {
		hs := sb.Hosts
		if len(hs) == 0 {
			hs = []string{"documents.un.org"}
		}
		for _, h := range hs {
			w.blockOn[strings.ToLower(h)] = true
		}
	}
	for _, d := range flattenDocs(sc.Docs) {
		e := &entry{
			symbol: strings.TrimSpace(d.Symbol), lang: d.Langs[0], via: d.Via, format: d.Format,
			version: d.Version, file: d.File, state: d.State, size: d.Size, modified: modifiedFor(d),
		}
		for _, h := range d.Hosts {
			e.hosts = append(e.hosts, strings.ToLower(h))
		}
		if e.via == "" {
			e.via = ViaRedirect
		}
		if e.format == "" {
			e.format = FormatPDF
		}
		if e.state == "" {
			e.state = Published
		}
		if e.size <= 0 {
			e.size = 16 << 10
		}
		e.size = max(e.size, 64)
		if e.file == "" {
			e.file = jobPath(e.symbol, e.lang, e.format)
		}
		h := fnv.New64a()
		h.Write([]byte(symbolKey(e.symbol) + "|" + e.lang))
		v := h.Sum64()
		e.tmpID = fmt.Sprintf("%d.%08d", v%10000000, (v/10000000)%100000000)
		w.docs[[2]string{symbolKey(e.symbol), e.lang}] = e
		w.files[e.file] = e
		w.tmp[e.tmpID] = e
	}
	for _, c := range sc.Archive {
		w.archive = append(w.archive, compileCapture(c))
	}
	return w, nil
}

// Sim is the UN documents simulator: an http.Handler that answers for the
// UN hosts by the request's Host header. It is safe for concurrent use.
type Sim struct {
	mu sync.RWMutex
	w  *world

	// rule counters and soft-block windows: reset with each scenario
	rmu       sync.Mutex
	ruleCount map[string]int
	windows   map[string][]time.Time
	holds     map[string]time.Time // soft block with Hold: blocked until

	smu      sync.Mutex
	stats    Stats
	inFlight map[string]int
	byPath   map[string]int
	log      []Logged
}

// New returns a simulator playing sc (nil: an empty corpus).
func New(sc *Scenario) (*Sim, error) {
	s := &Sim{}
	if err := s.SetScenario(sc); err != nil {
		return nil, err
	}
	s.ResetStats()
	return s, nil
}

// SetScenario switches to another scenario (the next "night"): documents,
// rules and behaviours change at once; rule counters and soft-block windows
// start afresh. Counters (Stats, Log) are kept; see ResetStats.
func (s *Sim) SetScenario(sc *Scenario) error {
	w, err := compile(sc)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.w = w
	s.mu.Unlock()
	s.rmu.Lock()
	s.ruleCount = map[string]int{}
	s.windows = map[string][]time.Time{}
	s.holds = map[string]time.Time{}
	s.rmu.Unlock()
	return nil
}

// Scenario returns the scenario being played.
func (s *Sim) Scenario() *Scenario {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.w.sc
}

// ResetStats clears the counters and the request log.
func (s *Sim) ResetStats() {
	s.smu.Lock()
	defer s.smu.Unlock()
	s.stats = Stats{ByHost: map[string]int{}, ByURL: map[string]int{}, MaxInFlight: map[string]int{}, Codes: map[int]int{}}
	s.inFlight = map[string]int{}
	s.byPath = map[string]int{}
	s.log = nil
}

// Stats returns a copy of the counters.
func (s *Sim) Stats() Stats {
	s.smu.Lock()
	defer s.smu.Unlock()
	st := s.stats
	st.ByHost = maps.Clone(st.ByHost)
	st.ByURL = maps.Clone(st.ByURL)
	st.MaxInFlight = maps.Clone(st.MaxInFlight)
	st.Codes = maps.Clone(st.Codes)
	return st
}

// Log returns a copy of the request log, in order of completion. An entry
// is written when its handler returns, which may be a moment after the
// client has read the answer.
func (s *Sim) Log() []Logged {
	s.smu.Lock()
	defer s.smu.Unlock()
	return slices.Clone(s.log)
}

// Count returns how many requests arrived for a host and path (any query).
func (s *Sim) Count(host, path string) int {
	s.smu.Lock()
	defer s.smu.Unlock()
	return s.byPath[host+path]
}

// recorder captures the status of an answer and calls started when the
// answer begins.
type recorder struct {
	http.ResponseWriter
	code    int
	wrote   bool
	started func()
	// finish counts the request; a reset calls it before the client can
	// see the connection close, so that Stats never lag behind.
	finish func()
}

func (r *recorder) begin(code int) {
	if !r.wrote {
		r.code, r.wrote = code, true
		r.started()
	}
}

func (r *recorder) WriteHeader(code int) {
	r.begin(code)
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.begin(http.StatusOK)
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// reqInfo is what routing needs from a request.
type reqInfo struct {
	host string
	kind string // undocs, undocs-pdf, undocs-tmp, docs, api, file, daccess, viewdoc, dl, static, other
	sym  string
	lang string // ISO, or "" when the request names none or an unknown one
}

// ServeHTTP answers one request.
func (s *Sim) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	w := s.w
	s.mu.RUnlock()
	start := time.Now()
	info := w.parse(r)

	// In flight: from arrival to the start of the answer. The tail (the
	// body going out) is left out on purpose: the client may finish reading
	// and send its next request a few microseconds before this handler has
	// returned, and counting that overlap would blame the client for it.
	s.smu.Lock()
	s.stats.Total++
	s.stats.ByHost[info.host]++
	s.stats.ByURL[info.host+r.URL.RequestURI()]++
	s.byPath[info.host+r.URL.Path]++
	s.inFlight[info.host]++
	s.stats.MaxInFlight[info.host] = max(s.stats.MaxInFlight[info.host], s.inFlight[info.host])
	s.smu.Unlock()
	var once sync.Once
	leave := func() {
		once.Do(func() {
			s.smu.Lock()
			s.inFlight[info.host]--
			s.smu.Unlock()
		})
	}
	rec := &recorder{ResponseWriter: rw, started: leave}
	var counted sync.Once
	rec.finish = func() {
		counted.Do(func() {
			leave()
			code := rec.code
			if !rec.wrote {
				code = 0
			}
			s.smu.Lock()
			s.stats.Codes[code]++
			s.log = append(s.log, Logged{
				Start: start, Time: time.Now(), Host: info.host, Path: r.URL.Path, Query: r.URL.RawQuery, Symbol: info.sym,
				Code: code, Range: r.Header.Get("Range"), UserAgent: r.UserAgent(),
			})
			s.smu.Unlock()
		})
	}
	defer rec.finish()

	if !sleep(r.Context(), w.sc.Latency) {
		return
	}
	blocked := s.softBlocked(w, info.host)
	if rule, ok := s.matchRule(w, r, info); ok {
		if done := s.apply(w, rec, r, info, rule); done {
			return
		}
	}
	if blocked && info.kind != "static" && info.kind != "other" {
		writeHTML(rec, r, http.StatusOK, stubPage)
		return
	}
	w.route(rec, r, info)
}

// sleep waits d unless the request goes away first.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// softBlocked records a request to a soft-blocking host and reports whether
// it is over the limit (the requests already in the window, blocked ones
// included, number After or more).
func (s *Sim) softBlocked(w *world, host string) bool {
	sb := w.sc.SoftBlock
	if sb == nil || !w.blockOn[host] {
		return false
	}
	now := time.Now()
	s.rmu.Lock()
	defer s.rmu.Unlock()
	if sb.Hold > 0 {
		if now.Before(s.holds[host]) {
			return true
		}
		win := s.windows[host]
		i := 0
		for i < len(win) && now.Sub(win[i]) >= sb.Window {
			i++
		}
		if len(win)-i >= sb.After {
			s.holds[host] = now.Add(sb.Hold)
			s.windows[host] = nil
			return true
		}
		s.windows[host] = append(win[i:], now)
		return false
	}
	win := s.windows[host]
	i := 0
	for i < len(win) && now.Sub(win[i]) >= sb.Window {
		i++
	}
	win = append(win[i:], now)
	s.windows[host] = win
	return len(win)-1 >= sb.After
}

// matchRule finds the first active rule for a request and counts it.
func (s *Sim) matchRule(w *world, r *http.Request, info reqInfo) (Rule, bool) {
	for i, rule := range w.sc.Rules {
		if rule.Host != "" && !strings.EqualFold(rule.Host, info.host) {
			continue
		}
		if rule.Path != "" && !strings.HasPrefix(r.URL.Path, rule.Path) {
			continue
		}
		if len(rule.Symbols) > 0 && !slices.ContainsFunc(rule.Symbols, func(x string) bool {
			return info.sym != "" && symbolKey(x) == symbolKey(info.sym)
		}) {
			continue
		}
		if rule.Times > 0 {
			key := strconv.Itoa(i)
			if !rule.PerRule {
				key += "|" + info.host + r.URL.RequestURI()
			}
			s.rmu.Lock()
			s.ruleCount[key]++
			n := s.ruleCount[key]
			s.rmu.Unlock()
			if n > rule.Times {
				continue
			}
		}
		return rule, true
	}
	return Rule{}, false
}

// apply plays a rule; it reports whether the answer is complete (false for
// "slow": the request then goes on as usual).
func (s *Sim) apply(w *world, rw *recorder, r *http.Request, info reqInfo, rule Rule) bool {
	switch rule.Action {
	case Action429, Action503:
		code := http.StatusTooManyRequests
		if rule.Action == Action503 {
			code = http.StatusServiceUnavailable
		}
		if secs, date, _ := parseRetryAfterSpec(rule.RetryAfter); secs >= 0 {
			rw.Header().Set("Retry-After", strconv.Itoa(secs))
		} else if rule.RetryAfter != "" {
			t := time.Now().Add(date)
			if t2 := t.Truncate(time.Second); !t2.Equal(t) {
				t = t2.Add(time.Second) // round up: never earlier than asked
			}
			rw.Header().Set("Retry-After", t.UTC().Format(http.TimeFormat))
		}
		writeHTML(rw, r, code, page(http.StatusText(code), "", "<h1>"+http.StatusText(code)+"</h1>"))
	case Action500:
		writeHTML(rw, r, http.StatusInternalServerError, page("Error", "", "<h1>Internal Server Error</h1>"))
	case ActionStatus:
		writeHTML(rw, r, rule.Status, page(http.StatusText(rule.Status), "", "<h1>"+strconv.Itoa(rule.Status)+"</h1>"))
	case ActionSlow:
		if !sleep(r.Context(), rule.Delay) {
			return true
		}
		return false
	case ActionReset:
		conn, _, err := http.NewResponseController(rw).Hijack()
		if err != nil {
			panic(http.ErrAbortHandler) // HTTP/2: abort the stream instead
		}
		if tc, ok := conn.(*net.TCPConn); ok {
			tc.SetLinger(0) // close with RST, not FIN
		}
		rw.finish()
		conn.Close()
	case ActionLoop:
		u := *r.URL
		u.Scheme = "https"
		switch info.host {
		case "undocs.org", "www.undocs.org":
			u.Host = "docs.un.org"
		case "docs.un.org":
			u.Host = "undocs.org"
		default:
			u.Host = info.host
			q := u.Query()
			if q.Has("unsim-loop") {
				q.Del("unsim-loop")
			} else {
				q.Set("unsim-loop", "1")
			}
			u.RawQuery = q.Encode()
		}
		redirect(rw, http.StatusFound, u.String())
	case ActionEndless:
		s.endless(rw, r)
	case ActionGzipBomb:
		s.gzipBomb(rw, r)
	case ActionStub:
		writeHTML(rw, r, http.StatusOK, stubPage)
	case ActionEmpty:
		rw.Header().Set("Content-Type", "application/pdf")
		rw.Header().Set("Content-Length", "0")
		rw.WriteHeader(http.StatusOK)
	case ActionWAF:
		waf(rw)
	}
	return true
}

func redirect(rw http.ResponseWriter, code int, to string) {
	rw.Header().Set("Location", to)
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(code)
	fmt.Fprintf(rw, "<a href=\"%s\">%s</a>\n", to, http.StatusText(code))
}

// writeHTML answers an HTML page, gzip-encoded when the client accepts it
// and the page is not tiny (as real servers do), so that clients exercise
// their decoder.
func writeHTML(rw http.ResponseWriter, r *http.Request, code int, body []byte) {
	h := rw.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	if len(body) > 512 && acceptsGzip(r) {
		var b bytes.Buffer
		gz := gzip.NewWriter(&b)
		gz.Write(body)
		gz.Close()
		h.Set("Content-Encoding", "gzip")
		h.Set("Vary", "Accept-Encoding")
		body = b.Bytes()
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	rw.WriteHeader(code)
	rw.Write(body)
}

func acceptsGzip(r *http.Request) bool {
	for _, p := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if name, _, _ := strings.Cut(strings.TrimSpace(p), ";"); strings.EqualFold(name, "gzip") {
			return true
		}
	}
	return false
}

var contentTypes = map[string]string{
	FormatPDF:         "application/pdf",
	FormatDOCX:        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	FormatDOC:         "application/msword",
	FormatWordPerfect: "application/vnd.wordperfect",
}

// serveFile answers a document's file: Range, ETag, Last-Modified and
// conditional requests through http.ServeContent; an unpublished document
// is 200 with an empty body.
func serveFile(rw http.ResponseWriter, r *http.Request, e *entry) {
	if e.state == Unpublished {
		rw.Header().Set("Content-Type", "application/pdf")
		rw.Header().Set("Content-Length", "0")
		rw.WriteHeader(http.StatusOK)
		return
	}
	b := fileBytes(e)
	rw.Header().Set("Content-Type", contentTypes[e.format])
	rw.Header().Set("ETag", etag(b))
	http.ServeContent(rw, r, "", e.modified, bytes.NewReader(b))
}

// parse works out host, route, symbol and language of a request.
func (w *world) parse(r *http.Request) reqInfo {
	host := strings.ToLower(r.Host)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	info := reqInfo{host: host, kind: "other"}
	p := r.URL.Path
	q := r.URL.Query()
	switch host {
	case "undocs.org", "www.undocs.org":
		switch {
		case p == "/pdf":
			info.kind = "undocs-pdf"
			info.lang, info.sym = w.splitLang(q.Get("symbol"))
		case strings.HasPrefix(p, "/tmp/"):
			info.kind = "undocs-tmp"
			if e := w.tmp[strings.TrimSuffix(strings.TrimPrefix(p, "/tmp/"), ".html")]; e != nil {
				info.sym, info.lang = e.symbol, e.lang
			}
		case p == "/" || strings.HasSuffix(p, ".html"):
			info.kind = "static"
		default:
			info.kind = "undocs"
			info.lang, info.sym = w.splitLang(strings.TrimPrefix(p, "/"))
		}
	case "docs.un.org":
		info.kind = "docs"
		if p == "/" || strings.HasSuffix(p, ".html") {
			info.kind = "static"
		} else {
			info.lang, info.sym = w.splitLang(strings.TrimPrefix(p, "/"))
		}
	case "documents.un.org":
		switch {
		case p == "/api/symbol/access":
			info.kind = "api"
			info.sym = q.Get("s")
			info.lang = isoOf(q.Get("l"))
		case strings.HasPrefix(p, "/doc/"):
			info.kind = "file"
			if e := w.files[p]; e != nil {
				info.sym, info.lang = e.symbol, e.lang
			}
		}
	case "documents-dds-ny.un.org":
		info.kind = "file"
		if e := w.files[p]; e != nil {
			info.sym, info.lang = e.symbol, e.lang
		}
	case "daccess-ods.un.org":
		if strings.EqualFold(p, "/access.nsf/Get") {
			info.kind = "daccess"
			info.sym = q.Get("DS")
			info.lang = isoOf(q.Get("Lang"))
		}
	case "www.un.org":
		if strings.EqualFold(p, "/en/ga/search/view_doc.asp") {
			info.kind = "viewdoc"
			info.sym = q.Get("symbol")
			info.lang = isoOf(q.Get("Lang"))
			if info.lang == "" {
				info.lang = "en"
			}
		}
	case "digitallibrary.un.org":
		info.kind = "dl"
	case "archive.org":
		if p == "/wayback/available" {
			info.kind = "wayback-available"
		}
	case "web.archive.org":
		if strings.HasPrefix(p, "/web/") {
			info.kind = "wayback-copy"
			if c := w.capture(r.URL); c != nil {
				info.sym, info.lang = c.Symbol, c.Lang
			}
		}
	}
	return info
}

// splitLang reads "<lang>/<symbol>" or "<symbol>", applying the aliases.
func (w *world) splitLang(s string) (lang, sym string) {
	first, rest, ok := strings.Cut(s, "/")
	if ok && rest != "" {
		f := strings.ToLower(first)
		if slices.Contains(isoLangs, f) {
			return f, rest
		}
		if l, ok := w.aliases[f]; ok {
			return l, rest
		}
	}
	return w.defLang, s
}

// isoOf maps an ISO or one-letter language code to ISO ("" if unknown).
func isoOf(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if slices.Contains(isoLangs, s) {
		return s
	}
	if i := strings.Index("acefrs", s); len(s) == 1 && i >= 0 {
		return []string{"ar", "zh", "en", "fr", "ru", "es"}[i]
	}
	return ""
}

func (w *world) lookup(sym, lang string) *entry {
	if sym == "" || lang == "" {
		return nil
	}
	return w.docs[[2]string{symbolKey(sym), lang}]
}

// fileURL is where a document's file lives.
func fileURL(e *entry) string { return "https://documents.un.org" + e.file }

// route answers a request by its host's normal behaviour.
func (w *world) route(rw http.ResponseWriter, r *http.Request, info reqInfo) {
	e := w.lookup(info.sym, info.lang)
	if e != nil && len(e.hosts) > 0 && !slices.Contains(e.hosts, info.host) {
		e = nil // this host does not know the document
	}
	switch info.kind {
	case "wayback-available":
		w.available(rw, r)
		return
	case "wayback-copy":
		w.serveCapture(rw, r)
		return
	case "undocs":
		if e == nil || e.via == ViaRedirect {
			// undocs.org cannot know; it hands every symbol to the viewer.
			redirect(rw, http.StatusFound, "https://docs.un.org/"+info.lang+"/"+escapePath(info.sym))
			return
		}
		switch e.via {
		case ViaMetaRefresh:
			writeHTML(rw, r, http.StatusOK, refreshPage1("/tmp/"+e.tmpID+".html"))
		case ViaIframe:
			writeHTML(rw, r, http.StatusOK, viewerPage(e.symbol, fileURL(e)))
		case ViaFrameset:
			writeHTML(rw, r, http.StatusOK, framesetPage(e.symbol, fileURL(e)))
		case ViaCitation:
			writeHTML(rw, r, http.StatusOK, citationPage(e.symbol, fileURL(e)))
		case ViaPDFLink:
			writeHTML(rw, r, http.StatusOK, pdfLinkPage(e.symbol, fileURL(e)))
		case ViaDirect:
			serveFile(rw, r, e)
		}
	case "undocs-tmp":
		if e == nil {
			writeHTML(rw, r, http.StatusOK, stubPage)
			return
		}
		writeHTML(rw, r, http.StatusOK, refreshPage2(fileURL(e)))
	case "undocs-pdf", "api":
		if e == nil {
			writeHTML(rw, r, http.StatusOK, stubPage)
			return
		}
		serveFile(rw, r, e)
	case "docs":
		if e == nil {
			writeHTML(rw, r, http.StatusOK, stubPage)
			return
		}
		redirect(rw, http.StatusFound, fileURL(e))
	case "file":
		if e == nil {
			writeHTML(rw, r, http.StatusNotFound, page("Not Found", "", "<h1>Not Found</h1>"))
			return
		}
		serveFile(rw, r, e)
	case "daccess":
		if e == nil {
			writeHTML(rw, r, http.StatusOK, stubPage)
			return
		}
		writeHTML(rw, r, http.StatusOK, refreshPage2("https://documents-dds-ny.un.org"+e.file+"?OpenElement"))
	case "viewdoc":
		if e == nil {
			writeHTML(rw, r, http.StatusOK, stubPage)
			return
		}
		writeHTML(rw, r, http.StatusOK, framesetPage(e.symbol, fileURL(e)))
	case "dl":
		if !w.sc.NoWAF {
			waf(rw)
			return
		}
		writeHTML(rw, r, http.StatusNotFound, page("Not Found", "", "<h1>Not Found</h1>"))
	case "static":
		writeHTML(rw, r, http.StatusOK, page(info.host, "", "<p>Simulated "+info.host+"</p>"))
	default:
		if !slices.Contains(Hosts, info.host) {
			http.Error(rw, "unsim: not a simulated host: "+info.host, http.StatusMisdirectedRequest)
			return
		}
		writeHTML(rw, r, http.StatusNotFound, page("Not Found", "", "<h1>Not Found</h1>"))
	}
}

// escapePath percent-encodes a symbol for a path, keeping the characters
// links in the wild keep ('/', '(', ')', '*', …).
func escapePath(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
