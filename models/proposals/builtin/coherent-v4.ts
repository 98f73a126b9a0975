// coherent-v4
//
// Title:  mm/gup: fail get_user_pages for LONGTERM dev coherent type (series v3/v4)
// Source: seed 001_aa230f7214c20f9b.txt (cover letter, v2–v4: "For now, we
//         fail on get_user_pages call with FOLL_LONGTERM for DEVICE_COHERENT
//         pages"); [PATCH v4 03/10] 20220127030949.19396-4-alex.sierra@amd.com
//         and [PATCH v4 01/10] 20220127030949.19396-2-alex.sierra@amd.com.
//
// coherent-v1 plus the FOLL_LONGTERM check that v3 added after Alistair's
// review of v2: check_and_migrate_movable_pages, before it asks
// is_pinnable_page, unpins and fails the whole call with -EFAULT for a
// device page (`if (is_dev_private_or_coherent_page(head)) {
// WARN_ON_ONCE(is_device_private_page(head)); ret = -EFAULT; goto
// unpin_pages; }`). Short-term get_user_pages and pins still succeed
// ("nothing fundamentally wrong with pinning device pages for a short
// time", Felix, seed 000). v4 01/10 still has migrate_vma_check_page
// `return is_dev_private_or_coherent_page(page);`, so the inherited
// pre-check lets a coherent page with a short-term reference or pin through,
// but folio_migrate_mapping's exact expected count refuses it: such a page
// is not migrated (pinned-not-migrated holds).
//
// Result:
//   refcount-expected          holds
//   free-once                  holds
//   no-use-after-free          holds
//   no-longterm-pin-coherent   holds
//   gup-contract               holds
//   coherent-evictable         holds
//   private-not-cpu-mapped     holds
//   pinned-not-migrated        holds
//   memcg-charge-conserved     holds
//   memcg-target               holds
//   memory-failure-contract    holds
//   data-preserved             holds
//   dax-layout-idle            holds
//   device-not-on-lru          holds
//   pgmap-ref-balanced         holds
//   owner-isolation            holds
import { match } from 'ts-pattern';
import type { LongtermUnpinnableDecision } from '../../kernel/hooks.ts';
import type { BuiltinProposal, EraOverrides } from '../proposal.ts';
import { ALL_HOLD } from './all-hold.ts';

const ERA_OVERRIDES: EraOverrides = {
  title: 'v5.x + MEMORY_DEVICE_COHERENT (series v4): FOLL_LONGTERM fails',
  longtermCoherent: 'fail',
  // The patch's `ret = -EFAULT` in check_and_migrate_movable_pages.
  longtermCoherentErrno: 'EFAULT',
};

export const coherentV4: BuiltinProposal = {
  name: 'coherent-v4',
  title: 'DEVICE_COHERENT v3/v4: FOLL_LONGTERM on a coherent page fails with -EFAULT',
  source: 'seed 001_aa230f7214c20f9b.txt (cover letter v2–v4); [PATCH v4 03/10] mm/gup: fail get_user_pages for ' + 'LONGTERM dev coherent type (20220127030949.19396-4-alex.sierra@amd.com)',
  extends: 'coherent-v1',
  baseEra: 'v5.x',
  era: ERA_OVERRIDES,
  hooks: {
    // The patch tests is_dev_private_or_coherent_page before is_pinnable_page:
    // both device types are unpinnable (a private page is never reached: GUP
    // faults it back to RAM, hence the WARN_ON_ONCE). For the rest the
    // decision is coherent-v1's (is_pinnable_page with no coherent check).
    folio_is_longterm_pinnable: (folio, _ctx, dflt) =>
      match(folio.memoryType)
        .with('PRIVATE', 'COHERENT', () => false)
        .with('SYSTEM', 'FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', 'PUBLIC', () => dflt)
        .exhaustive(),
    // ... and unpins and fails the whole call with -EFAULT for them; any
    // other unpinnable folio is handled as before.
    gup_longterm_unpinnable: (folio, _ctx, dflt) =>
      match(folio.memoryType)
        .with('PRIVATE', 'COHERENT', (): LongtermUnpinnableDecision => ({ action: 'fail', errno: 'EFAULT' }))
        .with('SYSTEM', 'FS_DAX', 'GENERIC', 'PCI_P2PDMA', 'HOST', 'PUBLIC', () => dflt)
        .exhaustive(),
  },
  summary:
    'coherent-v1 plus v3/v4\'s "mm/gup: fail get_user_pages for LONGTERM dev coherent type": ' +
    'check_and_migrate_movable_pages unpins and fails FOLL_LONGTERM with -EFAULT for a coherent page. ' +
    'Short-term references and pins still succeed, and migrate_vma_check_page still returns ' +
    'is_dev_private_or_coherent_page (folio_migrate_mapping still refuses a page with unexpected references).',
  expected: ALL_HOLD,
};
