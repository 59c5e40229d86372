// The spool through the product path at the scale of real suites: hundreds of Node processes in one run under the
// CLI, each seeing what the run made visible before it, without the spool growing with the number of processes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotDisk } from '../support/disk-snapshot.js';
import { useCliProject } from './cli-project.js';

const cliProject = useCliProject('memfs-cli-scale-');
const notTheReport = { ignore: (relative: string) => relative === 'memfs-report' || relative.startsWith('memfs-report/') };

/** A script that prints the bytes the run's spool holds (journals of every process so far). */
const spoolSize = `
  const spoolBytes = () => fs.readdirSync(process.env.MEMFS_SPOOL)
    .reduce((sum, name) => sum + fs.statSync(path.join(process.env.MEMFS_SPOOL, name)).size, 0);`;

describe('a run of many processes under the CLI', () => {
  it('200 processes started one after another all see a 1 MiB file written before them, and the spool stays its size', () => {
    cliProject.script('run.cjs', `
      const fs = require('fs'), path = require('path'), { spawnSync } = require('child_process');
      ${spoolSize}
      fs.writeFileSync('big.bin', Buffer.alloc(1024 * 1024, 7));
      // In the spool by the end of the turn (journal.ts): measured in the next one.
      setImmediate(() => {
        const afterWrite = spoolBytes();
        let blind = 0;
        for (let i = 0; i < 200; i++) {
          const child = spawnSync(process.execPath, ['-e', 'process.exit(require("fs").statSync("big.bin").size === 1048576 ? 0 : 9)']);
          if (child.status !== 0) blind++;
        }
        fs.writeFileSync('report.json', JSON.stringify({ afterWrite, afterChildren: spoolBytes(), blind }));
        process.exitCode = 1;
      });`);
    const before = snapshotDisk(cliProject.dir, notTheReport);
    expect(cliProject.run(['run', '--', 'node', 'run.cjs']).status).toBe(1);
    expect(snapshotDisk(cliProject.dir, notTheReport)).toEqual(before);
    const report = JSON.parse(fs.readFileSync(path.join(cliProject.dir, 'memfs-report/files/workspace/report.json'), 'utf8'));
    expect(report.blind).toBe(0);
    expect(report.afterWrite).toBeGreaterThan(1024 * 1024);
    expect(report.afterWrite).toBeLessThan(1024 * 1024 + 16 * 1024);
    // A process that only reads writes nothing to the spool.
    expect(report.afterChildren).toBe(report.afterWrite);
    // And is no writer of anything.
    expect(cliProject.manifest().writers.map((w) => w.command)).toEqual([expect.stringContaining('run.cjs')]);
  }, 240_000); // 200 Node start-ups: about 15 s alone, several times that on a busy shared machine

  it('30 processes running at once each read the input their parent wrote and write their own output', () => {
    cliProject.script('run.cjs', `
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
    cliProject.script('worker.cjs', `
      const fs = require('fs');
      const i = process.argv[2];
      const input = fs.readFileSync('input.txt', 'utf8');
      for (let round = 0; round < 20; round++) fs.writeFileSync('out/' + i + '.txt', input + ' read by ' + i + ' in round ' + round);
      fs.writeFileSync('out/' + i + '.done', fs.readFileSync('out/' + i + '.txt'));`);
    expect(cliProject.run(['run', '--', 'node', 'run.cjs']).status).toBe(1);
    const exported = (relative: string) => fs.readFileSync(path.join(cliProject.dir, 'memfs-report/files/workspace', relative), 'utf8');
    expect(exported('failed.txt')).toBe('0');
    for (let i = 0; i < 30; i++) {
      expect(exported(`out/${i}.txt`)).toBe(`shared input read by ${i} in round 19`);
      expect(exported(`out/${i}.done`)).toBe(`shared input read by ${i} in round 19`);
    }
    const m = cliProject.manifest();
    expect(m.writers).toHaveLength(31);
    expect(m.gaps).toEqual([]);
    const writerOf = (relative: string) => m.writers[m.changes.find((c) => c.relativePath === relative)!.firstWriter!]!.command;
    expect(writerOf('out/7.txt')).toContain('worker.cjs 7');
  });

  it('saves a file a process keeps open with writes, within the sweep, though the process changes nothing else and is then killed', () => {
    cliProject.script('run.cjs', `
      const fs = require('fs');
      const fd = fs.openSync('open.log', 'w');
      fs.writeSync(fd, 'written, never closed');
      setTimeout(() => process.kill(process.pid, 'SIGKILL'), 2500); // the journal's sweep runs every second
    `);
    expect(cliProject.run(['run', '--export', 'always', '--', 'node', 'run.cjs']).status).toBe(137);
    expect(fs.readFileSync(cliProject.exported('open.log'), 'utf8')).toBe('written, never closed');
    expect(cliProject.manifest().gaps).toEqual([]);
  });
});
