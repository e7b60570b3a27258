package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xref-un/xref/linker"
	"github.com/xref-un/xref/normalize"
)

// inputFlags are the flags shared by the commands that read transcripts.
type inputFlags struct {
	lang     string
	encoding string
	format   string
}

func (f *inputFlags) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	f.registerAs(fs, "lang")
}

// registerAs names the transcript-language flag, for commands whose --lang
// means something else.
func (f *inputFlags) registerAs(fs interface {
	StringVar(*string, string, string, string)
}, langFlag string) {
	fs.StringVar(&f.lang, langFlag, "", "language of the transcripts: "+strings.Join(linker.Languages, ", ")+" (detected when empty)")
	fs.StringVar(&f.encoding, "encoding", "auto", "input encoding: auto, utf-8, utf-16, gb18030 or windows-1252")
	fs.StringVar(&f.format, "input", "", "input format: text or html (decided from the file name and content when empty)")
}

func (f *inputFlags) validate() error {
	var err error
	if f.lang, err = validLang(f.lang); err != nil {
		return err
	}
	switch strings.ToLower(f.encoding) {
	case "", "auto", "utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be", "gb18030", "gbk", "gb2312", "windows-1252", "cp1252", "latin1", "iso-8859-1":
	default:
		return usagef("unknown encoding %q (use auto, utf-8, utf-16, gb18030 or windows-1252)", f.encoding)
	}
	switch strings.ToLower(f.format) {
	case "", "text", "html":
	default:
		return usagef("unknown input format %q (use text or html)", f.format)
	}
	return nil
}

// validLang lower-cases a language flag and checks it; empty stays empty.
func validLang(lang string) (string, error) {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if lang == "" {
		return "", nil
	}
	for _, l := range linker.Languages {
		if l == lang {
			return lang, nil
		}
	}
	return "", usagef("unknown language %q (use one of %s)", lang, strings.Join(linker.Languages, ", "))
}

var sharedExtractor = normalize.NewExtractor()

func (f *inputFlags) options(path string) linker.Options {
	return linker.Options{Lang: f.lang, Encoding: f.encoding, Format: strings.ToLower(f.format), Path: path, Extractor: sharedExtractor}
}

// open opens a file, or standard input for "-".
func open(name string, stdin io.Reader) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(stdin), nil
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, bareError(err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("is a directory")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, bareError(err)
	}
	return f, nil
}

// displayName is how a file is named in output.
func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}
