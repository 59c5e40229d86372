// Builtins that only some processes need stay unloaded at start-up: every process of the user's run would pay for
// them (node:stream with its internals ≈ 2 ms, fs.promises with readline ≈ 2 ms). Compared with what plain `node -e` loads on the same binary.
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

function addedByPreload(node: string, preload: string): string[] {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  for (const name of Object.keys(env)) if (name.startsWith('MEMFS_')) delete env[name];
  const plain = new Set(loadedBuiltins(node, env));
  return loadedBuiltins(node, { ...env, NODE_OPTIONS: nodeOptionsWith(preload) }).filter((m) => !plain.has(m));
}

it.each(nodeBinaries())('the preload leaves node:stream and node:worker_threads unloaded at start-up on Node $major', async ({ path: node }) => {
  const added = addedByPreload(node, await buildPreload());
  expect(added).not.toContain('NativeModule stream');
  expect(added).not.toContain('NativeModule worker_threads');
  expect(added.filter((m) => m.startsWith('NativeModule internal/streams/'))).toEqual([]);
});

/** module.registerHooks (Node ≥ 22.15): with it the preload can catch every import and require of fs/promises. */
const hasModuleHooks = (node: string) =>
  spawnSync(node, ['-p', 'typeof require("node:module").registerHooks'], { encoding: 'utf8' }).stdout.trim() === 'function';

// fs-promises-first.test.ts checks that each way of reaching them still gets them patched.
it.each(nodeBinaries().filter(({ path }) => hasModuleHooks(path)))('the preload leaves fs.promises unloaded at start-up on Node $major', async ({ path: node }) => {
  expect(addedByPreload(node, await buildPreload())).not.toContain('NativeModule internal/fs/promises');
});
