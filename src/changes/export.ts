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
import { encodeRelativePath } from './name-encoding.js';
import { minimalSummaryMarkdown } from './summary-markdown.js';
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
  const outDir = path.resolve(o.outDir);
  prepareOutDir(outDir);
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
    const bytes = cs.content?.read(original);
    if (bytes === undefined) {
      change.contentOmitted = 'not-captured';
      continue;
    }
    const relative = `${exported}/${encodeRelativePath(change.root)}/${encodeRelativePath(change.relativePath)}`;
    const target = path.join(outDir, ...relative.split('/'));
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, bytes, { mode: 0o644 | (change.mode & 0o111) }); // executables stay executable
      change.exportedAs = relative;
      files.push(target);
    } catch (error) {
      gaps.push({ reason: 'export-failed', detail: `${change.path}: ${(error as Error).message}` });
    }
  }

  const exportedSet: ChangeSet = { roots: cs.roots, writers: cs.writers, changes, gaps };
  const manifestPath = path.join(outDir, 'manifest.json');
  const manifest = buildManifest(exportedSet, changes, gaps, o);
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  files.push(manifestPath);
  const summaryPath = path.join(outDir, 'summary.md');
  fs.writeFileSync(summaryPath, (o.renderSummary ?? ((set) => minimalSummaryMarkdown(set, o)))(exportedSet));
  files.push(summaryPath);
  return { outDir, manifestPath, files, changeSet: exportedSet };
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
 * refused rather than mixed with (or, worse, deleted along with) the user's own files.
 */
function prepareOutDir(outDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(outDir, { recursive: true });
    return;
  }
  if (names.length === 0) return;
  if (!isEarlierExport(outDir, names)) {
    throw new Error(`refusing to export into ${outDir}: the folder is not empty and holds no earlier memfs-action export (choose another --out)`);
  }
  for (const part of exportParts) fs.rmSync(path.join(outDir, part), { recursive: true, force: true });
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
