// Ghost data (a TLA+ history variable, not kernel state): the last value the
// CPU or a device wrote through each private vpn, and through each shared
// file index. The kernel keeps no such record; AbsState needs it so that
// data-preserved can say what a read must return.
import type { Vpn } from '../vocabulary.ts';

export class Ghost {
  /** proc number → vpn → value. */
  readonly procs = new Map<number, Map<Vpn, number>>();
  /** file number → index → value. */
  readonly files = new Map<number, Map<number, number>>();

  /** A copy sharing nothing with `g`, which may have crossed to another thread (its fields without its class). */
  static copyOf(g: Pick<Ghost, 'procs' | 'files'>): Ghost {
    const c = new Ghost();
    for (const [proc, m] of g.procs) c.procs.set(proc, new Map(m));
    for (const [file, m] of g.files) c.files.set(file, new Map(m));
    return c;
  }

  /** A write through a private vpn or a shared file index. */
  write(proc: number, vpn: Vpn, file: number | null, shared: boolean, index: number, value: number): void {
    if (shared && file !== null) this.fileMap(file).set(index, value);
    else this.procMap(proc).set(vpn, value);
  }

  /**
   * Copy-on-write of a page-cache page into a private mapping (do_cow_fault,
   * wp_page_copy), whatever write fault caused it: the vpn now holds what the
   * file held at that index and stops seeing later writes to the file. Taken
   * from the ghost's file record, not from the copied frame.
   */
  cow(proc: number, vpn: Vpn, file: number | null, shared: boolean, index: number): void {
    if (shared || file === null) return;
    const m = this.procMap(proc);
    if (!m.has(vpn)) m.set(vpn, this.fileValue(file, index));
  }

  /** fork: the child starts with the parent's record. */
  fork(parent: number, child: number): void {
    this.procs.set(child, new Map(this.procMap(parent)));
  }

  /** munmap: the unmapped vpns forget their values. */
  unmap(proc: number, start: Vpn, npages: number): void {
    const m = this.procMap(proc);
    if (m.size === 0) return;
    for (const vpn of [...m.keys()]) if (vpn >= start && vpn < start + npages) m.delete(vpn);
  }

  /**
   * A write that is gone for good: memory_failure threw a page-cache page
   * away (me_pagecache_dirty) or a hole was punched. From now on the index
   * reads `now` (what storage holds, 0 for a hole), not the lost value.
   */
  forget(file: number, index: number, now: number | undefined): void {
    // The record becomes what storage holds even for an index nothing was
    // written through (the reference's forgetWrite does the same: a file
    // written back and then poisoned records its stored value).
    if (now === undefined) this.files.get(file)?.delete(index);
    else this.fileMap(file).set(index, now);
  }

  /** The last value written at a file index through any shared mapping, 0 if none. */
  fileValue(file: number, index: number): number {
    return this.files.get(file)?.get(index) ?? 0;
  }

  exit(proc: number): void {
    this.procs.delete(proc);
  }

  procMap(proc: number): Map<Vpn, number> {
    let m = this.procs.get(proc);
    if (!m) this.procs.set(proc, (m = new Map()));
    return m;
  }

  fileMap(file: number): Map<number, number> {
    let m = this.files.get(file);
    if (!m) this.files.set(file, (m = new Map()));
    return m;
  }
}
