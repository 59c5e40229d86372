// Reading a journal file as a stream of frames (record.ts gives the format): headers are parsed, the content that
// follows each header is located (file offset and length) but not read. A reader therefore holds the journal's
// records, not its bytes, whatever its size: a journal of several GB costs its headers. Content is read later,
// from the same descriptor, only where someone asks for it (content.ts).
import { originalFs } from './original-fs.js';
import { decodeHeader } from './record.js';

export interface ScannedFrame {
  /** The header as decoded (record.ts: JSON, or a binary content header): untrusted until checked. */
  header: unknown;
  /** Where the frame's data lies in the file, and how long it is (0 when it has none). */
  dataOffset: number;
  dataLength: number;
}

export interface ScanResult {
  /** Offset just past the last complete frame: where a later scan of the same file resumes. */
  end: number;
  /** Bytes after the last complete frame: a frame being written, or torn by a kill. */
  tornBytes: number;
  /** Why the scan stopped before the end of the file, when a frame was complete but its header did not decode. */
  stoppedAt?: string;
}

const frameHeadBytes = 8;
/** Read this much at a time: most frames (header + small content) fall in one window, big content is skipped over. */
const windowBytes = 256 * 1024;
/** A header larger than this is not one this project writes: the scan stops there instead of allocating it. */
const maxHeaderBytes = 16 * 1024 * 1024;

/**
 * Calls `visit` for every complete frame from `start` to the end of the file as it is now. `visit` returning false
 * stops the scan at that frame (its end is not passed). Never loads content bytes; reads headers through a window.
 */
export function scanFrames(fd: number, fileSize: number, visit: (frame: ScannedFrame) => boolean | void, start = 0): ScanResult {
  // A journal smaller than the window is read whole into a buffer its size: a spool of a thousand small journals
  // costs a thousand small buffers, not a thousand windows.
  let window = Buffer.allocUnsafe(Math.max(frameHeadBytes, Math.min(windowBytes, fileSize - start)));
  let windowStart = 0;
  let windowEnd = 0; // the window holds the file's bytes [windowStart, windowEnd)
  const fill = (at: number, length: number): boolean => {
    if (at >= windowStart && at + length <= windowEnd) return true;
    if (length > window.length) window = Buffer.allocUnsafe(length);
    const wanted = Math.min(window.length, fileSize - at);
    if (wanted < length) return false;
    let got = 0;
    while (got < wanted) {
      const n = originalFs.readSync(fd, window, got, wanted - got, at + got);
      if (n === 0) break;
      got += n;
    }
    windowStart = at;
    windowEnd = at + got;
    return got >= length;
  };
  let at = start;
  while (at + frameHeadBytes <= fileSize) {
    if (!fill(at, frameHeadBytes)) break;
    const headerLength = window.readUInt32LE(at - windowStart);
    const dataLength = window.readUInt32LE(at - windowStart + 4);
    const headerStart = at + frameHeadBytes;
    const end = headerStart + headerLength + dataLength;
    if (end > fileSize) break;
    if (headerLength > maxHeaderBytes) return { end: at, tornBytes: fileSize - at, stoppedAt: `a header of ${headerLength} bytes at offset ${at}` };
    if (!fill(headerStart, headerLength)) break;
    let header: unknown;
    try {
      header = decodeHeader(window, headerStart - windowStart, headerStart - windowStart + headerLength);
    } catch (error) {
      const what = error instanceof SyntaxError ? 'a header that is not JSON' : (error as Error).message;
      return { end: at, tornBytes: fileSize - at, stoppedAt: `${what} at offset ${at}` };
    }
    if (visit({ header, dataOffset: headerStart + headerLength, dataLength }) === false) return { end: at, tornBytes: 0 };
    at = end;
  }
  return { end: at, tornBytes: fileSize - at };
}

/** Reads exactly `length` bytes at `position` (fewer only at the end of the file). */
export function readAt(fd: number, target: Uint8Array, offset: number, length: number, position: number): number {
  let got = 0;
  while (got < length) {
    const n = originalFs.readSync(fd, target, offset + got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}
