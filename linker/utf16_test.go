package linker

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// TestUTF16WithoutBOM: UTF-16 without a byte-order mark, either byte
// order, is read as such, detected or named with --encoding utf-16, by
// Parse and by Stream: the same citations as the UTF-8 file.
func TestUTF16WithoutBOM(t *testing.T) {
	for _, name := range []string{"S-PV.9901.en.txt", "S-PV.9901.zh.txt", "S-PV.9901.ar.txt"} {
		text, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := Parse(text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, order := range []struct {
			enc string
			e   unicode.Endianness
		}{{EncUTF16BE, unicode.BigEndian}, {EncUTF16LE, unicode.LittleEndian}} {
			data, err := unicode.UTF16(order.e, unicode.IgnoreBOM).NewEncoder().Bytes(text)
			if err != nil {
				t.Fatal(err)
			}
			for _, forced := range []string{"", "utf-16", order.enc} {
				doc, err := Parse(data, Options{Encoding: forced})
				if err != nil {
					t.Errorf("%s as %s, --encoding %q: %v", name, order.enc, forced, err)
					continue
				}
				if doc.Encoding != order.enc || len(doc.Citations) != len(want.Citations) {
					t.Errorf("%s as %s, --encoding %q: read as %s, %d citations; want %d", name, order.enc, forced, doc.Encoding, len(doc.Citations), len(want.Citations))
				}
				n := 0
				info, err := Stream(context.Background(), bytes.NewReader(data), Options{Encoding: forced}, func(Citation) error { n++; return nil })
				if err != nil || info.Encoding != order.enc || n != len(want.Citations) {
					t.Errorf("%s as %s, --encoding %q, streamed: %v, %d citations; want %s, %d", name, order.enc, forced, err, n, order.enc, len(want.Citations))
				}
			}
		}
	}
	// NUL bytes in no UTF-16 pattern stay binary, with a hint.
	_, err := Parse(append([]byte("abc\x00\x00\x00\x01"), bytes.Repeat([]byte{0}, 64)...), Options{})
	if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "--encoding") {
		t.Errorf("NUL bytes: %v; want ErrBinary with a hint of --encoding", err)
	}
}
