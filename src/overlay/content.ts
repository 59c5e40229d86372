// File content held in memory, and the quota on it. The quota counts the bytes stored for each file (its written
// extent, not the capacity of the buffer behind it, which may be up to twice as large while a file grows by appends,
// nor holes left by truncate-extension, which hold nothing). Content copied up but not yet changed stays on disk and
// counts nothing.
//
// The space guard (types.ts, SpaceGuard) is the second limit checked here: not on what is held, but on what a change
// will add to the journal, which writes a file's bytes again at each report from the first byte changed since the last.
import { uvError } from './errors.js';
import type { Inode } from './inode.js';
import type { LowerLayer, SpaceGuard } from './types.js';

const PAGE = 4096;
/** Roughly what a content record's header costs the journal; counted with the first bytes of a report to come. */
export const JOURNAL_HEADER_BYTES = 256;

/** Which limit refused a write. */
export type Refusal = 'quota' | 'space';

/** Keeps `inode.pages` exact once a write skips a whole page (a hole); dense files need no bookkeeping. */
function trackPages(inode: Inode, start: number, end: number): void {
  const first = Math.floor(start / PAGE);
  const last = Math.floor((end - 1) / PAGE);
  if (inode.pages === null) {
    const denseEnd = Math.ceil(Math.min(inode.writtenEnd, inode.size) / PAGE);
    if (first <= denseEnd) return;
    inode.pages = new Set();
    for (let p = 0; p < denseEnd; p++) inode.pages.add(p);
  }
  for (let p = first; p <= last; p++) inode.pages.add(p);
}

export class ContentStore {
  used = 0;
  /** Told of every refusal before ENOSPC is thrown, so that its cause can be reported (see overlay.ts). */
  onRefused: ((inode: Inode | undefined, requestedBytes: number, path: string | undefined, by: Refusal) => void) | undefined;

  constructor(
    private readonly lower: LowerLayer,
    readonly quota: number,
    readonly guard?: SpaceGuard,
  ) {}

  /**
   * Throws ENOSPC (before anything changes) unless `inode` may hold `bytes` bytes from now on. `path`: the file's
   * path when there is no inode yet (a disk file not copied up).
   */
  ensureRoom(inode: Inode | undefined, bytes: number, syscall: string, path?: string): void {
    const held = inode === undefined ? 0 : inode.held;
    if (bytes > held && this.used + bytes - held > this.quota) {
      this.onRefused?.(inode, bytes, path, 'quota');
      throw uvError('ENOSPC', syscall);
    }
  }

  /**
   * What the journal will write for `inode` at its next report if the content becomes `size` bytes changed from byte
   * `from` on: a file reported before is saved from its first changed byte, any other from byte 0 (a disk file's
   * bytes included). `inode` undefined: a file not in memory yet.
   */
  journalBytes(inode: Inode | undefined, size: number, from: number): number {
    let start = 0;
    if (inode !== undefined && inode.contentReported) start = Math.min(inode.changedFrom, from, size);
    const bytes = size - start;
    return bytes > 0 ? bytes + JOURNAL_HEADER_BYTES : 0;
  }

  /** What the journal will write for `inode` at its next report as things stand (0: nothing changed since). */
  private unreported(inode: Inode): number {
    return inode.changedFrom === Number.POSITIVE_INFINITY ? 0 : this.journalBytes(inode, inode.size, inode.changedFrom);
  }

  /**
   * Throws ENOSPC (before anything changes) unless the space guard admits what this change adds to the journal:
   * `inode` holding `size` bytes changed from byte `from` on. `path`: as for ensureRoom.
   */
  ensureJournalRoom(inode: Inode | undefined, size: number, from: number, syscall: string, path?: string): void {
    if (this.guard === undefined) return;
    // The common case of a file written in order (a log, a stream): the report to come starts where it did, so only
    // the growth counts.
    const bytes = inode !== undefined && from >= inode.changedFrom && size >= inode.size
      ? size - inode.size
      : this.journalBytes(inode, size, from) - (inode === undefined ? 0 : this.unreported(inode));
    if (bytes > 0 && !this.guard.admit(bytes)) {
      this.onRefused?.(inode, bytes, path, 'space');
      throw uvError('ENOSPC', syscall);
    }
  }

  private setHeld(inode: Inode, bytes: number): void {
    this.used += bytes - inode.held;
    inode.held = bytes;
  }

  /**
   * Reads a file's bytes in now, while the layer below still has them at its old path (another process of the run is
   * about to change that path). Counted as held, past the quota if need be: the bytes were the file's already.
   */
  readInNow(inode: Inode): void {
    this.materialize(inode, 'read');
  }

  /** Reads a file still backed by the disk into memory (the caller checked the quota). */
  private materialize(inode: Inode, syscall: string): void {
    if (inode.contentFrom === null) return;
    const path = inode.contentFrom;
    const bytes = this.diskCall(() => this.lower.readFile(path), syscall);
    inode.data = bytes;
    inode.size = bytes.length;
    inode.writtenEnd = bytes.length;
    inode.contentFrom = null;
    inode.pages = null;
    this.setHeld(inode, bytes.length);
  }

  /**
   * Replaces the whole content (writeFile, copyFile). `admitted`: the caller already had the space guard admit it
   * (before it created the file), and the guard must not count it twice.
   */
  replace(inode: Inode, src: Uint8Array, syscall: string, admitted = false): void {
    this.ensureRoom(inode, src.byteLength, syscall);
    if (!admitted) this.ensureJournalRoom(inode, src.byteLength, 0, syscall);
    inode.pages = null;
    // Small files share Node's 8 KiB pool slabs (much cheaper to make than one ArrayBuffer each).
    const data = Buffer.allocUnsafe(src.byteLength);
    data.set(src);
    inode.data = data;
    inode.contentFrom = null;
    inode.changedFrom = 0;
    inode.size = src.byteLength;
    inode.writtenEnd = src.byteLength;
    this.setHeld(inode, src.byteLength);
  }

  write(inode: Inode, src: Uint8Array, offset: number, length: number, position: number, syscall: string, admitted = false): void {
    const end = position + length;
    const base = inode.contentFrom !== null ? inode.size : inode.writtenEnd;
    this.ensureRoom(inode, Math.max(base, end), syscall);
    if (!admitted) this.ensureJournalRoom(inode, Math.max(inode.size, end), position, syscall);
    this.materialize(inode, syscall);
    const needed = Math.max(inode.writtenEnd, end);
    let data = inode.data;
    if (data === null || data.length < needed) {
      // Doubling, so that a file written in pieces costs each byte a bounded number of copies (a fixed step of 64 MiB
      // copied a growing file over and over: 1 GiB written 64 KiB at a time took 27 s of CPU). The capacity not yet
      // written is never touched, so it costs address space, not memory, and the quota counts what is written.
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, data === null ? 0 : data.length * 2));
      if (data !== null) data.copy(grown, 0, 0, inode.writtenEnd);
      inode.data = data = grown;
    }
    if (position > inode.writtenEnd) data.fill(0, inode.writtenEnd, position);
    data.set(src.subarray(offset, offset + length), position);
    trackPages(inode, position, end);
    if (position < inode.changedFrom) inode.changedFrom = position;
    inode.writtenEnd = needed;
    if (end > inode.size) inode.size = end;
    this.setHeld(inode, needed);
  }

  truncate(inode: Inode, length: number, syscall: string, admitted = false): void {
    const diskBacked = length !== 0 && inode.contentFrom !== null;
    // Disk-backed content: what survives the cut comes into memory.
    if (diskBacked) this.ensureRoom(inode, Math.min(length, inode.size), syscall);
    // A hole made by extension holds nothing here, but is journaled as zeros.
    if (!admitted && length > 0) this.ensureJournalRoom(inode, length, Math.min(length, inode.size), syscall);
    if (length < inode.changedFrom) inode.changedFrom = Math.min(length, inode.size);
    if (!diskBacked) {
      if (inode.contentFrom !== null) inode.contentFrom = null;
      if (length < inode.writtenEnd) {
        inode.writtenEnd = length;
        if (length === 0) inode.data = null;
      }
      if (inode.pages !== null) {
        const firstGone = Math.ceil(length / PAGE);
        for (const page of inode.pages) if (page >= firstGone) inode.pages.delete(page);
        if (length === 0) inode.pages = null;
      }
      inode.size = length;
      this.setHeld(inode, inode.writtenEnd);
      return;
    }
    const kept = Math.min(length, inode.size);
    this.materialize(inode, syscall);
    inode.writtenEnd = kept;
    inode.size = length;
    this.setHeld(inode, kept);
  }

  read(inode: Inode, dst: Uint8Array, offset: number, length: number, position: number): number {
    if (position >= inode.size || length <= 0) return 0;
    const n = Math.min(length, inode.size - position);
    if (inode.contentFrom !== null) return this.readFromDisk(inode.contentFrom, dst, offset, n, position);
    const stored = Math.max(0, Math.min(inode.writtenEnd, position + n) - position);
    if (stored > 0) dst.set(inode.data!.subarray(position, position + stored), offset);
    if (stored < n) dst.fill(0, offset + stored, offset + n);
    return n;
  }

  private readFromDisk(path: string, dst: Uint8Array, offset: number, length: number, position: number): number {
    const fd = this.diskCall(() => this.lower.openForRead(path), 'read');
    try {
      return this.lower.read(fd, dst, offset, length, position);
    } finally {
      this.lower.close(fd);
    }
  }

  /**
   * A disk refusal met while serving content the overlay holds by reference (a disk file this process cannot read,
   * made readable only in the overlay), reported as the operation's own error, without the disk's path.
   */
  private diskCall<T>(call: () => T, syscall: string, path?: string): T {
    try {
      return call();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw typeof code === 'string' ? uvError(code, syscall, path) : error;
    }
  }

  /**
   * The bytes from `start` as a view of the stored buffer (no copy), or undefined when they are not all in it (still
   * on disk, or a hole past the written extent): the caller then copies.
   */
  view(inode: Inode, start: number): Uint8Array | undefined {
    if (inode.contentFrom !== null) return undefined;
    // Past the written extent (a file grown by truncate) lies a hole, which the buffer does not hold: the view ends
    // where the bytes do, and the caller knows the rest from the size (a 2 GiB hole costs nothing to hand over).
    const end = Math.min(inode.writtenEnd, inode.size);
    const from = Math.min(start, end);
    if (inode.data === null || from === end) return new Uint8Array(0);
    return inode.data.subarray(from, end);
  }

  /** A copy of the whole content. */
  readAll(inode: Inode, syscall = 'read', callerPath?: string): Buffer {
    if (inode.contentFrom !== null) {
      const path = inode.contentFrom;
      return this.diskCall(() => this.lower.readFile(path), syscall, callerPath);
    }
    const end = Math.min(inode.writtenEnd, inode.size);
    // A file whose bytes fill it is copied into memory not cleared first (Node's shared pool for a small one, as its
    // own readFileSync gives them). One with a hole at the end (truncated past it, maybe by gigabytes) takes zeroed
    // memory, which the system gives without touching its pages.
    const dense = inode.data !== null && inode.data.length >= end && end === inode.size;
    const out = dense ? Buffer.allocUnsafe(inode.size) : Buffer.alloc(inode.size);
    if (inode.data !== null) inode.data.copy(out, 0, 0, end);
    return out;
  }

  release(inode: Inode): void {
    this.setHeld(inode, 0);
    inode.data = null;
  }
}
