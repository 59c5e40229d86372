// Where `--out` may point, checked before the command runs, and how an export gets there without losing another.
//
// The rule: --out names a folder that is missing, empty, or holds an earlier memfs-action export (which the new export
// replaces); any other folder only with --force. A file, a symbolic link, or a folder holding a root or the working
// directory is never replaced. Checked first, so that a bad --out costs nothing but the message, not the capture.
//
// The export is written into a fresh hidden sibling of --out, then renamed into place: a reader never sees half an
// export, and two runs with the same --out never mix or delete each other's. Only the folder seen at the check (same
// device and inode) is ever replaced; when another run published there meanwhile, this run's export goes beside it
// (memfs-report-2, …) and the CLI says so.
import fs from 'node:fs';
import path from 'node:path';

/** What the check found at --out: whether the export may replace a folder there, and which one exactly. */
export interface OutDirPlan {
  path: string;
  /** The folder the export replaces when it publishes (an earlier export, or any folder with --force). */
  replaces?: { dev: number; ino: number };
}

const exportParts = ['files', 'transient', 'manifest.json', 'summary.md'];

/** The plan for `outDir`, or the reason it cannot take the export (a sentence naming what to do). */
export function checkOutDir(outDir: string, o: { force: boolean; keep: string[] }): OutDirPlan | { problem: string } {
  const stat = lstatIfAny(outDir);
  const kept = o.keep.find((folder) => folder === outDir || folder.startsWith(outDir.endsWith('/') ? outDir : `${outDir}/`));
  if (kept !== undefined) {
    const what = kept === outDir ? 'is the working directory or a root of the run' : `holds ${kept}, the working directory or a root of the run`;
    return { problem: `${outDir} ${what}; give the export a folder of its own, e.g. --out ./memfs-report` };
  }
  if (stat === undefined) {
    const blocked = firstExistingAncestor(outDir);
    if (blocked !== undefined && !fs.statSync(blocked).isDirectory()) return { problem: `${blocked} is a file, so ${outDir} cannot be made; choose another --out` };
    return { path: outDir };
  }
  if (stat.isSymbolicLink()) return { problem: `${outDir} is a symbolic link (to ${fs.readlinkSync(outDir)}); give a real folder as --out` };
  if (!stat.isDirectory()) return { problem: `${outDir} is a file, not a folder; an export never replaces a file: choose another --out` };
  const names = fs.readdirSync(outDir);
  const replaces = { dev: stat.dev, ino: stat.ino };
  if (names.length === 0 || isEarlierExport(outDir, names)) return { path: outDir, replaces };
  if (o.force) return { path: outDir, replaces };
  return {
    problem: `${outDir} is not empty and holds no earlier memfs-action export; choose a new or empty folder, or add --force to replace it (its content is deleted)`,
  };
}

/** A folder an export (manifest.json of memfs-action, and nothing but an export's parts) was written into. */
export function isEarlierExport(folder: string, names = fs.readdirSync(folder)): boolean {
  if (!names.includes('manifest.json') || names.some((name) => !exportParts.includes(name))) return false;
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'))?.generator === 'memfs-action';
  } catch {
    return false;
  }
}

/** lstat, or undefined when nothing is there (a file on the way, ENOTDIR, counts as nothing there too). */
function lstatIfAny(target: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(target, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function firstExistingAncestor(target: string): string | undefined {
  for (let folder = path.dirname(target); ; folder = path.dirname(folder)) {
    if (lstatIfAny(folder) !== undefined) return folder;
    if (folder === path.dirname(folder)) return undefined;
  }
}

/** A fresh, empty, hidden folder beside --out (same filesystem, so that publishing is one rename). */
export function makeStaging(plan: OutDirPlan): string {
  const parent = path.dirname(plan.path);
  fs.mkdirSync(parent, { recursive: true });
  return fs.mkdtempSync(path.join(parent, `.${path.basename(plan.path)}.memfs-`));
}

export interface Published {
  /** Where the export is now. */
  dir: string;
  /** Said to the user when it is not where --out named. */
  note?: string;
}

/** Moves the finished export from `staging` to --out, or beside it when another run took --out meanwhile. */
export function publish(staging: string, plan: OutDirPlan): Published {
  if (tryRename(staging, plan.path)) return { dir: plan.path }; // --out was missing or empty
  if (plan.replaces !== undefined) {
    const aside = `${staging}.old`;
    if (tryRename(plan.path, aside)) {
      const taken = fs.lstatSync(aside);
      if (taken.dev === plan.replaces.dev && taken.ino === plan.replaces.ino) {
        const placed = tryRename(staging, plan.path);
        fs.rmSync(aside, { recursive: true, force: true }); // the folder the check agreed to replace
        if (placed) return { dir: plan.path };
      } else if (!tryRename(aside, plan.path)) {
        // Another run's export, taken by mistake, and --out taken yet again meanwhile: keep it beside, never delete it.
        besideOut(aside, plan.path);
      }
    } else if (tryRename(staging, plan.path)) {
      return { dir: plan.path }; // it was gone
    }
  }
  const dir = besideOut(staging, plan.path);
  return { dir, note: `${plan.path} was written by another run meanwhile, so this run's export is in ${dir}` };
}

function besideOut(folder: string, outDir: string): string {
  for (let n = 2; ; n++) {
    const candidate = `${outDir}-${n}`;
    if (fs.lstatSync(candidate, { throwIfNoEntry: false }) === undefined && tryRename(folder, candidate)) return candidate;
    if (n > 10_000) throw new Error(`no free name beside ${outDir} for the export; it is in ${folder}`);
  }
}

/** rename(2), false when the target is taken (a folder with content, a file) or the source has gone. */
function tryRename(from: string, to: string): boolean {
  try {
    fs.renameSync(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENOENT') return false;
    throw error;
  }
}
