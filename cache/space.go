package cache

// Free space.
//
// Badger writes through memory maps: its write-ahead log, and each table
// it flushes or compacts, is a file of the final size mapped into memory.
// On a full disk a write to such a page does not return ENOSPC: the kernel
// sends SIGBUS and the Go runtime dies ("fatal error: fault"), writers and
// the readers that must replay the log alike. So the store checks the free
// space itself: a read-write Open and every write first make sure the
// filesystem has room for the write and for what badger may write beside
// it (a memtable flushed as a table, a new log), and refuse with
// ErrDiskFull otherwise, leaving the store as it was.

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
)

// ErrDiskFull means the filesystem of the store has too little free space
// for a write. The store is left intact and opens again once there is room.
var ErrDiskFull = errors.New("cache: not enough free disk space")

// defaultMemTable is badger's memtable size when Options leave it 0.
const defaultMemTable = 64 << 20

// freeSpace returns the bytes available to this process on the
// filesystem of dir, or -1 when it cannot tell. Tests replace it.
var freeSpace = func(dir string) int64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return -1
	}
	return int64(st.Bavail) * int64(st.Bsize)
}

// reserve is the room badger may need beside a write: two memtables' worth
// of tables and a log, and a margin.
func reserve(memTable int64) int64 { return 3*memTable + 8<<20 }

// ensureSpace fails with ErrDiskFull unless dir's filesystem has need
// bytes free beside the reserve.
func ensureSpace(dir string, memTable, need int64) error {
	free := freeSpace(dir)
	if free < 0 {
		return nil
	}
	if want := need + reserve(memTable); free < want {
		return fmt.Errorf("%w on the filesystem of %s: %s free, %s needed; make room and run again (the store is intact)",
			ErrDiskFull, dir, mebibytes(free), mebibytes(want))
	}
	return nil
}

func mebibytes(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// diskFull wraps an error of a full disk (ENOSPC, which badger reports
// with %v at times) in ErrDiskFull.
func diskFull(err error) error {
	if err == nil || errors.Is(err, ErrDiskFull) {
		return err
	}
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || strings.Contains(err.Error(), "no space left on device") {
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	}
	return err
}
