// Genuine Stats / BigIntStats built with Node's own constructors, and the reverse conversion for the disk.
import { statSync, type BigIntStats, type Stats } from 'node:fs';
import type { StatRecord } from './types.js';

type StatsConstructor = new (...args: unknown[]) => Stats;
type BigIntStatsConstructor = new (...args: unknown[]) => BigIntStats;

// Taken from real results, never `new Stats` (DEP0180 on 22+), at the first use rather than at start-up (two stat
// calls and a BigIntStats cost every process ≈ 0.1 ms). Node's own statSync is kept at load: by the first use, fs is
// patched.
const statOfDisk = statSync;
let StatsCtor: StatsConstructor | undefined;
let BigIntStatsCtor: BigIntStatsConstructor | undefined;
/** Node 26 takes seconds and nanoseconds separately (18 arguments), earlier versions milliseconds (14). */
let takesSecondsAndNanos = false;

const NS_PER_S = 1_000_000_000n;

function toMs(ns: bigint): number {
  // Split so that the sub-millisecond part keeps its precision in a double (bit-identical to Node's own
  // sec * 1e3 + nsec / 1e6 on every value tried, see test/overlay).
  return Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6;
}

function secondsAndNanos(ns: bigint): [number, number] {
  let s = ns / NS_PER_S;
  let rest = ns - s * NS_PER_S;
  if (rest < 0n) {
    s -= 1n;
    rest += NS_PER_S;
  }
  return [Number(s), Number(rest)];
}

export function toStats(r: StatRecord, bigint: true): BigIntStats;
export function toStats(r: StatRecord, bigint?: false): Stats;
export function toStats(r: StatRecord, bigint?: boolean): Stats | BigIntStats;
export function toStats(r: StatRecord, bigint = false): Stats | BigIntStats {
  if (bigint) {
    BigIntStatsCtor ??= Object.getPrototypeOf(statOfDisk('/', { bigint: true })).constructor as BigIntStatsConstructor;
    return new BigIntStatsCtor(
      BigInt(r.dev), BigInt(r.mode), BigInt(r.nlink), BigInt(r.uid), BigInt(r.gid), BigInt(r.rdev),
      BigInt(r.blksize), BigInt(r.ino), BigInt(r.size), BigInt(r.blocks),
      r.atimeNs, r.mtimeNs, r.ctimeNs, r.birthtimeNs,
    );
  }
  if (StatsCtor === undefined) {
    StatsCtor = Object.getPrototypeOf(statOfDisk('/')).constructor as StatsConstructor;
    takesSecondsAndNanos = StatsCtor.length >= 18;
  }
  if (takesSecondsAndNanos) {
    const [as, an] = secondsAndNanos(r.atimeNs);
    const [ms, mn] = secondsAndNanos(r.mtimeNs);
    const [cs, cn] = secondsAndNanos(r.ctimeNs);
    const [bs, bn] = secondsAndNanos(r.birthtimeNs);
    return new StatsCtor(r.dev, r.mode, r.nlink, r.uid, r.gid, r.rdev, r.blksize, r.ino, r.size, r.blocks,
      as, an, ms, mn, cs, cn, bs, bn);
  }
  return new StatsCtor(r.dev, r.mode, r.nlink, r.uid, r.gid, r.rdev, r.blksize, r.ino, r.size, r.blocks,
    toMs(r.atimeNs), toMs(r.mtimeNs), toMs(r.ctimeNs), toMs(r.birthtimeNs));
}

/** A real bigint lstat result as the engine's record (bigint keeps the nanoseconds). */
export function statRecordFromNode(s: BigIntStats | Stats): StatRecord {
  if (typeof s.dev === 'bigint') {
    const b = s as BigIntStats;
    return {
      dev: Number(b.dev), ino: Number(b.ino), mode: Number(b.mode), nlink: Number(b.nlink),
      uid: Number(b.uid), gid: Number(b.gid), rdev: Number(b.rdev), size: Number(b.size),
      blksize: Number(b.blksize), blocks: Number(b.blocks),
      atimeNs: b.atimeNs, mtimeNs: b.mtimeNs, ctimeNs: b.ctimeNs, birthtimeNs: b.birthtimeNs,
    };
  }
  const n = s as Stats;
  const ns = (ms: number) => BigInt(Math.round(ms * 1e6));
  return {
    dev: n.dev, ino: n.ino, mode: n.mode, nlink: n.nlink, uid: n.uid, gid: n.gid, rdev: n.rdev, size: n.size,
    blksize: n.blksize, blocks: n.blocks,
    atimeNs: ns(n.atimeMs), mtimeNs: ns(n.mtimeMs), ctimeNs: ns(n.ctimeMs), birthtimeNs: ns(n.birthtimeMs),
  };
}
