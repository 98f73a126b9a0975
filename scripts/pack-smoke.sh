#!/usr/bin/env bash
# The package others install: npm pack (which builds dist/ through prepack),
# install the tarball in an empty folder, and check a proposal file there
# with the installed CLI — no sources, no tsx transpiling zdspec itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -1)
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "./$tarball"
cat > p.ts <<'PROPOSAL'
// A reviewer's proposal file: extends upstream, lets coherent pages be pinned long-term.
export default {
  name: 'pack-smoke',
  title: 'mm/gup: allow FOLL_LONGTERM on coherent pages',
  source: 'scripts/pack-smoke.sh',
  extends: 'upstream',
  hooks: { folio_is_longterm_pinnable: (folio: { memoryType: string }, _ctx: unknown, dflt: boolean) => folio.memoryType === 'COHERENT' || dflt },
};
PROPOSAL
test ! -e node_modules/zdspec/src || { echo "pack-smoke: the package ships src/" >&2; exit 1; }
npx zdspec --version
set +e
npx zdspec check ./p.ts --invariant no-longterm-pin-coherent --runs 300 --seed 1 -q
code=$?
set -e
test "$code" = 1 || { echo "pack-smoke: expected exit 1 (a violation), got $code" >&2; exit 1; }
test -s reports/summary.json || { echo "pack-smoke: no reports/summary.json" >&2; exit 1; }
node --input-type=module -e "import { HOOK_NAMES } from 'zdspec'; if (!HOOK_NAMES.length) process.exit(1); console.log('import zdspec: ' + HOOK_NAMES.length + ' hooks')"
node --input-type=module -e "const u = import.meta.resolve('zdspec/vitest'); if (!u.endsWith('/dist/src/check/vitest.js')) process.exit(1); console.log('zdspec/vitest: ' + u)"
echo "pack-smoke: ok ($tarball installs and runs in an empty folder)"
