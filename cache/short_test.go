//go:build !long

package cache

// longTests is false unless built with -tags long.
const longTests = false
