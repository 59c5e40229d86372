// Node's face lists folders by name, and a folder only memory holds is sorted once while the upper tree keeps its
// shape (Overlay.readdirSorted). These pin that every change that could alter a listing is seen by the next one: the
// memo never answers with a listing from before a change, and a caller that changes what it was given changes
// nothing for the next caller.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { Overlay } from '../../src/overlay/overlay.js';
import type { DirectoryEntry } from '../../src/overlay/types.js';

const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
const W = O_WRONLY | O_CREAT | O_TRUNC;
const byName = (a: DirectoryEntry, b: DirectoryEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

let disk: string;
const p = (relative: string) => path.join(disk, relative);

beforeEach(() => {
  disk = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-sorted-listing-')));
  fs.mkdirSync(p('on-disk'));
  fs.writeFileSync(p('on-disk/d.txt'), 'on disk');
});
afterEach(() => fs.rmSync(disk, { recursive: true, force: true }));

/** The names readdirSorted gives, and that they are what a fresh sort of readdir gives. */
function listed(engine: Overlay, relative: string): string[] {
  const sorted = engine.readdirSorted(p(relative), byName);
  expect(sorted).toEqual(engine.readdir(p(relative)).sort(byName));
  return sorted.map((e) => `${e.name}${e.type === 2 ? '/' : ''}`);
}

it('lists a folder only memory holds again after every kind of change to it', () => {
  const engine = new Overlay({ lower: createDiskLayer() });
  engine.mkdir(p('made'), 0o755, false);
  for (const name of ['c', 'a', 'b']) engine.writeFile(p(`made/${name}`), Buffer.from(name), W, 0o644);
  expect(listed(engine, 'made')).toEqual(['a', 'b', 'c']);
  expect(listed(engine, 'made')).toEqual(['a', 'b', 'c']); // from the memo

  engine.writeFile(p('made/0'), Buffer.from('new'), W, 0o644);
  expect(listed(engine, 'made')).toEqual(['0', 'a', 'b', 'c']);
  engine.unlink(p('made/b'));
  expect(listed(engine, 'made')).toEqual(['0', 'a', 'c']);
  engine.rename(p('made/a'), p('made/z'));
  expect(listed(engine, 'made')).toEqual(['0', 'c', 'z']);
  engine.rename(p('made/c'), p('on-disk/c'));
  expect(listed(engine, 'made')).toEqual(['0', 'z']);
  engine.unlink(p('made/z'));
  engine.mkdir(p('made/z'), 0o755, false); // the same name, now a folder
  expect(listed(engine, 'made')).toEqual(['0', 'z/']);
  engine.symlink('0', p('made/link'));
  expect(listed(engine, 'made')).toEqual(['0', 'link', 'z/']);
  // A change in another folder, or another folder listed in between, leaves this one's listing right.
  engine.writeFile(p('on-disk/e.txt'), Buffer.from('e'), W, 0o644);
  expect(listed(engine, 'on-disk')).toEqual(['c', 'd.txt', 'e.txt']);
  expect(listed(engine, 'made')).toEqual(['0', 'link', 'z/']);
});

it('gives each caller its own array: sorting or emptying it changes nothing for the next', () => {
  const engine = new Overlay({ lower: createDiskLayer() });
  engine.mkdir(p('made'), 0o755, false);
  for (const name of ['a', 'b']) engine.writeFile(p(`made/${name}`), Buffer.from(name), W, 0o644);
  engine.readdirSorted(p('made'), byName).reverse();
  engine.readdirSorted(p('made'), byName).splice(0);
  expect(listed(engine, 'made')).toEqual(['a', 'b']);
});

it('lists a folder with a disk folder below it from the disk every time (a program outside may change it)', () => {
  const engine = new Overlay({ lower: createDiskLayer() });
  engine.writeFile(p('on-disk/mine.txt'), Buffer.from('mine'), W, 0o644);
  expect(listed(engine, 'on-disk')).toEqual(['d.txt', 'mine.txt']);
  fs.writeFileSync(p('on-disk/by-another-program.txt'), 'x');
  expect(listed(engine, 'on-disk')).toEqual(['by-another-program.txt', 'd.txt', 'mine.txt']);
});
