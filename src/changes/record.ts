// The journal's on-disk format. A journal is one append-only file per thread of a process, a sequence of frames:
//
//   u32le headerLength | u32le dataLength | header (UTF-8 JSON, one JournalRecord) | data (file content, or nothing)
//
// Length-prefixed frames make a torn tail (a process killed inside a write) detectable: the reader stops at the
// first frame that is incomplete or does not parse, and everything before it is intact. Times are decimal strings
// of bigint nanoseconds, so JSON keeps every digit.

/** First record of every journal: who wrote it, and the pair of clocks that turns `t` into wall time. */
export interface BeginRecord {
  k: 'begin';
  version: 1;
  pid: number;
  ppid: number;
  threadId: number;
  argv: string[];
  /** Node's own options (-e script, --test, …), shown with argv as the writer's command line. */
  execArgv?: string[];
  cwd: string;
  /** Wall clock (ns since the epoch) and shared monotonic clock (ns since boot) read together at open. */
  wallNs: string;
  monoNs: string;
}

interface Timed {
  /** process.hrtime.bigint() when the change became visible: CLOCK_MONOTONIC, shared by every process of the boot. */
  t: string;
  /** The test file the call stack showed at this journal's first record for the path. */
  tf?: string;
  /** The test the runner was running when the change was made: the `id` of a TestRecord of this journal. */
  ti?: number;
}

export interface ContentRecord extends Timed {
  k: 'content';
  path: string;
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  atimeNs: string;
  mtimeNs: string;
  /** The bytes are not in this frame: a later content frame of the same inode in this journal holds them (compaction). */
  sup?: 1;
  /**
   * The frame's data continues the previous content of this inode in this journal from byte `at` (an append, or
   * the same bytes again when the data is empty): a log appended N times costs its size once, not N times.
   */
  at?: number;
}

export interface MkdirRecord extends Timed {
  k: 'mkdir';
  path: string;
  mode: number;
  uid: number;
  gid: number;
}

export interface SymlinkRecord extends Timed {
  k: 'symlink';
  path: string;
  target: string;
  uid: number;
  gid: number;
}

export interface LinkRecord extends Timed {
  k: 'link';
  existingPath: string;
  newPath: string;
}

export interface RemoveRecord extends Timed {
  k: 'remove';
  path: string;
}

export interface RenameRecord extends Timed {
  k: 'rename';
  from: string;
  to: string;
}

export interface MetadataRecord extends Timed {
  k: 'metadata';
  path: string;
  mode: number;
  uid: number;
  gid: number;
  atimeNs: string;
  mtimeNs: string;
}

/** Something this process could not do or record (e.g. a file it could not journal). */
export interface NoteRecord extends Timed {
  k: 'note';
  detail: string;
}

/**
 * Writes the memory quota refused (ENOSPC). Written at the first refusal; later ones only update `refused` (a new
 * record at the next flush), so a loop that keeps failing costs nothing. Readers keep the first path and the
 * largest count.
 */
export interface QuotaRecord extends Timed {
  k: 'quota';
  /** The file the first refused write was for. */
  path: string;
  requestedBytes: number;
  quotaBytes: number;
  /** Writes refused so far by this journal's thread. */
  refused: number;
}

/**
 * A write through a descriptor made the file at `path` differ from what this journal last recorded of inode `ino`
 * (written once per inode between content records). Until a content record of the same `ino` follows, a process that
 * dies takes those bytes with it: the fold names such files instead of warning about every journal without an end.
 */
export interface UnsavedRecord extends Timed {
  k: 'unsaved';
  path: string;
  ino: number;
}

/**
 * Writes the run's space guard refused (ENOSPC) because the spool had reached its limit (changes/spool-space.ts).
 * Written and read like QuotaRecord: the first refusal at once, the count at the next flush.
 */
export interface SpoolRecord extends Timed {
  k: 'spool';
  /** The file the first refused write was for. */
  path: string;
  requestedBytes: number;
  /** Which limit: the cap (MEMFS_SPOOL_LIMIT), the free space kept on the spool's filesystem, or the memory kept available. */
  bound: 'cap' | 'disk' | 'memory';
  /** The cap, or what the spool held when a reserve refused. */
  limitBytes: number;
  /** What stays free (disk) or available (memory); 0 for the cap. */
  reserveBytes: number;
  /** The spool's filesystem, e.g. "/dev/shm (tmpfs, in RAM)". */
  where: string;
  refused: number;
}

/**
 * Room kept at the start of every journal (a frame of padding right after `begin`) for a LostRecord: when the spool's
 * filesystem is full, the journal overwrites it in place, which needs no new space.
 */
export interface SpareRecord extends Timed {
  k: 'spare';
}

/**
 * Changes the journal could not write (its filesystem refused: ENOSPC, EDQUOT…), written over the spare frame, so it
 * is there even when nothing more fits. Later changes were still written where they fitted.
 */
export interface LostRecord extends Timed {
  k: 'lost';
  /** Changes not journaled so far. */
  lost: number;
  /** The error of the first one, e.g. ENOSPC. */
  code: string;
  /** The kind of the first change lost, and its path (shortened from the start when very long). */
  kind: string;
  path: string;
  /** The end record did not fit: the process did flush at its exit, only the mark of it is missing. */
  unended?: 1;
}

/**
 * A test of a recognised runner (running-test.ts) that made a change, written once before the first change that
 * names it by `id` (numbered from 1 in each journal), and again, with `failed` or `passed`, when its outcome is known.
 */
export interface TestRecord extends Timed {
  k: 'test';
  id: number;
  /** The full name, suite > test, at most maxTestNameLength characters. */
  name: string;
  failed?: 1;
  passed?: 1;
}

/** Test names longer than this are cut (a name is a sentence, not a document): by the writer and by the reader. */
export const maxTestNameLength = 500;

/** Written when the process flushed at its exit: a journal without it belongs to a process that died first. */
export interface EndRecord extends Timed {
  k: 'end';
}

/** What a Node process did to a path, as the kernel engine's recording preload notes it (src/recorder/). */
export type ProvenanceOp = 'write' | 'mkdir' | 'symlink' | 'link' | 'copy' | 'metadata' | 'remove' | 'rename';

/**
 * The recording preload's only record after `begin`, in a journal of its own (`.provenance`, never read by the fold):
 * under the kernel engine the kernel keeps the bytes, and this says which process and test file changed `path` last.
 * `to`: a rename's new path. Written after the call succeeded; `copy` covers what a recursive copy made below `path`.
 */
export interface ProvenanceRecord extends Timed {
  k: 'wrote';
  op: ProvenanceOp;
  path: string;
  to?: string;
}

export type ChangeRecord =
  | ContentRecord
  | MkdirRecord
  | SymlinkRecord
  | LinkRecord
  | RemoveRecord
  | RenameRecord
  | MetadataRecord;

export type JournalRecord = BeginRecord | ChangeRecord | TestRecord | NoteRecord | QuotaRecord | UnsavedRecord | SpoolRecord | SpareRecord | LostRecord | EndRecord;

export interface Frame {
  record: JournalRecord;
  /** Content bytes of a content record (a view into the journal's buffer). */
  data?: Buffer;
}

const frameHeadBytes = 8;
const scratch = Buffer.allocUnsafe(64 * 1024);

/** Content up to this size is copied next to its header, so that the whole frame goes out in one plain write. */
const inlineDataBytes = 16 * 1024;

/** The header of a record's frame, before its encoding in UTF-8. */
export function headerOf(record: JournalRecord | ProvenanceRecord): string {
  return record.k === 'content' ? contentJson(record) : JSON.stringify(record);
}

/** The most bytes a frame of this header and `dataLength` bytes of data takes: UTF-8 needs at most 3 bytes per UTF-16 unit. */
export function frameBytesAtMost(header: string, dataLength: number): number {
  return frameHeadBytes + header.length * 3 + dataLength;
}

/**
 * Writes a frame into `target` from `at`, which must have frameBytesAtMost(header, data length) bytes of room there:
 * the frame is encoded where it will be written, not copied there. Returns where the frame ends.
 */
export function writeFrame(target: Buffer, at: number, header: string, data?: Uint8Array): number {
  const headerLength = target.write(header, at + frameHeadBytes, 'utf8');
  const dataLength = data === undefined ? 0 : data.length;
  target.writeUInt32LE(headerLength, at);
  target.writeUInt32LE(dataLength, at + 4);
  const end = at + frameHeadBytes + headerLength;
  if (dataLength !== 0) target.set(data!, end);
  return end + dataLength;
}

/**
 * The buffers of one frame, for a single write. The first may be a view of a shared scratch buffer: write them
 * before the next call (the journal writes synchronously).
 */
export function encodeFrame(record: JournalRecord | ProvenanceRecord, data?: Uint8Array): Uint8Array[] {
  const json = headerOf(record);
  const dataLength = data?.length ?? 0;
  const inline = dataLength <= inlineDataBytes;
  if (frameBytesAtMost(json, inline ? dataLength : 0) <= scratch.length) {
    const end = writeFrame(scratch, 0, json, inline ? data : undefined);
    if (inline) return [scratch.subarray(0, end)];
    // The lengths say what follows; the data goes out from where it lies.
    scratch.writeUInt32LE(dataLength, 4);
    return [scratch.subarray(0, end), data!];
  }
  const header = Buffer.from(json, 'utf8');
  const head = Buffer.allocUnsafe(frameHeadBytes + header.length);
  header.copy(head, frameHeadBytes);
  head.writeUInt32LE(header.length, 0);
  head.writeUInt32LE(dataLength, 4);
  return dataLength > 0 ? [head, data!] : [head];
}

/** The head and header of a frame whose `dataLength` bytes of data the caller writes next (in pieces). */
export function encodeFrameHead(record: JournalRecord, dataLength: number): Buffer {
  const header = Buffer.from(headerOf(record), 'utf8');
  const head = Buffer.allocUnsafe(frameHeadBytes + header.length);
  head.writeUInt32LE(header.length, 0);
  head.writeUInt32LE(dataLength, 4);
  header.copy(head, frameHeadBytes);
  return head;
}

/**
 * The same JSON as JSON.stringify for the record written at every close (a few times faster: only the strings that
 * may need escaping go through it).
 */
function contentJson(r: ContentRecord): string {
  let json = `{"k":"content","t":"${r.t}","path":${JSON.stringify(r.path)},"ino":${r.ino},"mode":${r.mode},"uid":${r.uid},"gid":${r.gid},"size":${r.size},"atimeNs":"${r.atimeNs}","mtimeNs":"${r.mtimeNs}"`;
  if (r.tf !== undefined) json += `,"tf":${JSON.stringify(r.tf)}`;
  if (r.ti !== undefined) json += `,"ti":${r.ti}`;
  if (r.sup !== undefined) json += `,"sup":${r.sup}`;
  if (r.at !== undefined) json += `,"at":${r.at}`;
  return `${json}}`;
}

export interface DecodedJournal {
  frames: Frame[];
  /** Bytes after the last complete frame (a torn tail), 0 for a journal that ends cleanly. */
  tornBytes: number;
}

export function decodeFrames(bytes: Buffer): DecodedJournal {
  const frames: Frame[] = [];
  let at = 0;
  while (at + frameHeadBytes <= bytes.length) {
    const headerLength = bytes.readUInt32LE(at);
    const dataLength = bytes.readUInt32LE(at + 4);
    const end = at + frameHeadBytes + headerLength + dataLength;
    if (end > bytes.length) break;
    let record: JournalRecord;
    try {
      record = JSON.parse(bytes.toString('utf8', at + frameHeadBytes, at + frameHeadBytes + headerLength));
    } catch {
      break;
    }
    const frame: Frame = { record };
    // Any JSON parses here (null too): the reader checks what it holds (journal-trust.ts).
    if (dataLength > 0 || record?.k === 'content') {
      frame.data = bytes.subarray(at + frameHeadBytes + headerLength, end);
    }
    frames.push(frame);
    at = end;
  }
  return { frames, tornBytes: bytes.length - at };
}
