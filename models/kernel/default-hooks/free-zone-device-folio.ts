// free_zone_device_folio (mm/memremap.c): the type's free path, run at the
// era's in-use base count — 1 in the "1-based" eras
// (__put_devmap_managed_page), else 0. Only the kernel model decides this:
// the reference's abstract free is the same for every type (the frame goes
// idle), so the action lives here and not in the per-type table, where a
// wrong 'driver-free' or 'buddy' would be indistinguishable.
import { match } from 'ts-pattern';
import type { Era } from '../../eras/era.ts';
import { TYPE_RULES } from '../../type-rules.ts';
import type { FreeDecision } from '../hook-decision-types.ts';
import type { Hooks } from '../hooks.ts';

export const free_zone_device_folio =
  (era: Era): Hooks['free_zone_device_folio'] =>
  (folio) => ({
    action: match(folio.memoryType)
      // page_free / folio_free: the page returns to the driver (or the p2pdma genpool)
      .with('PRIVATE', 'COHERENT', 'PUBLIC', 'PCI_P2PDMA', (): FreeDecision['action'] => 'driver-free')
      // fsdax_pagefree / __put_devmap_managed_page: wake_up_var for the break-layouts waiters
      .with('FS_DAX', 'HOST', (): FreeDecision['action'] => 'wake-idle')
      // MEMORY_DEVICE_GENERIC: folio_set_count(folio, 1), nothing else
      .with('GENERIC', (): FreeDecision['action'] => 'reset-to-one')
      // not a ZONE_DEVICE folio: never reached (__folio_put frees it to the buddy allocator)
      .with('SYSTEM', (): FreeDecision['action'] => 'buddy')
      .exhaustive(),
    at: TYPE_RULES[folio.memoryType].refcount(era).base,
  });
