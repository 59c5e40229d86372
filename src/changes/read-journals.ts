// Reading a spool back: every journal decoded, content chains resolved lazily, and all changes merged into one
// sequence ordered by the shared monotonic clock (the order in which they became visible on this machine).
import { drainAllJournals } from './drain-before-spawn.js';
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

export function readSpool(spoolDir: string, o: { skip?: string } = {}): ReadSpool {
  // Journals of this thread whose frames still wait in a ring (a test reading the spool it writes, replay).
  drainAllJournals();
  const journals: ReadJournal[] = [];
  const changes: TimedChange[] = [];
  const unreadable: { file: string; detail: string }[] = [];
  for (const file of journalFiles(spoolDir)) {
    if (file === o.skip) continue;
    let bytes: Buffer;
    try {
      bytes = originalFs.readFileSync(file);
    } catch (error) {
      unreadable.push({ file, detail: (error as Error).message });
      continue;
    }
    const decoded = decodeFrames(bytes);
    const { journal, changes: own } = readJournal(file, decoded.frames, decoded.tornBytes);
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

export function readJournal(file: string, frames: Frame[], tornBytes = 0): { journal: ReadJournal; changes: TimedChange[] } {
  const journal: ReadJournal = { file, ended: false, tornBytes, notes: [], changeCount: 0 };
  const changes: TimedChange[] = [];
  const lastLink = new Map<number, ContentLink>();
  const linkOf = new Map<TimedChange, ContentLink>();
  const superseded: TimedChange[] = [];
  let structural = 0;
  const previousContent = new Map<number, { change: TimedChange; path: string; structural: number }>();
  frames.forEach((frame, seq) => {
    const record = frame.record;
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
      case 'quota': {
        const first = journal.quota;
        journal.quota = first
          ? { ...first, refused: Math.max(first.refused, record.refused) }
          : { path: record.path, requestedBytes: record.requestedBytes, quotaBytes: record.quotaBytes, refused: record.refused };
        return;
      }
    }
    const change: TimedChange = { record, superseded: false, journal, seq, time: BigInt(record.t) };
    changes.push(change);
    if (record.k !== 'content') {
      structural++;
      return;
    }
    if (record.sup) {
      superseded.push(change);
    } else {
      const data = frame.data ?? Buffer.alloc(0);
      const link: ContentLink = record.at === undefined ? { full: data } : { base: lastLink.get(record.ino), at: record.at, delta: data };
      lastLink.set(record.ino, link);
      linkOf.set(change, link);
    }
    const before = previousContent.get(record.ino);
    if (before && before.path === record.path && before.structural === structural) before.change.superseded = true;
    previousContent.set(record.ino, { change, path: record.path, structural });
  });
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
