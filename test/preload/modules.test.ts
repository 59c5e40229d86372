// Module loading of files that exist only in memory (shared/research/node.md §4), on every Node version: a child
// under the preload writes modules and loads them every way (drivers/module-cases.mjs); each case here is what that
// Node version must give. Before 22.15 (no module.registerHooks) import() cannot see overlay-only files: those
// cases are written as the documented limit they are, so that a fix flips them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSnapshots, snapshotDisk, type DiskSnapshot } from '../support/disk-snapshot.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

const driver = path.join(path.dirname(fileURLToPath(import.meta.url)), 'drivers/module-cases.mjs');
let preload: string;
let base: string;

beforeAll(async () => {
  preload = await buildPreload();
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-modules-test-')));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

type Expectation = string | { hooks: string; noHooks: string; needsTypeScript?: boolean };
const cases: [string, Expectation][] = [
  ['require of a disk file changed in memory', 'memory'],
  ['import of a disk file changed in memory', 'memory'],
  ['require of a disk file deleted in memory', 'error MODULE_NOT_FOUND'],
  // Before 22.15 ESM resolution finds the disk file; reading it then fails.
  ['import of a disk file deleted in memory', { hooks: 'error ERR_MODULE_NOT_FOUND', noHooks: 'error ENOENT' }],
  ['require of a new .js', 'new.js'],
  ['require of a new .json', 'new.json'],
  ['require of a new .cjs through a relative path', 'relative'],
  ['require without an extension', 'bare'],
  ['require of a directory with index.js', 'index'],
  ['require of a directory with a package.json main', 'main'],
  ['require from a module that exists only in memory', 'chained'],
  ['import of a new .mjs', { hooks: 'new.mjs', noHooks: 'error ERR_MODULE_NOT_FOUND' }],
  ['import of a new .js under a package.json without type', { hooks: 'cjs-scope', noHooks: 'error ERR_MODULE_NOT_FOUND' }],
  ['import of a new .js under an in-memory {"type":"module"}', { hooks: 'esm-scope', noHooks: 'error ERR_MODULE_NOT_FOUND' }],
  ['import of a new .mjs that imports a sibling', { hooks: 'esm-chained', noHooks: 'error ERR_MODULE_NOT_FOUND' }],
  ['import of a new .ts (Node type stripping)', { hooks: 'typed', noHooks: 'error ERR_MODULE_NOT_FOUND', needsTypeScript: true }],
  ['import of a file deleted after it was written', 'error ERR_MODULE_NOT_FOUND'],
  ['require.resolve of a new file', 'resolved.js'],
  // import.meta.resolve only computes the URL, on every version: nothing is probed.
  ['import.meta.resolve of a new file', 'meta-resolved.mjs'],
  // As plain Node: the path comes from require's cache of resolutions, and reading it fails.
  ['require again of a disk file deleted in memory after it was loaded', 'error ENOENT'],
  ['require of a file that never existed', 'error MODULE_NOT_FOUND'],
  ['import of a file that never existed', 'error ERR_MODULE_NOT_FOUND'],
];

describe.each(nodeBinaries())('module loading on Node $major', ({ major, path: node }) => {
  let results: Record<string, string>;
  let hooks: boolean;
  let work: string;
  let before: DiskSnapshot;
  let stderr: string;

  beforeAll(() => {
    work = path.join(base, `node${major}`);
    mkdirSync(path.join(work, 'disk'), { recursive: true });
    writeFileSync(path.join(work, 'disk/changed.cjs'), "module.exports = 'disk';");
    writeFileSync(path.join(work, 'disk/changed.mjs'), "export default 'disk';");
    writeFileSync(path.join(work, 'disk/deleted.cjs'), "module.exports = 'disk';");
    writeFileSync(path.join(work, 'disk/deleted.mjs'), "export default 'disk';");
    writeFileSync(path.join(work, 'disk/loaded-then-deleted.cjs'), "module.exports = 'disk';");
    before = snapshotDisk(work);
    hooks = execFileSync(node, ['-p', "typeof require('module').registerHooks"], { encoding: 'utf8' }).trim() === 'function';
    const env = { ...process.env, NODE_OPTIONS: nodeOptionsWith(preload), MEMFS_ROOTS: work };
    const r = spawnSync(node, [driver], { cwd: work, env, encoding: 'utf8', timeout: 30_000 });
    stderr = r.stderr;
    results = r.status === 0 ? JSON.parse(r.stdout) : {};
  });

  it('the driver ran without a warning or an error', () => {
    expect(stderr).toBe('');
    expect(Object.keys(results)).toHaveLength(cases.length + 1); // + the (typescript) capability
  });

  it.each(cases)('%s', (name, expected) => {
    if (typeof expected === 'string') return expect(results[name]).toBe(expected);
    if (expected.needsTypeScript && results['(typescript)'] === 'false') {
      return expect(results[name]).toMatch(/^error /); // this Node does not run .ts files at all
    }
    expect(results[name]).toBe(hooks ? expected.hooks : expected.noHooks);
  });

  it('the disk is unchanged afterwards', () => {
    expect(diffSnapshots(before, snapshotDisk(work))).toEqual([]);
  });
});
