package unsim

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Server is a Sim listening on a loopback address.
type Server struct {
	*Sim
	// URL is the base URL to give the client ("http://127.0.0.1:PORT"):
	// fetch.Options.BaseURL, or xref's --base-url / XREF_BASE_URL.
	URL string
	// Addr is the address listened on.
	Addr string

	srv  *http.Server
	done chan error
}

// Start serves sc on addr, which must be a loopback address
// ("127.0.0.1:8080", "[::1]:0", "localhost:0"); "" means 127.0.0.1 with a
// free port. It returns once the listener is open.
func Start(addr string, sc *Scenario) (*Server, error) {
	return StartSim(addr, nil, sc)
}

// StartSim is Start with an existing Sim (sc ignored when sim is set), and
// lets the caller keep one simulator across restarts of the listener.
func StartSim(addr string, sim *Sim, sc *Scenario) (*Server, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	if sim == nil {
		var err error
		if sim, err = New(sc); err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("unsim: %w", err)
	}
	s := &Server{
		Sim:  sim,
		Addr: ln.Addr().String(),
		URL:  "http://" + ln.Addr().String(),
		srv: &http.Server{
			Handler:           sim,
			ReadHeaderTimeout: 10 * time.Second,
			ErrorLog:          slog.NewLogLogger(slog.DiscardHandler, slog.LevelError),
		},
		done: make(chan error, 1),
	}
	go func() { s.done <- s.srv.Serve(ln) }()
	return s, nil
}

// Close stops the server at once, dropping open connections.
func (s *Server) Close() error {
	err := s.srv.Close()
	<-s.done
	return err
}

// Shutdown stops the server gracefully: it waits for requests in flight
// until ctx ends.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if err != nil {
		s.srv.Close()
	}
	<-s.done
	return err
}

// Serve runs sc on addr until ctx ends, then shuts down (for `xref sim`).
// ready, if not nil, is called with the base URL once listening.
func Serve(ctx context.Context, addr string, sc *Scenario, ready func(baseURL string)) error {
	s, err := Start(addr, sc)
	if err != nil {
		return err
	}
	if ready != nil {
		ready(s.URL)
	}
	select {
	case <-ctx.Done():
	case err := <-s.done:
		s.done <- err
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("unsim: %w", err)
		}
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("unsim: %w", err)
	}
	return nil
}

// checkLoopback refuses addresses that would expose the simulator.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("unsim: %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%w: %q", ErrNotLoopback, addr)
	}
	return nil
}
