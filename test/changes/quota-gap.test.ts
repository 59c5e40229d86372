// A write the memory quota refuses fails with ENOSPC in the test; the capture records it, so that the manifest and
// the printed report can name the quota as the cause instead of leaving the failure unexplained.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import { buildCli } from '../cli/cli-bundle.js';

let cli: string;
let project: string;

beforeAll(async () => {
  cli = await buildCli();
});

beforeEach(() => {
  project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-quota-gap-')));
});

afterEach(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

const runCli = (args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};
const readManifest = (): Manifest => JSON.parse(fs.readFileSync(path.join(project, 'memfs-report/manifest.json'), 'utf8'));

describe('writes refused by the memory quota', () => {
  it('become a quota-exceeded gap in the manifest and a warning in the printed report', () => {
    fs.writeFileSync(path.join(project, 'big.cjs'), `
      const fs = require('fs');
      try { fs.writeFileSync('big.bin', Buffer.alloc(4096, 1)); } catch (error) { console.error('caught', error.code); }
      process.exitCode = 1;`);
    const result = runCli(['run', '--quota', '1k', '--', 'node', 'big.cjs']);
    expect(result.status).toBe(1);
    expect(result.output).toContain('caught ENOSPC');
    const gaps = readManifest().gaps.filter((gap) => gap.reason === 'quota-exceeded');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.command).toContain('big.cjs');
    expect(gaps[0]!.detail).toContain(`1 write refused by the memory quota of 1 KiB per process, first at ${path.join(project, 'big.bin')}`);
    expect(gaps[0]!.detail).toContain('--quota');
    // The terminal shortens long warnings in the middle: the advice at the end is what always shows.
    expect(result.output).toMatch(/warnings:\n.*\(4 KiB needed\); raise it with --quota \/ the quota input \/ MEMFS_QUOTA/);
  });

  it('counts every refusal of a process in one gap', () => {
    fs.writeFileSync(path.join(project, 'many.cjs'), `
      const fs = require('fs');
      for (let i = 0; i < 3; i++) {
        try { fs.writeFileSync('big' + i + '.bin', Buffer.alloc(4096)); } catch {}
      }
      process.exitCode = 1;`);
    expect(runCli(['run', '--quota', '1k', '--', 'node', 'many.cjs']).status).toBe(1);
    const gaps = readManifest().gaps.filter((gap) => gap.reason === 'quota-exceeded');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.detail).toMatch(/^3 writes refused .* first at .*big0\.bin/);
  });

  it('leave no gap when every write fits', () => {
    fs.writeFileSync(path.join(project, 'small.cjs'), `require('fs').writeFileSync('small.bin', Buffer.alloc(100)); process.exitCode = 1;`);
    expect(runCli(['run', '--quota', '1k', '--', 'node', 'small.cjs']).status).toBe(1);
    expect(readManifest().gaps.filter((gap) => gap.reason === 'quota-exceeded')).toEqual([]);
  });
});
