// Compares what two targets answered, op by op, and keeps the relations that must hold across a whole sequence.
//
// What is compared exactly: every return value and error (message, code, errno, syscall, path, dest), after
// replacing each target's own tree prefix with <root>/<priv> and mkdtemp's random names with <tmpN>; and the stat
// fields mode, nlink, uid, gid, rdev, size, blocks, blksize.
// What is compared as a relation, because the two trees are different inodes on the same disk:
//   - ino and dev: a bijection from the reference's numbers to the candidate's, seeded with the starting tree (so the
//     engine must keep the disk's inode numbers), and kept for the whole sequence (hard links, copy-up, renames).
//   - times: a value that some op (or the starting tree) set explicitly must be equal; any other value is "recent".
//     mtime, ctime and birthtime: when the reference's value changed since its previous observation of that inode,
//     the candidate's must have changed too (the reverse is not required: ext4 stamps times from a 4 ms coarse clock,
//     so two quick writes may leave the disk's mtime unchanged). atime: the disk mounts with relatime and bumps atime
//     on a read after a write while the engine never does, so a "recent" reference atime accepts anything.
// readdir order: names the directory held in the starting tree must come in the disk's order (the engine merges its
// lower directory in getdents order); names created during the sequence get a hash order on ext4 that nobody can
// reproduce, so they are compared as a set. Recursive listings are compared as sets.
import type { Result } from './ops.js';
import type { StatsLike } from './target.js';

export interface Normaliser {
  (text: string): string;
}

export interface Outcome {
  result?: Result;
  error?: unknown;
}

export interface TimeRules {
  /** Every explicit time of the sequence (starting tree, utimes/futimes/lutimes arguments, and 0), in ns. */
  explicitNs: readonly bigint[];
}

const NS_TOLERANCE = 1000n; // a number Stats carries ms as a double: about 0.2 µs of rounding near 2026

type TimeField = 'atime' | 'mtime' | 'ctime' | 'birthtime';
const TIME_FIELDS: readonly TimeField[] = ['atime', 'mtime', 'ctime', 'birthtime'];
const EXACT_FIELDS = ['mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blocks', 'blksize'] as const;

function timeNs(s: StatsLike, field: TimeField): bigint {
  if (typeof s.dev === 'bigint') return (s as import('node:fs').BigIntStats)[`${field}Ns`];
  return BigInt(Math.round((s as import('node:fs').Stats)[`${field}Ms`] * 1e6));
}

class Bijection {
  private forward = new Map<string, string>();
  private backward = new Map<string, string>();
  constructor(private readonly what: string) {}

  /** Drops the pairs whose reference side is gone: the kernel reuses a freed inode number for the next file. */
  keepOnly(liveA: ReadonlySet<string>): void {
    for (const [a, b] of this.forward) {
      if (liveA.has(a)) continue;
      this.forward.delete(a);
      if (this.backward.get(b) === a) this.backward.delete(b);
    }
  }

  /** Returns a complaint, or undefined when the pair is consistent with every pair seen before. */
  pair(a: string, b: string): string | undefined {
    const knownB = this.forward.get(a);
    const knownA = this.backward.get(b);
    if (knownB === undefined && knownA === undefined) {
      this.forward.set(a, b);
      this.backward.set(b, a);
      return undefined;
    }
    if (knownB === b && knownA === a) return undefined;
    return `${this.what} relation broken: reference ${a} ↔ candidate ${b}, but earlier reference ${a} ↔ candidate ${
      knownB ?? '(none)'
    } and candidate ${b} ↔ reference ${knownA ?? '(none)'}`;
  }
}

export class SequenceComparator {
  private readonly ino = new Bijection('ino');
  private readonly dev = new Bijection('dev');
  private readonly lastTimesA = new Map<string, Record<TimeField, bigint>>();
  private readonly lastTimesB = new Map<string, Record<TimeField, bigint>>();

  constructor(
    private readonly rules: TimeRules,
    private readonly normaliseA: Normaliser,
    private readonly normaliseB: Normaliser,
  ) {}

  /** After an op that may free inodes (unlink, rmdir, rm, rename, close, copyFile): forget those no longer alive. */
  forgetDeadInodes(liveA: ReadonlySet<string>): void {
    this.ino.keepOnly(liveA);
    for (const key of this.lastTimesA.keys()) if (!liveA.has(key)) this.lastTimesA.delete(key);
  }

  /** Registers two inodes known to be the same file (the starting tree); returns a complaint or undefined. */
  seed(a: StatsLike, b: StatsLike): string | undefined {
    return this.compareStats(a, b);
  }

  private explicitValue(ns: bigint): bigint | undefined {
    for (const e of this.rules.explicitNs) {
      const d = ns - e;
      if (d <= NS_TOLERANCE && d >= -NS_TOLERANCE) return e;
    }
    return undefined;
  }

  compareStats(a: StatsLike, b: StatsLike): string | undefined {
    if (typeof a.dev !== typeof b.dev) return `stats kind differs: ${typeof a.dev} vs ${typeof b.dev}`;
    const diffs: string[] = [];
    for (const field of EXACT_FIELDS) {
      if (Number(a[field]) !== Number(b[field])) diffs.push(`${field}: ${fmt(field, a[field])} vs ${fmt(field, b[field])}`);
    }
    const inoComplaint = this.ino.pair(String(a.ino), String(b.ino));
    if (inoComplaint) diffs.push(inoComplaint);
    const devComplaint = this.dev.pair(String(a.dev), String(b.dev));
    if (devComplaint) diffs.push(devComplaint);

    const keyA = String(a.ino);
    const keyB = String(b.ino);
    const nowA = {} as Record<TimeField, bigint>;
    const nowB = {} as Record<TimeField, bigint>;
    const beforeA = this.lastTimesA.get(keyA);
    const beforeB = this.lastTimesB.get(keyB);
    for (const field of TIME_FIELDS) {
      const ta = timeNs(a, field);
      const tb = timeNs(b, field);
      nowA[field] = ta;
      nowB[field] = tb;
      const ea = this.explicitValue(ta);
      const eb = this.explicitValue(tb);
      if (field === 'atime') {
        if (ea !== undefined && ea !== eb) diffs.push(`atime: ${ta} (explicit) vs ${tb}`);
        continue;
      }
      if (ea !== eb) {
        diffs.push(`${field}: ${ta}${ea !== undefined ? ' (explicit)' : ''} vs ${tb}${eb !== undefined ? ' (explicit)' : ''}`);
        continue;
      }
      if (beforeA && beforeB) {
        const changedA = abs(ta - beforeA[field]) > NS_TOLERANCE;
        const changedB = abs(tb - beforeB[field]) > NS_TOLERANCE;
        if (changedA && !changedB) diffs.push(`${field}: changed on the reference (${beforeA[field]} → ${ta}) but not on the candidate (${tb})`);
      }
    }
    this.lastTimesA.set(keyA, nowA);
    this.lastTimesB.set(keyB, nowB);
    return diffs.length ? diffs.join('; ') : undefined;
  }

  /**
   * Compares one op's outcomes. `startingOrder` is, for a non-recursive readdir of a directory of the starting tree,
   * the names it held then, in the disk's order.
   */
  compare(a: Outcome, b: Outcome, startingOrder?: readonly string[]): string | undefined {
    if (a.error !== undefined || b.error !== undefined) {
      if (a.error === undefined) return `reference succeeded with ${this.show(a, this.normaliseA)}, candidate threw ${this.show(b, this.normaliseB)}`;
      if (b.error === undefined) return `reference threw ${this.show(a, this.normaliseA)}, candidate succeeded with ${this.show(b, this.normaliseB)}`;
      const ea = errorShape(a.error, this.normaliseA);
      const eb = errorShape(b.error, this.normaliseB);
      return ea === eb ? undefined : `error differs:\n    reference ${ea}\n    candidate ${eb}`;
    }
    const ra = a.result!;
    const rb = b.result!;
    if (ra.type !== rb.type) return `result kind differs: ${ra.type} vs ${rb.type}`;
    if (ra.type === 'stats' && rb.type === 'stats') return this.compareStats(ra.stats, rb.stats);
    if (ra.type === 'names' && rb.type === 'names') {
      return compareListing(ra.names.map(this.normaliseA), rb.names.map(this.normaliseB), startingOrder);
    }
    if (ra.type === 'dirents' && rb.type === 'dirents') {
      const keys = (entries: typeof ra.entries, n: Normaliser) => entries.map((e) => `${n(e.parentPath)}|${n(e.name)}|${e.kind}`);
      const order = startingOrder ? new Set(startingOrder) : undefined;
      const namesA = ra.entries.map((e) => this.normaliseA(e.name));
      const namesB = rb.entries.map((e) => this.normaliseB(e.name));
      const setComplaint = compareListing(keys(ra.entries, this.normaliseA), keys(rb.entries, this.normaliseB), undefined);
      if (setComplaint) return setComplaint;
      return order ? compareListing(namesA, namesB, startingOrder) : undefined;
    }
    const sa = JSON.stringify(normaliseDeep(ra, this.normaliseA));
    const sb = JSON.stringify(normaliseDeep(rb, this.normaliseB));
    return sa === sb ? undefined : `result differs: ${sa} vs ${sb}`;
  }

  show(o: Outcome, n: Normaliser): string {
    if (o.error !== undefined) return errorShape(o.error, n);
    const r = o.result!;
    if (r.type === 'stats') return `stats(mode=${r.stats.mode.toString(8)}, size=${r.stats.size}, ino=${r.stats.ino})`;
    return JSON.stringify(normaliseDeep(r, n));
  }
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function fmt(field: string, v: number | bigint): string {
  return field === 'mode' ? `0o${v.toString(8)}` : String(v);
}

function compareListing(a: string[], b: string[], startingOrder: readonly string[] | undefined): string | undefined {
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  if (JSON.stringify(sortedA) !== JSON.stringify(sortedB)) {
    return `listing differs (as sets): ${JSON.stringify(sortedA)} vs ${JSON.stringify(sortedB)}`;
  }
  if (!startingOrder) return undefined;
  const old = new Set(startingOrder);
  const orderA = a.filter((n) => old.has(n));
  const orderB = b.filter((n) => old.has(n));
  if (JSON.stringify(orderA) !== JSON.stringify(orderB)) {
    return `order of the starting tree's names differs: ${JSON.stringify(orderA)} vs ${JSON.stringify(orderB)}`;
  }
  return undefined;
}

function normaliseDeep(value: unknown, n: Normaliser): unknown {
  if (typeof value === 'string') return n(value);
  if (Array.isArray(value)) return value.map((v) => normaliseDeep(v, n));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseDeep(v, n)]));
  }
  return value;
}

/** The parts of an error a user can observe and assert on, normalised, as one comparable line. */
export function errorShape(error: unknown, n: Normaliser): string {
  if (!(error instanceof Error)) return `non-Error thrown: ${String(error)}`;
  const e = error as NodeJS.ErrnoException & { dest?: string };
  const fields: Record<string, unknown> = { message: n(e.message), code: e.code, errno: e.errno, syscall: e.syscall };
  if (e.path !== undefined) fields.path = n(String(e.path));
  if (e.dest !== undefined) fields.dest = n(String(e.dest));
  return JSON.stringify(fields);
}
