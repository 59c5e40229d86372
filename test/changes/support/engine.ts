// An engine as the preload makes one: the real overlay over the run's layer (the disk as the spool's journals change
// it), its changes forwarded to a journal that is opened after it, exactly in the preload's order.
import fs from 'node:fs';
import path from 'node:path';
import { openJournal, type Journal, type JournalSpace } from '../../../src/changes/journal.js';
import { createRunLayer } from '../../../src/changes/run-layer.js';
import { createDiskLayer } from '../../../src/overlay/disk.js';
import { Overlay } from '../../../src/overlay/overlay.js';
import type { Change, Identity, OverlayApi } from '../../../src/overlay/types.js';

export interface JournaledEngine {
  engine: OverlayApi;
  journal: Journal;
}

export function startProcess(
  spoolDir: string,
  o: { sweepIntervalMs?: number; compactSlackBytes?: number; identity?: Identity; quotaBytes?: number; space?: JournalSpace } = {},
): JournaledEngine {
  let journal: Journal | undefined;
  const { identity, quotaBytes, ...journalOptions } = o;
  const lower = createRunLayer(spoolDir, createDiskLayer());
  const engine = new Overlay({
    lower, observer: { onChange: (c: Change) => journal?.onChange(c), beforeForget: (ino: number) => journal?.beforeForget?.(ino) }, ...(identity ? { identity } : {}),
    ...(quotaBytes !== undefined ? { quotaBytes } : {}), ...(o.space ? { spaceGuard: o.space } : {}),
  });
  journal = openJournal({ spoolDir, engine, ...journalOptions });
  return { engine, journal };
}

/** The tree an engine shows under a folder: path → description, to compare with the disk's. */
/** With `links`, a file's link count is part of its description. */
export function engineTree(engine: OverlayApi, dir: string, o: { links?: boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (current: string) => {
    for (const entry of engine.readdir(current)) {
      const full = path.join(current, entry.name);
      const stat = engine.lstat(full);
      out[path.relative(dir, full)] = describe(stat.mode, () => engine.readFile(full), () => engine.readlink(full), o.links ? stat.nlink : undefined);
      if ((stat.mode & fs.constants.S_IFMT) === fs.constants.S_IFDIR) visit(full);
    }
  };
  visit(dir);
  return out;
}

export function diskTree(dir: string, o: { links?: boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (current: string) => {
    for (const name of fs.readdirSync(current)) {
      const full = path.join(current, name);
      const stat = fs.lstatSync(full);
      out[path.relative(dir, full)] = describe(stat.mode, () => fs.readFileSync(full), () => fs.readlinkSync(full, 'utf8'), o.links ? stat.nlink : undefined);
      if (stat.isDirectory()) visit(full);
    }
  };
  visit(dir);
  return out;
}

function describe(mode: number, content: () => Buffer, target: () => string, links: number | undefined): string {
  const perms = (mode & 0o777).toString(8);
  switch (mode & fs.constants.S_IFMT) {
    case fs.constants.S_IFREG:
      return `file ${perms}${links === undefined ? '' : ` ${links} link(s)`} ${JSON.stringify(content().toString('latin1'))}`;
    case fs.constants.S_IFDIR:
      return `dir ${perms}`;
    case fs.constants.S_IFLNK:
      return `symlink -> ${target()}`;
    default:
      return 'other';
  }
}
