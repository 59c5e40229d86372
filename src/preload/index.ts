// The preload: NODE_OPTIONS="--require <abs>/dist/preload.cjs" loads this into every Node process and worker thread of
// the test command, before anything else runs (through src/preload/loader.ts, which runs this bundle from V8's code
// cache). It reads the configuration, builds the overlay over what earlier processes of the run made visible (their
// journals, read as a layer between the overlay and the disk), opens this thread's journal at its first change, patches fs once, teaches the module loader about overlay-only
// files and lets process.chdir enter them. It prints nothing and adds no enumerable global; it stays small because
// every process of the user's run pays for loading it (docs/configuration.md).
import { accessSync, constants, statSync, writeSync } from 'node:fs';
import { delimiter } from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
import type { Change, ChangeObserver, SpaceGuard } from '../overlay/types.js';
import { createDiskLayer } from '../overlay/disk.js';
import { Overlay } from '../overlay/overlay.js';
import type Picomatch from 'picomatch';
import { createPathRouter } from '../node/path-router.js';
import { createDiskLocator } from '../node/disk-location.js';
import { installFs } from '../node/install.js';
import { forgetLaneAnswers, setLaneLook } from '../node/untouched-lane.js';
import { canHookModules, installModuleLoading } from '../node/modules.js';
import { openJournal, type Journal } from '../changes/journal.js';
import { SpoolSpace } from '../changes/spool-space.js';
import { createRunLayer } from '../changes/run-layer.js';
import { ConfigError, encodeList, readConfig, thisMachine, ENV, type PreloadConfig } from './config.js';
import { flushOnEveryEnding, type Flushable } from './lifecycle.js';
import { installWorkingDirectory } from './working-directory.js';
import { trackUmask } from './umask.js';
import { installReach, type Inheritance } from './reach.js';
import { installTestRunners } from './test-runners.js';
import { createCoherence } from './coherence.js';
import { installProcessHandOvers, setHandOver } from './hand-over.js';
import type { Router } from '../node/path-router.js';

/** The router, looking for what other processes changed before it says a path is the overlay's. */
function lookingForOthersChanges(router: Router, refresh: () => void): Router {
  return {
    owns(abs, spelt) {
      if (!router.owns(abs, spelt)) return false;
      refresh();
      return true;
    },
    ownsLink(abs, spelt) {
      if (!router.ownsLink(abs, spelt)) return false;
      refresh();
      return true;
    },
    forget: () => router.forget(),
  };
}

// The loader's path (src/preload/loader.ts passes it to the bundle): what child processes must require.
declare const memfsPreloadFile: string | undefined;

// Per thread (each worker has its own globalThis and its own overlay), shared by every copy of the preload file so
// that a second --require, even of another build, installs nothing twice. A symbol key is never enumerable as a
// global name (Node's own test suite checks `for (k in globalThis)`).
const INSTALLED = Symbol.for('memfs-action.preload.installed');

/**
 * The journal is opened by the first change this thread makes, not at start-up: opening it costs a file and a record,
 * and most processes of a test run (npm, the runner's parent, tools) change nothing. No timer is needed until then:
 * the first write through a descriptor is itself a change (`unsaved`), which opens the journal and its sweep for files
 * still open. Exit and an uncaught exception still ask the engine for unsaved writes.
 */
class JournalOnFirstChange implements ChangeObserver, Flushable {
  private journal: Journal | undefined;
  /** Exit came before any change: a change made later (by an exit listener of the program) ends the journal at once. */
  private ended = false;

  constructor(private readonly open: () => Journal, private readonly reportUnsavedWrites: () => void) {}

  onChange(change: Change): void {
    const journal = this.opened();
    journal.onChange(change);
    if (this.ended) journal.close();
  }

  beforeForget(ino: number): void {
    this.journal?.beforeForget?.(ino);
  }

  opened(): Journal {
    if (this.journal) return this.journal;
    return (this.journal = this.open());
  }

  /** Never throws: it runs in exit handlers. */
  flush(): void {
    if (this.journal) return this.journal.flush();
    try {
      this.reportUnsavedWrites();
    } catch {
      // The journal, once open, records why it could not save a file; before, there is nothing to record it in.
    }
  }

  close(): void {
    this.flush();
    this.journal?.close();
    this.ended = true;
  }

  handOver(): void {
    this.journal?.handOver();
  }

  lastChangeOf(path: string): bigint | undefined {
    return this.journal?.lastChangeOf(path);
  }

  /** The journal's file, once this thread has one. */
  file(): string | undefined {
    return (this.journal as { file?: string } | undefined)?.file;
  }
}

/**
 * picomatch is evaluated when a pass-through glob is first matched, not in every process at start-up (≈ 2 ms). This
 * file is only ever run bundled as CommonJS, where esbuild turns the require into its lazy module wrapper.
 */
function compilePassThroughGlobs(globs: string[]): (absPath: string) => boolean {
  const picomatch = require('picomatch') as typeof Picomatch;
  return picomatch(globs, { dot: true });
}

/** The spool is private to the user who runs memfs-action: a process of the run started as another user is kept out. */
class OtherUserError extends Error {}

/** Checked now, not at the first change: a spool this process may not write must stop it before its tests run. */
function checkSpoolAccess(spoolDir: string): void {
  try {
    accessSync(spoolDir, constants.W_OK | constants.X_OK);
  } catch (error) {
    const uid = process.getuid?.();
    const owner = statSync(spoolDir).uid;
    if (uid === undefined || owner === uid) throw error;
    throw new OtherUserError(
      `memfs-action: this process runs as user ${uid}, but the run's spool ${spoolDir} (MEMFS_SPOOL) is private to ` +
        `user ${owner}, who runs memfs-action: it holds what the tests wrote, and the report takes in that user's ` +
        `journals only. This process could neither see the files earlier processes of the run wrote nor record its ` +
        `own, so it stops before its program runs.\nStart it as user ${owner} like the rest of the run (without the ` +
        `uid or gid given to spawn, su or setpriv), or run memfs-action itself as user ${uid}.\n`,
    );
  }
}

/** The run's MEMFS_* variables as this process got them (MEMFS_DISABLE aside: it is never handed on unasked). */
function inheritance(preloadPath: string): Inheritance {
  const variables: Array<[string, string]> = [];
  for (const name of Object.values(ENV)) {
    const value = name === ENV.disable ? undefined : process.env[name];
    if (value !== undefined) variables.push([name, value]);
  }
  return { preloadPath, variables };
}

function install(config: PreloadConfig): void {
  const { spoolDir } = config;
  let journal: JournalOnFirstChange | undefined;
  let spaceGuard: SpaceGuard | undefined;
  if (spoolDir !== undefined) {
    checkSpoolAccess(spoolDir);
    const space = new SpoolSpace({ spoolDir, capBytes: config.spoolLimitBytes });
    journal = new JournalOnFirstChange(() => openJournal({ spoolDir, engine, space }), () => engine.reportUnsavedWrites?.());
    flushOnEveryEnding(journal);
    const observer = journal;
    space.flushPending = () => observer.flush();
    spaceGuard = space;
  }
  const disk = createDiskLayer();
  const runLayer = spoolDir !== undefined ? createRunLayer(spoolDir, disk, { roots: config.roots, ownJournal: () => journal?.file() }) : undefined;
  const lower = runLayer ?? disk;
  const engine: Overlay = new Overlay({
    lower, quotaBytes: config.quotaBytes, umask: trackUmask(), ...(journal && { observer: journal }), ...(spaceGuard && { spaceGuard }),
  });
  // Routed by where a path lands, not by how it is spelt; process.cwd is read when asked, after working-directory.ts
  // has taught it folders that only the overlay has.
  const locate = createDiskLocator({ cwd: () => process.cwd() });
  let router = createPathRouter({ roots: config.roots, passThrough: config.passThrough, locate }, compilePassThroughGlobs);
  if (runLayer !== undefined) {
    runLayer.beforeChange = (paths) => engine.keepOwnBytes(paths);
    const coherence = createCoherence({
      runLayer, engine, lastOwnChange: (path) => journal!.lastChangeOf(path), modelChanged: forgetLaneAnswers,
    });
    router = lookingForOthersChanges(router, coherence.refresh);
    // The untouched lane skips the router for paths it has answered before: it looks for news itself.
    setLaneLook(coherence.refresh);
    setHandOver({ before: () => journal!.handOver(), after: coherence.stale });
    installProcessHandOvers();
  }
  // Where the module hooks exist (Node ≥ 22.15), every way to reach fs.promises can be intercepted: it is patched when
  // first reached, and processes that never use it do not pay for loading it.
  installFs(engine, router, { deferPromises: canHookModules(), untouchedLane: true });
  installModuleLoading(engine, router);
  installWorkingDirectory(engine, router);
  if (typeof memfsPreloadFile === 'string') installReach(inheritance(memfsPreloadFile));
  // Only a journal asks which test runs.
  if (journal !== undefined) installTestRunners();
  syncBuiltinESMExports();
}

function main(): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[INSTALLED]) return;
  Object.defineProperty(global, INSTALLED, { value: true, enumerable: false });

  let result;
  try {
    result = readConfig(process.env, thisMachine);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Running on without the overlay would let the tests write to the real disk: stop before they start.
    writeSync(2, `${error.message}\n`);
    process.exit(1);
  }
  if (result.disabled) return;
  // Children started with another working directory must keep the roots of the run, not make their own.
  if (!process.env[ENV.roots]) process.env[ENV.roots] = encodeList(result.config.roots, delimiter);
  try {
    install(result.config);
  } catch (error) {
    if (error instanceof OtherUserError) {
      // Nothing is patched yet. No word of MEMFS_DISABLE: that would send this process's writes to the real disk.
      writeSync(2, error.message);
      process.exit(1);
    }
    // fs may be half patched: running on could write anywhere. Say what failed and what to do — not MEMFS_DISABLE,
    // which would send the tests' writes to the real disk, the one thing the user asked memfs-action to prevent.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    writeSync(2, `memfs-action: the preload could not start, so this process stops: ${detail}\n` +
      `Running on would let it write to the real disk. If the error names a folder of the run (its spool, a root), ` +
      `make it usable by this process; otherwise this is a fault of memfs-action: please report it to the ` +
      `memfs-action project with this message, your Node version (${process.version}) and OS.\n`);
    process.exit(1);
  }
}

main();
