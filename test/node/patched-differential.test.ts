// The engine's differential property campaign (test/differential) driven through the patched fs: random sequences
// of calls run on the real disk and, through our installed faces (sync, callback, promise), on the overlay; every
// result, error and the final tree must match. One child per supported Node and face; fixed seeds so a failure
// replays (`node --import tsx test/node/support/patched-campaign.ts --seed N --face F`).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { parseJson, runChild, support } from './support/children.js';

const faces = ['sync', 'callback', 'promise'];

for (const node of nodeBinaries()) {
  describe(`patched fs on Node ${node.major}`, () => {
    for (const [i, face] of faces.entries()) {
      it(`answers random operation sequences through the ${face} face exactly as the disk does`, async () => {
        const seed = 20261121 + node.major * 10 + i;
        const result = await runChild(node.path, [path.join(support, 'patched-campaign.ts'), '--seed', String(seed), '--runs', '60', '--max-ops', '25', '--face', face]);
        const report = parseJson(result);
        expect(report.runs).toBe(60);
        expect(report.failure?.text).toBeUndefined();
      });
      // Each path spelt through an alias outside the root (and '..' through it landing beside the tree): the router
      // must follow the disk's symlink to own it, the kernel's way.
      it(`answers random operation sequences spelt through an alias of the root, through the ${face} face`, async () => {
        const seed = 20261207 + node.major * 10 + i;
        const result = await runChild(node.path, [path.join(support, 'patched-campaign.ts'), '--seed', String(seed), '--runs', '25', '--max-ops', '25', '--face', face, '--through-alias']);
        const report = parseJson(result);
        expect(report.runs).toBe(25);
        expect(report.failure?.text).toBeUndefined();
      });
    }
  });
}
