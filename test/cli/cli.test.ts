// The CLI with real processes: the bundled cli.mjs runs commands under the bundled preload, and the export is
// checked against what the processes wrote, and the disk against what it held before.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import { journalVersion } from '../../src/changes/record.js';
import { snapshotDisk } from '../support/disk-snapshot.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildCli } from './cli-bundle.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let cli: string;
let project: string;
/** The temp dir of the CLI and its command: one per test, so that the CLI's check of the real disk walks this test's
 * temp dir, not the machine's, which other tests change meanwhile. */
let temp: string;

beforeAll(async () => {
  cli = await buildCli();
});

afterEach(() => {
  for (const folder of [project, temp]) fs.rmSync(folder, { recursive: true, force: true });
});

beforeEach(() => {
  project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-cli-project-')));
  temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-cli-tmp-')));
  fs.writeFileSync(path.join(project, 'existing.txt'), 'on disk');
});

const runCli = (args: string[], cwd = project) => {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: temp } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const script = (name: string, source: string) => fs.writeFileSync(path.join(project, name), source);
const manifest = (out = path.join(project, 'memfs-report')): Manifest => JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
const exported = (relative: string, out = path.join(project, 'memfs-report')) => fs.readFileSync(path.join(out, relative), 'utf8');
const notTheReport = { ignore: (relative: string) => relative === 'memfs-report' || relative.startsWith('memfs-report/') };

describe('memfs-action run', () => {
  it('exits with the failing command code, exports what it wrote, and leaves the disk as it was', () => {
    script('write.cjs', `
      const fs = require('fs');
      fs.mkdirSync('out/deep', { recursive: true });
      fs.writeFileSync('out/deep/result.bin', Buffer.from([1, 2, 3]));
      fs.writeFileSync('existing.txt', 'changed by the test');
      process.exitCode = 7;`);
    const before = snapshotDisk(project, notTheReport);
    const result = runCli(['run', '--', 'node', 'write.cjs']);
    expect(result.status).toBe(7);
    expect(snapshotDisk(project, notTheReport)).toEqual(before);
    expect([...fs.readFileSync(path.join(project, 'memfs-report/files/workspace/out/deep/result.bin'))]).toEqual([1, 2, 3]);
    expect(exported('files/workspace/existing.txt')).toBe('changed by the test');
    expect(manifest()).toMatchObject({ exitCode: 7, command: 'node write.cjs', counts: { created: 3, modified: 1 } });
    expect(result.stderr).toContain(`export: ${path.join(project, 'memfs-report')}`);
  });

  it('captures names that are not UTF-8 by their bytes: a rewrite, a rename and a new file', () => {
    const latin1 = (name: string) => Buffer.from(`${project}/${name}`, 'latin1');
    fs.writeFileSync(latin1('caf\xe9.txt'), 'old');
    fs.writeFileSync(latin1('na\xefve.txt'), 'moved away');
    script('bytes.cjs', `
      const fs = require('fs');
      const name = (text) => Buffer.from(text, 'latin1');
      fs.writeFileSync(name('caf\\xe9.txt'), 'new');
      fs.renameSync(name('na\\xefve.txt'), 'plain.txt');
      fs.writeFileSync(name('\\xff.bin'), 'made');
      process.exitCode = 1;`);
    const before = snapshotDisk(project, notTheReport);
    expect(runCli(['run', '--', 'node', 'bytes.cjs']).status).toBe(1);
    expect(snapshotDisk(project, notTheReport)).toEqual(before);
    const changes = manifest().changes.map((c) => [c.relativePath, c.change, c.exportedAs]);
    expect(changes).toEqual(expect.arrayContaining([
      ['caf\udce9.txt', 'modified', 'files/workspace/caf%E9.txt'],
      ['na\udcefve.txt', 'deleted', undefined],
      ['plain.txt', 'created', 'files/workspace/plain.txt'],
      ['\udcff.bin', 'created', 'files/workspace/%FF.bin'],
    ]));
    expect(exported('files/workspace/caf%E9.txt')).toBe('new');
    expect(exported('files/workspace/plain.txt')).toBe('moved away');
    expect(exported('summary.md')).toContain('workspace/caf\\xe9.txt');
  });

  it('exports nothing when the command passes', () => {
    script('ok.cjs', `require('fs').writeFileSync('ok.txt', 'ok')`);
    const result = runCli(['run', '--', 'node', 'ok.cjs']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('memfs-action: the command passed; what it wrote stayed in memory (--export always keeps a copy).\n');
    expect(fs.existsSync(path.join(project, 'memfs-report'))).toBe(false);
    expect(fs.existsSync(path.join(project, 'ok.txt'))).toBe(false);
  });

  it('exports a passing run with --export always, into --out', () => {
    script('ok.cjs', `require('fs').writeFileSync('ok.txt', 'ok')`);
    const out = path.join(project, 'elsewhere');
    expect(runCli(['run', '--export', 'always', '--out', 'elsewhere', '--', 'node', 'ok.cjs']).status).toBe(0);
    expect(exported('files/workspace/ok.txt', out)).toBe('ok');
  });

  it('runs a single command string through the shell', () => {
    const result = runCli(['run', '--export', 'always', '--', 'node -e "require(\'fs\').writeFileSync(\'a\', \'1\')" && exit 3']);
    expect(result.status).toBe(3);
    expect(exported('files/workspace/a')).toBe('1');
  });

  it('stops on a bad flag with exit code 2 before running anything', () => {
    const result = runCli(['run', '--export', 'sometimes', '--', 'node', '-e', 'console.log("ran")']);
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toBe('memfs-action: --export: "sometimes" is not one of on-failure, always, never.\n');
  });

  it('prints its version, and with no arguments at all the usage on stderr with exit code 2', () => {
    const version = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
    expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    const bare = runCli([]);
    expect(bare).toMatchObject({ status: 2, stdout: '' });
    expect(bare.stderr).toMatch(/^memfs-action: no command given; .*\n\nUsage: memfs-action run \[options\] -- <command>/s);
  });

  it('refuses --out naming a file before the command runs, so that nothing is lost', () => {
    const result = runCli(['run', '--out', 'existing.txt', '--', 'node', '-e', 'require("fs").writeFileSync("ran", "")']);
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toBe(`memfs-action: --out: ${path.join(project, 'existing.txt')} is a file, not a folder; an export never replaces a file: choose another --out.\n`);
    expect(fs.readdirSync(project)).toEqual(['existing.txt']);
  });

  it('replaces its own earlier export, names every part it wrote, and leaves no staging folder behind', () => {
    script('fail.cjs', `const fs = require('fs'); fs.writeFileSync('a.txt', process.argv[2]); fs.writeFileSync('gone', ''); fs.unlinkSync('gone'); process.exit(1)`);
    expect(runCli(['run', '--', 'node', 'fail.cjs', 'first']).status).toBe(1);
    const second = runCli(['run', '--', 'node', 'fail.cjs', 'second']);
    expect(second.status).toBe(1);
    expect(exported('files/workspace/a.txt')).toBe('second');
    expect(second.stderr).toContain(`export: ${path.join(project, 'memfs-report')} (files/, transient/, manifest.json, summary.md)`);
    expect(fs.readdirSync(project).sort()).toEqual(['existing.txt', 'fail.cjs', 'memfs-report']);
  });

  it('suggests ignoring the export inside a git repository that does not ignore it, and is quiet once it does', () => {
    fs.mkdirSync(path.join(project, '.git')); // what the hint looks for when git cannot answer; git answers below
    spawnSync('git', ['init', '-q'], { cwd: project });
    const hint = `memfs-report/ is inside the git repository ${project} and not ignored: add the line "/memfs-report/" to ${path.join(project, '.gitignore')}`;
    expect(runCli(['run', '--', 'node', '-e', 'process.exit(1)']).stderr).toContain(hint);
    fs.writeFileSync(path.join(project, '.gitignore'), 'node_modules/\nmemfs-report/\n');
    expect(runCli(['run', '--', 'node', '-e', 'process.exit(1)']).stderr).not.toContain('not ignored');
  });

  it('keeps a file a process wrote but had not closed when it called process.exit(3)', () => {
    script('exit.cjs', `
      const fs = require('fs');
      const fd = fs.openSync('partial.log', 'w');
      fs.writeSync(fd, 'line 1\\nline 2\\n');
      process.exit(3);`);
    expect(runCli(['run', '--', 'node', 'exit.cjs']).status).toBe(3);
    expect(exported('files/workspace/partial.log')).toBe('line 1\nline 2\n');
    expect(manifest().gaps).toEqual([]);
  });

  it('keeps what an exit listener of the program writes after the journal has ended', () => {
    script('at-exit.cjs', `
      process.on('exit', () => require('fs').writeFileSync('written-at-exit.txt', 'last words'));
      process.exitCode = 1;`);
    expect(runCli(['run', '--', 'node', 'at-exit.cjs']).status).toBe(1);
    expect(exported('files/workspace/written-at-exit.txt')).toBe('last words');
    expect(manifest().gaps).toEqual([]);
  });

  it('keeps what an exit listener writes when the program calls process.exit(), where no turn of the event loop ends', () => {
    script('exit-now.cjs', `
      const fs = require('fs');
      fs.writeFileSync('before.txt', 'first');
      process.on('exit', () => { fs.writeFileSync('written-at-exit.txt', 'last words'); fs.appendFileSync('before.txt', ', then more'); });
      setTimeout(() => { fs.writeFileSync('in-the-last-turn.txt', 'queued'); process.exit(1); }, 10);`);
    expect(runCli(['run', '--', 'node', 'exit-now.cjs']).status).toBe(1);
    expect(exported('files/workspace/in-the-last-turn.txt')).toBe('queued');
    expect(exported('files/workspace/written-at-exit.txt')).toBe('last words');
    expect(exported('files/workspace/before.txt')).toBe('first, then more');
    expect(manifest().gaps).toEqual([]);
  });

  it('keeps what a SIGKILLed worker closed, and names the file it had not saved', () => {
    script('worker.cjs', `
      const fs = require('fs');
      fs.writeFileSync('closed.txt', 'closed before the kill');
      const fd = fs.openSync('open.txt', 'w');
      fs.writeSync(fd, 'never closed');
      process.kill(process.pid, 'SIGKILL');`);
    script('parent.cjs', `
      const { spawnSync } = require('child_process');
      const r = spawnSync(process.execPath, ['worker.cjs']);
      process.exitCode = r.signal === 'SIGKILL' ? 1 : 99;`);
    expect(runCli(['run', '--', 'node', 'parent.cjs']).status).toBe(1);
    expect(exported('files/workspace/closed.txt')).toBe('closed before the kill');
    const m = manifest();
    expect(m.changes.map((c) => c.relativePath)).not.toContain('open.txt');
    expect(m.gaps).toEqual([expect.objectContaining({ reason: 'process-died-before-flush', command: expect.stringContaining('worker.cjs') })]);
    expect(m.gaps[0]!.detail).toContain(`(${path.join(project, 'open.txt')})`);
  });

  it('keeps what a worker closed in an earlier turn when it is SIGKILLed from outside, stuck in a later one', () => {
    script('stuck.cjs', `
      const fs = require('fs');
      fs.writeFileSync('closed.txt', 'closed in the first turn');
      setImmediate(() => { for (;;); });`);
    script('parent.cjs', `
      const { spawnSync } = require('child_process');
      const r = spawnSync(process.execPath, ['stuck.cjs'], { timeout: 2000, killSignal: 'SIGKILL' });
      process.exitCode = r.signal === 'SIGKILL' ? 1 : 99;`);
    expect(runCli(['run', '--', 'node', 'parent.cjs']).status).toBe(1);
    expect(exported('files/workspace/closed.txt')).toBe('closed in the first turn');
  });

  it('lets a later process of a chain of npm scripts read what an earlier one wrote', () => {
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({
      scripts: { pretest: 'node build.cjs', test: 'node check.cjs' },
    }));
    script('build.cjs', `require('fs').mkdirSync('dist'); require('fs').writeFileSync('dist/app.js', 'module.exports = 42;');`);
    script('check.cjs', `process.exitCode = require('./dist/app.js') === 42 ? 5 : 6;`);
    const result = runCli(['run', '--', 'npm test']);
    expect(result.status).toBe(5);
    expect(exported('files/workspace/dist/app.js')).toBe('module.exports = 42;');
    expect(fs.existsSync(path.join(project, 'dist'))).toBe(false);
  });

  it('captures a node --test suite and names the test file that wrote each path', () => {
    fs.cpSync(path.join(repo, 'examples/failing-suite'), project, { recursive: true });
    const before = snapshotDisk(project, notTheReport);
    // No folder argument: Node 24 reads test arguments as glob patterns and finds no '.'; the default patterns find
    // report.test.js on every version.
    expect(runCli(['run', '--', 'node', '--test']).status).toBe(1);
    expect(snapshotDisk(project, notTheReport)).toEqual(before);
    const m = manifest();
    const summary = m.changes.find((c) => c.relativePath === 'out/summary.txt')!;
    expect(exported(summary.exportedAs!)).toBe('2/3 passed\n');
    expect(m.writers[summary.firstWriter!]!.testFile).toBe(path.join(project, 'report.test.js'));
    expect(m.changes.find((c) => c.relativePath === 'fixtures/stale.cache')).toMatchObject({ change: 'deleted' });
    expect(m.changes.filter((c) => c.change === 'transient' && c.root === 'tmp').length).toBeGreaterThan(0);
  });

  it('captures the writes of vitest fork workers, and reports no gap for the forks it ends with a signal', () => {
    const fixture = path.join(repo, 'test/cli/fixtures/vitest-forks');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-cli-vitest-out-'));
    onTestFinished(() => fs.rmSync(out, { recursive: true, force: true }));
    const before = snapshotDisk(fixture);
    const vitest = path.join(repo, 'node_modules/vitest/vitest.mjs');
    const result = runCli(['run', '--out', out, '--', process.execPath, vitest, 'run'], fixture);
    expect(result.status).toBe(1);
    expect(snapshotDisk(fixture)).toEqual(before);
    const m = manifest(out);
    const first = m.changes.find((c) => c.relativePath === 'output/first.txt')!;
    const second = m.changes.find((c) => c.relativePath === 'output/second.txt')!;
    expect(exported(first.exportedAs!, out)).toMatch(/^first from \d+$/);
    expect(exported(second.exportedAs!, out)).toMatch(/^second from \d+$/);
    expect(m.writers[first.firstWriter!]!.testFile).toBe(path.join(fixture, 'first.spec.js'));
    expect(m.gaps).toEqual([]);
    expect(result.stderr).not.toContain('warnings:');
    // vitest's main process writes its transformed modules to the temp dir on the disk, passed through for it alone.
    expect(result.stderr).toContain('  real disk: unchanged under the roots\n');
  });

  it('keeps what a worker thread wrote, in its own journal', () => {
    script('threads.cjs', `
      const { Worker } = require('worker_threads');
      const w = new Worker("require('fs').writeFileSync('from-worker.txt', 'worker ' + require('worker_threads').threadId)", { eval: true });
      w.on('exit', () => { require('fs').writeFileSync('from-main.txt', 'main'); process.exitCode = 1; });`);
    expect(runCli(['run', '--', 'node', 'threads.cjs']).status).toBe(1);
    expect(exported('files/workspace/from-worker.txt')).toMatch(/^worker [1-9]\d*$/);
    expect(exported('files/workspace/from-main.txt')).toBe('main');
    expect(manifest().gaps).toEqual([]);
  });

  // The spool is private to the run's user: such a child can neither replay nor journal, so it must not run at all.
  it('stops a child started as another user (nobody) before its program runs, saying why and what to do instead', () => {
    const name = path.basename(project);
    script('as-nobody.cjs', `
      const { spawnSync } = require('child_process');
      const r = spawnSync(process.execPath, ['-e', "require('fs').writeFileSync('/tmp/${name}-nobody.txt', 'uid ' + process.getuid())"],
        { uid: 65534, gid: 65534, cwd: '/tmp', encoding: 'utf8' });
      process.stderr.write('child: ' + r.stderr);
      process.exitCode = r.status === 1 ? 1 : 98;`);
    const result = runCli(['run', '--', 'node', 'as-nobody.cjs']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/child: memfs-action: this process runs as user 65534, but the run's spool \S+ \(MEMFS_SPOOL\) is private to user 0/);
    expect(result.stderr).toContain('Start it as user 0 like the rest of the run');
    expect(result.stderr).not.toContain('MEMFS_DISABLE');
    expect(fs.existsSync(`/tmp/${name}-nobody.txt`)).toBe(false);
    expect(manifest().changes).toEqual([]);
  });

  it('exports nothing outside --out when a test forges a journal whose path climbs to .git/hooks/pre-commit', () => {
    // Three levels down, so that the climb from the report's files/workspace/ lands on the project's own .git.
    const cwd = path.join(project, 'apps/web/site');
    const out = path.join(cwd, 'memfs-report');
    // The report's folder made beforehand, so that the snapshots can leave it out and still see every other change.
    for (const dir of [path.join(cwd, '.git/hooks'), out]) fs.mkdirSync(dir, { recursive: true });
    const aroundTheReport = { ignore: (relative: string) => relative === 'apps/web/site/memfs-report' || relative.startsWith('apps/web/site/memfs-report/') };
    const hook = path.join(cwd, '.git/hooks/pre-commit');
    script('apps/web/site/forge.cjs', `
      const fs = require('fs');
      const frame = (record, data = Buffer.alloc(0)) => {
        const header = Buffer.from(JSON.stringify(record));
        const head = Buffer.alloc(8);
        head.writeUInt32LE(header.length, 0);
        head.writeUInt32LE(data.length, 4);
        return Buffer.concat([head, header, data]);
      };
      const hook = Buffer.from('#!/bin/sh\\necho owned\\n');
      const t = String(process.hrtime.bigint());
      fs.writeFileSync(process.env.MEMFS_SPOOL + '/1-0-forged.journal', Buffer.concat([
        frame({ k: 'begin', version: ${journalVersion}, pid: 1, ppid: 0, threadId: 0, argv: ['forger'], cwd: '/', wallNs: '0', monoNs: t }),
        frame({ k: 'content', t, path: process.cwd() + '/../../../.git/hooks/pre-commit', ino: 1, mode: 0o100755, uid: 0, gid: 0,
          size: hook.length, atimeNs: '0', mtimeNs: '0' }, hook),
        frame({ k: 'end', t }),
      ]));
      fs.writeFileSync('honest.txt', 'kept');
      process.exitCode = 1;`);
    // The export is written beside --out and renamed into place: the folder holding --out gets a new time, no new entry.
    const snapshot = () => {
      const taken = snapshotDisk(project, aroundTheReport);
      return { ...taken, 'apps/web/site': { ...taken['apps/web/site']!, mtimeNs: 'changed by the rename' } };
    };
    const before = snapshot();
    const result = runCli(['run', '--', 'node', 'forge.cjs'], cwd);
    expect(result.status).toBe(1);
    expect(fs.existsSync(hook)).toBe(false);
    expect(snapshot()).toEqual(before);
    expect(exported('files/workspace/honest.txt', out)).toBe('kept');
    const gaps = manifest(out).gaps;
    expect(gaps).toEqual([expect.objectContaining({ reason: 'journal-unreadable', detail: expect.stringContaining('1-0-forged.journal: record 2 refused') })]);
    expect(gaps[0]!.detail).toContain('is not normalised');
    expect(result.stderr).toContain('1-0-forged.journal');
  });

  it.each(nodeBinaries().map((b) => [b.major, b.path] as const))('captures the demo suite on Node %i', (_major, node) => {
    fs.cpSync(path.join(repo, 'examples/failing-suite'), project, { recursive: true });
    // A folder with a trailing slash, as `npm run demo` passes it: Node 22+ reads it as a pattern, not a folder to search.
    expect(runCli(['run', '--', node, '--test', `${project}/`]).status).toBe(1);
    const m = manifest();
    expect(m.counts).toMatchObject({ created: 3, deleted: 1 });
    expect(exported('files/workspace/out/summary.txt')).toBe('2/3 passed\n');
    expect(m.gaps).toEqual([]);
  });

  it('stops the command on SIGINT, still exports, and exits 130', async () => {
    script('slow.cjs', `
      require('fs').writeFileSync('before-interrupt.txt', 'saved');
      console.log('ready');
      setTimeout(() => {}, 60_000);`);
    const child = spawn(process.execPath, [cli, 'run', '--', 'node', 'slow.cjs'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: temp } });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(exported('files/workspace/before-interrupt.txt')).toBe('saved');
  });

  it('passes SIGTERM on to the command, still exports, and exits with 128+15', async () => {
    script('slow.cjs', `
      require('fs').writeFileSync('before-term.txt', 'saved');
      console.log('ready');
      setTimeout(() => {}, 60_000);`);
    const child = spawn(process.execPath, [cli, 'run', '--', 'node', 'slow.cjs'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: temp } });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(143);
    expect(exported('files/workspace/before-term.txt')).toBe('saved');
    expect(manifest().exitCode).toBeNull();
  });
});
