// The run-wide guard on the spool. The per-process quota bounds what one process holds in memory, but every process
// of a run appends to the same spool, which lives in RAM (/dev/shm, tmpfs) where it can: hundreds of processes can
// fill it until the OOM killer ends the run. So before the engine grows or rewrites content, it asks `admit` for the
// bytes that change will add to the journal; a "no" becomes ENOSPC in the writing process, exactly like the quota's.
//
// The spool may grow while all of these hold:
//   - what the spool folder holds stays within the cap (MEMFS_SPOOL_LIMIT), when one is set;
//   - its filesystem keeps a reserve free: max(256 MiB, 5 % of its size), at most a quarter of it. 5 % is what ext4
//     keeps back for root by default, and on tmpfs the kernel, the page cache and the test processes themselves need
//     that memory; 256 MiB is the floor because it absorbs the overshoot described below for up to 32 processes
//     writing at once; a quarter keeps a small filesystem (Docker's 64 MiB /dev/shm) usable at all;
//   - on a RAM-backed filesystem, the same reserve of memory stays available: tmpfs's own size is only a cap (half
//     the RAM by default) and says nothing about what the processes already use.
//
// Cost: reading those figures takes a statfs (≈ 4 µs), on tmpfs the available memory (≈ 40 µs, cgroup-aware), and
// with a cap a listing of the spool. It is done again only after a process has admitted `step` bytes (an eighth of
// the room it saw, between 64 KiB and 8 MiB), so a small write costs a comparison.
//
// Overshoot: each process refreshes only its own view, and sees the others only through the filesystem. Between two
// readings a process admits at most `step` bytes, plus one write of any size that fitted the room it read. What it
// admitted but its journal has not written yet (a file still open) is invisible to the others, so once that reaches
// a step the guard has the journal save the files still open (flushPending) before it reads again; for itself it
// keeps those bytes aside until the journal says they were written. So with P processes writing at once the spool
// can pass its limit by at most about P × 2 × 8 MiB (less near the limit, where the steps shrink to an eighth of the
// room), plus large single writes admitted by several processes against the same reading. The reserve takes that:
// 256 MiB covers 16 processes writing flat out at the same moment; more than that at once, on a machine whose memory
// is nearly gone, can still reach the filesystem's end, and then the journal reports what it lost (journal.ts).
import { fs, loadBuiltin, path } from '../platform/builtins.js';
import { originalFs } from './original-fs.js';

/** Loaded when memory is first measured, not at every process's start-up. */
const os = () => loadBuiltin('node:os') as typeof import('node:os');

const MiB = 1024 * 1024;
const minReserve = 256 * MiB;
const reserveShare = 0.05;
const maxReserveShare = 0.25;
const maxStep = 8 * MiB;
const minStep = 64 * 1024;
/** A refused write in a loop costs a comparison too: the figures are read again at most this often while refusing. */
const rereadAfterRefusalMs = 100;
/** A run gets /dev/shm only when this much (or the cap, if larger) fits there; else the temp dir. */
export const sharedMemoryMinimum = 1024 * MiB;

const TMPFS_MAGIC = 0x01021994;
const RAMFS_MAGIC = 0x858458f6;
const fsNames: Record<number, string> = {
  [TMPFS_MAGIC]: 'tmpfs', [RAMFS_MAGIC]: 'ramfs', 0xef53: 'ext4', 0x58465342: 'xfs', 0x9123683e: 'btrfs',
  0x794c7630: 'overlayfs', 0x2fc12fc1: 'zfs', 0x6969: 'nfs', 0x65735546: 'fuse', 0x1021997: 'v9fs',
};

/** Which bound refused a write. */
export type SpaceBound = 'cap' | 'disk' | 'memory';

export interface SpaceRefusal {
  bound: SpaceBound;
  /** The cap, or what the spool held when the filesystem's (or the memory's) reserve refused. */
  limitBytes: number;
  /** What stays free on the filesystem, or available in memory (0 for the cap). */
  reserveBytes: number;
  /** The spool's filesystem, for people: "/dev/shm (tmpfs, in RAM)". */
  where: string;
}

/** The machine's figures, injected by tests. */
export interface SpaceSystem {
  statfs(dir: string): { type: number; bsize: number; blocks: number; bavail: number };
  /** Memory this process may still use (cgroup limits included), and the total it may use. */
  availableMemory(): number;
  totalMemory(): number;
  /** Bytes the files of the spool folder hold. */
  spoolBytes(dir: string): number;
  nowMs(): number;
}

export const thisSystem: SpaceSystem = {
  statfs: (dir) => originalFs.statfsSync(dir),
  availableMemory: () => (process as { availableMemory?: () => number }).availableMemory?.() ?? os().freemem(),
  totalMemory() {
    const constrained = (process as { constrainedMemory?: () => number }).constrainedMemory?.() ?? 0;
    const total = os().totalmem();
    // Unconstrained reads as 0 (Node 22+) or as 2^64 (Node 20).
    return constrained > 0 && constrained < total ? constrained : total;
  },
  spoolBytes(dir) {
    let total = 0;
    for (const name of originalFs.readdirSync(dir) as string[]) {
      try {
        total += originalFs.statSync(path.join(dir, name)).size;
      } catch {
        // gone since the listing (a compaction's temporary, renamed)
      }
    }
    return total;
  },
  nowMs: () => Date.now(),
};

export interface SpaceReading {
  /** How many more bytes the spool may take, and which bound says so (the tightest). */
  room: number;
  bound: SpaceBound;
  reserveBytes: number;
}

export function reserveFor(size: number): number {
  return Math.floor(Math.min(Math.max(minReserve, size * reserveShare), size * maxReserveShare));
}

function isInRam(type: number): boolean {
  return type === TMPFS_MAGIC || type === RAMFS_MAGIC;
}

/** Room left for the spool at `dir` now: the tightest of the cap, the filesystem's reserve and, in RAM, memory's. */
export function readSpace(dir: string, capBytes: number | undefined, system: SpaceSystem = thisSystem): SpaceReading {
  let best: SpaceReading = { room: Number.POSITIVE_INFINITY, bound: 'disk', reserveBytes: 0 };
  const consider = (room: number, bound: SpaceBound, reserveBytes: number) => {
    if (room < best.room) best = { room, bound, reserveBytes };
  };
  const stat = system.statfs(dir);
  const size = stat.blocks * stat.bsize;
  // ramfs, and some pseudo filesystems, report no size at all: only memory bounds them.
  if (size > 0) {
    const reserve = reserveFor(size);
    consider(stat.bavail * stat.bsize - reserve, 'disk', reserve);
  }
  if (isInRam(stat.type)) {
    const reserve = reserveFor(system.totalMemory());
    consider(system.availableMemory() - reserve, 'memory', reserve);
  }
  if (capBytes !== undefined) consider(capBytes - system.spoolBytes(dir), 'cap', 0);
  return best;
}

/** "/dev/shm (tmpfs, in RAM)": the folder the spool was made in, and what kind of filesystem holds it. */
export function describeSpoolFilesystem(dir: string, system: SpaceSystem = thisSystem): string {
  const parent = path.dirname(dir);
  let type: number;
  try {
    type = system.statfs(dir).type;
  } catch {
    return parent;
  }
  const name = fsNames[type];
  if (isInRam(type)) return `${parent} (${name}, in RAM)`;
  return name === undefined ? parent : `${parent} (${name})`;
}

export interface SpoolSpaceOptions {
  spoolDir: string;
  /** MEMFS_SPOOL_LIMIT: what the spool may hold; undefined for no cap (the reserves still apply). */
  capBytes?: number | undefined;
  system?: SpaceSystem;
}

/** The guard of one thread's engine (see the top of this file). */
export class SpoolSpace {
  readonly spoolDir: string;
  readonly capBytes: number | undefined;
  private readonly system: SpaceSystem;
  /** Bytes that may be admitted before the figures are read again. */
  private untilRead = 0;
  /** The room the last reading saw. */
  private room = 0;
  /** Admitted but not yet in the spool (a file still open, a journal write to come). */
  private pending = 0;
  private lastReading: SpaceReading | undefined;
  private lastReadMs = Number.NEGATIVE_INFINITY;
  private refusedAtLastRead = false;
  private refusal: SpaceRefusal | undefined;
  /** Saves the files still open (the journal's flush), so that what this process admitted shows in the figures. */
  flushPending: (() => void) | undefined;
  private flushing = false;

  constructor(o: SpoolSpaceOptions) {
    this.spoolDir = o.spoolDir;
    this.capBytes = o.capBytes;
    this.system = o.system ?? thisSystem;
  }

  /** Whether the spool may grow by `bytes` (what a change will add to the journal); false means ENOSPC. */
  admit(bytes: number): boolean {
    if (bytes <= this.untilRead) {
      this.untilRead -= bytes;
      this.pending += bytes;
      return true;
    }
    return this.admitAfterReading(bytes);
  }

  private admitAfterReading(bytes: number): boolean {
    if (this.pending >= maxStep && this.flushPending !== undefined && !this.flushing) {
      // The journal writes while it flushes, and may ask again (a compaction): one flush at a time.
      this.flushing = true;
      try {
        this.flushPending();
      } catch {
        // The journal reports what it could not write; the figures read next show what it could.
      } finally {
        this.flushing = false;
      }
      this.refusedAtLastRead = false;
    }
    const now = this.system.nowMs();
    if (!this.refusedAtLastRead || now - this.lastReadMs >= rereadAfterRefusalMs) this.read(now);
    const left = this.room - this.pending;
    if (bytes > left) {
      this.refusedAtLastRead = true;
      this.untilRead = 0;
      this.refusal = undefined;
      return false;
    }
    this.refusedAtLastRead = false;
    this.pending += bytes;
    const rest = left - bytes;
    this.untilRead = Math.min(rest, Math.max(minStep, Math.min(maxStep, Math.floor(rest / 8))));
    return true;
  }

  private read(now: number): void {
    let reading: SpaceReading;
    try {
      reading = readSpace(this.spoolDir, this.capBytes, this.system);
    } catch {
      // The spool cannot be measured (gone, or statfs unsupported): do not stop the user's writes for that; the
      // journal reports what it could not write.
      reading = { room: Number.POSITIVE_INFINITY, bound: 'disk', reserveBytes: 0 };
    }
    this.lastReading = reading;
    this.room = reading.room;
    this.lastReadMs = now;
  }

  /** The journal wrote `bytes` of content that were admitted: they are in the filesystem's figures from now on. */
  journaled(bytes: number): void {
    this.pending = this.pending > bytes ? this.pending - bytes : 0;
  }

  /** The journal saved every file still open: nothing admitted is waiting any more. */
  settled(): void {
    this.pending = 0;
  }

  /** Why the last refusal happened, for the report (measured once per refusal that asks, not at each refusal). */
  describeRefusal(): SpaceRefusal {
    if (this.refusal) return this.refusal;
    const reading = this.lastReading ?? { room: 0, bound: 'disk' as const, reserveBytes: 0 };
    let limitBytes = this.capBytes ?? 0;
    if (reading.bound !== 'cap') {
      try {
        limitBytes = this.system.spoolBytes(this.spoolDir);
      } catch {
        limitBytes = 0;
      }
    }
    this.refusal = { bound: reading.bound, limitBytes, reserveBytes: reading.reserveBytes, where: describeSpoolFilesystem(this.spoolDir, this.system) };
    return this.refusal;
  }
}

/**
 * Where a run's spool goes: /dev/shm when it has room for a run there (at least 1 GiB, or the cap if larger, after
 * its reserves), else undefined (the temp dir). Docker gives containers a 64 MiB /dev/shm, which would fill at once.
 */
export function sharedMemoryWithRoom(capBytes: number | undefined, system: SpaceSystem = thisSystem): string | undefined {
  const dir = '/dev/shm';
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
    if (!fs.statSync(dir).isDirectory()) return undefined;
    const wanted = Math.max(sharedMemoryMinimum, capBytes ?? 0);
    return readSpace(dir, undefined, system).room >= wanted ? dir : undefined;
  } catch {
    return undefined;
  }
}
