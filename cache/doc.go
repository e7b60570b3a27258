/*
Package cache is xref's persistent store: the citation graph of the checked
transcripts, what each link resolved to over time, per-host scheduling state and
a record of runs. It is an embedded github.com/dgraph-io/badger/v4 database in
one directory, by default DefaultDir() (os.UserCacheDir()/xref/graph).

The package knows nothing of the linker or the fetcher: it has its own plain
types, and the caller converts.

# Data model

  - A Document is identified by an id: the canonical symbol of a UN document
    (CD/PV.1505, A/RES/73/266), or for a transcript without a symbol
    TranscriptID(path, content). Ids and symbols are compared byte for byte;
    the caller canonicalises them.
  - A transcript is stored per language version: Ingest(Transcript) replaces,
    atomically, everything stored for the pair (id, language) and leaves the
    other languages alone. The Document lists its Versions, kinds, languages
    and title. PutDocument records metadata of cited documents.
  - An edge goes from a citing document to a cited symbol and holds every
    Occurrence of the citation: language, kind, byte offsets, line, column,
    snippet and the link URL used. Cites(id) merges the versions of a
    document; CitedBy(symbol) reads the reverse index.
  - A Link is a URL with its latest Observation, a bounded history of
    observations (History), the caller's scheduling state (SetLinkState) and
    its Uses: every transcript, language, line and citation symbol that
    carries it. Links(fn) walks them all for the nightly link-rot report.
  - HostState keeps a host's not-before time, adaptive interval and counters
    across runs (UpdateHost). Run records a run's times and counters (PutRun,
    Runs newest first).

The key schema is documented in keys.go (x1/ prefix, one letter per kind) and
every key kind has a builder type with Bytes and a Parse function.

# Filling the store from a check

For each checked file: build a Transcript (ID = the transcript's own symbol,
else TranscriptID(path, content); Language; Path), add one Citation per
citation found (Symbol = canonical key, Kind, byte offsets, Line, Column,
Snippet(text, start, end), URL = the link found with it, if any) and one
LinkRef per link that belongs to no citation, then call Ingest. After
resolving links, call Observe(url, Observation) per result (keep the
fetcher's JSON in Observation.Raw, and in Observation.Replacement the
address found to serve a dead link's document: the link keeps it as
Link.Replacement while it fails) and UpdateHost for Retry-After; wrap a run
in PutRun.

# Consistency

Every write is a badger transaction. A transcript too large for one
transaction is written under a new generation number that becomes visible only
when its Document record switches to it; see the comment at the top of
ingest.go. A process killed at any point leaves a store that opens and shows,
for each version, either the complete old edge set or the complete new one.
Open (read-write) finishes an interrupted replacement before it returns.

Writes are not fsynced one by one unless Options.SyncWrites is set: the
write-ahead log survives the death of the process, not necessarily of the
machine (badger then loses the last writes, never consistency).

# Processes

Badger locks the directory: one read-write Store, or any number of read-only
ones (Options.ReadOnly), never both. A second Open while a writer holds the
store fails at once with an error wrapping ErrInUse that names the directory
and the writer's pid; this is also what a read-only Open gets while a writer is
running, since badger's read-only mode takes a shared lock. A read-only Open of
a store that a killed writer left behind fails with ErrNeedsRecovery until a
read-write Open has replayed its log.

Open of a missing directory with ReadOnly fails with an error wrapping
fs.ErrNotExist: there is no store yet.

# Backup and export

While the store is open, Store.Backup(ctx, w) writes a consistent backup in
badger's backup format (the `badger backup` tool reads and writes the same), and
Store.Restore(ctx, r) loads one into an empty store. When no process has the
store open, copying the directory (cp -a, tar) is a backup too; copy all of
it, never single files, and never while a process has it open.

Store.Export(ctx, w, format) writes the citation graph as JSON (FormatJSON,
stable for diffs), Graphviz DOT (FormatDOT: dot -Tsvg graph.dot > graph.svg) or
GraphML (FormatGraphML, for Gephi).

# Performance

Measured on the 2-core development machine (go test -bench . ./cache/):
ingesting 1,000,000 synthetic edges in about 10,000 transcripts runs at
107,000–121,000 edges/s from one goroutine, 115,000–127,000 from two and
about 137,000 from four (badger's single memtable writer is the limit);
CitedBy of a symbol with 10,000 citers takes 5–8 ms; Stats of that store
0.4–1 s; the store takes about 140 bytes per edge after Flatten
(Snappy-compressed blocks).

# Maintenance

Values never outlive their transaction: they are decoded inside badger's
Item.Value callback (which copies them) or copied with KeyCopy/ValueCopy. A read-write
Store runs badger's value-log GC on a ticker (Options.GCInterval) and after
large deletions, and stops it on Close. Badger's own log goes to
Options.Logger at debug level (its errors at error level); the default logger
discards.
*/
package cache
