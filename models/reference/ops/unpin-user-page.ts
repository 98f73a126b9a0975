// mm/gup.c: unpin_user_page → gup_put_folio(FOLL_PIN) — the pin goes; the
// frame is freed when it was the last user (docs §3).
import { EINVAL } from '../handles.ts';
import { writableTable } from '../draft.ts';
import { folioPut } from '../mm/folio-put.ts';
import type { OpSpec } from '../op-spec.ts';
import { deterministic } from '../outcome.ts';

export const unpinUserPage: OpSpec<'unpin_user_page'> = (era, state, args) =>
  deterministic<'unpin_user_page'>(era, state, (ctx) => {
    const pin = Object.hasOwn(ctx.s.pins, args.pin) ? ctx.s.pins[args.pin] : undefined;
    if (!pin) return EINVAL;
    delete writableTable(ctx, 'pins')[args.pin];
    folioPut(ctx, pin.pfn);
    return {};
  });
