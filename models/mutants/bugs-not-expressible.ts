// The BUGS.md entries the catalogue does not restate, and why the model
// cannot express them. Every other entry has a mutant (models/mutants/bug-*).
export const BUGS_NOT_EXPRESSIBLE: Readonly<Record<string, string>> = {
  'BUG-04':
    "the stale anon mapping of a freed device-private page made folio_add_new_anon_rmap skip the new mapping; the model's rmap does not depend on folio->mapping (the anon tag), so a stale tag cannot hide a mapping, and the free path's reset of the tag is not a decision",
  'BUG-23':
    "the generic free path uncharging every type is harmless in the model as in today's kernels (mem_cgroup_uncharge of an uncharged folio is a no-op); the harm Dan Williams feared needs DAX pages to be charged on map, which no kernel did",
};
