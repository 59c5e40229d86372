// The preload's configuration, read from environment variables because NODE_OPTIONS carries nothing else into every
// Node process (and worker thread) of a test command. docs/configuration.md documents every variable. The front ends
// (action/, cli/) build the same variables with `configToEnv`, so the names live in one place.
//
// A bad value stops the process at start (ConfigError → message on stderr, exit code 1): running without the overlay
// would let a test write to the real disk, which is the one thing a user of this tool must be able to rule out.
import { realpathSync } from 'node:fs';
import { delimiter, isAbsolute, posix, resolve } from 'node:path';
import { currentThread } from '../changes/thread.js';
import { tmpdir } from '../platform/tmpdir.js';
import { withoutTrailingSlashes } from '../platform/without-trailing-slashes.js';

export const ENV = {
  disable: 'MEMFS_DISABLE',
  roots: 'MEMFS_ROOTS',
  passThrough: 'MEMFS_PASS_THROUGH',
  passThroughDefaults: 'MEMFS_PASS_THROUGH_DEFAULTS',
  quota: 'MEMFS_QUOTA',
  spool: 'MEMFS_SPOOL',
  spoolLimit: 'MEMFS_SPOOL_LIMIT',
  codeCache: 'MEMFS_CODE_CACHE',
} as const;

/**
 * What stays on the real disk unless MEMFS_PASS_THROUGH_DEFAULTS=off: dependencies and caches that only tools
 * write (a write there lost at exit would only cost time), and the outputs CI must find on disk after the run
 * (coverage, test reports). Patterns follow .gitignore: no slash inside → any depth below a root.
 */
export const DEFAULT_PASS_THROUGH: readonly string[] = [
  'node_modules/',
  'coverage/',
  '.nyc_output/',
  'junit*.xml',
  'test-results/',
  'test-reports/',
];

/** Default pass-through paths directly in the temp dir: caches and hand-overs of the runners. */
export const DEFAULT_TMP_PASS_THROUGH: readonly string[] = [
  './jest_*/', // jest's cacheDirectory (haste map, transforms): written even with --no-cache
  './node-compile-cache/', // module.enableCompileCache()'s default folder (Node ≥ 22.1)
  './tsx-*/', // tsx's transform cache
  './v8-compile-cache*/', // the v8-compile-cache package (eslint, older yarn)
];

/**
 * Without a spool (the preload loaded by hand, without MEMFS_SPOOL) processes do not see each other's changes, and
 * vitest's main process writes each transformed module to <tmp>/<nanoid(21)>/<environment>/<sha1> for its forks to
 * read: that write must reach the disk then. Only the writer needs this: vitest's main thread, where no test runs.
 * With a spool (the CLI and the action) the forks see the main process's files through it, and nothing passes through.
 */
export const VITEST_MAIN_TMP_PASS_THROUGH: readonly string[] = [`./${'?'.repeat(21)}/`];

export const DEFAULT_QUOTA_BYTES = 1024 ** 3;

export interface PreloadConfig {
  /** Absolute, realpath'd, without duplicates; a root given through a symlink is listed under that name too. */
  roots: string[];
  /** Absolute picomatch globs, each for a path and everything below it. */
  passThrough: string[];
  /** undefined: no limit. */
  quotaBytes: number | undefined;
  /** Absolute, realpath'd; undefined when no journal is kept. */
  spoolDir: string | undefined;
  /** What the run's spool may hold; undefined: no cap (the guard still keeps its filesystem's reserve free). */
  spoolLimitBytes: number | undefined;
}

export type ConfigResult = { disabled: true } | { disabled: false; config: PreloadConfig };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    /** What is wrong and what to do, without the variable's name: a front end puts its flag or input there. */
    readonly problem: string,
  ) {
    super(`memfs-action: ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** What the reader needs from the machine; the preload passes the real thing, tests pass their own. */
export interface ConfigSystem {
  cwd(): string;
  tmpdir(): string;
  /** Realpath of an existing directory; throws (any error) when it does not exist or is not a directory. */
  realDirectory(p: string): string;
  /** Whether this is the main thread of vitest's own process (its CLI), not a fork or worker thread running tests. */
  isVitestMain(): boolean;
}

/** The machine the process runs on. Used before fs is patched, so these are the disk's answers. */
export const thisMachine: ConfigSystem = {
  cwd: () => process.cwd(),
  tmpdir,
  // One system call: the native realpath (the JS one lstats every component), of the path with a trailing slash,
  // which the kernel resolves only to a directory (ENOTDIR otherwise) — no Stats to build at every start.
  realDirectory: (p) => realpathSync.native(p.endsWith('/') ? p : `${p}/`),
  // node_modules/.bin/vitest, or node_modules/vitest/vitest.mjs as pnpm and `node …` start it.
  isVitestMain() {
    const script = (process.argv[1] ?? '').replaceAll('\\', '/');
    return (script.endsWith('/.bin/vitest') || script.endsWith('/vitest/vitest.mjs')) && currentThread().isMainThread;
  },
};

type Env = Readonly<Record<string, string | undefined>>;

export function readConfig(env: Env, system: ConfigSystem): ConfigResult {
  if (readSwitch(env, ENV.disable, false)) return { disabled: true };
  checkCodeCache(env);
  const roots = readRoots(env, system);
  // The temp dir matters beyond the roots for its runner caches: when it is not a root it may even be missing.
  let tmpdir = system.tmpdir();
  try {
    tmpdir = system.realDirectory(tmpdir);
  } catch {
    // left as it is: its default pass-through patterns then simply match nothing
  }
  const spoolDir = readSpool(env, system);
  const patterns = new PatternSet();
  if (readSwitch(env, ENV.passThroughDefaults, true)) {
    for (const root of roots) for (const p of DEFAULT_PASS_THROUGH) patterns.add(p, root);
    for (const p of DEFAULT_TMP_PASS_THROUGH) patterns.add(p, tmpdir);
    if (spoolDir === undefined && system.isVitestMain()) for (const p of VITEST_MAIN_TMP_PASS_THROUGH) patterns.add(p, tmpdir);
  }
  for (const entry of listOf(env[ENV.passThrough], ENV.passThrough)) {
    if (entry.includes('\0')) throw new ConfigError(ENV.passThrough, `${JSON.stringify(entry)} contains a NUL byte.`);
    if (isAbsolute(entry)) patterns.add(entry, '/');
    else for (const root of roots) patterns.add(entry, root);
  }
  // The journal is the record of the overlay: writing it into the overlay would lose it.
  if (spoolDir !== undefined) patterns.add(escapeGlob(spoolDir), '/');
  const passThrough = patterns.globs();
  const quotaBytes = readSize(env, ENV.quota, DEFAULT_QUOTA_BYTES);
  return { disabled: false, config: { roots, passThrough, quotaBytes, spoolDir, spoolLimitBytes: readSize(env, ENV.spoolLimit, undefined) } };
}

/** The variables that make a child process use `config`; the front ends put these into the command's env. */
export function configToEnv(o: {
  roots: string[];
  passThrough?: string[];
  passThroughDefaults?: boolean;
  quotaBytes?: number | undefined;
  spoolDir?: string;
  spoolLimitBytes?: number;
}): Record<string, string> {
  const env: Record<string, string> = { [ENV.roots]: encodeList(o.roots, delimiter) };
  if (o.passThrough?.length) env[ENV.passThrough] = encodeList(o.passThrough, '\n');
  if (o.passThroughDefaults === false) env[ENV.passThroughDefaults] = 'off';
  if (o.quotaBytes !== undefined) env[ENV.quota] = String(o.quotaBytes);
  else if ('quotaBytes' in o) env[ENV.quota] = 'unlimited';
  if (o.spoolDir !== undefined) env[ENV.spool] = o.spoolDir;
  if (o.spoolLimitBytes !== undefined) env[ENV.spoolLimit] = String(o.spoolLimitBytes);
  return env;
}

function readRoots(env: Env, system: ConfigSystem): string[] {
  const listed = listOf(env[ENV.roots], ENV.roots);
  if (listed.length === 0) {
    let cwd: string;
    try {
      cwd = system.cwd();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new ConfigError(ENV.roots, `unset, and the working directory, its default, cannot be read (${code}).`);
    }
    const tmpdir = system.tmpdir();
    return unique([
      ...withAlias(cwd, realDirectoryOf(system, ENV.roots, cwd, `unset, and its default the working directory "${cwd}"`)),
      ...withAlias(tmpdir, realDirectoryOf(system, ENV.roots, tmpdir, `unset, and its default the temp dir "${tmpdir}" (TMPDIR)`)),
    ]);
  }
  return unique(
    listed.flatMap((root) => {
      if (!isAbsolute(root)) {
        throw new ConfigError(ENV.roots, `"${root}" is not an absolute path; every root must be absolute.`);
      }
      if (root === '/' || resolve(root) === '/') {
        throw new ConfigError(ENV.roots, `"/" cannot be a root: Node itself and every tool would run from memory.`);
      }
      return withAlias(root, realDirectoryOf(system, ENV.roots, root, `"${root}"`));
    }),
  );
}

/**
 * A root reached through a symlink (macOS's temp dir is /var/… → /private/var/…) is kept under both names: the
 * program uses the name it was given, the engine the real one, and a path under either must stay in memory.
 */
function withAlias(given: string, real: string): string[] {
  const literal = resolve(given);
  return literal === real ? [real] : [real, literal];
}

function readSpool(env: Env, system: ConfigSystem): string | undefined {
  const spool = env[ENV.spool]?.trim();
  if (!spool) return undefined;
  if (!isAbsolute(spool)) throw new ConfigError(ENV.spool, `"${spool}" is not an absolute path.`);
  return realDirectoryOf(system, ENV.spool, spool, `"${spool}"`);
}

/** Read by the loader (loader.ts), which runs before this check and ignores a value it cannot use. */
function checkCodeCache(env: Env): void {
  const raw = env[ENV.codeCache]?.trim();
  if (!raw || OFF.includes(raw.toLowerCase()) || isAbsolute(raw)) return;
  throw new ConfigError(ENV.codeCache, `"${raw}" is neither an absolute folder nor "off".`);
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?$/i;
const UNIT: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** MEMFS_QUOTA and MEMFS_SPOOL_LIMIT: a size in bytes, powers of 1024, or "unlimited" (undefined). */
function readSize(env: Env, variable: string, byDefault: number | undefined): number | undefined {
  const raw = env[variable]?.trim();
  if (!raw) return byDefault;
  if (/^(unlimited|none)$/i.test(raw)) return undefined;
  const match = SIZE.exec(raw);
  if (!match) {
    throw new ConfigError(
      variable,
      `"${raw}" is not a size. Use bytes with an optional k, m, g or t suffix (powers of 1024, e.g. 512m or 2g), ` +
        `or "unlimited".`,
    );
  }
  const bytes = Math.floor(Number(match[1]) * (match[2] ? UNIT[match[2].toLowerCase()]! : 1));
  if (bytes < 1) throw new ConfigError(variable, `"${raw}" leaves no room for any write; use "unlimited" for no limit.`);
  if (!Number.isSafeInteger(bytes)) throw new ConfigError(variable, `"${raw}" is too large; use "unlimited".`);
  return bytes;
}

const OFF = ['0', 'false', 'off', 'no'];

function readSwitch(env: Env, variable: string, byDefault: boolean): boolean {
  const raw = env[variable]?.trim().toLowerCase();
  if (!raw) return byDefault;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (OFF.includes(raw)) return false;
  throw new ConfigError(variable, `"${env[variable]}" is not a switch; use 1/true/on or 0/false/off.`);
}

function realDirectoryOf(system: ConfigSystem, variable: string, p: string, what: string): string {
  try {
    return system.realDirectory(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a directory' : `cannot be used (${code ?? (error as Error).message})`;
    throw new ConfigError(variable, `${what} ${why}.`);
  }
}

/**
 * A list as MEMFS_ROOTS and MEMFS_PASS_THROUGH carry it: joined by `separator`, readable and writable by hand, unless
 * an entry holds the path delimiter or a newline (a folder named "a:b") — then as a JSON array of strings, which no
 * list of absolute paths or patterns can be mistaken for (it starts with "[").
 */
export function encodeList(entries: readonly string[], separator: string): string {
  const plain = entries.every((entry) => !entry.includes(delimiter) && !entry.includes('\n') && !entry.startsWith('['));
  return plain ? entries.join(separator) : JSON.stringify(entries);
}

/** Entries separated by newlines (action inputs) or by the path delimiter (like PATH), or a JSON array (encodeList). */
export function listOf(raw: string | undefined, variable: string): string[] {
  if (!raw) return [];
  if (raw.trimStart().startsWith('[')) return jsonList(raw, variable);
  return raw
    .split('\n') // a \r before it goes with the trim below
    .flatMap((line) => line.split(delimiter))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * .gitignore-like patterns turned into as few absolute globs as possible: every process compiles them at start-up
 * (30 separate globs cost ~5 ms; grouped in braces, well under 1 ms). A pattern without a slash inside matches at any
 * depth below its base; with one, it is anchored at the base; a trailing slash is only a hint. Each glob names a path
 * and, through the router, everything below it (src/node/routing.ts matches `glob/**` as well).
 */
class PatternSet {
  private readonly anyDepth = new Map<string, Set<string>>();
  private readonly anchored = new Map<string, Set<string>>();

  add(pattern: string, base: string): void {
    const bare = withoutTrailingSlashes(pattern);
    if (isAbsolute(bare)) return this.put(this.anchored, '', bare);
    if (bare.includes('/')) this.put(this.anchored, escapeGlob(base), bare.startsWith('./') ? bare.slice(2) : bare);
    else this.put(this.anyDepth, escapeGlob(base), bare);
  }

  globs(): string[] {
    const out: string[] = [];
    for (const [base, names] of this.anyDepth) out.push(posix.join(base, '**', alternatives(names)));
    for (const [base, rests] of this.anchored) {
      if (base === '') out.push(...rests);
      else out.push(posix.join(base, alternatives(rests)));
    }
    return out;
  }

  private put(map: Map<string, Set<string>>, base: string, rest: string): void {
    let set = map.get(base);
    if (set === undefined) map.set(base, (set = new Set()));
    set.add(rest);
  }
}

function alternatives(items: Set<string>): string {
  return items.size === 1 ? [...items][0]! : `{${[...items].join(',')}}`;
}

const GLOB_SYNTAX = '*?[]{}()!+@\\';

/** Roots and the spool are paths, not patterns: "/work/my (copy)" must match itself. */
function escapeGlob(literal: string): string {
  let escaped = '';
  for (const char of literal) escaped += GLOB_SYNTAX.includes(char) ? `\\${char}` : char;
  return escaped;
}

function jsonList(raw: string, variable: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((entry): entry is string => typeof entry === 'string')) {
    throw new ConfigError(variable, 'starts with "[" but is not a JSON array of strings; give a list separated by newlines or ":", or a JSON array such as ["/work/a:b"].');
  }
  return parsed.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
