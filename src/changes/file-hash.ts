// The sha256 of a file on the disk, read in pieces of 1 MiB (a file of gigabytes costs 1 MiB of memory), for the
// manifest's hashes. Undefined when it cannot be read.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { onDisk } from '../overlay/disk.js';

export function sha256OfFile(target: string): string | undefined {
  try {
    const hash = createHash('sha256');
    const fd = fs.openSync(onDisk(target), 'r');
    try {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}
