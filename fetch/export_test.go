package fetch

import (
	"context"
	"net"
	"net/netip"
)

// SetDialHook replaces the final connect of permitted addresses (tests only).
func SetDialHook(c *Client, f func(ctx context.Context, network string, ap netip.AddrPort) (net.Conn, error)) {
	c.dialHook = f
}
