// The picture of the roots taken before the command, kept in a file of the action's staging folder: when a cancel or
// timeout-minutes kills the main step, the post step compares the disk with it and still reports what escaped the
// overlay (what to look at it derives again from the session, as main did). The file is read back as hostile input
// (the tests run as the same user and could have changed it): any shape but the one written here is refused, and the
// post step then reports without the check.
import { readFileSync, writeFileSync } from 'node:fs';
import type { DiskPicture } from './disk-picture.js';

const VERSION = 1;

export function saveDiskPicture(file: string, picture: DiskPicture): void {
  const body = {
    version: VERSION,
    roots: [...picture.roots].map(([label, entries]) => [label, [...entries]]),
    unreadable: [...picture.unreadable],
    entries: picture.entries,
    ...(picture.stoppedAt === undefined ? {} : { stoppedAt: picture.stoppedAt }),
  };
  writeFileSync(file, JSON.stringify(body), { mode: 0o600, flag: 'wx' });
}

/** The saved picture, or why it cannot be used. */
export function loadDiskPicture(file: string): DiskPicture | { problem: string } {
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'the main step saved no picture of the disk' : `its picture of the disk cannot be read (${code ?? (error as Error).message})` };
  }
  const b = body as Record<string, unknown>;
  const refused = { problem: 'its picture of the disk is not in the shape the main step writes' };
  if (b === null || typeof b !== 'object' || b.version !== VERSION || !Number.isSafeInteger(b.entries)) return refused;
  if (b.stoppedAt !== undefined && typeof b.stoppedAt !== 'string') return refused;
  if (!Array.isArray(b.roots) || !Array.isArray(b.unreadable) || !b.unreadable.every(isStringPair)) return refused;
  const roots = new Map<string, Map<string, string>>();
  for (const root of b.roots as unknown[]) {
    if (!Array.isArray(root) || root.length !== 2 || typeof root[0] !== 'string' || !Array.isArray(root[1])) return refused;
    if (!(root[1] as unknown[]).every(isStringPair)) return refused;
    roots.set(root[0], new Map(root[1] as [string, string][]));
  }
  return {
    roots,
    unreadable: new Map(b.unreadable as [string, string][]),
    entries: b.entries as number,
    ...(typeof b.stoppedAt === 'string' ? { stoppedAt: b.stoppedAt } : {}),
  };
}

function isStringPair(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';
}
