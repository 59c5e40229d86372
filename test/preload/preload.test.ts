// The preload in real processes: what it installs with no configuration, how a bad configuration stops the process,
// what it leaves alone (NODE_OPTIONS, globals, the ways a process ends), and that threads and children get it too.
// Every test runs Node children; the patching never happens inside the vitest worker.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSnapshots, snapshotDisk } from '../support/disk-snapshot.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

let preload: string;
let base: string;

beforeAll(async () => {
  preload = await buildPreload();
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-preload-test-')));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

interface Sandbox {
  work: string; // the working directory: a default root
  tmp: string; // TMPDIR: the other default root
  outside: string; // a folder under neither
}

let sandboxes = 0;
function sandbox(): Sandbox {
  const dir = path.join(base, `s${++sandboxes}`);
  const box = { work: path.join(dir, 'work'), tmp: path.join(dir, 'tmp'), outside: path.join(dir, 'outside') };
  for (const folder of Object.values(box)) mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(box.work, 'on-disk.txt'), 'disk');
  return box;
}

/** The test run's environment without its overlay settings, but with its code cache folder (vitest.config.ts). */
function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const overlaySetting = name.startsWith('MEMFS_') && name !== 'MEMFS_CODE_CACHE';
    if (!overlaySetting && !name.startsWith('VITEST') && name !== 'NODE_OPTIONS') env[name] = value;
  }
  return { ...env, ...extra };
}

function runNode(
  box: Sandbox,
  args: string[],
  o: { env?: Record<string, string | undefined>; node?: string; withPreload?: boolean } = {},
): SpawnSyncReturns<string> {
  const env = cleanEnv({ TMPDIR: box.tmp, ...o.env });
  if (o.withPreload !== false && env.NODE_OPTIONS === undefined) env.NODE_OPTIONS = nodeOptionsWith(preload);
  return spawnSync(o.node ?? process.execPath, args, { cwd: box.work, env, encoding: 'utf8', timeout: 30_000 });
}

function snapshotBox(box: Sandbox) {
  return { work: snapshotDisk(box.work), tmp: snapshotDisk(box.tmp) };
}

function expectUnchanged(before: ReturnType<typeof snapshotBox>, box: Sandbox): void {
  const after = snapshotBox(box);
  expect(diffSnapshots(before.work, after.work)).toEqual([]);
  expect(diffSnapshots(before.tmp, after.tmp)).toEqual([]);
}

const WRITE_EVERYWHERE = `
  const fs = require('fs'), os = require('os'), path = require('path');
  const out = {};
  for (const [label, dir] of [['work', process.cwd()], ['tmp', os.tmpdir()], ['outside', process.argv[1]]]) {
    const file = path.join(dir, 'written.txt');
    fs.writeFileSync(file, label);
    out[label] = fs.readFileSync(file, 'utf8');
  }
  fs.unlinkSync('on-disk.txt');
  out.deletedVisible = fs.existsSync('on-disk.txt');
  process.stdout.write(JSON.stringify(out));
`;

describe('with no configuration', () => {
  it('writes in the working directory and the temp dir stay in memory, and writes elsewhere reach the disk', () => {
    const box = sandbox();
    const before = snapshotBox(box);
    const r = runNode(box, ['-e', WRITE_EVERYWHERE, box.outside]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ work: 'work', tmp: 'tmp', outside: 'outside', deletedVisible: false });
    expectUnchanged(before, box);
    expect(readFileSync(path.join(box.outside, 'written.txt'), 'utf8')).toBe('outside');
  });

  it('a temp dir reached through a symlink (as on macOS) stays in memory under both names', () => {
    const box = sandbox();
    const link = path.join(box.outside, 'tmp-link');
    symlinkSync(box.tmp, link);
    const before = snapshotBox(box);
    const script = `const fs = require('fs'), os = require('os'), path = require('path');
      fs.writeFileSync(path.join(os.tmpdir(), 'via-link.txt'), 'memory');
      process.stdout.write(fs.readFileSync(path.join(${JSON.stringify(box.tmp)}, 'via-link.txt'), 'utf8'));`;
    const r = runNode(box, ['-e', script], { env: { TMPDIR: link } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('memory');
    expectUnchanged(before, box);
  });

  it("leaves Node's realpath of a piped /dev/stdin as Node answers it (routing does not overwrite Node's last stat)", () => {
    const box = sandbox();
    // Node's realpath ends its walk at a pipe or socket by reading back its last synchronous stat; a child with piped
    // stdio has a socket there. Both forms, as Node's own test-fs-realpath-pipe.js runs them.
    for (const call of [
      `require('fs').realpath('/dev/stdin', (error, real) => process.stdout.write(error ? error.message : real))`,
      `process.stdout.write(require('fs').realpathSync('/dev/stdin'))`,
    ]) {
      const plain = runNode(box, ['-e', call], { withPreload: false });
      const preloaded = runNode(box, ['-e', call]);
      expect(preloaded.stderr).toBe('');
      expect(preloaded.stdout.replace(/\d+/g, 'N')).toBe(plain.stdout.replace(/\d+/g, 'N'));
      expect(preloaded.stdout).toMatch(/^\/proc\/\d+\/fd\/(socket|pipe):\[\d+\]$/);
    }
  });

  it('prints nothing of its own', () => {
    const box = sandbox();
    const r = runNode(box, ['-e', 'require("fs").writeFileSync("x", "1")']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('children started with another working directory keep the roots of the first process', () => {
    const box = sandbox();
    mkdirSync(path.join(box.work, 'sub'));
    const before = snapshotBox(box);
    const child = `require('fs').writeFileSync('../from-child.txt', 'x'); process.stdout.write(process.env.MEMFS_ROOTS)`;
    const parent = `process.stdout.write(require('child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(child)}], { cwd: 'sub', encoding: 'utf8' }))`;
    const r = runNode(box, ['-e', parent]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${box.work}:${box.tmp}`);
    expectUnchanged(before, box);
  });
});

describe('an invalid configuration', () => {
  it.each([
    ['MEMFS_QUOTA', '12Q', 'memfs-action: MEMFS_QUOTA: "12Q" is not a size.'],
    ['MEMFS_ROOTS', 'relative/dir', 'memfs-action: MEMFS_ROOTS: "relative/dir" is not an absolute path'],
    ['MEMFS_SPOOL', '/no/such/spool', 'memfs-action: MEMFS_SPOOL: "/no/such/spool" does not exist.'],
    ['MEMFS_DISABLE', 'perhaps', 'memfs-action: MEMFS_DISABLE: "perhaps" is not a switch'],
  ])('%s=%s stops the process before the program runs, with exit code 1 and a message', (name, value, message) => {
    const box = sandbox();
    const r = runNode(box, ['-e', 'console.log("the program ran")'], { env: { [name]: value } });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(message)).toBe(true);
  });
});

describe('a working directory that no longer exists', () => {
  it('stops the process with a message naming MEMFS_ROOTS, whose default it is', () => {
    const box = sandbox();
    const gone = path.join(box.outside, 'gone');
    mkdirSync(gone);
    const env = cleanEnv({ TMPDIR: box.tmp, NODE_OPTIONS: nodeOptionsWith(preload) });
    const r = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" -e 'console.log("ran")'`], { env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('memfs-action: MEMFS_ROOTS: unset, and the working directory, its default, cannot be read');
  });
});

describe.skipIf(process.getuid?.() !== 0)('a spool the process may not write', () => {
  /** A process as nobody, with a spool made by `makeSpool`; the sandbox is opened to nobody. */
  const runAsNobody = (makeSpool: (spool: string) => void) => {
    const box = sandbox();
    const spool = path.join(box.outside, 'spool');
    makeSpool(spool);
    for (const dir of [base, path.dirname(box.work), box.work, box.tmp, box.outside]) chmodSync(dir, 0o777);
    chmodSync(path.dirname(preload), 0o755); // nobody must be able to load the preload itself
    const env = cleanEnv({ TMPDIR: box.tmp, NODE_OPTIONS: nodeOptionsWith(preload), MEMFS_SPOOL: spool });
    return { spool, ...spawnSync(process.execPath, ['-e', 'console.log("ran")'], { cwd: box.work, env, encoding: 'utf8', uid: 65534, gid: 65534 }) };
  };

  it("stops a process of another user than the spool's before its program runs, and says why and how to run it instead", () => {
    const r = runAsNobody((spool) => mkdirSync(spool, { mode: 0o700 }));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `memfs-action: this process runs as user 65534, but the run's spool ${r.spool} (MEMFS_SPOOL) is private to user 0, ` +
        "who runs memfs-action: it holds what the tests wrote, and the report takes in that user's journals only. This " +
        'process could neither see the files earlier processes of the run wrote nor record its own, so it stops before ' +
        'its program runs.\nStart it as user 0 like the rest of the run (without the uid or gid given to spawn, su or ' +
        'setpriv), or run memfs-action itself as user 65534.\n',
    );
  });

  it('stops the process with the error and what to do, never suggesting to run without the overlay, when the spool is its own but closed to it', () => {
    const r = runAsNobody((spool) => {
      mkdirSync(spool, { mode: 0o500 });
      chownSync(spool, 65534, 65534);
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^memfs-action: the preload could not start, so this process stops: Error: EACCES/);
    expect(r.stderr).toContain('If the error names a folder of the run (its spool, a root), make it usable by this process');
    expect(r.stderr).toContain('please report it to the memfs-action project');
    expect(r.stderr).not.toContain('MEMFS_DISABLE');
  });
});

describe('what it leaves alone', () => {
  it("keeps the user's NODE_OPTIONS for the process and for its children", () => {
    const box = sandbox();
    const userRequire = path.join(box.outside, 'user-require.cjs');
    writeFileSync(userRequire, 'globalThis.userRequireRan = (globalThis.userRequireRan ?? 0) + 1;');
    const nodeOptions = nodeOptionsWith(preload, `--require ${userRequire} --max-old-space-size=321`);
    const probe = `JSON.stringify({ installed: !!globalThis[Symbol.for('memfs-action.preload.installed')],
      user: globalThis.userRequireRan, heapMb: Math.round(require('v8').getHeapStatistics().heap_size_limit / 2 ** 20 / 10) * 10,
      nodeOptions: process.env.NODE_OPTIONS })`;
    const script = `const child = require('child_process').execFileSync(process.execPath, ['-p', ${JSON.stringify(probe)}], { encoding: 'utf8' });
      process.stdout.write(JSON.stringify([JSON.parse(${probe}), JSON.parse(child)]))`;
    const r = runNode(box, ['-e', script], { env: { NODE_OPTIONS: nodeOptions } });
    expect(r.stderr).toBe('');
    const [self, child] = JSON.parse(r.stdout);
    for (const seen of [self, child]) {
      expect(seen).toMatchObject({ installed: true, user: 1, nodeOptions });
      // The heap limit is old space plus the young generation: about 370 MB on Node 20, 420 on 26, 510 on 24 for 321
      // MB of old space, against a default of more than 4 GiB on this machine.
      expect(seen.heapMb).toBeGreaterThanOrEqual(320);
      expect(seen.heapMb).toBeLessThan(1024);
    }
  });

  it('adds no enumerable global', () => {
    const box = sandbox();
    const script = 'const names = []; for (const name in globalThis) names.push(name); process.stdout.write(JSON.stringify(names.sort()))';
    const plain = runNode(box, ['-e', script], { withPreload: false });
    const preloaded = runNode(box, ['-e', script]);
    expect(preloaded.stderr).toBe('');
    expect(JSON.parse(preloaded.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  it('installs once even when required twice, from two copies of the file', () => {
    const box = sandbox();
    const spool = path.join(box.outside, 'spool');
    mkdirSync(spool);
    const copy = path.join(box.outside, 'copy', 'preload.cjs');
    mkdirSync(path.dirname(copy));
    for (const file of [preload, path.join(path.dirname(preload), 'preload-bundle.cjs')]) copyFileSync(file, path.join(path.dirname(copy), path.basename(file)));
    const probe = `process.stdout.write(JSON.stringify({ exit: process.listenerCount('exit'), sigterm: process.listenerCount('SIGTERM'),
      readFileSync: require('fs').readFileSync.name, stat: require('module')._stat.toString().length }))`;
    const once = runNode(box, ['-e', probe], { env: { MEMFS_SPOOL: spool } });
    const twice = runNode(box, ['-e', probe], {
      env: { MEMFS_SPOOL: spool, NODE_OPTIONS: `${nodeOptionsWith(preload)} --require ${copy}` },
    });
    expect(once.stderr).toBe('');
    expect(twice.stderr).toBe('');
    expect(JSON.parse(once.stdout).exit).toBeGreaterThan(0);
    expect(JSON.parse(twice.stdout)).toEqual(JSON.parse(once.stdout));
  });

  it('MEMFS_DISABLE=1 leaves fs as Node made it: writes reach the disk', () => {
    const box = sandbox();
    const r = runNode(box, ['-e', 'require("fs").writeFileSync("written.txt", "real")'], { env: { MEMFS_DISABLE: '1' } });
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(box.work, 'written.txt'), 'utf8')).toBe('real');
  });

  it('a fatal signal still ends the process by that signal', () => {
    const box = sandbox();
    const spool = path.join(box.outside, 'spool');
    mkdirSync(spool);
    const r = runNode(box, ['-e', 'require("fs").writeFileSync("x", "1"); process.kill(process.pid, "SIGTERM"); setTimeout(() => {}, 5000)'], {
      env: { MEMFS_SPOOL: spool },
    });
    expect(r.signal).toBe('SIGTERM');
  });

  it('listens to no signal: SIGTERM, SIGINT and SIGHUP keep the default action that ends a busy process', () => {
    const box = sandbox();
    const spool = path.join(box.outside, 'spool');
    mkdirSync(spool);
    const probe = 'require("fs").writeFileSync("x", "1");' +
      ' process.stdout.write(JSON.stringify(["SIGTERM", "SIGINT", "SIGHUP"].map((s) => process.listenerCount(s))))';
    const r = runNode(box, ['-e', probe], { env: { MEMFS_SPOOL: spool } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([0, 0, 0]);
  });

  it("a program's own signal handler still decides how the process ends", () => {
    const box = sandbox();
    const spool = path.join(box.outside, 'spool');
    mkdirSync(spool);
    const script = 'process.on("SIGINT", () => { console.log("handled"); process.exit(7) }); process.kill(process.pid, "SIGINT"); setTimeout(() => {}, 5000)';
    const r = runNode(box, ['-e', script], { env: { MEMFS_SPOOL: spool } });
    expect(r.stdout).toBe('handled\n');
    expect(r.status).toBe(7);
  });

  it('an uncaught exception still crashes the process with its message and exit code 1', () => {
    const box = sandbox();
    const spool = path.join(box.outside, 'spool');
    mkdirSync(spool);
    const r = runNode(box, ['-e', 'throw new Error("boom from the test")'], { env: { MEMFS_SPOOL: spool } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: boom from the test');
  });

  // Node prints the source line where an uncaught error was thrown: inside the preload that is a line of its bundle,
  // which must stay a line, not the whole bundle (Node's test-fs-stat-sync-overflow reads the child's stderr).
  it('a stack overflow inside fs is reported as Node reports it, with a short source line', () => {
    const box = sandbox();
    const r = runNode(box, ['-e', 'const fs = require("fs"); function recurse() { fs.statSync("."); recurse(); } recurse();']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RangeError: Maximum call stack size exceeded');
    expect(r.stderr.length).toBeLessThan(16 * 1024);
  });
});

describe('with a spool (as the action and the CLI run commands)', () => {
  function withSpool(box: Sandbox): Record<string, string> {
    const spool = path.join(box.outside, 'spool');
    mkdirSync(spool, { recursive: true });
    return { MEMFS_SPOOL: spool };
  }

  it('a process started later sees the files an earlier one wrote and deleted; the disk stays unchanged', () => {
    const box = sandbox();
    const env = withSpool(box);
    const before = snapshotBox(box);
    const first = runNode(box, ['-e', 'const fs = require("fs"); fs.mkdirSync("out"); fs.writeFileSync("out/built.js", "module.exports = 1"); fs.unlinkSync("on-disk.txt")'], { env });
    expect(first.stderr).toBe('');
    const second = runNode(box, ['-p', 'const fs = require("fs"); JSON.stringify([require("./out/built.js"), fs.existsSync("on-disk.txt")])'], { env });
    expect(second.stderr).toBe('');
    expect(JSON.parse(second.stdout)).toEqual([1, false]);
    expectUnchanged(before, box);
  });

  it('a file closed before SIGTERM ended its process is seen by the next process', () => {
    const box = sandbox();
    const env = withSpool(box);
    const script = 'const fs = require("fs"); const fd = fs.openSync("last-words.txt", "w"); fs.writeSync(fd, "saved");' +
      ' fs.closeSync(fd); process.kill(process.pid, "SIGTERM"); setTimeout(() => {}, 5000)';
    const killed = runNode(box, ['-e', script], { env });
    expect(killed.signal).toBe('SIGTERM');
    const next = runNode(box, ['-p', 'require("fs").readFileSync("last-words.txt", "utf8")'], { env });
    expect(next.stderr).toBe('');
    expect(next.stdout.trim()).toBe('saved');
  });
});

describe('process.chdir', () => {
  it('enters a directory that exists only in memory: cwd, relative paths and path.resolve follow it', () => {
    const box = sandbox();
    const before = snapshotBox(box);
    const script = `const fs = require('fs'), path = require('path');
      fs.mkdirSync('made/inside', { recursive: true });
      process.chdir('made/inside');
      fs.writeFileSync('relative.txt', 'here');
      const out = { cwd: process.cwd(), resolved: path.resolve('x'), listing: fs.readdirSync('.'),
        absolute: fs.readFileSync(path.join(${JSON.stringify(box.work)}, 'made/inside/relative.txt'), 'utf8') };
      process.chdir('..');
      out.back = process.cwd();
      process.stdout.write(JSON.stringify(out));`;
    const r = runNode(box, ['-e', script]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      cwd: path.join(box.work, 'made/inside'),
      resolved: path.join(box.work, 'made/inside/x'),
      listing: ['relative.txt'],
      absolute: 'here',
      back: path.join(box.work, 'made'),
    });
    expectUnchanged(before, box);
  });

  it('a library that caches process.cwd() and wraps chdir, as graceful-fs does, sees the new directory', () => {
    const box = sandbox();
    const script = `const fs = require('fs');
      const origCwd = process.cwd; let cached = null;
      process.cwd = function () { if (!cached) cached = origCwd.call(process); return cached };
      process.cwd();
      const chdir = process.chdir; process.chdir = function (d) { cached = null; chdir.call(process, d) };
      fs.mkdirSync('made');
      process.chdir('made');
      process.stdout.write(process.cwd());`;
    const r = runNode(box, ['-e', script]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(path.join(box.work, 'made'));
  });

  it("fails as Node's does for a missing directory, a file, and a disk directory deleted in memory", () => {
    const script = `const fs = require('fs'); const out = [];
      fs.rmdirSync('on-disk-dir');
      for (const target of ['missing', 'on-disk.txt', 'on-disk-dir']) {
        try { process.chdir(target); out.push('entered ' + target) } catch (e) { out.push([e.message, e.code, e.errno, e.syscall, e.path, e.dest]) }
      }
      process.stdout.write(JSON.stringify(out).replaceAll(process.cwd(), '<cwd>'));`;
    const [plain, preloaded] = [false, true].map((withPreload) => {
      const box = sandbox();
      mkdirSync(path.join(box.work, 'on-disk-dir'));
      return runNode(box, ['-e', script], { withPreload });
    });
    expect(preloaded!.stderr).toBe('');
    expect(JSON.parse(preloaded!.stdout)).toEqual(JSON.parse(plain!.stdout));
    expect(preloaded!.stdout).toContain('ENOTDIR');
  });
});

describe.each(nodeBinaries())('threads and children on Node $major', ({ path: node }) => {
  it('a worker thread gets its own overlay: its writes stay in memory and it does not see the main thread’s', () => {
    const box = sandbox();
    const before = snapshotBox(box);
    const script = `
      const fs = require('fs'); const { Worker } = require('worker_threads');
      fs.writeFileSync('main.txt', 'main');
      const code = "const fs = require('fs'); fs.writeFileSync('worker.txt', 'worker');" +
        "require('worker_threads').parentPort.postMessage({ installed: !!globalThis[Symbol.for('memfs-action.preload.installed')]," +
        " own: fs.readFileSync('worker.txt', 'utf8'), seesMain: fs.existsSync('main.txt') })";
      new Worker(code, { eval: true }).on('message', (m) => process.stdout.write(JSON.stringify({ ...m, mainSeesWorker: fs.existsSync('worker.txt') })));`;
    const r = runNode(box, ['-e', script], { node });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ installed: true, own: 'worker', seesMain: false, mainSeesWorker: false });
    expectUnchanged(before, box);
  });

  it('a forked child runs the preload: its writes stay in memory', () => {
    const box = sandbox();
    const before = snapshotBox(box);
    const child = `const fs = require('fs'); fs.writeFileSync('child.txt', 'child'); fs.unlinkSync('on-disk.txt');
      process.send({ installed: !!globalThis[Symbol.for('memfs-action.preload.installed')], own: fs.readFileSync('child.txt', 'utf8'),
        deletedVisible: fs.existsSync('on-disk.txt') });`;
    writeFileSync(path.join(box.outside, 'child.cjs'), child);
    const script = `require('child_process').fork(${JSON.stringify(path.join(box.outside, 'child.cjs'))}).on('message', (m) => process.stdout.write(JSON.stringify(m)))`;
    const r = runNode(box, ['-e', script], { node });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ installed: true, own: 'child', deletedVisible: false });
    expectUnchanged(before, box);
  });
});

describe.each(nodeBinaries())('the umask on Node $major', ({ path: node }) => {
  // Plain Node never calls process.umask() to create a file (the kernel applies it); node-tar's tests replace it with a
  // function that throws. The overlay must create with the umask the program set, and call nothing.
  const script = `
    const fs = require('fs');
    process.umask(0o027);
    process.umask = () => { throw new Error('process.umask was called'); };
    fs.mkdirSync('made', { mode: 0o777 });
    fs.writeFileSync('made/file', 'x', { mode: 0o666 });
    fs.mkdirSync('deep/er', { recursive: true });
    fs.promises.writeFile('async-file', 'x').then(() => {
      const modes = ['made', 'made/file', 'deep', 'deep/er', 'async-file'].map((p) => (fs.statSync(p).mode & 0o777).toString(8));
      process.stdout.write(modes.join(' '));
    });
  `;

  it('is the one the program set, read without calling process.umask()', () => {
    const plainBox = sandbox();
    const plain = runNode(plainBox, ['-e', script], { node, withPreload: false });
    expect(plain.stderr).toBe('');
    const box = sandbox();
    const before = snapshotBox(box);
    const preloaded = runNode(box, ['-e', script], { node });
    expect(preloaded.stderr).toBe('');
    expect(preloaded.stdout).toBe(plain.stdout);
    expect(preloaded.stdout).toBe('750 640 750 750 640');
    expectUnchanged(before, box);
  });
});
