package normalize_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/xref-un/xref/internal/testenv"
	"github.com/xref-un/xref/normalize"
)

type goldItem struct {
	ID      string   `json:"id"`
	Lang    string   `json:"lang"`
	Text    string   `json:"text"`
	Symbols []string `json:"symbols"`
	Notes   string   `json:"notes"`
}

// matchGold compares citations with a gold list the way the held-out
// measurement does: multisets of keys without spaces, upper-cased, a
// yearless Security Council key matching one with a year.
func matchGold(gold, got []string) (tp, fp, fn int, misses, extras []string) {
	norm := func(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }
	left := map[string]int{}
	for _, g := range gold {
		left[norm(g)]++
	}
	year := regexp.MustCompile(`\(\d{4}\)$`)
	for _, k := range got {
		k = norm(k)
		switch {
		case left[k] > 0:
			left[k]--
			tp++
		case strings.HasPrefix(k, "S/RES/") && left[year.ReplaceAllString(k, "")] > 0:
			left[year.ReplaceAllString(k, "")]--
			tp++
		default:
			fp++
			extras = append(extras, k)
		}
	}
	for k, n := range left {
		for ; n > 0; n-- {
			fn++
			misses = append(misses, k)
		}
	}
	return
}

// TestDevGold runs every real quoted sentence of dev-gold.jsonl, in the six
// languages: every one must give exactly its symbols.
func TestDevGold(t *testing.T) {
	data := testenv.Read(t, "corpora/dev-gold.jsonl")
	x := normalize.NewExtractor()
	type score struct{ tp, fp, fn int }
	scores := map[string]*score{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var it goldItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		n++
		cs := x.Extract([]byte(it.Text), normalize.Options{})
		var got []string
		for _, c := range cs {
			if c.Start < 0 || c.End > len(it.Text) || c.Start >= c.End {
				t.Errorf("[%s] bad span [%d, %d)", it.ID, c.Start, c.End)
			}
			got = append(got, c.Key)
		}
		tp, fp, fn, misses, extras := matchGold(it.Symbols, got)
		s := scores[it.Lang]
		if s == nil {
			s = &score{}
			scores[it.Lang] = s
		}
		s.tp, s.fp, s.fn = s.tp+tp, s.fp+fp, s.fn+fn
		if fp+fn > 0 {
			t.Errorf("[%s] missed %v, extra %v in %q", it.ID, misses, extras, it.Text)
		}
	}
	if n < 90 {
		t.Fatalf("read %d gold items; want the 91 of dev-gold.jsonl", n)
	}
	for _, l := range []string{"en", "zh", "es", "fr", "ru", "ar"} {
		if s := scores[l]; s != nil {
			p := float64(s.tp) / float64(max(1, s.tp+s.fp))
			r := float64(s.tp) / float64(max(1, s.tp+s.fn))
			t.Logf("%s: precision %.3f recall %.3f (tp %d fp %d fn %d)", l, p, r, s.tp, s.fp, s.fn)
		}
	}
}
