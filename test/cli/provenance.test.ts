// Who wrote each path, end to end: the preload finds the test file of a write, the manifest keeps it, the reports
// name it in a few words and give each process's command once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import { buildCli } from './cli-bundle.js';

let cli: string;
let project: string;
let temp: string;

beforeAll(async () => {
  cli = await buildCli();
});

beforeEach(() => {
  project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-provenance-project-')));
  temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-provenance-tmp-')));
});

afterEach(() => {
  for (const folder of [project, temp]) fs.rmSync(folder, { recursive: true, force: true });
});

function run(command: string[]): { stderr: string; manifest: Manifest; summary: string } {
  const result = spawnSync(process.execPath, [cli, 'run', '--', ...command], {
    cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: temp },
  });
  const out = path.join(project, 'memfs-report');
  return {
    stderr: result.stderr,
    manifest: JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest,
    summary: fs.readFileSync(path.join(out, 'summary.md'), 'utf8'),
  };
}

const writerOf = (m: Manifest, relativePath: string) => m.writers[m.changes.find((c) => c.relativePath === relativePath)!.firstWriter!]!;

describe('the writer of a path', () => {
  it('is a root-level test.js, for its own writes and for those of its callbacks and timers', () => {
    fs.writeFileSync(path.join(project, 'test.js'), `
      const fs = require('fs');
      fs.writeFileSync('sync.txt', 'a');
      fs.writeFile('callback.txt', 'b', () => setTimeout(() => { fs.writeFileSync('timer.txt', 'c'); process.exitCode = 1; }, 1));`);
    const { manifest } = run([process.execPath, 'test.js']);
    for (const file of ['sync.txt', 'callback.txt', 'timer.txt']) expect(writerOf(manifest, file).testFile).toBe(path.join(project, 'test.js'));
  });

  it('is the process when no test shows, named on each row by a short label, its command said once', () => {
    fs.mkdirSync(path.join(project, 'scripts'));
    fs.writeFileSync(path.join(project, 'scripts/build.js'), `
      const fs = require('fs');
      for (let i = 0; i < 3; i++) fs.writeFileSync('out-' + i + '.txt', String(i));
      process.exitCode = 1;`);
    const { manifest, stderr, summary } = run([process.execPath, '--no-warnings', 'scripts/build.js', '--long-option-that-is-part-of-the-command']);
    expect(writerOf(manifest, 'out-0.txt').testFile).toBeUndefined();
    expect(writerOf(manifest, 'out-0.txt').command).toContain('--long-option-that-is-part-of-the-command');
    const rows = stderr.split('\n').filter((line) => /^ +created +workspace\/out-/.test(line));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/ node scripts\/build\.js$/);
    // Said twice on each surface: as the run's command, and once for its one process (not on each of its rows).
    expect(stderr.match(/--long-option-that-is-part-of-the-command/g)).toHaveLength(2);
    expect(summary.match(/--long-option-that-is-part-of-the-command/g)).toHaveLength(2);
    expect(summary).toContain('<details><summary>Written by: 1 process</summary>');
  });
});
