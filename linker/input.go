package linker

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encodings xref reads. Offsets of citations in a file that is not UTF-8
// refer to its text decoded to UTF-8.
const (
	EncUTF8        = "utf-8"
	EncUTF16LE     = "utf-16le"
	EncUTF16BE     = "utf-16be"
	EncGB18030     = "gb18030"
	EncWindows1252 = "windows-1252"
)

// Errors about input. The CLI maps all of them to exit code 2.
var (
	// ErrBinary means the input is not text (a PDF, an image, an archive…).
	ErrBinary = errors.New("linker: binary input, not a text transcript")
	// ErrEncoding means the input is neither valid UTF-8 nor recognisably in
	// another supported encoding.
	ErrEncoding = errors.New("linker: invalid or unknown text encoding")
	// ErrTooLarge means the input exceeds the size limit for a whole-document
	// operation.
	ErrTooLarge = errors.New("linker: input too large")
)

// InputError locates a problem with the input.
type InputError struct {
	Err    error
	Detail string
	Line   int // 0 when not known
	Col    int
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s at line %d, column %d: %v", e.Detail, e.Line, e.Col, e.Err)
	}
	if e.Detail != "" {
		return fmt.Sprintf("%s: %v", e.Detail, e.Err)
	}
	return e.Err.Error()
}

func (e *InputError) Unwrap() error { return e.Err }

// magic identifies common binary formats, to give a useful message.
var magic = []struct {
	prefix string
	what   string
}{
	{"%PDF", "a PDF file; extract its text first (for example with pdftotext -layout)"},
	{"PK\x03\x04", "a ZIP archive or an Office document (.docx); save it as text first"},
	{"\xD0\xCF\x11\xE0", "an old Office document (.doc); save it as text first"},
	{"\xFFWPC", "a WordPerfect document; save it as text first"},
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x1F\x8B", "a gzip-compressed file; decompress it first"},
	{"\x7FELF", "an executable"},
}

// decode turns raw input into UTF-8 text. name forces an encoding ("" or
// "auto" detects it).
func decode(data []byte, name string) ([]byte, string, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	switch name {
	case "", "auto":
	case "utf-8", "utf8":
		if i := invalidUTF8(data); i >= 0 {
			return nil, "", positioned(data, i, "invalid UTF-8 (byte 0x%02X)", data[i])
		}
		return data, EncUTF8, nil
	case "utf-16", "utf-16le", "utf-16be", "utf16":
		enc := utf16Named(data, name)
		return decodeWith(data, utf16For(data, enc), enc)
	case "gb18030", "gbk", "gb2312":
		return decodeWith(data, simplifiedchinese.GB18030, EncGB18030)
	case "windows-1252", "cp1252", "latin1", "iso-8859-1":
		return decodeWith(data, charmap.Windows1252, EncWindows1252)
	default:
		return nil, "", &InputError{Err: ErrEncoding, Detail: fmt.Sprintf("unsupported encoding %q (use utf-8, utf-16, gb18030 or windows-1252)", name)}
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), EncUTF16LE)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), EncUTF16BE)
	}
	if enc, ok := utf16Order(data); ok {
		return decodeWith(data, utf16For(data, enc), enc)
	}
	if err := sniffBinary(data); err != nil {
		return nil, "", err
	}
	bad := invalidUTF8(data)
	if bad < 0 {
		return data, EncUTF8, nil
	}
	// Not UTF-8. A file of mostly valid multi-byte UTF-8 with a few invalid
	// bytes is damaged UTF-8: guessing another encoding would garble it.
	// (Text in another encoding has valid-looking pairs too, by chance, but
	// far more invalid bytes.)
	if damagedUTF8(data) {
		return nil, "", positioned(data, bad, "invalid UTF-8 (byte 0x%02X); use --encoding to name the file's encoding", data[bad])
	}
	if looksGB(data) {
		return decodeWith(data, simplifiedchinese.GB18030, EncGB18030)
	}
	return decodeWith(data, charmap.Windows1252, EncWindows1252)
}

func utf16For(data []byte, name string) encoding.Encoding {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || name == "utf-16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || name == "utf-16be":
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	}
	return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
}

func decodeWith(data []byte, enc encoding.Encoding, name string) ([]byte, string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", &InputError{Err: ErrEncoding, Detail: fmt.Sprintf("cannot decode as %s: %v", name, err)}
	}
	if name == "utf-16" {
		name = EncUTF16LE
	}
	if err := sniffBinary(out); err != nil {
		return nil, "", err
	}
	return out, name, nil
}

// sniffBinary refuses input that is not text: known binary signatures, NUL
// bytes, or many control characters at the start.
func sniffBinary(data []byte) error {
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return &InputError{Err: ErrBinary, Detail: "this is " + m.what}
		}
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctl := 0
	for i, c := range head {
		if c == 0 {
			return &InputError{Err: ErrBinary, Detail: fmt.Sprintf("NUL byte at offset %d (for UTF-16 text, give --encoding utf-16le or utf-16be)", i)}
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B {
			ctl++
		}
	}
	if len(head) > 0 && ctl*20 > len(head) {
		return &InputError{Err: ErrBinary, Detail: fmt.Sprintf("%d control characters in the first %d bytes", ctl, len(head))}
	}
	return nil
}

// invalidUTF8 returns the offset of the first invalid UTF-8 byte, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// damagedUTF8 reports whether data is UTF-8 with a few invalid bytes rather
// than text in another encoding: valid multi-byte sequences outnumber the
// invalid bytes three to one.
func damagedUTF8(data []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid > 0 && invalid*3 <= valid
}

// looksGB reports whether non-ASCII bytes come in pairs, as in GB18030
// Chinese text, rather than alone between ASCII letters, as accented
// letters do in Windows-1252 text.
func looksGB(data []byte) bool {
	high, paired := 0, 0
	for i := 0; i < len(data); i++ {
		if data[i] < 0x80 {
			continue
		}
		high++
		if (i+1 < len(data) && data[i+1] >= 0x80) || (i > 0 && data[i-1] >= 0x80) {
			paired++
		}
	}
	if high == 0 {
		return false
	}
	if paired*10 < high*6 {
		return false
	}
	_, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	return err == nil
}

func positioned(data []byte, off int, format string, args ...any) error {
	li := newLineIndex(data)
	line, col := li.pos(off)
	return &InputError{Err: ErrEncoding, Detail: fmt.Sprintf(format, args...), Line: line, Col: col}
}

// isHTML sniffs HTML markup at the start of text.
func isHTML(text []byte) bool {
	head := text
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	l := strings.ToLower(string(head[:min(len(head), 64)]))
	if strings.HasPrefix(l, "<!--") && bytes.Contains(bytes.ToLower(head), []byte("<html")) {
		return true
	}
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<a ", "<span", "<h1", "<h2", "<h3", "<table", "<section", "<article", "<meta", "<title"} {
		if strings.HasPrefix(l, tag) {
			return true
		}
	}
	return false
}
