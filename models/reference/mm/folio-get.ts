// The idle → busy transition of a frame nobody allocates explicitly: a DAX,
// GENERIC, HOST or P2PDMA frame is "in use" while it has counted users
// (docs §0 "Freeing"; mm/gup.c try_grab_folio lifting a devmap page off its
// idle count, or a refcounted dax mapping since the fs/dax series). Call it
// after adding a user to a frame.
import type { Pfn } from '../../vocabulary.ts';
import { ZERO_PFN } from '../../vocabulary.ts';
import { type Ctx, writableFrame } from '../draft.ts';
import { frameOf } from '../handles.ts';
import { hasCountedUsers, usersOf } from './folio-users.ts';

export function folioGet(ctx: Ctx, pfn: Pfn): void {
  if (pfn === ZERO_PFN) return;
  const current = frameOf(ctx, pfn);
  if (current.inUse || !hasCountedUsers(ctx.era, current, usersOf(ctx.s, pfn))) return;
  const frame = writableFrame(ctx, pfn);
  frame.inUse = true;
  frame.allocs += 1;
}
