// Which absolute paths belong to the overlay: inside a root and not under a pass-through path or glob. The glob
// matcher is handed in, so that the preload can load picomatch only when a glob is first matched (routing.ts is the
// same router with picomatch imported up front, for code that is not the preload).
import { path } from '../platform/builtins.js';
import { isVolatile, type DiskLocator } from './disk-location.js';
import { mayMatch, necessaryLiterals } from './glob-literals.js';

export interface RoutingOptions {
  /** Absolute directories whose contents live in the overlay. */
  roots: string[];
  /** Globs (picomatch syntax, matched against absolute paths) or absolute path prefixes that stay on disk. */
  passThrough: string[];
  /**
   * Where a path really lands (disk-location.ts). Given, a path spelt outside the overlay (outside the roots, or
   * pass-through) is the overlay's when its real location is; without it, paths are routed as spelt.
   */
  locate?: DiskLocator;
}

export interface Router {
  /**
   * Whether the overlay owns the path, as an operation that follows a symlink in the last name sees it (most do: stat,
   * open, readdir, chmod…). `absPath`: the path normalised (path.resolve); `spelt`: the same absolute but as written,
   * when it holds '..' components, which the kernel resolves after following the symlinks before them.
   */
  owns(absPath: string, spelt?: string): boolean;
  /** The same for an operation on the last name itself, which it does not follow (lstat, unlink, rename, readlink…). */
  ownsLink(absPath: string, spelt?: string): boolean;
  /** The disk's names changed (a pass-through rename, unlink, symlink…): answers that followed symlinks may be stale. */
  forget(): void;
}

/** Turns globs into one matcher of absolute paths (picomatch with { dot: true } semantics). */
export type GlobCompiler = (globs: string[]) => (absPath: string) => boolean;

const GLOB_CHARS = '*?[]{}()!';

/** Whether a pass-through entry is a glob (a plain path is matched by prefix); no regular expression at start-up. */
function isGlob(entry: string): boolean {
  for (const char of entry) if (GLOB_CHARS.includes(char)) return true;
  return false;
}

function underPrefix(absPath: string, prefix: string): boolean {
  return absPath === prefix || (absPath.startsWith(prefix) && (prefix.endsWith('/') || absPath.charCodeAt(prefix.length) === 47));
}

export function createPathRouter(o: RoutingOptions, compileGlobs: GlobCompiler): Router {
  const roots = o.roots.map((r) => path.resolve(r));
  const prefixes: string[] = [];
  const globs: string[] = [];
  for (const entry of o.passThrough) {
    if (isGlob(entry)) globs.push(entry);
    else prefixes.push(path.resolve(entry));
  }
  // A glob names a directory's contents as well as the directory ("**/node_modules" keeps everything under it).
  // Compiled on the first question, not at start-up (≈ 3 ms): many processes of a run never ask about a path.
  // And only for a path that holds every literal of some glob (glob-literals.ts): most paths hold none, and need
  // neither picomatch loaded nor its expressions run.
  const allGlobs = globs.flatMap((g) => [g, `${g.replace(/\/+$/, '')}/**`]);
  let literals: string[][] | undefined | null = null; // null: not read yet
  let compiled: ((absPath: string) => boolean) | undefined;
  const matchGlob = (absPath: string): boolean => {
    if (globs.length === 0) return false;
    if (literals === null) literals = necessaryLiterals(allGlobs);
    if (literals !== undefined && !mayMatch(literals, absPath)) return false;
    compiled ??= compileGlobs(allGlobs);
    return compiled(absPath);
  };
  const passedThrough = (absPath: string): boolean => {
    for (const prefix of prefixes) if (underPrefix(absPath, prefix)) return true;
    return matchGlob(absPath);
  };
  const ownsAsSpelt = (absPath: string): boolean => {
    let inRoot = false;
    for (const root of roots) {
      if (underPrefix(absPath, root)) {
        inRoot = true;
        break;
      }
    }
    return inRoot && !passedThrough(absPath);
  };
  const { locate } = o;
  // A path spelt inside the overlay stays there even when a symlink takes it outside the roots: the engine keeps what
  // is written through it in memory, which is the safe side. Spelt outside, it is the overlay's when it lands inside.
  const decide = (absPath: string, spelt: string | undefined, followLast: boolean): boolean => {
    if (ownsAsSpelt(absPath)) return true;
    if (locate === undefined) return false;
    const real = locate.locate(spelt ?? absPath, followLast);
    return real !== absPath && ownsAsSpelt(real);
  };
  // Tests touch the same paths over and over: remember recent answers (globs and symlinks are the costly part).
  const remembered = (followLast: boolean) => {
    const recent = new Map<string, boolean>();
    const owns = (absPath: string, spelt?: string): boolean => {
      const key = spelt ?? absPath;
      let answer = recent.get(key);
      if (answer === undefined) {
        answer = decide(absPath, spelt, followLast);
        if (isVolatile(absPath)) return answer;
        if (recent.size >= 4096) recent.clear();
        recent.set(key, answer);
      }
      return answer;
    };
    return { owns, forget: () => recent.clear() };
  };
  const following = remembered(true);
  const notFollowing = remembered(false);
  return {
    owns: following.owns,
    ownsLink: notFollowing.owns,
    forget() {
      if (locate === undefined) return;
      locate.forget();
      following.forget();
      notFollowing.forget();
    },
  };
}
