package cache

import (
	"os"
	"strings"
)

// diskSize returns the bytes of the store's tables (LSM) and value log.
// Badger's own figures (DB.Size) are refreshed once a minute and are 0 in
// a store just opened, so the files are measured instead; the memtable's
// write-ahead logs (.mem) count with the tables, whose data they hold
// until the next flush.
func (s *Store) diskSize() (lsm, vlog int64) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return s.db.Size()
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		switch n := e.Name(); {
		case strings.HasSuffix(n, ".vlog"):
			vlog += info.Size()
		case strings.HasSuffix(n, ".sst"), strings.HasSuffix(n, ".mem"), n == "MANIFEST":
			lsm += info.Size()
		}
	}
	return lsm, vlog
}
