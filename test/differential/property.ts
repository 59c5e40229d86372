// fast-check over runSequence: random sequences, a fixed seed, shrinking to the shortest sequence that still differs.
import fc from 'fast-check';
import { sequenceArb } from './arbitraries.js';
import type { KnownGap } from './known-gaps.js';
import type { Op, OpKind } from './ops.js';
import { formatMismatch, runSequence, type Mismatch, type TargetFactory } from './runner.js';

export interface CampaignOptions {
  seed: number;
  numRuns: number;
  maxOps: number;
  makeReference: TargetFactory;
  makeCandidate: TargetFactory;
  excluded?: ReadonlySet<OpKind>;
  gaps?: readonly KnownGap[];
}

export interface CampaignReport {
  seed: number;
  runs: number;
  ops: number;
  /** The shrunk counterexample, when there is one. */
  failure?: { ops: Op[]; mismatch: Mismatch; text: string };
}

export async function runCampaign(o: CampaignOptions): Promise<CampaignReport> {
  let ops = 0;
  let runs = 0;
  const details = await fc.check(
    fc.asyncProperty(sequenceArb(o.maxOps, o.excluded, o.gaps), async (sequence) => {
      runs++;
      ops += sequence.length;
      const mismatch = await runSequence(sequence, o.makeReference, o.makeCandidate);
      return mismatch === undefined;
    }),
    { seed: o.seed, numRuns: o.numRuns, endOnFailure: false },
  );
  const report: CampaignReport = { seed: o.seed, runs, ops };
  if (details.failed && details.counterexample) {
    const [sequence] = details.counterexample;
    const mismatch = await runSequence(sequence, o.makeReference, o.makeCandidate);
    if (mismatch) report.failure = { ops: sequence, mismatch, text: formatMismatch(sequence, mismatch) };
    else if (details.errorInstance) {
      report.failure = { ops: sequence, mismatch: { at: 'closing', detail: String(details.errorInstance) }, text: String(details.errorInstance) };
    }
  } else if (details.failed) {
    report.failure = { ops: [], mismatch: { at: 'closing', detail: String(details.errorInstance) }, text: String(details.errorInstance) };
  }
  return report;
}
