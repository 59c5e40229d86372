// The journal of one thread of one process: every change the overlay makes visible is appended to a file in the
// spool as it happens (one writev, synchronously: a process killed right after close loses nothing), so that the
// front end can fold all of them after the command, and so that a process started later sees what it made visible.
//
// A journal holds what its own process changed, nothing else: what a process sees of the others' changes comes
// from their journals (run-layer.ts), never through its engine's observer.
//
// Cost and size: a file's bytes are written at each close/fsync without hashing (the fold hashes once); an append
// or an identical rewrite is written as the new bytes only (the engine says how much of the file is unchanged, or
// the journal compares with what it wrote last). A file rewritten N times would still grow the journal N times its
// size, so when the file has doubled since it last held only what is live, the journal is compacted: rewritten
// without the superseded bytes, read and written in pieces, then renamed over itself. Readers that opened the old
// file keep it (and the offsets of its content) for as long as they hold it open; the doubling rule makes the
// rewriting cost O(1) per byte appended.
//
// The cost floor is one write system call per close (a few microseconds): batching them would lose closed files
// to a SIGKILL, which is the one loss the journal exists to prevent. bench/journal.bench.ts measures it.
//
// A full spool: the space guard (spool-space.ts) refuses writes before the spool's filesystem fills, but other
// programs share that filesystem, and a write can still fail. The journal then never stops silently: it cuts off the
// frame it could not finish (so that what follows stays readable), counts what it lost in a frame kept free for that
// at its start (overwriting needs no new space), and goes on writing whatever fits later.
import { path } from '../platform/builtins.js';
import type { Change, ChangeObserver, OverlayApi, StatRecord } from '../overlay/types.js';
import { originalFs } from './original-fs.js';
import { readJournalFile } from './read-journals.js';
import { forEachChunk } from './journal-content.js';
import { scanFrames } from './journal-file.js';
import {
  encodeFrame, encodeFrameHead, frameBytesAtMost, headerOf, journalVersion, maxTestNameLength, writeFrame,
  type ChangeRecord, type ContentHeader, type JournalRecord, type LostRecord, type WrittenRecord,
} from './record.js';
import { journalFileName } from './spool.js';
import { announcementOf, announcementsFile } from './announcements.js';
import type { SpaceRefusal } from './spool-space.js';
import { testFileOfCurrentRun } from './test-file.js';
import { currentTest, onTestEnded, type RunningTest } from './running-test.js';
import { currentThread } from './thread.js';

export interface Journal extends ChangeObserver {
  /** Records the content of files still open with unsaved writes: at exit, on an uncaught exception, by the sweep. */
  flush(): void;
  /** flush, then marks the journal as ended cleanly; idempotent. Later changes are still appended. */
  close(): void;
  /** Writes what this turn queued, now: another process or thread is about to be given something. */
  handOver(): void;
  lastChangeOf(path: string): bigint | undefined;
}

export interface JournalOptions {
  spoolDir: string;
  engine: OverlayApi;
  /** Milliseconds between sweeps for files still open; adaptive upwards when a sweep is slow. Default 1000. */
  sweepIntervalMs?: number;
  /** Compaction starts once the file exceeds 2 × live content + this. Default 16 MiB (it reads the whole journal). */
  compactSlackBytes?: number;
  /** The space guard of this engine (spool-space.ts), when the run has one. */
  space?: JournalSpace;
  /**
   * false: every record is written as it comes (one system call per change, nothing lost to a SIGKILL). Default true:
   * the records of one turn of the event loop go in one write at its end, or before a hand-over (handOver).
   */
  batch?: boolean;
}

/** What the journal tells the space guard, and asks of it. */
export interface JournalSpace {
  admit(bytes: number): boolean;
  /** Content bytes written: the filesystem's figures show them from now on. */
  journaled(bytes: number): void;
  /** Every file still open was saved: nothing admitted waits to be written. */
  settled(): void;
  describeRefusal(): SpaceRefusal;
}

/**
 * What the journal keeps of a path it changed, in one entry looked up once per change (a Map keyed by a path hashes
 * the path and, for a path new to it, grows a table that every garbage collection marks: one per path, not three).
 */
interface PathState {
  /** The clock reading of this journal's latest change to the path: who wins when another process changed it too. */
  t: bigint | undefined;
  /** The path's first record in this journal was made: the test file was looked for then (withTestFile). */
  named: boolean;
}

/** A file closed this turn whose bytes are read when the turn ends (deferContent). */
interface DeferredContent {
  path: string;
  state: PathState;
  t: bigint;
  unchangedPrefix: number | undefined;
  tf: string | null;
  test: RunningTest | undefined;
}

/** What the journal last wrote of an inode: the size, times and length of its last content record. */
interface InodeState {
  size: number;
  mtimeNs: bigint;
  ctimeNs: bigint;
  /** Size of the last content record of the inode in this journal: the base an `at` record continues. */
  journaledSize: number;
}

export function openJournal(o: JournalOptions): Journal {
  return new JournalWriter(o);
}

/** Files still open are saved at least this often (a sweep that proves slow spaces them out). */
const defaultSweepIntervalMs = 1000;
/** What a slow sweep may cost at most, as a share of the time between sweeps. */
const sweepBudgetShare = 50;
const maxSweepIntervalMs = 30_000;
/** The journal holds what the tests wrote: their user's alone, as the spool is (spool.ts). */
const journalMode = 0o600;
/** Memory spent on remembering journaled bytes, for appends (see keepJournaledContent). */
const keptContentBudget = 32 * 1024 * 1024;
const noBytes = new Uint8Array(0);
/** The frame kept free after `begin` for a LostRecord: room for its fields and a long path. */
const spareFrameBytes = 1024;
/** Files whose bytes wait for the end of the turn: one more saves those first (see deferContent). */
const maxDeferredFiles = 256;
/** A frame this large is written at once from where it lies, and a batch this large is written without waiting. */
const directWriteBytes = 256 * 1024;

/**
 * The frames of one turn, copied one after the other into one buffer (grown by doubling, kept for the next turn
 * while small) so that the turn costs one write.
 */
class JournalBatch {
  records: WrittenRecord[] = [];
  /** Where each record's frame ends in the buffer. */
  private ends: number[] = [];
  bytes = 0;
  private buffer = Buffer.allocUnsafe(16 * 1024);

  /**
   * Encodes the record's frame straight into the buffer (the data copied: the engine may change a file's bytes in
   * place later in this turn). Returns the bytes of its head and header.
   */
  add(record: WrittenRecord, data?: Uint8Array): number {
    const header = headerOf(record);
    const room = frameBytesAtMost(header, data === undefined ? 0 : data.length);
    if (this.bytes + room > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.bytes + room));
      this.buffer.copy(grown, 0, 0, this.bytes);
      this.buffer = grown;
    }
    const start = this.bytes;
    this.bytes = writeFrame(this.buffer, start, header, data);
    this.records.push(record);
    this.ends.push(this.bytes);
    return this.bytes - start - (data === undefined ? 0 : data.length);
  }

  /** The queued frames as one buffer, valid until the next add; the batch is empty after. */
  take(): { records: WrittenRecord[]; frames: Buffer; ends: number[] } {
    const taken = { records: this.records, frames: this.buffer.subarray(0, this.bytes), ends: this.ends };
    this.records = [];
    this.ends = [];
    this.bytes = 0;
    // A burst that grew the buffer far does not keep it for every later turn.
    if (this.buffer.length > 4 * directWriteBytes) this.buffer = Buffer.allocUnsafe(16 * 1024);
    return taken;
  }
}

export class JournalWriter implements Journal {
  readonly file: string;
  private readonly engine: OverlayApi;
  /** undefined once closed; a change that comes later (an 'exit' listener writing) opens it again. */
  private fd: number | undefined;
  private fileBytes = 0;
  /** Bytes of the latest content of each inode: what compaction would keep of the data. */
  private liveBytes = 0;
  /** Bytes of every frame head and header written: compaction keeps most of them (a bound, not a guess). */
  private headerBytes = 0;
  /** The journal's size right after its last compaction: it compacts again only once it has doubled since. */
  private compactedBytes = 0;
  /** How often the journal was compacted: at most logarithmic in what it was given (a test and a bench read it). */
  compactions = 0;
  private readonly latest = new Map<number, InodeState>();
  /** Per path this journal changed: when it last did, and whether its first record was written (see PathState). */
  private readonly paths = new Map<string, PathState>();
  /** The id of each test this journal's changes named (TestRecord), and those whose outcome it does not hold yet. */
  private readonly testIds = new Map<RunningTest, number>();
  private readonly outcomeUnknown = new Set<RunningTest>();
  /** Files closed (or saved) this turn whose bytes are read at its end: by inode, in the order first closed. */
  private readonly deferred = new Map<number, DeferredContent>();
  /** saveDeferredContent is running: a batch it fills is written as it goes, the rest of the files in their order. */
  private savingDeferred = false;
  private readonly journaledContent = new Map<number, Buffer>();
  /** Inodes whose `unsaved` record no content record follows yet: the next one is written even for the same bytes. */
  private readonly unsaved = new Set<number>();
  private journaledBytes = 0;
  /** Writes refused for the quota, and how many of them the journal already holds. */
  private quotaRefusals = 0;
  private quotaRefusalsJournaled = 0;
  private quotaPath = '';
  private quotaRequested = 0;
  private quotaBytes = 0;
  /** Writes the space guard refused, as for the quota. */
  private spaceRefusals = 0;
  private spaceRefusalsJournaled = 0;
  private spacePath = '';
  private spaceRequested = 0;
  private spaceRefusal: SpaceRefusal | undefined;
  private readonly space: JournalSpace | undefined;
  /** Where the spare frame starts, and what the journal could not write so far. */
  private spareOffset: number | undefined;
  private lost: Omit<LostRecord, 't'> | undefined;
  private lastErrorCode = 'EIO';
  /** The begin record while it could not be written (the spool was full when the journal opened). */
  private unwrittenBegin: JournalRecord | undefined;
  private closed = false;
  private broken = false;
  private timer: NodeJS.Timeout | undefined;
  private sweepIntervalMs: number;
  private readonly minSweepIntervalMs: number;
  private readonly compactSlackBytes: number;
  private readonly onExit = () => this.close();
  /** Who the journal is given to when this process is root in another user's run (see open). */
  private readonly spoolOwner: { uid: number; gid: number } | undefined;
  private readonly batching: boolean;
  private readonly batch = new JournalBatch();
  private flushQueued = false;
  /** A change was written since the last announcement. */
  private announcesChanges = false;
  private announceFd: number | undefined;
  private readonly announcement: Buffer;
  /** The journal was rewritten under its name: readers must read it again from its start (announcements.ts). */
  private compactedUnannounced = false;

  constructor(o: JournalOptions) {
    this.engine = o.engine;
    this.space = o.space;
    const { threadId } = currentThread();
    this.file = path.join(o.spoolDir, journalFileName(process.pid, threadId));
    this.spoolOwner = spoolOwnerIfRoot(o.spoolDir);
    this.batching = o.batch ?? true;
    this.announcement = announcementOf(this.file);
    this.fd = this.open(this.file, 'a');
    this.minSweepIntervalMs = this.sweepIntervalMs = o.sweepIntervalMs ?? defaultSweepIntervalMs;
    this.compactSlackBytes = o.compactSlackBytes ?? 16 * 1024 * 1024;
    const wallNs = BigInt(Date.now()) * 1_000_000n;
    this.appendWithSpare({
      k: 'begin',
      version: journalVersion,
      pid: process.pid,
      ppid: process.ppid,
      threadId,
      argv: process.argv.slice(),
      execArgv: process.execArgv.slice(),
      cwd: process.cwd(),
      wallNs: String(wallNs),
      monoNs: String(process.hrtime.bigint()),
    });
    process.on('exit', this.onExit);
    onTestEnded((test) => this.recordOutcome(test));
    this.scheduleSweep();
  }

  onChange(change: Change): void {
    if (change.kind === 'quota-exceeded') return this.recordQuotaRefusal(change);
    if (change.kind === 'space-refused') return this.recordSpaceRefusal(change);
    if (this.broken) return;
    try {
      this.record(change);
    } catch (error) {
      // Journaling must never break the user's write, which already succeeded in memory.
      this.recordNote(`could not journal a ${change.kind} change: ${(error as Error).message}`);
    }
  }

  /**
   * The first refusal is journaled at once (the process may be killed next); the rest are only counted, and the
   * count is journaled at the next flush.
   */
  private recordQuotaRefusal(change: { path: string; requestedBytes: number; quotaBytes: number }): void {
    this.quotaRefusals++;
    if (this.quotaRefusals > 1) return;
    this.quotaPath = change.path;
    this.quotaRequested = change.requestedBytes;
    this.quotaBytes = change.quotaBytes;
    this.journalQuotaRefusals();
  }

  private journalQuotaRefusals(): void {
    if (this.quotaRefusals === this.quotaRefusalsJournaled) return;
    const written = this.append({
      k: 'quota', t: now(), path: this.quotaPath, requestedBytes: this.quotaRequested, quotaBytes: this.quotaBytes,
      refused: this.quotaRefusals,
    });
    // Not written (the spool was full): the next flush tries again.
    if (written) this.quotaRefusalsJournaled = this.quotaRefusals;
  }

  /** As for the quota; the guard says which limit it was and where, once (it may measure the spool for that). */
  private recordSpaceRefusal(change: { path: string; requestedBytes: number }): void {
    this.spaceRefusals++;
    if (this.spaceRefusals > 1) return;
    this.spacePath = change.path;
    this.spaceRequested = change.requestedBytes;
    try {
      this.spaceRefusal = this.space?.describeRefusal();
    } catch {
      this.spaceRefusal = undefined;
    }
    this.journalSpaceRefusals();
  }

  private journalSpaceRefusals(): void {
    if (this.spaceRefusals === this.spaceRefusalsJournaled) return;
    const refusal = this.spaceRefusal ?? { bound: 'disk', limitBytes: 0, reserveBytes: 0, where: path.dirname(path.dirname(this.file)) };
    const written = this.append({
      k: 'spool', t: now(), path: this.spacePath, requestedBytes: this.spaceRequested, bound: refusal.bound,
      limitBytes: refusal.limitBytes, reserveBytes: refusal.reserveBytes, where: refusal.where, refused: this.spaceRefusals,
    });
    // As for the quota: a spool full enough to refuse writes may refuse this record too; the next flush tries again.
    if (written) this.spaceRefusalsJournaled = this.spaceRefusals;
  }

  /** Never throws: it runs in exit handlers, where an exception would change how the process ends. */
  flush(): void {
    if (this.broken) return;
    this.journalQuotaRefusals();
    this.journalSpaceRefusals();
    try {
      this.sweepOpenFiles();
      this.space?.settled();
    } catch (error) {
      this.recordNote(`could not save the files still open: ${(error as Error).message}`);
    }
    // The files of this turn name their tests first: a test that only they name is asked how it ended too.
    this.saveDeferredContent();
    for (const test of this.outcomeUnknown) this.recordOutcome(test);
    this.writeBatch();
  }

  /**
   * Marks the journal as ended cleanly (the first 'exit' listener calls it). Changes that come later are still
   * appended: the program's own 'exit' listeners run after the preload's, and what they write (a report, a log) must
   * not be lost.
   */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.append({ k: 'end', t: now() });
    this.writeBatch();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    process.off('exit', this.onExit);
    for (const fd of [this.fd, this.announceFd]) {
      try {
        if (fd !== undefined) originalFs.closeSync(fd);
      } catch {
        // Already closed by a process tearing down its descriptors.
      }
    }
    this.fd = this.announceFd = undefined;
  }

  /** When this journal's process last changed a path (its monotonic clock), as recorded; undefined if it never did. */
  lastChangeOf(changedPath: string): bigint | undefined {
    return this.paths.get(changedPath)?.t;
  }

  private record(change: Change): void {
    const time = process.hrtime.bigint();
    const test = currentTest();
    if (change.kind === 'content') {
      const state = this.changed(change.path, time);
      // After the journal ended (an exit listener writing), no turn will end: written at once.
      if (this.closed) return this.recordContent(change.ino, change.path, time, change.unchangedPrefix, this.unsaved.delete(change.ino), undefined, test, state);
      return this.deferContent(change.ino, change.path, time, change.unchangedPrefix, test, state);
    }
    // The other records are JSON: their time in digits.
    const t = String(time);
    // Every other record follows the content saved before it, in the order the changes were made.
    this.saveDeferredContent();
    switch (change.kind) {
      case 'unsaved':
        // Written by the end of this turn, not at the next sweep: a process killed later must still name the file.
        this.unsaved.add(change.ino);
        this.append({ k: 'unsaved', t, path: change.path, ino: change.ino });
        return;
      case 'mkdir': {
        const stat = this.engine.lstat(change.path);
        this.append(this.withTestFile(this.changed(change.path, time), { k: 'mkdir', t, path: change.path, mode: stat.mode, uid: stat.uid, gid: stat.gid }, undefined, test));
        return;
      }
      case 'symlink': {
        const stat = this.engine.lstat(change.path);
        this.append(this.withTestFile(this.changed(change.path, time), { k: 'symlink', t, path: change.path, target: change.target, uid: stat.uid, gid: stat.gid }, undefined, test));
        return;
      }
      case 'link':
        this.append(this.withTestFile(this.changed(change.newPath, time), { k: 'link', t, existingPath: change.existingPath, newPath: change.newPath }, undefined, test));
        return;
      case 'remove':
        this.append(this.withTestFile(this.changed(change.path, time), { k: 'remove', t, path: change.path }, undefined, test));
        return;
      case 'rename':
        this.changed(change.from, time);
        this.append(this.withTestFile(this.changed(change.to, time), { k: 'rename', t, from: change.from, to: change.to }, undefined, test));
        return;
      case 'metadata': {
        const stat = this.engine.lstat(change.path);
        this.append(this.withTestFile(this.changed(change.path, time), {
          k: 'metadata', t, path: change.path, mode: stat.mode, uid: stat.uid, gid: stat.gid,
          atimeNs: String(stat.atimeNs), mtimeNs: String(stat.mtimeNs),
        }, undefined, test));
        return;
      }
    }
  }

  /** The path changed at `t` (the time lastChangeOf answers): its state, made at its first change. */
  private changed(changedPath: string, t: bigint): PathState {
    const state = this.paths.get(changedPath);
    if (state !== undefined) {
      state.t = t;
      return state;
    }
    const made: PathState = { t, named: false };
    this.paths.set(changedPath, made);
    return made;
  }

  /** The state of a path recorded without a change of its own (a sweep of open files): made without a time. */
  private stateOf(recordedPath: string): PathState {
    let state = this.paths.get(recordedPath);
    if (state === undefined) this.paths.set(recordedPath, (state = { t: undefined, named: false }));
    return state;
  }

  /**
   * A file's bytes are read when the turn ends (or before the next record of another kind, or a hand-over), not at
   * each close: no other process can see the file before then, so a file rewritten or appended a thousand times in
   * one turn costs one record of its last bytes. The record keeps the time of the last change.
   */
  private deferContent(ino: number, filePath: string, t: bigint, unchangedPrefix: number | undefined, test: RunningTest | undefined, state: PathState): void {
    const waiting = this.deferred.get(ino);
    // The test file is read from the stack now: at the end of the turn the test's frames are gone.
    const tf = state.named ? null : (testFileOfCurrentRun() ?? null);
    if (waiting === undefined) {
      // Deferring pays for files written again in the same turn; a turn that makes thousands of files (a loop) only
      // grows the list (and the old objects every garbage collection marks): past a bound, save what waits.
      if (this.deferred.size >= maxDeferredFiles) this.saveDeferredContent();
      this.deferred.set(ino, { path: filePath, state, t, unchangedPrefix, tf, test });
    } else {
      if (waiting.path !== filePath) waiting.tf = tf;
      // The record stands for the turn's last write: its test is that write's.
      waiting.test = test;
      waiting.path = filePath;
      waiting.state = state;
      waiting.t = t;
      // The bytes left alone by every write since the last record: the smallest of the prefixes (none: all changed).
      waiting.unchangedPrefix = waiting.unchangedPrefix === undefined || unchangedPrefix === undefined
        ? undefined
        : Math.min(waiting.unchangedPrefix, unchangedPrefix);
    }
    this.queueEndOfTurn();
  }

  /** A file whose bytes wait for the end of the turn is going away (removed, replaced): its bytes are read now. */
  beforeForget(ino: number): void {
    // Asked for every inode an rm -r frees: most often nothing of this turn waits.
    const waiting = this.deferred.size === 0 ? undefined : this.deferred.get(ino);
    if (waiting !== undefined && !this.broken) {
      this.deferred.delete(ino);
      try {
        this.recordContent(ino, waiting.path, waiting.t, waiting.unchangedPrefix, this.unsaved.delete(ino), waiting.tf, waiting.test, waiting.state);
      } catch (error) {
        this.recordNote(`could not journal a content change: ${(error as Error).message}`);
      }
    }
    this.forgetInode(ino);
  }

  /**
   * The engine never gives an inode's number out again once it freed it: what the journal kept of it can go. A run
   * that makes and removes many files (an rm -r per test) would otherwise keep an entry per file for good, which
   * every garbage collection of the process marks again.
   */
  private forgetInode(ino: number): void {
    this.latest.delete(ino);
    if (this.journaledContent.size !== 0) this.forgetJournaledContent(ino);
    if (this.unsaved.size !== 0) this.unsaved.delete(ino);
  }

  /** Records the content of the files closed since the last record, in the order they were first closed. */
  private saveDeferredContent(): void {
    if (this.deferred.size === 0 || this.savingDeferred) return;
    this.savingDeferred = true;
    try {
      for (const [ino, waiting] of this.deferred) {
        this.deferred.delete(ino);
        try {
          this.recordContent(ino, waiting.path, waiting.t, waiting.unchangedPrefix, this.unsaved.delete(ino), waiting.tf, waiting.test, waiting.state);
        } catch (error) {
          this.recordNote(`could not journal a content change: ${(error as Error).message}`);
        }
      }
    } finally {
      this.savingDeferred = false;
    }
  }

  /** `owed`: an `unsaved` record of this inode waits for a content record, which must come even for the same bytes. */
  /** `testFile`: the test file the stack showed when the change was made (read then, for a path new to this journal). */
  private recordContent(
    ino: number, filePath: string, t: bigint, unchangedPrefix?: number, owed = false, testFile?: string | null, test?: RunningTest,
    state?: PathState,
  ): void {
    const known = this.latest.get(ino);
    const journaledSize = known?.journaledSize;
    // The engine says how much of the file its writes left alone: read and save only the rest.
    if (journaledSize !== undefined && unchangedPrefix !== undefined && this.engine.inspectInodeFrom) {
      const start = Math.min(unchangedPrefix, journaledSize);
      const info = this.engine.inspectInodeView ? this.engine.inspectInodeView(ino, start) : this.engine.inspectInodeFrom(ino, start);
      if (!info || (!owed && unchanged(known, info.stat))) return;
      const record = this.contentRecord(ino, filePath, t, info.stat, testFile, test, state);
      record.at = start;
      if (!this.append(record, info.content ?? noBytes)) return;
      this.forgetJournaledContent(ino);
      this.remember(ino, info.stat, info.stat.size);
      this.compactIfWasteful();
      return;
    }
    if (this.engine.inspectInodeView && this.engine.inspectInodeFrom) {
      // Written straight from the engine's buffer (no copy), and nothing kept: appends are told by the engine.
      const viewed = this.engine.inspectInodeView(ino, 0);
      if (!viewed || (!owed && unchanged(known, viewed.stat))) return;
      // The frame holds the bytes up to the written extent; the record's size says where the file ends (a hole).
      const bytes = viewed.content ?? noBytes;
      if (!this.append(this.contentRecord(ino, filePath, t, viewed.stat, testFile, test, state), bytes)) return;
      this.remember(ino, viewed.stat, viewed.stat.size);
      this.compactIfWasteful();
      return;
    }
    const info = this.engine.inspectInode(ino);
    if (!info || (!owed && unchanged(known, info.stat))) return;
    const { stat } = info;
    const content = info.content ?? Buffer.alloc(0);
    const record = this.contentRecord(ino, filePath, t, stat, testFile, test, state);
    const previous = this.journaledContent.get(ino);
    let written: boolean;
    if (previous && content.length >= previous.length && content.compare(previous, 0, previous.length, 0, previous.length) === 0) {
      record.at = previous.length;
      written = this.append(record, content.subarray(previous.length));
    } else {
      written = this.append(record, content);
    }
    if (!written) return;
    // A file journaled once is most often never written again: remember bytes only from its second record on.
    if (journaledSize !== undefined && !this.engine.inspectInodeFrom) this.keepJournaledContent(ino, content);
    this.remember(ino, stat, content.length);
    this.compactIfWasteful();
  }

  private contentRecord(
    ino: number, filePath: string, t: bigint, stat: StatRecord, testFile?: string | null, test?: RunningTest, state?: PathState,
  ): ContentHeader {
    // Its times as read: the header is binary (record.ts), or JSON where binary cannot hold the record.
    const record: ContentHeader = {
      k: 'content', t, path: filePath, ino, mode: stat.mode, uid: stat.uid, gid: stat.gid, size: stat.size,
      atimeNs: stat.atimeNs, mtimeNs: stat.mtimeNs,
    };
    return this.withTestFile(state ?? this.stateOf(filePath), record, testFile, test);
  }

  private forgetJournaledContent(ino: number): void {
    const before = this.journaledContent.get(ino);
    if (!before) return;
    this.journaledBytes -= before.length;
    this.journaledContent.delete(ino);
  }

  /**
   * The bytes last journaled for an inode (the engine hands out a copy), so that an append or an identical rewrite
   * is journaled as the few new bytes. Bounded: past the budget the oldest are let go and cost a full write again.
   */
  private keepJournaledContent(ino: number, content: Buffer): void {
    this.forgetJournaledContent(ino);
    if (content.length > keptContentBudget / 4) return;
    this.journaledContent.set(ino, content);
    this.journaledBytes += content.length;
    for (const [oldest, bytes] of this.journaledContent) {
      if (this.journaledBytes <= keptContentBudget) break;
      this.journaledContent.delete(oldest);
      this.journaledBytes -= bytes.length;
    }
  }

  /** Looked up again, not taken from before the write: a batch that failed meanwhile may have forgotten the inode. */
  private remember(ino: number, stat: StatRecord, journaledSize: number): void {
    const known = this.latest.get(ino);
    if (known === undefined) {
      this.liveBytes += stat.size;
      this.latest.set(ino, { size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, journaledSize });
      return;
    }
    this.liveBytes += stat.size - known.size;
    known.size = stat.size;
    known.mtimeNs = stat.mtimeNs;
    known.ctimeNs = stat.ctimeNs;
    known.journaledSize = journaledSize;
  }

  /**
   * Adds the test file to a path's first record in this journal (the stack is looked at once per path). `known`: what
   * the stack showed when the change was made (null: no test file), for a record written later. `test`: the test the
   * runner was running when the change was made, on every record (a number: it costs little).
   */
  private withTestFile<R extends ChangeRecord | ContentHeader>(state: PathState, record: R, known?: string | null, test?: RunningTest): R {
    if (test !== undefined) record.ti = this.idOfTest(test);
    if (state.named) return record;
    state.named = true;
    const testFile = known === undefined ? testFileOfCurrentRun() : (known ?? undefined);
    if (testFile !== undefined) record.tf = testFile;
    return record;
  }

  /** A test's number in this journal: the first change it makes writes its name (TestRecord). */
  private idOfTest(test: RunningTest): number {
    let id = this.testIds.get(test);
    if (id !== undefined) return id;
    // Another test runs now: the ones before it have most often ended, and said how.
    for (const earlier of this.outcomeUnknown) this.recordOutcome(earlier);
    id = this.testIds.size + 1;
    this.testIds.set(test, id);
    this.outcomeUnknown.add(test);
    this.append({ k: 'test', t: now(), id, name: test.name.slice(0, maxTestNameLength) });
    return id;
  }

  /** Journals how a test of this journal ended, once the runner says. */
  private recordOutcome(test: RunningTest): void {
    if (!this.outcomeUnknown.has(test) || this.broken) return;
    let outcome: 'failed' | 'passed' | undefined;
    try {
      outcome = test.outcome();
    } catch {
      outcome = undefined;
    }
    if (outcome === undefined) return;
    this.outcomeUnknown.delete(test);
    this.append({ k: 'test', t: now(), id: this.testIds.get(test)!, name: test.name.slice(0, maxTestNameLength), [outcome]: 1 });
  }

  /** Files written through descriptors that are still open: the engine reports them only at close. */
  private sweepOpenFiles(): void {
    if (this.engine.reportUnsavedWrites) return this.engine.reportUnsavedWrites();
    const inodes = new Set<number>();
    for (const entry of this.engine.changeSet()) {
      if (entry.type !== 'file' || entry.change === 'deleted' || inodes.has(entry.ino)) continue;
      inodes.add(entry.ino);
      const known = this.latest.get(entry.ino);
      if (known && known.size === entry.size && known.mtimeNs === entry.mtimeNs) continue;
      try {
        this.recordContent(entry.ino, entry.path, process.hrtime.bigint());
      } catch (error) {
        this.recordNote(`could not journal ${entry.path}: ${(error as Error).message}`);
      }
    }
  }

  private scheduleSweep(): void {
    this.timer = setTimeout(() => {
      if (this.closed) return;
      const started = performance.now();
      this.flush();
      const took = performance.now() - started;
      this.sweepIntervalMs = Math.min(maxSweepIntervalMs, Math.max(this.minSweepIntervalMs, took * sweepBudgetShare));
      this.scheduleSweep();
    }, this.sweepIntervalMs);
    this.timer.unref();
  }

  recordNote(detail: string): void {
    this.append({ k: 'note', t: now(), detail });
  }

  /**
   * The begin frame, with the spare one after it, in one write. When even that does not fit, it is tried again before
   * the next record: a journal must start with them for anything after to be read as its process's.
   */
  private appendWithSpare(record: JournalRecord): boolean {
    const head = Buffer.concat(encodeFrame(record));
    if (!this.write([head, spareFrame()], [record])) {
      this.unwrittenBegin = record;
      return false;
    }
    this.unwrittenBegin = undefined;
    this.spareOffset = head.length;
    this.headerBytes += head.length + spareFrameBytes;
    if (this.lost) this.writeLost();
    return true;
  }

  /**
   * Queues a record for the end of this turn (see JournalBatch). false when it could not be written (the journal
   * counts it as lost); a queued record whose batch fails later is counted the same way.
   */
  private append(record: WrittenRecord, data?: Uint8Array): boolean {
    if (this.unwrittenBegin !== undefined && !this.appendWithSpare(this.unwrittenBegin)) {
      this.lose(record, this.lastErrorCode);
      return false;
    }
    // Written at once: a large buffer, the strict mode, and anything after the journal ended (exit listeners run
    // after it, and process.exit() leaves no end of turn to wait for).
    if ((data !== undefined && data.length >= directWriteBytes) || !this.batching || this.closed) {
      // A large buffer is its own system call, written from where it lies (no copy); what was queued goes first —
      // before the frame is encoded, since encoding another frame meanwhile would reuse encodeFrame's buffer.
      if (!this.writeBatch()) {
        this.lose(record, this.lastErrorCode);
        return false;
      }
      const buffers = encodeFrame(record, data);
      this.headerBytes += buffers[0]!.length - (data !== undefined && buffers.length === 1 ? data.length : 0);
      const written = this.write(buffers, [record]);
      if (written) this.announce();
      return written;
    }
    this.headerBytes += this.batch.add(record, data);
    if (this.batch.bytes >= directWriteBytes) this.writeBatch();
    else this.queueEndOfTurn();
    return true;
  }

  private queueEndOfTurn(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(this.endOfTurn);
  }

  /** Runs when the code that made the changes returns to the event loop (a microtask): one write for the turn. */
  private readonly endOfTurn = (): void => {
    this.flushQueued = false;
    this.writeBatch();
  };

  /**
   * Everything queued is in the spool when this returns: called before this process hands anything to another
   * process or thread (a child started, a message sent), which may look at the files at once. Never throws.
   */
  handOver(): void {
    if (this.batch.records.length !== 0 || this.deferred.size !== 0) this.writeBatch();
  }

  /**
   * Writes the queued frames in one system call, then tells the run (announce). When the filesystem refuses the batch
   * (full, a file size limit), its frames are tried one by one: what fits is kept, the rest counted lost, as when each
   * was written on its own. false when any was lost.
   */
  private writeBatch(): boolean {
    if (this.deferred.size !== 0 && !this.broken) this.saveDeferredContent();
    if (this.batch.records.length === 0) return true;
    const { records, frames, ends } = this.batch.take();
    let whole = this.write([frames], records, false);
    if (!whole && !this.broken) {
      whole = true;
      for (let i = 0, start = 0; i < records.length; start = ends[i]!, i++) {
        if (!this.write([frames.subarray(start, ends[i])], [records[i]!])) whole = false;
      }
    }
    this.announce();
    return whole;
  }

  /**
   * Tells the other processes of the run that this journal grew (announcements.ts): one line appended in one write
   * to a file they all read from where they stopped, so that "anything new?" costs them one read of nothing.
   */
  private announce(): void {
    if (!this.announcesChanges) return;
    this.announcesChanges = false;
    try {
      this.announceFd ??= this.open(announcementsFile(path.dirname(this.file)), 'a');
      writeAll(this.announceFd, [this.compactedUnannounced ? announcementOf(this.file, true) : this.announcement]);
      this.compactedUnannounced = false;
    } catch {
      // The others find the changes at their next start, and the fold finds them all: only their early view is lost.
    }
  }

  /** `loseOnFailure` false: a refused write leaves the file as it was and counts nothing (the caller tries again). */
  private write(buffers: Uint8Array[], records: readonly WrittenRecord[], loseOnFailure = true): boolean {
    if (this.broken) return false;
    try {
      this.fd ??= this.open(this.file, 'a');
    } catch {
      // The spool is gone: nobody will read this journal any more.
      this.broken = true;
      return false;
    }
    try {
      const written = writeAll(this.fd, buffers);
      this.fileBytes += written;
      let content = false;
      for (const record of records) {
        if (record.k === 'content') content = true;
        if (changeKinds.has(record.k)) this.announcesChanges = true;
      }
      if (content) this.space?.journaled(written);
      return true;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      this.lastErrorCode = typeof code === 'string' ? code : 'EIO';
      if (!loseOnFailure) {
        try {
          originalFs.ftruncateSync(this.fd, this.fileBytes);
        } catch {
          // Nothing was written.
        }
        return false;
      }
      for (const record of records) this.lose(record, this.lastErrorCode);
      return false;
    }
  }

  /** A record the filesystem refused: keep the journal readable, and say so where there is always room. */
  private lose(record: WrittenRecord, code: string): void {
    this.lastErrorCode = code;
    try {
      // A frame written in part would stop the readers there, hiding every later frame.
      originalFs.ftruncateSync(this.fd!, this.fileBytes);
    } catch {
      // Nothing was written, or the descriptor is gone: either way nothing follows the last whole frame.
    }
    if (record.k === 'content') {
      // Later records of this file must not continue the lost one: make the next one whole.
      this.forgetJournaledContent(record.ino);
      const known = this.latest.get(record.ino);
      if (known) this.liveBytes -= known.size;
      this.latest.delete(record.ino);
    }
    // Only changes count: the begin record is tried again before the next one, refusal counts at the next flush, a
    // note is dropped, and a missing end only means the process flushed but could not say so.
    const isEnd = record.k === 'end';
    if (!isEnd && !changeKinds.has(record.k)) return;
    const lost = this.lost ?? { k: 'lost', lost: 0, code, kind: isEnd ? 'end' : record.k, path: subjectOf(record) };
    if (isEnd) lost.unended = 1;
    else lost.lost++;
    this.lost = lost;
    this.writeLost();
  }

  /** The count of what was lost, over the spare frame: overwriting bytes the file holds needs no new space. */
  private writeLost(): void {
    if (this.spareOffset === undefined || this.lost === undefined) return;
    let fd: number | undefined;
    try {
      fd = originalFs.openSync(this.file, 'r+');
      const frame = lostFrame({ ...this.lost, t: now() });
      originalFs.writeSync(fd, frame, 0, frame.length, this.spareOffset);
    } catch {
      // Not even in place: the fold still sees a journal without its end.
    } finally {
      if (fd !== undefined) originalFs.closeSync(fd);
    }
  }

  /**
   * The fold reads only journals of the spool's owner, and a root process (a test's child started with sudo) would
   * leave one it cannot even open: root gives its journal to the owner.
   */
  private open(file: string, flags: 'a' | 'w'): number {
    const fd = originalFs.openSync(file, flags, journalMode);
    if (this.spoolOwner) {
      try {
        originalFs.fchownSync(fd, this.spoolOwner.uid, this.spoolOwner.gid);
      } catch (error) {
        originalFs.closeSync(fd);
        throw error;
      }
    }
    return fd;
  }

  private compactIfWasteful(): void {
    const kept = Math.max(this.liveBytes + this.headerBytes, this.compactedBytes);
    if (this.fileBytes + this.batch.bytes <= 2 * kept + this.compactSlackBytes) return;
    // Compaction reads the journal from its file: what this turn queued must be there.
    if (!this.writeBatch()) return;
    // The rewrite holds what it keeps a second time until the rename frees the old file.
    if (this.space && !this.space.admit(kept)) return;
    let compacted: ReturnType<typeof compactJournal>;
    try {
      compacted = compactJournal(this.file, (file) => this.open(file, 'w'));
    } catch {
      // The journal as it was is whole and stays (compactJournal removed its temporary).
      this.space?.journaled(kept);
      return;
    }
    const { written, headerBytes, spareOffset } = compacted;
    this.space?.journaled(written);
    if (this.fd !== undefined) originalFs.closeSync(this.fd);
    this.fd = this.open(this.file, 'a');
    this.fileBytes = this.compactedBytes = written;
    this.headerBytes = headerBytes;
    this.spareOffset = spareOffset;
    this.compactions++;
    this.compactedUnannounced = this.announcesChanges = true;
    this.announce();
  }
}

function spoolOwnerIfRoot(spoolDir: string): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const { uid, gid } = originalFs.statSync(spoolDir);
  return uid === 0 ? undefined : { uid, gid };
}

const changeKinds: ReadonlySet<string> = new Set(['content', 'mkdir', 'symlink', 'link', 'remove', 'rename', 'metadata']);

/** The path a change is about, for the report of a lost one. */
function subjectOf(record: WrittenRecord): string {
  switch (record.k) {
    case 'link':
      return record.newPath;
    case 'rename':
      return record.to;
    case 'content': case 'mkdir': case 'symlink': case 'remove': case 'metadata':
      return record.path;
    default:
      return '';
  }
}

let spare: Buffer | undefined;

function spareFrame(): Buffer {
  return (spare ??= paddedFrame(JSON.stringify({ k: 'spare', t: '0' })));
}

/** The LostRecord as a frame exactly as long as the spare one; a path too long for it keeps its end. */
function lostFrame(record: LostRecord): Buffer {
  let json = JSON.stringify(record);
  const room = spareFrameBytes - 8;
  for (let keep = record.path.length; Buffer.byteLength(json) > room && keep > 0; ) {
    keep = Math.max(0, keep - (Buffer.byteLength(json) - room) - 1);
    json = JSON.stringify({ ...record, path: `…${record.path.slice(record.path.length - keep)}` });
  }
  return paddedFrame(json);
}

function paddedFrame(json: string): Buffer {
  const frame = Buffer.alloc(spareFrameBytes, 0x20);
  const headerLength = frame.write(json, 8, 'utf8');
  frame.writeUInt32LE(headerLength, 0);
  frame.writeUInt32LE(spareFrameBytes - 8 - headerLength, 4);
  return frame;
}

/** Nothing changed since the journal last wrote the inode's bytes: the same size and times. */
function unchanged(known: InodeState | undefined, stat: StatRecord): boolean {
  return known !== undefined && known.size === stat.size && known.mtimeNs === stat.mtimeNs && known.ctimeNs === stat.ctimeNs;
}

function now(): string {
  return String(process.hrtime.bigint());
}

/** libuv returns a write's byte count as an int: a single write of 2 GiB or more fails after writing. */
const maxWriteBytes = 1024 ** 3;

function writeAll(fd: number, buffers: Uint8Array[]): number {
  const total = buffers.reduce((sum, b) => sum + b.length, 0);
  if (total <= maxWriteBytes) {
    const written = buffers.length === 1 ? originalFs.writeSync(fd, buffers[0]!, 0, total) : originalFs.writevSync(fd, buffers);
    if (written === total) return total;
    // A short write (rare on regular files): finish it piece by piece so the frame is never torn by us.
    let skipped = written;
    for (const buffer of buffers) {
      if (skipped >= buffer.length) skipped -= buffer.length;
      else {
        writeWhole(fd, buffer.subarray(skipped));
        skipped = 0;
      }
    }
    return total;
  }
  for (const buffer of buffers) writeWhole(fd, buffer);
  return total;
}

function writeWhole(fd: number, buffer: Uint8Array): void {
  for (let done = 0; done < buffer.length; ) {
    done += originalFs.writeSync(fd, buffer, done, Math.min(maxWriteBytes, buffer.length - done));
  }
}

/**
 * Rewrites a journal without what nobody can see any more, then renames it over the old one: the last content frame
 * of each inode gets its full bytes (its chain of continuations folded in), earlier ones keep only their header, and
 * those a later frame of the same inode at the same path supersedes with nothing in between are dropped, unless they
 * carry the test file. Headers are held, content is copied in pieces: a journal of gigabytes costs its headers.
 */
export function compactJournal(file: string, create: (file: string) => number): { written: number; headerBytes: number; spareOffset?: number } {
  const readFd = originalFs.openSync(file, 'r');
  const temporary = `${file}.compact`;
  try {
    const { changes } = readJournalFile(file, readFd, originalFs.fstatSync(readFd).size);
    const lastOfIno = new Map<number, number>();
    for (const change of changes) if (change.record.k === 'content') lastOfIno.set(change.record.ino, change.seq);
    // A content frame is superseded when a later one of the same inode, at the same path, follows with no other
    // change of this journal in between: nobody could have seen it.
    const superseded = new Set<number>();
    let previous: { seq: number; ino: number; path: string } | undefined;
    for (const change of changes) {
      const r = change.record;
      if (r.k !== 'content') previous = undefined;
      else {
        if (previous && previous.ino === r.ino && previous.path === r.path) superseded.add(previous.seq);
        previous = { seq: change.seq, ino: r.ino, path: r.path };
      }
    }
    const bySeq = new Map(changes.map((change) => [change.seq, change]));
    const fd = create(temporary);
    let written = 0;
    let headerBytes = 0;
    let spareOffset: number | undefined;
    try {
      // Every frame of the old journal in order, records that are not changes (begin, notes, quota, end) included.
      const frames = readHeaders(readFd, changes.length === 0 ? 0 : changes[changes.length - 1]!.seq + 1);
      for (let seq = 0; seq < frames.length; seq++) {
        const record = frames[seq]!;
        const change = bySeq.get(seq);
        if (record.k === 'spare' || record.k === 'lost') {
          // Kept at its size, padding included: a LostRecord is written over it in place.
          const frame = record.k === 'spare' ? spareFrame() : lostFrame(record);
          spareOffset = written;
          written += writeAll(fd, [frame]);
          headerBytes += frame.length;
          continue;
        }
        if (!change || change.record.k !== 'content') {
          const head = encodeFrame(record);
          written += writeAll(fd, head);
          headerBytes += head[0]!.length;
          continue;
        }
        const { at: _at, sup: _sup, ...content } = change.record;
        if (lastOfIno.get(content.ino) === seq) {
          // The stored bytes only: a hole at the end stays one (the record's size says where the file ends).
          const bytes = change.content!;
          const stored = bytes.storedEnd ?? bytes.size;
          const head = encodeFrameHead(content, stored);
          written += writeAll(fd, [head]);
          headerBytes += head.length;
          forEachChunk(bytes, (chunk) => (written += writeAll(fd, [chunk])), stored);
          continue;
        }
        if (superseded.has(seq) && content.tf === undefined) continue;
        const head = encodeFrame({ ...content, sup: 1 });
        written += writeAll(fd, head);
        headerBytes += head[0]!.length;
      }
    } catch (error) {
      // A full filesystem: the old journal is whole, only the half-written copy must go.
      originalFs.closeSync(fd);
      try {
        originalFs.unlinkSync(temporary);
      } catch {
        // already gone
      }
      throw error;
    }
    originalFs.closeSync(fd);
    originalFs.renameSync(temporary, file);
    return { written, headerBytes, ...(spareOffset !== undefined ? { spareOffset } : {}) };
  } finally {
    originalFs.closeSync(readFd);
  }
}

/**
 * The records of a journal in order, as its frames hold them (numbered as readJournalFile numbers them), at least
 * up to its last change: the frames after it (notes, the end) are kept too.
 */
function readHeaders(fd: number, atLeast: number): JournalRecord[] {
  const records: JournalRecord[] = [];
  scanFrames(fd, originalFs.fstatSync(fd).size, (frame) => {
    const record = frame.header as JournalRecord | null;
    if (records.length >= atLeast && (typeof record !== 'object' || record === null || typeof record.k !== 'string')) return false;
    records.push(record as JournalRecord);
  });
  return records;
}
