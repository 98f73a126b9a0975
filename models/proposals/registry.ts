// The built-in proposals, in the order DESIGN §4 lists them: history first
// (v4.14 HMM, v5.x), the DEVICE_COHERENT series as reviewed (v1, v4), the
// merged kernels (v6.0, v6.1, v6.2–v6.12, upstream), and the road not taken (the 2016
// NUMA-node RFC). A user proposal's `extends` names one of these.
import { cdmNumaRfc } from './builtin/cdm-numa-rfc.ts';
import { coherentV1 } from './builtin/coherent-v1.ts';
import { coherentV4 } from './builtin/coherent-v4.ts';
import { devmapV5x } from './builtin/devmap-v5.x.ts';
import { hmmV414 } from './builtin/hmm-v4.14.ts';
import { upstreamKernel } from './builtin/upstream.ts';
import { v60 } from './builtin/v6.0.ts';
import { v61 } from './builtin/v6.1.ts';
import { v62 } from './builtin/v6.2.ts';
import type { BuiltinProposal } from './proposal.ts';

export const BUILTIN_PROPOSALS: readonly BuiltinProposal[] = [hmmV414, devmapV5x, coherentV1, coherentV4, v60, v61, v62, upstreamKernel, cdmNumaRfc];

export const BUILTIN_NAMES: readonly string[] = BUILTIN_PROPOSALS.map((p) => p.name);

export function builtinProposal(name: string): BuiltinProposal | undefined {
  return BUILTIN_PROPOSALS.find((p) => p.name === name);
}
