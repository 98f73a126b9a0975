// Test helpers: a kernel model with the era's default hooks, and a typed
// step runner.
import type { EraName } from '../../models/eras/era.ts';
import { ERAS } from '../../models/eras/registry.ts';
import type { KernelInstance } from '../../models/model.ts';
import type { OpArgs, OpName, OpResult } from '../../models/ops.ts';
import { createKernel } from '../../models/kernel/create-kernel.ts';
import { defaultHooks } from '../../models/kernel/default-hooks.ts';
import type { Hooks } from '../../models/kernel/hooks.ts';

export function kernelFor(era: EraName, overrides: Partial<Hooks> = {}): KernelInstance {
  return createKernel(ERAS[era], { ...defaultHooks(ERAS[era]), ...overrides });
}

export function run<K extends OpName>(k: KernelInstance, op: K, args: OpArgs[K]): OpResult<K> {
  return k.apply({ op, args } as never).result as OpResult<K>;
}

/** Counters of one pfn, read from the kernel model's view. */
export function counters(k: KernelInstance, pfn: number) {
  const c = k.view().counters[pfn];
  if (!c) throw new Error(`no counters for pfn ${pfn}`);
  return c;
}

/**
 * The common setup: a one-page device pgmap of `type` (owner dev0, pgmap0),
 * p0's vpn 0 written with `value`, then migrated onto the device.
 */
export function migrateOnePage(k: KernelInstance, type: 'PRIVATE' | 'COHERENT' | 'PUBLIC', value: number): void {
  run(k, 'memremap_pages', { type, owner: 'dev0', npages: 1 });
  run(k, 'mmap', { proc: 'p0', npages: 1, kind: 'anon', shared: false, prot: 'write' });
  run(k, 'cpu_write', { proc: 'p0', vpn: 0, value });
  run(k, 'migrate_to_device', { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' });
}
