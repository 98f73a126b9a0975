// The facts `expect.pages` can state about one virtual page ("p0:3"): its PTE
// and the frame behind it, read from a view (the kernel model's, in runs).
import type { View } from '../../models/view.ts';
import type { ProcId } from '../../models/vocabulary.ts';
import type { PageExpect } from '../trace/trace.ts';
import { PAGE_KEY } from '../trace/check-expect.ts';

/** Every PageExpect fact; frame facts are undefined when the PTE is none. */
export type PageFacts = { [K in keyof PageExpect as K]: Exclude<PageExpect[K], undefined> | undefined };

/** The facts at "p<N>:<vpn>", or a sentence saying why there are none. */
export function pageFacts(view: View, key: string): PageFacts | string {
  const match = PAGE_KEY.exec(key);
  if (!match) return `${key}: not a page key like "p0:3"`;
  const proc = view.state.procs[match[1] as ProcId];
  if (proc === undefined) return `${key}: there is no process ${match[1]}`;
  const pte = proc.ptes[Number(match[2])];
  if (pte === undefined) {
    // pte_none: no frame, so only the PTE facts have values.
    return {
      pte: 'none',
      write: false,
      dirty: false,
      type: undefined,
      refcount: undefined,
      mapcount: undefined,
      pincount: undefined,
      memcg: undefined,
      data: undefined,
      pageDirty: undefined,
    };
  }
  const frame = view.state.frames[pte.pfn];
  const counters = view.counters[pte.pfn];
  return {
    pte: pte.kind,
    write: pte.write,
    type: frame?.type,
    refcount: counters?.refcount,
    mapcount: counters?.mapcount,
    pincount: counters?.pincount,
    memcg: frame?.memcg,
    data: frame?.data,
    dirty: pte.dirty === true,
    pageDirty: frame === undefined ? undefined : frame.dirty === true,
  };
}
