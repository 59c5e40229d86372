// The file NODE_OPTIONS requires (dist/preload.cjs). It runs the preload's bundle (dist/preload-bundle.cjs:
// src/preload/index.ts and everything it imports) through V8's code cache: compiling the ~250 KB bundle costs every
// process 5–10 ms, the largest part of the preload's start-up; the first process to run this build on this Node
// leaves the compiled code behind, and every later process and worker thread only deserialises it. (The bundle is read
// as a file, not carried here as a string: Node would scan a 250 KB literal in this file on every start.)
// Where the cache lives (docs/configuration.md): MEMFS_CODE_CACHE (a folder, or off); else the user's cache folder,
// $XDG_CACHE_HOME/memfs-action or ~/.cache/memfs-action, so that by-hand runs and later runs start warm too, as
// Node's own module.enableCompileCache() and the v8-compile-cache package keep theirs; else the run's spool. The cache
// is an optimisation only: every failure to read or write it is ignored (config.ts checks MEMFS_CODE_CACHE's value).
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { Script } from 'node:vm';
import { codeCacheFolders } from './code-cache-folders.js';

// Taken before the bundle patches fs: the cache is written after it ran, and must go to the disk by Node's own code.
// Only functions that call the binding themselves: Node's writeFileSync opens through `fs.openSync`, which by then is
// the overlay's (a cache folder inside a root would get the file in memory, and the run's export with it).
const disk = { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync };

// Replaced by scripts/preload-bundle.mjs (esbuild `define`): a hash of the bundle that names its cache, and its length.
// V8 accepts a cache for any source of the length it was made for: a bundle replaced without its loader must not get
// the code of another build, so a bundle of another length is compiled without the cache.
declare const MEMFS_PRELOAD_BUNDLE_ID: string;
declare const MEMFS_PRELOAD_BUNDLE_LENGTH: number;

const bundleFile = `${__dirname}/preload-bundle.cjs`;

/** A cache file not rewritten for this long is removed when a new one is written beside it (one folder serves every build and Node). */
const unusedFor = 30 * 24 * 3600 * 1000;
/** How many cache files one folder keeps at most: the newest, the ones in use. */
const cachesKept = 32;

/** FNV-1a, 32 bits: a name for this process's V8 flags, which V8 checks before it accepts a cache (no crypto here). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Node's own options that name what to run or read: a file or module to load, an env file, or source text to
 * evaluate (`node -e <code>` keeps the code in execArgv). They are no V8 flags, which are all V8 checks a cache
 * against, and their values change from process to process (every `node -p …` of a script, a test's child started
 * with `--require <its temporary file>`): left in the name, they would give each such process a cache file of its own.
 */
const codeOptions = new Set([
  '--require', '-r', '--import', '--loader', '--experimental-loader', '--env-file', '--env-file-if-exists',
  '--eval', '-e', '--print', '-p', '-pe',
]);

/** The options in `args` that may matter to V8 (all but the code options above and their values), to name the cache by. */
function compileOptions(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const equals = arg.indexOf('=');
    if (!codeOptions.has(equals === -1 ? arg : arg.slice(0, equals))) kept.push(arg);
    else if (equals === -1) i++; // its value is the next argument
  }
  return kept;
}

/**
 * The cache file's name for this bundle (its build and its path), Node binary and set of options. Processes whose V8 flags differ (a runner's
 * workers often get their own execArgv) keep separate files instead of overwriting each other's. (NODE_OPTIONS is
 * split on spaces only: a quoted value with spaces is kept in pieces, which names the same file every time all the same.)
 */
function cacheName(): string {
  const nodeOptions = (process.env.NODE_OPTIONS ?? '').split(' ').filter((arg) => arg !== '');
  // The bundle's own path too: the compiled code keeps the file name it was made from, which stack frames and coverage
  // then show, so two checkouts of one build (one shared ~/.cache) each get their own.
  const options = fnv1a(`${bundleFile}\n${compileOptions(process.execArgv).join('\0')}\n${compileOptions(nodeOptions).join('\0')}`);
  return `preload-${MEMFS_PRELOAD_BUNDLE_ID}-${process.version}-${process.arch}-${options}.v8cache`;
}

/**
 * A cache file is code run in this process, and a cache folder may be shared (MEMFS_CODE_CACHE names any folder; the
 * spool is private to the run's user, but a process of the run may be another user): only a file of this user or of
 * root, writable by no one else, is loaded.
 */
function readCache(file: string): Buffer | undefined {
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
 * exclusively (never through a link someone left in a shared folder). Into the first folder that takes it.
 */
function writeCache(folders: string[], name: string, script: Script): void {
  const data = script.createCachedData();
  for (const folder of folders) {
    const temporary = `${folder}/${name}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    let created = false;
    try {
      disk.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const fd = disk.openSync(temporary, 'wx', 0o644);
      created = true;
      try {
        for (let done = 0; done < data.length; ) done += disk.writeSync(fd, data, done);
      } finally {
        disk.closeSync(fd);
      }
      disk.renameSync(temporary, `${folder}/${name}`);
    } catch {
      // A folder that is read-only, full, gone, or closed to this user (the spool, to another user): try the next one.
      if (created) removeQuietly(temporary);
      continue;
    }
    removeUnused(folder);
    return;
  }
}

function removeQuietly(file: string): void {
  try {
    disk.unlinkSync(file);
  } catch {
    // gone already, or not ours to remove
  }
}

/**
 * Caches of other builds, Node versions and sets of options pile up in the user's folder: those not rewritten for a
 * month go, and of the rest only the newest `cachesKept` stay (≈ 150 KB each), whatever a machine runs.
 */
function removeUnused(folder: string): void {
  const now = Date.now();
  let entries: string[];
  try {
    entries = disk.readdirSync(folder);
  } catch {
    return;
  }
  const caches: { file: string; written: number }[] = [];
  for (const entry of entries) {
    const temporary = entry.endsWith('.tmp');
    if (!entry.startsWith('preload-') || !(temporary || entry.endsWith('.v8cache'))) continue;
    const file = `${folder}/${entry}`;
    try {
      const written = disk.statSync(file).mtimeMs;
      // A temporary file is someone's unfinished write for a moment, and left behind only by a killed process.
      if (now - written > (temporary ? 3600 * 1000 : unusedFor)) removeQuietly(file);
      else if (!temporary) caches.push({ file, written });
    } catch {
      // removed meanwhile by another process
    }
  }
  if (caches.length <= cachesKept) return;
  caches.sort((a, b) => b.written - a.written);
  for (const { file } of caches.slice(cachesKept)) removeQuietly(file);
}

/**
 * The bundle requires only builtins, each module of it again (fs a dozen times): through Node's require each call
 * costs ≈ 50 k instructions, a Map lookup nothing.
 */
const requiredOnce = new Map<string, unknown>();
function requireOnce(id: string): unknown {
  let exports = requiredOnce.get(id);
  if (exports === undefined) requiredOnce.set(id, (exports = require(id)));
  return exports;
}

function load(): void {
  // Latin-1: the bundle is ASCII (scripts/preload-bundle.mjs checks), which Latin-1 copies byte for byte where UTF-8
  // would be validated first (≈ 0.3 M instructions at every start).
  const source = disk.readFileSync(bundleFile, 'latin1');
  const folders = source.length === MEMFS_PRELOAD_BUNDLE_LENGTH ? codeCacheFolders(process.env) : [];
  const name = cacheName();
  let cachedData: Buffer | undefined;
  for (const folder of folders) if ((cachedData = readCache(`${folder}/${name}`))) break;
  // The bundle is a function expression with the CommonJS module parameters and this file's path, which the preload
  // hands on to child processes (scripts/preload-bundle.mjs).
  const script = new Script(source, { filename: bundleFile, cachedData });
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const bundleModule = { exports: {} };
  run.call(bundleModule.exports, bundleModule.exports, requireOnce, bundleModule, bundleFile, __dirname, __filename);
  if (folders.length > 0 && (cachedData === undefined || script.cachedDataRejected === true)) writeCache(folders, name, script);
}

load();
