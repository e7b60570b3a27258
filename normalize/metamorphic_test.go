package normalize_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xref-un/xref/internal/testenv"
	"github.com/xref-un/xref/normalize"
)

// The same text written another way must give the same symbols. Researchers
// read tokenised corpora (OPUS UNPC, MultiUN: a space around every
// punctuation mark), PDF text wraps lines inside citations, and Chinese
// input methods type full-width digits and brackets.

// tokenise puts one space around / ( ) , ; : as tokenised corpora do.
func tokenise(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '/', '(', ')', ',', ';', ':':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
			b.WriteByte(c)
			b.WriteByte(' ')
			for i+1 < len(s) && s[i+1] == ' ' {
				i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// wrap breaks the line after the slash of every n/m and before every
// bracketed year ("61/" + "295", "1540" + "(2004)"), as PDF text does.
func wrap(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	isDigit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '/' && isDigit(i-1) && isDigit(i+1):
			b.WriteString("/\n")
			continue
		case c == ' ' && isDigit(i-1) && i+6 < len(s) && s[i+1] == '(' && isDigit(i+2) && isDigit(i+5) && s[i+6] == ')':
			b.WriteByte('\n')
			continue
		case c == '(' && isDigit(i-1) && i+5 < len(s) && isDigit(i+1) && isDigit(i+4) && s[i+5] == ')':
			b.WriteByte('\n')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// fullWidth types digits and / ( ) , ; : in their full-width forms.
func fullWidth(s string) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	for _, r := range s {
		if r >= '0' && r <= '9' || strings.ContainsRune("/(),;:", r) {
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

type metaCorpus struct {
	name, lang string
	lines      []string
}

func metaCorpora(t *testing.T) []metaCorpus {
	var out []metaCorpus
	for _, l := range []string{"ar", "en", "es", "fr", "ru", "zh"} {
		b := testenv.Read(t, "corpora/unv1-devset/UNv1.0.devset."+l)
		out = append(out, metaCorpus{"unv1-devset." + l, l, strings.Split(string(b), "\n")})
	}
	for _, l := range []string{"en", "zh"} {
		b := testenv.Read(t, "corpora/un-2023-zh-en/un2023."+l)
		out = append(out, metaCorpus{"un2023." + l, l, strings.Split(string(b), "\n")})
	}
	for _, p := range testenv.EnglishCorpora {
		var lines []string
		for _, f := range testenv.Glob(t, p) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
		out = append(out, metaCorpus{p, "en", lines})
	}
	return out
}

// TestMetamorphic: over every line of the corpora in the six languages, a
// tokenised, wrapped, tokenised-and-wrapped or full-width version of the
// line keeps at least 99.5 % of its symbols and adds none.
func TestMetamorphic(t *testing.T) {
	transforms := []struct {
		name string
		f    func(string) string
	}{
		{"tokenised", tokenise},
		{"wrapped", wrap},
		{"tokenised and wrapped", func(s string) string { return wrap(tokenise(s)) }},
		{"full-width", fullWidth},
	}
	x := normalize.NewExtractor()
	keys := func(s string) map[string]int {
		m := map[string]int{}
		for _, c := range x.Extract([]byte(s), normalize.Options{}) {
			m[c.Key]++
		}
		return m
	}
	kept := make([]int, len(transforms))
	added := make([]int, len(transforms))
	total := 0
	for _, c := range metaCorpora(t) {
		n := 0
		ck, ca := make([]int, len(transforms)), make([]int, len(transforms))
		for _, line := range c.lines {
			if !utf8.ValidString(line) || !strings.ContainsAny(line, "0123456789") {
				continue
			}
			base := keys(line)
			for _, k := range base {
				n += k
			}
			for ti, tr := range transforms {
				got := keys(tr.f(line))
				for k, v := range got {
					ck[ti] += min(v, base[k])
					if v > base[k] {
						ca[ti] += v - base[k]
						if added[ti]+ca[ti] <= 5 {
							t.Logf("%s, %s: %s added in %q", c.name, tr.name, k, tr.f(line))
						}
					}
				}
				if lost := countLost(base, got); lost > 0 && total+n-kept[ti]-ck[ti] <= 5*len(transforms) {
					t.Logf("%s, %s: %d lost in %q", c.name, tr.name, lost, tr.f(line))
				}
			}
		}
		for ti, tr := range transforms {
			t.Logf("%s, %s: kept %d of %d, added %d", c.name, tr.name, ck[ti], n, ca[ti])
			kept[ti] += ck[ti]
			added[ti] += ca[ti]
		}
		total += n
	}
	if total < 20000 {
		t.Fatalf("only %d symbols in the corpora", total)
	}
	for ti, tr := range transforms {
		share := float64(kept[ti]) / float64(total)
		t.Logf("%s: kept %.4f of %d symbols, added %d", tr.name, share, total, added[ti])
		if share < 0.995 || added[ti] > 0 {
			t.Errorf("%s: kept %.4f of the symbols and added %d; want at least 0.995 and none", tr.name, share, added[ti])
		}
	}
}

func countLost(base, got map[string]int) int {
	n := 0
	for k, v := range base {
		n += max(0, v-got[k])
	}
	return n
}

// TestTransforms pins what the metamorphic transforms do.
func TestTransforms(t *testing.T) {
	for _, tc := range []struct {
		f        func(string) string
		in, want string
	}{
		{tokenise, "resolution 61/295 (2007), para. 3", "resolution 61 / 295 ( 2007 ) , para. 3"},
		{wrap, "resolutions 61/295 and 1540 (2004) and 1540(2004)", "resolutions 61/\n295 and 1540\n(2004) and 1540\n(2004)"},
		{fullWidth, "第73/266号", "第７３／２６６号"},
	} {
		if got := tc.f(tc.in); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
	if !bytes.Equal([]byte(tokenise("a/b")), []byte("a / b")) {
		t.Errorf("tokenise(a/b) = %q", tokenise("a/b"))
	}
}
