// mm/gup.c: try_grab_folio — may GUP take a reference on this frame
// (TYPE_RULES[type].gup). P2PDMA pages need FOLL_PCI_P2PDMA, which the model
// never passes: -EREMOTEIO. The fast path (try_grab_folio_fast) makes the
// same decision or falls back to the slow path, so the result is the same.
import { match } from 'ts-pattern';
import { typeRules } from '../../type-rules.ts';
import type { Errno, Pfn } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';
import { frameOf } from '../handles.ts';

export function tryGrabFolio(ctx: Ctx, pfn: Pfn): Errno | null {
  return match(typeRules(frameOf(ctx, pfn).type).gup)
    .with('grab', () => null)
    .with('EREMOTEIO', (): Errno => 'EREMOTEIO')
    .with('fault-to-ram', () => {
      // Device-private pages are never behind a present PTE: GUP faulted them back.
      throw new Error('reference: GUP reached a device-private page');
    })
    .exhaustive();
}
