// Runs one sequence of ops on a reference target (the real disk) and a candidate (the engine, or any FsTarget), each
// over its own fresh copy of the starting tree, and returns the first difference, or undefined.
import fs from 'node:fs';
import path from 'node:path';
import { SequenceComparator, type Normaliser, type Outcome } from './compare.js';
import { describeOp, execute, Session, type Op } from './ops.js';
import {
  buildStartingTree,
  makeTreeDirs,
  removeTreeDirs,
  secondsToNs,
  startingTimes,
  startingTimeValuesNs,
  startingEntries,
  type TreeDirs,
} from './starting-tree.js';
import type { FsTarget } from './target.js';
import { snapshotDisk, walkTarget } from './tree-walk.js';

export type TargetFactory = (root: string) => FsTarget;

export interface Mismatch {
  /** Index of the op in the sequence, or where after the ops the difference showed. */
  at: number | 'closing' | 'final tree' | 'lower layer' | 'starting tree';
  op?: string;
  reference?: string;
  candidate?: string;
  detail: string;
}

export function formatMismatch(ops: readonly Op[], m: Mismatch, umask = DEFAULT_UMASK): string {
  const lines = ops.map((op, i) => `${String(i).padStart(3)}  ${describeOp(op)}${i === m.at ? '   <-- differs' : ''}`);
  return [
    `difference at ${typeof m.at === 'number' ? `op ${m.at}` : m.at}${m.op ? `: ${m.op}` : ''}` +
      (umask === DEFAULT_UMASK ? '' : ` (umask 0o${umask.toString(8).padStart(3, '0')})`),
    `  ${m.detail}`,
    ...(m.reference !== undefined ? [`  reference: ${m.reference}`, `  candidate: ${m.candidate}`] : []),
    'sequence:',
    ...lines,
  ].join('\n');
}

/** Each side's tree prefix and mkdtemp names (numbered in creation order) become the same placeholders. */
function normaliserFor(s: Session, dirs: TreeDirs): Normaliser {
  return (text: string) => {
    let out = text.split(dirs.root).join('<root>').split(dirs.privateDir).join('<priv>');
    s.tempNames.forEach((name, i) => {
      out = out.split(name).join(`<tmp${i}>`);
    });
    return out;
  };
}

async function attempt(s: Session, op: Op): Promise<Outcome> {
  try {
    return { result: await execute(s, op) };
  } catch (error) {
    return { error };
  }
}

function explicitTimes(ops: readonly Op[], base: bigint[]): bigint[] {
  const values = [...base, 0n];
  for (const op of ops) {
    if (op.kind === 'utimes' || op.kind === 'lutimes' || op.kind === 'futimes') {
      values.push(secondsToNs(op.atime), secondsToNs(op.mtime));
    }
  }
  return values;
}

/** The starting tree's directories, by the reference's inode number, with their names in the disk's order. */
function startingListings(root: string): Map<string, string[]> {
  const listings = new Map<string, string[]>();
  const dirs = ['', ...startingEntries().filter((e) => e.kind === 'dir').map((e) => e.path)];
  for (const rel of dirs) {
    const at = path.join(root, rel);
    listings.set(String(fs.statSync(at).ino), fs.readdirSync(at));
  }
  return listings;
}

// copyFile too: when the copy fails after creating the dest, libuv unlinks it.
const FREES_INODES = new Set<Op['kind']>(['unlink', 'rmdir', 'rm', 'rename', 'close', 'copyFile']);

/** The reference's inode numbers still in use: everything under its private dir, and its open descriptors. */
async function liveInodes(s: Session, dirs: TreeDirs): Promise<Set<string>> {
  const live = new Set<string>();
  const visit = (at: string): void => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(at);
    } catch {
      return;
    }
    live.add(String(st.ino));
    if (!st.isDirectory()) return;
    let names: string[] = [];
    try {
      names = fs.readdirSync(at);
    } catch {
      // Unlistable (mode 000 as nobody): its children count as dead, which only weakens the check.
    }
    for (const name of names) visit(path.join(at, name));
  };
  visit(dirs.privateDir);
  for (const h of s.handles) {
    if (!h.open) continue;
    try {
      live.add(String((await s.target.fs.fstatSync(h.fd, { bigint: false })).ino));
    } catch {
      // A descriptor the reference itself cannot fstat holds nothing.
    }
  }
  return live;
}

function startingOrderOf(at: string, listings: Map<string, string[]>): string[] | undefined {
  try {
    return listings.get(String(fs.statSync(at).ino));
  } catch {
    return undefined; // not a directory now: readdir fails on both sides and there is no order to compare
  }
}

/** The process umask a sequence runs under (both targets create files with it); 0o022 unless a sequence says. */
export const DEFAULT_UMASK = 0o022;

export async function runSequence(
  ops: readonly Op[],
  makeReference: TargetFactory,
  makeCandidate: TargetFactory,
  umask = DEFAULT_UMASK,
): Promise<Mismatch | undefined> {
  const previousUmask = process.umask(DEFAULT_UMASK);
  try {
    return await runUnderUmask(ops, makeReference, makeCandidate, umask);
  } finally {
    process.umask(previousUmask);
  }
}

/** The trees are built under the default umask (a 0o277 one would lock nobody out of its own tree); ops under `umask`. */
async function runUnderUmask(
  ops: readonly Op[],
  makeReference: TargetFactory,
  makeCandidate: TargetFactory,
  umask: number,
): Promise<Mismatch | undefined> {
  const times = startingTimes();
  const dirsA = makeTreeDirs();
  const dirsB = makeTreeDirs();
  let targetA: FsTarget | undefined;
  let targetB: FsTarget | undefined;
  const sessions: Session[] = [];
  try {
    buildStartingTree(dirsA.root, times);
    buildStartingTree(dirsB.root, times);
    const lowerBefore = snapshotDisk(dirsB.privateDir);
    const listings = startingListings(dirsA.root);

    targetA = makeReference(dirsA.root);
    targetB = makeCandidate(dirsB.root);
    if (targetA.relativePaths !== targetB.relativePaths) throw new Error('both targets must use the same path style');
    const a = new Session(targetA);
    const b = new Session(targetB);
    sessions.push(a, b);
    const comparator = new SequenceComparator(
      { explicitNs: explicitTimes(ops, startingTimeValuesNs(times)) },
      normaliserFor(a, dirsA),
      normaliserFor(b, dirsB),
    );

    // The engine must show the starting tree as the disk has it, inode numbers included.
    for (const entry of startingEntries()) {
      const sa = fs.lstatSync(path.join(dirsA.root, entry.path), { bigint: true });
      const sb = await targetB.fs.lstatSync(b.path(entry.path), { bigint: true });
      const complaint = comparator.seed(sa, sb);
      if (complaint) return { at: 'starting tree', op: `lstat ${entry.path}`, detail: complaint };
    }

    process.umask(umask);
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      let order: string[] | undefined;
      if (op.kind === 'readdir' && !op.recursive) {
        order = startingOrderOf(a.path(op.path), listings);
      }
      const oa = await attempt(a, op);
      const ob = await attempt(b, op);
      const complaint = comparator.compare(oa, ob, order);
      if (!complaint && FREES_INODES.has(op.kind)) comparator.forgetDeadInodes(await liveInodes(a, dirsA));
      if (complaint) {
        return {
          at: i,
          op: describeOp(op),
          reference: comparator.show(oa, normaliserFor(a, dirsA)),
          candidate: comparator.show(ob, normaliserFor(b, dirsB)),
          detail: complaint,
        };
      }
    }

    for (let h = 0; h < Math.max(a.handles.length, b.handles.length); h++) {
      const wasOpenA = a.handles[h]?.open ?? false;
      const wasOpenB = b.handles[h]?.open ?? false;
      if (wasOpenA !== wasOpenB) return { at: 'closing', detail: `handle ${h} open on one side only` };
      if (!wasOpenA) continue;
      const close: Op = { kind: 'close', handle: h };
      const complaint = comparator.compare(await attempt(a, close), await attempt(b, close));
      if (complaint) return { at: 'closing', op: `close handle ${h}`, detail: complaint };
    }

    const na = normaliserFor(a, dirsA);
    const nb = normaliserFor(b, dirsB);
    // Sorted by the normalised path: mkdtemp's random names sort differently on each side.
    const byPath = (n: Normaliser) => (x: { path: string }, y: { path: string }) => (n(x.path) < n(y.path) ? -1 : n(x.path) > n(y.path) ? 1 : 0);
    const walkA = (await walkTarget(a)).sort(byPath(na));
    const walkB = (await walkTarget(b)).sort(byPath(nb));
    const pathsA = walkA.map((e) => na(e.path));
    const pathsB = walkB.map((e) => nb(e.path));
    if (JSON.stringify(pathsA) !== JSON.stringify(pathsB)) {
      return { at: 'final tree', detail: `paths differ:\n    reference ${pathsA.join(' ')}\n    candidate ${pathsB.join(' ')}` };
    }
    for (let i = 0; i < walkA.length; i++) {
      const ea = walkA[i]!;
      const eb = walkB[i]!;
      const where = pathsA[i]!;
      if (ea.error !== eb.error) return { at: 'final tree', detail: `${where}: lstat ${ea.error ?? 'ok'} vs ${eb.error ?? 'ok'}` };
      if (ea.stats && eb.stats) {
        const complaint = comparator.compareStats(ea.stats, eb.stats);
        if (complaint) return { at: 'final tree', detail: `${where}: ${complaint}` };
      }
      const ca = ea.content === undefined ? undefined : na(ea.content);
      const cb = eb.content === undefined ? undefined : nb(eb.content);
      if (ca !== cb) return { at: 'final tree', detail: `${where}: content ${ca} vs ${cb}` };
    }

    const checksLower = targetB.keepsDiskUnchanged;
    targetB.finish();
    targetB = undefined;
    const lowerAfter = checksLower ? snapshotDisk(dirsB.privateDir) : lowerBefore;
    if (lowerAfter !== lowerBefore) {
      return { at: 'lower layer', detail: `the disk under the candidate changed:\n${lineDiff(lowerBefore, lowerAfter)}` };
    }
    return undefined;
  } finally {
    for (const s of sessions) {
      for (const h of s.handles) {
        if (!h.open) continue;
        h.open = false;
        try {
          await s.target.fs.closeSync(h.fd);
        } catch {
          // Already reported or irrelevant: the sequence is over.
        }
      }
    }
    for (const t of [targetA, targetB]) {
      try {
        t?.finish();
      } catch {
        // Finishing must not hide the difference being reported.
      }
    }
    removeTreeDirs(dirsA);
    removeTreeDirs(dirsB);
  }
}

function lineDiff(before: string, after: string): string {
  const a = new Set(before.split('\n'));
  const b = new Set(after.split('\n'));
  return [
    ...[...a].filter((l) => !b.has(l)).map((l) => `    - ${l}`),
    ...[...b].filter((l) => !a.has(l)).map((l) => `    + ${l}`),
  ].join('\n');
}
