// Reading a spool back: every journal scanned as a stream (headers only; content stays in the journal files and is
// read on demand through the descriptor kept open here), and all changes merged into one sequence ordered by the
// shared monotonic clock (the order in which they became visible on this machine). Used by the fold after the
// command, and by every process at start to see what the run made visible before it.
import { fs, path } from '../platform/builtins.js';
import { checkContinuation, checkRecord, foreignJournalDetail, isTrustedJournal, refusedRecordDetail } from './journal-trust.js';
import { originalFs } from './original-fs.js';
import { ContentLink, emptyContent, type FileContent } from './journal-content.js';
import { scanFrames } from './journal-file.js';
import { maxTestNameLength, type BeginRecord, type ChangeRecord, type JournalRecord, type LostRecord, type QuotaRecord, type SpoolRecord } from './record.js';
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
  /** Writes the run's spool limit refused: the first one, and how many in all. */
  spool?: Omit<SpoolRecord, 'k' | 't' | 'tf'>;
  /** Changes the journal could not write to the spool. */
  lost?: Omit<LostRecord, 'k' | 't' | 'tf'>;
  changeCount: number;
  /** Why the journal was read only up to a record the reader refused (journal-trust.ts). */
  refused?: string;
  /** Changes to paths outside the roots, left out (journal-trust.ts, OutsideRoots): how many, and the first path. */
  outside?: { count: number; first: string };
  /** Files written through a descriptor and not saved since (see unsavedAtEnd): what a death at the end lost. */
  unsaved: string[];
  /** The tests its changes name (`ti`), by id: the name, and the outcome once the journal holds it. */
  tests: Map<number, JournalTest>;
}

export interface JournalTest {
  name: string;
  failed?: true;
  passed?: true;
}

export interface TimedChange {
  record: ChangeRecord;
  /** The bytes of a content record, read from the journal on demand (appends are stored as continuations). */
  content?: FileContent;
  journal: ReadJournal;
  /** Position in its journal: orders changes of one journal that share a clock reading. */
  seq: number;
  time: bigint;
}

export interface ReadSpool {
  journals: ReadJournal[];
  changes: TimedChange[];
  unreadable: { file: string; detail: string }[];
  /** Closes the journals' descriptors: content can no longer be read after it. */
  close(): void;
}

export interface ReadSpoolOptions {
  /** The run's roots: given, every record is checked (journal-trust.ts) and a journal is read up to the first refused. */
  roots?: readonly string[];
  /** The user whose journals are read; the others are reported unreadable. Default: the spool folder's owner. */
  runUid?: number;
}

// Never through a link, and never blocking on a FIFO someone named like a journal: it is refused once open.
const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
const journalOpenFlags = O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0);

/**
 * Opens one journal of the run for reading as it grows: undefined when it is gone, not a regular file, or not the
 * run user's (journal-trust.ts) — a process of the run then reads the others without it, as the fold reports it.
 */
export function openRunJournal(file: string, roots: readonly string[] | undefined, runUid = originalFs.statSync(path.dirname(file)).uid): JournalReader | undefined {
  let fd: number;
  try {
    fd = originalFs.openSync(file, journalOpenFlags);
  } catch {
    return undefined;
  }
  try {
    const stat = originalFs.fstatSync(fd);
    if (stat.isFile() && isTrustedJournal(stat, runUid)) return new JournalReader(file, fd, roots);
  } catch {
    // Unreadable: as if it were not there.
  }
  originalFs.closeSync(fd);
  return undefined;
}

export function readSpool(spoolDir: string, o: ReadSpoolOptions = {}): ReadSpool {
  const journals: ReadJournal[] = [];
  const changes: TimedChange[] = [];
  const unreadable: { file: string; detail: string }[] = [];
  const descriptors: number[] = [];
  const files = journalFiles(spoolDir);
  const runUid = files.length === 0 ? undefined : (o.runUid ?? originalFs.statSync(spoolDir).uid);
  for (const file of files) {
    let fd: number;
    let size: number;
    try {
      fd = originalFs.openSync(file, journalOpenFlags);
    } catch (error) {
      // A journal renamed away by its writer's compaction between the listing and the open is found again under
      // the same name; one removed with its spool is simply gone.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') unreadable.push({ file, detail: (error as Error).message });
      continue;
    }
    try {
      const stat = originalFs.fstatSync(fd);
      if (!stat.isFile() || (runUid !== undefined && !isTrustedJournal(stat, runUid))) {
        unreadable.push({ file, detail: stat.isFile() ? foreignJournalDetail(stat, runUid!) : 'not a regular file: ignored' });
        originalFs.closeSync(fd);
        continue;
      }
      size = stat.size;
      const read = readJournalFile(file, fd, size, o.roots);
      journals.push(read.journal);
      for (const change of read.changes) changes.push(change);
      if (read.detail !== undefined) unreadable.push({ file, detail: read.detail });
      if (read.holdsContent) descriptors.push(fd);
      else originalFs.closeSync(fd);
    } catch (error) {
      originalFs.closeSync(fd);
      unreadable.push({ file, detail: (error as Error).message });
    }
  }
  // Stable: changes of one journal keep their order when their clock readings tie.
  changes.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return {
    journals,
    changes,
    unreadable,
    close() {
      for (const fd of descriptors.splice(0)) {
        try {
          originalFs.closeSync(fd);
        } catch {
          // Already closed.
        }
      }
    },
  };
}

interface JournalRead {
  journal: ReadJournal;
  changes: TimedChange[];
  /** A content record points into the file: its descriptor must stay open. */
  holdsContent: boolean;
  /** Why reading stopped early, when it did for a reason other than a frame still being written. */
  detail?: string;
}

/**
 * One journal, from its descriptor: records in order, each content record's bytes located, none read. Given the
 * run's roots, each record is checked first (journal-trust.ts) and the journal is read only up to the first refused
 * one, as what follows may depend on it; without them (a writer compacting its own journal) records are taken as
 * they are.
 */
export function readJournalFile(file: string, fd: number, size: number, roots?: readonly string[]): JournalRead {
  const reader = new JournalReader(file, fd, roots);
  const changes = reader.readTo(size);
  return { journal: reader.journal, changes, holdsContent: reader.holdsContent, ...(reader.detail !== undefined ? { detail: reader.detail } : {}) };
}

/**
 * A journal read as it grows: each `readTo` takes the frames completed since the last one. A process of the run reads
 * the others' journals so, a batch at a time, while they are still being written (run-layer.ts); the fold reads each
 * once. A frame still being written is left for the next call.
 */
export class JournalReader {
  readonly journal: ReadJournal;
  /** A content record points into the file: its descriptor must stay open. */
  holdsContent = false;
  /** Why reading stopped for good, when it did for a reason other than a frame still being written. */
  detail: string | undefined;
  /** Offset just past the last whole frame read. */
  offset = 0;
  private readonly lastLink = new Map<number, ContentLink>();
  /** The unsaved records and the content records after the first of them, in order: all unsavedAtEnd needs. */
  private readonly saves: JournalRecord[] = [];
  private seq = 0;

  constructor(
    readonly file: string,
    readonly fd: number,
    private readonly roots?: readonly string[],
  ) {
    this.journal = { file, ended: false, tornBytes: 0, notes: [], changeCount: 0, unsaved: [], tests: new Map() };
  }

  close(): void {
    try {
      originalFs.closeSync(this.fd);
    } catch {
      // Already closed.
    }
  }

  /** The changes of the frames completed between the last call and `size`; none once the journal was refused. */
  readTo(size: number): TimedChange[] {
    const changes: TimedChange[] = [];
    if (this.journal.refused !== undefined || this.detail !== undefined || size <= this.offset) return changes;
    const { journal, lastLink, saves, roots, fd } = this;
    const awaitingBytes: TimedChange[] = [];
    const scan = scanFrames(fd, size, (frame) => {
      const checked = roots === undefined ? ownRecord(frame.header) : checkRecord(frame.header, roots);
      if (typeof checked === 'string') {
        journal.refused = refusedRecordDetail(this.seq + 1, checked);
        return false;
      }
      if ('outsideRoots' in checked) {
        this.seq++;
        if (journal.outside) journal.outside.count++;
        else journal.outside = { count: 1, first: checked.outsideRoots };
        return;
      }
      const record = checked;
      const at = this.seq++;
      switch (record.k) {
        case 'begin':
          journal.begin = record;
          return;
        case 'end':
          journal.ended = true;
          return;
        case 'note':
          journal.notes.push(record.detail);
          return;
        case 'test': {
          // Untrusted, shown to people: bounded here whatever the writer did (every surface escapes it).
          const known = journal.tests.get(record.id) ?? { name: record.name.slice(0, maxTestNameLength) };
          if (record.failed) known.failed = true;
          if (record.passed) known.passed = true;
          journal.tests.set(record.id, known);
          return;
        }
        case 'unsaved':
          saves.push(record);
          return;
        case 'quota': {
          const first = journal.quota;
          journal.quota = first
            ? { ...first, refused: Math.max(first.refused, record.refused) }
            : { path: record.path, requestedBytes: record.requestedBytes, quotaBytes: record.quotaBytes, refused: record.refused };
          return;
        }
        case 'spool': {
          const { k: _k, t: _t, tf: _tf, ...refusal } = record;
          journal.spool = journal.spool ? { ...journal.spool, refused: Math.max(journal.spool.refused, record.refused) } : refusal;
          return;
        }
        case 'lost': {
          const { k: _k, t: _t, tf: _tf, ...lost } = record;
          journal.lost = lost;
          return;
        }
        case 'spare':
          return;
      }
      const change: TimedChange = { record, journal, seq: at, time: BigInt(record.t) };
      changes.push(change);
      if (record.k !== 'content') return;
      if (saves.length > 0) saves.push(record);
      if (record.sup) {
        // Compaction left this record's bytes in a later frame of the same inode: its content is the chain's last.
        awaitingBytes.push(change);
        return;
      }
      const base = record.at === undefined ? undefined : lastLink.get(record.ino);
      const continuation = record.at === undefined || roots === undefined ? undefined : checkContinuation(record.at, base?.size ?? 0);
      if (continuation !== undefined) {
        changes.pop();
        journal.refused = refusedRecordDetail(at + 1, continuation);
        return false;
      }
      const piece = { fd, offset: frame.dataOffset, length: frame.dataLength };
      if (frame.dataLength > 0) this.holdsContent = true;
      const link = new ContentLink(piece, base, record.at, record.size);
      lastLink.set(record.ino, link);
      change.content = link;
    }, this.offset);
    for (const change of awaitingBytes) change.content = lastLink.get((change.record as { ino: number }).ino) ?? emptyContent;
    this.offset = scan.end;
    journal.tornBytes = scan.tornBytes;
    if (scan.stoppedAt !== undefined) this.detail ??= `${scan.stoppedAt}: the rest of this journal was not read`;
    journal.changeCount += changes.length;
    journal.unsaved = unsavedAtEnd(saves);
    return changes;
  }
}

/**
 * The paths of the inodes whose last `unsaved` record no `content` record of the same inode follows: the files whose
 * latest writes the journal's process had not saved when the journal ends, each named once, by the path it was
 * written under.
 */
export function unsavedAtEnd(records: Iterable<JournalRecord>): string[] {
  const pending = new Map<number, string>();
  for (const record of records) {
    if (record.k === 'unsaved') pending.set(record.ino, record.path);
    else if (record.k === 'content') pending.delete(record.ino);
  }
  return [...new Set(pending.values())];
}

/** A record of this process's own journal: the least the reader needs of it (its own writer made it). */
function ownRecord(header: unknown): JournalRecord | string {
  if (typeof header !== 'object' || header === null) return 'the header is not an object';
  return typeof (header as { k?: unknown }).k === 'string' ? (header as JournalRecord) : 'the header has no kind';
}
