// The reference applies an operation to a draft of the input state and
// returns it: input states are never mutated. A draft is copy-on-write: it
// starts with the input's own tables (frames, procs, files, ...) and their
// entities — a frame, a process with its page table, a file, a pgmap.
// writableTable() copies a table (shallowly) the first time a step adds or
// deletes an entry; writable*() copies one entity the first time a step
// changes it. A step therefore costs what it touches, and what it leaves
// alone keeps its identity into the outcome, where the refinement check's
// deepEqual skips it (Object.is). The types enforce it: what is read from
// `ctx.s` is readonly; only writableTable() and writable*() return mutable
// objects.
import type { Era } from '../eras/era.ts';
import type { ZdEvent } from '../events.ts';
import type { AbsFile, AbsFrame, AbsGupRef, AbsPgmap, AbsPin, AbsProc, AbsState } from '../state.ts';
import type { FileId, MemcgId, PgmapId, Pfn, PinId, ProcId, RefId } from '../vocabulary.ts';

/** A deep-mutable version of a (readonly) abstract-state type. */
export type Draft<T> = T extends readonly (infer U)[] ? Draft<U>[] : T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T;

/** The tables of entities, keyed by handle, as a step that changes them sees them. */
export interface Tables {
  frames: Record<Pfn, AbsFrame>;
  pgmaps: Record<PgmapId, AbsPgmap>;
  procs: Record<ProcId, AbsProc>;
  files: Record<FileId, AbsFile>;
  refs: Record<RefId, AbsGupRef>;
  pins: Record<PinId, AbsPin>;
}

/**
 * A draft: each table is the input's own until a step changes it
 * (writableTable copies it, shallowly), its entities the input's own until
 * a step claims one (writable*()). The small rest is copied up front.
 */
export type DraftState = { [N in keyof Tables]: Readonly<Tables[N]> } & {
  memcgs: MemcgId[];
  failNextAlloc: Draft<AbsState['failNextAlloc']>;
  next: Draft<AbsState['next']>;
};

/** What every step of the reference works on: the era, the draft state and the events it reports. */
export interface Ctx {
  readonly era: Era;
  readonly s: DraftState;
  readonly events: ZdEvent[];
  /** The tables and entities this draft has copied (its own, safe to mutate). */
  readonly owned: Set<object>;
}

function draftOf(state: AbsState | DraftState): DraftState {
  const { frames, pgmaps, procs, files, refs, pins } = state;
  return { frames, pgmaps, procs, files, refs, pins, memcgs: [...state.memcgs], failNextAlloc: { ...state.failNextAlloc }, next: { ...state.next } };
}

/** The table `name`, mutable: copied (shallowly) the first time this draft changes it. */
export function writableTable<N extends keyof Tables>(ctx: Ctx, name: N): Tables[N] {
  const table = ctx.s[name];
  if (ctx.owned.has(table)) return table as Tables[N];
  const copy = { ...table } as Tables[N];
  ctx.owned.add(copy);
  (ctx.s as { [K in N]: Tables[N] })[name] = copy;
  return copy;
}

export function newCtx(era: Era, state: AbsState): Ctx {
  return { era, s: draftOf(state), events: [], owned: new Set() };
}

/**
 * An independent copy of a context: used where the specification allows
 * several outcomes. The two now share every entity, so neither owns any: each
 * copies again what it goes on to change.
 */
export function forkCtx(ctx: Ctx): Ctx {
  ctx.owned.clear();
  return { era: ctx.era, s: draftOf(ctx.s), events: [...ctx.events], owned: new Set() };
}

/** A new entity made by this draft (mmap's file): it owns it, so a later claim need not copy it. */
export function adopt<T extends object>(ctx: Ctx, entity: T): T {
  ctx.owned.add(entity);
  return entity;
}

/** The entity `table[id]`, mutable: copied (and put back into the table) the first time this draft claims it. */
function writableIn<N extends 'frames' | 'procs' | 'files' | 'pgmaps', T extends Tables[N][keyof Tables[N]] & object>(
  ctx: Ctx,
  name: N,
  id: keyof Tables[N],
  copy: (e: T) => T,
  what: string,
): Draft<T> {
  const entity = ctx.s[name][id] as T | undefined;
  if (!entity) throw new Error(`reference: no ${what} ${String(id)}`);
  if (ctx.owned.has(entity)) return entity as Draft<T>;
  const w = adopt(ctx, copy(entity));
  (writableTable(ctx, name) as Record<keyof Tables[N], T>)[id] = w;
  return w as Draft<T>;
}

const copyFlat = <T extends object>(e: T): T => ({ ...e });

const copyProc = (p: AbsProc): AbsProc => {
  const ptes: Draft<AbsProc['ptes']> = {};
  for (const vpn in p.ptes) ptes[vpn as unknown as number] = { ...p.ptes[vpn as unknown as number]! };
  return { ...p, vmas: p.vmas.map((v) => ({ ...v })), ptes, written: { ...p.written } };
};

const copyFile = (f: AbsFile): AbsFile => ({
  ...f,
  pages: { ...f.pages },
  written: { ...f.written },
  stored: { ...f.stored },
  ...(f.punchHole ? { punchHole: { ...f.punchHole } } : {}),
});

/** The frame at pfn, mutable; a missing one is a specification bug. */
export const writableFrame = (ctx: Ctx, pfn: Pfn): Draft<AbsFrame> => writableIn(ctx, 'frames', pfn, copyFlat<AbsFrame>, 'frame');

/** The process, mutable with its VMAs and page table. */
export const writableProc = (ctx: Ctx, id: ProcId): Draft<AbsProc> => writableIn(ctx, 'procs', id, copyProc, 'process');

/** The file, mutable with its page cache and storage. */
export const writableFile = (ctx: Ctx, id: FileId): Draft<AbsFile> => writableIn(ctx, 'files', id, copyFile, 'file');

/** The pgmap, mutable. */
export const writablePgmap = (ctx: Ctx, id: PgmapId): Draft<AbsPgmap> => writableIn(ctx, 'pgmaps', id, copyFlat<AbsPgmap>, 'pgmap');
