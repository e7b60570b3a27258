package linker

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xref-un/xref/normalize"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// StreamInfo describes a transcript read by Stream.
type StreamInfo struct {
	Encoding  string
	Format    string
	Lang      string
	Self      string
	Bytes     int64 // of text (decoded, when the input was not UTF-8)
	Citations int
	Furniture int
	// References counts the references back emitted (Options.Anaphora).
	References int
}

// MaxDocumentSize bounds what Parse and the HTML path of Stream hold in
// memory.
const MaxDocumentSize = 512 << 20

// Window sizes of Stream: the text is read in windows of streamWindow
// bytes, and each window starts streamOverlap bytes before the end of the
// previous one, so that a citation and the words before it are always
// seen together.
var (
	streamWindow  = 1 << 20
	streamOverlap = 16 << 10
	streamSlack   = 64 << 10 // where to look for a paragraph break to cut at
	// streamContext bytes after the cut stay in the window, so that a
	// citation just before the cut is seen with the lines that follow it
	// (a page number under a running head).
	streamContext = 2 << 10
)

// Stream reads a transcript from r and calls emit for each citation, in
// order, holding only a few megabytes of it in memory whatever its size.
// Citations carry line and column; they have no URL pairing (use Parse and
// Crossref for that). HTML input is read whole.
func Stream(ctx context.Context, r io.Reader, opt Options, emit func(Citation) error) (*StreamInfo, error) {
	head := make([]byte, 64<<10)
	n, err := io.ReadFull(r, head)
	head = head[:n]
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	eof := err != nil
	ext := strings.ToLower(filepath.Ext(opt.Path))
	if strings.EqualFold(opt.Format, "html") || (opt.Format == "" && (ext == ".html" || ext == ".htm" || ext == ".xhtml" || isHTML(head))) {
		return streamWhole(head, r, opt, emit)
	}
	info := &StreamInfo{Format: "text"}
	src, enc, err := streamDecoder(head, r, eof, opt.Encoding)
	if err != nil {
		return nil, err
	}
	info.Encoding = enc
	x := opt.Extractor
	if x == nil {
		x = defaultExtractor
	}
	s := &streamer{ctx: ctx, x: x, emit: emit, info: info, lang: opt.Lang, checkUTF8: enc == EncUTF8, anaphora: opt.Anaphora}
	return info, s.run(src)
}

// streamWhole reads an input that must be seen whole (HTML) and emits its
// citations.
func streamWhole(head []byte, r io.Reader, opt Options, emit func(Citation) error) (*StreamInfo, error) {
	rest, err := io.ReadAll(io.LimitReader(r, MaxDocumentSize))
	if err != nil {
		return nil, err
	}
	data := append(head, rest...)
	if len(data) >= MaxDocumentSize {
		return nil, &InputError{Err: ErrTooLarge, Detail: fmt.Sprintf("HTML input over %d MB", MaxDocumentSize>>20)}
	}
	doc, err := Parse(data, opt)
	if err != nil {
		return nil, err
	}
	info := &StreamInfo{Encoding: doc.Encoding, Format: doc.Format, Lang: doc.Lang, Self: doc.Self,
		Bytes: int64(len(doc.Input)), Citations: len(doc.Citations), Furniture: doc.Furniture, References: len(doc.References)}
	// Citations and references back, in order.
	refs := doc.References
	for _, c := range doc.Citations {
		for len(refs) > 0 && refs[0].Start < c.Start {
			if err := emit(refs[0]); err != nil {
				return info, err
			}
			refs = refs[1:]
		}
		if err := emit(c); err != nil {
			return info, err
		}
	}
	for _, r := range refs {
		if err := emit(r); err != nil {
			return info, err
		}
	}
	return info, nil
}

// streamDecoder returns a reader of UTF-8 text for the input that starts
// with head.
func streamDecoder(head []byte, r io.Reader, eof bool, name string) (io.Reader, string, error) {
	all := io.MultiReader(bytes.NewReader(head), r)
	name = strings.ToLower(strings.TrimSpace(name))
	// Decide on the head; a truncated last rune is not an error.
	probe := head
	if !eof {
		for k := 0; k < utf8.UTFMax && len(probe) > 0 && !utf8.Valid(probe); k++ {
			probe = probe[:len(probe)-1]
		}
	}
	var enc string
	switch name {
	case "", "auto":
		switch {
		case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
			enc = EncUTF16LE
		case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
			enc = EncUTF16BE
		default:
			if e, ok := utf16Order(head); ok {
				enc = e
				break
			}
			if err := sniffBinary(head); err != nil {
				return nil, "", err
			}
			switch {
			case utf8.Valid(probe):
				enc = EncUTF8
			case damagedUTF8(probe):
				return nil, "", positioned(head, invalidUTF8(head), "invalid UTF-8 (byte 0x%02X); use --encoding to name the file's encoding", head[invalidUTF8(head)])
			case looksGB(head):
				enc = EncGB18030
			default:
				enc = EncWindows1252
			}
		}
	case "utf-8", "utf8":
		enc = EncUTF8
	case "utf-16", "utf16", "utf-16le", "utf-16be":
		enc = utf16Named(head, name)
	case "gb18030", "gbk", "gb2312":
		enc = EncGB18030
	case "windows-1252", "cp1252", "latin1", "iso-8859-1":
		enc = EncWindows1252
	default:
		return nil, "", &InputError{Err: ErrEncoding, Detail: fmt.Sprintf("unsupported encoding %q (use utf-8, utf-16, gb18030 or windows-1252)", name)}
	}
	switch enc {
	case EncUTF16LE:
		return transform.NewReader(all, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()), enc, nil
	case EncUTF16BE:
		return transform.NewReader(all, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()), enc, nil
	case EncGB18030:
		return transform.NewReader(all, simplifiedchinese.GB18030.NewDecoder()), enc, nil
	case EncWindows1252:
		return transform.NewReader(all, charmap.Windows1252.NewDecoder()), enc, nil
	}
	return all, enc, nil
}

type streamer struct {
	ctx       context.Context
	x         *normalize.Extractor
	emit      func(Citation) error
	info      *StreamInfo
	lang      string
	checkUTF8 bool

	self      string
	organ     normalize.Organ
	watermark int64 // citations starting before it were emitted
	// Position of offset pos: line and column.
	pos       int64
	line, col int
	first     bool
	// With anaphora, the last citations emitted, which references back
	// may point at.
	anaphora bool
	recent   [32]Ref
	nrecent  int
}

// window is one piece of the text on its way through the pipeline: the
// reader fills it, a worker finds its citations, the writer emits them in
// order.
type window struct {
	buf   []byte
	base  int64 // absolute offset of buf[0]
	from  int   // bytes before from were checked by the previous window
	cut   int
	eof   bool
	err   error      // a read error, reported in order
	cites []Citation // offsets local to buf; Text and URL filled by the worker
	bad   int        // offset of invalid UTF-8 in buf[from:cut], or -1
	furn  int
	done  chan struct{}
}

// run reads windows, finds their citations on all cores, and emits them in
// order. Windows overlap, so every citation is found with the text before
// it; the writer emits each citation once.
func (s *streamer) run(r io.Reader) error {
	ctx, cancel := context.WithCancel(s.ctx)
	var wg sync.WaitGroup
	// On any return, stop the reader and the workers, then wait for them.
	defer func() {
		cancel()
		wg.Wait()
	}()
	workers := min(max(runtime.GOMAXPROCS(0), 1), 4)
	// Windows are recycled: their buffers and citation slices are reused.
	slots := make(chan *window, workers+2)
	for range workers + 2 {
		slots <- &window{}
	}
	first, err := s.read(r, nil, 0, 0, <-slots)
	if err != nil {
		return err
	}
	if err := sniffBinary(first.buf); err != nil {
		return err
	}
	// The language and the document's own symbol come from the start, and
	// decide how every window is read.
	frontEnd := 0
	if s.lang == "" {
		s.lang, _ = DetectLanguage(first.buf)
	}
	s.info.Lang = s.lang
	frontEnd, s.self = frontMatter(first.buf)
	s.self = identity(s.x, first.buf, s.self, frontEnd)
	s.organ = organOfSelf(s.self)
	s.info.Self = s.self
	s.line, s.col = 1, 1

	jobs := make(chan *window, workers)
	order := make(chan *window, workers+2)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for w := range jobs {
				fe := 0
				if w.base == 0 {
					fe = frontEnd
				}
				s.extract(w, fe)
				close(w.done)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(jobs)
		w := first
		for {
			select {
			case order <- w:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- w:
			case <-ctx.Done():
				return
			}
			if w.eof {
				return
			}
			// Keep the overlap before the window may be recycled.
			keep := max(0, w.cut-streamOverlap)
			tail := append([]byte(nil), w.buf[keep:]...)
			var buf *window
			select {
			case buf = <-slots:
			case <-ctx.Done():
				return
			}
			next, err := s.read(r, tail, w.base+int64(keep), w.cut-keep, buf)
			if err != nil {
				next = &window{err: err, done: make(chan struct{})}
				close(next.done)
				select {
				case order <- next:
				case <-ctx.Done():
				}
				return
			}
			w = next
		}
	}()
	for w := range order {
		if w.err != nil {
			return w.err
		}
		select {
		case <-w.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := s.emitWindow(w); err != nil {
			return err
		}
		s.info.Bytes = w.base + int64(w.cut)
		slots <- w
	}
	return ctx.Err()
}

// read fills a window: the overlap kept from the previous one (tail, at
// absolute offset base, of which the first from bytes were already
// checked), then new input.
func (s *streamer) read(r io.Reader, tail []byte, base int64, from int, w *window) (*window, error) {
	buf, cites := w.buf, w.cites
	if buf == nil {
		buf = make([]byte, 0, streamWindow+streamOverlap)
	}
	*w = window{done: make(chan struct{}), bad: -1, base: base, from: from, cites: cites[:0]}
	buf = append(buf[:0], tail...)
	for len(buf) < cap(buf) {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			w.eof = true
			break
		}
		if err != nil {
			return nil, err
		}
	}
	w.buf = buf
	w.cut = len(buf)
	if !w.eof {
		w.cut = cutPoint(buf[:len(buf)-streamContext], len(buf)-streamSlack)
	}
	return w, nil
}

// extract finds the citations of a window that are not page furniture.
func (s *streamer) extract(w *window, frontEnd int) {
	if s.checkUTF8 && !utf8.Valid(w.buf[w.from:w.cut]) {
		if i := invalidUTF8(w.buf[w.from:w.cut]); i >= 0 {
			w.bad = w.from + i
		}
	}
	fu := newFurniture(w.buf, s.self, frontEnd)
	if w.cites == nil {
		// About two citations per kilobyte of UN text.
		w.cites = make([]Citation, 0, len(w.buf)>>9)
	}
	s.x.Scan(w.buf, normalize.Options{DefaultOrgan: s.organ, Anaphora: s.anaphora}, func(c normalize.Citation) {
		if c.Form != normalize.FormAnaphora && fu.drop(&c) {
			if c.Start >= w.from && (c.Start < w.cut || w.eof) {
				w.furn++
			}
			return
		}
		dc := Citation{Citation: c, Text: string(w.buf[c.Start:c.End]), Link: -1, DocLang: s.lang}
		dc.URL = citationURL(s.lang, &c)
		w.cites = append(w.cites, dc)
	})
}

// cutPoint chooses where a window ends: at a paragraph break near its end,
// else a line break, else a space, else a character boundary.
func cutPoint(buf []byte, from int) int {
	if from < 0 {
		from = 0
	}
	tail := buf[from:]
	if k := bytes.LastIndex(tail, []byte("\n\n")); k >= 0 {
		return from + k + 2
	}
	if k := bytes.LastIndexByte(tail, '\n'); k >= 0 {
		return from + k + 1
	}
	if k := bytes.LastIndexByte(tail, ' '); k >= 0 {
		return from + k + 1
	}
	e := len(buf)
	for e > from && !utf8.RuneStart(buf[e-1]) {
		e--
	}
	if e > from {
		e--
	}
	if e <= 0 {
		return len(buf)
	}
	return e
}

// window extracts the citations of one window and emits those that start
// before its cut, and those attached to them (the rest of an enumeration).
// emitWindow emits, in order, the citations of a window that start at or
// after the watermark and before the cut, and those attached to them (the
// rest of an enumeration that runs past the cut).
func (s *streamer) emitWindow(w *window) error {
	if w.bad >= 0 {
		line, col := s.position(w.buf, w.base, w.base+int64(w.bad))
		return &InputError{Err: ErrEncoding, Detail: fmt.Sprintf("invalid UTF-8 (byte 0x%02X); use --encoding to name the file's encoding", w.buf[w.bad]), Line: line, Col: col}
	}
	s.info.Furniture += w.furn
	lastEnd := -1
	for i := range w.cites {
		c := &w.cites[i]
		start, end := c.Start, c.End
		abs := w.base + int64(start)
		if abs < s.watermark {
			continue
		}
		if start >= w.cut && !w.eof && (lastEnd < 0 || start-lastEnd > 64) {
			break
		}
		c.Line, c.Col = s.position(w.buf, w.base, abs)
		c.Start, c.End = int(abs), int(w.base+int64(end))
		if c.PhraseEnd > 0 {
			c.PhraseEnd += int(w.base)
		}
		if c.Form == normalize.FormAnaphora {
			a, ok := s.antecedent(w.base + int64(c.AntecedentStart))
			if !ok {
				continue // it points at furniture, or before the text seen
			}
			c.Antecedent, c.AntecedentStart = &a, a.Start
			if err := s.emit(*c); err != nil {
				return err
			}
			s.info.References++
			s.watermark = w.base + int64(end)
			continue
		}
		if s.anaphora {
			s.recent[s.nrecent%len(s.recent)] = Ref{Start: c.Start, Line: c.Line, Col: c.Col}
			s.nrecent++
		}
		if err := s.emit(*c); err != nil {
			return err
		}
		s.info.Citations++
		s.watermark = w.base + int64(end)
		lastEnd = end
	}
	if m := w.base + int64(w.cut); m > s.watermark {
		s.watermark = m
	}
	// Move the position to the cut: the next window starts before it.
	s.position(w.buf, w.base, w.base+int64(w.cut))
	return nil
}

// antecedent finds a recently emitted citation by its absolute start.
func (s *streamer) antecedent(start int64) (Ref, bool) {
	for k := 0; k < len(s.recent) && k < s.nrecent; k++ {
		if r := s.recent[(s.nrecent-1-k)%len(s.recent)]; int64(r.Start) == start {
			return r, true
		}
	}
	return Ref{}, false
}

// position returns the line and column of absolute offset off, which lies
// in buf (whose first byte is at absolute offset base) at or after the last
// position asked for.
func (s *streamer) position(buf []byte, base, off int64) (int, int) {
	if off < s.pos {
		return s.line, s.col // cannot happen: offsets only grow
	}
	from := int(s.pos - base)
	to := int(off - base)
	if from < 0 {
		from = 0
	}
	if to > len(buf) {
		to = len(buf)
	}
	seg := buf[from:to]
	if k := bytes.LastIndexByte(seg, '\n'); k >= 0 {
		s.line += bytes.Count(seg, []byte{'\n'})
		s.col = runeCount(seg[k+1:]) + 1
	} else {
		s.col += runeCount(seg)
	}
	s.pos = off
	return s.line, s.col
}
