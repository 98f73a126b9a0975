// A device migration with a CPU access racing it: the driver's
// MIGRATE_TO_DEV / MIGRATE_TO_SYS ioctl on one CPU, a load or store to one of
// the pages (by the same process, or one sharing it after fork) on another.
// The access lands once its page's mappings are migration entries and
// before migrate_vma_check_page counts the page's references
// (migrate_device_unmap); it waits in migration_entry_wait and is retried
// after migrate_vma_finalize removed the entries, against whatever the page
// became. An access whose PTE is no migration entry then does not wait: the
// model runs it after the migration too.
import type { OpArgs, OpResult } from '../ops.ts';
import { dmirror_migrate_args, dmirror_migrate_to_device, dmirror_migrate_to_system } from './dmirror-ops.ts';
import { EINVAL, ESRCH, getProc } from './handles.ts';
import type { KernelState } from './kstate.ts';
import { movedCount } from './migrate-entry.ts';
import { migration_entry_wait } from './migration-entry-wait.ts';
import { cpu_read, cpu_write } from './user-access.ts';

type Result = OpResult<'migrate_racing_fault'>;

export function migrate_racing_fault(k: KernelState, a: OpArgs['migrate_racing_fault']): Result {
  const ok = dmirror_migrate_args(k, a, a.to === 'device');
  if ('errno' in ok) return ok;
  const q = getProc(k, a.faultProc);
  if (!q) return ESRCH;
  if (a.write !== (typeof a.value === 'number')) return EINVAL;
  const waiter = migration_entry_wait(k, q, a.faultVpn);
  const entries = a.to === 'device' ? dmirror_migrate_to_device(k, ok.p, ok.pg, a.vpn, a.npages, waiter.racer) : dmirror_migrate_to_system(k, ok.p, ok.pg, a.vpn, a.npages, waiter.racer);
  waiter.wake();
  const cpages = movedCount(entries);
  // The retried fault: handle_mm_fault against the new PTE, then the access.
  const access = a.write ? cpu_write(k, { proc: a.faultProc, vpn: a.faultVpn, value: a.value ?? 0 }) : cpu_read(k, { proc: a.faultProc, vpn: a.faultVpn });
  if ('signal' in access) return { cpages, fault: access.signal };
  if ('errno' in access) return { errno: access.errno };
  return 'value' in access ? { cpages, fault: 'ok', value: access.value } : { cpages, fault: 'ok' };
}
