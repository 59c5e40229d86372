// Runs a campaign in this process and prints its report as one JSON line. The suite starts it as `nobody`
// (differential.test.ts); by hand it replays a seed:
//   node --import tsx test/differential/child.ts --seed 42 --runs 100 --max-ops 30 --candidate overlay [--exclude rm,link]
import { parseArgs } from 'node:util';
import type { OpKind } from './ops.js';
import { runCampaign } from './property.js';
import { candidateFactory, referenceFactory, type CandidateName } from './targets.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '50' },
    'max-ops': { type: 'string', default: '30' },
    candidate: { type: 'string', default: 'overlay' },
    exclude: { type: 'string', default: '' },
  },
});

const candidate = await candidateFactory(values.candidate as CandidateName);
const report = await runCampaign({
  seed: Number(values.seed),
  numRuns: Number(values.runs),
  maxOps: Number(values['max-ops']),
  makeReference: referenceFactory(candidate.relativePaths),
  makeCandidate: candidate.factory,
  excluded: new Set(values.exclude.split(',').filter(Boolean) as OpKind[]),
});
process.stdout.write(`${JSON.stringify({ uid: process.getuid?.(), ...report })}\n`);
