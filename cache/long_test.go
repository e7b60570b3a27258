//go:build long

package cache

// longTests: built with -tags long, the tests that take a minute or more
// under -race on a small machine run too (CI runs them in a step of their
// own).
const longTests = true
