// Module loading of files that exist only in the overlay (or were deleted in it).
//
// Patching fs is enough for modules whose content changed: the loaders read sources through fs.readFileSync or
// fs.promises.readFile. What patching cannot reach is C++: the loaders probe files with `internalModuleStat` and read
// package.json (main, exports, type) natively, so a file a test created is "not found" and a file it deleted is still
// found. shared/research/node.md §4 has the verified plan; what we install:
// - every Node: `Module._stat`, the probe behind require's resolution (Node ≥ 22.15 uses it too when an import()ed
//   CommonJS file is loaded through Module._load), and `Module._resolveFilename`, for a package main read from an
//   overlay package.json;
// - Node ≥ 22.15 / 23.5: `module.registerHooks` (in-thread, synchronous) for import(): when Node's own resolution
//   fails, resolve against the overlay and give the format from the overlay's package.json; when it succeeds on a
//   file the overlay deleted, fail as Node would. Before 22.15, import() of an overlay-only file is not supportable:
//   ESM resolution calls the C++ stat it captured at start-up, and module.register hooks run on another thread,
//   which has its own (empty) overlay.
// Named imports: a default import of a builtin is bundled as a copy of all its properties, paid at every start-up.
import { Module, type LoadHookSync, type ResolveFnOutput, type ResolveHookSync } from 'node:module';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { patchFsPromises } from './install.js';
import { builtinReached } from './first-reach.js';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Vm from 'node:vm';
import type { OverlayApi, StatRecord } from '../overlay/types.js';
import { untouchedStat, untouchedStatAt } from './untouched.js';
import { ENGINE, laneAnswer, NOT_OURS, overlayHoldsNothing } from './untouched-lane.js';

export type ModuleEngine = Pick<OverlayApi, 'tryStat' | 'readFile' | 'realpath'>;
export interface ModuleRouter {
  owns(absPath: string): boolean;
}

/** What sees overlay-only files on this Node: documented per Node version in the README. */
export type ModuleLoading = 'require-and-import' | 'require';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

type Hooks = {
  registerHooks?: (hooks: { resolve: ResolveHookSync; load: LoadHookSync }) => unknown;
  _stat?: (filename: string) => number;
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
  _extensions: Record<string, unknown>;
};
const ModuleInternals = Module as unknown as Hooks;

/** Whether installModuleLoading will hook require and import (module.registerHooks, Node ≥ 22.15). */
export function canHookModules(): boolean {
  return typeof ModuleInternals.registerHooks === 'function';
}

export function installModuleLoading(engine: ModuleEngine, router: ModuleRouter): ModuleLoading {
  const lookup = new OverlayLookup(engine, router);
  installStat(lookup);
  if (!canHookModules()) return 'require';
  installHooks(ModuleInternals.registerHooks!, lookup);
  return 'require-and-import';
}

/** What the overlay holds, asked only for paths it owns; other paths are Node's own business. */
class OverlayLookup {
  constructor(
    readonly engine: ModuleEngine,
    readonly router: ModuleRouter,
  ) {}

  kind(file: string): 'file' | 'directory' | undefined {
    if (!this.router.owns(file)) return undefined;
    return kindOf(this.engine.tryStat(file, true));
  }

  /** Whether the overlay deleted a file Node's own resolution found (so on the disk, or in memory through _stat). */
  isDeleted(file: string): boolean {
    // The untouched lane knows most of these paths already (require probed them through Module._stat): one lookup
    // for the router and the engine's walk, then the disk's own answer where the merged view is the disk's.
    const lane = laneAnswer(file);
    if (lane === NOT_OURS) return false;
    if (lane === undefined && !this.router.owns(file)) return false;
    const fast = typeof lane === 'string' ? untouchedStatAt(lane, true, false) : undefined;
    if (fast !== undefined) return fast === null;
    return this.engine.tryStat(file, true) === undefined;
  }

  /** CommonJS rules: the file, the file with each registered extension, a directory's package main, its index. */
  findForRequire(target: string, directoryOnly: boolean): string | undefined {
    if (!directoryOnly) {
      const file = this.fileWithExtensions(target);
      if (file !== undefined) return file;
    }
    if (this.kind(target) !== 'directory') return undefined;
    const main = this.packageJson(target)?.main;
    if (typeof main === 'string' && main !== '') {
      const mainPath = resolve(target, main);
      const found = this.fileWithExtensions(mainPath) ?? this.index(mainPath);
      if (found !== undefined) return found;
    }
    return this.index(target);
  }

  /** The nearest package.json "type" from the file's folder up, through the overlay while the folders are its own. */
  packageType(file: string): string | undefined {
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      if (!this.router.owns(dir)) return undefined; // the disk's package.json: Node reads that one itself
      const pkg = this.packageJson(dir);
      if (pkg !== undefined) return typeof pkg.type === 'string' ? pkg.type : undefined;
      if (dirname(dir) === dir) return undefined;
    }
  }

  private fileWithExtensions(base: string): string | undefined {
    if (this.kind(base) === 'file') return base;
    for (const ext of requireExtensions()) if (this.kind(base + ext) === 'file') return base + ext;
    return undefined;
  }

  private index(dir: string): string | undefined {
    for (const ext of requireExtensions()) {
      const file = join(dir, `index${ext}`);
      if (this.kind(file) === 'file') return file;
    }
    return undefined;
  }

  private packageJson(dir: string): { main?: unknown; type?: unknown } | undefined {
    const file = join(dir, 'package.json');
    if (this.kind(file) !== 'file') return undefined;
    try {
      const parsed: unknown = JSON.parse(this.engine.readFile(file).toString('utf8'));
      return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
    } catch {
      return undefined; // Node reports a broken package.json when it reads it; an overlay lookup just finds nothing
    }
  }
}

function kindOf(stat: StatRecord | undefined): 'file' | 'directory' | undefined {
  if (stat === undefined) return undefined;
  const type = stat.mode & S_IFMT;
  return type === S_IFREG ? 'file' : type === S_IFDIR ? 'directory' : undefined;
}

/** Native addons cannot be loaded from memory: dlopen needs a file on disk. */
function requireExtensions(): string[] {
  return Object.keys(ModuleInternals._extensions).filter((ext) => ext !== '.node');
}

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_UNSUPPORTED_DIR_IMPORT';
}

// ---- Node ≥ 22.15: module.registerHooks ----

function installHooks(registerHooks: NonNullable<Hooks['registerHooks']>, lookup: OverlayLookup): void {
  // URLs this thread resolved from the overlay, and whether a require asked: the load hook serves only these.
  const resolvedFromOverlay = new Map<string, boolean>();

  const resolveHook: ResolveHookSync = (specifier, context, nextResolve) => {
    // fs.promises is patched when first reached (install.ts): an import or require of it is one way.
    if (specifier === 'fs/promises' || specifier === 'node:fs/promises') patchFsPromises();
    builtinReached(specifier); // child_process and worker_threads are patched when first reached (first-reach.ts)
    const forRequire = context.conditions?.includes('require') ?? false;
    let resolved: ResolveFnOutput;
    try {
      resolved = nextResolve(specifier, context);
    } catch (error) {
      // The loader's realpathSync (patched) met a file the overlay deleted: Node would not have found it at all.
      const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT' ? (error as NodeJS.ErrnoException).path : undefined;
      if (missing !== undefined && lookup.isDeleted(missing)) {
        throw moduleNotFound(specifier, context.parentURL, missing, forRequire);
      }
      if (!isNotFound(error)) throw error;
      const found = resolveInOverlay(lookup, specifier, context.parentURL, forRequire);
      if (found === undefined) throw error;
      const url = pathToFileURL(found).href;
      resolvedFromOverlay.set(url, forRequire);
      return { url, format: formatOf(lookup, found, forRequire), shortCircuit: true };
    }
    // import's resolution found a file with Node's own stat: the overlay may have deleted it — unless it holds nothing
    // at all (no URL taken apart then). require's probes go through Module._stat and realpathSync, both the overlay's;
    // what it takes from its path cache unprobed, a deleted file, fails as plain Node's does, reading it (ENOENT).
    if (!forRequire && resolved.url.startsWith('file:') && !overlayHoldsNothing()) {
      const file = fileURLToPath(resolved.url);
      if (lookup.isDeleted(file)) throw moduleNotFound(specifier, context.parentURL, file, forRequire);
    }
    return resolved;
  };

  const loadHook: LoadHookSync = (url, context, nextLoad) => {
    const forRequire = resolvedFromOverlay.get(url);
    if (forRequire === undefined) return nextLoad(url, context);
    const file = fileURLToPath(url);
    const format = formatOf(lookup, file, forRequire);
    // No format of our own (a .js without "type" anywhere in the overlay): Node decides, reading the source
    // through the patched fs, exactly as for a file on disk.
    if (format === undefined) return nextLoad(url, context);
    return { format, source: lookup.engine.readFile(file), shortCircuit: true };
  };

  registerHooks({ resolve: resolveHook, load: loadHook });
}

function resolveInOverlay(
  lookup: OverlayLookup,
  specifier: string,
  parentURL: string | undefined,
  forRequire: boolean,
): string | undefined {
  let target: string;
  if (specifier.startsWith('file:')) {
    try {
      target = fileURLToPath(specifier.replace(/[?#].*$/, ''));
    } catch {
      return undefined;
    }
  } else if (isAbsolute(specifier)) {
    target = specifier;
  } else if (isRelative(specifier)) {
    const parentDir = parentURL?.startsWith('file:') ? dirname(fileURLToPath(parentURL)) : process.cwd();
    target = resolve(parentDir, specifier);
  } else {
    return undefined; // bare specifiers resolve in node_modules, which stays on disk by default
  }
  const found = forRequire
    ? lookup.findForRequire(target, specifier.endsWith('/'))
    : lookup.kind(target) === 'file'
      ? target
      : undefined; // ESM has no extension search and no directory index
  return found === undefined ? undefined : lookup.engine.realpath(found);
}

function formatOf(lookup: OverlayLookup, file: string, forRequire: boolean): string | undefined {
  switch (extname(file)) {
    case '.mjs':
      return 'module';
    case '.cjs':
      return 'commonjs';
    case '.json':
      return 'json';
    case '.wasm':
      return 'wasm';
    case '.js':
    case '': {
      // Node reads package.json "type" in C++, from the disk: an overlay package.json must be read here.
      const type = lookup.packageType(file);
      if (type === 'module' || type === 'commonjs') return type;
      if (forRequire) return undefined; // require's own loader reads the source through the patched fs
      // No "type": Node (≥ 22.7) takes a file that does not parse as CommonJS but has module syntax for a module.
      return parsesAsCommonJs(lookup.engine.readFile(file).toString('utf8')) ? 'commonjs' : 'module';
    }
    default:
      return forRequire ? 'commonjs' : undefined; // require treats unknown extensions as .js, as Node does
  }
}

function parsesAsCommonJs(source: string): boolean {
  // node:vm is loaded here, not up front: only an import() of an overlay-only .js without "type" needs it.
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const { compileFunction } = (get ? get('node:vm') : Module.createRequire(process.execPath)('node:vm')) as typeof Vm;
  try {
    compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname']);
    return true;
  } catch {
    return false;
  }
}

function moduleNotFound(specifier: string, parentURL: string | undefined, file: string, forRequire: boolean): Error {
  const parent = parentURL?.startsWith('file:') ? fileURLToPath(parentURL) : parentURL;
  if (forRequire) {
    const error = new Error(`Cannot find module '${specifier}'${parent ? `\nRequire stack:\n- ${parent}` : ''}`);
    return Object.assign(error, { code: 'MODULE_NOT_FOUND', requireStack: parent ? [parent] : [] });
  }
  const error = new Error(`Cannot find module '${file}'${parent ? ` imported from ${parent}` : ''}`);
  return Object.assign(error, { code: 'ERR_MODULE_NOT_FOUND', url: pathToFileURL(file).href });
}

// ---- every Node: Module._stat and Module._resolveFilename ----

function installStat(lookup: OverlayLookup): void {
  const diskStat = ModuleInternals._stat;
  if (typeof diskStat !== 'function') return;
  // require probes every candidate with Module._stat: 0 = file, 1 = directory, negative = missing.
  const overlayStat = (filename: string): number => {
    // Nothing in memory anywhere (after the coherence look): Node's own probe, one native call returning the kind.
    if (typeof filename === 'string' && overlayHoldsNothing()) return diskStat(filename);
    // The untouched lane (untouched-lane.ts) answers the router and the engine at once for a path asked before.
    const lane = typeof filename === 'string' ? laneAnswer(filename) : undefined;
    if (lane === NOT_OURS || (lane === undefined && !lookup.router.owns(filename))) return diskStat(filename);
    // Where the overlay holds nothing, one native lstat answers (no engine record built on the way).
    const fast = typeof lane === 'string' ? untouchedStatAt(lane, true, false) : lane === ENGINE ? undefined : untouchedStat(filename, true, false);
    if (fast === null) return -2;
    if (fast !== undefined) return fast.isFile() ? 0 : fast.isDirectory() ? 1 : -2;
    const kind = kindOf(lookup.engine.tryStat(filename, true));
    return kind === 'file' ? 0 : kind === 'directory' ? 1 : -2;
  };
  // Setting Module._stat prints "ExperimentalWarning: Module._stat is an experimental feature" in every process:
  // users would see it in every test run for something they did not do.
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {};
  try {
    ModuleInternals._stat = overlayStat;
  } finally {
    process.emitWarning = emitWarning;
  }

  // Node reads a directory's package.json "main" natively, from the disk: a package the test wrote falls back here.
  const resolveFilename = ModuleInternals._resolveFilename;
  ModuleInternals._resolveFilename = function (this: unknown, request, parent, isMain, options) {
    try {
      return resolveFilename.call(this, request, parent, isMain, options);
    } catch (error) {
      if (!isNotFound(error) || !(isRelative(request) || isAbsolute(request))) throw error;
      const parentFile = (parent as { filename?: unknown } | null)?.filename;
      const base = typeof parentFile === 'string' ? dirname(parentFile) : process.cwd();
      const found = lookup.findForRequire(resolve(base, request), request.endsWith('/'));
      if (found === undefined) throw error;
      return lookup.engine.realpath(found);
    }
  };
}
