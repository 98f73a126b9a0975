// A CPU access racing a device migration (docs §1 migrate_racing_fault):
// it lands on the first page being migrated whose migration entry its PTE
// is, and waits in migration_entry_wait — holding a page reference through
// the migration's checks only in the era that took one for the whole wait
// (v4.14 __migration_entry_wait: era.migrationEntryWaitRef 'held').
import { match } from 'ts-pattern';
import type { Pfn, ProcId, Vpn } from '../../vocabulary.ts';
import type { Ctx } from '../draft.ts';

export interface RacingAccess {
  readonly proc: ProcId;
  readonly vpn: Vpn;
  landed: boolean;
}

/** Called as `src` is about to be checked: does the racing access wait on it holding a reference? */
export function waiterHolds(ctx: Ctx, racing: RacingAccess | undefined, src: Pfn): boolean {
  if (!racing || racing.landed) return false;
  const pte = ctx.s.procs[racing.proc]?.ptes[racing.vpn];
  if (pte === undefined || pte.kind === 'hwpoison' || pte.pfn !== src) return false;
  racing.landed = true;
  return match(ctx.era.migrationEntryWaitRef)
    .with('held', () => true)
    .with('dropped-before-wait', 'none', () => false)
    .exhaustive();
}
