// File bytes as the run's journals hold them: pieces of journal files, read when someone reads the file, never
// copied up front. A journal only grows by appends and is only ever replaced whole (compaction renames a new file over
// it), so an offset read through a descriptor opened before stays valid for as long as the descriptor is open.
//
// A file's history in one journal is a chain: a full write, then appends or partial rewrites that continue it from
// byte `at` (record.ts). The chain becomes a list of extents once, on first read, and costs its length then.
import { readAt } from './journal-file.js';

/** Bytes of a file, read on demand. */
export interface FileContent {
  readonly size: number;
  /** Where the stored bytes end: past it, up to `size`, the file is a hole (zeros). `size` when not known. */
  readonly storedEnd?: number;
  /** Copies the bytes [position, position + length) into target at offset; returns how many (0 at or past the end). */
  readInto(target: Uint8Array, offset: number, length: number, position: number): number;
}

/** Where a frame's data lies: the journal's descriptor, the offset and the length. */
export interface Piece {
  fd: number;
  offset: number;
  length: number;
}

/**
 * One link of an inode's content chain in a journal: the whole content, or `piece` written over the base from `at`;
 * `size` is the file's, which may reach past the bytes (a hole: a file grown by truncate is journaled without it).
 */
export class ContentLink implements FileContent {
  private extents: Extent[] | undefined;

  constructor(
    private readonly piece: Piece,
    private readonly base: ContentLink | undefined,
    private readonly at: number | undefined,
    readonly size: number,
  ) {}

  get storedEnd(): number {
    const extents = (this.extents ??= this.flatten());
    const last = extents[extents.length - 1];
    return Math.min(this.size, last === undefined ? 0 : last.start + last.length);
  }

  readInto(target: Uint8Array, offset: number, length: number, position: number): number {
    if (position >= this.size || length <= 0) return 0;
    const n = Math.min(length, this.size - position);
    const extents = (this.extents ??= this.flatten());
    let i = firstExtentAt(extents, position);
    let done = 0;
    while (done < n) {
      const at = position + done;
      const extent = extents[i];
      if (extent === undefined || extent.start > at) {
        // A hole: a continuation that started past the end of what it continued reads as zeros, as a sparse file.
        const holeEnd = Math.min(position + n, extent?.start ?? position + n);
        target.fill(0, offset + done, offset + done + (holeEnd - at));
        done += holeEnd - at;
        continue;
      }
      const within = at - extent.start;
      const take = Math.min(extent.length - within, n - done);
      const got = readAt(extent.fd, target, offset + done, take, extent.fileOffset + within);
      if (got < take) target.fill(0, offset + done + got, offset + done + take); // a journal cut short under us
      done += take;
      i++;
    }
    return n;
  }

  /** Walks back to the last whole write, then replays the continuations in order: each cuts at `at` and adds. */
  private flatten(): Extent[] {
    const chain: ContentLink[] = [];
    let link: ContentLink | undefined = this;
    while (link !== undefined) {
      if (link.extents !== undefined) break;
      chain.push(link);
      if (link.at === undefined) {
        link = undefined;
        break;
      }
      link = link.base;
    }
    const extents: Extent[] = link?.extents ? link.extents.slice() : [];
    for (let i = chain.length - 1; i >= 0; i--) {
      const step = chain[i]!;
      if (step.at === undefined) extents.length = 0;
      else cutAt(extents, step.at);
      if (step.piece.length > 0) {
        extents.push({ start: step.at ?? 0, length: step.piece.length, fd: step.piece.fd, fileOffset: step.piece.offset });
      }
    }
    return extents;
  }
}

interface Extent {
  start: number;
  length: number;
  fd: number;
  fileOffset: number;
}

function cutAt(extents: Extent[], at: number): void {
  while (extents.length > 0) {
    const last = extents[extents.length - 1]!;
    if (last.start >= at) extents.pop();
    else {
      if (last.start + last.length > at) extents[extents.length - 1] = { ...last, length: at - last.start };
      return;
    }
  }
}

function firstExtentAt(extents: Extent[], position: number): number {
  let low = 0;
  let high = extents.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const e = extents[mid]!;
    if (e.start + e.length <= position) low = mid + 1;
    else high = mid;
  }
  return low;
}

export const emptyContent: FileContent = { size: 0, readInto: () => 0 };

/** The whole content in one buffer: for the few callers that need it (a small file's bytes, a test). */
export function readWholeContent(content: FileContent): Buffer {
  const bytes = Buffer.allocUnsafe(content.size);
  content.readInto(bytes, 0, content.size, 0);
  return bytes;
}

/**
 * Calls `use` with successive chunks of the content up to `end` (default: all of it), views of one reused buffer:
 * copy what you keep.
 */
export function forEachChunk(content: FileContent, use: (chunk: Uint8Array) => void, end = content.size, chunkBytes = 1024 * 1024): void {
  const buffer = Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(1, end)));
  for (let position = 0; position < end; ) {
    const n = content.readInto(buffer, 0, Math.min(buffer.length, end - position), position);
    if (n === 0) break;
    use(buffer.subarray(0, n));
    position += n;
  }
}
