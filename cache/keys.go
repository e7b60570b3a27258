package cache

// This file is the one place where keys are built and parsed. Nothing else in
// the package concatenates key bytes by hand. The schema is documented on
// SchemaPrefix below (go doc cache.SchemaPrefix).

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// ErrInvalidKey is returned by the Parse functions for bytes that are not a
// key of the expected kind in schema version 1.
var ErrInvalidKey = errors.New("cache: invalid key")

// SchemaPrefix starts every key written by this version of the package.
//
// # Key schema, version 1
//
// Every key starts with the schema prefix "x1/" followed by a one-letter kind
// and "/". Parts that may contain "/" or ":" (symbols, ids, URLs, paths) are
// ended by a 0x00 byte, which no part may contain; parts that come last in a
// key are not terminated. Generations are 8-byte big-endian integers; times
// are 8-byte big-endian math.MaxUint64-unixNano, so that the newest entry of
// a prefix sorts first.
//
//	x1/m/<name>                                       → schema metadata (MetaKey)
//	x1/d/<docID>                                      → Document, JSON (DocKey)
//	x1/e/<citing>\0<lang>\0<gen:8><cited>             → occurrences, binary (EdgeKey)
//	x1/c/<cited>\0<citing>\0<lang>\0<gen:8>           → occurrences, binary (CitedByKey)
//	x1/u/<url>\0<citing>\0<lang>\0<gen:8>             → link uses, binary (LinkUseKey)
//	x1/v/<citing>\0<lang>\0<gen:8>                    → URL list, binary (VersionLinksKey)
//	x1/l/<url>                                        → Link, JSON (LinkKey)
//	x1/o/<url>\0<MaxUint64-unixNano:8>                → Observation, JSON (ObservationKey)
//	x1/h/<host>                                       → HostState, JSON (HostKey)
//	x1/r/<MaxUint64-unixNano(start):8><runID>         → Run, JSON (RunKey)
//	x1/z/<citing>\0<lang>                             → pending generation, 8 bytes (PendingKey)
//
// The scans this layout serves, each a single prefix:
//   - x1/e/<citing>\0<lang>\0<gen>: what one version of a transcript cites (Cites);
//   - x1/c/<cited>\0: who cites a symbol (CitedBy). The citers come from
//     the keys; the values, small occurrence lists, sit inline in the same
//     LSM blocks (under badger's value threshold), so the scan never reads
//     the value log; Stats reads the keys alone;
//   - x1/u/<url>\0: every transcript version using a link (link-rot report);
//   - x1/v/<citing>\0<lang>\0: the links a version used (one key per
//     generation), to delete their x1/u/ entries when the version is replaced;
//   - x1/o/<url>\0: a link's observations, newest first;
//   - x1/r/: runs, newest first.
//
// A version of a transcript is the pair (document id, language). Its edges carry
// the generation number recorded in the document's Version; see ingest.go for
// why generations exist and how readers use them.
const SchemaPrefix = "x1/"

// Key kinds, the letter after SchemaPrefix.
const (
	kindMeta         = 'm'
	kindDoc          = 'd'
	kindEdge         = 'e'
	kindCitedBy      = 'c'
	kindLinkUse      = 'u'
	kindVersionLinks = 'v'
	kindLink         = 'l'
	kindObservation  = 'o'
	kindHost         = 'h'
	kindRun          = 'r'
	kindPending      = 'z'
)

const sep = 0x00

// prefix returns "x1/<kind>/".
func prefix(kind byte) []byte {
	return []byte{'x', '1', '/', kind, '/'}
}

// builder appends key parts to a buffer.
type builder struct{ b []byte }

func newKey(kind byte, sizeHint int) *builder {
	b := make([]byte, 0, 5+sizeHint)
	return &builder{b: append(b, prefix(kind)...)}
}

// part appends s followed by the separator.
func (k *builder) part(s string) *builder {
	k.b = append(k.b, s...)
	k.b = append(k.b, sep)
	return k
}

// last appends s without a separator: it ends the key.
func (k *builder) last(s string) *builder {
	k.b = append(k.b, s...)
	return k
}

func (k *builder) u64(v uint64) *builder {
	k.b = binary.BigEndian.AppendUint64(k.b, v)
	return k
}

// parser consumes a key from the front.
type parser struct {
	b   []byte
	err error
}

func parseKey(kind byte, b []byte) *parser {
	p := prefix(kind)
	if !bytes.HasPrefix(b, p) {
		return &parser{err: fmt.Errorf("%w: %q does not start with %q", ErrInvalidKey, b, p)}
	}
	return &parser{b: b[len(p):]}
}

func (p *parser) part() string {
	if p.err != nil {
		return ""
	}
	i := bytes.IndexByte(p.b, sep)
	if i < 0 {
		p.err = fmt.Errorf("%w: missing separator", ErrInvalidKey)
		return ""
	}
	s := string(p.b[:i])
	p.b = p.b[i+1:]
	return s
}

func (p *parser) u64() uint64 {
	if p.err != nil {
		return 0
	}
	if len(p.b) < 8 {
		p.err = fmt.Errorf("%w: short integer", ErrInvalidKey)
		return 0
	}
	v := binary.BigEndian.Uint64(p.b)
	p.b = p.b[8:]
	return v
}

// last returns the rest of the key, which must not contain a separator: the
// builder never writes one there, so a key that has one is not canonical.
func (p *parser) last() string {
	if p.err != nil {
		return ""
	}
	if bytes.IndexByte(p.b, sep) >= 0 {
		p.err = fmt.Errorf("%w: separator in last part", ErrInvalidKey)
		return ""
	}
	s := string(p.b)
	p.b = nil
	return s
}

func (p *parser) end() error {
	if p.err == nil && len(p.b) != 0 {
		p.err = fmt.Errorf("%w: %d trailing bytes", ErrInvalidKey, len(p.b))
	}
	return p.err
}

// invTime encodes t so that later times sort first. Times before 1970 are
// clamped to the epoch: the store never needs them and the encoding stays a
// plain uint64.
func invTime(t time.Time) uint64 {
	n := t.UnixNano()
	if n < 0 || t.IsZero() {
		n = 0
	}
	return math.MaxUint64 - uint64(n)
}

func fromInvTime(v uint64) (time.Time, error) {
	n := math.MaxUint64 - v
	if n > math.MaxInt64 {
		return time.Time{}, fmt.Errorf("%w: time out of range", ErrInvalidKey)
	}
	return time.Unix(0, int64(n)).UTC(), nil
}

// validPart reports whether s can be a key part: no separator byte. Empty
// parts are allowed by the encoding; callers that need non-empty values check
// that themselves.
func validPart(s string) bool { return strings.IndexByte(s, sep) < 0 }

// MetaKey names a piece of store metadata, such as the schema version.
type MetaKey struct{ Name string }

// Bytes returns x1/m/<name>.
func (k MetaKey) Bytes() []byte { return newKey(kindMeta, len(k.Name)).last(k.Name).b }

// ParseMetaKey is the inverse of MetaKey.Bytes.
func ParseMetaKey(b []byte) (MetaKey, error) {
	p := parseKey(kindMeta, b)
	k := MetaKey{Name: p.last()}
	return k, p.end()
}

// DocKey is the key of a Document record.
type DocKey struct{ ID string }

// Bytes returns x1/d/<id>.
func (k DocKey) Bytes() []byte { return newKey(kindDoc, len(k.ID)).last(k.ID).b }

// ParseDocKey is the inverse of DocKey.Bytes.
func ParseDocKey(b []byte) (DocKey, error) {
	p := parseKey(kindDoc, b)
	k := DocKey{ID: p.last()}
	return k, p.end()
}

// EdgeKey is the forward edge of one version (citing document, language,
// generation) of a transcript to one cited symbol. Its value holds every
// occurrence of the citation in that version.
type EdgeKey struct {
	Citing   string
	Language string
	Gen      uint64
	Cited    string
}

// Bytes returns x1/e/<citing>\0<lang>\0<gen:8><cited>.
func (k EdgeKey) Bytes() []byte {
	return newKey(kindEdge, len(k.Citing)+len(k.Language)+10+len(k.Cited)).
		part(k.Citing).part(k.Language).u64(k.Gen).last(k.Cited).b
}

// ParseEdgeKey is the inverse of EdgeKey.Bytes.
func ParseEdgeKey(b []byte) (EdgeKey, error) {
	p := parseKey(kindEdge, b)
	k := EdgeKey{Citing: p.part(), Language: p.part(), Gen: p.u64(), Cited: p.last()}
	return k, p.end()
}

// edgeVersionPrefix covers every generation of one version's edges.
func edgeVersionPrefix(citing, lang string) []byte {
	return newKey(kindEdge, len(citing)+len(lang)+2).part(citing).part(lang).b
}

// edgeGenPrefix covers one generation of one version's edges.
func edgeGenPrefix(citing, lang string, gen uint64) []byte {
	return newKey(kindEdge, len(citing)+len(lang)+10).part(citing).part(lang).u64(gen).b
}

// CitedByKey is the reverse index entry of an EdgeKey: the cited symbol comes
// first, so that one prefix scan lists every citing version.
type CitedByKey struct {
	Cited    string
	Citing   string
	Language string
	Gen      uint64
}

// Bytes returns x1/c/<cited>\0<citing>\0<lang>\0<gen:8>.
func (k CitedByKey) Bytes() []byte {
	return newKey(kindCitedBy, len(k.Cited)+len(k.Citing)+len(k.Language)+11).
		part(k.Cited).part(k.Citing).part(k.Language).u64(k.Gen).b
}

// ParseCitedByKey is the inverse of CitedByKey.Bytes.
func ParseCitedByKey(b []byte) (CitedByKey, error) {
	p := parseKey(kindCitedBy, b)
	k := CitedByKey{Cited: p.part(), Citing: p.part(), Language: p.part(), Gen: p.u64()}
	return k, p.end()
}

// splitCitedBy is ParseCitedByKey without allocation, for scans of the
// whole reverse index: the parts alias k.
func splitCitedBy(k []byte) (cited, citing, lang []byte, gen uint64, err error) {
	p := prefix(kindCitedBy)
	if !bytes.HasPrefix(k, p) {
		return nil, nil, nil, 0, fmt.Errorf("%w: %q", ErrInvalidKey, k)
	}
	rest := k[len(p):]
	i := bytes.IndexByte(rest, sep)
	if i < 0 {
		return nil, nil, nil, 0, fmt.Errorf("%w: %q", ErrInvalidKey, k)
	}
	cited, rest = rest[:i], rest[i+1:]
	j := bytes.IndexByte(rest, sep)
	if j < 0 {
		return nil, nil, nil, 0, fmt.Errorf("%w: %q", ErrInvalidKey, k)
	}
	citing, rest = rest[:j], rest[j+1:]
	l := bytes.IndexByte(rest, sep)
	if l < 0 || len(rest) != l+9 {
		return nil, nil, nil, 0, fmt.Errorf("%w: %q", ErrInvalidKey, k)
	}
	return cited, citing, rest[:l], binary.BigEndian.Uint64(rest[l+1:]), nil
}

// citedByPrefix covers every citer of one symbol.
func citedByPrefix(cited string) []byte {
	return newKey(kindCitedBy, len(cited)+1).part(cited).b
}

// LinkUseKey records that one version of a transcript uses a link URL. Its
// value lists the lines and citation symbols where the link appears.
type LinkUseKey struct {
	URL      string
	Citing   string
	Language string
	Gen      uint64
}

// Bytes returns x1/u/<url>\0<citing>\0<lang>\0<gen:8>.
func (k LinkUseKey) Bytes() []byte {
	return newKey(kindLinkUse, len(k.URL)+len(k.Citing)+len(k.Language)+11).
		part(k.URL).part(k.Citing).part(k.Language).u64(k.Gen).b
}

// ParseLinkUseKey is the inverse of LinkUseKey.Bytes.
func ParseLinkUseKey(b []byte) (LinkUseKey, error) {
	p := parseKey(kindLinkUse, b)
	k := LinkUseKey{URL: p.part(), Citing: p.part(), Language: p.part(), Gen: p.u64()}
	return k, p.end()
}

func linkUsePrefix(url string) []byte {
	return newKey(kindLinkUse, len(url)+1).part(url).b
}

// VersionLinksKey lists the link URLs one generation of a version uses (its
// value is the URL list): it lets a re-check find, and delete, the LinkUseKey
// entries of the version it replaces. One key per version rather than one
// per URL keeps ingest to about two entries per edge.
type VersionLinksKey struct {
	Citing   string
	Language string
	Gen      uint64
}

// Bytes returns x1/v/<citing>\0<lang>\0<gen:8>.
func (k VersionLinksKey) Bytes() []byte {
	return newKey(kindVersionLinks, len(k.Citing)+len(k.Language)+10).
		part(k.Citing).part(k.Language).u64(k.Gen).b
}

// ParseVersionLinksKey is the inverse of VersionLinksKey.Bytes.
func ParseVersionLinksKey(b []byte) (VersionLinksKey, error) {
	p := parseKey(kindVersionLinks, b)
	k := VersionLinksKey{Citing: p.part(), Language: p.part(), Gen: p.u64()}
	return k, p.end()
}

func versionLinksPrefix(citing, lang string) []byte {
	return newKey(kindVersionLinks, len(citing)+len(lang)+2).part(citing).part(lang).b
}

// LinkKey is the key of a Link record: the latest resolution of a URL.
type LinkKey struct{ URL string }

// Bytes returns x1/l/<url>.
func (k LinkKey) Bytes() []byte { return newKey(kindLink, len(k.URL)).last(k.URL).b }

// ParseLinkKey is the inverse of LinkKey.Bytes.
func ParseLinkKey(b []byte) (LinkKey, error) {
	p := parseKey(kindLink, b)
	k := LinkKey{URL: p.last()}
	return k, p.end()
}

// ObservationKey is one entry of a link's history. Keys of one URL sort
// newest first. Time is kept to the nanosecond, in UTC.
type ObservationKey struct {
	URL  string
	Time time.Time
}

// Bytes returns x1/o/<url>\0<MaxUint64-unixNano:8>.
func (k ObservationKey) Bytes() []byte {
	return newKey(kindObservation, len(k.URL)+9).part(k.URL).u64(invTime(k.Time)).b
}

// ParseObservationKey is the inverse of ObservationKey.Bytes.
func ParseObservationKey(b []byte) (ObservationKey, error) {
	p := parseKey(kindObservation, b)
	url := p.part()
	v := p.u64()
	if err := p.end(); err != nil {
		return ObservationKey{}, err
	}
	t, err := fromInvTime(v)
	return ObservationKey{URL: url, Time: t}, err
}

func observationPrefix(url string) []byte {
	return newKey(kindObservation, len(url)+1).part(url).b
}

// HostKey is the key of a host's scheduling state.
type HostKey struct{ Host string }

// Bytes returns x1/h/<host>.
func (k HostKey) Bytes() []byte { return newKey(kindHost, len(k.Host)).last(k.Host).b }

// ParseHostKey is the inverse of HostKey.Bytes.
func ParseHostKey(b []byte) (HostKey, error) {
	p := parseKey(kindHost, b)
	k := HostKey{Host: p.last()}
	return k, p.end()
}

// RunKey is the key of a Run; runs sort newest first by start time.
type RunKey struct {
	Start time.Time
	ID    string
}

// Bytes returns x1/r/<MaxUint64-unixNano(start):8><id>.
func (k RunKey) Bytes() []byte {
	return newKey(kindRun, 8+len(k.ID)).u64(invTime(k.Start)).last(k.ID).b
}

// ParseRunKey is the inverse of RunKey.Bytes.
func ParseRunKey(b []byte) (RunKey, error) {
	p := parseKey(kindRun, b)
	v := p.u64()
	id := p.last()
	if err := p.end(); err != nil {
		return RunKey{}, err
	}
	t, err := fromInvTime(v)
	return RunKey{Start: t, ID: id}, err
}

// PendingKey marks a version whose edges are being replaced in several
// transactions. Its value is the 8-byte generation being written. Readers
// check the generation of every entry of a pending version against its
// Document; Open (read-write) finishes or undoes what a killed writer left.
type PendingKey struct {
	Citing   string
	Language string
}

// Bytes returns x1/z/<citing>\0<lang>.
func (k PendingKey) Bytes() []byte {
	return newKey(kindPending, len(k.Citing)+len(k.Language)+1).part(k.Citing).last(k.Language).b
}

// ParsePendingKey is the inverse of PendingKey.Bytes.
func ParsePendingKey(b []byte) (PendingKey, error) {
	p := parseKey(kindPending, b)
	k := PendingKey{Citing: p.part(), Language: p.last()}
	return k, p.end()
}
