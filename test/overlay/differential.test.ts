// Sequences of calls run on the real disk and on the engine over a copy of the same tree: every outcome (value or
// error: message, code, errno, syscall, path, dest) and the final tree must be identical, and the disk under the
// engine must be untouched.
import { afterEach, describe, expect, it } from 'vitest';
import { makePair, snapshot, standardTree, type Pair } from './harness.js';
import { closeAll, diskTree, overlayTree, runOp, session, type Op } from './ops.js';
import { cases, W } from './cases.js';

let pair: Pair | undefined;
afterEach(() => {
  pair?.cleanup();
  pair = undefined;
});

function check(ops: Op[]): void {
  pair = makePair(standardTree);
  const before = snapshot(pair.upper);
  const s = session(pair);
  ops.forEach((op, i) => {
    const [disk, overlay] = runOp(s, op);
    expect({ step: i, op, outcome: overlay }).toEqual({ step: i, op, outcome: disk });
  });
  closeAll(s);
  expect(overlayTree(pair)).toEqual(diskTree(pair));
  expect(snapshot(pair.upper)).toEqual(before);
}

describe('differential against the real disk', () => {
  for (const [name, ops] of Object.entries(cases)) it(name, () => check(ops));
});

/** Node 24 and later remove recursively in native code, children first: the engine's childrenFirst rm. */
const nativeRmCases: Record<string, Op[]> = {
  'rm -r of "link/" empties the target directory, then fails on the link': [
    ['rmNative', 'abs-dir-link/', { recursive: true, force: false }], ['readdir', 'dir'], ['lstat', 'abs-dir-link'],
  ],
  'rm -r of a tree only memory holds, with hard links inside it and out of it': [
    ['mkdir', 'made', 0o755], ['mkdir', 'made/sub', 0o755], ['writeFile', 'made/a', 'a', W],
    ['link', 'made/a', 'made/sub/b'], ['link', 'made/a', 'made/c'], ['link', 'made/a', 'kept'],
    ['writeFile', 'made/sub/d', 'd', W], ['rmNative', 'made', { recursive: true, force: false }], ['exists', 'made'],
    ['lstat', 'kept'], ['readFile', 'kept'], ['mkdir', 'made', 0o755], ['readdir', 'made'],
  ],
  'rm -r of a disk directory with changes inside removes everything': [
    ['writeFile', 'dir/sub/new', 'x', W], ['rmNative', 'dir', { recursive: true, force: false }], ['exists', 'dir'],
    ['rmNative', 'top.txt', { recursive: false, force: false }], ['rmNative', 'missing', { recursive: true, force: true }],
  ],
};

describe.runIf(Number(process.versions.node.split('.')[0]) >= 24)('rm in the native order of Node 24+', () => {
  for (const [name, ops] of Object.entries(nativeRmCases)) it(name, () => check(ops));
});
