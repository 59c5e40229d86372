// Reading a spool back: every journal decoded, content chains resolved lazily, and all changes merged into one
// sequence ordered by the shared monotonic clock (the order in which they became visible on this machine).
import { fs } from '../platform/builtins.js';
import { checkContinuation, checkRecord, foreignJournalDetail, isTrustedJournal, refusedRecordDetail } from './journal-trust.js';
import { originalFs } from './original-fs.js';
import { decodeFrames, type BeginRecord, type ChangeRecord, type Frame, type QuotaRecord } from './record.js';
import { journalFiles } from './spool.js';

export interface ReadJournal {
  file: string;
  begin?: BeginRecord;
  /** The process flushed and closed its journal at exit. */
  ended: boolean;
  tornBytes: number;
  notes: string[];
  /** Writes the memory quota refused: the first one, and how many in all. */
  quota?: Pick<QuotaRecord, 'path' | 'requestedBytes' | 'quotaBytes' | 'refused'>;
  changeCount: number;
  /** Why the journal was read only up to a record the reader refused (journal-trust.ts). */
  refused?: string;
}

export interface TimedChange {
  record: ChangeRecord;
  /** The full bytes of a content record, built on first call (appends are stored as deltas). */
  content?: () => Buffer;
  /**
   * A later content record of the same inode, at the same path, with no other change of this journal in between,
   * makes this one invisible to anyone after the fact: replay skips it.
   */
  superseded: boolean;
  journal: ReadJournal;
  /** Position in its journal: orders changes of one journal that share a clock reading. */
  seq: number;
  time: bigint;
}

export interface ReadSpool {
  journals: ReadJournal[];
  changes: TimedChange[];
  unreadable: { file: string; detail: string }[];
}

export interface ReadSpoolOptions {
  /** A journal not to read (the reader's own). */
  skip?: string;
  /** The run's roots: given, every record is checked (journal-trust.ts) and a journal is read up to the first refused. */
  roots?: readonly string[];
  /** The user whose journals are read; the others are reported unreadable. Default: the spool folder's owner. */
  runUid?: number;
}

// Never through a link, and never blocking on a FIFO someone named like a journal: it is refused once open.
const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
const journalOpenFlags = O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0);

export function readSpool(spoolDir: string, o: ReadSpoolOptions = {}): ReadSpool {
  const journals: ReadJournal[] = [];
  const changes: TimedChange[] = [];
  const unreadable: { file: string; detail: string }[] = [];
  const files = journalFiles(spoolDir);
  const runUid = files.length === 0 ? undefined : (o.runUid ?? originalFs.statSync(spoolDir).uid);
  for (const file of files) {
    if (file === o.skip) continue;
    let bytes: Buffer;
    let fd: number | undefined;
    try {
      fd = originalFs.openSync(file, journalOpenFlags);
      const stat = originalFs.fstatSync(fd);
      if (!stat.isFile()) {
        unreadable.push({ file, detail: 'not a regular file: ignored' });
        continue;
      }
      if (runUid !== undefined && !isTrustedJournal(stat, runUid)) {
        unreadable.push({ file, detail: foreignJournalDetail(stat, runUid) });
        continue;
      }
      bytes = originalFs.readFileSync(fd);
    } catch (error) {
      unreadable.push({ file, detail: (error as Error).message });
      continue;
    } finally {
      if (fd !== undefined) originalFs.closeSync(fd);
    }
    const decoded = decodeFrames(bytes);
    const { journal, changes: own } = readJournal(file, decoded.frames, decoded.tornBytes, o.roots);
    journals.push(journal);
    changes.push(...own);
  }
  // Stable: changes of one journal keep their order when their clock readings tie.
  changes.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return { journals, changes, unreadable };
}

/** One link of an inode's content history: full bytes, or a delta on the link before it. */
interface ContentLink {
  full?: Buffer;
  base?: ContentLink;
  at?: number;
  delta?: Buffer;
  /** Bytes of the content this link makes. */
  length: number;
}

function materialize(link: ContentLink): Buffer {
  const chain: ContentLink[] = [];
  let current: ContentLink | undefined = link;
  while (current && current.full === undefined) {
    chain.push(current);
    current = current.base;
  }
  let parts: Buffer[] = current?.full ? [current.full] : [];
  let length = current?.full?.length ?? 0;
  for (let i = chain.length - 1; i >= 0; i--) {
    const step = chain[i]!;
    const at = step.at ?? 0;
    if (at < length) {
      parts = [Buffer.concat(parts, length).subarray(0, at)];
      length = at;
    } else if (at > length) {
      parts.push(Buffer.alloc(at - length));
      length = at;
    }
    if (step.delta && step.delta.length > 0) {
      parts.push(step.delta);
      length += step.delta.length;
    }
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
}

/**
 * One journal's frames as changes. Given the run's roots, each record is checked first (journal-trust.ts), and the
 * journal is read only up to the first refused one: what follows it may depend on it. Without roots (a writer
 * compacting its own journal) the frames are taken as they are.
 */
export function readJournal(
  file: string,
  frames: Frame[],
  tornBytes = 0,
  roots?: readonly string[],
): { journal: ReadJournal; changes: TimedChange[] } {
  const journal: ReadJournal = { file, ended: false, tornBytes, notes: [], changeCount: 0 };
  const changes: TimedChange[] = [];
  const lastLink = new Map<number, ContentLink>();
  const linkOf = new Map<TimedChange, ContentLink>();
  const superseded: TimedChange[] = [];
  let structural = 0;
  const previousContent = new Map<number, { change: TimedChange; path: string; structural: number }>();
  for (let seq = 0; seq < frames.length; seq++) {
    const frame = frames[seq]!;
    const checked = roots === undefined ? frame.record : checkRecord(frame.record, roots);
    if (typeof checked === 'string') {
      journal.refused = refusedRecordDetail(seq + 1, checked);
      break;
    }
    const record = checked;
    switch (record.k) {
      case 'begin':
        journal.begin = record;
        continue;
      case 'end':
        journal.ended = true;
        continue;
      case 'note':
        journal.notes.push(record.detail);
        continue;
      case 'quota': {
        const first = journal.quota;
        journal.quota = first
          ? { ...first, refused: Math.max(first.refused, record.refused) }
          : { path: record.path, requestedBytes: record.requestedBytes, quotaBytes: record.quotaBytes, refused: record.refused };
        continue;
      }
    }
    let link: ContentLink | undefined;
    if (record.k === 'content' && !record.sup) {
      const data = frame.data ?? Buffer.alloc(0);
      if (record.at === undefined) {
        link = { full: data, length: data.length };
      } else {
        const base = lastLink.get(record.ino);
        const problem = roots === undefined ? undefined : checkContinuation(record.at, base?.length ?? 0);
        if (problem !== undefined) {
          journal.refused = refusedRecordDetail(seq + 1, problem);
          break;
        }
        link = { base, at: record.at, delta: data, length: record.at + data.length };
      }
    }
    const change: TimedChange = { record, superseded: false, journal, seq, time: BigInt(record.t) };
    changes.push(change);
    if (record.k !== 'content') {
      structural++;
      continue;
    }
    if (link === undefined) {
      superseded.push(change);
    } else {
      lastLink.set(record.ino, link);
      linkOf.set(change, link);
    }
    const before = previousContent.get(record.ino);
    if (before && before.path === record.path && before.structural === structural) before.change.superseded = true;
    previousContent.set(record.ino, { change, path: record.path, structural });
  }
  for (const [change, link] of linkOf) change.content = lazily(() => materialize(link));
  for (const change of superseded) {
    const link = lastLink.get((change.record as { ino: number }).ino);
    change.content = lazily(() => (link ? materialize(link) : Buffer.alloc(0)));
  }
  journal.changeCount = changes.length;
  return { journal, changes };
}

function lazily(build: () => Buffer): () => Buffer {
  let built: Buffer | undefined;
  return () => (built ??= build());
}
