// The spool: one folder per run that holds every process's journal. RAM-backed /dev/shm where the machine has one
// with room for a run (journal writes then cost a memory copy, and survive the death of the process that made them),
// else the temp dir. Its growth is bounded by the space guard (spool-space.ts).
// It must never lie inside the overlay's roots unless passed through: the front ends pass it to the preload as such.
import { fs, path } from '../platform/builtins.js';
import { originalFs } from './original-fs.js';
import { sharedMemoryWithRoom } from './spool-space.js';
import { tmpdir } from '../platform/tmpdir.js';
import { createAnnouncements } from './announcements.js';

export const journalSuffix = '.journal';

/**
 * Creates a fresh, empty spool folder and returns its absolute path. Mode 0700, as mkdtemp makes it: the journals
 * hold what the tests wrote, and the fold trusts only its own user's. A process of the run started as another user
 * cannot use it, and stops at start saying so (src/preload/index.ts); root can, and hands its journal to the owner.
 * `limitBytes`: the run's cap (MEMFS_SPOOL_LIMIT), which /dev/shm must have room for to be chosen.
 */
export function createSpool(o: { limitBytes?: number | undefined } = {}): string {
  const parent = sharedMemoryWithRoom(o.limitBytes) ?? tmpdir();
  const spoolDir = fs.mkdtempSync(path.join(parent, 'memfs-'));
  createAnnouncements(spoolDir);
  return spoolDir;
}

/** The spool and everything in it, gone; for the front ends once they have exported. */
export function removeSpool(spoolDir: string): void {
  fs.rmSync(spoolDir, { recursive: true, force: true });
}

/**
 * A journal's file name: tells its pid without opening it; the random part keeps threads and a reused pid apart.
 * Math.random, not node:crypto: this runs in every process at start-up, and crypto costs milliseconds to load.
 */
export function journalFileName(pid: number, threadId: number): string {
  const random = Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return `${pid}-${threadId}-${random}${journalSuffix}`;
}

export function journalFiles(spoolDir: string): string[] {
  let names: string[];
  try {
    names = originalFs.readdirSync(spoolDir) as string[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.endsWith(journalSuffix))
    .sort()
    .map((name) => path.join(spoolDir, name));
}
