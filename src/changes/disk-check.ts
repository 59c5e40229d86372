// Writes that escaped the overlay, found by the front ends: a picture of the roots before the command, another after
// it, compared. Only Node processes started with the preload write to memory; `rm -rf`, `git`, `touch`, a shell
// redirect or a Node process started without the preload write the real disk, and the report must say so.
//
// What is looked at is decided by the preload's own code from the command's own environment — the roots, the
// pass-through patterns (readConfig) and the router that applies them (routing.ts) — so that the check and the
// preload cannot disagree: a passed-through path (node_modules/, coverage/, the spool) is the disk's by design and is
// never walked.
import path from 'node:path';
import { codeCacheFolders } from '../preload/code-cache-folders.js';
import { ENV, readConfig, thisMachine, type ConfigSystem } from '../preload/config.js';
import { createRouter, type Router } from '../node/routing.js';
import { compareDiskPictures } from './disk-diff.js';
import { takeDiskPicture, type DiskPicture, type PictureOptions } from './disk-picture.js';
import { loadDiskPicture, saveDiskPicture } from './disk-picture-file.js';
import type { DiskCheck, RootInfo } from './types.js';

/** About 150 MB of pictures; a root beyond it (a home folder?) is checked up to there, and the report says so. */
export const maxDiskEntries = 1_000_000;

export interface DiskCheckSetup {
  roots: RootInfo[];
  /** The command's environment: its MEMFS_* variables say what the preload passes through. */
  env: Readonly<Record<string, string | undefined>>;
  /** Folders the front end itself writes while the command runs (the export, its staging folder). */
  ownFolders: string[];
  maxEntries?: number;
}

export interface StartedDiskCheck {
  /** The second picture and the comparison; call it as soon as the command has ended, before writing anything. */
  finish(): DiskCheck;
}

/**
 * Takes the first picture. `saveTo`: a file to keep it in, for a front end that may be killed before it takes the
 * second (the action's post step then resumes from it with the same setup, which it derives again).
 */
export function startDiskCheck(setup: DiskCheckSetup, saveTo?: string): StartedDiskCheck {
  const check = prepare(setup);
  if ('finish' in check) return check;
  const before: DiskPicture = takeDiskPicture(check.options);
  if (saveTo !== undefined) {
    try {
      saveDiskPicture(saveTo, before);
    } catch {
      // Only the post step would need it: the main step's own check goes on.
    }
  }
  return { finish: () => compareDiskPictures(before, takeDiskPicture(check.options), setup.roots) };
}

/** The check the main step started and saved (see startDiskCheck), for the post step; the reason when there is none. */
export function resumeDiskCheck(saved: string, setup: DiskCheckSetup): StartedDiskCheck | { problem: string } {
  const before = loadDiskPicture(saved);
  if ('problem' in before) return before;
  const check = prepare(setup);
  if ('finish' in check) return check;
  return { finish: () => compareDiskPictures(before, takeDiskPicture(check.options), setup.roots) };
}

function prepare(setup: DiskCheckSetup): StartedDiskCheck | { options: PictureOptions } {
  let router: Router;
  try {
    router = routerOf(setup.env);
  } catch (error) {
    // The front ends check the configuration before this; a command whose preload refuses it runs no Node at all.
    const incomplete = `the roots could not be checked: ${(error as Error).message}`;
    return { finish: () => ({ changed: [], unreadable: [], incomplete }) };
  }
  return {
    options: {
      roots: setup.roots,
      owns: (absPath: string) => router.owns(absPath),
      // Where the preloaded processes write V8's code cache of the preload, on the disk on purpose.
      skip: [...setup.ownFolders, ...codeCacheFolders(setup.env)].map((folder) => path.resolve(folder)),
      maxEntries: setup.maxEntries ?? maxDiskEntries,
    },
  };
}


/**
 * What every process of the command passes through (the same for all of them). A disabled preload (MEMFS_DISABLE)
 * writes everything to the disk: all of it is reported, outside the usual pass-through paths.
 */
function routerOf(env: DiskCheckSetup['env']): Router {
  const system: ConfigSystem = { ...thisMachine, tmpdir: () => tmpdirOf(env) };
  const result = readConfig({ ...env, [ENV.disable]: undefined }, system);
  if (result.disabled) throw new Error('the preload is disabled'); // not reached: MEMFS_DISABLE was taken out above
  return createRouter({ roots: result.config.roots, passThrough: result.config.passThrough });
}

/** os.tmpdir() of the command's environment, as src/platform/tmpdir.ts computes it for the preload. */
function tmpdirOf(env: DiskCheckSetup['env']): string {
  const dir = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
}

