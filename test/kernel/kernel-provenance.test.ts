// Who changed what under the kernel engine: the recording preload in every Node process of the command names the
// process and test file of each change the upper layer holds, a change no Node process recorded is said to be made by
// a program other than Node, and what Node made and removed during the run is listed as transient — with the disk
// exactly as it was. Also: a chown alone is a modified entry, as under the preload. As root (CAP_SYS_ADMIN) and as
// nobody (an unprivileged user namespace); skipped, with the kernel's reason, where it refuses the namespace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import type { PathChange } from '../../src/changes/types.js';
import { snapshotDisk } from '../support/disk-snapshot.js';
import { nodeBinaries } from '../support/node-versions.js';
import { asNobody, buildKernelCli, whyNoOverlay } from './kernel-cli.js';

let cli = '';
let dir = '';
let temp = '';
beforeAll(async () => {
  cli = await buildKernelCli();
});
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-provenance-')));
  temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-provenance-tmp-')));
  for (const folder of [dir, temp]) fs.chmodSync(folder, 0o755);
});
afterEach(() => {
  for (const folder of [dir, temp]) fs.rmSync(folder, { recursive: true, force: true });
});

function runCli(args: string[], user: 'root' | 'nobody' = 'root', env: NodeJS.ProcessEnv = {}) {
  const argv = [process.execPath, cli, ...args];
  const [program, ...rest] = (user === 'nobody' ? asNobody(argv) : argv) as [string, ...string[]];
  const result = spawnSync(program, rest, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: temp, HOME: dir, ...env } });
  return { status: result.status, stderr: result.stderr };
}

const readManifest = () => JSON.parse(fs.readFileSync(path.join(dir, 'memfs-report/manifest.json'), 'utf8')) as Manifest;
const withoutReport = { ignore: (p: string) => p === 'memfs-report' || p.startsWith('memfs-report/') };

/** The writer a change's row names: the test file (relative), or "not Node". */
function writerOf(manifest: Manifest, change: PathChange | undefined): string | undefined {
  const writer = change?.lastWriter === undefined ? undefined : manifest.writers[change.lastWriter];
  if (!writer) return undefined;
  return writer.notNode ? 'not Node' : writer.testFile ? path.relative(dir, writer.testFile) : writer.command;
}

const testFile = `
  const test = require('node:test');
  const fs = require('node:fs');
  const { execSync } = require('node:child_process');
  test('writes through Node, and has a shell write too', async () => {
    fs.writeFileSync('by-node.txt', 'node');
    fs.writeFileSync('scratch.txt', 'made and removed');
    fs.rmSync('scratch.txt');
    fs.mkdirSync('work/deep', { recursive: true });
    await fs.promises.writeFile('work/deep/async.txt', 'promise');
    fs.writeFileSync('report.json.tmp', '{}');
    fs.renameSync('report.json.tmp', 'report.json'); // an atomic write: the temporary name is no transient file
    fs.unlinkSync('on-disk.txt');
    execSync('echo shell > by-shell.txt');
  });`;

for (const user of ['root', 'nobody'] as const) {
  const why = whyNoOverlay(user);
  describe.skipIf(why !== undefined)(`--engine kernel with the recording preload, as ${user}${why ? ` (skipped: ${why})` : ''}`, () => {
    it('names the Node test file of what Node wrote, "not Node" for what a shell wrote, and lists what Node made and removed as transient', () => {
      fs.mkdirSync(path.join(dir, 'test'));
      fs.writeFileSync(path.join(dir, 'test/writes.test.cjs'), testFile);
      fs.writeFileSync(path.join(dir, 'on-disk.txt'), 'on disk\n');
      if (user === 'nobody') spawnSync('chown', ['-R', '65534:65534', dir, temp]);
      const before = snapshotDisk(dir, withoutReport);
      const tempBefore = snapshotDisk(temp);

      const result = runCli(['run', '--engine', 'kernel', '--export', 'always', '--', 'node', '--test', 'test/writes.test.cjs'], user);
      expect(result.status, result.stderr).toBe(0);
      expect(snapshotDisk(dir, withoutReport)).toEqual(before);
      expect(snapshotDisk(temp)).toEqual(tempBefore);

      const manifest = readManifest();
      const changes = new Map(manifest.changes.map((c) => [c.relativePath, c]));
      const summary = Object.fromEntries([...changes].map(([p, c]) => [p, `${c.change} by ${writerOf(manifest, c)}`]));
      expect(summary).toEqual({
        'by-node.txt': 'created by test/writes.test.cjs',
        'by-shell.txt': 'created by not Node',
        'scratch.txt': 'transient by test/writes.test.cjs',
        work: 'created by test/writes.test.cjs',
        'work/deep': 'created by test/writes.test.cjs',
        'work/deep/async.txt': 'created by test/writes.test.cjs',
        'report.json': 'created by test/writes.test.cjs',
        'on-disk.txt': 'deleted by test/writes.test.cjs',
      });
      expect(changes.get('scratch.txt')).toMatchObject({ type: 'file', contentOmitted: 'not-captured' });
      const notNode = manifest.writers.find((w) => w.notNode);
      expect(notNode).toMatchObject({ pid: 0, command: expect.stringContaining('a program other than Node') });
      expect(manifest.writers.filter((w) => !w.notNode).map((w) => w.command)).toEqual([expect.stringMatching(/node .*test\/writes\.test\.cjs$/)]);
      expect(result.stderr).toMatch(/transient \(1\):\n\s+workspace\/scratch\.txt/);
      expect(result.stderr).toMatch(/created +workspace\/by-shell\.txt +6 B +not Node/);
    });
  });
}

// The recorder rides on NODE_OPTIONS; a child given an environment of its own has none, and gets the recorder (and
// MEMFS_RECORD) from its parent's, as the overlay's preload hands itself on.
describe.skipIf(whyNoOverlay('root') !== undefined)('--engine kernel: a Node child started with only PATH in its environment', () => {
  for (const node of nodeBinaries()) {
    it(`is named as the writer of what it wrote, not "not Node", on Node ${node.major}`, () => {
      fs.writeFileSync(
        path.join(dir, 'parent.cjs'),
        `const { spawnSync } = require('node:child_process');
        const child = spawnSync('node', ['child.cjs'], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
        if (child.status !== 0) throw new Error(child.stderr);
        require('node:fs').writeFileSync('by-parent.txt', 'parent');`,
      );
      fs.writeFileSync(path.join(dir, 'child.cjs'), "require('node:fs').writeFileSync('by-child.txt', 'child');");
      const result = runCli(['run', '--engine', 'kernel', '--export', 'always', '--', 'node', 'parent.cjs'], 'root', {
        PATH: `${path.dirname(node.path)}:${process.env.PATH}`,
      });
      expect(result.status, result.stderr).toBe(0);

      const manifest = readManifest();
      const writers = Object.fromEntries(manifest.changes.map((c) => [c.relativePath, writerOf(manifest, c)]));
      const nodePath = fs.realpathSync(node.path);
      expect(writers).toEqual({
        'by-parent.txt': `${nodePath} ${path.join(dir, 'parent.cjs')}`,
        'by-child.txt': `${nodePath} ${path.join(dir, 'child.cjs')}`,
      });
      expect(manifest.writers.some((w) => w.notNode)).toBe(false);
    });
  }
});

describe.skipIf(whyNoOverlay('root') !== undefined)('--engine kernel: owners', () => {
  it('reports a chown alone as a modified entry whose metadata changed, as the preload does, with the disk owner untouched', () => {
    fs.writeFileSync(path.join(dir, 'owned.txt'), 'same bytes\n');
    fs.writeFileSync(path.join(dir, 'untouched.txt'), 'same bytes\n');
    const result = runCli(['run', '--engine', 'kernel', '--export', 'always', '--', 'chown 1234:4321 owned.txt']);
    expect(result.status, result.stderr).toBe(0);
    expect(fs.statSync(path.join(dir, 'owned.txt'))).toMatchObject({ uid: 0, gid: 0 });
    const changes = readManifest().changes;
    expect(changes.map((c) => c.relativePath)).toEqual(['owned.txt']);
    expect(changes[0]).toMatchObject({ change: 'modified', contentChanged: false, metadataChanged: true, type: 'file' });
    expect(result.stderr).toContain('metadata only');
  });
});
