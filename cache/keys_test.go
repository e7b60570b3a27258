package cache

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"testing"
	"time"
)

// keyCase is one key: the value built, the bytes expected, and the parse
// function of its kind, wrapped to return the value as any.
type keyCase struct {
	name  string
	key   interface{ Bytes() []byte }
	want  string
	parse func([]byte) (any, error)
}

func parseAs[K any](f func([]byte) (K, error)) func([]byte) (any, error) {
	return func(b []byte) (any, error) { return f(b) }
}

var t0 = time.Date(2026, 11, 29, 3, 4, 5, 6, time.UTC)

func inv(t time.Time) string {
	var b [8]byte
	v := math.MaxUint64 - uint64(t.UnixNano())
	for i := range 8 {
		b[i] = byte(v >> (56 - 8*i))
	}
	return string(b[:])
}

const gen7 = "\x00\x00\x00\x00\x00\x00\x00\x07"

var keyCases = []keyCase{
	{"meta", MetaKey{Name: "schema"}, "x1/m/schema", parseAs(ParseMetaKey)},
	{"doc symbol", DocKey{ID: "S/RES/1540(2004)"}, "x1/d/S/RES/1540(2004)", parseAs(ParseDocKey)},
	{"doc file id", DocKey{ID: "file:a/b c.txt#0011"}, "x1/d/file:a/b c.txt#0011", parseAs(ParseDocKey)},
	{"edge", EdgeKey{Citing: "CD/PV.1505", Language: "zh", Gen: 7, Cited: "A/RES/73/266"},
		"x1/e/CD/PV.1505\x00zh\x00" + gen7 + "A/RES/73/266", parseAs(ParseEdgeKey)},
	{"edge no language", EdgeKey{Citing: "S/PV.9000", Gen: 7, Cited: "A/DEC/70/551"},
		"x1/e/S/PV.9000\x00\x00" + gen7 + "A/DEC/70/551", parseAs(ParseEdgeKey)},
	{"cited-by", CitedByKey{Cited: "A/RES/73/266", Citing: "CD/PV.1505", Language: "zh", Gen: 7},
		"x1/c/A/RES/73/266\x00CD/PV.1505\x00zh\x00" + gen7, parseAs(ParseCitedByKey)},
	{"link use", LinkUseKey{URL: "https://undocs.org/zh/A/RES/73/266", Citing: "CD/PV.1505", Language: "zh", Gen: 7},
		"x1/u/https://undocs.org/zh/A/RES/73/266\x00CD/PV.1505\x00zh\x00" + gen7, parseAs(ParseLinkUseKey)},
	{"version links", VersionLinksKey{Citing: "CD/PV.1505", Language: "zh", Gen: 7},
		"x1/v/CD/PV.1505\x00zh\x00" + gen7, parseAs(ParseVersionLinksKey)},
	{"link", LinkKey{URL: "https://undocs.org/S/RES/1540(2004)?a=b:c"}, "x1/l/https://undocs.org/S/RES/1540(2004)?a=b:c", parseAs(ParseLinkKey)},
	{"observation", ObservationKey{URL: "https://undocs.org/CD/2141", Time: t0},
		"x1/o/https://undocs.org/CD/2141\x00" + inv(t0), parseAs(ParseObservationKey)},
	{"host", HostKey{Host: "undocs.org:443"}, "x1/h/undocs.org:443", parseAs(ParseHostKey)},
	{"run", RunKey{Start: t0, ID: "2026-11-29/nightly"}, "x1/r/" + inv(t0) + "2026-11-29/nightly", parseAs(ParseRunKey)},
	{"pending", PendingKey{Citing: "A/78/PV.3", Language: "en"}, "x1/z/A/78/PV.3\x00en", parseAs(ParsePendingKey)},
}

func TestKeys(t *testing.T) {
	for _, tc := range keyCases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.key.Bytes()
			if string(got) != tc.want {
				t.Fatalf("Bytes() = %q; want %q", got, tc.want)
			}
			back, err := tc.parse(got)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if !equalKeys(back, tc.key) {
				t.Errorf("parse(Bytes()) = %#v; want %#v", back, tc.key)
			}
			// Every other kind's parser refuses it.
			for _, other := range keyCases {
				if other.want[3] == tc.want[3] {
					continue
				}
				if _, err := other.parse(got); !errors.Is(err, ErrInvalidKey) {
					t.Errorf("%s parser accepted %q: %v", other.name, got, err)
				}
			}
			// Truncated keys are refused or parse to something else: never
			// to the same key.
			for n := 0; n < len(got); n++ {
				if back, err := tc.parse(got[:n]); err == nil && equalKeys(back, tc.key) {
					t.Errorf("prefix %q parses to the full key", got[:n])
				}
			}
		})
	}
}

func equalKeys(a, b any) bool {
	switch x := a.(type) {
	case ObservationKey:
		y := b.(ObservationKey)
		return x.URL == y.URL && x.Time.Equal(y.Time)
	case RunKey:
		y := b.(RunKey)
		return x.ID == y.ID && x.Start.Equal(y.Start)
	}
	return a == b
}

func TestKeyOrder(t *testing.T) {
	tests := []struct {
		name           string
		first, second  []byte
		prefix         []byte
		secondInPrefix bool
	}{
		{"observations newest first",
			ObservationKey{URL: "u", Time: t0.Add(time.Second)}.Bytes(), ObservationKey{URL: "u", Time: t0}.Bytes(),
			observationPrefix("u"), true},
		{"runs newest first",
			RunKey{Start: t0.Add(time.Nanosecond), ID: "b"}.Bytes(), RunKey{Start: t0, ID: "a"}.Bytes(),
			prefix(kindRun), true},
		{"generations in order",
			EdgeKey{Citing: "X", Language: "en", Gen: 255, Cited: "Z"}.Bytes(), EdgeKey{Citing: "X", Language: "en", Gen: 256, Cited: "A"}.Bytes(),
			edgeVersionPrefix("X", "en"), true},
		{"symbol prefix is not a prefix scan match",
			CitedByKey{Cited: "A/RES/73/26", Citing: "X", Gen: 1}.Bytes(), CitedByKey{Cited: "A/RES/73/266", Citing: "X", Gen: 1}.Bytes(),
			citedByPrefix("A/RES/73/26"), false},
		{"citing prefix is not a prefix scan match",
			EdgeKey{Citing: "S/PV.900", Language: "en", Gen: 1, Cited: "A"}.Bytes(), EdgeKey{Citing: "S/PV.9000", Language: "en", Gen: 1, Cited: "A"}.Bytes(),
			edgeVersionPrefix("S/PV.900", "en"), false},
		{"url prefix is not a prefix scan match",
			LinkUseKey{URL: "https://a/x", Citing: "X", Gen: 1}.Bytes(), LinkUseKey{URL: "https://a/x/y", Citing: "X", Gen: 1}.Bytes(),
			linkUsePrefix("https://a/x"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if bytes.Compare(tt.first, tt.second) >= 0 {
				t.Errorf("%q sorts after %q", tt.first, tt.second)
			}
			if !bytes.HasPrefix(tt.first, tt.prefix) {
				t.Errorf("%q lacks prefix %q", tt.first, tt.prefix)
			}
			if got := bytes.HasPrefix(tt.second, tt.prefix); got != tt.secondInPrefix {
				t.Errorf("HasPrefix(%q, %q) = %v; want %v", tt.second, tt.prefix, got, tt.secondInPrefix)
			}
		})
	}
	// All kinds sort apart: no kind's prefix is a prefix of another's.
	var ps [][]byte
	for _, tc := range keyCases {
		ps = append(ps, []byte(tc.want[:5]))
	}
	ps = slices.CompactFunc(ps, bytes.Equal)
	for i, a := range ps {
		for j, b := range ps {
			if i != j && bytes.HasPrefix(a, b) {
				t.Errorf("prefix %q contains %q", a, b)
			}
		}
	}
}

func TestParseKeyErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		fn   func([]byte) (any, error)
	}{
		{"wrong version", "x2/d/A/1", parseAs(ParseDocKey)},
		{"no separator", "x1/e/CD/PV.1505", parseAs(ParseEdgeKey)},
		{"short generation", "x1/e/CD\x00zh\x00\x00\x01", parseAs(ParseEdgeKey)},
		{"separator in last part", "x1/e/CD\x00zh\x00" + gen7 + "A\x00B", parseAs(ParseEdgeKey)},
		{"trailing bytes", "x1/c/A\x00B\x00en\x00" + gen7 + "!", parseAs(ParseCitedByKey)},
		{"short time", "x1/o/u\x00\x01", parseAs(ParseObservationKey)},
		{"time out of range", "x1/o/u\x00\x00\x00\x00\x00\x00\x00\x00\x00", parseAs(ParseObservationKey)},
		{"separator in doc id", "x1/d/a\x00b", parseAs(ParseDocKey)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.fn([]byte(tt.in)); !errors.Is(err, ErrInvalidKey) {
				t.Errorf("parse(%q) = %v; want ErrInvalidKey", tt.in, err)
			}
		})
	}
}

// FuzzKeys builds every key kind from fuzzed parts and parses it back; and
// parses the raw input as every kind, which must not panic and, when it
// succeeds, must give a key that rebuilds to the same bytes (keys are
// canonical).
func FuzzKeys(f *testing.F) {
	for _, tc := range keyCases {
		f.Add(tc.want, "A/RES/73/266", "zh", uint64(7), int64(t0.UnixNano()))
	}
	f.Add("", "", "", uint64(0), int64(0))
	f.Add("x1/e/\x00\x00", "S/RES/1540 (2004)", "", uint64(math.MaxUint64), int64(math.MaxInt64))
	f.Fuzz(func(t *testing.T, a, b, c string, gen uint64, nanos int64) {
		if nanos < 0 {
			nanos = -nanos
		}
		if nanos < 0 { // MinInt64
			nanos = 0
		}
		tm := time.Unix(0, nanos).UTC()
		if validPart(a) && validPart(b) && validPart(c) {
			built := []keyCase{
				{key: MetaKey{Name: a}, parse: parseAs(ParseMetaKey)},
				{key: DocKey{ID: a}, parse: parseAs(ParseDocKey)},
				{key: EdgeKey{Citing: a, Language: c, Gen: gen, Cited: b}, parse: parseAs(ParseEdgeKey)},
				{key: CitedByKey{Cited: b, Citing: a, Language: c, Gen: gen}, parse: parseAs(ParseCitedByKey)},
				{key: LinkUseKey{URL: b, Citing: a, Language: c, Gen: gen}, parse: parseAs(ParseLinkUseKey)},
				{key: VersionLinksKey{Citing: a, Language: c, Gen: gen}, parse: parseAs(ParseVersionLinksKey)},
				{key: LinkKey{URL: a}, parse: parseAs(ParseLinkKey)},
				{key: ObservationKey{URL: a, Time: tm}, parse: parseAs(ParseObservationKey)},
				{key: HostKey{Host: a}, parse: parseAs(ParseHostKey)},
				{key: RunKey{Start: tm, ID: a}, parse: parseAs(ParseRunKey)},
				{key: PendingKey{Citing: a, Language: c}, parse: parseAs(ParsePendingKey)},
			}
			for _, k := range built {
				back, err := k.parse(k.key.Bytes())
				if err != nil {
					t.Fatalf("%#v: %v", k.key, err)
				}
				if !equalKeys(back, k.key) {
					t.Fatalf("round trip %#v → %#v", k.key, back)
				}
			}
		}
		for _, tc := range keyCases {
			back, err := tc.parse([]byte(a))
			if err != nil {
				if !errors.Is(err, ErrInvalidKey) {
					t.Fatalf("%s: error %v does not wrap ErrInvalidKey", tc.name, err)
				}
				continue
			}
			if got := back.(interface{ Bytes() []byte }).Bytes(); string(got) != a {
				t.Fatalf("%s: %q parses to %#v which builds %q", tc.name, a, back, got)
			}
		}
	})
}
