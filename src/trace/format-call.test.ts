import { describe, expect, it } from 'vitest';
import type { OpResult, Step } from '../../models/ops.ts';
import { formatCall } from './format-call.ts';

const call = (step: Step, result?: OpResult) => formatCall(step, result);

describe('formatCall', () => {
  it('prints steps as kernel calls with their results', () => {
    expect(call({ op: 'memremap_pages', args: { type: 'COHERENT', owner: 'dev0', npages: 4 } }, { pgmap: 'pgmap0' })).toBe('memremap_pages(MEMORY_DEVICE_COHERENT, owner "dev0", 4) = pgmap0');
    expect(call({ op: 'pin_user_pages', args: { proc: 'p0', vpn: 2, write: true, longterm: true, fast: false } }, { pin: 'pin0' })).toBe('pin_user_pages(p0, vpn 2, FOLL_LONGTERM|FOLL_WRITE) = pin0');
    expect(call({ op: 'get_user_pages', args: { proc: 'p0', vpn: 1, write: true, fast: true } }, { ref: 'ref0' })).toBe('get_user_pages_fast(p0, vpn 1, FOLL_WRITE) = ref0');
    expect(call({ op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 4, pgmap: 'pgmap0' } }, { cpages: 4, data: [0, 0, 0, 0] })).toBe('migrate_to_device(p0, vpn 0, 4, pgmap0) = cpages 4');
    expect(call({ op: 'cpu_read', args: { proc: 'p0', vpn: 3 } }, { value: 7 })).toBe('cpu_read(p0, vpn 3) = 7');
    expect(call({ op: 'mmap', args: { proc: 'p0', npages: 4, kind: 'anon', shared: false, prot: 'write' } }, { vpn: 0 })).toBe('mmap(p0, 4, anon, MAP_PRIVATE, PROT_READ|PROT_WRITE) = vpn 0');
  });

  it('prints errors as -ERRNO, signals by name, empty successes as 0', () => {
    expect(call({ op: 'memunmap_pages', args: { pgmap: 'pgmap0' } }, { errno: 'EBUSY' })).toBe('memunmap_pages(pgmap0) = -EBUSY');
    expect(call({ op: 'cpu_read', args: { proc: 'p0', vpn: 3 } }, { signal: 'SIGBUS' })).toBe('cpu_read(p0, vpn 3) = SIGBUS');
    expect(call({ op: 'put_page', args: { ref: 'ref0' } }, {})).toBe('put_page(ref0) = 0');
    expect(call({ op: 'mem_cgroup_create', args: {} })).toBe('mem_cgroup_create()');
  });

  it('decodes snapshot bytes and memory_failure targets', () => {
    expect(call({ op: 'snapshot', args: { proc: 'p0', vpn: 0, npages: 3, owner: 'd' } }, { cpages: 3, prot: [0x11, 0x23, 0xff] })).toBe(
      'snapshot(p0, vpn 0, 3, owner "d") = cpages 3, prot [ZERO|READ, DEV_PRIVATE_LOCAL|READ|WRITE, ERROR]',
    );
    expect(call({ op: 'memory_failure', args: { pgmap: 'pgmap0', index: 2, countIncreased: true } })).toBe('memory_failure(pgmap0, index 2, MF_COUNT_INCREASED)');
  });

  it('prints the file operations, move_pages and a racing access', () => {
    expect(call({ op: 'fallocate_punch_hole', args: { file: 'f0', index: 1, npages: 2 } }, { waiting: 256 })).toBe(
      'fallocate(f0, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, index 1, 2) = waiting on pfn 256',
    );
    expect(call({ op: 'fallocate_punch_hole', args: { file: 'f0', index: 1, npages: 2 } }, { waiting: null })).toMatch(/ = 0$/);
    expect(call({ op: 'drop_caches', args: {} }, { dropped: 2 })).toBe('drop_caches() = dropped 2');
    expect(call({ op: 'move_pages', args: { proc: 'p1', vpn: 0, moveAll: true } }, { status: 'EACCES' })).toBe('move_pages(p1, vpn 0, MPOL_MF_MOVE_ALL) = status EACCES');
    const racing: Step = { op: 'migrate_racing_fault', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0', to: 'ram', faultProc: 'p1', faultVpn: 0, write: true, value: 5 } };
    expect(call(racing, { cpages: 1, fault: 'ok' })).toBe('migrate_to_ram(p0, vpn 0, 1, pgmap0, racing cpu_write(p1, vpn 0, 5)) = cpages 1, access ok');
  });
});
