// Reading a spool back: every journal decoded, superseded content resolved, and all changes merged into one
// sequence ordered by the shared monotonic clock (the order in which they became visible on this machine).
import { originalFs } from './original-fs.js';
import { decodeFrames, type BeginRecord, type ChangeRecord, type ContentRecord } from './record.js';
import { journalFiles } from './spool.js';

export interface ReadJournal {
  file: string;
  begin?: BeginRecord;
  /** The process flushed and closed its journal at exit. */
  ended: boolean;
  tornBytes: number;
  notes: string[];
  changeCount: number;
}

export interface TimedChange {
  record: ChangeRecord;
  /** Final bytes for a content record (for a superseded one: the latest bytes of its inode in the same journal). */
  data?: Buffer;
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
  const journals: ReadJournal[] = [];
  const changes: TimedChange[] = [];
  const unreadable: { file: string; detail: string }[] = [];
  for (const file of journalFiles(spoolDir)) {
    if (file === o.skip) continue;
    let bytes: Buffer;
    try {
      bytes = originalFs.readFileSync(file);
    } catch (error) {
      // A journal compacted (renamed over) between the listing and the read is found again under the same name.
      unreadable.push({ file, detail: (error as Error).message });
      continue;
    }
    const { journal, changes: own } = readJournal(file, bytes);
    journals.push(journal);
    changes.push(...own);
  }
  changes.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return { journals, changes, unreadable };
}

export function readJournal(file: string, bytes: Buffer): { journal: ReadJournal; changes: TimedChange[] } {
  const { frames, tornBytes } = decodeFrames(bytes);
  const journal: ReadJournal = { file, ended: false, tornBytes, notes: [], changeCount: 0 };
  const changes: TimedChange[] = [];
  const latestData = new Map<number, Buffer>();
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
      default:
        if (record.k === 'content' && !record.sup) latestData.set(record.ino, frame.data ?? Buffer.alloc(0));
        changes.push({ record, data: frame.data, journal, seq, time: BigInt(record.t) });
    }
  });
  for (const change of changes) {
    const record = change.record;
    if (record.k === 'content' && record.sup) change.data = latestData.get((record as ContentRecord).ino);
  }
  journal.changeCount = changes.length;
  return { journal, changes };
}
