// Signals under the preload with a spool, in real processes: the preload listens to none, so SIGTERM, SIGINT and
// SIGHUP end a process exactly as they end it under plain Node (run side by side with the same script), at once even
// when it is busy in synchronous code, and a program's own handler keeps its meaning. What the process closed is in
// the fold; the only thing a signal can take is the unsaved writes to files still open, and the gap names them.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldJournals } from '../../src/changes/fold.js';
import type { ChangeSet } from '../../src/changes/types.js';
import { configToEnv } from '../../src/preload/config.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

let preload: string;
let base: string;
let runs = 0;

beforeAll(async () => {
  preload = await buildPreload();
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-signals-test-')));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Promptly: far below any test timeout, far above a process that dies at the signal. */
const promptMs = 5000;

interface Ending {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the signal to the exit. */
  ms: number;
  stdout: string;
}

interface Run {
  project: string;
  spool: string;
}

/** The test run's environment without its overlay settings (and NODE_OPTIONS), keeping the code cache folder. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const overlaySetting = name.startsWith('MEMFS_') && name !== 'MEMFS_CODE_CACHE';
    if (!overlaySetting && !name.startsWith('VITEST') && name !== 'NODE_OPTIONS') env[name] = value;
  }
  return env;
}

function freshRun(): Run {
  const dir = path.join(base, `r${++runs}`);
  const run = { project: path.join(dir, 'project'), spool: path.join(dir, 'spool') };
  mkdirSync(run.project, { recursive: true });
  mkdirSync(run.spool);
  return run;
}

/** Runs `script` in `cwd`, sends `signal` once it prints "ready", and tells how the process ended. */
function endBySignal(node: string, script: string, cwd: string, env: NodeJS.ProcessEnv, signal: NodeJS.Signals): Promise<Ending> {
  const child = spawn(node, ['-e', script], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let sentAt: number | undefined;
    // A process that ignores the signal is killed for good after a while, so that the assertion, not vitest, fails.
    const guard = setTimeout(() => child.kill('SIGKILL'), 4 * promptMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (sentAt === undefined && stdout.includes('ready\n')) {
        sentAt = performance.now();
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, ended) => {
      clearTimeout(guard);
      resolve({ code, signal: ended, ms: sentAt === undefined ? Number.NaN : performance.now() - sentAt, stdout });
    });
  });
}

/** The same script under the preload with a spool, and under plain Node, at the same time. */
async function sideBySide(node: string, script: string, signal: NodeJS.Signals) {
  const run = freshRun();
  const plainDir = path.join(path.dirname(run.project), 'plain');
  mkdirSync(plainDir);
  const preloadEnv = { ...cleanEnv(), ...configToEnv({ roots: [run.project], spoolDir: run.spool }), NODE_OPTIONS: nodeOptionsWith(preload) };
  const [preloaded, plain] = await Promise.all([
    endBySignal(node, script, run.project, preloadEnv, signal),
    endBySignal(node, script, plainDir, cleanEnv(), signal),
  ]);
  return { run, preloaded, plain, changeSet: fold(run) };
}

function fold(run: Run): ChangeSet {
  return foldJournals({ spoolDir: run.spool, roots: [{ label: 'workspace', path: run.project }] });
}

function contentOf(changeSet: ChangeSet, relative: string): string | undefined {
  const change = changeSet.changes.find((c) => c.relativePath === relative);
  return change ? changeSet.content!.read(change)?.toString() : undefined;
}

const closeAFile = `const fs = require('fs');
  const fd = fs.openSync('closed.txt', 'w');
  fs.writeSync(fd, 'closed before the signal');
  fs.closeSync(fd);`;

const scripts = {
  idle: `${closeAFile} process.stdout.write('ready\\n'); setTimeout(() => {}, 60_000);`,
  busy: `${closeAFile} process.stdout.write('ready\\n'); for (;;);`,
};

const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
const cases = nodeBinaries().flatMap((binary) =>
  (['idle', 'busy'] as const).flatMap((state) => signals.map((signal) => [binary.major, state, signal, binary.path] as const)));

describe('a signal under the preload with a spool', () => {
  it.each(cases)('Node %i: a process %s when sent %s dies at once, as plain Node does, and keeps what it closed',
    async (_major, state, signal, node) => {
      const { preloaded, plain, changeSet } = await sideBySide(node, scripts[state], signal);
      expect(plain).toMatchObject({ code: null, signal });
      expect({ code: preloaded.code, signal: preloaded.signal }).toEqual({ code: plain.code, signal: plain.signal });
      expect(preloaded.ms).toBeLessThan(promptMs);
      expect(contentOf(changeSet, 'closed.txt')).toBe('closed before the signal');
      expect(changeSet.gaps).toEqual([]);
    }, 4 * promptMs + 10_000);

  const killers = nodeBinaries().flatMap((binary) => (['SIGTERM', 'SIGKILL'] as const).map((signal) => [binary.major, signal, binary.path] as const));

  it.each(killers)('Node %i: after %s the gap names the file still open with writes not saved yet', async (_major, signal, node) => {
    // Busy at once: the sweep that saves open files every second never gets to run.
    const script = `${closeAFile}
      const open = fs.openSync('open.log', 'w');
      fs.writeSync(open, 'written, never saved');
      process.stdout.write('ready\\n');
      for (;;);`;
    const { run, preloaded, plain, changeSet } = await sideBySide(node, script, signal);
    expect({ code: preloaded.code, signal: preloaded.signal }).toEqual({ code: plain.code, signal: plain.signal });
    expect(contentOf(changeSet, 'closed.txt')).toBe('closed before the signal');
    expect(changeSet.gaps).toEqual([expect.objectContaining({ reason: 'process-died-before-flush' })]);
    expect(changeSet.gaps[0]!.detail).toContain(`(${path.join(run.project, 'open.log')})`);
  }, 4 * promptMs + 10_000);

  it.each(nodeBinaries().map((b) => [b.major, b.path] as const))(
    "Node %i: a program's own SIGTERM handler keeps its meaning: it writes a file and exits 0",
    async (_major, node) => {
      const script = `const fs = require('fs');
        process.on('SIGTERM', () => { fs.writeFileSync('handled.txt', 'written by the handler'); process.exit(0); });
        process.stdout.write('ready\\n');
        setTimeout(() => {}, 60_000);`;
      const { preloaded, plain, changeSet } = await sideBySide(node, script, 'SIGTERM');
      expect(plain).toMatchObject({ code: 0, signal: null });
      expect(preloaded).toMatchObject({ code: 0, signal: null });
      expect(contentOf(changeSet, 'handled.txt')).toBe('written by the handler');
      expect(changeSet.gaps).toEqual([]);
    }, 4 * promptMs + 10_000);
});
