// Taking a poisoned frame away from its users (mm/memory-failure.c
// hwpoison_user_mappings / collect_procs + unmap_and_kill): SetPageHWPoison,
// every mapping becomes a hwpoison entry (its map count and reference go),
// each mapping process gets one SIGBUS (kill_procs), a page-cache page leaves
// its file (me_pagecache_clean). mf_generic_kill_procs asks the proposal
// what to unmap and whom to kill; system RAM always does both.
import type { UnmapAndKillDecision } from './hooks.ts';
import { type KernelState, rmapProc, rmapVpn } from './kstate.ts';
import { PG_hwpoison } from './memmap.ts';
import { ptep_clear_mapped } from './pgtable.ts';
import { rmap_walk } from './rmap.ts';
import { release_pages } from './swap.ts';

export const UNMAP_PAGE_KILL_MAPPERS: UnmapAndKillDecision = Object.freeze({ unmap: 'page', kill: 'mappers' });

export function unmap_and_kill(k: KernelState, slot: number, d: UnmapAndKillDecision): void {
  const m = k.mem;
  const pfn = m.pfn[slot] ?? -1;
  m.set(slot, PG_hwpoison, true);
  const batch: number[] = [];
  const mappers = new Set<number>();
  for (const key of rmap_walk(k, slot)) {
    const p = k.procs.get(rmapProc(key));
    if (!p) continue;
    mappers.add(p.num);
    if (d.unmap === 'none') continue;
    const vpn = rmapVpn(key);
    const put = ptep_clear_mapped(k, p, vpn);
    if (put >= 0) batch.push(put);
    p.ptes.set(vpn, { kind: 'hwpoison', pfn, write: false });
  }
  if (d.kill === 'mappers') {
    for (const num of [...mappers].sort((x, y) => x - y)) {
      const p = k.procs.get(num);
      if (!p) continue;
      p.sigbus++;
      k.events.push({ ev: 'sigbus', proc: `p${num}`, pfn });
    }
  }
  const file = m.file[slot] ?? -1;
  if (file >= 0) {
    k.files.get(file)?.pages.delete(m.fileIndex[slot] ?? -1);
    m.file[slot] = -1;
    m.fileIndex[slot] = -1;
    batch.push(slot);
  }
  release_pages(k, batch);
}
