package cache

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"
)

func getJSON(txn *badger.Txn, key []byte, v any) (bool, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := item.Value(func(b []byte) error { return json.Unmarshal(b, v) }); err != nil {
		return false, fmt.Errorf("%w: %q: %w", ErrCorrupt, key, err)
	}
	return true, nil
}

func setJSON(txn *badger.Txn, key []byte, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return txn.Set(key, b)
}

func validURL(url string) error {
	if url == "" || !validPart(url) {
		return fmt.Errorf("%w: url %q", ErrInvalid, url)
	}
	return nil
}

// Observe records one check of a link: the observation joins the link's
// history (the newest HistoryLimit are kept) and becomes its Latest; Checks,
// FirstChecked, LastOK, Streak and StatusSince are updated. A zero obs.Time
// means now. It returns the updated link, without Uses.
func (s *Store) Observe(ctx context.Context, url string, obs Observation) (Link, error) {
	if err := validURL(url); err != nil {
		return Link{}, err
	}
	if obs.Time.IsZero() {
		obs.Time = time.Now()
	}
	obs.Time = obs.Time.UTC()
	var l Link
	err := s.update(ctx, func(txn *badger.Txn) error {
		l = Link{}
		if _, err := getJSON(txn, LinkKey{URL: url}.Bytes(), &l); err != nil {
			return err
		}
		l.URL = url
		// An observation older than the latest one (a late writer) joins the
		// history but does not move the link's state back in time.
		if l.Latest == nil || !obs.Time.Before(l.Latest.Time) {
			if l.Latest != nil && l.Latest.Status == obs.Status {
				l.Streak++
			} else {
				l.Streak, l.StatusSince = 1, obs.Time
			}
			o := obs
			l.Latest = &o
			l.Replacement = keepReplacement(l.Replacement, &obs)
		}
		l.Checks++
		if l.FirstChecked.IsZero() || obs.Time.Before(l.FirstChecked) {
			l.FirstChecked = obs.Time
		}
		if obs.Status == "ok" && obs.Time.After(l.LastOK) {
			l.LastOK = obs.Time
		}
		if err := setJSON(txn, LinkKey{URL: url}.Bytes(), &l); err != nil {
			return err
		}
		if err := setJSON(txn, ObservationKey{URL: url, Time: obs.Time}.Bytes(), &obs); err != nil {
			return err
		}
		// Trim the history: keys sort newest first, and the iterator of a
		// read-write transaction sees the entry just set.
		it := txn.NewIterator(badger.IteratorOptions{Prefix: observationPrefix(url)})
		var old [][]byte
		n := 0
		for it.Rewind(); it.Valid(); it.Next() {
			if n++; n > s.history {
				old = append(old, it.Item().KeyCopy(nil))
			}
		}
		it.Close()
		for _, k := range old {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Link{}, fmt.Errorf("cache: observe %s: %w", url, err)
	}
	return l, nil
}

// keepReplacement is a link's replacement after an observation: the new
// one (first found when it was already known), none when the link works
// or its replacement was seen dead, else the one known.
func keepReplacement(known *Replacement, obs *Observation) *Replacement {
	switch {
	case obs.Replacement != nil:
		r := *obs.Replacement
		r.Checked = obs.Time
		if r.Found.IsZero() {
			r.Found = obs.Time
			if known != nil && known.URL == r.URL && !known.Found.IsZero() {
				r.Found = known.Found
			}
		}
		return &r
	case obs.Status == "ok":
		return nil
	case known != nil && obs.ReplacementLost == known.URL:
		return nil
	}
	return known
}

// SetLinkState stores the caller's scheduling state of a link (a verdict such
// as suspect or dead, and when it is next due), creating the link record if
// needed.
func (s *Store) SetLinkState(ctx context.Context, url, state string, nextDue time.Time) error {
	if err := validURL(url); err != nil {
		return err
	}
	err := s.update(ctx, func(txn *badger.Txn) error {
		var l Link
		if _, err := getJSON(txn, LinkKey{URL: url}.Bytes(), &l); err != nil {
			return err
		}
		l.URL, l.State, l.NextDue = url, state, nextDue.UTC()
		if nextDue.IsZero() {
			l.NextDue = time.Time{}
		}
		return setJSON(txn, LinkKey{URL: url}.Bytes(), &l)
	})
	if err != nil {
		return fmt.Errorf("cache: set state of %s: %w", url, err)
	}
	return nil
}

// Link returns a link's record and its current uses. A URL neither observed
// nor used gives ErrNotFound.
func (s *Store) Link(ctx context.Context, url string) (Link, error) {
	var l Link
	err := s.view(ctx, func(txn *badger.Txn) error {
		found, err := getJSON(txn, LinkKey{URL: url}.Bytes(), &l)
		if err != nil {
			return err
		}
		l.URL = url
		vis, err := newVisibility(txn)
		if err != nil {
			return err
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: linkUsePrefix(url)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if l.Uses, err = appendUses(l.Uses, it.Item(), vis); err != nil {
				return err
			}
		}
		if !found && len(l.Uses) == 0 {
			return fmt.Errorf("%w: link %s", ErrNotFound, url)
		}
		return nil
	})
	return l, err
}

// appendUses decodes one x1/u/ entry if it is visible.
func appendUses(dst []LinkUse, item *badger.Item, vis *visibility) ([]LinkUse, error) {
	uk, err := ParseLinkUseKey(item.Key())
	if err != nil {
		return dst, err
	}
	ok, err := vis.visible(uk.Citing, uk.Language, uk.Gen)
	if err != nil || !ok {
		return dst, err
	}
	var uses []use
	err = item.Value(func(b []byte) error {
		uses, err = decodeUses(b)
		return err
	})
	if err != nil {
		return dst, fmt.Errorf("link use %s in %s: %w", uk.URL, uk.Citing, err)
	}
	for _, u := range uses {
		dst = append(dst, LinkUse{Document: uk.Citing, Language: uk.Language, Line: u.Line, Column: u.Column, Symbol: u.Symbol})
	}
	return dst, nil
}

// Links calls fn for every link, in URL order: every URL that has been
// observed or is used by a current transcript version, with its record (Latest
// is nil if it was never observed) and its Uses (empty if no transcript uses
// it any more). It stops at the first error fn returns and returns it.
//
// It is a merge of two sorted prefix scans (x1/l/ and x1/u/) in one
// snapshot, so the nightly report sees one consistent state.
func (s *Store) Links(ctx context.Context, fn func(Link) error) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		vis, err := newVisibility(txn)
		if err != nil {
			return err
		}
		recs := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindLink)})
		defer recs.Close()
		uses := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindLinkUse)})
		defer uses.Close()
		recs.Rewind()
		uses.Rewind()
		for recs.Valid() || uses.Valid() {
			if err := ctx.Err(); err != nil {
				return err
			}
			// The next URL is the smaller of the two iterators' URLs.
			var recURL, useURL string
			var hasRec, hasUse bool
			if recs.Valid() {
				lk, err := ParseLinkKey(recs.Item().Key())
				if err != nil {
					return err
				}
				recURL, hasRec = lk.URL, true
			}
			if uses.Valid() {
				uk, err := ParseLinkUseKey(uses.Item().Key())
				if err != nil {
					return err
				}
				useURL, hasUse = uk.URL, true
			}
			url := recURL
			if !hasRec || (hasUse && useURL < recURL) {
				url = useURL
			}
			l := Link{URL: url}
			if hasRec && recURL == url {
				err := recs.Item().Value(func(b []byte) error { return json.Unmarshal(b, &l) })
				if err != nil {
					return fmt.Errorf("%w: link %s: %w", ErrCorrupt, url, err)
				}
				l.URL = url
				recs.Next()
			}
			if hasUse && useURL == url {
				p := linkUsePrefix(url)
				for ; uses.Valid() && bytes.HasPrefix(uses.Item().Key(), p); uses.Next() {
					if l.Uses, err = appendUses(l.Uses, uses.Item(), vis); err != nil {
						return err
					}
				}
			}
			if l.Latest == nil && l.Checks == 0 && l.State == "" && len(l.Uses) == 0 {
				continue // only invisible uses: a replacement in progress
			}
			if err := fn(l); err != nil {
				return err
			}
		}
		return nil
	})
}

// History returns up to limit observations of a link, newest first (limit
// <= 0: all that are kept).
func (s *Store) History(ctx context.Context, url string, limit int) ([]Observation, error) {
	var out []Observation
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: observationPrefix(url)})
		defer it.Close()
		for it.Rewind(); it.Valid() && (limit <= 0 || len(out) < limit); it.Next() {
			var o Observation
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &o) }); err != nil {
				return fmt.Errorf("%w: observation of %s: %w", ErrCorrupt, url, err)
			}
			out = append(out, o)
		}
		return nil
	})
	return out, err
}

// Host returns the stored state of a host, or ErrNotFound.
func (s *Store) Host(ctx context.Context, host string) (HostState, error) {
	var h HostState
	err := s.view(ctx, func(txn *badger.Txn) error {
		found, err := getJSON(txn, HostKey{Host: host}.Bytes(), &h)
		if err == nil && !found {
			err = fmt.Errorf("%w: host %s", ErrNotFound, host)
		}
		return err
	})
	return h, err
}

// UpdateHost reads a host's state (zero if unknown), lets fn change it and
// stores it, atomically: concurrent updates of one host are retried, never
// lost.
func (s *Store) UpdateHost(ctx context.Context, host string, fn func(*HostState) error) (HostState, error) {
	if host == "" || !validPart(host) {
		return HostState{}, fmt.Errorf("%w: host %q", ErrInvalid, host)
	}
	var h HostState
	err := s.update(ctx, func(txn *badger.Txn) error {
		h = HostState{}
		if _, err := getJSON(txn, HostKey{Host: host}.Bytes(), &h); err != nil {
			return err
		}
		h.Host = host
		if err := fn(&h); err != nil {
			return err
		}
		h.Host = host
		h.Updated = time.Now().UTC()
		return setJSON(txn, HostKey{Host: host}.Bytes(), &h)
	})
	if err != nil {
		return HostState{}, fmt.Errorf("cache: update host %s: %w", host, err)
	}
	return h, nil
}

// Hosts calls fn for every stored host state, in host order.
func (s *Store) Hosts(ctx context.Context, fn func(HostState) error) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindHost)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var h HostState
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &h) }); err != nil {
				return fmt.Errorf("%w: %q: %w", ErrCorrupt, it.Item().Key(), err)
			}
			if err := fn(h); err != nil {
				return err
			}
		}
		return nil
	})
}

// PutRun stores a run, replacing the run with the same ID. An empty ID is
// set to the start time (RFC 3339, UTC); a zero Start means now. It returns
// the stored run.
func (s *Store) PutRun(ctx context.Context, r Run) (Run, error) {
	if r.Start.IsZero() {
		r.Start = time.Now()
	}
	r.Start = r.Start.UTC()
	if !r.End.IsZero() {
		r.End = r.End.UTC()
	}
	if r.ID == "" {
		r.ID = r.Start.Format(time.RFC3339Nano)
	}
	if !validPart(r.ID) {
		return Run{}, fmt.Errorf("%w: run id %q", ErrInvalid, r.ID)
	}
	err := s.update(ctx, func(txn *badger.Txn) error {
		// The start time is part of the key: drop the run's old key if the
		// caller changed it.
		old, err := findRun(txn, r.ID)
		if err != nil {
			return err
		}
		key := RunKey{Start: r.Start, ID: r.ID}.Bytes()
		if old != nil && !bytes.Equal(old, key) {
			if err := txn.Delete(old); err != nil {
				return err
			}
		}
		return setJSON(txn, key, &r)
	})
	if err != nil {
		return Run{}, fmt.Errorf("cache: put run %s: %w", r.ID, err)
	}
	return r, nil
}

// findRun returns the key of the run with this id; runs are few (one a
// night), so a key-only scan is cheap.
func findRun(txn *badger.Txn, id string) ([]byte, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindRun)})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		rk, err := ParseRunKey(it.Item().Key())
		if err != nil {
			return nil, err
		}
		if rk.ID == id {
			return it.Item().KeyCopy(nil), nil
		}
	}
	return nil, nil
}

// Run returns the run with this id, or ErrNotFound.
func (s *Store) Run(ctx context.Context, id string) (Run, error) {
	var r Run
	err := s.view(ctx, func(txn *badger.Txn) error {
		key, err := findRun(txn, id)
		if err != nil {
			return err
		}
		if key == nil {
			return fmt.Errorf("%w: run %s", ErrNotFound, id)
		}
		_, err = getJSON(txn, key, &r)
		return err
	})
	return r, err
}

// Runs returns up to limit runs, newest start first (limit <= 0: all).
func (s *Store) Runs(ctx context.Context, limit int) ([]Run, error) {
	var out []Run
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindRun)})
		defer it.Close()
		for it.Rewind(); it.Valid() && (limit <= 0 || len(out) < limit); it.Next() {
			var r Run
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &r) }); err != nil {
				return fmt.Errorf("%w: %q: %w", ErrCorrupt, it.Item().Key(), err)
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}
