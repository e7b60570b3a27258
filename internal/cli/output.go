package cli

import (
	"strconv"
	"unicode/utf8"

	"github.com/xref-un/xref/linker"
)

// appendJSONString appends s as a JSON string. It is written by hand
// because extract prints one object per citation and the encoder's
// reflection would cost more than finding the citations.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	if plainString(s) {
		// Most strings (symbols, addresses, English text) need no escape.
		b = append(b, s...)
		return append(b, '"')
	}
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if plainJSON[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, `\u00`...)
				b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = append(b, "89"[r-'\u2028'])
			i += n
			start = i
			continue
		}
		i += n
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainString reports whether s is ASCII that a JSON string holds as it is:
// no control character, quotation mark or backslash. It tests eight bytes
// at a time.
func plainString(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	hasZero := func(v uint64) bool { return (v-ones)&^v&highs != 0 }
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if x&highs != 0 || (x-0x2020202020202020)&^x&highs != 0 || hasZero(x^0x2222222222222222) || hasZero(x^0x5C5C5C5C5C5C5C5C) {
			return false
		}
	}
	for ; i < len(s); i++ {
		if !plainJSON[s[i]] {
			return false
		}
	}
	return true
}

// plainJSON marks the ASCII bytes that a JSON string holds as they are.
var plainJSON = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return
}()

func appendField(b []byte, name string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, name...)
	return append(b, '"', ':')
}

// jsonlPrefix is the start of the JSON object of every citation of one
// file in one language, built once rather than escaped again per citation.
type jsonlPrefix struct {
	file, lang string
	b          []byte
}

func (p *jsonlPrefix) get(file, lang string) []byte {
	if p.b == nil || p.file != file || p.lang != lang {
		b := append(p.b[:0], '{')
		b = appendField(b, "schema", true)
		b = appendJSONString(b, extractSchema)
		b = appendField(b, "file", false)
		b = appendJSONString(b, file)
		b = appendField(b, "lang", false)
		b = appendJSONString(b, lang)
		p.file, p.lang, p.b = file, lang, b
	}
	return p.b
}

// appendCitationJSON appends one citation as the JSON object of
// `xref extract --format jsonl`; prefix is what jsonlPrefix.get returns
// for its file and language.
func appendCitationJSON(b, prefix []byte, c *linker.Citation) []byte {
	b = append(b, prefix...)
	b = appendField(b, "symbol", false)
	b = appendJSONString(b, c.Key)
	b = appendField(b, "display", false)
	b = appendJSONString(b, c.Display)
	b = appendField(b, "kind", false)
	b = appendJSONString(b, string(c.Kind))
	b = appendField(b, "organ", false)
	b = appendJSONString(b, string(c.Organ))
	if c.OrganBy != "" {
		b = appendField(b, "organ_by", false)
		b = appendJSONString(b, string(c.OrganBy))
	}
	b = appendField(b, "form", false)
	b = appendJSONString(b, string(c.Form))
	b = appendField(b, "start", false)
	b = strconv.AppendInt(b, int64(c.Start), 10)
	b = appendField(b, "end", false)
	b = strconv.AppendInt(b, int64(c.End), 10)
	b = appendField(b, "line", false)
	b = strconv.AppendInt(b, int64(c.Line), 10)
	b = appendField(b, "col", false)
	b = strconv.AppendInt(b, int64(c.Col), 10)
	b = appendField(b, "text", false)
	b = appendJSONString(b, c.Text)
	b = appendField(b, "url", false)
	b = appendJSONString(b, c.URL)
	if len(c.Parts) > 0 {
		b = appendField(b, "parts", false)
		b = append(b, '[')
		for i, p := range c.Parts {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, p)
		}
		b = append(b, ']')
	}
	if c.Pin != "" {
		b = appendField(b, "pin", false)
		b = appendJSONString(b, c.Pin)
	}
	if a := c.Antecedent; a != nil {
		b = appendField(b, "antecedent", false)
		b = append(b, '{')
		b = appendField(b, "start", true)
		b = strconv.AppendInt(b, int64(a.Start), 10)
		b = appendField(b, "line", false)
		b = strconv.AppendInt(b, int64(a.Line), 10)
		b = appendField(b, "col", false)
		b = strconv.AppendInt(b, int64(a.Col), 10)
		b = append(b, '}')
	}
	if len(c.Doubts) > 0 {
		b = appendField(b, "doubts", false)
		b = append(b, '[')
		for i, d := range c.Doubts {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			b = appendField(b, "rule", true)
			b = appendJSONString(b, d.Rule)
			b = appendField(b, "message", false)
			b = appendJSONString(b, d.Message)
			if d.Key != "" {
				b = appendField(b, "symbol", false)
				b = appendJSONString(b, d.Key)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}
