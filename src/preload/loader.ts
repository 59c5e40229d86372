// The file NODE_OPTIONS requires (dist/preload.cjs). It runs the preload's bundle (dist/preload-bundle.cjs:
// src/preload/index.ts and everything it imports) through V8's code cache, kept in the run's spool: compiling the
// ~300 KB bundle costs every process 5–10 ms, the largest part of the preload's start-up; the first process of a run
// pays it and leaves the compiled code behind, and every later process and worker thread of the run only
// deserialises it. (The bundle is read as a file, not carried here as a string: Node would scan a 300 KB literal in
// this file on every start.)
// Without a spool (the preload used alone, docs/configuration.md) nothing is written anywhere and the bundle is
// compiled as any script is. The cache is an optimisation only: every failure to read or write it is ignored.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Script } from 'node:vm';

// Taken before the bundle patches fs: the cache is written after it ran, and must go to the disk by Node's own code.
const disk = { closeSync, fstatSync, openSync, readFileSync, renameSync, writeFileSync };

// Replaced by scripts/preload-bundle.mjs (esbuild `define`): a hash of the bundle that names its cache, and its length.
// V8 accepts a cache for any source of the length it was made for: a bundle replaced without its loader must not get
// the code of another build, so a bundle of another length is compiled without the cache.
declare const MEMFS_PRELOAD_BUNDLE_ID: string;
declare const MEMFS_PRELOAD_BUNDLE_LENGTH: number;

const bundleFile = `${__dirname}/preload-bundle.cjs`;

/** FNV-1a, 32 bits: a name for this process's V8 flags, which V8 checks before it accepts a cache (no crypto here). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The cache file for this bundle, Node binary and set of options, in the spool; undefined without one. Processes
 * whose V8 flags differ (a runner's workers often get their own execArgv) keep separate files instead of
 * overwriting each other's. MEMFS_SPOOL is checked properly by the preload itself, which stops on a bad value.
 */
function cacheFile(): string | undefined {
  const spool = process.env.MEMFS_SPOOL?.trim();
  if (!spool?.startsWith('/')) return undefined;
  const options = fnv1a(`${process.execArgv.join('\0')}\n${process.env.NODE_OPTIONS ?? ''}`);
  return `${spool.replace(/\/+$/, '')}/preload-${MEMFS_PRELOAD_BUNDLE_ID}-${process.version}-${process.arch}-${options}.v8cache`;
}

/**
 * The spool is writable by every user (mode 1777, for tests that run children as another user): a cache file someone
 * else could have put there would be code run in this process. Only a file of this user or of root, writable by no
 * one else, is loaded; the sticky bit keeps others from replacing it once it is there.
 */
function readCache(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  let fd: number | undefined;
  try {
    fd = disk.openSync(file, 'r');
    const stat = disk.fstatSync(fd);
    const owner = stat.uid === 0 || stat.uid === process.getuid?.();
    if (!owner || (stat.mode & 0o022) !== 0) return undefined;
    return disk.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) disk.closeSync(fd);
  }
}

/**
 * Written once the preload has run, so that the functions it ran at start-up are in it too; renamed into place so
 * that a process starting meanwhile reads a whole file or none. The temporary name is the writer's own, created
 * exclusively (never through a link someone left in the shared spool).
 */
function writeCache(file: string, script: Script): void {
  try {
    const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    disk.writeFileSync(temporary, script.createCachedData(), { mode: 0o644, flag: 'wx' });
    disk.renameSync(temporary, file);
  } catch {
    // A spool that is gone or full, or another user's file in the sticky spool: the next process compiles again.
  }
}

function load(): void {
  const source = disk.readFileSync(bundleFile, 'utf8');
  const file = source.length === MEMFS_PRELOAD_BUNDLE_LENGTH ? cacheFile() : undefined;
  const cachedData = readCache(file);
  // The bundle is a function expression with the CommonJS module parameters (scripts/preload-bundle.mjs).
  const script = new Script(source, {
    filename: bundleFile,
    cachedData,
  });
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const bundleModule = { exports: {} };
  run.call(bundleModule.exports, bundleModule.exports, require, bundleModule, bundleFile, __dirname);
  if (file !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) writeCache(file, script);
}

load();
