// Every difference the random suite found, replayed as its shrunk sequence (regressions.ts). A fixed one must stay
// fixed; an open one (see /work/notes/engine-findings.md) must still show, so that fixing it flips this test.
import { describe, expect, test } from 'vitest';
import { NOBODY, runAsNobody } from './run-child.js';
import { REGRESSIONS } from './regressions.js';
import { formatMismatch, runSequence } from './runner.js';
import { candidateFactory, referenceFactory } from './targets.js';

const candidate = await candidateFactory('overlay');
const reference = referenceFactory(candidate.relativePaths);

const asRoot = process.getuid?.() === 0;
const major = Number(process.versions.node.split('.')[0]);
/** The nobody regressions all run in one child, started on first use. */
let nobodyResults: Map<string, string | undefined> | undefined;
function nobodyDifference(name: string): string | undefined {
  nobodyResults ??= new Map(
    runAsNobody<{ uid: number; results: { name: string; difference?: string }[] }>(['--regressions']).results.map(
      (r) => [r.name, r.difference],
    ),
  );
  if (!nobodyResults.has(name)) throw new Error(`the nobody child did not replay '${name}'`);
  return nobodyResults.get(name);
}

describe.skipIf(!asRoot)(`differences found by the random suite, as nobody (uid ${NOBODY.uid})`, () => {
  for (const r of REGRESSIONS.filter((x) => x.asNobody && (!x.onNode || x.onNode(major)))) {
    if (r.open) {
      test(`still open (finding ${r.finding}): ${r.name}`, () => {
        expect(nobodyDifference(r.name), 'fixed: set open to false in regressions.ts and drop its known gap').toBeDefined();
      });
    } else {
      test(`${r.name} (finding ${r.finding})`, () => {
        expect(nobodyDifference(r.name)).toBeUndefined();
      });
    }
  }
});

describe('differences found by the random suite', () => {
  for (const r of REGRESSIONS.filter((x) => !x.asNobody && (!x.onNode || x.onNode(major)))) {
    if (r.open) {
      test(`still open (finding ${r.finding}): ${r.name}`, async () => {
        const mismatch = await runSequence(r.ops, reference, candidate.factory, r.umask);
        expect(mismatch, 'fixed: set open to false in regressions.ts and drop its known gap').toBeDefined();
      });
    } else {
      test(`${r.name} (finding ${r.finding})`, async () => {
        const mismatch = await runSequence(r.ops, reference, candidate.factory, r.umask);
        expect(mismatch && formatMismatch(r.ops, mismatch, r.umask)).toBeUndefined();
      });
    }
  }
});
