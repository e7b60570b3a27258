package cache

import (
	"context"
	"fmt"
	"io"
)

// ctxWriter makes a long copy stop when ctx is done: badger's backup stream
// takes no context, but it stops at the first write error.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// Backup writes a full, consistent backup of the store to w in badger's
// backup format (the format of `badger backup`), while the store stays
// usable. Restore it with Restore into an empty store.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	if err := s.check(false); err != nil {
		return err
	}
	if _, err := s.db.Backup(ctxWriter{ctx, w}, 0); err != nil {
		return fmt.Errorf("cache: backup %s: %w", s.dir, err)
	}
	return ctx.Err()
}

// Restore loads a backup written by Backup. Load it into a new, empty store
// that nothing else is using: keys of the backup overwrite the store's,
// other keys are left as they are.
func (s *Store) Restore(ctx context.Context, r io.Reader) error {
	if err := s.check(true); err != nil {
		return err
	}
	if err := s.db.Load(ctxReader{ctx, r}, 256); err != nil {
		return fmt.Errorf("cache: restore into %s: %w", s.dir, err)
	}
	// A backup taken while a big replacement was in progress carries its
	// pending marker: finish it as Open would.
	return s.recover(ctx)
}
