// The patched campaign (patched-differential.test.ts) as nobody: permissions then bind, so EACCES and EPERM come from
// the disk and from the engine's own checks, through the callback and promise faces compared with the same faces on
// the disk. Replay: as root, `setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp
// MEMFS_DIFF_ROOT_OWNED=<a root-owned dir> node --import tsx test/node/support/patched-campaign.ts --seed N --face F`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRootOwnedDir, NOBODY } from '../differential/run-child.js';
import { ROOT_OWNED_ENV } from '../differential/starting-tree.js';
import { nodeBinaries } from '../support/node-versions.js';
import { parseJson, repo, support, type ChildResult } from './support/children.js';

const RUNS = 40;

function runAsNobody(nodePath: string, args: string[], rootOwned: string): Promise<ChildResult> {
  const env = { ...process.env, HOME: os.tmpdir(), [ROOT_OWNED_ENV]: rootOwned };
  return new Promise((resolve) => {
    execFile(nodePath, ['--import', 'tsx', ...args], { cwd: repo, env, ...NOBODY, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(process.getuid?.() !== 0)('patched fs as nobody', () => {
  let rootOwned: string;
  beforeAll(() => {
    rootOwned = makeRootOwnedDir();
  });
  afterAll(() => fs.rmSync(rootOwned, { recursive: true, force: true }));

  for (const node of nodeBinaries()) {
    for (const [i, face] of ['callback', 'promise'].entries()) {
      it(`answers random operation sequences through the ${face} face as the disk's ${face} face does, as nobody, on Node ${node.major}`, async () => {
        const seed = 20261122 + node.major * 10 + i;
        const args = [path.join(support, 'patched-campaign.ts'), '--seed', String(seed), '--runs', String(RUNS), '--max-ops', '25', '--face', face];
        const report = parseJson(await runAsNobody(node.path, args, rootOwned));
        expect(report.uid).toBe(NOBODY.uid);
        expect(report.runs).toBe(RUNS);
        expect(report.failure?.text).toBeUndefined();
      });
    }
  }
});
