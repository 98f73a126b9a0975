// FOLL_LONGTERM (mm/gup.c __gup_longterm_locked): after pinning, a folio
// folio_is_longterm_pinnable refuses is kept, fails the call, or is migrated
// (migrate_longterm_unpinnable_folios → migrate_device_coherent_folio for
// coherent memory) before the range is pinned again.
import { match } from 'ts-pattern';
import type { Errno } from '../vocabulary.ts';
import { ZERO_PFN } from '../vocabulary.ts';
import { folioView } from './folio-view.ts';
import { folio_get_pin, gup_put_folio } from './gup-refs.ts';
import { NO_CTX } from './hook-views.ts';
import type { GupFlags } from './hooks.ts';
import type { KernelState } from './kstate.ts';
import { migrate_device_coherent_folio } from './migrate-device-range.ts';
import { folio_get } from './swap.ts';

/**
 * What check_and_migrate_movable_pages leaves __gup_longterm_locked: the pin
 * stands ('ok'), the folio moved and the range is to be pinned again
 * ('again', -EAGAIN), the folio moved and the proposal pins its destination
 * without walking the page tables again (`repin`: its slot), or an errno.
 */
export type LongtermCheck = 'ok' | 'again' | { readonly repin: number } | Errno;

/**
 * check_and_migrate_movable_pages (mm/gup.c) for the pinned folio:
 * folio_is_longterm_pinnable, and for an unpinnable folio what
 * __gup_longterm_locked does (the proposal's gup_longterm_unpinnable):
 * keep the pin, fail, or turn the pin into a reference and migrate the folio
 * (migrate_longterm_unpinnable_folios → migrate_device_coherent_folio), then
 * ask the caller to pin again (-EAGAIN).
 */
export function check_and_migrate_movable_pages(k: KernelState, slot: number, flags: GupFlags): LongtermCheck {
  if (k.hooks.folio_is_longterm_pinnable(folioView(k, slot), NO_CTX)) return 'ok';
  const d = k.hooks.gup_longterm_unpinnable(folioView(k, slot), NO_CTX);
  return match(d)
    .with({ action: 'pin' }, (): LongtermCheck => 'ok')
    .with({ action: 'fail' }, (f): LongtermCheck => {
      gup_put_folio(k, slot, flags.pin);
      return f.errno;
    })
    .with({ action: 'migrate' }, (): LongtermCheck => {
      if (slot === ZERO_PFN) return 'ok'; // the zero page is never pinned: nothing to move
      folio_get(k, slot);
      gup_put_folio(k, slot, flags.pin);
      const dst = migrate_device_coherent_folio(k, slot);
      if (dst < 0) return 'EBUSY';
      return migrate_longterm_unpinnable_folios(k, slot, dst, flags);
    })
    .exhaustive();
}

/**
 * What migrate_longterm_unpinnable_folios leaves pinned once the folio moved
 * (the proposal's hook): -EAGAIN, so the caller pins
 * the copy the PTE now maps; a caller that keeps its old pages[] — a pin on
 * the folio that was migrated away (and freed); or the destination folio
 * the migration made, to be pinned without the page-table walk.
 */
function migrate_longterm_unpinnable_folios(k: KernelState, slot: number, dst: number, flags: GupFlags): LongtermCheck {
  return match(k.hooks.migrate_longterm_unpinnable_folios(folioView(k, slot), NO_CTX))
    .with('copy', (): LongtermCheck => 'again')
    .with('destination', (): LongtermCheck => ({ repin: dst }))
    .with('original', (): LongtermCheck => {
      gup_grab_unwalked(k, slot, flags);
      return 'ok';
    })
    .exhaustive();
}

/**
 * The reference or pin a proposal takes on a folio it did not find through
 * the page tables (pages[] kept from before, or the migration's
 * destination): nothing checks that the address still maps it, or that it
 * still has a reference to take one from.
 */
export function gup_grab_unwalked(k: KernelState, slot: number, flags: GupFlags): void {
  if (flags.pin) folio_get_pin(k, slot);
  else folio_get(k, slot);
}
