package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"runtime/debug"

	"github.com/xref-un/xref/linker"
)

// readInput reads a whole input of at most linker.MaxDocumentSize+1 bytes.
// A regular file is read into a buffer of its size: growing a buffer by
// doubling, as io.ReadAll does, would hold up to three times a large
// transcript for a moment.
func readInput(r io.Reader) ([]byte, error) {
	const limit = linker.MaxDocumentSize + 1
	f, ok := r.(*os.File)
	if !ok {
		return io.ReadAll(io.LimitReader(r, limit))
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() >= limit {
		return io.ReadAll(io.LimitReader(r, limit))
	}
	// One byte more than the size, to see the end of a file that grew.
	buf := make([]byte, 0, st.Size()+1)
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			rest, err := io.ReadAll(io.LimitReader(f, limit-int64(len(buf))))
			return append(buf, rest...), err
		}
	}
}

// bareError drops the path from an error of the os package: the caller
// names the file already ("xref: F: no such file or directory", not
// "xref: F: stat F: no such file or directory"). errors.Is still sees
// fs.ErrNotExist and the like.
func bareError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%w", pe.Err)
	}
	return err
}

// bigInput is the size from which a command collects the garbage of a
// document it is done with before going on, to bound its memory.
const bigInput = 16 << 20

// writeMemTable is the memtable size of a store opened by a command.
// Badger keeps two of them and builds a table of one when it flushes:
// with its default of 64 MiB, that is 400 MB a long check spends on the
// store alone; 16 MiB is a quarter of that, and still holds a transaction
// of 20,000 citations.
const writeMemTable = 16 << 20

// workingSet is the memory a command may use beyond twice its input.
const workingSet = 256 << 20

// budgetMemory asks the Go runtime to keep the heap within twice the
// largest input read so far plus workingSet. Without a limit the collector
// lets the heap grow to twice what is live, and what is live starts with
// the input: a 224 MB transcript took 1 GB. The limit is soft: a
// transcript dense with citations may need more, and gets it, at the cost
// of more frequent collection. GOMEMLIMIT, when set, decides instead.
func budgetMemory(inputSize int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	want := 2*int64(inputSize) + workingSet
	if cur := debug.SetMemoryLimit(-1); cur == math.MaxInt64 || want > cur {
		debug.SetMemoryLimit(want)
	}
}
