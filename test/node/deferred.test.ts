// Asynchronous calls take effect after the tick that made them (their scenario against the disk is in
// conformance-gaps.test.ts); one made right before process.exit() is not lost for that, as Node's thread pool would
// most likely have done it by then.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { parseJson, runChild, support } from './support/children.js';

for (const node of nodeBinaries()) {
  describe(`asynchronous calls on Node ${node.major}`, () => {
    it('that are still waiting when the process exits take effect at exit, without their callbacks', async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'exit-drain-'));
      try {
        const result = await runChild(node.path, [path.join(support, 'exit-drain-child.ts'), root]);
        expect(parseJson(result)).toEqual({ callback: 'written', promise: 'written', madeFolder: true, called: [] });
        expect(fs.readdirSync(root)).toEqual([]); // in memory only
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  });
}
