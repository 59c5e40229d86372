// How the processes of a run learn that another one made something visible, without reading every journal: after
// each batch that holds changes, a journal's writer appends its own file name and a newline to one shared file of the
// spool, in one write with O_APPEND (whole lines, never interleaved on a local filesystem). A reader keeps the offset
// it has read up to; "anything new?" is then one pread at that offset, which returns nothing when nothing changed.
//
// The file is a hint, not the record: the journals are. A reader trusts only names of journal files in the spool
// (spool.ts), and a line it cannot use costs it nothing but a look at the journals it already reads.
import { fs, path } from '../platform/builtins.js';
import { originalFs } from './original-fs.js';
import { journalSuffix } from './spool.js';

const fileName = 'announcements';

export function announcementsFile(spoolDir: string): string {
  return path.join(spoolDir, fileName);
}

/** Made with the spool (spool.ts), so that readers find it from the start; mode 0600 like the journals. */
export function createAnnouncements(spoolDir: string): void {
  originalFs.closeSync(originalFs.openSync(announcementsFile(spoolDir), 'wx', 0o600));
}

/**
 * The line a journal's writer appends: its file's name, after a `~` when the journal was compacted (rewritten under
 * its name, so that what a reader read of it before is at other offsets now).
 */
export function announcementOf(journalFile: string, compacted = false): Buffer {
  return Buffer.from(`${compacted ? compactedMark : ''}${path.basename(journalFile)}\n`);
}

export const compactedMark = '~';

const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
/** Read this much at a time; a longer backlog is read in several. */
const chunkBytes = 16 * 1024;
/** A line longer than this is no journal's name: it is skipped. */
const maxLineBytes = 255;

export class AnnouncementReader {
  private fd: number | undefined;
  private offset = 0;
  private readonly buffer = Buffer.allocUnsafe(chunkBytes);
  /** The part of a line read so far, when a read ended inside it (a writer's line is one write, but reads race it). */
  private partial = '';

  constructor(private readonly spoolDir: string) {}

  /**
   * The journals announced since the last call, by file name (each once, `~` first for one compacted since); an
   * empty list when nothing was.
   */
  poll(): string[] {
    if (this.fd === undefined && !this.openNow()) return noNames;
    const n = originalFs.readSync(this.fd!, this.buffer, 0, chunkBytes, this.offset);
    if (n === 0) return noNames;
    return this.collect(n);
  }

  /** Everything announced until now is known already (the reader just read the journals whole). */
  skipToEnd(): void {
    if (this.fd === undefined && !this.openNow()) return;
    this.offset = originalFs.fstatSync(this.fd!).size;
    this.partial = '';
  }

  close(): void {
    if (this.fd !== undefined) originalFs.closeSync(this.fd);
    this.fd = undefined;
  }

  /** Looks left before the next try to open a file that was missing (a failed open costs an Error and its stack). */
  private retryIn = 0;

  private openNow(): boolean {
    if (this.retryIn > 0) {
      this.retryIn--;
      return false;
    }
    if (this.open()) return true;
    this.retryIn = 256;
    return false;
  }

  private open(): boolean {
    try {
      this.fd = originalFs.openSync(announcementsFile(this.spoolDir), O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0));
      return true;
    } catch {
      // Nobody announced anything yet (or the spool is gone): the next poll tries again.
      return false;
    }
  }

  private collect(first: number): string[] {
    const names = new Set<string>();
    let n = first;
    while (n > 0) {
      this.offset += n;
      const text = this.partial + this.buffer.toString('latin1', 0, n);
      const lines = text.split('\n');
      this.partial = lines.pop()!;
      if (this.partial.length > maxLineBytes) this.partial = '';
      for (const line of lines) if (line.endsWith(journalSuffix) && !line.includes('/') && line.length <= maxLineBytes) names.add(line);
      // (a compacted journal's line keeps its `~`: the caller reads such a journal again from its start)
      if (n < chunkBytes) break;
      n = originalFs.readSync(this.fd!, this.buffer, 0, chunkBytes, this.offset);
    }
    return [...names];
  }
}

const noNames: string[] = [];
