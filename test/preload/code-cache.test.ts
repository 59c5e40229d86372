// dist/preload.cjs compiles the preload's bundle through V8's code cache, kept in the run's spool: the first process
// of a run writes it, later ones load it. The cache is an optimisation only: a damaged one must change nothing but
// speed, and without a spool nothing is written anywhere.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

function box(): { work: string; tmp: string; spool: string } {
  const dir = path.join(base, `b${++boxes}`);
  const folders = { work: path.join(dir, 'work'), tmp: path.join(dir, 'tmp'), spool: path.join(dir, 'spool') };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  return folders;
}

/** Writes and reads back a file in the working directory: the overlay must be in place whatever the cache did. */
const probe = 'const fs = require("fs"); fs.writeFileSync("probe.txt", "in memory"); process.stdout.write(fs.readFileSync("probe.txt", "utf8"))';

function run(b: ReturnType<typeof box>, o: { spool?: boolean; node?: string; nodeArgs?: string[] } = {}) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TMPDIR: b.tmp, NODE_OPTIONS: nodeOptionsWith(preload) };
  if (o.spool !== false) env.MEMFS_SPOOL = b.spool;
  const r = spawnSync(o.node ?? process.execPath, [...(o.nodeArgs ?? []), '-e', probe], { cwd: b.work, env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('in memory');
  return r;
}

const caches = (spool: string) => readdirSync(spool).filter((name) => name.endsWith('.v8cache'));
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

  // The spool is writable by every user: code another user left there must never run in this process.
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

  it('is not written anywhere without a spool', () => {
    const b = box();
    run(b, { spool: false });
    const written = [b.work, b.tmp, b.spool, path.dirname(preload)].flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.v8cache')));
    expect(written).toEqual([]);
  });
});
