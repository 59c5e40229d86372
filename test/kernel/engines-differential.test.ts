// The two engines side by side on one deterministic Node-only workload: the preload's in-memory overlay and the
// kernel's overlayfs must report the same changes (paths, kinds, types, modes, sizes, hashes before and after, symlink
// targets, hard links, the process that made each change) and export the same bytes; both list the file that came and
// went. The kernel is the reference the preload is compared against.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import { buildKernelCli, whyNoOverlay } from './kernel-cli.js';

let cli = '';
const folders: string[] = [];
beforeAll(async () => {
  cli = await buildKernelCli();
});
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

// Every kind of change the fold knows, made by plain fs calls in a fixed order, with fixed bytes and modes.
const workload = `
const fs = require('fs');
const path = require('path');
fs.writeFileSync('created.txt', 'a new file\\n');
fs.writeFileSync('changed.txt', 'new bytes\\n');
fs.chmodSync('mode-only.sh', 0o755);
fs.rmSync('deleted.txt');
fs.rmSync('gone-folder', { recursive: true });
fs.mkdirSync('made/deeper', { recursive: true });
fs.writeFileSync('made/deeper/file.json', JSON.stringify({ n: 1 }));
fs.symlinkSync('created.txt', 'link-to-created');
fs.linkSync('created.txt', 'hard-link.txt');
fs.renameSync('renamed-from.txt', 'renamed-to.txt');
fs.rmSync('replaced', { recursive: true });
fs.mkdirSync('replaced');
fs.writeFileSync('replaced/inside.txt', 'inside\\n');
fs.writeFileSync('transient.txt', 'made and removed');
fs.rmSync('transient.txt');
fs.writeFileSync(path.join(process.env.TMPDIR, 'in-tmp.bin'), Buffer.from([0, 1, 2, 255]));
fs.appendFileSync('appended.txt', 'more\\n');
process.exitCode = 1;
`;

function seed(dir: string): void {
  fs.writeFileSync(path.join(dir, 'workload.cjs'), workload);
  fs.writeFileSync(path.join(dir, 'changed.txt'), 'old bytes\n');
  fs.writeFileSync(path.join(dir, 'mode-only.sh'), 'echo hi\n', { mode: 0o644 });
  fs.writeFileSync(path.join(dir, 'deleted.txt'), 'bye\n');
  fs.mkdirSync(path.join(dir, 'gone-folder/sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'gone-folder/sub/x.txt'), 'x\n');
  fs.writeFileSync(path.join(dir, 'renamed-from.txt'), 'moving\n');
  fs.mkdirSync(path.join(dir, 'replaced'));
  fs.writeFileSync(path.join(dir, 'replaced/before.txt'), 'before\n');
  fs.writeFileSync(path.join(dir, 'appended.txt'), 'start\n');
}

/** Runs the workload under one engine in a fresh project; the manifest's changes in a form both engines share. */
function runUnder(engine: 'preload' | 'kernel') {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `memfs-engines-${engine}-`)));
  const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `memfs-engines-${engine}-tmp-`)));
  folders.push(dir, temp);
  seed(dir);
  const result = spawnSync(process.execPath, [cli, 'run', '--engine', engine, '--no-transient', '--', 'node', 'workload.cjs'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: temp },
  });
  expect(result.status, result.stderr).toBe(1);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'memfs-report/manifest.json'), 'utf8')) as Manifest;
  const relative = (p: string) => p.replace(dir, '<workspace>').replace(temp, '<tmp>');
  const changes = manifest.changes
    .filter((c) => c.change !== 'transient') // the kernel keeps no bytes of a file that came and went: compared by name
    .map((c) => ({
      writer: relative(manifest.writers[c.lastWriter ?? -1]?.command ?? '(none)'),
      at: `${c.root}/${c.relativePath}`, change: c.change, type: c.type, mode: c.mode, size: c.type === 'directory' ? 0 : c.size,
      sha256: c.sha256, originalSha256: c.originalSha256, target: c.target, linkedWith: c.linkedWith?.map(relative),
      contentChanged: c.contentChanged, metadataChanged: c.metadataChanged,
      exported: c.exportedAs === undefined ? undefined : fs.readFileSync(path.join(dir, 'memfs-report', c.exportedAs)).toString('base64'),
    }))
    .sort((a, b) => (a.at < b.at ? -1 : 1));
  return { changes, transient: manifest.changes.filter((c) => c.change === 'transient').map((c) => c.relativePath) };
}

const why = whyNoOverlay(process.getuid?.() === 0 ? 'root' : 'nobody');
it.skipIf(why !== undefined)(`the preload and the kernel engine report and export the same changes of a Node-only workload${why ? ` (skipped: ${why})` : ''}`, () => {
  const preload = runUnder('preload');
  const kernel = runUnder('kernel');
  expect(kernel.changes).toEqual(preload.changes);
  expect(kernel.changes.map((c) => `${c.change} ${c.at}`)).toEqual(expect.arrayContaining([
    'created workspace/created.txt', 'modified workspace/changed.txt', 'modified workspace/mode-only.sh', 'deleted workspace/deleted.txt',
    'deleted workspace/gone-folder/sub/x.txt', 'created workspace/link-to-created', 'created workspace/hard-link.txt',
    'deleted workspace/renamed-from.txt', 'created workspace/renamed-to.txt', 'deleted workspace/replaced/before.txt',
    'created workspace/replaced/inside.txt', 'created tmp/in-tmp.bin', 'modified workspace/appended.txt',
  ]));
  expect([...new Set(kernel.changes.map((c) => c.writer))]).toEqual([expect.stringMatching(/node <workspace>\/workload\.cjs$/)]);
  // Gone from the upper layer at the end: the kernel engine knows of it from the recording preload.
  expect(preload.transient).toEqual(['transient.txt']);
  expect(kernel.transient).toEqual(['transient.txt']);
});
