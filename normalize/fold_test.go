package normalize

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii unchanged", "resolution 73/266", "resolution 73/266"},
		{"full-width digits and slash", "第７３／２６６号决议", "第73/266号决议"},
		{"full-width parentheses", "第1540（2004）号决议", "第1540(2004)号决议"},
		{"ideographic space", "第\u300073/266\u3000号", "第 73/266 号"},
		{"no-break spaces", "resolution\u00a073/266\u202fA", "resolution 73/266 A"},
		{"arabic-indic digits", "القرار ١٥٤٠ (٢٠٠٤)", "القرار 1540 (2004)"},
		{"extended arabic-indic digits", "۷۳/۲۶۶", "73/266"},
		{"bidi marks removed", "\u200f1540\u200e (2004)\u061c", "1540 (2004)"},
		{"byte-order mark removed", "\ufeffCD/2141", "CD/2141"},
		{"en dash in part range", "80/84 A–B", "80/84 A-B"},
		{"cyrillic part letter after a number", "50/70 Р от 12", "50/70 P от 12"},
		{"cyrillic inside roman numeral", "3263 (XXIХ)", "3263 (XXIX)"},
		{"cyrillic roman numeral in parentheses", "(ХХ)", "(XX)"},
		{"russian words stay", "Генеральной Ассамблеи", "Генеральной Ассамблеи"},
		{"cyrillic preposition stays", "В 2019 году", "В 2019 году"},
		{"roman numeral character", "217 A (Ⅲ)", "217 A (III)"},
		{"ligature", "ﬁnal", "final"},
		{"numero sign", "№ 5", "No 5"},
		{"chinese untouched", "大会第七十三届会议", "大会第七十三届会议"},
		{"invalid utf-8 kept", "a\xffb", "a\xffb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FoldString(tt.in); got != tt.want {
				t.Errorf("FoldString(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldIdentityShares(t *testing.T) {
	in := []byte("resolution 73/266 of 24 December 2018")
	f := Fold(in)
	if !f.Identity() || &f.Text[0] != &in[0] {
		t.Errorf("ASCII text was copied; want the input itself")
	}
}

func TestFoldOffsets(t *testing.T) {
	in := []byte("见（第\u3000７３／２６６\u200f号决议）")
	f := Fold(in)
	want := "见(第 73/266号决议)"
	if string(f.Text) != want {
		t.Fatalf("folded %q; want %q", f.Text, want)
	}
	// The folded "73/266" maps back to the full-width digits.
	k := bytes.Index(f.Text, []byte("73/266"))
	s, e := f.Orig(k, k+len("73/266"))
	if got := string(in[s:e]); got != "７３／２６６" {
		t.Errorf("Orig gives %q; want the full-width original", got)
	}
	// A span ending before a removed mark does not take the mark.
	k = bytes.Index(f.Text, []byte("号"))
	s, e = f.Orig(k, k+len("号决议"))
	if got := string(in[s:e]); got != "号决议" {
		t.Errorf("Orig gives %q; want %q", got, "号决议")
	}
}

func TestRomanValue(t *testing.T) {
	for s, want := range map[string]int{"I": 1, "III": 3, "XV": 15, "XXIX": 29, "XLIV": 44, "IIII": 0, "VX": 0, "": 0, "LXIII": 63} {
		if got := romanValue(s); got != want {
			t.Errorf("romanValue(%q) = %d; want %d", s, got, want)
		}
	}
}

// checkFold checks the properties every folding must have: offsets map to
// rune boundaries of the input in order, and folding is idempotent.
func checkFold(t *testing.T, in []byte) {
	t.Helper()
	f := Fold(in)
	out := append([]byte(nil), f.Text...)
	prevS := 0
	for i := 0; i <= len(out); i++ {
		s := f.OrigOffset(i)
		if s < 0 || s > len(in) || s < prevS {
			t.Fatalf("OrigOffset(%d) = %d out of order (prev %d, len %d) for %q", i, s, prevS, len(in), in)
		}
		prevS = s
		if (i == len(out) || utf8.RuneStart(out[i])) && s < len(in) && !utf8.RuneStart(in[s]) && utf8.Valid(in) {
			t.Fatalf("OrigOffset(%d) = %d is inside a rune of %q", i, s, in)
		}
	}
	for i := 0; i < len(out); i++ {
		for j := i; j <= len(out) && j <= i+8; j++ {
			s, e := f.Orig(i, j)
			if s < 0 || e > len(in) || s > e {
				t.Fatalf("Orig(%d, %d) = (%d, %d) invalid for %q", i, j, s, e, in)
			}
		}
	}
	if again := Fold(out).Text; !bytes.Equal(again, out) {
		t.Fatalf("folding is not idempotent: %q -> %q -> %q", in, out, again)
	}
}

func TestFoldProperties(t *testing.T) {
	for _, s := range []string{"", "abc", "（２００４）", "50/70 Р", "\u200f\u200e", "XХ\u200eХ", "a\u00a0b", "第\u3000７３",
		// Marks between broken UTF-8 (found by fuzzing): removing them would
		// join the broken bytes into a new mark.
		"\xe2\u200e\x80\x8e", "\xe2\u200e\u200e\x80\x8e"} {
		checkFold(t, []byte(s))
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{
		"第７３／２６６号决议", "50/70 Р от", "(XXIХ)", "\u200f١٥٤٠\u200e", "a\u00a0b\u3000c", "ﬁ№Ⅲ", "X\u200eХ",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkFold(t, in)
	})
}

// TestFoldFastPaths: the runes that Reset skips without decoding (folds2,
// and U+2014–U+2029, U+2030–U+203F) are runes that foldRune leaves alone
// in any context, here a Cyrillic look-alike's best case: a lone capital
// after a number.
func TestFoldFastPaths(t *testing.T) {
	for r := rune(0x0080); r < 0x0800; r++ {
		var b [4]byte
		n := utf8.EncodeRune(b[:], r)
		if n != 2 || folds2(b[0], b[1]) {
			continue
		}
		src := append([]byte("50/70 "), b[:n]...)
		if _, _, ok := foldRune(src, 6, r, n, nil); ok {
			t.Errorf("U+%04X is skipped by folds2 but folds", r)
		}
	}
	for r := rune(0x2014); r <= 0x203F; r++ {
		if r >= 0x202A && r <= 0x202F {
			continue // not skipped
		}
		var b [4]byte
		n := utf8.EncodeRune(b[:], r)
		if _, _, ok := foldRune(b[:n], 0, r, n, nil); ok {
			t.Errorf("U+%04X is skipped undecoded but folds", r)
		}
	}
}
