package normalize

import (
	"errors"
	"testing"
)

func TestParseSymbol(t *testing.T) {
	tests := []struct {
		in, key, display string
		kind             Kind
		organ            Organ
	}{
		{"A/RES/73/266", "A/RES/73/266", "A/RES/73/266", KindResolution, OrganGA},
		{"a/res/73/266", "A/RES/73/266", "A/RES/73/266", KindResolution, OrganGA},
		{"S/RES/1540 (2004)", "S/RES/1540(2004)", "S/RES/1540 (2004)", KindResolution, OrganSC},
		{"S/RES/1540(2004)", "S/RES/1540(2004)", "S/RES/1540 (2004)", KindResolution, OrganSC},
		{"A/RES/217 (III)", "A/RES/217(III)", "A/RES/217 (III)", KindResolution, OrganGA},
		{"A/RES/217 A (III)", "A/RES/217(III)", "A/RES/217 (III)", KindResolution, OrganGA},
		{"A/RES/3201 (S-VI)", "A/RES/3201(S-VI)", "A/RES/3201 (S-VI)", KindResolution, OrganGA},
		{"A/RES/2252 (ES-V)", "A/RES/2252(ES-V)", "A/RES/2252 (ES-V)", KindResolution, OrganGA},
		{"A/RES/S-13/2", "A/RES/S-13/2", "A/RES/S-13/2", KindResolution, OrganGA},
		{"A/RES/ES-10/19", "A/RES/ES-10/19", "A/RES/ES-10/19", KindResolution, OrganGA},
		{"A/ES-10/L.30/Rev.2", "A/ES-10/L.30/Rev.2", "A/ES-10/L.30/Rev.2", KindDraft, OrganGA},
		{"A/ES-10/PV.40", "A/ES-10/PV.40", "A/ES-10/PV.40", KindMeetingRecord, OrganGA},
		{"A/C.3/78/L.60/Rev.1", "A/C.3/78/L.60/Rev.1", "A/C.3/78/L.60/Rev.1", KindDraft, OrganGA},
		{"A/HRC/RES/52/23", "A/HRC/RES/52/23", "A/HRC/RES/52/23", KindResolution, OrganHRC},
		{"E/CN.4/Sub.2/2004/L.1", "E/CN.4/Sub.2/2004/L.1", "E/CN.4/Sub.2/2004/L.1", KindDraft, OrganCHR},
		{"UNEP/EA.5/Res.14", "UNEP/EA.5/Res.14", "UNEP/EA.5/Res.14", KindResolution, "UNEP"},
		{"CD/2141", "CD/2141", "CD/2141", KindDocument, "CD"},
		{"CD/PV.1505", "CD/PV.1505", "CD/PV.1505", KindMeetingRecord, "CD"},
		{"S/PRST/2015/24", "S/PRST/2015/24", "S/PRST/2015/24", KindPresidentialStatement, OrganSC},
		{"S/PV.9963 (Resumption 2)", "S/PV.9963(Resumption2)", "S/PV.9963 (Resumption 2)", KindMeetingRecord, OrganSC},
		{"A/74/49 (Vol. III)", "A/74/49(Vol.III)", "A/74/49 (Vol. III)", KindDocument, OrganGA},
		{"A/CONF.157/24 (Part I)", "A/CONF.157/24(PartI)", "A/CONF.157/24 (Part I)", KindDocument, OrganGA},
		{"A/60/7/Add.14", "A/60/7/Add.14", "A/60/7/Add.14", KindDocument, OrganGA},
		{"A/73/100*", "A/73/100", "A/73/100", KindDocument, OrganGA},
		{"S / PRST / 1994 / 16", "S/PRST/1994/16", "S/PRST/1994/16", KindPresidentialStatement, OrganSC},
		{"ST/LIB/SER.B/5/Rev.5", "ST/LIB/SER.B/5/Rev.5", "ST/LIB/SER.B/5/Rev.5", KindDocument, "ST"},
		{"TD/B/C.I/1", "TD/B/C.I/1", "TD/B/C.I/1", KindDocument, "TD"},
		{"ＣＤ／２１４１", "CD/2141", "CD/2141", KindDocument, "CD"},
		{"A/DEC/70/551", "A/DEC/70/551", "A/DEC/70/551", KindDecision, OrganGA},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, err := ParseSymbol(tt.in)
			if err != nil {
				t.Fatalf("ParseSymbol(%q): %v", tt.in, err)
			}
			if s.Key != tt.key || s.Display != tt.display || s.Kind != tt.kind || s.Organ != tt.organ {
				t.Errorf("ParseSymbol(%q) = %+v; want key %q display %q kind %s organ %s", tt.in, s, tt.key, tt.display, tt.kind, tt.organ)
			}
			// The key and the display form parse back to the same key.
			for _, again := range []string{s.Key, s.Display} {
				if s2, err := ParseSymbol(again); err != nil || s2.Key != s.Key {
					t.Errorf("ParseSymbol(%q) = %q, %v; want key %q", again, s2.Key, err, s.Key)
				}
			}
		})
	}
}

func TestParseSymbolRejects(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"73/546", ErrNoSeries},
		{"24/7", ErrNoSeries},
		{"GA/12174", ErrPressRelease},
		{"SC/12206", ErrPressRelease},
		{"and/or", ErrSyntax},
		{"km/h", ErrSyntax},
		{"TCP/IP", ErrSyntax},
		{"N/A", ErrSyntax},
		{"COVID-19", ErrSyntax},
		{"", ErrSyntax},
		{"A/RES/73/266 and more", ErrSyntax},
		{"S/RES/11 07(1997)", ErrSyntax},
	}
	for _, tt := range tests {
		_, err := ParseSymbol(tt.in)
		if !errors.Is(err, tt.want) {
			t.Errorf("ParseSymbol(%q) error = %v; want %v", tt.in, err, tt.want)
		}
	}
}

func TestResolvable(t *testing.T) {
	for in, want := range map[string]bool{"A/RES/73/266": true, "A/DEC/70/551": false, "E/DEC/2019/201": false, "CD/2141": true} {
		if got := MustParseSymbol(in).Resolvable(); got != want {
			t.Errorf("%s resolvable = %v; want %v", in, got, want)
		}
	}
}

func TestSCYear(t *testing.T) {
	for n, want := range map[int]int{1: 1946, 242: 1967, 1540: 2004, 2254: 2015, 207: 1965, 770: 1992, 2503: 2019, 99999: 0, 0: 0} {
		if got := SCYear(n); got != want {
			t.Errorf("SCYear(%d) = %d; want %d", n, got, want)
		}
	}
}

func FuzzParseSymbol(f *testing.F) {
	for _, s := range []string{"A/RES/73/266", "S/RES/1540 (2004)", "A/RES/217 A (III)", "S/PV.9963 (Resumption 2)", "A/74/49 (Vol. III)", "73/546", "ＣＤ／２１４１", "A/73/100*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseSymbol(in)
		if err != nil {
			return
		}
		// A key is its own canonical form, and so is the display form's.
		for _, again := range []string{s.Key, s.Display} {
			s2, err := ParseSymbol(again)
			if err != nil {
				t.Fatalf("ParseSymbol(%q) ok with key %q, but %q fails: %v", in, s.Key, again, err)
			}
			if s2.Key != s.Key {
				t.Fatalf("ParseSymbol(%q) = %q; %q gives %q", in, s.Key, again, s2.Key)
			}
		}
	})
}
