package linker

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/xref-un/xref/internal/testenv"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func streamAll(t *testing.T, data []byte, opt Options) ([]Citation, *StreamInfo) {
	t.Helper()
	var got []Citation
	info, err := Stream(context.Background(), bytes.NewReader(data), opt, func(c Citation) error {
		got = append(got, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, info
}

// smallWindows makes Stream cut its input often, so that tests cross many
// window boundaries.
func smallWindows(t *testing.T, window int) {
	w, o, s := streamWindow, streamOverlap, streamSlack
	streamWindow, streamOverlap, streamSlack = window, 4<<10, 8<<10
	t.Cleanup(func() { streamWindow, streamOverlap, streamSlack = w, o, s })
}

// TestStreamMatchesParse: streaming gives exactly the citations, offsets,
// lines and columns of reading the whole text, however it is cut.
func TestStreamMatchesParse(t *testing.T) {
	inputs := map[string][]byte{
		"seed":    testenv.Read(t, testenv.Seed),
		"english": testenv.Concat(t, testenv.EnglishCorpora...),
	}
	samples, _ := filepath.Glob(filepath.Join("..", "testdata", "*.txt"))
	for _, f := range samples {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = b
	}
	for _, window := range []int{4 << 20, 64 << 10} {
		for name, data := range inputs {
			smallWindows(t, window)
			doc, err := Parse(data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, info := streamAll(t, data, Options{})
			if info.Self != doc.Self || info.Lang != doc.Lang {
				t.Errorf("%s: stream says self %q lang %q; parse says %q %q", name, info.Self, info.Lang, doc.Self, doc.Lang)
			}
			if len(got) != len(doc.Citations) {
				t.Errorf("%s (window %d): stream found %d citations, parse %d", name, window, len(got), len(doc.Citations))
			}
			for i := range min(len(got), len(doc.Citations)) {
				g, w := got[i], doc.Citations[i]
				if g.Key != w.Key || g.Start != w.Start || g.End != w.End || g.Line != w.Line || g.Col != w.Col || g.Text != w.Text {
					t.Fatalf("%s (window %d): citation %d: stream %s [%d,%d) %d:%d, parse %s [%d,%d) %d:%d",
						name, window, i, g.Key, g.Start, g.End, g.Line, g.Col, w.Key, w.Start, w.End, w.Line, w.Col)
				}
				if string(data[g.Start:g.End]) != g.Text {
					t.Fatalf("%s: input[%d:%d] = %q; text %q", name, g.Start, g.End, data[g.Start:g.End], g.Text)
				}
			}
			if info.Furniture != doc.Furniture {
				t.Errorf("%s (window %d): stream dropped %d furniture citations, parse %d", name, window, info.Furniture, doc.Furniture)
			}
		}
	}
}

func TestStreamEncodings(t *testing.T) {
	smallWindows(t, 64<<10)
	zh := strings.Repeat("大会通过了第 73/266 号决议和第 73/27 号决议。\n", 4000)
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(zh)
	if err != nil {
		t.Fatal(err)
	}
	got, info := streamAll(t, []byte(gb), Options{})
	if info.Encoding != EncGB18030 || len(got) != 8000 {
		t.Fatalf("GB18030 stream: encoding %s, %d citations; want gb18030, 8000", info.Encoding, len(got))
	}
	last := got[len(got)-1]
	if last.Line != 4000 || last.Text != "第 73/27 号决议" || zh[last.Start:last.End] != last.Text {
		t.Errorf("last citation %+v", last)
	}
}

func TestStreamErrors(t *testing.T) {
	smallWindows(t, 64<<10)
	ctx := context.Background()
	emit := func(Citation) error { return nil }
	// Damaged UTF-8 far into the file is reported with its position.
	data := append(bytes.Repeat([]byte("resolution 73/266 é\n"), 10000), "bad \xff here\n"...)
	_, err := Stream(ctx, bytes.NewReader(data), Options{}, emit)
	var ie *InputError
	if !errors.As(err, &ie) || !errors.Is(err, ErrEncoding) || ie.Line != 10001 || ie.Col != 5 {
		t.Errorf("damaged UTF-8: %v; want an encoding error at 10001:5", err)
	}
	// Binary input.
	if _, err := Stream(ctx, bytes.NewReader([]byte("%PDF-1.4\n...")), Options{}, emit); !errors.Is(err, ErrBinary) {
		t.Errorf("PDF: %v; want ErrBinary", err)
	}
	// A reader error.
	r := io.MultiReader(bytes.NewReader(bytes.Repeat([]byte("resolution 73/266\n"), 10000)), iotest.ErrReader(errors.New("disk gone")))
	if _, err := Stream(ctx, r, Options{}, emit); err == nil || !strings.Contains(err.Error(), "disk gone") {
		t.Errorf("reader error: %v", err)
	}
	// The emit function stops the stream.
	stop := errors.New("enough")
	n := 0
	_, err = Stream(ctx, bytes.NewReader(bytes.Repeat([]byte("resolution 73/266\n"), 100000)), Options{}, func(Citation) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Errorf("emit error: %v after %d citations", err, n)
	}
	// Cancellation.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Stream(cctx, bytes.NewReader(bytes.Repeat([]byte("resolution 73/266\n"), 100000)), Options{}, emit); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: %v", err)
	}
}

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "abc", "第 73/266 号决议", "résolution 1540 (2004) — ok", strings.Repeat("é第a", 17)} {
		if got, want := runeCount([]byte(s)), len([]rune(s)); got != want {
			t.Errorf("runeCount(%q) = %d; want %d", s, got, want)
		}
	}
}
