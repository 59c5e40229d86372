// Permissions as Linux enforces them for an unprivileged process: a child running as nobody makes the same calls
// on a disk tree and through an engine over its copy (trees built here, as root, with mixed owners and modes).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const NOBODY = 65534;
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function buildMixedTree(root: string): void {
  const file = (p: string, content: string, mode: number, uid = 0) => {
    fs.writeFileSync(path.join(root, p), content);
    fs.chmodSync(path.join(root, p), mode);
    fs.chownSync(path.join(root, p), uid, uid);
  };
  const dir = (p: string, mode: number, uid = 0) => {
    fs.mkdirSync(path.join(root, p));
    fs.chmodSync(path.join(root, p), mode);
    fs.chownSync(path.join(root, p), uid, uid);
  };
  fs.chmodSync(root, 0o755);
  file('top.txt', 'root file', 0o644);
  file('mode000.txt', 'secret', 0o000);
  file('script.sh', '#!/bin/sh\n', 0o755);
  file('setuid.sh', '#!/bin/sh\n', 0o4777);
  file('own.txt', 'mine', 0o644, NOBODY);
  dir('ro', 0o555);
  file('ro/inside.txt', 'in ro', 0o666);
  dir('open', 0o777);
  dir('sticky', 0o1777);
  file('sticky/roots.txt', 'root in sticky', 0o666);
  file('sticky/mine.txt', 'nobody in sticky', 0o644, NOBODY);
  dir('noexec', 0o666);
  file('noexec/file.txt', 'x', 0o644);
  dir('noread', 0o311);
  file('noread/file.txt', 'y', 0o644);
  dir('mine', 0o755, NOBODY);
  file('mine/f', 'own', 0o644, NOBODY);
  dir('mine-ro', 0o555, NOBODY);
  file('own000.txt', 'unreadable on disk', 0o000, NOBODY);
}

describe('permissions for an unprivileged user', () => {
  const canRun = process.getuid?.() === 0;
  it.runIf(canRun)('match the disk for reads, writes, creation, removal, sticky directories and ownership changes', () => {
    const disk = fs.mkdtempSync(path.join(os.tmpdir(), 'h1-dsk-'));
    const upper = fs.mkdtempSync(path.join(os.tmpdir(), 'h1-ovl-'));
    made.push(disk, upper);
    buildMixedTree(disk);
    buildMixedTree(upper);
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/as-nobody.ts'), disk, upper], {
      cwd: repo, uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    const result = JSON.parse(child.stdout) as { uid: number; mismatches: unknown[]; errors: string[]; limit: unknown };
    expect(result.uid).toBe(NOBODY);
    expect(result.mismatches).toEqual([]);
    // The run must have met the refusals it is about.
    expect(result.errors).toEqual(expect.arrayContaining(['EACCES', 'EPERM']));
  });

  it.runIf(canRun)('cannot read a disk file the process may not read, even after an overlay chmod, and says so as open', () => {
    const disk = fs.mkdtempSync(path.join(os.tmpdir(), 'h1-dsk-'));
    const upper = fs.mkdtempSync(path.join(os.tmpdir(), 'h1-ovl-'));
    made.push(disk, upper);
    buildMixedTree(disk);
    buildMixedTree(upper);
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/as-nobody.ts'), disk, upper], {
      cwd: repo, uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 60_000,
    });
    const result = JSON.parse(child.stdout) as { limit: unknown };
    expect(result.limit).toEqual({
      error: { message: "EACCES: permission denied, open 'own000.txt'", code: 'EACCES', errno: -13, syscall: 'open', path: 'own000.txt' },
    });
  });
});
