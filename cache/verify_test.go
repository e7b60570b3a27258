package cache

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// verify checks the store's invariants, for tests:
//   - every forward edge has its reverse entry with the same value, and the
//     other way round; the same for link uses and their mirrors;
//   - a version without a pending marker has entries of its current
//     generation only, as many as its Version says;
//   - no entries belong to a document or version that does not exist,
//     unless the version is pending.
func (s *Store) verify(ctx context.Context) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		vis, err := newVisibility(txn)
		if err != nil {
			return err
		}
		docs := map[string]Document{}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindDoc)})
		for it.Rewind(); it.Valid(); it.Next() {
			var d Document
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &d) }); err != nil {
				it.Close()
				return err
			}
			docs[d.ID] = d
		}
		it.Close()

		type counts struct{ edges, occs, links int }
		seen := map[versionRef]*counts{}
		get := func(id, lang string) *counts {
			r := versionRef{id, lang}
			if seen[r] == nil {
				seen[r] = &counts{}
			}
			return seen[r]
		}
		current := func(id, lang string, gen uint64) error {
			d, ok := docs[id]
			v, vok := d.version(lang)
			if vis.pending[versionRef{id, lang}] {
				return nil
			}
			if !ok || !vok {
				return fmt.Errorf("entry of %s [%s] gen %d: no such version", id, lang, gen)
			}
			if v.Gen != gen {
				return fmt.Errorf("entry of %s [%s] gen %d: current gen is %d and no marker", id, lang, gen, v.Gen)
			}
			return nil
		}
		pairs := []struct {
			fwd      byte
			mirror   func(k []byte) ([]byte, error)
			onFwd    func(k, v []byte) error
			sameVals bool
		}{
			{kindEdge, func(k []byte) ([]byte, error) {
				ek, err := ParseEdgeKey(k)
				return CitedByKey{Cited: ek.Cited, Citing: ek.Citing, Language: ek.Language, Gen: ek.Gen}.Bytes(), err
			}, func(k, v []byte) error {
				ek, _ := ParseEdgeKey(k)
				if err := current(ek.Citing, ek.Language, ek.Gen); err != nil {
					return err
				}
				occs, err := decodeOccurrences(v)
				if err != nil {
					return err
				}
				if d := docs[ek.Citing]; !vis.pending[versionRef{ek.Citing, ek.Language}] || func() bool { v, _ := d.version(ek.Language); return v.Gen == ek.Gen }() {
					c := get(ek.Citing, ek.Language)
					c.edges++
					c.occs += len(occs)
				}
				return nil
			}, true},
			{kindCitedBy, func(k []byte) ([]byte, error) {
				ck, err := ParseCitedByKey(k)
				return EdgeKey{Citing: ck.Citing, Language: ck.Language, Gen: ck.Gen, Cited: ck.Cited}.Bytes(), err
			}, nil, true},
		}
		for _, p := range pairs {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(p.fwd)})
			for it.Rewind(); it.Valid(); it.Next() {
				k := it.Item().KeyCopy(nil)
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					it.Close()
					return err
				}
				mk, err := p.mirror(k)
				if err != nil {
					it.Close()
					return err
				}
				item, err := txn.Get(mk)
				if err != nil {
					it.Close()
					return fmt.Errorf("%q: mirror %q: %w", k, mk, err)
				}
				mv, _ := item.ValueCopy(nil)
				if p.sameVals && !bytes.Equal(v, mv) {
					it.Close()
					return fmt.Errorf("%q and its mirror differ", k)
				}
				if p.onFwd != nil {
					if err := p.onFwd(k, v); err != nil {
						it.Close()
						return err
					}
				}
			}
			it.Close()
		}
		// Link uses: every x1/v/ URL list has its x1/u/ entries and every
		// x1/u/ entry is in its version's list.
		listed := map[string]bool{}
		it = txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindVersionLinks)})
		for it.Rewind(); it.Valid(); it.Next() {
			vk, err := ParseVersionLinksKey(it.Item().Key())
			if err != nil {
				it.Close()
				return err
			}
			b, _ := it.Item().ValueCopy(nil)
			urls, err := decodeStrings(b)
			if err != nil {
				it.Close()
				return err
			}
			if err := current(vk.Citing, vk.Language, vk.Gen); err != nil {
				it.Close()
				return err
			}
			d := docs[vk.Citing]
			if v, _ := d.version(vk.Language); v.Gen == vk.Gen {
				get(vk.Citing, vk.Language).links += len(urls)
			}
			for _, u := range urls {
				uk := LinkUseKey{URL: u, Citing: vk.Citing, Language: vk.Language, Gen: vk.Gen}.Bytes()
				if _, err := txn.Get(uk); err != nil {
					it.Close()
					return fmt.Errorf("%q lists %s: %w", it.Item().Key(), u, err)
				}
				listed[string(uk)] = true
			}
		}
		it.Close()
		it = txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindLinkUse)})
		for it.Rewind(); it.Valid(); it.Next() {
			if !listed[string(it.Item().Key())] {
				it.Close()
				return fmt.Errorf("link use %q is in no version's list", it.Item().Key())
			}
		}
		it.Close()

		for id, d := range docs {
			for _, v := range d.Versions {
				c := seen[versionRef{id, v.Language}]
				if c == nil {
					c = &counts{}
				}
				if c.edges != v.Edges || c.occs != v.Occurrences || c.links != v.Links {
					return fmt.Errorf("%s [%s] gen %d: stored %d edges, %d occurrences, %d links; version says %d, %d, %d",
						id, v.Language, v.Gen, c.edges, c.occs, c.links, v.Edges, v.Occurrences, v.Links)
				}
			}
		}
		return nil
	})
}
