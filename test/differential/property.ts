// fast-check over runSequence: random sequences, a fixed seed, shrinking to the shortest sequence that still differs.
import fc from 'fast-check';
import { sequenceArb } from './arbitraries.js';
import type { KnownGap } from './known-gaps.js';
import type { Op, OpKind } from './ops.js';
import { DEFAULT_UMASK, formatMismatch, runSequence, type Mismatch, type TargetFactory } from './runner.js';

/** Mostly the usual umask; the others make create modes (open, mkdir, writeFile, copyFile) differ. */
const UMASKS = fc.constantFrom(DEFAULT_UMASK, DEFAULT_UMASK, DEFAULT_UMASK, 0o002, 0o077, 0o000, 0o277);

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
  failure?: { ops: Op[]; umask: number; mismatch: Mismatch; text: string };
}

export async function runCampaign(o: CampaignOptions): Promise<CampaignReport> {
  let ops = 0;
  let runs = 0;
  const details = await fc.check(
    fc.asyncProperty(UMASKS, sequenceArb(o.maxOps, o.excluded, o.gaps), async (umask, sequence) => {
      runs++;
      ops += sequence.length;
      const mismatch = await runSequence(sequence, o.makeReference, o.makeCandidate, umask);
      return mismatch === undefined;
    }),
    { seed: o.seed, numRuns: o.numRuns, endOnFailure: false },
  );
  const report: CampaignReport = { seed: o.seed, runs, ops };
  if (details.failed && details.counterexample) {
    const [umask, sequence] = details.counterexample;
    const mismatch = await runSequence(sequence, o.makeReference, o.makeCandidate, umask);
    if (mismatch) report.failure = { ops: sequence, umask, mismatch, text: formatMismatch(sequence, mismatch, umask) };
    else {
      const detail = `not reproducible on replay (timing?): ${String(details.errorInstance ?? 'no error')}`;
      report.failure = { ops: sequence, umask, mismatch: { at: 'closing', detail }, text: `${detail}\n${JSON.stringify(sequence)}` };
    }
  } else if (details.failed) {
    const detail = String(details.errorInstance);
    report.failure = { ops: [], umask: DEFAULT_UMASK, mismatch: { at: 'closing', detail }, text: detail };
  }
  return report;
}
