// The change set against the disk's own answer: after each differential sequence, what the engine says changed must
// be what changed on the real disk that ran the same calls (created, deleted, modified: type, mode, owner, content,
// symlink target). A deleted directory is one entry: its children are not listed again.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../src/overlay/types.js';
import { cases } from './cases.js';
import { makePair, standardTree, type Pair } from './harness.js';
import { closeAll, runOp, session } from './ops.js';

let pair: Pair | undefined;
afterEach(() => {
  pair?.cleanup();
  pair = undefined;
});

interface Entry {
  type: ChangeEntry['type'];
  mode: number;
  uid: number;
  gid: number;
  content?: string;
  target?: string;
}

/** Every entry under `root`: what a change set describes of it. */
function describeTree(root: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      const s = fs.lstatSync(p);
      const type = s.isFile() ? 'file' : s.isDirectory() ? 'directory' : s.isSymbolicLink() ? 'symlink' : 'other';
      const e: Entry = { type, mode: s.mode, uid: s.uid, gid: s.gid };
      if (type === 'file') e.content = fs.readFileSync(p).toString('base64');
      // Absolute targets name their own copy of the tree: compare them relative to it.
      if (type === 'symlink') e.target = fs.readlinkSync(p).split(root).join('<root>');
      out.set(path.relative(root, p), e);
      if (type === 'directory') walk(p);
    }
  };
  walk(root);
  return out;
}

function same(a: Entry, b: Entry): boolean {
  return a.type === b.type && a.mode === b.mode && a.uid === b.uid && a.gid === b.gid && a.content === b.content
    && a.target === b.target;
}

/** What changed between two trees, as "change path" lines (a deleted directory hides its deleted children). */
function expectedChanges(before: Map<string, Entry>, after: Map<string, Entry>): string[] {
  const out: string[] = [];
  for (const [p, e] of after) {
    const was = before.get(p);
    if (was === undefined) out.push(`created ${p}`);
    else if (!same(was, e)) out.push(`modified ${p}`);
  }
  for (const p of before.keys()) {
    if (after.has(p)) continue;
    const parent = path.dirname(p);
    if (parent !== '.' && before.has(parent) && !after.has(parent)) continue;
    out.push(`deleted ${p}`);
  }
  return out.sort();
}

describe('the change set says what the disk says changed', () => {
  for (const [name, ops] of Object.entries(cases)) {
    it(name, () => {
      pair = makePair(standardTree);
      const p = pair;
      const before = describeTree(p.upper);
      const s = session(p);
      for (const op of ops) runOp(s, op);
      closeAll(s);
      const expected = expectedChanges(before, describeTree(p.disk));
      const actual = p.overlay.changeSet()
        .map((e) => `${e.change} ${path.relative(p.upper, e.path)}`)
        .sort();
      expect(actual).toEqual(expected);
    });
  }

  it('describes each entry with the final type, mode, content and target', () => {
    pair = makePair(standardTree);
    const o = pair.overlay;
    o.writeFile('dir/file.txt', Buffer.from('new'), fs.constants.O_WRONLY | fs.constants.O_TRUNC, 0o666);
    o.symlink('dir', 'link-to-dir');
    const byPath = new Map(o.changeSet().map((e) => [path.relative(pair!.upper, e.path), e]));
    expect(byPath.get('dir/file.txt')).toMatchObject({ change: 'modified', type: 'file', size: 3, contentChanged: true });
    expect(byPath.get('dir/file.txt')?.content?.toString()).toBe('new');
    expect(byPath.get('link-to-dir')).toMatchObject({ change: 'created', type: 'symlink', target: 'dir' });
  });
});
