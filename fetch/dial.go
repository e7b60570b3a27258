package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"syscall"
	"time"
)

// Address ranges that are not on the public internet and that IsPrivate,
// IsLoopback and friends do not cover.
var reservedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),  // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),  // documentation
	netip.MustParsePrefix("fec0::/10"),      // deprecated site-local
	netip.MustParsePrefix("100::/64"),       // discard-only
	netip.MustParsePrefix("2001:10::/28"),   // ORCHID (deprecated)
	netip.MustParsePrefix("ff00::/8"),       // multicast (belt and braces)
	netip.MustParsePrefix("224.0.0.0/4"),    // multicast (belt and braces)
	netip.MustParsePrefix("169.254.0.0/16"), // link-local (belt and braces)
	netip.MustParsePrefix("127.0.0.0/8"),    // loopback (belt and braces)
	netip.MustParsePrefix("::ffff:0:0/96"),  // IPv4-mapped: checked unmapped instead
	netip.MustParsePrefix("::/128"),         // unspecified
}

// publicAddr reports whether ip is an ordinary public unicast address.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() || ip.Zone() != "" {
		return false
	}
	for _, p := range reservedPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// dialPolicy decides which addresses one dial may reach.
type dialPolicy struct {
	allowPrivate bool
	// allowLoopback lets this one dial reach loopback addresses: set only
	// for the base URL's own host and port.
	allowLoopback bool
}

func (p dialPolicy) permits(ip netip.Addr) bool {
	ip = ip.Unmap()
	switch {
	case p.allowPrivate:
		return ip.IsValid()
	case p.allowLoopback && ip.IsLoopback():
		return true
	}
	return publicAddr(ip)
}

// control is the net.Dialer Control hook: it runs after the socket is made
// and before connect(2), on the address really about to be dialed. It is the
// last line of defence; dialContext has already checked every resolved
// address, so this only fires if that logic is ever bypassed.
func (p dialPolicy) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot parse dial address %q", ErrForbiddenAddress, address)
	}
	if !p.permits(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrForbiddenAddress, ap.Addr())
	}
	return nil
}

// dialContext is the transport's DialContext. It resolves the host itself
// (Options.LookupIP), refuses every address the policy does not permit, and
// dials the permitted ones in turn with the Control hook as a second check,
// so a DNS answer or a redirect that points into a private range is refused
// before any packet is sent.
func (c *Client) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("fetch: dial %q: %w", addr, err)
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("fetch: dial %q: bad port: %w", addr, err)
	}
	pol := dialPolicy{allowPrivate: c.opts.AllowPrivateAddresses}
	if c.base != nil && addr == c.baseAddr {
		pol.allowLoopback = true
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		if ips, err = c.lookup(ctx, host); err != nil {
			return nil, fmt.Errorf("fetch: resolve %s: %w", host, err)
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("fetch: resolve %s: no addresses", host)
		}
	}
	var errs []error
	for _, ip := range ips {
		if !pol.permits(ip) {
			errs = append(errs, fmt.Errorf("%w: %s is %s", ErrForbiddenAddress, host, ip))
			continue
		}
		ap := netip.AddrPortFrom(ip.Unmap(), uint16(port))
		var conn net.Conn
		var err error
		if c.dialHook != nil {
			conn, err = c.dialHook(ctx, network, ap)
		} else {
			d := net.Dialer{Timeout: c.opts.DialTimeout, KeepAlive: 30 * time.Second, Control: pol.control}
			conn, err = d.DialContext(ctx, network, ap.String())
		}
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return nil, errors.Join(errs...)
}

func (c *Client) lookup(ctx context.Context, host string) ([]netip.Addr, error) {
	if c.opts.LookupIP != nil {
		return c.opts.LookupIP(ctx, host)
	}
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}
