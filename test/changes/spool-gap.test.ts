// The run's spool has a limit: a write past it fails with ENOSPC in the test, as a full disk would, and the capture
// says so. And when the spool's filesystem refuses a journal write anyway, the capture says what was lost.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliProject } from '../cli/cli-project.js';

const cliProject = useCliProject('memfs-spool-gap-');

describe('the run spool limit', () => {
  it('fails the write that would pass it with ENOSPC in the test, keeps the files before it, and reports the limit and the file', () => {
    cliProject.script('fill.cjs', `
      const fs = require('fs');
      let i = 0;
      try {
        for (; i < 100; i++) fs.writeFileSync('f' + i + '.bin', Buffer.alloc(64 * 1024, i));
      } catch (error) {
        console.log('refused at', i, error.code, error.syscall);
      }
      process.exitCode = 1;`);
    const result = cliProject.run(['run', '--spool-limit', '256k', '--', 'node', 'fill.cjs']);
    expect(result.status).toBe(1);
    const refusedAt = Number(/refused at (\d+) ENOSPC write/.exec(result.output)?.[1]);
    expect(refusedAt).toBeGreaterThan(0);
    expect(refusedAt).toBeLessThan(4);
    for (let i = 0; i < refusedAt; i++) expect(fs.readFileSync(cliProject.exported(`f${i}.bin`))).toEqual(Buffer.alloc(64 * 1024, i));
    expect(fs.existsSync(cliProject.exported(`f${refusedAt}.bin`))).toBe(false);
    const gaps = cliProject.manifest().gaps;
    expect(gaps.map((gap) => gap.reason)).toEqual(['spool-full']);
    expect(gaps[0]!.command).toContain('fill.cjs');
    expect(gaps[0]!.detail).toMatch(new RegExp(
      `^1 write refused: the run's spool reached its limit of 256 KiB on /\\S+ \\([^)]+\\), first at ${path.join(cliProject.dir, `f${refusedAt}.bin`)} `));
    // The terminal shortens long warnings in the middle: the advice at the end is what always shows.
    expect(result.output).toMatch(/warnings:\n.*raise it with --spool-limit \/ the spool-limit input \/ MEMFS_SPOOL_LIMIT/);
  });

  it('fails a write through a descriptor that would pass it, and keeps what the file held before', () => {
    cliProject.script('stream.cjs', `
      const fs = require('fs');
      const fd = fs.openSync('log.bin', 'w');
      let chunks = 0;
      try {
        for (; chunks < 1000; chunks++) fs.writeSync(fd, Buffer.alloc(64 * 1024, 7));
      } catch (error) {
        console.log('refused after', chunks, error.code);
      }
      fs.closeSync(fd);
      process.exitCode = 1;`);
    const result = cliProject.run(['run', '--spool-limit', '1m', '--', 'node', 'stream.cjs']);
    const chunks = Number(/refused after (\d+) ENOSPC/.exec(result.output)?.[1]);
    expect(chunks).toBeGreaterThan(0);
    expect(chunks).toBeLessThan(16);
    expect(fs.statSync(cliProject.exported('log.bin')).size).toBe(chunks * 64 * 1024);
    expect(cliProject.manifest().gaps).toEqual([expect.objectContaining({ reason: 'spool-full', detail: expect.stringContaining(`first at ${path.join(cliProject.dir, 'log.bin')}`) })]);
  });

  it('leaves no gap when everything fits', () => {
    cliProject.script('small.cjs', `require('fs').writeFileSync('small.bin', Buffer.alloc(1000)); process.exitCode = 1;`);
    expect(cliProject.run(['run', '--spool-limit', '1m', '--', 'node', 'small.cjs']).status).toBe(1);
    expect(cliProject.manifest().gaps).toEqual([]);
  });
});

describe('a journal write the filesystem refuses', () => {
  it('is reported as lost with the first file, while what came before and what fitted after are kept', () => {
    cliProject.script('lose.cjs', `
      const fs = require('fs');
      for (const name of ['a', 'b', 'c', 'd']) fs.writeFileSync(name + '.bin', Buffer.alloc(60 * 1024, name.charCodeAt(0)));
      fs.writeFileSync('e.txt', 'small, written after');
      process.exitCode = 1;`);
    // A file size limit of 200 KiB on the command alone: its journal's fourth file does not fit, the small one after does.
    const result = cliProject.run(['run', '--', 'bash', '-c', 'ulimit -f 200; MEMFS_CODE_CACHE=off exec node lose.cjs']);
    expect(result.status).toBe(1);
    for (const name of ['a', 'b', 'c']) expect(fs.statSync(cliProject.exported(`${name}.bin`)).size).toBe(60 * 1024);
    expect(fs.existsSync(cliProject.exported('d.bin'))).toBe(false);
    expect(fs.readFileSync(cliProject.exported('e.txt'), 'utf8')).toBe('small, written after');
    const gaps = cliProject.manifest().gaps;
    expect(gaps.map((gap) => gap.reason)).toEqual(['spool-full']);
    expect(gaps[0]!.detail).toMatch(new RegExp(
      `^1 change could not be journaled because the spool's filesystem refused them \\(EFBIG on /\\S+ \\([^)]+\\)\\), `
        + `the first a content change of ${path.join(cliProject.dir, 'd.bin')}: they are missing from this report; `));
  });
});
