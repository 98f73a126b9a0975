// Enabled file steps (src/check/commands/files.ts is their random
// counterpart): a hole punched at every index and size of every file,
// writeback of every file, dropping the page cache when it holds a page.
import type { Step } from '../../../models/ops.ts';
import type { FileId } from '../../../models/vocabulary.ts';
import { step } from '../../check/command-spec.ts';
import type { Domain } from '../domain.ts';

const files = (d: Domain): FileId[] => (Object.keys(d.s.files) as FileId[]).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

export function fallocate_punch_hole(d: Domain): Step[] {
  return files(d).flatMap((file) => {
    const size = d.s.files[file]?.npages ?? 0;
    return Array.from({ length: size }, (_, index) => d.sizes.filter((n) => index + n <= size).map((npages) => step('fallocate_punch_hole', { file, index, npages }))).flat();
  });
}

export const fsync = (d: Domain): Step[] => files(d).map((file) => step('fsync', { file }));

export const drop_caches = (d: Domain): Step[] => (Object.values(d.s.files).some((f) => Object.keys(f.pages).length > 0) ? [step('drop_caches', {})] : []);
