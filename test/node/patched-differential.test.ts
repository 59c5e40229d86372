// The engine's differential property campaign (test/differential) driven through the patched fs: random sequences
// of sync calls run on the real disk and, through our installed faces, on the overlay; every result, error and the
// final tree must match. One child per supported Node; a fixed seed so a failure replays.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { parseJson, runChild, support } from './support/children.js';

const seed = 20261121;

for (const node of nodeBinaries()) {
  describe(`patched fs on Node ${node.major}`, () => {
    it('answers random operation sequences exactly as the disk does', async () => {
      const result = await runChild(node.path, [path.join(support, 'patched-campaign.ts'), '--seed', String(seed + node.major), '--runs', '100', '--max-ops', '25']);
      const report = parseJson(result);
      expect(report.runs).toBe(100);
      expect(report.failure?.text).toBeUndefined();
    });
  });
}
