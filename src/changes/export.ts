// The export: a plain folder anyone can open, and that an artifact zip carries without loss.
//   <out>/files/<root label>/<path relative to the root>      created and modified regular files, final bytes
//   <out>/transient/<root label>/<path relative to the root>  files made and removed during the run (when kept)
//   <out>/manifest.json                                      everything else: deletions, symlinks, modes, hashes…
//   <out>/summary.md
// No symlinks and no bare directories go into files/: a zip turns them into broken or empty entries. Names the
// artifact service or Windows reject are encoded (name-encoding.ts); the manifest keeps the real path.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { buildManifest } from './manifest.js';
import { encodeNameSegment, encodeRelativePath } from './name-encoding.js';
import { minimalSummaryMarkdown } from './summary-markdown.js';
import { forEachChunk, type FileContent } from './journal-content.js';
import { writeJsonInPieces } from './json-pieces.js';
import type { CaptureGap, ChangeSet, PathChange } from './types.js';

export interface ExportOptions {
  outDir: string;
  command: string;
  exitCode: number | null;
  durationMs: number;
  includeTransient: boolean;
  /** Globs, relative to a root; a pattern without a slash matches a name at any depth. Listed, never exported. */
  exclude: string[];
  /** Added compatibly (H5): writes summary.md (the front ends pass report/'s renderer); default: a minimal one. */
  renderSummary?: (cs: ChangeSet) => string;
}

export interface ExportResult {
  outDir: string;
  manifestPath: string;
  /** Absolute paths of every file written (exported content, manifest.json, summary.md). */
  files: string[];
  /** Added compatibly (H5): the change set as the manifest tells it (exportedAs, contentOmitted, export gaps). */
  changeSet?: ChangeSet;
}

const exportParts = ['files', 'transient', 'manifest.json', 'summary.md'];

export function exportChangeSet(cs: ChangeSet, o: ExportOptions): ExportResult {
  const shownOutDir = path.resolve(o.outDir);
  const outDir = prepareOutDir(shownOutDir);
  const excluded = exclusionOf(o.exclude);
  const files: string[] = [];
  const gaps: CaptureGap[] = [...cs.gaps];
  const changes: PathChange[] = [];

  for (const original of cs.changes) {
    const change: PathChange = { ...original };
    changes.push(change);
    const exported = exportedFolder(change, o.includeTransient);
    if (exported === undefined || change.type !== 'file') continue;
    if (change.contentOmitted) continue;
    if (exported === 'omit') {
      change.contentOmitted = 'excluded';
      continue;
    }
    if (excluded(change.relativePath)) {
      change.contentOmitted = 'excluded';
      continue;
    }
    // In pieces where the source allows it: a file of gigabytes costs the export one piece of memory, not its size.
    let bytes: FileContent | Buffer | undefined;
    try {
      bytes = cs.content?.open ? cs.content.open(original) : cs.content?.read(original);
    } catch (error) {
      gaps.push({ reason: 'export-failed', detail: `${change.path}: ${(error as Error).message}` });
      continue;
    }
    if (bytes === undefined) {
      change.contentOmitted = 'not-captured';
      continue;
    }
    const segments = [exported, encodeNameSegment(change.root), ...encodeRelativePath(change.relativePath).split('/')];
    try {
      writeInside(outDir, segments, bytes, 0o644 | (change.mode & 0o111)); // executables stay executable
      change.exportedAs = segments.join('/');
      files.push(path.join(shownOutDir, ...segments));
    } catch (error) {
      gaps.push({ reason: 'export-failed', detail: `${change.path}: ${(error as Error).message}` });
    }
  }

  const exportedSet: ChangeSet = { roots: cs.roots, writers: cs.writers, changes, gaps, ...(cs.disk ? { disk: cs.disk } : {}) };
  const manifest = buildManifest(exportedSet, changes, gaps, o);
  writeInside(outDir, ['manifest.json'], (write) => {
    writeJsonInPieces(manifest, (piece) => write(Buffer.from(piece)));
    write(Buffer.from('\n'));
  }, 0o644);
  const manifestPath = path.join(shownOutDir, 'manifest.json');
  files.push(manifestPath);
  writeInside(outDir, ['summary.md'], (o.renderSummary ?? ((set) => minimalSummaryMarkdown(set, o)))(exportedSet), 0o644);
  files.push(path.join(shownOutDir, 'summary.md'));
  return { outDir: shownOutDir, manifestPath, files, changeSet: exportedSet };
}

const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;
const createNew = O_WRONLY | O_CREAT | O_EXCL | (O_NOFOLLOW ?? 0);

/**
 * Writes a new file at `segments` under the export folder, and nowhere else, whatever the names hold and whatever
 * the folder already holds: a journal names the paths, and a process of the run may still be running and plant a
 * symlink in the folder meanwhile. Each folder on the way is made or found as a real folder, never followed as a
 * link, and the file is created, never opened if something is already there. (Node has no openat: a folder swapped
 * for a link between its check and the next step is the one race left, and only the run's own user can make it.)
 */
/** What writeInside writes: text, bytes, a file's content read in pieces, or a producer that hands out its bytes in pieces. */
type ExportData = string | Uint8Array | FileContent | ((write: (bytes: Uint8Array) => void) => void);

function writeInside(outDir: string, segments: string[], data: ExportData, mode: number): void {
  const bad = segments.find((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('/') || segment.includes('\0'));
  if (bad !== undefined) throw new Error(`${JSON.stringify(segments.join('/'))} holds the name ${JSON.stringify(bad)}, which no export file may have`);
  const target = path.join(outDir, ...segments);
  const relative = path.relative(outDir, target);
  if (relative === '' || relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) throw new Error(`${target} lies outside ${outDir}`);
  let folder = outDir;
  for (const segment of segments.slice(0, -1)) {
    folder = path.join(folder, segment);
    try {
      fs.mkdirSync(folder, 0o755);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stat = fs.lstatSync(folder);
    if (!stat.isDirectory()) {
      throw new Error(`${folder} is ${stat.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}: nothing is written through it`);
    }
  }
  const fd = fs.openSync(target, createNew, mode);
  const writeAll = (bytes: Uint8Array) => {
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done);
  };
  try {
    if (typeof data === 'string') writeAll(Buffer.from(data));
    else if (data instanceof Uint8Array) writeAll(data);
    else if (typeof data === 'function') data(writeAll);
    else {
      // A hole at the end of the file stays a hole in the export (a 2 GiB truncate costs no 2 GiB of zeros).
      const stored = data.storedEnd ?? data.size;
      forEachChunk(data, writeAll, stored);
      if (stored < data.size) fs.ftruncateSync(fd, data.size);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function exclusionOf(globs: string[]): (relativePath: string) => boolean {
  const anyDepth = globs.filter((glob) => !glob.includes('/'));
  const anchored = globs.filter((glob) => glob.includes('/')).map((glob) => glob.replace(/^\//, ''));
  const matchers = [
    ...(anyDepth.length > 0 ? [picomatch(anyDepth, { dot: true, basename: true })] : []),
    ...(anchored.length > 0 ? [picomatch(anchored, { dot: true })] : []),
  ];
  return (relativePath) => matchers.some((matches) => matches(relativePath));
}

function exportedFolder(change: PathChange, includeTransient: boolean): 'files' | 'transient' | 'omit' | undefined {
  if (change.change === 'created' || change.change === 'modified') return 'files';
  if (change.change === 'transient') return includeTransient ? 'transient' : 'omit';
  return undefined;
}

/**
 * An export goes into an empty or missing folder, or replaces an earlier export in place; any other folder is
 * refused rather than mixed with (or, worse, deleted along with) the user's own files. The folder itself must be a
 * real one: a symlink would send the export wherever it points. Returns its real path, which writeInside stays under.
 */
function prepareOutDir(outDir: string): string {
  let stat = fs.lstatSync(outDir, { throwIfNoEntry: false });
  if (stat === undefined) {
    fs.mkdirSync(outDir, { recursive: true });
    stat = fs.lstatSync(outDir);
  }
  if (stat.isSymbolicLink()) {
    throw new Error(`refusing to export into ${outDir}: it is a symbolic link (to ${fs.readlinkSync(outDir)}); give a real folder as --out`);
  }
  if (!stat.isDirectory()) throw new Error(`refusing to export into ${outDir}: it is not a folder (choose another --out)`);
  const names = fs.readdirSync(outDir);
  if (names.length > 0) {
    if (!isEarlierExport(outDir, names)) {
      throw new Error(`refusing to export into ${outDir}: the folder is not empty and holds no earlier memfs-action export (choose another --out)`);
    }
    // rm removes a link it meets, never what the link points to.
    for (const part of exportParts) fs.rmSync(path.join(outDir, part), { recursive: true, force: true });
  }
  return fs.realpathSync(outDir);
}

function isEarlierExport(outDir: string, names: string[]): boolean {
  if (!names.includes('manifest.json') || names.some((name) => !exportParts.includes(name))) return false;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
    return manifest?.generator === 'memfs-action';
  } catch {
    return false;
  }
}
