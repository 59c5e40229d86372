// Builtins that only some processes need stay unloaded at start-up: every process of the user's run would pay for
// them (node:stream with its internals ≈ 2 ms). Compared with what plain `node -e` loads on the same binary.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

const listLoaded = 'process.stdout.write(JSON.stringify(process.moduleLoadList))';

function loadedBuiltins(node: string, env: NodeJS.ProcessEnv): string[] {
  const r = spawnSync(node, ['-e', listLoaded], { env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as string[];
}

it.each(nodeBinaries())('the preload leaves node:stream unloaded at start-up on Node $major', async ({ path: node }) => {
  const preload = await buildPreload();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  for (const name of Object.keys(env)) if (name.startsWith('MEMFS_')) delete env[name];
  const plain = new Set(loadedBuiltins(node, env));
  const added = loadedBuiltins(node, { ...env, NODE_OPTIONS: nodeOptionsWith(preload) }).filter((m) => !plain.has(m));
  expect(added).not.toContain('NativeModule stream');
  expect(added.filter((m) => m.startsWith('NativeModule internal/streams/'))).toEqual([]);
});
