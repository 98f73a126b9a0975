// The public API of zdspec: re-exports only.
export { defineProposal } from '../models/proposals/proposal.ts';
export type { BuiltinProposal, EraOverrides, Proposal, ResolvedProposal, Verdict } from '../models/proposals/proposal.ts';
export type {
  CopyNonpresentDecision,
  FastGupDecision,
  FolioView,
  ForkWriteBits,
  FreeDecision,
  GupFlags,
  HookName,
  Hooks,
  LongtermPinTarget,
  LongtermUnpinnableDecision,
  MctgtContext,
  MemoryFailureDecision,
  MemunmapContext,
  MigrateCollectContext,
  NoCtx,
  NonpresentEntryView,
  PgmapView,
  PteOnInsert,
  PutRefSite,
  UnmapAndKillDecision,
} from '../models/kernel/hooks.ts';
export type { HookContext, HookDecision, HookSubject, ProposalHook, ProposalHooks } from '../models/kernel/proposal-hooks.ts';
export { HOOK_NAMES } from '../models/kernel/hooks.ts';
export { ERAS } from '../models/eras/registry.ts';
export type { Era, EraName } from '../models/eras/era.ts';
export { TYPE_RULES } from '../models/type-rules.ts';
export { INVARIANTS, invariantById } from '../models/invariants/all.ts';
export type { Invariant, InvariantId, StepContext } from '../models/invariants/invariant.ts';
export * from '../models/vocabulary.ts';
export type { OpArgs, OpName, OpResult, OpValues, Step } from '../models/ops.ts';
export type { AbsState } from '../models/state.ts';
export type { View } from '../models/view.ts';
export type { Outcome } from '../models/model.ts';

export { parseTrace } from './trace/parse-trace.ts';
export { TraceError } from './trace/trace-error.ts';
export type { Trace, TraceStep, Expectation, PageExpect } from './trace/trace.ts';
export { formatCall } from './trace/format-call.ts';
export { runTrace } from './runner/run-trace.ts';
export type { RunOptions } from './runner/run-trace.ts';
export type { Failure, RunReport, StepRecord } from './runner/run-report.ts';
export { createPair } from './runner/create-pair.ts';
export type { Pair, PairStep } from './runner/pair-types.ts';
export { loadProposal } from './proposals/load-proposal.ts';
export { ProposalError } from '../models/proposals/proposal-error.ts';
