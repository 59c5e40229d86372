// The kernel engine through the CLI: programs that are not Node (git, tar, a shell redirect, mkfifo, a Unix socket)
// write into the kernel's overlay like Node does, the disk stays exactly as it was, and the export holds what they
// wrote — as root (CAP_SYS_ADMIN) and as nobody (an unprivileged user namespace, the command back at uid 65534).
// Skipped, with the kernel's reason, where it refuses the namespace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import { snapshotDisk } from '../support/disk-snapshot.js';
import { asNobody, buildKernelCli, whyNoOverlay } from './kernel-cli.js';

let cli = '';
let dir = '';
let temp = '';
beforeAll(async () => {
  cli = await buildKernelCli();
});
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-kernel-')));
  temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-kernel-tmp-')));
  for (const folder of [dir, temp]) fs.chmodSync(folder, 0o755);
});
afterEach(() => {
  for (const folder of [dir, temp]) fs.rmSync(folder, { recursive: true, force: true });
});

function runCli(args: string[], o: { user?: 'root' | 'nobody'; env?: NodeJS.ProcessEnv } = {}) {
  const argv = [process.execPath, cli, ...args];
  const [program, ...rest] = (o.user === 'nobody' ? asNobody(argv) : argv) as [string, ...string[]];
  const result = spawnSync(program, rest, {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: temp, HOME: dir, ...o.env },
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

const manifest = () => JSON.parse(fs.readFileSync(path.join(dir, 'memfs-report/manifest.json'), 'utf8')) as Manifest;
const exported = (name: string) => fs.readFileSync(path.join(dir, 'memfs-report/files/workspace', name), 'utf8');
const withoutReport = { ignore: (p: string) => p === 'memfs-report' || p.startsWith('memfs-report/') };

/** What the project holds on disk before the run: files to change, delete, and a folder to replace. */
function seedProject(owner: 'root' | 'nobody'): void {
  fs.writeFileSync(path.join(dir, 'kept.txt'), 'on disk\n');
  fs.writeFileSync(path.join(dir, 'doomed.txt'), 'to delete\n');
  fs.mkdirSync(path.join(dir, 'replaced'));
  fs.writeFileSync(path.join(dir, 'replaced/old.txt'), 'old\n');
  fs.mkdirSync(path.join(dir, 'node_modules'));
  // A Node script that opens a Unix socket and leaves its file behind, and writes a file: Node under no preload.
  fs.writeFileSync(path.join(dir, 'node-part.cjs'), `
    const fs = require('fs');
    fs.writeFileSync('by-node.txt', 'node wrote this\\n');
    fs.writeFileSync('node_modules/.cache-entry', 'passes through to disk\\n');
    const server = require('net').createServer().listen('socket', () => process.exit(0));`);
  if (owner === 'nobody') spawnSync('chown', ['-R', '65534:65534', dir, temp]);
}

const nonNodeWorkload = [
  'set -e',
  'echo changed > kept.txt', // a shell redirect over a disk file
  'rm doomed.txt',
  'echo made by sh > made-by-sh.txt',
  'git init -q repo',
  'tar cf archive.tar kept.txt made-by-sh.txt && tar tf archive.tar > listing.txt', // tar reads what sh wrote
  'mkfifo fifo',
  'ln made-by-sh.txt hard-link.txt',
  'ln -s made-by-sh.txt symlink',
  'chmod 600 made-by-sh.txt',
  'rm -r replaced && mkdir replaced && echo new > replaced/new.txt', // an opaque folder
  'node node-part.cjs',
  'id -u > uid.txt',
  'echo in tmp > "$TMPDIR/in-tmp.txt"',
  'exit 3',
].join('\n');

for (const user of ['root', 'nobody'] as const) {
  const why = whyNoOverlay(user);
  describe.skipIf(why !== undefined)(`--engine kernel as ${user}${why ? ` (skipped: ${why})` : ''}`, () => {
    it('keeps what git, tar, sh, mkfifo, a socket and node wrote in the overlay and exports it; the disk is unchanged', () => {
      seedProject(user);
      fs.writeFileSync(path.join(dir, 'workload.sh'), nonNodeWorkload);
      if (user === 'nobody') spawnSync('chown', ['65534:65534', path.join(dir, 'workload.sh')]);
      const before = snapshotDisk(dir, withoutReport);
      const tempBefore = snapshotDisk(temp);

      const result = runCli(['run', '--engine', 'kernel', '--', 'sh workload.sh'], { user });
      expect(result.stderr).toContain(user === 'root' ? 'entered as root with CAP_SYS_ADMIN' : 'entered through an unprivileged user namespace');
      expect(result.status).toBe(3);

      const after = snapshotDisk(dir, withoutReport);
      // Only the pass-through folder, bound back over the overlay, reached the disk.
      expect(Object.keys(after).filter((p) => !(p in before))).toEqual(['node_modules/.cache-entry']);
      for (const passedThrough of ['node_modules', 'node_modules/.cache-entry']) {
        delete after[passedThrough];
        delete before[passedThrough];
      }
      expect(after).toEqual(before);
      expect(snapshotDisk(temp)).toEqual(tempBefore);

      const changes = new Map(manifest().changes.map((c) => [c.relativePath, c]));
      const kinds = Object.fromEntries([...changes].map(([p, c]) => [p, `${c.change} ${c.type}`]));
      expect(kinds).toMatchObject({
        'kept.txt': 'modified file', 'doomed.txt': 'deleted file', 'made-by-sh.txt': 'created file', 'archive.tar': 'created file',
        'listing.txt': 'created file', fifo: 'created other', socket: 'created other', 'hard-link.txt': 'created file',
        symlink: 'created symlink', 'replaced/old.txt': 'deleted file', 'replaced/new.txt': 'created file', 'by-node.txt': 'created file',
        'repo/.git/HEAD': 'created file', 'in-tmp.txt': 'created file',
      });
      expect(changes.has('replaced')).toBe(false); // the folder is still a folder with the same mode: its entries changed
      expect(changes.has('node_modules/.cache-entry')).toBe(false);
      expect(changes.get('made-by-sh.txt')).toMatchObject({ mode: 0o600, linkedWith: [path.join(dir, 'hard-link.txt')] });
      expect(changes.get('symlink')?.target).toBe('made-by-sh.txt');
      expect(changes.get('kept.txt')).toMatchObject({ contentChanged: true, metadataChanged: false });
      expect(exported('kept.txt')).toBe('changed\n');
      expect(exported('listing.txt')).toBe('kept.txt\nmade-by-sh.txt\n');
      expect(exported('by-node.txt')).toBe('node wrote this\n');
      expect(exported('uid.txt')).toBe(user === 'root' ? '0\n' : '65534\n'); // the command runs as the caller
      expect(fs.readFileSync(path.join(dir, 'memfs-report/files/tmp/in-tmp.txt'), 'utf8')).toBe('in tmp\n');
    });

    it('runs a node --test suite that reads back what a shell wrote, and passes with the disk untouched', () => {
      seedProject(user);
      fs.writeFileSync(path.join(dir, 'shell-and-node.test.mjs'), `
        import { test } from 'node:test';
        import assert from 'node:assert';
        import { execSync } from 'node:child_process';
        import fs from 'node:fs';
        test('a file written by sh is read by node, and one written by node is read by sh', () => {
          execSync('echo from sh > from-sh.txt');
          assert.strictEqual(fs.readFileSync('from-sh.txt', 'utf8'), 'from sh\\n');
          fs.writeFileSync('from-node.txt', 'from node');
          assert.strictEqual(execSync('cat from-node.txt', { encoding: 'utf8' }), 'from node');
          fs.rmSync('kept.txt');
          assert.strictEqual(execSync('ls kept.txt 2>&1 || true', { encoding: 'utf8' }).includes('No such file'), true);
        });`);
      if (user === 'nobody') spawnSync('chown', ['-R', '65534:65534', dir]);
      const before = snapshotDisk(dir, withoutReport);
      const result = runCli(['run', '--engine', 'kernel', '--export', 'always', '--', 'node', '--test', 'shell-and-node.test.mjs'], { user });
      expect(result.status, result.stderr).toBe(0);
      expect(snapshotDisk(dir, withoutReport)).toEqual(before);
      expect(manifest().changes.map((c) => `${c.change} ${c.relativePath}`).sort()).toEqual(['created from-node.txt', 'created from-sh.txt', 'deleted kept.txt']);
    });
  });
}

describe.skipIf(whyNoOverlay('root') !== undefined)('--engine kernel: signals and teardown', () => {
  it('passes a termination on to the command, still exports what it wrote, and leaves no mount behind', async () => {
    fs.writeFileSync(path.join(dir, 'slow.sh'), 'trap "echo stopped > stopped.txt; exit 7" TERM\necho ready\nwhile true; do sleep 0.1; done\n');
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [cli, 'run', '--engine', 'kernel', '--', 'sh', 'slow.sh'], {
      cwd: dir, env: { ...process.env, NO_COLOR: '1', TMPDIR: temp }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise((resolve) => child.stdout.once('data', resolve)); // "ready": the trap is set
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code, stderr).toBe(7);
    expect(fs.existsSync(path.join(dir, 'stopped.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'memfs-report/files/workspace/stopped.txt'), 'utf8')).toBe('stopped\n');
    expect(mountsOf('memfs-overlay')).toEqual([]); // the namespace, and with it every mount, is gone
  });
});

describe.skipIf(whyNoOverlay('root') !== undefined)('--engine kernel: pass-through paths', () => {
  it('writes what the command left under pass-through paths back to the disk at its end, a folder it replaced and one it made included', () => {
    fs.mkdirSync(path.join(dir, 'coverage'));
    fs.writeFileSync(path.join(dir, 'coverage/stale.json'), 'stale');
    // As coverage tools do: remove the folder and make it again (a bind mount would refuse the rmdir with EBUSY).
    const script = 'rm -rf coverage && mkdir coverage && echo fresh > coverage/lcov.info && mkdir test-results && echo "<x/>" > test-results/junit.xml && echo kept > in-memory.txt && exit 1';
    const result = runCli(['run', '--engine', 'kernel', '--', script]);
    expect(result.status, result.stderr).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'coverage'))).toEqual(['lcov.info']);
    expect(fs.readFileSync(path.join(dir, 'coverage/lcov.info'), 'utf8')).toBe('fresh\n');
    expect(fs.readFileSync(path.join(dir, 'test-results/junit.xml'), 'utf8')).toBe('<x/>\n');
    expect(fs.existsSync(path.join(dir, 'in-memory.txt'))).toBe(false);
    expect(manifest().changes.map((c) => `${c.change} ${c.relativePath}`)).toEqual(['created in-memory.txt']);
  });
});

describe('--engine auto and kernel where no way in works', () => {
  // An `unshare` that the kernel refuses, first on PATH: every way in fails as it would under a restrictive AppArmor.
  const refusingPath = () => {
    const bin = path.join(temp, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'unshare'), '#!/bin/sh\necho "unshare: unshare failed: Operation not permitted" >&2\nexit 1\n', { mode: 0o755 });
    fs.writeFileSync(path.join(bin, 'sudo'), '#!/bin/sh\necho "sudo: a password is required" >&2\nexit 1\n', { mode: 0o755 });
    return `${bin}:${process.env.PATH}`;
  };

  it('auto falls back to the preload and says why in the log and the summary', () => {
    fs.writeFileSync(path.join(dir, 'w.cjs'), "require('fs').writeFileSync('x.txt', 'x'); process.exitCode = 1;");
    const result = runCli(['run', '--engine', 'auto', '--', 'node', 'w.cjs'], { env: { PATH: refusingPath() } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^memfs-action: auto chose the preload engine: the kernel's overlay cannot be set up here \(.*unshare: unshare failed: Operation not permitted.*\)\.\n/);
    expect(fs.existsSync(path.join(dir, 'x.txt'))).toBe(false); // the preload kept it in memory
    expect(manifest().changes.map((c) => c.relativePath)).toEqual(['x.txt']);
    expect(fs.readFileSync(path.join(dir, 'memfs-report/summary.md'), 'utf8')).toContain('auto chose the preload engine');
  });

  it('kernel stops before running anything, naming each way in and why it failed', () => {
    const result = runCli(['run', '--engine', 'kernel', '--', 'touch ran.txt'], { env: { PATH: refusingPath() } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^memfs-action: --engine kernel: the kernel's overlay cannot be set up here: .*unshare failed: Operation not permitted.*\. Use --engine preload \(or auto, which falls back to it\)\.\n$/);
    expect(fs.existsSync(path.join(dir, 'ran.txt'))).toBe(false);
  });

  it('rejects an engine it does not know', () => {
    const result = runCli(['run', '--engine', 'fuse', '--', 'true']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('memfs-action: --engine: "fuse" is not one of preload, kernel, auto.\n');
  });
});

function mountsOf(source: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      for (const line of fs.readFileSync(`/proc/${pid}/mountinfo`, 'utf8').split('\n')) if (line.includes(` ${source} `)) found.push(`${pid}: ${line}`);
    } catch {
      // a process that ended meanwhile
    }
  }
  return found;
}
