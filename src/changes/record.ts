// The journal's on-disk format. A journal is one append-only file per thread of a process, a sequence of frames:
//
//   u32le headerLength | u32le dataLength | header (one JournalRecord) | data (file content, or nothing)
//
// A header is UTF-8 JSON, except the content record's, written for every file, which is binary (see
// binaryContentLayout): no JSON text and no bigint turned into digits for the record a small new file costs.
// Length-prefixed frames make a torn tail (a process killed inside a write) detectable: the reader stops at the
// first frame that is incomplete or does not decode, and everything before it is intact. In JSON, times are decimal
// strings of bigint nanoseconds, so JSON keeps every digit; readers get them as such from either header.
//
// A spool lives for one run and is written and read by one build: there is no older format to read. The begin
// record says which format its journal is in (journalVersion); a reader refuses any other, by name.

/** The format of the frames after `begin`; a reader refuses a journal of another (journal-trust.ts). */
export const journalVersion = 2;

/** First record of every journal: who wrote it, and the pair of clocks that turns `t` into wall time. */
export interface BeginRecord {
  k: 'begin';
  version: typeof journalVersion;
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

/**
 * A content record as the journal writes it: its clock readings as the bigints they were read as, its header binary.
 * The reader gets it back as a ContentRecord (times as decimal strings), as from a JSON header. Only where the binary
 * header can hold it (binaryHeaderHolds); any other is written in JSON.
 */
export interface ContentHeader extends Omit<ContentRecord, 't' | 'atimeNs' | 'mtimeNs'> {
  t: bigint;
  atimeNs: bigint;
  mtimeNs: bigint;
}

/** What the writers put in a frame. */
export type WrittenRecord = JournalRecord | ProvenanceRecord | ContentHeader;

/**
 * The binary content header, little-endian. Its first byte can never start a JSON header (`{`, or white space).
 * Numbers are float64: any number the writer holds goes through exactly, and the reader checks them as it checks
 * JSON's (journal-trust.ts). The test file, when there is one, takes the bytes after the path.
 */
const binaryContentLayout = {
  tag: 0, flags: 1, t: 2, atimeNs: 10, mtimeNs: 18, ino: 26, mode: 34, uid: 42, gid: 50, size: 58, ti: 66, at: 74,
  pathBytes: 82, path: 86,
} as const;
const binaryContentTag = 0x01;
const hasTestFile = 1;
const hasTestId = 2;
const isSuperseded = 4;
const hasContinuation = 8;
const knownFlags = hasTestFile | hasTestId | isSuperseded | hasContinuation;

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
const uint64Max = 2n ** 64n - 1n;
/** String.prototype.isWellFormed, in every Node this runs in (≥ 20), not yet in the TypeScript lib this builds with. */
const wellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * Whether the binary header holds a content record whole: times within 64 bits (utimes takes any number), and text
 * without lone surrogates, which UTF-8 cannot hold (JSON keeps them escaped, and the engine names files by them).
 */
export function binaryHeaderHolds(r: ContentHeader): boolean {
  return r.t >= 0n && r.t <= uint64Max && r.atimeNs >= int64Min && r.atimeNs <= int64Max && r.mtimeNs >= int64Min
    && r.mtimeNs <= int64Max && wellFormed(r.path) && (r.tf === undefined || wellFormed(r.tf));
}

/** What writeFrame writes for a record: its JSON text, or the record itself when its header is binary. */
export function headerOf(record: WrittenRecord): string | ContentHeader {
  if (record.k !== 'content') return JSON.stringify(record);
  if (typeof record.t !== 'bigint') return contentJson(record as ContentRecord);
  const header = record as ContentHeader;
  return binaryHeaderHolds(header) ? header : contentJson(asContentRecord(header));
}

/** The most bytes a frame of this header and `dataLength` bytes of data takes: UTF-8 needs at most 3 bytes per UTF-16 unit. */
export function frameBytesAtMost(header: string | ContentHeader, dataLength: number): number {
  if (typeof header === 'string') return frameHeadBytes + header.length * 3 + dataLength;
  return frameHeadBytes + binaryContentLayout.path + (header.path.length + (header.tf === undefined ? 0 : header.tf.length)) * 3 + dataLength;
}

/**
 * Writes a frame into `target` from `at`, which must have frameBytesAtMost(header, data length) bytes of room there:
 * the frame is encoded where it will be written, not copied there. Returns where the frame ends.
 */
export function writeFrame(target: Buffer, at: number, header: string | ContentHeader, data?: Uint8Array): number {
  const headerLength = typeof header === 'string'
    ? target.write(header, at + frameHeadBytes, 'utf8')
    : writeContentHeader(target, at + frameHeadBytes, header);
  const dataLength = data === undefined ? 0 : data.length;
  target.writeUInt32LE(headerLength, at);
  target.writeUInt32LE(dataLength, at + 4);
  const end = at + frameHeadBytes + headerLength;
  if (dataLength !== 0) target.set(data!, end);
  return end + dataLength;
}

let view: DataView | undefined;

function writeContentHeader(target: Buffer, at: number, r: ContentHeader): number {
  if (view === undefined || view.buffer !== target.buffer) view = new DataView(target.buffer);
  const v = view;
  const o = target.byteOffset + at;
  const L = binaryContentLayout;
  let flags = 0;
  if (r.tf !== undefined) flags |= hasTestFile;
  if (r.ti !== undefined) flags |= hasTestId;
  if (r.sup !== undefined) flags |= isSuperseded;
  if (r.at !== undefined) flags |= hasContinuation;
  v.setUint8(o + L.tag, binaryContentTag);
  v.setUint8(o + L.flags, flags);
  v.setBigUint64(o + L.t, r.t, true);
  v.setBigInt64(o + L.atimeNs, r.atimeNs, true);
  v.setBigInt64(o + L.mtimeNs, r.mtimeNs, true);
  v.setFloat64(o + L.ino, r.ino, true);
  v.setFloat64(o + L.mode, r.mode, true);
  v.setFloat64(o + L.uid, r.uid, true);
  v.setFloat64(o + L.gid, r.gid, true);
  v.setFloat64(o + L.size, r.size, true);
  v.setFloat64(o + L.ti, r.ti ?? 0, true);
  v.setFloat64(o + L.at, r.at ?? 0, true);
  const pathBytes = target.write(r.path, at + L.path, 'utf8');
  v.setUint32(o + L.pathBytes, pathBytes, true);
  const testFileBytes = r.tf === undefined ? 0 : target.write(r.tf, at + L.path + pathBytes, 'utf8');
  return L.path + pathBytes + testFileBytes;
}

/** The header as a reader gets it: parsed JSON, or a binary content header decoded. Throws when it is neither. */
export function decodeHeader(bytes: Buffer, start: number, end: number): unknown {
  if (end > start && bytes[start] === binaryContentTag) return decodeContentHeader(bytes, start, end);
  return JSON.parse(bytes.toString('utf8', start, end));
}

function decodeContentHeader(bytes: Buffer, start: number, end: number): ContentRecord {
  const L = binaryContentLayout;
  const length = end - start;
  if (length < L.path) throw new Error(`a binary content header of ${length} bytes, fewer than its ${L.path} fixed ones`);
  const flags = bytes[start + L.flags]!;
  if ((flags & ~knownFlags) !== 0) throw new Error(`a binary content header with unknown flags ${flags}`);
  const pathBytes = bytes.readUInt32LE(start + L.pathBytes);
  const pathEnd = start + L.path + pathBytes;
  if (pathEnd > end) throw new Error(`a binary content header whose path of ${pathBytes} bytes runs past its ${length} bytes`);
  if ((flags & hasTestFile) === 0 && pathEnd !== end) throw new Error(`a binary content header with ${end - pathEnd} bytes after its path`);
  const record: ContentRecord = {
    k: 'content',
    t: String(bytes.readBigUInt64LE(start + L.t)),
    path: bytes.toString('utf8', start + L.path, pathEnd),
    ino: bytes.readDoubleLE(start + L.ino),
    mode: bytes.readDoubleLE(start + L.mode),
    uid: bytes.readDoubleLE(start + L.uid),
    gid: bytes.readDoubleLE(start + L.gid),
    size: bytes.readDoubleLE(start + L.size),
    atimeNs: String(bytes.readBigInt64LE(start + L.atimeNs)),
    mtimeNs: String(bytes.readBigInt64LE(start + L.mtimeNs)),
  };
  if ((flags & hasTestFile) !== 0) record.tf = bytes.toString('utf8', pathEnd, end);
  if ((flags & hasTestId) !== 0) record.ti = bytes.readDoubleLE(start + L.ti);
  if ((flags & isSuperseded) !== 0) record.sup = 1;
  if ((flags & hasContinuation) !== 0) record.at = bytes.readDoubleLE(start + L.at);
  return record;
}

/** A content header as its reader will get it (times as decimal strings). */
export function asContentRecord(r: ContentHeader): ContentRecord {
  return { ...r, t: String(r.t), atimeNs: String(r.atimeNs), mtimeNs: String(r.mtimeNs) };
}

/**
 * The buffers of one frame, for a single write. The first may be a view of a shared scratch buffer: write them
 * before the next call (the journal writes synchronously).
 */
export function encodeFrame(record: WrittenRecord, data?: Uint8Array): Uint8Array[] {
  const header = headerOf(record);
  const dataLength = data?.length ?? 0;
  const inline = dataLength <= inlineDataBytes;
  if (frameBytesAtMost(header, inline ? dataLength : 0) <= scratch.length) {
    const end = writeFrame(scratch, 0, header, inline ? data : undefined);
    if (inline) return [scratch.subarray(0, end)];
    // The lengths say what follows; the data goes out from where it lies.
    scratch.writeUInt32LE(dataLength, 4);
    return [scratch.subarray(0, end), data!];
  }
  const head = Buffer.allocUnsafe(frameBytesAtMost(header, 0));
  const end = writeFrame(head, 0, header);
  head.writeUInt32LE(dataLength, 4);
  return dataLength > 0 ? [head.subarray(0, end), data!] : [head.subarray(0, end)];
}

/** The head and header of a frame whose `dataLength` bytes of data the caller writes next (in pieces). */
export function encodeFrameHead(record: WrittenRecord, dataLength: number): Buffer {
  const header = headerOf(record);
  const head = Buffer.allocUnsafe(frameBytesAtMost(header, 0));
  const end = writeFrame(head, 0, header);
  head.writeUInt32LE(dataLength, 4);
  return head.subarray(0, end);
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
      record = decodeHeader(bytes, at + frameHeadBytes, at + frameHeadBytes + headerLength) as JournalRecord;
    } catch {
      break;
    }
    const frame: Frame = { record };
    // Any JSON decodes here (null too): the reader checks what it holds (journal-trust.ts).
    if (dataLength > 0 || record?.k === 'content') {
      frame.data = bytes.subarray(at + frameHeadBytes + headerLength, end);
    }
    frames.push(frame);
    at = end;
  }
  return { frames, tornBytes: bytes.length - at };
}
