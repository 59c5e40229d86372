// The journal under the real preload, in processes that are killed: what a process closed is on the spool even when
// it never returns to its event loop afterwards (a test stuck in a synchronous loop until a timeout kills it).
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldJournals } from '../../src/changes/fold.js';
import { createSpool, removeSpool } from '../../src/changes/spool.js';
import { removeTempDirs, tempDir } from './support/journal-builder.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let preload: string;
let project: string;
let spool: string;

beforeAll(async () => {
  const folder = tempDir('memfs-journal-kill-preload-');
  preload = path.join(folder, 'preload.cjs');
  await build({
    entryPoints: [path.join(repo, 'src/preload/index.ts')], bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', outfile: preload, logLevel: 'warning',
  });
}, 60_000);

beforeEach(() => {
  project = tempDir('memfs-journal-kill-project-');
  spool = createSpool();
});

afterEach(() => removeSpool(spool));
afterAll(removeTempDirs);

/** Journals written directly (one system call per frame), and through the writer thread's ring from the first change. */
const writerThreads = [
  { name: 'with direct writes', env: { MEMFS_JOURNAL_THREAD: '0' } },
  { name: 'through the writer thread', env: { MEMFS_JOURNAL_THREAD: '1' } },
];
let writerThreadEnv: Record<string, string> = {};

/** Runs `source` under the preload, waits for it to print "spinning", and SIGKILLs it `afterMs` later. */
function runAndKill(source: string, afterMs: number): Promise<NodeJS.Signals | null> {
  fs.writeFileSync(path.join(project, 'script.cjs'), source);
  const child = spawn(process.execPath, ['script.cjs'], {
    cwd: project,
    env: { ...process.env, NODE_OPTIONS: `--require ${preload}`, MEMFS_SPOOL: spool, MEMFS_ROOTS: project, ...writerThreadEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('spinning')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve(signal);
    });
  });
}

const folded = () => foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: project }] });
const contentOf = (relative: string) => {
  const changeSet = folded();
  const change = changeSet.changes.find((c) => c.relativePath === relative);
  return change ? changeSet.content!.read(change)?.toString() : undefined;
};

describe.each(writerThreads)('journal of a killed process, $name', ({ env }) => {
  beforeEach(() => {
    writerThreadEnv = env;
  });

  it('keeps a file closed just before the process spun in a synchronous loop until SIGKILL', async () => {
    // A write after the event loop has turned once, so the journal is past any start-up path when the loop begins.
    const signal = await runAndKill(`
      const fs = require('fs');
      fs.writeFileSync('first.txt', 'starts the journal');
      setTimeout(() => {
        fs.writeFileSync('closed.txt', 'closed, then the loop');
        process.stdout.write('spinning\\n');
        for (;;);
      }, 300);`, 200);
    expect(signal).toBe('SIGKILL');
    expect(contentOf('first.txt')).toBe('starts the journal');
    expect(contentOf('closed.txt')).toBe('closed, then the loop');
  });

  it('keeps a file closed as the first change of a process that then spun until SIGKILL', async () => {
    const signal = await runAndKill(`
      require('fs').writeFileSync('only.txt', 'the first and only change');
      process.stdout.write('spinning\\n');
      for (;;);`, 200);
    expect(signal).toBe('SIGKILL');
    expect(contentOf('only.txt')).toBe('the first and only change');
  });

  it('keeps every one of many files closed in a burst before the loop', async () => {
    const signal = await runAndKill(`
      const fs = require('fs');
      fs.writeFileSync('warm.txt', 'x');
      setTimeout(() => {
        for (let i = 0; i < 500; i++) fs.writeFileSync('burst-' + i + '.txt', 'file ' + i);
        process.stdout.write('spinning\\n');
        for (;;);
      }, 300);`, 200);
    expect(signal).toBe('SIGKILL');
    const names = new Set(folded().changes.map((c) => c.relativePath));
    expect([...Array(500).keys()].filter((i) => !names.has(`burst-${i}.txt`))).toEqual([]);
  });
});
