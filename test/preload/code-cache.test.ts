// dist/preload.cjs compiles the preload's bundle through V8's code cache, kept in MEMFS_CODE_CACHE, else the user's
// cache folder, else the run's spool: the first process writes it, later ones load it. The cache is an optimisation
// only: a damaged one must change nothing but speed, and with no folder for it nothing is written anywhere.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

let preload: string;
let base: string;
let boxes = 0;

beforeAll(async () => {
  preload = await buildPreload();
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-code-cache-test-')));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function box(): { work: string; tmp: string; spool: string; home: string } {
  const dir = path.join(base, `b${++boxes}`);
  const folders = { work: path.join(dir, 'work'), tmp: path.join(dir, 'tmp'), spool: path.join(dir, 'spool'), home: path.join(dir, 'home') };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  return folders;
}

/** Writes and reads back a file in the working directory: the overlay must be in place whatever the cache did. */
const probe = 'const fs = require("fs"); fs.writeFileSync("probe.txt", "in memory"); process.stdout.write(fs.readFileSync("probe.txt", "utf8"))';

/** Without HOME unless `env` gives one, so that the cache goes to the spool. */
function run(b: ReturnType<typeof box>, o: { spool?: boolean; node?: string; nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TMPDIR: b.tmp, NODE_OPTIONS: nodeOptionsWith(preload), ...o.env };
  if (o.spool !== false) env.MEMFS_SPOOL = b.spool;
  const r = spawnSync(o.node ?? process.execPath, [...(o.nodeArgs ?? []), '-e', probe], { cwd: b.work, env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('in memory');
  return r;
}

const caches = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.v8cache')) : []);
const identity = (file: string) => {
  const s = statSync(file, { bigint: true });
  return `${s.ino}:${s.mtimeNs}`;
};

describe('the code cache of the preload', () => {
  it.each(nodeBinaries())('is written by the first process of a run and used unchanged by the next ones (Node $major)', ({ path: node }) => {
    const b = box();
    run(b, { node });
    const [cache] = caches(b.spool);
    expect(cache).toMatch(new RegExp(`^preload-[0-9a-f]{16}-v${nodeBinaries().find((n) => n.path === node)!.major}\\.`));
    const written = identity(path.join(b.spool, cache!));
    run(b, { node });
    run(b, { node });
    // V8 accepted it: a refused cache is replaced by a new file.
    expect(caches(b.spool)).toEqual([cache]);
    expect(identity(path.join(b.spool, cache!))).toBe(written);
  });

  it('is kept apart for processes whose Node options differ, since V8 refuses a cache made under other flags', () => {
    const b = box();
    run(b);
    run(b, { nodeArgs: ['--max-old-space-size=300'] });
    expect(caches(b.spool)).toHaveLength(2);
  });

  it('is shared by processes that differ only in the files they load (--require, --import), which V8 does not check', () => {
    const b = box();
    const loaded = ['a', 'b', 'c'].map((name) => {
      const file = path.join(b.tmp, `${name}.cjs`);
      writeFileSync(file, '');
      return file;
    });
    run(b, { nodeArgs: ['--require', loaded[0]!] });
    run(b, { nodeArgs: [`--import=${loaded[1]}`] });
    run(b, { env: { NODE_OPTIONS: nodeOptionsWith(preload, `-r ${loaded[2]}`) } });
    expect(caches(b.spool)).toHaveLength(1);
  });

  it('is shared by processes that evaluate different code (node -e, -p), which execArgv holds', () => {
    const b = box();
    run(b);
    const env = { PATH: process.env.PATH, TMPDIR: b.tmp, NODE_OPTIONS: nodeOptionsWith(preload), MEMFS_SPOOL: b.spool };
    for (const args of [['-p', '1 + 1'], ['--print', '"two"'], ['-pe', '3'], ['--eval=0'], ['-e', 'process.exitCode = 0']]) {
      const r = spawnSync(process.execPath, args, { cwd: b.work, env, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    expect(caches(b.spool)).toHaveLength(1);
  });

  it('when damaged, is refused by V8: the process runs as usual and a good cache replaces it', () => {
    const b = box();
    run(b);
    const [cache] = caches(b.spool);
    const file = path.join(b.spool, cache!);
    writeFileSync(file, Buffer.alloc(statSync(file).size, 0x5a));
    const damaged = identity(file);
    run(b);
    const rewritten = identity(file);
    expect(rewritten).not.toBe(damaged);
    run(b);
    expect(identity(file)).toBe(rewritten);
  });

  // A cache folder may be shared (MEMFS_CODE_CACHE names any folder; here the spool, opened to every user as a shared
  // folder would be): code another user left there must never run in this process.
  it('is not loaded from a file of another user, even a valid one: it is compiled again and replaced', () => {
    const b = box();
    chmodSync(b.spool, 0o1777);
    run(b);
    const [cache] = caches(b.spool);
    const file = path.join(b.spool, cache!);
    const planted = `${file}.planted`;
    copyFileSync(file, planted);
    chownSync(planted, 65534, 65534);
    rmSync(file);
    copyFileSync(planted, file);
    chownSync(file, 65534, 65534);
    const before = identity(file);
    run(b);
    expect(identity(file)).not.toBe(before);
    expect(statSync(file).uid).toBe(process.getuid!());
  });

  it('is written nowhere when it has no folder: no MEMFS_CODE_CACHE, HOME or spool', () => {
    const b = box();
    run(b, { spool: false });
    const written = [b.work, b.tmp, b.spool, b.home, path.dirname(preload)].flatMap(caches);
    expect(written).toEqual([]);
  });
});

describe("the code cache's folder", () => {
  it("is the user's cache folder, ~/.cache/memfs-action, made private: by hand, without a spool, later processes start warm", () => {
    const b = box();
    run(b, { spool: false, env: { HOME: b.home } });
    const folder = path.join(b.home, '.cache/memfs-action');
    const [cache] = caches(folder);
    expect(cache).toMatch(/^preload-.*\.v8cache$/);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const written = identity(path.join(folder, cache!));
    run(b, { spool: false, env: { HOME: b.home } });
    expect(identity(path.join(folder, cache!))).toBe(written);
  });

  it('is kept apart for two checkouts of one build, so that the frames of each name its own files', () => {
    const b = box();
    const checkouts = ['one', 'two'].map((name) => {
      const folder = path.join(b.work, name);
      mkdirSync(folder);
      for (const file of ['preload.cjs', 'preload-bundle.cjs']) copyFileSync(path.join(path.dirname(preload), file), path.join(folder, file));
      return folder;
    });
    const shared = path.join(b.home, 'shared-cache');
    const uncaught = (checkout: string) => spawnSync(process.execPath, ['-e', 'require("fs").openSync("missing/file")'], {
      cwd: b.work, encoding: 'utf8',
      env: { PATH: process.env.PATH, TMPDIR: b.tmp, MEMFS_CODE_CACHE: shared, NODE_OPTIONS: nodeOptionsWith(path.join(checkout, 'preload.cjs')) },
    }).stderr;
    for (const checkout of [...checkouts, ...checkouts]) {
      // The line Node prints above an uncaught error is where it was thrown: the checkout's own bundle, readable.
      const [where, line] = uncaught(checkout).split('\n');
      expect(where).toMatch(new RegExp(`^${path.join(checkout, 'preload-bundle.cjs')}:\\d+$`));
      expect(line).toMatch(/^\s*throw forSync\(err, face\);$/);
    }
    expect(caches(shared)).toHaveLength(2);
  });

  it("is preferred to the spool, which then stays free of it", () => {
    const b = box();
    run(b, { env: { HOME: b.home } });
    expect(caches(path.join(b.home, '.cache/memfs-action'))).toHaveLength(1);
    expect(caches(b.spool)).toEqual([]);
  });

  it('is under XDG_CACHE_HOME when that is set', () => {
    const b = box();
    const xdg = path.join(b.home, 'xdg');
    run(b, { spool: false, env: { HOME: b.home, XDG_CACHE_HOME: xdg } });
    expect(caches(path.join(xdg, 'memfs-action'))).toHaveLength(1);
    expect(caches(path.join(b.home, '.cache/memfs-action'))).toEqual([]);
  });

  it('is MEMFS_CODE_CACHE when that names one, written to the disk even inside a root (never into the journal)', () => {
    const b = box();
    const chosen = path.join(b.tmp, 'chosen');
    run(b, { env: { HOME: b.home, MEMFS_CODE_CACHE: chosen } });
    expect(caches(chosen)).toHaveLength(1);
    expect([...caches(path.join(b.home, '.cache/memfs-action')), ...caches(b.spool)]).toEqual([]);
    const journals = readdirSync(b.spool).map((name) => readFileSync(path.join(b.spool, name), 'latin1'));
    expect(journals.join('')).toContain('probe.txt');
    expect(journals.join('')).not.toContain('chosen');
  });

  it('MEMFS_CODE_CACHE=off writes it nowhere, though HOME and a spool are there', () => {
    const b = box();
    run(b, { env: { HOME: b.home, MEMFS_CODE_CACHE: 'off' } });
    expect([...caches(path.join(b.home, '.cache/memfs-action')), ...caches(b.spool)]).toEqual([]);
  });

  it("is the spool when the user's cache folder cannot be made", () => {
    const b = box();
    writeFileSync(path.join(b.home, '.cache'), 'a file where the folder would be');
    run(b, { env: { HOME: b.home } });
    expect(caches(b.spool)).toHaveLength(1);
  });

  it('that refuses the file (a folder in its place) leaves no temporary file behind and gives way to the spool', () => {
    const b = box();
    const folder = path.join(b.home, '.cache/memfs-action');
    run(b, { spool: false, env: { HOME: b.home } });
    const [cache] = caches(folder);
    rmSync(path.join(folder, cache!));
    mkdirSync(path.join(folder, cache!, 'in-the-way'), { recursive: true });
    run(b, { env: { HOME: b.home } });
    expect(readdirSync(folder)).toEqual([cache]);
    expect(caches(b.spool)).toEqual([cache]);
  });

  it('loses what was not rewritten for a month when a new cache is written; newer caches of other builds stay', () => {
    const b = box();
    const folder = path.join(b.home, '.cache/memfs-action');
    mkdirSync(folder, { recursive: true });
    const month = 31 * 24 * 3600;
    const old = path.join(folder, 'preload-0123456789abcdef-v20.0.0-x64-00000000.v8cache');
    const recent = path.join(folder, 'preload-fedcba9876543210-v20.0.0-x64-00000000.v8cache');
    const unrelated = path.join(folder, 'notes.txt');
    for (const file of [old, recent, unrelated]) writeFileSync(file, 'x');
    const aMonthAgo = Date.now() / 1000 - month;
    utimesSync(old, aMonthAgo, aMonthAgo);
    utimesSync(unrelated, aMonthAgo, aMonthAgo);
    run(b, { spool: false, env: { HOME: b.home } });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
    expect(caches(folder)).toHaveLength(2);
  });

  it('keeps the 32 newest caches at most, so that a machine running many sets of options does not fill up', () => {
    const b = box();
    const folder = path.join(b.home, '.cache/memfs-action');
    mkdirSync(folder, { recursive: true });
    const hour = 3600;
    const others = Array.from({ length: 40 }, (_, i) => {
      const file = path.join(folder, `preload-0123456789abcdef-v20.0.0-x64-${String(i).padStart(8, '0')}.v8cache`);
      writeFileSync(file, 'x');
      const written = Date.now() / 1000 - (i + 1) * hour; // others[0] the newest
      utimesSync(file, written, written);
      return path.basename(file);
    });
    run(b, { spool: false, env: { HOME: b.home } });
    const left = caches(folder);
    expect(left).toHaveLength(32);
    const [ours] = left.filter((name) => !others.includes(name));
    expect(ours).toBeDefined();
    expect(left.sort()).toEqual([ours, ...others.slice(0, 31)].sort());
  });
});
