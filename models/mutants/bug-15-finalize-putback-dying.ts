// BUG-15 (David Hildenbrand, "mm/migrate_device: don't add folio to be freed
// to LRU in migrate_device_finalize()", v6.14-rc, Cc stable): after a
// successful migration the source's memcg charge has moved to the
// destination, yet __migrate_device_finalize still folio_putback_lru'd a
// system source before the put that frees it — an uncharged folio on the
// LRU meanwhile (memcg's VM_WARN in the HMM selftests). Only a thread paused
// inside finalize sees it (`check --threads`): the atomic operation ends
// with the folio freed and off the LRU either way.
import { mutant } from './mutant.ts';

export default mutant({
  id: 'bug-15-finalize-putback-dying',
  kind: 'bug',
  bug: 'BUG-15',
  fault: '__migrate_device_finalize puts the system source it is about to free back on the LRU, uncharged',
  proposal: {
    extends: 'upstream',
    hooks: {
      migrate_device_finalize: () => true,
    },
  },
  budget: { runs: 400, maxCommands: 30 },
  focus: { ops: ['mmap', 'cpu_write', 'migrate_to_device'], types: ['PRIVATE', 'COHERENT'], threads: true },
});
