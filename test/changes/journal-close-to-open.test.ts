// Close-to-open consistency with the writer thread's ring, under the real preload: a process that writes files in a
// loop and starts a child right after the last close gives the child every file, however the child is started —
// the ring is drained before any process or worker thread starts. MEMFS_JOURNAL_THREAD=1 starts the writer thread at
// the first change, and each script waits for it to run before its burst, so the burst goes through the ring; with
// MEMFS_JOURNAL_NAP_MS=10000 the thread leaves it there for ten seconds, so only a drain can have written it by the
// time the child starts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldJournals } from '../../src/changes/fold.js';
import { createSpool, journalFiles, removeSpool } from '../../src/changes/spool.js';
import { buildPreload, nodeOptionsWith } from '../preload/preload-bundle.js';
import { removeTempDirs, tempDir } from './support/journal-builder.js';

const run = promisify(execFile);
const files = 300;
let preload: string;
let project: string;
let spool: string;

beforeAll(async () => {
  preload = await buildPreload();
}, 60_000);

beforeEach(() => {
  project = tempDir('memfs-close-to-open-');
  spool = createSpool();
  return () => removeSpool(spool);
});

afterAll(removeTempDirs);

/** The child's side: counts the burst's files it can read (its own preload replayed the spool at its start). */
const countFiles = `
  const fs = require('fs');
  let seen = 0;
  for (let i = 0; i < ${files}; i++) {
    try { if (fs.readFileSync('burst-' + i + '.txt', 'utf8') === 'file ' + i) seen++; } catch {}
  }`;

/** A script that starts the thread, waits for it, writes the burst, then runs `startChild` at once. */
function burstThen(startChild: string, header = `const fs = require('fs');`): string {
  return `${header}
    fs.writeFileSync('warm.txt', 'starts the writer thread');
    setTimeout(() => {
      for (let i = 0; i < ${files}; i++) fs.writeFileSync('burst-' + i + '.txt', 'file ' + i);
      ${startChild}
    }, 300);`;
}

async function runScript(name: string, source: string): Promise<string> {
  fs.writeFileSync(path.join(project, name), source);
  fs.writeFileSync(path.join(project, 'count.cjs'), `${countFiles}\nconsole.log('seen ' + seen);`);
  const { stdout } = await run(process.execPath, [name], {
    cwd: project,
    env: {
      ...process.env, NODE_OPTIONS: nodeOptionsWith(preload), MEMFS_SPOOL: spool, MEMFS_ROOTS: project,
      MEMFS_JOURNAL_THREAD: '1', MEMFS_JOURNAL_NAP_MS: '10000',
    },
  });
  return stdout;
}

describe('a child started right after a burst of closes sees every file', () => {
  it('with execFileSync, kept from a require at the top of the script', async () => {
    const out = await runScript('parent.cjs', burstThen(
      `process.stdout.write(execFileSync(process.execPath, ['count.cjs'], { encoding: 'utf8' }));`,
      `const fs = require('fs'); const { execFileSync } = require('child_process');`,
    ));
    expect(out.trim()).toBe(`seen ${files}`);
  });

  it('with spawnSync', async () => {
    const out = await runScript('parent.cjs', burstThen(
      `process.stdout.write(require('child_process').spawnSync(process.execPath, ['count.cjs'], { encoding: 'utf8' }).stdout);`,
    ));
    expect(out.trim()).toBe(`seen ${files}`);
  });

  it('with execSync through a shell', async () => {
    const out = await runScript('parent.cjs', burstThen(
      `process.stdout.write(require('child_process').execSync(JSON.stringify(process.execPath) + ' count.cjs', { encoding: 'utf8' }));`,
    ));
    expect(out.trim()).toBe(`seen ${files}`);
  });

  it('with fork, the child reporting over IPC', async () => {
    fs.writeFileSync(path.join(project, 'forked.cjs'), `${countFiles}\nprocess.send(seen, () => process.exit(0));`);
    const out = await runScript('parent.cjs', burstThen(
      `require('child_process').fork('forked.cjs').on('message', (seen) => console.log('seen ' + seen));`,
    ));
    expect(out.trim()).toBe(`seen ${files}`);
  });

  it('with the promisified execFile of an ES module that imported it by name', async () => {
    const out = await runScript('parent.mjs', burstThen(
      `console.log((await promisify(execFile)(process.execPath, ['count.cjs'])).stdout.trim());`,
      `import fs from 'node:fs'; import { execFile } from 'node:child_process'; import { promisify } from 'node:util';`,
    ).replace('setTimeout(() => {', 'setTimeout(async () => {'));
    expect(out.trim()).toBe(`seen ${files}`);
  });

  it('with a worker thread, which replays the spool as it starts', async () => {
    const out = await runScript('parent.cjs', burstThen(
      `const { Worker } = require('worker_threads');
       new Worker(${JSON.stringify(`${countFiles}\nrequire('worker_threads').parentPort.postMessage(seen);`)}, { eval: true })
         .on('message', (seen) => console.log('seen ' + seen));`,
    ));
    expect(out.trim()).toBe(`seen ${files}`);
  });
});

describe('the writer thread', () => {
  it('does not load the preload: the spool holds one journal per process that wrote, none for the thread', async () => {
    await runScript('parent.cjs', burstThen(`process.stdout.write(require('child_process').execFileSync(process.execPath, ['count.cjs'], { encoding: 'utf8' }));`));
    // The parent and its child each have one journal; a thread that loaded the preload would have added its own.
    const pids = journalFiles(spool).map((file) => path.basename(file).split('-').slice(0, 2).join('-'));
    expect(pids).toHaveLength(2);
    expect(new Set(pids).size).toBe(2);
    expect(pids.every((pid) => pid.endsWith('-0'))).toBe(true);
  });

  it('leaves every file of the burst in the fold once the process exits', async () => {
    await runScript('parent.cjs', burstThen(''));
    const changeSet = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: project }] });
    const names = new Set(changeSet.changes.map((c) => c.relativePath));
    expect([...Array(files).keys()].filter((i) => !names.has(`burst-${i}.txt`))).toEqual([]);
    expect(changeSet.gaps).toEqual([]);
  });
});
