// The kernel engine's capture: the upper layer the launcher copied out (capture.json + the files' bytes) read into the
// same change set the fold of the preload's journals makes, so that the export, the manifest, the summaries and the
// upload are the same code for both engines. The disk below is untouched by the run, so it is the "before": an upper
// entry that the disk lacks is created, one that differs from it (bytes, type, target, mode) is modified, and what the
// overlay hides of the disk (whiteouts, opaque or replaced folders) is deleted.
import fs from 'node:fs';
import path from 'node:path';
import { createRouter } from '../node/routing.js';
import type { CaptureGap, ChangeSet, ContentSource, EntryKind, PathChange, RootInfo } from '../changes/types.js';
import type { FileContent } from '../changes/journal-content.js';
import { blobsFolder, captureFileName, type CaptureFile, type UpperEntry } from './plan.js';
import { sha256OfFile } from '../changes/file-hash.js';
import { writersOfChanges } from '../changes/fold.js';
import { readProvenance, type PathProvenance, type Provenance } from './provenance.js';

export interface KernelCaptureOptions {
  captureDir: string;
  /** Every root of the run (nested ones included: each change is labelled with the innermost). */
  roots: RootInfo[];
  /** The absolute pass-through globs and paths (the preload's): what lands there is not the overlay's. */
  passThrough: string[];
  /** The recording preload's folder (src/recorder/): who changed what; absent or empty, changes carry no writer. */
  provenanceDir?: string;
}

export function readCaptureFile(captureDir: string): CaptureFile | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(captureDir, captureFileName), 'utf8')) as CaptureFile;
  } catch {
    return undefined;
  }
}

export function changeSetOfCapture(capture: CaptureFile, o: KernelCaptureOptions): ChangeSet {
  const router = createRouter({ roots: o.roots.map((r) => r.path), passThrough: o.passThrough });
  const rootsLongestFirst = o.roots.slice().sort((a, b) => b.path.length - a.path.length);
  const changes: PathChange[] = [];
  const bytes = new Map<PathChange, FileContent>();
  const gaps: CaptureGap[] = capture.problems.map((detail) => ({ reason: 'other', detail }));
  const describe = (target: string, change: PathChange['change'], type: EntryKind, mode: number, size: number): PathChange | undefined => {
    const root = rootsLongestFirst.find((r) => target === r.path || target.startsWith(r.path + '/'));
    if (!root) return undefined;
    return { path: target, root: root.label, relativePath: path.relative(root.path, target).split(path.sep).join('/'), change, type,
      mode: mode & 0o7777, size };
  };

  const inUpper = new Set<string>();
  for (const rootCapture of capture.roots) {
    const byInode = new Map<number, string[]>();
    for (const entry of rootCapture.entries) {
      const target = path.join(rootCapture.root, entry.relativePath);
      inUpper.add(target);
      if (entry.type === 'file' && entry.nlink > 1) byInode.set(entry.ino, [...(byInode.get(entry.ino) ?? []), target]);
    }
    for (const entry of rootCapture.entries) {
      const target = path.join(rootCapture.root, entry.relativePath);
      if (!router.ownsLink(target)) continue; // a pass-through path (a cache written where no folder was bound back)
      const blob = entry.blob === undefined ? undefined : path.join(o.captureDir, blobsFolder, entry.blob);
      const disk = lstatOrUndefined(target);
      const sha256 = blob === undefined ? undefined : sha256OfFile(blob);
      let change: PathChange | undefined;
      if (!disk) {
        change = describe(target, 'created', entry.type, entry.mode, sizeOf(entry));
      } else {
        const compared = compareWithDisk(target, entry, disk, sha256);
        if (!compared.contentChanged && !compared.metadataChanged) continue;
        change = describe(target, 'modified', entry.type, entry.mode, sizeOf(entry));
        if (change) {
          change.contentChanged = compared.contentChanged;
          change.metadataChanged = compared.metadataChanged;
          if (disk.isFile()) {
            const original = sha256OfFile(target);
            if (original !== undefined) change.originalSha256 = original;
          }
        }
      }
      if (!change) continue;
      if (entry.type === 'file') {
        if (sha256 !== undefined && blob !== undefined) {
          change.sha256 = sha256;
          bytes.set(change, blobContent(blob, entry.size));
        } else {
          change.contentOmitted = 'not-captured';
          gaps.push({ reason: 'other', detail: `${target}: its bytes could not be copied out of the upper layer (${entry.unreadable ?? 'unknown'})` });
        }
        const links = byInode.get(entry.ino);
        if (links && links.length > 1) change.linkedWith = links.filter((p) => p !== target).sort();
      }
      if (entry.type === 'symlink' && entry.target !== undefined) change.target = entry.target;
      changes.push(change);
    }
    // Deleted: what the disk holds under every hidden path and the upper layer does not show again.
    const reported = new Set(changes.map((c) => c.path));
    for (const relative of rootCapture.hidden) {
      walkDisk(path.join(rootCapture.root, relative), (target, stat) => {
        if (inUpper.has(target) || reported.has(target) || !router.ownsLink(target)) return;
        reported.add(target);
        const change = describe(target, 'deleted', kindOf(stat), stat.mode, stat.size);
        if (!change) return;
        if (stat.isFile()) {
          const original = sha256OfFile(target);
          if (original !== undefined) change.originalSha256 = original;
        }
        if (stat.isSymbolicLink()) change.target = fs.readlinkSync(target);
        changes.push(change);
      });
    }
  }
  const provenance = o.provenanceDir === undefined ? undefined : readProvenance(o.provenanceDir);
  let writers: ChangeSet['writers'] = [];
  if (provenance) {
    gaps.push(...provenance.gaps);
    for (const [target, known] of provenance.paths) {
      if (known.made === undefined || inUpper.has(target) || !router.ownsLink(target) || lstatOrUndefined(target)) continue;
      // Made by a Node process and gone at the end, and never on the disk: transient. The kernel keeps no bytes of it.
      const change = describe(target, 'transient', known.made, 0, 0);
      if (!change) continue;
      if (known.made === 'file') change.contentOmitted = 'not-captured';
      changes.push(change);
    }
    writers = attributed(changes, provenance);
  }
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const content: ContentSource = {
    read: (change) => {
      const found = bytes.get(change);
      if (found === undefined) return undefined;
      const buffer = Buffer.alloc(found.size);
      found.readInto(buffer, 0, found.size, 0);
      return buffer;
    },
    open: (change) => bytes.get(change),
  };
  // Without a recording (no dist/recorder.cjs beside the CLI) a change is the command's as a whole, with no writer.
  return { roots: o.roots.slice(), writers, changes, gaps, content };
}

/**
 * Each change's writers from the recording: the path's own history, or for what a recursive copy brought (created,
 * modified) and what a removal took with it (deleted) the nearest folder's. What no Node process recorded — or what
 * exists at the end although a Node process last removed it — was made by a program the recorder does not run in.
 */
function attributed(changes: PathChange[], provenance: Provenance): ChangeSet['writers'] {
  const all = provenance.writers.slice();
  let notNode: number | undefined;
  const notNodeWriter = () => (notNode ??= all.push({ pid: 0, command: 'a program other than Node (no Node process recorded this change)', notNode: true }) - 1);
  for (const change of changes) {
    const known = provenance.paths.get(change.path) ?? ancestorHistory(change, provenance.paths);
    if (!known) {
      change.firstWriter = change.lastWriter = notNodeWriter();
      change.writers = [change.firstWriter];
      continue;
    }
    change.writers = known.writers.slice();
    change.firstWriter = known.writers[0]!;
    change.lastWriter = known.last;
    if (known.removed && change.change !== 'deleted' && change.change !== 'transient') {
      change.lastWriter = notNodeWriter();
      change.writers.push(change.lastWriter);
    }
    change.changedAtNs = String(known.changedAtNs);
  }
  return writersOfChanges(all, changes);
}

function ancestorHistory(change: PathChange, paths: Map<string, PathProvenance>): PathProvenance | undefined {
  for (let at = path.dirname(change.path); ; at = path.dirname(at)) {
    const known = paths.get(at);
    if (known && change.change !== 'deleted' && known.copied) return known;
    if (known && change.change === 'deleted' && known.removed) return known;
    // A folder removed whole and made again since: what the disk had below it went with the removal.
    const removal = change.change === 'deleted' ? known?.lastRemoval : undefined;
    if (removal !== undefined) return { writers: [removal.writer], last: removal.writer, removed: true, copied: false, changedAtNs: removal.atNs };
    if (at === '/' || at === path.dirname(at)) return undefined;
  }
}

function sizeOf(entry: UpperEntry): number {
  return entry.type === 'directory' ? 0 : entry.size;
}

/**
 * The upper entry against the disk's entry at the same path: bytes (by hash), type, symlink target, permission bits
 * and owner (as the fold compares them). An owner the namespace could not name (-1) is not compared: a file of
 * another user shows so in an unprivileged user namespace whether or not it was touched.
 */
function compareWithDisk(target: string, entry: UpperEntry, disk: fs.Stats, sha256: string | undefined): { contentChanged: boolean; metadataChanged: boolean } {
  if (kindOf(disk) !== entry.type) return { contentChanged: true, metadataChanged: true };
  const ownerChanged = (entry.uid !== -1 && entry.uid !== disk.uid) || (entry.gid !== -1 && entry.gid !== disk.gid);
  const metadataChanged = (disk.mode & 0o7777) !== (entry.mode & 0o7777) || ownerChanged;
  let contentChanged = false;
  if (entry.type === 'file') contentChanged = entry.size !== disk.size || sha256 === undefined || sha256 !== sha256OfFile(target);
  else if (entry.type === 'symlink') contentChanged = entry.target !== fs.readlinkSync(target);
  return { contentChanged, metadataChanged };
}

function blobContent(blob: string, size: number): FileContent {
  return {
    size,
    readInto(buffer, offset, length, position) {
      const fd = fs.openSync(blob, 'r');
      try {
        return fs.readSync(fd, buffer, offset, Math.min(length, size - position), position);
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

function walkDisk(target: string, visit: (target: string, stat: fs.Stats) => void): void {
  const stat = lstatOrUndefined(target);
  if (!stat) return;
  visit(target, stat);
  if (!stat.isDirectory()) return;
  let names: string[] = [];
  try {
    names = fs.readdirSync(target);
  } catch {
    return;
  }
  for (const name of names.sort()) walkDisk(path.join(target, name), visit);
}

function kindOf(stat: fs.Stats): EntryKind {
  return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : stat.isSymbolicLink() ? 'symlink' : 'other';
}

function lstatOrUndefined(target: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(target);
  } catch {
    return undefined;
  }
}

