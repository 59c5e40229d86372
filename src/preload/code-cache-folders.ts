// Where V8's code cache of the preload may live, in the order the loader tries them (docs/configuration.md):
// MEMFS_CODE_CACHE (a folder, or off); else the user's cache folder, $XDG_CACHE_HOME/memfs-action or
// ~/.cache/memfs-action; else the run's spool. One definition for the loader, which writes there, and for the front
// ends' check of the real disk, which must not count those writes as the command's. Part of the loader's bundle,
// parsed at every start: no regular expressions (compiling one costs 50–150 µs).
import { withoutTrailingSlashes } from '../platform/without-trailing-slashes.js';

/** An absolute folder without trailing slashes, or undefined. */
function absolute(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed?.startsWith('/') ? withoutTrailingSlashes(trimmed) : undefined;
}

export function codeCacheFolders(env: NodeJS.ProcessEnv | Record<string, string | undefined>): string[] {
  const chosen = env.MEMFS_CODE_CACHE?.trim();
  if (chosen) {
    if (['0', 'false', 'off', 'no'].includes(chosen.toLowerCase())) return [];
    const folder = absolute(chosen);
    return folder === undefined ? [] : [folder];
  }
  const folders: string[] = [];
  const home = absolute(env.HOME);
  const userCache = absolute(env.XDG_CACHE_HOME) ?? (home === undefined ? undefined : `${home === '/' ? '' : home}/.cache`);
  if (userCache !== undefined) folders.push(`${userCache === '/' ? '' : userCache}/memfs-action`);
  const spool = absolute(env.MEMFS_SPOOL);
  if (spool !== undefined) folders.push(spool);
  return folders;
}
