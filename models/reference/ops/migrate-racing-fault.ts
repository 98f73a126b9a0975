// A device migration racing a CPU access (docs §1 migrate_racing_fault): the
// migrate_to_device / migrate_to_ram ioctl's migration, during which an
// access to a page being migrated lands on its migration entry and waits
// (mm/migrate.c migration_entry_wait), then the access retried after
// migrate_vma_finalize against whatever the page became. Its result is the
// pages that moved and how the retried access ended.
import type { Outcome } from '../../model.ts';
import type { OpFailure, OpResult } from '../../ops.ts';
import { newCtx } from '../draft.ts';
import { EINVAL, ESRCH, pgmapOf, procOf, validRange } from '../handles.ts';
import { migrateVmaSetupCheck } from '../mm/migrate-vma-setup-check.ts';
import type { OpSpec } from '../op-spec.ts';
import { outcomeOf } from '../outcome.ts';
import { cpuRead } from './cpu-read.ts';
import { cpuWrite } from './cpu-write.ts';
import { migrateRangeToDevice } from './migrate-to-device.ts';
import { migrateRangeToRam } from './migrate-to-ram.ts';
import { MAP_BY } from '../../map-by.ts';

export const migrateRacingFault: OpSpec<'migrate_racing_fault'> = (era, state, args) => {
  const ctx = newCtx(era, state);
  const fail = (r: OpFailure): Outcome[] => [outcomeOf(newCtx(era, state), r)];
  // The ioctl's checks (migrate_to_device's or migrate_to_ram's), then the racing task's.
  const proc = procOf(ctx, args.proc);
  if (!proc) return fail(ESRCH);
  const pgmap = pgmapOf(ctx, args.pgmap);
  if (!validRange(args.npages) || !pgmap || (args.to === 'device' && pgmap.killed) || MAP_BY[pgmap.type] !== 'migrate') return fail(EINVAL);
  if (!migrateVmaSetupCheck(proc, args.vpn, args.npages)) return fail(EINVAL);
  if (!procOf(ctx, args.faultProc)) return fail(ESRCH);
  if (args.write !== (typeof args.value === 'number')) return fail(EINVAL);
  const racing = { proc: args.faultProc, vpn: args.faultVpn, landed: false };
  const cpages = args.to === 'device' ? migrateRangeToDevice(ctx, args.proc, args.vpn, args.npages, args.pgmap, racing) : migrateRangeToRam(ctx, args.proc, args.vpn, args.npages, pgmap, racing);
  // The retried fault: a CPU access on the state the migration left.
  const [access] = args.write ? cpuWrite(era, ctx.s, { proc: args.faultProc, vpn: args.faultVpn, value: args.value ?? 0 }) : cpuRead(era, ctx.s, { proc: args.faultProc, vpn: args.faultVpn });
  if (!access) throw new Error('reference: the retried access has no outcome');
  const r = access.result as OpResult<'cpu_read'>;
  const result: OpResult<'migrate_racing_fault'> =
    'signal' in r ? { cpages, fault: r.signal } : 'errno' in r ? { errno: r.errno } : 'value' in r ? { cpages, fault: 'ok', value: r.value } : { cpages, fault: 'ok' };
  return [{ result, state: access.state, events: [...ctx.events, ...access.events] }];
};
