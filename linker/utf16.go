package linker

import "bytes"

// utf16Order recognises UTF-16 text without a byte-order mark by its NUL
// pattern: text in Latin script (and the spaces, digits and punctuation of
// any text) has a NUL in every other byte, on the even offsets for
// big-endian and the odd ones for little-endian. ok is false when the NULs
// do not fall that way (binary data).
func utf16Order(head []byte) (enc string, ok bool) {
	for _, m := range magic {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return "", false // a PDF, an archive…: said so by sniffBinary
		}
	}
	head = head[:min(len(head), 4096)&^1]
	if len(head) < 16 {
		return "", false
	}
	var nul [2]int
	for i, c := range head {
		if c == 0 {
			nul[i&1]++
		}
	}
	pairs := len(head) / 2
	switch {
	// Most pairs hold a NUL, all on one side.
	case nul[0]*10 >= pairs*3 && nul[1]*50 <= nul[0]:
		return EncUTF16BE, true
	case nul[1]*10 >= pairs*3 && nul[0]*50 <= nul[1]:
		return EncUTF16LE, true
	}
	return "", false
}

// utf16Named picks the byte order for --encoding utf-16: the byte-order
// mark, else the NUL pattern, else little-endian (Windows' "Unicode").
func utf16Named(data []byte, name string) string {
	switch {
	case name == "utf-16le":
		return EncUTF16LE
	case name == "utf-16be":
		return EncUTF16BE
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return EncUTF16LE
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return EncUTF16BE
	}
	if enc, ok := utf16Order(data); ok {
		return enc
	}
	// Chinese without NULs: the ideographs' high bytes show the order.
	var han [2]int
	for i, c := range data[:min(len(data), 4096)&^1] {
		if c >= 0x4E && c <= 0x9F {
			han[i&1]++
		}
	}
	if han[0] > 2*han[1] {
		return EncUTF16BE
	}
	return EncUTF16LE
}
