// The put path: when a frame has no users left its type's free path runs
// (mm/swap.c: __folio_put → free_zone_device_folio for ZONE_DEVICE,
// free_unref_folios for system RAM; older eras put_zone_device_private_or_
// public_page / __put_devmap_managed_page at count 1).
//
// In the abstract state every free path (the kernel model's free_zone_device_folio hook: buddy,
// driver page_free/folio_free, the FS_DAX wake-up, GENERIC's reset to one)
// does the same thing: the frame becomes idle, is uncharged
// (mem_cgroup_uncharge), loses its anon/page-cache mapping (folio->mapping =
// NULL) and its page flags (PG_dirty) and counts one more free. The refcount the idle frame sits at is the
// era's (derived, models/derive/expected-counters.ts). Data stays.
import type { Pfn } from '../../vocabulary.ts';
import { ZERO_PFN } from '../../vocabulary.ts';
import { type Ctx, writableFrame } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { hasCountedUsers, usersOf } from './folio-users.ts';

export function folioPut(ctx: Ctx, pfn: Pfn): void {
  // The zero page is never freed (docs §0).
  if (pfn === ZERO_PFN) return;
  const current = frameOf(ctx, pfn);
  if (!current.inUse || hasCountedUsers(ctx.era, current, usersOf(ctx.s, pfn))) return;
  const frame = writableFrame(ctx, pfn);
  frame.inUse = false;
  frame.frees += 1;
  frame.memcg = null;
  frame.anon = false;
  frame.file = null;
  frame.fileIndex = null;
  delete frame.dirty;
}
