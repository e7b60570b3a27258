package unsim

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"time"
)

// The pathological answers of Rules: endless bodies, gzip bombs and the
// Digital Library's WAF challenge. The bytes of the first two are counted
// (Stats.FaultBytes), so that a test can see how much a client swallowed.

// countWriter counts bytes written to the wire.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

func (s *Sim) addFaultBytes(n int64) {
	s.smu.Lock()
	s.stats.FaultBytes += n
	s.smu.Unlock()
}

// endless writes HTML until the client goes away (or the caps).
func (s *Sim) endless(rw http.ResponseWriter, r *http.Request) {
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(http.StatusOK)
	cw := &countWriter{w: rw}
	defer func() { s.addFaultBytes(cw.n) }()
	rc := http.NewResponseController(rw)
	chunk := bytes.Repeat([]byte("<p>and so on, and so on, and so on</p>\n"), 400)
	cw.Write([]byte("<!DOCTYPE html><html><body>\n"))
	deadline := time.Now().Add(maxFaultTime)
	for cw.n < maxFaultBytes && time.Now().Before(deadline) && r.Context().Err() == nil {
		if _, err := cw.Write(chunk); err != nil {
			return
		}
		rc.Flush()
	}
}

// gzipBomb streams gzip-encoded HTML that inflates to maxFaultBytes of
// blanks: a few hundred bytes on the wire per megabyte decoded.
func (s *Sim) gzipBomb(rw http.ResponseWriter, r *http.Request) {
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.Header().Set("Content-Encoding", "gzip")
	rw.WriteHeader(http.StatusOK)
	cw := &countWriter{w: rw}
	defer func() { s.addFaultBytes(cw.n) }()
	rc := http.NewResponseController(rw)
	gz, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	blanks := bytes.Repeat([]byte(" "), 1<<20)
	gz.Write([]byte("<!DOCTYPE html><html><body>"))
	deadline := time.Now().Add(maxFaultTime)
	for decoded := 0; decoded < maxFaultBytes && time.Now().Before(deadline) && r.Context().Err() == nil; decoded += len(blanks) {
		if _, err := gz.Write(blanks); err != nil {
			return
		}
		if gz.Flush() != nil || rc.Flush() != nil {
			return
		}
	}
	gz.Close()
}

func waf(rw http.ResponseWriter) {
	h := rw.Header()
	h.Set("Server", "awselb/2.0")
	h.Set("X-Amzn-Waf-Action", "challenge")
	h.Set("Content-Type", "text/html; charset=UTF-8")
	h.Set("Cache-Control", "no-store, max-age=0")
	rw.WriteHeader(http.StatusAccepted)
	io.WriteString(rw, wafPage)
}
