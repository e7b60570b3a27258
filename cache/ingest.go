package cache

// Replacing a version's edges.
//
// Re-checking a transcript must leave exactly the new edge set: no stale
// edges, no duplicates, and no moment where a reader sees half of it. The
// usual case is the CourtListener pattern: one badger transaction deletes the
// version's old edges (and their reverse-index and link-use mirrors) and
// writes the new ones and the Document record. A transcript with a few
// hundred citations is a few thousand entries, far below badger's
// transaction limit (15% of the memtable: about 9.6 MB, ~100k entries, with
// the default 64 MiB memtable).
//
// A transcript too large for one transaction (ErrTxnTooBig, or predicted to
// be) is written in steps that stay correct if the process dies between any
// two of them, because every edge key carries the generation of the version
// it belongs to and the Document record says which generation is current:
//
//  1. a pending marker x1/z/<id>\0<lang> is written;
//  2. the new generation's entries are written with a WriteBatch: invisible,
//     because the Document still names the old generation;
//  3. the Document record is switched to the new generation, in one
//     transaction: this is the moment the new edge set replaces the old;
//  4. entries of every other generation are deleted;
//  5. the marker is deleted.
//
// Forward scans (Cites) read only the current generation's prefix, so they
// never see the other one. Reverse scans (CitedBy, link uses) cannot, since
// the generation is at the end of their keys; while a version has a marker,
// they compare each of its entries' generation with the Document. With no
// marker, a version has entries of one generation only, so the common path
// costs one tiny prefix scan of x1/z/. A read-write Open runs steps 4 and 5
// for every marker it finds, whatever step the killed writer had reached.

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// filePrefix starts the ids of transcripts that have no symbol. UN symbols
// start with an upper-case letter, so the two never collide.
const filePrefix = "file:"

// TranscriptID returns the stable id of a transcript without a symbol:
// "file:" + the slash-separated, cleaned path + "#" + the first 16 hex digits
// of the SHA-256 of its content. Ingesting a transcript whose id has this
// form, or whose Transcript.Path is that path, removes the documents ingested
// earlier from the path under another id, so that editing a file (or finding
// its symbol) does not leave its old edges behind.
func TranscriptID(p string, content []byte) string {
	sum := sha256.Sum256(content)
	return filePrefix + cleanPath(p) + "#" + hex.EncodeToString(sum[:8])
}

func cleanPath(p string) string { return path.Clean(filepath.ToSlash(p)) }

// pathOfID returns the "file:<path>#" prefix of a TranscriptID.
func pathOfID(id string) (string, bool) {
	if !strings.HasPrefix(id, filePrefix) {
		return "", false
	}
	i := strings.LastIndexByte(id, '#')
	if i < len(filePrefix) {
		return "", false
	}
	return id[:i+1], true
}

// prepared is a Transcript turned into encoded entries, before any
// transaction starts.
type prepared struct {
	edges       []preparedEdge // sorted by cited symbol
	uses        []preparedUse  // sorted by URL
	occurrences int
	entries     int   // entries written
	bytes       int64 // rough size of those entries
}

type preparedEdge struct {
	cited string
	val   []byte
}

type preparedUse struct {
	url string
	val []byte
}

func validateTranscript(t *Transcript) error {
	if t.ID == "" {
		return fmt.Errorf("%w: transcript without id", ErrInvalid)
	}
	for _, s := range []string{t.ID, t.Language} {
		if !validPart(s) {
			return fmt.Errorf("%w: NUL byte in %q", ErrInvalid, s)
		}
	}
	for i, c := range t.Citations {
		if c.Symbol == "" || !validPart(c.Symbol) || !validPart(c.URL) {
			return fmt.Errorf("%w: citation %d: symbol %q, url %q", ErrInvalid, i, c.Symbol, c.URL)
		}
	}
	for i, l := range t.Links {
		if l.URL == "" || !validPart(l.URL) {
			return fmt.Errorf("%w: link %d: url %q", ErrInvalid, i, l.URL)
		}
	}
	return nil
}

func prepare(t *Transcript) *prepared {
	p := &prepared{}
	byCited := make(map[string][]Occurrence)
	byURL := make(map[string][]use)
	for _, c := range t.Citations {
		o := c.Occurrence
		if o.Language == "" {
			o.Language = t.Language
		}
		byCited[c.Symbol] = append(byCited[c.Symbol], o)
		if o.URL != "" {
			byURL[o.URL] = append(byURL[o.URL], use{Line: o.Line, Column: o.Column, Symbol: c.Symbol})
		}
	}
	for _, l := range t.Links {
		byURL[l.URL] = append(byURL[l.URL], use{Line: l.Line, Column: l.Column, Symbol: l.Symbol})
	}
	for cited, occs := range byCited {
		slices.SortFunc(occs, compareOccurrences)
		occs = slices.Compact(occs) // exact duplicates: same citation reported twice
		p.occurrences += len(occs)
		val := encodeOccurrences(nil, occs)
		p.edges = append(p.edges, preparedEdge{cited: cited, val: val})
		p.bytes += 2 * int64(len(val)+2*len(cited)+len(t.ID)+len(t.Language)+40)
	}
	for url, uses := range byURL {
		slices.SortFunc(uses, func(a, b use) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), strings.Compare(a.Symbol, b.Symbol))
		})
		uses = slices.Compact(uses)
		val := encodeUses(nil, uses)
		p.uses = append(p.uses, preparedUse{url: url, val: val})
		p.bytes += int64(len(val)+2*len(url)+len(t.ID)+len(t.Language)) + 60
	}
	slices.SortFunc(p.edges, func(a, b preparedEdge) int { return strings.Compare(a.cited, b.cited) })
	slices.SortFunc(p.uses, func(a, b preparedUse) int { return strings.Compare(a.url, b.url) })
	p.entries = 2*len(p.edges) + len(p.uses) + 3
	return p
}

func compareOccurrences(a, b Occurrence) int {
	return cmp.Or(
		strings.Compare(a.Language, b.Language),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.End, b.End),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		strings.Compare(a.Kind, b.Kind),
		strings.Compare(a.URL, b.URL),
		strings.Compare(a.Snippet, b.Snippet),
	)
}

// lockDoc serialises writers of one document within the process (badger's
// directory lock excludes other processes). It makes the multi-step path
// safe and spares the one-transaction path conflict retries.
func (s *Store) lockDoc(id string) func() {
	h := fnv.New32a()
	h.Write([]byte(id))
	m := &s.locks[h.Sum32()%uint32(len(s.locks))]
	m.Lock()
	return m.Unlock
}

// Ingest stores one checked version of a transcript, replacing atomically
// whatever an earlier Ingest stored for the same (ID, Language): its edges,
// their reverse-index entries and its link uses. The Document record gains or
// updates the version, its kinds and title. It returns the stored Version.
//
// Ingest is safe to call from several goroutines; calls for one document
// are serialised.
func (s *Store) Ingest(ctx context.Context, t Transcript) (Version, error) {
	if err := s.check(true); err != nil {
		return Version{}, err
	}
	if err := validateTranscript(&t); err != nil {
		return Version{}, err
	}
	if t.CheckedAt.IsZero() {
		t.CheckedAt = time.Now()
	}
	t.CheckedAt = t.CheckedAt.UTC()
	p := prepare(&t)
	// The new version, and the deletion of the old one (tombstones).
	if err := ensureSpace(s.dir, s.memTable, 3*p.bytes); err != nil {
		return Version{}, fmt.Errorf("cache: ingest %s [%s]: %w", t.ID, t.Language, err)
	}

	unlock := s.lockDoc(t.ID)
	v, err := s.ingestLocked(ctx, &t, p)
	unlock()
	if err != nil {
		return Version{}, fmt.Errorf("cache: ingest %s [%s]: %w", t.ID, t.Language, diskFull(err))
	}
	// A file checked again under another content hash, or now found to
	// have a symbol, replaces the documents stored from the same path.
	prefix, ok := pathOfID(t.ID)
	if !ok && t.Path != "" {
		prefix, ok = filePrefix+cleanPath(t.Path)+"#", true
	}
	if ok {
		if err := s.supersede(ctx, prefix, t.ID); err != nil {
			return v, err
		}
	}
	return v, nil
}

func (s *Store) ingestLocked(ctx context.Context, t *Transcript, p *prepared) (Version, error) {
	// Leave room for deleting the old version, which costs about as many
	// entries as writing it did.
	if int64(2*p.entries) < s.db.MaxBatchCount() && 2*p.bytes < s.db.MaxBatchSize() {
		for attempt := 0; ; attempt++ {
			if err := ctx.Err(); err != nil {
				return Version{}, err
			}
			v, err := s.ingestTxn(t, p)
			switch {
			case err == nil:
				return v, nil
			case errors.Is(err, badger.ErrConflict) && attempt < 5:
				continue
			case errors.Is(err, badger.ErrTxnTooBig):
				s.log.Debug("cache: transcript too big for one transaction", "id", t.ID, "edges", len(p.edges))
			default:
				return Version{}, err
			}
			break
		}
	}
	return s.ingestSteps(ctx, t, p)
}

// nextGen picks a generation newer than any the version has used; based on
// the clock so that it also differs from generations of a removed document.
func nextGen(old uint64) uint64 {
	return max(old+1, uint64(time.Now().UnixNano()))
}

func (t *Transcript) version(p *prepared, gen uint64) Version {
	return Version{
		Language:    t.Language,
		Path:        t.Path,
		ContentHash: t.ContentHash,
		RunID:       t.RunID,
		CheckedAt:   t.CheckedAt,
		Gen:         gen,
		Edges:       len(p.edges),
		Occurrences: p.occurrences,
		Links:       len(p.uses),
	}
}

// apply merges the transcript's version and metadata into d.
func (d *Document) apply(t *Transcript, v Version) {
	d.ID = t.ID
	if t.Symbol != "" {
		d.Symbol = t.Symbol
	}
	if t.Title != "" {
		d.Title = t.Title
	}
	if t.Kind != "" {
		d.Kinds = mergeSorted(d.Kinds, []string{t.Kind})
	}
	d.setVersion(v)
	d.Updated = v.CheckedAt
}

func (d *Document) setVersion(v Version) {
	i, ok := slices.BinarySearchFunc(d.Versions, v.Language, func(x Version, l string) int {
		return strings.Compare(x.Language, l)
	})
	if ok {
		d.Versions[i] = v
	} else {
		d.Versions = slices.Insert(d.Versions, i, v)
	}
	d.Languages = mergeSorted(d.Languages, []string{v.Language})
}

func (d *Document) version(lang string) (Version, bool) {
	for _, v := range d.Versions {
		if v.Language == lang {
			return v, true
		}
	}
	return Version{}, false
}

func mergeSorted(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if i, ok := slices.BinarySearch(out, s); !ok {
			out = slices.Insert(out, i, s)
		}
	}
	return out
}

func getDoc(txn *badger.Txn, id string) (Document, bool, error) {
	var d Document
	item, err := txn.Get(DocKey{ID: id}.Bytes())
	if errors.Is(err, badger.ErrKeyNotFound) {
		return d, false, nil
	}
	if err != nil {
		return d, false, err
	}
	err = item.Value(func(b []byte) error { return json.Unmarshal(b, &d) })
	if err != nil {
		return d, false, fmt.Errorf("%w: document %s: %w", ErrCorrupt, id, err)
	}
	return d, true, nil
}

func setDoc(txn *badger.Txn, d *Document) error {
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return txn.Set(DocKey{ID: d.ID}.Bytes(), b)
}

// pendingGen returns the generation recorded by a version's pending marker.
func pendingGen(txn *badger.Txn, id, lang string) (uint64, bool, error) {
	item, err := txn.Get(PendingKey{Citing: id, Language: lang}.Bytes())
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	var gen uint64
	err = item.Value(func(b []byte) error {
		if len(b) != 8 {
			return fmt.Errorf("%w: pending marker of %s", ErrCorrupt, id)
		}
		gen = binary.BigEndian.Uint64(b)
		return nil
	})
	return gen, true, err
}

// versionKeys lists the keys of every generation of a version: its forward
// edges with their reverse entries, and its link mirrors with their uses.
// Only keys whose generation differs from keep are listed (keep 0 lists all:
// no version has generation 0).
func versionKeys(txn *badger.Txn, id, lang string, keep uint64) ([][]byte, error) {
	var keys [][]byte
	opt := badger.IteratorOptions{Prefix: edgeVersionPrefix(id, lang)}
	it := txn.NewIterator(opt)
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().KeyCopy(nil)
		ek, err := ParseEdgeKey(k)
		if err != nil {
			it.Close()
			return nil, err
		}
		if ek.Gen == keep {
			continue
		}
		keys = append(keys, k, CitedByKey{Cited: ek.Cited, Citing: id, Language: lang, Gen: ek.Gen}.Bytes())
	}
	it.Close() // a read-write transaction allows one iterator at a time
	opt.Prefix = versionLinksPrefix(id, lang)
	opt.PrefetchValues = false // values are read below, one key per generation
	it = txn.NewIterator(opt)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().KeyCopy(nil)
		vk, err := ParseVersionLinksKey(k)
		if err != nil {
			return nil, err
		}
		if vk.Gen == keep {
			continue
		}
		var urls []string
		err = it.Item().Value(func(b []byte) error {
			urls, err = decodeStrings(b)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("links of %s [%s]: %w", id, lang, err)
		}
		keys = append(keys, k)
		for _, u := range urls {
			keys = append(keys, LinkUseKey{URL: u, Citing: id, Language: lang, Gen: vk.Gen}.Bytes())
		}
	}
	return keys, nil
}

func writeVersion(set func(k, v []byte) error, id, lang string, gen uint64, p *prepared) error {
	for _, e := range p.edges {
		if err := set(EdgeKey{Citing: id, Language: lang, Gen: gen, Cited: e.cited}.Bytes(), e.val); err != nil {
			return err
		}
		if err := set(CitedByKey{Cited: e.cited, Citing: id, Language: lang, Gen: gen}.Bytes(), e.val); err != nil {
			return err
		}
	}
	if len(p.uses) == 0 {
		return nil
	}
	// The list of the generation's URLs goes first: a write batch commits
	// as it fills, and a writer killed after some link uses were committed
	// must leave the list that recovery finds them by.
	urls := make([]string, len(p.uses))
	for i, u := range p.uses {
		urls[i] = u.url
	}
	if err := set(VersionLinksKey{Citing: id, Language: lang, Gen: gen}.Bytes(), encodeStrings(nil, urls)); err != nil {
		return err
	}
	for _, u := range p.uses {
		if err := set(LinkUseKey{URL: u.url, Citing: id, Language: lang, Gen: gen}.Bytes(), u.val); err != nil {
			return err
		}
	}
	return nil
}

// ingestTxn is the one-transaction path.
func (s *Store) ingestTxn(t *Transcript, p *prepared) (Version, error) {
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	doc, _, err := getDoc(txn, t.ID)
	if err != nil {
		return Version{}, err
	}
	old, _ := doc.version(t.Language)
	pgen, pending, err := pendingGen(txn, t.ID, t.Language)
	if err != nil {
		return Version{}, err
	}
	gen := nextGen(max(old.Gen, pgen))
	// Delete every generation, not only old.Gen: a replacement that failed
	// half-way in this process (a cancelled ctx) may have left another one.
	stale, err := versionKeys(txn, t.ID, t.Language, 0)
	if err != nil {
		return Version{}, err
	}
	for _, k := range stale {
		if err := txn.Delete(k); err != nil {
			return Version{}, err
		}
	}
	if pending {
		if err := txn.Delete(PendingKey{Citing: t.ID, Language: t.Language}.Bytes()); err != nil {
			return Version{}, err
		}
	}
	if err := writeVersion(txn.Set, t.ID, t.Language, gen, p); err != nil {
		return Version{}, err
	}
	v := t.version(p, gen)
	doc.apply(t, v)
	if err := setDoc(txn, &doc); err != nil {
		return Version{}, err
	}
	if err := txn.Commit(); err != nil {
		return Version{}, err
	}
	if len(stale) > 10000 {
		s.requestGC()
	}
	return v, nil
}

// ingestSteps is the multi-transaction path described at the top of the file.
func (s *Store) ingestSteps(ctx context.Context, t *Transcript, p *prepared) (Version, error) {
	s.log.Debug("cache: replacing in steps", "id", t.ID, "lang", t.Language, "edges", len(p.edges))
	var gen uint64
	// Step 1: choose the generation and mark the version pending.
	err := s.db.Update(func(txn *badger.Txn) error {
		doc, _, err := getDoc(txn, t.ID)
		if err != nil {
			return err
		}
		old, _ := doc.version(t.Language)
		pgen, _, err := pendingGen(txn, t.ID, t.Language)
		if err != nil {
			return err
		}
		gen = nextGen(max(old.Gen, pgen))
		return txn.Set(PendingKey{Citing: t.ID, Language: t.Language}.Bytes(), binary.BigEndian.AppendUint64(nil, gen))
	})
	if err != nil {
		return Version{}, fmt.Errorf("mark pending: %w", err)
	}
	// Step 2: write the new generation, invisible until step 3.
	wb := s.db.NewWriteBatch()
	set := func(k, v []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return wb.Set(k, v)
	}
	if err := writeVersion(set, t.ID, t.Language, gen, p); err != nil {
		wb.Cancel()
		return Version{}, fmt.Errorf("write generation %d: %w", gen, err)
	}
	if err := wb.Flush(); err != nil {
		return Version{}, fmt.Errorf("write generation %d: %w", gen, err)
	}
	// Step 3: switch the Document to the new generation.
	v := t.version(p, gen)
	err = s.db.Update(func(txn *badger.Txn) error {
		doc, _, err := getDoc(txn, t.ID)
		if err != nil {
			return err
		}
		doc.apply(t, v)
		return setDoc(txn, &doc)
	})
	if err != nil {
		return Version{}, fmt.Errorf("switch to generation %d: %w", gen, err)
	}
	// Steps 4 and 5: remove the other generations and the marker.
	if err := s.finish(ctx, t.ID, t.Language); err != nil {
		return v, err
	}
	return v, nil
}

// finish deletes every generation of a version other than the one its
// Document names (all of them if it names none), then its pending marker.
// It is idempotent, so recovery can run it after a crash at any step.
func (s *Store) finish(ctx context.Context, id, lang string) error {
	var keep uint64
	var stale [][]byte
	err := s.db.View(func(txn *badger.Txn) error {
		doc, _, err := getDoc(txn, id)
		if err != nil {
			return err
		}
		v, _ := doc.version(lang)
		keep = v.Gen
		stale, err = versionKeys(txn, id, lang, keep)
		return err
	})
	if err != nil {
		return fmt.Errorf("list stale generations: %w", err)
	}
	wb := s.db.NewWriteBatch()
	for _, k := range stale {
		if err := ctx.Err(); err != nil {
			wb.Cancel()
			return err
		}
		if err := wb.Delete(k); err != nil {
			wb.Cancel()
			return err
		}
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("delete stale generations: %w", err)
	}
	// Delete the marker only if no newer replacement started meanwhile
	// (impossible within this process, which holds the document lock, but
	// cheap to check).
	err = s.db.Update(func(txn *badger.Txn) error {
		doc, _, err := getDoc(txn, id)
		if err != nil {
			return err
		}
		v, _ := doc.version(lang)
		if v.Gen != keep {
			return nil
		}
		return txn.Delete(PendingKey{Citing: id, Language: lang}.Bytes())
	})
	if err != nil {
		return fmt.Errorf("clear pending marker: %w", err)
	}
	if len(stale) > 1000 {
		s.requestGC()
	}
	return nil
}

// recover finishes what a killed writer left pending.
func (s *Store) recover(ctx context.Context) error {
	var pending []PendingKey
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix(kindPending)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			pk, err := ParsePendingKey(it.Item().Key())
			if err != nil {
				return err
			}
			pending = append(pending, pk)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("cache: list pending versions: %w", err)
	}
	for _, pk := range pending {
		s.log.Info("cache: finishing an interrupted replacement", "id", pk.Citing, "lang", pk.Language)
		unlock := s.lockDoc(pk.Citing)
		err := s.finish(ctx, pk.Citing, pk.Language)
		unlock()
		if err != nil {
			return fmt.Errorf("cache: recover %s [%s]: %w", pk.Citing, pk.Language, err)
		}
	}
	return nil
}

// Remove deletes a document: its record, every version's edges and link
// uses. Removing an unknown document is not an error.
func (s *Store) Remove(ctx context.Context, id string) error {
	if err := s.check(true); err != nil {
		return err
	}
	if id == "" || !validPart(id) {
		return fmt.Errorf("%w: document id %q", ErrInvalid, id)
	}
	unlock := s.lockDoc(id)
	defer unlock()
	if err := s.removeLocked(ctx, id); err != nil {
		return fmt.Errorf("cache: remove %s: %w", id, err)
	}
	return nil
}

func (s *Store) removeLocked(ctx context.Context, id string) error {
	err := s.db.Update(func(txn *badger.Txn) error {
		doc, found, err := getDoc(txn, id)
		if err != nil || !found {
			return err
		}
		for _, v := range doc.Versions {
			keys, err := versionKeys(txn, id, v.Language, 0)
			if err != nil {
				return err
			}
			for _, k := range keys {
				if err := txn.Delete(k); err != nil {
					return err
				}
			}
			if err := txn.Delete(PendingKey{Citing: id, Language: v.Language}.Bytes()); err != nil {
				return err
			}
		}
		return txn.Delete(DocKey{ID: id}.Bytes())
	})
	if !errors.Is(err, badger.ErrTxnTooBig) {
		return err
	}
	// Too big: hide the versions first (marker, then Document), then delete.
	var langs []string
	err = s.db.Update(func(txn *badger.Txn) error {
		doc, _, err := getDoc(txn, id)
		if err != nil {
			return err
		}
		for _, v := range doc.Versions {
			langs = append(langs, v.Language)
			if err := txn.Set(PendingKey{Citing: id, Language: v.Language}.Bytes(), make([]byte, 8)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(DocKey{ID: id}.Bytes()) }); err != nil {
		return err
	}
	for _, lang := range langs {
		if err := s.finish(ctx, id, lang); err != nil {
			return err
		}
	}
	return nil
}

// supersede removes documents ingested from the same path under another
// content hash.
func (s *Store) supersede(ctx context.Context, prefix, keep string) error {
	var old []string
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: DocKey{ID: prefix}.Bytes()})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			dk, err := ParseDocKey(it.Item().Key())
			if err != nil {
				return err
			}
			if p, ok := pathOfID(dk.ID); ok && p == prefix && dk.ID != keep {
				old = append(old, dk.ID)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("cache: find superseded versions of %s: %w", prefix, err)
	}
	for _, id := range old {
		s.log.Debug("cache: removing superseded transcript", "id", id, "by", keep)
		if err := s.Remove(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// PutDocument records metadata of a document (typically a cited one): a
// non-empty Symbol or Title replaces the stored one, Kinds and Languages are
// added to the stored sets. Versions are ignored: only Ingest writes them.
func (s *Store) PutDocument(ctx context.Context, d Document) error {
	if err := s.check(true); err != nil {
		return err
	}
	if d.ID == "" || !validPart(d.ID) {
		return fmt.Errorf("%w: document id %q", ErrInvalid, d.ID)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	unlock := s.lockDoc(d.ID)
	defer unlock()
	err := s.db.Update(func(txn *badger.Txn) error {
		doc, _, err := getDoc(txn, d.ID)
		if err != nil {
			return err
		}
		doc.ID = d.ID
		if d.Symbol != "" {
			doc.Symbol = d.Symbol
		}
		if d.Title != "" {
			doc.Title = d.Title
		}
		doc.Kinds = mergeSorted(doc.Kinds, slices.Sorted(slices.Values(d.Kinds)))
		doc.Languages = mergeSorted(doc.Languages, slices.Sorted(slices.Values(d.Languages)))
		doc.Updated = time.Now().UTC()
		if !d.Updated.IsZero() {
			doc.Updated = d.Updated.UTC()
		}
		return setDoc(txn, &doc)
	})
	if err != nil {
		return fmt.Errorf("cache: put document %s: %w", d.ID, err)
	}
	return nil
}
