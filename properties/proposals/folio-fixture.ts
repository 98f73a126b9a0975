// A FolioView for calling hooks directly in tests: a mapped anon page of the
// given type with one mapping and no GUP references.
import type { FolioView } from '../../models/kernel/hooks.ts';
import type { FrameType } from '../../models/vocabulary.ts';

export function folioOf(memoryType: FrameType, overrides: Partial<FolioView> = {}): FolioView {
  const device = memoryType !== 'SYSTEM';
  return {
    pfn: device ? 1000 : 1,
    memoryType,
    refcount: 1,
    mapcount: 1,
    pincount: 0,
    anon: true,
    mapping: null,
    memcg: 'm0',
    owner: device ? 'dev0' : null,
    lru: !device,
    hwpoison: false,
    dirty: false,
    zone: device ? 'DEVICE' : 'NORMAL',
    ...overrides,
  };
}
