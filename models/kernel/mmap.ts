// Address-space operations (mm/mmap.c do_mmap, mm/vma.c do_vmi_munmap,
// mm/mprotect.c, kernel/exit.c → exit_mmap).
import type { OpArgs, OpResult } from '../ops.ts';
import { EINVAL, ESRCH, getFile, getPgmap, getProc, handleNum, npagesOk, vpnOk } from './handles.ts';
import type { KernelState, Proc, Vma } from './kstate.ts';
import { truncate_inode_pages_final } from './truncate.ts';
import { zap_pte_range } from './zap.ts';
import { MAP_BY } from '../map-by.ts';

/**
 * do_mmap (mm/mmap.c): a new VMA at the process's next free vpn. Anonymous
 * shared memory is shmem-backed (shmem_zero_setup); a file mapping gets a new
 * tmpfile or the given file; a DAX mapping maps its pgmap's file.
 */
export function mmap(k: KernelState, a: OpArgs['mmap']): OpResult<'mmap'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (!npagesOk(a.npages)) return EINVAL;
  if (a.pgmap !== undefined && a.kind !== 'dax') return EINVAL;
  if (a.file !== undefined && a.kind !== 'file') return EINVAL;
  let file: number | null = null;
  let pgmap: number | null = null;
  if (a.kind === 'dax') {
    const pg = getPgmap(k, a.pgmap);
    if (!pg || pg.killed || MAP_BY[pg.type] !== 'dax-mmap') return EINVAL;
    if (pg.type === 'PCI_P2PDMA' && !k.era.p2pdmaUserMap) return EINVAL;
    if (!a.shared || a.npages > pg.npages - pg.reserved || pg.file === null) return EINVAL;
    file = pg.file;
    pgmap = pg.num;
  } else if (a.kind === 'file' && a.file !== undefined) {
    const f = getFile(k, a.file);
    if (f?.kind !== 'file') return EINVAL;
    file = handleNum('f', a.file);
    f.npages = Math.max(f.npages, a.npages);
  } else if (a.kind !== 'anon' || a.shared) {
    file = k.next.file++;
    k.files.set(file, { kind: a.kind === 'file' ? 'file' : 'shmem', npages: a.npages, pages: new Map(), vmaCount: 0, stored: new Map() });
  }
  const f = file === null ? undefined : k.files.get(file);
  if (f) f.vmaCount++;
  const vpn = p.nextVpn;
  p.nextVpn += a.npages;
  const kind = a.kind === 'anon' && a.shared ? 'shmem' : a.kind;
  insert_vma(p, { start: vpn, npages: a.npages, kind, shared: a.shared, prot: a.prot, file, pgmap, pgoff: 0 });
  return { vpn };
}

function insert_vma(p: Proc, v: Vma): void {
  p.vmas.push(v);
  p.vmas.sort((x, y) => x.start - y.start);
}

/**
 * split_vma (mm/vma.c) around [start, end): the pieces outside keep their
 * settings; a file offset follows the piece's start (anonymous VMAs keep 0).
 * Returns the pieces, inside ones flagged.
 */
function split_vma(v: Vma, start: number, end: number): { v: Vma; inside: boolean }[] {
  const vEnd = v.start + v.npages;
  const lo = Math.max(v.start, start);
  const hi = Math.min(vEnd, end);
  if (lo >= hi) return [{ v, inside: false }];
  const piece = (s: number, e: number, inside: boolean) => ({
    v: { ...v, start: s, npages: e - s, pgoff: v.file === null ? 0 : v.pgoff + (s - v.start) },
    inside,
  });
  const out = [];
  if (v.start < lo) out.push(piece(v.start, lo, false));
  out.push(piece(lo, hi, true));
  if (hi < vEnd) out.push(piece(hi, vEnd, false));
  return out;
}

/** Re-split the VMA list around a range, keeping every file's VMA count right. */
function split_range(k: KernelState, p: Proc, start: number, end: number): { v: Vma; inside: boolean }[] {
  const out: { v: Vma; inside: boolean }[] = [];
  for (const v of p.vmas) {
    const pieces = split_vma(v, start, end);
    const f = v.file === null ? undefined : k.files.get(v.file);
    if (f) f.vmaCount += pieces.length - 1;
    out.push(...pieces);
  }
  return out;
}

/**
 * do_vmi_munmap (mm/vma.c): zap the PTEs (unmap_region → zap_pte_range),
 * remove the VMAs, forget the ghost values; a file no VMA maps any more drops
 * its page cache.
 */
export function munmap(k: KernelState, a: OpArgs['munmap']): OpResult<'munmap'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (!npagesOk(a.npages) || !vpnOk(a.vpn)) return EINVAL;
  do_munmap(k, p, a.vpn, a.npages);
  return {};
}

export function do_munmap(k: KernelState, p: Proc, start: number, npages: number): void {
  const end = start + npages;
  zap_pte_range(k, p, start, end);
  const kept: Vma[] = [];
  const orphaned: number[] = [];
  for (const { v, inside } of split_range(k, p, start, end)) {
    if (!inside) {
      kept.push(v);
      continue;
    }
    const f = v.file === null ? undefined : k.files.get(v.file);
    if (f && --f.vmaCount === 0 && v.file !== null) orphaned.push(v.file);
  }
  p.vmas = kept;
  k.ghost.unmap(p.num, start, npages);
  for (const file of orphaned) truncate_inode_pages_final(k, file);
}

/**
 * mprotect (mm/mprotect.c): the range must be mapped (ENOMEM); VMAs split and
 * take the new prot; dropping write access write-protects present and
 * devmap entries (change_pte_range → pte_modify). Writable device-private
 * and migration entries become readable whatever the new prot
 * (make_readable_device_private_entry, make_readable_migration_entry: "A
 * protection check is difficult so just be safe and disable write"; read in
 * source). Raising it makes no present PTE writable.
 */
export function mprotect(k: KernelState, a: OpArgs['mprotect']): OpResult<'mprotect'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  if (!npagesOk(a.npages) || !vpnOk(a.vpn)) return EINVAL;
  const end = a.vpn + a.npages;
  for (let vpn = a.vpn; vpn < end; vpn++) if (!p.vmas.some((v) => vpn >= v.start && vpn < v.start + v.npages)) return { errno: 'ENOMEM' };
  p.vmas = split_range(k, p, a.vpn, end).map(({ v, inside }) => (inside ? { ...v, prot: a.prot } : v));
  for (let vpn = a.vpn; vpn < end; vpn++) {
    const pte = p.ptes.get(vpn);
    if (!pte) continue;
    if (pte.kind === 'device-private' || pte.kind === 'migration' || (a.prot !== 'write' && (pte.kind === 'present' || pte.kind === 'present-devmap'))) pte.write = false;
  }
  return {};
}

/** exit_mmap (mm/mmap.c): unmap every VMA; the task goes. GUP references and pins stay with their holder. */
export function exit(k: KernelState, a: OpArgs['exit']): OpResult<'exit'> {
  const p = getProc(k, a.proc);
  if (!p) return ESRCH;
  for (const v of [...p.vmas]) do_munmap(k, p, v.start, v.npages);
  k.procs.delete(p.num);
  k.ghost.exit(p.num);
  return {};
}
