package cache

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Sentinel errors. Errors returned by the Store wrap one of these (or a
// badger error) with %w, so callers test them with errors.Is.
var (
	// ErrInUse means another process (or another Store in this process)
	// has the store's directory open. Badger allows one writer or any number
	// of readers, never both: see Open.
	ErrInUse = errors.New("cache: store is in use by another process")
	// ErrNeedsRecovery means a read-only Open found a store that was not
	// closed cleanly: badger must truncate its write-ahead log, which only a
	// read-write Open does.
	ErrNeedsRecovery = errors.New("cache: store was not closed cleanly; open it read-write once to recover")
	// ErrReadOnly is returned by writes to a store opened read-only.
	ErrReadOnly = errors.New("cache: store is read-only")
	// ErrClosed is returned by every method after Close.
	ErrClosed = errors.New("cache: store is closed")
	// ErrNotFound is returned when a document, link, host or run is unknown.
	ErrNotFound = errors.New("cache: not found")
	// ErrInvalid is returned for arguments the store cannot key, such as an
	// empty id or a part containing a NUL byte.
	ErrInvalid = errors.New("cache: invalid argument")
)

// Options configure Open. The zero value is ready to use.
type Options struct {
	// Logger receives the store's diagnostics and badger's own log. Nil
	// discards them.
	Logger *slog.Logger
	// ReadOnly opens the store without taking the writer's lock; writes
	// return ErrReadOnly. It fails with ErrInUse while a writer has the store
	// open (see Open).
	ReadOnly bool
	// SyncWrites makes every commit wait for fsync. Off by default: a crash
	// of the process loses nothing (the write-ahead log is in the OS page
	// cache), a crash of the machine may lose the last commits, never
	// consistency. Turn it on where machine crashes matter more than speed.
	SyncWrites bool
	// GCInterval is how often the value-log GC runs; 0 means 10 minutes,
	// a negative value disables the periodic run.
	GCInterval time.Duration
	// HistoryLimit is how many observations are kept per link; 0 means 50.
	HistoryLimit int
	// MemTableSize and BlockCacheSize tune badger (0: 64 MiB and 32 MiB).
	// The memtable size also bounds a transaction: transcripts whose edges
	// do not fit in one are written in several (see Ingest).
	MemTableSize   int64
	BlockCacheSize int64

	// noRecover leaves interrupted replacements alone at Open, so that
	// tests can check what readers see before recovery.
	noRecover bool
}

// Store is a citation graph and link-state store over badger. It is safe for
// concurrent use by multiple goroutines.
type Store struct {
	db       *badger.DB
	memTable int64 // badger's memtable size, for the free-space checks
	dir      string
	log      *slog.Logger
	readOnly bool
	history  int

	locks [64]sync.Mutex // per-document write locks, by hash of id

	closeOnce sync.Once
	closeErr  error
	stop      context.CancelFunc
	wg        sync.WaitGroup
	gcNow     chan struct{}
	closed    chan struct{}
}

// DefaultDir returns the default location of the store:
// os.UserCacheDir()/xref/graph.
func DefaultDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("cache: no user cache directory: %w", err)
	}
	return filepath.Join(base, "xref", "graph"), nil
}

// Open opens the store in dir, creating it (and its parents) when it does
// not exist, unless opts.ReadOnly is set.
//
// Badger takes an flock on the directory: exclusive for a read-write open,
// shared for a read-only one. So a second read-write Open, and also a
// read-only Open while a writer holds the store, fail at once with an error
// wrapping ErrInUse that names the directory and the writer's pid; any number
// of read-only opens can share the store when no writer has it. A read-write
// Open also finishes any transcript replacement that a killed process left
// half done (see Ingest) before it returns.
func Open(ctx context.Context, dir string, opts Options) (*Store, error) {
	if dir == "" {
		return nil, fmt.Errorf("%w: empty directory", ErrInvalid)
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.ReadOnly {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("cache: open %s read-only: %w", dir, err)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, diskFull(fmt.Errorf("cache: %w", err))
	}
	memTable := int64(defaultMemTable)
	if opts.MemTableSize > 0 {
		memTable = opts.MemTableSize
	}
	if !opts.ReadOnly {
		// Opening may replay the log of a killed writer and write tables.
		if err := ensureSpace(dir, memTable, 0); err != nil {
			return nil, err
		}
	}
	bo := badger.DefaultOptions(dir).
		WithLogger(badgerLogger{log.With("component", "badger")}).
		WithReadOnly(opts.ReadOnly).
		WithSyncWrites(opts.SyncWrites).
		WithMetricsEnabled(false).
		WithNumCompactors(2). // two cores is the target machine
		WithBlockCacheSize(32 << 20)
	if opts.MemTableSize > 0 {
		bo = bo.WithMemTableSize(opts.MemTableSize)
		// Badger refuses a value threshold above its batch limit (15% of
		// the memtable); larger values then go to the value log.
		bo = bo.WithValueThreshold(min(bo.ValueThreshold, opts.MemTableSize*15/100/4))
	}
	if opts.BlockCacheSize > 0 {
		bo = bo.WithBlockCacheSize(opts.BlockCacheSize)
	}
	db, err := badger.Open(bo)
	for k := 0; k < 4 && err != nil && !opts.ReadOnly && emptyMemtables(dir, err, log); k++ {
		db, err = badger.Open(bo)
	}
	if err != nil {
		return nil, diskFull(classifyOpenError(dir, err, opts.ReadOnly))
	}
	s := &Store{
		db:       db,
		memTable: memTable,
		dir:      dir,
		log:      log,
		readOnly: opts.ReadOnly,
		history:  opts.HistoryLimit,
		gcNow:    make(chan struct{}, 1),
		closed:   make(chan struct{}),
	}
	if s.history <= 0 {
		s.history = 50
	}
	if !s.readOnly {
		if err := s.init(ctx, !opts.noRecover); err != nil {
			_ = db.Close()
			return nil, err
		}
		interval := opts.GCInterval
		if interval == 0 {
			interval = 10 * time.Minute
		}
		gcCtx, stop := context.WithCancel(context.Background())
		s.stop = stop
		s.wg.Add(1)
		go s.gcLoop(gcCtx, interval)
	}
	log.Debug("cache: opened", "dir", dir, "read_only", opts.ReadOnly)
	return s, nil
}

// emptyMemtables removes the memtable file badger refused to open because
// it held nothing (ristretto's "Create a new file"): a writer killed between
// creating a memtable file and writing to it leaves one of length zero,
// which the failed open has sized with zeros after a header. It holds no
// entry, and badger would refuse the store for good. It reports whether it
// removed the file.
func emptyMemtables(dir string, err error, log *slog.Logger) bool {
	m := newFileFid.FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	fid, _ := strconv.Atoi(m[1])
	path := filepath.Join(dir, fmt.Sprintf("%05d.mem", fid))
	if !allZero(path, memtableHeader) || os.Remove(path) != nil {
		return false
	}
	log.Warn("cache: removed an empty memtable file a killed writer left", "file", path)
	return true
}

// newFileFid finds the memtable that badger's open refused as new.
var newFileFid = regexp.MustCompile(`while opening fid: (\d+) err: Create a new file`)

// memtableHeader is the length of the header badger writes at the start of
// a new memtable file (its vlogHeaderSize: key id and nonce).
const memtableHeader = 20

// allZero reports whether the file holds only zero bytes after its first
// skip bytes.
func allZero(path string, skip int64) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if _, err := f.Seek(skip, io.SeekStart); err != nil {
		return false
	}
	buf := make([]byte, 1<<16)
	for {
		n, err := f.Read(buf)
		for _, b := range buf[:n] {
			if b != 0 {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// classifyOpenError turns badger's lock and truncation failures into the
// package's sentinels. Badger formats its lock error with %v, not %w, so the
// message is the only thing to match.
func classifyOpenError(dir string, err error, readOnly bool) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Another process is using this Badger database"):
		who := ""
		if b, rerr := os.ReadFile(filepath.Join(dir, "LOCK")); rerr == nil {
			if pid := strings.TrimSpace(string(b)); pid != "" {
				who = " (pid " + pid + ")"
			}
		}
		return fmt.Errorf("%w: %s%s; close it or wait for it to finish", ErrInUse, dir, who)
	case errors.Is(err, badger.ErrTruncateNeeded) || strings.Contains(msg, badger.ErrTruncateNeeded.Error()):
		return fmt.Errorf("%w: %s: %v", ErrNeedsRecovery, dir, err)
	case readOnly && strings.Contains(msg, "error while truncation"):
		// A memtable file left at its full size by a killed writer: read
		// only, badger cannot truncate it (EINVAL) and says so in words
		// of its own, not with ErrTruncateNeeded.
		return fmt.Errorf("%w: %s: %v", ErrNeedsRecovery, dir, err)
	}
	return fmt.Errorf("cache: open %s: %w", dir, err)
}

// init records the schema version and finishes interrupted replacements.
func (s *Store) init(ctx context.Context, recover bool) error {
	key := MetaKey{Name: "schema"}.Bytes()
	err := s.db.Update(func(txn *badger.Txn) error {
		_, err := txn.Get(key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return txn.Set(key, []byte(SchemaPrefix))
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("cache: write schema version: %w", err)
	}
	if !recover {
		return nil
	}
	if err := s.recover(ctx); err != nil {
		return err
	}
	// What other processes recorded while the store was busy.
	if _, err := s.MergeJournal(ctx); err != nil {
		return err
	}
	return nil
}

// Dir returns the directory the store was opened in.
func (s *Store) Dir() string { return s.dir }

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close stops the GC loop and closes badger, which flushes memtables to disk.
// It is safe to call more than once, but not while other calls are still
// running: calls made after Close return ErrClosed.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		close(s.closed)
		if s.stop != nil {
			s.stop()
		}
		s.wg.Wait()
		s.closeErr = s.db.Close()
		if s.closeErr != nil {
			s.closeErr = fmt.Errorf("cache: close %s: %w", s.dir, s.closeErr)
		}
	})
	return s.closeErr
}

func (s *Store) check(write bool) error {
	select {
	case <-s.closed:
		return ErrClosed
	default:
	}
	if write && s.readOnly {
		return ErrReadOnly
	}
	return nil
}

// gcLoop runs the value-log GC every interval, and when asked after large
// deletions. Values under badger's value threshold (1 MiB) live in the LSM
// tree and are reclaimed by compaction, so this mostly matters for large raw
// fetch results; ErrNoRewrite ("nothing to collect") is the usual answer.
func (s *Store) gcLoop(ctx context.Context, interval time.Duration) {
	defer s.wg.Done()
	var tick <-chan time.Time
	if interval > 0 {
		t := time.NewTicker(interval)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		case <-s.gcNow:
		}
		s.runGC(ctx)
	}
}

func (s *Store) runGC(ctx context.Context) {
	for n := 0; ctx.Err() == nil; n++ {
		err := s.db.RunValueLogGC(0.5)
		if err != nil {
			if !errors.Is(err, badger.ErrNoRewrite) && !errors.Is(err, badger.ErrRejected) {
				s.log.Warn("cache: value log GC", "err", err)
			}
			s.log.Debug("cache: value log GC done", "rewrites", n)
			return
		}
	}
}

// requestGC asks the GC loop for a run without waiting for it.
func (s *Store) requestGC() {
	if s.readOnly {
		return
	}
	select {
	case s.gcNow <- struct{}{}:
	default:
	}
}

// Flatten compacts the LSM tree into one level. Useful before measuring the
// store's size or copying its directory; never needed for correctness.
func (s *Store) Flatten(ctx context.Context) error {
	if err := s.check(true); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.db.Flatten(2); err != nil {
		return fmt.Errorf("cache: flatten: %w", err)
	}
	return nil
}

// badgerLogger routes badger's log to slog. Badger logs routine events
// (compactions, replays) at Info and Warning, which are noise to a user of
// xref, so everything but errors goes to Debug with badger's level kept as
// an attribute.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) Errorf(f string, a ...any) { b.log(slog.LevelError, "error", f, a) }
func (b badgerLogger) Warningf(f string, a ...any) {
	b.log(slog.LevelDebug, "warning", f, a)
}
func (b badgerLogger) Infof(f string, a ...any)  { b.log(slog.LevelDebug, "info", f, a) }
func (b badgerLogger) Debugf(f string, a ...any) { b.log(slog.LevelDebug, "debug", f, a) }

func (b badgerLogger) log(level slog.Level, badgerLevel, f string, a []any) {
	ctx := context.Background()
	if !b.l.Enabled(ctx, level) {
		return // skip the Sprintf: badger logs often
	}
	b.l.Log(ctx, level, strings.TrimSpace(fmt.Sprintf(f, a...)), "badger_level", badgerLevel)
}
