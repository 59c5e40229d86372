// Runs a campaign (or replays the regressions) in this process and prints the report as one JSON line. The suite
// starts it as `nobody` (differential.test.ts, regressions.test.ts); by hand it replays a seed:
//   node --import tsx test/differential/child.ts --seed 42 --runs 100 --max-ops 30 --candidate overlay [--exclude rm,link] [--no-gaps]
//   node --import tsx test/differential/child.ts --regressions     (the ones marked asNobody, as this user)
import { parseArgs } from 'node:util';
import { gapsFor } from './known-gaps.js';
import type { OpKind } from './ops.js';
import { runCampaign } from './property.js';
import { REGRESSIONS } from './regressions.js';
import { formatMismatch, runSequence } from './runner.js';
import { candidateFactory, referenceFactory, type CandidateName } from './targets.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '50' },
    'max-ops': { type: 'string', default: '30' },
    candidate: { type: 'string', default: 'overlay' },
    exclude: { type: 'string', default: '' },
    'no-gaps': { type: 'boolean', default: false }, // generate the ops of known gaps too (to see what is still open)
    regressions: { type: 'boolean', default: false },
  },
});

const candidate = await candidateFactory(values.candidate as CandidateName);
const reference = referenceFactory(candidate.relativePaths);
const uid = process.getuid?.();

if (values.regressions) {
  const results: { name: string; difference?: string }[] = [];
  for (const r of REGRESSIONS.filter((x) => x.asNobody)) {
    const m = await runSequence(r.ops, reference, candidate.factory, r.umask);
    results.push({ name: r.name, ...(m ? { difference: formatMismatch(r.ops, m, r.umask) } : {}) });
  }
  process.stdout.write(`${JSON.stringify({ uid, results })}\n`);
} else {
  const report = await runCampaign({
    seed: Number(values.seed),
    numRuns: Number(values.runs),
    maxOps: Number(values['max-ops']),
    makeReference: reference,
    makeCandidate: candidate.factory,
    excluded: new Set(values.exclude.split(',').filter(Boolean) as OpKind[]),
    gaps: values['no-gaps'] ? [] : gapsFor(uid),
  });
  process.stdout.write(`${JSON.stringify({ uid, ...report })}\n`);
}
