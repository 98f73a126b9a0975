// How the kernel counts a folio's references, by memory type and the era's
// declared counting model — the judges' own statement of KERNEL-SEMANTICS
// §2.1/§2.2 and §7, written apart from the models' per-type table so a wrong
// row there shows:
// - system RAM: free at 0; in use, one per user (mm/swap.c __folio_put).
// - PRIVATE, COHERENT, PUBLIC (era.deviceRefcount): 'extra-ref' (before
//   v5.18) free at 1 with a base reference while in use
//   (put_zone_device_private_or_public_page); 'reset-to-one' (v5.18–v6.0)
//   free at 1, no base (free_zone_device_page sets the count back to 1);
//   'zero-idle' (since ef233450898f) free at 0 (zone_device_page_init).
// - FS_DAX, HOST (era.daxRefcount): 'devmap' — pte_devmap mappings take no
//   reference, free at 1 with a base (__put_devmap_managed_page);
//   'refcounted' (fs/dax series, ~v6.15) like RAM.
// - GENERIC: devmap like FS_DAX; refcounted, its mappings count but it is
//   reset to one when freed (free_zone_device_folio: folio_set_count(1)).
// - PCI_P2PDMA: free at 0, one per user (p2pdma_folio_free).
import { match } from 'ts-pattern';
import type { Era } from '../eras/era.ts';
import { FRAME_TYPES, type FrameType } from '../vocabulary.ts';

export interface Counting {
  /** The count of a free frame. */
  readonly idle: 0 | 1;
  /** What an in-use frame carries besides its users. */
  readonly base: 0 | 1;
  /** Each mapping holds a reference. */
  readonly mapsCount: boolean;
}

const RAM: Counting = { idle: 0, base: 0, mapsCount: true };
const DEVMAP: Counting = { idle: 1, base: 1, mapsCount: false };

const device = (era: Era): Counting =>
  match(era.deviceRefcount)
    .with('extra-ref', (): Counting => ({ idle: 1, base: 1, mapsCount: true }))
    .with('reset-to-one', (): Counting => ({ idle: 1, base: 0, mapsCount: true }))
    .with('zero-idle', (): Counting => RAM)
    .exhaustive();

const countingOf = (era: Era, type: FrameType): Counting =>
  match(type)
    .with('SYSTEM', 'PCI_P2PDMA', (): Counting => RAM)
    .with('PRIVATE', 'COHERENT', 'PUBLIC', () => device(era))
    .with('FS_DAX', 'HOST', (): Counting => (era.daxRefcount === 'devmap' ? DEVMAP : RAM))
    .with('GENERIC', (): Counting => (era.daxRefcount === 'devmap' ? DEVMAP : { idle: 1, base: 0, mapsCount: true }))
    .exhaustive();

// Asked for every frame after every step: one table per era object.
const tables = new WeakMap<Era, Readonly<Record<FrameType, Counting>>>();

export function counting(era: Era, type: FrameType): Counting {
  let table = tables.get(era);
  if (!table) tables.set(era, (table = Object.fromEntries(FRAME_TYPES.map((t) => [t, countingOf(era, t)])) as Record<FrameType, Counting>));
  return table[type];
}
