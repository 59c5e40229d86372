// Where a path lands on the disk, and the router that owns a path by where it lands as well as by how it is spelt.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskLocator } from '../../src/node/disk-location.js';
import { createRouter } from '../../src/node/routing.js';

let base = '';
beforeEach(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-disk-location-')));
  fs.mkdirSync(path.join(base, 'ws/packages/a/lib'), { recursive: true });
  fs.mkdirSync(path.join(base, 'ws/node_modules/dep'), { recursive: true });
  fs.symlinkSync('../packages/a', path.join(base, 'ws/node_modules/a'));
  fs.symlinkSync(path.join(base, 'ws'), path.join(base, 'alias'));
  fs.symlinkSync('alias/packages/a/lib/index.js', path.join(base, 'file-link'));
  fs.symlinkSync('loop-b', path.join(base, 'loop-a'));
  fs.symlinkSync('loop-a', path.join(base, 'loop-b'));
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

describe('createDiskLocator', () => {
  const locator = () => createDiskLocator({ cwd: () => process.cwd() });

  it('follows a symlinked folder on the way, and keeps a missing tail as spelt below it', () => {
    const { locate } = locator();
    expect(locate(`${base}/ws/node_modules/a/lib/index.js`, true)).toBe(`${base}/ws/packages/a/lib/index.js`);
    expect(locate(`${base}/ws/node_modules/a/not/yet/made.js`, true)).toBe(`${base}/ws/packages/a/not/yet/made.js`);
    expect(locate(`${base}/alias/src/x.js`, true)).toBe(`${base}/ws/src/x.js`);
  });

  it('follows the last component when asked, as open and chmod do, through chains of links', () => {
    const { locate } = locator();
    expect(locate(`${base}/ws/node_modules/a`, true)).toBe(`${base}/ws/packages/a`);
    expect(locate(`${base}/file-link`, true)).toBe(`${base}/ws/packages/a/lib/index.js`);
    expect(locate(`${base}/ws/node_modules/a`, false)).toBe(`${base}/ws/node_modules/a`);
    expect(locate(`${base}/ws/node_modules/a/../b.js`, false)).toBe(`${base}/ws/packages/b.js`);
  });

  it('follows the last name of a path spelt with a trailing slash, as the kernel does', () => {
    expect(locator().locate(`${base}/alias/`, false)).toBe(`${base}/ws`);
    expect(locator().locate(`${base}/ws/node_modules/a/`, false)).toBe(`${base}/ws/packages/a`);
  });

  it('leaves a path without symlinks as it is', () => {
    const { locate } = locator();
    expect(locate(`${base}/ws/node_modules/dep/index.js`, true)).toBe(`${base}/ws/node_modules/dep/index.js`);
    expect(locate('/', true)).toBe('/');
  });

  it("takes '..' from where a symlink led, as the kernel does, not lexically", () => {
    expect(locator().locate(`${base}/ws/node_modules/a/../b.js`, true)).toBe(`${base}/ws/packages/b.js`);
    expect(locator().locate(`${base}/alias/../x`, true)).toBe(`${base}/x`);
  });

  it('ends on a symlink loop instead of spinning', () => {
    expect(locator().locate(`${base}/loop-a`, true)).toMatch(new RegExp(`^${base}/loop-[ab]$`));
  });

  it('answers /proc/self/cwd with the process working directory', () => {
    const inMemory = createDiskLocator({ cwd: () => '/somewhere/only/in/memory' });
    expect(inMemory.locate('/proc/self/cwd/x.txt', true)).toBe('/somewhere/only/in/memory/x.txt');
    expect(locator().locate('/proc/self/root/etc', true)).toBe('/etc');
  });

  it('sees a folder replaced by a symlink once told that the disk changed', () => {
    const l = locator();
    const spelt = `${base}/ws/node_modules/later/file.js`;
    expect(l.locate(spelt, false)).toBe(spelt);
    fs.symlinkSync('../packages/a', path.join(base, 'ws/node_modules/later'));
    l.forget();
    expect(l.locate(spelt, false)).toBe(`${base}/ws/packages/a/file.js`);
  });
});

describe('a router that knows where paths land', () => {
  const router = () =>
    createRouter({ roots: [`${base}/ws`], passThrough: [`${base}/ws/**/node_modules`], locate: createDiskLocator({ cwd: () => process.cwd() }) });

  it('owns a pass-through path whose real location is inside the root and not passed through', () => {
    expect(router().owns(`${base}/ws/node_modules/a/lib/index.js`)).toBe(true);
    expect(router().owns(`${base}/ws/node_modules/dep/index.js`)).toBe(false);
  });

  it("owns a path spelt with '..' after a workspace link by where the kernel takes it", () => {
    const spelt = `${base}/ws/node_modules/a/../b.js`;
    expect(router().owns(path.resolve(spelt), spelt)).toBe(true);
    expect(router().owns(path.resolve(spelt))).toBe(false); // lexically it is node_modules/b.js
  });

  it('owns a path outside every root that lands inside one', () => {
    expect(router().owns(`${base}/alias/src/x.js`)).toBe(true);
    expect(router().owns(`${base}/file-link`)).toBe(true);
    expect(router().owns(`${base}/loop-a`)).toBe(false);
  });

  it('follows a link in the last name only for an operation that does (stat, open…; not lstat, unlink, rename)', () => {
    expect(router().owns(`${base}/file-link`)).toBe(true);
    expect(router().ownsLink(`${base}/file-link`)).toBe(false);
    expect(router().ownsLink(`${base}/ws/node_modules/a/lib/index.js`)).toBe(true);
  });

  it('keeps a path spelt inside the root even when it lands outside (what is written through it stays in memory)', () => {
    fs.symlinkSync(os.homedir(), path.join(base, 'ws/home'));
    expect(router().owns(`${base}/ws/home/.gitconfig`)).toBe(true);
  });

  it('routes by the disk as it is now after forget()', () => {
    const r = router();
    const spelt = `${base}/ws/node_modules/later/file.js`;
    expect(r.owns(spelt)).toBe(false);
    fs.symlinkSync('../packages/a', path.join(base, 'ws/node_modules/later'));
    expect(r.owns(spelt)).toBe(false); // remembered
    r.forget();
    expect(r.owns(spelt)).toBe(true);
  });
});
