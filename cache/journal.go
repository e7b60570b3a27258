package cache

// The journal: records that wait for the store.
//
// Badger lets one process write a store at a time. A process that finds
// the store held by another (four checks run by make -j) does not drop what
// it was asked to record: it writes it as one file to the journal, a
// directory next to the store, and the next process that opens the store
// for writing merges the journal into it. Each file is written whole (a
// temporary file, fsync, rename), so a merger never sees half a record; and
// merging again does no harm (a transcript version replaces itself, an
// observation is keyed by its URL and time, a run by its id; only a link's
// count of checks counts it twice), so a merger killed between writing a
// record and removing its file just writes it again.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"
)

// Record is what one command asks the store to keep: a checked
// transcript, what its links resolved to, and the run.
type Record struct {
	Transcript   *Transcript      `json:"transcript,omitempty"`
	Observations []URLObservation `json:"observations,omitempty"`
	Run          *Run             `json:"run,omitempty"`
}

// URLObservation is an observation of the link at URL.
type URLObservation struct {
	URL         string      `json:"url"`
	Observation Observation `json:"observation"`
}

// JournalDir returns the journal of the store in dir: dir + ".journal".
func JournalDir(dir string) string { return filepath.Clean(dir) + ".journal" }

const journalExt = ".json"

var spoolSeq atomic.Int64

// Spool writes r to the journal of the store in dir, for the next writer
// to merge, and returns the file's path.
func Spool(dir string, r Record) (string, error) {
	jd := JournalDir(dir)
	if err := os.MkdirAll(jd, 0o755); err != nil {
		return "", fmt.Errorf("cache: journal: %w", err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		return "", fmt.Errorf("cache: journal: %w", err)
	}
	// Names sort in the order the records were made.
	name := fmt.Sprintf("%020d-%d-%d%s", time.Now().UnixNano(), os.Getpid(), spoolSeq.Add(1), journalExt)
	tmp, err := os.CreateTemp(jd, ".tmp-*")
	if err != nil {
		return "", fmt.Errorf("cache: journal: %w", err)
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	final := filepath.Join(jd, name)
	if err == nil {
		err = os.Rename(tmp.Name(), final)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("cache: journal: %w", err)
	}
	syncDir(jd)
	return final, nil
}

// syncDir makes a rename in dir durable; where directories cannot be
// synced, the rename is still atomic.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Journaled returns the files of records waiting in the journal of the
// store in dir, oldest first.
func Journaled(dir string) ([]string, error) {
	entries, err := os.ReadDir(JournalDir(dir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cache: journal: %w", err)
	}
	var out []string
	for _, e := range entries {
		if n := e.Name(); e.Type().IsRegular() && strings.HasSuffix(n, journalExt) && !strings.HasPrefix(n, ".") {
			out = append(out, filepath.Join(JournalDir(dir), n))
		}
	}
	slices.Sort(out)
	return out, nil
}

// Write stores a record: the transcript, then the observations, then the
// run.
func (s *Store) Write(ctx context.Context, r Record) error {
	if r.Transcript != nil {
		if _, err := s.Ingest(ctx, *r.Transcript); err != nil {
			return err
		}
	}
	for _, o := range r.Observations {
		if _, err := s.Observe(ctx, o.URL, o.Observation); err != nil {
			return err
		}
	}
	if r.Run != nil {
		if _, err := s.PutRun(ctx, *r.Run); err != nil {
			return err
		}
	}
	return nil
}

// MergeJournal writes the records waiting in the journal into the store,
// oldest first, removing each file once its record is stored, and returns
// how many it merged. A file that is not a record is renamed to end in
// ".bad" and left for a person to look at; it does not stop the others.
// Open calls it for every read-write store.
func (s *Store) MergeJournal(ctx context.Context) (int, error) {
	if err := s.check(true); err != nil {
		return 0, err
	}
	files, err := Journaled(s.dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		b, err := os.ReadFile(f)
		if errors.Is(err, os.ErrNotExist) {
			continue // merged by another Store of this process
		}
		if err != nil {
			return n, fmt.Errorf("cache: journal: %w", err)
		}
		var r Record
		if err := json.Unmarshal(b, &r); err != nil {
			s.log.Warn("cache: journal file is not a record; set aside", "file", f, "err", err)
			os.Rename(f, f+".bad")
			continue
		}
		if err := s.Write(ctx, r); errors.Is(err, ErrInvalid) {
			s.log.Warn("cache: journal record refused; set aside", "file", f, "err", err)
			os.Rename(f, f+".bad")
			continue
		} else if err != nil {
			return n, fmt.Errorf("cache: merge %s: %w", filepath.Base(f), err)
		}
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return n, fmt.Errorf("cache: journal: %w", err)
		}
		n++
	}
	if n > 0 {
		s.log.Debug("cache: journal merged", "records", n)
	}
	return n, nil
}
