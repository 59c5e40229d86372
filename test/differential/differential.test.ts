// The engine against the real disk, on random sequences of ops (fast-check), as root in this process and as `nobody`
// in a child process. A failure prints the seed and the shrunk sequence; replay it with
//   node --import tsx test/differential/child.ts --seed <seed> --runs <runs> --candidate overlay
// and keep it in regressions.ts. MEMFS_DIFF_SEED picks another seed (CI keeps the fixed one, so runs are repeatable).
import { describe, expect, test } from 'vitest';
import { describeGaps, gapsFor } from './known-gaps.js';
import { nodeBinaries } from '../support/node-versions.js';
import { NOBODY, runAsNobody, runChild } from './run-child.js';
import { runCampaign } from './property.js';
import { candidateFactory, referenceFactory } from './targets.js';

const SEED = Number(process.env.MEMFS_DIFF_SEED ?? 20261121);
const MAX_OPS = 30;
// Sequences average about 15 ops: these give ≥ 8,000 ops as root and ≥ 2,000 as nobody per run.
const ROOT_RUNS = 600;
const NOBODY_RUNS = 160;
// The engine runs inside every Node the user has: a shorter campaign on each other installed version (about 1,400
// ops each). MEMFS_TEST_NODE_VERSIONS=current (CI's second pass) leaves them out.
const OTHER_NODE_RUNS = 100;

describe('the engine behaves as the real disk', () => {
  test('random sequences give the same results, errors, stats and final tree as root', async () => {
    console.log(describeGaps(gapsFor(process.getuid?.())));
    const candidate = await candidateFactory('overlay');
    const report = await runCampaign({
      seed: SEED,
      numRuns: ROOT_RUNS,
      maxOps: MAX_OPS,
      makeReference: referenceFactory(candidate.relativePaths),
      makeCandidate: candidate.factory,
      gaps: gapsFor(process.getuid?.()),
    });
    expect(report.failure?.text, `seed ${SEED}`).toBeUndefined();
    expect(report.ops).toBeGreaterThanOrEqual(8000);
  });

  test.skipIf(process.getuid?.() !== 0)('random sequences give the same results as nobody, EACCES and EPERM included', () => {
    console.log(`as nobody: ${describeGaps(gapsFor(NOBODY.uid))}`);
    const report = runAsNobody<{ uid: number; ops: number; failure?: { text: string } }>(
      ['--seed', String(SEED + 1), '--runs', String(NOBODY_RUNS), '--max-ops', String(MAX_OPS), '--candidate', 'overlay'],
    );
    expect(report.uid).toBe(NOBODY.uid);
    expect(report.failure?.text, `seed ${SEED + 1} as nobody`).toBeUndefined();
    expect(report.ops).toBeGreaterThanOrEqual(2000);
  });

  for (const bin of nodeBinaries().filter((b) => b.path !== process.execPath)) {
    test(`random sequences give the same results on Node ${bin.major} too`, () => {
      const report = runChild<{ ops: number; failure?: { text: string } }>(
        ['--seed', String(SEED + bin.major), '--runs', String(OTHER_NODE_RUNS), '--max-ops', String(MAX_OPS), '--candidate', 'overlay'],
        { node: bin.path },
      );
      expect(report.failure?.text, `seed ${SEED + bin.major} on Node ${bin.major}`).toBeUndefined();
      expect(report.ops).toBeGreaterThanOrEqual(1000);
    });
  }
});
