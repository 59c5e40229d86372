// The harness judged on the real disk alone: two copies of the starting tree must compare equal under every op, and
// a candidate that differs in one observable way must be caught. Without these, a green differential run would
// prove nothing.
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createDiskTarget, nodeSyncFs } from './disk-target.js';
import type { Op } from './ops.js';
import { runCampaign } from './property.js';
import { runSequence, type TargetFactory } from './runner.js';
import type { FsTarget, SyncFs } from './target.js';

const reference: TargetFactory = (root) => createDiskTarget(root, { relativePaths: false });
const diskCopy: TargetFactory = (root) => createDiskTarget(root, { name: 'disk-copy', relativePaths: false });

/** A disk copy with one function replaced. */
function skewed(change: Partial<SyncFs>, keepsDiskUnchanged = false): TargetFactory {
  return (root): FsTarget => ({
    ...createDiskTarget(root, { name: 'skewed', relativePaths: false }),
    keepsDiskUnchanged,
    fs: { ...nodeSyncFs, ...change },
  });
}

describe('differential harness on the real disk', () => {
  test('two copies of the disk compare equal over random sequences', async () => {
    const report = await runCampaign({ seed: 20261121, numRuns: 60, maxOps: 30, makeReference: reference, makeCandidate: diskCopy });
    expect(report.failure?.text).toBeUndefined();
    expect(report.ops).toBeGreaterThan(300);
  });

  test('a candidate whose stat reports one byte more is caught', async () => {
    const candidate = skewed({
      statSync: (p, o) => {
        const s = fs.statSync(p, o);
        if (typeof s.size === 'bigint') s.size += 1n;
        else s.size += 1;
        return s;
      },
    });
    const m = await runSequence([{ kind: 'stat', path: 'a', bigint: false }], reference, candidate);
    expect(m?.at).toBe(0);
    expect(m?.detail).toContain('size: 6 vs 7');
  });

  test('a candidate whose error names another syscall is caught', async () => {
    const candidate = skewed({
      unlinkSync: (p) => {
        try {
          fs.unlinkSync(p);
        } catch (error) {
          (error as NodeJS.ErrnoException).syscall = 'remove';
          throw error;
        }
      },
    });
    const m = await runSequence([{ kind: 'unlink', path: 'missing' }], reference, candidate);
    expect(m?.detail).toContain('"syscall":"remove"');
  });

  test('a candidate that gives a fresh inode number to a file it rewrites is caught', async () => {
    const candidate = skewed({
      writeFileSync: (p, data, o) => {
        fs.copyFileSync(p, `${p}.tmp`);
        fs.renameSync(`${p}.tmp`, p);
        fs.writeFileSync(p, data, o);
      },
    });
    const ops: Op[] = [
      { kind: 'stat', path: 'b', bigint: true },
      { kind: 'writeFile', path: 'b', data: 'new', flag: 'r+', mode: 0o666 },
      { kind: 'stat', path: 'b', bigint: true },
    ];
    const m = await runSequence(ops, reference, candidate);
    expect(m?.at).toBe(2);
    expect(m?.detail).toContain('ino relation broken');
  });

  test('a candidate that lists a starting directory in another order is caught', async () => {
    const candidate = skewed({
      readdirSync: (p, o) => (nodeSyncFs.readdirSync(p, o) as string[]).reverse(),
    });
    const m = await runSequence([{ kind: 'readdir', path: 'd', withFileTypes: false, recursive: false }], reference, candidate);
    expect(m?.detail).toContain('order of the starting tree');
  });

  test('a candidate that leaves a file behind is caught in the final tree', async () => {
    const candidate = skewed({ unlinkSync: () => {} });
    const m = await runSequence([{ kind: 'unlink', path: 'a' }], reference, candidate);
    expect(m?.at).toBe('final tree');
  });

  test('a candidate that loses a write through a symlink leading out of the tree is caught', async () => {
    const candidate = skewed({
      writeFileSync: (p, data, o) => (p.endsWith('/c') ? undefined : fs.writeFileSync(p, data, o)),
    });
    const ops: Op[] = [
      { kind: 'symlink', target: '../a', path: 'c' },
      { kind: 'writeFile', path: 'c', data: 'escaped', flag: 'w', mode: 0o666 },
    ];
    const m = await runSequence(ops, reference, candidate);
    expect(m?.at).toBe('final tree');
    expect(m?.detail).toContain('../a');
  });

  test('a candidate that writes to the disk it overlays is caught', async () => {
    const m = await runSequence([{ kind: 'chmod', path: 'a', mode: 0o600 }], reference, skewed({}, true));
    expect(m?.at).toBe('lower layer');
    expect(m?.detail).toContain('mode=100600');
  });

  test('a candidate whose write leaves mtime alone is caught', async () => {
    const candidate = skewed({
      writeFileSync: (p, data, o) => {
        const before = fs.statSync(p);
        fs.writeFileSync(p, data, o);
        fs.utimesSync(p, before.atime, before.mtime);
      },
    });
    const ops: Op[] = [
      { kind: 'stat', path: 'a', bigint: true },
      { kind: 'writeFile', path: 'a', data: 'x', flag: 'w', mode: 0o666 },
      { kind: 'stat', path: 'a', bigint: true },
    ];
    const m = await runSequence(ops, reference, candidate);
    expect(m?.at).toBe(2);
    expect(m?.detail).toContain('mtime');
  });
});
