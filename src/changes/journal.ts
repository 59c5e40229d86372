// The journal of one thread of one process: every change the overlay makes visible is appended to a file in the
// spool as it happens, so that the front end can fold all of them after the command, and so that a process started
// later can replay them.
//
// Where the frames go (journal-sink.ts): written directly, one system call each, until the process has spent about
// what a writer thread costs to start; then copied into a shared ring that the thread empties into the file. Either
// way a process killed right after a close keeps what it closed (with the thread, what the last millisecond or so
// closed may be lost), and a process started by this one never replays the spool before a frame reached it
// (drain-before-spawn.ts).
//
// Cost and size: a file's bytes are written at each close/fsync without hashing (the fold hashes once); an append
// or an identical rewrite is written as the new bytes only (the engine says how much of the file is unchanged, or
// the journal compares with what it wrote last). A full rewrite of the file whose frame is the last one in the ring,
// not yet taken by the thread, takes that frame back instead of adding to it. A file rewritten N times could still
// grow the journal N times its size, so when superseded bytes outweigh the live ones the journal is compacted:
// rewritten without them, then renamed over itself (readers that opened the old file keep a consistent snapshot).
// bench/journal.bench.ts measures the cost.
import path from 'node:path';
import type { Change, ChangeObserver, OverlayApi, StatRecord } from '../overlay/types.js';
import { originalFs } from './original-fs.js';
import { readJournal } from './read-journals.js';
import { installDrainBeforeSpawn } from './drain-before-spawn.js';
import { JournalSink, journalMode, writerThreadPolicyFromEnv, type WriterThreadPolicy } from './journal-sink.js';
import { decodeFrames, encodeFrame, recordJson, type ChangeRecord, type ContentRecord, type Frame, type JournalRecord } from './record.js';
import { journalFileName } from './spool.js';
import { testFileOfCurrentRun } from './test-file.js';

export interface Journal extends ChangeObserver {
  /** Records the content of files still open with unsaved writes. Called at exit and on fatal signals. */
  flush(): void;
  /** flush, then marks the journal as ended cleanly; idempotent. Later changes are still appended. */
  close(): void;
}

export interface JournalOptions {
  spoolDir: string;
  engine: OverlayApi;
  /** Milliseconds between sweeps for files still open; adaptive upwards when a sweep is slow. Default 1000. */
  sweepIntervalMs?: number;
  /** Compaction starts once the file exceeds 2 × live content + this. Default 16 MiB (it reads the whole journal). */
  compactSlackBytes?: number;
  /** When to start the writer thread (journal-sink.ts). Default: MEMFS_JOURNAL_THREAD, else 'auto'. */
  writerThread?: WriterThreadPolicy;
}

/** What the journal knows of an inode it journaled, mutated in place at each of its records. */
interface InodeState {
  size: number;
  mtimeNs: bigint;
  ctimeNs: bigint;
  /** Size of the last content record of this inode in this journal (the base an `at` record continues), or -1. */
  journaledSize: number;
}

const registry = new WeakMap<OverlayApi, JournalWriter>();

/** The journal attached to an engine, for replay (which must not re-journal what it applies). */
export function journalOf(engine: OverlayApi): JournalWriter | undefined {
  return registry.get(engine);
}

const pendingNotes = new WeakMap<OverlayApi, string[]>();

/** A note for the journal this engine will get (replay runs before the journal is opened). */
export function noteForJournal(engine: OverlayApi, detail: string): void {
  const journal = registry.get(engine);
  if (journal) return journal.recordNote(detail);
  pendingNotes.set(engine, [...(pendingNotes.get(engine) ?? []), detail]);
}

export function openJournal(o: JournalOptions): Journal {
  installDrainBeforeSpawn();
  const journal = new JournalWriter(o);
  registry.set(o.engine, journal);
  for (const detail of pendingNotes.get(o.engine) ?? []) journal.recordNote(detail);
  pendingNotes.delete(o.engine);
  return journal;
}

/** What a slow sweep may cost at most, as a share of the time between sweeps. */
const sweepBudgetShare = 50;
const maxSweepIntervalMs = 30_000;
/** Memory spent on remembering journaled bytes, for appends (see keepJournaledContent). */
const keptContentBudget = 32 * 1024 * 1024;
const noBytes = new Uint8Array(0);

export class JournalWriter implements Journal {
  readonly file: string;
  private readonly engine: OverlayApi;
  private readonly sink: JournalSink;
  /** The content frame appended last, while a full rewrite of the same file may take it back. */
  private lastContentFrame: { ino: number; path: string; bytes: number } | undefined;
  private fileBytes = 0;
  /** Bytes of the latest content of each inode: what compaction would keep. */
  private liveBytes = 0;
  private readonly inodes = new Map<number, InodeState>();
  private readonly seenPaths = new Set<string>();
  private readonly journaledContent = new Map<number, Buffer>();
  private journaledBytes = 0;
  /** Writes refused for the quota, and how many of them the journal already holds. */
  private quotaRefusals = 0;
  private quotaRefusalsJournaled = 0;
  private quotaPath = '';
  private quotaRequested = 0;
  private quotaBytes = 0;
  private suspended = 0;
  private closed = false;
  private broken = false;
  private timer: NodeJS.Timeout | undefined;
  private sweepIntervalMs: number;
  private readonly minSweepIntervalMs: number;
  private readonly compactSlackBytes: number;
  private readonly onExit = () => this.close();

  constructor(o: JournalOptions) {
    this.engine = o.engine;
    const threadId = currentThreadId();
    this.file = path.join(o.spoolDir, journalFileName(process.pid, threadId));
    this.sink = new JournalSink(this.file, o.writerThread ?? writerThreadPolicyFromEnv(process.env));
    this.minSweepIntervalMs = this.sweepIntervalMs = o.sweepIntervalMs ?? 1000;
    this.compactSlackBytes = o.compactSlackBytes ?? 16 * 1024 * 1024;
    const wallNs = BigInt(Date.now()) * 1_000_000n;
    this.append({
      k: 'begin',
      version: 1,
      pid: process.pid,
      ppid: process.ppid,
      threadId,
      argv: process.argv.slice(),
      execArgv: process.execArgv.slice(),
      cwd: process.cwd(),
      wallNs: String(wallNs),
      monoNs: String(process.hrtime.bigint()),
    });
    this.adoptCurrentState();
    process.on('exit', this.onExit);
    this.scheduleSweep();
  }

  /** Frames go through the writer thread's ring (it runs); false while they are written directly. */
  get threaded(): boolean {
    return this.sink.threaded;
  }

  /** While suspended (replay), changes are applied to the engine but not journaled. */
  suspend(): void {
    this.suspended++;
  }

  resume(): void {
    this.suspended--;
    if (this.suspended === 0) this.adoptCurrentState();
  }

  /**
   * Files the engine already holds (replayed from predecessors) are not this process's writes: the fallback sweep,
   * which scans the whole change set, must not journal them again. With reportUnsavedWrites the engine only ever
   * reports what this process writes, and nothing needs scanning (changeSet() copies every file's content).
   */
  private adoptCurrentState(): void {
    if (this.engine.reportUnsavedWrites) return;
    for (const entry of this.engine.changeSet()) {
      if (entry.type !== 'file' || entry.change === 'deleted' || this.inodes.has(entry.ino)) continue;
      const info = this.engine.inspectInode(entry.ino);
      if (info) this.remember(entry.ino, info.stat, -1);
    }
  }

  onChange(change: Change): void {
    if (change.kind === 'quota-exceeded') return this.recordQuotaRefusal(change);
    if (this.suspended > 0 || this.broken) return;
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
    this.quotaRefusalsJournaled = this.quotaRefusals;
    this.append({
      k: 'quota', t: now(), path: this.quotaPath, requestedBytes: this.quotaRequested, quotaBytes: this.quotaBytes,
      refused: this.quotaRefusals,
    });
  }

  /**
   * Files still open are journaled, and everything is in the file when this returns. Never throws: it runs in exit
   * and signal handlers, where an exception would change how the process ends.
   */
  flush(): void {
    if (this.broken) return;
    this.sweep();
    try {
      this.sink.drain();
    } catch {
      this.broken = true;
    }
  }

  private sweep(): void {
    this.journalQuotaRefusals();
    try {
      this.sweepOpenFiles();
    } catch (error) {
      this.recordNote(`could not save the files still open: ${(error as Error).message}`);
    }
  }

  /**
   * Marks the journal as ended cleanly (the first 'exit' listener calls it). Changes that come later are still
   * appended: the program's own 'exit' listeners run after the preload's, and what they write (a report, a log) must
   * not be lost.
   */
  close(): void {
    if (this.closed) return;
    this.flush();
    if (!this.broken) this.append({ k: 'end', t: now() });
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    process.off('exit', this.onExit);
    try {
      this.sink.close();
    } catch {
      this.broken = true;
    }
  }

  private record(change: Change): void {
    const t = now();
    switch (change.kind) {
      case 'content':
        this.recordContent(change.ino, change.path, t, change.unchangedPrefix);
        return;
      case 'mkdir': {
        const stat = this.engine.lstat(change.path);
        this.append(this.withTestFile(change.path, { k: 'mkdir', t, path: change.path, mode: stat.mode, uid: stat.uid, gid: stat.gid }));
        return;
      }
      case 'symlink': {
        const stat = this.engine.lstat(change.path);
        this.append(this.withTestFile(change.path, { k: 'symlink', t, path: change.path, target: change.target, uid: stat.uid, gid: stat.gid }));
        return;
      }
      case 'link':
        this.append(this.withTestFile(change.newPath, { k: 'link', t, existingPath: change.existingPath, newPath: change.newPath }));
        return;
      case 'remove':
        this.append(this.withTestFile(change.path, { k: 'remove', t, path: change.path }));
        return;
      case 'rename':
        this.append(this.withTestFile(change.to, { k: 'rename', t, from: change.from, to: change.to }));
        return;
      case 'metadata': {
        const stat = this.engine.lstat(change.path);
        this.append(this.withTestFile(change.path, {
          k: 'metadata', t, path: change.path, mode: stat.mode, uid: stat.uid, gid: stat.gid,
          atimeNs: String(stat.atimeNs), mtimeNs: String(stat.mtimeNs),
        }));
        return;
      }
    }
  }

  private recordContent(ino: number, filePath: string, t: string, unchangedPrefix?: number): void {
    const known = this.inodes.get(ino);
    const journaledSize = known === undefined || known.journaledSize < 0 ? undefined : known.journaledSize;
    // The engine says how much of the file its writes left alone: read and save only the rest.
    if (journaledSize !== undefined && unchangedPrefix !== undefined && this.engine.inspectInodeFrom) {
      const start = Math.min(unchangedPrefix, journaledSize);
      const info = this.engine.inspectInodeView ? this.engine.inspectInodeView(ino, start) : this.engine.inspectInodeFrom(ino, start);
      if (!info || unchanged(known, info.stat)) return;
      const record = this.contentRecord(ino, filePath, t, info.stat, false);
      record.at = start;
      if (start === 0) this.takeBackSupersededFrame(ino, filePath);
      this.append(record, info.content ?? noBytes, start === 0);
      this.rememberContentFrame(ino, filePath, record);
      this.forgetJournaledContent(ino);
      this.remember(ino, info.stat, info.stat.size);
      this.compactIfWasteful();
      return;
    }
    if (this.engine.inspectInodeView && this.engine.inspectInodeFrom) {
      // Written straight from the engine's buffer (no copy), and nothing kept: appends are told by the engine.
      const viewed = this.engine.inspectInodeView(ino, 0);
      if (!viewed || unchanged(known, viewed.stat)) return;
      const bytes = viewed.content ?? noBytes;
      const record = this.contentRecord(ino, filePath, t, viewed.stat, journaledSize === undefined);
      if (journaledSize !== undefined) this.takeBackSupersededFrame(ino, filePath);
      this.append(record, bytes, journaledSize !== undefined);
      this.rememberContentFrame(ino, filePath, record);
      this.remember(ino, viewed.stat, bytes.length);
      this.compactIfWasteful();
      return;
    }
    const info = this.engine.inspectInode(ino);
    if (!info || unchanged(known, info.stat)) return;
    const { stat } = info;
    const content = info.content ?? Buffer.alloc(0);
    const record = this.contentRecord(ino, filePath, t, stat, journaledSize === undefined);
    const previous = this.journaledContent.get(ino);
    if (previous && content.length >= previous.length && content.compare(previous, 0, previous.length, 0, previous.length) === 0) {
      record.at = previous.length;
      this.append(record, content.subarray(previous.length));
    } else {
      this.takeBackSupersededFrame(ino, filePath);
      this.append(record, content, journaledSize !== undefined);
      this.rememberContentFrame(ino, filePath, record);
    }
    // A file journaled once is most often never written again: remember bytes only from its second record on.
    if (journaledSize !== undefined && !this.engine.inspectInodeFrom) this.keepJournaledContent(ino, content);
    this.remember(ino, stat, content.length);
    this.compactIfWasteful();
  }

  /**
   * The test file goes on the first content record of each inode in this journal (a rename or link record carries
   * it for the new path): the inode's state is at hand, and a path set is not worth a hash per written file.
   */
  private contentRecord(ino: number, filePath: string, t: string, stat: StatRecord, firstOfInode: boolean): ContentRecord {
    const record: ContentRecord = {
      k: 'content', t, path: filePath, ino, mode: stat.mode, uid: stat.uid, gid: stat.gid, size: stat.size,
      atimeNs: String(stat.atimeNs), mtimeNs: String(stat.mtimeNs),
    };
    if (firstOfInode) {
      const testFile = testFileOfCurrentRun();
      if (testFile !== undefined) record.tf = testFile;
    }
    return record;
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

  /** `journaledSize`: the size of the content record just appended, or -1 when none was. */
  private remember(ino: number, stat: StatRecord, journaledSize: number): void {
    const known = this.inodes.get(ino);
    if (known === undefined) {
      this.liveBytes += stat.size;
      this.inodes.set(ino, { size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, journaledSize });
      return;
    }
    this.liveBytes += stat.size - known.size;
    known.size = stat.size;
    known.mtimeNs = stat.mtimeNs;
    known.ctimeNs = stat.ctimeNs;
    if (journaledSize >= 0) known.journaledSize = journaledSize;
  }

  /** Adds the test file to a path's first record in this journal (the stack is looked at once per path). */
  private withTestFile(changedPath: string, record: ChangeRecord): ChangeRecord {
    if (this.seenPaths.has(changedPath)) return record;
    this.seenPaths.add(changedPath);
    const testFile = testFileOfCurrentRun();
    if (testFile !== undefined) record.tf = testFile;
    return record;
  }

  /** Files written through descriptors that are still open: the engine reports them only at close. */
  private sweepOpenFiles(): void {
    if (this.engine.reportUnsavedWrites) return this.engine.reportUnsavedWrites();
    const inodes = new Set<number>();
    for (const entry of this.engine.changeSet()) {
      if (entry.type !== 'file' || entry.change === 'deleted' || inodes.has(entry.ino)) continue;
      inodes.add(entry.ino);
      const known = this.inodes.get(entry.ino);
      if (known && known.size === entry.size && known.mtimeNs === entry.mtimeNs) continue;
      try {
        this.recordContent(entry.ino, entry.path, now());
      } catch (error) {
        this.recordNote(`could not journal ${entry.path}: ${(error as Error).message}`);
      }
    }
  }

  private scheduleSweep(): void {
    this.timer = setTimeout(() => {
      if (this.closed) return;
      const started = performance.now();
      if (!this.broken) this.sweep();
      const took = performance.now() - started;
      this.sweepIntervalMs = Math.min(maxSweepIntervalMs, Math.max(this.minSweepIntervalMs, took * sweepBudgetShare));
      this.scheduleSweep();
    }, this.sweepIntervalMs);
    this.timer.unref();
  }

  recordNote(detail: string): void {
    if (this.broken) return;
    this.append({ k: 'note', t: now(), detail });
  }

  /**
   * A full rewrite supersedes the previous frame of the same file when nothing came in between (compaction would drop
   * it): while the writer thread has not taken it, it is taken back out of the ring. Not the frame that names the
   * test file: the fold needs it.
   */
  private takeBackSupersededFrame(ino: number, filePath: string): void {
    const last = this.lastContentFrame;
    this.lastContentFrame = undefined;
    if (!last || last.ino !== ino || last.path !== filePath) return;
    if (this.sink.retractLast()) this.fileBytes -= last.bytes;
  }

  private rememberContentFrame(ino: number, filePath: string, record: ContentRecord): void {
    if (record.tf === undefined && !this.broken) this.lastContentFrame = { ino, path: filePath, bytes: this.lastFrameBytes };
  }

  private lastFrameBytes = 0;

  /** `rewrite`: a full rewrite of a file journaled before, which the next one may supersede (see journal-sink.ts). */
  private append(record: JournalRecord, data?: Uint8Array, rewrite = false): void {
    if (this.broken) return;
    this.lastContentFrame = undefined;
    try {
      this.lastFrameBytes = this.sink.append(recordJson(record), data, rewrite);
      this.fileBytes += this.lastFrameBytes;
    } catch {
      // The spool is gone or full: stop journaling; the fold reports this journal as not ended cleanly.
      this.broken = true;
    }
  }

  private compactIfWasteful(): void {
    if (this.fileBytes <= 2 * this.liveBytes + this.compactSlackBytes) return;
    const temporary = `${this.file}.compact`;
    this.lastContentFrame = undefined;
    this.sink.replaceFile(() => {
      const frames = compactFrames(decodeFrames(originalFs.readFileSync(this.file)).frames);
      const fd = originalFs.openSync(temporary, 'w', journalMode);
      let written = 0;
      try {
        for (const frame of frames) written += writeAll(fd, encodeFrame(frame.record, frame.data));
      } finally {
        originalFs.closeSync(fd);
      }
      originalFs.renameSync(temporary, this.file);
      this.fileBytes = written;
    });
  }
}

/**
 * node:worker_threads costs milliseconds to load in every process; process.getBuiltinModule (Node ≥ 20.16) gets it
 * only where a journal is opened. Older Node: 0 (the file name's random part still keeps threads apart).
 */
function currentThreadId(): number {
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const workers = getBuiltin?.('node:worker_threads') as { threadId: number } | undefined;
  return workers?.threadId ?? 0;
}

function unchanged(known: InodeState | undefined, stat: StatRecord): boolean {
  return known !== undefined && known.size === stat.size && known.mtimeNs === stat.mtimeNs && known.ctimeNs === stat.ctimeNs;
}

function now(): string {
  return String(process.hrtime.bigint());
}

function writeAll(fd: number, buffers: Uint8Array[]): number {
  const total = buffers.reduce((sum, b) => sum + b.length, 0);
  let written = buffers.length === 1 ? originalFs.writeSync(fd, buffers[0]!, 0, total) : originalFs.writevSync(fd, buffers);
  if (written === total) return total;
  // A short write (rare on regular files): finish it piece by piece so the frame is never torn by us.
  const all = Buffer.concat(buffers);
  while (written < total) written += originalFs.writeSync(fd, all, written, total - written);
  return total;
}

/**
 * The journal without what nobody can see any more: the last content frame of each inode gets its full bytes (its
 * append chain folded in), earlier ones keep only their header, and those a later frame of the same inode at the same
 * path supersedes with nothing in between are dropped, unless they carry the test file.
 */
export function compactFrames(frames: Frame[]): Frame[] {
  const { changes } = readJournal('', frames);
  const bySeq = new Map(changes.map((change) => [change.seq, change]));
  const lastSeqOfIno = new Map<number, number>();
  for (const change of changes) if (change.record.k === 'content') lastSeqOfIno.set(change.record.ino, change.seq);
  const kept: Frame[] = [];
  frames.forEach((frame, seq) => {
    const change = bySeq.get(seq);
    if (!change || change.record.k !== 'content') return kept.push(frame);
    const { at: _at, sup: _sup, ...record } = change.record;
    if (lastSeqOfIno.get(record.ino) === seq) return kept.push({ record, data: change.content!() });
    if (change.superseded && record.tf === undefined) return;
    kept.push({ record: { ...record, sup: 1 } });
  });
  return kept;
}
