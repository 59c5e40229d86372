// The kernel engine's recording preload on its own (no namespace needed): on every installed Node it notes each fs
// call that changed a path inside the roots — sync, callback and promise forms, fs/promises reached by require, by
// the fs.promises getter and by import — once the call succeeded, and nothing else; what the program sees of fs is
// unchanged. Its journals, read back by the capture's reader (src/kernel/provenance.ts), give each path its writer.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readProvenance } from '../../src/kernel/provenance.js';
import { buildFolder } from '../preload/preload-bundle.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildRecorder } from '../kernel/kernel-cli.js';
import { snapshotDisk } from '../support/disk-snapshot.js';

let recorder = '';
let root = '';
let outside = '';
let journals = '';
beforeAll(async () => {
  recorder = await buildRecorder(path.join(buildFolder('cli'), 'recorder.cjs'));
});
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-recorder-')));
  outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-recorder-outside-')));
  journals = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-recorder-journals-')));
});
afterEach(() => {
  for (const folder of [root, outside, journals]) fs.rmSync(folder, { recursive: true, force: true });
});

const script = `
const fs = require('fs');
const results = [];
fs.writeFileSync('sync.txt', 'a');
fs.readFileSync('sync.txt');
fs.openSync('sync.txt', 'r');
fs.closeSync(fs.openSync('opened-for-write.txt', 'w'));
fs.mkdirSync('a/b/c', { recursive: true });
fs.symlinkSync('sync.txt', 'link');
fs.linkSync('sync.txt', 'hard');
fs.chmodSync('hard', 0o600);
fs.renameSync('sync.txt', 'a/moved.txt');
fs.writeFileSync(process.env.OUTSIDE + '/not-recorded.txt', 'x');
try { fs.writeFileSync('missing/folder/x.txt', 'x'); } catch (error) { results.push(error.code); }
results.push(fs.writeFileSync.name, fs.writeFileSync.length, typeof fs.promises.writeFile);
fs.writeFile('callback.txt', 'b', (error) => {
  results.push(String(error));
  require('fs/promises').writeFile('required-promises.txt', 'c').then(async () => {
    await fs.promises.rm('a/b', { recursive: true });
    console.log(JSON.stringify(results));
  });
});
`;

function run(node: string, record: boolean) {
  fs.writeFileSync(path.join(root, 'script.cjs'), script);
  const env: NodeJS.ProcessEnv = { ...process.env, OUTSIDE: outside };
  if (record) Object.assign(env, { NODE_OPTIONS: `--require ${recorder}`, MEMFS_RECORD: JSON.stringify({ folder: journals, roots: [root] }) });
  else delete env.NODE_OPTIONS;
  const result = spawnSync(node, ['script.cjs'], { cwd: root, encoding: 'utf8', env });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

for (const node of nodeBinaries()) {
  describe(`the recording preload on Node ${node.major}`, () => {
    it('notes what each successful call changed inside the roots, and the program sees fs as without it', () => {
      const plain = run(node.path, false);
      for (const folder of [root, outside]) fs.rmSync(folder, { recursive: true, force: true });
      for (const folder of [root, outside]) fs.mkdirSync(folder);
      expect(run(node.path, true)).toBe(plain);

      const recorded = readProvenance(journals)!;
      expect(recorded.gaps).toEqual([]);
      expect(recorded.writers).toEqual([{ pid: expect.any(Number), command: `${fs.realpathSync(node.path)} ${path.join(root, 'script.cjs')}` }]);
      const state = Object.fromEntries([...recorded.paths].map(([p, known]) => [path.relative(root, p), known.removed ? 'removed' : (known.made ?? 'changed')]));
      expect(state).toEqual({
        'opened-for-write.txt': 'file',
        a: 'directory',
        'a/b': 'removed',
        'a/b/c': 'removed',
        link: 'symlink',
        hard: 'file',
        'sync.txt': 'removed', // its old name, after the rename
        'a/moved.txt': 'file',
        'callback.txt': 'file',
        'required-promises.txt': 'file',
      });
    });

    // Where module.registerHooks exists (Node ≥ 22.15) the import is seen and fs/promises wrapped then; before, nothing
    // sees it, so the recorder wraps fs/promises at start, as the overlay's preload does there.
    it('notes a write through node:fs/promises when an ES module imports it first', () => {
      fs.writeFileSync(path.join(root, 'imports.mjs'), "import { writeFile } from 'node:fs/promises';\nawait writeFile('imported.txt', 'd');\n");
      const env = { ...process.env, NODE_OPTIONS: `--require ${recorder}`, MEMFS_RECORD: JSON.stringify({ folder: journals, roots: [root] }) };
      const result = spawnSync(node.path, ['imports.mjs'], { cwd: root, encoding: 'utf8', env });
      expect(result.status, result.stderr).toBe(0);
      expect(fs.readFileSync(path.join(root, 'imported.txt'), 'utf8')).toBe('d');
      expect([...(readProvenance(journals)?.paths.keys() ?? [])]).toEqual([path.join(root, 'imported.txt')]);
    });

    it('hands itself on to children and workers started with an environment of their own', () => {
      const write = (name: string) => `require('fs').writeFileSync(${JSON.stringify(name)}, 'x')`;
      fs.writeFileSync(
        path.join(root, 'parent.cjs'),
        `const { spawn, spawnSync, execFileSync, execSync } = require('child_process');
        const { Worker } = require('worker_threads');
        const own = { PATH: process.env.PATH };
        spawnSync(process.execPath, ['-e', ${JSON.stringify(write('by-spawn-sync.txt'))}], { env: own });
        execFileSync(process.execPath, ['-e', ${JSON.stringify(write('by-exec-file-sync.txt'))}], { env: {} });
        execSync(JSON.stringify(process.execPath) + ' by-exec-sync.cjs', { env: own });
        new Worker(${JSON.stringify(write('by-worker.txt'))}, { eval: true, env: {} }).on('exit', () => {
          spawn(process.execPath, ['-e', ${JSON.stringify(write('by-spawn.txt'))}], { env: own, stdio: 'inherit' })
            .on('exit', (code) => console.log(JSON.stringify(Object.keys(own)), code));
        });`,
      );
      fs.writeFileSync(path.join(root, 'by-exec-sync.cjs'), write('by-exec-sync.txt'));
      const env = { ...process.env, NODE_OPTIONS: `--require ${recorder}`, MEMFS_RECORD: JSON.stringify({ folder: journals, roots: [root] }) };
      const result = spawnSync(node.path, ['parent.cjs'], { cwd: root, encoding: 'utf8', env });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.trim()).toBe('["PATH"] 0'); // the caller's env object is not changed in place

      const recorded = readProvenance(journals)!;
      expect(recorded.gaps).toEqual([]);
      const writerOf = (name: string) => {
        const last = recorded.paths.get(path.join(root, name))?.last;
        return last === undefined ? 'nobody recorded it' : recorded.writers[last]!.command;
      };
      const nodePath = fs.realpathSync(node.path);
      expect(Object.fromEntries(['by-spawn-sync.txt', 'by-exec-file-sync.txt', 'by-exec-sync.txt', 'by-spawn.txt', 'by-worker.txt'].map((n) => [n, writerOf(n)]))).toEqual({
        'by-spawn-sync.txt': `${nodePath} -e ${write('by-spawn-sync.txt')}`,
        'by-exec-file-sync.txt': `${nodePath} -e ${write('by-exec-file-sync.txt')}`,
        'by-exec-sync.txt': `${nodePath} ${path.join(root, 'by-exec-sync.cjs')}`,
        'by-spawn.txt': `${nodePath} -e ${write('by-spawn.txt')}`,
        'by-worker.txt': `${nodePath} [worker eval]`, // a worker's process.argv[1]
      });
    });
  });
}

it('writes nothing, and changes nothing, without MEMFS_RECORD', () => {
  const before = snapshotDisk(journals);
  fs.writeFileSync(path.join(root, 'w.cjs'), "require('fs').writeFileSync('x.txt', 'x')");
  const result = spawnSync(process.execPath, ['w.cjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--require ${recorder}` } });
  expect(result.status, result.stderr).toBe(0);
  expect(fs.readFileSync(path.join(root, 'x.txt'), 'utf8')).toBe('x');
  expect(snapshotDisk(journals)).toEqual(before);
});
