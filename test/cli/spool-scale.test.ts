// The spool through the product path at the scale of real suites: hundreds of Node processes in one run under the
// CLI, each seeing what the run made visible before it, without the spool growing with the number of processes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import { snapshotDisk } from '../support/disk-snapshot.js';
import { buildCli } from './cli-bundle.js';

let cli: string;
let project: string;

beforeAll(async () => {
  cli = await buildCli();
});

beforeEach(() => {
  project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-cli-scale-')));
});

afterEach(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

const runCli = (args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const script = (name: string, source: string) => fs.writeFileSync(path.join(project, name), source);
const manifest = (): Manifest => JSON.parse(fs.readFileSync(path.join(project, 'memfs-report/manifest.json'), 'utf8'));
const notTheReport = { ignore: (relative: string) => relative === 'memfs-report' || relative.startsWith('memfs-report/') };

/** A script that prints the bytes the run's spool holds (journals of every process so far). */
const spoolSize = `
  const spoolBytes = () => fs.readdirSync(process.env.MEMFS_SPOOL)
    .reduce((sum, name) => sum + fs.statSync(path.join(process.env.MEMFS_SPOOL, name)).size, 0);`;

describe('a run of many processes under the CLI', () => {
  it('200 processes started one after another all see a 1 MiB file written before them, and the spool stays its size', () => {
    script('run.cjs', `
      const fs = require('fs'), path = require('path'), { spawnSync } = require('child_process');
      ${spoolSize}
      fs.writeFileSync('big.bin', Buffer.alloc(1024 * 1024, 7));
      const afterWrite = spoolBytes();
      let blind = 0;
      for (let i = 0; i < 200; i++) {
        const child = spawnSync(process.execPath, ['-e', 'process.exit(require("fs").statSync("big.bin").size === 1048576 ? 0 : 9)']);
        if (child.status !== 0) blind++;
      }
      fs.writeFileSync('report.json', JSON.stringify({ afterWrite, afterChildren: spoolBytes(), blind }));
      process.exitCode = 1;`);
    const before = snapshotDisk(project, notTheReport);
    expect(runCli(['run', '--', 'node', 'run.cjs']).status).toBe(1);
    expect(snapshotDisk(project, notTheReport)).toEqual(before);
    const report = JSON.parse(fs.readFileSync(path.join(project, 'memfs-report/files/workspace/report.json'), 'utf8'));
    expect(report.blind).toBe(0);
    expect(report.afterWrite).toBeGreaterThan(1024 * 1024);
    expect(report.afterWrite).toBeLessThan(1024 * 1024 + 16 * 1024);
    // A process that only reads writes nothing to the spool.
    expect(report.afterChildren).toBe(report.afterWrite);
    // And is no writer of anything.
    expect(manifest().writers.map((w) => w.command)).toEqual([expect.stringContaining('run.cjs')]);
  }, 240_000); // 200 Node start-ups: about 15 s alone, several times that on a busy shared machine

  it('30 processes running at once each read the input their parent wrote and write their own output', () => {
    script('run.cjs', `
      const fs = require('fs'), { spawn } = require('child_process');
      fs.mkdirSync('out');
      fs.writeFileSync('input.txt', 'shared input');
      let running = 30, failed = 0;
      for (let i = 0; i < 30; i++) {
        const child = spawn(process.execPath, ['worker.cjs', String(i)], { stdio: 'inherit' });
        child.on('exit', (code) => {
          if (code !== 0) failed++;
          if (--running === 0) {
            fs.writeFileSync('failed.txt', String(failed));
            process.exitCode = 1;
          }
        });
      }`);
    script('worker.cjs', `
      const fs = require('fs');
      const i = process.argv[2];
      const input = fs.readFileSync('input.txt', 'utf8');
      for (let round = 0; round < 20; round++) fs.writeFileSync('out/' + i + '.txt', input + ' read by ' + i + ' in round ' + round);
      fs.writeFileSync('out/' + i + '.done', fs.readFileSync('out/' + i + '.txt'));`);
    expect(runCli(['run', '--', 'node', 'run.cjs']).status).toBe(1);
    const exported = (relative: string) => fs.readFileSync(path.join(project, 'memfs-report/files/workspace', relative), 'utf8');
    expect(exported('failed.txt')).toBe('0');
    for (let i = 0; i < 30; i++) {
      expect(exported(`out/${i}.txt`)).toBe(`shared input read by ${i} in round 19`);
      expect(exported(`out/${i}.done`)).toBe(`shared input read by ${i} in round 19`);
    }
    const m = manifest();
    expect(m.writers).toHaveLength(31);
    expect(m.gaps).toEqual([]);
    const writerOf = (relative: string) => m.writers[m.changes.find((c) => c.relativePath === relative)!.firstWriter!]!.command;
    expect(writerOf('out/7.txt')).toContain('worker.cjs 7');
  });
});
