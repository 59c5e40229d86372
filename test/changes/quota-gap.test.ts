// A write the memory quota refuses fails with ENOSPC in the test; the capture records it, so that the manifest and
// the printed report can name the quota as the cause instead of leaving the failure unexplained.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliProject } from '../cli/cli-project.js';

const cliProject = useCliProject('memfs-quota-gap-');

describe('writes refused by the memory quota', () => {
  it('become a quota-exceeded gap in the manifest and a warning in the printed report', () => {
    cliProject.script('big.cjs', `
      const fs = require('fs');
      try { fs.writeFileSync('big.bin', Buffer.alloc(4096, 1)); } catch (error) { console.error('caught', error.code); }
      process.exitCode = 1;`);
    const result = cliProject.run(['run', '--quota', '1k', '--', 'node', 'big.cjs']);
    expect(result.status).toBe(1);
    expect(result.output).toContain('caught ENOSPC');
    const gaps = cliProject.manifest().gaps.filter((gap) => gap.reason === 'quota-exceeded');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.command).toContain('big.cjs');
    expect(gaps[0]!.detail).toContain(`1 write refused by the memory quota of 1 KiB per process, first at ${path.join(cliProject.dir, 'big.bin')}`);
    expect(gaps[0]!.detail).toContain('--quota');
    // The terminal shortens long warnings in the middle: the advice at the end is what always shows.
    expect(result.output).toMatch(/warnings:\n.*\(4 KiB needed\); raise it with --quota \/ the quota input \/ MEMFS_QUOTA/);
  });

  it('counts every refusal of a process in one gap', () => {
    cliProject.script('many.cjs', `
      const fs = require('fs');
      for (let i = 0; i < 3; i++) {
        try { fs.writeFileSync('big' + i + '.bin', Buffer.alloc(4096)); } catch {}
      }
      process.exitCode = 1;`);
    expect(cliProject.run(['run', '--quota', '1k', '--', 'node', 'many.cjs']).status).toBe(1);
    const gaps = cliProject.manifest().gaps.filter((gap) => gap.reason === 'quota-exceeded');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.detail).toMatch(/^3 writes refused .* first at .*big0\.bin/);
  });

  it('leave no gap when every write fits', () => {
    cliProject.script('small.cjs', `require('fs').writeFileSync('small.bin', Buffer.alloc(100)); process.exitCode = 1;`);
    expect(cliProject.run(['run', '--quota', '1k', '--', 'node', 'small.cjs']).status).toBe(1);
    expect(cliProject.manifest().gaps.filter((gap) => gap.reason === 'quota-exceeded')).toEqual([]);
  });
});
