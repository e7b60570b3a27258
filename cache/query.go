package cache

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// view runs fn in a read-only transaction after checking the store and ctx.
func (s *Store) view(ctx context.Context, fn func(*badger.Txn) error) error {
	if err := s.check(false); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(fn)
}

// update runs fn in a read-write transaction, retrying on conflicts with
// concurrent writers of the same keys.
func (s *Store) update(ctx context.Context, fn func(*badger.Txn) error) error {
	if err := s.check(true); err != nil {
		return err
	}
	if err := ensureSpace(s.dir, s.memTable, 1<<20); err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := s.db.Update(fn)
		if errors.Is(err, badger.ErrConflict) && attempt < 10 {
			continue
		}
		return diskFull(err)
	}
}

// versionRef names a version of a transcript.
type versionRef struct{ id, lang string }

// visibility decides whether reverse-index entries (CitedBy, link uses)
// belong to the current generation of their version. Only versions with a
// pending marker can have entries of another generation (see ingest.go).
type visibility struct {
	txn     *badger.Txn
	pending map[versionRef]bool
	current map[versionRef]uint64
}

func newVisibility(txn *badger.Txn) (*visibility, error) {
	v := &visibility{txn: txn}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindPending)})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		pk, err := ParsePendingKey(it.Item().Key())
		if err != nil {
			return nil, err
		}
		if v.pending == nil {
			v.pending = make(map[versionRef]bool)
			v.current = make(map[versionRef]uint64)
		}
		v.pending[versionRef{pk.Citing, pk.Language}] = true
	}
	return v, nil
}

func (v *visibility) visible(id, lang string, gen uint64) (bool, error) {
	ref := versionRef{id, lang}
	if !v.pending[ref] {
		return true, nil
	}
	cur, ok := v.current[ref]
	if !ok {
		doc, _, err := getDoc(v.txn, id)
		if err != nil {
			return false, err
		}
		ver, _ := doc.version(lang)
		cur = ver.Gen
		v.current[ref] = cur
	}
	return gen == cur, nil
}

// Document returns the record of a document, or ErrNotFound.
func (s *Store) Document(ctx context.Context, id string) (Document, error) {
	var d Document
	err := s.view(ctx, func(txn *badger.Txn) error {
		var found bool
		var err error
		d, found, err = getDoc(txn, id)
		if err == nil && !found {
			err = fmt.Errorf("%w: document %s", ErrNotFound, id)
		}
		return err
	})
	return d, err
}

// Documents calls fn for every document record, in id order, until fn
// returns an error (which Documents returns).
func (s *Store) Documents(ctx context.Context, fn func(Document) error) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindDoc)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			var d Document
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &d) }); err != nil {
				return fmt.Errorf("%w: %q: %w", ErrCorrupt, it.Item().Key(), err)
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	})
}

// Cites returns the distinct symbols cited by a document, over all its
// language versions, sorted by symbol; each with every occurrence. A document
// that was never ingested gives ErrNotFound.
func (s *Store) Cites(ctx context.Context, id string) ([]Cited, error) {
	var out []Cited
	err := s.view(ctx, func(txn *badger.Txn) error {
		doc, found, err := getDoc(txn, id)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%w: document %s", ErrNotFound, id)
		}
		out, err = cites(txn, &doc)
		if err != nil {
			return err
		}
		for i := range out { // titles, when recorded for the cited documents
			if d, ok, err := getDoc(txn, out[i].Symbol); err == nil && ok {
				out[i].Title = d.Title
			}
		}
		return nil
	})
	return out, err
}

// cites reads the current generation of every version of doc. The forward
// prefix includes the generation, so no other generation is ever read.
func cites(txn *badger.Txn, doc *Document) ([]Cited, error) {
	byCited := make(map[string]*Cited)
	var order []string
	for _, v := range doc.Versions {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: edgeGenPrefix(doc.ID, v.Language, v.Gen)})
		for it.Rewind(); it.Valid(); it.Next() {
			ek, err := ParseEdgeKey(it.Item().Key())
			if err != nil {
				it.Close()
				return nil, err
			}
			var occs []Occurrence
			err = it.Item().Value(func(b []byte) error {
				occs, err = decodeOccurrences(b)
				return err
			})
			if err != nil {
				it.Close()
				return nil, fmt.Errorf("edge %s → %s: %w", doc.ID, ek.Cited, err)
			}
			c := byCited[ek.Cited]
			if c == nil {
				c = &Cited{Symbol: ek.Cited}
				byCited[ek.Cited] = c
				order = append(order, ek.Cited)
			}
			c.Occurrences = append(c.Occurrences, occs...)
		}
		it.Close()
	}
	slices.Sort(order)
	out := make([]Cited, 0, len(order))
	for _, sym := range order {
		c := byCited[sym]
		slices.SortFunc(c.Occurrences, compareOccurrences)
		for _, o := range c.Occurrences {
			if o.Kind != "" {
				c.Kinds = mergeSorted(c.Kinds, []string{o.Kind})
			}
		}
		out = append(out, *c)
	}
	return out, nil
}

// CitedBy returns the documents citing symbol, sorted by id, each with every
// occurrence (line, column, snippet …) over all its language versions. An
// uncited symbol gives an empty list, not an error.
//
// It is one prefix scan of the reverse index x1/c/<symbol>\0, whose values
// are the small occurrence lists, so it does not touch the citing documents.
func (s *Store) CitedBy(ctx context.Context, symbol string) ([]Citer, error) {
	var out []Citer
	err := s.view(ctx, func(txn *badger.Txn) error {
		vis, err := newVisibility(txn)
		if err != nil {
			return err
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: citedByPrefix(symbol)})
		defer it.Close()
		langs := map[string]string{}
		n := 0
		for it.Rewind(); it.Valid(); it.Next() {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			// splitCitedBy, not ParseCitedByKey: this loop is the hot path
			// of CitedBy, and the cited symbol is known already.
			item := it.Item()
			_, citing, langB, gen, err := splitCitedBy(item.Key())
			if err != nil {
				return err
			}
			lang, ok := langs[string(langB)]
			if !ok {
				lang = string(langB)
				langs[lang] = lang
			}
			newCiter := len(out) == 0 || out[len(out)-1].ID != string(citing)
			var id string
			if newCiter {
				id = string(citing)
			} else {
				id = out[len(out)-1].ID
			}
			if vis.pending != nil {
				ok, err := vis.visible(id, lang, gen)
				if err != nil {
					return err
				}
				if !ok {
					continue
				}
			}
			if newCiter {
				out = append(out, Citer{ID: id})
			}
			last := &out[len(out)-1]
			err = item.Value(func(b []byte) error {
				var err error
				last.Occurrences, err = appendOccurrences(last.Occurrences, b)
				return err
			})
			if err != nil {
				return fmt.Errorf("reverse edge %s ← %s: %w", symbol, id, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cache: cited-by %s: %w", symbol, err)
	}
	return out, nil
}

// Stats counts what the store holds. It scans the document records and the
// key-only reverse index and link uses, so it takes time proportional to the
// number of edges: about a second per million on the development machine.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Languages: map[string]int{}}
	err := s.view(ctx, func(txn *badger.Txn) error {
		vis, err := newVisibility(txn)
		if err != nil {
			return err
		}
		st.Pending = len(vis.pending)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindDoc)})
		for it.Rewind(); it.Valid(); it.Next() {
			var d Document
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &d) }); err != nil {
				it.Close()
				return fmt.Errorf("%w: %q: %w", ErrCorrupt, it.Item().Key(), err)
			}
			st.Documents++
			if len(d.Versions) > 0 {
				st.Transcripts++
			}
			for _, v := range d.Versions {
				st.Versions++
				st.Languages[v.Language]++
				st.Occurrences += v.Occurrences
			}
		}
		it.Close()

		// Distinct cited symbols and distinct (cited, citing) pairs, from
		// the keys alone: entries of one symbol, then of one citer, are
		// adjacent.
		var lastCited, lastCiting []byte
		it = txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindCitedBy)})
		n := 0
		for it.Rewind(); it.Valid(); it.Next() {
			if n++; n%4096 == 0 {
				if err := ctx.Err(); err != nil {
					it.Close()
					return err
				}
			}
			cited, citing, lang, gen, err := splitCitedBy(it.Item().Key())
			if err != nil {
				it.Close()
				return err
			}
			if vis.pending != nil {
				if ok, err := vis.visible(string(citing), string(lang), gen); err != nil || !ok {
					if err != nil {
						it.Close()
						return err
					}
					continue
				}
			}
			if !bytes.Equal(cited, lastCited) {
				st.Cited++
				lastCited, lastCiting = append(lastCited[:0], cited...), lastCiting[:0]
			}
			if !bytes.Equal(citing, lastCiting) {
				st.Edges++
				lastCiting = append(lastCiting[:0], citing...)
			}
		}
		it.Close()

		links, observed, err := countLinks(ctx, txn, vis)
		if err != nil {
			return err
		}
		st.Links, st.Observed = links, observed
		st.Hosts, err = countKeys(txn, prefix(kindHost))
		if err != nil {
			return err
		}
		st.Runs, err = countKeys(txn, prefix(kindRun))
		return err
	})
	if err != nil {
		return Stats{}, fmt.Errorf("cache: stats: %w", err)
	}
	st.LSMBytes, st.VlogBytes = s.diskSize()
	return st, nil
}

func countKeys(txn *badger.Txn, p []byte) (int, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: p})
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		n++
	}
	return n, nil
}

// countLinks counts distinct URLs that have a record or a visible use.
func countLinks(ctx context.Context, txn *badger.Txn, vis *visibility) (links, observed int, err error) {
	urls := make(map[string]bool)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindLink)})
	for it.Rewind(); it.Valid(); it.Next() {
		lk, err := ParseLinkKey(it.Item().Key())
		if err != nil {
			it.Close()
			return 0, 0, err
		}
		urls[lk.URL] = true
		var l Link
		if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &l) }); err != nil {
			it.Close()
			return 0, 0, fmt.Errorf("%w: link %s: %w", ErrCorrupt, lk.URL, err)
		}
		if l.Checks > 0 {
			observed++
		}
	}
	it.Close()
	it = txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindLinkUse)})
	defer it.Close()
	var last []byte
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().Key()
		if last != nil && bytes.HasPrefix(k, last) {
			continue
		}
		uk, err := ParseLinkUseKey(k)
		if err != nil {
			return 0, 0, err
		}
		if ok, err := vis.visible(uk.Citing, uk.Language, uk.Gen); err != nil || !ok {
			if err != nil {
				return 0, 0, err
			}
			continue
		}
		urls[uk.URL] = true
		last = linkUsePrefix(uk.URL)
		if err := ctx.Err(); err != nil {
			return 0, 0, err
		}
	}
	return len(urls), observed, nil
}
